// Hostile repositories and odd input over a real stdio session (issue 16): generated files carry
// no repository-chosen syntax, odd document URIs never end the server, and so on per item.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';

import { LspClient, pathUri } from './client.mjs';
import { tempProject, writeModule } from './helpers.mjs';

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
