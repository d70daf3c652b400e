import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { selfCheck } from '../../server/src/driver/selfCheck';
import { generateFor, type GenerateOptions, type GenerateResult } from '../../server/src/generate';
import { loadWorkspace } from '../../server/src/workspace/load';
import { ready, writeTree } from './helpers';

/**
 * The set-up the generator's real-repository suites share: a temporary folder for the suite
 * (removed after it), `workspace(files)` writes one skeleton tree into it, and `gen(dir)` runs the
 * generator on a tree as the command does (the workspace loaded from disk). Call at the top level
 * of a test file.
 */
export function generatorTrees(prefix: string): {
  workspace: (files: Record<string, string>) => string;
  gen: (dir: string, options?: GenerateOptions) => Promise<GenerateResult>;
  /** gen, then its Dockerfile linted against the tree with the generated .dockerignore: expected clean. */
  genClean: (dir: string, options?: GenerateOptions) => Promise<GenerateResult>;
  /** workspace(base with files over it); a file given null is left out. */
  tree: (base: Record<string, string | null>, files: Record<string, string | null>) => string;
} {
  let tmp = '';
  let n = 0;
  before(async () => {
    await ready;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `gd-${prefix}-`));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const workspace = (files: Record<string, string>) => writeTree(path.join(tmp, `ws-${n++}`), files);
  const gen = async (dir: string, options: GenerateOptions = {}) => generateFor(loadWorkspace(dir), options);
  return {
    workspace,
    gen,
    genClean: async (dir, options = {}) => {
      const r = await gen(dir, options);
      assert.deepEqual(await selfCheck(r, loadWorkspace(dir)), [], r.dockerfile);
      return r;
    },
    tree: (base, files) => workspace(Object.fromEntries(Object.entries({ ...base, ...files }).filter((e): e is [string, string] => e[1] !== null))),
  };
}
