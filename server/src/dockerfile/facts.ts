/**
 * Facts derived from the model that several rules, the fixes and the layer model share:
 * which stage is final, what image a stage stands on, its environment, its go commands.
 */
import { flatMapOf } from '../arrays';
import * as path from 'node:path';
import { endedRelease, type EndedRelease } from '../images/endOfLife';
import { isOfficialImageName } from '../images/officialImages';
import { imageEnv, lookupImage, type ImageInfo } from '../images/table';
import { copyWords, sourceCovers, unquoteAll } from './copySources';
import { registerInstructionFactSlot, registerModelFactSlot, registerStageFactSlot, type DockerfileModel, type Instruction, type Stage } from './model';
import { mounts } from './mounts';
import { properties, stageNamePattern } from './parse';
import type { ShellCommand, ShellWord } from './shell';
import { escapeRegex, expandVariables, isPlainReference, layered, PLATFORM_ARG, readsVariable, referencedNames, splitAtVariables, variableReferences, type VariableLookup } from './variables';

/** The final stage: the `target` stage when given and present, else the last stage. */
export function finalStageIndex(model: DockerfileModel, target?: string): number {
  if (target) {
    const s = model.stages.find((st) => st.name === target.toLowerCase());
    if (s) return s.index;
  }
  return model.stages.length - 1;
}

/** The image at the root of a stage's FROM chain (null when unresolvable or a cycle). */
export function rootImage(model: DockerfileModel, stage: Stage): string | null {
  return rootImages(model)[stage.index] ?? null;
}

/** Microsoft's Windows base images, and golang's Windows variants. */
const WINDOWS_IMAGE = /windowsservercore|nanoserver|(^|\/)windows\/(servercore|nanoserver|server)\b/i;

/**
 * Does the Dockerfile build Windows containers? One stage on a Windows image (or `--platform
 * windows/…`) is enough: a build's stages all run on one daemon, and a Windows daemon builds with
 * the classic builder, which has no `RUN --mount` (nats-io/prometheus-nats-exporter
 * docker/windows/amd64/nanoserver/Dockerfile: `FROM golang:1.15`, whose multi-platform tag is its
 * Windows variant there, then `FROM microsoft/nanoserver`). A stage whose base a variable names
 * tells nothing.
 */
