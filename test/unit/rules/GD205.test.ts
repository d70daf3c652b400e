import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { has, find, spanText, parses } from './kit/image';

/** GD205 user-name-without-passwd: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD205 user-name-without-passwd', () => {
  const bad = df(['FROM golang:1.24 AS build', 'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app', 'USER nonroot', 'ENTRYPOINT ["/app"]']);

  it('finds USER <name> on scratch, on the USER line, as an error', () => {
    const [f] = find(bad, 'GD205');
    assert.equal(spanText(bad, f), 'USER nonroot');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /unable to find user nonroot/);
  });

  it('follows FROM <stage> back to scratch, and reports a group name too', () => {
    assert.equal(has(df(['FROM scratch AS base', 'FROM base', 'USER app']), 'GD205'), true);
    assert.equal(has(df(['FROM scratch', 'USER 1000:app']), 'GD205'), true);
  });

  it('is silent for numeric ids, variables, distroless and alpine, and when a passwd file is copied in', () => {
    assert.equal(has(df(['FROM scratch', 'USER 65532:65532']), 'GD205'), false);
    assert.equal(has(df(['FROM scratch', 'USER 1000']), 'GD205'), false);
    assert.equal(has(df(['FROM scratch', 'ARG UID=1000', 'USER ${UID}']), 'GD205'), false);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12', 'USER nonroot']), 'GD205'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'USER nobody']), 'GD205'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN useradd app', 'FROM scratch', 'COPY --from=build /etc/passwd /etc/passwd', 'USER app']), 'GD205'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'FROM scratch', 'COPY --from=build /etc/passwd /etc/group /etc/', 'USER app']), 'GD205'), false);
  });

  it('a passwd copied after the USER does not count', () => {
    assert.equal(has(df(['FROM busybox AS b', 'FROM scratch', 'USER app', 'COPY --from=b /etc/passwd /etc/passwd']), 'GD205'), true);
  });

  it('honours the hadolint peer DL3066', () => {
    assert.equal(has(df(['FROM scratch', '# hadolint ignore=DL3066', 'USER app']), 'GD205'), false);
  });

  it('fix uses 65532:65532 (0:0 for root), is not safe, keeps CRLF and the escape directive', () => {
    assert.match(applyFix(bad, 'GD205'), /\nUSER 65532:65532\n/);
    assert.equal(find(bad, 'GD205')[0].fix!.safe, false);
    assert.match(applyFix(df(['FROM scratch', 'USER root']), 'GD205'), /USER 0:0\n$/);
    assert.match(applyFix(df(['FROM scratch', 'USER app:1000']), 'GD205'), /USER 65532:1000\n$/);
    const crlf = df(['# escape=`', 'FROM scratch', 'COPY app.exe /app.exe', 'USER app', 'ENTRYPOINT ["/app.exe"]'], '\r\n');
    const fixed = applyFix(crlf, 'GD205');
    assert.equal(fixed, crlf.replace('USER app', 'USER 65532:65532'));
    parses(fixed);
  });
});
