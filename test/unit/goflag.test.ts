/**
 * goFlag reads `-name`/`--name[=value]` without a regex for ordinary flag names: it must answer
 * exactly as the regex it replaced, on every word (dashes, `=`, line breaks, near-miss names).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goFlag } from '../../server/src/dockerfile/facts';
import type { ShellWord } from '../../server/src/dockerfile/shell';

const VALUE_FLAGS = new Set(['o', 'ldflags', 'gcflags', 'asmflags', 'tags', 'mod', 'p', 'pkgdir', 'buildmode', 'compiler', 'gccgoflags', 'installsuffix', 'modfile', 'overlay', 'pgo', 'C', 'exec', 'toolexec', 'coverpkg', 'covermode', 'buildvcs']);

/** The regex reading goFlag had before the shortcut. */
function byRegex(args: ShellWord[], name: string) {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/s.exec(v);
    if (!m || m[1] !== name) continue;
    if (m[2] !== undefined) return { value: m[2], word: args[i] };
    const next = args[i + 1];
    if (next && !next.value.startsWith('-') && VALUE_FLAGS.has(name)) return { value: next.value, word: args[i], valueWord: next };
    return { value: true, word: args[i] };
  }
  return null;
}

const word = (value: string): ShellWord => ({ value, raw: value, start: 0, end: value.length, dynamic: false });

describe('goFlag', () => {
  it('answers as the regex did on generated words', () => {
    const alphabet = ['-', '-', '=', 'o', 'ldflags', 'mod', 'd', 'C', '\n', ' ', 'x', '.', 'é'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const names = ['o', 'ldflags', 'mod', 'C', 'x.y', 'trimpath', 'd'];
    for (let k = 0; k < 20_000; k++) {
      const args: ShellWord[] = [];
      const count = 1 + rnd(4);
      for (let j = 0; j < count; j++) {
        let v = '';
        const len = rnd(6);
        for (let c = 0; c < len; c++) v += alphabet[rnd(alphabet.length)];
        args.push(word(v));
      }
      for (const name of names) assert.deepEqual(goFlag(args, name), byRegex(args, name), `${name} in ${JSON.stringify(args.map((a) => a.value))}`);
    }
  });

  it('reads the usual forms', () => {
    const args = ['-trimpath', '--ldflags=-s -w', '-o', 'app', './cmd/app'].map(word);
    assert.equal(goFlag(args, 'trimpath')?.value, true);
    assert.equal(goFlag(args, 'ldflags')?.value, '-s -w');
    assert.equal(goFlag(args, 'o')?.value, 'app');
    assert.equal(goFlag(args, 'mod'), null);
  });
});
