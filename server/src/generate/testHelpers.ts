/**
 * Imports reached only through test helpers: packages named for tests (`testhelpers`,
 * `testutil`, `dockertest`…) and files named for them (`testhelpers.go`, `test_helper.go`) in
 * ordinary packages. Go links them into the binary when an ordinary package imports them, but the
 * program never calls them in production: hydra's oryx/dbal/testhelpers.go and
 * internal/testhelpers start databases with the Docker API (moby/moby/client) for tests, which is
 * no reason to warn that the server talks to docker.sock.
 */
import { parseGoFile } from '../workspace/goImports';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { packageByDir } from '../workspace/query';

const HELPER_PACKAGE = /^(?:test_?helpers?|test_?utils?|testing_?utils?|testenv|testsupport|test_?fixtures?|dockertest|testcontainers?)$/i;
const HELPER_FILE = /^(?:test_?helpers?|test_?utils?|testing_?helpers?)(?:_[a-z0-9]+)*\.go$/i;

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Is the package a test helper by its folder's name? */
export function isHelperPackage(dir: string): boolean {
  return HELPER_PACKAGE.test(dir.split('/').pop() ?? '');
}

/**
 * Which of `wanted` (external import paths) the program at `start` reaches through packages and
 * files that are not test helpers. Reads the files of every package it walks: call it only for
 * the few imports that matter (a Docker client), not for the whole graph.
 */
export function reachedOutsideTestHelpers(model: WorkspaceModel, start: string, wanted: readonly string[], read: (rel: string) => string | null): Set<string> {
  const byImport = new Map<string, GoPackage>();
  for (const p of model.packages) if (p.importPath) byImport.set(p.importPath, p);
  const want = new Set(wanted);
  const reached = new Set<string>();
  const seen = new Set<string>();
  const first = packageByDir(model, start);
  const queue: GoPackage[] = first ? [first] : [];
  while (queue.length > 0 && reached.size < want.size) {
    const p = queue.shift()!;
    if (seen.has(p.dir)) continue;
    seen.add(p.dir);
    if (p !== first && isHelperPackage(p.dir)) continue;
    // Only the files that import something this walk cares about need reading.
    const relevant = p.imports.some((i) => want.has(i) || byImport.has(i));
    if (!relevant) continue;
    for (const f of p.files) {
      if (HELPER_FILE.test(f)) continue;
      const text = read(join(p.dir, f));
      if (text === null) continue;
      for (const i of parseGoFile(text).imports) {
        if (want.has(i)) reached.add(i);
        const local = byImport.get(i);
        if (local && !seen.has(local.dir)) queue.push(local);
      }
    }
  }
  return reached;
}
