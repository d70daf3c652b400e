// Bundles the extension, the language server and the CLI into dist/.
// The tree-sitter WebAssembly files are copied beside the bundles that load them.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The measuring build the VS Code client runs (trusted workspaces only); the .vsix has no CLI.
  { ...common, entryPoints: ['server/src/measure/main.ts'], outfile: 'dist/measure.js' },
  // The layer panel's browser code: no Node, no vscode module.
  { ...common, entryPoints: ['client/src/webview/layers.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { ...common, entryPoints: ['client/src/webview/layers.css'], outfile: 'dist/webview.css', platform: 'browser' },
];

fs.mkdirSync('dist', { recursive: true });
const wasmDir = path.dirname(path.resolve('node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js'));
for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) fs.copyFileSync(path.join(wasmDir, f), path.join('dist', f));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}
