// A seeded fuzz test of the server over stdio (issue 16): hostile workspaces (links to special
// files, a .dockerignore linked out of the folder, pathological .dockerignore lines, odd
// document URIs) and random edit sequences. After each burst of input the server must be alive,
// answer within a bound, publish ranges inside the document, and propose no edit outside the
// workspace folder. Bounded: FUZZ_ROUNDS workspaces (default 3) of FUZZ_EDITS edits (default 40).
// The seed is printed and named in every failure; FUZZ_SEED=<n> repeats a run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';

import { LspClient, pathUri } from './client.mjs';
import { applyContentChanges, assertDiagnosticsFit, assertRangeInside, positionAt, tempProject, writeModule, rng } from './helpers.mjs';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 3);
const EDITS = Number(process.env.FUZZ_EDITS ?? 40);
/** How long the server may take to answer once the input stops. */
const ANSWER_BOUND_MS = 30000;

const PATHOLOGICAL_IGNORE = ['(a+)+b', 'docs/c++/', 'photo (copy).jpg', 'a+b.txt', '[', '\\', '**/**/**/**/*a*a*a*a*a*b', '!(x|y)', '${HOME}', '{a,b}', '*.go', '!main.go', '**', '.git', '#x', ' ! ', '../../etc'];

const FRAGMENTS = [
  'FROM golang:1.22 AS build\n', 'FROM scratch\n', 'FROM build\n', 'RUN apk add git\n', 'RUN go build -o /app .\n', 'COPY . .\n',
  'COPY go.mod go.sum ./\n', 'ARG A=1\n', 'ENV X=${A}\n', 'USER root\n', 'WORKDIR /src\n', '\\\n', '((((', '))))', '$(', '`', '"', "'",
  '<<EOF\n', 'EOF\n', '\r\n', '\r', '🐳', '# go-dockerfile ignore=GD', '--mount=type=cache,target=/root/.cache ', '${', '}', '\u0000', '\t',
];

const DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app .',
  '',
  'FROM alpine:3.20',
  'RUN apk add ca-certificates',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

const projects = [];
after(() => {
  for (const p of projects) p.dispose();
});

function mkfifo(p) {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  assert.equal(spawnSync('mkfifo', [p]).status, 0);
}

/** A Go module with hostile files, chosen by `rnd`; returns it and a folder outside it. */
function hostileWorkspace(rnd) {
  const p = tempProject('go-dockerfile-fuzz-');
  const outside = tempProject('go-dockerfile-fuzz-out-');
  projects.push(p, outside);
  writeModule(p);
  outside.write('outside.txt', 'bin/\n');
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const special = (rel) => {
    const file = path.join(p.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const kind = pick(['zero', 'stdin', 'fifo', 'outside', 'none', 'none']);
    if (kind === 'zero') fs.symlinkSync('/dev/zero', file);
    else if (kind === 'stdin') fs.symlinkSync('/proc/self/fd/0', file);
    else if (kind === 'fifo') mkfifo(file);
    else if (kind === 'outside') fs.symlinkSync(path.join(outside.dir, 'outside.txt'), file);
    return kind;
  };
  const ignoreKind = special('.dockerignore');
  if (ignoreKind === 'none') {
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pick(PATHOLOGICAL_IGNORE));
    p.write('.dockerignore', lines.join(rnd() < 0.5 ? '\n' : '\r\n'));
  }
  for (const rel of ['go.work', '.gitignore', '.go-dockerfile.json', 'vendor/modules.txt']) special(rel);
  if (rnd() < 0.5) p.write('.git/HEAD', 'ref: refs/heads/main\n');
  p.write('a'.repeat(34), '');
  p.write('photo (copy).jpg', '');
  p.write('docs/c++/x.md', '# x\n');
  return { p, outside };
}

/** Every file a WorkspaceEdit touches, with the text edits of the document itself. */
function filesOf(edit, docUri) {
  const files = [];
  const docEdits = [];
  for (const c of edit?.documentChanges ?? []) {
    const uri = c.uri ?? c.textDocument?.uri;
    if (uri === docUri && c.edits) docEdits.push(...c.edits);
    else files.push(uri);
  }
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
    if (uri === docUri) docEdits.push(...edits);
    else files.push(uri);
  }
  return { files, docEdits };
}

/** The real path a write to `file` lands on (through links, dangling ones too). */
function landsOn(file) {
  for (let i = 0; i < 40; i++) {
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    file = path.resolve(path.dirname(file), fs.readlinkSync(file));
  }
  return file;
}

