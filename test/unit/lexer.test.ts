/**
 * Differential test of our lexer (server/src/dockerfile/lexer.ts): the model parseDockerfile
 * builds must be the one the dockerfile-ast construction it replaced builds (oracle/astParse.ts),
 * every field and offset, ENV/ARG/LABEL properties included, on every Dockerfile we have, the
 * benchmark's, and thousands of generated and mutated texts full of the corners of the syntax.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { before, describe, it } from 'node:test';
import type { DockerfileModel } from '../../server/src/dockerfile/model';
import { parseDockerfile, properties } from '../../server/src/dockerfile/parse';
import { parseDockerfileAst, propertiesAst, type Instruction as AstModelInstruction } from './oracle/astParse';
import { dockerfilesUnder, ready, rng } from './helpers';

before(() => ready);

const repo = path.resolve(__dirname, '../..');
const CORPUS = '/work/shared/corpus/dockerfiles';

/** Everything a rule can read of a model, as plain data (stages name their instructions by index). */
function project(model: DockerfileModel, props: (i: never) => unknown): unknown {
  const index = new Map(model.instructions.map((i, k) => [i, k]));
  return {
    text: model.text,
    eol: model.eol,
    escape: model.escape,
    directives: model.directives,
    notAnalysed: model.notAnalysed,
    instructions: model.instructions.map((i) => ({
      keyword: i.keyword, span: i.span, line: i.line, endLine: i.endLine, stage: i.stage,
      flags: i.flags, args: i.args, argsSpan: i.argsSpan, json: i.json, heredocs: i.heredocs,
      script: i.script && { text: i.script.text, map: i.script.map, base: i.script.base, heredoc: i.script.heredoc, exec: i.script.exec },
      properties: props(i as never),
    })),
    // (Own string keys only: the fact slots, model.ts withStageFactSlots, are no part of the parse.)
    stages: model.stages.map((s) => ({ ...Object.fromEntries(Object.entries(s)), from: index.get(s.from), instructions: s.instructions.map((i) => index.get(i)) })),
    globalArgs: [...model.globalArgs],
    comments: model.comments,
  };
}

/** Texts where the oracle throws (dockerfile-ast's getHeredocs runs out of heredocs): ours must not. */
const oracleThrows: string[] = [];

function same(text: string, what: string): void {
  let expected: unknown;
  try {
    expected = project(parseDockerfileAst(text), (i: AstModelInstruction) => propertiesAst(i));
  } catch {
    oracleThrows.push(text);
    assert.doesNotThrow(() => parseDockerfile(text), what);
    return;
  }
  const actual = project(parseDockerfile(text), properties as never);
  if (process.env.LEXER_DUMP && !isDeepStrictEqual(actual, expected)) fs.writeFileSync(process.env.LEXER_DUMP, text);
  assert.deepStrictEqual(actual, expected, `${what}: ${JSON.stringify(text.length > 600 ? text.slice(0, 600) : text)}`);
}

