/**
 * The bytes `go mod download` puts into a layer, read from the user's own module cache: the
 * modules go.sum (or vendor/modules.txt) names, looked up in the cache's download folder
 * (`$GOMODCACHE/cache/download/<escaped path>/@v/<version>.{zip,mod,info}`). Files only: no
 * `go` command runs. A zip's central directory gives the size of every file it extracts to, so
 * the layer (the zip, its .mod/.info and the extracted tree, as tar entries) is counted without
 * unpacking anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VendorModule } from '../workspace/model';

/** A module version the build downloads. `zip`: its source is needed (not only its go.mod). */
export interface ModuleRef {
  path: string;
  version: string;
  zip: boolean;
}

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

/**
 * The module cache folder, as cmd/go picks it: GOMODCACHE, else the first GOPATH entry's
 * `pkg/mod`, else `~/go/pkg/mod`; each read from the environment, then from the go env file
 * (`$GOENV`, default `<config dir>/go/env`, written by `go env -w`).
 */
export function moduleCacheDir(env: Record<string, string | undefined>, home: string | null, readFile: (p: string) => string | null = readOrNull): string | null {
  const fileVars = goEnvFile(env, home, readFile);
  const get = (name: string) => env[name] || fileVars.get(name) || '';
  const gomodcache = get('GOMODCACHE');
  if (gomodcache && path.isAbsolute(gomodcache)) return gomodcache;
  const gopath = get('GOPATH').split(path.delimiter).find((p) => p && path.isAbsolute(p));
  if (gopath) return path.join(gopath, 'pkg', 'mod');
  return home ? path.join(home, 'go', 'pkg', 'mod') : null;
}

function goEnvFile(env: Record<string, string | undefined>, home: string | null, readFile: (p: string) => string | null): Map<string, string> {
  const out = new Map<string, string>();
  let file = env.GOENV;
  if (file === 'off') return out;
  if (!file) {
    const config = env.XDG_CONFIG_HOME || (home ? (process.platform === 'darwin' ? path.join(home, 'Library', 'Application Support') : process.platform === 'win32' ? env.APPDATA ?? '' : path.join(home, '.config')) : '');
    if (!config) return out;
    file = path.join(config, 'go', 'env');
  }
  const text = readFile(file);
  for (const line of text?.split(/\r?\n/) ?? []) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) out.set(m[1], m[2].trim());
  }
  return out;
}

function readOrNull(p: string): string | null {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
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
 * The sizes of the files a module zip extracts to, from its central directory (null when the
 * file is not a readable zip). Reads the end of the file only.
 */
export function zipEntrySizes(file: string): { name: string; size: number }[] | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const total = fs.fstatSync(fd).size;
    const tailLen = Math.min(total, 65536 + 22);
    const tail = Buffer.alloc(tailLen);
    fs.readSync(fd, tail, 0, tailLen, total - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > total) return null;
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    const out: { name: string; size: number }[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) return null;
      const size = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      out.push({ name: cd.toString('utf8', p + 46, p + 46 + nameLen), size });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function fileSize(p: string): number | null {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** Central directories already read, by file and size (a module zip never changes in place). */
const zipMemo = new Map<string, { name: string; size: number }[] | null>();
function zipEntriesCached(file: string, size: number): { name: string; size: number }[] | null {
  const key = `${file}\0${size}`;
  if (!zipMemo.has(key)) {
    if (zipMemo.size > 5000) zipMemo.clear();
    zipMemo.set(key, zipEntrySizes(file));
  }
  return zipMemo.get(key)!;
}

/** Layer bytes of one module version in a cache, or null when the cache lacks what the build needs. */
export function moduleLayerBytes(cacheDir: string, m: ModuleRef): number | null {
  const dir = path.join(cacheDir, 'cache', 'download', ...escapeModulePath(m.path).split('/'), '@v');
  const base = path.join(dir, escapeModulePath(m.version));
  const mod = fileSize(`${base}.mod`);
  if (mod === null) return null;
  let bytes = tarBytes(mod);
  const info = fileSize(`${base}.info`);
  if (info !== null) bytes += tarBytes(info);
  if (!m.zip) return bytes;
  const zip = fileSize(`${base}.zip`);
  const entries = zip === null ? null : zipEntriesCached(`${base}.zip`, zip);
  if (zip === null || entries === null) return null;
  bytes += tarBytes(zip) + tarBytes(64); // the zip and its .ziphash
  // The extracted tree: every file (its zip name starts with `path@version/`) and its folders.
  const dirs = new Set<string>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    bytes += tarBytes(e.size);
    const parts = e.name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return bytes + dirs.size * 512;
}

/** Sizes of the given modules in a module cache (a missing cache: every module is missing). */
export function readModuleCache(cacheDir: string | null, modules: ModuleRef[]): ModuleCacheReport {
  const exists = cacheDir !== null && fs.existsSync(path.join(cacheDir, 'cache', 'download'));
  const report: ModuleCacheReport = { cacheDir, exists, modules, found: 0, foundBytes: 0, missing: [] };
  for (const m of modules) {
    const b = exists ? moduleLayerBytes(cacheDir!, m) : null;
    if (b === null) report.missing.push(m);
    else {
      report.found++;
      report.foundBytes += b;
    }
  }
  return report;
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
