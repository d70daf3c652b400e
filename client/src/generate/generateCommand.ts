/**
 * "Go Dockerfile: Generate Optimized Dockerfile", asked the way `docker init` asks: the module
 * folder, then QuickPicks with the detected answer first — the main package (ranked), the
 * runtime (with what each means), the port to EXPOSE, whether to stamp a version. Esc at any
 * step ends the command with nothing written. The result opens in an editor (a diff when a
 * Dockerfile exists) with the reasons beside it, and a notification offers Write/Replace and
 * Cancel; nothing is written before Write/Replace.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

import { GENERATE_COMMAND, GENERATE_REQUEST, type GenerateParams, type GenerateResponse, type GenerateTarget } from '../../../server/src/protocol';

type Target = GenerateTarget;
/** What a question of the command sets (the server fills in the rest). */
type Options = Omit<GenerateParams, 'folderUri'>;

const SCHEME = 'go-dockerfile-generated';
const RUNTIMES = [
  { label: 'distroless', description: 'gcr.io/distroless static (or base for cgo), :nonroot', detail: 'CA certificates, time zones and a non-root user; no shell or package manager. The smallest image that still has what most Go programs need.' },
  { label: 'scratch', description: 'an empty image', detail: 'Only the static binary, with CA certificates copied in and time zones embedded when used. No shell, nothing to debug with; no cgo.' },
  { label: 'alpine', description: 'alpine with a shell (musl)', detail: 'A small image with a shell and apk for debugging; cgo programs are built against musl on the same alpine release.' },
  { label: 'debian', description: 'debian slim with a shell (glibc)', detail: 'The largest choice: a shell, apt and glibc, for programs that need system libraries at run time.' },
];
const TITLE = 'Generate Dockerfile';

/** Generated texts shown in editors before anything is written. */
class Previews implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

/**
 * The open question "write the previewed Dockerfile?": answered by the notification's buttons
 * or by the Write/Cancel buttons in the editor title (which stay when the notification hides).
 */
let pending: ((answer: 'write' | 'cancel') => void) | undefined;

function settle(answer: 'write' | 'cancel'): void {
  const p = pending;
  pending = undefined;
  void vscode.commands.executeCommand('setContext', 'goDockerfile.generatePending', false);
  p?.(answer);
}

export function registerGenerate(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const previews = new Previews();
  context.subscriptions.push(
    vscode.commands.registerCommand('goDockerfile.generate.write', () => settle('write')),
    vscode.commands.registerCommand('goDockerfile.generate.cancel', () => settle('cancel')),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, previews),
    vscode.commands.registerCommand(GENERATE_COMMAND, (arg?: vscode.Uri | GenerateArgs) => generate(arg, client, previews)),
  );
  // The explorer menu item shows on folders that hold go.mod/go.work (`resourcePath in ...`).
  const refresh = async () => {
    const dirs = (await moduleFolders()).map((d) => d.fsPath);
    await vscode.commands.executeCommand('setContext', 'goDockerfile.moduleFolders', dirs);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{go.mod,go.work}', false, true, false);
  context.subscriptions.push(watcher, watcher.onDidCreate(refresh), watcher.onDidDelete(refresh), vscode.workspace.onDidChangeWorkspaceFolders(refresh));
  void refresh();
}

async function moduleFolders(): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles('**/{go.mod,go.work}', '{**/vendor/**,**/node_modules/**,**/testdata/**}', 200);
  return [...new Map(files.map((f) => {
    const dir = vscode.Uri.joinPath(f, '..');
    return [dir.toString(), dir] as const;
  })).values()];
}

/** From the GD201 quick fix: the module folder, and the Dockerfile to replace. */
interface GenerateArgs {
  folderUri?: string;
  dockerfileUri?: string;
}

/** One QuickPick step; undefined when the user pressed Esc. */
async function ask<T extends vscode.QuickPickItem>(items: T[], step: number, title: string, placeHolder: string): Promise<T | undefined> {
  return vscode.window.showQuickPick(items, { title: `${TITLE} (${step}): ${title}`, placeHolder, ignoreFocusOut: true, matchOnDescription: true });
}

function errorData(e: unknown): { code?: string; candidates?: Target[] } | undefined {
  return (e as { data?: { code?: string; candidates?: Target[] } }).data;
}

