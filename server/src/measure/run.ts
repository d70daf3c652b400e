/**
 * "Measure with a real build": runs a builder (docker buildx, podman or buildah) on a
 * Dockerfile and reads back which steps ran and the bytes of each layer. This RUNS PROGRAMS:
 * only the CLI (`layers --measure`, asked by its user) and the VS Code client (a trusted
 * workspace, on the user's click) call it; the language server never does.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRegularFile } from '../workspace/safeRead';
import { textHash } from './hash';
import {
  imageLayersFromBuildahInspect, imageLayersFromPodmanHistory, parseBuildahOutput, parseBuildxOutput, stepSizes,
  type BuiltStep, type ImageLayers,
} from './parse';
import type { BuilderName, MeasuredStep, Measurement } from './types';

export const BUILDERS: BuilderName[] = ['docker', 'podman', 'buildah'];

export interface MeasureOptions {
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** The build context folder. */
  context: string;
  target?: string | null;
  buildArgs?: Record<string, string>;
  /** A builder by name, or `auto`: the first of docker (with buildx and a running daemon), podman, buildah that works. */
  builder?: BuilderName | 'auto';
  /** Arguments before the subcommand, e.g. buildah's `--root DIR --runroot DIR --storage-driver overlay`. */
  globalArgs?: string[];
  /** Extra options of the build command, e.g. `--isolation chroot`. */
  buildOptions?: string[];
  env?: NodeJS.ProcessEnv;
  /** Stage names in Dockerfile order (to read docker's `[name k/m]` progress). */
  stageNames?: (string | null)[];
}

export interface MeasureHooks {
  /** Each line the builder prints. */
  onOutput?: (line: string) => void;
  /** The command about to run (argv, program first). */
  onCommand?: (argv: string[]) => void;
  signal?: AbortSignal;
}

export class MeasureError extends Error {
  constructor(message: string, readonly output = '', readonly cancelled = false) {
    super(message);
  }
}

/** Builders found on PATH (a file lookup: nothing runs). */
export function buildersOnPath(env: NodeJS.ProcessEnv = process.env): BuilderName[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return BUILDERS.filter((b) => dirs.some((d) => exts.some((e) => isExecutable(path.join(d, b + e)))));
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr lines in the order they arrived (buildah prints `--> id` on one, STEP on the other). */
  lines: string[];
}

function run(argv: string[], opts: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; onLine?: (l: string) => void; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      // Required here, not at the top: loading child_process is a noticeable part of every CLI start, and only --measure runs anything.
      const { spawn } = require('node:child_process') as typeof import('node:child_process');
      child = spawn(argv[0], argv.slice(1), { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    let stdout = '';
    let stderr = '';
    const all: string[] = [];
    const emit = (l: string) => {
      all.push(l);
      opts.onLine?.(l);
    };
    const lines = (chunk: string, carry: { rest: string }) => {
      const text = carry.rest + chunk;
      const parts = text.split(/\r?\n/);
      carry.rest = parts.pop() ?? '';
      for (const l of parts) emit(l);
    };
    const outCarry = { rest: '' };
    const errCarry = { rest: '' };
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      lines(c, outCarry);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      lines(c, errCarry);
    });
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    };
    const timer = opts.timeoutMs ? setTimeout(stop, opts.timeoutMs) : undefined;
    opts.signal?.addEventListener('abort', stop, { once: true });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', stop);
      if (outCarry.rest) emit(outCarry.rest);
      if (errCarry.rest) emit(errCarry.rest);
      resolve({ code, stdout, stderr, lines: all });
    });
  });
}

/** Does this builder work here? docker needs buildx and a running daemon. */
async function probe(b: BuilderName, opts: MeasureOptions): Promise<string | null> {
  const env = opts.env;
  const g = opts.globalArgs ?? [];
  try {
    if (b === 'docker') {
      const bx = await run(['docker', 'buildx', 'version'], { env, timeoutMs: 15000 });
      if (bx.code !== 0) return 'docker has no buildx';
      const info = await run(['docker', 'version', '--format', '{{.Server.Version}}'], { env, timeoutMs: 15000 });
      return info.code === 0 ? null : 'the Docker daemon is not running';
    }
    const v = await run([b, ...g, 'version'], { env, timeoutMs: 15000 });
    return v.code === 0 ? null : `${b} version failed: ${(v.stderr || v.stdout).trim().split('\n')[0]}`;
  } catch (e) {
    return `${b} could not start: ${(e as Error).message}`;
  }
}

/** The builder to use: the one asked for, or the first that works (with why the others did not). */
export async function pickBuilder(opts: MeasureOptions): Promise<{ builder: BuilderName; skipped: string[] }> {
  const onPath = buildersOnPath(opts.env);
  const wanted = opts.builder && opts.builder !== 'auto' ? [opts.builder] : BUILDERS;
  const skipped: string[] = [];
  for (const b of wanted) {
    if (!onPath.includes(b)) {
      skipped.push(`${b}: not on PATH`);
      continue;
    }
    const why = await probe(b, opts);
    if (why === null) return { builder: b, skipped };
    skipped.push(`${b}: ${why}`);
  }
  throw new MeasureError(`no builder to measure with (${skipped.join('; ')})`);
}

/**
 * The build command line. buildah and podman print each step's image (`--> id`) only without
 * --iidfile, and the final image id as the last line; docker writes it to the iidfile.
 */
