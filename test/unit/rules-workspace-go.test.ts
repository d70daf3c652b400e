/**
 * GD101, GD102, GD103, GD105, GD106: the Go-build rules that read the workspace (GD102 reads it
 * only to stay out of GD103's way). Workspaces come from test/fixtures/workspaces via
 * loadWorkspace, or are made by hand with makeWorkspaceModel/makeGoModule/makeGoPackage.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { applyEdits } from '../../server/src/edits/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import { RULES_BY_CODE } from '../../server/src/rules/registry';
import { loadWorkspace, type Workspace } from '../../server/src/workspace/load';
import { makeGoModule, makeGoPackage, makeWorkspaceModel } from '../../server/src/workspace/make';
import { applyFix, df, lint, ready } from './helpers';

before(() => ready);

const FIX = path.join(__dirname, '../fixtures/workspaces');
const fixture = (name: string): AnalyzeOptions => {
  const ws = loadWorkspace(path.join(FIX, name));
  return { workspace: ws.model, files: ws };
};
const find = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).filter((f) => f.code === code);
const has = (text: string, code: string, opts: AnalyzeOptions = {}) => find(text, code, opts).length > 0;
const spanText = (text: string, code: string, opts: AnalyzeOptions = {}) => {
  const f = find(text, code, opts)[0];
  assert.ok(f, `expected ${code} in:\n${text}`);
  return text.slice(f.span.start, f.span.end);
};
/** applyFix (every fix guarantee) + the result's RUNs still parse as shell, and the stage count is kept. */
const fix = (text: string, code: string, opts: AnalyzeOptions = {}) => {
  const out = applyFix(text, code, opts);
  const a = parseDockerfile(text);
  const b = parseDockerfile(out);
  assert.equal(b.stages.length, a.stages.length);
  for (const i of b.instructions) if (i.script) assert.equal(i.script.parsed.hasErrors, false, `shell error in ${out.slice(i.span.start, i.span.end)}`);
  return out;
};

const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});
function tempWorkspace(files: Record<string, string>): AnalyzeOptions {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ws-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const ws = loadWorkspace(root);
  return { workspace: ws.model, files: ws };
}

const mod = (goVersion: string, over: Parameters<typeof makeGoModule>[0] = {}) =>
  ({ workspace: makeWorkspaceModel({ module: makeGoModule({ goVersion, hasGoSum: true, ...over }) }) });

// -------------------------------------------------------------------------------------------

