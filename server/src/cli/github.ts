/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding:
 *   ::error file=F,line=L,col=C,endLine=L,endColumn=E,title=T::MESSAGE
 * Escaping as @actions/core does it: in the message %, CR and LF; in a property value also
 * `:` and `,` (they separate properties). Columns go only on single-line findings: GitHub ignores
 * col/endColumn when line and endLine differ.
 */
import { ruleDocUrl } from '../driver/ruleDocs';
import { RULES_BY_CODE } from '../rules/registry';
import type { Severity } from '../rules/types';
import type { JsonFinding } from './jsonFinding';
import { reportPath } from './paths';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function toGithubAnnotations(findings: JsonFinding[], cwd = process.cwd()): string[] {
  return findings.map((f) => {
    const props: [string, string | number][] = [['file', reportPath(f.file, cwd)], ['line', f.line]];
    if (f.endLine === f.line) props.push(['col', f.column]);
    props.push(['endLine', f.endLine]);
    if (f.endLine === f.line) props.push(['endColumn', f.endColumn]);
    const name = RULES_BY_CODE.get(f.code)?.name;
    props.push(['title', name ? `${f.code} ${name}` : f.code]);
    const message = `${f.message}\n${ruleDocUrl(f.code, false)}`;
    return `::${COMMAND[f.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}`;
  });
}