async function generate(arg: vscode.Uri | GenerateArgs | undefined, client: () => LanguageClient | undefined, previews: Previews): Promise<void> {
  const c = client();
  if (!c) {
    void vscode.window.showErrorMessage('The Go Dockerfile language server is not running.');
    return;
  }
  const folder = arg instanceof vscode.Uri ? arg : arg?.folderUri ? vscode.Uri.parse(arg.folderUri) : await pickModuleFolder();
  if (!folder) return;
  const request = (o: Options) => c.sendRequest<GenerateResponse>(GENERATE_REQUEST, { folderUri: folder.toString(), ...o } satisfies GenerateParams);
  const fail = (e: unknown) => void vscode.window.showErrorMessage(`Could not generate a Dockerfile: ${e instanceof Error ? e.message : String(e)}`);

  // What the server detects on its own: the default of every question.
  let detected: GenerateResponse | undefined;
  let candidates: Target[] = [];
  try {
    detected = await request({});
    candidates = detected.candidates;
  } catch (e) {
    const data = errorData(e);
    if (data?.code !== 'ambiguous-package' || !data.candidates?.length) return fail(e);
    candidates = data.candidates;
  }
  const options: Options = {};
  let step = 1;

  // 1. The main package (ranked; the detected one first), only when there is a choice.
  if (candidates.length > 1) {
    const def = detected?.target.dir;
    const ordered = def !== undefined ? [...candidates.filter((t) => t.dir === def), ...candidates.filter((t) => t.dir !== def)] : candidates;
    const items = ordered.map((t) => ({
      label: t.dir === '' ? '.' : t.dir,
      description: `binary ${t.binary}${t.dir === def ? ' · detected' : ''}`,
      detail: t.why,
      dir: t.dir,
    }));
    const picked = await ask(items, step++, 'Which main package should the image run?', def !== undefined ? 'The detected package is first' : 'Several commands rank alike: choose one');
    if (!picked) return;
    options.package = picked.dir === '' ? '.' : picked.dir;
    if (picked.dir !== def) {
      try {
        detected = await request({ package: options.package });
      } catch (e) {
        return fail(e);
      }
    }
  }
  if (!detected) return;

  // 2. The runtime (distroless first: the default).
  const runtimeItems = RUNTIMES.map((r) => ({ ...r, description: r.label === detected!.runtime ? `${r.description} · default` : r.description }));
  if (detected.cgo) runtimeItems.splice(runtimeItems.findIndex((r) => r.label === 'scratch'), 1);
  const runtime = await ask(runtimeItems, step++, 'Runtime image for the Go binary', detected.cgo ? 'The binary needs cgo: runtimes with a C library' : 'distroless is the default');
  if (!runtime) return;
  options.runtime = runtime.label;

  // 3. The port: what the sources say first, then none or another.
  const seen = new Set<number>();
  const portItems: (vscode.QuickPickItem & { port: number | null | 'other' })[] = [];
  const evidence = [...detected.portEvidence].sort((a, b) => (a.confidence === b.confidence ? 0 : a.confidence === 'sure' ? -1 : 1));
  for (const e of evidence) {
    if (seen.has(e.port) || !e.external) continue;
    seen.add(e.port);
    portItems.push({ label: String(e.port), description: `${e.confidence === 'sure' ? 'detected' : 'a guess'} · ${e.file}`, detail: e.via, port: e.port });
  }
  portItems.push({ label: 'No port', description: 'no EXPOSE', detail: 'The program does not listen (a CLI or a worker).', port: null });
  portItems.push({ label: 'Another port…', description: 'type it', port: 'other' });
  if (detected.exposes.length === 0) portItems.unshift(portItems.splice(portItems.findIndex((p) => p.port === null), 1)[0]);
  const portPick = await ask(portItems, step++, 'Which port does the program listen on?', detected.exposes.length > 0 ? `Detected: ${detected.exposes.join(', ')}` : 'No listen port detected');
  if (!portPick) return;
  if (portPick.port === 'other') {
    const typed = await vscode.window.showInputBox({ title: `${TITLE}: port`, prompt: 'The port the program listens on (1-65535)', validateInput: (v) => (/^[0-9]{1,5}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : 'A number from 1 to 65535') });
    if (typed === undefined) return;
    options.port = Number(typed.trim());
  } else if (portPick.port === null || detected.exposes.length !== 1 || detected.exposes[0] !== portPick.port) options.port = portPick.port;
  // The detected port kept as it is: left to the generator, whose reason then says where it was found.

  // 4. Version stamping.
  const stampItems = [
    { label: 'Stamp a version', description: detected.versionVariable ? `-X ${detected.versionVariable.split(' in ')[0]}=\${VERSION}` : 'the main package declares no var version', detail: detected.versionVariable ? `Found ${detected.versionVariable}; build with --build-arg VERSION=1.2.3.` : 'Adds ARG VERSION and -X main.version; declare `var version string` for it to take effect.', stamp: true },
    { label: 'No version stamping', description: '', stamp: false },
  ];
  // No variable, or one the source sets to a real version (which the default generation keeps): not stamping first.
  if (!detected.versionVariable || !detected.stamped) stampItems.reverse();
  const stamp = await ask(stampItems, step++, 'Stamp a version into the binary?', detected.versionVariable ? `Detected ${detected.versionVariable}` : 'No version variable detected');
  if (!stamp) return;
  options.stampVersion = stamp.stamp;

  let generated: GenerateResponse;
  try {
    generated = await request(options);
  } catch (e) {
    return fail(e);
  }
  await preview(arg, folder, generated, previews);
}

