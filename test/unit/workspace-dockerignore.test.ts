import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DockerIgnore, normalizeRel, parseDockerignore } from '../../server/src/workspace/dockerignore';

const FIXTURE = path.join(__dirname, '../fixtures/workspaces/dockerignore/.dockerignore');

describe('DockerIgnore: Docker semantics', () => {
  it('parses patterns with line numbers, comments, blank lines, leading / and trailing /', () => {
    const pats = parseDockerignore('# comment\n\n/bin/\n  !keep.txt  \n  # not a comment (leading space)\n!\n**/*.log\n');
    assert.deepEqual(
      pats.map((p) => [p.line, p.text, p.pattern, p.negated]),
      [
        [3, '/bin/', 'bin', false],
        [4, '!keep.txt', 'keep.txt', true],
        [5, '# not a comment (leading space)', '# not a comment (leading space)', false],
        [7, '**/*.log', '**/*.log', false],
      ],
    );
  });

  it('matches like docker build: parents, *, **, re-includes, last match wins', () => {
    const ig = DockerIgnore.parse(fs.readFileSync(FIXTURE, 'utf8'));
    const expect: [string, boolean][] = [
      ['go.mod', false],
      ['go.sum', false],
      ['notes.txt', true], // `*`
      ['.dockerignore', true],
      ['cmd/app/main.go', false], // `!cmd/` re-includes the folder
      ['internal/x/x.go', false], // `!internal/**`
      ['internal/x/x_test.go', true], // `internal/**/*_test.go`
      ['internal/x/debug.log', true], // `**/*.log`
      ['docs/a.md', true], // `/docs` (and `*`)
      ['a.log', true],
      ['keep.log', false], // `!keep.log` after `**/*.log`
      ['./go.mod', false],
      ['/notes.txt', true],
    ];
    for (const [p, want] of expect) assert.equal(ig.isIgnored(p), want, p);
  });

  it('is case-sensitive (as on Linux) and never ignores the root', () => {
    const ig = DockerIgnore.parse('Bin\n*.LOG\n');
    assert.equal(ig.isIgnored('Bin/x'), true);
    assert.equal(ig.isIgnored('bin/x'), false);
    assert.equal(ig.isIgnored('a.log'), false);
    assert.equal(ig.isIgnored(''), false);
    assert.equal(ig.isIgnored('.'), false);
  });

  it('`*` matches one level only; `**` any depth; a pattern with a slash is anchored', () => {
    const ig = DockerIgnore.parse('*.md\n**/*.tmp\ndocs/*.txt\n');
    assert.equal(ig.isIgnored('README.md'), true);
    assert.equal(ig.isIgnored('docs/README.md'), false);
    assert.equal(ig.isIgnored('a/b/c.tmp'), true);
    assert.equal(ig.isIgnored('c.tmp'), true);
    assert.equal(ig.isIgnored('docs/a.txt'), true);
    assert.equal(ig.isIgnored('x/docs/a.txt'), false);
  });

  it('names the deciding line (GD306)', () => {
    const ig = DockerIgnore.parse(fs.readFileSync(FIXTURE, 'utf8'));
    assert.deepEqual(ig.explain('notes.txt'), { ignored: true, line: 2, pattern: ig.patterns[0] });
    assert.equal(ig.explain('go.mod').line, 3);
    assert.equal(ig.explain('go.mod').ignored, false);
    assert.equal(ig.explain('internal/x/x_test.go').line, 7);
    assert.equal(ig.explain('internal/x/debug.log').line, 9);
    assert.equal(ig.explain('keep.log').line, 10);
    assert.equal(ig.explain('docs/a.md').line, 8);
    const none = DockerIgnore.parse('bin\n');
    assert.deepEqual(none.explain('main.go'), { ignored: false, line: null, pattern: null });
    // A pattern naming a parent folder decides everything under it.
    assert.equal(none.explain('bin/tool/x').line, 1);
  });

  it('knows when a folder is wholly excluded (nothing can be re-included)', () => {
    const a = DockerIgnore.parse('node_modules\n.git\n*.md\n!README.md\n');
    assert.equal(a.isDirFullyExcluded('node_modules'), true);
    assert.equal(a.isDirFullyExcluded('.git'), true);
    assert.equal(a.isDirFullyExcluded('src'), false); // not ignored at all
    const b = DockerIgnore.parse('node_modules\n!node_modules/keep/**\n');
    assert.equal(b.isDirFullyExcluded('node_modules'), false);
    const c = DockerIgnore.parse('vendor\n!**/*.txt\n');
    assert.equal(c.isDirFullyExcluded('vendor'), false);
    const d = DockerIgnore.parse('*\n!src\n');
    assert.equal(d.isDirFullyExcluded('node_modules'), true);
    assert.equal(d.isDirFullyExcluded('src'), false);
    const e = DockerIgnore.parse('a\n!a/b\n');
    assert.equal(e.isDirFullyExcluded('a'), false);
    assert.equal(e.isDirFullyExcluded('a/c'), true);
    assert.equal(e.isDirFullyExcluded('a/b'), false);
  });

  it('normalises relative paths', () => {
    assert.equal(normalizeRel('./a/b/'), 'a/b');
    assert.equal(normalizeRel('a\\b'), 'a/b');
    assert.equal(normalizeRel('/x'), 'x');
    assert.equal(normalizeRel('.'), '');
  });
});

