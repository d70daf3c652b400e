// Real-editor test helpers: code-server (VS Code's real workbench and remote extension host)
// driven by Debian chromium through playwright-core. See test/e2e/README.md.
//
// Typical use in a test file (test/e2e/*.e2e.mjs):
//
//   const session = await openSession({ workspace: copyFixture('gd104'), name: 'gd104' });
//   await session.openFile('Dockerfile', 'FROM golang');
//   ...
//   await session.close();
//
// Everything waits on selectors or conditions with timeouts; nothing sleeps a fixed time.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = path.resolve(HERE, '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const HARNESS_DIR = path.join(E2E_DIR, 'harness');
export const HARNESS_BIN = path.join(HARNESS_DIR, 'node_modules', '.bin');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
export const FIXTURES_DIR = path.join(E2E_DIR, 'fixtures');
export const SETUP_SCRIPT = path.join(E2E_DIR, 'setup.sh');
// GD_E2E_VSIX: try the harness with another package (a developer's experiment); CI uses dist/.
export const VSIX_PATH = process.env.GD_E2E_VSIX
  ? path.resolve(process.env.GD_E2E_VSIX)
  : path.join(REPO_ROOT, 'dist', 'go-dockerfile.vsix');
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** Generous default for anything that waits on the language server. */
export const LONG_TIMEOUT = 60_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings for every session; a test may add or override some. */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
};

// ------------------------------------------------------------------------------------------------
// Setup

function stampValue() {
  const h = createHash('sha256');
  h.update(fs.readFileSync(path.join(HARNESS_DIR, 'package-lock.json')));
  h.update(fs.readFileSync(path.join(HARNESS_DIR, 'node24', 'package-lock.json')));
  return h.digest('hex');
}

/** True when setup.sh has installed the harness for the current lockfiles, and chromium exists. */
export function isSetupDone() {
  try {
    const stamp = fs.readFileSync(path.join(HARNESS_DIR, 'node_modules', '.setup-stamp'), 'utf8').trim();
    return (
      stamp === stampValue() &&
      fs.existsSync(path.join(HARNESS_BIN, 'code-server')) &&
      fs.existsSync(path.join(HARNESS_BIN, 'node')) &&
      fs.existsSync(CHROMIUM_PATH)
    );
  } catch {
    return false;
  }
}

/** Runs setup.sh (inheriting stdio) unless the harness is already installed. Throws on failure. */
export function ensureSetup() {
  if (isSetupDone()) return;
  console.log(`[e2e] harness not installed: running ${path.relative(process.cwd(), SETUP_SCRIPT) || SETUP_SCRIPT}`);
  const r = spawnSync('bash', [SETUP_SCRIPT], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`setup.sh failed (exit ${r.status ?? r.signal})`);
  if (!isSetupDone()) throw new Error('setup.sh finished but the harness is still not usable');
}

/** Environment for code-server: Node 24 first on PATH (its shebang is `#!/usr/bin/env node`). */
export function harnessEnv(extra = {}) {
  return { ...process.env, PATH: `${HARNESS_BIN}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

// ------------------------------------------------------------------------------------------------
// Small utilities

/** Resolves modules (playwright-core) from the harness's own node_modules. */
export const harnessRequire = createRequire(path.join(HARNESS_DIR, 'package.json'));

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** `preferred` when it is free on 127.0.0.1, otherwise a free port the OS picks. */
export async function freePort(preferred) {
  if (preferred && (await portIsFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * code-server's command line for a test: loopback only, no auth, no telemetry or update
 * checks, its own config, user data and extensions folders (shared by the UI tests and the
 * extension-host launcher).
 */
export function codeServerArgs({ port, tmp, userDataDir, extensionsDir, extra = [], folder, workspaceTrust = false }) {
  return [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(tmp, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust is off unless a test is about Restricted Mode.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extra,
    ...(folder ? [folder] : []),
  ];
}

/** Polls `fn` until it returns a truthy value; throws `message` after `timeout` ms. */
export async function waitUntil(fn, { timeout = LONG_TIMEOUT, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Copies `test/e2e/fixtures/<name>` to `<fresh temp folder>/<name>` and returns that path (the
 * workbench then shows the fixture's name as the folder's). Remove it with removeFixtureCopy().
 */
export function copyFixture(name) {
  const dest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-e2e-ws-')), name);
  fs.cpSync(path.join(FIXTURES_DIR, name), dest, { recursive: true });
  return dest;
}

/** Removes a copy made by copyFixture() (its temp parent folder too). */
export function removeFixtureCopy(dir) {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

/** Throws a clear error when the packaged extension is missing. */
export function requireVsix(vsix = VSIX_PATH) {
  if (!fs.existsSync(vsix)) {
    throw new Error(`${path.relative(REPO_ROOT, vsix)} is missing: run \`npm run build && npm run package\` first`);
  }
  return vsix;
}

