/**
 * The build arguments the repository's build files pass to a Docker build: `--build-arg NAME=…`
 * (or `--build-arg NAME`, which takes the caller's environment) anywhere in a script, Makefile,
 * workflow or goreleaser config; docker/build-push-action's `build-args:` block, compose's and
 * skaffold's `args:`/`buildArgs:` (a map or a `NAME=value` list), bake's and devcontainer.json's
 * `args = { … }`, and `--set target.args.NAME=…`. Read once per workspace model, as text.
 *
 * `any` is set when a file passes build arguments this reading cannot name (`--build-arg "$a"`,
 * `build-args: ${{ steps.meta.outputs.args }}`): any name may then be passed.
 *
 * `inView` says whether the context is where a repository keeps its build files: its root has
 * `.git`, `.github/` or another CI system's file. Without that (a context in a subfolder, or no
 * repository) the files that pass the arguments may lie outside, and nothing is known.
 *
 * GD120 reads this: a per-build ARG that nothing in the Dockerfile reads and that no build file
 * passes is always empty, and cannot change the cache key (open-policy-agent/conftest's dead
 * `ARG COMMIT` / `ARG DATE`; its release workflow passes `build-args: VERSION=…` only).
 */
import { workspaceFact } from './memo';
import { imageStages, stageChain } from '../dockerfile/facts';
import type { DockerfileModel } from '../dockerfile/model';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { isPlainReference, variableReferences } from '../dockerfile/variables';

