/**
 * `--format gitlab`: a GitLab Code Quality report (the subset of Code Climate's issue format that
 * GitLab reads): an array of { description, check_name, fingerprint, severity, location: { path,
 * lines: { begin } } }, path relative to the repository root.
 *
 * The fingerprint identifies a finding across commits, so GitLab can tell new findings from old
 * ones in a merge request: it hashes the path, the rule and the text of the finding's first line
 * (not its line number, which moves with unrelated edits above it), plus the occurrence number
 * among findings with the same key.
 */
import type { Severity } from '../rules/types';
import type { JsonFinding } from './jsonFinding';
import { reportPath } from './paths';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/** sources: each file's text as it was analysed (the finding's line text goes into the fingerprint). */
export function toCodeQuality(findings: JsonFinding[], sources: ReadonlyMap<string, string>, cwd = process.cwd()): CodeQualityIssue[] {
  // Required here: `crypto` costs milliseconds of every CLI start, and only this format hashes.
  const { createHash } = require('crypto') as typeof import('crypto');
  const seen = new Map<string, number>();
  const lines = new Map<string, string[]>();
  return findings.map((f) => {
    const p = reportPath(f.file, cwd);
    let fileLines = lines.get(f.file);
    if (!fileLines) lines.set(f.file, (fileLines = (sources.get(f.file) ?? '').split(/\r?\n/)));
    const key = `${p}\0${f.code}\0${(fileLines[f.line - 1] ?? '').trim()}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      description: `${f.code}: ${f.message}`,
      check_name: f.code,
      fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex'),
      severity: SEVERITY[f.severity],
      location: { path: p, lines: { begin: f.line, end: f.endLine } },
    };
  });
}
