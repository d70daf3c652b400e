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
import { goPackages, stageGoCommands } from '../dockerfile/facts';
import type { DockerfileModel } from '../dockerfile/model';

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

/** What the goreleaser config of the repository says about the images of one Dockerfile (imageEntries). */
interface ImageEntries {
  config: string;
  /** The go builds whose binaries the entries select (no template in `binary:`, `main:`, `dir:`; not from a YAML merge key). */
  builds: { id: string | undefined; binary: string; main: string; dir: string }[];
  /** The sections of those entries: `dockers` puts the binaries at the context root, `dockers_v2` under `$TARGETPLATFORM/`. */
  sections: Set<'dockers' | 'dockers_v2'>;
  /** Their `extra_files:`, context-relative, templates left out. */
  extraFiles: string[];
}

/**
 * The goreleaser config of the repository (goreleaser's own names, the first found) read for the
 * `dockers:`/`dockers_v2:` entries that build the Dockerfile at `dockerfile`: the go builds they
 * select (`ids:`, else every build), their sections and `extra_files:`; null when no entry names
 * that Dockerfile. The one reading of the config: releasedBinaries and releaseContext ask it
 * through releaseEntries (once per workspace model), the driver's releaseBuildsImages directly.
 */
function imageEntries(files: Pick<WorkspaceFiles, 'fileExists' | 'readFile'>, dockerfile: string): ImageEntries | null {
  const config = GORELEASER_CONFIGS.find((f) => files.fileExists(f));
  const text = config === undefined ? null : files.readFile(config);
  if (config === undefined || text === null) return null;
  const norm = (p: string) => path.posix.normalize(p).replace(/^\.\//, '');
  const want = norm(dockerfile);
  // The ids the entries that build this Dockerfile select; null: one of them selects every build.
  let ids: Set<string> | null = new Set();
  const sections = new Set<'dockers' | 'dockers_v2'>();
  const extraFiles: string[] = [];
  for (const section of ['dockers', 'dockers_v2'] as const) {
    for (const entry of yamlListItems(text, section) ?? []) {
      const file = yamlKey(entry, 'dockerfile') ?? 'Dockerfile';
      if (/\{\{/.test(file) || norm(file) !== want) continue;
      sections.add(section);
      const listed = yamlList(entry, 'ids');
      if (listed === undefined) ids = null;
      else if (ids !== null) for (const id of listed) ids.add(id);
      for (const f of yamlList(entry, 'extra_files') ?? []) if (!/\{\{/.test(f)) extraFiles.push(norm(f).replace(/\/+$/, ''));
    }
  }
  if (sections.size === 0) return null;
  const builds: ImageEntries['builds'] = [];
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
    builds.push({ id, binary, main, dir });
  }
  return { config, builds, sections, extraFiles };
}

/** imageEntries of the workspace's files, read once per workspace model and Dockerfile. */
function releaseEntries(ws: WorkspaceModel, files: WorkspaceFiles, dockerfile: string): ImageEntries | null {
  return workspaceFact(ws, `releaseEntries:${dockerfile}`, () => imageEntries(files, dockerfile));
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
 * context (which holds the binary alone). A source `via: 'repository'` (no release config builds
 * the Dockerfile) counts only when the Dockerfile installs a package of that repository's module
 * at a version (installsModuleOf).
 */
export function programSource<T extends { model: DockerfileModel; workspace?: WorkspaceModel; files?: WorkspaceFiles; dockerfile?: string; release?: ReleaseSource }>(ctx: T): T {
  const r = ctx.release;
  if (!r || (r.via === 'repository' && !installsModuleOf(ctx.model, r.workspace))) return ctx;
  return { ...ctx, workspace: r.workspace, files: r.files, dockerfile: r.dockerfile };
}

/**
 * A stage of the Dockerfile runs `go install <path>@<version>` (every package argument with a
 * version) where a path is a package of a module of `ws` (the module's path, or under it): the
 * program is that module's, fetched at a version, not read from the build context. mjl-/mox
 * 1c95876 Dockerfile.release:8 `go install -mod mod -trimpath github.com/mjl-/mox@$moxversion`,
 * whose context is an empty folder (docker-release.sh:44; judge 43 X W2).
 */
export function installsModuleOf(model: DockerfileModel, ws: WorkspaceModel): boolean {
  const modules = ws.modules.map((m) => m.path).filter((p) => p !== '');
  if (modules.length === 0) return false;
  return model.stages.some((s) => stageGoCommands(s).some((g) => {
    if (g.sub !== 'install') return false;
    const pkgs = goPackages(g.args);
    if (pkgs.length === 0 || !pkgs.every((p) => p.value.includes('@'))) return false;
    return pkgs.some((p) => {
      const at = p.value.slice(0, p.value.indexOf('@'));
      return modules.some((m) => at === m || at.startsWith(`${m}/`));
    });
  }));
}

function readReleased(ws: WorkspaceModel, files: WorkspaceFiles, dockerfile: string): ReleasedBinary[] {
  const entries = releaseEntries(ws, files, dockerfile);
  if (!entries) return [];
  const out: ReleasedBinary[] = [];
  for (const b of entries.builds) {
    const rel = path.posix.normalize(path.posix.join(b.dir, b.main.endsWith('.go') ? path.posix.dirname(b.main) : b.main)).replace(/\/+$/, '');
    const pkg = packageByDir(ws, rel === '.' ? '' : rel);
    if (!pkg?.isMain) continue;
    out.push({ name: path.posix.basename(b.binary).toLowerCase(), pkg, how: `${entries.config} (build ${b.id ?? b.binary})` });
  }
  return out;
}

/** The build folder goreleaser runs `docker build` in for the images of a Dockerfile (releaseContext). */
export interface ReleaseContext {
  config: string;
  /** The context path is one goreleaser provides: a binary (at the root, or under an `<os>/<arch>/` folder for `dockers_v2`), an extra file or a file under an extra folder. */
  provides(rel: string): boolean;
}

/**
 * The files goreleaser itself puts into the folder it runs `docker build` in for the images of
 * the Dockerfile at `dockerfile` (context-relative), which the repository's .dockerignore does not
 * filter: that folder holds the Dockerfile, the binaries of the builds the entries select and the
 * `extra_files:`, not the repository's .dockerignore (unless `extra_files:` lists it).
 * akash-network/node's `_build/akash.Dockerfile` copies `./akash`, the `binary: akash` of its
 * builds, while the repository's .dockerignore has `/akash` to keep a local build out of other
 * contexts. Null when no goreleaser config at the context root builds the Dockerfile, or when
 * `extra_files:` brings the .dockerignore.
 */
export function releaseContext(ws: WorkspaceModel, files: WorkspaceFiles | undefined, dockerfile: string | undefined): ReleaseContext | null {
  if (!files || dockerfile === undefined) return null;
  return workspaceFact(ws, `releaseContext:${dockerfile}`, () => {
    const entries = releaseEntries(ws, files, dockerfile);
    if (!entries || entries.extraFiles.includes('.dockerignore')) return null;
    const names = new Set(entries.builds.map((b) => path.posix.basename(b.binary)));
    const v1 = entries.sections.has('dockers');
    const v2 = entries.sections.has('dockers_v2');
    return {
      config: entries.config,
      provides(rel: string): boolean {
        const p = path.posix.normalize(rel).replace(/^\.\//, '').replace(/\/+$/, '');
        if (entries.extraFiles.some((f) => p === f || p.startsWith(f + '/'))) return true;
        const name = path.posix.basename(p);
        if (!names.has(name)) return false;
        return (v1 && p === name) || (v2 && /^[a-z0-9]+\/[a-z0-9]+(\/v\d+)?\/[^/]+$/.test(p));
      },
    };
  });
}
