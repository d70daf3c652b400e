/**
 * Whether a RUN fills a folder of the builder: what makes a context folder the Dockerfile copies
 * (and .dockerignore leaves out on purpose) no input of the build (contextInputs: an embedded
 * folder the build generates before `go build`, croc's src/webassets/dist). Read from the texts,
 * never run; only what they show plainly counts, anything unsure does not:
 *  - a command of the RUN that copies or moves into the folder: `cp`/`mv`/`rsync` whose last word
 *    is the folder, or a folder it lands in under its own name (`cp -r web/dist src/webassets/`),
 *    relative to where the command runs (WORKDIR, `cd`);
 *  - a package script the RUN runs (`npm run NAME [--prefix DIR]`, `npm --prefix DIR run NAME`,
 *    `yarn [--cwd DIR] run NAME`, `pnpm [-C|--dir DIR] run NAME`), read from the package.json of
 *    that folder in the context, with its `pre`/`post` scripts: its commands the same way, the
 *    package scripts it runs in turn, and the Node files it runs (`node scripts/embed-dist.mjs`)
 *    whose text builds the folder's path (path.join/path.resolve or a literal: the literal
 *    segments must end the folder's path with at least two of them, since the first argument is
 *    often a variable) and copies or writes into it (`cp(source, destination)`,
 *    `writeFile(path.join(destination, …))`), directly or through the variable it assigns.
 */
import * as path from 'node:path';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { shellLevelCommands, topLevelOf } from '../dockerfile/packages';
import { parseShell, type ShellCommand } from '../dockerfile/shell';
import { commandCwd } from './builtPackages';

/** How deep package scripts that run other package scripts are followed. */
const SCRIPT_DEPTH = 8;

export interface RunFiles {
  /** The context-relative path of a builder path the context's copies put there; null if none. */
  contextOf(abs: string): string | null;
  /** A context file's text. */
  read(rel: string): string | null;
}

/**
 * What shows that `instr` fills the builder folder `target` (absolute): a short description
 * (`npm run embed in web: web/scripts/embed-dist.mjs`), or null.
 */
export function runFillsFolder(model: DockerfileModel, stage: Stage, instr: Instruction, target: string, files: RunFiles): string | null {
  if (instr.keyword !== 'RUN' || !instr.script) return null;
  for (const cmd of shellLevelCommands(instr.script)) {
    const cwd = commandCwd(model, stage, { instr, cmd, sub: '', args: [] }, null);
    if (cwd === null) continue;
    const via = commandFills(cmd, cwd, target, files, 0, new Set());
    if (via !== null) return via;
  }
  return null;
}

function commandFills(cmd: ShellCommand, cwd: string, target: string, files: RunFiles, depth: number, seen: Set<string>): string | null {
  const argv = cmd.argv;
  const name = path.posix.basename(argv[0]?.value ?? '');
  if (name === 'cp' || name === 'mv' || name === 'rsync') return copiesInto(cmd, cwd, target) ? `${name} into ${target}` : null;
  const run = packageScript(cmd);
  if (!run) return null;
  const dir = run.dir === null ? cwd : path.posix.resolve(cwd, run.dir);
  return scriptFills(dir, run.script, target, files, depth, seen);
}

/** `cp`/`mv`/`rsync` whose destination is `target`, or the folder a source lands in as `target`. */
function copiesInto(cmd: ShellCommand, cwd: string, target: string): boolean {
  const words = cmd.argv.slice(1).filter((w) => !w.value.startsWith('-'));
  if (words.length < 2 || words.some((w) => w.dynamic)) return false;
  const dest = path.posix.resolve(cwd, words[words.length - 1].value);
  if (dest === target) return true;
  return words.slice(0, -1).some((w) => path.posix.join(dest, path.posix.basename(w.value.replace(/\/+$/, ''))) === target);
}

/** Options of npm/yarn/pnpm that name the package folder. */
const DIR_OPTIONS = new Set(['--prefix', '--cwd', '-C', '--dir']);

/**
 * The package script a command runs, and the folder it runs in (relative; null: where the command
 * runs): `npm run embed --prefix web`, `yarn --cwd web run build`, `pnpm -C web run build`.
 */
function packageScript(cmd: ShellCommand): { script: string; dir: string | null } | null {
  const argv = cmd.argv;
  const tool = path.posix.basename(argv[0]?.value ?? '');
  if (tool !== 'npm' && tool !== 'yarn' && tool !== 'pnpm') return null;
  let dir: string | null = null;
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (w.dynamic) return null;
    const eq = /^(--prefix|--cwd|--dir)=(.*)$/.exec(w.value);
    if (eq) dir = eq[2];
    else if (DIR_OPTIONS.has(w.value)) {
      const v = argv[++i];
      if (!v || v.dynamic) return null;
      dir = v.value;
    } else rest.push(w.value);
  }
  const words = rest.filter((w) => !w.startsWith('-'));
  if (words[0] !== 'run' && words[0] !== 'run-script') return null;
  const script = words[1];
  return script ? { script, dir } : null;
}

