import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { dockerignoreFileFor, resolveBuildContext, resolveBuildContextDetailed } from '../../server/src/workspace/context';

const FIX = path.join(__dirname, '../fixtures/workspaces');

describe('resolveBuildContext', () => {
  it('a Dockerfile in build/package/ builds the module root', () => {
    const df = path.join(FIX, 'subfolder/build/package/Dockerfile');
    assert.equal(resolveBuildContext(df), path.join(FIX, 'subfolder'));
    assert.deepEqual(resolveBuildContextDetailed(df), { root: path.join(FIX, 'subfolder'), reason: 'go.mod' });
  });

  it('finds a go.work root', () => {
    const df = path.join(FIX, 'gowork/build/Dockerfile');
    assert.deepEqual(resolveBuildContextDetailed(df), { root: path.join(FIX, 'gowork'), reason: 'go.work' });
  });

  it('takes the nearest ancestor (a member go.mod before the go.work above it)', () => {
    const df = path.join(FIX, 'gowork/svc/api/Dockerfile'); // need not exist
    assert.deepEqual(resolveBuildContextDetailed(df), { root: path.join(FIX, 'gowork/svc/api'), reason: 'go.mod' });
  });

  it('a Dockerfile next to go.mod builds its own folder', () => {
    assert.equal(resolveBuildContext(path.join(FIX, 'simple/Dockerfile')), path.join(FIX, 'simple'));
  });

  it('falls back to the Dockerfile folder, stopping at the filesystem root', () => {
    const seen: string[] = [];
    const isFile = (p: string) => {
      seen.push(p);
      return false;
    };
    const df = path.resolve('/a/b/c/Dockerfile');
    assert.deepEqual(resolveBuildContextDetailed(df, undefined, { isFile }), { root: path.resolve('/a/b/c'), reason: 'dockerfile-dir' });
    assert.ok(seen.includes(path.join(path.parse(df).root, 'go.mod')), 'searched up to the root');
    assert.ok(seen.length <= 8);
  });

  it('honours stopAt', () => {
    const isFile = (p: string) => p === path.resolve('/ws/go.mod');
    const df = path.resolve('/ws/folder/sub/Dockerfile');
    assert.equal(resolveBuildContext(df, null, { isFile }), path.resolve('/ws'));
    assert.equal(resolveBuildContext(df, null, { isFile, stopAt: path.resolve('/ws/folder') }), path.resolve('/ws/folder/sub'));
  });

  it('an override (setting or --context) wins, relative to the given base', () => {
    const df = path.join(FIX, 'subfolder/build/package/Dockerfile');
    assert.deepEqual(resolveBuildContextDetailed(df, '/elsewhere'), { root: path.resolve('/elsewhere'), reason: 'override' });
    assert.equal(resolveBuildContext(df, '..', { overrideBase: path.join(FIX, 'subfolder') }), FIX);
    assert.equal(resolveBuildContext(df, '  '), path.join(FIX, 'subfolder')); // blank = no override
  });

  it('real temp tree without go.mod: the Dockerfile folder', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ctx-'));
    try {
      fs.mkdirSync(path.join(tmp, 'x/y'), { recursive: true });
      const df = path.join(tmp, 'x/y/Dockerfile');
      fs.writeFileSync(df, 'FROM scratch\n');
      const r = resolveBuildContextDetailed(df, undefined, { stopAt: tmp });
      assert.deepEqual(r, { root: path.join(tmp, 'x/y'), reason: 'dockerfile-dir' });
      fs.writeFileSync(path.join(tmp, 'x/go.work'), 'go 1.22\n');
      assert.deepEqual(resolveBuildContextDetailed(df, undefined, { stopAt: tmp }), { root: path.join(tmp, 'x'), reason: 'go.work' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('dockerignoreFileFor', () => {
  it('prefers <Dockerfile>.dockerignore, then <context>/.dockerignore', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-di-'));
    try {
      fs.mkdirSync(path.join(tmp, 'build'));
      const df = path.join(tmp, 'build/Dockerfile');
      fs.writeFileSync(df, 'FROM scratch\n');
      assert.equal(dockerignoreFileFor(df, tmp), null);
      fs.writeFileSync(path.join(tmp, '.dockerignore'), '.git\n');
      assert.equal(dockerignoreFileFor(df, tmp), path.join(tmp, '.dockerignore'));
      fs.writeFileSync(df + '.dockerignore', '*\n');
      assert.equal(dockerignoreFileFor(df, tmp), df + '.dockerignore');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
