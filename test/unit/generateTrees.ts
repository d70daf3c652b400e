import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
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
} {
  let tmp = '';
  let n = 0;
  before(async () => {
    await ready;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `gd-${prefix}-`));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  return {
    workspace: (files) => writeTree(path.join(tmp, `ws-${n++}`), files),
    gen: async (dir, options = {}) => generateFor(loadWorkspace(dir), options),
  };
}
