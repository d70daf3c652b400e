/**
 * "Measure with a real build" (goDockerfile.measureLayers): in a trusted workspace only, runs
 * the bundled measuring build (dist/measure.js, the code of the CLI's `layers --measure`), which
 * runs the builder (docker buildx, podman or buildah), with progress and cancellation; logs which builder and command
 * ran, keeps the last measurement per Dockerfile (workspace state) and sends it to the server,
 * which shows it beside the estimates. The command is also disabled by `enablement:
 * goDockerfile.trusted`, and the server never builds.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LAYERS_REQUEST, MEASUREMENT_NOTIFICATION, type LayerModel, type LayersParams, type Measurement, type MeasurementParams } from '../../../server/src/protocol';

const BUILDERS = ['docker', 'podman', 'buildah'];

/** Builders on PATH (a file lookup: nothing runs). */
function buildersOnPath(): string[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return BUILDERS.filter((b) => dirs.some((d) => exts.some((e) => {
    try {
      fs.accessSync(path.join(d, b + e), fs.constants.X_OK);
      return fs.statSync(path.join(d, b + e)).isFile();
    } catch {
      return false;
    }
  })));
}

class Cancelled extends Error {}

const STATE_KEY = 'goDockerfile.measurements';

export interface MeasureAvailability {
  available: boolean;
  detail: string;
}

/** Whether measuring is offered here, and why not. Looks for builders on PATH only (runs nothing). */
export function measureAvailability(): MeasureAvailability {
  if (!vscode.workspace.isTrusted) return { available: false, detail: 'Measuring with a real build needs a trusted workspace (Restricted Mode runs nothing).' };
  const pref = vscode.workspace.getConfiguration('goDockerfile.measure').get<string>('builder', 'auto');
  const found = buildersOnPath();
  const usable = pref === 'auto' ? found : found.filter((b) => b === pref);
  if (usable.length === 0) return { available: false, detail: pref === 'auto' ? 'No docker, podman or buildah on PATH to measure with.' : `${pref} is not on PATH.` };
  return { available: true, detail: `Builds the Dockerfile with ${usable.join(' or ')} and shows the measured size of every layer.` };
}

export class Measurements {
  private running = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  isRunning(file: string): boolean {
    return this.running.has(file);
  }

  private stored(): Record<string, Measurement> {
    return this.context.workspaceState.get<Record<string, Measurement>>(STATE_KEY, {});
  }

  /** Sends every kept measurement to a (re)started server. */
  async sendAll(): Promise<void> {
    const c = this.client();
    if (!c) return;
    for (const [file, m] of Object.entries(this.stored())) {
      await c.sendNotification(MEASUREMENT_NOTIFICATION, { uri: vscode.Uri.file(file).toString(), measurement: m } satisfies MeasurementParams);
    }
  }

  async measure(uri: vscode.Uri | undefined): Promise<Measurement | undefined> {
    // Checked again here: a command can be invoked programmatically whatever its enablement.
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Go Dockerfile: measuring runs a builder, which Restricted Mode does not allow. Trust the workspace first.');
      return undefined;
    }
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'dockerfile' || doc.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('Go Dockerfile: open a Dockerfile (saved on disk) to measure it.');
      return undefined;
    }
    const file = doc.uri.fsPath;
    if (this.running.has(file)) return undefined;
    if (doc.isDirty) await doc.save();
    const client = this.client();
    if (!client) return undefined;
    // The server knows the build context and the stage names (it read them from files).
    const model = await client.sendRequest<LayerModel>(LAYERS_REQUEST, { uri: doc.uri.toString() } satisfies LayersParams);
    const cfg = vscode.workspace.getConfiguration('goDockerfile.measure');
    const opts = {
      dockerfile: file,
      context: model.context?.root ?? path.dirname(file),
      target: model.target,
      builder: cfg.get<string>('builder', 'auto'),
      globalArgs: cfg.get<string[]>('builderArgs', []),
      buildOptions: cfg.get<string[]>('buildOptions', []),
      buildArgs: cfg.get<Record<string, string>>('buildArgs', {}),
      stageNames: model.stages.map((s) => s.name),
    };
    const args = [this.context.asAbsolutePath(path.join('dist', 'measure.js')), JSON.stringify(opts)];
    this.running.add(file);
    this.changed.fire(file);
    try {
      const m = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Measuring ${vscode.workspace.asRelativePath(doc.uri)}`, cancellable: true },
        async (progress, token) => {
          progress.report({ message: 'starting the builder' });
          return runCli(args, token, (line) => {
            const cmd = /^go-dockerfile: measuring with (\S+): (.*)$/.exec(line);
            if (cmd) this.log.info(`Measure: ${cmd[1]} runs: ${cmd[2]}`);
            else this.log.info(line);
            if (/STEP \d+\/\d+|^\s*#\d+ \[/.test(line)) progress.report({ message: line.trim().slice(0, 120) });
          });
        },
      );
      await this.context.workspaceState.update(STATE_KEY, { ...this.stored(), [file]: m });
      await this.client()?.sendNotification(MEASUREMENT_NOTIFICATION, { uri: doc.uri.toString(), measurement: m } satisfies MeasurementParams);
      const ran = m.steps.filter((s) => s.ran).length;
      this.log.info(`Measure: done with ${m.builder}: final image ${m.finalBytes ?? '?'} bytes in ${m.finalLayers ?? '?'} layers; ${ran} step(s) ran, ${m.steps.filter((s) => s.step > 1).length - ran} from the cache.`);
      return m;
    } catch (e) {
      if (e instanceof Cancelled) {
        this.log.info('Measure: cancelled; the last measurement is kept.');
        return undefined;
      }
      this.log.error(`Measure failed: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage(`Go Dockerfile: the measuring build failed: ${e instanceof Error ? e.message : String(e)} (see the output).`, 'Show Output').then((a) => {
        if (a) this.log.show(true);
      });
      return undefined;
    } finally {
      this.running.delete(file);
      this.changed.fire(file);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Runs dist/measure.js with the extension host's Node (ELECTRON_RUN_AS_NODE for desktop VS Code);
 * its stderr lines (the builder's output) go to `onLine`, its stdout is the measurement.
 * Cancelling sends SIGTERM, on which it stops the builder.
 */
function runCli(args: string[], token: vscode.CancellationToken, onLine: (l: string) => void): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let rest = '';
    let cancelled = false;
    const sub = token.onCancellationRequested(() => {
      cancelled = true;
      child.kill('SIGTERM');
    });
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      const parts = (rest + c).split(/\r?\n/);
      rest = parts.pop() ?? '';
      for (const l of parts) onLine(l);
    });
    child.on('error', (e) => {
      sub.dispose();
      reject(e);
    });
    child.on('close', (code) => {
      sub.dispose();
      if (rest) onLine(rest);
      if (cancelled) return reject(new Cancelled('cancelled'));
      if (code !== 0) return reject(new Error(`the measuring build failed (exit ${code})`));
      try {
        resolve(JSON.parse(out) as Measurement);
      } catch {
        reject(new Error('the measurement could not be read'));
      }
    });
  });
}
