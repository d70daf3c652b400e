import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { documentPlan, idlePlan, typedText, WARM_UP_DOCUMENT_LINES, WARM_UP_KEYSTROKES, WARM_UP_RUNS, warmUp, warmUpText, type WarmUpPlan } from '../../server/src/lsp/warmUp';
import { ready } from './helpers';

/** Runs warmUp to its end: [analyses run, ms]. */
const run = (grammar: PromiseLike<void>, idle: () => boolean, plan: () => WarmUpPlan = idlePlan) =>
  new Promise<[number, number]>((resolve) => warmUp(grammar, plan, idle, (runs, ms) => resolve([runs, ms])));

/** A service's build and runtime stages, `copies` times over (stage names of their own). */
function longDockerfile(copies: number): string {
  const out: string[] = [];
  for (let k = 0; k < copies; k++) {
    out.push(
      `FROM golang:1.22 AS build${k}`,
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build \\',
      `    -o /out/app${k} ./cmd/app`,
      `FROM gcr.io/distroless/static AS run${k}`,
      `COPY --from=build${k} /out/app${k} /app`,
      'ENTRYPOINT ["/app"]',
    );
  }
  return out.join('\n') + '\n';
}

describe("warmUp (the server's warm-ups, lsp/warmUp.ts)", () => {
  test('while idle, every analysis runs: the whole-file ones, then the keystrokes (none throws: a throw would end it at once)', async () => {
    const [runs] = await run(ready, () => true);
    assert.equal(runs, WARM_UP_RUNS + WARM_UP_KEYSTROKES);
  });

  test('stops as soon as the server is no longer idle (a document opened, an edit came)', async () => {
    let asked = 0;
    const [runs] = await run(ready, () => ++asked <= 2);
    assert.equal(runs, 2);
    asked = 0;
    const [typed] = await run(ready, () => ++asked <= WARM_UP_RUNS + 3);
    assert.equal(typed, WARM_UP_RUNS + 3);
  });

  test('does nothing when the shell grammar cannot be loaded, or the plan cannot be made', async () => {
    assert.deepEqual(await run(Promise.reject(new Error('no grammar')), () => true), [0, 0]);
    assert.deepEqual(await run(ready, () => true, () => { throw new Error('document closed'); }), [0, 0]);
  });

  test('its text is several copies of a multi-stage build, each copy with stage names of its own', () => {
    const names = parseDockerfile(warmUpText()).stages.map((st) => st.name);
    assert.ok(names.length >= 9, names.join(' '));
    assert.equal(new Set(names).size, names.length, names.join(' '));
  });

  test('the idle plan types into lines of the warm-up text that exist (the module download, the build, a COPY, an ENV)', () => {
    const plan = idlePlan();
    const lines = plan.text.split('\n');
    const typed = plan.typedLines.map((n) => lines[n].split(' ')[0]);
    assert.ok(typed.includes('RUN') && typed.includes('COPY') && typed.includes('ENV'), typed.join(' '));
  });

  test("a document's plan: its first lines, cut before a FROM, and keystrokes into up to four RUN lines that end there", () => {
    const text = longDockerfile(400); // 4,000 lines
    const plan = documentPlan(text, {});
    const lines = plan.text.split('\n');
    assert.ok(lines.length <= WARM_UP_DOCUMENT_LINES, String(lines.length));
    assert.ok(lines.length > WARM_UP_DOCUMENT_LINES - 10, String(lines.length));
    assert.ok(text.startsWith(plan.text));
    assert.match(text.slice(plan.text.length), /^\nFROM /);
    assert.equal(plan.wholeRuns, 1);
    assert.equal(plan.typedLines.length, 4);
    for (const n of plan.typedLines) assert.match(lines[n], /^RUN go mod download$/);
    // A short document: all of it; a RUN continued on the next line is not typed into.
    const short = documentPlan(longDockerfile(2), {});
    assert.equal(short.text, longDockerfile(2));
    assert.deepEqual(short.typedLines.map((n) => short.text.split('\n')[n]), ['RUN go mod download', 'RUN go mod download']);
    // No RUN to type into: no keystrokes.
    assert.deepEqual(documentPlan('FROM scratch\nCOPY app /app\n', {}).typedLines, []);
  });

  test('keystrokes type a word at the end of a line and delete it again, line after line; each text analyses as a fresh one does', async () => {
    await ready;
    const plan = documentPlan(longDockerfile(3), {});
    const texts = Array.from({ length: 14 }, (_, k) => typedText(plan.text, plan.typedLines, k));
    assert.equal(texts[5], plan.text); // typed, then deleted
    assert.notEqual(texts[2], plan.text);
    assert.equal(texts[2].length, plan.text.length + 3);
    assert.notEqual(texts[8].split('\n')[plan.typedLines[1]], plan.text.split('\n')[plan.typedLines[1]]);
    // The warm-up's incremental analyses give what a fresh analysis gives (nothing of it is kept,
    // but a warm-up that threw on its own edits would stop at once).
    let a = analyzeText(plan.text);
    for (const t of texts) {
      a = analyzeText(t, {}, a.model, a.stageFindings);
      assert.deepEqual(a.findings.map((f) => [f.code, f.span.start, f.message]), analyzeText(t).findings.map((f) => [f.code, f.span.start, f.message]));
    }
  });
});
