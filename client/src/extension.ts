/**
 * The VS Code side, kept thin: start the language server, pass it the settings it needs,
 * and offer the commands. Everything about Dockerfiles lives in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerGenerate } from './generate/generateCommand';
import { LayersPanel } from './layers/layersPanel';
import { GENERATE_COMMAND, STATUS_NOTIFICATION } from '../../server/src/protocol';
import { Measurements } from './layers/measureCommand';
import { StatusBar, type WorkspaceStatus } from './statusBar';

/** Extensions that already provide general Dockerfile features (completion, hover, ...). */
const DOCKER_EXTENSIONS = ['docker.docker', 'ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers'];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let statusBar: StatusBar;
let measurements: Measurements;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Go Dockerfile', { log: true });
  statusBar = new StatusBar();
  measurements = new Measurements(context, () => client, output);
  context.subscriptions.push(output, statusBar, measurements);
  if (!vscode.workspace.isTrusted) output.info('Restricted Mode: Dockerfiles are linted, but nothing is executed.');
  // Measuring runs a builder: its command exists only while the workspace is trusted. Our own
  // key, from the API: the workbench's isWorkspaceTrusted key is unset when trust is switched off.
  void vscode.commands.executeCommand('setContext', 'goDockerfile.trusted', vscode.workspace.isTrusted);
  context.subscriptions.push(
    vscode.commands.registerCommand('goDockerfile.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('goDockerfile.restartServer', () => restart(context)),
    vscode.commands.registerCommand('goDockerfile.showLayers', () => LayersPanel.show(context, () => client, output, measurements)),
    // Runs a builder: trusted workspaces only (also `enablement: goDockerfile.trusted` in package.json).
    vscode.commands.registerCommand('goDockerfile.measureLayers', (uri?: vscode.Uri) => measurements.measure(uri instanceof vscode.Uri ? uri : LayersPanel.currentDocument()?.uri)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void vscode.commands.executeCommand('setContext', 'goDockerfile.trusted', true);
      LayersPanel.refreshCurrent();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Capabilities are fixed at initialize: switching language features needs a new server.
      if (e.affectsConfiguration('goDockerfile.languageFeatures')) void restart(context);
      if (e.affectsConfiguration('goDockerfile.measure')) LayersPanel.refreshCurrent();
    }),
  );
  registerGenerate(context, () => client);
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** `auto` means: on, unless Docker's or Microsoft's extension already gives these features. */
export function resolveLanguageFeatures(): 'on' | 'off' {
  const setting = vscode.workspace.getConfiguration('goDockerfile').get<string>('languageFeatures', 'auto');
  if (setting === 'on' || setting === 'off') return setting;
  return DOCKER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id)) ? 'off' : 'on';
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const config = vscode.workspace.getConfiguration('goDockerfile');
  const languageFeatures = resolveLanguageFeatures();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile', scheme: 'file' },
      { language: 'dockerfile', scheme: 'untitled' },
    ],
    outputChannel: output,
    initializationOptions: {
      languageFeatures,
      rules: config.get('rules', {}),
      buildContext: config.get('buildContext', ''),
      layerHints: config.get('layerHints', true),
      target: config.get('target', ''),
      trusted: vscode.workspace.isTrusted,
      // Client commands the server may offer in code actions.
      commands: [GENERATE_COMMAND],
    },
    synchronize: {
      configurationSection: 'goDockerfile',
      // What the analysis reads besides the Dockerfile: re-lint open Dockerfiles when it changes.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{go.mod,go.work,go.sum,go.work.sum,.dockerignore,*.dockerignore,.gitignore,.go-dockerfile.json,*.go,vendor/modules.txt}'),
    },
  };
  output.info(`Starting the language server (general Dockerfile features: ${languageFeatures}, workspace ${vscode.workspace.isTrusted ? 'trusted' : 'restricted: nothing is executed'}).`);
  client = new LanguageClient('goDockerfile', 'Go Dockerfile', serverOptions, clientOptions);
  await client.start();
  client.onNotification(STATUS_NOTIFICATION, (s: WorkspaceStatus) => statusBar.update(s));
  // The kept measurements, for the hints and the panel of the new server.
  await measurements.sendAll();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await client?.stop();
  client = undefined;
  await start(context);
}
