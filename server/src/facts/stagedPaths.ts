/**
 * Where what other stages wrote lands in a stage: a builder that assembles a file system in a
 * staging folder, which a later stage copies onto its root. cayleygraph/cayley 81dcd7d
 * Dockerfile:6-10 (`WORKDIR /fs`, `cp /etc/ssl/certs/ca-certificates.crt
 * etc/ssl/certs/ca-certificates.crt`) and :45 (`COPY --from=builder /fs /` on scratch): the
 * image has /etc/ssl/certs/ca-certificates.crt. regclient's release-base likewise (`cp -a
 * /etc/ssl/certs/ca-certificates.crt /output/etc/ssl/certs/`, then `COPY --from=release-base
 * /output /`).
 *
 * Read from the instructions, never run. What a stage (its FROM chain) writes: the destinations of
 * its COPY/ADD (dockerfile/facts copyPlaces), the last operand of `cp`/`mv`/`install`/`rsync`/`ln`
 * (and that folder joined with each source's name: `cp -R /etc/ssl/certs ./etc/ssl/`), the paths
 * dockerfile/created.ts creationsOf names (downloads, redirects, extractions; not an empty
 * `mkdir`), each relative to where the command runs (WORKDIR, `cd`), and, in turn, what the stages
 * it copies from put in it. A COPY --from=<stage> of a folder moves every path that stage wrote
 * under it to the same place under the destination. Sources or destinations with variables or
 * globs are not followed. Kept wide where a rule uses the answer to stay silent ("the image has
 * a CA bundle"): a path counts when a command plainly names it, whatever the file holds.
 */
import * as path from 'node:path';
import { COPIERS, creationsOf, operands } from '../dockerfile/created';
import { copyPaths, copyPlaces, stageChain, stageRef } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shell';
import { commandCwd } from './builtPackages';

/**
 * Absolute paths of `stage` (its FROM chain) that a `COPY --from=<another stage>` fills with what
 * that stage wrote (see the head of this file); the paths the COPY names itself are not among
 * them unless the other stage wrote them.
 */
export function stagedPaths(model: DockerfileModel, stage: Stage): string[] {
  const out: string[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) out.push(...fromStageCopy(model, i, new Set([stage.index])));
  }
  return out;
}

/** What a COPY --from=<stage> puts in its stage out of what that stage wrote. */
function fromStageCopy(model: DockerfileModel, i: Instruction, seen: Set<number>): string[] {
  if (i.keyword !== 'COPY') return [];
  const from = i.flags.find((f) => f.name === 'from')?.value;
  const paths = from ? copyPaths(i) : null;
  const index = from && paths ? stageRef(model, from) : null;
  if (!paths || index === null || seen.has(index) || paths.dest.includes('$')) return [];
  const sources = paths.sources.filter((src) => !/[$*?[]/.test(src));
  if (sources.length === 0) return [];
  const written = writtenPaths(model, model.stages[index], new Set([...seen, index]));
  const out: string[] = [];
  for (const src of sources) {
    // (A --from source is a path of that stage's root, whatever its WORKDIR.)
    const from = path.posix.resolve('/', src);
    const inside = written.filter((w) => w === from || from === '/' || w.startsWith(`${from}/`));
    if (inside.length === 0) continue;
    // (Placed by the normalised path: `/fs/.` is the folder fs.)
    const places = copyPlaces(model, i, from);
    const last = places[places.length - 1];
    if (last === undefined) continue;
    // A folder's contents land in the destination folder; the source itself, written as a file, at its places.
    const folder = from === '/' ? last : path.posix.dirname(last);
    for (const w of inside) {
      if (w === from) out.push(...places, folder);
      else out.push(path.posix.join(folder, w.slice(from === '/' ? 0 : from.length)));
    }
  }
  return out;
}

/** Options of those that take a value (the value is no operand). */
const COPIER_VALUE = new Set(['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix']);

/** Absolute paths the stage (its FROM chain) writes (see the head of this file). */
function writtenPaths(model: DockerfileModel, stage: Stage, seen: Set<number>): string[] {
  const out: string[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const paths = copyPaths(i);
        if (paths) for (const src of paths.sources) out.push(...copyPlaces(model, i, src));
        out.push(...fromStageCopy(model, i, seen));
        continue;
      }
      if (i.keyword !== 'RUN' || !i.script) continue;
      for (const cmd of i.script.parsed.commands) {
        const cwd = commandCwd(model, s, { instr: i, cmd, sub: '', args: [] }, null);
        out.push(...copierWrites(cmd, cwd));
        for (const c of creationsOf(cmd, i.script, cwd, i)) if (c.kind === 'path' && c.path && !c.empty) out.push(c.path);
      }
    }
  }
  return out;
}

/** `cp a b`, `install -D a b`, `ln -s a b`: b, and b/<name of a> (b may be a folder). */
function copierWrites(cmd: ShellCommand, cwd: string | null): string[] {
  const argv = cmd.argv;
  const name = path.posix.basename(argv[0]?.value ?? '');
  if (!COPIERS.has(name)) return [];
  // `-t DIR` (the folder first; rsync's -t keeps times), `install -d` (folders, made empty): not read.
  if (name !== 'rsync' && argv.some((w) => /^(--target-directory(=.*)?|-[A-Za-z]*t)$/.test(w.value))) return [];
  if (name === 'install' && argv.some((w) => /^(-[A-Za-z]*d|--directory)$/.test(w.value))) return [];
  const ops = operands(argv, COPIER_VALUE);
  const to = ops[ops.length - 1];
  if (ops.length < 2 || !to || to.dynamic || /[*?[]/.test(to.value) || (!to.value.startsWith('/') && cwd === null)) return [];
  const dest = path.posix.resolve(cwd ?? '/', to.value);
  const named = ops.slice(0, -1).filter((w) => !w.dynamic && !/[*?[]/.test(w.value));
  return [dest, ...named.map((w) => path.posix.join(dest, path.posix.basename(w.value)))];
}
