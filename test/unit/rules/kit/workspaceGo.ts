import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseDockerfile } from '../../../../server/src/dockerfile/parse';
import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { loadWorkspace } from '../../../../server/src/workspace/load';
import { makeGoModule, makeWorkspaceModel } from '../../../../server/src/workspace/make';
import { applyFix, lint } from '../../helpers';

/** Helpers of the rules-workspace-go.test.ts suites, shared with the one-rule files in test/unit/rules/. */
export const FIX = path.join(__dirname, '../../../fixtures/workspaces');

export const fixture = (name: string): AnalyzeOptions => {
  const ws = loadWorkspace(path.join(FIX, name));
  return { workspace: ws.model, files: ws };
};

export const find = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).filter((f) => f.code === code);

export const has = (text: string, code: string, opts: AnalyzeOptions = {}) => find(text, code, opts).length > 0;

export const spanText = (text: string, code: string, opts: AnalyzeOptions = {}) => {
  const f = find(text, code, opts)[0];
  assert.ok(f, `expected ${code} in:\n${text}`);
  return text.slice(f.span.start, f.span.end);
};

/** applyFix (every fix guarantee) + the result's RUNs still parse as shell, and the stage count is kept. */
export const fix = (text: string, code: string, opts: AnalyzeOptions = {}) => {
  const out = applyFix(text, code, opts);
  const a = parseDockerfile(text);
  const b = parseDockerfile(out);
  assert.equal(b.stages.length, a.stages.length);
  for (const i of b.instructions) if (i.script) assert.equal(i.script.parsed.hasErrors, false, `shell error in ${out.slice(i.span.start, i.span.end)}`);
  return out;
};

// One temporary-workspace writer for every rule suite (cleaned up after the file's tests).
export { tempWorkspace } from './realworld';

export const mod = (goVersion: string, over: Parameters<typeof makeGoModule>[0] = {}) =>
  ({ workspace: makeWorkspaceModel({ module: makeGoModule({ goVersion, hasGoSum: true, ...over }) }) });
