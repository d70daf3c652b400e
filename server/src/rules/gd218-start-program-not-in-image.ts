/**
 * GD218: the exec-form ENTRYPOINT (or, without one, the exec-form CMD) of an image starts an
 * absolute path that nothing puts in the image. On scratch an image holds only what its COPY and
 * ADD instructions (and those of the stages it is built FROM) write; on distroless (static, base,
 * cc: images/table.ts), besides them, the system's folders. The runtime then cannot start the
 * container: `exec /server: no such file or directory`. The usual cause is a name that differs
 * between the copy and the start: `COPY --from=build /out/app /app`, `ENTRYPOINT ["/server"]`.
 *
 * Certain or silent. The path must lie outside every destination of the chain's COPY and ADD
 * instructions (a folder copied or a pattern may bring any name into its destination: BuildKit
 * copies a matched folder's contents, so `COPY --from=0 /tmp/bins/*.bin /` may bring anything
 * into /; mosajjal/dnsmonster 9f54e16 Dockerfile-crossplatform:72-73 therefore stays silent),
 * and no ancestor folder of one (the path is then a folder). Not reported:
 *  - a base that is an image of a registry other than scratch and distroless's static, base and
 *    cc (it may hold the file), a base a variable names, a chain too long to follow;
 *  - a chain with a RUN (on scratch it runs a shell or program copied in, which may write
 *    anything), an ONBUILD (the image is a base whose children add files), a COPY or ADD whose
 *    destination, or a WORKDIR or VOLUME, has a variable; a chain with no COPY or ADD (its
 *    program comes from a mount);
 *  - a path that is a folder (a WORKDIR, or a copy's destination, below it), a path below a
 *    VOLUME or below a folder a service of the repository's compose files mounts;
 *  - on distroless, a path in one of its system folders (/usr, /bin, /etc, /busybox of `:debug` …);
 *  - a relative or bare program name (found through WORKDIR or PATH), a path with a variable or a
 *    pattern, bash (GD212 names it); a shell-form start (GD206).
 * No fix: which of the two names is right is the author's choice.
 */
import * as path from 'node:path';
import { copiedPrograms, copyPaths, rootImage, stageChain, stageImage, startInstructions, targetImages, workdirBefore } from '../dockerfile/facts';
import { unquoteAll } from '../dockerfile/copySources';
import { composeServices } from '../facts/composeImages';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { Rule, RuleFinding } from './types';

export const gd218: Rule = {
  code: 'GD218',
  name: 'start-program-not-in-image',
  summary: 'The exec-form ENTRYPOINT or CMD starts a path that no COPY or ADD puts in the image (scratch, distroless): the container does not start',
  severity: 'error',
  needsWorkspace: false,
  fix: 'none',
  facts: ['copySources', 'images', 'contextFiles', 'workspace'],
  check(ctx) {
    const out: RuleFinding[] = [];
    const { model } = ctx;
    for (const index of targetImages(model, ctx.finalStage)) {
      const found = missingProgram(model, model.stages[index]);
      // A compose service of the repository that mounts a volume at the program's folder may bring it.
      if (found && !composeServices(ctx.workspace, ctx.files).some((svc) => svc.volumes.some((v) => mountCovers(v.target, found.program)))) out.push(found.finding);
    }
    return out;
  },
};

/** Top-level folders of a distroless image's own file system (and its `:debug` busybox). */
const DISTROLESS_FOLDERS = new Set(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib32', 'lib64', 'libx32', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var', 'busybox']);

