/**
 * The library's syntax check in a worker thread (server/src/lsp/syntaxCheck.ts), with real
 * threads: the real worker (bundled here as esbuild.mjs does: a thread does not load
 * TypeScript) gives the library's own diagnostics; small worker scripts written
 * here stand for a thread that fails to start, dies in a check, hangs, or reports a library
 * error, and none of them stops the checks of the next texts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { buildSync } from 'esbuild';
import { SyntaxChecker } from '../../server/src/lsp/syntaxCheck';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-syntax-worker-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A worker script: answers each request as the real one does, with one diagnostic naming the
 * version and text, after running `onText(text)` (which may exit, hang or throw first).
 */
function script(name: string, onText = '', top = ''): string {
  const file = path.join(dir, `${name}.cjs`);
  fs.writeFileSync(file, `const { parentPort } = require('worker_threads');
${top}
parentPort.on('message', (r) => {
  const text = r.text;
  ${onText}
  parentPort.postMessage({ id: r.id, uri: r.uri, version: r.version, diagnostics: [{ message: 'v' + r.version + ' ' + text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] });
});
`);
  return file;
}

const messages = (d: { message: unknown }[] | undefined) => d?.map((x) => x.message);

function checker(file: string, limits = {}) {
  const logs: string[] = [];
  const c = new SyntaxChecker(file, (m) => logs.push(m), limits);
  return { c, logs };
}

describe('SyntaxChecker', () => {
  it('the real worker gives the diagnostics of dockerfile-language-service validate', async () => {
    const service = DockerfileLanguageServiceFactory.createLanguageService();
    const file = path.join(dir, 'syntax-worker.js');
    buildSync({ entryPoints: [path.resolve(__dirname, '../../server/src/lsp/syntaxWorker.ts')], outfile: file, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    const { c, logs } = checker(file);
    try {
      const texts = ['FROMM alpine\n', 'FROM alpine:3.20\nRUN <<EOF1 <<EOF2\napk add git\nEOF1\n', 'FROM scratch\nEXPOSE 80/xyz\nHEALTHCHECK --interval=x CMD true\n', 'FROM alpine\n'];
      for (const [i, t] of texts.entries()) assert.deepEqual(await c.check('file:///a', i + 1, t), service.validate(t), t);
      assert.deepEqual(logs, []);
    } finally {
      c.dispose();
    }
  });

  it('one check at a time; only the newest waiting request of a document is sent', async () => {
    // Each check blocks its thread for a moment, so the later requests queue behind the first.
    const { c } = checker(script('slow', 'const until = Date.now() + 50; while (Date.now() < until);'));
    try {
      const answers = [c.check('file:///a', 1, 'a1'), c.check('file:///a', 2, 'a2'), c.check('file:///b', 1, 'b1'), c.check('file:///a', 3, 'a3')];
      assert.deepEqual((await Promise.all(answers)).map(messages), [['v1 a1'], undefined, ['v1 b1'], ['v3 a3']]);
    } finally {
      c.dispose();
    }
  });

  it('a thread that dies in a check costs that check only: the next starts a new thread', async () => {
    const { c, logs } = checker(script('dies', "if (text === 'die') process.exit(3);"));
    try {
      assert.deepEqual(messages(await c.check('file:///a', 1, 'ok')), ['v1 ok']);
      assert.deepEqual(await c.check('file:///a', 2, 'die'), []);
      assert.ok(logs.some((l) => /ended \(exit code 3\) while checking file:\/\/\/a \(version 2\)/.test(l)), logs.join('\n'));
      assert.deepEqual(messages(await c.check('file:///a', 3, 'ok again')), ['v3 ok again']);
    } finally {
      c.dispose();
    }
  });

  it('a library error is an answer without diagnostics, logged; the thread keeps serving', async () => {
    const file = path.join(dir, 'library-error.cjs');
    fs.writeFileSync(file, `const { parentPort } = require('worker_threads');
parentPort.on('message', (r) => parentPort.postMessage(r.text === 'bad' ? { id: r.id, uri: r.uri, version: r.version, error: 'Error: boom' } : { id: r.id, uri: r.uri, version: r.version, diagnostics: [] }));
`);
    const { c, logs } = checker(file, { maxDeaths: 1 });
    try {
      assert.deepEqual(await c.check('file:///a', 1, 'bad'), []);
      assert.ok(logs.some((l) => l.includes('syntax check of file:///a failed: Error: boom')), logs.join('\n'));
      assert.deepEqual(await c.check('file:///a', 2, 'good'), []);
      assert.ok(!logs.some((l) => l.includes('ended')), 'the thread did not end');
    } finally {
      c.dispose();
    }
  });

  it('a thread that hangs is terminated after timeoutMs; that text is not checked again until a quarter shorter', async () => {
    // The limit counts from the thread being online; a new thread still loads its script after
    // that, which took over 300 ms on a loaded machine (load 10 on 2 cores): then `fine` was given up.
    const { c, logs } = checker(script('hangs', "if (text.startsWith('hang')) for (;;);"), { timeoutMs: 2000 });
    try {
      assert.deepEqual(await c.check('file:///a', 1, 'hang 1234567890'), []);
      assert.ok(logs.some((l) => l.includes('syntax check of file:///a (version 1) given up after 2000 ms')), logs.join('\n'));
      // Other documents are checked by a new thread.
      assert.deepEqual(messages(await c.check('file:///b', 1, 'fine')), ['v1 fine']);
      // The same document at about the same length: not sent (the thread would hang again).
      assert.deepEqual(await c.check('file:///a', 2, 'hang 123456789'), []);
      assert.deepEqual(messages(await c.check('file:///a', 3, 'short')), ['v3 short']);
    } finally {
      c.dispose();
    }
  });

  it('a thread that cannot start: logged, retried on later checks, given up after maxDeaths in a row', async () => {
    const { c, logs } = checker(script('throws-at-load', '', "throw new Error('cannot load');"), { maxDeaths: 3 });
    try {
      for (let v = 1; v <= 3; v++) assert.deepEqual(await c.check('file:///a', v, 'x'), []);
      assert.equal(logs.filter((l) => l.includes('cannot load')).length, 3, logs.join('\n'));
      assert.equal(logs.filter((l) => l.includes('no syntax checks until the server restarts')).length, 1, logs.join('\n'));
      const before = logs.length;
      assert.deepEqual(await c.check('file:///a', 4, 'x'), []);
      assert.equal(logs.length, before, 'no fourth thread');
    } finally {
      c.dispose();
    }
  });

  it('a missing worker file (a broken install) is a thread that cannot start', async () => {
    const { c, logs } = checker(path.join(dir, 'no-such-worker.js'), { maxDeaths: 1 });
    try {
      assert.deepEqual(await c.check('file:///a', 1, 'x'), []);
      assert.ok(logs.some((l) => l.includes('Cannot find module')), logs.join('\n'));
    } finally {
      c.dispose();
    }
  });

  it('forget and dispose: open checks are answered with undefined', async () => {
    const { c } = checker(script('slow2', 'const until = Date.now() + 50; while (Date.now() < until);'));
    const running = c.check('file:///a', 1, 'a1');
    const waitingA = c.check('file:///a', 2, 'a2');
    const waitingB = c.check('file:///b', 1, 'b1');
    c.forget('file:///a');
    assert.equal(await running, undefined);
    assert.equal(await waitingA, undefined);
    assert.deepEqual(messages(await waitingB), ['v1 b1']);
    const last = c.check('file:///c', 1, 'c1');
    c.dispose();
    assert.equal(await last, undefined);
  });
});
