/**
 * Reading what a builder printed and stored, as plain functions over text and JSON:
 *  - buildah and podman (`buildah bud` / `podman build`, the same imagebuildah output):
 *    `[s/S] STEP n/m: INSTR`, `--> Using cache <id>` for a cache hit, `--> <id>` after a commit;
 *  - docker buildx (`--progress=plain`): `#N [stage k/m] INSTR` and `#N CACHED`;
 *  - layer sizes: buildah's image manifest (uncompressed layer blobs) with the OCI history, one
 *    history entry per instruction, `empty_layer` for those that make none.
 */

export interface BuiltStep {
  /** Stage index in the Dockerfile, 0-based. */
  stage: number;
  /** FROM = 1. */
  step: number;
  of: number;
  instruction: string;
  cached: boolean;
  /** The image the step committed (buildah/podman), when printed. */
  image: string | null;
}

/** `buildah bud` / `podman build` output -> the steps in the order they were printed. */
export function parseBuildahOutput(text: string): BuiltStep[] {
  const steps: BuiltStep[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const m = /^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/(\d+): (.*)$/.exec(line);
    if (m) {
      steps.push({ stage: m[1] ? Number(m[1]) - 1 : 0, step: Number(m[2]), of: Number(m[3]), instruction: m[4], cached: false, image: null });
      continue;
    }
    const last = steps[steps.length - 1];
    if (!last) continue;
    const cache = /^--> Using cache ([0-9a-f]{12,64})$/.exec(line);
    if (cache) {
      last.cached = true;
      last.image = cache[1];
      continue;
    }
    const commit = /^--> ([0-9a-f]{6,64})$/.exec(line);
    if (commit) last.image = commit[1];
  }
  return steps;
}

/**
 * docker buildx `--progress=plain` -> the steps: `#7 [build 3/6] RUN go mod download` names the
 * stage (by name, or `stage-N`) and the step (FROM = 1); `#7 CACHED` marks a cache hit.
 * `stageIndex` maps a printed stage name to its index.
 */
export function parseBuildxOutput(text: string, stageIndex: (name: string) => number | null): BuiltStep[] {
  const byVertex = new Map<string, BuiltStep>();
  const out: BuiltStep[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const m = /^#(\d+) \[([^\]]*?)\s*(\d+)\/(\d+)\] (.*)$/.exec(line);
    if (m) {
      if (byVertex.has(m[1])) continue;
      const name = m[2].trim();
      const stage = name === '' ? 0 : /^stage-(\d+)$/.test(name) ? Number(name.slice(6)) : stageIndex(name);
      if (stage === null) continue;
      const s: BuiltStep = { stage, step: Number(m[3]), of: Number(m[4]), instruction: m[5], cached: false, image: null };
      byVertex.set(m[1], s);
      out.push(s);
      continue;
    }
    const c = /^#(\d+) CACHED$/.exec(line);
    if (c && byVertex.has(c[1])) byVertex.get(c[1])!.cached = true;
  }
  return out;
}

export interface ImageLayers {
  /** One entry per history item: does it make a layer? */
  history: { createdBy: string; empty: boolean }[];
  /** Uncompressed layer sizes, in order. */
  layers: number[];
}

/** `buildah inspect --type image` JSON -> history and layer sizes (null when they do not line up). */
export function imageLayersFromBuildahInspect(json: unknown): ImageLayers | null {
  const d = json as { Manifest?: string; OCIv1?: { history?: { created_by?: string; empty_layer?: boolean }[] } };
  let manifest: { layers?: { size?: number }[] };
  try {
    manifest = JSON.parse(d.Manifest ?? '{}');
  } catch {
    return null;
  }
  const history = (d.OCIv1?.history ?? []).map((h) => ({ createdBy: h.created_by ?? '', empty: h.empty_layer === true }));
  const layers = (manifest.layers ?? []).map((l) => l.size ?? 0);
  if (history.filter((h) => !h.empty).length !== layers.length) return null;
  return { history, layers };
}

/** `podman history --format json` (newest first, `size` per entry) -> history and layer sizes. */
export function imageLayersFromPodmanHistory(json: unknown): ImageLayers | null {
  if (!Array.isArray(json)) return null;
  const entries = [...json].reverse() as { created_by?: string; createdBy?: string; size?: number; Size?: number; comment?: string }[];
  const history: ImageLayers['history'] = [];
  const layers: number[] = [];
  for (const e of entries) {
    const size = e.size ?? e.Size ?? 0;
    const createdBy = e.created_by ?? e.createdBy ?? '';
    // podman reports 0 for entries without a layer; a metadata instruction is `#(nop)` without COPY/ADD.
    const empty = size === 0 && /#\(nop\)/.test(createdBy) && !/#\(nop\) (COPY|ADD)/.test(createdBy);
    history.push({ createdBy, empty });
    if (!empty) layers.push(size);
  }
  return { history, layers };
}

/**
 * The layer bytes of a stage's steps 2..`of`, from the image its last step committed: the last
 * `of - 1` history entries are those steps (buildah and podman write one per instruction).
 * Index i of the result is step i + 2; null when the history is shorter than the steps.
 */
export function stepSizes(img: ImageLayers, of: number): (number | null)[] {
  const n = of - 1;
  if (n <= 0) return [];
  if (img.history.length < n) return new Array(n).fill(null);
  const start = img.history.length - n;
  let layer = img.history.slice(0, start).filter((h) => !h.empty).length;
  const out: (number | null)[] = [];
  for (const h of img.history.slice(start)) {
    if (h.empty) out.push(0);
    else out.push(img.layers[layer++] ?? null);
  }
  return out;
}
