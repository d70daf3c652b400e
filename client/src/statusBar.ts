/**
 * The status bar item: shown on Dockerfiles; spins while the server reads a Go workspace,
 * and says when the workspace is in Restricted Mode (linting only, nothing executed).
 */
import * as path from 'path';
import * as vscode from 'vscode';

import type { WorkspaceStatus } from '../../server/src/protocol';

export type { WorkspaceStatus };

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('goDockerfile.status', vscode.StatusBarAlignment.Right, 100);
  private readonly contexts = new Map<string, WorkspaceStatus>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Go Dockerfile';
    this.item.command = 'goDockerfile.showOutput';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.render()),
    );
    this.render();
  }

  update(status: WorkspaceStatus): void {
    this.contexts.set(status.root, status);
    this.render();
  }

  private render(): void {
    const reading = [...this.contexts.values()].filter((s) => s.state === 'reading');
    const onDockerfile = vscode.window.activeTextEditor?.document.languageId === 'dockerfile';
    if (reading.length === 0 && !onDockerfile) {
      this.item.hide();
      return;
    }
    const restricted = !vscode.workspace.isTrusted;
    const tooltip = new vscode.MarkdownString(undefined, true);
    if (reading.length > 0) {
      this.item.text = `$(sync~spin) Go Dockerfile: reading ${reading.map((s) => path.basename(s.root)).join(', ')}…`;
      tooltip.appendMarkdown('Reading the Go workspace (go.mod, packages, .dockerignore) for the workspace rules.\n\n');
    } else {
      this.item.text = restricted ? '$(shield) Go Dockerfile' : '$(layers) Go Dockerfile';
    }
    for (const s of this.contexts.values()) {
      if (s.state === 'ready') tooltip.appendMarkdown(`- \`${s.root}\`: ${s.packages} packages, ${s.files} files in the context, read in ${s.ms} ms\n`);
      if (s.state === 'failed') tooltip.appendMarkdown(`- \`${s.root}\`: could not be read (${s.message ?? 'see the output'})\n`);
    }
    if (restricted) tooltip.appendMarkdown('\n\n**Restricted Mode**: Dockerfiles are linted, but nothing is executed.');
    tooltip.appendMarkdown('\n\nClick to show the output.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
