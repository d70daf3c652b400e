import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';
import { GOLANG_VARIANT_LINES } from '../../../server/src/images/golangTag';

/** GD122 golang-tag-not-published: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD122');

describe('GD122 golang-tag-not-published', () => {
  // trufflesecurity/trufflehog 3ab759f (AGPL-3.0) hack/Dockerfile.protos:1-13, built from the
  // repository root (Makefile: `docker buildx build … -f hack/Dockerfile.protos .`): the tool
  // image starts `FROM golang:1.25-bullseye`, a tag the golang images never published (their
  // bullseye images ended with Go 1.24), so the pull fails. Only GD211 (bullseye's end of life)
  // spoke (judge 17).
  const protos = (from: string) => df([
    '# trufflesecurity/protos:1.23',
    '',
    `FROM ${from}`,
    '',
    'ARG TARGETARCH',
    'ARG TARGETOS',
    '',
    'ENV PROTOC_VER=25.3',
    'ENV PROTOC_GEN_GO_VER=v1.5.4',
    '',
    'RUN echo "building $TARGETARCH"',
    'RUN go install github.com/dustin-decker/quill/cmd/quill@v0.5.1',
    'RUN go install "github.com/golang/protobuf/protoc-gen-go@${PROTOC_GEN_GO_VER}"',
    'CMD ["bash"]',
  ]);

  it('reports trufflehog\'s golang:1.25-bullseye, on the image, as an error naming the range and the variants Go 1.25 has', () => {
    const text = protos('golang:1.25-bullseye');
    const [f, ...rest] = find(text);
    assert.ok(f);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'golang:1.25-bullseye');
    const bullseye = GOLANG_VARIANT_LINES.find((v) => v.variant === 'bullseye')!;
    assert.ok(f.message.includes(`for Go 1.${bullseye.first} through 1.${bullseye.last}`), f.message);
    const listed = /came with \(([^)]*)\)/.exec(f.message)?.[1] ?? '';
    assert.match(listed, /-bookworm/);
    assert.doesNotMatch(listed, /-bullseye|-buster/);
    assert.equal(f.fix, undefined);
  });

  it('reports a line before a variant began, after an Alpine release ended, a patch tag, and a version from an ARG default', () => {
    assert.equal(find(protos('golang:1.18-bookworm')).length, 1);
    assert.equal(find(protos('golang:1.12-bullseye')).length, 1);
    assert.equal(find(protos('golang:1.23-alpine3.16')).length, 1);
    assert.equal(find(protos('golang:1.25.3-bullseye')).length, 1);
    assert.equal(find(protos('docker.io/library/golang:1.21-buster')).length, 1);
    const viaArg = df(['ARG GO_VERSION=1.25', 'FROM golang:${GO_VERSION}-bullseye', 'RUN go version']);
    assert.match(find(viaArg)[0]?.message ?? '', /FROM golang:\$\{GO_VERSION\}-bullseye \(golang:1\.25-bullseye\)/);
  });

  it('silent for published tags, variant-only and major-only tags, prereleases, digests, unknown variants and other images', () => {
    for (const from of [
      'golang:1.24-bullseye', 'golang:1.25-bookworm', 'golang:1.25-trixie', 'golang:1.16-bullseye', 'golang:1.20-alpine3.16',
      'golang:bullseye', 'golang:1-bullseye', 'golang:1.25rc1-bullseye', `golang:1.25-bullseye@sha256:${'a'.repeat(64)}`,
      'golang:1.25-alpine', 'golang:1.25', 'golang:1.99-bookworm', 'golang:1.25-windowsservercore-ltsc2022', 'golang:1.25-alpine3.99',
      'example.com/golang:1.25-bullseye', 'debian:bullseye', 'golang:${GO}-bullseye',
    ]) assert.deepEqual(find(protos(from)).map((f) => f.message), [], from);
  });
});
