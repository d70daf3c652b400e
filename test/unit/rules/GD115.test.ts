import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { find, has } from './kit/realworld';

/** GD115 global-arg-not-in-scope: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD115 global-arg-not-in-scope', () => {
  const stamp = df(['ARG VERSION=dev', 'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -ldflags "-X main.version=${VERSION}" -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);

  it('finds a global ARG used in a stage that does not declare it, on the use, naming the empty stamp', () => {
    const [f] = find(stamp, 'GD115');
    assert.equal(stamp.slice(f.span.start, f.span.end), '${VERSION}');
    assert.match(f.message, /stamps an empty value/);
    assert.equal(f.severity, 'warning');
  });

  it('fix declares the ARG after the FROM; not safe; CRLF kept', () => {
    const fixed = applyFix(stamp.replace(/\n/g, '\r\n'), 'GD115');
    assert.match(fixed, /FROM golang:1\.22 AS build\r\nARG VERSION\r\nWORKDIR/);
    assert.equal(find(stamp, 'GD115')[0].fix?.safe, false);
  });

  it('is silent when declared, set by ENV, assigned by the script, single-quoted, or an image variable', () => {
    assert.equal(has(stamp.replace('WORKDIR /src', 'ARG VERSION\nWORKDIR /src'), 'GD115'), false);
    assert.equal(has(df(['ARG VERSION=1', 'FROM alpine:3.20 AS base', 'ENV VERSION=2', 'FROM base', 'RUN echo $VERSION']), 'GD115'), false);
    assert.equal(has(df(['ARG VERSION=1', 'FROM alpine:3.20', 'RUN VERSION=$(cat VERSION) && echo $VERSION']), 'GD115'), false);
    assert.equal(has(df(['ARG VERSION=1', 'FROM alpine:3.20', "RUN echo '$VERSION'"]), 'GD115'), false);
    assert.equal(has(df(['ARG GOLANG_VERSION=1.22', 'FROM golang:${GOLANG_VERSION}', 'RUN echo $GOLANG_VERSION']), 'GD115'), false);
    assert.equal(has(df(['ARG BASE=alpine:3.20', 'FROM ${BASE}', 'RUN echo hi']), 'GD115'), false);
  });

  // siderolabs/talos Dockerfile:328-329. BuildKit: "Arguments and variables are inherited from
  // parent stages" (docs.docker.com/build/building/variables/, Scoping).
  it('is silent when a stage the RUN\'s stage is built FROM declares the ARG (inherited)', () => {
    const talos = df(['ARG PKGS=scratch', 'ARG TOOLS=scratch', 'FROM alpine:3.20 AS tools', 'FROM tools AS embed-generate', 'ARG PKGS', 'ARG TOOLS', 'FROM embed-generate AS embed-abbrev-generate', 'RUN echo PKGS=${PKGS} >> _out/talos-metadata && echo TOOLS=${TOOLS} >> _out/talos-metadata']);
    assert.equal(has(talos, 'GD115'), false);
    // A sibling stage's ARG is not inherited: still reported.
    const sibling = df(['ARG PKGS=v1', 'FROM alpine:3.20 AS a', 'ARG PKGS', 'FROM alpine:3.20 AS b', 'RUN echo ${PKGS}']);
    assert.equal(find(sibling, 'GD115').length, 1);
  });
});
