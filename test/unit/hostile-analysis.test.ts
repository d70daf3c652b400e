/**
 * Pathological Dockerfiles (issue 16, item 7): the analysis finishes with the right answers.
 * Each test has a generous timeout: on the old code these ran for minutes (n² and n³ walks) or
 * overflowed the stack, so the bound turns that into a failure. How the time grows with the
 * size is measured in bench/hostile.bench.ts, not asserted here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/analysis';
import { dockerEnv, MAX_STAGE_CHAIN, rootImage, stageChain } from '../../server/src/dockerfile/facts';
import { MAX_DOCUMENT_CHARS, MAX_LINE_CHARS } from '../../server/src/dockerfile/limits';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { parseShell } from '../../server/src/dockerfile/shell';
import { ready } from './helpers';

describe('pathological Dockerfiles', () => {
  it('5,000 nested ( in one RUN: the script is unknown, the other findings still come', { timeout: 60_000 }, async () => {
    await ready;
    const script = `${'('.repeat(5000)}echo${')'.repeat(5000)}`;
    const s = parseShell(script);
    assert.equal(s.hasErrors, true);
    assert.deepEqual(s.commands, []);
    // GD201 needs the project built in the final image (issue 11): a build beside the script.
    const a = analyzeText(`FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nRUN ${script}\n`);
    assert.ok(a.findings.some((f) => f.code === 'GD201'), a.findings.map((f) => f.code).join(' '));
  });

  it('a few nested subshells are still read', async () => {
    await ready;
    const s = parseShell('( (echo a) && (cd x && go build ./...) )');
    assert.deepEqual(s.commands.map((c) => c.argv[0].value), ['echo', 'cd', 'go']);
  });

  it('8,000 ENV lines each using the one before: the last value is known', { timeout: 60_000 }, async () => {
    await ready;
    const lines = ['FROM golang:1.22', 'ENV V0=a'];
    for (let i = 1; i < 8000; i++) lines.push(`ENV V${i}=\${V${i - 1}}`);
    lines.push('RUN go build -o /app .');
    const model = parseDockerfile(lines.join('\n') + '\n');
    const stage = model.stages[0];
    const env = dockerEnv(model, stage, stage.instructions[stage.instructions.length - 1]);
    assert.equal(env.get('V7999'), 'a');
    assert.ok(Array.isArray(analyzeText(model.text).findings));
  });

  it('20,000 ARG lines: ARGs are seen, ENV still wins over an ARG of the same name', { timeout: 60_000 }, async () => {
    await ready;
    const lines = ['FROM golang:1.22'];
    for (let i = 0; i < 20000; i++) lines.push(`ARG A${i}=v${i}`);
    lines.push('ENV A5=env', 'RUN go build -o /app .');
    const model = parseDockerfile(lines.join('\n') + '\n');
    const stage = model.stages[0];
    const env = dockerEnv(model, stage, stage.instructions[stage.instructions.length - 1]);
    assert.equal(env.get('A19999'), 'v19999');
    assert.equal(env.get('A5'), 'env');
    assert.ok(Array.isArray(analyzeText(model.text).findings));
  });

  it('10,000 stages each FROM the one before: the root image is known, chains are bounded', { timeout: 120_000 }, async () => {
    await ready;
    const lines: string[] = [];
    for (let i = 0; i < 10000; i++) lines.push(`FROM ${i ? `s${i - 1}` : 'golang:1.22'} AS s${i}`, `RUN echo ${i}`);
    lines.push('COPY . .', 'RUN go build -o /app .');
    const model = parseDockerfile(lines.join('\n') + '\n');
    const last = model.stages[model.stages.length - 1];
    assert.equal(rootImage(model, last), 'golang:1.22');
    const chain = stageChain(model, last);
    assert.equal(chain.length, MAX_STAGE_CHAIN);
    assert.equal(chain[chain.length - 1], last);
    assert.deepEqual(stageChain(model, model.stages[2]).map((s) => s.index), [0, 1, 2]);
    const a = analyzeText(model.text);
    assert.ok(a.findings.some((f) => f.code === 'GD201'));
  });
  it('a 5 MB single line: not analysed, the reason on that line, no rule run', { timeout: 60_000 }, async () => {
    await ready;
    // On the old code: 40 s to minutes and over a gigabyte (dockerfile-ast and the shell parser per word).
    const text = `FROM golang:1.22\r\nRUN echo ${'a '.repeat(2_500_000)}\r\nCOPY . .\r\n`;
    const a = analyzeText(text);
    assert.deepEqual(a.findings, []);
    assert.deepEqual(a.model.instructions, []);
    const over = a.model.notAnalysed;
    assert.ok(over, 'notAnalysed is set');
    assert.match(over.reason, /^line 2 is 5,000,009 characters long \(lines of up to 65,536 characters are analysed\)$/);
    assert.deepEqual(a.model.lines.positionAt(over.span.start), { line: 1, character: 0 });
    assert.deepEqual(a.model.lines.positionAt(over.span.end), { line: 1, character: 5_000_009 });
  });

  it('a line of exactly the limit is analysed; one character more is not', async () => {
    await ready;
    const run = (n: number) => `FROM golang:1.22\nRUN apk add git && echo ${'a'.repeat(n - 'RUN apk add git && echo '.length)}\n`;
    const at = analyzeText(run(MAX_LINE_CHARS));
    assert.equal(at.model.notAnalysed, null);
    assert.ok(at.findings.some((f) => f.code === 'GD301'), at.findings.map((f) => f.code).join(' '));
    const over = analyzeText(run(MAX_LINE_CHARS + 1));
    assert.match(over.model.notAnalysed?.reason ?? '', /^line 2 is 65,537 characters/);
    assert.deepEqual(over.findings, []);
  });

  it('a file over the size limit in short lines: not analysed, the reason on the first line', { timeout: 60_000 }, async () => {
    await ready;
    const text = `FROM golang:1.22\n${'RUN apk add git\n'.repeat(Math.ceil(MAX_DOCUMENT_CHARS / 16))}`;
    const a = analyzeText(text);
    assert.deepEqual(a.findings, []);
    assert.match(a.model.notAnalysed?.reason ?? '', /^the file has [\d,]+ characters \(files of up to 2,097,152 characters are analysed\)$/);
    assert.deepEqual(a.model.notAnalysed?.span, { start: 0, end: 'FROM golang:1.22'.length });
  });
});
