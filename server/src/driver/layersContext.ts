/**
 * The files a build context sends, as the layer model needs them: every sent file with its size
 * (after the ignore file BuildKit uses for this Dockerfile) and a matcher for paths that are not
 * indexed (new files).
 */
import * as path from 'node:path';
import { readRegularFile } from '../workspace/safeRead';
import { dockerignoreFileFor } from '../workspace/context';
import { DockerIgnore, normalizeRel } from '../workspace/dockerignore';
import type { Workspace } from '../workspace/load';
import type { ContextFileSet } from '../layers/contextFiles';

/**
 * The sent files of a loaded workspace. A `<Dockerfile>.dockerignore` beside the Dockerfile
 * takes precedence over the context's `.dockerignore`, as in BuildKit.
 */
export function contextFilesOf(ws: Workspace, dockerfilePath?: string | null): ContextFileSet {
  let ignore: DockerIgnore | null | undefined;
  let partial = ws.model.truncated;
  if (dockerfilePath) {
    const file = dockerignoreFileFor(dockerfilePath, ws.root);
    if (file && path.resolve(file) !== path.join(ws.root, '.dockerignore')) {
      try {
        // A regular file inside the context or beside the Dockerfile only (a FIFO would block).
        ignore = DockerIgnore.parse(readRegularFile(file, { within: [ws.root, path.dirname(dockerfilePath)] }));
        // Folders the workspace skipped because the root .dockerignore excludes them may be sent now.
        if (ws.model.context.entries.some((e) => e.notWalked && !ignore!.isIgnored(e.name))) partial = true;
      } catch {
        ignore = undefined;
      }
    }
  }
  const isIgnored = ignore !== undefined ? (rel: string) => ignore!.isIgnored(normalizeRel(rel)) : (rel: string) => ws.isIgnored(normalizeRel(rel));
  const files: { path: string; size: number }[] = [];
  for (const f of ws.listFiles('')) {
    const ignored = ignore !== undefined ? isIgnored(f.path) : f.ignored;
    if (!ignored) files.push({ path: f.path, size: f.size });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root: ws.root, files, isIgnored, partial, workspace: ws.model };
}
