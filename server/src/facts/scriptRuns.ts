/**
 * What a RUN of a script runs, read from the script's text (never executed): `RUN ./do.sh goget`
 * runs the top-level code of do.sh, whose `case "$ARG" in … 'goget') shift; $ARG $* ;;` calls
 * the function `goget`, which runs `go get -u -v ./...` and `go mod tidy` (vouch-proxy). The
 * steps are indirectGo.ts's (the RUNs that run a script whose text mentions go); this follows
 * one script's own code, for GD111, which needs the command lines themselves.
 *
 * Only what certainly follows from the arguments is followed, and anything unsure is left out
 * (so a rule stays silent on it):
 * - the top-level commands run, and a function runs when a command that runs names it (with its
 *   own arguments: `$1` inside it is its first argument), or when a command that runs is `$1`,
 *   `"$@"`, `$*`, or a variable the top level set to `$1` (`ARG=$1 … $ARG $*`), and the argument
 *   is known;
 * - a command in a `case` arm runs only when the case's word is `$1` (or such a variable) with a
 *   known value, and that arm is the first whose patterns match it; a case on anything else, an
 *   arm whose patterns cannot be read before the matching one, or an arm that falls through
 *   (`;&`, `;;&`) leaves the arm's commands out;
 * - `shift` moves the arguments; a call's arguments that are expansions (but `$@`/`$*`, the
 *   current arguments) are unknown.
 * - a command whose running depends on another condition is left out (and the functions it
 *   calls): an `if` branch (ezbookkeeping's `main` picks `build_backend` by `if [ "$TYPE" =
 *   "backend" ]`), what follows `||` or a test's `&&`, the body of a `while` loop or of a `for`
 *   over anything but static words (outlineScript's `conditional`).
 * Other scripts the script calls (`./scripts/deps.sh`, `. ./env.sh`) are not followed.
 */
import * as path from 'node:path';
import { copyPaths, isContextCopy, isWholeContext, stageChain } from '../dockerfile/facts';
import { gitClone } from '../dockerfile/created';
import { buildToolFiles, indirectGoSteps, type IndirectGoStep } from '../dockerfile/indirectGo';
import { makeArgs, makeRecipeRecorded } from '../dockerfile/makeRecipe';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { outlineScript, type OutlinedCommand, type ScriptOutline, type ShellCommand } from '../dockerfile/shell';
import { LineTable } from '../dockerfile/text';
import { loneVariable } from '../dockerfile/variables';
import type { WorkspaceModel } from '../workspace/model';
import { unsetForMake } from './builtPackages';
import { dockerfileFact, workspaceFact } from './memo';

export interface ScriptCommand {
  cmd: ShellCommand;
  /** 1-based line of the command in the script. */
  line: number;
  /** The file that holds it when not the run's (a Makefile a sub-make's `-C`/`-f` reads; context-relative). */
  file?: string;
}

export interface ScriptRun {
  /** The script (context-relative). */
  file: string;
  /** The commands the step runs, in the order they appear in the run. */
  commands: ScriptCommand[];
}

const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'source', '.']);
/** How deep function calls are followed (a recursive script stops at its first repeat anyway). */
const CALL_DEPTH = 16;

/** Positional arguments: known values ('' past the end: unset), null entries for expansions; null for unknown arguments. */
type Positional = (string | null)[] | null;

/**
 * The commands a script step of indirectGoSteps runs in its script; null when the step runs a
 * build tool (make, task…), its file was not read, or the script does not parse.
 */
export function scriptCommandsRun(step: IndirectGoStep, read: (rel: string) => string | null, ws?: WorkspaceModel): ScriptRun | null {
  const file = step.file;
  if (file === null) return null;
  const argv = step.cmd.argv;
  if (buildToolFiles(argv.map((w) => w.value)) !== null) return null;
  let at = 0;
  if (INTERPRETERS.has(argv[0]?.value ?? '')) {
    at = argv.findIndex((w, i) => i > 0 && !w.value.startsWith('-'));
    if (at < 0) return null;
  }
  const text = read(file);
  if (text === null) return null;
  const outline = ws ? workspaceFact(ws, `scriptOutline:${file}`, () => outlineScript(text)) : outlineScript(text);
  if (outline.hasErrors) return null;
  const args: Positional = argv.slice(at + 1).map((w) => (w.dynamic ? null : w.value));
  const ran: ShellCommand[] = [];
  follow(outline, outline.top, args, args, new Set(), ran);
  const lines = new LineTable(text);
  return { file, commands: ran.map((cmd) => ({ cmd, line: lines.lineAt(cmd.start) + 1 })) };
}