async function preview(arg: vscode.Uri | GenerateArgs | undefined, folder: vscode.Uri, generated: GenerateResponse, previews: Previews): Promise<void> {
  const dockerfileUri = !(arg instanceof vscode.Uri) && arg?.dockerfileUri ? vscode.Uri.parse(arg.dockerfileUri) : vscode.Uri.joinPath(folder, 'Dockerfile');
  const ignoreUri = vscode.Uri.joinPath(folder, '.dockerignore');
  const stamp = String(Date.now());
  const previewUri = vscode.Uri.from({ scheme: SCHEME, path: `${folder.path}/Dockerfile`, query: stamp });
  previews.set(previewUri, generated.dockerfile);
  const existing = await readIfExists(dockerfileUri);
  const ignoreExisting = await readIfExists(ignoreUri);
  // The project's ignore file excludes what this Dockerfile needs: never write the Dockerfile
  // alone (the build would fail); offer to replace .dockerignore too, or nothing.
  const conflicts = generated.existingIgnore?.conflicts.length ? generated.existingIgnore : null;
  const replaceIgnore = conflicts !== null && conflicts.path === '.dockerignore' && ignoreExisting !== undefined;
  const writeIgnore = ignoreExisting === undefined || replaceIgnore;
  if (existing !== undefined) {
    await vscode.commands.executeCommand('vscode.diff', dockerfileUri, previewUri, 'Dockerfile ↔ generated', { preview: true, viewColumn: vscode.ViewColumn.One });
  } else {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(previewUri), { preview: true, viewColumn: vscode.ViewColumn.One });
  }
  // The reasons beside the preview, as a read-only document (not a modal that covers it).
  const whyUri = vscode.Uri.from({ scheme: SCHEME, path: `${folder.path}/Why the generated Dockerfile looks this way.md`, query: stamp });
  const why = [
    '# Why the generated Dockerfile looks this way',
    '',
    ...generated.reasons.map((r) => `- ${r}`),
    ...(generated.warnings.length > 0 ? ['', '## Check', '', ...generated.warnings.map((w) => `- ${w}`)] : []),
    '',
    replaceIgnore ? 'The existing .dockerignore breaks this build (see Check): writing replaces it with the generated one.' : writeIgnore ? 'A .dockerignore for Go is written too.' : ignoreExisting === generated.dockerignore ? '' : 'The existing .dockerignore is kept.',
    '',
  ].join('\n');
  previews.set(whyUri, why);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(whyUri), { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });

  if (conflicts && !replaceIgnore) {
    void vscode.window.showErrorMessage(`Not written: ${conflicts.path} excludes what the generated Dockerfile needs, so docker build would fail. Change ${conflicts.path} (see the reasons beside the preview) and generate again.`);
    return;
  }
  const accept = replaceIgnore ? 'Write both' : existing !== undefined ? 'Replace' : 'Write';
  const question = existing !== undefined ? 'Replace the existing Dockerfile with the generated one?' : 'Write the generated Dockerfile?';
  if (pending) settle('cancel'); // a previous preview's question: superseded
  const answer = await new Promise<'write' | 'cancel'>((resolve) => {
    pending = resolve;
    void vscode.commands.executeCommand('setContext', 'goDockerfile.generatePending', true);
    // Closing the notification is a Cancel; its hiding into the notification centre is not.
    const ignoreNote = replaceIgnore ? ' The existing .dockerignore excludes files this build needs: it is replaced with the generated one (or Cancel and change it yourself).' : writeIgnore ? ' A .dockerignore for Go is written too.' : '';
    void vscode.window.showInformationMessage(`${question} The reasons are beside it.${ignoreNote} (Also: ✓ and ✕ in the editor title.)`, accept, 'Cancel')
      .then((a) => {
        if (pending === resolve) settle(a === accept ? 'write' : 'cancel');
      });
  });
  if (answer !== 'write') return;

  await vscode.workspace.fs.writeFile(dockerfileUri, Buffer.from(generated.dockerfile, 'utf8'));
  if (writeIgnore) await vscode.workspace.fs.writeFile(ignoreUri, Buffer.from(generated.dockerignore, 'utf8'));
  await vscode.window.showTextDocument(dockerfileUri, { viewColumn: vscode.ViewColumn.One });
  void vscode.window.showInformationMessage(`Wrote ${vscode.workspace.asRelativePath(dockerfileUri)}${writeIgnore ? ' and .dockerignore' : ''}.`);
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Folders with go.mod (or go.work): the active editor's when it is in one, else ask. */
async function pickModuleFolder(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const dirs = await moduleFolders();
  const containing = active && dirs.filter((d) => active.path.startsWith(d.path + '/')).sort((a, b) => b.path.length - a.path.length)[0];
  if (containing) return containing;
  if (dirs.length === 0) {
    void vscode.window.showWarningMessage('No go.mod or go.work found in the workspace.');
    return undefined;
  }
  if (dirs.length === 1) return dirs[0];
  const items = dirs.map((d) => ({ label: vscode.workspace.asRelativePath(d, true) || d.fsPath, uri: d }));
  return (await vscode.window.showQuickPick(items, { title: 'Generate a Dockerfile for which Go module?' }))?.uri;
}
