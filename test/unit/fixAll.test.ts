import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/edits/edits';
import { fixAll, minimalEdit } from '../../server/src/fixes/fixAll';
import { assertLineEndings, codes, df, lint, ready } from './helpers';

before(() => ready);

describe('fixAll', () => {
  const text = df(['FROM golang:1.22-alpine AS build', 'RUN apk add git', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'USER 65532:65532', 'ENTRYPOINT /app serve']);

  it('applies every safe fix and converges', () => {
    const once = fixAll(text, (t) => lint(t));
    const applied = new Set(once.applied.map((a) => a.code));
    for (const code of ['GD104', 'GD206', 'GD301']) assert.ok(applied.has(code), `${code} not applied`);
    // Whatever is left has no safe fix: fix-all did all it may.
    assert.deepEqual(lint(once.text).filter((f) => f.fix?.safe), []);
    assert.ok(!codes(once.text).some((c) => applied.has(c)), codes(once.text).join());
    const twice = fixAll(once.text, (t) => lint(t));
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.applied, []);
  });

  it('keeps CRLF', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const out = fixAll(crlf, (t) => lint(t)).text;
    assertLineEndings(crlf, out);
    assert.equal(out, fixAll(text, (t) => lint(t)).text.replace(/\n/g, '\r\n'));
  });

  it('leaves unsafe fixes (changing what the image runs as, or its shape) to the user', () => {
    const out = fixAll(df(['FROM alpine:3.20', 'ENTRYPOINT ["/app"]']), (t) => lint(t));
    assert.deepEqual(out.applied, []);
  });
});

describe('minimalEdit', () => {
  it('returns the changed middle only and reproduces the target', () => {
    const a = 'FROM x\r\nRUN a\r\nCMD b\r\n';
    const b = 'FROM x\r\nRUN a --no-cache\r\nCMD b\r\n';
    const e = minimalEdit(a, b)!;
    assert.equal(applyEdits(a, [e]), b);
    assert.ok(e.start >= 'FROM x\r\nRUN a'.length - 1 && e.end <= a.length - 'CMD b\r\n'.length + 2);
    assert.equal(minimalEdit(a, a), null);
  });

  it('never splits a CRLF pair or a surrogate pair', () => {
    for (const [a, b] of [['x\r\ny', 'x\r\r\ny'], ['a😀b', 'a😁b'], ['a\r\n', 'a\n']]) {
      const e = minimalEdit(a, b)!;
      assert.equal(applyEdits(a, [e]), b);
      const cut = (s: string, i: number) => i > 0 && i < s.length && ((s[i - 1] === '\r' && s[i] === '\n') || (/[\uD800-\uDBFF]/.test(s[i - 1]) && /[\uDC00-\uDFFF]/.test(s[i])));
      assert.ok(!cut(a, e.start) && !cut(a, e.end), JSON.stringify({ a, b, e }));
    }
  });
});
