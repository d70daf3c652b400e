// A small LSP client for the language-server tests: spawns `node dist/server.js --stdio` and
// talks to it over vscode-jsonrpc exactly as an editor does. Every wait is time-bounded, and
// the process is killed on teardown whatever happened.
//
//   const c = await LspClient.start();              // spawn + initialize + initialized
//   c.open(uri, text);                              // textDocument/didOpen (version 1)
//   const d = await c.diagnostics(uri, 1);          // the publishDiagnostics for that version
//   await c.request('textDocument/codeAction', {...});
//   await c.stop();                                 // shutdown + exit (kills if needed)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundled server; GO_DOCKERFILE_LSP_SERVER overrides it (e.g. to try a patched build). */
export const SERVER_JS = process.env.GO_DOCKERFILE_LSP_SERVER ? path.resolve(process.env.GO_DOCKERFILE_LSP_SERVER) : path.join(REPO_ROOT, 'dist', 'server.js');

/** Default bound for any single wait (a request, a publishDiagnostics, process exit). */
export const DEFAULT_TIMEOUT_MS = 10000;

/** What VS Code (roughly 1.9x) announces, trimmed to what matters to this server. */
export const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'], markdown: { parser: 'marked', version: '1.1.0' } },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  workspace: {
    applyEdit: true,
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ['create', 'rename', 'delete'],
      failureHandling: 'textOnlyTransactional',
      normalizesLineEndings: true,
      changeAnnotationSupport: { groupsOnLabel: true },
    },
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      honorsChangeAnnotations: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports', 'source.fixAll'],
        },
      },
    },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      insertTextMode: 2,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        preselectSupport: true,
        tagSupport: { valueSet: [1] },
        insertReplaceSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
        insertTextModeSupport: { valueSet: [1, 2] },
        labelDetailsSupport: true,
      },
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => i + 1) },
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) } },
    formatting: { dynamicRegistration: true },
    rangeFormatting: { dynamicRegistration: true },
    foldingRange: { dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true },
    semanticTokens: {
      dynamicRegistration: true,
      requests: { range: true, full: { delta: true } },
      tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator'],
      tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
      formats: ['relative'],
      overlappingTokenSupport: false,
      multilineTokenSupport: false,
    },
  },
};

/** Rejects after `ms` with a message naming what was awaited; always clears its timer. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Servers still running: killed if the test process exits without tearing them down. */
const live = new Set();
process.on('exit', () => {
  for (const proc of live) proc.kill('SIGKILL');
});

export class LspClient {
  /**
   * Spawns the server and completes the initialize handshake.
   * `serverJs`: another copy of the bundle (e.g. one installed without a file beside it).
   * @param {{ initializationOptions?: object, rootDir?: string, timeoutMs?: number, env?: Record<string, string>, serverJs?: string }} [opts]
   *   env: added to the server's environment
   */
  static async start(opts = {}) {
    const c = new LspClient(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.env, opts.serverJs);
    try {
      await c.initialize(opts);
    } catch (e) {
      c.kill();
      throw new Error(`${e.message}\n--- server stderr ---\n${c.stderr}`);
    }
    return c;
  }

  constructor(timeoutMs, env, serverJs = SERVER_JS) {
    if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`node esbuild.mjs\` first`);
    this.timeoutMs = timeoutMs;
    /** @type {Map<string, {version: number|undefined, diagnostics: any[]}[]>} every publishDiagnostics, per uri */
    this.published = new Map();
    this.waiters = new Set();
    this.logs = [];
    this.stderr = '';
    this.exited = false;
    this.exitCode = undefined;
    /** Versions this client sent, per uri (the editor's view of its documents). */
    this.versions = new Map();

