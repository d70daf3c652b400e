#!/usr/bin/env node
// `npm run test:e2e`: runs every test/e2e/*.e2e.mjs in a real VS Code workbench (code-server +
// headless chromium) with node's test runner, one file at a time.
//
//   npm run test:e2e                 all real-editor tests
//   npm run test:e2e -- gd104        only the files whose name contains "gd104"
//
// Needs dist/go-dockerfile.vsix (`npm run build && npm run package`). Installs the harness with
// setup.sh the first time. Screenshots and logs go to test/e2e/artifacts/.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ARTIFACTS_DIR, E2E_DIR, REPO_ROOT, VSIX_PATH, ensureSetup } from './lib/codeserver.mjs';

function fail(message) {
  console.error(`[e2e] ${message}`);
  process.exit(1);
}

if (!fs.existsSync(VSIX_PATH)) {
  fail(
    `${path.relative(REPO_ROOT, VSIX_PATH)} is missing: build and package the extension first ` +
      '(`npm run build && npm run package`).',
  );
}

try {
  ensureSetup();
} catch (e) {
  fail(e.message);
}

const filters = process.argv.slice(2);
const files = fs
  .readdirSync(E2E_DIR)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
  .map((f) => path.join(E2E_DIR, f));
if (files.length === 0) fail(`no test/e2e/*.e2e.mjs file matches ${JSON.stringify(filters)}`);

fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

console.log(`[e2e] extension: ${path.relative(REPO_ROOT, VSIX_PATH)}`);
console.log(`[e2e] tests: ${files.map((f) => path.relative(REPO_ROOT, f)).join(', ')}`);
console.log(`[e2e] screenshots and logs: ${path.relative(REPO_ROOT, ARTIFACTS_DIR)}/`);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
// Nothing printed after this: the output ends with node's test runner summary.
process.exit(r.status ?? 1);
