/** One finding of `lint --format json` (1-based lines and columns); SARIF is made from these. */
import type { Severity } from '../rules/types';

export interface JsonFinding {
  file: string;
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
