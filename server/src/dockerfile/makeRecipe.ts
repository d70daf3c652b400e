/**
 * What `RUN make <target>` runs, read from the Makefile as text (never executed): the recipe
 * lines of the named targets (no target: the first one) and of their prerequisite targets, in
 * the order make runs them, each parsed as the shell would see it. Only when certain: anything
 * this reader cannot follow gives null ("unknown"), and rules stay silent as for any other
 * build tool (indirectGo.ts only asks whether the file mentions go).
 *
 * Certain means:
 * - make's arguments are static and known (`-C dir`, `-f file`, `-j`, `-s`, `-k`, `-B`, `-w`,
 *   `NAME=value`, targets); the Makefile has no `include`, `.ONESHELL`, `.RECIPEPREFIX`, a SHELL
 *   other than sh or bash with `-e`/`-u`/`-x`/`-o pipefail` (`.SHELLFLAGS` the same, ending in
 *   `-c`), nor rules whose targets a variable names;
 * - every target visited has one explicit rule with a recipe (or none and no recipe at all),
 *   not double-colon, not static-pattern, not inside a conditional, without target-specific
 *   variables; a prerequisite without a rule is a file (unless pattern rules or `.DEFAULT` could
 *   make it);
 * - make variables `$(X)`/`${X}` expand only when the Makefile defines X once, outside any
 *   conditional, as `X = value` or `X := value` (or `make X=value` sets it), or as `X ?= value`
 *   when the caller knows make's environment has no X (`?=` assigns only a variable not yet
 *   defined, and the environment defines it); any other reference (`+=`, the environment,
 *   functions, automatic variables but `$@`) stays a dynamic word;
 * - every recipe command is a known harmless one that writes no Go sources: `go build`/`install`
 *   (and `go env`/`version`/`list`/`vet`/`mod download`/`mod verify`), mkdir, chmod, chown, rm,
 *   echo, printf, true, test, ls, pwd, strip, cp/mv/install of files (no folder, no `.go`), and
 *   `$(MAKE) <target>` of a target of the same Makefile (followed the same way). A command run
 *   through `env A=1 …` (no option) is that command with those variables. `cd dir &&` moves the
 *   commands after it on the same recipe line (each line is a shell of its own) to dir, when it
 *   is certain: a static folder, followed by `&&`, `;` (or nothing), in a line without `||`, `if`,
 *   loops or a subshell. `go generate`, `go run`, protoc, a script, any other `cd`, a
 *   redirection into a `.go` file, a `$(shell …)` that could write sources (anywhere make
 *   evaluates it) give null. An `include` gives null too: the model does not have that file's text.
 *
 * With `record` (makeRecipeRecorded, for facts/scriptRuns.ts makeCommandsRun: GD111 asks whether a
 * `go get`/`go mod tidy` certainly runs, whatever else runs around it), the same reading goes on
 * where a command is not known to be harmless instead of giving up:
 * - such a command is recorded (`unknown`), and so is every command of a line that redirects into
 *   a `.go` file; a `$(shell …)` that could write sources is unknown text (the commands around it
 *   are recorded); `$(shell which go)` (or `command -v go`) is `go`;
 * - a command that moves the line's shell where this reader cannot follow (a `cd` that is not
 *   certain, `pushd`, `popd`, `.`, `source`, `eval`, `exec`, `exit`) ends what is recorded of its
 *   line: the commands after it run in an unknown folder, or not at all;
 * - a target with target-specific variables is followed, those variables unknown everywhere; a
 *   recipe line between `ifeq` … `endif` inside a recipe is recorded as `conditional` (its rule
 *   still gives up when the rule itself is inside a conditional);
 * - a prerequisite without a rule that a pattern rule or `.DEFAULT` could make, or one a variable
 *   names that is not known, is left out (what that runs is not known, and not recorded); a sub-make that is not followed is recorded as an
 *   unknown command;
 * - a target may be up to date (its commands `conditional`) when `exists` says a file or folder
 *   of its name is there.
 */
import * as path from 'node:path';
import { throughEnv } from './facts';
import { topLevelOf } from './packages';
import { parseShell, type ShellCommand, type ShellWord } from './shell';

export interface MakeArgs {
  /** `-C dir` (relative to where make runs), '' without. */
  dir: string;
  /** `-f file`, or null for make's own names. */
  file: string | null;
  targets: string[];
  /** `make NAME=value`: overrides the Makefile's definitions and is exported to the recipes. */
  overrides: Map<string, string>;
}

export interface RecipeCommand {
  /** The target whose recipe runs it. */
  target: string;
  /** 1-based line of its recipe line in the Makefile. */
  line: number;
  /** The command, from the recipe line with make's variables expanded (offsets into that line); an `env A=1` before it is in its `env`. */
  cmd: ShellCommand;
  /** The folder it runs in, relative to where make runs ('' there): a `cd dir &&` of its recipe line moves it (absolute when that cd is). */
  dir: string;
  /** It may not run, or its failure may not fail make: a `-` line, `||`, if/case/loops, a target that may be up to date. */
  conditional: boolean;
  /** (makeRecipeRecorded only) A command not known to be harmless: it may write sources, run anything. */
  unknown?: true;
  /** (makeRecipeRecorded only) The Makefile whose recipe holds it, relative to where make runs, when a sub-make (`-C`, `-f`) read another. */
  file?: string;
  /**
   * (makeRecipeRecorded only) Variables an `export NAME=value` of its recipe line gives it: before
   * it, in the line's own shell, for certain (each recipe line is a shell of its own).
   * containers/prometheus-podman-exporter f1d9353 Makefile:45 `@export CGO_ENABLED=0 && GOARCH=amd64 $(GO) build …`.
   */
  exported?: { name: string; value: string }[];
}

export interface MakeRecipe {
  /** The Makefile read, relative to the folder make runs in (after `-C`). */
  file: string;
  /** The goals (named or default) and the lines of their rules. */
  goals: { name: string; line: number }[];
  /** The commands run, prerequisites first. */
  commands: RecipeCommand[];
  /** Variables make exports to every recipe: `export X = value` of the Makefile and `make X=value`. */
  env: { name: string; value: string }[];
  /**
   * Every variable the Makefile assigns, however (`=`, `:=`, `?=`, `+=`, in a conditional): a
   * variable of make's environment that the Makefile assigns reaches the recipes with the
   * Makefile's value, so the environment alone does not say what a recipe sees.
   */
  assigned: ReadonlySet<string>;
}

