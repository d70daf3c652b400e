/**
 * Fix-all: apply every safe fix, re-analyse, repeat until nothing changes. Shared by the
 * LSP's source.fixAll action and `go-dockerfile lint --fix`.
 */
import type { Finding } from '../rules/types';
import { applyEdits, editsOverlap, type Edit } from '../edits/edits';

/** At most this many rounds: fixes can enable others, but a rule pair that fights must not loop. */
const MAX_ROUNDS = 10;

export interface FixAllResult {
  text: string;
  applied: { code: string; title: string }[];
}

export function fixAll(text: string, analyzeText: (text: string) => Finding[]): FixAllResult {
  const applied: FixAllResult['applied'] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen: Edit[] = [];
    for (const f of analyzeText(text)) {
      // Only edits of this document: fixes that create or edit other files need the user.
      if (!f.fix?.safe || f.fix.createFiles?.length || f.fix.editFiles?.length) continue;
      if (editsOverlap(chosen, f.fix.edits)) continue; // the next round picks it up on fresh text
      chosen.push(...f.fix.edits);
      applied.push({ code: f.code, title: f.fix.title });
    }
    if (chosen.length === 0) break;
    const next = applyEdits(text, chosen);
    if (next === text) break;
    text = next;
  }
  return { text, applied };
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): Edit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut between \r and \n, or inside a surrogate pair.
  if (start > 0 && splits(before, start)) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (endB < before.length && endB > start && splits(before, endB)) {
    endB++;
    endA++;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

function splits(text: string, at: number): boolean {
  const a = text.charCodeAt(at - 1);
  const b = text.charCodeAt(at);
  return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
}
