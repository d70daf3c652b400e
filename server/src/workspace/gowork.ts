/**
 * A tolerant go.work parser: `go`, `toolchain`, `use` (single and block), `replace`, `godebug`.
 * Never throws; problems go to `errors`.
 */
import { isGoVersion, lexOrReport, parseGodebugArgs, parseReplaceArgs, toolchainToVersion } from './modfile';
import type { GoReplace } from './model';

export interface GoWorkFile {
  go: string | null;
  toolchain: string | null;
  toolchainVersion: string | null;
  /** `use` entries as written (e.g. `./svc/a`, `.`), with their 1-based lines. */
  uses: { path: string; line: number }[];
  replaces: GoReplace[];
  godebug: { key: string; value: string; line: number }[];
  lines: { go: number | null; toolchain: number | null };
  errors: string[];
}

export function parseGoWork(text: string): GoWorkFile {
  const out: GoWorkFile = {
    go: null, toolchain: null, toolchainVersion: null, uses: [], replaces: [], godebug: [],
    lines: { go: null, toolchain: null }, errors: [],
  };
  const lines = lexOrReport(text, 'go.work', out.errors);
  if (!lines) return out;
  for (const l of lines) {
    const a = l.args.map((t) => t.text);
    switch (l.verb) {
      case 'go':
        if (a.length === 1 && isGoVersion(a[0]) && !l.inBlock && out.go === null) {
          out.go = a[0];
          out.lines.go = l.line;
        } else out.errors.push(`line ${l.line}: malformed or repeated go directive`);
        break;
      case 'toolchain':
        if (a.length === 1 && !l.inBlock && out.toolchain === null) {
          out.toolchain = a[0];
          out.toolchainVersion = toolchainToVersion(a[0]);
          out.lines.toolchain = l.line;
        } else out.errors.push(`line ${l.line}: malformed or repeated toolchain directive`);
        break;
      case 'use':
        if (a.length === 1 && !/^[()[\],]$|^=>$/.test(a[0])) out.uses.push({ path: a[0], line: l.line });
        else out.errors.push(`line ${l.line}: malformed use`);
        break;
      case 'replace': {
        const r = parseReplaceArgs(l, out.errors);
        if (r) out.replaces.push(r);
        break;
      }
      case 'godebug': {
        const d = parseGodebugArgs(l, out.errors);
        if (d) out.godebug.push(d);
        break;
      }
      default:
        out.errors.push(`line ${l.line}: unknown directive ${JSON.stringify(l.verb)}`);
    }
  }
  return out;
}

/**
 * Normalises a `use` path to a context-relative folder: `./svc/a` -> `svc/a`, `.` -> '',
 * `../x` -> `../x` (outside). `workDir` is the go.work folder relative to the context root.
 */
export function resolveUsePath(workDir: string, use: string): { dir: string; outside: boolean } {
  const p = use.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) return { dir: p, outside: true };
  const parts = workDir === '' ? [] : workDir.split('/');
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return { dir: p, outside: true };
      parts.pop();
    } else parts.push(seg);
  }
  return { dir: parts.join('/'), outside: false };
}
