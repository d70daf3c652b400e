/**
 * Touching text is one shell word. tree-sitter-bash splits `dist/$GOOS/$GOARCH/summon2` after the
 * second `$` (its issues 180 and 315): dockerfile/shell.ts joins the pieces again, so a build's
 * output path is one word (cyberark/secretless-broker b172451, Apache-2.0, Dockerfile:41:
 * `go build -o dist/$GOOS/$GOARCH/summon2 ./cmd/summon2`).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseShell } from '../../server/src/dockerfile/shell';
import { ready } from './helpers';

before(() => ready);

const words = (script: string) => parseShell(script).commands.map((c) => c.argv.map((w) => [w.raw, w.start, w.end, w.dynamic]));

describe('shell words', () => {
  it('a path of two unbraced expansions between slashes is one word, with its offsets', () => {
    const script = 'env GOOS=linux go build -o dist/$GOOS/$GOARCH/summon2 ./cmd/summon2';
    const [c] = parseShell(script).commands;
    const out = c.argv.find((w) => w.raw.startsWith('dist/'));
    assert.ok(out, `an output word in ${JSON.stringify(c.argv.map((w) => w.raw))}`);
    assert.equal(out.raw, 'dist/$GOOS/$GOARCH/summon2');
    assert.equal(out.value, out.raw, 'a dynamic word keeps its text as its value');
    assert.equal(out.dynamic, true);
    assert.equal(script.slice(out.start, out.end), out.raw);
    assert.equal(c.argv[c.argv.length - 1].raw, './cmd/summon2');
  });

  it('inside a list, with text before and after the expansions', () => {
    assert.deepEqual(words('cp a/$X/$Y/b c && echo x$A/$B/y'), [
      [['cp', 0, 2, false], ['a/$X/$Y/b', 3, 12, true], ['c', 13, 14, false]],
      [['echo', 18, 22, false], ['x$A/$B/y', 23, 31, true]],
    ]);
  });

  it('words a space separates stay apart; braced and quoted forms were one word already', () => {
    assert.deepEqual(words('echo $A $B/c'), [[['echo', 0, 4, false], ['$A', 5, 7, true], ['$B/c', 8, 12, true]]]);
    assert.deepEqual(words('echo ${A}/${B}/c "$A/$B"'), [[['echo', 0, 4, false], ['${A}/${B}/c', 5, 16, true], ['"$A/$B"', 17, 24, true]]]);
  });
});

/**
 * Words after a redirect's destination are the command's. tree-sitter-bash reads `>log -o app
 * ./cmd` as one redirect with three destinations (its `destination: repeat1(...)`); bash writes to
 * `log` and passes `-o app ./cmd` to the command. dockerfile/shell.ts gives them back.
 */
describe('words after a redirect', () => {
  const argv = (script: string) => parseShell(script).commands.map((c) => c.argv.map((w) => w.raw));

  it('belong to the command, in order, after its own words', () => {
    assert.deepEqual(argv('go build >log -o app ./cmd'), [['go', 'build', '-o', 'app', './cmd']]);
    assert.deepEqual(argv('CGO_ENABLED=0 go build 2>&1 -o /app .'), [['go', 'build', '-o', '/app', '.']]);
    assert.deepEqual(argv('echo a 2>/dev/null b >c d'), [['echo', 'a', 'b', 'd']]);
  });

  it('with offsets into the script, and the command spans them', () => {
    const script = 'go build >log -o app . && echo ok';
    const [c] = parseShell(script).commands;
    for (const w of c.argv) assert.equal(script.slice(w.start, w.end), w.raw);
    assert.equal(script.slice(c.start, c.end), 'go build >log -o app .');
  });

  it('of the last command of a pipeline the grammar hung the redirect on, and of a heredoc redirect', () => {
    assert.deepEqual(argv('a >b c | d >e f && g'), [['a', 'c'], ['d', 'f'], ['g']]);
    assert.deepEqual(argv('cat <<EOF >f x\nhi\nEOF'), [['cat', 'x']]);
  });

  it('a redirect at the end changes nothing; in a command substitution the words are given back too', () => {
    assert.deepEqual(argv('go build -o app . >log 2>&1'), [['go', 'build', '-o', 'app', '.']]);
    assert.deepEqual(argv('echo $(ls >b c)'), [['echo', '$(ls >b c)'], ['ls', 'c']]);
  });
});

/**
 * A command's file redirects (ShellCommand.redirects), where the shell applies them: written among
 * its words, after it, after the last command of a pipeline or of a `&&` list the grammar hangs
 * them on (tenable/terrascan d0405c2 build/Dockerfile:26, `… && apk add … openssl>=1.1.1u-r2 &&
 * mkdir …`: GD132), in a `sh -c` string (script offsets).
 */
describe('redirects of a command', () => {
  const redirects = (script: string) => parseShell(script).commands.map((c) => (c.redirects ?? []).map((r) => [r.op, r.target?.raw, script.slice(r.start, r.end)]));

  it('in a list, a pipeline, among the words and after a heredoc marker', () => {
    assert.deepEqual(redirects('a && apk add openssl>=1.1.1u-r2 && mkdir x'), [[], [['>', '=1.1.1u-r2', '>=1.1.1u-r2']], []]);
    assert.deepEqual(redirects('a | b 2>>log <in'), [[], [['2>>', 'log', '2>>log'], ['<', 'in', '<in']]]);
    assert.deepEqual(redirects('apk add a>=1.2 b'), [[['>', '=1.2', '>=1.2']]]);
    assert.deepEqual(redirects('cat <<EOF >f x\nhi\nEOF'), [[['>', 'f', '>f']]]);
    const script = 'sh -c "apk add a<2"';
    const inner = parseShell(script).commands[1];
    assert.equal(script.slice(inner.redirects![0].start, inner.redirects![0].end), '<2');
  });

  it('are absent without redirects and on a compound command\'s redirect', () => {
    assert.equal(parseShell('apk add a b').commands[0].redirects, undefined);
    assert.equal(parseShell('a $(b) && c').commands.every((c) => c.redirects === undefined), true);
    assert.deepEqual(redirects('{ a; } >f'), [[]]);
  });
});
