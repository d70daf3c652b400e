import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoMod } from '../../server/src/workspace/gomod';
import { parseGoWork, resolveUsePath } from '../../server/src/workspace/gowork';
import { lexModfile, toolchainToVersion } from '../../server/src/workspace/modfile';
import { parseModulesTxt } from '../../server/src/workspace/vendor';

describe('parseGoMod', () => {
  it('reads module, go, toolchain, block and single requires with // indirect', () => {
    const f = parseGoMod(
      [
        '// leading comment',
        'module github.com/acme/app // trailing',
        '',
        'go 1.22.3',
        'toolchain go1.23.1',
        '',
        'require github.com/single/dep v1.0.0',
        'require (',
        '\tgithub.com/a/b v1.2.3',
        '\tgithub.com/c/d v0.0.0-20240101000000-abcdef123456 // indirect',
        '\t// a comment line inside the block',
        '\tgolang.org/x/sys v0.20.0 // indirect; used by tests',
        ')',
      ].join('\n'),
    );
    assert.equal(f.module, 'github.com/acme/app');
    assert.equal(f.go, '1.22.3');
    assert.equal(f.toolchain, 'go1.23.1');
    assert.equal(f.toolchainVersion, '1.23.1');
    assert.deepEqual(f.lines, { module: 2, go: 4, toolchain: 5 });
    assert.deepEqual(
      f.requires.map((r) => [r.path, r.version, r.indirect, r.line]),
      [
        ['github.com/single/dep', 'v1.0.0', false, 7],
        ['github.com/a/b', 'v1.2.3', false, 9],
        ['github.com/c/d', 'v0.0.0-20240101000000-abcdef123456', true, 10],
        ['golang.org/x/sys', 'v0.20.0', true, 12],
      ],
    );
    assert.deepEqual(f.errors, []);
  });

  it('reads replace (single and block, local and versioned), exclude, retract, godebug, tool', () => {
    const f = parseGoMod(
      [
        'module example.com/m',
        'go 1.24',
        'replace example.com/old v1.0.0 => example.com/new v1.1.0',
        'replace (',
        '\texample.com/lib => ../lib',
        '\texample.com/win => C:\\src\\win',
        ')',
        'exclude example.com/bad v0.1.0',
        'retract [v1.0.0, v1.0.5] // broken',
        'retract (',
        '\tv0.9.0',
        ')',
        'godebug default=go1.21',
        'godebug (',
        '\tpanicnil=1',
        ')',
        'tool golang.org/x/tools/cmd/stringer',
      ].join('\r\n'),
    );
    assert.deepEqual(f.errors, []);
    assert.deepEqual(
      f.replaces.map((r) => [r.oldPath, r.oldVersion, r.newPath, r.newVersion, r.local]),
      [
        ['example.com/old', 'v1.0.0', 'example.com/new', 'v1.1.0', false],
        ['example.com/lib', null, '../lib', null, true],
        ['example.com/win', null, 'C:\\src\\win', null, true],
      ],
    );
    assert.deepEqual(f.excludes.map((e) => [e.path, e.version]), [['example.com/bad', 'v0.1.0']]);
    assert.deepEqual(f.retracts, ['[v1.0.0, v1.0.5]', 'v0.9.0']);
    assert.deepEqual(f.godebug.map((g) => [g.key, g.value]), [['default', 'go1.21'], ['panicnil', '1']]);
    assert.deepEqual(f.tools, ['golang.org/x/tools/cmd/stringer']);
  });

  it('accepts quoted module paths, a BOM and CRLF', () => {
    const f = parseGoMod('\uFEFFmodule "example.com/quoted"\r\n\r\ngo 1.21rc1\r\n');
    assert.equal(f.module, 'example.com/quoted');
    assert.equal(f.go, '1.21rc1');
  });

  it('never throws on malformed input and keeps what it can read', () => {
    const inputs = [
      '',
      '\0\0\0',
      'module',
      'go',
      'require (',
      ')',
      'require ( a v1 )',
      'module a\nrequire (\n\tb v1\n',
      'module a\ngo 1.22 extra\ngo banana\nrequire (\n\tgood/one v1.0.0\n\tnot a requirement line\n\t"unterminated\n)\nreplace => x\nretract [v1',
      '`raw string never ends',
      'module a\n)\n)\n(',
      'module a b c\nmodule again\ngo 1.20\ngo 1.21\ntoolchain\ntoolchain a b',
      '=> => =>',
      'x'.repeat(100_000),
    ];
    for (const text of inputs) {
      const f = parseGoMod(text);
      assert.ok(Array.isArray(f.errors));
    }
    const f = parseGoMod('module a\ngo 1.22 extra\ngo banana\nrequire (\n\tgood/one v1.0.0\n\tnot a requirement line\n)\ngo 1.23\n');
    assert.equal(f.module, 'a');
    assert.equal(f.go, '1.23');
    assert.deepEqual(f.requires.map((r) => r.path), ['good/one']);
    assert.ok(f.errors.length >= 3, f.errors.join('; '));
    // Not a string at all (e.g. a caller passing undefined): still no throw.
    assert.doesNotThrow(() => parseGoMod(undefined as unknown as string));
  });

  it('reports a go.mod without module directive', () => {
    const f = parseGoMod('go 1.22\n');
    assert.equal(f.module, null);
    assert.ok(f.errors.some((e) => e.includes('no module directive')));
  });

  it('parses the fixture with the malformed go.mod', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const text = fs.readFileSync(path.join(__dirname, '../fixtures/workspaces/malformed/go.mod'), 'utf8');
    const f = parseGoMod(text);
    assert.equal(f.module, 'example.com/malformed');
    assert.equal(f.go, null);
    assert.deepEqual(
      f.requires.filter((r) => r.path.startsWith('github.com/ok/')).map((r) => [r.path, r.indirect]),
      [['github.com/ok/one', false], ['github.com/ok/two', true]],
    );
    assert.ok(f.errors.length > 0);
  });
});

