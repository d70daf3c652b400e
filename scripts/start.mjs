#!/usr/bin/env node
// `npm start`: try the extension on samples/hello-go in an editor.
//
//   - builds dist/ when it is missing (`npm run build`, `npm run package`);
//   - with a desktop VS Code (`code` on PATH): opens the sample with this repository as the
//     extension under development;
//   - otherwise: installs the real-editor harness if needed (test/e2e/setup.sh) and serves VS Code
//     (code-server) on 127.0.0.1 with the packaged extension installed, until Ctrl+C.
//
// Options: --web (code-server even when `code` is on PATH), --port N (default 3000, or a free one; 8080 is left to the sample app).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(REPO, 'samples', 'hello-go');
const DIST = path.join(REPO, 'dist');
const VSIX = path.join(DIST, 'go-dockerfile.vsix');

const argv = process.argv.slice(2);
const web = argv.includes('--web');
const portArg = argv.indexOf('--port');
const port = portArg >= 0 ? Number(argv[portArg + 1]) : 3000;

function say(m) {
  console.log(`[start] ${m}`);
}

function npmRun(script) {
  say(`npm run ${script}`);
  const r = spawnSync('npm', ['run', script], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[start] npm run ${script} failed`);
    process.exit(r.status ?? 1);
  }
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const built = ['extension.js', 'server.js'].every((f) => fs.existsSync(path.join(DIST, f)));
if (!built) npmRun('build');

if (onPath('code') && !web) {
  say(`opening ${path.relative(REPO, SAMPLE)} in VS Code with this repository as the extension under development`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${REPO}`, SAMPLE], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

if (!built || !fs.existsSync(VSIX)) npmRun('package');

const { ensureSetup, startCodeServer } = await import('../test/e2e/lib/codeserver.mjs');
try {
  ensureSetup();
} catch (e) {
  console.error(`[start] ${e.message}`);
  process.exit(1);
}

let server;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping code-server');
  await server?.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

server = await startCodeServer({
  workspace: SAMPLE,
  vsix: VSIX,
  port,
  name: 'start',
  keepLogs: false,
  // The sample sits inside this repository: no prompt about the parent folder's git repository.
  settings: { 'git.openRepositoryInParentFolders': 'never' },
  log: say,
});
server.proc.on('exit', (code) => {
  if (!stopping) {
    console.error(`[start] code-server exited (${code}); its log: ${server.logFile}`);
    shutdown(1);
  }
});

say('');
say(`VS Code (code-server) with Go Dockerfile installed is at:`);
say(`  ${server.workbenchUrl}`);
say(`Open samples/hello-go/Dockerfile there to see the findings. Ctrl+C stops it.`);
