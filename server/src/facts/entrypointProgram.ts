/**
 * An image whose exec-form ENTRYPOINT starts a Go program of this build: the CMD is then only
 * that program's arguments. Docker passes a shell-form CMD to such an ENTRYPOINT as the three
 * arguments `/bin/sh`, `-c` and the CMD's text (the table "how CMD and ENTRYPOINT interact" of
 * the Dockerfile reference): no shell runs it, and the Go program gets them in its argv
 * (kubernetes-csi/csi-driver-iscsi 2cd66b8: `CMD service iscsid start` before `ENTRYPOINT
 * ["/iscsiplugin"]` starts `/iscsiplugin /bin/sh -c "service iscsid start"`). GD217 reports it;
 * GD206 does not call such a CMD a shell the image lacks.
 *
 * Only when certain the program does not run its arguments as a command (as tini, gosu, an
 * entrypoint script with `exec "$@"` do, for which a shell-form CMD is the command they run):
 * the program is a binary a go build of this Dockerfile makes and a `COPY --from` puts at the
 * path the ENTRYPOINT names (facts/builtPackages.ts landingBuilds), or, with the workspace, a
 * prebuilt binary of a main package copied from the context (startedPrebuiltProgram); and with
 * the workspace, that package runs no program its data names (`exec.Command(args[0], …)`:
 * workspace/programsRun.ts).
 */
import * as path from 'node:path';
import { copiedPrograms, holdsProgram, programWord, startInstructions, workdirBefore } from '../dockerfile/facts';
import type { Instruction, Stage } from '../dockerfile/model';
import type { GoPackage } from '../workspace/model';
import { builtPackage, landingBuilds, startedPrebuiltProgram, type Known } from './builtPackages';

export interface EntrypointProgram {
  entrypoint: Instruction;
  /** The CMD the image starts with (its arguments), if any. */
  cmd: Instruction | null;
  /** The program as the ENTRYPOINT writes it. */
  program: string;
}

/** The exec-form ENTRYPOINT of image `stage` (an image of its own: facts targetImages) when it starts a Go program of this build (see the file comment); null otherwise. */
export function entrypointGoProgram(info: Known, stage: Stage): EntrypointProgram | null {
  const { model } = info;
  const { entrypoint, cmd } = startInstructions(model, stage);
  if (!entrypoint?.json) return null;
  const program = programWord(entrypoint);
  if (program === undefined || program.includes('$')) return null;
  let abs = program;
  if (!program.startsWith('/') && program.includes('/')) {
    const wd = workdirBefore(model, model.stages[entrypoint.stage], entrypoint, null);
    if (wd === null) return null;
    abs = path.posix.resolve(wd, program);
  }
  const packages: (GoPackage | undefined)[] = [];
  const copied = copiedPrograms(model, stage);
  for (const b of landingBuilds(info, stage.index)) {
    if (!b.copy || !b.copiedFrom) continue;
    const paths = copied.filter((c) => c.instr === b.copy).map((c) => c.path);
    if (!holdsProgram(paths, abs)) continue;
    packages.push(info.workspace ? builtPackage({ ...info, workspace: info.workspace }, info.model.stages[b.g.instr.stage], b.g) : undefined);
  }
  if (packages.length === 0 && info.workspace) {
    // (It follows the ENTRYPOINT's program: the one read here.)
    const prebuilt = startedPrebuiltProgram({ ...info, workspace: info.workspace }, stage.index);
    if (prebuilt) packages.push(prebuilt);
  }
  if (packages.length === 0) return null;
  // A program that runs what its data names may run its arguments (a wrapper): not certain.
  if (packages.some((p) => p !== undefined && p.runsDataNamed.length > 0)) return null;
  return { entrypoint, cmd, program };
}
