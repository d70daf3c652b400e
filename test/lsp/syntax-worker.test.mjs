// The library's syntax check runs in a worker thread (server/src/lsp/syntaxCheck.ts): a keystroke
// arriving while a long check runs is answered, the check's answer for the version it replaced
// is never published, and a server whose worker cannot run keeps publishing our findings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { LspClient, REPO_ROOT, withTimeout } from './client.mjs';
import { SOURCE, tempProject, writeModule } from './helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const foreign = (ds) => ds.filter((d) => d.source !== SOURCE);
/** A syntax diagnostic naming exactly this unknown instruction. */
const names = (word) => (ds) => foreign(ds).some((d) => new RegExp(`\\b${word}\\b`).test(d.message));

/** Polls the server's log until `pred` holds for it (bounded). */
async function logged(c, pred, what) {
  await withTimeout((async () => {
    while (!pred(c.logs.map((l) => l.message))) await sleep(20);
  })(), 20000, what);
}

describe('the syntax check in its worker thread', () => {
  let project;
  before(() => {
    project = tempProject();
    writeModule(project);
  });
  after(() => project.dispose());

  test('a keystroke during a long check is answered, and that check\'s answer for the older version is dropped', async () => {
    // dockerfile-ast gives each comment to its stage by testing every stage: thousands of stages
    // with a comment each take the library seconds (quadratic), our analysis much less.
    const text = 'FROMM alpine\n' + Array.from({ length: 4000 }, (_, i) => `FROM alpine:3.20 AS s${i}\n# stage ${i}`).join('\n') + '\n';
    const uri = project.write('Dockerfile', text);
    const c = await LspClient.start({ rootDir: project.dir, timeoutMs: 60000 });
    try {
      const rename = (from, to) => c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: from.length } }, text: to }]);
      c.open(uri, text);
      await c.diagnostics(uri, 1);
      await c.diagnosticsWhere(uri, names('FROMM'));
      // How long a check takes here, from our findings to the check's publish (warm: the
      // thread and the library are loaded): the next keystroke goes in the middle of one.
      const v2 = rename('FROMM', 'FROMMM');
      await c.diagnostics(uri, v2);
      const t = performance.now();
      await c.diagnosticsWhere(uri, names('FROMMM'));
      const checkMs = performance.now() - t;

      const v3 = rename('FROMMM', 'FROMMMM');
      await c.diagnostics(uri, v3);
      await sleep(checkMs / 2);
      const mark = c.publishCount(uri);
      const v4 = rename('FROMMMM', 'FROMMMMM');
      await c.diagnostics(uri, v4);
      await c.diagnosticsWhere(uri, names('FROMMMMM'), { skip: mark });
      const since = c.published.get(uri).slice(mark);
      // On the server's own thread, the check of v3 held the keystroke until it was done and
      // published its answer first.
      assert.deepEqual(since.map((p) => p.version), since.map(() => v4), 'only version 4 published after its keystroke');
      assert.ok(!since.some((p) => names('FROMMMM')(p.diagnostics)), 'the check of version 3 is never shown');
    } finally {
      assert.equal(await c.stop(), 0, 'shutdown + exit with code 0 (the thread keeps nothing alive)');
    }
  });

  test('installed without its worker file: our findings as ever, the failure logged, three tries, a clean exit', async () => {
    // A copy of the server's bundle with the files it loads, but no syntax-worker.js beside it.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-no-worker-'));
    try {
      for (const f of ['server.js', 'server-main.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(REPO_ROOT, 'dist', f), path.join(copy, f));
      const text = 'FROM golang:1.22\nWORKDIR /src\nFROMM nothing\nCOPY . .\nRUN go build -o /bin/app .\n';
      const uri = project.write('no-worker.Dockerfile', text);
      const c = await LspClient.start({ rootDir: project.dir, serverJs: path.join(copy, 'server.js') });
      const ended = (ms) => ms.filter((m) => /syntax check thread ended .* while checking/.test(m)).length;
      try {
        c.open(uri, text);
        let version = 1;
        assert.ok((await c.diagnostics(uri, version)).length > 0, 'our findings');
        // Each pause asks for a check, which starts a thread again: three fail, then no more.
        for (let k = 1; k <= 3; k++) {
          await logged(c, (ms) => ended(ms) >= k, `thread death ${k}`);
          version = c.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '# more\n' }]);
          assert.ok((await c.diagnostics(uri, version)).length > 0, `our findings of version ${version}`);
        }
        await logged(c, (ms) => ms.some((m) => m.includes('no syntax checks until the server restarts')), 'the checks given up');
        const messages = c.logs.map((l) => l.message);
        assert.ok(messages.some((m) => m.includes('Cannot find module') && m.includes('syntax-worker.js')), messages.join('\n'));
        assert.equal(ended(messages), 3);
        assert.deepEqual(c.published.get(uri).flatMap((p) => foreign(p.diagnostics)), [], 'no syntax diagnostics');
        version = c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# last\n' }]);
        assert.ok((await c.diagnostics(uri, version)).length > 0);
      } finally {
        assert.equal(await c.stop(), 0, 'shutdown + exit with code 0');
      }
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
