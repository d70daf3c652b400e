/**
 * Dockerfile model + build context -> LayerModel (./model.ts), with the rebuild prediction for a
 * change and the cache-efficiency figure (the share of layer steps reused when one .go file
 * changes).
 */
import * as path from 'node:path';
import type { DockerfileModel, Instruction } from '../dockerfile/model';
import { lookupImage } from '../images/table';
import { normalizeRel } from '../workspace/dockerignore';
import { analyzeDockerfile, type Analysis, type StageAnalysis, type StepAnalysis } from './analyze';
import { toContextPath, type ContextFileSet } from './contextFiles';
import type { CacheEfficiency, ChangeSummary, FinalImage, LayerModel, LayerStage, LayerStep, LspRange } from './model';
import { predict, type Prediction, type ResolvedChange } from './predict';
import { goBuildSize, moduleDownloadSize, packageInstallSize, stageCopySize, type EstimateContext, type SizeEstimate } from './estimate';
import { formatBytes } from '../bytes';
import type { Measurement } from '../measure/types';
import type { ModuleCacheReader } from './moduleCache';
import { textHash } from '../measure/hash';

export interface LayerOptions {
  /** Absolute path of the Dockerfile (for its own place in the context and its ignore file). */
  dockerfilePath?: string | null;
  /** The build context's files; without it, sizes are unknown and paths match by name only. */
  context?: ContextFileSet | null;
  /** `--target`: the stage the image is made of (default: the last one). */
  target?: string | null;
  /** `--build-arg` values (they resolve ARG-parameterised FROMs and COPY sources). */
  buildArgs?: Record<string, string>;
  /** Changed files: context-relative paths, absolute paths or file: URIs. */
  changedFiles?: readonly string[];
  /** A change category: `go` (a .go file), `gomod` (go.mod/go.sum), `dockerfile:N` (1-based line), `dockerfile`, `arg:NAME`. */
  change?: string | null;
  /** Layer counts of base images when known (scratch is 0 without it). */
  imageLayers?: (ref: string) => number | null | undefined;
  /** Sizes module downloads from the user's module cache (driver/moduleCacheReader.ts); without it, from the module count. */
  moduleCache?: ModuleCacheReader;
  /** Reads a context-relative file (go.sum, go.work.sum); without it, modules are not counted. */
  readText?: (rel: string) => string | null;
  /** The last real build of this Dockerfile, shown beside the estimates. */
  measurement?: Measurement | null;
}

const MAX_INSTRUCTION = 200;
const TOP_FILES = 5;

const NOTES: Record<string, string> = {
  WORKDIR: 'No layer: buildah records WORKDIR as an empty history entry; BuildKit adds a tiny layer holding the folder when the base image lacks it.',
  LINK: 'COPY --link: BuildKit reuses this layer even when the steps before it re-run (buildah 1.28 rejects --link).',
  BIND: 'Bind-mounted context files are part of BuildKit\'s cache key for this RUN; buildah 1.28 ignores their content and keeps the cached result.',
  ARCHIVE: 'ADD extracts the archive: the size of the layer is that of its content (unknown).',
};

export function buildLayerModel(df: DockerfileModel, opts: LayerOptions = {}): LayerModel {
  const ctx = opts.context ?? null;
  const a = analyzeDockerfile(df, ctx, { target: opts.target, buildArgs: opts.buildArgs });
  const warnings = [...a.warnings];
  if (ctx?.partial) warnings.push('the build context was not read completely: file counts and sizes are lower bounds');

  let change: ChangeSummary | null = null;
  let prediction: Prediction | null = null;
  if ((opts.changedFiles && opts.changedFiles.length > 0) || opts.change) {
    const { resolved, ignored } = resolveChange(a, ctx, opts, warnings);
    prediction = predict(a, resolved);
    change = summarize(a, prediction, opts.change ?? null, resolved, ignored);
  }

  // Cache efficiency: one .go file changes.
  const goFile = representativeGoFile(ctx);
  const goPrediction = predict(a, { files: ctx?.isIgnored(goFile) ? [] : [goFile], lines: new Set(), args: new Set() });
  const layerSteps = builtSteps(a).filter((s) => s.createsLayer);
  const reusedLayers = layerSteps.filter((s) => !goPrediction.reasons.has(s)).length;
  const detail: CacheEfficiency | null = layerSteps.length > 0 ? { file: goFile, reused: reusedLayers, total: layerSteps.length } : null;

  const ec: EstimateContext = {
    workspace: ctx?.workspace ?? null,
    readText: opts.readText ?? (() => null),
    moduleCache: opts.moduleCache,
  };
  const measured = measuredSteps(opts.measurement ?? null);
  const stages = a.stages.map((s) => stageOf(a, s, ctx, prediction, opts, ec, measured));
  for (const s of stages) for (const d of s.dependsOn) if (!stages[d.stage].usedBy.includes(s.index)) stages[d.stage].usedBy.push(s.index);

  return {
    dockerfile: opts.dockerfilePath ? path.resolve(opts.dockerfilePath) : null,
    context: ctx ? { root: ctx.root, files: ctx.files.length, bytes: ctx.files.reduce((n, f) => n + f.size, 0), partial: ctx.partial } : null,
    target: opts.target ?? null,
    stages,
    finalImage: finalImageOf(a, stages, opts),
    change,
    measurement: measurementSummary(df, opts.measurement ?? null),
    cacheEfficiency: detail ? detail.reused / detail.total : null,
    cacheEfficiencyDetail: detail,
    warnings,
  };
}

