import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../../server/src/dockerfile/parse';
import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { lint } from '../../helpers';

/** Helpers of the rules-image.test.ts suites, shared with the one-rule files in test/unit/rules/. */
export const has = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).some((f) => f.code === code);

export const find = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).filter((f) => f.code === code);

export const spanText = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

/** The fixed text parses into the same number of instructions (minus the ones a merge removes). */
export function parses(text: string): void {
  const m = parseDockerfile(text);
  assert.ok(m.stages.length > 0, `does not parse:\n${text}`);
  for (const i of m.instructions) if (i.script) assert.equal(i.script.parsed.hasErrors, false, `shell error in ${i.keyword} on line ${i.line + 1}:\n${text}`);
}