describe('toolchainToVersion', () => {
  it('strips the go prefix and rejects non-versions', () => {
    assert.equal(toolchainToVersion('go1.22.3'), '1.22.3');
    assert.equal(toolchainToVersion('go1.23rc2'), '1.23rc2');
    assert.equal(toolchainToVersion('go1.22.3+auto'), '1.22.3');
    assert.equal(toolchainToVersion('default'), null);
    assert.equal(toolchainToVersion('1.22'), null);
  });
});

describe('lexModfile', () => {
  it('handles strings containing // and => and parentheses', () => {
    const r = lexModfile('replace "a//b" => `c => (d)` // comment\n');
    assert.deepEqual(r.errors, []);
    assert.equal(r.lines.length, 1);
    assert.deepEqual(r.lines[0].args.map((t) => t.text), ['a//b', '=>', 'c => (d)']);
    assert.equal(r.lines[0].comment, 'comment');
  });
  it('reports an unclosed block', () => {
    const r = lexModfile('require (\n a v1\n');
    assert.ok(r.errors.some((e) => e.includes('never closed')));
    assert.equal(r.lines.length, 1);
  });
});

describe('parseGoWork', () => {
  it('reads go, toolchain, use (single, block, quoted, commented), replace', () => {
    const w = parseGoWork(
      [
        'go 1.23',
        'toolchain go1.23.4',
        'use ./tools',
        'use (',
        '\t./svc/api // the API',
        '\t"./lib/with space"',
        '\t.',
        ')',
        'replace example.com/x => ./x',
        'godebug asynctimerchan=1',
      ].join('\n'),
    );
    assert.equal(w.go, '1.23');
    assert.equal(w.toolchainVersion, '1.23.4');
    assert.deepEqual(w.uses.map((u) => [u.path, u.line]), [['./tools', 3], ['./svc/api', 5], ['./lib/with space', 6], ['.', 7]]);
    assert.equal(w.replaces.length, 1);
    assert.deepEqual(w.errors, []);
  });

  it('never throws on malformed go.work', () => {
    for (const text of ['use (', 'use', 'use a b', 'go', ')', 'module x', 'use (\n\t./a\n', '"', 'use ( ./a ./b )']) {
      const w = parseGoWork(text);
      assert.ok(Array.isArray(w.uses));
    }
    const w = parseGoWork('go 1.22\nmodule nope\nuse (\n\t./a\n\t./b c\n');
    assert.deepEqual(w.uses.map((u) => u.path), ['./a']);
    assert.ok(w.errors.length >= 3, w.errors.join('; '));
  });

  it('resolves use paths against the context', () => {
    assert.deepEqual(resolveUsePath('', './svc/api'), { dir: 'svc/api', outside: false });
    assert.deepEqual(resolveUsePath('', '.'), { dir: '', outside: false });
    assert.deepEqual(resolveUsePath('', './a/../b/'), { dir: 'b', outside: false });
    assert.deepEqual(resolveUsePath('', '../shared'), { dir: '../shared', outside: true });
    assert.equal(resolveUsePath('', '/abs/path').outside, true);
    assert.deepEqual(resolveUsePath('sub', '../lib'), { dir: 'lib', outside: false });
  });
});

describe('parseModulesTxt', () => {
  it('reads modules, explicit markers, go versions, replacements and packages', () => {
    const mods = parseModulesTxt(
      [
        '# github.com/pkg/errors v0.9.1',
        '## explicit',
        'github.com/pkg/errors',
        '# golang.org/x/sys v0.20.0 => ./third_party/sys',
        '## explicit; go 1.18',
        'golang.org/x/sys/unix',
        '# example.com/local => ../local',
        '## explicit; go 1.22',
        '# example.com/ws',
        '## workspace',
        'garbage without module',
      ].join('\n'),
    );
    assert.deepEqual(
      mods.map((m) => [m.path, m.version, m.replacement, m.explicit, m.goVersion, m.packages]),
      [
        ['github.com/pkg/errors', 'v0.9.1', null, true, null, ['github.com/pkg/errors']],
        ['golang.org/x/sys', 'v0.20.0', './third_party/sys', true, '1.18', ['golang.org/x/sys/unix']],
        ['example.com/local', null, '../local', true, '1.22', []],
        ['example.com/ws', null, null, false, null, ['garbage without module']],
      ],
    );
    assert.deepEqual(parseModulesTxt(''), []);
  });
});