export interface PassedBuildArgs {
  inView: boolean;
  names: ReadonlySet<string>;
  any: boolean;
  /**
   * The literal values passed on a command line, per name (`--build-arg BUILD_OS=debian-plus`:
   * nginx/kubernetes-ingress's Makefile); not a value with a variable or a quote inside.
   * Deliberately not composeImages.ts commandBuildArgs (the arguments of a `docker build` line, per
   * Dockerfile): KIC passes them on recipe lines that only run a variable holding the command
   * (Makefile:216 `$(DOCKER_CMD) $(PLUS_ARGS) --build-arg BUILD_OS=alpine-plus`, DOCKER_CMD at line
   * 63), which name no Dockerfile. shippedStages takes only a value that names a stage of this one.
   */
  values: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Files at the context root that mark it as a repository's root (where its build files are). */
const REPOSITORY_MARKS = ['.git', '.github', '.gitlab-ci.yml', '.circleci', '.drone.yml', '.woodpecker.yml', '.woodpecker', '.travis.yml', 'Jenkinsfile', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', '.buildkite', 'cloudbuild.yaml', 'cloudbuild.yml'];

/** Files that can run or configure a Docker build. */
const BUILD_FILE = /(^|\/)(Makefile|makefile|GNUmakefile|[Jj]ustfile|\.justfile|Jenkinsfile[^/]*|Earthfile|Taskfile[^/]*\.ya?ml|magefile\.go|devcontainer\.json|docker-bake[^/]*\.json)$|(^|\/)magefiles\/[^/]+\.go$|\.(ya?ml|sh|bash|mk|hcl|toml|ps1|bat|cmd)$/;

/** Folders whose files are someone else's (dependencies, fixtures). */
const OTHERS = /(^|\/)(vendor|node_modules|testdata|third_party)\//;

const MAX_BYTES = 512 * 1024;

export function passedBuildArgs(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): PassedBuildArgs {
  if (!files) return { inView: false, names: new Set(), any: false, values: new Map() };
  return ws ? workspaceFact(ws, 'passedBuildArgs', () => readPassedBuildArgs(files)) : readPassedBuildArgs(files);
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const CLI = new RegExp(`--build-arg(?:=|\\s+)\\\\?["']?(\\$|${NAME})`, 'g');
/** `--build-arg NAME=value` with a literal value (letters, digits, `._:/@+-`), quoted whole or not. */
const CLI_VALUE = new RegExp(`--build-arg(?:=|\\s+)\\\\?(["']?)(${NAME})=([A-Za-z0-9][A-Za-z0-9._:/@+-]*)\\1(?=[\\s;&|)\\\\]|$)`, 'gm');
const BAKE_SET = new RegExp(`\\.args\\.(${NAME})=`, 'g');
const BLOCK_KEY = /^(\s*-?\s*)["']?(build-args|build_args|buildArgs|build-arg|args)["']?\s*[:=]\s*(.*?)\s*$/;
const ENTRY = new RegExp(`^\\s*-?\\s*["']?(${NAME})["']?\\s*(?:[=:]|$)`);

/** The context root is where a repository keeps its build files: it has `.git`, `.github/` or another CI system's file. */
export function repositoryRootInView(files: Pick<WorkspaceFiles, 'fileExists' | 'dirExists'>): boolean {
  return REPOSITORY_MARKS.some((m) => files.fileExists(m) || files.dirExists(m));
}

/**
 * The context's files that can run or configure a build (scripts, Makefiles, workflows, task
 * runners' files; not under vendor/, node_modules/, testdata/, third_party/), with their texts.
 */
export function* buildFiles(files: Pick<WorkspaceFiles, 'listFiles' | 'readFile'>): Generator<{ path: string; text: string }> {
  for (const f of files.listFiles('')) {
    if (!BUILD_FILE.test(f.path) || OTHERS.test(f.path) || f.size > MAX_BYTES) continue;
    const text = files.readFile(f.path);
    if (text !== null) yield { path: f.path, text };
  }
}

function readPassedBuildArgs(files: WorkspaceFiles): PassedBuildArgs {
  const inView = repositoryRootInView(files);
  const names = new Set<string>();
  const values = new Map<string, Set<string>>();
  let any = false;
  if (!inView) return { inView, names, any, values };
  for (const { text } of buildFiles(files)) {
    // Each pattern spells out a word (`--build-arg`, `.args.`, `args`): a text without it is not
    // scanned for it (most YAML manifests and scripts pass no build argument).
    if (text.includes('--build-arg')) {
      for (const m of text.matchAll(CLI)) {
        if (m[1] === '$') any = true;
        else names.add(m[1]);
      }
      for (const m of text.matchAll(CLI_VALUE)) {
        let set = values.get(m[2]);
        if (!set) values.set(m[2], (set = new Set()));
        set.add(m[3]);
      }
    }
    if (text.includes('.args.')) for (const m of text.matchAll(BAKE_SET)) names.add(m[1]);
    if (!/args/i.test(text)) continue;
    const lines = text.split(/\r?\n/);
    for (let k = 0; k < lines.length; k++) {
      const key = BLOCK_KEY.exec(lines[k]);
      if (!key) continue;
      const value = key[3].replace(/\s+#.*$/, '');
      const column = key[1].length;
      if (value.startsWith('{')) {
        // `args = { NAME = "…" }` (HCL), `"args": { "NAME": "…" }` (JSON), to the closing brace.
        for (let j = k; j < lines.length; j++) {
          // (`"${COMMIT}"`: an interpolation's brace closes nothing.)
          const body = (j === k ? value.slice(1) : lines[j]).replace(/\$\{[^}]*\}/g, '');
          for (const n of body.matchAll(new RegExp(`["']?(${NAME})["']?\\s*[:=]`, 'g'))) names.add(n[1]);
          if (body.includes('}')) break;
        }
        continue;
      }
      if (value !== '' && !/^[|>][-+]?$/.test(value)) {
        // One line: `build-args: VERSION=${{ github.ref_name }}`, `args: ["COMMIT=abc"]`.
        if (/^\$|^["']?\$\{\{/.test(value)) any = true;
        for (const n of value.matchAll(new RegExp(`(?:^|[\\s,\\["'])(${NAME})=`, 'g'))) names.add(n[1]);
        continue;
      }
      // A block: the lines indented deeper than the key (a map, a list, a `|` string of NAME=value lines).
      for (let j = k + 1; j < lines.length; j++) {
        const line = lines[j];
        if (line.trim() === '' || /^\s*#/.test(line)) continue;
        if (/^ */.exec(line)![0].length <= column) break;
        const e = ENTRY.exec(line);
        if (e) names.add(e[1]);
        else if (/^\s*-?\s*["']?\$/.test(line)) any = true;
      }
    }
  }
  return { inView, names, any, values };
}

/** The stages images are built from, and why a stage is among them only through a passed build argument. */
export interface ShippedStages {
  stages: ReadonlySet<number>;
  /** A stage in an image only when the build files pass a value: that `NAME=value`. */
  through: ReadonlyMap<number, string>;
}

/**
 * The stages the images are built from (dockerfile/facts.ts imageStages), and the ones a build
 * file makes so: a FROM that reads a global ARG (`FROM ${BUILD_OS} AS common`, the ARG's default
 * `debian`) is built FROM another stage when a build file passes that stage's name
 * (`--build-arg BUILD_OS=debian-plus-nap-v5`), and that stage's chain is then in the image.
 * nginx/kubernetes-ingress's build/Dockerfile has a base stage per BUILD_OS value
 * (debian-plus-nap-v5 FROM debian-plus-nap-v5-base …), its Makefile passes each one with
 * `--target local` (FROM common); the Dockerfile's defaults reach only `debian` (judge Y round 33
 * W8: GD303 said the apt lists of debian-plus-nap-v5-base were "not in the image"). Only values
 * passed literally on a command line (PassedBuildArgs.values), only where the build files are
 * in view; a value that names no earlier stage changes nothing. The one answer for every rule
 * that asks whether a stage's layers are in an image (GD113, GD209, GD210, GD301-GD304, GD312).
 */
export function shippedStages(model: DockerfileModel, finalStage: number, ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): ShippedStages {
  const stages = imageStages(model, finalStage);
  const plain = { stages, through: new Map<number, string>() };
  if (!files || model.globalArgs.size === 0) return plain;
  const variable = model.stages.filter((s) => s.base.includes('$'));
  if (variable.length === 0) return plain;
  const passed = passedBuildArgs(ws, files);
  if (!passed.inView || passed.values.size === 0) return plain;
  // Each stage's other bases, by the values passed for the one global ARG its FROM reads.
  const others = new Map<number, { index: number; arg: string }[]>();
  for (const s of variable) {
    // A FROM that reads one variable (`${BUILD_OS}`, `$BASE`, `base-${OS}`).
    const reads = variableReferences(s.base).filter(isPlainReference);
    if (reads.length !== 1) continue;
    const name = reads[0].name;
    if (!model.globalArgs.has(name)) continue;
    for (const value of passed.values.get(name) ?? []) {
      const base = s.base.replace(reads[0].text, value).toLowerCase();
      const named = model.stages.find((x) => x.name === base && x.index < s.index);
      if (!named || named.index === s.baseStage) continue;
      const list = others.get(s.index) ?? [];
      list.push({ index: named.index, arg: `${name}=${value}` });
      others.set(s.index, list);
    }
  }
  if (others.size === 0) return plain;
  const out = new Set(stages);
  const through = new Map<number, string>();
  const queue = [...stages];
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (const o of others.get(at) ?? []) {
      for (const c of stageChain(model, model.stages[o.index])) {
        if (out.has(c.index)) continue;
        out.add(c.index);
        through.set(c.index, through.get(at) ?? o.arg);
        queue.push(c.index);
      }
    }
  }
  return through.size === 0 ? plain : { stages: out, through };
}

/**
 * Whether a build file of the repository (buildFiles) holds `word` (`timetzdata`); null when the
 * context is not the repository's root (repositoryRootInView), where those files would be. A
 * build argument no file of the repository sets to a value holding the word does not hold it
 * (absmach/magistrala 9d637dc: `-tags "${BUILD_TAGS}"`, the Makefile passing its broker tags).
 */
export function buildFilesMention(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, word: string): boolean | null {
  if (!files) return null;
  const read = () => {
    if (!repositoryRootInView(files)) return null;
    for (const { text } of buildFiles(files)) if (text.includes(word)) return true;
    return false;
  };
  return ws ? workspaceFact(ws, `buildFilesMention:${word}`, read) : read();
}