/**
 * A transliteration of moby/patternmatcher's Pattern.compile + MatchesOrParentMatches (Go regexp
 * built from the pattern with `.+()|{}$` escaped, and its exact/prefix/suffix fast paths), used as
 * the oracle for the NFA in ignorePattern.ts. The random segments avoid what JS and Go regexps
 * read differently (classes holding `*`), so the oracle's RegExp means what Go's does.
 */
function mobyPattern(p: string): (path: string) => boolean {
  let re = '^';
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  const ch = Array.from(p);
  for (let i = 0, n = 0; i < ch.length; i++, n++) {
    const c = ch[i];
    if (c === '*') {
      if (ch[i + 1] === '*') {
        i++;
        if (ch[i + 1] === '/') i++;
        if (i + 1 >= ch.length) {
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (n === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (c === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if ('.+()|{}$'.includes(c)) re += '\\' + c;
    else if (c === '\\') {
      if (i + 1 < ch.length) {
        re += '\\' + ch[++i];
        type = 'regexp';
      } else re += '\\';
    } else if (c === '[' || c === ']') {
      re += c;
      type = 'regexp';
    } else re += c;
  }
  if (type === 'exact') return (s) => s === p;
  if (type === 'prefix') return (s) => s.startsWith(p.slice(0, -2));
  if (type === 'suffix') return (s) => s.endsWith(p.slice(2)) || (p[2] === '/' && s === p.slice(3));
  const rx = new RegExp(re + '$', 'u');
  return (s) => rx.test(s);
}

function mobyIgnores(lines: string[], file: string): boolean {
  const pats: { ex: boolean; m: (s: string) => boolean }[] = [];
  for (let raw of lines) {
    if (raw.startsWith('#')) continue;
    raw = raw.trim();
    if (raw === '') continue;
    const ex = raw.startsWith('!');
    let body = ex ? raw.slice(1).trim() : raw;
    if (body === '') continue;
    body = path.posix.normalize(body).replace(/(?<=.)\/$/, '');
    if (body.length > 1 && body.startsWith('/')) body = body.slice(1);
    pats.push({ ex, m: mobyPattern(body) });
  }
  const parents = path.posix.dirname(file).split('/');
  let matched = false;
  for (const p of pats) {
    if (p.ex !== matched) continue;
    let m = p.m(file);
    if (!m && path.posix.dirname(file) !== '.') {
      for (let i = 0; i < parents.length && !m; i++) m = p.m(parents.slice(0, i + 1).join('/'));
    }
    if (m) matched = !p.ex;
  }
  return matched;
}

describe('DockerIgnore agrees with moby/patternmatcher (differential)', () => {
  it('on random pattern sets and paths (isIgnored and explain)', () => {
    let seed = 12345;
    const r = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
    const names = ['a', 'b', 'ab', 'x.log', 'y.md', 'README.md', 'go.mod', 'node_modules', '.git', 'bin', 'a+b', 'c.go', 'c_test.go', 'vendor', '.env', 'c++', 'p (1).jpg', 'aaab', '$x', 'x.y'];
    const segs = ['a', 'b', '*', '*.log', '*.md', 'README.md', '**', 'a*', '?b', '*_test.go', 'bin', 'node_modules', '.git', 'a+b', '[ab]', 'x\\.log', '*.*', 'c.go', '.env*', 'vendor', '..', '.', 'c++', '(a+)+b', 'p (1).jpg', '**x', 'a**', '[^a]*', '$x', 'x.y', '{a,b}', 'a|b'];
    let checked = 0;
    for (let t = 0; t < 300; t++) {
      const lines: string[] = [];
      const n = 1 + Math.floor(r() * 7);
      for (let i = 0; i < n; i++) {
        let p = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(segs)).join('/');
        if (r() < 0.2) p = '/' + p;
        if (r() < 0.2) p += '/';
        if (r() < 0.3) p = '!' + p;
        if (r() < 0.05) p = '#' + p;
        if (r() < 0.05) p = '  ' + p + '  ';
        lines.push(p);
      }
      const text = lines.join(r() < 0.3 ? '\r\n' : '\n');
      const ours = DockerIgnore.parse(text);
      for (let j = 0; j < 150; j++) {
        const rel = Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(names)).join('/');
        const want = mobyIgnores(text.split(/\r?\n/), rel);
        assert.equal(ours.isIgnored(rel), want, `${JSON.stringify(text)} ${rel}`);
        assert.equal(ours.explain(rel).ignored, want, `explain ${JSON.stringify(text)} ${rel}`);
        checked++;
      }
    }
    assert.equal(checked, 45_000);
  });
});
