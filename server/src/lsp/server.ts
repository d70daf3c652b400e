/**
 * LSP wiring only: documents in, diagnostics and code actions out. Every answer comes from
 * the core (analysis.ts, fixes/); nothing here understands Dockerfiles.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  DiagnosticSeverity,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type CreateFile,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { localPath } from '../driver/uris';
import { readRegularFile } from '../workspace/safeRead';
import { analyzeText, initAnalysis, type Analysis } from '../analysis';
import { fixAll, minimalEdit } from '../fixes/fixAll';
import { ignoreForInstruction } from '../fixes/ignore';
import { sanitizeRulesConfig, type RulesConfig } from '../rules/config';
import { analysisOptions } from '../driver/inputs';
import { RULES_BY_CODE } from '../rules/registry';
import type { Fix, Finding } from '../rules/types';
import { LineTable } from '../dockerfile/text';
import { shellParserReady, ShellParserNotReady } from '../dockerfile/shell';
import type { DockerfileModel } from '../dockerfile/model';
import type { Edit } from '../edits/edits';
import { SOURCE, toDiagnostic, toRange, toTextEdit } from './convert';
import { omittedMessage, selectForPublishing } from './publishLimit';
import { languageFeatureCapabilities, registerLanguageFeatures } from './languageFeatures';
import { SyntaxChecker } from './syntaxCheck';
import { overLimit } from '../dockerfile/limits';
import { WorkspaceIndex } from './workspaces';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { GenerateError } from '../generate/types';
import { handleGenerateRequest } from '../driver/generateRequest';
import { awaitWorkspace, layersForRequest } from '../driver/layersRequest';
import { GENERATE_REQUEST, LAYERS_REQUEST, STATUS_NOTIFICATION, type GenerateParams, type LayersParams } from '../protocol';
import { registerLayerFeatures } from './layerFeatures';
import { documentPlan, idlePlan, warmUp, WARM_UP_IDLE_MS } from './warmUp';

declare const VERSION: string | undefined;

export { STATUS_NOTIFICATION };

export const FIX_ALL_KIND = 'source.fixAll.go-dockerfile';
const FIX_ALL_TITLE = 'Fix all go-dockerfile findings';

interface Settings {
  languageFeatures: 'on' | 'off';
  rules: RulesConfig;
  buildContext?: string;
  /** Inlay hints with layer sizes (`goDockerfile.layerHints`, on by default). */
  layerHints?: boolean;
  /** The stage built as the image (`docker build --target`): checked as the final image in files that have it. */
  target?: string;
}

interface CacheEntry extends Analysis {
  version: number;
}

/** The library's syntax diagnostics of a document, computed in a worker thread (syntaxCheck.ts). */
interface SyntaxEntry {
  version: number;
  diagnostics: Diagnostic[];
}

/**
 * How long the document must be left alone before the library's syntax check is asked for: a
 * second whole-file parse (as long as a publish at 1,400 lines, longer at 14,000). It runs in
 * its own thread, but shares the machine's cores with our analysis, so it waits for a pause.
 */
const SYNTAX_IDLE_MS = 200;

/**
 * Quiet time after an edit before analysing: a quarter of the last analysis's time, between 4
 * and 15 ms (a slow analysis, on a big file or a busy machine, has more keystrokes behind it).
 * It stays below the interval between a fast typist's keys (30 ms): a longer wait is restarted
 * by every key and only the bound in schedule() ends it (at 14,000 lines, a 30 ms wait bounded
 * to ten of them answered some keys 300 ms late).
 */
const settleMs = (lastAnalysisMs: number) => Math.min(15, Math.max(4, lastAnalysisMs / 4));

/** What a fix-all code action offered without its edit carries, for codeAction/resolve. */
interface FixAllData {
  fixAll: { uri: string; version: number };
}


/**
 * `firstAnswer`: called once, after the first diagnostics are sent. `warmingUp`: called when the
 * idle warm-up (warmUp.ts) starts, `warmedUp` once it has run to its end, if it did.
 */
