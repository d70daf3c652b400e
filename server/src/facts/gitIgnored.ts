/**
 * Whether the .gitignore files from the context root up to the repository root (WorkspaceFiles
 * `gitignores`, nearest first) ignore a context path: a file a clean checkout does not have,
 * made where the repository is built or edited (a local `go mod vendor`, a go.sum the pipeline
 * writes before the build). Read once per workspace model and path (a new model comes with every
 * change of the workspace), not on every analysis of the Dockerfile.
 */
import { DockerIgnore } from '../workspace/dockerignore';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { workspaceFact } from './memo';
import { buildFiles, repositoryRootInView } from './passedBuildArgs';

export function gitIgnored(ws: WorkspaceModel, files: Pick<WorkspaceFiles, 'gitignores'>, rel: string): boolean {
  return workspaceFact(ws, `gitIgnored:${rel}`, () => ignoredBy(files.gitignores(), rel));
}

function ignoredBy(gitignores: readonly { prefix: string; text: string }[], rel: string): boolean {
  for (const { prefix, text } of gitignores) {
    const at = prefix === '' ? rel : `${prefix}/${rel}`;
    // gitignore: a pattern without a slash matches at any depth; `vendor` and `vendor/` are the usual lines.
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    const anyDepth = lines.map((l) => (!l.replace(/\/$/, '').includes('/') && !l.startsWith('!') ? `**/${l}` : l.startsWith('!') && !l.slice(1).replace(/\/$/, '').includes('/') ? `!**/${l.slice(1)}` : l));
    if (DockerIgnore.parse([...lines, ...anyDepth].join('\n')).isIgnored(at)) return true;
  }
  return false;
}

/** A go command that writes go.sum: `go mod tidy`, `go mod download`, `go get`, `go work sync` (also `$(GO) mod tidy`). */
const WRITES_GO_SUM = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+(?:mod\s+(?:tidy|download)|get|work\s+sync)\b/m;
/** A build file line that builds an image: `docker build`, `docker buildx build|bake`, `podman build`, `buildah bud`, the build-push and bake actions. */
const BUILDS_IMAGE = /\b(?:docker|podman)(?:\s+buildx)?\s+(?:build|bake)\b|\bbuildah\s+(?:bud|build)\b|docker\/(?:build-push|bake)-action\b|\$\((?:CONTAINER_TOOL|DOCKER|CONTAINER_ENGINE)\)\s+(?:buildx\s+)?build\b/;

/**
 * What the context's build files say about a go.sum that .gitignore lists (a clean checkout lacks
 * it): 'made' when one of them runs a go command that writes go.sum (WRITES_GO_SUM) — the
 * pipeline makes it before the build; 'missing' when the build files are in view (the context is
 * the repository's root, or one of its files builds the image) and none does: every clone lacks
 * it when the Dockerfile copies it (fosrl/gerbil: .gitignore lists go.sum, and the Makefile's
 * `all:` is just `docker build -t gerbil .`); 'unknown' when the build files are out of view (a
 * context below the repository's root). One answer per workspace model.
 */
export function ignoredGoSumMade(ws: WorkspaceModel, files: Pick<WorkspaceFiles, 'listFiles' | 'readFile' | 'fileExists' | 'dirExists'>): 'made' | 'missing' | 'unknown' {
  return workspaceFact(ws, 'ignoredGoSumMade', () => {
    let builds = false;
    for (const { text } of buildFiles(files)) {
      if (WRITES_GO_SUM.test(text)) return 'made';
      builds ||= BUILDS_IMAGE.test(text);
    }
    return builds || repositoryRootInView(files) ? 'missing' : 'unknown';
  });
}
