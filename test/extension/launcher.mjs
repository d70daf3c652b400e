#!/usr/bin/env node
// A stand-in for the VS Code executable, for `@vscode/test-electron`'s runTests():
//
//   runTests({ vscodeExecutablePath: 'test/extension/launcher.mjs', extensionDevelopmentPath,
//              extensionTestsPath, launchArgs: [workspaceFolder, ...], extensionTestsEnv })
//
// No desktop VS Code can be downloaded on these machines (see /work/shared/REAL-VSCODE.md), so
// this script runs the extension-host suite in code-server (VS Code's real workbench and remote
// extension host) instead:
//
//   1. reads the arguments runTests passes (`--extensionDevelopmentPath=`,
//      `--extensionTestsPath=`, `--user-data-dir=`, `--extensions-dir=`, the workspace folder;
//      desktop-only flags such as --no-sandbox are ignored);
//   2. starts code-server (Node 24 first on PATH) with `--vscode-option enable-smoke-test-driver`,
//      an EMPTY extensions dir, `--auth none`, on 127.0.0.1 and a free port;
//   3. opens the workbench in headless chromium with `?folder=…&payload=…` naming the extension
//      under development and the suite as vscode-remote URIs, after exposing
//      `codeAutomationLog` (the suite's output, printed here) and `codeAutomationExit`;
//   4. exits with the suite's exit code (0 all passed, 1 a failure), after stopping chromium and
//      code-server's process group (the extension host and the language server go with it).
//
// The environment this process gets (runTests merges extensionTestsEnv into it) is inherited by
// code-server and so by the extension host, as with a desktop VS Code.
//
// Environment: GD_EXT_TIMEOUT_MS (default 180000) ends a suite that never reports its exit;
// GD_EXT_ARTIFACTS (default test/extension/artifacts) receives code-server's and VS Code's logs
// when the suite fails; GD_EXT_VERBOSE=1 prints the workbench's own log lines too.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  DEFAULT_SETTINGS,
  codeServerArgs,
  HARNESS_BIN,
  ensureSetup,
  freePort,
  harnessEnv,
  killGroup,
  launchBrowser,
  waitForHealthz,
} from '../e2e/lib/codeserver.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = path.resolve(process.env.GD_EXT_ARTIFACTS || path.join(HERE, 'artifacts'));
const TIMEOUT_MS = Number(process.env.GD_EXT_TIMEOUT_MS) || 180_000;
const VERBOSE = process.env.GD_EXT_VERBOSE === '1';
/** Starts every console line of the extension host (suite/index.js adds it). */
const LOG_MARK = '\u2063[ext-host] ';

function say(m) {
  console.log(`[launcher] ${m}`);
}

// ---- 1. arguments -----------------------------------------------------------------------------

function parseArgs(argv) {
  const out = { developmentPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      out.folder ??= path.resolve(a);
      continue;
    }
    const [, name, inline] = m;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(name);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (name === 'extensionDevelopmentPath') out.developmentPaths.push(path.resolve(value));
    else if (name === 'extensionTestsPath') out.testsPath = path.resolve(value);
    else if (name === 'user-data-dir') out.userDataDir = path.resolve(value);
    else if (name === 'extensions-dir') out.extensionsDir = path.resolve(value);
    // anything else (--no-sandbox, --disable-updates, ...) is for a desktop VS Code
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.developmentPaths.length === 0 || !args.testsPath) {
  console.error('[launcher] usage: launcher.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR]');
  process.exit(2);
}

// ---- 2. code-server ---------------------------------------------------------------------------

try {
  ensureSetup(); // test/e2e/setup.sh when the harness is missing (idempotent)
} catch (e) {
  console.error(`[launcher] ${e.message}`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ext-launcher-'));
const userDataDir = args.userDataDir ?? path.join(tmp, 'ud');
const extensionsDir = args.extensionsDir ?? path.join(tmp, 'ext');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
if (fs.readdirSync(extensionsDir).length > 0) {
  // The web workbench only runs extensionDevelopmentPath/extensionTestsPath with no extension installed.
  console.error(`[launcher] the extensions dir ${extensionsDir} must be empty`);
  process.exit(1);
}
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
let userSettings = {};
try {
  userSettings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
} catch {
  /* none yet */
}
fs.writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...userSettings }, null, 2));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const logFile = path.join(tmp, 'code-server.log');
const out = fs.openSync(logFile, 'a');
const t0 = Date.now();
// detached: setsid, so one signal to the group ends code-server, the extension host and the
// language server.
const server = spawn(
  path.join(HARNESS_BIN, 'code-server'),
  codeServerArgs({ port, tmp, userDataDir, extensionsDir, extra: ['--vscode-option', 'enable-smoke-test-driver'], folder: args.folder }),
  {
    // harnessEnv: Node 24 first on PATH (code-server's shebang is `#!/usr/bin/env node`).
    env: harnessEnv({
      XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
      XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
      GD_EXT_LOG_MARK: LOG_MARK, // see suite/index.js
    }),
    detached: true,
    stdio: ['ignore', out, out],
  },
);
fs.closeSync(out);