function builtSteps(a: Analysis): StepAnalysis[] {
  return a.stages.filter((s) => a.built.has(s.stage.index)).flatMap((s) => s.steps);
}

function summarize(a: Analysis, p: Prediction, category: string | null, r: ResolvedChange, ignored: string[]): ChangeSummary {
  const steps = builtSteps(a);
  const layers = steps.filter((s) => s.createsLayer);
  return {
    category,
    files: r.files,
    dockerfileLines: [...r.lines].sort((x, y) => x - y),
    args: [...r.args],
    ignored,
    rebuiltSteps: steps.filter((s) => p.reasons.has(s)).length,
    totalSteps: steps.length,
    rebuiltLayers: layers.filter((s) => p.reasons.has(s)).length,
    totalLayers: layers.length,
  };
}

// ------------------------------------------------------------------------------------------
// Changes

function resolveChange(a: Analysis, ctx: ContextFileSet | null, opts: LayerOptions, warnings: string[]): { resolved: ResolvedChange; ignored: string[] } {
  const files: string[] = [];
  const ignored: string[] = [];
  const lines = new Set<number>();
  const args = new Set<string>();
  const add = (rel: string) => {
    if (ctx?.isIgnored(rel)) ignored.push(rel);
    else if (!files.includes(rel)) files.push(rel);
  };
  for (const f of opts.changedFiles ?? []) {
    const rel = ctx ? toContextPath(ctx.root, f) : relativeWithoutContext(f, opts.dockerfilePath);
    if (rel === null) ignored.push(f);
    else add(rel);
  }
  const dockerfileRel = ctx && opts.dockerfilePath ? toContextPath(ctx.root, path.resolve(opts.dockerfilePath)) : null;
  const category = (opts.change ?? '').trim();
  if (category) {
    const m = /^(\w[\w.-]*)(?::(.*))?$/.exec(category);
    const kind = m?.[1].toLowerCase();
    const arg = m?.[2];
    if (kind === 'go' || kind === 'go-file' || kind === '.go') add(representativeGoFile(ctx));
    else if (kind === 'gomod' || kind === 'go.mod' || kind === 'go.sum') for (const f of goModFiles(ctx)) add(f);
    else if (kind === 'dockerfile') {
      if (arg !== undefined) {
        const n = Number(arg);
        if (Number.isInteger(n) && n >= 1 && n <= a.df.lines.lineCount) lines.add(n);
        else warnings.push(`change "${category}": no such line`);
      }
      // The Dockerfile is a file of the context too (`COPY . .` copies it unless it is ignored).
      if (dockerfileRel) add(dockerfileRel);
    } else if (kind === 'arg' && arg) args.add(arg);
    else warnings.push(`unknown change "${category}" (expected go, gomod, dockerfile:LINE or arg:NAME)`);
  }
  return { resolved: { files, lines, args }, ignored };
}

function relativeWithoutContext(f: string, dockerfilePath: string | null | undefined): string | null {
  if (f.startsWith('file:') || path.isAbsolute(f)) {
    if (!dockerfilePath) return null;
    return toContextPath(path.dirname(path.resolve(dockerfilePath)), f);
  }
  const rel = normalizeRel(f);
  return rel === '' || rel.startsWith('..') ? null : rel;
}

