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
import type { GoModule, VendorModule } from './model';
import { compareGoVersions } from '../images/golangTag';

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

/**
 * Go's own consistency check of a module's `vendor/modules.txt` against its go.mod
 * (cmd/go/internal/modload/vendor.go, checkVendorConsistency, module mode): the go command stops
 * with "inconsistent vendoring" on each message returned here whenever it reads vendor/. Before a
 * `go 1.14` line, modules.txt has no `## explicit` marks, so only a version that differs from the
 * one vendored and a replacement that differs are caught (Go's "pre114" relaxation).
 * Only what is certain is reported: a module vendored at two versions is not compared.
 * zcash/lightwalletd ba1b931: go 1.12, go.mod requires google.golang.org/grpc v1.44.0,
 * modules.txt vendors v1.37.0.
 */
export function vendorInconsistencies(mod: Pick<GoModule, 'path' | 'goVersion' | 'requirements' | 'replaces'>, modules: readonly VendorModule[]): string[] {
  const pre114 = mod.goVersion === null || compareGoVersions(mod.goVersion, '1.14') < 0;
  const out: string[] = [];
  const versioned = (v: string | null): v is string => v !== null && /^v\d+\.\d+\.\d+/.test(v);
  // Go's "# path version" lines (a version, or `=>` for a wildcard replacement); others are skipped.
  const entries = modules.filter((m) => versioned(m.version) || (m.version === null && m.replacement !== null));
  const key = (path: string, version: string | null) => `${path}@${version ?? ''}`;
  const meta = new Map<string, { explicit: boolean; replacement: string | null }>();
  for (const m of entries) {
    const k = key(m.path, m.version);
    const prev = meta.get(k);
    meta.set(k, { explicit: (prev?.explicit ?? false) || m.explicit, replacement: m.replacement !== null ? words(m.replacement) : prev?.replacement ?? null });
  }
  // The version each path is vendored at (modules that give packages); a path vendored at two: unknown.
  const vendored = new Map<string, string | null>();
  for (const m of entries) {
    if (m.packages.length === 0 || m.version === null) continue;
    const had = vendored.get(m.path);
    vendored.set(m.path, had === undefined || had === m.version ? m.version : null);
  }
  for (const r of mod.requirements) {
    if (meta.get(key(r.path, r.version))?.explicit) continue;
    if (pre114) {
      const vv = vendored.get(r.path);
      if (vv !== undefined && vv !== null && vv !== r.version) out.push(`${r.path}@${r.version}: is explicitly required in go.mod, but vendor/modules.txt indicates ${r.path}@${vv}`);
    } else out.push(`${r.path}@${r.version}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`);
  }
  const seen = new Set<string>();
  for (const r of mod.replaces) {
    const k = key(r.oldPath, r.oldVersion);
    if (seen.has(k) || r.oldPath === mod.path) continue;
    seen.add(k);
    const vr = meta.get(k)?.replacement ?? null;
    const now = words(r.newVersion ? `${r.newPath} ${r.newVersion}` : r.newPath);
    if (vr === null) {
      if (pre114 && (r.oldVersion === null || vendored.get(r.oldPath) !== r.oldVersion)) continue;
      out.push(`${r.oldVersion ? k : r.oldPath}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt`);
    } else if (vr !== now) out.push(`${r.oldVersion ? k : r.oldPath}: is replaced by ${now.replace(' ', '@')} in go.mod, but marked as replaced by ${vr.replace(' ', '@')} in vendor/modules.txt`);
  }
  for (const m of entries) {
    if (!m.explicit || m.packages.length === 0 || m.version === null) continue;
    if (!mod.requirements.some((r) => r.path === m.path && r.version === m.version)) out.push(`${m.path}@${m.version}: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod`);
  }
  for (const m of entries) {
    if (m.replacement === null) continue;
    if (!mod.replaces.some((r) => r.oldPath === m.path && (r.oldVersion === null || r.oldVersion === m.version))) out.push(`${m.version ? `${m.path}@${m.version}` : m.path}: is marked as replaced in vendor/modules.txt, but not replaced in go.mod`);
  }
  return [...new Set(out)];
}

function words(s: string): string {
  return s.trim().split(/\s+/).join(' ');
}
