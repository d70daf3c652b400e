/**
 * .dockerignore lines are untrusted input: matched with Docker's semantics, every character but
 * the wildcards literal, in bounded time, never throwing. Expected values come from
 * moby/patternmatcher's own tests (TestMatches, Go's filepath.Match table) and Docker's
 * .dockerignore documentation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerIgnore } from '../../server/src/workspace/dockerignore';
import { compileIgnorePattern, matchesOrParent } from '../../server/src/workspace/ignorePattern';

describe('ignore patterns: moby/patternmatcher TestMatches', () => {
  // [pattern, path, exact match, match of the path or a parent]
  const table: [string, string, boolean, boolean][] = [
    ['**', 'file', true, true],
    ['**', 'dir/file', true, true],
    ['**/**', 'dir/file', true, true],
    ['dir/**', 'dir/file', true, true],
    ['dir/**', 'dir/dir2/file', true, true],
    ['**/dir', 'dir', true, true],
    ['**/dir', 'dir/file', false, true],
    ['**/dir2/*', 'dir/dir2/file', true, true],
    ['**/dir2/**', 'dir/dir2/dir3/file', true, true],
    ['**file', 'file', true, true],
    ['**file', 'dir/file', true, true],
    ['**/file', 'dir/file', true, true],
    ['**file', 'dir/dir/file', true, true],
    ['**/file*', 'dir/dir/file.txt', true, true],
    ['**/file*txt', 'dir/dir/file.txt', true, true],
    ['**/file*.txt*', 'dir/dir/file.txt', true, true],
    ['**/**/*.txt', 'dir/dir/file.txt', true, true],
    ['**/**/*.txt2', 'dir/dir/file.txt', false, false],
    ['**/*.txt', 'file.txt', true, true],
    ['**/**/*.txt', 'file.txt', true, true],
    ['a**/*.txt', 'a/file.txt', true, true],
    ['a**/*.txt', 'a/dir/dir/file.txt', true, true],
    ['a/*.txt', 'a/dir/file.txt', false, false],
    ['a/*.txt', 'a/file.txt', true, true],
    ['a/*.txt**', 'a/file.txt', true, true],
    ['a[b-d]e', 'ae', false, false],
    ['a[b-d]e', 'ace', true, true],
    ['a[b-d]e', 'aae', false, false],
    ['a[^b-d]e', 'aze', true, true],
    ['.*', '.foo', true, true],
    ['.*', 'foo', false, false],
    ['abc.def', 'abcdef', false, false],
    ['abc.def', 'abc.def', true, true],
    ['abc.def', 'abcZdef', false, false],
    ['abc?def', 'abcZdef', true, true],
    ['abc?def', 'abcdef', false, false],
    ['**/foo/bar', 'foo/bar', true, true],
    ['**/foo/bar', 'dir/dir2/foo/bar', true, true],
    ['abc/**', 'abc', false, false],
    ['abc/**', 'abc/def/ghi', true, true],
    ['**/.foo', '.foo', true, true],
    ['**/.foo', 'bar.foo', false, false],
    ['a(b)c/def', 'a(b)c/def', true, true],
    ['a(b)c/def', 'a(b)c/xyz', false, false],
    ['a.|)$(}+{bc', 'a.|)$(}+{bc', true, true],
    ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true, true],
    ['a\\\\', 'a\\', true, true],
    ['a\\*b', 'a*b', true, true],
  ];
  it('matches each pattern exactly and through parents as moby does', () => {
    for (const [pat, path, exact, parent] of table) {
      const p = compileIgnorePattern(pat);
      assert.equal(p.match(path), exact, `${pat} ~ ${path}`);
      assert.equal(matchesOrParent(p, path), parent, `${pat} ~ ${path} (or a parent)`);
    }
    // `**/` is cleaned to `**` when the file is read.
    assert.equal(DockerIgnore.parse('**/\n').isIgnored('file'), true);
  });

  it("agrees with Go's filepath.Match table, malformed patterns matching nothing", () => {
    const go: [string, string, boolean, boolean?][] = [
      ['abc', 'abc', true], ['*', 'abc', true], ['*c', 'abc', true], ['a*', 'a', true], ['a*', 'abc', true],
      ['a*/b', 'abc/b', true], ['a*/b', 'a/c/b', false],
      ['a*b*c*d*e*/f', 'axbxcxdxe/f', true], ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
      ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false], ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
      ['a*b?c*x', 'abxbbxdbxebxczzx', true], ['a*b?c*x', 'abxbbxdbxebxczzy', false],
      ['ab[c]', 'abc', true], ['ab[b-d]', 'abc', true], ['ab[e-g]', 'abc', false], ['ab[^c]', 'abc', false],
      ['ab[^b-d]', 'abc', false], ['ab[^e-g]', 'abc', true], ['a\\*b', 'a*b', true], ['a\\*b', 'ab', false],
      ['a?b', 'a☺b', true], ['a[^a]b', 'a☺b', true], ['a???b', 'a☺b', false], ['a[^a][^a][^a]b', 'a☺b', false],
      ['[a-ζ]*', 'α', true], ['*[a-ζ]', 'A', false], ['a?b', 'a/b', false], ['a*b', 'a/b', false],
      ['[\\]a]', ']', true], ['[\\-]', '-', true], ['[x\\-]', 'x', true], ['[x\\-]', '-', true], ['[x\\-]', 'z', false],
      ['[\\-x]', 'x', true], ['[\\-x]', '-', true], ['[\\-x]', 'a', false],
      ['[]a]', ']', false, true], ['[-]', '-', false, true], ['[x-]', 'x', false, true], ['[-x]', 'x', false, true],
      ['\\', 'a', false, true], ['[a-b-c]', 'a', false, true], ['[', 'a', false, true], ['[^', 'a', false, true],
      ['[^bc', 'a', false, true], ['a[', 'a', false, true], ['*x', 'xxx', true],
    ];
    for (const [pat, s, want, bad] of go) {
      const p = compileIgnorePattern(pat);
      assert.equal(p.match(s), want, `${pat} ~ ${s}`);
      assert.equal(p.bad, bad === true, `${pat} malformed`);
    }
  });
});

