// Shared helpers for the extension-host tests: output, waiting (no fixed sleeps except the
// "diagnostics stayed unchanged for a while" settle), fixture files, diagnostics, settings.
'use strict';

const fs = require('fs');
const path = require('path');
const util = require('util');
const vscode = require('vscode');

const EXTENSION_ID = 'go-dockerfile.go-dockerfile';
const SOURCE = 'go-dockerfile';

/** A line of output (printf-style arguments), visible whether the suite runs in code-server or a desktop VS Code. */
function log(...args) {
  console.log((process.env.GD_EXT_LOG_MARK ?? '') + util.format(...args));
}

/** Polls `fn` until it returns a truthy value (returned); throws after `timeout` ms. */
async function waitFor(fn, { timeout = 20_000, interval = 100, message = 'a condition' } = {}) {
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

/** The fixture workspace folder (a temp copy of test/extension/workspace). */
function workspaceUri() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

function fileUri(relative) {
  return vscode.Uri.joinPath(workspaceUri(), ...relative.split('/'));
}

/** The text of a workspace file as saved on disk. */
function readOnDisk(relative) {
  return fs.readFileSync(fileUri(relative).fsPath, 'utf8');
}

/** Writes a workspace file on disk (through the workspace file system). */
async function writeFile(relative, text) {
  await vscode.workspace.fs.writeFile(fileUri(relative), Buffer.from(text, 'utf8'));
}

/** Opens a workspace file in an editor; asserts VS Code took it for a Dockerfile. */
async function openDockerfile(relative) {
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  if (doc.languageId !== 'dockerfile') throw new Error(`${relative} opened as ${doc.languageId}, not dockerfile`);
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

/** The rule code of a diagnostic: `d.code` is a string or `{ value, target }`. */
function codeOf(d) {
  return d.code && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** This extension's diagnostics for a document. */
function ourDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(diags) {
  return JSON.stringify(diags.map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line + 1}: ${d.message}`));
}

/** Waits for a diagnostic of ours with `code` on `uri`; returns it. */
async function waitForDiagnostic(uri, code, { timeout = 20_000 } = {}) {
  try {
    return await waitFor(() => ourDiagnostics(uri).find((d) => codeOf(d) === code), { timeout, message: `${code} on ${path.basename(uri.fsPath)}` });
  } catch (e) {
    throw new Error(`${e.message}; diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`);
  }
}

/** Waits until no diagnostic of ours with `code` is on `uri`. */
async function waitForNoDiagnostic(uri, code, { timeout = 20_000 } = {}) {
  try {
    await waitFor(() => !ourDiagnostics(uri).some((d) => codeOf(d) === code), { timeout, message: `${code} to go away from ${path.basename(uri.fsPath)}` });
  } catch (e) {
    throw new Error(`${e.message}; diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`);
  }
}

/**
 * Counts diagnostics change events per uri from now on. `settled(uri)` resolves once at least
 * `minEvents` events for `uri` arrived and then none for `quietMs` (the server publishes more
 * than once while the Go workspace loads; there is no "analysis finished" signal to wait on).
 */
function watchDiagnostics() {
  const events = new Map();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const u of e.uris) {
      const k = u.toString();
      const entry = events.get(k) ?? { count: 0, last: 0 };
      entry.count++;
      entry.last = Date.now();
      events.set(k, entry);
    }
  });
  const count = (uri) => events.get(uri.toString())?.count ?? 0;
  return {
    count,
    /** Waits until `uri` had at least `n` change events. */
    atLeast: (uri, n, { timeout = 15_000 } = {}) =>
      waitFor(() => count(uri) >= n, { timeout, message: `${n} diagnostics change event(s) for ${path.basename(uri.fsPath)}` }),
    settled: (uri, { minEvents = 1, quietMs = 3_000, timeout = 30_000 } = {}) =>
      waitFor(
        () => {
          const e = events.get(uri.toString());
          return e && e.count >= minEvents && Date.now() - e.last >= quietMs;
        },
        { timeout, message: `diagnostics of ${path.basename(uri.fsPath)} to settle` },
      ),
    dispose: () => sub.dispose(),
  };
}

/** Updates a setting in the workspace's .vscode/settings.json (undefined removes it). */
async function setWorkspaceSetting(section, key, value, languageId) {
  const config = vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  await config.update(key, value, vscode.ConfigurationTarget.Workspace, languageId ? true : undefined);
}

/** Saves what is dirty (so closing asks nothing) and closes every editor. */
async function closeAll() {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  log,
  waitFor,
  workspaceUri,
  fileUri,
  readOnDisk,
  writeFile,
  openDockerfile,
  codeOf,
  ourDiagnostics,
  describeDiagnostics,
  waitForDiagnostic,
  waitForNoDiagnostic,
  watchDiagnostics,
  setWorkspaceSetting,
  closeAll,
};
