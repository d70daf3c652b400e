import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
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

export const temps: string[] = [];

after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

export function tempWorkspace(files: Record<string, string>): AnalyzeOptions {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ws-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const ws = loadWorkspace(root);
  return { workspace: ws.model, files: ws };
}

export const mod = (goVersion: string, over: Parameters<typeof makeGoModule>[0] = {}) =>
  ({ workspace: makeWorkspaceModel({ module: makeGoModule({ goVersion, hasGoSum: true, ...over }) }) });
