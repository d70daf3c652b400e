/**
 * `vendor/modules.txt` (written by `go mod vendor` / `go work vendor`):
 *
 *   # github.com/pkg/errors v0.9.1
 *   ## explicit; go 1.12
 *   github.com/pkg/errors
 *   # example.com/a v1.0.0 => ./a
 *
 * Tolerant: unknown lines are skipped.
 */
import type { VendorModule } from './model';

/**
 * Is this `vendor/modules.txt` a workspace's (written by `go work vendor`, which marks each
 * workspace module `## workspace`) rather than one module's (`go mod vendor`)? The go command
 * uses a vendor/ only in the mode that wrote it: a module's vendor/ outside workspace mode
 * (GOWORK=off), a workspace's in workspace mode (Go 1.22 on). With `-mod=vendor` in the other
 * mode it stops with "inconsistent vendoring".
 */
export function modulesTxtIsForWorkspace(text: string): boolean {
  return /^## workspace\s*$/m.test(String(text).replace(/\r/g, ''));
}

export function parseModulesTxt(text: string): VendorModule[] {
  const out: VendorModule[] = [];
  let cur: VendorModule | null = null;
  for (const rawLine of String(text).split('\n')) {
    const line = rawLine.replace(/\r$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('## ')) {
      if (!cur) continue;
      for (const part of line.slice(3).split(';')) {
        const p = part.trim();
        if (p === 'explicit') cur.explicit = true;
        else if (p.startsWith('go ')) cur.goVersion = p.slice(3).trim() || null;
      }
      continue;
    }
    if (line.startsWith('# ')) {
      const body = line.slice(2).trim();
      const arrow = body.indexOf('=>');
      const left = (arrow >= 0 ? body.slice(0, arrow) : body).trim().split(/\s+/);
      const right = arrow >= 0 ? body.slice(arrow + 2).trim() : null;
      if (!left[0]) {
        cur = null;
        continue;
      }
      cur = { path: left[0], version: left[1] ?? null, replacement: right || null, explicit: false, goVersion: null, packages: [] };
      out.push(cur);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (cur) cur.packages.push(line);
  }
  return out;
}
