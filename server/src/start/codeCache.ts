/**
 * Runs a bundle (dist/cli-main.js, dist/server-main.js) as a `vm.Script` with V8's cached data:
 * compiling a ~1 MB bundle and the functions its first job runs took about as long as node's own
 * start; with the cache, V8 reads them back instead (Node 20 has no `module.enableCompileCache`).
 * The two starters (start/cli.ts, start/server.ts) share this module.
 *
 * The cache is one file per starter, install, bundle build, node options, node version and
 * architecture, in the user's own cache folder (created 0700: a cache file is code), written once
 * by `save`, which the starter calls after the first job and only while V8's flags are those the
 * next start compiles under (V8 rejects a cache made under other flags). Any failure to read or
 * write it only means a normal compile. GO_DOCKERFILE_CODE_CACHE=0 turns it off.
 *
 * The bundle's text is a function expression, not a module: it is loaded only from here.
 */
// `import x = require()`: bundled as plain requires (`import * as` copies each builtin's exports).
import fs = require('fs');
import os = require('os');
import path = require('path');
import vm = require('vm');
import Module = require('module');

/**
 * What became of the cache at this start: `accepted` (V8 used it), `rejected` (a file was there
 * but V8 refused it: another build, damaged), `none` (no file yet), `off` (GO_DOCKERFILE_CODE_CACHE=0,
 * no cache folder, an unhashed build).
 */
export type CodeCacheState = 'off' | 'none' | 'accepted' | 'rejected';

export interface CodeCache {
  readonly state: CodeCacheState;
  /** Whether `save` would write (state `none` or `rejected`, not saved yet). */
  readonly wanted: boolean;
  /** Writes the code compiled so far, atomically, once; false when it did not (not wanted, or a write failed). */
  save(): boolean;
}

export interface Started<T> {
  exports: T;
  cache: CodeCache;
}

function cacheFolder(bundleHash: string | undefined): string | undefined {
  if (process.env.GO_DOCKERFILE_CODE_CACHE === '0' || typeof bundleHash !== 'string') return undefined;
  // os.homedir() throws where the user has no home entry.
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return base && path.isAbsolute(base) ? path.join(base, 'go-dockerfile') : undefined;
}

/** FNV-1a, hex: a short stable name for a path (node:crypto costs milliseconds to load). */
function stringHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Runs the bundle as a CommonJS module of `parent`. Its text is already the function node would
 * wrap a module in (the build writes it so: wrapping it here copied the text again on every start).
 */
export function runBundle<T>(main: string, parent: NodeModule, cachedData?: Buffer): { exports: T; script: vm.Script } {
  return runSource<T>(main, fs.readFileSync(main, 'latin1'), parent, cachedData);
}

function runSource<T>(main: string, source: string, parent: NodeModule, cachedData?: Buffer): { exports: T; script: vm.Script } {
  // No importModuleDynamically: the bundle is built without import() (which a script compiled from
  // cached data could not run).
  const script = new vm.Script(source, { filename: main, cachedData });
  const mod = new Module(main, parent);
  mod.filename = main;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(main));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(main), mod, main, path.dirname(main));
  mod.loaded = true;
  return { exports: mod.exports as T, script };
}

/** Reads `size` bytes (or up to the end) of `fd` into `buf`; the count read. */
function readInto(fd: number, buf: Buffer, size: number): number {
  let n = 0;
  while (n < size) {
    const m = fs.readSync(fd, buf, n, size - n, n);
    if (m === 0) break;
    n += m;
  }
  return n;
}

/**
 * The bundle's text and its cache file's bytes (undefined when there is none), read through one
 * buffer: the text is copied out of it before the cache is read in. Each memory page a start
 * touches for the first time is a fault, which costs tens of microseconds in a virtual machine;
 * a buffer per file touched about 150 pages more on every start.
 *
 * The build writes the bundle in ASCII only (esbuild.mjs checks), so latin1 reads it exactly,
 * and without the UTF-8 decoder's extra copy (another 200 pages).
 */
function readSourceAndCache(main: string, cacheFile: string | undefined): { source: string; cachedData?: Buffer } {
  const fd = fs.openSync(main, 'r');
  let cacheFd = -1;
  try {
    const size = fs.fstatSync(fd).size;
    let cacheSize = 0;
    if (cacheFile) {
      try {
        // O_NONBLOCK: something other than a file put there (a FIFO) must not hold the start.
        cacheFd = fs.openSync(cacheFile, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
        const st = fs.fstatSync(cacheFd);
        if (st.isFile()) cacheSize = st.size;
      } catch {
        // No cache yet.
      }
    }
    const buf = Buffer.allocUnsafeSlow(Math.max(size, cacheSize));
    const source = buf.toString('latin1', 0, readInto(fd, buf, size));
    if (cacheSize === 0) return { source };
    try {
      return { source, cachedData: buf.subarray(0, readInto(cacheFd, buf, cacheSize)) };
    } catch {
      // Unreadable: compile without it (the starter writes a new one).
      return { source };
    }
  } finally {
    fs.closeSync(fd);
    if (cacheFd >= 0) fs.closeSync(cacheFd);
  }
}

const OFF: CodeCache = { state: 'off', wanted: false, save: () => false };

/**
 * Compiles and runs the bundle `main` with its cached code when there is one. `name` tells the
 * starters' files apart; `bundleHash` (put into the starter by the build) ties a cache to the
 * bundle it was made from.
 */
export function startBundle<T>(name: string, main: string, bundleHash: string | undefined, parent: NodeModule): Started<T> {
  let file: string | undefined;
  let folder: string | undefined;
  let prefix = '';
  try {
    folder = cacheFolder(bundleHash);
    if (folder) {
      // Per install too: V8 keeps the file name the cached code was compiled under (stack traces).
      // Per node options: V8 rejects code cached under other flags (`--max-old-space-size` in
      // NODE_OPTIONS, say), and runs with and without them would otherwise rewrite one file in turn.
      prefix = `${name}-${stringHash(main)}-`;
      const flags = stringHash(`${process.execArgv.join('\0')}\0${process.env.NODE_OPTIONS ?? ''}`);
      file = path.join(folder, `${prefix}${bundleHash}-${flags}-${process.version}-${process.arch}.v8cache`);
    }
  } catch {
    // No home folder or the like: run it without the cache.
    file = undefined;
  }
  const { source, cachedData } = readSourceAndCache(main, file);
  const { exports, script } = runSource<T>(main, source, parent, cachedData);
  if (!file || !folder) return { exports, cache: OFF };
  const state: CodeCacheState = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  let wanted = state !== 'accepted';
  const target = file;
  const dir = folder;
  const cache: CodeCache = {
    state,
    get wanted() {
      return wanted;
    },
    save() {
      if (!wanted) return false;
      wanted = false;
      try {
        // Made now, after the first job, so it holds the functions that job compiled too.
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, data, { mode: 0o600 });
        fs.renameSync(tmp, target);
        // This install's caches of other builds are dead weight.
        for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.v8cache') && !f.startsWith(`${prefix}${bundleHash}-`)) fs.rmSync(path.join(dir, f), { force: true });
        return true;
      } catch {
        // A read-only home, a full disk: the next start compiles again.
        return false;
      }
    },
  };
  return { exports, cache };
}