// ------------------------------------------------------------------------------------------------
// code-server

/** Installs a .vsix into an extensions dir (takes about a second). */
export function installExtension(vsix, { extensionsDir, userDataDir, env = harnessEnv() }) {
  const r = spawnSync(
    path.join(HARNESS_BIN, 'code-server'),
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Waits for code-server's /healthz to answer 200. */
export async function waitForHealthz(baseUrl, { timeout = 30_000, proc } = {}) {
  await waitUntil(
    async () => {
      if (proc && proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}`);
      const res = await fetch(`${baseUrl}/healthz`).catch(() => null);
      return res?.ok ?? false;
    },
    { timeout, interval: 150, message: `${baseUrl}/healthz` },
  );
}

/**
 * Starts code-server on 127.0.0.1 with a temp user-data-dir and extensions-dir.
 *
 * options: workspace (folder to open), vsix (a path or a list; installed first), settings
 * (merged over DEFAULT_SETTINGS), port (preferred; a free one otherwise), args (extra
 * code-server arguments), name (logs are copied to artifacts/<name>-logs/ at stop unless
 * keepLogs is false), env (extra environment), workspaceTrust (leave workspace trust on, for
 * Restricted Mode tests; off by default), log (progress messages).
 * Returns { url, workbenchUrl, port, pid, tmp, userDataDir, extensionsDir, logFile, stop() }.
 */
export async function startCodeServer({
  workspace,
  vsix = [],
  settings = {},
  port,
  args = [],
  name = 'code-server',
  keepLogs = true,
  env: extraEnv = {},
  workspaceTrust = false,
  log = () => {},
} = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-e2e-cs-'));
  const userDataDir = path.join(tmp, 'ud');
  const extensionsDir = path.join(tmp, 'ext');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  // Keep code-server's own config and data out of the real home.
  const env = harnessEnv({
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    ...extraEnv,
  });

  for (const v of [].concat(vsix)) {
    const t0 = Date.now();
    installExtension(v, { extensionsDir, userDataDir, env });
    log(`installed ${path.basename(v)} in ${Date.now() - t0} ms`);
  }

  const chosenPort = await freePort(port);
  const url = `http://127.0.0.1:${chosenPort}`;
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const csArgs = codeServerArgs({ port: chosenPort, tmp, userDataDir, extensionsDir, extra: args, folder: workspace, workspaceTrust });
  // detached: setsid, so the extension host and the language server form one process group
  // that stop() ends with one signal.
  const proc = spawn(path.join(HARNESS_BIN, 'code-server'), csArgs, {
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const pid = proc.pid;
  registerForExit(pid);

  let stopped = false;
  const stop = async ({ keepTmp = !!process.env.E2E_KEEP_TMP } = {}) => {
    if (stopped) return;
    stopped = true;
    await killGroup(pid, proc);
    unregisterForExit(pid);
    if (keepLogs) copyLogs({ name, tmp, logFile, userDataDir });
    if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const t0 = Date.now();
    await waitForHealthz(url, { proc });
    log(`code-server ready on ${url} in ${Date.now() - t0} ms`);
  } catch (e) {
    const tail = safeRead(logFile).split('\n').slice(-40).join('\n');
    await stop({ keepTmp: true });
    throw new Error(`${e.message}\n--- code-server log (${logFile}) ---\n${tail}`);
  }

  const workbenchUrl = workspace ? `${url}/?folder=${encodeURIComponent(workspace)}` : url;
  return { url, workbenchUrl, port: chosenPort, pid, proc, tmp, userDataDir, extensionsDir, logFile, stop };
}

function safeRead(f) {
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    return '';
  }
}

/** Copies code-server's log and VS Code's logs (extension host, output channels) to artifacts/. */
function copyLogs({ name, logFile, userDataDir }) {
  try {
    const dest = path.join(ARTIFACTS_DIR, `${name}-logs`);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(dest, { recursive: true });
    if (fs.existsSync(logFile)) fs.copyFileSync(logFile, path.join(dest, 'code-server.log'));
    const vsLogs = path.join(userDataDir, 'logs');
    if (fs.existsSync(vsLogs)) fs.cpSync(vsLogs, path.join(dest, 'vscode'), { recursive: true });
  } catch {
    // logs are a convenience; never fail a test over them
  }
}

const liveGroups = new Set();
let exitHookInstalled = false;
function registerForExit(pid) {
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if a test crashes before its stop(): never leave code-server behind.
  process.on('exit', () => {
    for (const p of liveGroups) {
      try {
        process.kill(-p, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
  // Signals end the process through the 'exit' hook above, unless the caller handles them.
  for (const sig of ['SIGINT', 'SIGTERM']) {
    if (process.listenerCount(sig) === 0) process.once(sig, () => process.exit(130));
  }
}
function unregisterForExit(pid) {
  liveGroups.delete(pid);
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group, SIGKILL after 5 s if anything is left. */
export async function killGroup(pid, proc) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  try {
    await waitUntil(() => !groupAlive(pid), { timeout: 5_000, interval: 100, message: 'code-server to stop' });
  } catch {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    await waitUntil(() => !groupAlive(pid), { timeout: 5_000, interval: 100, message: 'code-server to die' }).catch(() => {});
  }
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    await new Promise((r) => {
      proc.once('exit', r);
      setTimeout(r, 2_000).unref();
    });
  }
}

// ------------------------------------------------------------------------------------------------
// Browser

/** Launches headless Debian chromium through playwright-core; returns { browser, context, page }. */
export async function launchBrowser({ viewport = { width: 1440, height: 900 } } = {}) {
  const { chromium } = harnessRequire('playwright-core');
  // Chromium's crash reporter writes under XDG_CONFIG_HOME whatever the profile: keep it in a temp dir.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-e2e-browser-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
  });
  browser.on('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}

/** Opens the workbench and waits until the explorer shows `readyFile` (a file in the workspace). */
export async function openWorkbench(page, workbenchUrl, { readyFile, timeout = LONG_TIMEOUT } = {}) {
  await page.goto(workbenchUrl, { waitUntil: 'domcontentloaded', timeout });
  await page.locator('.monaco-workbench').waitFor({ timeout });
  if (readyFile) await explorerRow(page, readyFile).waitFor({ timeout });
}

function cssString(s) {
  return JSON.stringify(String(s));
}

/** The explorer row of a top-level file or folder. */
export function explorerRow(page, name) {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label^=${cssString(name)}]`).first();
}

/** The text area of the active editor. */
export function activeEditorLines(page) {
  return page.locator('.editor-instance .monaco-editor .view-lines').first();
}

/** Double-clicks a file in the explorer; waits for the editor to show `expectText`. */
export async function openFileFromExplorer(page, name, expectText, { timeout = LONG_TIMEOUT } = {}) {
  await explorerRow(page, name).dblclick({ timeout });
  const lines = page.locator('.editor-instance .monaco-editor .view-lines', expectText ? { hasText: expectText } : {});
  await lines.first().waitFor({ timeout });
  await page.locator(`.tabs-container .tab.active[aria-label^=${cssString(name)}]`).first().waitFor({ timeout });
}

/** Focuses the active editor (Control+1: first editor group) and waits for its text focus. */
export async function focusEditor(page, { timeout = 30_000 } = {}) {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout });
}

/** Runs a command palette command by its full title ("Category: Title"). */
export async function runCommand(page, title, { timeout = 30_000 } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout });
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: title })
    .first()
    .waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
}

/** Moves the cursor of the active editor with Control+G; waits for the status bar to agree. */
export async function goToLine(page, line, col = 1, { timeout = 30_000 } = {}) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout });
  await input.fill(`:${line}:${col}`);
  await page.locator('.quick-input-widget', { hasText: String(line) }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  await page
    .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${col}\\b`) })
    .first()
    .waitFor({ timeout });
}

/**
 * Opens the quick-fix menu (Control+.) at the cursor and picks the first action whose title
 * matches `title` (string or RegExp). Retries while the language server has not answered yet.
 * Returns the action's text.
 */
export async function applyQuickFix(page, title, { timeout = LONG_TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  const rows = page.locator('.action-widget .monaco-list-row');
  for (;;) {
    await page.keyboard.press('Control+.');
    const wanted = rows.filter({ hasText: title }).first();
    try {
      await wanted.waitFor({ timeout: Math.min(10_000, Math.max(1_000, deadline - Date.now())) });
      const text = (await wanted.innerText()).trim();
      await wanted.click();
      await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      return text;
    } catch (e) {
      if (Date.now() > deadline) {
        const seen = await rows.allInnerTexts().catch(() => []);
        throw new Error(`no quick fix matching ${title} (menu showed: ${JSON.stringify(seen)}): ${e.message}`);
      }
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Lists the actions the quick-fix menu offers at the cursor, then closes it. Retries until the
 * menu has rows (and, with `expect`, a row matching it) or `timeout` passes; returns what it saw.
 */
export async function listQuickFixes(page, { expect, timeout = LONG_TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  const rows = page.locator('.action-widget .monaco-list-row');
  let texts = [];
  for (;;) {
    await page.keyboard.press('Control+.');
    try {
      await rows.first().waitFor({ timeout: Math.min(5_000, Math.max(1_000, deadline - Date.now())) });
      texts = (await rows.allInnerTexts()).map((t) => t.trim());
    } catch {
      texts = [];
    }
    await page.keyboard.press('Escape');
    const ok = texts.length > 0 && (!expect || texts.some((t) => (expect instanceof RegExp ? expect.test(t) : t.includes(expect))));
    if (ok || Date.now() > deadline) return texts;
    await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  }
}

/** Shows the Problems panel (Control+Shift+M toggles, so only when it is not visible). */
export async function openProblems(page, { timeout = 30_000 } = {}) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.first().isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.first().waitFor({ state: 'visible', timeout });
}

/** The Problems panel row locator, optionally filtered by text (e.g. a rule code). */
export function problemRows(page, hasText) {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return hasText ? rows.filter({ hasText }) : rows;
}

/** The texts of the Problems panel's rendered rows (file rows and finding rows). */
export async function readProblems(page) {
  return (await problemRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Texts of the notification toasts on screen. */
export async function readNotifications(page) {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/** Saves a screenshot to test/e2e/artifacts/<name>.png, prints and returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`[e2e] screenshot: ${path.relative(process.cwd(), file)}`);
  return file;
}

// ------------------------------------------------------------------------------------------------
// One call for a test: code-server + browser + workbench

/**
 * Starts code-server on `workspace` with `vsix` installed, opens the workbench in chromium and
 * waits for the explorer to show `readyFile`. Returns
 * { server, browser, page, workspace, shot(name), close() }; close() always stops everything and
 * takes a `<name>-last` screenshot first when `failed` is passed.
 */
export async function openSession({
  workspace,
  vsix = requireVsix(),
  settings,
  name = 'e2e',
  readyFile,
  workspaceTrust = false,
  log = (m) => console.log(`[e2e] ${m}`),
} = {}) {
  ensureSetup();
  const server = await startCodeServer({ workspace, vsix, settings, name, log, workspaceTrust });
  let browser;
  try {
    const b = await launchBrowser();
    browser = b.browser;
    const { page } = b;
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await openWorkbench(page, server.workbenchUrl, { readyFile });
    log('workbench ready');
    const close = async ({ failed = false } = {}) => {
      if (failed) {
        // What the page showed when the test failed: a screenshot, the Problems rows, toasts.
        await screenshot(page, `${name}-last`).catch(() => {});
        log(`Problems at failure: ${JSON.stringify(await readProblems(page).catch(() => []))}`);
        log(`notifications at failure: ${JSON.stringify(await readNotifications(page).catch(() => []))}`);
        log(`logs: ${path.relative(process.cwd(), path.join(ARTIFACTS_DIR, `${name}-logs`))}/`);
      }
      await browser.close().catch(() => {});
      await server.stop();
    };
    return { server, browser, page, workspace, shot: (n) => screenshot(page, n), close };
  } catch (e) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw e;
  }
}
