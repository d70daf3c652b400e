/**
 * The files a build context sends, as the layer model takes them (driver/layersContext.ts reads
 * them from a loaded workspace), and user-given paths turned into context paths.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceModel } from '../workspace/model';

export interface ContextFileSet {
  /** Absolute path of the context root. */
  root: string;
  /** Sent files (not excluded), context-relative with '/' separators. */
  files: { path: string; size: number }[];
  isIgnored(rel: string): boolean;
  /** Some files are missing (the walk was capped, or folders were skipped): sizes are lower bounds. */
  partial: boolean;
  /** The workspace model, to pick representative files (a .go file, go.mod). */
  workspace: WorkspaceModel | null;
}

/** A context-relative path for a path given by a user: absolute, file: URI, or relative to `base` (default: the context root). */
export function toContextPath(root: string, p: string, base?: string): string | null {
  let abs: string;
  if (p.startsWith('file:')) {
    try {
      abs = fileURLToPath(p);
    } catch {
      return null;
    }
  } else abs = path.resolve(base ?? root, p);
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
