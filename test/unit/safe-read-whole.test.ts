/**
 * readWhole (workspace/safeRead.ts) reads the .go files a folder listing called files, without an
 * fstat first. Something else in their place must still never hang it: each read runs in a child
 * process with a time bound, which turns a hang into a failure.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const SAFE_READ = path.resolve(__dirname, '../../server/src/workspace/safeRead.ts');
let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-read-whole-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** readWhole(file) in a child: its length, or the error it threw. */
function readInChild(file: string): { status: number | null; out: string } {
  const code = `const { readWhole } = require(${JSON.stringify(SAFE_READ)});
try { console.log('bytes ' + readWhole(${JSON.stringify(file)}).length); } catch (e) { console.log('threw ' + e.message); }`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout.trim() + r.stderr };
}

describe('readWhole', () => {
  it('reads a small file and a file larger than its scratch buffer whole', () => {
    const small = path.join(dir, 'a.go');
    fs.writeFileSync(small, 'package a\n');
    assert.equal(readInChild(small).out, 'bytes 10');
    const large = path.join(dir, 'big.go');
    fs.writeFileSync(large, `package big\n//${'x'.repeat(600 * 1024)}\n`);
    assert.equal(readInChild(large).out, `bytes ${fs.statSync(large).size}`);
  });

  it('a FIFO in place of a .go file is refused instead of blocking', () => {
    const fifo = path.join(dir, 'fifo.go');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const r = readInChild(fifo);
    assert.equal(r.status, 0, r.out);
    // A positional read of a pipe fails (ESPIPE); the caller skips the file.
    assert.match(r.out, /^threw /);
  });

  it('/dev/zero (through a link) is refused, not read without end', () => {
    const link = path.join(dir, 'zero.go');
    fs.symlinkSync('/dev/zero', link);
    const r = readInChild(link);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /^threw .*not a regular file/);
  });

  it('a folder in place of a .go file throws', () => {
    const folder = path.join(dir, 'folder.go');
    fs.mkdirSync(folder);
    assert.match(readInChild(folder).out, /^threw /);
  });
});