let browser;
let finished = false;
async function finish(code, { keepLogs = code !== 0, vscodeLogs = [] } = {}) {
  if (finished) return;
  finished = true;
  await browser?.close().catch(() => {});
  await killGroup(server.pid, server);
  if (keepLogs) saveLogs(vscodeLogs);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    say(`${sig}: stopping`);
    void finish(130);
  });
}
process.on('exit', () => {
  // last resort: never leave code-server behind
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
});

const ARTIFACT_NAMES = ['code-server.log', 'server-logs', 'workbench-logs'];
// Logs of an earlier failed run would mislead: remove them (only what this script writes).
for (const n of ARTIFACT_NAMES) fs.rmSync(path.join(ARTIFACTS, n), { recursive: true, force: true });

function saveLogs(vscodeLogs) {
  try {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (fs.existsSync(logFile)) fs.copyFileSync(logFile, path.join(ARTIFACTS, 'code-server.log'));
    const logsDir = path.join(userDataDir, 'logs');
    if (fs.existsSync(logsDir)) fs.cpSync(logsDir, path.join(ARTIFACTS, 'server-logs'), { recursive: true });
    // The workbench's own logs (window, extension host as seen by the page), from codeAutomationExit.
    for (const { relativePath, contents } of vscodeLogs ?? []) {
      const dest = path.join(ARTIFACTS, 'workbench-logs', relativePath);
      if (!dest.startsWith(ARTIFACTS + path.sep)) continue;
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, contents);
    }
    say(`logs: ${path.relative(process.cwd(), ARTIFACTS) || ARTIFACTS}/`);
  } catch {
    /* logs are a convenience */
  }
}

try {
  await waitForHealthz(base, { proc: server });
} catch (e) {
  console.error(`[launcher] code-server did not start: ${e.message}`);
  console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
  await finish(1, { keepLogs: true });
}
if (VERBOSE) say(`code-server ready on ${base} in ${Date.now() - t0} ms`);

// ---- 3. the payload page ------------------------------------------------------------------------

/** A vscode-remote URI for a path on this machine; its authority must be the page's host:port. */
function remoteUri(p) {
  return `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
}

const payload = [
  ...args.developmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(p)]),
  ['extensionTestsPath', remoteUri(args.testsPath)],
];
const url = `${base}/?${args.folder ? `folder=${encodeURIComponent(args.folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;

/** Errors the workbench logs on every run here (no gallery, no GitHub sign-in): not worth showing. */
const KNOWN_NOISE = /^Error: \d+ tests? failed|ENOTFOUND open-vsx\.org|authentication provider 'github'|OverlayWebview has been disposed/;
const workbenchErrors = [];
let exitCode;
const timer = setTimeout(() => {
  console.error(`[launcher] the suite did not finish within ${TIMEOUT_MS} ms`);
  void finish(1, { keepLogs: true });
}, TIMEOUT_MS);

try {
  const b = await launchBrowser();
  browser = b.browser;
  const { page } = b;
  // The extension host's console (mocha's reporter) reaches the page's log service, which the
  // smoke-test driver hands to codeAutomationLog(level, message).
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = String(message);
    const at = text.indexOf(LOG_MARK);
    if (at >= 0) process.stdout.write(`${text.slice(at + LOG_MARK.length)}\n`);
    else if (VERBOSE) process.stdout.write(`[workbench ${level} +${Date.now() - t0} ms] ${text}\n`);
    else if (level === 'error' && !KNOWN_NOISE.test(text)) workbenchErrors.push(text.split('\n').slice(0, 6).join('\n'));
  });
  let onExit;
  const exited = new Promise((resolve) => (onExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code, logs) => onExit({ code, logs }));
  page.on('pageerror', (e) => VERBOSE && say(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const { code, logs } = await exited;
  exitCode = Number.isInteger(code) ? code : 1;
  clearTimeout(timer);
  if (VERBOSE) say(`suite exited with ${exitCode} after ${Date.now() - t0} ms`);
  if (exitCode !== 0 && workbenchErrors.length > 0) {
    // e.g. the suite failed to load, or the extension failed to activate
    say(`errors the workbench logged (last ${Math.min(5, workbenchErrors.length)}):`);
    for (const e of workbenchErrors.slice(-5)) console.log(`  ${e.replace(/\n/g, '\n  ')}`);
  }
  await finish(exitCode, { vscodeLogs: logs });
} catch (e) {
  clearTimeout(timer);
  console.error(`[launcher] ${e.stack ?? e}`);
  await finish(1, { keepLogs: true });
}
