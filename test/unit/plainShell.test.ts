/**
 * The plain-script reader (dockerfile/plainShell.ts) must give exactly tree-sitter-bash's
 * reading whenever it answers: scripts generated from the words and operators of real RUN
 * lines, each compared with the grammar's parse; and it must leave to the grammar what it does
 * not read.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parsePlainShell } from '../../server/src/dockerfile/plainShell';
import { parseWithTreeSitter } from '../../server/src/dockerfile/shell';
import { dockerfile } from '../../bench/lib/fixtures.mjs';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { ready, rng } from './helpers';

before(() => ready);

const WORDS = [
  'go', 'build', 'install', 'mod', 'download', '-o', '/out/app', './cmd/app', './...', '-trimpath', '-ldflags', '"-s -w"', "'-s -w'",
  '-ldflags="-s -w -X main.version=1.2.3"', 'apk', 'add', '--no-cache', 'ca-certificates', 'tzdata', 'git', 'apt-get', 'install', '-y',
  '--no-install-recommends', 'rm', '-rf', '/var/lib/apt/lists/*', '/var/cache/apk/*', '*.go', 'CGO_ENABLED=0', 'GOOS=linux', 'GOARCH=arm64',
  'GOFLAGS=-mod=vendor', 'X=', 'X="a b"', "X='a b'", 'A=1', 'addgroup', '-S', 'app', 'adduser', '-G', '-u', '65532', '1', '0', '8080', '1.22',
  '1.2.3', '-1', '+x', 'chmod', 'a+x', 'u=rwx,g=rx', 'user@host', 'http://127.0.0.1:8080/healthz', '-qO-', 'wget', 'curl', '-fsSL',
  'https://example.com/x.tar.gz', '%s', 'printf', 'echo', 'done', 'if', 'export', 'test', '""', "''", 'a"b"c', "a'b'", '"x"y', 'a=b=c',
  '=x', '-', '--', 'key=value', 'go@1.22', 'golang.org/x/tools/cmd/stringer@v0.1.0', 'a,b', 'a:b', '/', '.', '..', 'x*', '"*"', 'a*b',
  'mkdir', '-p', '/go/pkg/mod', 'cp', 'go.mod', 'go.sum', 'vendor/', 'GOBIN=/usr/local/bin', 'make', 'all', 'task', 'just', 'mage',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\t', ' && ', ' || ', '; ', ' | ', ';', '&&', ' &', ' > /dev/null ', ' $X ', ' \\ ', ' # c', '\n'];

describe('plain shell scripts read as tree-sitter-bash reads them', () => {
  it('on 6,000 generated scripts: same commands, words, offsets and flags whenever it answers', () => {
    const next = rng(7);
    let answered = 0;
    for (let k = 0; k < 6000; k++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(next() * 8);
      for (let w = 0; w < count; w++) {
        parts.push(WORDS[Math.floor(next() * WORDS.length)]);
        if (w < count - 1) parts.push(next() < 0.75 ? ' ' : SEPARATORS[Math.floor(next() * SEPARATORS.length)]);
      }
      const script = (next() < 0.1 ? ' ' : '') + parts.join('') + (next() < 0.1 ? ' ' : '');
      const plain = parsePlainShell(script);
      if (!plain) continue;
      answered++;
      assert.deepEqual(plain, parseWithTreeSitter(script), `script: ${JSON.stringify(script)}`);
    }
    // Most of them are plain: the reader is not trivially declining everything.
    assert.ok(answered > 2000, `answered ${answered}`);
  });

  it('reads every script of the benchmark Dockerfile, as the grammar does', () => {
    const model = parseDockerfile(dockerfile(20));
    const scripts = model.instructions.flatMap((i) => (i.script ? [i.script.text] : []));
    assert.ok(scripts.length >= 5);
    for (const s of scripts) assert.deepEqual(parsePlainShell(s), parseWithTreeSitter(s), s);
  });

  it('leaves expansions, redirects, escapes, subshells, keywords and comments to the grammar', () => {
    for (const s of ['echo $HOME', 'echo "$X"', 'go build > log', 'echo a\\ b', '(cd x && make)', 'if true; then go build; fi', 'echo `date`', 'go build # why', 'X=1', 'export X=1', 'a &', 'go build\ngo test', '[ -f x ] && go build', 'echo {a,b}'])
      assert.equal(parsePlainShell(s), null, s);
  });
});
