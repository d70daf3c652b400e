import * as path from 'path';

/**
 * A finding's file as CI systems want it: relative to the current folder (the repository root
 * in a CI job), with forward slashes; a file outside it keeps its absolute path.
 */
export function reportPath(file: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : abs).split(path.sep).join('/');
}
