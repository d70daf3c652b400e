import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parse';
import { applyFix, df, lint, ready } from '../helpers';

/** GD125 from-arg-without-dollar: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD125');
const spanOf = (text: string) => find(text).map((f) => text.slice(f.span.start, f.span.end));

// project-zot/zot 6d19b44 (Apache-2.0), build/Dockerfile-zb (shortened): the global
// `ARG BASE_IMAGE`, and the image stage `FROM BASE_IMAGE AS final` where its four sibling
// Dockerfiles say `FROM $BASE_IMAGE AS final`; Docker stops with "invalid reference format:
// repository name must be lowercase" (judge 29 Y, M1).
const zot = (from = 'FROM BASE_IMAGE AS final') => [
  'ARG GO_VERSION=1.24',
  'ARG BASE_IMAGE',
  'FROM golang:${GO_VERSION} AS builder',
  'WORKDIR /go/src/github.com/project-zot/zot',
  'COPY . .',
  'RUN make COMMIT=${COMMIT} OS=${TARGETOS} ARCH=${TARGETARCH} clean bench',
  '',
  from,
  'COPY --from=builder /go/src/github.com/project-zot/zot/bin/zb-linux-amd64 /usr/bin/zb',
  'ENTRYPOINT ["/usr/bin/zb"]',
];

describe('GD125 from-arg-without-dollar', () => {
  it('reports zot\'s `FROM BASE_IMAGE AS final`, on the name, as an error naming the ARG\'s line', () => {
    const text = df(zot());
    const [f, ...rest] = find(text);
    assert.ok(f);
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'BASE_IMAGE');
    assert.match(f.message, /the global ARG declared on line 2, without `\$`/);
    assert.match(f.message, /repository name must be lowercase/);
    assert.equal(f.fix?.safe, true);
  });

  it('fix: puts the `$` in (LF and CRLF); the fixed file parses, keeps its endings and loses the finding', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = df(zot(), eol);
      const fixed = applyFix(text, 'GD125');
      assert.equal(fixed.split(eol)[7], 'FROM $BASE_IMAGE AS final');
      assert.equal(fixed.replace('$BASE_IMAGE AS', 'BASE_IMAGE AS'), text, 'nothing else changes');
      assert.deepEqual(find(fixed), []);
      assert.equal(parseDockerfile(fixed).stages[1].base, '$BASE_IMAGE');
    }
    // With a tag.
    const tagged = df(zot('FROM BASE_IMAGE:1.2'));
    assert.deepEqual(spanOf(tagged), ['BASE_IMAGE:1.2']);
    assert.equal(applyFix(tagged, 'GD125').split('\n')[7], 'FROM $BASE_IMAGE:1.2');
  });

  it('is silent for a name that is no declared ARG (a sed token), a lower-case name, a stage name and `$NAME`', () => {
    // `FROM BASEIMAGE` with no such ARG: a token a build script replaces before building.
    assert.deepEqual(find(df(zot('FROM BASEIMAGE AS final'))), []);
    assert.deepEqual(find(df(['FROM BASE_IMAGE', 'RUN true'])), []);
    assert.deepEqual(find(df(zot('FROM $BASE_IMAGE AS final'))), []);
    assert.deepEqual(find(df(zot('FROM ${BASE_IMAGE} AS final'))), []);
    // A lower-case name is a valid image name, even when an ARG has it.
    assert.deepEqual(find(df(['ARG alpine=3.21', 'FROM alpine', 'RUN true'])), []);
    // A stage name (matched without case, as BuildKit does) is a stage.
    assert.deepEqual(find(df(['ARG BUILDER', 'FROM golang:1.24 AS builder', 'FROM BUILDER', 'RUN true'])), []);
    // An ARG declared in a stage is not a global ARG.
    assert.deepEqual(find(df(['FROM alpine:3.21', 'ARG BASE_IMAGE', 'FROM BASE_IMAGE'])), []);
  });
});
