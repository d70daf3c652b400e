// Hostile repositories and odd input over a real stdio session (issue 16): generated files carry
// no repository-chosen syntax, odd document URIs never end the server, and so on per item.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';

import { LspClient, pathUri } from './client.mjs';
import { tempProject, writeModule, DOCKERFILE } from './helpers.mjs';

const projects = [];
const clients = [];
after(async () => {
  for (const c of clients) await c.stop();
  for (const p of projects) p.dispose();
});

function project(prefix) {
  const p = tempProject(prefix);
  projects.push(p);
  return p;
}

async function start(opts) {
  const c = await LspClient.start({ timeoutMs: 20000, ...opts });
  clients.push(c);
  return c;
}

const MAIN = 'package main\n\nfunc main() {}\n';

describe('goDockerfile/generate: repository names (item 1)', () => {
  test('a main package in cmd/x$(touch${IFS}pwned) is refused with a clear error, not written into RUN', async () => {
    const p = project();
    p.write('go.mod', 'module example.com/x\n\ngo 1.22\n');
    p.write('cmd/x$(touch${IFS}pwned)/main.go', MAIN);
    const c = await start({ rootDir: p.dir });
    await assert.rejects(c.request('goDockerfile/generate', { folderUri: pathUri(p.dir) }), (e) => {
      assert.equal(e.data?.code, 'unsafe-name', e.message);
      assert.match(e.message, /not a valid Go import path/);
      return true;
    });
  });

  test('a module path with a newline is refused', async () => {
    const p = project();
    p.write('go.mod', 'module "example.com/x\\nRUN touch /pwned"\n\ngo 1.22\n');
    p.write('main.go', MAIN);
    const c = await start({ rootDir: p.dir });
    await assert.rejects(c.request('goDockerfile/generate', { folderUri: pathUri(p.dir) }), (e) => e.data?.code === 'unsafe-name');
  });
});

describe('odd document URIs (item 6)', () => {
  test('file://host/…, uri 1, null and {} neither end the server nor get workspace rules', async () => {
    const p = project();
    writeModule(p);
    const c = await start({ rootDir: p.dir });
    const text = 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n';
    c.open('file://host/Dockerfile', text);
    for (const uri of [1, null, {}]) c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    // A Dockerfile in a Go module after them: answered, so the server is alive and serving.
    const uri = p.write('Dockerfile', text);
    c.open(uri, text);
    const d = await c.diagnostics(uri, 1);
    assert.ok(Array.isArray(d));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(c.exited, false, c.stderr);
    const host = await c.diagnostics('file://host/Dockerfile', 1);
    assert.ok(host.every((x) => !/^GD(101|103|105|106|114|202|203|305|306|307)$/.test(String(x.code))), 'no workspace rule for a remote host');
    assert.ok(Array.isArray(await c.request('textDocument/codeAction', { textDocument: { uri: 'file://host/Dockerfile' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })));
    assert.ok(await c.request('goDockerfile/layers', { uri: 'file://host/Dockerfile' }).catch((e) => e));
    assert.equal(c.exited, false, c.stderr);
  });

  test('untitled:, git: and vscode-remote: documents get the workspace-free rules only', async () => {
    const p = project();
    writeModule(p);
    const c = await start({ rootDir: p.dir });
    const text = 'FROM golang:1.22\nRUN apk add git\nCOPY . .\nRUN go build -o /app .\n';
    for (const uri of ['untitled:Untitled-1', `git:${p.dir}/Dockerfile?%7B%7D`, `vscode-remote://ssh-remote%2Bhost${p.dir}/Dockerfile`]) {
      c.open(uri, text);
      const d = await c.diagnostics(uri, 1);
      assert.ok(d.some((x) => x.code === 'GD301'), `${uri}: workspace-free rules run`);
      assert.ok(d.every((x) => !/^GD(101|105|305|306|307)$/.test(String(x.code))), `${uri}: no workspace rule`);
    }
    assert.equal(c.exited, false, c.stderr);
  });
});

describe('special files as input (item 8)', () => {
  test('goDockerfile/layers for a FIFO that is not open: an error answer, and the server keeps serving', async () => {
    const p = project();
    writeModule(p);
    const fifo = `${p.dir}/Dockerfile.fifo`;
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const c = await start({ rootDir: p.dir });
    await assert.rejects(c.request('goDockerfile/layers', { uri: pathUri(fifo) }), /a FIFO, not a regular file/);
    const uri = p.write('Dockerfile', 'FROM scratch\n');
    c.open(uri, 'FROM scratch\n');
    assert.ok(Array.isArray(await c.diagnostics(uri, 1)));
  });
});

describe('superlinear input (item 7)', () => {
  test('a 5 MB single line: one "Not analysed" diagnostic on it, every feature answers, the next version is analysed', async () => {
    const p = project();
    writeModule(p);
    const c = await start({ rootDir: p.dir, timeoutMs: 60000 });
    // On the old code: no diagnostics for minutes, the server over a gigabyte and deaf meanwhile.
    const long = `FROM golang:1.22\nRUN echo ${'a '.repeat(2_500_000)}\n`;
    const uri = p.write('Dockerfile', long);
    c.open(uri, long);
    const d = await c.diagnostics(uri, 1);
    assert.equal(d.length, 1, JSON.stringify(d.map((x) => x.message)));
    assert.match(d[0].message, /^Not analysed: line 2 is 5,000,009 characters long \(lines of up to 65,536 characters are analysed\)\.$/);
    assert.deepEqual(d[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5_000_009 } });
    const at = { textDocument: { uri }, position: { line: 1, character: 3 } };
    assert.equal(await c.request('textDocument/hover', at), null);
    assert.deepEqual(await c.request('textDocument/completion', at), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri }, range: d[0].range, context: { diagnostics: d } }), []);
    await assert.rejects(c.request('goDockerfile/layers', { uri }), /not analysed: line 2 is 5,000,009 characters long/);
    // Back to a short line: analysed again.
    const v = c.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5_000_009 } }, text: 'RUN apk add git' }]);
    const d2 = await c.diagnostics(uri, v);
    assert.ok(d2.some((x) => x.code === 'GD301'), JSON.stringify(d2.map((x) => x.code)));
    assert.equal(c.exited, false, c.stderr);
  });
});