/** A command word that runs make (`make`, `gmake`, `/usr/bin/make`). */
export const MAKE_NAME = /(^|\/)g?make$/;
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const PLACEHOLDER = '${__make_dynamic__}';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `NAME=…` whose value only the shell knows. */
const DYNAMIC_OVERRIDE = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * make's arguments when argv runs make (`make`, `gmake`, `/usr/bin/make`) with static, known ones;
 * null otherwise. A variable given a value the shell expands (`make server-docker
 * os=${TARGETOS}`: mattermost/focalboard) is known by name: its value is unknown (dynamic).
 */
export function makeArgs(argv: readonly ShellWord[]): MakeArgs | null {
  if (argv.length === 0 || !MAKE_NAME.test(argv[0].value) || argv.some((w) => w.dynamic && !DYNAMIC_OVERRIDE.test(w.value))) return null;
  const out: MakeArgs = { dir: '', file: null, targets: [], overrides: new Map() };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].value;
    const takeValue = (flag: string, long: string): string | null | undefined => {
      if (a === flag || a === long) return argv[++i]?.value ?? null;
      if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
      if (flag.length === 2 && a.startsWith(flag) && a.length > 2) return a.slice(2);
      return undefined;
    };
    const c = takeValue('-C', '--directory');
    if (c !== undefined) {
      if (c === null || out.dir !== '') return null;
      out.dir = c.replace(/\/+$/, '') || '/';
      if (out.dir === '.') out.dir = '';
      continue;
    }
    const f = takeValue('-f', '--file') ?? takeValue('-f', '--makefile');
    if (f !== undefined) {
      if (f === null || out.file !== null) return null;
      out.file = f;
      continue;
    }
    if (/^-j\d*$|^--jobs(=\d+)?$/.test(a)) {
      if ((a === '-j' || a === '--jobs') && /^\d+$/.test(argv[i + 1]?.value ?? '')) i++;
      continue;
    }
    if (/^(-[sSkBw]+|--silent|--quiet|--keep-going|--always-make|--print-directory|--no-print-directory)$/.test(a)) continue;
    if (a.startsWith('-')) return null;
    const eq = a.indexOf('=');
    if (eq > 0) {
      const name = a.slice(0, eq).replace(/[:+?!]+$/, '');
      if (!NAME.test(name) || a.slice(eq - 1, eq) === '+' || a.slice(eq - 1, eq) === '?' || a.slice(eq - 1, eq) === '!') return null;
      out.overrides.set(name, argv[i].dynamic ? PLACEHOLDER : a.slice(eq + 1));
      continue;
    }
    out.targets.push(a);
  }
  return out;
}

interface Rule {
  targets: string[];
  prereqs: string[];
  line: number;
  /** `conditional`: the line sits between `ifeq` … `endif` inside the recipe. */
  recipe: { text: string; line: number; conditional: boolean }[];
  doubleColon: boolean;
  /** The rule is uncertain: inside a conditional, a conditional inside its recipe, or prerequisites a variable names. */
  conditional: boolean;
  /** Of those, only a conditional inside its recipe (makeRecipeRecorded follows it, its lines there conditional). */
  recipeConditional: boolean;
}

interface Parsed {
  rules: Rule[];
  /** Variables defined once, plainly, outside conditionals (raw values). */
  vars: Map<string, string>;
  /** Variables defined otherwise (`?=`, `+=`, twice, in a conditional, `define`). */
  dynamicVars: Set<string>;
  /** Of those, the ones defined once, outside conditionals, as `X ?= value` (raw values): known when the environment has no X. */
  defaultVars: Map<string, string>;
  exported: Set<string>;
  phony: Set<string>;
  patternRules: boolean;
  hasDefault: boolean;
  targetVars: Set<string>;
  /** Targets given target-specific variables (`build_linux: override os=linux`). */
  specificTargets: Set<string>;
  /** Targets uncertain otherwise: static pattern rules, variable targets (a target in targetVars but only in specificTargets has only target-specific variables). */
  otherUncertain: Set<string>;
  /** The variables target-specific or pattern-specific assignments name. */
  specificVars: Set<string>;
  defaultGoal: string | null;
  /** The line of the rule that gave defaultGoal (0: `.DEFAULT_GOAL`). */
  defaultGoalLine: number;
  /** The line each variable is first assigned on. */
  definedAt: Map<string, number>;
  /**
   * Rule targets a variable names, as written, and the rule (targets empty) when it is a plain
   * one (no target-specific variable, no static pattern), outside conditionals.
   */
  variableTargets: { text: string; line: number; conditional: boolean; rule: Rule | null }[];
  /** Those whose value is not known: a target any of them could name is not followed. */
  unknownTargets: RegExp[];
  /** (makeRecipeRecorded only) A bare `export`: every variable may be exported. */
  exportsAll?: true;
}

/**
 * The commands `make` with these arguments runs, reading the Makefile with `read` (a name
 * relative to the folder make runs in, after `-C`; null when that file is not there). Null when
 * not certain (see the file comment). `unsetInEnv` answers true for a name make's environment
 * certainly does not have (its `X ?= value` then assigns); without it, none is known.
 */
export function makeRecipe(args: MakeArgs, read: (name: string) => string | null, unsetInEnv: (name: string) => boolean = () => false): MakeRecipe | null {
  return readRecipe(args, read, unsetInEnv, null);
}

/**
 * makeRecipe's reading that records what it does not know instead of giving up (see the file
 * comment): the commands that run, those not known to be harmless marked `unknown`. `exists`
 * answers whether a file or folder of that name (relative to where make runs) is there: a target
 * that is not .PHONY and exists may be up to date. Null where makeRecipe is null for another
 * reason than a command (an include, a goal without a rule, a rule inside a conditional…).
 */
export function makeRecipeRecorded(args: MakeArgs, read: (name: string) => string | null, unsetInEnv: (name: string) => boolean, exists: (name: string) => boolean): MakeRecipe | null {
  return readRecipe(args, read, unsetInEnv, { exists, depth: 0 });
}

/**
 * The variables a Makefile gives one value for certain, as written (unexpanded): assigned once,
 * outside conditionals, with `=`, `:=`, `::=` (not `override`), or once with `?=` (make's
 * environment is taken to have none of them). `file` is relative to the context; its `include`s
 * are read in place when they name files plainly (or under `$(CURDIR)`, the Makefile's folder: make
 * runs there), a missing `-include`/`sinclude` is nothing. Null when the file is missing, an
 * include cannot be read, or the Makefile holds what this reader cannot follow (parseMakefile).
 * For generate/linkSettings.ts: the `-X $(CLI_VERSION_PACKAGE).version=…` of NVIDIA/nvidia-container-toolkit
 * d8c9ff9 Makefile:68, `CLI_VERSION_PACKAGE = github.com/NVIDIA/nvidia-container-toolkit/internal/info` (:54).
 */
