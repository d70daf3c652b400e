/** Core results -> LSP shapes. Offsets are UTF-16, like LSP positions. */
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { LineTable, Span } from '../dockerfile/text';
import type { Edit } from '../edits/edits';
import { ruleDocUrl } from '../driver/ruleDocs';
import type { Finding, Severity } from '../rules/types';

export const SOURCE = 'go-dockerfile';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineTable, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toTextEdit(lines: LineTable, e: Edit): TextEdit {
  return { range: toRange(lines, e), newText: e.newText };
}

/** Rule page addresses by code: ruleDocUrl builds a file URL, and a publish has thousands of findings. */
const docUrls = new Map<string, string>();
const docUrl = (code: string) => docUrls.get(code) ?? docUrls.set(code, ruleDocUrl(code)).get(code)!;

export function toDiagnostic(lines: LineTable, f: Finding): Diagnostic {
  return {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.code,
    codeDescription: { href: docUrl(f.code) },
    message: f.message,
    // Tells findings of one code at one range apart for the code action (lsp/server.ts findingFor).
    data: { start: f.span.start, end: f.span.end },
  };
}