/** The .go file "one .go file changes" assumes: a file of a main package, else of any package, else any .go file, else `main.go`. */
export function representativeGoFile(ctx: ContextFileSet | null): string {
  const ws = ctx?.workspace;
  if (ctx && ws) {
    const pkgs = [...ws.packages].sort((x, y) => Number(y.isMain) - Number(x.isMain) || (x.dir < y.dir ? -1 : x.dir > y.dir ? 1 : 0));
    for (const p of pkgs) {
      for (const f of p.files) {
        const rel = p.dir ? `${p.dir}/${f}` : f;
        if (!ctx.isIgnored(rel)) return rel;
      }
    }
  }
  if (ctx) {
    const f = ctx.files.find((x) => x.path.endsWith('.go') && !x.path.endsWith('_test.go') && !/(^|\/)(vendor|testdata)\//.test(x.path));
    if (f) return f.path;
  }
  return 'main.go';
}

function goModFiles(ctx: ContextFileSet | null): string[] {
  const ws = ctx?.workspace;
  const dirs = ws && ws.modules.length > 0 ? ws.modules.map((m) => m.dir) : [''];
  const out = dirs.flatMap((d) => (d ? [`${d}/go.mod`, `${d}/go.sum`] : ['go.mod', 'go.sum']));
  if (ws?.work) out.push('go.work', 'go.work.sum');
  if (!ctx || ctx.partial) return out;
  // Only the files that exist (a module without requirements has no go.sum).
  const present = new Set(ctx.files.map((f) => f.path));
  const existing = out.filter((f) => present.has(f) || ctx.isIgnored(f));
  return existing.length > 0 ? existing : out.slice(0, 1);
}

// ------------------------------------------------------------------------------------------
// Stages and steps

function rangeOf(df: DockerfileModel, instr: Instruction): LspRange {
  return { start: df.lines.positionAt(instr.span.start), end: df.lines.positionAt(instr.span.end) };
}

function instructionText(df: DockerfileModel, instr: Instruction): string {
  const raw = df.text.slice(instr.span.start, instr.span.end);
  const heredoc = instr.heredocs.length > 0;
  let text: string;
  if (heredoc) text = df.lines.lineText(instr.line).trim() + ' …';
  else {
    const esc = df.escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = raw
      .split(new RegExp(`${esc}[ \\t]*(?:\\r\\n|\\r|\\n)`))
      .map((part) => part.split(/\r\n|\r|\n/).filter((l) => !/^\s*#/.test(l)).join(' '))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return text.length > MAX_INSTRUCTION ? text.slice(0, MAX_INSTRUCTION - 1) + '…' : text;
}

function baseImageOf(a: Analysis, s: StageAnalysis, opts: LayerOptions): LayerStage['baseImage'] {
  // The root of the FROM chain.
  let cur: StageAnalysis = s;
  const seen = new Set<number>();
  while (cur.baseStage !== null && !seen.has(cur.stage.index)) {
    seen.add(cur.stage.index);
    cur = a.stages[cur.baseStage];
  }
  const ref = cur.resolvedBase;
  if (ref === null || cur.baseStage !== null) return null;
  const info = lookupImage(ref);
  const scratch = info?.family === 'scratch';
  const given = opts.imageLayers?.(ref);
  return { ref, known: info !== undefined, approxBytes: info?.approxBytes ?? null, layers: scratch ? 0 : given ?? null };
}

function stageOf(a: Analysis, s: StageAnalysis, ctx: ContextFileSet | null, p: Prediction | null, opts: LayerOptions, ec: EstimateContext, measured: Map<string, MeasuredStep>): LayerStage {
  const df = a.df;
  const index = s.stage.index;
  const baseImage = baseImageOf(a, s, opts);
  const info = s.baseStage === null && s.resolvedBase !== null ? lookupImage(s.resolvedBase) : undefined;
  const fromMeasured = measured.get(`${index}:1`);
  const fromStep: LayerStep = {
    step: 1,
    line: s.stage.from.line + 1,
    endLine: s.stage.from.endLine + 1,
    range: rangeOf(df, s.stage.from),
    keyword: 'FROM',
    instruction: instructionText(df, s.stage.from),
    createsLayer: false,
    kind: 'base',
    inputs: s.baseStage !== null ? [`stage:${a.stages[s.baseStage].stage.name ?? s.baseStage}`] : s.resolvedBase !== null ? [`image:${s.resolvedBase}`] : [],
    cacheMounts: [],
    contextFiles: null,
    contextBytes: null,
    contextTop: [],
    // The base image's size when this stage stands on an image the table knows.
    estimatedBytes: s.baseStage === null ? baseImage?.approxBytes ?? null : null,
    estimateBasis: fromBasis(a, s, info),
    compressedBytes: info?.approxCompressedBytes ?? null,
    measuredBytes: fromMeasured ? 0 : null,
    measuredRan: null,
    rebuilt: false,
    rebuildReason: null,
  };
  // Modules downloaded earlier in this stage or the stages it is built FROM (a later go build reuses them).
  let downloaded = false;
  for (let b = s.baseStage; b !== null && !downloaded; b = a.stages[b].baseStage) downloaded = a.stages[b].steps.some((st) => st.kind === 'module-download');
  const steps = s.steps.map((st) => {
    const e = estimateOf(a, s, st, ec, downloaded);
    if (st.kind === 'module-download') downloaded = true;
    return stepOf(df, st, ctx, p, e, measured.get(`${index}:${st.step}`));
  });
  const own = steps.filter((st) => st.createsLayer);
  return {
    index,
    name: s.stage.name,
    base: s.stage.base,
    resolvedBase: s.resolvedBase,
    baseStage: s.baseStage,
    line: s.stage.from.line + 1,
    range: rangeOf(df, s.stage.from),
    final: index === a.finalStage,
    reachesFinal: a.built.has(index),
    inFinalImage: a.chain.includes(index),
    dependsOn: s.deps,
    usedBy: [],
    baseImage: s.baseStage === null ? baseImage : null,
    layers: [fromStep, ...steps],
    layerCount: own.length,
    estimatedBytes: own.every((st) => st.estimatedBytes !== null) ? own.reduce((n, st) => n + (st.estimatedBytes ?? 0), 0) : null,
    rebuilt: p?.stageRebuilt.has(index) ?? false,
  };
}

function stepOf(df: DockerfileModel, st: StepAnalysis, ctx: ContextFileSet | null, p: Prediction | null, e: SizeEstimate, m: MeasuredStep | undefined): LayerStep {
  const instr = st.instr;
  const selected = st.selected;
  const contextBytes = selected ? selected.reduce((n, f) => n + f.size, 0) : null;
  let estimatedBytes: number | null = e.bytes;
  let estimateBasis = e.basis;
  let note: string | undefined;
  if (!st.createsLayer) {
    estimatedBytes = 0;
    estimateBasis = 'image configuration only: no layer';
  } else if (st.kind === 'context-copy') {
    if (st.extracts) {
      note = NOTES.ARCHIVE;
      estimateBasis = 'ADD extracts the archive: its content is known only after a build';
    } else if (contextBytes !== null && !ctx?.partial) {
      estimatedBytes = contextBytes + st.inlineBytes;
      estimateBasis = `${selected!.length} context file${selected!.length === 1 ? '' : 's'} after .dockerignore`;
    } else estimateBasis = ctx ? (ctx.partial ? 'the build context was not read completely' : 'a source has a variable without a value') : 'the build context was not read';
  } else if (st.kind === 'inline-copy') {
    estimatedBytes = st.inlineBytes;
    estimateBasis = 'the heredoc text';
  }
  if (instr.keyword === 'WORKDIR') note = NOTES.WORKDIR;
  if (st.link) note = NOTES.LINK;
  if (st.hasContextBind) note = NOTES.BIND;
  const reason = p?.reasons.get(st) ?? null;
  const step: LayerStep = {
    step: st.step,
    line: instr.line + 1,
    endLine: instr.endLine + 1,
    range: rangeOf(df, instr),
    keyword: instr.keyword,
    instruction: instructionText(df, instr),
    createsLayer: st.createsLayer,
    kind: st.kind,
    inputs: st.inputs,
    cacheMounts: st.cacheMounts,
    contextFiles: selected ? selected.length : null,
    contextBytes,
    contextTop: selected ? [...selected].sort((x, y) => y.size - x.size || (x.path < y.path ? -1 : 1)).slice(0, TOP_FILES).map((f) => ({ path: f.path, bytes: f.size })) : [],
    estimatedBytes,
    estimateBasis,
    measuredBytes: m ? m.bytes : null,
    measuredRan: m ? m.ran : null,
    rebuilt: reason !== null,
    rebuildReason: reason,
  };
  if (note) step.note = note;
  return step;
}

function finalImageOf(a: Analysis, stages: LayerStage[], opts: LayerOptions): FinalImage {
  if (a.finalStage < 0) {
    return { stage: -1, layers: 0, baseLayers: null, totalLayers: null, baseImage: null, estimatedBytes: null, knownBytes: 0, unknownLayers: 0, baseCompressedBytes: null, measuredBytes: null };
  }
  const chain = a.chain.map((i) => stages[i]);
  const root = baseImageOf(a, a.stages[a.chain[0]], opts);
  const layers = chain.flatMap((s) => s.layers.filter((l) => l.createsLayer));
  const unknownLayers = layers.filter((l) => l.estimatedBytes === null).length;
  const knownBytes = (root?.approxBytes ?? 0) + layers.reduce((n, l) => n + (l.estimatedBytes ?? 0), 0);
  const baseLayers = root ? root.layers : null;
  return {
    stage: a.finalStage,
    layers: layers.length,
    baseLayers,
    totalLayers: baseLayers === null ? null : baseLayers + layers.length,
    baseImage: root?.ref ?? null,
    estimatedBytes: unknownLayers === 0 && root !== null && root.approxBytes !== null ? knownBytes : null,
    knownBytes,
    unknownLayers,
    baseCompressedBytes: root ? lookupImage(root.ref)?.approxCompressedBytes ?? null : null,
    measuredBytes: opts.measurement?.finalBytes ?? null,
  };
}

// ------------------------------------------------------------------------------------------
// Estimates and measurements

function estimateOf(a: Analysis, s: StageAnalysis, st: StepAnalysis, ec: EstimateContext, downloaded: boolean): SizeEstimate {
  if (!st.createsLayer) return { bytes: 0, basis: '' };
  switch (st.kind) {
    case 'module-download': return moduleDownloadSize(st, ec);
    case 'package-install': return packageInstallSize(st.instr, st);
    case 'go-build': return goBuildSize(a.df, s, st, ec, downloaded);
    case 'stage-copy': {
      const dep = st.stageDeps.find((d) => d.via === 'copy');
      return stageCopySize(st, dep ? a.stages[dep.stage] : null, ec);
    }
    case 'image-copy': return stageCopySize(st, null, ec);
    case 'remote-add': return { bytes: null, basis: 'a remote file\'s size is known only after it is downloaded' };
    case 'run': return { bytes: null, basis: 'what this command writes is known only after a build (Measure)' };
    default: return { bytes: null, basis: '' };
  }
}

function fromBasis(a: Analysis, s: StageAnalysis, info: ReturnType<typeof lookupImage>): string {
  if (s.baseStage !== null) return `continues stage ${a.stages[s.baseStage].stage.name ?? s.baseStage}`;
  if (s.resolvedBase === null) return 'the base image is unknown (a variable has no value)';
  if (!info) return `${s.resolvedBase} is not in the image table`;
  if (info.family === 'scratch') return 'scratch: an empty image';
  return `${info.family} from the image table: ~${formatBytes(info.approxBytes)} uncompressed${info.approxCompressedBytes ? `, ~${formatBytes(info.approxCompressedBytes)} compressed` : ''}`;
}

type MeasuredStep = Measurement['steps'][number];

function measuredSteps(m: Measurement | null): Map<string, MeasuredStep> {
  return new Map((m?.steps ?? []).map((s) => [`${s.stage}:${s.step}`, s]));
}

function measurementSummary(df: DockerfileModel, m: Measurement | null): LayerModel['measurement'] {
  if (!m) return null;
  return {
    builder: m.builder,
    command: m.command.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' '),
    target: m.target,
    at: m.at,
    stale: m.textHash !== textHash(df.text),
    ran: m.steps.filter((s) => s.ran && s.step > 1).map((s) => `${s.stage}:${s.step}`),
    order: m.steps.map((s) => `${s.stage}:${s.step}`),
    finalBytes: m.finalBytes,
    finalLayers: m.finalLayers,
  };
}