export function buildsWindowsImage(model: DockerfileModel): boolean {
  // Once per model: GD107 asks it for every stage (a scan per stage was n² for n stages).
  const slot = model as ModelFactsSlot;
  return (slot[WINDOWS_BUILD] ??= model.stages.some((s) => (s.baseStage === null && WINDOWS_IMAGE.test(s.resolvedBase ?? s.base)) || /^windows\//i.test(s.platform ?? '')));
}

/** Every stage's root image, once per model: asking per stage by walking its chain was n² for n chained stages. */
function rootImages(model: DockerfileModel): (string | null)[] {
  const slot = model as ModelFactsSlot;
  let roots = slot[ROOT_IMAGES];
  if (!roots) {
    const r: (string | null)[] = [];
    // A stage is built FROM an earlier one only (parse.ts), so one pass in order resolves them all.
    for (const s of model.stages) r[s.index] = s.baseStage === null ? s.resolvedBase : s.baseStage < s.index ? r[s.baseStage] ?? null : null;
    slot[ROOT_IMAGES] = roots = r;
  }
  return roots;
}

// Kept on the model itself, not in WeakMaps keyed by it: V8's young-generation GC keeps every
// WeakMap value alive whatever its key (only a full GC drops them), so a chain cache kept each
// analysed model, with all its instructions, alive and copied through every scavenge until then.
const ROOT_IMAGES = Symbol('rootImages');
const WINDOWS_BUILD = Symbol('windowsBuild');
const STAGE_CHAINS = Symbol('stageChains');
const IMAGE_STAGES = Symbol('imageStages');
const TARGET_IMAGES = Symbol('targetImages');
const USED_STAGES = Symbol('usedStages');
const STAGES_BY_NAME = Symbol('stagesByName');
const DESCENDANTS = Symbol('descendants');
const STAGE_IMAGES = Symbol('stageImages');
const ROOT_RELEASES = Symbol('rootReleases');
const BASE_CANDIDATES = Symbol('baseStageCandidates');
const STAGE_COMMENTS = Symbol('stageComments');
registerModelFactSlot(STAGE_COMMENTS);
const COMMENT_LINES = Symbol('commentLines');
registerModelFactSlot(COMMENT_LINES);
registerModelFactSlot(BASE_CANDIDATES);
registerModelFactSlot(ROOT_IMAGES);
registerModelFactSlot(WINDOWS_BUILD);
registerModelFactSlot(STAGE_CHAINS);
registerModelFactSlot(IMAGE_STAGES);
registerModelFactSlot(TARGET_IMAGES);
registerModelFactSlot(USED_STAGES);
registerModelFactSlot(STAGES_BY_NAME);
registerModelFactSlot(DESCENDANTS);
registerModelFactSlot(STAGE_IMAGES);
registerModelFactSlot(ROOT_RELEASES);
interface ModelFactsSlot {
  [ROOT_IMAGES]?: (string | null)[];
  [WINDOWS_BUILD]?: boolean;
  [STAGE_CHAINS]?: Stage[][];
  [IMAGE_STAGES]?: Map<number, Set<number>>;
  [TARGET_IMAGES]?: Map<number, readonly number[]>;
  [USED_STAGES]?: ReadonlySet<number>;
  [STAGES_BY_NAME]?: Map<string, number>;
  [DESCENDANTS]?: Stage[][];
  [STAGE_IMAGES]?: (ImageInfo | null | undefined)[];
  [ROOT_RELEASES]?: (EndedRelease | null | undefined)[];
  [BASE_CANDIDATES]?: number[][];
  [STAGE_COMMENTS]?: ModelComment[][];
  [COMMENT_LINES]?: ReadonlyMap<number, string>;
}

type ModelComment = DockerfileModel['comments'][number];

/**
 * The comment lines of a stage: after its FROM, before the next stage's FROM. Grouped once per
 * model: rules that looked through every comment of the file for each stage (GD107's declined
 * mounts) were quadratic in a long file's stages.
 */
export function stageComments(model: DockerfileModel, stage: Stage): readonly ModelComment[] {
  const byStage = ((model as ModelFactsSlot)[STAGE_COMMENTS] ??= groupComments(model));
  return byStage[stage.index] ?? [];
}

/** The text of the comment on each comment line (once per model: rules asked it for each go command or instruction). */
export function commentLines(model: DockerfileModel): ReadonlyMap<number, string> {
  return ((model as ModelFactsSlot)[COMMENT_LINES] ??= new Map(model.comments.map((c) => [c.line, c.text])));
}

/** The first line of an instruction's block: the comment lines directly above it. */
export function commentBlockStart(model: DockerfileModel, instr: Instruction): number {
  const comments = commentLines(model);
  let line = instr.line;
  while (line > 0 && comments.has(line - 1)) line--;
  return line;
}

function groupComments(model: DockerfileModel): ModelComment[][] {
  const byStage: ModelComment[][] = model.stages.map(() => []);
  const stages = model.stages;
  for (const c of model.comments) {
    // The last stage whose FROM is above the comment (stages are in file order).
    let lo = 0;
    let hi = stages.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (stages[mid].from.line < c.line) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at >= 0) byStage[at].push(c);
  }
  return byStage;
}

/** What the image table knows of the stage's root image; per stage once per model (rules ask it of the same stages again and again). */
export function stageImage(model: DockerfileModel, stage: Stage): ImageInfo | undefined {
  // One slot per stage from the start (a sparse array written at a high index first goes slow).
  const known = ((model as ModelFactsSlot)[STAGE_IMAGES] ??= model.stages.map(() => undefined));
  let image = known[stage.index];
  if (image === undefined) {
    const ref = rootImage(model, stage);
    known[stage.index] = image = (ref ? lookupImage(ref) : undefined) ?? null;
  }
  return image ?? undefined;
}

/**
 * The ended operating-system release (images/endOfLife.ts) of the image the stage's FROM chain
 * starts from; null when its root is no image reference or its release is supported. Once per
 * root stage and model: GD211 asks it of the final stage, GD126 of every stage.
 */
export function rootRelease(model: DockerfileModel, stage: Stage): EndedRelease | null {
  const root = stageChain(model, stage)[0];
  if (root.baseStage !== null || !root.resolvedBase) return null;
  const known = ((model as ModelFactsSlot)[ROOT_RELEASES] ??= model.stages.map(() => undefined));
  let release = known[root.index];
  if (release === undefined) known[root.index] = release = endedRelease(root.resolvedBase);
  return release;
}

/**
 * The stage's image has the Go toolchain: the image table says so, or, where a variable with no
 * default hides the tag, its FROM names a repository whose every image has Go. krakend's
 * `FROM golang:${GOLANG_VERSION}-alpine${ALPINE_VERSION}` (the versions come with --build-arg)
 * is a golang image whatever the tag; what the tag decides (Go's version, the libc) stays unknown.
 */
export function goImage(model: DockerfileModel, stage: Stage): boolean {
  if (stageImage(model, stage)?.goToolchain === true) return true;
  if (rootImage(model, stage) !== null) return false;
  const root = stageChain(model, stage).find((s) => s.baseStage === null);
  const repo = root ? literalRepository(root.base) : null;
  return repo !== null && lookupImage(repo)?.goToolchain === true;
}

/** `name[:tag][@digest]` without its tag and digest, when only they hold variables; else null. */
function literalRepository(ref: string): string | null {
  const name = ref.replace(/@.*$/, '');
  const colon = name.lastIndexOf(':');
  const repo = colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
  return repo !== '' && !repo.includes('$') ? repo : null;
}

/**
 * [major, minor] of the Go a stage's commands run with: the golang image tag along its FROM chain,
 * else a GOLANG_VERSION/GO_VERSION ENV before `before` (a Go installed from a tarball); null when
 * unknown (also for a golang tag naming no version).
 * Rules use it for features newer than the builder (`-trimpath` came with Go 1.13, the build
 * cache with 1.10, `-mod=mod` with 1.14).
 */
export function stageGoVersion(model: DockerfileModel, stage: Stage, before?: Instruction): [number, number] | null {
  for (const s of stageChain(model, stage)) {
    const image = s.resolvedBase ? lookupImage(s.resolvedBase) : undefined;
    if (image?.repository === 'golang') return image.go ? [image.go.major, image.go.minor ?? 99] : null;
  }
  const env = envBefore(model, stage, before);
  const v = env.get('GOLANG_VERSION') ?? env.get('GO_VERSION');
  const m = v ? /^(?:go)?(\d+)\.(\d+)/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The stage's Go is known and older than major.minor. */
export function goOlderThan(model: DockerfileModel, stage: Stage, before: Instruction | undefined, major: number, minor: number): boolean {
  const v = stageGoVersion(model, stage, before);
  return v !== null && (v[0] < major || (v[0] === major && v[1] < minor));
}

/**
 * How many stages of a FROM chain are looked at (the stage itself and its nearest ancestors).
 * Real chains are a handful of stages; a pathological file with thousands of stages built one
 * FROM the other made every rule walk every chain (n² per rule). Beyond this depth what the
 * oldest ancestors did is not seen: the images's root is still known (rootImage).
 */
export const MAX_STAGE_CHAIN = 64;

/**
 * The ENTRYPOINT and CMD that start a stage's image, read along its FROM chain. An ENTRYPOINT
 * resets the CMD the stage inherited (from its base image or stage), but not a CMD of its own
 * stage written before it: BuildKit's dispatchEntrypoint clears the CMD only while the stage has
 * set none (`cmdSet`, which every FROM starts false), and the classic builder does the same.
 */
export function startInstructions(model: DockerfileModel, stage: Stage): { entrypoint: Instruction | null; cmd: Instruction | null } {
  let entrypoint: Instruction | null = null;
  let cmd: Instruction | null = null;
  for (const s of stageChain(model, stage)) {
    let cmdSet = false;
    for (const i of s.instructions) {
      if (i.keyword === 'ENTRYPOINT') { entrypoint = i; if (!cmdSet) cmd = null; }
      if (i.keyword === 'CMD') { cmd = i; cmdSet = true; }
    }
  }
  return { entrypoint, cmd };
}

/**
 * `--platform=$BUILDPLATFORM`, also with braces and a default (`${BUILDPLATFORM:-linux/amd64}`:
 * inlets/inlets-operator; BuildKit always sets BUILDPLATFORM, so the default is for other builders).
 */
const BUILD_PLATFORM = /^\$(BUILDPLATFORM|\{BUILDPLATFORM(:?-[^}]*)?\})$/;

/** Whether a stage runs on the build platform: the nearest `--platform` of its FROM chain is $BUILDPLATFORM (GD118, GD210). */
export function onBuildPlatform(model: DockerfileModel, stage: Stage): boolean {
  const chain = stageChain(model, stage);
  for (let k = chain.length - 1; k >= 0; k--) {
    const p = chain[k].platform;
    if (p !== null) return isBuildPlatform(p);
  }
  return false;
}

/** A FROM's `--platform` value names the build platform. */
export function isBuildPlatform(platform: string): boolean {
  return BUILD_PLATFORM.test(platform.trim());
}

/**
 * The stages whose instructions a stage inherits, itself last (at most MAX_STAGE_CHAIN). Shared
 * (rules ask for chains many times per analysis): read-only.
 */
export function stageChain(model: DockerfileModel, stage: Stage): readonly Stage[] {
  const slot = model as ModelFactsSlot;
  let chains = slot[STAGE_CHAINS];
  if (!chains) {
    const c: Stage[][] = [];
    // A stage is built FROM an earlier one only (parse.ts): one pass in order, each chain from its base's.
    for (const s of model.stages) {
      const base = s.baseStage !== null && s.baseStage < s.index ? c[s.baseStage] : undefined;
      c[s.index] = base ? [...(base.length >= MAX_STAGE_CHAIN ? base.slice(1) : base), s] : [s];
    }
    slot[STAGE_CHAINS] = chains = c;
  }
  return chains[stage.index] ?? [stage];
}

/**
 * The stages a stage may be built FROM: its base stage; or, when variables with no default (or
 * a default naming no stage) pick the base among the stages before it, every earlier stage whose
 * name the FROM can spell (parse.ts stageNamePattern). aws-load-balancer-controller's last stage
 * is `FROM bin-${TARGETOS} as bin` (TARGETOS is BuildKit's) beside `bin-linux`/`bin-darwin`,
 * both `FROM bin-unix`: the build runs one of them, so each may. Empty for an image. The chain
 * (stageChain) stays unknown: this is for the questions "which stages may be built"
 * (stagesFeeding, imageStages), which must not answer "none".
 */
export function baseStageCandidates(model: DockerfileModel, stage: Stage): readonly number[] {
  const slot = model as ModelFactsSlot;
  let all = slot[BASE_CANDIDATES];
  if (!all) {
    all = [];
    // Each FROM against each earlier name, bounded per file as parse.ts bounds it.
    let budget = 100_000;
    for (const s of model.stages) {
      if (s.baseStage !== null) {
        all[s.index] = [s.baseStage];
        continue;
      }
      const pattern = s.resolvedBase === null ? stageNamePattern(s.base) : null;
      const out: number[] = [];
      if (pattern) {
        for (const e of model.stages) {
          if (e.index >= s.index || --budget < 0) break;
          if (e.name !== null && pattern.test(e.name)) out.push(e.index);
        }
      }
      all[s.index] = out;
    }
    slot[BASE_CANDIDATES] = all;
  }
  return all[stage.index] ?? [];
}

/**
 * The stages an image is built from: the final stage's FROM chain, and the chain of every other
 * stage that is an image of its own, one that no other stage uses (no FROM, `COPY --from` or
 * `--mount=from=` names it) and that has an ENTRYPOINT or CMD (casdoor's STANDARD, published
 * with `--target STANDARD` beside the last stage ALLINONE; tetragon's `release`). Their layers
 * ship; a builder stage's stay in the build cache. What the Dockerfile alone says: a rule that
 * asks whether a stage's layers are in an image reads facts/passedBuildArgs.ts shippedStages,
 * these and the stages a build file's `--build-arg` makes a base of the image.
 */
export function imageStages(model: DockerfileModel, finalStage: number): Set<number> {
  const byFinal = ((model as ModelFactsSlot)[IMAGE_STAGES] ??= new Map());
  let out = byFinal.get(finalStage);
  if (!out) byFinal.set(finalStage, (out = computeImageStages(model, finalStage)));
  return out;
}

function computeImageStages(model: DockerfileModel, finalStage: number): Set<number> {
  const out = new Set<number>();
  const queue = [...targetImages(model, finalStage)];
  while (queue.length > 0) {
    const chain = stageChain(model, model.stages[queue.pop()!]);
    for (const c of chain) out.add(c.index);
    // A chain whose root picks its base among the stages (by the build's platform): each it can pick.
    for (const p of basePicks(model, chain[0])) if (!out.has(p)) queue.push(p);
  }
  return out;
}

/** The values BuildKit gives its automatic platform ARGs (TARGETPLATFORM's hold a `/`, which no stage name has). */
const PLATFORM_ARG_VALUE: Readonly<Record<string, string>> = {
  PLATFORM: '[a-z0-9]+/[a-z0-9]+(?:/v[0-9]+)?',
  ARCH: '(?:amd64|arm64|arm|386|ppc64le|ppc64|s390x|riscv64|mips64le|mips64|mipsle|mips|loong64)',
  OS: '(?:linux|windows|darwin|freebsd|netbsd|openbsd|illumos|solaris|aix)',
  VARIANT: '(?:v[0-9]+)?',
};

/**
 * The stages a FROM that names no stage or image as written picks among the stages before it,
 * each in some build (baseStageCandidates). Through BuildKit's automatic platform ARGs
 * (TARGETARCH, TARGETOS, TARGETVARIANT, BUILDARCH…), which no ARG before the first FROM gives a
 * default, each build platform builds from the stage its values name: nicholasjackson/fake-service
 * f2194ab Dockerfile-VM:39 `FROM image-${TARGETARCH}` beside `image-amd64` and `image-arm64`
 * (lines 28, 34), both `FROM base`: base is in every image (judge 41 X W1: GD303 said it was
 * not). Only names those values can spell (`image-debug` is no platform's). Through another
 * variable without a value, the build passes one (facts/passedBuildArgs.ts shippedStages reads
 * the build files' values): any stage the FROM can spell may be picked, and none is said not to be.
 */
export function basePicks(model: DockerfileModel, stage: Stage): readonly number[] {
  if (stage.baseStage !== null || stage.resolvedBase !== null || !stage.base.includes('$')) return [];
  const candidates = baseStageCandidates(model, stage);
  if (candidates.length === 0) return [];
  const refs = variableReferences(stage.base);
  if (!refs.every((r) => isPlainReference(r) && PLATFORM_ARG.test(r.name) && (model.globalArgs.get(r.name) ?? null) === null)) return candidates;
  let pattern = '';
  let at = 0;
  for (const r of refs) {
    pattern += escapeRegex(stage.base.slice(at, r.start).toLowerCase()) + PLATFORM_ARG_VALUE[r.name.replace(/^(TARGET|BUILD)/, '')];
    at = r.end;
  }
  const name = new RegExp(`^${pattern}${escapeRegex(stage.base.slice(at).toLowerCase())}$`);
  return candidates.filter((c) => name.test(model.stages[c].name ?? ''));
}

/**
 * The stages that are images of their own: the final stage, and every stage no other stage
 * builds FROM or reads (`--from`) that has an ENTRYPOINT or CMD (a `--target` image: spire's
 * Dockerfile ends with three, spire-server, spire-agent and oidc-discovery-provider) or is only
 * a FROM of another stage (an alias to build with `--target`: fq's `FROM base AS dev`). In order.
 */
export function targetImages(model: DockerfileModel, finalStage: number): readonly number[] {
  // Once per model and final stage: a walk of every instruction, asked by several rules.
  const byFinal = ((model as ModelFactsSlot)[TARGET_IMAGES] ??= new Map());
  let out = byFinal.get(finalStage);
  if (!out) byFinal.set(finalStage, (out = computeTargetImages(model, finalStage)));
  return out;
}

function computeTargetImages(model: DockerfileModel, finalStage: number): number[] {
  const used = usedStages(model);
  const out: number[] = [];
  for (const s of model.stages) {
    if (s.index !== finalStage) {
      if (used.has(s.index)) continue;
      const { entrypoint, cmd } = startInstructions(model, s);
      // A stage that is only `FROM <another stage>` exists to be built with `--target` (fq's
      // `FROM base AS dev`, documented as `docker build --target dev`): it is that stage's image.
      const alias = s.instructions.length === 1 && s.baseStage !== null;
      if (entrypoint === null && cmd === null && !alias) continue;
    }
    out.push(s.index);
  }
  return out;
}

/**
 * The stages another stage uses: builds FROM (or may, baseStageCandidates) or reads files from
 * (`COPY --from`, `RUN --mount=…,from=`, by name or index). Once per model: a walk of every
 * instruction (targetImages, GD123). Shared: not to be modified.
 */
export function usedStages(model: DockerfileModel): ReadonlySet<number> {
  const slot = model as ModelFactsSlot;
  let used = slot[USED_STAGES];
  if (!used) {
    const u = new Set<number>();
    for (const s of model.stages) {
      for (const b of baseStageCandidates(model, s)) u.add(b);
      for (const i of s.instructions) for (const idx of stagesReadBy(model, i)) u.add(idx);
    }
    slot[USED_STAGES] = used = u;
  }
  return used;
}

/**
 * A `--from` (or mount `from=`) value that names no stage of the file and could not be an image
 * or a value a variable makes: no `/`, `:`, `@`, variable or quote, not a stage index, not an
 * official image's name (images/officialImages.ts) nor one the image table knows. BuildKit then
 * pulls `docker.io/library/<name>` and the build stops, unless the build is given a named context
 * of that name: a mistake for a stage of the file, as far as the file can say (GD123;
 * facts/unbuiltStages.ts, where the stage meant may be any).
 */
export function namesNoStage(model: DockerfileModel, name: string): boolean {
  if (/[/:@$"'{}\s]/.test(name) || /^\d+$/.test(name)) return false;
  if (stageRef(model, name) !== null) return false;
  return !isOfficialImageName(name) && lookupImage(name) === undefined;
}

/** The stages an instruction reads files from: its `--from=` flags, then its `--mount=…,from=`. */
export function stagesReadBy(model: DockerfileModel, instr: Instruction): number[] {
  // Mounts are read from the flags: none without flags (most instructions).
  if (instr.flags.length === 0) return [];
  const out: number[] = [];
  for (const f of instr.flags) {
    const idx = f.name === 'from' && f.value ? stageRef(model, f.value) : null;
    if (idx !== null) out.push(idx);
  }
  for (const m of mounts(instr)) {
    const idx = m.from ? stageRef(model, m.from) : null;
    if (idx !== null) out.push(idx);
  }
  return out;
}

/** Stage index referenced by `--from=` (a name, case-insensitive, the first stage of that name; or an index), or null for an image. */
export function stageRef(model: DockerfileModel, ref: string): number | null {
  const slot = model as ModelFactsSlot;
  let names = slot[STAGES_BY_NAME];
  if (!names) {
    names = new Map();
    // The first stage of a name wins, as a scan from the top finds it.
    for (const s of model.stages) if (s.name !== null && !names.has(s.name)) names.set(s.name, s.index);
    slot[STAGES_BY_NAME] = names;
  }
  const byName = names.get(ref) ?? names.get(ref.toLowerCase());
  if (byName !== undefined) return byName;
  return /^\d+$/.test(ref) && Number(ref) < model.stages.length ? Number(ref) : null;
}

/**
 * The stages whose FROM chain holds `stage` (itself first, then in order): who inherits its
 * layers. Once per model: asking each stage's chain per question was n² for the n stages of a
 * long file.
 */
export function stageDescendants(model: DockerfileModel, stage: Stage): readonly Stage[] {
  const slot = model as ModelFactsSlot;
  let all = slot[DESCENDANTS];
  if (!all) {
    all = model.stages.map(() => []);
    for (const s of model.stages) for (const c of stageChain(model, s)) all[c.index].push(s);
    slot[DESCENDANTS] = all;
  }
  return all[stage.index] ?? [stage];
}

/** ARG declarations of one instruction: `ARG A B=2 C="x y"` (quotes removed; undefined = no default). */
export function argDeclarations(model: DockerfileModel, instr: Instruction): { name: string; value: string | undefined }[] {
  if (instr.keyword !== 'ARG' || !instr.argsSpan) return [];
  const out: { name: string; value: string | undefined }[] = [];
  for (const word of splitQuoted(model.text.slice(instr.argsSpan.start, instr.argsSpan.end))) {
    const eq = word.indexOf('=');
    out.push(eq < 0 ? { name: word, value: undefined } : { name: word.slice(0, eq), value: unquoteAll(word.slice(eq + 1)) });
  }
  return out;
}

/** Whitespace-separated words, quotes kept, whitespace inside quotes kept. */
function splitQuoted(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      cur += c;
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
    } else if (/\s/.test(c)) {
      if (any) out.push(cur);
      cur = '';
      any = false;
    } else {
      cur += c;
      any = true;
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && i + 1 < s.length) cur += s[++i];
    }
  }
  if (any) out.push(cur);
  return out;
}

