import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from './helpers';
import { tempWorkspace } from './rules/kit/realworld';

before(() => ready);

// rules/analyze.ts: no finding of a stage-scoped rule in a stage no build builds
// (facts/unbuiltStages.ts: unnamed, not the last, nothing uses it). The pattern is
// ori-edge/k8s_gateway 5a8e7cfe5b32b8ce0e009980764907ba0905d5f6 (Apache-2.0) Dockerfile:1-38 (judge 38
// X W2, W3): the final stage copies `--from=0`, the golang builder, and the Debian stage at line 27,
// meant for the certificates, is never built (BuildKit; buildah skips it too). GD209 and GD303 were
// silenced there rule by rule (51ac2b9); every other stage-scoped rule still reported on it:
// GD107's missing cache mount, GD111's `go get`, GD309's install after the sources, GD104's order.
describe('stage-scoped rules: silent on a stage no build builds', () => {
  const k8sGateway = (from = '0', dead: string[] = [], name = '') => df([
    'FROM --platform=${BUILDPLATFORM} docker.io/library/golang:1.21.5 as builder',
    'ARG LDFLAGS',
    'WORKDIR /build',
    'COPY go.mod go.mod',
    'COPY go.sum go.sum',
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    'COPY cmd/ cmd/',
    'COPY *.go ./',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ENV CGO_ENABLED=0',
    'ENV GOARCH=$TARGETARCH',
    'ENV GOOS=$TARGETOS',
    'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -trimpath -ldflags "-s -w ${LDFLAGS}" -o coredns cmd/coredns.go',
    '',
    `FROM debian:stable-slim${name}`,
    '',
    'RUN apt-get update && apt-get -uy upgrade',
    'RUN apt-get -y install ca-certificates && update-ca-certificates',
    ...dead,
    '',
    'FROM scratch',
    '',
    `COPY --from=${from} /etc/ssl/certs /etc/ssl/certs`,
    'COPY --from=builder /build/coredns .',
    '',
    'EXPOSE 53 53/udp',
    'ENTRYPOINT ["/coredns"]',
  ]);
  // The dead stage also builds Go, as a stage meant for a tool might.
  const GO = ['COPY . /src', 'WORKDIR /src', 'RUN apk add git', 'RUN go get github.com/example/tool', 'RUN go build -o /tool ./cmd/tool'];
  const ws = () => tempWorkspace({ 'go.mod': 'module github.com/ori-edge/k8s_gateway\n\ngo 1.21\n', 'go.sum': '', 'cmd/coredns.go': 'package main\n\nfunc main() {}\n', Makefile: 'image:\n\tdocker buildx build --push --platform linux/amd64,linux/arm64 -t $(IMG) .\n' });
  const STAGE_RULES = ['GD104', 'GD107', 'GD111', 'GD209', 'GD301', 'GD303', 'GD304', 'GD309'];
  const onLines = (text: string, from: number, to: number, o = {}) => lint(text, o).filter((f) => STAGE_RULES.includes(f.code)).map((f) => ({ code: f.code, line: text.slice(0, f.span.start).split('\n').length })).filter((f) => f.line >= from && f.line <= to).map((f) => `${f.code}:${f.line}`);

  it('nothing on the Debian stage (lines 16-24), with or without the build files', () => {
    assert.deepEqual(onLines(k8sGateway('0', GO), 16, 24), [], 'no build files');
    assert.deepEqual(onLines(k8sGateway('0', GO), 16, 24, ws()), [], 'with the workspace');
  });

  it('reported once the stage is built: copied from by index, or named (a --target may build it)', () => {
    const used = onLines(k8sGateway('1', GO), 16, 24);
    for (const code of ['GD107', 'GD111', 'GD209', 'GD303']) assert.ok(used.some((f) => f.startsWith(`${code}:`)), `${code} in ${used.join(' ')}`);
    assert.deepEqual(onLines(k8sGateway('0', GO, ' AS certs'), 16, 24), used, 'named: the same findings');
  });

  // rudderlabs/rudder-server f2655fbbe2260deb4e01c2a54da1a827291713bb (Elastic-2.0)
  // processor/internal/transformer/destination_transformer/embedded/warehouse/benchmark/Dockerfile:1-9:
  // the build stage has no name, and the final stage copies `--from=builder`, a name no stage has
  // (GD123 says to name it). The stage meant is built once named: its findings stay (GD119's
  // missing main.go, GD104, GD107).
  it('a --from that names no stage (GD123) may mean the unnamed stage: its findings stay', () => {
    const bench = df([
      'FROM golang:1.25.5-alpine3.23',
      'WORKDIR /app',
      'COPY . .',
      'RUN go mod download &&  \\',
      '    LDFLAGS="-swX" go build -o warehouse-transformer-benchmark ./warehouse/transformer/benchmark/main.go',
      '',
      'FROM alpine:3.23',
      'WORKDIR /app',
      'COPY --from=builder /app/warehouse-transformer-benchmark .',
      'ENTRYPOINT ["/app/warehouse-transformer-benchmark"]',
    ]);
    const codes = lint(bench).map((f) => f.code);
    for (const code of ['GD104', 'GD107', 'GD123']) assert.ok(codes.includes(code), `${code} in ${codes.join(' ')}`);
    // An image's name (busybox) names no stage of the file either, but it is an image: stage 0 is unbuilt.
    const image = bench.replace('--from=builder', '--from=busybox');
    const left = lint(image).map((f) => f.code);
    for (const code of ['GD104', 'GD107']) assert.ok(!left.includes(code), `${code} in ${left.join(' ')}`);
  });
});
