/**
 * Files the Dockerfile itself writes with their whole text, read from the instructions (never
 * run): a RUN's `echo '…' > file` or `printf '…' > file` (their `\n` read as line breaks; `>>`
 * appends), `cat > file <<EOF … EOF` or `cat <<EOF > file`, `tee file <<EOF`, and `COPY <<EOF
 * file`. dendrite's Complement images write their start scripts so (ComplementLocal.Dockerfile:
 * `RUN echo '… go build -v -o /runtime /dendrite/cmd/dendrite …' > compile.sh`, then `CMD
 * /runtime/compile.sh && exec /runtime/run.sh`). A path is resolved against the WORKDIR its
 * instruction runs in (a `cd` earlier in the RUN is not followed: such a write is left out); a
 * later COPY/ADD to the same path replaces what was written, and any other write is not read.
 */
import * as path from 'node:path';
import { copyPaths, stageChain, workdirBefore } from '../dockerfile/facts';
import { copyWords } from '../dockerfile/copySources';
import { registerStageFactSlot, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shell';

/** A file the Dockerfile writes: its absolute image path, its text and the instruction that wrote it last. */
export interface WrittenFile {
  path: string;
  text: string;
  instr: Instruction;
}

/** The file the stage (chain) has at the absolute path `target` as an instruction of the Dockerfile wrote it, else null. */
export function writtenFileAt(model: DockerfileModel, stage: Stage, target: string): WrittenFile | null {
  if (!target.startsWith('/') || target.includes('$')) return null;
  // Kept on the stage (a new object per parsed model): asked for every folder of PATH a start
  // command may be found in, by several rules.
  const files = ((stage as WrittenSlot)[WRITTEN_FILES] ??= collect(model, stage));
  // Most images write no file this way: asked for every place a start command may be found
  // (each folder of PATH), the answer is then known without resolving the path.
  if (files.size === 0) return null;
  return files.get(path.posix.resolve(target)) ?? null;
}

const WRITTEN_FILES = Symbol('writtenFiles');
registerStageFactSlot(WRITTEN_FILES);
interface WrittenSlot {
  [WRITTEN_FILES]?: Map<string, WrittenFile>;
}

function collect(model: DockerfileModel, stage: Stage): Map<string, WrittenFile> {
  const out = new Map<string, WrittenFile>();
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword === 'RUN' && i.script && !i.json) {
        if (!/>|\btee\b/.test(i.script.text)) continue;
        const cwd = workdirBefore(model, s, i, null);
        let moved = false;
        for (const c of i.script.parsed.commands) {
          const name = c.argv[0]?.value;
          if (name === 'cd' || name === 'pushd') moved = true;
          const w = writeOf(c, i.script.text);
          if (!w) continue;
          const p = resolveIn(moved ? null : cwd, w.target);
          if (p === null) continue;
          const before = out.get(p);
          out.set(p, { path: p, text: w.append && before ? before.text + w.text : w.text, instr: i });
        }
      } else if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        // Only a heredoc writes a file, and a copy replaces only what was written before it.
        if (out.size === 0 && i.heredocs.length === 0) continue;
        const paths = copyPaths(i);
        if (!paths) continue;
        const wd = paths.dest.startsWith('/') ? '/' : workdirBefore(model, s, i, null);
        const { heredocs } = copyWords(i);
        if (heredocs.length === 1 && paths.sources.length === 0 && i.keyword === 'COPY' && !paths.dest.endsWith('/')) {
          const body = i.heredocs.length === 1 ? i.heredocs[0].body : null;
          const p = wd === null ? null : resolveIn(wd, paths.dest);
          if (body && p !== null) out.set(p, { path: p, text: model.text.slice(body.start, body.end), instr: i });
          continue;
        }
        // A copy over a written file replaces it.
        if (wd === null || paths.dest.includes('$')) continue;
        const dest = path.posix.resolve(wd, paths.dest);
        const folder = paths.dest.endsWith('/') || paths.dest === '.' || paths.sources.length > 1;
        for (const src of paths.sources) out.delete(folder ? path.posix.join(dest, path.posix.basename(src.replace(/\/+$/, ''))) : dest);
        if (folder) for (const k of [...out.keys()]) if (k.startsWith(`${dest}/`)) out.delete(k);
      }
    }
  }
  return out;
}

