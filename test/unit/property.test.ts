/**
 * Property test: over every Dockerfile we have (fixtures, samples, ../shared/corpus) and
 * mutations of them, the analysis never crashes, never reports a range outside the document,
 * every fix applies, and fix-all converges.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/edits/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { dockerfilesUnder, ready, rng } from './helpers';

before(() => ready);

const repo = path.resolve(__dirname, '../..');
const corpus = path.resolve(repo, '../shared/corpus/dockerfiles');

function mutations(text: string, seed: number): [string, string][] {
  const r = rng(seed);
  const lines = text.split('\n');
  const pick = () => Math.floor(r() * lines.length);
  const del = [...lines];
  del.splice(pick(), 1);
  const dup = [...lines];
  const d = pick();
  dup.splice(d, 0, lines[d]);
  const at = Math.floor(r() * text.length);
  const junk = Array.from({ length: 64 }, () => String.fromCharCode(Math.floor(r() * 0x3000))).join('');
  return [
    ['original', text],
    ['deleted line', del.join('\n')],
    ['duplicated line', dup.join('\n')],
    ['truncated', text.slice(0, at)],
    ['random bytes', text.slice(0, at) + junk + text.slice(at)],
    ['eol swap', text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n')],
    ['bom', '\uFEFF' + text],
  ];
}

function check(name: string, text: string): void {
  const errors: string[] = [];
  const opts = { onRuleError: (code: string, e: unknown) => errors.push(`${code}: ${e instanceof Error ? e.stack : e}`) };
  const { findings } = analyzeText(text, opts);
  assert.deepEqual(errors, [], `${name}: a rule threw`);
  for (const f of findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${name}: ${f.code} range ${f.span.start}-${f.span.end} outside 0-${text.length}`);
    if (f.fix) {
      for (const e of f.fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${name}: ${f.code} fix edit outside the document`);
      const fixed = applyEdits(text, f.fix.edits);
      assert.doesNotThrow(() => analyzeText(fixed, opts), `${name}: ${f.code} fix gives text that breaks the analysis`);
    }
  }
  const once = fixAll(text, (t) => analyzeText(t, opts).findings);
  const twice = fixAll(once.text, (t) => analyzeText(t, opts).findings);
  assert.equal(twice.text, once.text, `${name}: fix-all does not converge (second run applied ${twice.applied.map((a) => a.code).join(', ')})`);
  assert.deepEqual(errors, [], `${name}: a rule threw during fix-all`);
}

describe('property: no crash, ranges inside, fix-all converges', () => {
  const files = [...dockerfilesUnder(path.join(repo, 'test')), ...dockerfilesUnder(path.join(repo, 'samples'))];
  it(`over ${files.length} repository Dockerfiles and their mutations`, () => {
    assert.ok(files.length > 0);
    files.forEach((f, i) => {
      for (const [kind, text] of mutations(fs.readFileSync(f, 'utf8'), i + 1)) check(`${path.relative(repo, f)} (${kind})`, text);
    });
  });

  const corpusFiles = dockerfilesUnder(corpus);
  it(`over ../shared/corpus (${corpusFiles.length} Dockerfiles) and their mutations`, { skip: corpusFiles.length === 0 ? `../shared/corpus not found at ${corpus}` : false }, () => {
    corpusFiles.forEach((f, i) => {
      for (const [kind, text] of mutations(fs.readFileSync(f, 'utf8'), 1000 + i)) check(`${path.basename(f)} (${kind})`, text);
    });
  });

  it('over pathological inputs', () => {
    const cases: [string, string][] = [
      ['empty', ''],
      ['only newlines', '\n\r\n\r'],
      ['nul bytes', 'FROM scratch\0\nCMD \0/app\n'],
      ['unterminated heredoc', 'FROM alpine\nRUN <<EOF\napk add git\n'],
      ['dangling continuation', 'FROM golang:1.22\nRUN go build \\'],
      ['backtick escape', '# escape=`\r\nFROM golang:1.22\r\nRUN go build `\r\n'],
      ['malformed JSON', 'FROM scratch\nCMD ["/app", \n'],
      ['non-ASCII', 'FROM alpine\nLABEL desc="ünïcødé 😀 中文"\nRUN apk add git # 😀\n'],
      ['huge line', `FROM alpine\nRUN echo ${'x'.repeat(200_000)}\n`],
      ['many stages', Array.from({ length: 500 }, (_, i) => `FROM s${i - 1} AS s${i}`).join('\n')],
      ['self-referencing stage', 'FROM a AS a\nFROM a\nCMD /app\n'],
    ];
    for (const [name, text] of cases) check(name, text);
  });
});