describe('.dockerignore: Docker documentation examples', () => {
  it('*/temp*, */*/temp*, temp?', () => {
    const ig = DockerIgnore.parse('# comment\n*/temp*\n*/*/temp*\ntemp?\n');
    assert.equal(ig.isIgnored('somedir/temporary.txt'), true);
    assert.equal(ig.isIgnored('somedir/temp'), true);
    assert.equal(ig.isIgnored('somedir/subdir/temporary.txt'), true);
    assert.equal(ig.isIgnored('tempa'), true);
    assert.equal(ig.isIgnored('tempb'), true);
    assert.equal(ig.isIgnored('temporary.txt'), false);
    assert.equal(ig.isIgnored('a/b/c/temp'), false);
  });

  it('**/*.go excludes .go files everywhere, the root included', () => {
    const ig = DockerIgnore.parse('**/*.go\n');
    assert.equal(ig.isIgnored('main.go'), true);
    assert.equal(ig.isIgnored('a/b/c.go'), true);
    assert.equal(ig.isIgnored('a/b/c.gox'), false);
  });

  it('exceptions: *.md !README*.md README-secret.md', () => {
    const ig = DockerIgnore.parse('*.md\n!README*.md\nREADME-secret.md\n');
    assert.equal(ig.isIgnored('CHANGES.md'), true);
    assert.equal(ig.isIgnored('README.md'), false);
    assert.equal(ig.isIgnored('README-public.md'), false);
    assert.equal(ig.isIgnored('README-secret.md'), true);
    const late = DockerIgnore.parse('*.md\nREADME-secret.md\n!README*.md\n');
    assert.equal(late.isIgnored('README-secret.md'), false);
  });
});

describe('.dockerignore lines are not regular expressions (issue 16, item 5)', () => {
  it('`(a+)+b` is literal and a long name is decided at once (no backtracking)', { timeout: 10_000 }, () => {
    const ig = DockerIgnore.parse('(a+)+b\n');
    assert.equal(ig.isIgnored('a'.repeat(34)), false);
    assert.equal(ig.isIgnored('a'.repeat(34) + 'c'), false);
    assert.equal(ig.isIgnored('(a+)+b'), true);
    assert.equal(ig.isIgnored('aab'), false);
  });

  it('`*` runs stay linear: many stars against a long near-miss', { timeout: 10_000 }, () => {
    const ig = DockerIgnore.parse(`${'*a'.repeat(30)}b\n`);
    assert.equal(ig.isIgnored('a'.repeat(5000)), false);
  });

  it('`docs/c++/` does not throw and matches the folder', () => {
    const ig = DockerIgnore.parse('docs/c++/\n');
    assert.equal(ig.isIgnored('docs/c++/intro.md'), true);
    assert.equal(ig.isIgnored('docs/c/intro.md'), false);
  });

  it('`photo (copy).jpg`, `a+b.txt`, `{x}`, `$y`, `a|b` match themselves', () => {
    const ig = DockerIgnore.parse('photo (copy).jpg\na+b.txt\n{x}\n$y\na|b\n');
    for (const p of ['photo (copy).jpg', 'a+b.txt', '{x}', '$y', 'a|b']) assert.equal(ig.isIgnored(p), true, p);
    for (const p of ['photo copy.jpg', 'ab.txt', 'aab.txt', 'x', 'y', 'a', 'b']) assert.equal(ig.isIgnored(p), false, p);
  });

  it('a malformed pattern (`[`) matches nothing and breaks no other line', () => {
    const ig = DockerIgnore.parse('[\n*.log\n');
    assert.equal(ig.isIgnored('a.log'), true);
    assert.equal(ig.isIgnored('main.go'), false);
    assert.equal(ig.isIgnored('['), false);
  });
});

