import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { applyEdits } from '../../server/src/edits/edits';
import { ignoreForInstruction } from '../../server/src/fixes/ignore';
import { sanitizeRulesConfig } from '../../server/src/rules/config';
import { applyFix, codes, df, lint, ready } from './helpers';

before(() => ready);

const apk = ['FROM alpine:3.22', 'RUN apk add tzdata', 'USER 65532'];

describe('suppression', () => {
  it('# go-dockerfile ignore= silences the next instruction only', () => {
    assert.deepEqual(codes(df(['FROM alpine:3.22', '# go-dockerfile ignore=GD301', 'RUN apk add tzdata', 'WORKDIR /app', 'RUN apk add curl', 'USER 1'])), ['GD301']);
  });

  it('a blank line or another comment may stand between the pragma and the instruction', () => {
    assert.deepEqual(codes(df(['FROM alpine:3.22', '# go-dockerfile ignore=GD301', '# why: we need the index', 'RUN apk add tzdata', 'USER 1'])), []);
  });

  it('# go-dockerfile global ignore= silences the whole file', () => {
    assert.deepEqual(codes(df(['# go-dockerfile global ignore=GD301,GD204', 'FROM alpine:3.22', 'RUN apk add tzdata', 'WORKDIR /app', 'RUN apk add curl'])), []);
  });

  it("hadolint's pragmas map through the peers", () => {
    assert.deepEqual(codes(df(['FROM alpine:3.22', '# hadolint ignore=DL3019', 'RUN apk add tzdata', 'USER 1'])), []);
    assert.deepEqual(codes(df(['# hadolint global ignore=DL3002', ...apk.slice(0, 2)])), ['GD301']);
  });

  it("BuildKit's check=skip silences GD206 for the file", () => {
    assert.deepEqual(codes(df(['# check=skip=JSONArgsRecommended', 'FROM scratch', 'USER 1', 'CMD /app'])), []);
    assert.deepEqual(codes(df(['FROM scratch', 'USER 1', 'CMD /app'])), ['GD206']);
  });

  it('"Ignore for this instruction" writes a pragma, or extends one, and the finding goes', () => {
    const text = df(apk);
    const model = parseDockerfile(text);
    const f = lint(text).find((x) => x.code === 'GD301')!;
    const once = applyEdits(text, [ignoreForInstruction(model, f)!]);
    assert.equal(once, df(['FROM alpine:3.22', '# go-dockerfile ignore=GD301', 'RUN apk add tzdata', 'USER 65532']));
    assert.deepEqual(codes(once), []);
    const other = df(['FROM alpine:3.22', '# go-dockerfile ignore=GD104', 'RUN apk add tzdata', 'USER 65532']);
    const g = lint(other).find((x) => x.code === 'GD301')!;
    assert.match(applyEdits(other, [ignoreForInstruction(parseDockerfile(other), g)!]), /# go-dockerfile ignore=GD104,GD301\n/);
  });
});

describe('fixes and pragmas', () => {
  it('a fix that inserts above an instruction keeps its pragma attached to it', () => {
    const text = df(['FROM scratch', 'COPY app /app', '# go-dockerfile ignore=GD206', 'CMD /app --serve']);
    const fixed = applyFix(text, 'GD204');
    assert.equal(fixed, df(['FROM scratch', 'COPY app /app', 'USER 65532:65532', '# go-dockerfile ignore=GD206', 'CMD /app --serve']));
  });

  it('"Ignore" on the first line of a file with a BOM keeps the BOM first', () => {
    const text = '\uFEFFFROM golang:1.22\nRUN go build -o /bin/app .\n';
    const f = lint(text).find((x) => x.code === 'GD201')!;
    const out = applyEdits(text, [ignoreForInstruction(parseDockerfile(text), f)!]);
    assert.equal(out, '\uFEFF# go-dockerfile ignore=GD201\nFROM golang:1.22\nRUN go build -o /bin/app .\n');
    assert.ok(!codes(out).includes('GD201'));
  });

  it('files with lone \\r line endings get \\r in fixes', () => {
    const fixed = applyFix('FROM alpine:3.22\rUSER 1\rRUN apk add git\r', 'GD301');
    assert.equal(fixed, 'FROM alpine:3.22\rUSER 1\rRUN apk add --no-cache git\r');
    assert.equal(applyFix('FROM alpine:3.22\rCOPY app /app\rCMD ["/app"]\r', 'GD204'), 'FROM alpine:3.22\rCOPY app /app\rUSER 65532:65532\rCMD ["/app"]\r');
  });
});

describe('configuration', () => {
  it('turns rules off and changes severities', () => {
    const text = df(apk);
    assert.deepEqual(codes(text, { rules: { GD301: 'off' } }), []);
    assert.equal(lint(text, { rules: { GD301: 'error' } })[0].severity, 'error');
  });

  it('keeps only valid entries of untrusted settings', () => {
    assert.deepEqual(sanitizeRulesConfig({ gd110: 'OFF', GD301: 'info', GD999: 'bogus', x: 'off' }), { GD110: 'off', GD301: 'information' });
    assert.deepEqual(sanitizeRulesConfig(['GD110']), {});
    assert.deepEqual(sanitizeRulesConfig(null), {});
  });
});
