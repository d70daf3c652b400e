import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, lint, ready } from '../helpers';
import { has } from './kit/basics';

/** GD206 shell-form-without-shell: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD206 shell-form-without-shell', () => {
  it('finds shell-form CMD/ENTRYPOINT/RUN on scratch and distroless', () => {
    const text = df(['FROM scratch', 'COPY app /app', 'USER 65532', 'ENTRYPOINT /app serve']);
    const f = lint(text).find((x) => x.code === 'GD206')!;
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'ENTRYPOINT /app serve');
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:nonroot', 'RUN echo hi']), 'GD206'), true);
  });

  it('is silent on images with a shell, in exec form, and after SHELL', () => {
    assert.equal(has(df(['FROM alpine:3.20', 'CMD /app']), 'GD206'), false);
    assert.equal(has(df(['FROM scratch', 'CMD ["/app"]']), 'GD206'), false);
    // distroless :debug has busybox at /busybox/sh, not /bin/sh: shell form needs SHELL.
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:debug', 'CMD /app']), 'GD206'), true);
    assert.equal(has(df(['FROM gcr.io/distroless/static-debian12:debug', 'SHELL ["/busybox/sh", "-c"]', 'CMD /app']), 'GD206'), false);
  });

  it('follows FROM <stage> to the root image', () => {
    assert.equal(has(df(['FROM scratch AS base', 'FROM base', 'CMD /app']), 'GD206'), true);
  });

  it('fix converts to exec form, splitting and unquoting words like a shell', () => {
    const fixed = applyFix(df(['FROM scratch', 'USER 65532', "CMD /app --name 'hello world' \"a b\""]), 'GD206');
    assert.match(fixed, /CMD \["\/app", "--name", "hello world", "a b"\]\n$/);
  });

  it('offers no fix when the command uses shell features', () => {
    const f = lint(df(['FROM scratch', 'USER 65532', 'CMD /app --port $PORT'])).find((x) => x.code === 'GD206')!;
    assert.ok(f && !f.fix);
    const g = lint(df(['FROM scratch', 'USER 65532', 'CMD /app && echo done'])).find((x) => x.code === 'GD206')!;
    assert.ok(g && !g.fix);
  });

  it('fix works across a line continuation with CRLF', () => {
    const fixed = applyFix('FROM scratch\r\nUSER 65532\r\nENTRYPOINT /app \\\r\n  serve\r\n', 'GD206');
    assert.equal(fixed, 'FROM scratch\r\nUSER 65532\r\nENTRYPOINT ["/app", "serve"]\r\n');
  });
});
