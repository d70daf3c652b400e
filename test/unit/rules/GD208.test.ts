import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, spanText } from './kit/image';

/** GD208 build-tools-in-final-image: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD208 build-tools-in-final-image', () => {
  const E = 'ENTRYPOINT ["/app"]';

  it('finds compilers and build tools installed in the final stage, on the install command', () => {
    const text = df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates git make gcc musl-dev', 'COPY --from=build /app /app', E]);
    const [f] = find(text, 'GD208');
    assert.equal(spanText(text, f), 'apk add --no-cache ca-certificates git make gcc musl-dev');
    assert.match(f.message, /git, make, gcc, musl-dev/);
    assert.match(f.message, /needs one at run time, suppress/);
    // git alone is a run-time dependency of the program (gogs, lazygit), not a toolchain.
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates git openssh', 'COPY --from=build /app /app', E]), 'GD208'), false);
    assert.equal(f.fix, undefined);
  });

  it('knows apt, yum/dnf and version pins', () => {
    assert.equal(has(df(['FROM debian:12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential=12.9 && rm -rf /var/lib/apt/lists/*', E]), 'GD208'), true);
    assert.equal(has(df(['FROM fedora:40', 'RUN dnf install -y golang && dnf clean all', E]), 'GD208'), true);
    assert.equal(has(df(['FROM rockylinux:9', 'RUN yum groupinstall -y "Development Tools"', E]), 'GD208'), true);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add gcc=13.2.1-r0', E]), 'GD208'), true);
  });

  it('is silent in builder stages, for runtime packages, and when the tools are removed again (also a --virtual group)', () => {
    assert.equal(has(df(['FROM golang:1.24-alpine AS build', 'RUN apk add --no-cache git make gcc', 'RUN go build -o /app .', 'FROM alpine:3.21', 'COPY --from=build /app /app', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates tzdata git-lfs gitea', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache git go && go install x@v1 && apk del git go', E]), 'GD208'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get install -y gcc', 'RUN apt-get purge -y gcc', E]), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk del gcc', 'RUN echo apk add gcc', E]), 'GD208'), false);
  });

  it('is silent for toolbox images (a bare shell as the command) and a golang final stage (GD201)', () => {
    assert.equal(has(df(['FROM node:24-alpine', 'RUN apk add --no-cache make gcc musl-dev', 'CMD ["/bin/sh"]']), 'GD208'), false);
    assert.equal(has(df(['FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential git && rm -rf /var/lib/apt/lists/*']), 'GD208'), false);
    assert.equal(has(df(['FROM golang:1.24', 'RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*', 'CMD ["app"]']), 'GD208'), false);
    assert.equal(has(df(['FROM alpine:3.21', 'RUN apk add --no-cache gcc', 'CMD ["/bin/sh", "-c", "/app"]']), 'GD208'), true);
  });

  it('counts what the final stage inherits from a stage it is built FROM', () => {
    assert.equal(has(df(['FROM alpine:3.21 AS base', 'RUN apk add --no-cache gcc', 'FROM base', 'COPY app /app', E]), 'GD208'), true);
  });

  // Out-of-sample evaluation (2026-12-03): grafana/alloy build-tools/build-image (66ebea85, Apache-2.0),
  // portainer/portainer build/linux/dev-toolkit/toolkit.Dockerfile (cc751674, Zlib).
  it('is silent on an image that installs a Go toolchain of its own, whatever its command: a build environment', () => {
    const tools = 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential gcc && rm -rf /var/lib/apt/lists/*';
    assert.equal(has(df(['FROM golang:1.24 AS golang', 'FROM debian:12', tools, 'COPY --from=golang /usr/local/go /usr/local/go', 'ENTRYPOINT ["/usr/bin/entrypoint.sh"]']), 'GD208'), false);
    assert.equal(has(df(['FROM ubuntu:24.04', 'ARG GO_VERSION=go1.17.6.linux-amd64', tools, 'RUN cd /tmp && wget -q https://example.invalid/go/${GO_VERSION}.tar.gz && tar -xf ${GO_VERSION}.tar.gz && mv go /usr/local', 'ENTRYPOINT ["/run.sh"]']), 'GD208'), false);
    assert.equal(has(df(['FROM debian:12', tools, 'RUN curl -fsSL https://example.invalid/go1.22.9.linux-amd64.tar.gz | tar -C /usr/local -xz', 'CMD ["tail", "-f", "/dev/null"]']), 'GD208'), false);
    assert.equal(has(df(['FROM ubuntu:24.04', tools, 'RUN GOLANG_VERSION=go1.22.9 /scripts/install-go.sh', 'CMD ["tail", "-f", "/dev/null"]']), 'GD208'), false);
    // A program copied from a Go stage (not the toolchain) keeps it reported.
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /out/app .', 'FROM debian:12', tools, 'COPY --from=build /out/app /app', E]), 'GD208'), true);
    assert.equal(has(df(['FROM debian:12', tools, 'RUN mv gopher /usr/local/', E]), 'GD208'), true);
  });
});
