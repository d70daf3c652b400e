import assert from 'node:assert/strict';
import { before } from 'node:test';
import { parseDockerfile } from '../../../../server/src/dockerfile/parse';
import { applyFix, codes, lint } from '../../helpers';

/** Helpers of the rules-gobuild.test.ts suites, shared with the one-rule files in test/unit/rules/. */
export const has = (text: string, code: string, opts = {}) => codes(text, opts).includes(code);

export const find = (text: string, code: string, opts = {}) => lint(text, opts).filter((f) => f.code === code);

export const spanText = (text: string, code: string) => {
  const f = find(text, code)[0];
  assert.ok(f, `expected ${code} in:\n${text}`);
  return text.slice(f.span.start, f.span.end);
};

/** The fixed text parses: same number of instructions, and every RUN still parses as shell. */
export const assertParses = (before: string, after: string) => {
  const a = parseDockerfile(before);
  const b = parseDockerfile(after);
  assert.equal(b.stages.length, a.stages.length);
  for (const i of b.instructions) if (i.script) assert.equal(i.script.parsed.hasErrors, false, `shell error in ${after.slice(i.span.start, i.span.end)}`);
};

export const fix = (text: string, code: string, opts = {}) => {
  const out = applyFix(text, code, opts);
  assertParses(text, out);
  return out;
};

export const MOD = '--mount=type=cache,target=/go/pkg/mod';

export const BUILD = '--mount=type=cache,target=/root/.cache/go-build';
