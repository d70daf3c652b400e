/**
 * Reads the user's Go module cache for the layer estimates: where it is (as cmd/go picks it),
 * and the sizes of the modules a build downloads, from the cache's download folder
 * (`$GOMODCACHE/cache/download/<escaped path>/@v/<version>.{zip,mod,info}`). Files only: no
 * `go` command runs. A zip's central directory gives the size of every file it extracts to, so
 * nothing is unpacked.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRegularFileOrNull } from '../workspace/safeRead';
import { escapeModulePath, moduleLayerBytesOf, type ModuleCacheReader, type ModuleCacheReport, type ModuleRef } from '../layers/moduleCache';

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
  // A regular file only, size-capped: a go env file linked to /dev/zero must not hang the server.
  return readRegularFileOrNull(p);
}

/** The module cache of the user running the server or CLI (GOMODCACHE, GOPATH, ~/go). */
export function userModuleCache(): string | null {
  let home: string | null = null;
  try {
    home = os.homedir();
  } catch {
    home = null;
  }
  return moduleCacheDir(process.env, home);
}

/** A reader of the module cache at `cacheDir` (null: none). */
export function moduleCacheReader(cacheDir: string | null): ModuleCacheReader {
  return (modules) => readModuleCache(cacheDir, modules);
}

/**
 * The sizes of the files a module zip extracts to, from its central directory (null when the
 * file is not a readable zip). Reads the end of the file only.
 */
export function zipEntrySizes(file: string): { name: string; size: number }[] | null {
  let fd: number;
  try {
    // O_NONBLOCK and a regular file only: a FIFO named like a module zip must not block.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return null;
    const total = st.size;
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
  // Module paths come from the repository's go.sum: no `..` element may leave the cache.
  if (m.path.split('/').some((e) => e === '..' || e === '.' || e === '') || path.isAbsolute(m.path) || /[\\\0]/.test(m.path + m.version) || m.version.includes('/')) return null;
  const dir = path.join(cacheDir, 'cache', 'download', ...escapeModulePath(m.path).split('/'), '@v');
  const base = path.join(dir, escapeModulePath(m.version));
  const mod = fileSize(`${base}.mod`);
  if (mod === null) return null;
  const info = fileSize(`${base}.info`);
  if (!m.zip) return moduleLayerBytesOf({ mod, info });
  const zip = fileSize(`${base}.zip`);
  const entries = zip === null ? null : zipEntriesCached(`${base}.zip`, zip);
  if (zip === null || entries === null) return null;
  return moduleLayerBytesOf({ mod, info, zip: { size: zip, entries } });
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

