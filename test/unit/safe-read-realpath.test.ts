/**
 * realPathOf (workspace/safeRead.ts), the real path every safe read checks, is one realpath(3)
 * call where fs.realpathSync resolved in JavaScript, an lstat per path component. Same answers:
 * the same path for every path that resolves, the same error (code and message) for every one
 * that does not (it then runs fs.realpathSync itself).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { realPathOf, readRegularFileOrNull } from '../../server/src/workspace/safeRead';

let dir: string;
before(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-realpath-')));
  fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a/b/f.txt'), 'text');
  fs.symlinkSync(path.join(dir, 'a/b'), path.join(dir, 'linkdir'));
  fs.symlinkSync('a/b/f.txt', path.join(dir, 'linkfile'));
  fs.symlinkSync('linkfile', path.join(dir, 'linklink'));
  fs.symlinkSync('nowhere', path.join(dir, 'dangling'));
  fs.symlinkSync('loop2', path.join(dir, 'loop1'));
  fs.symlinkSync('loop1', path.join(dir, 'loop2'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function outcome(f: (p: string) => string, p: string): string {
  try {
    return `path ${f(p)}`;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return `error ${err.code} ${err.message}`;
  }
}

describe('realPathOf', () => {
  it('gives fs.realpathSync\'s path or error on links, `..` after a link, odd separators, missing and looping paths', () => {
    const cases = [
      'a/b/f.txt', 'linkdir', 'linkdir/', 'linkdir/f.txt', 'linkdir/..', 'linkdir/../b/f.txt', 'linkfile', 'linklink',
      'a//b/./f.txt', 'a/b/x/..', 'missing', 'a/missing/f.txt', 'a/b/f.txt/x', 'dangling', 'loop1', '',
    ];
    for (const rel of cases) {
      const p = rel === '' ? dir : path.join(dir, rel).replace(/\/$/, rel.endsWith('/') ? '/' : '');
      // Joined by hand too: path.join would collapse `linkdir/..` before either function sees it.
      for (const q of [p, `${dir}/${rel}`]) assert.equal(outcome(realPathOf, q), outcome(fs.realpathSync, q), q);
    }
  });
  it('a relative path resolves from the working folder, as fs.realpathSync resolves it', () => {
    for (const p of ['.', '', 'package.json', 'no-such-file']) assert.equal(outcome(realPathOf, p), outcome(fs.realpathSync, p), JSON.stringify(p));
  });
  it('/proc/self/fd/N of an open FIFO gives fs.realpathSync\'s answer, and is still not read', () => {
    const [r, w] = openFifo();
    try {
      const p = `/proc/self/fd/${r}`;
      if (!fs.existsSync('/proc/self/fd')) return;
      assert.equal(outcome(realPathOf, p), outcome(fs.realpathSync, p), p);
      assert.equal(readRegularFileOrNull(p), null, 'a FIFO is no regular file');
    } finally {
      fs.closeSync(r);
      fs.closeSync(w);
    }
  });
  it('a safe read through a link inside its folder reads; one leaving it does not', () => {
    assert.equal(readRegularFileOrNull(path.join(dir, 'linklink'), { within: [dir] }), 'text', 'link chain inside');
    assert.equal(readRegularFileOrNull(path.join(dir, 'linkdir/f.txt'), { within: [path.join(dir, 'linkdir')] }), 'text', 'within given as a link');
    assert.equal(readRegularFileOrNull(path.join(dir, 'linkfile'), { within: [path.join(dir, 'a/missing')] }), null, 'outside');
  });
});

/** Both ends of a new FIFO, opened without blocking. */
function openFifo(): [number, number] {
  const fifo = path.join(dir, 'fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  const r = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const w = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  return [r, w];
}
