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
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';

export interface PassedBuildArgs {
  inView: boolean;
  names: ReadonlySet<string>;
  any: boolean;
}

/** Files at the context root that mark it as a repository's root (where its build files are). */
const REPOSITORY_MARKS = ['.git', '.github', '.gitlab-ci.yml', '.circleci', '.drone.yml', '.woodpecker.yml', '.woodpecker', '.travis.yml', 'Jenkinsfile', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', '.buildkite', 'cloudbuild.yaml', 'cloudbuild.yml'];

/** Files that can run or configure a Docker build. */
const BUILD_FILE = /(^|\/)(Makefile|makefile|GNUmakefile|[Jj]ustfile|\.justfile|Jenkinsfile[^/]*|Earthfile|Taskfile[^/]*\.ya?ml|magefile\.go|devcontainer\.json|docker-bake[^/]*\.json)$|(^|\/)magefiles\/[^/]+\.go$|\.(ya?ml|sh|bash|mk|hcl|toml|ps1|bat|cmd)$/;

/** Folders whose files are someone else's (dependencies, fixtures). */
const OTHERS = /(^|\/)(vendor|node_modules|testdata|third_party)\//;

const MAX_BYTES = 512 * 1024;

export function passedBuildArgs(ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined): PassedBuildArgs {
  if (!files) return { inView: false, names: new Set(), any: false };
  return ws ? workspaceFact(ws, 'passedBuildArgs', () => readPassedBuildArgs(files)) : readPassedBuildArgs(files);
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const CLI = new RegExp(`--build-arg(?:=|\\s+)\\\\?["']?(\\$|${NAME})`, 'g');
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
  let any = false;
  if (!inView) return { inView, names, any };
  for (const { text } of buildFiles(files)) {
    for (const m of text.matchAll(CLI)) {
      if (m[1] === '$') any = true;
      else names.add(m[1]);
    }
    for (const m of text.matchAll(BAKE_SET)) names.add(m[1]);
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
  return { inView, names, any };
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