describe('goDockerfile/generate: links out of the folder (item 2)', () => {
  test('Dockerfile -> ../o/authorized_keys (dangling): refused, nothing created', async () => {
    const p = project();
    writeModule(p);
    const outside = project();
    fs.symlinkSync(`${outside.dir}/authorized_keys`, `${p.dir}/Dockerfile`);
    const c = await start({ rootDir: p.dir });
    await assert.rejects(c.request('goDockerfile/generate', { folderUri: pathUri(p.dir) }), /outside .*not written/);
    assert.deepEqual(fs.readdirSync(outside.dir), []);
  });

  test('a dangling .dockerignore inside the folder counts as existing', async () => {
    const p = project();
    writeModule(p);
    fs.symlinkSync(`${p.dir}/nowhere`, `${p.dir}/.dockerignore`);
    const c = await start({ rootDir: p.dir });
    const r = await c.request('goDockerfile/generate', { folderUri: pathUri(p.dir) });
    assert.equal(r.existing.dockerignore, true);
  });
});

/** Every file a code action's WorkspaceEdit creates or edits (file paths). */
function touchedFiles(actions) {
  const out = [];
  for (const a of actions) {
    for (const c of a.edit?.documentChanges ?? []) out.push(fileURLToPath(c.uri ?? c.textDocument.uri));
    for (const uri of Object.keys(a.edit?.changes ?? {})) out.push(fileURLToPath(uri));
  }
  return out;
}

async function actionsFor(c, uri, diagnostics) {
  return c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, context: { diagnostics, only: ['quickfix'] } });
}

const inside = (dir) => (f) => f === dir || f.startsWith(dir + path.sep);

describe('fix edits of other files stay in the workspace (items 3, 9)', () => {
  const OPTIONS = { languageFeatures: 'off', rules: { GD114: 'warning', GD305: 'warning' } };

  test('a .dockerignore linked to ../outside.txt: GD114 offers no edit of it', async () => {
    const p = project();
    writeModule(p);
    p.write('.git/HEAD', 'ref: refs/heads/main\n');
    const outside = project();
    outside.write('outside.txt', 'bin/\n');
    fs.symlinkSync(`${outside.dir}/outside.txt`, `${p.dir}/.dockerignore`);
    const c = await start({ rootDir: p.dir, initializationOptions: OPTIONS });
    const uri = p.write('Dockerfile', DOCKERFILE);
    c.open(uri, DOCKERFILE);
    const diagnostics = await c.diagnosticsWhere(uri, (ds) => ds.some((d) => d.code === 'GD114'));
    const touched = touchedFiles(await actionsFor(c, uri, diagnostics));
    assert.deepEqual(touched.filter((f) => !inside(p.dir)(f)), [], 'nothing outside the workspace folder');
    assert.ok(!touched.includes(path.join(p.dir, '.dockerignore')), 'the link is not edited');
    assert.equal(fs.readFileSync(`${outside.dir}/outside.txt`, 'utf8'), 'bin/\n');
  });

  test('goDockerfile.buildContext "../private" is ignored: no fix creates a file there', async () => {
    const p = project();
    writeModule(p);
    const priv = project();
    writeModule(priv);
    const rel = path.relative(p.dir, priv.dir);
    const c = await start({ rootDir: p.dir, initializationOptions: { ...OPTIONS, buildContext: rel } });
    const uri = p.write('Dockerfile', DOCKERFILE);
    c.open(uri, DOCKERFILE);
    const diagnostics = await c.diagnosticsWhere(uri, (ds) => ds.some((d) => d.code === 'GD305'));
    const touched = touchedFiles(await actionsFor(c, uri, diagnostics));
    assert.ok(touched.length > 0, 'the GD305 fix is offered for the workspace folder');
    assert.deepEqual(touched.filter((f) => !inside(p.dir)(f)), [], 'nothing outside the workspace folder');
    const layers = await c.request('goDockerfile/layers', { uri });
    const listed = JSON.stringify(layers);
    assert.ok(!listed.includes(priv.dir), 'the layer model lists nothing from ../private');
  });

  test('without file watching, a .dockerignore created since the workspace was read is not overwritten by GD305', async () => {
    const p = project();
    writeModule(p);
    const c = await start({ rootDir: p.dir, initializationOptions: OPTIONS });
    const uri = p.write('Dockerfile', DOCKERFILE);
    c.open(uri, DOCKERFILE);
    const diagnostics = await c.diagnosticsWhere(uri, (ds) => ds.some((d) => d.code === 'GD305'));
    p.write('.dockerignore', 'mine\n');
    const actions = await actionsFor(c, uri, diagnostics.filter((d) => d.code === 'GD305'));
    assert.deepEqual(touchedFiles(actions).filter((f) => f.endsWith('.dockerignore')), [], 'no edit of the new .dockerignore');
    assert.equal(fs.readFileSync(`${p.dir}/.dockerignore`, 'utf8'), 'mine\n');
  });
});
