/**
 * The change set of an incremental update: what a batch of changed paths changed, gathered
 * before the model is rebuilt. The loader (./load.ts) fills it in two steps: the names of the
 * paths say which parsed inputs must be re-read (`namedInputs`, no disk), then re-reading each
 * path says what the indexes lost or gained. Deciding what to rebuild reads only this set.
 */
import { baseOf } from './relPath';

export interface ChangeSet {
  /** The context root itself changed: everything is reloaded. */
  root: boolean;
  /** Files or folders came or went outside .git, node_modules and vendor/ (the rules see the file set). */
  fileSet: boolean;
  /** Some indexed size changed (the context byte counts). */
  sizes: boolean;
  /** go.mod or go.sum files, or folders that may hold them, changed: modules are re-assigned. */
  modules: boolean;
  /** Folders whose .go files changed: their packages are rebuilt. */
  packageDirs: Set<string>;
  /** The root .dockerignore was touched: re-read it (and reload when it skips other folders). */
  dockerignore: boolean;
  /** go.work or go.work.sum was touched: re-parse go.work. */
  goWork: boolean;
  /** A vendor/modules.txt or a vendor folder was touched: re-read vendor/modules.txt. */
  vendor: boolean;
  /** A .gitignore was touched: rules read it through the context (GD106), so the model is new. */
  gitignore: boolean;
}

export function emptyChangeSet(): ChangeSet {
  return {
    root: false, fileSet: false, sizes: false, modules: false, packageDirs: new Set(),
    dockerignore: false, goWork: false, vendor: false, gitignore: false,
  };
}

/** Marks the parsed inputs a changed context-relative path names (before any disk read). */
export function namedInputs(rel: string, cs: ChangeSet): void {
  if (rel === '') {
    cs.root = true;
    return;
  }
  const name = baseOf(rel);
  if (rel === '.dockerignore') cs.dockerignore = true;
  if (name === '.gitignore') cs.gitignore = true;
  if (rel === 'go.work' || rel === 'go.work.sum') cs.goWork = true;
  if (name === 'modules.txt' || name === 'vendor') cs.vendor = true;
  if (name === 'go.sum') cs.modules = true;
}

/** Inputs whose change may or may not show in the model: compare before and after to know. */
export function parsedInputsTouched(cs: ChangeSet): boolean {
  return cs.modules || cs.goWork || cs.vendor || cs.dockerignore;
}