// Pieces of Dockerfiles that reach the corners of dockerfile-ast's reading.
const KEYWORDS = [
  'FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'WORKDIR',
  'USER', 'EXPOSE', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'MAINTAINER', 'from', 'run', 'Copy', 'onbuild', 'env', 'arg',
  'healthcheck', 'FROMX', 'R\\\nUN', 'RU\\ \nN', 'RUN\\', '#RUN', 'É', '\u{1F600}', 'x',
];
const WORDS = [
  '--mount=type=cache,target=/x', '--mount=type=cache,target=/root/.cache/go-build', '--mount=type=bind,source=.,target=/src',
  '--from=build', '--from=', '--platform=$BUILDPLATFORM', '--chown=1:1', '--', '--=', '--a\\=b', '-- x', 'a--b', '--interval=5s',
  'CMD', 'cmd', 'NONE', 'AS', 'as', 'golang:1.22', 'alpine', 'build', 'scratch', '${REG}/golang:1.22', 'build-${V}',
  'go', 'build', '-o', '/out/app', './cmd/app', 'go build -ldflags="-s -w" ./...', '&&', '|', ';', '>', '2>&1',
  '"quoted string"', "'single quoted'", '"unterminated', "'", '"', '\\', '\\\\', '\\$x', '$x', '${A:-b}', '${A', '${ A }', '`',
  '<<EOF', '<<-EOF', '<<"EOF"', "<<'EOF'", '<<-"EOF"', '<<"EOF', '<<<EOF', '<<', '<<E', 'x<<EOF', '<\\<EOF', '<<EO\\F', '<<"E F"',
  '[', ']', '["a", "b"]', '["/bin/sh", "-c", "echo hi"]', '[ "x" ]', '["a",', '[]', '[ ]', '["a\\"b"]', '["a" "b"]', '["\\u00e9"]', '{}',
  'a=b', 'k="v w"', "k='v'", 'K V', '=', 'a=', '=b', 'a="b c" d=e', '#', '#comment', 'é', '\u{1F600}', '\u2028', '\uFEFF', '\u00a0',
  'CMD ["x"]', 'RUN', 'COPY', 'ADD', 'go.mod', 'go.sum', './', '.', '/app/', '*.go', '8080', '1000:1000', 'SIGTERM',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

/** A random Dockerfile: directives, instructions with flags, quotes, continuations, comments, heredocs, JSON. */
function generate(next: () => number): string {
  const eol = pick(next, ['\n', '\n', '\n', '\r\n', '\r\n', '\r']);
  const mixedEol = () => (next() < 0.08 ? pick(next, ['\n', '\r\n', '\r']) : eol);
  let out = '';
  if (next() < 0.08) out += '\uFEFF';
  let esc = '\\';
  const dir = next();
  if (dir < 0.15) {
    out += `# escape=\`${mixedEol()}`;
    esc = '`';
  } else if (dir < 0.22) out += `# escape=\\${mixedEol()}`;
  else if (dir < 0.28) out += `#syntax=docker/dockerfile:1${mixedEol()}# check=skip=all${mixedEol()}`;
  else if (dir < 0.31) out += `# escape=\`   ${mixedEol()}# escape=\\${mixedEol()}`;
  else if (dir < 0.33) out += '# key words=value' + mixedEol();
  // Mostly the file's escape character, sometimes the other one.
  const e = () => (next() < 0.85 ? esc : esc === '\\' ? '\\' : '`');
  const separator = (): string => {
    const r = next();
    if (r < 0.55) return ' ';
    if (r < 0.62) return '\t';
    if (r < 0.66) return '  ';
    if (r < 0.74) return ` ${e()}${mixedEol()}  `;
    if (r < 0.78) return `${e()}${mixedEol()}`;
    if (r < 0.81) return ` ${e()}  ${mixedEol()}`;
    if (r < 0.85) return ` ${e()}${mixedEol()}# a comment${mixedEol()}  `;
    if (r < 0.87) return ` ${e()}${mixedEol()}${mixedEol()}`;
    if (r < 0.89) return ` ${e()}${mixedEol()}   # indented comment ${e()}${mixedEol()}`;
    if (r < 0.91) return `${e()} `;
    if (r < 0.93) return e();
    if (r < 0.95) return ` ${e()}${mixedEol()}#${mixedEol()}`;
    return pick(next, [' ', '\t', '  \t ']);
  };
  const count = 1 + Math.floor(next() * 9);
  for (let k = 0; k < count; k++) {
    if (next() < 0.15) out += pick(next, ['', ' ', '\t', '  ']) + pick(next, ['# comment', '#', '# escape=`', '#RUN x']) + mixedEol();
    if (next() < 0.1) out += mixedEol();
    if (next() < 0.1) out += pick(next, [' ', '\t', '   ']);
    out += pick(next, KEYWORDS);
    const words = Math.floor(next() * 7);
    const heredocNames: string[] = [];
    for (let w = 0; w < words; w++) {
      out += separator();
      const word = next() < 0.92 ? pick(next, WORDS) : pick(next, WORDS) + pick(next, WORDS);
      out += word;
      const m = /^<<-?["']?([A-Za-z_][A-Za-z0-9_ ]*)/.exec(word);
      if (m) heredocNames.push(m[1]);
    }
    if (next() < 0.05) out += pick(next, [' ', '\t', ` ${e()}`, e()]);
    if (k === count - 1 && next() < 0.3 && heredocNames.length === 0) break;
    out += mixedEol();
    for (const name of heredocNames) {
      const body = Math.floor(next() * 4);
      for (let b = 0; b < body; b++) out += pick(next, ['echo hi', '  indented', '\tTabbed', '', 'EO', `${name}x`, ' ' + name, '#!/bin/sh', `a ${e()}`, 'RUN x', e()]) + mixedEol();
      const end = next();
      if (end < 0.75) out += name + mixedEol();
      else if (end < 0.85) out += '\t' + name + mixedEol();
      else if (end < 0.9) out += name + ' ' + mixedEol();
      else if (end < 0.93) out += name;
      // else: unterminated
    }
  }
  if (next() < 0.05) out += e();
  return out;
}

/** An edit of a real file: cut, insert a piece, duplicate a line, change line breaks or escapes. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.2) return text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(next() * 40)));
  if (r < 0.5) return text.slice(0, at) + pick(next, [...WORDS, '\\\n', '\\\r\n', '\n', '\r', '\r\n', ' \\\n# c\n', '<<EOF\nx\nEOF\n', '`\n', '\t']) + text.slice(at);
  if (r < 0.65) {
    const lines = text.split('\n');
    const l = Math.floor(next() * lines.length);
    lines.splice(l, 0, lines[l]);
    return lines.join('\n');
  }
  if (r < 0.75) return text.replace(/\n/g, '\r\n');
  if (r < 0.8) return text.replace(/\n/g, '\r');
  if (r < 0.85) return '# escape=`\n' + text;
  if (r < 0.9) return '\uFEFF' + text;
  return text.slice(0, at);
}

describe('lexer: the model is the dockerfile-ast construction\'s', () => {
  const real = [...dockerfilesUnder(path.join(repo, 'test')), ...dockerfilesUnder(path.join(repo, 'samples'))];

  it('on every Dockerfile of the tests and samples', () => {
    assert.ok(real.length > 10, `found ${real.length}`);
    for (const file of real) same(fs.readFileSync(file, 'utf8'), path.relative(repo, file));
  });

  it('on the old corpus (read in place, when present)', (t) => {
    if (!fs.existsSync(CORPUS)) return t.skip('no corpus here');
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.Dockerfile'));
    for (const f of files) same(fs.readFileSync(path.join(CORPUS, f), 'utf8'), f);
  });

  it('on the analysis benchmark\'s texts', async () => {
    const { dockerfile } = (await import('../../bench/lib/fixtures.mjs')) as { dockerfile: (lines: number) => string };
    for (const lines of [20, 150, 1400, 14000]) same(dockerfile(lines), `bench ${lines}`);
  });

  it('on small texts at the edges', () => {
    const edges = [
      '', ' ', '\n', '\r', '\r\n', '\uFEFF', '\\', '`', '#', '# escape=`', '# escape=`\n', '# escape=\\\r\nRUN a `\r\n b',
      'FROM', 'FROM\\', 'FROM \\', 'FROM x\\', 'RUN \\\n', 'RUN \\ \n', 'RUN a \\', 'RUN a \\  ', 'RUN a\\\r', 'RUN <<EOF',
      'RUN <<EOF\n', 'RUN <<EOF\nEOF', 'RUN <<EOF\r\nx\r\nEOF\r\n', 'RUN <<-EOF\n\tx\n\tEOF\n', 'RUN <<A <<B\na\nA\nb\nB\n',
      'RUN <<-A <<B\n\tA\n\tB\nRUN x\n', 'COPY <<EOF /x\nhello\nEOF\nRUN y', 'ONBUILD RUN <<EOF\nx\nEOF\n', 'ONBUILD\n', 'ONBUILD <<EOF\nx\n',
      'HEALTHCHECK --interval=5s CMD curl x', 'HEALTHCHECK NONE', 'HEALTHCHECK --a --b cmd x', 'CMD ["a", "b"]', 'CMD []',
      'ENV a=b c=d', 'ENV a b c', 'ENV a="b c" \\\n  d=e', 'ARG x', 'ARG x=1 y', 'LABEL "a b"=c', 'ENV', 'ENV a\\ b=c',
      'FROM a AS b\nFROM b\nCOPY --from=b / /\n', '  FROM x\n\t RUN y', 'RUN a\n\\\n', '# escape=`\nRUN a `\n  # c\n  b',
      '#syntax=x\n#escape=`\n\nFROM a `\n b', 'R\\\nUN x', 'RUN\\\nx', 'RUN\\ \n x', 'RUN#x', 'RUN \\\n# only a comment',
      'RUN <<EOF\nEOF\nEOF\n', 'RUN <<"EOF"\n$x\nEOF', 'RUN <<E\\\nOF\nx\nEOF\n', 'RUN x <<EOF\n\\\nEOF\n', 'COPY <<A <<B /\na\nA\n',
    ];
    for (const text of edges) same(text, 'edge');
  });

  it('on 4,000 generated texts', () => {
    const next = rng(20261203);
    for (let k = 0; k < 4000; k++) same(generate(next), `generated #${k}`);
  });

  it('on 2,000 mutations of real files', (t) => {
    const files = [...real, ...(fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.Dockerfile')).map((f) => path.join(CORPUS, f)) : [])];
    const texts = files.map((f) => fs.readFileSync(f, 'utf8')).filter((s) => s.length < 20000);
    if (texts.length === 0) return t.skip('no files');
    const next = rng(15);
    for (let k = 0; k < 2000; k++) {
      let text = pick(next, texts);
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, next);
      same(text, `mutation #${k}`);
    }
  });

  it('reports where dockerfile-ast throws', () => {
    // Informational: these texts crash the old construction; ours reads them (checked in same()).
    if (oracleThrows.length) console.log(`dockerfile-ast threw on ${oracleThrows.length} texts, e.g. ${JSON.stringify(oracleThrows[0])}`);
  });
});
