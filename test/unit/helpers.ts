import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText, initAnalysis } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/edits/edits';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import type { Finding, Severity } from '../../server/src/rules/types';

export const ready = initAnalysis();

export function lint(text: string, opts: AnalyzeOptions = {}): Finding[] {
  return analyzeText(text, opts).findings;
}

export function codes(text: string, opts: AnalyzeOptions = {}): string[] {
  return lint(text, opts).map((f) => f.code);
}

/** Lines joined with \n (or \r\n), with a final line break. */
export function df(lines: string[], eol = '\n'): string {
  return lines.join(eol) + eol;
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * Applies the first fix of `code` and checks what every fix must guarantee: the result
 * parses, keeps its line endings and escape directive, no longer has that finding, and has
 * no new finding of a higher severity. Returns the fixed text.
 */
export function applyFix(text: string, code: string, opts: AnalyzeOptions = {}): string {
  const before = lint(text, opts);
  const target = before.find((f) => f.code === code && f.fix);
  assert.ok(target, `expected a ${code} finding with a fix in:\n${text}`);
  const fixed = applyEdits(text, target.fix!.edits);
  const after = lint(fixed, opts);
  assert.ok(after.filter((f) => f.code === code).length < before.filter((f) => f.code === code).length, `${code} still reported after its fix:\n${fixed}`);
  const beforeCodes = new Set(before.map((f) => f.code));
  for (const f of after) {
    if (!beforeCodes.has(f.code)) assert.ok(RANK[f.severity] <= RANK[target.severity], `fix of ${code} introduced ${f.code} (${f.severity}): ${f.message}\n${fixed}`);
  }
  assertLineEndings(text, fixed);
  const directive = /^(\uFEFF?#\s*escape\s*=.*)$/m.exec(text.split(/\r?\n/)[0]);
  if (directive) assert.equal(fixed.split(/\r?\n/)[0], text.split(/\r?\n/)[0], 'escape directive changed');
  return fixed;
}

export function assertLineEndings(original: string, fixed: string): void {
  if (original.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(fixed), `a lone \\n appeared in a CRLF file:\n${JSON.stringify(fixed)}`);
  else if (original.includes('\n')) assert.ok(!fixed.includes('\r'), 'a \\r appeared in an LF file');
  else if (original.includes('\r')) assert.ok(!fixed.includes('\n'), 'a \\n appeared in a CR file');
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): a seeded run reproduces a failure. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a small tree (relative path -> text) under dir and returns dir. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/**
 * One random edit of `text` for the incremental-analysis tests: an insertion of one of `snippets`
 * (with probability `insertShare`), a deletion of up to 12 characters, or a retyped character;
 * often at a line's end, where a continuation or heredoc joins the lines below.
 */
export function randomEdit(text: string, next: () => number, snippets: string[], insertShare: number): string {
  let at = Math.floor(next() * (text.length + 1));
  if (next() < 0.3) {
    const eol = text.slice(at).search(/\r?\n|\r/);
    if (eol >= 0) at += eol;
  }
  const r = next();
  if (r < insertShare) return text.slice(0, at) + snippets[Math.floor(next() * snippets.length)] + text.slice(at);
  if (r < 0.9) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  return text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
}

/** What a test compares of findings: everything a user sees of them. */
export const plainFindings = (fs: Finding[]) => fs.map((f) => ({ code: f.code, severity: f.severity, message: f.message, span: f.span, fix: f.fix }));

/** Every Dockerfile below `dir` (Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile), node_modules left out. */
export function dockerfilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...dockerfilesUnder(p));
    else if (e.isFile() && /(^|\.)Dockerfile(\..*)?$|\.dockerfile$/i.test(e.name)) out.push(p);
  }
  return out;
}