function follow(outline: ScriptOutline, list: OutlinedCommand[], pos: Positional, scriptArgs: Positional, calling: Set<string>, out: ShellCommand[]): void {
  for (const oc of list) {
    if (oc.conditional || !armsRun(outline, oc.arms, pos, scriptArgs)) continue;
    const cmd = oc.cmd;
    out.push(cmd);
    const name = cmd.argv[0];
    if (!name) continue;
    if (name.value === 'shift' && !name.dynamic) {
      const n = cmd.argv[1] ? Number(cmd.argv[1].value) : 1;
      pos = pos === null || !Number.isInteger(n) || cmd.argv[1]?.dynamic ? null : pos.slice(n);
      continue;
    }
    let callee: string | null = null;
    let calleeArgs: Positional;
    const rest = callArgs(cmd, pos);
    if (!name.dynamic) {
      callee = name.value;
      calleeArgs = rest;
    } else {
      const raw = unquote(name.raw);
      if (raw === '$@' || raw === '$*' || raw === '${@}' || raw === '${*}') {
        // `"$@"`: the first argument is the command, the others its arguments (then this call's own).
        callee = arg(pos, 0);
        calleeArgs = pos === null || rest === null ? null : [...pos.slice(1), ...rest];
      } else {
        callee = wordValue(raw, pos, scriptArgs, outline);
        calleeArgs = rest;
      }
    }
    if (callee === null || calling.has(callee) || calling.size >= CALL_DEPTH) continue;
    const body = outline.functions.get(callee);
    if (!body) continue;
    calling.add(callee);
    follow(outline, body, calleeArgs, scriptArgs, calling, out);
    calling.delete(callee);
  }
}

/** A call's arguments: static words as they are, `$@`/`$*` as the current arguments, other expansions unknown. */
function callArgs(cmd: ShellCommand, pos: Positional): Positional {
  const out: (string | null)[] = [];
  for (const w of cmd.argv.slice(1)) {
    if (!w.dynamic) {
      out.push(w.value);
      continue;
    }
    const raw = unquote(w.raw);
    if (raw === '$@' || raw === '$*' || raw === '${@}' || raw === '${*}') {
      if (pos === null) return null;
      out.push(...pos);
    } else {
      out.push(null);
    }
  }
  return out;
}

/** Every `case` arm around the command runs for these arguments (false when any is unsure). */
function armsRun(outline: ScriptOutline, arms: OutlinedCommand['arms'], pos: Positional, scriptArgs: Positional): boolean {
  for (const { of, arm } of arms) {
    if (of.fallsThrough) return false;
    const value = wordValue(unquote(of.subject.raw), pos, scriptArgs, outline, of.subject.dynamic ? undefined : of.subject.value);
    if (value === null) return false;
    let first = -1;
    for (let k = 0; k < of.arms.length && first < 0; k++) {
      const patterns = of.arms[k];
      if (patterns === null) return false;
      if (patterns.some((p) => p.test(value))) first = k;
    }
    if (first !== arm) return false;
  }
  return true;
}

/**
 * The value of a word that names an argument: `$1`, `${1}`, `${1:-}`, or a variable the top
 * level set to `$1` (`ARG=$1`); a static word is its value; null when unknown.
 */
function wordValue(raw: string, pos: Positional, scriptArgs: Positional, outline: ScriptOutline, staticValue?: string): string | null {
  if (staticValue !== undefined) return staticValue;
  if (/^\$(1|\{1(:?-)?\})$/.test(raw)) return arg(pos, 0);
  const name = loneVariable(raw);
  if (name === null) return null;
  const set = outline.assignments.filter((a) => a.name === name);
  if (set.length !== 1 || !/^"?\$(1|\{1\})"?$/.test(set[0].value)) return null;
  // Set once, at the top level, from the script's first argument.
  if (outline.top.some((c) => c.cmd.argv.some((w, i) => i > 0 && w.value === name && /^(read|export|local|declare|typeset|readonly|unset)$/.test(c.cmd.argv[0]?.value ?? '')))) return null;
  return arg(scriptArgs, 0);
}

