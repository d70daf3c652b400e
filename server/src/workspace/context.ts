/**
 * Which folder a Dockerfile builds (its build context), without running anything.
 *
 * Default: the nearest ancestor folder of the Dockerfile holding go.mod or go.work (a Dockerfile
 * in `build/package/` of a repository builds the repository root), stopping at the filesystem
 * root; when there is none, the Dockerfile's own folder. An explicit override (the
 * `goDockerfile.context` setting or the CLI's `--context`) always wins.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ContextReason = 'override' | 'go.mod' | 'go.work' | 'dockerfile-dir';

export interface ResolvedContext {
  /** Absolute, normalised folder. */
  root: string;
  reason: ContextReason;
}

export interface ResolveOptions {
  /** Folder a relative `override` is resolved against (default: process.cwd()). */
  overrideBase?: string;
  /** Stop searching upwards after this folder (inclusive), e.g. the editor's workspace folder. */
  stopAt?: string;
  /** For tests: file existence check (default: fs). */
  isFile?: (abs: string) => boolean;
}

function defaultIsFile(abs: string): boolean {
  try {
    return fs.statSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function resolveBuildContextDetailed(dockerfilePath: string, override?: string | null, opts: ResolveOptions = {}): ResolvedContext {
  if (override !== undefined && override !== null && override.trim() !== '') {
    const base = opts.overrideBase ?? process.cwd();
    return { root: path.resolve(base, override.trim()), reason: 'override' };
  }
  const isFile = opts.isFile ?? defaultIsFile;
  const start = path.dirname(path.resolve(dockerfilePath));
  const stopAt = opts.stopAt ? path.resolve(opts.stopAt) : null;
  let dir = start;
  for (;;) {
    if (isFile(path.join(dir, 'go.mod'))) return { root: dir, reason: 'go.mod' };
    if (isFile(path.join(dir, 'go.work'))) return { root: dir, reason: 'go.work' };
    if (stopAt !== null && dir === stopAt) break;
    const parent = path.dirname(dir);
    if (parent === dir) break; // filesystem root
    dir = parent;
  }
  return { root: start, reason: 'dockerfile-dir' };
}

/**
 * The build context folder for a Dockerfile: `override` when given (relative to
 * `opts.overrideBase` or the current directory), else the nearest ancestor with go.mod/go.work,
 * else the Dockerfile's folder.
 */
export function resolveBuildContext(dockerfilePath: string, override?: string | null, opts: ResolveOptions = {}): string {
  return resolveBuildContextDetailed(dockerfilePath, override, opts).root;
}

/**
 * The ignore file BuildKit uses for this Dockerfile: `<Dockerfile>.dockerignore` next to the
 * Dockerfile when it exists (it takes precedence), else `<context>/.dockerignore` when it exists,
 * else null.
 */
export function dockerignoreFileFor(dockerfilePath: string, contextRoot: string, isFile: (abs: string) => boolean = defaultIsFile): string | null {
  const specific = path.resolve(dockerfilePath) + '.dockerignore';
  if (isFile(specific)) return specific;
  const general = path.join(path.resolve(contextRoot), '.dockerignore');
  return isFile(general) ? general : null;
}