function missingProgram(model: DockerfileModel, stage: Stage): { finding: RuleFinding; program: string } | null {
  const start = startOf(model, stage);
  if (!start) return null;
  const { instr, program } = start;
  const family = stageImage(model, stage)?.family ?? '';
  const distroless = /^distroless-(static|base|base-nossl|cc)$/.test(family);
  if (family !== 'scratch' && !distroless) return null;
  if (distroless && DISTROLESS_FOLDERS.has(program.split('/')[1])) return null;
  const chain = stageChain(model, stage);
  // A chain cut short (parse.ts MAX_STAGE_CHAIN) leaves out a stage's copies.
  if (chain[0].baseStage !== null) return null;
  // A copy into `p` may put a file at the program's path (a folder's or a pattern's contents land
  // in the destination), or makes that path a folder (a destination below it).
  const covers = (p: string) => p === program || program.startsWith(p === '/' ? '/' : `${p}/`) || p.startsWith(`${program}/`);
  // An image that copies nothing in gets its program from elsewhere (a mount at run time).
  let copies = false;
  for (const s of chain) {
    for (const i of s.instructions) {
      switch (i.keyword) {
        case 'RUN':
        case 'ONBUILD':
          return null;
        case 'COPY':
        case 'ADD': {
          const paths = copyPaths(i);
          if (!paths || paths.dest.includes('$')) return null;
          const wd = paths.dest.startsWith('/') ? '/' : workdirBefore(model, s, i, null);
          if (wd === null) return null;
          if (covers(path.posix.resolve(wd, paths.dest))) return null;
          copies = true;
          break;
        }
        case 'WORKDIR':
        case 'VOLUME': {
          const words = i.json ?? i.args.map((a) => unquoteAll(a.value));
          if (words.some((w) => w.includes('$'))) return null;
          const wd = workdirBefore(model, s, i, null);
          for (const w of i.keyword === 'WORKDIR' ? words.slice(0, 1) : words) {
            const at = w.startsWith('/') ? path.posix.resolve(w) : wd === null ? null : path.posix.resolve(wd, w);
            if (at === null) return null;
            // A WORKDIR makes its folder and those above it (the program's path as a folder); a
            // volume mounted at the program's folder may bring it at run time.
            if (i.keyword === 'WORKDIR' ? at === program || at.startsWith(`${program}/`) : covers(at)) return null;
          }
          break;
        }
      }
    }
  }
  if (!copies) return null;
  const copied = [...new Set(copiedPrograms(model, stage).map((c) => c.path))];
  const listed = `its copies write ${copied.slice(0, 3).join(', ')}${copied.length > 3 ? ` and ${copied.length - 3} more` : ''}`;
  const base = distroless ? `${rootImage(model, stage) ?? family}, whose own files are in its system folders` : 'scratch, which is empty';
  return {
    program,
    finding: {
      message: `The container starts ${program} (${instr.keyword}), but nothing puts that file in the image: it is built on ${base}, and no COPY or ADD writes ${program} (${listed}). The container does not start (\`exec ${program}: no such file or directory\`). Start the path the program is copied to, or copy it to ${program}.`,
      span: instr.span,
    },
  };
}

/** A mount at `target` (as written in a compose file) covers `program`: at it, or at a folder above it. */
function mountCovers(target: string, program: string): boolean {
  if (!target.startsWith('/') || target.includes('$')) return true;
  const t = path.posix.resolve(target);
  return t === program || t === '/' || program.startsWith(`${t}/`);
}

/** The program the image starts, when it is an exec-form absolute path (see the file comment). */
function startOf(model: DockerfileModel, stage: Stage): { instr: Instruction; program: string } | null {
  const { entrypoint, cmd } = startInstructions(model, stage);
  // An exec-form ENTRYPOINT runs; `ENTRYPOINT []` leaves the CMD to run; a shell-form one is GD206's.
  const instr = entrypoint && !(entrypoint.json && entrypoint.json.length === 0) ? entrypoint : cmd;
  const word = instr?.json?.[0];
  if (!instr || word === undefined) return null;
  if (!word.startsWith('/') || word.endsWith('/') || /[$*?[\]\\]/.test(word) || /(^|\/)bash$/.test(word)) return null;
  const program = path.posix.normalize(word);
  return program === '/' ? null : { instr, program };
}
