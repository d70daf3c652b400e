/**
 * "Measure with a real build" (goDockerfile.measureLayers): in a trusted workspace only, runs
 * the builder (docker buildx, podman or buildah) on the Dockerfile with progress and
 * cancellation, logs which builder and command ran, keeps the last measurement per Dockerfile
 * (workspace state) and sends it to the server, which shows it beside the estimates. The
 * command is also disabled by `enablement: isWorkspaceTrusted`, and the server never builds.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildersOnPath, measureBuild, MeasureError, type MeasureOptions } from '../../../server/src/measure/run';
import type { BuilderName, Measurement } from '../../../server/src/measure/types';

const STATE_KEY = 'goDockerfile.measurements';
export const MEASUREMENT_NOTIFICATION = 'goDockerfile/measurement';

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
      await c.sendNotification(MEASUREMENT_NOTIFICATION, { uri: vscode.Uri.file(file).toString(), measurement: m });
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
    const model = await client.sendRequest<{ context: { root: string } | null; target: string | null; stages: { name: string | null }[] }>('goDockerfile/layers', { uri: doc.uri.toString() });
    const cfg = vscode.workspace.getConfiguration('goDockerfile.measure');
    const opts: MeasureOptions = {
      dockerfile: file,
      context: model.context?.root ?? vscode.Uri.joinPath(doc.uri, '..').fsPath,
      target: model.target,
      builder: cfg.get<BuilderName | 'auto'>('builder', 'auto'),
      globalArgs: cfg.get<string[]>('builderArgs', []),
      buildOptions: cfg.get<string[]>('buildOptions', []),
      buildArgs: cfg.get<Record<string, string>>('buildArgs', {}),
      stageNames: model.stages.map((s) => s.name),
    };
    this.running.add(file);
    this.changed.fire(file);
    try {
      const m = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Measuring ${vscode.workspace.asRelativePath(doc.uri)}`, cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return measureBuild(opts, {
            signal: abort.signal,
            onCommand: (argv) => {
              this.log.info(`Measure: ${argv[0]} runs: ${argv.map(quote).join(' ')}`);
              progress.report({ message: `${argv[0]}: starting` });
            },
            onOutput: (line) => {
              this.log.info(`  ${line}`);
              if (/STEP \d+\/\d+|^#\d+ \[/.test(line)) progress.report({ message: line.slice(0, 120) });
            },
          });
        },
      );
      await this.context.workspaceState.update(STATE_KEY, { ...this.stored(), [file]: m });
      await this.client()?.sendNotification(MEASUREMENT_NOTIFICATION, { uri: doc.uri.toString(), measurement: m });
      const ran = m.steps.filter((s) => s.ran).length;
      this.log.info(`Measure: done with ${m.builder}: final image ${m.finalBytes ?? '?'} bytes in ${m.finalLayers ?? '?'} layers; ${ran} step(s) ran, ${m.steps.filter((s) => s.step > 1).length - ran} from the cache.`);
      return m;
    } catch (e) {
      if (e instanceof MeasureError && e.cancelled) {
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

function quote(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
