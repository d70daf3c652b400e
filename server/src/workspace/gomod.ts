/**
 * A tolerant go.mod parser: comments, `require (...)` blocks, `// indirect`, replace, exclude,
 * retract, godebug, tool. Malformed lines are reported in `errors` and skipped; it never throws.
 */
import { isGoVersion, lexOrReport, parseGodebugArgs, parseReplaceArgs, toolchainToVersion } from './modfile';
import type { GoReplace, GoRequirement } from './model';

export interface GoModFile {
  module: string | null;
  /** The `go` directive (null when absent or not a version). */
  go: string | null;
  /** The `toolchain` directive as written, e.g. `go1.22.3`. */
  toolchain: string | null;
  /** `toolchain` without the `go` prefix (`1.22.3`); null for `default` or garbage. */
  toolchainVersion: string | null;
  requires: GoRequirement[];
  replaces: GoReplace[];
  excludes: { path: string; version: string; line: number }[];
  /** Retracted versions or ranges as written (`v1.0.0`, `[v1.0.0, v1.9.9]`). */
  retracts: string[];
  godebug: { key: string; value: string; line: number }[];
  /** `tool` directives (Go 1.24+). */
  tools: string[];
  lines: { module: number | null; go: number | null; toolchain: number | null };
  /** Problems found; the parse still returns what it could read. */
  errors: string[];
}

/** `// indirect` or `// indirect; something` marks an indirect requirement. */
function isIndirect(comment: string): boolean {
  return comment === 'indirect' || comment.startsWith('indirect;');
}

export function parseGoMod(text: string): GoModFile {
  const out: GoModFile = {
    module: null, go: null, toolchain: null, toolchainVersion: null,
    requires: [], replaces: [], excludes: [], retracts: [], godebug: [], tools: [],
    lines: { module: null, go: null, toolchain: null },
    errors: [],
  };
  const lines = lexOrReport(text, 'go.mod', out.errors);
  if (!lines) return out;
  for (const l of lines) {
    const a = l.args.map((t) => t.text);
    switch (l.verb) {
      case 'module':
        if (a.length >= 1 && !l.inBlock) {
          if (out.module === null) {
            out.module = a[0];
            out.lines.module = l.line;
          } else out.errors.push(`line ${l.line}: repeated module directive`);
          if (a.length > 1) out.errors.push(`line ${l.line}: extra text after module path`);
        } else out.errors.push(`line ${l.line}: malformed module directive`);
        break;
      case 'go':
        if (a.length === 1 && isGoVersion(a[0]) && !l.inBlock) {
          if (out.go === null) {
            out.go = a[0];
            out.lines.go = l.line;
          } else out.errors.push(`line ${l.line}: repeated go directive`);
        } else out.errors.push(`line ${l.line}: malformed go directive`);
        break;
      case 'toolchain':
        if (a.length === 1 && !l.inBlock) {
          if (out.toolchain === null) {
            out.toolchain = a[0];
            out.toolchainVersion = toolchainToVersion(a[0]);
            out.lines.toolchain = l.line;
          } else out.errors.push(`line ${l.line}: repeated toolchain directive`);
        } else out.errors.push(`line ${l.line}: malformed toolchain directive`);
        break;
      case 'require':
        if (a.length === 2 && !l.args.some((t) => !t.quoted && /^[()[\],]$|^=>$/.test(t.text))) {
          out.requires.push({ path: a[0], version: a[1], indirect: isIndirect(l.comment), line: l.line });
        } else out.errors.push(`line ${l.line}: malformed require`);
        break;
      case 'replace': {
        const r = parseReplaceArgs(l, out.errors);
        if (r) out.replaces.push(r);
        break;
      }
      case 'exclude':
        if (a.length === 2) out.excludes.push({ path: a[0], version: a[1], line: l.line });
        else out.errors.push(`line ${l.line}: malformed exclude`);
        break;
      case 'retract':
        if (a.length >= 1) out.retracts.push(a.join(' ').replace(/ ,/g, ',').replace(/\[ /g, '[').replace(/ \]/g, ']'));
        else out.errors.push(`line ${l.line}: malformed retract`);
        break;
      case 'godebug': {
        const d = parseGodebugArgs(l, out.errors);
        if (d) out.godebug.push(d);
        break;
      }
      case 'tool':
        if (a.length === 1) out.tools.push(a[0]);
        else out.errors.push(`line ${l.line}: malformed tool`);
        break;
      case 'ignore':
        // Go 1.25: directories the go command ignores. Nothing to model yet.
        break;
      default:
        out.errors.push(`line ${l.line}: unknown directive ${JSON.stringify(l.verb)}`);
    }
  }
  if (out.module === null) out.errors.push('no module directive');
  return out;
}