export function startServer(connection: Connection, hooks: { firstAnswer?: () => void; warmingUp?: () => void; warmedUp?: () => void } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, CacheEntry>();
  /** The last model of each document (kept when findings are invalidated): the next parse starts from it. */
  const models = new Map<string, DockerfileModel>();
  /** Documents whose answer is on its way (see schedule), with a token per request of it. */
  const pending = new Map<string, object>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** When the oldest edit not yet answered arrived, per document. */
  const pendingSince = new Map<string, number>();
  /** How long the last analysis of each document took. */
  const lastAnalysisMs = new Map<string, number>();
  /** Edits applied per document: schedule waits for a turn of the event loop without one. */
  const edits = new Map<string, number>();
  const syntax = new Map<string, SyntaxEntry>();
  const syntaxTimers = new Map<string, NodeJS.Timeout>();
  /** The version of each document whose syntax check was asked for (a re-publish of it, after the workspace was read, asks no second time). */
  const syntaxAsked = new Map<string, number>();
  const log = (m: string) => {
    try {
      connection.console.log(m);
    } catch {
      // The connection is closed (the client went away): nothing to tell, and a throw here, from
      // the handlers below or a timer, would end the process.
    }
  };
  // Last line of defence: an exception escaping a timer or a promise must not end the server.
  process.on('uncaughtException', (e) => log(`internal error: ${e instanceof Error ? e.stack : String(e)}`));
  process.on('unhandledRejection', (e) => log(`internal error: ${e instanceof Error ? e.stack : String(e)}`));
  /** Resolves once the last diagnostics sent are written (the connection writes in a later turn). */
  let written: Promise<unknown> = Promise.resolve();
  const workspaces = new WorkspaceIndex(log, (root) => {
    // A context was read or changed: re-lint the open Dockerfiles that build from it.
    for (const d of documents.all()) {
      if (workspaces.rootOf(d.uri, settings.buildContext) !== root) continue;
      cache.delete(d.uri);
      schedule(d, 0);
    }
    layerFeatures.refresh();
  }, (status) => void connection.sendNotification(STATUS_NOTIFICATION, status), () => written);
  let settings: Settings = { languageFeatures: 'on', rules: {} };
  /** The library's syntax check, when the general features are on. */
  let syntaxCheck: SyntaxChecker | undefined;
  /** Commands the client implements (our VS Code client: goDockerfile.generate). */
  let clientCommands = new Set<string>();
  let inlayHintRefresh = false;
  /** The client resolves a code action's edit later (codeAction/resolve): fix-all is computed only when chosen. */
  let resolveEdits = false;
  // The shell grammar: loaded once something waits for it (a script that needs it, a request
  // that may) or once the first diagnostics are out. Not at the start: compiling and
  // instantiating its WebAssembly held the main thread and a core while the first analysis ran.
  let grammar: Promise<void> | undefined;
  const ready: PromiseLike<void> = { then: (ok, fail) => (grammar ??= initAnalysis()).then(ok, fail) };
  const layerFeatures = registerLayerFeatures(connection, {
    documents,
    modelOf: (doc) => analysisOf(doc).model,
    workspaceOf: (uri) => workspaces.forDocument(uri, settings.buildContext),
    folders: () => workspaces.folders,
    enabled: () => settings.layerHints !== false,
    ready,
    log,
    canRefresh: () => inlayHintRefresh,
    settled,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as Partial<Settings> & { languageFeatures?: string };
    settings = readSettings(opts, settings);
    const commands = (params.initializationOptions as { commands?: unknown } | undefined)?.commands;
    clientCommands = new Set(Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : []);
    inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    resolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
    workspaces.folders = (Array.isArray(params.workspaceFolders) ? params.workspaceFolders : []).map((f) => localPath(f?.uri)).filter((f): f is string => f !== undefined);
    const capabilities: InitializeResult['capabilities'] = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      ...(settings.languageFeatures === 'on' ? languageFeatureCapabilities() : {}),
      ...layerFeatures.capabilities(),
    };
    // Hover: a FROM's image facts first, else the general Dockerfile hover.
    if (settings.languageFeatures === 'on') {
      registerLanguageFeatures(connection, documents, log, layerFeatures.hover, settled);
      // The thread's bundle lies beside this one (dist/).
      syntaxCheck = new SyntaxChecker(path.join(__dirname, 'syntax-worker.js'), log);
    } else connection.onHover(layerFeatures.hover);
    return { capabilities, serverInfo: { name: 'go-dockerfile', version: typeof VERSION === 'string' ? VERSION : '0.0.0-dev' } };
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { goDockerfile?: unknown } | undefined)?.goDockerfile;
    if (!s) return;
    settings = readSettings(s as Partial<Settings>, settings);
    cache.clear();
    for (const d of documents.all()) schedule(d, 0);
    layerFeatures.refresh();
  });

  /** The analysis inputs of a document (driver/inputs.ts, as the CLI and the self-check get them). */
  const inputsOf = (uri: string) => analysisOptions({ workspace: workspaces.forDocument(uri, settings.buildContext), dockerfilePath: localPath(uri), repositoryRules: workspaces.rulesConfigFor(uri), settings: settings.rules, target: settings.target, contextGiven: workspaces.contextGiven(uri, settings.buildContext), ownWorkspace: () => workspaces.forDocument(uri) });

  connection.onDidChangeWatchedFiles((params) => {
    workspaces.filesChanged(params.changes.map((c) => c.uri));
  });

  /** One analysis per document version. */
  function analysisOf(doc: TextDocument): CacheEntry {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    // Given up to the parse (its instructions move into the new model): if this throws, the next starts afresh.
    // Date.now, not performance.now: Node loads perf_hooks on the first use of `performance`,
    // milliseconds on the path of the first diagnostics after opening a file.
    const started = Date.now();
    const previous = hit?.model ?? models.get(doc.uri);
    models.delete(doc.uri);
    // The previous version's per-stage findings: only from a cache entry, which goes when the
    // workspace or the settings change (the findings of every stage may change then).
    const a = analyzeText(doc.getText(), {
      ...inputsOf(doc.uri),
      onRuleError: (code, e) => log(`rule ${code} failed: ${e instanceof Error ? e.stack : String(e)}`),
    }, previous, hit?.stageFindings);
    lastAnalysisMs.set(doc.uri, Date.now() - started);
    const entry = { ...a, version: doc.version };
    cache.set(doc.uri, entry);
    models.set(doc.uri, a.model);
    return entry;
  }

  /**
   * Publishes for the newest version only, once the edits that arrived meanwhile are applied.
   * Two waits: a quiet time after the last edit (settleMs, bounded to four of them while edits
   * keep coming), so that a fast typist's keystrokes share one analysis instead of each costing
   * one; then a turn of the event loop in which no edit of the document was applied. The
   * connection hands over one message per turn, so after a long analysis the keystrokes queued
   * behind it take as many turns; analysing before they are all in would answer a version
   * already superseded, and keep doing so while the queue grows (a slow pass on a busy
   * machine then never catches up).
   */
  function schedule(doc: TextDocument, delay = settleMs(lastAnalysisMs.get(doc.uri) ?? 0)): void {
    const uri = doc.uri;
    const first = pendingSince.get(uri) ?? Date.now();
    pendingSince.set(uri, first);
    const token = {};
    pending.set(uri, token);
    const current = () => pending.get(uri) === token;
    const quiet = (seen: number) => setImmediate(() => {
      if (!current()) return;
      const now = edits.get(uri) ?? 0;
      if (now !== seen) return quiet(now);
      pending.delete(uri);
      pendingSince.delete(uri);
      publish(uri).catch((e: unknown) => log(`publishing ${String(uri)} failed: ${e instanceof Error ? e.stack : String(e)}`));
    });
    clearTimeout(timers.get(uri));
    const wait = Math.max(0, Math.min(delay, first + 4 * delay - Date.now()));
    // The count is taken inside a turn: the edit being applied now is not mistaken for a later one.
    timers.set(uri, setTimeout(() => current() && quiet(edits.get(uri) ?? 0), wait));
  }

  /**
   * Resolves once no answer is pending for the document, a turn later (a cancellation that
   * arrived meanwhile is then read): requests for whole-file passes wait for it.
   */
  async function settled(uri: string): Promise<void> {
    do await new Promise((r) => setImmediate(r));
    while (pending.has(uri));
  }

  async function publish(uri: string): Promise<void> {
    // An analysis does not wait for the grammar (loaded after the first diagnostics): plain
    // scripts are read without it, and a script that needs it says so.
    if (!shellParserReady() && !needsGrammar(uri)) return finishPublish(uri);
    await ready;
    return finishPublish(uri);
  }

  /** Analyses the document without the grammar; true when a script needs it (nothing is published then). */
  function needsGrammar(uri: string): boolean {
    const doc = documents.get(uri);
    if (!doc) return false;
    try {
      analysisOf(doc);
    } catch (e) {
      if (e instanceof ShellParserNotReady) return true;
      // Anything else: sendDiagnostics analyses again, logs it and publishes what it has.
    }
    return false;
  }

  function finishPublish(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    sendDiagnostics(doc, syntaxOf(doc));
    if (syntaxCheck) scheduleSyntax(doc);
  }

  /**
   * Our findings for the document's version, plus the syntax diagnostics given: as many as an
   * editor shows (lsp/publishLimit.ts), only those converted.
   */
  function sendDiagnostics(doc: TextDocument, syntaxDiagnostics: Diagnostic[]): void {
    let findings: readonly Finding[] = [];
    let lines: LineTable | undefined;
    let over: Diagnostic | undefined;
    try {
      const a = analysisOf(doc);
      findings = a.findings;
      lines = a.model.lines;
      const limit = a.model.notAnalysed;
      // Over a size limit: why, instead of findings (the syntax check skips such a text too).
      if (limit) over = { range: toRange(lines, limit.span), severity: DiagnosticSeverity.Warning, source: SOURCE, message: `Not analysed: ${limit.reason}.` };
    } catch (e) {
      // Bad input must never take the server down: log it and publish what we have.
      log(`analysis of ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
    const items: (Finding | Diagnostic)[] = (findings as (Finding | Diagnostic)[]).concat(syntaxDiagnostics);
    const { kept, omitted, firstOmitted } = selectForPublishing(items, publishRank);
    const convert = (x: Finding | Diagnostic): Diagnostic => (isFinding(x) ? toDiagnostic(lines!, x) : x);
    const diagnostics = kept.map(convert);
    if (firstOmitted) diagnostics.push({ range: convert(firstOmitted).range, severity: DiagnosticSeverity.Information, source: SOURCE, message: omittedMessage(omitted) });
    if (over) diagnostics.push(over);
    written = connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics }).catch(() => undefined);
    if (!grammar) void written.then(() => ready).then(undefined, (e: unknown) => log(`loading the shell grammar failed: ${e instanceof Error ? e.stack : String(e)}`));
    const first = hooks.firstAnswer;
    hooks.firstAnswer = undefined;
    first?.();
    warmTyping(doc.uri);
  }

  /**
   * The syntax diagnostics to show with our findings now: this version's when computed, else
   * the last ones (kept inside the document) until the check has run again: no flicker while
   * typing, and the library's pass stays off the path of every keystroke.
   */
  function syntaxOf(doc: TextDocument): Diagnostic[] {
    const s = syntax.get(doc.uri);
    if (!s) return [];
    return s.version === doc.version ? s.diagnostics : s.diagnostics.map((d) => ({ ...d, range: clampRange(doc, d.range) }));
  }

  /**
   * The library's check is asked for once the document has been left alone for SYNTAX_IDLE_MS
   * and our findings for its version are out: every edit postpones it (see onDidChangeContent).
   * It runs in a worker thread (syntaxCheck.ts), so a keystroke arriving meanwhile is answered at
   * once; the check's answer is used only if the document is still at that version (a newer
   * version's publish asks again), and published only when what the editor shows changes.
   */
  function scheduleSyntax(doc: TextDocument): void {
    if (syntax.get(doc.uri)?.version === doc.version) return;
    clearTimeout(syntaxTimers.get(doc.uri));
    syntaxTimers.set(doc.uri, setTimeout(() => {
      syntaxTimers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current || !syntaxCheck) return;
      // An edit is waiting for its findings: that publish schedules the check again.
      if (pending.has(current.uri)) return;
      const { uri, version } = current;
      if (syntaxAsked.get(uri) === version) return;
      syntaxAsked.set(uri, version);
      const text = current.getText();
      // Over the analysis limits (a 5 MB line): not sent to the library at all.
      if (overLimit(text)) return applySyntax(uri, version, []);
      syntaxCheck.check(uri, version, text).then(
        (diagnostics) => diagnostics && applySyntax(uri, version, diagnostics),
        (e: unknown) => log(`syntax check of ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`),
      );
    }, SYNTAX_IDLE_MS));
  }

  /** The check's answer for a version: kept and published only while the document is at it. */
  function applySyntax(uri: string, version: number, found: Diagnostic[]): void {
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    const before = syntaxOf(current);
    // dockerfile-utils can report ranges past the end (a continuation on the last line).
    const diagnostics = found.map((d) => ({ ...d, range: clampRange(current, d.range) }));
    syntax.set(uri, { version, diagnostics });
    // Publish again only when what the editor shows changes.
    if (JSON.stringify(before) !== JSON.stringify(diagnostics)) sendDiagnostics(current, diagnostics);
  }

  // Idle after starting (the extension starts with a Go workspace, before any Dockerfile is
  // open): warm the analysis up, until the first document opens.
  let opened = false;
  /** The idle warm-up ran to its end: the keystrokes' path is warm too. */
  let typingWarm = false;
  let warmUpTimer: NodeJS.Timeout | undefined;
  connection.onInitialized(() => {
    warmUpTimer = setTimeout(() => {
      hooks.warmingUp?.();
      warmUp(ready, idlePlan, () => !opened, (runs, ms) => {
        log(`warm-up: ${runs} analyses in ${ms} ms${opened ? ' (stopped: a document was opened)' : ''}`);
        if (opened) return;
        typingWarm = true;
        hooks.warmedUp?.();
      });
    }, WARM_UP_IDLE_MS);
    warmUpTimer.unref();
  });
  /** Edits of any document so far: the keystrokes' warm-up stops at the first one. */
  let editCount = 0;
  /**
   * Opened before the idle warm-up ended: its first analysis warmed the whole-file path, not the
   * keystrokes'. Warmed on the document's own text once its first answer is out, while no edit
   * comes and nothing is pending (the first keystrokes then warm it themselves).
   */
  const warmTyping = (uri: string) => {
    if (typingWarm) return;
    typingWarm = true;
    const timer = setTimeout(() => {
      const since = editCount;
      const doc = documents.get(uri);
      if (!doc) return;
      warmUp(ready, () => documentPlan(doc.getText(), inputsOf(uri)), () => editCount === since && pending.size === 0, (runs, ms) => log(`typing warm-up: ${runs} analyses in ${ms} ms${editCount !== since ? ' (stopped: an edit came)' : ''}`));
    }, WARM_UP_IDLE_MS);
    timer.unref();
  };
  documents.onDidOpen((e) => {
    opened = true;
    clearTimeout(warmUpTimer);
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    editCount++;
    edits.set(e.document.uri, (edits.get(e.document.uri) ?? 0) + 1);
    schedule(e.document);
    // Typing goes on: the syntax check waits for the next pause (publish schedules it again).
    clearTimeout(syntaxTimers.get(e.document.uri));
    syntaxTimers.delete(e.document.uri);
  });
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    models.delete(e.document.uri);
    syntax.delete(e.document.uri);
    pending.delete(e.document.uri);
    edits.delete(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    pendingSince.delete(e.document.uri);
    lastAnalysisMs.delete(e.document.uri);
    clearTimeout(syntaxTimers.get(e.document.uri));
    syntaxAsked.delete(e.document.uri);
    syntaxCheck?.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    await ready;
    if (params.context.triggerKind !== CodeActionTriggerKind.Invoked) {
      // The lightbulb asks on every cursor move: with edits still being read, answering now
      // would analyse a version already superseded. After the newest one's findings, unless
      // the editor has moved on meanwhile.
      await settled(params.textDocument.uri);
      if (token.isCancellationRequested) return [];
    }
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = analysisOf(doc);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const uri = doc.uri;
    const edit = (edits: { start: number; end: number; newText: string }[]) => ({
      documentChanges: [{ textDocument: { uri, version: doc.version }, edits: edits.map((e) => toTextEdit(a.model.lines, e)) }],
    });

    if (wants(CodeActionKind.QuickFix)) {
      for (const diag of params.context.diagnostics) {
        if (diag.source !== SOURCE) continue;
        const finding = findingFor(a, diag);
        if (!finding) continue;
        const others = finding.fix && otherFileChanges(uri, finding.fix);
        if (finding.fix && others) {
          actions.push({
            title: finding.fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diag],
            isPreferred: true,
            edit: others.length > 0 ? { documentChanges: [...others, ...edit(finding.fix.edits).documentChanges] } : edit(finding.fix.edits),
          });
        }
        // A rule declared with a command fix (GD201: the generator) offers it to clients that run it.
        const command = RULES_BY_CODE.get(finding.code)?.command;
        const root = command && clientCommands.has(command.id) ? workspaces.rootOf(uri, settings.buildContext) : undefined;
        if (command && root) {
          // The client's generator shows a diff and writes only after the user accepts.
          const args = { folderUri: pathToFileURL(root).href, dockerfileUri: uri };
          actions.push({ title: command.actionTitle, kind: CodeActionKind.QuickFix, diagnostics: [diag], command: { title: command.title, command: command.id, arguments: [args] } });
        }
        const ignore = ignoreForInstruction(a.model, finding);
        if (ignore) actions.push({ title: `Ignore ${finding.code} for this instruction`, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: edit([ignore]) });
      }
    }
    if (wants(FIX_ALL_KIND)) {
      // Fix-all analyses the text again after each round of fixes: an editor asks for code
      // actions on every cursor move, so unless the request is for fix-all itself (on save)
      // or the user opened the menu, a client that resolves edits gets it computed when chosen.
      const lazy = resolveEdits && !only && params.context.triggerKind !== CodeActionTriggerKind.Invoked;
      if (lazy) {
        if (a.findings.some((f) => f.fix)) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { fixAll: { uri, version: doc.version } } satisfies FixAllData });
      } else {
        const fixed = fixAllOf(doc);
        if (fixed) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: edit([fixed]) });
      }
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    await ready;
    const data = (action.data as Partial<FixAllData> | undefined)?.fixAll;
    const doc = data && typeof data.uri === 'string' ? documents.get(data.uri) : undefined;
    // Only our lazy fix-all is resolved, and only for the version it was offered for.
    if (!doc || doc.version !== data?.version) return action;
    const fixed = fixAllOf(doc);
    const lines = analysisOf(doc).model.lines;
    // Offered for fixable findings whose fixes may still change nothing together: an empty edit then.
    return { ...action, edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: fixed ? [toTextEdit(lines, fixed)] : [] }] } };
  });

  /**
   * The WorkspaceEdit parts of a fix outside the document: files to create, and edits of other
   * context files (offsets into the file as on disk; `version: null`, the file need not be
   * open). Null when a file to edit cannot be read or no longer fits the edits.
   */
  function otherFileChanges(docUri: string, fix: Fix): (CreateFile | TextDocumentEdit)[] | null {
    const out: (CreateFile | TextDocumentEdit)[] = [];
    for (const f of fix.createFiles ?? []) {
      const create = workspaces.createFileChanges(docUri, f.path, f.text, settings.buildContext);
      if (create === null) return null;
      out.push(...create);
    }
    if (!fix.editFiles?.length) return out;
    const root = workspaces.rootOf(docUri, settings.buildContext);
    if (!root) return null;
    for (const f of fix.editFiles) {
      const file = path.join(root, f.path);
      // A .dockerignore linked to ../outside.txt: the edit would land outside the workspace.
      if (!workspaces.editAllowed(file, root)) return null;
      let text: string;
      try {
        text = readRegularFile(file);
      } catch {
        return null;
      }
      // The edits were computed against `base`: a file changed since (not yet re-read) is not edited.
      if (text !== f.base) return null;
      if (f.edits.some((e) => e.start < 0 || e.end > text.length || e.start > e.end)) return null;
      // Editors do not count a byte-order mark as text: positions are relative to what follows it.
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const lines = new LineTable(text.slice(bom));
      const shift = (e: Edit) => ({ start: Math.max(0, e.start - bom), end: Math.max(0, e.end - bom), newText: e.newText });
      out.push({ textDocument: { uri: pathToFileURL(file).href, version: null }, edits: f.edits.map((e) => toTextEdit(lines, shift(e))) });
    }
    return out;
  }

  function fixAllOf(doc: TextDocument) {
    const text = doc.getText();
    const inputs = inputsOf(doc.uri);
    const result = fixAll(text, (t) => analyzeText(t, inputs).findings);
    return minimalEdit(text, result.text);
  }

  // goDockerfile/generate: the generated Dockerfile/.dockerignore (nothing is written here).
  connection.onRequest(GENERATE_REQUEST, async (params: GenerateParams) => {
    await ready;
    try {
      return await handleGenerateRequest(params, log);
    } catch (e) {
      if (e instanceof GenerateError) return new ResponseError(LSPErrorCodes.RequestFailed, e.message, { code: e.code, candidates: e.candidates });
      throw e;
    }
  });

  // goDockerfile/layers: the LayerModel of a Dockerfile (the open document's text when open).
  connection.onRequest(LAYERS_REQUEST, async (params: LayersParams) => {
    await ready;
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const doc = documents.get(uri);
    const workspace = await awaitWorkspace(() => workspaces.forDocument(uri, settings.buildContext), workspaces.rootOf(uri, settings.buildContext) !== undefined);
    try {
      return layersForRequest(params, { model: doc ? analysisOf(doc).model : undefined, workspace, folders: workspaces.folders, measurement: layerFeatures.measurementFor(uri) });
    } catch (e) {
      return new ResponseError(LSPErrorCodes.RequestFailed, e instanceof Error ? e.message : String(e));
    }
  });

  documents.listen(connection);
  connection.listen();
}

function clampRange(doc: TextDocument, range: Diagnostic['range']): Diagnostic['range'] {
  // positionAt(offsetAt(p)) is the nearest valid position.
  return { start: doc.positionAt(doc.offsetAt(range.start)), end: doc.positionAt(doc.offsetAt(range.end)) };
}

/**
 * The finding a diagnostic the editor sends back stands for: the one of its code at its range
 * (the editor keeps ranges where the text moved them), the one whose offsets `data` carries
 * when several share it. A diagnostic of text that has changed since matches nothing.
 */
function findingFor(a: Analysis, diag: Diagnostic): Finding | undefined {
  const data = diag.data as { start?: unknown; end?: unknown } | undefined;
  let match: Finding | undefined;
  for (const f of a.findings) {
    if (f.code !== diag.code) continue;
    const r = toRange(a.model.lines, f.span);
    if (r.start.line !== diag.range.start.line || r.start.character !== diag.range.start.character || r.end.line !== diag.range.end.line || r.end.character !== diag.range.end.character) continue;
    if (f.span.start === data?.start && f.span.end === data?.end) return f;
    match ??= f;
  }
  return match;
}

/** 0 error .. 3 hint, for selectForPublishing (a diagnostic without a severity is an error to VS Code). */
function publishRank(x: Finding | Diagnostic): number {
  if (isFinding(x)) return x.severity === 'error' ? 0 : x.severity === 'warning' ? 1 : x.severity === 'information' ? 2 : 3;
  return (x.severity ?? DiagnosticSeverity.Error) - 1;
}

const isFinding = (x: Finding | Diagnostic): x is Finding => 'span' in x;

function readSettings(s: Partial<Settings> & { languageFeatures?: string }, prev: Settings): Settings {
  return {
    languageFeatures: s.languageFeatures === 'off' ? 'off' : s.languageFeatures === 'on' || s.languageFeatures === 'auto' ? 'on' : prev.languageFeatures,
    rules: s.rules !== undefined ? sanitizeRulesConfig(s.rules) : prev.rules,
    buildContext: typeof s.buildContext === 'string' && s.buildContext ? s.buildContext : prev.buildContext,
    layerHints: typeof s.layerHints === 'boolean' ? s.layerHints : prev.layerHints,
    // An empty string clears it: the last stage is the image again.
    target: typeof s.target === 'string' ? s.target.trim() || undefined : prev.target,
  };
}
