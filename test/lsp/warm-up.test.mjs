// The server's idle warm-up (server/src/lsp/warmUp.ts): a server left idle after starting (the
// extension starts with a Go workspace, before any Dockerfile is open) analyses a small
// Dockerfile of its own a few times and writes its V8 code cache. That changes how fast the
// first Dockerfile opened is answered, never what the answer says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { LspClient, withTimeout } from './client.mjs';
import { tempProject, writeModule } from './helpers.mjs';

const TEXT = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -ldflags "-X main.v=${V}" -o /app .\nFROM alpine:3.20\nRUN apk add tzdata\nCOPY --from=0 /app /app\nCMD /app\n';

let project;
let homes;
let uri;
before(() => {
  project = tempProject('go-dockerfile-warm-up-');
  homes = fs.mkdtempSync(path.join(os.tmpdir(), 'go-dockerfile-warm-up-homes-'));
  writeModule(project);
  uri = project.write('Dockerfile', TEXT);
});
after(() => {
  project?.dispose();
  if (homes) fs.rmSync(homes, { recursive: true, force: true });
});

/** The first log line matching `re`, waiting for it. */
function logLine(c, re) {
  const found = () => c.logs.find((l) => re.test(l.message))?.message;
  return withTimeout((async () => {
    while (!found()) {
      if (c.exited) throw new Error(`server exited\n${c.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return found();
  })(), 30000, `a log line matching ${re}`);
}

const summary = (diagnostics) => diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

/**
 * The diagnostics of TEXT from a fresh server, opened at once or after its warm-up, once the
 * workspace is read (GD305 comes with it: the first publish may come before, or after, the read).
 */
async function firstAnswer(home, { warm }) {
  const c = await LspClient.start({ rootDir: project.dir, timeoutMs: 30000, env: { XDG_CACHE_HOME: home } });
  try {
    let logsBeforeOpen = [];
    if (warm) {
      await logLine(c, /^warm-up: /);
      // The cache is written with the warm-up, no document open.
      await logLine(c, /^V8 code cache (not )?written/);
      logsBeforeOpen = c.logs.map((l) => l.message);
    }
    c.open(uri, TEXT);
    const diagnostics = summary(await c.diagnosticsWhere(uri, (d) => d.some((x) => x.code === 'GD305')));
    // The first analysis ran without V8's optimizing compiler (server.ts): it is on again by now.
    const optimizing = await logLine(c, /^V8 optimizing compiler on/);
    return { diagnostics, logsBeforeOpen, optimizing };
  } finally {
    await c.stop();
  }
}

describe('idle warm-up', () => {
  it('runs while no document is open, writes the code cache, and the first answer after it is the same', async () => {
    const home = fs.mkdtempSync(path.join(homes, 'a-'));
    const warm = await firstAnswer(home, { warm: true });
    // WARM_UP_RUNS analyses of its text, then WARM_UP_KEYSTROKES keystrokes typed into it.
    assert.ok(warm.logsBeforeOpen.some((m) => /^warm-up: 48 analyses in \d+ ms$/.test(m)), warm.logsBeforeOpen.join('\n'));
    assert.ok(warm.logsBeforeOpen.some((m) => /^V8 code cache written/.test(m)), warm.logsBeforeOpen.join('\n'));
    assert.equal(warm.optimizing, 'V8 optimizing compiler on (idle warm-up)');
    const cold = await firstAnswer(fs.mkdtempSync(path.join(homes, 'b-')), { warm: false });
    assert.ok(cold.diagnostics.length > 0);
    assert.equal(cold.optimizing, 'V8 optimizing compiler on (first diagnostics sent)');
    assert.deepEqual(warm.diagnostics, cold.diagnostics);
  });

  it('a document opened before it ended gets keystrokes typed into its own text once answered, and stops at the first edit', async () => {
    const home = fs.mkdtempSync(path.join(homes, 'c-'));
    const c = await LspClient.start({ rootDir: project.dir, timeoutMs: 30000, env: { XDG_CACHE_HOME: home } });
    try {
      c.open(uri, TEXT);
      const before = summary(await c.diagnosticsWhere(uri, (d) => d.some((x) => x.code === 'GD305')));
      // One analysis of the document, then WARM_UP_KEYSTROKES keystrokes into its RUN lines (none pending, no edit).
      assert.match(await logLine(c, /^typing warm-up: /), /^typing warm-up: 41 analyses in \d+ ms$/);
      // Nothing of it was published, and the document's own analysis is intact: an edit typed and
      // deleted again (analysed from the cached model, as every keystroke is) gives the same answer.
      const v2 = c.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
      assert.notDeepEqual(summary(await c.diagnostics(uri, v2)), before);
      const v3 = c.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, text: '' }]);
      assert.deepEqual(summary(await c.diagnostics(uri, v3)), before);
    } finally {
      await c.stop();
    }
  });
});