    this.proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : process.env });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    // A write to a dead server must fail the test, not crash the runner.
    this.proc.stdin.on('error', () => {});
    live.add(this.proc);
    this.exitPromise = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        live.delete(this.proc);
        this.exited = true;
        this.exitCode = code ?? signal;
        const err = new Error(`server exited (${this.exitCode})\n--- server stderr ---\n${this.stderr}`);
        for (const w of this.waiters) w.reject(err);
        this.waiters.clear();
        resolve(this.exitCode);
      });
    });

    const reader = new StreamMessageReader(this.proc.stdout);
    // No partial-message timer: vscode-jsonrpc re-arms it every 10 s for as long as a message is
    // cut short, and a server stopped in the middle of one (a 14,000-line file's diagnostics)
    // left it running forever: the typing benchmark never exited after printing.
    reader.partialMessageTimeout = 0;
    this.conn = createMessageConnection(reader, new StreamMessageWriter(this.proc.stdin));
    this.conn.onError(() => {});
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => this.onPublish(p));
    this.conn.onNotification('window/logMessage', (p) => this.logs.push(p));
    this.conn.onNotification('window/showMessage', (p) => this.logs.push(p));
    this.conn.onNotification('$/logTrace', () => {});
    this.conn.onNotification('telemetry/event', () => {});
    this.statuses = [];
    this.conn.onNotification('goDockerfile/status', (p) => this.statuses.push(p));
    // Requests a server may send to an editor.
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'test client' }));
    this.conn.listen();
  }

  /** `initializationOptions` absent: `{ languageFeatures: 'on' }`; explicitly undefined: none sent. */
  async initialize(opts = {}) {
    const { rootDir } = opts;
    const initializationOptions = 'initializationOptions' in opts ? opts.initializationOptions : { languageFeatures: 'on' };
    const root = rootDir ? { rootUri: pathUri(rootDir), workspaceFolders: [{ uri: pathUri(rootDir), name: path.basename(rootDir) }] } : { rootUri: null, workspaceFolders: null };
    this.initializeResult = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'go-dockerfile-lsp-tests', version: '1.0.0' },
      locale: 'en',
      ...root,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions,
      trace: 'off',
    });
    this.notify('initialized', {});
    return this.initializeResult;
  }

  get capabilities() {
    return this.initializeResult?.capabilities;
  }

  onPublish(p) {
    const list = this.published.get(p.uri) ?? [];
    list.push({ version: p.version, diagnostics: p.diagnostics });
    this.published.set(p.uri, list);
    for (const w of [...this.waiters]) {
      if (w.match(p)) {
        this.waiters.delete(w);
        w.resolve(p);
      }
    }
  }

  /** Sends a request; rejects (and cancels it) after the timeout, or if the server dies. */
  request(method, params, timeoutMs = this.timeoutMs) {
    if (this.exited) return Promise.reject(new Error(`server exited (${this.exitCode}) before ${method}`));
    const cancel = new CancellationTokenSource();
    const answer = this.conn.sendRequest(method, params, cancel.token);
    const died = this.exitPromise.then((code) => {
      throw new Error(`server exited (${code}) during ${method}\n${this.stderr}`);
    });
    return withTimeout(Promise.race([answer, died]), timeoutMs, `the answer to ${method}`).catch((e) => {
      // What an editor does with a request it gave up on: $/cancelRequest.
      if (!this.exited) cancel.cancel();
      throw e;
    }).finally(() => cancel.dispose());
  }

  notify(method, params) {
    if (this.exited) throw new Error(`server exited (${this.exitCode}) before ${method}`);
    void this.conn.sendNotification(method, params);
  }

  open(uri, text, { version = 1, languageId = 'dockerfile' } = {}) {
    this.versions.set(uri, version);
    // A reopened document starts a new history: never answer with an earlier life's version 1.
    this.published.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return version;
  }

  /**
   * textDocument/didChange with incremental changes ({range, text}, applied in order, each
   * on the result of the previous one, as LSP says). Returns the new version.
   */
  change(uri, contentChanges, version = (this.versions.get(uri) ?? 0) + 1) {
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  close(uri) {
    this.versions.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The publishDiagnostics for `uri` at `version` (one already received, or the next one).
   * With version undefined: the next publish for the uri with no version (e.g. after close).
   */
  diagnostics(uri, version, timeoutMs = this.timeoutMs) {
    const seen = (this.published.get(uri) ?? []).find((p) => p.version === version && version !== undefined);
    if (seen) return Promise.resolve(seen.diagnostics);
    return this.nextPublish((p) => p.uri === uri && p.version === version, timeoutMs, `publishDiagnostics for ${uri} version ${version}`);
  }

  /**
   * The diagnostics of a publish for `uri`, after the first `skip` received for it, that satisfy
   * `pred`: one already received, or the next one. For publishes of one version that follow
   * each other (workspace rules arrive after the workspace is read).
   */
  diagnosticsWhere(uri, pred, { skip = 0, timeoutMs = this.timeoutMs } = {}) {
    const seen = (this.published.get(uri) ?? []).slice(skip).find((p) => pred(p.diagnostics));
    if (seen) return Promise.resolve(seen.diagnostics);
    return this.nextPublish((p) => p.uri === uri && pred(p.diagnostics), timeoutMs, `a publish for ${uri} matching ${pred}`);
  }

  /** How many publishes for `uri` have arrived (a `skip` for diagnosticsWhere). */
  publishCount(uri) {
    return (this.published.get(uri) ?? []).length;
  }

  /** The diagnostics of the next publish that `match`es. */
  nextPublish(match, timeoutMs, what) {
    if (this.exited) return Promise.reject(new Error(`server exited (${this.exitCode})\n${this.stderr}`));
    let waiter;
    const p = new Promise((resolve, reject) => {
      waiter = { match, resolve, reject };
      this.waiters.add(waiter);
    });
    return withTimeout(p, timeoutMs, what)
      .then((x) => x.diagnostics)
      .finally(() => this.waiters.delete(waiter));
  }

  /** shutdown + exit; kills the process if it does not exit in time. Never throws. */
  async stop() {
    if (this.exited) return this.exitCode;
    try {
      // The usual wait, not a shorter one: on a loaded machine a clean exit can take seconds, and
      // a kill here would fail the tests that check the exit code.
      await this.request('shutdown', null, DEFAULT_TIMEOUT_MS);
      this.notify('exit', null);
      // The server exits when it reads `exit`, which waits for the work already running (a first
      // analysis, a workspace read): seconds on a loaded machine.
      return await withTimeout(this.exitPromise, 15000, 'the server to exit');
    } catch {
      this.kill();
      return await withTimeout(this.exitPromise, 2000, 'the killed server to exit').catch(() => undefined);
    } finally {
      this.conn.dispose();
    }
  }

  /** Kills the server at once (teardown after a timeout, or a deliberately blocked server). */
  kill() {
    if (!this.exited) this.proc.kill('SIGKILL');
    try {
      this.conn.dispose();
    } catch {
      // already disposed
    }
  }
}

export function pathUri(p) {
  return pathToFileURL(p).href;
}