interface PackageJson {
  scripts?: Record<string, unknown>;
}

/** The package script `name` of the package.json in the builder folder `dir` (with its pre/post scripts) fills `target`. */
function scriptFills(dir: string, name: string, target: string, files: RunFiles, depth: number, seen: Set<string>): string | null {
  const key = `${dir}\0${name}`;
  if (depth > SCRIPT_DEPTH || seen.has(key)) return null;
  seen.add(key);
  const rel = files.contextOf(dir);
  if (rel === null) return null;
  const text = files.read(rel === '' ? 'package.json' : `${rel}/package.json`);
  if (text === null) return null;
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(text) as PackageJson;
  } catch {
    return null;
  }
  for (const n of [`pre${name}`, name, `post${name}`]) {
    const body = pkg.scripts?.[n];
    if (typeof body !== 'string') continue;
    const script = parseShell(body);
    let cwd = dir;
    for (const cmd of topLevelOf(script.commands)) {
      const argv = cmd.argv;
      const first = argv[0]?.value ?? '';
      if (first === 'cd') {
        const to = argv[1];
        if (!to || to.dynamic) break;
        cwd = path.posix.resolve(cwd, to.value);
        continue;
      }
      if (first === 'node' && argv.length >= 2) {
        const file = argv.slice(1).find((w) => !w.value.startsWith('-'));
        if (!file || file.dynamic || !/\.(m|c)?js$/.test(file.value)) continue;
        const abs = path.posix.resolve(cwd, file.value);
        const fileRel = files.contextOf(abs);
        const js = fileRel === null ? null : files.read(fileRel);
        if (js !== null && nodeFileFills(js, target)) return `the "${n}" script of ${rel === '' ? 'package.json' : `${rel}/package.json`} runs ${fileRel}`;
        continue;
      }
      const via = commandFills(cmd, cwd, target, files, depth + 1, seen);
      if (via !== null) return via;
    }
  }
  return null;
}

/** String literals of a piece of JavaScript (no template expressions). */
const LITERAL = /(['"`])((?:(?!\1)[^\\$\n])*)\1/g;

/**
 * A Node file builds `target`'s path and copies or writes into it (see the file comment).
 */
export function nodeFileFills(text: string, target: string): boolean {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const names = new Set<string>();
  const direct: string[] = [];
  // path.join(…)/path.resolve(…) calls (their literal segments) and path literals.
  const calls = /\b(?:path\.)?(?:join|resolve)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)|(['"`])([^'"`$\s\n]+\/[^'"`$\s\n]*)\2/g;
  for (let m = calls.exec(code); m !== null; m = calls.exec(code)) {
    const literal = m[1] === undefined ? m[3] : [...m[1].matchAll(LITERAL)].map((x) => x[2]).join('/');
    if (!endsPath(literal, target)) continue;
    const before = code.slice(0, m.index);
    const assigned = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*$/.exec(before);
    if (assigned) names.add(assigned[1]);
    else direct.push(m[0]);
  }
  if (names.size === 0 && direct.length === 0) return false;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dests = [...[...names].map((n) => `${esc(n)}\\b`), ...direct.map(esc)];
  const at = `(?:path\\.(?:join|resolve)\\(\\s*)?(?:${dests.join('|')})`;
  // The destination of a copy (second argument) or the file of a write (first argument).
  const copy = new RegExp(`\\b(?:cp|cpSync|copy|copySync|copyFile|copyFileSync|rename|renameSync)\\s*\\(\\s*[^,()]*(?:\\([^()]*\\))?[^,()]*,\\s*${at}`);
  const write = new RegExp(`\\b(?:writeFile|writeFileSync|outputFile|outputFileSync)\\s*\\(\\s*${at}`);
  return copy.test(code) || write.test(code);
}

/**
 * The path a literal spells, without its leading `..`/`.` segments (the base it is resolved
 * against is often a variable), ends `target` with at least two segments.
 */
function endsPath(literal: string, target: string): boolean {
  const norm = path.posix.normalize(literal).replace(/\/+$/, '');
  const segs = norm.split('/').filter((s) => s !== '' && s !== '.');
  while (segs[0] === '..') segs.shift();
  if (segs.length < 2 || segs.includes('..')) return false;
  const tail = segs.join('/');
  return target === `/${tail}` || target.endsWith(`/${tail}`);
}
