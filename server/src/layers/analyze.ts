/**
 * Dockerfile model -> per-stage, per-step facts the layer model and the rebuild prediction
 * share: resolved bases (with build args), dependencies between stages, what each step reads,
 * whether it creates a layer, and the context files it sends.
 */
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { argDeclarations, goCommands } from '../dockerfile/facts';
import { mounts } from '../dockerfile/mounts';
import { isInstall, packageCommands } from '../dockerfile/packages';
import { properties } from '../dockerfile/parse';
import { expandVariables, layered, referencedNames } from '../dockerfile/variables';
import type { ContextFileSet } from './contextFiles';
import type { LayerKind } from './model';
import { copySpec, excludedBy, isArchive, isRemoteSource, sourceCovers, type CopySpec } from '../dockerfile/copySources';

export interface StepAnalysis {
  instr: Instruction;
  stage: number;
  /** 1-based, FROM = 1. */
  step: number;
  kind: LayerKind;
  createsLayer: boolean;
  /** Context paths the step reads (COPY/ADD sources, bind-mount sources); 'unknown' when a source has an unknown variable. */
  contextSources: string[] | 'unknown';
  excludes: string[];
  /** `COPY --link`: its layer does not depend on the steps before it (BuildKit). */
  link: boolean;
  stageDeps: { stage: number; via: 'copy' | 'mount' }[];
  /** COPY/ADD sources as written (after variable substitution), also for --from copies. */
  copySources: string[];
  /** Variables the instruction's text references. */
  refs: Set<string>;
  /** Names an ARG instruction declares. */
  declares: string[];
  inputs: string[];
  cacheMounts: string[];
  /** Context files sent (null: not applicable or no context). */
  selected: { path: string; size: number }[] | null;
  /** Bytes of heredoc files. */
  inlineBytes: number;
  /** ADD of a local archive (extracted: size unknown). */
  extracts: boolean;
  hasContextBind: boolean;
}

export interface StageAnalysis {
  stage: Stage;
  resolvedBase: string | null;
  baseStage: number | null;
  /** Variables the FROM references. */
  fromRefs: Set<string>;
  steps: StepAnalysis[];
  deps: { stage: number; via: 'from' | 'copy' | 'mount'; line: number }[];
}

