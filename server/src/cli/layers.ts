/**
 * go-dockerfile layers <Dockerfile> [--context DIR] [--changed PATH...] [--change CATEGORY]
 *   [--target STAGE] [--build-arg NAME=VALUE] [--format text|json]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDockerfile } from '../dockerfile/parse';
import { TooLargeToAnalyseError } from '../dockerfile/limits';
import { contextFilesOf } from '../driver/layersContext';
import { buildLayerModel, formatText, type LayerModel } from '../layers';
import { resolveBuildContext } from '../workspace/context';
import { moduleCacheReader, userModuleCache } from '../driver/moduleCacheReader';
import { BUILDERS, MeasureError, measureBuild } from '../measure/run';
import type { BuilderName, Measurement } from '../measure/types';
import { loadWorkspace } from '../workspace/load';
import { UsageError, type Io } from './io';
import { readRegularFile, UnreadableFileError } from '../workspace/safeRead';

export { LAYERS_USAGE } from './usage';

export interface LayersOptions {
  file: string;
  context?: string;
  changed: string[];
  change?: string;
  target?: string;
  buildArgs: Record<string, string>;
  /** `measurement`: the raw measurement of `--measure` (what the VS Code client keeps and sends to the server). */
  format: 'text' | 'json' | 'measurement';
  /** Build for real and show measured sizes beside the estimates. */
  measure?: boolean;
  builder?: 'auto' | BuilderName;
  /** Arguments before the builder's subcommand (e.g. buildah's --root DIR). */
  builderArgs?: string[];
  /** Extra options of the build command (e.g. --isolation=chroot). */
  buildOptions?: string[];
}

export function parseLayersArgs(argv: string[]): LayersOptions {
  const files: string[] = [];
  const opts: Omit<LayersOptions, 'file'> = { changed: [], buildArgs: {}, format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--context') opts.context = value();
    else if (name === '--changed') {
      // One or more paths: `--changed a.go b.go`, `--changed=a.go`, or repeated.
      if (a.includes('=')) opts.changed.push(value());
      else {
        const start = opts.changed.length;
        while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) opts.changed.push(argv[++i]);
        if (opts.changed.length === start) throw new UsageError('--changed needs at least one path');
      }
    } else if (name === '--change') opts.change = value();
    else if (name === '--target') opts.target = value();
    else if (name === '--build-arg') {
      const v = value();
      const eq = v.indexOf('=');
      if (eq <= 0) throw new UsageError(`--build-arg needs NAME=VALUE, got "${v}"`);
      opts.buildArgs[v.slice(0, eq)] = v.slice(eq + 1);
    } else if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'measurement') throw new UsageError(`unknown format "${f}"`);
      opts.format = f;
    } else if (name === '--measure') opts.measure = true;
    else if (name === '--builder') {
      const b = value();
      if (b !== 'auto' && !BUILDERS.includes(b as BuilderName)) throw new UsageError(`unknown builder "${b}" (auto, ${BUILDERS.join(', ')})`);
      opts.builder = b as BuilderName | 'auto';
    } else if (name === '--builder-arg') (opts.builderArgs ??= []).push(value());
    else if (name === '--build-option') (opts.buildOptions ??= []).push(value());
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError('no Dockerfile given');
  if (files.length > 1) throw new UsageError('layers takes one Dockerfile');
  if (!opts.measure && (opts.builder || opts.builderArgs || opts.buildOptions || opts.format === 'measurement')) throw new UsageError('--builder, --builder-arg, --build-option and --format measurement go with --measure');
  return { ...opts, file: files[0] };
}

/** The LayerModel of a Dockerfile on disk, its build context read from files. */
export function layersOf(opts: LayersOptions, io: Io, measurement: Measurement | null = null): LayerModel {
  const text = readRegularFile(opts.file);
  const file = path.resolve(opts.file);
  // --context, else the nearest folder with go.mod/go.work, else the Dockerfile's folder.
  const root = resolveBuildContext(file, opts.context);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`the build context ${root} is not a folder`);
  const ws = loadWorkspace(root, { log: (m) => io.err(`go-dockerfile: ${m}`) });
  // A changed path as typed: relative to the current folder when that lands in the context, else to the context root.
  const changed = opts.changed.map((p) => {
    if (path.isAbsolute(p)) return p;
    const fromCwd = path.resolve(p);
    const rel = path.relative(root, fromCwd);
    const inContext = !rel.startsWith('..') && !path.isAbsolute(rel);
    return inContext && (fs.existsSync(fromCwd) || !fs.existsSync(path.join(root, p))) ? fromCwd : path.join(root, p);
  });
  const df = parseDockerfile(text);
  if (df.notAnalysed) throw new TooLargeToAnalyseError(df.notAnalysed.reason);
  return buildLayerModel(df, {
    dockerfilePath: file,
    context: contextFilesOf(ws, file),
    target: opts.target,
    buildArgs: opts.buildArgs,
    changedFiles: changed,
    change: opts.change,
    readText: (rel) => ws.readFile(rel),
    moduleCache: moduleCacheReader(userModuleCache()),
    measurement,
  });
}

/**
 * `--measure`: the build (it runs the builder: the user asked for it), then the model with the
 * measured sizes. SIGTERM/SIGINT stop the builder first (the VS Code client cancels that way).
 */
async function measured(opts: LayersOptions, io: Io): Promise<{ model: LayerModel; measurement: Measurement }> {
  const plain = layersOf(opts, io);
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    const m = await measureBuild({
    dockerfile: path.resolve(opts.file),
    context: plain.context?.root ?? resolveBuildContext(path.resolve(opts.file), opts.context),
    target: opts.target ?? null,
    buildArgs: opts.buildArgs,
    builder: opts.builder ?? 'auto',
    globalArgs: opts.builderArgs,
    buildOptions: opts.buildOptions,
    stageNames: plain.stages.map((s) => s.name),
    }, {
      signal: abort.signal,
      onCommand: (argv) => io.err(`go-dockerfile: measuring with ${argv[0]}: ${argv.join(' ')}`),
      onOutput: (line) => io.err(`  ${line}`),
    });
    return { model: layersOf(opts, io, m), measurement: m };
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  }
}

export async function layers(opts: LayersOptions, io: Io): Promise<number> {
  let model: LayerModel;
  let measurement: Measurement | null = null;
  try {
    if (opts.measure) ({ model, measurement } = await measured(opts, io));
    else model = layersOf(opts, io);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof UsageError) throw e;
    if (e instanceof TooLargeToAnalyseError) {
      io.err(`go-dockerfile: cannot analyse ${opts.file}: ${e.message}`);
      return 2;
    }
    if (e instanceof UnreadableFileError) {
      io.err(`go-dockerfile: cannot read ${opts.file}: ${e.message}`);
      return 2;
    }
    if (e instanceof MeasureError) {
      io.err(`go-dockerfile: ${e.message}`);
      return e.cancelled ? 130 : 1;
    }
    if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') {
      io.err(`go-dockerfile: cannot read ${opts.file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
      return 2;
    }
    throw e;
  }
  io.out(opts.format === 'measurement' ? JSON.stringify(measurement) : opts.format === 'json' ? JSON.stringify(model, null, 2) : formatText(model));
  return 0;
}