/**
 * The variables a RUN sees from the Dockerfile just before `before`: ENV and ARGs of the stage
 * and of the stages it is built FROM (BuildKit: "arguments and variables are inherited from
 * parent stages"; an ARG's scope ends with its stage and the stages built on it, a global ARG is
 * not in any stage until declared there; ENV wins over an ARG of the same name). Values are
 * expanded; null when unknown.
 */
export function dockerEnv(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  // Rules ask for the same stage and instruction many times (every envValue): once each.
  const byInstr = ((stage as DockerEnvSlot)[DOCKER_ENV] ??= new Map());
  const key = before ?? null;
  let env = byInstr.get(key);
  if (!env) byInstr.set(key, (env = computeDockerEnv(model, stage, before)));
  return env;
}

/**
 * dockerEnv's answers per instruction, kept on the stage (as the go commands are, see
 * GO_COMMANDS); shared, so callers must not modify them.
 */
const DOCKER_ENV = Symbol('dockerEnv');
registerStageFactSlot(DOCKER_ENV);
interface DockerEnvSlot {
  [DOCKER_ENV]?: Map<Instruction | null, Map<string, string | null>>;
}

function computeDockerEnv(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  const env = new Map<string, string | null>();
  const args = new Map<string, string | null>();
  // A global ARG the stage has not declared (yet) reads as empty in an ENV or ARG value, where
  // the base image does not set the name (globalArgEmpty): edgevpn's `ENV LDFLAGS=$LDFLAGS`.
  const visible: VariableLookup = {
    get: (name) => (env.has(name) ? env.get(name) : args.has(name) ? args.get(name) : globalArgEmpty(model, stage, name) ? '' : undefined),
  };
  outer: for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (instr === before) break outer;
      if (instr.keyword === 'ENV') {
        for (const p of properties(instr)) env.set(p.name, p.value === null ? null : expandVariables(p.value, visible));
      } else if (instr.keyword === 'ARG') {
        for (const a of argDeclarations(model, instr)) {
          // A stage ARG without a default takes the global ARG's default (or the --build-arg).
          const value = a.value === undefined ? model.globalArgs.get(a.name) ?? null : a.value;
          args.set(a.name, value === null ? null : expandVariables(value, visible));
        }
      }
    }
  }
  // ARGs first, ENV over them (a stage without ARGs, the common case, needs no merged copy).
  if (args.size === 0) return env;
  return new Map([...args, ...env]);
}

