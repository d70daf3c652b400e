/**
 * What a loaded build context answers (the interface ./load.ts implements), as types only: the
 * layers below the drivers import these, never the loader, so none of them can reach the disk.
 */
import type { DockerIgnore } from './dockerignore';
import type { GoFileInfo } from './goImports';
import type { ContextSizes, WorkspaceModel } from './model';

export interface FileEntryInfo {
  path: string;
  size: number;
  /** A symbolic link (Docker sends the link, not its target). */
  symlink: boolean;
  ignored: boolean;
}

export interface UpdateResult {
  /** Something the rules read changed (packages, modules, go.work, vendor, .dockerignore, the file set). */
  changed: boolean;
  /** Context byte counts changed (they are always current in `model.context`). */
  sizesChanged: boolean;
  /** The whole workspace was reloaded (root changed, or .dockerignore changed which folders are walked). */
  reloaded: boolean;
  /** Folders whose package changed (added, removed or different). */
  changedPackages: string[];
}

export interface Workspace {
  /** Absolute path of the context root. */
  readonly root: string;
  /** The current model; replaced (not mutated) when an update changes anything. */
  readonly model: WorkspaceModel;
  /** The root .dockerignore, parsed (null when there is none). */
  readonly dockerignore: DockerIgnore | null;
  /** Is there a file (or symlink) at this context-relative path? */
  fileExists(relPath: string): boolean;
  /** Is there a folder at this context-relative path? */
  dirExists(relPath: string): boolean;
  /** Does the root .dockerignore exclude this path? (false without a .dockerignore) */
  isIgnored(relPath: string): boolean;
  /** Size in bytes of an indexed file, undefined when not indexed. */
  fileSize(relPath: string): number | undefined;
  /** Indexed files under a folder ('' for all), in no particular order. Shared between callers: do not modify. */
  listFiles(underRel?: string): readonly FileEntryInfo[];
  /** Totals for a file or everything under a folder. */
  bytesUnder(relPath: string): { files: number; bytes: number; sentFiles: number; sentBytes: number };
  /** Context sizes as another ignore file would make them (e.g. `<Dockerfile>.dockerignore`). */
  contextSizesWith(ignore: DockerIgnore | null): ContextSizes;
  /** Parsed header of an indexed package .go file (undefined for others). */
  goFile(relPath: string): GoFileInfo | undefined;
  /** The text of a context file (null when missing, unreadable or outside the context). */
  readFile(relPath: string): string | null;
  /**
   * A read above the context, declared here so that rules read nothing behind their inputs: the
   * `.gitignore` files from the context root up to the repository root (the first folder with a
   * `.git`, at most 32 levels), nearest first; `prefix` is the context root's path relative to
   * that file's folder ('' for the context root itself). Watched like the context's files.
   */
  gitignores(): { prefix: string; text: string }[];
  /**
   * A folder outside the context, as a path relative to the context root (`../api`, a local
   * `replace` target): `module` when it holds a go.mod, `folder` when it exists without one,
   * `missing` otherwise. For the generator's advice only (where to generate from).
   */
  outsideFolder?(relPath: string): 'module' | 'folder' | 'missing';
  /**
   * Re-reads the given absolute paths (files or folders; created, changed or deleted) and
   * returns whether the model changed in a way the rules can see (byte counts alone do not
   * count; see `lastUpdate`).
   */
  update(changedAbsPaths: readonly string[]): boolean;
  readonly lastUpdate: UpdateResult;
}

/** What rules, facts and fixes may ask of the build context's files (a loaded Workspace provides it). */
export type WorkspaceFiles = Pick<Workspace, 'fileExists' | 'dirExists' | 'isIgnored' | 'fileSize' | 'bytesUnder' | 'listFiles' | 'dockerignore' | 'readFile' | 'gitignores'>;

/**
 * The repository a release tool builds an image's binaries from, when the build context is a
 * folder of its artifacts: goreleaser runs `docker build` on a Dockerfile of the repository with a
 * temporary context holding only the binaries (and `extra_files`), so the programs, their imports
 * and the repository's other files (action.yml, manifests) are read here (facts/releaseBuilds.ts).
 */
export interface ReleaseSource {
  workspace: WorkspaceModel;
  files: WorkspaceFiles;
  /** The Dockerfile's path in that repository, as its release config names it. */
  dockerfile: string;
  /**
   * 'repository': no release config builds the Dockerfile; this is only the repository around it
   * (its nearest go.mod), whose programs count where the Dockerfile installs a package of that
   * repository's module by `go install <path>@<version>` (facts/releaseBuilds.ts programSource:
   * mjl-/mox's Dockerfile.release, built with an empty context). Absent: a goreleaser config builds it.
   */
  via?: 'repository';
}