export function buildCommand(builder: BuilderName, opts: MeasureOptions, iidfile: string): string[] {
  const common: string[] = ['-f', opts.dockerfile];
  if (builder === 'docker') common.push('--iidfile', iidfile);
  if (opts.target) common.push('--target', opts.target);
  for (const [k, v] of Object.entries(opts.buildArgs ?? {})) common.push('--build-arg', `${k}=${v}`);
  const extra = opts.buildOptions ?? [];
  if (builder === 'docker') return ['docker', ...(opts.globalArgs ?? []), 'buildx', 'build', '--load', '--progress=plain', ...common, ...extra, opts.context];
  if (builder === 'podman') return ['podman', ...(opts.globalArgs ?? []), 'build', '--layers', ...common, ...extra, opts.context];
  return ['buildah', ...(opts.globalArgs ?? []), 'bud', '--layers', ...common, ...extra, opts.context];
}

/** Builds the Dockerfile and reads back, per step, whether it ran and the bytes of its layer. */
export async function measureBuild(opts: MeasureOptions, hooks: MeasureHooks = {}): Promise<Measurement> {
  const text = readRegularFile(opts.dockerfile);
  const { builder } = await pickBuilder(opts);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'go-dockerfile-measure-'));
  const iidfile = path.join(tmp, 'iid');
  try {
    const argv = buildCommand(builder, opts, iidfile);
    hooks.onCommand?.(argv);
    const r = await run(argv, { env: opts.env, signal: hooks.signal, onLine: hooks.onOutput });
    const output = r.lines.join('\n');
    if (hooks.signal?.aborted) throw new MeasureError('the build was cancelled', output, true);
    if (r.code !== 0) throw new MeasureError(`${builder} exited with ${r.code}`, output);
    const image = fs.existsSync(iidfile)
      ? fs.readFileSync(iidfile, 'utf8').trim().replace(/^sha256:/, '')
      : [...r.stdout.split(/\r?\n/)].reverse().find((l) => /^[0-9a-f]{64}$/.test(l.trim()))?.trim() ?? null;
    const names = opts.stageNames ?? [];
    const built = builder === 'docker'
      ? parseBuildxOutput(output, (n) => {
        const i = names.findIndex((x) => x !== null && x.toLowerCase() === n.toLowerCase());
        return i >= 0 ? i : null;
      })
      : parseBuildahOutput(output);
    const steps = await sizeSteps(builder, opts, built, image);
    const final = image ? await imageLayers(builder, opts, image) : null;
    return {
      dockerfile: opts.dockerfile,
      textHash: textHash(text),
      builder,
      command: argv,
      target: opts.target ?? null,
      at: new Date().toISOString(),
      steps,
      finalBytes: final ? final.layers.reduce((n, b) => n + b, 0) : null,
      finalLayers: final ? final.layers.length : null,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function imageLayers(builder: BuilderName, opts: MeasureOptions, image: string): Promise<ImageLayers | null> {
  const g = opts.globalArgs ?? [];
  if (builder === 'buildah') {
    const r = await run(['buildah', ...g, 'inspect', '--type', 'image', image], { env: opts.env, timeoutMs: 60000 });
    return r.code === 0 ? safeJson(r.stdout, imageLayersFromBuildahInspect) : null;
  }
  if (builder === 'podman') {
    const r = await run(['podman', ...g, 'history', '--format', 'json', image], { env: opts.env, timeoutMs: 60000 });
    return r.code === 0 ? safeJson(r.stdout, imageLayersFromPodmanHistory) : null;
  }
  // docker history: one JSON object per line, newest first; --human=false gives bytes.
  const r = await run(['docker', ...g, 'history', '--no-trunc', '--human=false', '--format', '{{json .}}', image], { env: opts.env, timeoutMs: 60000 });
  if (r.code !== 0) return null;
  const entries = r.stdout.split('\n').filter((l) => l.trim()).map((l) => {
    try {
      const o = JSON.parse(l) as { CreatedBy?: string; Size?: string };
      return { created_by: o.CreatedBy ?? '', size: Number(o.Size ?? 0) };
    } catch {
      return { created_by: '', size: 0 };
    }
  });
  return imageLayersFromPodmanHistory(entries);
}

function safeJson<T>(text: string, f: (j: unknown) => T | null): T | null {
  try {
    return f(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Per step: ran or cached, and its layer bytes from the image its stage's last step committed. */
async function sizeSteps(builder: BuilderName, opts: MeasureOptions, built: BuiltStep[], finalImage: string | null): Promise<MeasuredStep[]> {
  const stages = [...new Set(built.map((s) => s.stage))];
  const lastStage = Math.max(...stages);
  const sizes = new Map<number, (number | null)[]>();
  for (const st of stages) {
    const own = built.filter((s) => s.stage === st);
    const of = own[0].of;
    // The final stage's image is the one the build wrote; other stages', the last id printed (buildah/podman).
    const image = st === lastStage && finalImage ? finalImage : [...own].reverse().find((s) => s.image)?.image ?? null;
    if (!image || (builder === 'docker' && st !== lastStage)) continue;
    const img = await imageLayers(builder, opts, image);
    if (img) sizes.set(st, stepSizes(img, of));
  }
  return built.map((s) => ({
    stage: s.stage,
    step: s.step,
    instruction: s.instruction,
    // FROM never runs: its layers are the base image's.
    ran: s.step > 1 && !s.cached,
    bytes: s.step === 1 ? 0 : sizes.get(s.stage)?.[s.step - 2] ?? null,
  }));
}