/**
 * Variables the images set in their environment, or BuildKit passes to every RUN (the proxy
 * variables): a stage sees a value for them without any ARG (GD115 reads them too).
 */
export const IMAGE_SET_VARIABLES = /^(PATH|HOME|HOSTNAME|PWD|SHELL|USER|TERM|LANG|LC_ALL|GOPATH|GOROOT|GOLANG_VERSION|GOTOOLCHAIN|GOBIN|GOCACHE|GOMODCACHE|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|FTP_PROXY|ALL_PROXY|http_proxy|https_proxy|no_proxy|ftp_proxy|all_proxy)$/;

/**
 * `name` is a global ARG (declared before the first FROM) that reads as empty in the stage where
 * no ARG or ENV of its chain sets it: a global ARG is in scope only in FROM lines until a stage
 * declares it again, and the stage's base image (known to images/table.ts) does not set the
 * name. The caller checks the stage's own ARG and ENV. mudler/edgevpn 97f8fed Dockerfile:2,18:
 * `ARG LDFLAGS=-s -w` before the first FROM, `ENV LDFLAGS=$LDFLAGS` in the builder, which is empty
 * (judge 38 X M1). GD115 reports such a use; dockerEnv expands it as empty. BuildKit's automatic
 * platform ARGs (TARGETARCH, TARGETOS, BUILDPLATFORM…: PLATFORM_ARG) are global ARGs every
 * Dockerfile has without declaring them, empty in a stage alike: `ENV GOARCH=$TARGETARCH` without
 * `ARG TARGETARCH` sets GOARCH to nothing, and go builds for the stage's own platform.
 */
export function globalArgEmpty(model: DockerfileModel, stage: Stage, name: string): boolean {
  if (!(model.globalArgs.has(name) || PLATFORM_ARG.test(name)) || IMAGE_SET_VARIABLES.test(name)) return false;
  const image = stageImage(model, stage);
  return image !== undefined && !imageEnv(image).has(name);
}

/**
 * The variables a path of the Dockerfile (WORKDIR, a COPY destination, `-o`) is expanded with:
 * the stage's ENV and ARGs (dockerEnv), over what its base image sets (imageEnv: GOPATH=/go on
 * golang). A stage's own ENV/ARG of the same name wins, even without a value.
 */
export function pathEnv(model: DockerfileModel, stage: Stage, before?: Instruction): VariableLookup {
  return layered(dockerEnv(model, stage, before), imageEnv(stageImage(model, stage)));
}

/**
 * Where the stage's FROM chain, before `before` (all of it when absent), puts a Go toolchain of
 * its own into its image: `COPY --from=golang /usr/local/go …` (opengist's alpine base), Go's
 * release archive unpacked (`go1.22.9.linux-amd64.tar.gz`, `mv go /usr/local`), or an install-go
 * script. The folder it lands in (its GOROOT) when the Dockerfile says so: a COPY's destination,
 * `/usr/local/go` for the archive moved or unpacked there; null for a script (or a destination
 * with a variable). `archive`: the name of Go's release archive a RUN unpacks, as written
 * (`go${GO_VERSION}.linux-${TARGETARCH}.tar.gz`). Undefined when the chain installs none. GD104
 * (a stage with Go), GD208 (a build environment's final image) and GD113 (a toolchain for the
 * target platform) read it.
 */
export function installedGoToolchain(model: DockerfileModel, stage: Stage, before?: Instruction): { dir: string | null; archive?: string } | undefined {
  let found: { dir: string | null; archive?: string } | undefined;
  // ARG and ENV values as written (unexpanded: `go${golang_version}.linux-${TARGETARCH}.tar.gz`
  // has no value before the build), for a RUN that names the archive through one (openziti's
  // cross-build image: `ARG go_distribution_file=go${golang_version}.linux-${TARGETARCH}.tar.gz`,
  // `RUN tar -xzf ${go_distribution_file} -C /usr/local/`).
  const written = new Map<string, string>();
  for (const [name, value] of model.globalArgs) if (value !== null) written.set(name, value);
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return found;
      if (i.keyword === 'ARG') {
        for (const a of argDeclarations(model, i)) if (a.value !== undefined) written.set(a.name, a.value);
      } else if (i.keyword === 'ENV') {
        for (const p of properties(i)) if (p.value !== null) written.set(p.name, p.value);
      }
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.some((f) => f.name === 'from')) {
        const paths = copyPaths(i);
        if (!paths?.sources.some((src) => /^\/usr\/local\/go\/?$/.test(src))) continue;
        const dest = paths.dest.length > 1 ? paths.dest.replace(/\/+$/, '') : paths.dest;
        // `COPY --from=golang /usr/local/go/ /usr/local/go/`; one of several sources lands inside the folder.
        found = { dir: paths.sources.length === 1 && dest.startsWith('/') && !dest.includes('$') ? dest : null };
      } else if (i.keyword === 'RUN') {
        const text = i.script?.text ?? i.json?.join(' ') ?? '';
        const archive = GO_ARCHIVE.exec(text) ?? archiveThroughVariable(text, written);
        if (archive || /\bmv\s+(\S*\/)?go\/?\s+\/usr\/local\/?(?=[\s;&|]|$)/.test(text)) {
          found = { dir: /(^|\s)\/usr\/local\/?(?=[\s;&|]|$)/m.test(text) ? '/usr/local/go' : null };
          if (archive) found.archive = archive[0].slice(archive[1].length);
        } else if (/(^|[\s/])install-go(lang)?(\.sh)?(?=[\s;&|]|$)/m.test(text)) found = { dir: null };
      }
    }
  }
  return found;
}

/**
 * The `go` of a toolchain the chain installs (installedGoToolchain) is on PATH just before
 * `before`: an `ENV PATH` names its bin folder (`ENV PATH="/usr/local/go/bin:${PATH}"`), and no
 * later `ENV PATH` drops it (each keeps `$PATH`).
 */
export function installedGoOnPath(model: DockerfileModel, stage: Stage, before: Instruction): boolean {
  const dir = installedGoToolchain(model, stage, before)?.dir;
  if (!dir) return false;
  const bin = `${dir === '/' ? '' : dir}/bin`;
  let onPath = false;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return onPath;
      if (i.keyword !== 'ENV') continue;
      for (const p of properties(i)) {
        if (p.name !== 'PATH' || p.value === null) continue;
        // Kept by a value that reads $PATH (`$PATH`, `${PATH}`, `${PATH:-…}`), not another name that starts so (`$PATH_EXTRA`).
        onPath = p.value.split(':').some((x) => x.replace(/\/+$/, '') === bin) || (onPath && readsVariable(p.value, 'PATH'));
      }
    }
  }
  return onPath;
}

/** Go's release archive (`go1.22.9.linux-amd64.tar.gz`, `go${GO_VERSION}.linux-${ARCH}.tar.gz`). */
const GO_ARCHIVE = /(^|[\s/"'=])go(\d|\$)[^\s/"']*\.linux-[^\s/"']+\.tar\.gz/;

/** Go's release archive named by a variable of `text` whose written value is one (`${go_distribution_file}`). */
function archiveThroughVariable(text: string, written: ReadonlyMap<string, string>): RegExpExecArray | null {
  if (!text.includes('$') || written.size === 0) return null;
  for (const name of referencedNames(text)) {
    const value = written.get(name);
    const archive = value === undefined ? null : GO_ARCHIVE.exec(value);
    if (archive) return archive;
  }
  return null;
}

/** ENV values in effect just before `before` (inherited through FROM <stage>). */
export function envBefore(model: DockerfileModel, stage: Stage, before?: Instruction): Map<string, string | null> {
  const env = new Map<string, string | null>();
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (instr === before) return env;
      if (instr.keyword === 'ENV') for (const p of properties(instr)) env.set(p.name, p.value);
    }
  }
  return env;
}

