/**
 * The layer panel: a webview beside the editor that follows the active Dockerfile, asks the
 * server for its LayerModel (`goDockerfile/layers`) on every edit, and reveals a line when a
 * row is clicked. The webview only renders; every answer comes from the server.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LAYERS_REQUEST } from '../../../server/src/protocol';
import type { Finding, HostMessage, LayerModel, WebviewMessage, WhatIf } from './protocol';
import { measureAvailability, type Measurements } from './measureCommand';

const SEVERITY: Record<number, Finding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The "what if I change…" choices; `change` values are the server's categories. */
const CHOICES: WhatIf[] = [
  { label: 'Nothing (a rebuild with no change)' },
  { label: 'A .go file', change: 'go' },
  { label: 'go.mod / go.sum', change: 'gomod' },
  { label: 'The Dockerfile at the cursor line', change: 'dockerfile' },
  { label: 'A file of the build context…' },
];
const PICK_FILE = CHOICES.length - 1;

export class LayersPanel implements vscode.Disposable {
  static readonly viewType = 'goDockerfile.layers';
  private static current: LayersPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private document: vscode.TextDocument | undefined;
  private whatIf: WhatIf | null = CHOICES[1];
  private cursorLine = 0;
  private timer: NodeJS.Timeout | undefined;
  private ready = false;

  static currentDocument(): vscode.TextDocument | undefined {
    return LayersPanel.current?.document ?? vscode.window.activeTextEditor?.document;
  }

  static refreshCurrent(): void {
    LayersPanel.current?.refreshSoon(0);
  }

  static show(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: vscode.LogOutputChannel, measurements: Measurements): LayersPanel {
    if (LayersPanel.current) {
      LayersPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      LayersPanel.current.follow(vscode.window.activeTextEditor);
      return LayersPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(LayersPanel.viewType, 'Dockerfile Layers', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      // Only our own bundle: no remote resources, no workspace files.
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
      retainContextWhenHidden: false,
    });
    LayersPanel.current = new LayersPanel(panel, context, client, log, measurements);
    return LayersPanel.current;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly measurements: Measurements,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'layers.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document) this.cursorLine = e.selections[0].active.line;
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.refreshSoon();
      }),
      measurements.onDidChange(() => this.refreshSoon(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.uri.toString())) this.refreshSoon();
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** Follow the active editor when it shows a Dockerfile; keep the last one otherwise. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === 'dockerfile') {
      this.document = editor.document;
      this.cursorLine = editor.selection.active.line;
      this.refreshSoon(0);
    }
  }

  private refreshSoon(delay = 250): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return;
    const doc = this.document;
    if (!doc) return this.post({ type: 'empty', reason: 'Open a Dockerfile to see its layers.' });
    const client = this.client();
    if (!client) return this.post({ type: 'empty', reason: 'The Go Dockerfile language server is not running.' });
    const whatIf = this.whatIf;
    try {
      const change = whatIf?.change === 'dockerfile' ? `dockerfile:${this.cursorLine + 1}` : whatIf?.change;
      const model = await client.sendRequest<LayerModel>(LAYERS_REQUEST, { uri: doc.uri.toString(), changedFiles: whatIf?.changedFiles, change });
      const findings: Finding[] = vscode.languages.getDiagnostics(doc.uri)
        .filter((d) => d.source === 'go-dockerfile')
        .map((d) => ({ line: d.range.start.line + 1, code: String(typeof d.code === 'object' ? d.code.value : d.code ?? ''), severity: SEVERITY[d.severity], message: d.message }));
      this.post({ type: 'model', file: vscode.workspace.asRelativePath(doc.uri), model, findings, whatIf, choices: CHOICES, measure: { ...measureAvailability(), running: this.measurements.isRunning(doc.uri.fsPath) } });
    } catch (e) {
      this.log.error(`layers: ${e instanceof Error ? e.message : String(e)}`);
      this.post({ type: 'empty', reason: 'The layers of this Dockerfile could not be computed (see the Go Dockerfile output).' });
    }
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        return this.refresh();
      case 'reveal': {
        if (!this.document) return;
        const editor = await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
        const pos = new vscode.Position(Math.max(0, m.line - 1), 0);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'measure':
        // The command checks trust again; the webview cannot run anything itself.
        if (this.document) void vscode.commands.executeCommand('goDockerfile.measureLayers', this.document.uri);
        return;
      case 'whatIf': {
        if (m.index === PICK_FILE) {
          const picked = await this.pickContextFile();
          if (!picked) return this.refresh();
          this.whatIf = { label: picked, changedFiles: [picked] };
        } else {
          this.whatIf = CHOICES[m.index] ?? null;
          if (m.index === 0) this.whatIf = null;
        }
        return this.refresh();
      }
    }
  }

  private async pickContextFile(): Promise<string | undefined> {
    const folder = this.document && vscode.workspace.getWorkspaceFolder(this.document.uri);
    if (!folder) return undefined;
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), '{**/node_modules/**,**/.git/**}', 5000);
    const items = files.map((f) => vscode.workspace.asRelativePath(f, false)).sort();
    return vscode.window.showQuickPick(items, { title: 'What if this file changes?', placeHolder: 'A file of the build context' });
  }

  private post(m: HostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private html(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.css'));
    const nonce = randomNonce();
    // Strict CSP: our script by nonce, our stylesheet, nothing remote, no inline code.
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Dockerfile Layers</title>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    LayersPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function randomNonce(): string {
  return randomBytes(18).toString('base64');
}
