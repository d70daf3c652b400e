// Bundles the extension, the language server and the CLI into dist/.
// The tree-sitter WebAssembly files are copied beside the bundles that load them.
import * as crypto from 'node:crypto';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { nodeBundle, serverCode } from './scripts/bundle-options.mjs';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const common = {
  ...nodeBundle,
  sourcemap: true,
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version) },
};

/**
 * The starters (start/codeCache.ts) run the CLI and server bundles as vm.Scripts, where import()
 * needs a callback that code from V8's cache does not get. The grammar's glue imports two builtins: require them instead (through
 * the banner's __requireAsync, as the glue declares its own `require` in the same function).
 */
const glueWithoutImport = {
  name: 'glue-without-import',
  setup(build) {
    build.onLoad({ filter: /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      const contents = text.replace(/\bawait import\(("[a-z/]+")\)/g, 'await __requireAsync($1)');
      if (contents === text) throw new Error('tree-sitter.js: no import() left to replace; check start/codeCache.ts still needs this');
      return { contents, loader: 'js' };
    });
  },
};

/** A bundle its starter (start/codeCache.ts) runs as a vm.Script with V8's code cache. */
const cachedBundle = (entry, outfile) => ({
  ...common,
  ...serverCode,
  entryPoints: [entry],
  outfile,
  plugins: [glueWithoutImport],
  // The file is the function node would wrap a CommonJS module in (`Module.wrap`): the starter
  // compiles its text as it is. Wrapping it at each start made a second copy of the ~650 KB
  // text (a concatenation V8 flattens before compiling), milliseconds of every start.
  banner: { js: '(function (exports, require, module, __filename, __dirname) { "use strict";var __requireAsync = (id) => Promise.resolve(require(id));' },
  footer: { js: '});' },
});

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server and the CLI: their bundles, and the small executables that start them
  // with a V8 code cache (start/server.ts, start/cli.ts), built after them with the bundles'
  // hashes (starter below).
  cachedBundle('server/src/server.ts', 'dist/server-main.js'),
  cachedBundle('server/src/cli.ts', 'dist/cli-main.js'),
  // `lint` alone (cliLint.ts), what the starter runs for a lint: no generator, no layer model.
  cachedBundle('server/src/cliLint.ts', 'dist/cli-lint.js'),
  // The library's syntax check, in a worker thread the server starts from beside itself.
  { ...common, entryPoints: ['server/src/lsp/syntaxWorker.ts'], outfile: 'dist/syntax-worker.js' },
  // The measuring build the VS Code client runs (trusted workspaces only); the .vsix has no CLI.
  { ...common, entryPoints: ['server/src/measure/main.ts'], outfile: 'dist/measure.js' },
  // The layer panel's browser code: no Node, no vscode module.
  { ...common, entryPoints: ['client/src/webview/layers.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { ...common, entryPoints: ['client/src/webview/layers.css'], outfile: 'dist/webview.css', platform: 'browser' },
];

/** An executable, keyed to the bundles it caches the code of (no `hashOf`: no code cache is trusted). */
const starter = (name, hashOf) => ({
  ...common,
  entryPoints: [`server/src/start/${name}.ts`],
  outfile: `dist/${name}.js`,
  external: [`./${name}-main.js`],
  banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
  define: {
    ...common.define,
    ...(hashOf ? { BUNDLE_HASH: JSON.stringify(hashOf(name)) } : {}),
    ...(hashOf && name === 'cli' ? { LINT_BUNDLE_HASH: JSON.stringify(hashOf('cli-lint')) } : {}),
  },
});
const bundleHash = (name) => crypto.createHash('sha256').update(fs.readFileSync(name.endsWith('-lint') ? `dist/${name}.js` : `dist/${name}-main.js`)).digest('hex').slice(0, 16);

/**
 * `import * as fs from 'fs'` bundles as `__toESM(require("fs"))`, a copy of every export of the
 * module, made again at each of the ~45 imports of a builtin: milliseconds of every start. A
 * builtin's exports object serves as its namespace as it is (nothing imports a builtin's default).
 * Padded to the same length, so the source map still fits.
 */
function requireBuiltinsDirectly(file) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/__toESM\(require\("([^"]+)"\)\)/g, (all, name) => (isBuiltin(name) ? `${' '.repeat(8)}require("${name}") ` : all)));
}

/**
 * The starters read these bundles as latin1 (start/codeCache.ts), which is exact for ASCII alone.
 * esbuild escapes every other character by default (its `charset` option): this keeps it so.
 */
function asciiOnly(file) {
  const bytes = fs.readFileSync(file);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at >= 0) throw new Error(`${file}: a non-ASCII byte at offset ${at}; the starters read this bundle as latin1 (start/codeCache.ts)`);
}

fs.mkdirSync('dist', { recursive: true });
const wasmDir = path.dirname(path.resolve('node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js'));
for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(wasmDir, f), path.join('dist', f));
// Starting dist/cli.js (or the extension), node reads the nearest package.json for its "type": without
// this one it is the project's, ~33 KB of editor contributions parsed on every CLI start.
fs.writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  // Watching, the bundles change under the executables: they get no hash, so no code cache.
  for (const name of ['cli', 'server']) await (await esbuild.context(starter(name))).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const file of ['cli-main', 'cli-lint', 'server-main']) {
    requireBuiltinsDirectly(`dist/${file}.js`);
    asciiOnly(`dist/${file}.js`);
  }
  for (const name of ['cli', 'server']) await esbuild.build(starter(name, bundleHash));
  fs.chmodSync('dist/cli.js', 0o755);
}