/**
 * WORKDIR in effect just before `before`, through the FROM chain: `/go` on golang images, `/` on
 * the other images we know. `unknown` is what counts where the Dockerfile does not say: on an
 * image we do not know, and as the base of a relative WORKDIR after one whose variables have no
 * value. Rules that must be certain pass null (the folder is then unknown); best guesses pass `/`.
 */
export function workdirBefore(model: DockerfileModel, stage: Stage, before: Instruction, unknown: '/' | null): string | null {
  const image = stageImage(model, stage);
  let dir: string | null = image ? (image.goToolchain ? '/go' : '/') : unknown;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return dir;
      if (i.keyword !== 'WORKDIR' || !i.args[0]) continue;
      // Quotes are the lexer's, not the path's (kiali/kiali d733a09 tests/integration/Dockerfile: `WORKDIR "$GOPATH/src/kiali"`).
      const v = expandVariables(unquoteAll(i.args[0].value), pathEnv(model, s, i));
      const base = dir ?? unknown;
      dir = v === null ? null : v.startsWith('/') ? path.posix.resolve(v) : base === null ? null : path.posix.resolve(base, v);
    }
  }
  return dir;
}

/** The user a stage runs as at its end: its last USER, else its base's, else the image's default. */
export function effectiveUser(model: DockerfileModel, stage: Stage): { user: string | null; instr: Instruction | null } {
  const chain = stageChain(model, stage);
  for (let k = chain.length - 1; k >= 0; k--) {
    const s = chain[k];
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    if (last) return { user: last.args[0]?.value ?? null, instr: last };
  }
  return { user: stageImage(model, stage)?.defaultUser ?? null, instr: null };
}

/**
 * An artifact-export or data stage: on scratch, only COPY/ADD/ARG/LABEL in its chain, no
 * ENTRYPOINT/CMD, and either
 *  - a name that says so (export, artifact(s), binaries, bin, out, release, dist) or every copy
 *    landing in the root folder (`FROM scratch AS export` + `COPY --from=build /out/app /`, built
 *    with `--output` to take files out), or
 *  - no copy of a program: nothing from a stage that builds Go, no extension-less file from the
 *    context (test data, plugin metadata: nothing to run), or
 *  - an operator bundle's labels (`operators.operatorframework.io.bundle.*`): manifests an
 *    operator lifecycle manager reads.
 * Nothing runs it, so runtime rules (CA certificates, tzdata, user) do not apply.
 * `FROM scratch` + `COPY --from=build /app /app` without such a name stays an image (its
 * command can be given at `docker run`).
 */
/** Extension-less files that are documents, never programs. */
const DOCUMENTS = /^(LICENSE|LICENCE|COPYING|NOTICE|README|AUTHORS|CONTRIBUTORS|CHANGELOG|VERSION|PATENTS)$/i;

export function isArtifactExport(model: DockerfileModel, stage: Stage): boolean {
  if (stageImage(model, stage)?.family !== 'scratch') return false;
  const chain = stageChain(model, stage);
  const rest = flatMapOf(chain, (s) => s.instructions.filter((i) => i.keyword !== 'FROM'));
  if (!rest.every((i) => ['COPY', 'ADD', 'ARG', 'LABEL'].includes(i.keyword))) return false;
  const copies = rest.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
  if (copies.length === 0) return false;
  if (chain.some((s) => s.name !== null && /^(export|artifacts?|binar(y|ies)|bins?|out(put)?|release|dist)([-_].*)?$|[-_](export|artifacts?|binaries|out(put)?)$/.test(s.name))) return true;
  if (copies.every((i) => /^(\/|\.\/?)$/.test(copyPaths(i)?.dest ?? ''))) return true;
  // An operator bundle (OLM): manifests and metadata folders, read by the lifecycle manager, never run.
  if (rest.some((i) => i.keyword === 'LABEL' && i.args.some((a) => a.value.startsWith('operators.operatorframework.io.bundle.')))) return true;
  // No program built here is copied in: data only.
  return !copies.some((i) => {
    const from = i.flags.find((f) => f.name === 'from')?.value;
    // From the context: a file without an extension may be a prebuilt program (`COPY app /app`).
    // Well-known documents (`COPY LICENSE /`) are data, not programs.
    if (!from) return (copyPaths(i)?.sources ?? []).some((src) => { const base = src.split('/').pop() ?? src; return !/\.[A-Za-z0-9]+$/.test(base) && !DOCUMENTS.test(base); });
    const src = model.stages.find((s) => s.name === from.toLowerCase()) ?? (/^\d+$/.test(from) ? model.stages[Number(from)] : undefined);
    return !src || model.stages.some((s) => stageChain(model, s).includes(src) && s.instructions.some((x) => goCommands(x).some((g) => g.sub === 'build' || g.sub === 'install')));
  });
}

export function isRootUser(user: string): boolean {
  const name = user.split(':')[0];
  return name === 'root' || name === '0';
}

/** A COPY/ADD from the build context (not another stage or image). */
export function isContextCopy(i: Instruction): boolean {
  return (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from');
}

/**
 * Source paths and destination of a COPY/ADD (exec form or whitespace-separated), read by
 * ./copySources.ts `copyWords`: heredoc sources (`COPY <<EOF /etc/motd`) and their bodies are not
 * paths of the context.
 */
export function copyPaths(i: Instruction): CopyPaths | null {
  // Once per instruction: rules ask it of every COPY of the file, many times.
  const known = (i as CopyPathsSlot)[COPY_PATHS];
  if (known !== undefined) return known;
  const { words, heredocs } = copyWords(i);
  const paths = words.length < (heredocs.length > 0 ? 1 : 2) ? null : { sources: words.slice(0, -1), dest: words[words.length - 1] };
  (i as CopyPathsSlot)[COPY_PATHS] = paths;
  return paths;
}

/** A COPY's or ADD's sources and destination as written (shared: read only). */
export interface CopyPaths {
  readonly sources: readonly string[];
  readonly dest: string;
}

const COPY_PATHS = Symbol('copyPaths');
registerInstructionFactSlot(COPY_PATHS);
interface CopyPathsSlot {
  [COPY_PATHS]?: CopyPaths | null;
}

/**
 * Where a COPY puts one of its sources in the image (absolute paths): inside the destination when
 * that is a folder (a trailing slash, `.`, several sources); else the destination itself, or
 * inside it when it names a folder the image already has (`COPY --from=build /out/app
 * /usr/local/bin`). Empty when a variable of the destination or the WORKDIR is unknown.
 */
export function copyPlaces(model: DockerfileModel, copy: Instruction, source: string): string[] {
  const paths = copyPaths(copy);
  const stage = model.stages[copy.stage];
  if (!paths || !stage) return [];
  const dest = expandVariables(paths.dest, pathEnv(model, stage, copy));
  const wd = workdirBefore(model, stage, copy, '/');
  if (dest === null || wd === null) return [];
  const at = path.posix.resolve(wd, dest);
  const inside = path.posix.join(at, path.posix.basename(source));
  return dest.endsWith('/') || dest === '.' || paths.sources.length > 1 ? [inside] : [at, inside];
}

/**
 * The COPY and ADD instructions of a stage's chain that write into root's home folder: their
 * destination, resolved against the WORKDIR (`WORKDIR /root/` + `COPY --from=build /app/main .`),
 * is /root or below. Files put there are for root: on Debian, Ubuntu and Alpine /root is root's
 * alone (mode 0700), and a uid with no passwd entry gets HOME=/, so a program run as another user
 * finds neither the file nor the $HOME it was put in (zmap/zgrab2 e8fbc9e Dockerfile:22-23 copies
 * its default blocklist.conf to /root/.config/zgrab2/, which config.go:284-292 reads from
 * `$HOME/.config/zgrab2/` and exits without: judge 43 Y W2). A destination whose variables or
 * WORKDIR are unknown does not count.
 */
export function rootHomeCopies(model: DockerfileModel, stage: Stage): { instr: Instruction; dest: string }[] {
  const out: { instr: Instruction; dest: string }[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const dest = expandVariables(paths.dest, pathEnv(model, s, i));
      const wd = dest !== null && dest.startsWith('/') ? '/' : workdirBefore(model, s, i, null);
      if (dest === null || wd === null) continue;
      const at = path.posix.resolve(wd, dest);
      if (/^\/root(\/|$)/.test(at)) out.push({ instr: i, dest: at === '/root' || dest.endsWith('/') || dest === '.' ? `${at}/` : at });
    }
  }
  return out;
}

/** A path a COPY or ADD of the image writes: the written path (absolute), the instruction and the source as written. */
export interface CopiedProgram {
  path: string;
  instr: Instruction;
  source: string;
}

