/**
 * The programs a goreleaser config builds for the images of one Dockerfile: goreleaser builds the
 * binaries, then runs `docker build` on each `dockers:`/`dockers_v2:` entry's `dockerfile:` with a
 * context that holds the binaries of the builds the entry's `ids:` selects (every build without
 * `ids:`), at the root (`dockers:`) or under `$TARGETPLATFORM/` (`dockers_v2:`), named by each
 * build's `binary:`. So a Dockerfile's `COPY $TARGETPLATFORM/go-feature-flag /go-feature-flag`
 * brings the program of the build `binary: go-feature-flag`, whose `main:` is ./cmd/relayproxy
 * (thomaspoignant/go-feature-flag's DockerfileGoreleaserBookworm): a name no package goes by.
 *
 * Only what the config says for sure: the config at the context root (goreleaser's own names, the
 * first found), entries whose `dockerfile:` (default `Dockerfile`) is this Dockerfile's path in the
 * context, go builds whose `main:`, `dir:` and `binary:` hold no template and whose `main:` is a
 * package of the context. A build that takes its settings from a YAML merge key is left out.
 */
import * as path from 'node:path';
import { GORELEASER_CONFIGS, goreleaserItems, yamlKey, yamlList, yamlListItems } from '../dockerfile/goreleaser';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { packageByDir } from '../workspace/query';
import type { ReleaseSource, WorkspaceFiles } from '../workspace/types';
import { workspaceFact } from './memo';

/** A binary goreleaser puts into the context of an image of the Dockerfile. */
export interface ReleasedBinary {
  /** The binary's file name, lower case (`go-feature-flag`). */
  name: string;
  /** The main package it is built from. */
  pkg: GoPackage;
  /** `.goreleaser.yaml (build go-feature-flag)`. */
  how: string;
}

/** The binaries goreleaser builds for the images of the Dockerfile at `dockerfile` (context-relative); [] when no config names it. */
export function releasedBinaries(ws: WorkspaceModel, files: WorkspaceFiles | undefined, dockerfile: string | undefined): ReleasedBinary[] {
  if (!files || dockerfile === undefined) return [];
  return workspaceFact(ws, `releasedBinaries:${dockerfile}`, () => readReleased(ws, files, dockerfile));
}

/**
 * The goreleaser config of the repository (goreleaser's own names, the first found) and the build
 * ids its `dockers:`/`dockers_v2:` entries that build the Dockerfile at `dockerfile` select (null:
 * one of them selects every build); null when no entry names that Dockerfile.
 */
function imageEntries(files: Pick<WorkspaceFiles, 'fileExists' | 'readFile'>, dockerfile: string): { config: string; text: string; ids: Set<string> | null } | null {
  const config = GORELEASER_CONFIGS.find((f) => files.fileExists(f));
  const text = config === undefined ? null : files.readFile(config);
  if (config === undefined || text === null) return null;
  const norm = (p: string) => path.posix.normalize(p).replace(/^\.\//, '');
  const want = norm(dockerfile);
  let ids: Set<string> | null = new Set();
  let named = false;
  for (const section of ['dockers', 'dockers_v2']) {
    for (const entry of yamlListItems(text, section) ?? []) {
      const file = yamlKey(entry, 'dockerfile') ?? 'Dockerfile';
      if (/\{\{/.test(file) || norm(file) !== want) continue;
      named = true;
      const listed = yamlList(entry, 'ids');
      if (listed === undefined) ids = null;
      else if (ids !== null) for (const id of listed) ids.add(id);
    }
  }
  return named ? { config, text, ids } : null;
}

/** Does the repository's goreleaser config build images with the Dockerfile at `dockerfile` (repository-relative)? */
export function releaseBuildsImages(files: Pick<WorkspaceFiles, 'fileExists' | 'readFile'>, dockerfile: string): boolean {
  return imageEntries(files, dockerfile) !== null;
}

/**
 * What the programs of an image are read from: the repository a release tool builds them in
 * (RuleContext.release, when the build context is that tool's artifact folder: its files, the
 * Dockerfile's path there), else the build context itself. aquasecurity/tfsec's Dockerfile.scratch
 * built by goreleaser copies `tfsec`, the build `main: ./cmd/tfsec` of the repository, not of the
 * context (which holds the binary alone).
 */
export function programSource<T extends { workspace?: WorkspaceModel; files?: WorkspaceFiles; dockerfile?: string; release?: ReleaseSource }>(ctx: T): T {
  const r = ctx.release;
  return r ? { ...ctx, workspace: r.workspace, files: r.files, dockerfile: r.dockerfile } : ctx;
}

function readReleased(ws: WorkspaceModel, files: WorkspaceFiles, dockerfile: string): ReleasedBinary[] {
  const entries = imageEntries(files, dockerfile);
  if (!entries) return [];
  const { config, text, ids } = entries;
  const out: ReleasedBinary[] = [];
  for (const item of goreleaserItems(text) ?? []) {
    if (item.some((l) => /^\s*<<:/.test(l))) continue;
    const key = (name: string) => yamlKey(item, name);
    const builder = key('builder');
    if ((builder !== undefined && builder !== 'go') || key('skip') === 'true') continue;
    const id = key('id');
    if (ids !== null && (id === undefined || !ids.has(id))) continue;
    const binary = key('binary');
    const main = key('main') ?? '.';
    const dir = key('dir') ?? '.';
    if (binary === undefined || /\{\{|\$|\*/.test(binary + main + dir)) continue;
    const rel = path.posix.normalize(path.posix.join(dir, main.endsWith('.go') ? path.posix.dirname(main) : main)).replace(/\/+$/, '');
    const pkg = packageByDir(ws, rel === '.' ? '' : rel);
    if (!pkg?.isMain) continue;
    out.push({ name: path.posix.basename(binary).toLowerCase(), pkg, how: `${config} (build ${id ?? binary})` });
  }
  return out;
}