export interface Analysis {
  df: DockerfileModel;
  stages: StageAnalysis[];
  finalStage: number;
  /** Stages the final image needs (BuildKit builds only these). */
  built: Set<number>;
  /** The final stage and the stages it is built FROM. */
  chain: number[];
  globals: Map<string, string | null>;
  warnings: string[];
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export function varRefs(text: string): Set<string> {
  return new Set(referencedNames(text));
}

export function analyzeDockerfile(df: DockerfileModel, ctx: ContextFileSet | null, opts: { target?: string | null; buildArgs?: Record<string, string> } = {}): Analysis {
  const warnings: string[] = [];
  const buildArgs = opts.buildArgs ?? {};
  const globals = new Map<string, string | null>();
  for (const [k, v] of df.globalArgs) globals.set(k, Object.hasOwn(buildArgs, k) ? buildArgs[k] : v);

  const stages: StageAnalysis[] = [];
  const nameToIndex = new Map<string, number>();
  /** ENV at the end of each stage (inherited by stages built FROM it). */
  const envAtEnd: Map<string, string | null>[] = [];

  const stageRefOf = (ref: string, before: number): number | null => {
    const byName = nameToIndex.get(ref.toLowerCase());
    if (byName !== undefined && byName < before) return byName;
    if (/^\d+$/.test(ref) && Number(ref) < before) return Number(ref);
    return null;
  };

  for (const stage of df.stages) {
    const expanded = expandVariables(stage.base, globals);
    // FROM takes stage names only (not indices); a name is one of an earlier stage.
    const baseStage = nameToIndex.get((expanded ?? stage.base).toLowerCase()) ?? null;
    const resolvedBase = baseStage !== null ? stage.base : expanded;
    if (resolvedBase === null) warnings.push(`FROM ${stage.base} (line ${stage.from.line + 1}): a variable has no value; the base image is unknown`);

    const env = new Map<string, string | null>(baseStage !== null ? envAtEnd[baseStage] : []);
    const args = new Map<string, string | null>();
    const visible = layered(env, args);
    const expand = (s: string) => expandVariables(s, visible);
    const steps: StepAnalysis[] = [];
    const deps: StageAnalysis['deps'] = [];
    if (baseStage !== null) deps.push({ stage: baseStage, via: 'from', line: stage.from.line + 1 });

    stage.instructions.forEach((instr, i) => {
      if (i === 0) return; // FROM
      const step = analyzeStep(df, stage, instr, i + 1, ctx, {
        expand,
        isArg: (name) => args.has(name) && !env.has(name),
        stageRef: (ref) => stageRefOf(ref.includes('$') ? expand(ref) ?? ref : ref, stage.index),
      });
      steps.push(step);
      for (const d of step.stageDeps) deps.push({ stage: d.stage, via: d.via, line: instr.line + 1 });
      if (instr.keyword === 'ENV') {
        for (const p of properties(instr)) env.set(p.name, p.value === null ? null : expandVariables(p.value, visible));
      } else if (instr.keyword === 'ARG') {
        for (const a of argDeclarations(df, instr)) {
          // --build-arg wins; else the default (expanded); else the global ARG's value.
          if (Object.hasOwn(buildArgs, a.name)) args.set(a.name, buildArgs[a.name]);
          else if (a.value !== undefined) args.set(a.name, expandVariables(a.value, visible));
          else args.set(a.name, globals.get(a.name) ?? null);
        }
      }
    });
    envAtEnd[stage.index] = env;
    stages.push({ stage, resolvedBase, baseStage, fromRefs: varRefs(stage.base), steps, deps });
    if (stage.name) nameToIndex.set(stage.name, stage.index);
  }

  let finalStage = df.stages.length - 1;
  if (opts.target) {
    const t = df.stages.find((s) => s.name === opts.target!.toLowerCase());
    if (t) finalStage = t.index;
    else warnings.push(`target stage "${opts.target}" not found; using the last stage`);
  }
  const built = new Set<number>();
  const todo = finalStage >= 0 ? [finalStage] : [];
  while (todo.length) {
    const i = todo.pop()!;
    if (built.has(i)) continue;
    built.add(i);
    for (const d of stages[i].deps) todo.push(d.stage);
  }
  const chain: number[] = [];
  for (let i: number | null = finalStage >= 0 ? finalStage : null; i !== null && !chain.includes(i); i = stages[i].baseStage) chain.unshift(i);
  return { df, stages, finalStage, built, chain, globals, warnings };
}

function analyzeStep(
  df: DockerfileModel,
  stage: Stage,
  instr: Instruction,
  step: number,
  ctx: ContextFileSet | null,
  scope: { expand: (s: string) => string | null; isArg: (name: string) => boolean; stageRef: (ref: string) => number | null },
): StepAnalysis {
  const { expand, stageRef } = scope;
  const kw = instr.keyword;
  const a: StepAnalysis = {
    instr, stage: stage.index, step, kind: 'metadata', createsLayer: LAYER_KEYWORDS.has(kw),
    contextSources: [], copySources: [], excludes: [], link: false, stageDeps: [],
    refs: varRefs(df.text.slice(instr.span.start, instr.span.end)),
    declares: kw === 'ARG' ? argDeclarations(df, instr).map((d) => d.name) : [],
    inputs: [], cacheMounts: [], selected: null, inlineBytes: 0, extracts: false, hasContextBind: false,
  };
  const contextSources: string[] = [];
  let unknown = false;

  if (kw === 'COPY' || kw === 'ADD') {
    const spec: CopySpec = copySpec(instr, df.text, expand);
    a.link = spec.link;
    a.excludes = spec.excludes;
    a.copySources = spec.sources;
    for (const h of spec.heredocs) {
      a.inputs.push(`heredoc:${h.name}`);
      a.inlineBytes += h.bytes;
    }
    if (spec.from !== null) {
      const idx = stageRef(spec.from);
      if (idx !== null) {
        a.kind = 'stage-copy';
        a.stageDeps.push({ stage: idx, via: 'copy' });
        a.inputs.push(`stage:${spec.from}`);
      } else {
        a.kind = 'image-copy';
        a.inputs.push(`image:${spec.from.includes('$') ? expand(spec.from) ?? spec.from : spec.from}`);
      }
    } else {
      const remote = kw === 'ADD' ? spec.sources.filter(isRemoteSource) : [];
      const local = spec.sources.filter((s) => !remote.includes(s));
      for (const r of remote) a.inputs.push(`url:${r}`);
      for (const s of local) {
        contextSources.push(s);
        a.inputs.push(`context:${s}`);
      }
      if (spec.unknownSources) unknown = true;
      a.extracts = kw === 'ADD' && local.some(isArchive);
      a.kind = local.length > 0 || spec.unknownSources ? 'context-copy' : remote.length > 0 ? 'remote-add' : spec.heredocs.length > 0 ? 'inline-copy' : 'context-copy';
    }
  } else if (kw === 'RUN') {
    a.kind = runKind(instr);
    for (const m of mounts(instr)) {
      if (m.type === 'cache') {
        if (m.target) a.cacheMounts.push(m.target);
        a.inputs.push(`cache:${m.target ?? '?'}`);
      } else if (m.type === 'secret' || m.type === 'ssh') {
        a.inputs.push(`${m.type}:${m.id ?? m.target ?? 'default'}`);
        continue;
      } else if (m.type === 'tmpfs') {
        continue;
      }
      if (m.type !== 'bind' && m.type !== 'cache') continue;
      if (m.from) {
        const idx = stageRef(m.from);
        if (idx !== null) {
          a.stageDeps.push({ stage: idx, via: 'mount' });
          a.inputs.push(`stage:${m.from}`);
        } else a.inputs.push(`image:${m.from}`);
      } else if (m.type === 'bind') {
        const src = m.source ?? '.';
        const v = src.includes('$') ? expand(src) : src;
        if (v === null) unknown = true;
        else contextSources.push(v);
        a.inputs.push(`bind:${src}`);
        a.hasContextBind = true;
      }
    }
  }
  for (const name of a.refs) if (scope.isArg(name)) a.inputs.push(`arg:${name}`);
  a.contextSources = unknown ? 'unknown' : contextSources;
  if (ctx && !unknown && contextSources.length > 0) {
    a.selected = ctx.files.filter((f) => contextSources.some((s) => sourceCovers(s, f.path)) && !excludedBy(a.excludes, f.path));
  } else if (ctx && !unknown && (kw === 'COPY' || kw === 'ADD') && a.kind === 'context-copy') {
    a.selected = [];
  }
  return a;
}

function runKind(instr: Instruction): LayerKind {
  const subs = goCommands(instr).map((g) => g.sub);
  if (subs.some((s) => s === 'build' || s === 'install')) return 'go-build';
  if (subs.some((s) => s === 'mod download' || s === 'get' || s === 'mod vendor' || s === 'mod tidy')) return 'module-download';
  if (packageCommands(instr).some(isInstall)) return 'package-install';
  return 'run';
}

/** Does a context source set cover a (sent) context file? */
export function stepReads(step: StepAnalysis, rel: string): boolean {
  if (step.contextSources === 'unknown') return true;
  return step.contextSources.some((s) => sourceCovers(s, rel)) && !excludedBy(step.excludes, rel);
}
