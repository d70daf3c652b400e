/**
 * The text of a file a COPY brought from the build context into the image, found from the path
 * the image runs it at: what GD204 (an entrypoint script that drops privileges) and GD303 (a
 * cleanup script run at the end of a RUN) read. Only the context's files are read (never the
 * disk around it), through the workspace's file index.
 */
import { contextPath, copyPaths, isContextCopy, stageChain } from '../dockerfile/facts';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { WorkspaceFiles } from '../workspace/types';

/**
 * The context-relative path of the file the image has at `target`, or null.
 *  - A folder copied to a folder (`COPY /scripts/dist/ /scripts/`, `COPY hack scripts/`):
 *    `/scripts/cleanup.sh` is `scripts/dist/cleanup.sh` when the context has that file.
 *  - Otherwise a copied file with the same name (`COPY docker/entrypoint.sh /`): the target may
 *    be relative to a WORKDIR, so the name is what is compared.
 * The last COPY that matches wins, as in the image.
 */
export function copiedFileSource(model: DockerfileModel, stage: Stage, target: string, files: WorkspaceFiles): string | null {
  const name = target.split('/').pop() ?? target;
  let found: string | null = null;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (!isContextCopy(i)) continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const dest = paths.dest.replace(/\/+$/, '');
      for (const src of paths.sources) {
        const rel = contextPath(src);
        if (rel === null) continue;
        if (target.startsWith('/') && dest.startsWith('/') && target.startsWith(`${dest}/`)) {
          const inFolder = (rel === '' ? '' : `${rel}/`) + target.slice(dest.length + 1);
          if (files.fileExists(inFolder)) {
            found = inFolder;
            continue;
          }
        }
        if (rel !== '' && rel.split('/').pop() === name && files.fileExists(rel)) found = rel;
      }
    }
  }
  return found;
}

/** The text of that file (null when no COPY brought it, or it cannot be read). */
export function copiedFileText(model: DockerfileModel, stage: Stage, target: string, files: WorkspaceFiles): string | null {
  const rel = copiedFileSource(model, stage, target, files);
  return rel === null ? null : files.readFile(rel);
}
