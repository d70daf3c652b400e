/**
 * The `go-dockerfile` executable (dist/cli.js): starts the command line bundle (dist/cli-main.js)
 * with a V8 code cache. Compiling the ~1 MB bundle and the functions a lint runs took about as long
 * as node's own start; with the cache, V8 reads them back instead (Node 20 has no
 * `module.enableCompileCache`, so this is the `vm.Script` `cachedData` way to the same end).
 *
 * The cache is one file per install, bundle build, node options, node version and architecture, in the user's own cache
 * folder (created 0700: a cache file is code), written once after the first lint that did not
 * change V8's flags (V8 rejects a cache made under other flags). Any failure to read or write it
 * only means a normal compile. GO_DOCKERFILE_CODE_CACHE=0 turns it off.
 *
 * Required as a module (tests, other programs), this file is the bundle itself, uncached. The
 * bundle's text is a function expression, not a module: it is loaded only from here.
 */
// `import x = require()`: bundled as plain requires (`import * as` copies each builtin's exports).
import fs = require('fs');
import os = require('os');
import path = require('path');
import vm = require('vm');
import Module = require('module');

/** A hash of dist/cli-main.js, put here by the build: a cache is only ever used for the bundle it was made from. */
declare const CLI_MAIN_HASH: string | undefined;

interface CliMain {
  run(argv: string[]): Promise<number>;
  worthCaching(argv: string[]): boolean;
}

const MAIN = path.join(__dirname, 'cli-main.js');

function cacheFolder(): string | undefined {
  if (process.env.GO_DOCKERFILE_CODE_CACHE === '0' || typeof CLI_MAIN_HASH !== 'string') return undefined;
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
 * Runs the bundle as a CommonJS module. Its text is already the function node would wrap a module
 * in (the build writes it so: wrapping it here copied ~650 KB again on every start).
 */
function runBundle(cachedData: Buffer | undefined): { exports: CliMain; script: vm.Script } {
  const source = fs.readFileSync(MAIN, 'utf8');
  // No importModuleDynamically: the bundle is built without import() (which a script compiled from
  // cached data could not run).
  const script = new vm.Script(source, { filename: MAIN, cachedData });
  const mod = new Module(MAIN, module);
  mod.filename = MAIN;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(MAIN), mod, MAIN, __dirname);
  mod.loaded = true;
  return { exports: mod.exports as CliMain, script };
}

/** Compiles and runs the bundle with the cached code when there is one. */
function loadCached(folder: string): { exports: CliMain; save: () => void } {
  // Per install too: V8 keeps the file name the cached code was compiled under (stack traces).
  // Per node options: V8 rejects code cached under other flags (`--max-old-space-size` in
  // NODE_OPTIONS, say), and runs with and without them would otherwise rewrite one file in turn.
  const prefix = `cli-${stringHash(MAIN)}-`;
  const flags = stringHash(`${process.execArgv.join('\0')}\0${process.env.NODE_OPTIONS ?? ''}`);
  const file = path.join(folder, `${prefix}${CLI_MAIN_HASH}-${flags}-${process.version}-${process.arch}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    // No cache yet.
  }
  const { exports, script } = runBundle(cachedData);
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      // Made now, after the run, so it holds the functions the run compiled too.
      const data = script.createCachedData();
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, data, { mode: 0o600 });
      fs.renameSync(tmp, file);
      // This install's caches of other builds are dead weight.
      for (const f of fs.readdirSync(folder)) if (f.startsWith(prefix) && f.endsWith('.v8cache') && !f.startsWith(`${prefix}${CLI_MAIN_HASH}-`)) fs.rmSync(path.join(folder, f), { force: true });
    } catch {
      // A read-only home, a full disk: the next run compiles again.
    }
  };
  return { exports, save };
}

if (require.main === module) {
  let loaded: { exports: CliMain; save: () => void } | undefined;
  try {
    // os.homedir() throws where the user has no home entry.
    const folder = cacheFolder();
    loaded = folder ? loadCached(folder) : undefined;
  } catch {
    // Unreadable cache folder or the like: run it without the cache.
  }
  const cli: CliMain = loaded?.exports ?? runBundle(undefined).exports;
  const argv = process.argv.slice(2);
  void cli.run(argv).then(() => {
    if (loaded && cli.worthCaching(argv)) loaded.save();
  });
} else {
  module.exports = runBundle(undefined).exports;
}
