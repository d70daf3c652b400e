// Inputs shared by the benchmarks: Dockerfiles of a given length built from one realistic Go
// build (~20 lines, repeated with distinct stage names), and a Go workspace to put beside them.
import fs from 'node:fs';
import path from 'node:path';

/** One realistic Go build of 20 lines; `i` keeps stage names and binaries distinct. */
export function block(i) {
  return [
    `FROM golang:1.22-alpine AS build${i}`,
    'RUN apk add git ca-certificates',
    'WORKDIR /src',
    'COPY . .',
    'RUN go mod download',
    `RUN CGO_ENABLED=0 GOOS=linux go build -ldflags "-X main.version=${i}" \\`,
    `    -o /out/app${i} ./cmd/app${i}`,
    '# runtime',
    `FROM alpine:3.20 AS run${i}`,
    'RUN apk update && apk add tzdata && \\',
    '    addgroup -S app && adduser -S app -G app',
    `COPY --from=build${i} /out/app${i} /usr/local/bin/app`,
    'ENV TZ=UTC PORT=8080',
    'EXPOSE 8080',
    'USER root',
    'HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1',
    'LABEL org.opencontainers.image.title="app" \\',
    '      org.opencontainers.image.source="example"',
    'ENTRYPOINT app serve --port 8080',
    '',
  ];
}

/** A Dockerfile of exactly `lines` lines (plus the final line break). */
export function dockerfile(lines) {
  const out = [];
  for (let i = 0; out.length < lines; i++) out.push(...block(i));
  return out.slice(0, lines).join('\n') + '\n';
}

/**
 * A Go module the size of a small service: go.mod/go.sum with real-looking requirements,
 * `apps` commands under cmd/, internal packages with tests, a .dockerignore, a README.
 */
export function writeGoWorkspace(dir, { apps = 8, packages = 40 } = {}) {
  const w = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const requires = [
    ['github.com/spf13/cobra', 'v1.8.0'],
    ['github.com/prometheus/client_golang', 'v1.19.0'],
    ['go.uber.org/zap', 'v1.27.0'],
    ['golang.org/x/sync', 'v0.7.0'],
    ['google.golang.org/grpc', 'v1.63.2'],
  ];
  w('go.mod', `module example.com/service\n\ngo 1.22\n\nrequire (\n${requires.map(([m, v]) => `\t${m} ${v}`).join('\n')}\n)\n`);
  w('go.sum', requires.map(([m, v]) => `${m} ${v} h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n${m} ${v}/go.mod h1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=\n`).join(''));
  w('.dockerignore', '.git\n*.md\nbin/\n');
  w('README.md', '# service\n');
  for (let p = 0; p < packages; p++) {
    w(`internal/pkg${p}/pkg${p}.go`, `package pkg${p}\n\nimport (\n\t"context"\n\t"fmt"\n\n\t"go.uber.org/zap"\n)\n\nfunc Run(ctx context.Context, log *zap.Logger) error {\n\tlog.Info(fmt.Sprint("pkg${p}"))\n\treturn ctx.Err()\n}\n`);
    w(`internal/pkg${p}/pkg${p}_test.go`, `package pkg${p}\n\nimport "testing"\n\nfunc TestRun(t *testing.T) {}\n`);
  }
  for (let a = 0; a < apps; a++) {
    w(`cmd/app${a}/main.go`, `package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"example.com/service/internal/pkg${a % packages}"\n\t"github.com/spf13/cobra"\n\t"go.uber.org/zap"\n)\n\nvar version = "dev"\n\nfunc main() {\n\tlog, _ := zap.NewProduction()\n\tcmd := &cobra.Command{Use: "app${a}", RunE: func(*cobra.Command, []string) error { return pkg${a % packages}.Run(context.Background(), log) }}\n\tif cmd.Execute() != nil {\n\t\tos.Exit(1)\n\t}\n}\n`);
  }
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function median(values) {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}
