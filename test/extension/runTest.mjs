#!/usr/bin/env node
// `npm run test:extension`: the extension-host suite (test/extension/suite/*.test.js, mocha with
// the real `vscode` API), started through @vscode/test-electron's runTests().
//
//   npm run build && npm run test:extension
//   npm run test:extension -- 'snippet'     only the tests whose title matches (a regular expression)
//
// Builds nothing: the extension under development is this repository, whose package.json main
// is dist/extension.js (and the server dist/server.js), so `npm run build` must have run.
//
// No desktop VS Code can be downloaded here, so vscodeExecutablePath is launcher.mjs, which runs
// the same suite in code-server (see its header). GD_EXT_VSCODE=/path/to/code runs it in a
// desktop VS Code instead, unchanged.
//
// The fixture workspace (test/extension/workspace) is copied to a temp folder first: the tests
// save files and workspace settings there. The output ends with mocha's summary, runTests'
// "Exit code:" line, and a final line `N passed, M failed`; the exit code is non-zero on failure.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

const missing = ['extension.js', 'server.js'].filter((f) => !fs.existsSync(path.join(REPO, 'dist', f)));
if (missing.length > 0) {
  console.error(`[test:extension] dist/${missing.join(', dist/')} missing: run \`npm run build\` first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const launcher = path.join(HERE, 'launcher.mjs');
// runTests spawns vscodeExecutablePath directly (no shell): it needs its exec bit.
try {
  fs.accessSync(launcher, fs.constants.X_OK);
} catch {
  fs.chmodSync(launcher, 0o755);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ext-test-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });
const results = path.join(tmp, 'results.json');
const grep = process.argv.slice(2).join('|');

const started = Date.now();
let code;
try {
  code = await runTests({
    vscodeExecutablePath: process.env.GD_EXT_VSCODE || launcher,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(HERE, 'suite', 'index.js'),
    launchArgs: [
      workspace,
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`, // empty: only the extension under test
    ],
    extensionTestsEnv: {
      GD_EXT_RESULTS: results,
      GD_EXT_WORKSPACE: workspace,
      ...(grep ? { GD_EXT_GREP: grep } : {}),
    },
  });
} catch (e) {
  code = typeof e?.code === 'number' && e.code !== 0 ? e.code : 1;
  if (!(e?.name === 'TestRunFailedError' || /Test run failed/.test(String(e?.message)))) console.error(`[test:extension] ${e?.stack ?? e}`);
}

let summary;
try {
  summary = JSON.parse(fs.readFileSync(results, 'utf8'));
} catch {
  console.error('[test:extension] the suite reported no results (it did not start, or crashed before the end)');
  summary = { passed: 0, failed: 1 };
}
fs.rmSync(tmp, { recursive: true, force: true });
if (summary.failed > 0 && code === 0) code = 1;
console.log(`[test:extension] ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(code);
