import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/edits/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { assertLineEndings, codes, df, lint, ready } from './helpers';
import { assertParses, fix } from './rules/kit/gobuild';

before(() => ready);

describe('go build fixes together', () => {
  const text = df([
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 go build -a \\',
    '    -ldflags "-X main.version=1 -extldflags \\"-static\\"" \\',
    '    -o /out/app ./cmd/app',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'COPY --from=build /out/app /app',
    'ENTRYPOINT ["/app"]',
  ]);

  it('fix-all applies GD107-GD110, converges, and leaves valid shell', () => {
    const once = fixAll(text, (t) => lint(t));
    assert.deepEqual([...new Set(once.applied.map((a) => a.code))].sort(), ['GD107', 'GD108', 'GD109', 'GD110']);
    assert.deepEqual(codes(once.text).filter((c) => /^GD1(0[7-9]|1[0-3])$/.test(c)), []);
    assertParses(text, once.text);
    assert.ok(once.text.includes('-ldflags "-s -w -X main.version=1" \\\n'), once.text);
    assert.equal(fixAll(once.text, (t) => lint(t)).text, once.text);
    const crlf = text.replace(/\n/g, '\r\n');
    const out = fixAll(crlf, (t) => lint(t)).text;
    assertLineEndings(crlf, out);
    assert.equal(out, once.text.replace(/\n/g, '\r\n'));
  });

  it('every single fix applies on its own', () => {
    for (const f of lint(text)) if (f.fix) assertParses(text, applyEdits(text, f.fix.edits));
  });
});
