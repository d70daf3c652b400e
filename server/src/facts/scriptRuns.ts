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
import { buildToolFiles, type IndirectGoStep } from '../dockerfile/indirectGo';
import { makeArgs } from '../dockerfile/makeRecipe';
import { outlineScript, type OutlinedCommand, type ScriptOutline, type ShellCommand } from '../dockerfile/shell';
import { LineTable } from '../dockerfile/text';
import { loneVariable } from '../dockerfile/variables';
import type { WorkspaceModel } from '../workspace/model';
import { workspaceFact } from './memo';
import { toolRunText } from './toolRunText';

export interface ScriptCommand {
  cmd: ShellCommand;
  /** 1-based line of the command in the script. */
  line: number;
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

/** A make variable that names the go command (`GO`, `GOCMD`, `GO_CMD`), as indirectGo.ts GO_IN_TEXT reads one. */
const GO_VARIABLE_NAME = /^GO[A-Z_]*$/;

/**
 * The commands a make step of indirectGoSteps (`RUN make clean build`) certainly runs in the
 * Makefile, for GD111: the recipe lines of the targets its goals reach (facts/toolRunText.ts,
 * dockerfile/indirectGo.ts makeGoalText), each a shell of its own, with their line in the
 * Makefile. apache/incubator-answer f7731bc Dockerfile:38 `make clean build`, whose `build:
 * generate` runs `@$(GO) get github.com/swaggo/swag/cmd/swag@v1.16.3` … and `@$(GO) mod tidy`
 * (Makefile:13,24-31; judge 39 Y M1). Only what is certain; a line is left out when:
 * - it is not found under its rule's line in the Makefile itself (an included file, a rule line
 *   the Makefile has twice; a continued line is found by its first line), or it sits in a conditional (`ifeq` … `endif`) or
 *   a `define`;
 * - it changes folder (`cd`, `pushd`, a subshell): go may run in another module there
 *   (celestiaorg/celestia-app Makefile:215 `@(cd ./test/docker-e2e && go mod tidy)`);
 * - its rule's targets are not all plain names that make always runs the recipe of: .PHONY
 *   ones, or names no file or folder of the context has (`exists`; an existing `generate/`
 *   folder would make a prerequisite-less `generate` target up to date);
 * - it does not parse, or the command runs only under a condition (after `||`, in an `if`
 *   branch, a loop: outlineScript's `conditional`).
 * A make variable at the head of a command becomes `go` when the Makefile defines it, once and
 * outside conditionals, with a value that runs go (`GO=$(GO_ENV) "$(shell which go)"`, `GO ?=
 * go`); other make references become shell variables (dynamic words), `$$` the shell's `$`.
 * Null when make's arguments or its goals cannot be followed, or the Makefile is not there.
 */
export function makeCommandsRun(step: IndirectGoStep, read: (rel: string) => string | null, exists: (rel: string) => boolean, ws?: WorkspaceModel): ScriptRun | null {
  const file = step.file;
  const args = makeArgs(step.cmd.argv);
  // (`-C dir`, `-f file`: where the targets' files are is not followed here.)
  if (file === null || !args || args.dir !== '' || args.file !== null) return null;
  const cwd = path.posix.dirname(file);
  const reached = toolRunText(ws, read, step);
  const whole = read(file);
  if (!reached?.goals || whole === null) return null;
  const raw = whole.split(/\r?\n/);
  // One shell for a whole recipe: its lines are not commands of their own.
  if (raw.some((r) => /^\.ONESHELL\s*:/.test(r))) return null;
  // Each line's place: in a conditional or a define (not certain), or continued.
  const certain: boolean[] = [];
  let depth = 0;
  let define = false;
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k].trim();
    if (!raw[k].startsWith('\t')) {
      if (/^(?:(?:override|export)\s+)?define\b/.test(t)) define = true;
      else if (/^endef\b/.test(t)) define = false;
      else if (/^(ifeq|ifneq|ifdef|ifndef)\b/.test(t)) depth++;
      else if (/^endif\b/.test(t)) depth = Math.max(0, depth - 1);
    }
    // (A line that continues another is no line of its own: its first line stands for it.)
    const inner = k > 0 && raw[k - 1].endsWith('\\');
    certain.push(depth === 0 && !define && !inner);
  }
  // The make variables that certainly run go: one definition, outside conditionals.
  const goVariables = new Set<string>();
  const definitions = new Map<string, { value: string; certain: boolean }[]>();
  for (let k = 0; k < raw.length; k++) {
    if (raw[k].startsWith('\t')) continue;
    const m = /^\s*(?:(?:export|override)\s+)*([A-Za-z_][\w]*)\s*(?::=|::=|\?=|=)\s*(.*)$/.exec(raw[k]);
    if (m) definitions.set(m[1], [...(definitions.get(m[1]) ?? []), { value: m[2], certain: certain[k] }]);
  }
  for (const [name, defs] of definitions) {
    if (GO_VARIABLE_NAME.test(name) && defs.length === 1 && defs[0].certain && /(?:^|[\s"'/(])go(?=$|[\s"')])/.test(defs[0].value)) goVariables.add(name);
  }
  // The targets make always runs the recipe of: .PHONY ones, and plain names no file or folder has.
  const phony = new Set(raw.flatMap((r) => /^\.PHONY\s*:(.*)$/.exec(r)?.[1].trim().split(/\s+/) ?? []));
  const alwaysRuns = (k: number): boolean => {
    let h = k - 1;
    while (h >= 0 && (raw[h].startsWith('\t') || raw[h].trim() === '' || raw[h].trim().startsWith('#'))) h--;
    const m = h >= 0 ? /^([^:=#]+?)\s*::?(?!=)/.exec(raw[h]) : null;
    if (!m) return false;
    const targets = m[1].trim().split(/\s+/);
    return targets.every((t) => /^[A-Za-z0-9_][\w.-]*$/.test(t) && (phony.has(t) || !exists(cwd === '.' ? t : `${cwd}/${t}`)));
  };
  const commands: ScriptCommand[] = [];
  const seen = new Set<number>();
  // A recipe line of the reached text is found under its rule's line in the Makefile (the same
  // line may stand in two rules: celestia-app's `@go mod tidy` in `mod` and another target).
  // A recipe line with the lines it continues joined, as makeGoalText reads it.
  const logical = (k: number): string => {
    let out = raw[k];
    for (let j = k; out.endsWith('\\') && j + 1 < raw.length; j++) out = `${out.slice(0, -1)} ${raw[j + 1]}`;
    return out;
  };
  const ruleLine = (k: number): string => raw[k].replace(/(^|\s)#.*$/, '').trim();
  // The rules of the reached text, with their prerequisites and the commands of their recipes.
  const rules: { targets: string[]; prereqs: string[]; commands: ScriptCommand[] }[] = [];
  let rule: (typeof rules)[number] | null = null;
  let header: string | null = null;
  for (const line of reached.text.split('\n')) {
    if (!line.startsWith('\t')) {
      header = line;
      const m = /^([^:=]+?)\s*::?(?!=)(.*)$/.exec(line);
      rule = m && !/^\s*(?:(?:export|override|private)\s+)*[A-Za-z_][\w.-]*\s*(::=|:=|\?=|\+=|!=|=)/.test(m[2]) ? { targets: m[1].trim().split(/\s+/), prereqs: m[2].split(';')[0].replace('|', ' ').trim().split(/\s+/).filter((w) => w !== ''), commands: [] } : null;
      if (rule) rules.push(rule);
      continue;
    }
    if (!rule) continue;
    const found = header === null ? [] : raw.flatMap((r, k) => (!r.startsWith('\t') && ruleLine(k) === header ? [k] : []));
    let at = -1;
    if (found.length === 1) {
      for (let k = found[0] + 1; k < raw.length && (raw[k].startsWith('\t') || raw[k].trim() === '' || raw[k].trim().startsWith('#')); k++) {
        if (logical(k) === line) {
          at = k;
          break;
        }
      }
    }
    if (at < 0 || seen.has(at) || !certain[at] || !alwaysRuns(at)) continue;
    seen.add(at);
    const shell = line
      .slice(1)
      .replace(/^[@+\-\s]+/, '')
      .replace(/^\$[({]([A-Za-z_]\w*)[)}](?=\s)/, (ref, name: string) => (goVariables.has(name) ? 'go' : ref))
      .replace(/\$\$|\$\(([A-Za-z_]\w*)\)/g, (ref, name: string | undefined) => (ref === '$$' ? '$' : `\${${name}}`));
    const outline = outlineScript(shell);
    if (outline.hasErrors) continue;
    // A `cd` (or a subshell) on the line may run go in another module (`(cd ./test/docker-e2e && go mod tidy)`).
    if (/^\s*\(/.test(shell) || outline.top.some((oc) => /^(cd|pushd)$/.test(oc.cmd.argv[0]?.value ?? ''))) continue;
    for (const oc of outline.top) if (!oc.conditional && oc.arms.length === 0) rule.commands.push({ cmd: oc.cmd, line: at + 1 });
  }
  // In the order make runs them: each goal in turn, a target's prerequisites (named plainly)
  // before its recipe, every target once (celestia-app's `txsim-build` runs `go build` and then
  // `go mod tidy`; answer's `build: generate` runs generate's `go get`s before its `go build`).
  const goals = args.targets.length > 0 ? args.targets : rules[0]?.targets.slice(0, 1) ?? [];
  const made = new Set<string>();
  const make = (target: string) => {
    if (made.has(target)) return;
    made.add(target);
    const own = rules.filter((r) => r.targets.includes(target));
    for (const r of own) for (const p of r.prereqs) if (/^[A-Za-z0-9_][\w.-]*$/.test(p)) make(p);
    for (const r of own) commands.push(...r.commands);
  };
  for (const g of goals) make(g);
  return { file, commands };
}