async function round(rnd, r, log) {
  const { p } = hostileWorkspace(rnd);
  const client = await LspClient.start({ rootDir: p.dir, timeoutMs: ANSWER_BOUND_MS });
  try {
    const uri = p.write('Dockerfile', DOCKERFILE);
    let text = DOCKERFILE;
    let version = client.open(uri, text);
    // Odd URIs beside it: a remote host, an untitled buffer, values that are no URI at all.
    client.open('file://host/Dockerfile', DOCKERFILE);
    client.open('untitled:Untitled-1', DOCKERFILE);
    for (const odd of [1, null, {}]) if (rnd() < 0.5) client.notify('textDocument/didOpen', { textDocument: { uri: odd, languageId: 'dockerfile', version: 1, text: 'FROM scratch\n' } });

    for (let e = 0; e < EDITS; e++) {
      // Offsets an editor can name: never inside a surrogate pair, nor between \r and \n (no LSP position).
      const whole = (o) => (o > 0 && o < text.length && ((/[\udc00-\udfff]/.test(text[o]) && /[\ud800-\udbff]/.test(text[o - 1])) || (text[o] === '\n' && text[o - 1] === '\r')) ? o - 1 : o);
      const a = whole(Math.floor(rnd() * (text.length + 1)));
      const b = whole(Math.min(text.length, a + (rnd() < 0.3 ? Math.floor(rnd() * 40) : 0)));
      let insert = '';
      for (let k = Math.floor(rnd() * 4); k > 0; k--) insert += FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)];
      const change = { range: { start: positionAt(text, a), end: positionAt(text, b) }, text: insert };
      text = applyContentChanges(text, [change]);
      version = client.change(uri, [change]);
      if (rnd() < 0.15) await new Promise((res) => setTimeout(res, Math.floor(rnd() * 60)));
      if (rnd() < 0.05) client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathUri(path.join(p.dir, '.dockerignore')), type: 2 }] });
    }

    // The input stops: the last version's diagnostics come within the bound, inside the text.
    const diagnostics = await client.diagnostics(uri, version, ANSWER_BOUND_MS);
    assertDiagnosticsFit(text, diagnostics);
    const ours = diagnostics.filter((d) => d.source === 'go-dockerfile');
    const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: ours } });
    const fixAll = await client.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll.go-dockerfile'] } });
    for (const a of [...actions, ...fixAll]) {
      const { files, docEdits } = filesOf(a.edit, uri);
      for (const ed of docEdits) assertRangeInside(text, ed.range, `edit of "${a.title}"`);
      for (const f of files) {
        const file = fileURLToPath(f);
        const real = landsOn(file);
        assert.ok(real.startsWith(p.dir + path.sep), `"${a.title}" edits ${file}, which lands on ${real}, outside ${p.dir}`);
      }
    }
    // Requests that read the workspace: they answer (an error is an answer), nothing hangs.
    const settle = (pr) => pr.then(() => 'ok', (err) => (/timed out|server exited/.test(err.message) ? Promise.reject(err) : 'error'));
    await settle(client.request('goDockerfile/layers', { uri }));
    await settle(client.request('goDockerfile/layers', { uri: pathUri(path.join(p.dir, '.dockerignore')) }));
    await settle(client.request('goDockerfile/generate', { folderUri: pathUri(p.dir) }));
    await settle(client.request('textDocument/codeAction', { textDocument: { uri: 'file://host/Dockerfile' }, range: whole, context: { diagnostics: [] } }));
    assert.equal(client.exited, false, `the server exited:\n${client.stderr}`);
    log(`round ${r}: ${EDITS} edits, ${text.length} chars, ${ours.length} findings, ${actions.length + fixAll.length} actions checked`);
  } finally {
    await client.stop();
  }
}

test(`fuzz: hostile workspaces and random edits (seed ${SEED})`, { timeout: 60000 * ROUNDS + 60000 }, async (t) => {
  t.diagnostic(`FUZZ_SEED=${SEED} FUZZ_ROUNDS=${ROUNDS} FUZZ_EDITS=${EDITS}`);
  const rnd = rng(SEED);
  for (let r = 0; r < ROUNDS; r++) {
    try {
      await round(rnd, r, (m) => t.diagnostic(m));
    } catch (e) {
      e.message = `[FUZZ_SEED=${SEED}, round ${r}] ${e.message}`;
      throw e;
    }
  }
});
