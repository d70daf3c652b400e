/**
 * The image a stage's FROM names in each build the repository's build files run, when the FROM
 * reads a variable with no default (`ARG BASE_IMAGE` + `FROM ${BASE_IMAGE}`): the Dockerfile alone
 * does not say, and a `docker build` command line that passes `--build-arg BASE_IMAGE=…` does
 * (composeImages.ts dockerfileBuilds). iamseth/oracledb_exporter 04e4ba9 Dockerfile:1,17 `FROM
 * ${BASE_IMAGE} as exporter`, built by Makefile:155 (`make alpine-image`) with
 * `BASE_IMAGE=$(ALPINE_BASE_IMAGE)`, `docker.io/library/alpine:3.19` (judge 42 X M2).
 *
 * And whether the arguments such a build passes can change what a go command of another stage
 * does (passedArgsReach): the rest of the Dockerfile is read with its own defaults, so a reader
 * of the build must be sure the build's values do not reach it.
 */
import { argDeclarations, stageChain } from '../dockerfile/facts';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { properties } from '../dockerfile/parse';
import { isPlainReference, readsVariable, substituteVariables, variableReferences } from '../dockerfile/variables';
import { lookupImage, type ImageInfo } from '../images/table';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { dockerfileBuilds, type DockerfileBuild } from './composeImages';

export interface BuildImage {
  /** The reference with the build's values put in. */
  ref: string;
  image: ImageInfo;
  build: DockerfileBuild;
}

/**
 * The images the root of `stage`'s chain is in the builds of `dockerfile` (context-relative) that
 * the build files run: only where its FROM reads a variable the Dockerfile gives no value, and
 * only builds whose every argument is known (not `opaque`) and whose values make a reference the
 * image table knows. Empty otherwise.
 */
export function stageImagesOfBuilds(model: DockerfileModel, stage: Stage, ws: WorkspaceModel | undefined, files: WorkspaceFiles | undefined, dockerfile: string | undefined): BuildImage[] {
  if (!ws || !files || dockerfile === undefined) return [];
  const root = stageChain(model, stage)[0];
  if (root.baseStage !== null || !root.base.includes('$') || (root.resolvedBase !== null && !root.resolvedBase.includes('$'))) return [];
  const out: BuildImage[] = [];
  for (const build of dockerfileBuilds(ws, files)) {
    if (build.dockerfile !== dockerfile || build.opaque) continue;
    const ref = substituteVariables(root.base, (r) => (isPlainReference(r) ? build.args.get(r.name) ?? model.globalArgs.get(r.name) ?? undefined : undefined));
    if (ref.includes('$')) continue;
    const image = lookupImage(ref);
    if (image) out.push({ ref, image, build });
  }
  return out;
}

/** Variables the go command and the tools it runs read from the environment without naming them. */
const GO_ENVIRONMENT = /^(GO[A-Z0-9_]*|CGO_[A-Z_]*|CC|CXX|AR|GCCGO|PKG_CONFIG[A-Z_]*|PATH|LD_LIBRARY_PATH|HOME)$/;

/**
 * An `-X name=value` of `-ldflags` (`-X main.Version=${VERSION}`): the variable is the string a
 * package variable is set to, not a flag of the build.
 */
const X_VALUE = /-X[ =]+[^\s"'=]+=[^\s"']*/g;

/**
 * The build arguments `names` may change what a go command of `stage` does (its environment, its
 * flags, its stage's base): the builder's chain declares one (an ARG) and reads it anywhere but in its own
 * ENV (`ENV VERSION ${VERSION:-0.1.0}`) and in `-X` values of a RUN (oracledb_exporter's
 * `-ldflags "-X main.Version=${VERSION} -s -w"`), or declares one the go command reads from the
 * environment by name (GOFLAGS, CGO_ENABLED, CC), or a FROM of the chain reads one. True when unsure.
 */
export function passedArgsReach(model: DockerfileModel, stage: Stage, names: Iterable<string>): boolean {
  const chain = stageChain(model, stage);
  for (const name of names) {
    if (chain.some((s) => readsVariable(s.base, name))) return true;
    const declared = chain.some((s) => s.instructions.some((i) => i.keyword === 'ARG' && argDeclarations(model, i).some((a) => a.name === name)));
    if (!declared) continue;
    if (GO_ENVIRONMENT.test(name)) return true;
    for (const s of chain) {
      for (const i of s.instructions) {
        if (i.keyword === 'ARG') {
          if (argDeclarations(model, i).some((a) => a.name !== name && a.value !== undefined && readsVariable(a.value, name))) return true;
        } else if (i.keyword === 'ENV') {
          if (properties(i).some((p) => p.name !== name && p.value !== null && readsVariable(p.value, name))) return true;
        } else {
          const text = model.text.slice(i.span.start, i.span.end);
          if (!text.includes('$')) continue;
          // A RUN's text without its `-X` values; any other instruction as written.
          const rest = i.keyword === 'RUN' ? text.replace(X_VALUE, '') : text;
          if (variableReferences(rest).some((r) => r.name === name)) return true;
        }
      }
    }
  }
  return false;
}
