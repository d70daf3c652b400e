/**
 * "Go Dockerfile: Generate Optimized Dockerfile": pick the Go module folder (and the main
 * package when there are several), ask the server to generate, show the result (as a diff
 * when a Dockerfile exists), and write only after the user accepts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

import { GENERATE_REQUEST, type GenerateResponse } from '../../../server/src/protocol';

const SCHEME = 'go-dockerfile-generated';
const RUNTIMES = [
  { label: 'distroless', description: 'gcr.io/distroless static or base, :nonroot (recommended)' },
  { label: 'scratch', description: 'empty image: CA certificates and tzdata handled' },
  { label: 'alpine', description: 'small image with a shell (musl)' },
  { label: 'debian', description: 'Debian slim with a shell (glibc)' },
];

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

export function registerGenerate(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const previews = new Previews();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, previews),
    vscode.commands.registerCommand('goDockerfile.generate', (arg?: vscode.Uri | GenerateArgs) => generate(arg, client, previews)),
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

async function generate(arg: vscode.Uri | GenerateArgs | undefined, client: () => LanguageClient | undefined, previews: Previews): Promise<void> {
  const c = client();
  if (!c) {
    void vscode.window.showErrorMessage('The Go Dockerfile language server is not running.');
    return;
  }
  const folder = arg instanceof vscode.Uri ? arg : arg?.folderUri ? vscode.Uri.parse(arg.folderUri) : await pickModuleFolder();
  if (!folder) return;
  const runtime = await vscode.window.showQuickPick(RUNTIMES, { title: 'Runtime image for the Go binary', placeHolder: 'distroless' });
  if (!runtime) return;

  let pkg: string | undefined;
  let result: GenerateResponse;
  for (;;) {
    try {
      result = await c.sendRequest<GenerateResponse>(GENERATE_REQUEST, { folderUri: folder.toString(), package: pkg, runtime: runtime.label });
      break;
    } catch (e) {
      // Several main packages and none chosen: the server lists them.
      const data = (e as { data?: { code?: string; candidates?: string[] } }).data;
      if (data?.code === 'ambiguous-package' && data.candidates?.length && !pkg) {
        pkg = await vscode.window.showQuickPick(data.candidates, { title: 'Which main package should the image run?' });
        if (!pkg) return;
        continue;
      }
      void vscode.window.showErrorMessage(`Could not generate a Dockerfile: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
  }
  const generated = result;

  const dockerfileUri = !(arg instanceof vscode.Uri) && arg?.dockerfileUri ? vscode.Uri.parse(arg.dockerfileUri) : vscode.Uri.joinPath(folder, 'Dockerfile');
  const ignoreUri = vscode.Uri.joinPath(folder, '.dockerignore');
  const preview = vscode.Uri.from({ scheme: SCHEME, path: `${folder.path}/Dockerfile`, query: String(Date.now()) });
  previews.set(preview, generated.dockerfile);
  const existing = await readIfExists(dockerfileUri);
  if (existing !== undefined) {
    await vscode.commands.executeCommand('vscode.diff', dockerfileUri, preview, 'Dockerfile ↔ generated', { preview: true });
  } else {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(preview), { preview: true });
  }

  const ignoreExisting = await readIfExists(ignoreUri);
  const writeIgnore = ignoreExisting === undefined;
  const question = existing !== undefined ? 'Replace the existing Dockerfile with the generated one?' : 'Write the generated Dockerfile?';
  const detail = [
    ...generated.reasons.map((r) => `• ${r}`),
    '',
    writeIgnore ? 'A .dockerignore for Go is written too.' : ignoreExisting === generated.dockerignore ? '' : 'The existing .dockerignore is kept.',
  ].join('\n').trim();
  const accept = existing !== undefined ? 'Replace' : 'Write';
  const answer = await vscode.window.showInformationMessage(question, { modal: true, detail }, accept);
  if (answer !== accept) return;

  await vscode.workspace.fs.writeFile(dockerfileUri, Buffer.from(generated.dockerfile, 'utf8'));
  if (writeIgnore) await vscode.workspace.fs.writeFile(ignoreUri, Buffer.from(generated.dockerignore, 'utf8'));
  await vscode.window.showTextDocument(dockerfileUri);
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