/**
 * The absolute paths the COPY and ADD instructions of a stage's chain write (its programs): from
 * another stage or image, or from the build context (goreleaser puts the built binary into the
 * context: kured's `COPY ${TARGETPLATFORM}/kured /usr/bin/kured`). A source copied into a folder
 * keeps its name, a glob's included (`/build/bitmagnet*` into /usr/local/bin/:
 * `/usr/local/bin/bitmagnet*`, which holdsProgram matches as a glob).
 */
export function copiedPrograms(model: DockerfileModel, stage: Stage): CopiedProgram[] {
  const out: CopiedProgram[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths || paths.dest.includes('$')) continue;
      const wd = paths.dest.startsWith('/') ? '/' : workdirBefore(model, s, i, null);
      if (wd === null) continue;
      const dest = path.posix.resolve(wd, paths.dest);
      const folder = paths.dest.endsWith('/') || paths.dest === '.' || paths.sources.length > 1;
      for (const source of paths.sources) out.push({ path: folder ? path.posix.join(dest, path.posix.basename(source.replace(/\/+$/, ''))) : dest, instr: i, source });
    }
  }
  return out;
}

/** Folders of the PATH a bare command is found in. */
const PATH_DIRS = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);

/**
 * The image holds `command`: an absolute path one of `programs` (copiedPrograms' paths) is, or a
 * bare name one of them has in a PATH folder. A written path with a glob in its name (a COPY of
 * `/build/bitmagnet*` into a folder) holds the commands the glob matches.
 */