export function makeVariableValues(file: string, read: (rel: string) => string | null): Map<string, string> | null {
  const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
  const inline = (rel: string, depth: number, optional: boolean): string | null | undefined => {
    const text = read(rel);
    if (text === null) return optional ? '' : null;
    if (depth > 3) return null;
    const out: string[] = [];
    for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
      const inc = /^(-?include|sinclude)[ \t]+([^#]*?)[ \t]*(?:#.*)?$/.exec(line);
      if (!inc) {
        out.push(line);
        continue;
      }
      for (const word of inc[2].split(/\s+/).filter(Boolean)) {
        const named = word.replace(/\$\(CURDIR\)|\$\{CURDIR\}/g, dir === '' ? '.' : dir);
        if (named.includes('$') || /[*?[]/.test(named)) return null;
        const at = named.startsWith('/') ? null : path.posix.normalize(word.startsWith('$') ? named : path.posix.join(dir === '' ? '.' : dir, named));
        if (at === null || at.startsWith('../')) return null;
        const body = inline(at, depth + 1, inc[1] !== 'include');
        if (body === null || body === undefined) return null;
        out.push(...body.split('\n'));
      }
    }
    return out.join('\n');
  };
  const text = inline(file, 0, false);
  if (text === null || text === undefined || read(file) === null) return null;
  const parsed = parseMakefile(text, () => null);
  if (parsed === null) return null;
  return new Map([...parsed.vars, ...parsed.defaultVars]);
}

/** makeRecipeRecorded's way of reading; null for makeRecipe's. */
interface Record {
  exists: (name: string) => boolean;
  /** How many sub-makes of another folder or Makefile deep this reading is. */
  depth: number;
}

function readRecipe(args: MakeArgs, read: (name: string) => string | null, unsetInEnv: (name: string) => boolean, record: Record | null): MakeRecipe | null {
  let file: string | null = null;
  let text: string | null = null;
  for (const name of args.file !== null ? [args.file] : MAKEFILES) {
    text = read(name);
    if (text !== null) {
      file = name;
      break;
    }
  }
  if (text === null || file === null) return null;
  const parsed = parseMakefile(text, record !== null ? read : null);
  if (!parsed) return null;
  const vars = new Map(parsed.vars);
  for (const [k, v] of parsed.defaultVars) {
    if (args.overrides.has(k) || !unsetInEnv(k)) continue;
    vars.set(k, v);
    parsed.dynamicVars.delete(k);
  }
  for (const [k, v] of args.overrides) {
    vars.set(k, v);
    parsed.dynamicVars.delete(k);
  }
  if (record) {
    // Followed through targets with target-specific variables: those are unknown everywhere.
    for (const k of parsed.specificVars) parsed.dynamicVars.add(k);
    if (!resolveVariables(parsed, vars, true, args.overrides)) return null;
    // A rule a variable names above the first plain one may be the default goal.
    if (args.targets.length === 0 && parsed.defaultGoalLine > 0 && parsed.variableTargets.some((v) => v.line < parsed.defaultGoalLine)) return null;
  }
  const goals = args.targets.length > 0 ? args.targets : parsed.defaultGoal ? [parsed.defaultGoal] : [];
  if (goals.length === 0) return null;
  const env: { name: string; value: string }[] = [...args.overrides].map(([name, value]) => ({ name, value }));
  for (const name of parsed.exported) {
    if (args.overrides.has(name)) continue;
    const v = vars.get(name);
    const value = v === undefined || parsed.dynamicVars.has(name) ? PLACEHOLDER : expand(v, { parsed, vars, target: '', record: record !== null }, 0);
    if (value === null) return null;
    // An unknown value stays a reference (dynamic for the rules).
    env.push({ name, value: value.includes(PLACEHOLDER) ? PLACEHOLDER : value });
  }
  // A bare `export` (recorded): every other variable may reach the recipes, its value unknown.
  if (parsed.exportsAll) {
    for (const name of new Set([...parsed.vars.keys(), ...parsed.dynamicVars, ...parsed.defaultVars.keys()])) {
      if (!args.overrides.has(name) && !parsed.exported.has(name)) env.push({ name, value: PLACEHOLDER });
    }
  }
  const commands: RecipeCommand[] = [];
  const goalLines: { name: string; line: number }[] = [];
  const budget = { targets: 0 };
  for (const goal of goals) {
    const rule = ruleOf(parsed, goal, record !== null);
    if (!rule) return null;
    goalLines.push({ name: goal, line: rule.line });
    if (!visit(goal, { parsed, vars, read, record, overrides: args.overrides, unsetInEnv }, new Set(), commands, budget, 0)) return null;
  }
  return { file, goals: goalLines, commands, env, assigned: new Set([...parsed.vars.keys(), ...parsed.dynamicVars, ...parsed.defaultVars.keys()]) };
}

interface Scope {
  parsed: Parsed;
  vars: Map<string, string>;
  read: (name: string) => string | null;
  record: Record | null;
  /** make's `NAME=value` arguments (a sub-make gets them too, through MAKEFLAGS). */
  overrides: ReadonlyMap<string, string>;
  unsetInEnv: (name: string) => boolean;
}

/**
 * The explicit rule with a recipe for a target (or its one rule without); null when none, undefined
 * when uncertain. `record`: a target with only target-specific variables, or a conditional inside
 * its recipe, is followed.
 */
function ruleOf(parsed: Parsed, target: string, record: boolean): Rule | null | undefined {
  if (parsed.unknownTargets.some((re) => re.test(target))) return undefined;
  const specific = parsed.targetVars.has(target) && !(record && parsed.specificTargets.has(target) && !parsed.otherUncertain.has(target));
  const rules = parsed.rules.filter((r) => r.targets.includes(target));
  if (rules.length === 0) return specific ? undefined : null;
  if (rules.some((r) => r.doubleColon || r.conditional || (r.recipeConditional && !record)) || specific) return undefined;
  const withRecipe = rules.filter((r) => r.recipe.length > 0);
  if (withRecipe.length > 1) return undefined;
  const main = withRecipe[0] ?? rules[0];
  return { ...main, prereqs: rules.flatMap((r) => r.prereqs) };
}

function visit(target: string, scope: Scope, seen: Set<string>, out: RecipeCommand[], budget: { targets: number }, depth: number): boolean {
  if (seen.has(target)) return true;
  seen.add(target);
  if (++budget.targets > 64 || depth > 16) return false;
  const record = scope.record;
  const rule = ruleOf(scope.parsed, target, record !== null);
  if (rule === undefined) return false;
  if (rule === null) {
    // A file make does not build: unless a pattern rule or .DEFAULT could make it (recorded: left out).
    return record !== null || (!scope.parsed.patternRules && !scope.parsed.hasDefault);
  }
  for (const p of rule.prereqs) if (!visit(p, scope, seen, out, budget, depth + 1)) return false;
  // A target that is not .PHONY and exists as a file may be up to date: its recipe may not run.
  const mayNotRun = !scope.parsed.phony.has(target) && (record ? record.exists(target) : scope.read(target) !== null);
  for (const r of rule.recipe) {
    let line = r.text.replace(/^[ \t]*/, '');
    let ignoreErrors = false;
    for (;;) {
      const c = line.charAt(0);
      if (c === '@' || c === '+') line = line.slice(1);
      else if (c === '-') {
        ignoreErrors = true;
        line = line.slice(1);
      } else if (c === ' ' || c === '\t') line = line.slice(1);
      else break;
    }
    const expanded = expand(line, { parsed: scope.parsed, vars: scope.vars, target, record: record !== null }, 0);
    if (expanded === null) return false;
    if (expanded.trim() === '') continue;
    // A redirection into a `.go` file writes sources (recorded: every command of its line is unknown).
    const writesGo = />>?\s*[^\s;&|<>]*\.go\b/.test(expanded);
    if (writesGo && !record) return false;
    const script = parseShell(expanded);
    if (script.hasErrors) {
      // Recorded: a line sh may read otherwise is left out.
      if (record) continue;
      return false;
    }
    const branches = /\|\||(^|[\s;&|(])(if|case|while|until|for|select)\s/.test(expanded);
    const conditional = mayNotRun || ignoreErrors || branches || r.conditional;
    const top = new Set(topLevelOf(script.commands));
    // The folder the line's shell is in (a `cd` moves the commands after it, on this line only).
    let dir = '';
    for (const raw of script.commands) {
      let cmd = markDynamic(raw);
      if (cmd.argv[0]?.value === 'env' && !cmd.argv[0].dynamic) {
        // `env A=1 B=2 cmd`: cmd with those variables; an option (`-i` empties the environment,
        // `-u`) or no command is not followed.
        const run = throughEnv(cmd);
        if (run === cmd || cmd.argv.slice(1, cmd.argv.length - run.argv.length).some((w) => w.value.startsWith('-'))) {
          if (!record) return false;
          out.push({ target, line: r.line, cmd, dir, conditional, unknown: true });
          continue;
        }
        cmd = markDynamic(run);
      }
      if (cmd.argv[0]?.value === 'cd' && !cmd.argv[0].dynamic) {
        const to = cdTarget(cmd, expanded, top.has(raw) && !branches);
        if (to === null) {
          // Recorded: the rest of the line runs in an unknown folder.
          if (record) break;
          return false;
        }
        dir = to.startsWith('/') ? path.posix.normalize(to) : path.posix.join(dir, to).replace(/^\.$/, '');
        continue;
      }
      if (record && (cmd.argv[0]?.dynamic || MOVES_SHELL.test(cmd.argv[0]?.value ?? ''))) {
        out.push({ target, line: r.line, cmd, dir, conditional, unknown: true });
        break;
      }
      if (record && MAKE_NAME.test(cmd.argv[0]?.value ?? '')) {
        // The line may set variables before the sub-make (`export X=1;`, `X=1;`).
        const lineSets = script.assignments.some((x) => x.start < raw.start) || script.commands.some((c) => c.start < raw.start && /^(export|declare|typeset|readonly|set|source|\.|eval|local)$/.test(c.argv[0]?.value ?? ''));
        const other = otherMake(cmd, dir, lineSets, scope, record);
        if (other !== undefined) {
          if (other === null) out.push({ target, line: r.line, cmd, dir, conditional, unknown: true });
          else for (const c of other) out.push(conditional ? { ...c, conditional: true } : c);
          continue;
        }
      }
      const sub = subMake(cmd);
      if (sub !== undefined) {
        // A sub-make is a process of its own: it runs the prerequisites again (in its own folder:
        // a sub-make after a `cd` reads another Makefile).
        // (A sub-make of a target without a rule: make fails or does nothing, not followed.)
        const before = out.length;
        const followed = sub !== null && dir === '' && sub.every((t) => !!ruleOf(scope.parsed, t, record !== null) && visit(t, scope, new Set(), out, budget, depth + 1));
        if (!followed) {
          if (!record) return false;
          out.length = before;
          out.push({ target, line: r.line, cmd, dir, conditional, unknown: true });
          continue;
        }
        if (conditional) for (let k = before; k < out.length; k++) out[k] = { ...out[k], conditional: true };
        continue;
      }
      if (writesGo || !harmless(cmd)) {
        if (!record) return false;
        out.push({ target, line: r.line, cmd, dir, conditional, unknown: true });
        continue;
      }
      // `export A=1 B=2 &&` (or `;`) before it on the line, in the line's own shell.
      const exported = record ? script.assignments.filter((a) => !a.conditional && a.end <= raw.start && /(?:^|[;&]\s*)export\s+(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*$/.test(expanded.slice(0, a.start))).map((a) => ({ name: a.name, value: a.value })) : [];
      out.push({ target, line: r.line, cmd, dir, conditional, ...(exported.length > 0 ? { exported } : {}) });
    }
  }
  return true;
}

/** Commands that move the shell where makeRecipeRecorded cannot follow, or end it (a dynamic command word may be any of them). */
const MOVES_SHELL = /^(pushd|popd|\.|source|eval|exec|exit|return|builtin|command)$/;

/**
 * The folder of a recipe's `cd dir` when certain: one static operand (not `-`, `~…`), a command
 * of the line's own shell (not nested, no subshell on the line, no `||`/`if`/loop: `certainShell`)
 * followed by `&&`, `;` or nothing; null otherwise.
 */
function cdTarget(cmd: ShellCommand, line: string, certainShell: boolean): string | null {
  if (!certainShell || cmd.env.length > 0 || cmd.argv.length !== 2) return null;
  const to = cmd.argv[1];
  if (to.dynamic || to.value === '' || to.value === '-' || to.value.startsWith('~') || to.value.startsWith('-')) return null;
  // A subshell `(cd x && go build) && go build` leaves the folder when it ends.
  if (/(^|[^$])\(/.test(line)) return null;
  // `cd server; go build …` (focalboard's Makefile): the commands after it run there when the
  // folder exists, and when it does not the build is broken anyway.
  return /^\s*(&&|;|$)/.test(line.slice(cmd.end)) ? to.value : null;
}

/** A word holding an unexpanded make reference is dynamic, even where the shell would not expand it (single quotes). */
function markDynamic(cmd: ShellCommand): ShellCommand {
  const fix = (w: ShellWord): ShellWord => (w.dynamic || !w.value.includes(PLACEHOLDER) ? w : { ...w, dynamic: true });
  return { ...cmd, argv: cmd.argv.map(fix), env: cmd.env };
}

/**
 * makeRecipeRecorded: the commands of a sub-make of another folder or Makefile (`$(MAKE) -C dir
 * target`, `-f file`, or any after the line's `cd dir`), read as a make of its own (its
 * prerequisites again, its own variables) from that folder, their folders and Makefile relative
 * to where the first make runs; undefined when it is a sub-make of the same Makefile (visit
 * follows those), null when not certain (dynamic words, an absolute or outer folder, too deep).
 * make passes its command-line variables on; make's environment lacks a variable there when it
 * lacked it here, this Makefile does not export it, the line assigns nothing before the sub-make
 * (`lineSets`) and the command sets no variable of that name.
 */
function otherMake(cmd: ShellCommand, dir: string, lineSets: boolean, scope: Scope, record: Record): RecipeCommand[] | null | undefined {
  const a = makeArgs(cmd.argv);
  if (a && a.dir === '' && a.file === null && dir === '') return undefined;
  if (!a || cmd.argv[0].dynamic || record.depth >= 4 || a.dir.startsWith('/') || dir.startsWith('/')) return null;
  const to = path.posix.join(dir || '.', a.dir || '.');
  if (to === '..' || to.startsWith('../')) return null;
  const at = (name: string) => path.posix.join(to, name);
  const overrides = new Map([...scope.overrides, ...a.overrides]);
  const parsed = scope.parsed;
  const unset = (name: string) =>
    !lineSets && scope.unsetInEnv(name) && !parsed.exported.has(name) && !parsed.specificVars.has(name) && !cmd.env.some((e) => e.name === name);
  const recipe = readRecipe(
    { ...a, dir: '', overrides },
    (name) => scope.read(at(name)),
    unset,
    { exists: (name) => record.exists(at(name)), depth: record.depth + 1 },
  );
  if (!recipe) return null;
  return recipe.commands.map((c) => ({
    ...c,
    dir: c.dir.startsWith('/') ? c.dir : path.posix.join(to, c.dir || '.').replace(/^\.$/, ''),
    file: path.posix.join(to, c.file ?? recipe.file),
  }));
}

/** `$(MAKE) target…` (or `make target…`) of the same Makefile: its targets; null when uncertain; undefined when not a make. */
function subMake(cmd: ShellCommand): string[] | null | undefined {
  if (!MAKE_NAME.test(cmd.argv[0]?.value ?? '') || cmd.argv[0].dynamic) return undefined;
  const a = makeArgs(cmd.argv);
  if (!a || a.dir !== '' || a.file !== null || a.overrides.size > 0 || a.targets.length === 0 || cmd.env.length > 0) return null;
  return a.targets;
}

const HARMLESS = new Set(['mkdir', 'chmod', 'chown', 'rm', 'echo', 'printf', 'true', ':', 'test', '[', 'ls', 'pwd', 'strip']);
const HARMLESS_GO = /^(build|install|env|version|list|vet|mod download|mod verify)$/;

/** A recipe command that writes no Go sources (see the file comment). */
function harmless(cmd: ShellCommand): boolean {
  const name = cmd.argv[0];
  if (!name || name.dynamic) return false;
  const base = name.value.slice(name.value.lastIndexOf('/') + 1);
  if (base === 'go') {
    const first = cmd.argv[1]?.value ?? '';
    const sub = first === 'mod' ? `mod ${cmd.argv[2]?.value ?? ''}` : first;
    if (!HARMLESS_GO.test(sub)) return false;
    // -toolexec and -exec run another program.
    return !cmd.argv.some((w) => /^--?(toolexec|exec|overlay)\b/.test(w.value));
  }
  if (HARMLESS.has(base)) return true;
  if (base === 'cp' || base === 'mv' || base === 'install') {
    return cmd.argv.slice(1).every((w) => !w.dynamic && !/\.go$/.test(w.value) && !/^-[A-Za-z]*[rRad]|^--(recursive|archive|directory)/.test(w.value) && !w.value.endsWith('/'));
  }
  return false;
}

/**
 * A SHELL that reads recipe lines as sh does: sh or bash, with options that only make a line stop
 * sooner or print more (`-e`, `-u`, `-x`, `-o pipefail`). Kubebuilder's scaffold, and so most
 * operators' Makefiles, set `SHELL = /usr/bin/env bash -o pipefail` and `.SHELLFLAGS = -ec`
 * (kuberay's historyserver: its `make buildhistoryserver GOARCH=amd64` was unread for that line).
 */
const SHELL_OPTION = String.raw`(-[eux]+|-[eux]*o\s+pipefail)`;
const PLAIN_SHELL = new RegExp(String.raw`^(\/bin\/|\/usr\/bin\/|\/usr\/bin\/env\s+)?(sh|bash)(\s+${SHELL_OPTION})*$`);
/** `.SHELLFLAGS` of those options, ending in `-c` (make puts the recipe line after them). */
const PLAIN_SHELL_FLAGS = new RegExp(String.raw`^(${SHELL_OPTION}\s+)*-[eux]*c$`);

/** Text make evaluates that could write sources (a `$(shell …)`). */
const SOURCE_WRITER = /\bgo\s+(generate|run|get|mod\s+(tidy|vendor|init|edit)|work)\b|\bprotoc\b|\bbuf\b|\.(sh|bash|py)\b|(^shell|[;&|(])\s*\.{0,2}\/|\b(sed\s+-i|cp|mv|tee|rsync|install|curl|wget|make|ln|patch|tar|unzip)\b|\bgit\s+(clone|checkout|apply|pull|fetch|submodule|am|reset|restore|switch)\b|\$\(MAKE\)|(^|[^2&])>(?!\s*\/dev\/null|&)/;

interface ExpandScope {
  parsed: Parsed;
  vars: Map<string, string>;
  target: string;
  /** makeRecipeRecorded: a `$(shell …)` that could write sources is unknown text, not null; `$(shell which go)` is go. */
  record: boolean;
}

/** `$(shell which go)`, `$(shell command -v go)`: the go command, by its path. */
const WHICH_GO = /^shell\s+(which|command\s+-v)\s+go\s*$/;

/** Expands make's references; an unknown one becomes a dynamic shell word. Null when a `$(shell …)` could write sources. */
function expand(text: string, scope: ExpandScope, depth: number): string | null {
  if (depth > 10) return null;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next !== '(' && next !== '{') {
      out += next === '@' && scope.target ? scope.target : PLACEHOLDER;
      i++;
      continue;
    }
    const close = next === '(' ? ')' : '}';
    let level = 0;
    let j = i + 1;
    for (; j < text.length; j++) {
      if (text[j] === next) level++;
      else if (text[j] === close && --level === 0) break;
    }
    if (j >= text.length) return null;
    const inner = text.slice(i + 2, j);
    i = j;
    const fn = /^([a-z-]+)[ \t]/.exec(inner);
    if (fn) {
      if (scope.record && WHICH_GO.test(inner)) {
        out += 'go';
        continue;
      }
      if (fn[1] === 'shell' && SOURCE_WRITER.test(inner) && !scope.record) return null;
      if (fn[1] === 'eval') {
        // `$(eval LDFLAGS += …)` in a recipe (focalboard's server-docker) expands to nothing and
        // appends to a variable, whose value is then unknown; any other eval is not followed.
        const append = /^eval\s+([A-Za-z_][A-Za-z0-9_]*)\s*\+=/.exec(inner);
        if (!append) return null;
        scope.parsed.dynamicVars.add(append[1]);
        continue;
      }
      out += PLACEHOLDER;
      continue;
    }
    if (inner === 'MAKE') {
      out += 'make';
      continue;
    }
    if (inner === '@' && scope.target) {
      out += scope.target;
      continue;
    }
    const value = NAME.test(inner) && !scope.parsed.dynamicVars.has(inner) ? scope.vars.get(inner) : undefined;
    if (value === undefined) {
      out += PLACEHOLDER;
      continue;
    }
    const e = expand(value, scope, depth + 1);
    if (e === null) return null;
    out += e;
  }
  return out;
}

const DIRECTIVE = /^(ifeq|ifneq|ifdef|ifndef)\b/;
const ASSIGN = /^(override\s+|export\s+|private\s+)?([A-Za-z_.][A-Za-z0-9_.-]*)\s*(::=|:::=|:=|\?=|\+=|!=|=)\s*(.*)$/s;

/** The Makefile's rules and plain variables; null when it holds what this reader cannot follow. */
/**
 * `readIncluded` (makeRecipeRecorded): included files are read with it (relative to where make
 * runs) and followed when they only assign variables (an env file: harness/drone f9432e9
 * Makefile:11-14 `ifneq (,$(wildcard ./.local.env))`, `include ./.local.env`, `export`): whether
 * make includes one or not, the rules are the same, and what it assigns is unknown. A bare `export`
 * exports every variable (their values then unknown in `env`).
 */
function parseMakefile(text: string, readIncluded: ((name: string) => string | null) | null): Parsed | null {
  const record = readIncluded !== null;
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const p: Parsed = {
    rules: [], vars: new Map(), dynamicVars: new Set(), defaultVars: new Map(), exported: new Set(), phony: new Set(),
    patternRules: false, hasDefault: false, targetVars: new Set(), specificTargets: new Set(), otherUncertain: new Set(), specificVars: new Set(),
    defaultGoal: null, defaultGoalLine: 0, definedAt: new Map(), variableTargets: [], unknownTargets: [],
  };
  const defined = new Set<string>();
  const define = (name: string, value: string, lineNo: number, plain: boolean, byDefault = false) => {
    if (!p.definedAt.has(name)) p.definedAt.set(name, lineNo);
    // `X ?= v` alone: known later when the environment has no X; any other definition makes it dynamic.
    if (byDefault && !defined.has(name)) p.defaultVars.set(name, value);
    else p.defaultVars.delete(name);
    if (!plain || (defined.has(name) && p.vars.get(name) !== value)) {
      p.dynamicVars.add(name);
      p.vars.delete(name);
    } else if (!p.dynamicVars.has(name)) p.vars.set(name, value);
    defined.add(name);
  };
  let cond = 0;
  let rule: Rule | null = null;
  let inDefine = false;
  const shells: string[] = [];
  for (let n = 0; n < raw.length; n++) {
    const lineNo = n + 1;
    let line = raw[n];
    if (line.startsWith('\t') && rule) {
      // A recipe line; a backslash-newline goes on to the next line (its leading tab dropped).
      let full = line.slice(1);
      while (full.endsWith('\\') && n + 1 < raw.length) full = `${full.slice(0, -1)} ${raw[++n].replace(/^\t/, '')}`;
      if (cond > 0) rule.recipeConditional = true;
      rule.recipe.push({ text: full, line: lineNo, conditional: cond > 0 });
      continue;
    }
    while (line.endsWith('\\') && n + 1 < raw.length) line = `${line.slice(0, -1)} ${raw[++n].trim()}`;
    const stripped = stripComment(line).trim();
    if (inDefine) {
      if (/^endef\b/.test(stripped)) inDefine = false;
      continue;
    }
    if (stripped === '') continue;
    // A conditional inside a recipe makes that recipe uncertain; it does not end it.
    if (DIRECTIVE.test(stripped)) {
      cond++;
      if (rule) rule.recipeConditional = true;
      continue;
    }
    if (/^else\b/.test(stripped)) {
      if (rule) rule.recipeConditional = true;
      continue;
    }
    if (/^endif\b/.test(stripped)) {
      cond = Math.max(0, cond - 1);
      if (rule) rule.recipeConditional = true;
      continue;
    }
    rule = null;
    const include = /^(-?include|sinclude)\s+(.*)$/.exec(stripped);
    if (include && readIncluded) {
      if (!includesAssignments(include[2], readIncluded, (name, exported) => {
        define(name, PLACEHOLDER, lineNo, false);
        if (exported) p.exported.add(name);
      })) return null;
      continue;
    }
    if (/^(-?include|sinclude|vpath|load|-load)\b/.test(stripped)) return null;
    const def = /^(override\s+|export\s+)?define\s+([A-Za-z_.][A-Za-z0-9_.-]*)/.exec(stripped);
    if (def) {
      inDefine = true;
      define(def[2], '', lineNo, false);
      continue;
    }
    if (/^(unexport|undefine)\b/.test(stripped)) return null;
    const exp = /^export\s+([A-Za-z_][A-Za-z0-9_ ]*)$/.exec(stripped);
    if (exp) {
      for (const v of exp[1].trim().split(/\s+/)) p.exported.add(v);
      continue;
    }
    if (stripped === 'export') {
      if (!record) return null;
      p.exportsAll = true;
      continue;
    }
    const a = ASSIGN.exec(stripped);
    // `target: X = v` is a rule line with a target-specific variable, not an assignment.
    if (a) {
      const [, prefix = '', name, op, value] = a;
      if (name === 'SHELL' && !PLAIN_SHELL.test(value.trim())) return null;
      if (name === '.SHELLFLAGS' && !PLAIN_SHELL_FLAGS.test(value.trim())) return null;
      if (name === '.RECIPEPREFIX') return null;
      if (name === '.DEFAULT_GOAL') {
        if (cond > 0 || value.includes('$')) return null;
        p.defaultGoal = value.trim();
        continue;
      }
      if (/\$[({]shell[ \t]/.test(value) || op === '!=') shells.push(op === '!=' ? `shell ${value}` : value);
      define(name, value.trim(), lineNo, cond === 0 && (op === '=' || op === ':=' || op === '::=') && !/override/.test(prefix), cond === 0 && op === '?=' && !/override/.test(prefix));
      if (/export/.test(prefix)) p.exported.add(name);
      continue;
    }
    const colon = ruleColon(stripped);
    if (colon < 0) {
      // A bare function call (`$(info …)`, `$(eval …)`) or something unknown.
      if (/^\$[({](eval|call)\b/.test(stripped)) return null;
      if (/\$[({]shell[ \t]/.test(stripped)) shells.push(stripped);
      continue;
    }
    const head = stripped.slice(0, colon);
    let rest = stripped.slice(colon + 1);
    let doubleColon = false;
    if (rest.startsWith(':')) {
      doubleColon = true;
      rest = rest.slice(1);
    }
    if (rest.startsWith('&')) rest = rest.slice(1);
    const semi = rest.indexOf(';');
    const inline = semi >= 0 ? rest.slice(semi + 1) : null;
    const prereqText = semi >= 0 ? rest.slice(0, semi) : rest;
    const targets = head.trim().split(/\s+/).filter(Boolean);
    if (targets.some((t) => t.includes('$'))) {
      // `bin/$(TARGET_OS)/manager:`: expanded at the end; until then its recipe is not followed
      // (makeRecipeRecorded follows a plain one whose targets are known: resolveVariables).
      const plain = cond === 0 && !prereqText.includes(':') && !/^\s*[A-Za-z_.][A-Za-z0-9_.-]*\s*(::=|:::=|:=|\?=|\+=|!=|=)/.test(prereqText) && !/^\s*(override|export|private)\s/.test(prereqText);
      rule = { targets: [], prereqs: plain ? prereqText.replace('|', ' ').trim().split(/\s+/).filter(Boolean) : [], line: lineNo, recipe: [], doubleColon, conditional: true, recipeConditional: false };
      if (plain && inline !== null && inline.trim() !== '') rule.recipe.push({ text: inline, line: lineNo, conditional: false });
      p.variableTargets.push({ text: head.trim(), line: lineNo, conditional: cond > 0, rule: plain ? rule : null });
      continue;
    }
    if (/^\s*[A-Za-z_.][A-Za-z0-9_.-]*\s*(::=|:::=|:=|\?=|\+=|!=|=)/.test(prereqText) || /^\s*(override|export|private)\s/.test(prereqText)) {
      for (const t of targets) {
        if (t.includes('%')) p.targetVars.add('%');
        p.targetVars.add(t);
        p.specificTargets.add(t);
      }
      const assigned = /^\s*(?:(?:override|export|private)\s+)*([A-Za-z_.][A-Za-z0-9_.-]*)\s*(::=|:::=|:=|\?=|\+=|!=|=)/.exec(prereqText);
      // (`target: export` alone, or a name this cannot read: every variable may be another.)
      if (!assigned) for (const t of targets) p.otherUncertain.add(t);
      else p.specificVars.add(assigned[1]);
      continue;
    }
    if (/\$[({]shell[ \t]/.test(prereqText)) shells.push(prereqText);
    if (targets.some((t) => t.includes('%'))) {
      p.patternRules = true;
      rule = { targets: [], prereqs: [], line: lineNo, recipe: [], doubleColon, conditional: cond > 0, recipeConditional: false };
      continue;
    }
    // Static pattern rule `objs: %.o: %.c`: its targets are not followed.
    if (prereqText.includes(':')) {
      rule = { targets: [], prereqs: [], line: lineNo, recipe: [], doubleColon, conditional: cond > 0, recipeConditional: false };
      for (const t of targets) {
        p.targetVars.add(t);
        p.otherUncertain.add(t);
      }
      continue;
    }
    const prereqs = prereqText.replace('|', ' ').trim().split(/\s+/).filter(Boolean);
    if (targets.includes('.PHONY')) {
      for (const t of prereqs) if (!t.includes('$')) p.phony.add(t);
      continue;
    }
    if (targets.includes('.DEFAULT')) p.hasDefault = true;
    if (targets.some((t) => t === '.ONESHELL' || t === '.POSIX' || t === '.SECONDEXPANSION' || t === '.EXPORT_ALL_VARIABLES')) return null;
    rule = { targets, prereqs, line: lineNo, recipe: [], doubleColon, conditional: cond > 0, recipeConditional: false };
    if (inline !== null && inline.trim() !== '') rule.recipe.push({ text: inline, line: lineNo, conditional: cond > 0 });
    p.rules.push(rule);
    if (p.defaultGoal === null && cond === 0) {
      const first = targets.find((t) => !t.startsWith('.') || t.includes('/'));
      if (first) {
        p.defaultGoal = first;
        p.defaultGoalLine = lineNo;
      }
    } else if (p.defaultGoal === null) return null;
  }
  // (makeRecordRecorded resolves them once make's environment and arguments are known.)
  if (!record && !resolveVariables(p, p.vars, false, new Map())) return null;
  // Text make evaluates whatever the target: a `$(shell …)` there must not write sources.
  if (!record && shells.some((s) => SOURCE_WRITER.test(s))) return null;
  return p;
}

/**
 * makeRecipeRecorded: the files an `include` line names (static names, read relative to where
 * make runs) hold only variable assignments (`NAME=value`, `export NAME=value`, comments), whose
 * values name nothing make would run (no `$`); each name is given to `assign`. False otherwise, or
 * when a file is not there to read (its text in the builder is then not known).
 */
function includesAssignments(names: string, read: (name: string) => string | null, assign: (name: string, exported: boolean) => void): boolean {
  const files = names.trim().split(/\s+/).filter(Boolean);
  if (files.length === 0 || files.some((f) => f.includes('$') || /[*?[]/.test(f))) return false;
  for (const file of files) {
    const text = read(file);
    if (text === null) return false;
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
      if (raw.startsWith('\t') || raw.endsWith('\\')) return false;
      const line = stripComment(raw).trim();
      if (line === '') continue;
      const a = ASSIGN.exec(line);
      if (!a || a[4].includes('$') || /^(override|private)/.test(a[1] ?? '') || a[2].startsWith('.') || /^(SHELL|MAKE[A-Z]*|MFLAGS|VPATH|GPATH|SUFFIXES)$/.test(a[2])) return false;
      assign(a[2], /export/.test(a[1] ?? ''));
    }
  }
  return true;
}

/**
 * Prerequisites and rule targets that variables name, expanded with `vars`: a prerequisite when
 * known, else its rule cannot be followed; a target, when known, a rule whose recipe is not
 * followed (its targets were not known when it was read), when not, a pattern of the targets it
 * may name (unknownTargets). `record` (makeRecipeRecorded): a plain rule whose targets are known,
 * from variables first assigned above it (make expands a rule's targets when it reads the line)
 * or given on make's command line (`overrides`), with values that name no other, is a rule as
 * any other. False when an expansion is not certain (makeRecipe's null).
 */
function resolveVariables(p: Parsed, vars: Map<string, string>, record: boolean, overrides: ReadonlyMap<string, string>): boolean {
  const scope: ExpandScope = { parsed: p, vars, target: '', record };
  for (const r of p.rules) {
    if (!r.prereqs.some((x) => x.includes('$'))) continue;
    const e = expand(r.prereqs.join(' '), scope, 0);
    if (e === null) return false;
    r.prereqs = e.split(/\s+/).filter(Boolean);
    if (!r.prereqs.some((x) => x.includes(PLACEHOLDER))) continue;
    // Recorded: a prerequisite a variable names that is not known (`$(PWD)/**/*.go`, the
    // environment's) is left out, as a file a pattern rule could make: what it runs is not
    // recorded, and the rule's own recipe still runs after it (deepfence/SecretScanner 3a9b485
    // Makefile:16, `SecretScanner: vendor $(PWD)/**/*.go …`, whose `vendor` runs `go mod tidy`).
    if (record) r.prereqs = r.prereqs.filter((x) => !x.includes(PLACEHOLDER));
    else r.conditional = true;
  }
  for (const v of p.variableTargets) {
    const e = expand(v.text, scope, 0);
    if (e === null) return false;
    const names = e.split(/\s+/).filter(Boolean);
    if (record && v.rule && !v.conditional && names.length > 0 && !e.includes(PLACEHOLDER) && knownAbove(v.text, v.rule.line, p, vars, overrides)) {
      const prereqs = v.rule.prereqs.some((x) => x.includes('$')) ? expand(v.rule.prereqs.join(' '), scope, 0) : v.rule.prereqs.join(' ');
      if (prereqs === null) return false;
      const rule: Rule = { ...v.rule, targets: names, prereqs: prereqs.split(/\s+/).filter(Boolean), conditional: prereqs.includes(PLACEHOLDER) };
      p.rules.push(rule);
      continue;
    }
    for (const t of names) {
      if (!t.includes(PLACEHOLDER) && !v.conditional) {
        // Known now: a rule of its own (its recipe not followed: its targets were not known
        // when it was read), so a goal it names is uncertain.
        p.targetVars.add(t);
        p.otherUncertain.add(t);
        continue;
      }
      // A program's path (`PROTOC := $(shell which protoc)` then `$(PROTOC):`, ossf/scorecard
      // 40c1e35 Makefile:57-58): `which` prints an absolute path, or nothing, so the rule names no
      // goal without a slash at its start (recorded only: the plain reader gives up on such a
      // `$(shell …)` anyway).
      if (record && t === PLACEHOLDER && whichPath(v.text, p, vars)) {
        p.unknownTargets.push(/^\//);
        continue;
      }
      // An unknown part stands for any text without blanks (a value with blanks, naming
      // several targets, is not followed).
      const re = t.split(PLACEHOLDER).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\S*');
      p.unknownTargets.push(new RegExp(`^${re}$`));
    }
  }
  return true;
}

/** `$(NAME)` of a variable the Makefile assigns once, unconditionally, `$(shell which <program>)`. */
function whichPath(text: string, p: Parsed, vars: Map<string, string>): boolean {
  const m = /^\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]$/.exec(text.trim());
  return m !== null && !p.defaultVars.has(m[1]) && !p.dynamicVars.has(m[1]) && /^\$\(shell\s+which\s+[\w.+-]+\s*\)$/.test((vars.get(m[1]) ?? '').trim());
}

/** Every reference of `text` is a plain variable assigned above `line` (or on the command line), whose value names no other. */
function knownAbove(text: string, line: number, p: Parsed, vars: Map<string, string>, overrides: ReadonlyMap<string, string>): boolean {
  const refs = text.match(/\$[({][^)}]*[)}]|\$./g) ?? [];
  return refs.every((ref) => {
    const name = ref.slice(2, -1);
    if (!NAME.test(name) || !ref.startsWith('$(') && !ref.startsWith('${')) return false;
    const value = vars.get(name);
    if (value === undefined || value.includes('$')) return false;
    return overrides.has(name) || (p.definedAt.get(name) ?? Infinity) < line;
  });
}

/** A `#` comment (not escaped, not inside a reference). */
function stripComment(line: string): string {
  let level = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '{') level++;
    else if (c === ')' || c === '}') level--;
    else if (c === '#' && level <= 0) return line.slice(0, i);
  }
  return line;
}

/** The offset of a rule line's colon (outside references, not `:=`); -1 when the line is no rule. */
function ruleColon(line: string): number {
  let level = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '(' || c === '{') level++;
    else if (c === ')' || c === '}') level--;
    else if (c === ':' && level === 0) return line[i + 1] === '=' ? -1 : i;
    else if (c === '=' && level === 0) return -1;
  }
  return -1;
}
