/**
 * What `lint` reads: files as given, and for a folder every Dockerfile below it
 * (`Dockerfile`, `*.Dockerfile`, `Dockerfile.*`, `Dockerfile-*`), in a stable order.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Folders no Dockerfile of the project lives in. */
const SKIP = new Set(['.git', 'node_modules', 'vendor', '.hg', '.svn']);

export function isDockerfileName(name: string): boolean {
  // `Dockerfile.dockerignore` is the ignore file of `Dockerfile`, not a Dockerfile.
  if (name.endsWith('.dockerignore')) return false;
  // `Dockerfile-alpine`, `Dockerfile-distroless`: ghostunnel/ghostunnel 96e1e7e's images, built with `-f`.
  return name === 'Dockerfile' || name.endsWith('.Dockerfile') || name.startsWith('Dockerfile.') || name.startsWith('Dockerfile-');
}

/** The files to lint; `empty` lists the folders that hold no Dockerfile. */
export function lintTargets(args: string[]): { files: string[]; empty: string[] } {
  const files: string[] = [];
  const empty: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      // Not there: lint reports it as unreadable.
    }
    if (!stat?.isDirectory()) {
      files.push(arg);
      continue;
    }
    const found: string[] = [];
    walk(arg, found);
    if (found.length === 0) empty.push(arg);
    files.push(...found.sort());
  }
  return { files, empty };
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // Symbolic links to folders are not followed (no cycles); to files they are read.
    if (e.isDirectory()) {
      if (!SKIP.has(e.name)) walk(p, out);
    } else if ((e.isFile() || e.isSymbolicLink()) && isDockerfileName(e.name)) {
      out.push(p);
    }
  }
}
