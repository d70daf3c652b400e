/**
 * The base image of a stage when the repository builds it itself from a Dockerfile of the
 * context (composeImages.ts repositoryImageBuilds), and what that Dockerfile leaves in it.
 *
 * nuclio/nuclio 9e837f6: cmd/controller/Dockerfile (and four more) build `FROM
 * $NUCLIO_DOCKER_REPO/nuclio-builder:$NUCLIO_DOCKER_IMAGE_TAG`, the image the Makefile's
 * `build-builder` builds from hack/docker/build/builder/Dockerfile, whose `COPY go.* ./` + `RUN go
 * mod download` put every module into the image's layers before those builds run.
 *
 * The FROM is matched by repository (the tag aside), its variables filled from the global ARG
 * defaults and the values the build files pass this Dockerfile (`--build-arg
 * NUCLIO_DOCKER_REPO=$(NUCLIO_DOCKER_REPO)`, the file's variables put in), or kept as `${NAME}`
 * on both sides. The other Dockerfile is parsed here (once per workspace model and path).
 *
 * GD104 (the modules are in the base: no source copy re-downloads them) and GD107 (a module cache
 * mount would hide them) read it.
 */
import { envBefore, goCommands, stageChain, workdirBefore } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { isPlainReference, substituteVariables } from '../dockerfile/variables';
import { mounts } from '../dockerfile/mounts';
import { parseDockerfile, properties } from '../dockerfile/parse';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { contextPlacement } from './builtPackages';
import { commandBuildArgs, imageVariablesKey, repositoryImageBuilds, type RepositoryImageBuild } from './composeImages';
import { workspaceFact } from './memo';

export interface BuiltBase {
  /** The FROM reference as written. */
  image: string;
  build: RepositoryImageBuild;
  model: DockerfileModel;
  /** The stage of that Dockerfile the image is (its `--target`, else the last). */
  stage: Stage;
}

/**
 * The build of the root image of `stage`'s chain when the repository builds it (see the file
 * comment); null for a stage built FROM scratch or a registry image, or when the Dockerfile
 * cannot be read.
 */
export function repositoryBuiltBase(model: DockerfileModel, stage: Stage, ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, dockerfile: string | undefined): BuiltBase | null {
  if (!ws || !files) return null;
  const root = stageChain(model, stage)[0];
  if (root.baseStage !== null || root.base === '' || /^scratch$/i.test(root.base)) return null;
  const builds = repositoryImageBuilds(ws, files);
  if (builds.size === 0) return null;
  let build: RepositoryImageBuild | undefined;
  for (const ref of fromCandidates(model, root, ws, files, dockerfile)) if ((build = builds.get(imageVariablesKey(ref)))) break;
  if (!build || build.dockerfile === dockerfile) return null;
  const parsed = workspaceFact(ws, `builtBaseModel:${build.dockerfile}`, () => {
    const text = files.readFile(build.dockerfile);
    return text === null ? null : parseDockerfile(text);
  });
  if (!parsed || parsed.notAnalysed || parsed.stages.length === 0) return null;
  const target = build.target ? parsed.stages.find((s) => s.name === build.target!.toLowerCase()) : parsed.stages.at(-1);
  return target ? { image: root.base, build, model: parsed, stage: target } : null;
}

/**
 * The FROM reference as the build may see it: with the global ARG defaults and the one value the
 * build files pass this Dockerfile for each variable put in; as written (variables kept).
 */
function fromCandidates(model: DockerfileModel, root: Stage, ws: WorkspaceModel, files: WorkspaceFiles, dockerfile: string | undefined): string[] {
  const out = root.resolvedBase && !root.resolvedBase.includes('$') ? [root.resolvedBase] : [];
  if (!root.base.includes('$')) return out.length ? out : [root.base];
  const passed = new Map<string, string | null>();
  if (dockerfile !== undefined) {
    for (const a of commandBuildArgs(ws, files)) {
      if (a.dockerfile !== dockerfile) continue;
      passed.set(a.name, passed.has(a.name) && passed.get(a.name) !== a.expanded ? null : a.expanded);
    }
  }
  const filled = substituteVariables(root.base, (r) => (isPlainReference(r) ? passed.get(r.name) ?? model.globalArgs.get(r.name) ?? undefined : undefined));
  return [...new Set([...out, filled, root.base])];
}

/**
 * The RUN of the built base's chain that downloads the modules into its layers: `go mod
 * download` with no cache mount at all (a mount keeps them out of the image), and no `go clean
 * -modcache` after it. Null when there is none.
 */
export function baseModuleDownload(base: BuiltBase): Instruction | null {
  let found: Instruction | null = null;
  for (const s of stageChain(base.model, base.stage)) {
    for (const i of s.instructions) {
      const gos = goCommands(i);
      if (gos.length === 0) continue;
      if (gos.some((g) => g.sub === 'mod download') && !mounts(i).some((m) => m.type === 'cache')) found = i;
      if (gos.some((g) => g.sub === 'clean' && g.args.some((w) => w.value === '-modcache'))) found = null;
    }
  }
  return found;
}

/**
 * What a stage built FROM the built base starts with, for a go command that inherits it all (no
 * WORKDIR, COPY, ADD or `cd` of its own before it): the ENV the base's chain leaves (its last
 * value of each name; null when not literal) with the line setting each, and the context folder
 * of this build the base's WORKDIR holds, when the base's chain copied its build context there
 * and that context is known (nuclio's builder: `WORKDIR /nuclio`, `COPY . .`, built with the
 * context root, so /nuclio is the root). `contextDir` null when not known.
 */
export function builtBaseStart(base: BuiltBase, ws: WorkspaceModel, files: WorkspaceFiles): { env: ReadonlyMap<string, string | null>; envLine: ReadonlyMap<string, number>; contextDir: string | null } {
  const env = envBefore(base.model, base.stage);
  const envLine = new Map<string, number>();
  for (const s of stageChain(base.model, base.stage)) {
    for (const i of s.instructions) if (i.keyword === 'ENV') for (const p of properties(i)) envLine.set(p.name, i.line + 1);
  }
  let contextDir: string | null = null;
  if (base.build.context !== undefined) {
    // A go command placed after every instruction of the base's chain (a sentinel instruction).
    const end = { keyword: 'RUN', args: [], flags: [] } as unknown as Instruction;
    const placement = workdirBefore(base.model, base.stage, end, null) === null ? null : contextPlacement({ model: base.model, workspace: ws, files }, base.stage, { instr: end, cmd: { env: [], argv: [], start: 0, end: 0 }, sub: 'build', args: [] });
    if (typeof placement === 'string') contextDir = [base.build.context, placement].filter((x) => x !== '').join('/');
  }
  return { env, envLine, contextDir };
}