export function holdsProgram(programs: Iterable<string>, command: string): boolean {
  const matches = (written: string, wanted: string) => written === wanted || (/[*?[]/.test(written) && sourceCovers(written, wanted));
  for (const p of programs) {
    if (command.startsWith('/')) {
      if (matches(p.slice(1), path.posix.normalize(command).slice(1))) return true;
    } else if (PATH_DIRS.has(path.posix.dirname(p)) && matches(path.posix.basename(p), command)) return true;
  }
  return false;
}

/** Wrappers an ENTRYPOINT starts the program with. */
const INIT_WRAPPER = /^(\/usr)?(\/s?bin\/)?(tini|tini-static|dumb-init)$/;

/** The first word of an ENTRYPOINT or CMD that is no init wrapper (tini, dumb-init, their options, `--`): the program it starts. */
export function programWord(i: Instruction): string | undefined {
  const words = i.json ?? (i.script?.parsed.commands[0]?.argv.map((w) => w.value) ?? []);
  return words.find((w, k) => !(INIT_WRAPPER.test(w) || (w === '--' && k > 0) || (w.startsWith('-') && k > 0 && INIT_WRAPPER.test(words[0]))));
}

/**
 * The program an image starts when run without arguments: the first word of its ENTRYPOINT that
 * is no init wrapper (tini, dumb-init and their options, `--`), else (an ENTRYPOINT of a wrapper
 * alone: go2rtc's `["/usr/bin/tini", "--"]`, or none) the first word of its CMD, which the
 * wrapper runs. A relative path with a slash is resolved from the WORKDIR (traggo's
 * `["./traggo"]` in /opt/traggo); undefined when that folder is unknown or nothing is started.
 */
export function startedProgram(model: DockerfileModel, stage: Stage): string | undefined {
  const { entrypoint, cmd } = startInstructions(model, stage);
  const first = (i: Instruction | null): { word: string; instr: Instruction } | undefined => {
    const word = i ? programWord(i) : undefined;
    return word === undefined || !i ? undefined : { word, instr: i };
  };
  // An exec-form ENTRYPOINT runs the CMD as its arguments; a shell-form one ignores the CMD.
  const start = entrypoint ? first(entrypoint) ?? (entrypoint.json ? first(cmd) : undefined) : first(cmd);
  if (!start) return undefined;
  if (start.word.startsWith('/') || !start.word.includes('/')) return start.word;
  const wd = workdirBefore(model, model.stages[start.instr.stage], start.instr, null);
  return wd === null ? undefined : path.posix.resolve(wd, start.word);
}

/**
 * COPY --from=X / (another image's whole file system) or ADD of a local tar archive, into `/`.
 * With the model, also COPY --from=X <dir> / where stage X (or a stage of its FROM chain) holds
 * another stage's whole file system at <dir> (`COPY --from=base-arm64 / /linux/arm64`), followed
 * through such stages; a variable in the source (`/$TARGETPLATFORM`) matches any of those folders
 * (bluenviron/mediamtx's Raspberry Pi images: a scratch stage that copies a Debian root in).
 */
export function copiesWholeFileSystem(i: Instruction, model?: DockerfileModel): boolean {
  if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return false;
  const paths = copyPaths(i);
  if (!paths || !isRootPath(paths.dest)) return false;
  const fromFlag = i.flags.find((f) => f.name === 'from');
  if (fromFlag) {
    const from = fromFlag.value;
    if (paths.sources.some(isRootPath)) return true;
    const at = model && from ? stageRef(model, from) : null;
    if (!model || at === null) return false;
    const roots = rootfsFolders(model, at, new Set());
    return roots.length > 0 && paths.sources.some((src) => {
      const re = new RegExp(`^${splitAtVariables(src.replace(/\/+$/, ''), isPlainReference).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
      return roots.some((r) => re.test(r));
    });
  }
  return i.keyword === 'ADD' && paths.sources.some((src) => /\.(tar(\.(gz|xz|bz2|zst))?|tgz|txz|tbz2?)$/i.test(src));
}

function isRootPath(p: string): boolean {
  return /^\/(\.)?$/.test(p.replace(/\/+$/, '/'));
}

/**
 * The folders of a stage (its FROM chain included) that hold another stage's or image's whole
 * file system: `COPY --from=Y / /dir`, `COPY --from=Y <folder of Y holding one> /dir`, or a root
 * a package manager installs into (`yum install --installroot /mnt/rootfs … bash`: kiali's
 * Dockerfile-distroless builds a UBI root there and copies it into scratch; installRootOf).
 * Static destinations only, without a trailing slash.
 */
function rootfsFolders(model: DockerfileModel, index: number, seen: Set<number>): string[] {
  if (seen.has(index)) return [];
  seen.add(index);
  const out: string[] = [];
  for (const s of stageChain(model, model.stages[index])) {
    for (const c of s.instructions) {
      if (c.keyword === 'RUN' && c.script) {
        for (const cmd of c.script.parsed.commands) {
          const root = installRootOf(cmd);
          if (root !== null) out.push(root);
        }
        continue;
      }
      const from = c.keyword === 'COPY' ? c.flags.find((f) => f.name === 'from')?.value : undefined;
      const paths = from ? copyPaths(c) : null;
      if (!paths || paths.sources.length !== 1 || paths.dest.includes('$') || !paths.dest.startsWith('/') || isRootPath(paths.dest)) continue;
      const dest = paths.dest.replace(/\/+$/, '');
      const src = paths.sources[0];
      if (isRootPath(src)) {
        out.push(dest);
        continue;
      }
      const inner = stageRef(model, from!);
      if (inner !== null && rootfsFolders(model, inner, new Set(seen)).includes(src.replace(/\/+$/, ''))) out.push(dest);
    }
  }
  return out;
}

/** Package managers that install into another root, and the option that names it. */
const ROOT_OPTION: Record<string, RegExp> = {
  yum: /^--installroot(=|$)/, dnf: /^--installroot(=|$)/, microdnf: /^--installroot(=|$)/,
  zypper: /^(--root|-R)(=|$)/, apk: /^(--root|-p)(=|$)/,
};

/**
 * The root folder a package manager installs packages into (`yum install --installroot
 * /mnt/rootfs …`, `dnf --installroot=/image install …`, `apk --root /rootfs --initdb add …`,
 * `zypper --root /r install …`): a system's file system made there, as an image's is. Static
 * absolute folders only, without a trailing slash; null for any other command.
 */
function installRootOf(cmd: ShellCommand): string | null {
  const first = cmd.argv[0];
  const option = first && !first.dynamic ? ROOT_OPTION[first.value.slice(first.value.lastIndexOf('/') + 1)] : undefined;
  if (!option) return null;
  let root: ShellWord | undefined;
  let installs = false;
  for (let k = 1; k < cmd.argv.length; k++) {
    const w = cmd.argv[k];
    if (option.test(w.value)) {
      const eq = w.value.indexOf('=');
      root = eq < 0 ? cmd.argv[++k] : { ...w, value: w.value.slice(eq + 1) };
    } else if (/^(install|add|in|groupinstall)$/.test(w.value)) installs = true;
  }
  if (!installs || !root || root.dynamic || !root.value.startsWith('/') || isRootPath(root.value)) return null;
  return root.value.replace(/\/+$/, '');
}

/** Sources that name the whole context. */
export function isWholeContext(source: string): boolean {
  const s = source.trim();
  // `..` cannot leave the context: Docker reads `..`, `../.` (certimate's `COPY ../. /app/`) and
  // `./` as the context root.
  return /^(\.\/)?\*$/.test(s) || contextPath(s) === '';
}

/** A COPY/ADD source as a context-relative path; null for globs, variables, URLs, heredocs. */
export function contextPath(source: string): string | null {
  const s = source.trim();
  if (s === '' || /[*?[\]$]/.test(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@') || s.startsWith('<<')) return null;
  const parts: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    // `..` cannot leave the context: Docker cleans it against the context root.
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** Files that make up the dependency layer; copying only these is what we want first. */
const MODULE_FILES = /(^|\/)(go\.mod|go\.sum|go\.work|go\.work\.sum)$/;
/** `go.*`, `go.mod*`, `go.sum*`: globs that can only match the module files (`COPY go.* ./`). */
const MODULE_GLOB = /(^|\/)go\.(\*|mod\*?|sum\*?|work\*?)$/;

/** Does this source path bring Go sources in? `.`, a directory, `*.go`, a glob. */
export function copiesGoSources(source: string): boolean {
  const s = source.replace(/^\.\//, '');
  if (s === '' || s === '.' || s === '/' || s.endsWith('/')) return true;
  if (MODULE_FILES.test(s) || MODULE_GLOB.test(s)) return false;
  if (s.endsWith('.go') || /[*?[]/.test(s)) return true;
  // No extension: most likely a directory (cmd, internal, pkg ...).
  const base = s.split('/').pop() ?? s;
  return !base.includes('.');
}

export interface GoCommand {
  instr: Instruction;
  cmd: ShellCommand;
  /** `build`, `install`, `run`, `get`, `mod download`, `mod tidy`, `generate`, ... */
  sub: string;
  /** The words after the subcommand. */
  args: ShellWord[];
}

// Kept on the instruction and the stage themselves: a WeakMap lookup per call (rules ask for
// every instruction, many times) and the ephemeron tables the GC then walks cost more the larger
// the file (2% of an analysis at 1,400 lines, 4% at 14,000, when these were WeakMaps).
const GO_COMMANDS = Symbol('goCommands');
const STAGE_GO_COMMANDS = Symbol('stageGoCommands');
registerInstructionFactSlot(GO_COMMANDS);
registerStageFactSlot(STAGE_GO_COMMANDS);
interface GoCommandsSlot {
  [GO_COMMANDS]?: GoCommand[];
  [STAGE_GO_COMMANDS]?: GoCommand[];
}

/**
 * Every `go ...` (or `xx-go ...`) command of a RUN, with prefix assignments (`CGO_ENABLED=0 go build`).
 * Computed once per instruction (most rules ask); callers must not modify the result.
 */
export function goCommands(instr: Instruction): GoCommand[] {
  return ((instr as GoCommandsSlot)[GO_COMMANDS] ??= computeGoCommands(instr));
}

function computeGoCommands(instr: Instruction): GoCommand[] {
  if (instr.keyword !== 'RUN' || !instr.script) return [];
  const out: GoCommand[] = [];
  for (const c of instr.script.parsed.commands) {
    const g = goCommandOf(c);
    if (g) out.push({ instr, ...g });
  }
  return out;
}

/**
 * A shell command as a go command (`go build`, `CGO_ENABLED=0 go build`, `env A=1 go get`,
 * `xx-go build`), or null: the one reading for a RUN's commands and a script's (facts/scriptRuns.ts).
 */
export function goCommandOf(c: ShellCommand): Omit<GoCommand, 'instr'> | null {
  const cmd = throughWrappers(c);
  const name = cmd.argv[0]?.value;
  // `xx-go` (tonistiigi/xx) is go with GOOS/GOARCH/CC set for the target platform.
  if (!name || !name.endsWith('go') || !/(^|\/)(xx-)?go$/.test(name)) return null;
  if (name.endsWith('xx-go') && cmd.argv[1]?.value.startsWith('--')) return null; // `xx-go --wrap`: setup, not a go command
  const first = cmd.argv[1]?.value ?? '';
  if (first === 'mod' || first === 'work') return { cmd, sub: `${first} ${cmd.argv[2]?.value ?? ''}`.trim(), args: cmd.argv.slice(3) };
  return { cmd, sub: first, args: cmd.argv.slice(2) };
}

/**
 * Programs that run their arguments as a command, in this container: `timeout 300 go build`,
 * `nice -n 10 go build`, `time go build`, retry helpers, named for it (`retry`,
 * `retry.sh`, `./hack/retry.sh`, `with-retry`: kueue's `retry.sh --attempts 7 --delay 2 -- go
 * mod download`), and the wait-for scripts (WAIT_FOR: `wait-for-it.sh db:5432 -- go test ./...`).
 */
const WRAPPERS: ReadonlySet<string> = new Set(['timeout', 'nice', 'nohup', 'time', 'stdbuf', 'ionice', 'chronic']);
const RETRY_HELPER = /^(with[-_])?retry([-_.][\w.-]*)?$/;
/** A word naming the go command (or xx's wrapper of it), env, or a wrapper: where a wrapped command starts. */
const GO_NAME = /(^|\/)(xx-)?go$/;

/** A program name that is the go command: `go`, `/usr/local/go/bin/go`, or tonistiigi/xx's `xx-go` (go for the target platform). */
export function isGoProgram(name: string): boolean {
  return GO_NAME.test(name);
}

function isWrapper(word: ShellWord | undefined): boolean {
  if (!word || word.dynamic) return false;
  const base = word.value.slice(word.value.lastIndexOf('/') + 1);
  return WRAPPERS.has(base) || RETRY_HELPER.test(base) || WAIT_FOR.test(base);
}

/**
 * The command a wrapper runs, through `env` and the wrappers above (offsets kept, the outer
 * command's start and end too, so an edit that removes the command removes the wrapper with it):
 * `retry.sh --attempts 3 -- go mod download` is `go mod download`, `CGO_ENABLED=0 timeout 600
 * env GOOS=linux go build` is `CGO_ENABLED=0 GOOS=linux go build`. The wrapped command starts
 * after the wrapper's `--` when it has one, else at its first argument that names go, env or
 * another wrapper (the words before it are the wrapper's options: `--attempts 3`, `-n 10`, `300`).
 * Anything else is returned as throughEnv reads it.
 */
export function throughWrappers(c: ShellCommand): ShellCommand {
  let cmd = throughEnv(c);
  for (let depth = 0; depth < 4 && isWrapper(cmd.argv[0]); depth++) {
    const rest = cmd.argv.slice(1);
    const dash = rest.findIndex((w) => w.value === '--' && !w.dynamic);
    const at = dash >= 0 ? dash + 1 : rest.findIndex((w) => !w.dynamic && (GO_NAME.test(w.value) || w.value === 'env' || isWrapper(w)));
    if (at < 0 || at >= rest.length) return cmd;
    cmd = throughEnv({ env: cmd.env, argv: rest.slice(at), start: c.start, end: c.end });
  }
  return cmd;
}

/** `env [-i] A=1 B=2 go build ...` is `A=1 B=2 go build ...` (offsets kept). */
export function throughEnv(cmd: ShellCommand): ShellCommand {
  if (cmd.argv[0]?.value !== 'env') return cmd;
  const env = [...cmd.env];
  let i = 1;
  for (; i < cmd.argv.length; i++) {
    const w = cmd.argv[i];
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
    if (m) env.push({ name: m[1], value: m[2], start: w.start, end: w.end });
    else if (w.value !== '-i' && w.value !== '-' && w.value !== '--ignore-environment') break;
  }
  return i < cmd.argv.length ? { env, argv: cmd.argv.slice(i), start: cmd.start, end: cmd.end } : cmd;
}

/** tonistiigi/xx's go wrapper, by the command's name. */
const XX_GO = /(^|\/)xx-go$/;

/** `xx-go`: GOOS/GOARCH follow the target platform, and CC the cross compiler xx finds (so cgo depends on what is installed). */
export function isXxGo(g: GoCommand): boolean {
  return XX_GO.test(g.cmd.argv[0]?.value ?? '');
}

/**
 * A RUN of the stage's chain, up to and including `instr`, runs tonistiigi/xx's `xx-go`, which
 * sets cgo's C compilers for the target platform: `xx-go` sets CC/CXX (the `<triple>-clang` xx
 * provides) unless the environment has them, and `xx-go --wrap` writes them to go's env file for
 * every later go command. A CC or CXX in the environment overrides xx's.
 */
export function xxGoBefore(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword === 'RUN' && i.script?.parsed.commands.some((c) => XX_GO.test(throughEnv(c).argv[0]?.value ?? ''))) return true;
      if (i === instr) return false;
    }
  }
  return false;
}

/** The go commands of a stage's RUNs, in order; once per stage, not to be modified. */
export function stageGoCommands(stage: Stage): GoCommand[] {
  return ((stage as GoCommandsSlot)[STAGE_GO_COMMANDS] ??= flatMapOf(stage.instructions, (i) => goCommands(i)));
}

/** A stage that compiles Go (`go build` or `go install`). */
export function isBuilderStage(stage: Stage): boolean {
  return stageGoCommands(stage).some((g) => g.sub === 'build' || g.sub === 'install');
}

/** The value of a go flag in its `-f v`, `-f=v`, `--f v` forms; true for a boolean flag present. */
export function goFlag(args: ShellWord[], name: string): { value: string | true; word: ShellWord; valueWord?: ShellWord } | null {
  const plain = FLAG_NAME.test(name);
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    let given: string | undefined;
    if (plain) {
      // What the regex below finds for such a name, without it (rules ask for many flags of
      // every go command): `-name`/`--name`, then the end or `=value`.
      if (v.charCodeAt(0) !== 45) continue;
      const start = v.charCodeAt(1) === 45 ? 2 : 1;
      const after = start + name.length;
      if (!v.startsWith(name, start) || (after < v.length && v.charCodeAt(after) !== 61)) continue;
      if (after < v.length) given = v.slice(after + 1);
    } else {
      const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/s.exec(v);
      if (!m || m[1] !== name) continue;
      given = m[2];
    }
    if (given !== undefined) return { value: given, word: args[i] };
    const next = args[i + 1];
    if (next && !next.value.startsWith('-') && VALUE_FLAGS.has(name)) return { value: next.value, word: args[i], valueWord: next };
    return { value: true, word: args[i] };
  }
  return null;
}

/** A flag name the `-name`/`--name` shortcut in goFlag reads as its regex does (no leading `-`). */
const FLAG_NAME = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;
/**
 * Where a flag added to a go command goes (an offset into its script): right after the
 * subcommand, or after a leading `-C dir`, which go accepts only as the first flag ("-C flag
 * must be first flag on command line": openmeter's `go build -C ./collector`).
 */
export function flagInsertPoint(g: GoCommand): number {
  const sub = g.cmd.argv[1];
  const first = g.args[0];
  if (first && /^--?C(=|$)/.test(first.value)) {
    const dir = first.value.includes('=') ? first : g.args[1];
    if (dir) return dir.end;
  }
  return sub.end;
}

const VALUE_FLAGS = new Set(['o', 'ldflags', 'gcflags', 'asmflags', 'tags', 'mod', 'p', 'pkgdir', 'buildmode', 'compiler', 'gccgoflags', 'installsuffix', 'modfile', 'overlay', 'pgo', 'C', 'exec', 'toolexec', 'coverpkg', 'covermode', 'buildvcs']);

/**
 * The package arguments of a go build/install (the non-flag words). Rules ask for the same go
 * command's many times: read once per argument list, kept on it (shared, not to be modified).
 */
export function goPackages(args: readonly ShellWord[]): readonly ShellWord[] {
  return ((args as GoPackagesSlot)[GO_PACKAGES] ??= readGoPackages(args));
}
const GO_PACKAGES = Symbol('goPackages');
interface GoPackagesSlot {
  [GO_PACKAGES]?: readonly ShellWord[];
}

function readGoPackages(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v.startsWith('-')) {
      const m = /^--?([A-Za-z0-9_.-]+)(=.*)?$/s.exec(v);
      if (m && !m[2] && VALUE_FLAGS.has(m[1])) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

const SHELL = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh)$/;
const BUILD_COMMAND = /^(\/usr\/(local\/)?bin\/)?(make|gmake|go|task|just|mage)$/;

/** Scripts that wait for a service and then run the command after `--`: vishnubob's wait-for-it.sh, eficode's wait-for. */
const WAIT_FOR = /^wait-for(-it)?(\.sh)?$/;
/** dockerize's options that take a value (`-wait tcp://db:5432`, `-timeout 60s`): its command follows them. */
const DOCKERIZE_VALUE = /^--?(wait|timeout|template|stdout|stderr|wait-retry-interval|wait-http-header|delims)$/;

/**
 * Where the command that a wait-for wrapper runs once its services answer starts in argv: after
 * the `--` of `wait-for-it.sh rabbitmq:5672 -- make test-with-coverage` (RichardKnop/machinery's
 * Dockerfile.test) or `wait-for db:5432 -- …`, after dockerize's options (`dockerize -wait
 * tcp://db:5432 -timeout 60s make test`). 0 when argv[0] is no such wrapper or it runs nothing.
 */
export function waitWrapped(argv: readonly string[]): number {
  const name = path.posix.basename(argv[0] ?? '');
  if (WAIT_FOR.test(name)) {
    const k = argv.indexOf('--');
    return k > 0 && k + 1 < argv.length ? k + 1 : 0;
  }
  if (name !== 'dockerize') return 0;
  let k = 1;
  while (k < argv.length && argv[k].startsWith('-')) k += DOCKERIZE_VALUE.test(argv[k]) ? 2 : 1;
  return k < argv.length ? k : 0;
}

/**
 * The build the container starts (`CMD make test`, `go test ./...`, behind a wait-for wrapper:
 * `wait-for-it.sh rabbitmq:5672 -- make test-with-coverage`): its words from the build tool on,
 * null when it starts none. A CI or test-runner image: its tools are the point (GD204, GD208).
 */
export function startBuildCommand(model: DockerfileModel, stage: Stage): string[] | null {
  const { entrypoint, cmd } = startInstructions(model, stage);
  const run = entrypoint ?? cmd;
  const argv = run && (run.json ?? (run.script?.parsed.simple ? run.script.parsed.commands[0].argv.map((w) => w.value) : null));
  if (!argv?.length) return null;
  const words = argv.slice(waitWrapped(argv));
  return BUILD_COMMAND.test(words[0]) ? words : null;
}

/** The final image starts a bare shell or a build (`make test`): a build or tool image, not a program's runtime. */
export function isToolbox(model: DockerfileModel, stage: Stage): boolean {
  const { entrypoint, cmd } = startInstructions(model, stage);
  const run = entrypoint ?? cmd;
  if (!run) {
    // The base image's default command: a shell for the distros and golang images we know.
    const image = stageImage(model, stage);
    return !!image && image.shell && ['alpine', 'debian', 'ubuntu', 'busybox', 'golang'].includes(image.family);
  }
  // A CI/test image whose command is a build (`CMD make test`, `go test ./...`): its tools are the point.
  if (startBuildCommand(model, stage) !== null) return true;
  const argv = run.json ?? (run.script?.parsed.simple ? run.script.parsed.commands[0].argv.map((w) => w.value) : null);
  if (!argv?.length || !SHELL.test(argv[0])) return false;
  return argv.slice(1).every((a) => a.startsWith('-') && a !== '-c');
}

/** Instructions whose arguments may be a JSON array (exec form, or COPY/ADD/VOLUME's JSON form). */
const JSON_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'COPY', 'ADD', 'VOLUME']);

/** A JSON array written over several lines with no escape at their ends (splitExecForm). */
export interface SplitExecForm {
  /** The instruction that opens the array (`ENTRYPOINT [`). */
  instr: Instruction;
  /** The lines after it that the builder reads as instructions of their own (`"bash",` … `]`). */
  strays: Instruction[];
  /** The array as meant, its lines joined (null when the joined text is not a JSON array of strings). */
  meant: string[] | null;
}

/**
 * `list[index]` opens a JSON array that its line does not close, and the next lines hold the
 * array's elements as instructions of their own (google/osv-scanner add393a action.dockerfile:45-49):
 *
 *     ENTRYPOINT [
 *       "bash",
 *       "-c",
 *       "echo … && /root/exit_code_redirect.sh"
 *     ]
 *
 * An instruction ends at its line break unless the line ends with the escape character, and a
 * JSON array gets no exception: the ENTRYPOINT is the shell-form command `[`, and `"bash",` is an
 * unknown instruction, which stops every builder (BuildKit: `unknown instruction: "bash",`;
 * buildah the same). The strays are the instructions right after it whose text starts with `"`
 * or `]` (no instruction does), up to the one that ends with `]`.
 */
export function splitExecForm(model: DockerfileModel, list: readonly Instruction[], index: number): SplitExecForm | null {
  const instr = list[index];
  if (!JSON_FORM_KEYWORDS.has(instr.keyword) || instr.json || !instr.argsSpan) return null;
  let args = model.text.slice(instr.argsSpan.start, instr.argsSpan.end).trim();
  if (instr.keyword === 'HEALTHCHECK') args = args.replace(/^CMD\s+/i, '');
  if (!args.startsWith('[') || args.endsWith(']')) return null;
  const strays: Instruction[] = [];
  for (let i = index + 1; i < list.length; i++) {
    const next = list[i];
    const text = model.text.slice(next.span.start, next.span.end).trim();
    if (!/^["\]]/.test(text)) break;
    strays.push(next);
    if (text.endsWith(']')) break;
  }
  if (strays.length === 0) return null;
  let meant: string[] | null = null;
  try {
    const joined: unknown = JSON.parse([args, ...strays.map((s) => model.text.slice(s.span.start, s.span.end).trim())].join(' '));
    if (Array.isArray(joined) && joined.length > 0 && joined.every((v) => typeof v === 'string')) meant = joined as string[];
  } catch {
    // Not an array once joined either: reported, without a fix.
  }
  return { instr, strays, meant };
}