function arg(pos: Positional, i: number): string | null {
  if (pos === null) return null;
  return i < pos.length ? pos[i] : '';
}

function unquote(raw: string): string {
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}

/**
 * The commands a make step of indirectGoSteps (`RUN make clean build`) certainly runs, for GD111:
 * dockerfile/makeRecipe.ts makeRecipeRecorded, the one reader of Makefiles, in make's order (a
 * goal's prerequisites before its recipe, every target once), each with its line in the Makefile.
 * apache/incubator-answer f7731bc Dockerfile:38 `make clean build`, whose `build: generate` runs
 * `@$(GO) get github.com/swaggo/swag/cmd/swag@v1.16.3` … and `@$(GO) mod tidy` (Makefile:13,24-31;
 * judge 39 Y M1), with `GO=$(GO_ENV) "$(shell which go)"`. Only what is certain: null where
 * makeRecipeRecorded is (an include, a goal or prerequisite whose rule is uncertain…), and a
 * command is left out when it may not run (`conditional`: a `-` line, `||`, if/loops, a line in
 * an `ifeq` of its recipe, a target that is not .PHONY and that a file or folder of the context
 * names, which may be up to date) or runs in a folder of another module than make's (after a `cd
 * dir &&` or a sub-make's `-C dir`, with a go.mod in dir or between; a folder makeRecipeRecorded
 * cannot follow, as celestiaorg/celestia-app Makefile:215 `@(cd ./test/docker-e2e && go mod
 * tidy)`, ends its line there). `make -C dir` and `make -f file` are followed, of the RUN (the
 * Makefile read from the folder make runs in, when that is in the module of the folder the RUN
 * runs make from; not an absolute dir) and of a recipe (a command then names its Makefile, `file`:
 * dgraph-io/dgraph's `make` runs `$(MAKE) -w -C $@ all`, whose dgraph/Makefile runs `@go mod
 * tidy`). A Makefile's `X ?= value` assigns where make's environment in `stage` certainly lacks X
 * (builtPackages.ts unsetForMake, as for the make builds).
 */
export function makeCommandsRun(step: IndirectGoStep, read: (rel: string) => string | null, exists: (rel: string) => boolean, model: DockerfileModel, stage: Stage): ScriptRun | null {
  const file = step.file;
  const args = makeArgs(step.cmd.argv);
  if (file === null || !args || args.dir.startsWith('/')) return null;
  // The folder make runs in (context-relative, '' the root): -C's (a -f file is read from there), else the Makefile's.
  const cwd = inContext(args.file === null ? path.posix.dirname(file) : args.dir || '.');
  if (cwd === null) return null;
  const at = (name: string): string | null => inContext(path.posix.join(cwd || '.', name));
  // Another module there (a go.mod in the folder or between): its go commands rewrite another go.mod.
  if (cwd !== '' && !sameModule('', cwd, exists)) return null;
  const recipe = makeRecipeRecorded(
    args,
    (name) => {
      const rel = at(name);
      return rel === null ? null : read(rel);
    },
    (name) => unsetForMake(model, stage, step.instr, step.cmd, name),
    (name) => {
      const rel = at(name);
      return rel !== null && exists(rel);
    },
  );
  if (!recipe || at(recipe.file) !== file) return null;
  const commands: ScriptCommand[] = [];
  for (const c of recipe.commands) {
    if (c.conditional) continue;
    // In make's folder, or one (a `cd dir &&`, a sub-make's -C) of the same module.
    const folder: string | null = c.dir === '' ? cwd : c.dir.startsWith('/') ? null : at(c.dir);
    if (folder === null || (folder !== cwd && !sameModule(cwd, folder, exists))) continue;
    const other = c.file === undefined ? null : at(c.file);
    if (other === null && c.file !== undefined) continue;
    // The command word as its value: `"$(shell which go)"` runs go.
    const [name, ...rest] = c.cmd.argv;
    const cmd = name && !name.dynamic ? { ...c.cmd, argv: [{ ...name, raw: name.value }, ...rest] } : c.cmd;
    commands.push({ cmd, line: c.line, ...(other !== null && other !== file ? { file: other } : {}) });
  }
  return { file, commands };
}

