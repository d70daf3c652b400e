/**
 * The LayerModel (DESIGN.md): the stages of a Dockerfile, the steps of each stage with the layer
 * they create, what each step reads, the bytes that are known, and which steps re-run when some
 * files (or a Dockerfile line, or a build arg) change. Plain JSON: the LSP request
 * `goDockerfile/layers`, the CLI's `layers --format json` and the layer panel all carry it as is.
 *
 * Conventions:
 *  - `line`/`endLine` are 1-based (as in the CLI's JSON); `range` is an LSP range (0-based,
 *    UTF-16 code units) for editors.
 *  - Sizes are uncompressed bytes. `estimatedBytes` is computed before any build (context files,
 *    the image table, the module cache, the package table, a binary estimate) and
 *    `estimateBasis` says from what; null ("unknown") comes with its reason there.
 *    `measuredBytes` comes from a real build (`measurement`), never from a guess.
 *  - Stage and step numbers follow the builders: stages by index in the Dockerfile (0-based
 *    here; buildah prints `[index+1/N]`), steps counted from 1 with FROM as step 1
 *    (buildah's and docker's `STEP n/m`).
 */

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * What a step does:
 *  - `base`: the FROM of a stage (the base image's layers, or the stage it continues).
 *  - `context-copy`: COPY/ADD of files of the build context (after .dockerignore).
 *  - `stage-copy`: COPY --from=<stage>.
 *  - `image-copy`: COPY --from=<image> (another image, not a stage of this Dockerfile).
 *  - `inline-copy`: COPY <<EOF (a heredoc written as a file).
 *  - `remote-add`: ADD of a URL or git repository.
 *  - `package-install`: RUN installing system packages (apt, apk, ...).
 *  - `module-download`: RUN downloading Go modules (`go mod download`, `go get`, `go mod vendor`).
 *  - `go-build`: RUN compiling Go (`go build`, `go install`).
 *  - `run`: any other RUN.
 *  - `metadata`: image configuration only (ENV, LABEL, ARG, USER, WORKDIR, EXPOSE, CMD, ...).
 */
export type LayerKind =
  | 'base'
  | 'context-copy'
  | 'stage-copy'
  | 'image-copy'
  | 'inline-copy'
  | 'remote-add'
  | 'package-install'
  | 'module-download'
  | 'go-build'
  | 'run'
  | 'metadata';

/** Why a step re-runs. */
export type RebuildReason =
  /** Files it copies or bind-mounts changed (`files`: the changed ones, context-relative). */
  | { kind: 'files'; files: string[] }
  /** Its own Dockerfile text changed. */
  | { kind: 'dockerfile'; line: number }
  /** A changed build arg is first used here (RUN sees every declared ARG as environment). */
  | { kind: 'arg'; name: string }
  /** It copies from / mounts a stage that re-runs (reused only if the copied bytes come out identical). */
  | { kind: 'stage'; stage: number }
  /** An earlier step of the stage (or the stage it is built FROM) re-runs: the cache chain is broken. */
  | { kind: 'after'; line: number }
  /** The stage is built FROM a stage that re-runs, or its FROM changed. */
  | { kind: 'base'; stage: number | null; line: number };

export interface LayerStep {
  /** 1-based step number in its stage, FROM being step 1 (buildah's `STEP n/m`). */
  step: number;
  line: number;
  endLine: number;
  range: LspRange;
  keyword: string;
  /** The instruction as written (continuations joined, shortened past 200 characters). */
  instruction: string;
  /** RUN, COPY and ADD create a filesystem layer; everything else is metadata (see `note`). */
  createsLayer: boolean;
  kind: LayerKind;
  /**
   * What the step reads, as `type:value` strings: `context:<path>` (a COPY/ADD source or bind
   * mount source, as written), `stage:<name or index>`, `image:<ref>`, `url:<url>`,
   * `heredoc:<name>`, `bind:<source>`, `cache:<target>`, `secret:<id>`, `ssh:<id>`, `arg:<NAME>`.
   */
  inputs: string[];
  /** Targets of `RUN --mount=type=cache` (they are not part of the cache key, nor of the image). */
  cacheMounts: string[];
  /** Files of the build context the step sends (COPY/ADD sources, bind mounts), after .dockerignore; null when not applicable or unknown. */
  contextFiles: number | null;
  contextBytes: number | null;
  /** The largest of those files (up to 5). */
  contextTop: { path: string; bytes: number }[];
  /** Bytes the step adds to the image, estimated before a build (FROM: the base image); null when unknown. */
  estimatedBytes: number | null;
  /** What the estimate rests on, or why there is none. */
  estimateBasis: string;
  /** FROM of an image: its compressed (download) size when the image table knows it. */
  compressedBytes?: number | null;
  /** The layer's bytes in the last real build (0 for metadata steps); null when not measured. */
  measuredBytes: number | null;
  /** In the last real build, the step ran (true) or came from the builder's cache (false); null when not measured. */
  measuredRan: boolean | null;
  /** Does this step re-run for the change asked about? (false when no change was asked) */
  rebuilt: boolean;
  rebuildReason: RebuildReason | null;
  /** A caveat about this step (e.g. how builders differ on WORKDIR). */
  note?: string;
}

export interface StageDependency {
  stage: number;
  via: 'from' | 'copy' | 'mount';
  line: number;
}

export interface LayerStage {
  index: number;
  /** Lower-case `AS name`, or null. */
  name: string | null;
  /** The FROM argument as written. */
  base: string;
  /** The base after ARG substitution (build args first, then defaults); null when unknown. */
  resolvedBase: string | null;
  /** The stage this one is built FROM, or null for an image. */
  baseStage: number | null;
  line: number;
  range: LspRange;
  /** The stage the image is made of (the `target`, else the last stage). */
  final: boolean;
  /** The final image needs this stage: BuildKit (and buildah) build it. False: skipped, unused. */
  reachesFinal: boolean;
  /** Its layers are layers of the final image (the final stage and the stages it is built FROM). */
  inFinalImage: boolean;
  dependsOn: StageDependency[];
  /** Stages that depend on this one. */
  usedBy: number[];
  /** The root image of the stage's FROM chain, when it is an image. */
  baseImage: { ref: string; known: boolean; approxBytes: number | null; layers: number | null } | null;
  /** FROM first, then every instruction of the stage. */
  layers: LayerStep[];
  /** Layers the stage's own instructions create. */
  layerCount: number;
  /** Bytes those layers add; null when one of them is unknown. */
  estimatedBytes: number | null;
  /** Something in this stage re-runs (or its base changes) for the change asked about. */
  rebuilt: boolean;
}

export interface FinalImage {
  stage: number;
  /** Filesystem layers this Dockerfile adds to the final image (its stage and the stages it is built FROM). */
  layers: number;
  /** The base image's own layers: 0 for scratch, null when unknown. */
  baseLayers: number | null;
  /** layers + baseLayers, null when baseLayers is unknown. */
  totalLayers: number | null;
  baseImage: string | null;
  /** Base image + every layer; null when any part is unknown. */
  estimatedBytes: number | null;
  /** The known part of the size (a lower bound). */
  knownBytes: number;
  /** Layers whose size is unknown (RUN, COPY --from, ...). */
  unknownLayers: number;
  /** The base image's compressed size, when the table knows it. */
  baseCompressedBytes: number | null;
  /** The final image's bytes in the last real build (base image included); null when not measured. */
  measuredBytes: number | null;
}

/** The last real build of this Dockerfile, as shown beside the estimates. */
export interface MeasurementSummary {
  builder: string;
  /** The command line that ran. */
  command: string;
  target: string | null;
  at: string;
  /** The Dockerfile changed since: figures are of an older text. */
  stale: boolean;
  /** Steps that ran (not from the cache) in that build: `stage:step` keys. */
  ran: string[];
  /** Every step of that build as `stage:step`, in the order the builder printed them. */
  order: string[];
  finalBytes: number | null;
  finalLayers: number | null;
}

export interface ChangeSummary {
  /** The category asked for, as given (`go`, `gomod`, `dockerfile:12`, `arg:VERSION`), or null. */
  category: string | null;
  /** Changed context-relative files the prediction used. */
  files: string[];
  /** Changed Dockerfile lines (1-based). */
  dockerfileLines: number[];
  /** Build args whose value changed. */
  args: string[];
  /** Files that were given but are outside the build context or excluded by .dockerignore (no effect). */
  ignored: string[];
  /** Steps (of built stages, FROM excluded) that re-run, and how many there are. */
  rebuiltSteps: number;
  totalSteps: number;
  /** Layer-creating steps that re-run / exist in built stages. */
  rebuiltLayers: number;
  totalLayers: number;
}

export interface CacheEfficiency {
  /** The .go file assumed to change (context-relative). */
  file: string;
  /** Layer-creating steps (RUN/COPY/ADD) of the built stages that keep their cache / all of them. */
  reused: number;
  total: number;
}

export interface LayerModel {
  /** Absolute path of the Dockerfile, when known. */
  dockerfile: string | null;
  /** The build context, when its files were read. */
  context: { root: string; files: number; bytes: number; partial: boolean } | null;
  target: string | null;
  stages: LayerStage[];
  finalImage: FinalImage;
  /** The prediction asked for (`changedFiles`/`change`), null when none. */
  change: ChangeSummary | null;
  /** Share (0..1) of layer-creating steps reused when one .go file changes; null when there are none. */
  cacheEfficiency: number | null;
  cacheEfficiencyDetail: CacheEfficiency | null;
  /** The last real build, when one was measured. */
  measurement: MeasurementSummary | null;
  /** Things the model could not know or had to assume. */
  warnings: string[];
}