describe('GD101 go-version-behind-gomod', () => {
  const build = ['WORKDIR /src', 'COPY . .', 'RUN go build -o /app .'];

  it('finds a golang tag older than go.mod, on the image, as an error', () => {
    const text = df(['FROM golang:1.22-bookworm AS build', ...build]);
    const f = find(text, 'GD101', mod('1.24.2'))[0];
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'golang:1.22-bookworm');
    assert.match(f.message, /go 1\.24\.2/);
    assert.match(f.message, /GOTOOLCHAIN=local/);
  });

  it('a tag without a patch satisfies every patch of its line; a patch tag is compared exactly', () => {
    assert.equal(has(df(['FROM golang:1.22', ...build]), 'GD101', mod('1.22.3')), false);
    assert.equal(has(df(['FROM golang:1.22-alpine3.20', ...build]), 'GD101', mod('1.22.3')), false);
    assert.equal(has(df(['FROM golang:1', ...build]), 'GD101', mod('1.24.2')), false);
    assert.equal(has(df(['FROM golang:1.22.3', ...build]), 'GD101', mod('1.22.3')), false);
    assert.equal(has(df(['FROM golang:1.22.1', ...build]), 'GD101', mod('1.22.3')), true);
    assert.equal(has(df(['FROM golang:1.21', ...build]), 'GD101', mod('1.22')), true);
  });

  it('fix retags to the go.mod version and keeps the variant suffix', () => {
    const text = df(['FROM golang:1.22-bookworm AS build', ...build]);
    const fixed = fix(text, 'GD101', mod('1.24.2'));
    assert.match(fixed, /^FROM golang:1\.24\.2-bookworm AS build\n/);
    const f = find(text, 'GD101', mod('1.24.2'))[0];
    assert.equal(f.fix?.safe, false, 'changing the compiler is not an unattended fix');
    assert.match(fix(df(['FROM --platform=$BUILDPLATFORM docker.io/library/golang:1.21.5-alpine3.19 AS b', ...build]), 'GD101', mod('1.23.0')), /golang:1\.23\.0-alpine3\.19 AS b/);
  });

  it('reads the toolchain line when it is newer (nosum fixture: go 1.21.0, toolchain go1.22.1)', () => {
    const opts = fixture('nosum');
    const text = df(['FROM golang:1.21', ...build]);
    const f = find(text, 'GD101', opts)[0];
    assert.ok(f);
    assert.match(f.message, /toolchain go1\.22\.1/);
    assert.match(fix(text, 'GD101', opts), /^FROM golang:1\.22\.1\n/);
    assert.equal(has(df(['FROM golang:1.22', ...build]), 'GD101', opts), false);
  });

  it('edits the ARG default when the version comes from one, keeping its quotes', () => {
    const text = df(['ARG GO_VERSION=1.22', 'ARG ALPINE=3.20', 'FROM golang:${GO_VERSION}-alpine${ALPINE} AS build', ...build]);
    const f = find(text, 'GD101', mod('1.24.2'))[0];
    assert.equal(text.slice(f.span.start, f.span.end), 'golang:${GO_VERSION}-alpine${ALPINE}');
    assert.match(f.fix!.title, /GO_VERSION to 1\.24\.2/);
    const fixed = fix(text, 'GD101', mod('1.24.2'));
    assert.match(fixed, /^ARG GO_VERSION=1\.24\.2\nARG ALPINE=3\.20\nFROM golang:\$\{GO_VERSION\}-alpine\$\{ALPINE\} AS build\n/);
    const quoted = df(['ARG GO_VERSION="1.22"', 'FROM golang:${GO_VERSION} AS build', ...build]);
    assert.match(fix(quoted, 'GD101', mod('1.24.2')), /^ARG GO_VERSION="1\.24\.2"\n/);
  });

  it('takes the go.work requirement (gowork fixture: svc/api says go 1.23.1)', () => {
    const opts = fixture('gowork');
    const text = df(['FROM golang:1.22', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./svc/api']);
    const f = find(text, 'GD101', opts)[0];
    assert.ok(f);
    assert.match(f.message, /go 1\.23\.1/);
    assert.match(fix(text, 'GD101', opts), /^FROM golang:1\.23\.1\n/);
    assert.equal(has(df(['FROM golang:1.23', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./svc/api']), 'GD101', opts), false);
  });

  it('is silent without a workspace, for untagged/latest tags, and for golang stages that compile nothing of the module', () => {
    assert.equal(has(df(['FROM golang:1.16', ...build]), 'GD101'), false);
    assert.equal(has(df(['FROM golang:latest', ...build]), 'GD101', mod('1.24.2')), false);
    assert.equal(has(df(['FROM golang:alpine', ...build]), 'GD101', mod('1.24.2')), false);
    // A golang stage that only makes users, and a tool installed outside the module.
    assert.equal(has(df(['FROM golang:1.20 AS certs', 'RUN adduser -D app', 'FROM scratch', 'COPY --from=certs /etc/passwd /etc/passwd']), 'GD101', mod('1.24.2')), false);
    assert.equal(has(df(['FROM golang:1.20', 'RUN go install golang.org/x/tools/cmd/goimports@v0.20.0']), 'GD101', mod('1.24.2')), false);
    assert.equal(has(df(['FROM golang:1.20', 'WORKDIR /src', 'COPY . .', 'RUN git clone https://example.com/t.git /tmp/t && cd /tmp/t && go build -o /t']), 'GD101', mod('1.24.2')), false);
  });

  it('counts go commands of a stage built FROM the golang stage', () => {
    const text = df(['FROM golang:1.20 AS base', 'WORKDIR /src', 'FROM base AS build', 'COPY . .', 'RUN go build -o /app .']);
    assert.equal(spanText(text, 'GD101', mod('1.24.2')), 'golang:1.20');
  });

  it('offers no fix for a digest-pinned reference or a Debian variant the new version lacks', () => {
    const pinned = df([`FROM golang:1.22@sha256:${'a'.repeat(64)} AS build`, ...build]);
    const f = find(pinned, 'GD101', mod('1.24.2'))[0];
    assert.ok(f);
    assert.equal(f.fix, undefined);
    const buster = find(df(['FROM golang:1.16-buster AS build', ...build]), 'GD101', mod('1.23.6'))[0];
    assert.ok(buster);
    assert.equal(buster.fix, undefined);
    assert.match(buster.message, /no -buster variant for Go 1\.23/);
  });

  it('fix keeps CRLF and the escape directive', () => {
    const text = df(['# escape=`', 'FROM golang:1.21-bookworm AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build `', '    -o /app .'], '\r\n');
    const fixed = fix(text, 'GD101', mod('1.22.5'));
    assert.ok(fixed.includes('FROM golang:1.22.5-bookworm AS build\r\n'));
  });
});

// -------------------------------------------------------------------------------------------

describe('GD102 cgo-dynamic-binary', () => {
  const debian = (final: string, run = 'RUN go build -o /out/app .') => df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', run, `FROM ${final}`, 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']);

  it('error: a Debian golang builder (gcc) without CGO_ENABLED=0 feeding distroless static, on the go command', () => {
    const text = debian('gcr.io/distroless/static-debian12:nonroot');
    const f = find(text, 'GD102')[0];
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'go build -o /out/app .');
    assert.match(f.message, /no such file or directory/);
    for (const final of ['scratch', 'busybox:1.36-musl', 'cgr.dev/chainguard/static:latest', 'alpine:3.20']) assert.equal(has(debian(final), 'GD102'), true, final);
  });

  it('fix prefixes CGO_ENABLED=0 (not safe without the sources, safe when the workspace shows no cgo)', () => {
    const text = debian('scratch');
    assert.match(fix(text, 'GD102'), /\nRUN CGO_ENABLED=0 go build -o \/out\/app \.\n/);
    assert.equal(find(text, 'GD102')[0].fix?.safe, false);
    assert.equal(find(text, 'GD102', fixture('simple'))[0].fix?.safe, true);
    // After other prefixes, and through `env`.
    assert.match(fix(debian('scratch', 'RUN GOOS=linux go build -o /out/app .'), 'GD102'), /RUN GOOS=linux CGO_ENABLED=0 go build/);
    assert.match(fix(debian('scratch', 'RUN env GOOS=linux go build -o /out/app .'), 'GD102'), /RUN env GOOS=linux CGO_ENABLED=0 go build/);
  });

  it('information: an alpine builder without gcc (cgo is off already), with a safe fix', () => {
    const text = df(['FROM golang:1.22-alpine AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    const f = find(text, 'GD102')[0];
    assert.equal(f.severity, 'information');
    assert.equal(f.fix?.safe, true);
    assert.match(fix(text, 'GD102'), /RUN CGO_ENABLED=0 go build/);
  });

  it('error for an alpine builder that installs gcc (a musl-linked binary on scratch)', () => {
    const text = df(['FROM golang:1.22-alpine AS build', 'RUN apk add --no-cache gcc musl-dev', 'COPY . .', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.equal(find(text, 'GD102')[0].severity, 'error');
  });

  it('is silent with CGO_ENABLED=0 (prefix, ENV, ARG, export), a static link, netgo+osusergo, or a matching libc', () => {
    assert.equal(has(debian('scratch', 'RUN CGO_ENABLED=0 go build -o /out/app .'), 'GD102'), false);
    assert.equal(has(debian('scratch', 'RUN export CGO_ENABLED=0 && go build -o /out/app .'), 'GD102'), false);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'ENV CGO_ENABLED=0', 'COPY . .', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']), 'GD102'), false);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'ARG CGO_ENABLED=0', 'COPY . .', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']), 'GD102'), false);
    assert.equal(has(debian('scratch', `RUN go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .`), 'GD102'), false);
    assert.equal(has(debian('scratch', 'RUN go build -tags netgo,osusergo -o /out/app .'), 'GD102'), false);
    assert.equal(has(debian('gcr.io/distroless/base-debian12'), 'GD102'), false);
    assert.equal(has(debian('debian:bookworm-slim'), 'GD102'), false);
    // musl builder -> musl runtime, and an alpine runtime with the glibc compatibility layer.
    assert.equal(has(df(['FROM golang:1.22-alpine AS build', 'RUN apk add gcc musl-dev', 'COPY . .', 'RUN go build -o /out/app .', 'FROM alpine:3.20', 'COPY --from=build /out/app /app']), 'GD102'), false);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'COPY . .', 'RUN go build -o /out/app .', 'FROM alpine:3.20', 'RUN apk add --no-cache gcompat', 'COPY --from=build /out/app /app']), 'GD102'), false);
  });

  it('explicit CGO_ENABLED=1: error without a fix', () => {
    const f = find(debian('scratch', 'RUN CGO_ENABLED=1 go build -o /out/app .'), 'GD102')[0];
    assert.ok(f);
    assert.equal(f.fix, undefined);
    assert.match(f.message, /-extldflags/);
  });

  it('follows go install to $GOPATH/bin, a relative -o through WORKDIR, and a copied output folder', () => {
    assert.equal(has(df(['FROM golang:1.22 AS build', 'COPY . /src', 'RUN cd /src && go install ./cmd/app', 'FROM scratch', 'COPY --from=build /go/bin/app /app']), 'GD102'), true);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o bin/app ./cmd/app', 'FROM scratch', 'COPY --from=build /src/bin/app /app']), 'GD102'), true);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/ ./cmd/app', 'FROM scratch', 'COPY --from=build /out/ /']), 'GD102'), true);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build ./cmd/server', 'FROM scratch', 'COPY --from=build /src/server /server']), 'GD102'), true);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'ARG APP=server', 'COPY . /src', 'RUN cd /src && go build -o "/out/${APP}" ./cmd/server', 'FROM scratch', 'COPY --from=build /out/server /server']), 'GD102'), true);
  });

  it('stays silent when it cannot tell which build the COPY takes, and for single-stage builds', () => {
    assert.equal(has(debian('scratch').replace('COPY --from=build /out/app', 'COPY --from=build /out/other'), 'GD102'), false);
    assert.equal(has(debian('scratch', 'RUN go build -o "$OUT" .'), 'GD102'), false);
    assert.equal(has(debian('scratch', 'RUN make build'), 'GD102'), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go build -o /app .', 'CMD ["/app"]']), 'GD102'), false);
    assert.equal(has(df(['FROM mycorp/go-builder:1 AS build', 'COPY . .', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']), 'GD102'), false);
  });

  it('leaves a program that needs cgo to GD103 (cgo fixture)', () => {
    const opts = fixture('cgo');
    const text = debian('scratch');
    assert.equal(has(text, 'GD102', opts), false);
    assert.equal(has(text, 'GD103', opts), true);
  });

  it('fix works in a heredoc and across continuation lines with CRLF', () => {
    const heredoc = df(['# syntax=docker/dockerfile:1', 'FROM golang:1.22 AS build', 'COPY . .', 'RUN <<EOF', 'set -e', 'go build -o /out/app .', 'EOF', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.match(fix(heredoc, 'GD102'), /\nset -e\nCGO_ENABLED=0 go build -o \/out\/app \.\nEOF\n/);
    const crlf = df(['FROM golang:1.22 AS build', 'COPY . .', 'RUN --mount=type=cache,target=/root/.cache/go-build \\', '    go build -trimpath \\', '    -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app'], '\r\n');
    assert.ok(fix(crlf, 'GD102').includes('\\\r\n    CGO_ENABLED=0 go build -trimpath \\\r\n'));
    const escape = df(['# escape=`', 'FROM golang:1.22 AS build', 'COPY . /src', 'RUN cd /src && `', '    go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app'], '\r\n');
    assert.ok(fix(escape, 'GD102').includes('RUN cd /src && `\r\n    CGO_ENABLED=0 go build -o /out/app .\r\n'));
  });
});

// -------------------------------------------------------------------------------------------

describe('GD103 cgo-required', () => {
  const cgoBuild = (run: string, final = 'gcr.io/distroless/static-debian12:nonroot', image = 'golang:1.22') =>
    df([`FROM ${image} AS build`, 'WORKDIR /src', 'COPY . .', run, `FROM ${final}`, 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']);

  it('finds CGO_ENABLED=0 for a package with import "C" (cgo fixture), on the go command', () => {
    const opts = fixture('cgo');
    const text = cgoBuild('RUN CGO_ENABLED=0 go build -o /out/app .', 'gcr.io/distroless/base-debian12');
    const f = find(text, 'GD103', opts)[0];
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'CGO_ENABLED=0 go build -o /out/app .');
    assert.match(f.message, /import "C"/);
    // The final stage already has glibc: only the setting changes.
    assert.match(fix(text, 'GD103', opts), /\nRUN CGO_ENABLED=1 go build -o \/out\/app \.\nFROM gcr\.io\/distroless\/base-debian12\n/);
  });

  it('CGO_ENABLED=0 and a static runtime: fix flips the setting and moves to distroless base, keeping :nonroot', () => {
    const opts = fixture('cgo');
    const text = cgoBuild('RUN CGO_ENABLED=0 go build -o /out/app .');
    const f = find(text, 'GD103', opts)[0];
    assert.equal(f.fix?.safe, false);
    const fixed = fix(text, 'GD103', opts);
    assert.match(fixed, /RUN CGO_ENABLED=1 go build/);
    assert.match(fixed, /\nFROM gcr\.io\/distroless\/base-debian12:nonroot\n/);
    assert.equal(has(fixed, 'GD102', opts), false);
  });

  it('flips CGO_ENABLED=0 where it is set: ENV of the builder stage', () => {
    const opts = fixture('cgo');
    const text = df(['FROM golang:1.22-bookworm AS build', 'ENV GOOS=linux CGO_ENABLED=0', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app']);
    assert.match(fix(text, 'GD103', opts), /\nENV GOOS=linux CGO_ENABLED=1\n/);
  });

  it('sqlite fixture: a go-sqlite3 binary on scratch, reported on the final FROM, naming modernc.org/sqlite', () => {
    const opts = fixture('sqlite');
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']);
    const f = find(text, 'GD103', opts)[0];
    assert.ok(f);
    assert.equal(text.slice(f.span.start, f.span.end), 'FROM scratch');
    assert.match(f.message, /github\.com\/mattn\/go-sqlite3/);
    assert.match(f.message, /modernc\.org\/sqlite/);
    assert.match(fix(text, 'GD103', opts), /\nFROM gcr\.io\/distroless\/base-debian12\n/);
    // The other binary of the same module does not use SQLite.
    assert.equal(has(text.replace(/\.\/cmd\/app/, './cmd/tool'), 'GD103', opts), false);
  });

  it('resolves the package through COPY destinations, WORKDIR and cd', () => {
    const opts = fixture('sqlite');
    const a = df(['FROM golang:1.22 AS build', 'COPY . /src', 'WORKDIR /src/cmd/app', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app']);
    assert.equal(has(a, 'GD103', opts), true);
    const b = df(['FROM golang:1.22 AS build', 'COPY . /src', 'RUN cd /src/cmd/tool && CGO_ENABLED=0 go build -o /out/app .', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app']);
    assert.equal(has(b, 'GD103', opts), false);
    const c = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY cmd/ cmd/', 'COPY internal/ internal/', 'COPY go.mod go.sum ./', 'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app']);
    assert.equal(has(c, 'GD103', opts), true);
  });

  it('an unknowable package falls back to the main packages: all of them must need cgo', () => {
    const sqlite = fixture('sqlite');
    const text = (opts: AnalyzeOptions) => find(df(['FROM golang:1.22 AS build', 'ARG PKG', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/app $PKG', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app']), 'GD103', opts);
    assert.equal(text(sqlite).length, 0, 'cmd/tool does not need cgo');
    assert.equal(text(fixture('cgo')).length, 1);
  });

  it('a build outside the copied context (a git clone), or with nothing of the context in the stage, is not the module', () => {
    const opts = fixture('cgo');
    const clone = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN git clone https://example.com/tool.git /tmp/tool && cd /tmp/tool && CGO_ENABLED=0 go build -o /out/app', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.equal(has(clone, 'GD103', opts), false);
    const nothing = df(['FROM golang:1.22 AS build', 'RUN git clone https://example.com/tool.git && cd tool && CGO_ENABLED=0 go build -o /out/app', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.equal(has(nothing, 'GD103', opts), false);
  });

  it('an alpine builder without gcc: cgo is off; reported without a fix', () => {
    const opts = fixture('sqlite');
    const text = df(['FROM golang:1.22-alpine AS build', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM alpine:3.20', 'COPY --from=build /out/app /app']);
    const f = find(text, 'GD103', opts)[0];
    assert.ok(f);
    assert.match(f.message, /no C compiler/);
    assert.equal(f.fix, undefined);
  });

  it('no fix when the final stage needs a shell (RUN) for distroless; debian13 for a trixie builder', () => {
    const opts = fixture('sqlite');
    const shell = df(['FROM golang:1.22 AS build', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM alpine:3.20', 'RUN apk add --no-cache ca-certificates', 'COPY --from=build /out/app /app']);
    const f = find(shell, 'GD103', opts)[0];
    assert.ok(f);
    assert.equal(f.fix, undefined);
    const trixie = df(['FROM golang:1.24-trixie AS build', 'COPY . .', 'RUN go build -o /out/app ./cmd/app', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.match(fix(trixie, 'GD103', opts), /\nFROM gcr\.io\/distroless\/base-debian13\n/);
  });

  it('is silent without cgo, without a workspace, for remote tools, and for a cgo fallback (`//go:build !cgo`)', () => {
    assert.equal(has(cgoBuild('RUN CGO_ENABLED=0 go build -o /out/app .'), 'GD103', fixture('simple')), false);
    assert.equal(has(cgoBuild('RUN CGO_ENABLED=0 go build -o /out/app .'), 'GD103'), false);
    assert.equal(has(df(['FROM golang:1.22 AS build', 'RUN CGO_ENABLED=0 go install github.com/mattn/go-sqlite3/cmd/x@v1.14.22', 'FROM scratch', 'COPY --from=build /go/bin/x /x']), 'GD103', fixture('sqlite')), false);
    const ws = makeWorkspaceModel({
      module: makeGoModule({ goVersion: '1.22' }),
      packages: [makeGoPackage({ dir: '', isMain: true, module: '', importPath: 'example.com/m', imports: ['C', 'example.com/m/fast'] , usesCgo: true, cgoFallback: true })],
    });
    assert.equal(has(cgoBuild('RUN CGO_ENABLED=0 go build -o /out/app .'), 'GD103', { workspace: ws }), false);
  });

  it('without Go sources in the workspace, a direct known cgo requirement counts', () => {
    const ws = makeWorkspaceModel({ module: makeGoModule({ goVersion: '1.22', requires: ['github.com/mattn/go-sqlite3'] }) });
    const f = find(cgoBuild('RUN CGO_ENABLED=0 go build -o /out/app .'), 'GD103', { workspace: ws })[0];
    assert.ok(f);
    assert.match(f.message, /go\.mod requires github\.com\/mattn\/go-sqlite3/);
  });

  it('fix flips CGO_ENABLED=0 inside a heredoc, and keeps the escape directive', () => {
    const opts = fixture('cgo');
    const heredoc = df(['# syntax=docker/dockerfile:1', 'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN <<EOF', 'export CGO_ENABLED=0', 'go build -o /out/app .', 'EOF', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app']);
    assert.match(fix(heredoc, 'GD103', opts), /\nRUN <<EOF\nexport CGO_ENABLED=1\ngo build -o \/out\/app \.\nEOF\n/);
    const escape = df(['# escape=`', 'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 `', '    go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']);
    assert.match(fix(escape, 'GD103', opts), /^# escape=`\nFROM golang:1\.22 AS build\n[\s\S]*RUN CGO_ENABLED=1 `\n {4}go build -o \/out\/app \.\nFROM gcr\.io\/distroless\/base-debian12\n/);
  });

  it('fix keeps CRLF and continuation lines', () => {
    const opts = fixture('cgo');
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 \\', '    go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]'], '\r\n');
    const fixed = fix(text, 'GD103', opts);
    assert.ok(fixed.includes('RUN CGO_ENABLED=1 \\\r\n    go build -o /out/app .\r\nFROM gcr.io/distroless/base-debian12\r\n'));
  });
});

// -------------------------------------------------------------------------------------------

describe('GD105 go-sum-not-copied', () => {
  const layer = (copy: string) => df(['FROM golang:1.22 AS build', 'WORKDIR /src', copy, 'RUN go mod download', 'COPY . .', 'RUN go build -o /app .']);

  it('finds go.mod copied without go.sum before go mod download (simple fixture has go.sum), on the COPY', () => {
    const text = layer('COPY go.mod ./');
    const f = find(text, 'GD105', fixture('simple'))[0];
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY go.mod ./');
  });

  it('fix adds go.sum to that COPY (shell and exec form), making the destination a folder when needed', () => {
    const opts = fixture('simple');
    assert.match(fix(layer('COPY go.mod ./'), 'GD105', opts), /\nCOPY go\.mod go\.sum \.\/\n/);
    assert.match(fix(layer('COPY ["go.mod", "./"]'), 'GD105', opts), /\nCOPY \["go\.mod", "go\.sum", "\.\/"\]\n/);
    assert.match(fix(layer('COPY go.mod .'), 'GD105', opts), /\nCOPY go\.mod go\.sum \.\/\n/);
    assert.match(fix(layer('COPY ./go.mod /src/go.mod'), 'GD105', opts), /\nCOPY \.\/go\.mod \.\/go\.sum \/src\/\n/);
    assert.match(fix(layer('ADD --chown=1000 go.mod /src'), 'GD105', opts), /\nADD --chown=1000 go\.mod go\.sum \/src\/\n/);
    assert.equal(find(layer('COPY go.mod ./'), 'GD105', opts)[0].fix?.safe, true);
  });

  it('is silent when the workspace has no go.sum, when go.sum comes before the download, for go.*, and without a workspace', () => {
    assert.equal(has(layer('COPY go.mod ./'), 'GD105', fixture('nosum')), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod ./', 'COPY go.sum ./', 'RUN go mod download']), 'GD105', fixture('simple')), false);
    assert.equal(has(layer('COPY go.* ./'), 'GD105', fixture('simple')), false);
    assert.equal(has(layer('COPY go.mod go.sum ./'), 'GD105', fixture('simple')), false);
    assert.equal(has(layer('COPY go.mod ./'), 'GD105'), false);
    // go.mod copied with the sources is not a dependency layer; nor is one no go command follows.
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod main.go ./', 'RUN go build -o /app .']), 'GD105', fixture('simple')), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod *.go ./', 'RUN go build -o /app .']), 'GD105', fixture('simple')), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod /tmp/', 'RUN grep ^go /tmp/go.mod']), 'GD105', fixture('simple')), false);
  });

  it('uses the model when no files are loaded', () => {
    assert.equal(has(layer('COPY go.mod ./'), 'GD105', mod('1.22', { hasGoSum: true })), true);
    assert.equal(has(layer('COPY go.mod ./'), 'GD105', mod('1.22', { hasGoSum: false })), false);
  });

  it('checks each member go.mod of a go.work layout (gowork fixture)', () => {
    const opts = fixture('gowork');
    const text = df(['FROM golang:1.23 AS build', 'WORKDIR /src', 'COPY go.work go.work.sum ./', 'COPY svc/api/go.mod svc/api/', 'COPY lib/shared/go.mod lib/shared/', 'RUN go mod download', 'COPY . .', 'RUN go build -o /app ./svc/api']);
    const fs = find(text, 'GD105', opts);
    assert.equal(fs.length, 1, 'lib/shared has no go.sum');
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'COPY svc/api/go.mod svc/api/');
    assert.match(fix(text, 'GD105', opts), /\nCOPY svc\/api\/go\.mod svc\/api\/go\.sum svc\/api\/\n/);
  });

  it('fix keeps CRLF and the escape directive', () => {
    const fixed = fix(layer('COPY go.mod ./').replace(/\n/g, '\r\n'), 'GD105', fixture('simple'));
    assert.ok(fixed.includes('\r\nCOPY go.mod go.sum ./\r\nRUN go mod download\r\n'));
    const escape = fix(df(['# escape=`', 'FROM golang:1.22', 'WORKDIR C:\\src', 'COPY go.mod `', '     ./', 'RUN go mod download'], '\r\n'), 'GD105', fixture('simple'));
    assert.ok(escape.startsWith('# escape=`\r\n'));
    assert.ok(escape.includes('COPY go.mod go.sum `\r\n     ./\r\n'));
  });
});

// -------------------------------------------------------------------------------------------

describe('GD106 vendor-not-used', () => {
  const classic = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .']);

  it('finds go mod download in a vendored workspace (vendored fixture), on the command', () => {
    const opts = fixture('vendored');
    const f = find(classic, 'GD106', opts)[0];
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(classic.slice(f.span.start, f.span.end), 'go mod download');
    assert.match(f.message, /vendor\/modules\.txt/);
  });

  it('fix removes the RUN when the download is its only command', () => {
    const fixed = fix(classic, 'GD106', fixture('vendored'));
    assert.equal(fixed, df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .']));
    assert.equal(find(classic, 'GD106', fixture('vendored'))[0].fix?.safe, true);
  });

  it('fix removes the command and its && from a chain, across continuation lines', () => {
    const opts = fixture('vendored');
    const first = df(['FROM golang:1.22', 'COPY . .', 'RUN go mod download && \\', '    go build -o /app .']);
    assert.match(fix(first, 'GD106', opts), /\nRUN go build -o \/app \.\n$/);
    const last = df(['FROM golang:1.22', 'COPY . .', 'RUN go mod verify && go mod download']);
    assert.match(fix(last, 'GD106', opts), /\nRUN go mod verify\n$/);
    const middle = df(['FROM golang:1.22', 'COPY . .', 'RUN set -e && go mod download && go build -o /app .']);
    assert.match(fix(middle, 'GD106', opts), /\nRUN set -e && go build -o \/app \.\n$/);
  });

  it('fix removes the line of a heredoc, and keeps CRLF', () => {
    const opts = fixture('vendored');
    const heredoc = df(['# syntax=docker/dockerfile:1', 'FROM golang:1.22', 'COPY . .', 'RUN <<EOF', 'set -e', 'go mod download', 'go build -o /app .', 'EOF']);
    assert.match(fix(heredoc, 'GD106', opts), /\nRUN <<EOF\nset -e\ngo build -o \/app \.\nEOF\n$/);
    const crlf = classic.replace(/\n/g, '\r\n');
    assert.ok(fix(crlf, 'GD106', opts).includes('COPY go.mod go.sum ./\r\nCOPY . .\r\n'));
    const escape = df(['# escape=`', 'FROM golang:1.22', 'COPY . .', 'RUN go mod download && `', '    go build -o /app .'], '\r\n');
    assert.equal(fix(escape, 'GD106', opts), df(['# escape=`', 'FROM golang:1.22', 'COPY . .', 'RUN go build -o /app .'], '\r\n'));
  });

  it('offers no fix for ; or || chains', () => {
    const f = find(df(['FROM golang:1.22', 'COPY . .', 'RUN go mod download || true']), 'GD106', fixture('vendored'))[0];
    assert.ok(f);
    assert.equal(f.fix, undefined);
  });

  it('is silent with -mod=mod, when the stage never gets vendor/, for go < 1.14, without vendor, and for module arguments', () => {
    const opts = fixture('vendored');
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go mod download', 'RUN go build -mod=mod -o /app .']), 'GD106', opts), false);
    assert.equal(has(df(['FROM golang:1.22', 'ENV GOFLAGS=-mod=mod', 'COPY . .', 'RUN go mod download']), 'GD106', opts), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY main.go ./', 'RUN go build -o /app .']), 'GD106', opts), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go mod download github.com/pkg/errors']), 'GD106', opts), false);
    const old = makeWorkspaceModel({ module: makeGoModule({ goVersion: '1.13' }), hasVendor: true });
    assert.equal(has(classic, 'GD106', { workspace: old }), false);
    const modelOnly = makeWorkspaceModel({ module: makeGoModule({ goVersion: '1.14' }), hasVendor: true });
    assert.equal(has(classic, 'GD106', { workspace: modelOnly }), true);
    assert.equal(has(classic, 'GD106', fixture('simple')), false);
  });

  it('.dockerignore excludes vendor/: names the line, no download finding (vendor-ignored fixture)', () => {
    const opts = fixture('vendor-ignored');
    const fs = find(classic, 'GD106', opts);
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /\.dockerignore line 3 \(`vendor\/`\)/);
    assert.equal(classic.slice(fs[0].span.start, fs[0].span.end), 'go mod download');
    // Nothing in the Dockerfile compiles the module: nothing to say.
    assert.equal(has(df(['FROM alpine:3.20', 'COPY app /app']), 'GD106', opts), false);
  });

  describe('the .dockerignore fix (an edit of another file: never in fix-all)', () => {
    const vendored = {
      'go.mod': 'module example.com/x\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n',
      'go.sum': '',
      'main.go': 'package main\n\nfunc main() {}\n',
      'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\n## explicit\ngithub.com/pkg/errors\n',
    };
    /** The fix for `.dockerignore` text; applies it and checks that the .dockerignore finding is gone. */
    function fixIgnore(ignore: string, extra: Record<string, string> = {}) {
      const [f] = find(classic, 'GD106', tempWorkspace({ ...vendored, ...extra, '.dockerignore': ignore }));
      assert.ok(f, 'GD106 reported');
      assert.ok(f.fix, 'a fix');
      assert.deepEqual(f.fix.edits, [], 'the Dockerfile is not edited');
      assert.equal(f.fix.safe, false);
      assert.equal(f.fix.editFiles?.length, 1);
      assert.equal(f.fix.editFiles![0].path, '.dockerignore');
      const next = applyEdits(ignore, f.fix.editFiles![0].edits);
      // The build now sees vendor/: what is left is the download it no longer needs.
      const after = find(classic, 'GD106', tempWorkspace({ ...vendored, ...extra, '.dockerignore': next }));
      assert.deepEqual(after.map((a) => a.fix?.title), ['Remove the go mod download step (the build reads vendor/)'], `with ${JSON.stringify(next)}`);
      return { title: f.fix.title, next };
    }

    it('removes a line that names only the vendor folder (vendor-ignored fixture)', () => {
      const [f] = find(classic, 'GD106', fixture('vendor-ignored'));
      assert.equal(f.fix?.title, 'Remove `vendor/` from .dockerignore');
      const text = fs.readFileSync(path.join(FIX, 'vendor-ignored', '.dockerignore'), 'utf8');
      assert.equal(applyEdits(text, f.fix!.editFiles![0].edits), '# local build output\nbin/\n');
      for (const line of ['vendor', '/vendor/', './vendor', 'vendor/**', 'vendor/*']) {
        assert.deepEqual(fixIgnore(`bin/\n${line}\n*.log\n`), { title: `Remove \`${line}\` from .dockerignore`, next: 'bin/\n*.log\n' }, line);
      }
    });

    it('keeps CRLF and a BOM, and leaves no empty line when the last line had no break', () => {
      assert.equal(fixIgnore('\uFEFFbin/\r\nvendor\r\n*.log').next, '\uFEFFbin/\r\n*.log');
      assert.equal(fixIgnore('bin/\r\nvendor').next, 'bin/');
      assert.equal(fixIgnore('\uFEFFvendor/\n').next, '\uFEFF');
    });

    it('re-includes the folder with `!vendor` when the pattern excludes more than vendor/', () => {
      assert.deepEqual(fixIgnore('*\n!go.mod\n!go.sum\n!*.go\n'), { title: 'Re-include vendor/ in .dockerignore (`!vendor`)', next: '*\n!go.mod\n!go.sum\n!*.go\n!vendor\n' });
      assert.equal(fixIgnore('**/*.txt').next, '**/*.txt\n!vendor\n');
    });

    it('re-includes when removing the line is not enough (another line excludes vendor/ too)', () => {
      assert.deepEqual(fixIgnore('**/modules.txt\nvendor/\n'), { title: 'Re-include vendor/ in .dockerignore (`!vendor`)', next: '**/modules.txt\nvendor/\n!vendor\n' });
    });

    it('offers no fix when a <name>.dockerignore may be the file that applies', () => {
      const [f] = find(classic, 'GD106', tempWorkspace({ ...vendored, '.dockerignore': 'vendor/\n', 'Dockerfile.dockerignore': 'bin/\n' }));
      assert.ok(f);
      assert.equal(f.fix, undefined);
    });

    it('is left out of fix-all', () => {
      const opts = { ...fixture('vendor-ignored'), only: [RULES_BY_CODE.get('GD106')!] };
      assert.equal(find(classic, 'GD106', opts).length, 1);
      assert.equal(fixAll(classic, (t) => lint(t, opts)).text, classic);
    });
  });

  it('is silent when .gitignore ignores vendor/ (a local `go mod vendor`, absent from a clean checkout)', () => {
    const files = {
      'go.mod': 'module example.com/x\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n',
      'go.sum': '',
      'main.go': 'package main\n\nfunc main() {}\n',
      'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\n## explicit\ngithub.com/pkg/errors\n',
      '.dockerignore': 'vendor\n',
    };
    assert.equal(has(classic, 'GD106', tempWorkspace(files)), true);
    assert.equal(has(classic, 'GD106', tempWorkspace({ ...files, '.gitignore': '/vendor/\n' })), false);
    const noIgnore = { ...files, '.dockerignore': '' };
    assert.equal(has(classic, 'GD106', tempWorkspace({ ...noIgnore, '.gitignore': 'vendor\n' })), false);
    assert.equal(has(classic, 'GD106', tempWorkspace({ ...noIgnore, '.gitignore': 'bin/\n' })), true);
    // `(` is a file named `(`, not a broken regexp that made the whole .gitignore unread (issue 16).
    assert.equal(has(classic, 'GD106', tempWorkspace({ ...noIgnore, '.gitignore': '(\nvendor\n' })), false);
  });

  it('sees a .gitignore edited after the workspace was read (same size), once the workspace is told', () => {
    const opts = tempWorkspace({
      'go.mod': 'module example.com/x\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'vendor/modules.txt': '# github.com/pkg/errors v0.9.1\n## explicit\ngithub.com/pkg/errors\n',
      '.gitignore': 'bins/\n',
    });
    const ws = opts.files as Workspace;
    assert.equal(has(classic, 'GD106', opts), true);
    const file = path.join(ws.root, '.gitignore');
    fs.writeFileSync(file, 'vend*\n'); // as many bytes as before: only the content changed
    assert.equal(ws.update([file]), true, 'a .gitignore change is a change of the workspace');
    assert.equal(has(classic, 'GD106', { workspace: ws.model, files: ws }), false);
  });
});
