/**
 * The text of a file a COPY brought from the build context into the image, found from the path
 * the image runs it at: what GD204 (an entrypoint script that drops privileges) and GD303 (a
 * cleanup script run at the end of a RUN) read. Only the context's files are read (never the
 * disk around it), through the workspace's file index.
 */
import * as path from 'node:path';
import { contextPath, copyPaths, isContextCopy, pathEnv, stageChain, stageRef, workdirBefore } from '../dockerfile/facts';
import { expandVariables } from '../dockerfile/variables';
import { registerStageFactSlot, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
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
  if (target.startsWith('/')) {
    const exact = contextFileAt(model, stage, target, files);
    if (exact !== null) return exact;
  }
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

/**
 * The context-relative path of the file the image has at the absolute path `target` when its
 * stage chain ends, or null: the last COPY/ADD that writes there, each destination resolved
 * against the WORKDIR it runs in (`WORKDIR /app` + `COPY . .` puts `dev/run.sh` at
 * `/app/dev/run.sh`; `COPY entrypoint.sh /entrypoint.sh`; `COPY scripts/ /usr/local/bin/`). A later
 * `COPY --from` that writes the same path (or the same name into a folder) replaces it: null.
 * With `before`, what the image has there just before that instruction of the chain (GD104's fix:
 * go.mod already in the folder the build runs in).
 */
export function contextFileAt(model: DockerfileModel, stage: Stage, target: string, files: Pick<WorkspaceFiles, 'fileExists'>, before?: Instruction): string | null {
  const name = path.posix.basename(target);
  let found: string | null = null;
  for (const { instr: i, paths, dest, folder } of chainCopies(model, stage, before)) {
    if (!isContextCopy(i)) {
      // Another stage's or image's file at the same place replaces the context's.
      if (target === dest || (target === `${dest}/${name}` && paths.sources.some((src) => path.posix.basename(src) === name))) found = null;
      continue;
    }
    for (const src of paths.sources) {
      const rel = contextPath(src);
      if (rel === null) continue;
      if (target === dest && !folder && rel !== '' && files.fileExists(rel)) found = rel;
      else if (target.startsWith(dest === '/' ? '/' : `${dest}/`)) {
        const rest = target.slice(dest === '/' ? 1 : dest.length + 1);
        // A folder's contents land in dest; a file lands in dest as its own name.
        const inFolder = (rel === '' ? '' : `${rel}/`) + rest;
        if (files.fileExists(inFolder)) found = inFolder;
        else if (rest === path.posix.basename(rel) && rel !== '' && files.fileExists(rel)) found = rel;
      }
    }
  }
  return found;
}

/**
 * The context-relative path of a file the image does not have at the absolute path `target` but
 * the context has at the same place, relative to a folder the stage chain copied context files
 * into: a folder source's contents land there (`COPY scripts/ /opt/`: `/opt/x.sh` is
 * `scripts/x.sh`), a module file's folder does (`WORKDIR /build` + `COPY go.mod .`:
 * `/build/test/test.sh` is `test/test.sh`). Not any other file's (`COPY goctl /usr/bin/` says
 * nothing of what else /usr/bin holds). A start command naming such a path runs the context's file only when the
 * context is mounted there at run time (yandex-cloud/k8s-csi-s3 cd2d29f test/Dockerfile:14-24,
 * `ENTRYPOINT ["/build/test/test.sh"]`, run by its Makefile:28 with `-v $(PWD):/build`). Null when
 * the image has a file there from any COPY/ADD (contextFileAt, copiedFromElsewhere) or none matches;
 * callers check that no RUN writes it. The deepest folder wins.
 */
export function mountedContextFile(model: DockerfileModel, stage: Stage, target: string, files: Pick<WorkspaceFiles, 'fileExists' | 'dirExists'>): string | null {
  if (!target.startsWith('/') || target.includes('$')) return null;
  if (contextFileAt(model, stage, target, files) !== null || copiedFromElsewhere(model, stage, target)) return null;
  let best: { folder: string; rel: string } | null = null;
  for (const { instr: i, paths, dest, folder } of chainCopies(model, stage)) {
    if (!isContextCopy(i)) continue;
    for (const src of paths.sources) {
      const rel = contextPath(src);
      if (rel === null || /[*?[]/.test(rel)) continue;
      const dir = rel === '' || files.dirExists(rel);
      if (!dir && !/^go\.(mod|sum|work)$/.test(path.posix.basename(rel))) continue;
      // The container folder and the context folder that hold the same files.
      const container = dir || folder ? dest : path.posix.dirname(dest);
      const ctxDir = dir ? rel : rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
      if (!target.startsWith(container === '/' ? '/' : `${container}/`)) continue;
      const candidate = (ctxDir === '' ? '' : `${ctxDir}/`) + target.slice(container === '/' ? 1 : container.length + 1);
      if (files.fileExists(candidate) && (!best || container.length >= best.folder.length)) best = { folder: container, rel: candidate };
    }
  }
  return best?.rel ?? null;
}

/**
 * contextFileAt, also through one `COPY --from=<stage>`: when the last COPY that writes `target`
 * takes it from another stage of the Dockerfile, the context file that stage has at the source
 * path (ipfs-cluster: `COPY --from=builder $SRC_PATH/docker/entrypoint.sh /usr/local/bin/`, the
 * builder having `COPY . $SRC_PATH`), or under a folder it copies (opengist: `COPY --from=build
 * /opengist/docker ./docker`, the build stage built FROM one with `COPY . .` in /opengist). Null as for contextFileAt, and when the source is a glob or
 * a variable without a known value.
 */
export function contextFileThrough(model: DockerfileModel, stage: Stage, target: string, files: WorkspaceFiles): string | null {
  const own = contextFileAt(model, stage, target, files);
  if (own !== null) return own;
  const name = path.posix.basename(target);
  let found: string | null = null;
  for (const { stage: s, instr: i, paths, dest, folder } of chainCopies(model, stage)) {
    const from = i.flags.find((f) => f.name === 'from')?.value;
    const idx = from ? stageRef(model, from) : null;
    for (const raw of paths.sources) {
      const src = raw.includes('$') ? expandVariables(raw, pathEnv(model, s, i)) : raw;
      const writes = folder ? src !== null && target === `${dest === '/' ? '' : dest}/${path.posix.basename(src)}` : target === dest;
      // A folder copied to dest puts its contents there (opengist: `COPY --from=build
      // /opengist/docker ./docker` brings the build stage's docker/entrypoint.sh).
      const under = !writes && src !== null && target.startsWith(dest === '/' ? '/' : `${dest}/`) ? target.slice(dest === '/' ? 1 : dest.length + 1) : null;
      if (!writes && under === null && !(src === null && path.posix.basename(raw) === name)) continue;
      // The last COPY that writes there decides: the context's (contextFileAt found none), an image's, or a stage's.
      found = null;
      // A `COPY --from` source is a path of that stage's filesystem, from its root.
      if (idx === null || src === null || /[*?[]/.test(src) || idx === s.index) continue;
      found = contextFileAt(model, model.stages[idx], under === null ? path.posix.resolve('/', src) : path.posix.resolve('/', src, under), files);
    }
  }
  return found;
}

/**
 * The last COPY/ADD of the stage's chain that writes the absolute path `target` (the file, or a
 * folder it is in) takes it from another stage or an image (`COPY --from=…`): the file is not one
 * of the context's, and its text is unknown here (livekit/egress: `COPY
 * --from=livekit/chrome-installer:… /chrome-installer /chrome-installer`, then `RUN
 * /chrome-installer/install-chrome`). Folders are taken as bringing every path under them, but an
 * image's root.
 */
export function copiedFromElsewhere(model: DockerfileModel, stage: Stage, target: string): boolean {
  let from = false;
  for (const { instr: i, paths, dest, folder } of chainCopies(model, stage)) {
    if (target !== dest && !target.startsWith(dest === '/' ? '/' : `${dest}/`)) continue;
    // An image's whole filesystem (`COPY --from=xx / /`, the cross-compile helper's scripts) is
    // taken to bring what that image is for, not the project's files (navidrome's `COPY --from=xx
    // / /`, then `./release/verify-binary.sh` from a bind mount of the context).
    const sources = paths.sources.filter((src) => !/^\/+\.?$/.test(src));
    if (sources.length === 0) continue;
    // Into a folder (`COPY --from=build /out/server /`): a file keeps its name there, a folder
    // written `src/` puts its contents there.
    const first = target.slice(dest === '/' ? 1 : dest.length + 1).split('/')[0];
    if ((folder || dest === '/') && !sources.some((src) => /\/\.?$/.test(src) || path.posix.basename(src) === first)) continue;
    from = i.flags.some((f) => f.name === 'from');
  }
  return from;
}

/** A COPY/ADD of a stage's FROM chain with its destination resolved (chainCopies). */
interface ChainCopy {
  stage: Stage;
  instr: Instruction;
  paths: NonNullable<ReturnType<typeof copyPaths>>;
  dest: string;
  folder: boolean;
}

/**
 * The COPY/ADD instructions of a stage's FROM chain, in order, with their destination resolved
 * (resolveDest; those with an unknown one are left out) and whether it is a folder (a trailing
 * `/`, `.`, or several sources); with `before`, those that come before that instruction.
 * Without `before`, once per stage and analysis: every program an image starts and every path a
 * rule looks up asks it again (GD204, GD212 and GD213 each for every image on each keystroke:
 * over a thousand walks of the chains per keystroke at 1,400 lines).
 */
function chainCopies(model: DockerfileModel, stage: Stage, before?: Instruction): readonly ChainCopy[] {
  if (before) return copiesOfChain(model, stage, before);
  const slot = stage as ChainCopiesSlot;
  return (slot[CHAIN_COPIES] ??= copiesOfChain(model, stage));
}
const CHAIN_COPIES = Symbol('chainCopies');
registerStageFactSlot(CHAIN_COPIES);
interface ChainCopiesSlot {
  [CHAIN_COPIES]?: readonly ChainCopy[];
}

function copiesOfChain(model: DockerfileModel, stage: Stage, before?: Instruction): ChainCopy[] {
  const out: ChainCopy[] = [];
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (instr === before) return out;
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const paths = copyPaths(instr);
      if (!paths) continue;
      const dest = resolveDest(model, s, instr, paths.dest);
      if (dest === null) continue;
      out.push({ stage: s, instr, paths, dest, folder: paths.dest.endsWith('/') || paths.dest === '.' || paths.sources.length > 1 });
    }
  }
  return out;
}

/** A COPY's destination as an absolute path (a relative one is under the WORKDIR it runs in), null when unknown. */
function resolveDest(model: DockerfileModel, stage: Stage, instr: Instruction, written: string): string | null {
  // `COPY . $SRC_PATH` with `ENV SRC_PATH=/go/src/…` (ipfs-cluster): the value the COPY sees.
  const dest = written.includes('$') ? expandVariables(written, pathEnv(model, stage, instr)) : written;
  if (dest === null || dest.includes('$')) return null;
  if (dest.startsWith('/')) return path.posix.resolve(dest);
  const dir = workdirBefore(model, stage, instr, null);
  return dir === null ? null : path.posix.resolve(dir, dest);
}