/** `folder` (context-relative) is in the module of `cwd`, a folder above it: no go.mod in it or between. */
function sameModule(cwd: string, folder: string, exists: (rel: string) => boolean): boolean {
  if (cwd !== '' && !folder.startsWith(`${cwd}/`)) return false;
  const parts = folder.slice(cwd === '' ? 0 : cwd.length + 1).split('/');
  return !parts.some((_, k) => exists(`${[cwd, ...parts.slice(0, k + 1)].filter((x) => x !== '').join('/')}/go.mod`));
}

/** A path relative to the context root as a context path ('' the root); null outside it or absolute. */
function inContext(rel: string): string | null {
  const n = path.posix.normalize(rel);
  if (n.startsWith('/') || n === '..' || n.startsWith('../')) return null;
  return n === '.' ? '' : n.replace(/\/+$/, '');
}

/** A make step whose recipes certainly run `go mod download` (makeModuleDownloads). */
export interface MakeDownload {
  step: IndirectGoStep;
  /** The Makefile and the line of its recipe that runs it (context-relative). */
  file: string;
  line: number;
}

/** What makeModuleDownloads reads: the context's files. */
export interface MakeFiles {
  readFile(rel: string): string | null;
  fileExists(rel: string): boolean;
  dirExists(rel: string): boolean;
}

/**
 * The RUNs of a stage whose make certainly runs `go mod download` of the module make runs in
 * (makeCommandsRun: a recipe line that runs whatever else runs around it, not conditional, in
 * make's module; only the whole module's download, no module named): harness/drone f9432e9
 * Dockerfile:36 `RUN make dep`, whose `dep` recipe runs `@go mod download` (Makefile:28-30;
 * judge 41 Y M4). Only where the Makefile make reads is the context's: the last COPY or ADD of the
 * stage chain before the step that may bring one copies the whole context or names that
 * Makefile, and no clone follows it. GD107 asks them as it asks a `go mod download`.
 */
export function makeModuleDownloads(model: DockerfileModel, stage: Stage, files: MakeFiles | undefined): Map<Instruction, MakeDownload> {
  if (!files || !stage.instructions.some((i) => i.keyword === 'RUN' && /\bg?make\b/.test(i.script?.text ?? ''))) return new Map();
  const kept = dockerfileFact(model, `makeModuleDownloads:${stage.index}`, () => ({ files, downloads: computeMakeDownloads(model, stage, files) }));
  if (kept.files !== files) {
    kept.files = files;
    kept.downloads = computeMakeDownloads(model, stage, files);
  }
  return kept.downloads;
}

function computeMakeDownloads(model: DockerfileModel, stage: Stage, files: MakeFiles): Map<Instruction, MakeDownload> {
  const out = new Map<Instruction, MakeDownload>();
  const read = (rel: string) => files.readFile(rel);
  for (const step of indirectGoSteps(stage, files, false)) {
    if (out.has(step.instr) || step.file === null || step.clone || !makeArgs(step.cmd.argv)) continue;
    if (!contextFilePlaced(model, stage, step.instr, step.file)) continue;
    const run = makeCommandsRun(step, read, (rel) => files.fileExists(rel) || files.dirExists(rel), model, stage);
    const c = run?.commands.find((x) => {
      const words = x.cmd.argv;
      return /(^|\/)go$/.test(words[0]?.value ?? '') && !words[0].dynamic && words[1]?.value === 'mod' && words[2]?.value === 'download'
        && words.slice(3).every((w) => !w.dynamic && /^-(x|json|reuse=.*)$/.test(w.value));
    });
    if (run && c) out.set(step.instr, { step, file: c.file ?? run.file, line: c.line });
  }
  return out;
}

/**
 * The context file `file` is what the builder holds where `instr` reads it: the last COPY or ADD
 * of the stage chain before `instr` copies the whole context or names that file, and no copy from
 * another stage or image, remote ADD or clone comes after it (those may put another there).
 */
function contextFilePlaced(model: DockerfileModel, stage: Stage, instr: Instruction, file: string): boolean {
  let placed = false;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) return placed;
      if (i.keyword === 'RUN' && i.script?.parsed.commands.some((c) => gitClone(c.argv))) placed = false;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!isContextCopy(i) || !paths || paths.sources.some((x) => /^[a-z][a-z0-9+.-]*:\/\//i.test(x) || x.startsWith('git@'))) placed = false;
      else if (paths.sources.some((x) => isWholeContext(x) || path.posix.normalize(x.replace(/^\/+/, '')) === file)) placed = true;
    }
  }
  return false;
}