describe('ignore patterns: the `*ending` shortcut', () => {
  it('decides as the automaton does (the same pattern with its first literal as a class)', () => {
    // `*[.]md` is `*.md` to Docker but takes the general path: both must agree on every path.
    const endings = ['.md', '~', '.go', 'x', '.tar.gz', 'é', 'a\u{1F600}'];
    const paths = ['', 'a.md', '.md', 'md', 'dir/a.md', 'a.md/b', 'a.mdx', 'x', 'dir/x', 'file~', '~', 'a.tar.gz', '.tar.gz', 'dir/.tar.gz', 'é', 'aé', 'a\u{1F600}', 'ba\u{1F600}', '\u{1F600}', 'a\nb.md', 'a/b/c.md'];
    for (const ending of endings) {
      const first = Array.from(ending)[0];
      const shortcut = compileIgnorePattern(`*${ending}`);
      const general = compileIgnorePattern(`*[${first}]${ending.slice(first.length)}`);
      for (const p of paths) {
        assert.equal(shortcut.match(p), general.match(p), `*${ending} on ${JSON.stringify(p)}`);
        assert.equal(matchesOrParent(shortcut, p), matchesOrParent(general, p), `*${ending} or parent on ${JSON.stringify(p)}`);
      }
    }
    assert.equal(compileIgnorePattern('*.md').match('README.md'), true);
    assert.equal(compileIgnorePattern('*.md').match('docs/README.md'), false);
  });
});

describe('ignore patterns: literal head and tail checked before the automaton', () => {
  // The same pattern with its first and last literal characters written as one-character
  // classes has no literal head or tail: the automaton alone decides it. Both must agree.
  const asClass = (c: string) => `[${c}]`;
  const unanchored = (pattern: string): string => {
    const chars = Array.from(pattern);
    const lit = (i: number) => i >= 0 && i < chars.length && !'*?[]\\'.includes(chars[i]);
    const first = lit(0) ? 0 : -1;
    const last = lit(chars.length - 1) ? chars.length - 1 : -1;
    return chars.map((c, i) => (i === first || i === last ? asClass(c) : c)).join('');
  };
  const patterns = ['**/*.swp', '**/*~', 'testbin/*', 'a*b', 'dir/**/x.go', 'a]b', 'é*\u{1F600}', 'docs/*/README*', 'x?y', 'ab*ab', '**/node_modules/*'];
  const paths = ['', 'a', 'ab', 'aab', 'abab', 'a.swp', 'dir/a.swp', 'dir/a.swpx', 'file~', 'dir/file~', '~', 'testbin', 'testbin/', 'testbin/x', 'testbin/x/y', 'dir/x.go', 'dir/a/b/x.go', 'dirx.go', 'a]b', 'é\u{1F600}', 'éz\u{1F600}', 'é', '\u{1F600}', 'docs/a/README.md', 'docs/README.md', 'xzy', 'x/y', 'web/node_modules/a', 'node_modules/a'];
  it('decides as the automaton alone does, exactly and through parents', () => {
    for (const pattern of patterns) {
      const fast = compileIgnorePattern(pattern);
      const plain = compileIgnorePattern(unanchored(pattern));
      for (const p of paths) {
        assert.equal(fast.match(p), plain.match(p), `${pattern} on ${JSON.stringify(p)}`);
        assert.equal(matchesOrParent(fast, p), matchesOrParent(plain, p), `${pattern} or parent on ${JSON.stringify(p)}`);
      }
    }
    assert.equal(compileIgnorePattern('**/*.swp').match('a/b.swp'), true);
    assert.equal(compileIgnorePattern('**/*.swp').match('a/b.swo'), false);
    assert.equal(compileIgnorePattern('testbin/*').match('testbin/tool'), true);
    assert.equal(compileIgnorePattern('testbin/*').match('test/tool'), false);
  });
});
