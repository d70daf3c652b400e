/**
 * The go.work the go command uses for a module: the nearest one walking up from the module's
 * folder (cmd/go: "the go command … looks for go.work in the current directory and its parents").
 * The workspace model holds only the context root's go.work; a go.work in a subfolder between the
 * module and the root (sealos's service/go.work over service/account) decides the build just the
 * same: workspace mode, its go line, its members' module files, its replaces.
 */
import * as nodePath from 'node:path';
import { parseGoWork, resolveUsePath } from '../workspace/gowork';
import type { GoModule, GoWork, GoWorkMember, WorkspaceModel } from '../workspace/model';

/** The nearest go.work above `moduleDir` (itself included) below the context root, or null (none, or the root's). */
export function nestedWork(model: WorkspaceModel, moduleDir: string, read: (rel: string) => string | null): GoWork | null {
  if (moduleDir === '') return null;
  const segs = moduleDir.split('/');
  for (let i = segs.length; i > 0; i--) {
    const dir = segs.slice(0, i).join('/');
    const text = read(`${dir}/go.work`);
    if (text === null) continue;
    const w = parseGoWork(text);
    const members: GoWorkMember[] = w.uses.map((u) => {
      const { dir: memberDir, outside } = resolveUsePath(dir, u.path);
      const m = outside ? undefined : model.modules.find((x) => x.dir === memberDir);
      const base: GoModule = m ?? {
        dir: memberDir, path: '', goVersion: null, toolchain: null, requires: [], hasGoSum: false, toolchainVersion: null,
        requirements: [], replaces: [], lines: { module: null, go: null, toolchain: null }, goModExists: false, parseErrors: [],
      };
      return { ...base, use: u.path, useLine: u.line, outsideContext: outside };
    });
    return {
      dir,
      members,
      hasWorkSum: read(`${dir}/go.work.sum`) !== null,
      goVersion: w.go,
      toolchain: w.toolchain,
      toolchainVersion: w.toolchainVersion,
      replaces: w.replaces,
      lines: { ...w.lines },
      parseErrors: w.errors,
    };
  }
  return null;
}

/** `use ../x` from a go.work in a subfolder: the folder as written, resolved for messages. */
export function describeWorkFile(work: GoWork): string {
  return work.dir ? nodePath.posix.join(work.dir, 'go.work') : 'go.work';
}