function resolveIn(cwd: string | null, p: string): string | null {
  if (p.includes('$') || p.includes('`') || p === '/dev/null' || p.startsWith('/dev/')) return null;
  if (p.startsWith('/')) return path.posix.resolve(p);
  return cwd === null || p.startsWith('~') ? null : path.posix.resolve(cwd, p);
}

/** A heredoc marker, a here-string, an input redirect or a descriptor copy: skipped to reach the output redirect. */
const SKIP = /\s*(?:<<-?\s*(["']?)[\w.-]+\1|<<<\s*(?:'[^']*'|"[^"]*"|\S+)|\d?<(?!<)\s*[^\s;&|)<>]+|\d?>&\d|&>\s*\/dev\/null|2>>?\s*[^\s;&|)<>]+)/y;
const OUT = /\s*(1?>>?)(?!&)\s*(["']?)([^\s;&|)<>"']+)\2/y;
const HEREDOC = /<<(-?)\s*(["']?)([\w.-]+)\2/;

/**
 * The file a command's standard output goes to: the last `>`/`>>` redirect after the command, on
 * its line of `text` (the script the command was parsed from: redirections follow the command
 * node), past heredoc markers, input redirects, descriptor copies and stderr redirects. The target
 * as written (unquoted), whether it appends; null when none.
 */
export function outputRedirect(c: ShellCommand, text: string): { target: string; append: boolean } | null {
  const lineEnd = text.indexOf('\n', c.end);
  const tail = text.slice(c.end, lineEnd < 0 ? text.length : lineEnd);
  let at = 0;
  let out: { target: string; append: boolean } | null = null;
  for (;;) {
    SKIP.lastIndex = at;
    if (SKIP.exec(tail)) {
      at = SKIP.lastIndex;
      continue;
    }
    OUT.lastIndex = at;
    const m = OUT.exec(tail);
    if (!m) break;
    out = { target: m[3], append: m[1].endsWith('>>') };
    at = OUT.lastIndex;
  }
  return out;
}

/** What one command writes with its whole text: the target, the text, whether it appends. */
function writeOf(c: ShellCommand, text: string): { target: string; text: string; append: boolean } | null {
  const name = c.argv[0]?.value;
  if (name !== 'echo' && name !== 'printf' && name !== 'cat' && name !== 'tee') return null;
  const lineEnd = text.indexOf('\n', c.end);
  const tail = text.slice(c.end, lineEnd < 0 ? text.length : lineEnd);
  const out = outputRedirect(c, text);
  const args = c.argv.slice(1);
  if (name === 'echo' || name === 'printf') {
    if (!out) return null;
    let k = 0;
    if (name === 'echo') while (k < args.length && /^-[neE]+$/.test(args[k].value)) k++;
    const words = args.slice(k).map((w) => w.value);
    const body = name === 'echo' ? words.join(' ') : [words[0] ?? '', ...words.slice(1)].join('\n');
    return { target: out.target, text: unescape(body) + (name === 'echo' ? '\n' : ''), append: out.append };
  }
  // cat/tee with a heredoc: its body is the lines after the command's line, up to the delimiter.
  const h = HEREDOC.exec(tail);
  if (!h || lineEnd < 0) return null;
  const rest = text.slice(lineEnd + 1);
  const end = new RegExp(`^${h[1] ? '\\t*' : ''}${h[3].replace(/[.]/g, '\\.')}$`, 'm').exec(rest);
  const body = rest.slice(0, end ? end.index : rest.length);
  if (name === 'cat') {
    if (!out || args.length > 0) return null;
    return { target: out.target, text: body, append: out.append };
  }
  const files = args.filter((w) => !w.value.startsWith('-'));
  if (files.length !== 1) return null;
  return { target: files[0].value, text: body, append: args.some((w) => w.value === '-a' || w.value === '--append') };
}

/** echo's and printf's escapes as dash reads them: `\n`, `\t`, `\\`. */
function unescape(s: string): string {
  return s.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}
