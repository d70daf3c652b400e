/**
 * The bytes `go mod download` puts into a layer: the modules go.sum (or vendor/modules.txt)
 * names, sized by a reader of the user's module cache (driver/moduleCacheReader.ts: files only,
 * no `go` command runs), else estimated from their count. Plain functions over data.
 */
import type { VendorModule } from '../workspace/model';

/** A module version the build downloads. `zip`: its source is needed (not only its go.mod). */
export interface ModuleRef {
  path: string;
  version: string;
  zip: boolean;
}

/** Sizes a module list from a module cache (the driver reads the files). */
export type ModuleCacheReader = (modules: ModuleRef[]) => ModuleCacheReport;

export interface ModuleCacheReport {
  /** The module cache folder looked at (null when none could be named). */
  cacheDir: string | null;
  /** The cache folder exists. */
  exists: boolean;
  modules: ModuleRef[];
  /** Modules found in the cache, and the bytes they put in a layer. */
  found: number;
  foundBytes: number;
  /** Modules not in the cache (or whose zip could not be read). */
  missing: ModuleRef[];
}

/** Average bytes of one downloaded module in a layer (zip + extracted tree), for modules not in the cache. */
export const AVERAGE_MODULE_BYTES = 3.5 * 1024 * 1024;
/** A go.mod-only entry: the .mod file and its tar header. */
export const AVERAGE_GOMOD_BYTES = 2 * 1024;

/** go.sum lines `path version[/go.mod] h1:...`: `/go.mod` lines need only go.mod; the others need the zip. */
export function modulesFromGoSum(text: string): ModuleRef[] {
  const byKey = new Map<string, ModuleRef>();
  for (const raw of text.split(/\r?\n/)) {
    const parts = raw.trim().split(/\s+/);
    if (parts.length < 3 || !parts[2].startsWith('h1:')) continue;
    const gomodOnly = parts[1].endsWith('/go.mod');
    const version = gomodOnly ? parts[1].slice(0, -'/go.mod'.length) : parts[1];
    const key = `${parts[0]}@${version}`;
    const prev = byKey.get(key);
    if (prev) prev.zip ||= !gomodOnly;
    else byKey.set(key, { path: parts[0], version, zip: !gomodOnly });
  }
  return [...byKey.values()];
}

/** vendor/modules.txt: every listed module with a version is needed whole (local replacements are not downloaded). */
export function modulesFromVendor(modules: readonly VendorModule[]): ModuleRef[] {
  const out: ModuleRef[] = [];
  for (const m of modules) {
    if (!m.version || (m.replacement && /^(\.{1,2}\/|\/)/.test(m.replacement))) continue;
    const repl = m.replacement?.trim().split(/\s+/);
    // `old v1 => new v2`: the replacement is what is downloaded.
    if (repl && repl.length === 2) out.push({ path: repl[0], version: repl[1], zip: true });
    else out.push({ path: m.path, version: m.version, zip: true });
  }
  return out;
}

/** cmd/go's case encoding of module paths and versions in the cache: `Azure` -> `!azure`. */
export function escapeModulePath(p: string): string {
  return p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** A tar entry: a 512-byte header and the content padded to 512. */
export function tarBytes(size: number): number {
  return 512 + Math.ceil(size / 512) * 512;
}

/**
 * The layer bytes of one module version from its cache files' sizes: the .mod and .info, and for
 * a needed zip, the zip, its .ziphash and the tree it extracts to (every file as a tar entry,
 * plus its folders).
 */
export function moduleLayerBytesOf(f: { mod: number; info: number | null; zip?: { size: number; entries: { name: string; size: number }[] } }): number {
  let bytes = tarBytes(f.mod) + (f.info !== null ? tarBytes(f.info) : 0);
  if (!f.zip) return bytes;
  bytes += tarBytes(f.zip.size) + tarBytes(64);
  const dirs = new Set<string>();
  for (const e of f.zip.entries) {
    if (e.name.endsWith('/')) continue;
    bytes += tarBytes(e.size);
    const parts = e.name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return bytes + dirs.size * 512;
}

/** A module cache that has none of the modules (no cache, or none looked at). */
export function emptyModuleCache(cacheDir: string | null, modules: ModuleRef[]): ModuleCacheReport {
  return { cacheDir, exists: false, modules, found: 0, foundBytes: 0, missing: [...modules] };
}

/** The estimate for a module download layer: cache sizes where found, the average elsewhere. */
export function moduleDownloadEstimate(r: ModuleCacheReport): { bytes: number; basis: string } {
  const zips = r.missing.filter((m) => m.zip).length;
  const mods = r.missing.length - zips;
  const guessed = zips * AVERAGE_MODULE_BYTES + mods * AVERAGE_GOMOD_BYTES;
  const n = r.modules.length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  if (n === 0) return { bytes: 0, basis: 'no module requirements (go.sum lists none)' };
  if (r.found === n) return { bytes: r.foundBytes, basis: `${plural(n, 'module')} sized from the module cache (${r.cacheDir})` };
  if (r.found === 0) {
    const why = r.cacheDir === null ? 'no module cache' : r.exists ? `not in the module cache ${r.cacheDir}` : `no module cache at ${r.cacheDir}`;
    return { bytes: guessed, basis: `${plural(zips, 'module')} × ~3.5 MB${mods ? ` + ${mods} go.mod files` : ''} (${why})` };
  }
  return {
    bytes: r.foundBytes + guessed,
    basis: `${r.found} of ${plural(n, 'module')} sized from the module cache (${r.cacheDir}), ${r.missing.length} missing there estimated at ~3.5 MB each`,
  };
}
