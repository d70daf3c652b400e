/**
 * What the GD1xx "go build" rules share: the environment a go command sees (prefix, export,
 * then ENV/ARG as ./facts.ts dockerEnv reads them), GOFLAGS, `-ldflags` read the way cmd/go
 * reads it (shell quoting first, then `pattern=` and Go's quoted.Split). The edits of flag values
 * are in ../edits/goFlags.ts.
 */
import * as path from 'node:path';
import { argDeclarations, baseStageCandidates, copiedPrograms, dockerEnv, envBefore, globalArgEmpty, pathEnv, goCommands, goFlag, goPackages, isRootUser, rootImage, stageChain, stageDescendants, stageGoCommands, stageImage, stageRef, stagesReadBy, startedProgram, startInstructions, throughWrappers, workdirBefore, type GoCommand } from './facts';
import { unquoteAll } from './copySources';

// Where the rules have long imported it from; it lives with the other stage facts.
export { stageRef };
import { registerInstructionFactSlot, registerModelFactSlot, registerStageFactSlot, type DockerfileModel, type Instruction, type Stage } from './model';
import { properties } from './parse';
import { contextBinds, mounts, type Mount } from './mounts';
import { defaultGoBuildCacheFolder, normalizeRepository } from '../images/table';
import { installsPackage, shellLevelCommands } from './packages';
import { outlineScript, type ScriptOutline, type ShellAssignment, type ShellWord } from './shell';
import { expandVariables, loneVariable, referencedNames } from './variables';
import { indirectGoSteps } from './indirectGo';

// ---------------------------------------------------------------------------------------------
// Environment

/** `undefined`: not set; `null`: set, but the value is unknown (a build arg, `$(...)`). */
export type EnvValue = string | null | undefined;

/** A variable as a go command sees it: its prefix assignment, an earlier assignment/export in the script, else ENV/ARG. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function envValue(model: DockerfileModel, stage: Stage, g: GoCommand, name: string): EnvValue {
  // Rules ask for the same variables of the same commands (CGO_ENABLED, GOFLAGS): once each.
  const byCommand = ((stage as EnvValueSlot)[ENV_VALUES] ??= new Map());
  let values = byCommand.get(g);
  if (!values) byCommand.set(g, (values = new Map()));
  if (values.has(name)) return values.get(name);
  const value = computeEnvValue(model, stage, g, name);
  values.set(name, value);
  return value;
}

/** envValue's answers, kept on the stage (a new object per parsed model, as for dockerEnv). */
const ENV_VALUES = Symbol('envValues');
registerStageFactSlot(ENV_VALUES);
interface EnvValueSlot {
  [ENV_VALUES]?: Map<GoCommand, Map<string, EnvValue>>;
}

function computeEnvValue(model: DockerfileModel, stage: Stage, g: GoCommand, name: string): EnvValue {
  const docker = dockerEnv(model, stage, g.instr);
  const prefixes = g.cmd.env;
  for (let k = prefixes.length - 1; k >= 0; k--) if (prefixes[k].name === name) return resolveRaw(prefixes[k].value, docker);
  let best: { start: number; value: string } | undefined;
  const script = g.instr.script;
  // `NAME=...` words: the name is an identifier, so a word starts with `NAME=` exactly when its
  // text before the first `=` is that name. (Made when a script has an export: most have none.)
  let assigns: string | null | undefined;
  for (const c of script?.parsed.commands ?? []) {
    if (c.start >= g.cmd.start) continue;
    if (c.argv[0]?.value !== 'export' && c.argv[0]?.value !== 'declare') continue;
    if (assigns === undefined) assigns = IDENTIFIER.test(name) ? `${name}=` : null;
    for (let k = 1; k < c.argv.length; k++) {
      const w = c.argv[k];
      if (assigns && w.value.startsWith(assigns) && (!best || w.start > best.start)) best = { start: w.start, value: w.value.slice(assigns.length) };
    }
    // `export GOFLAGS=...` parses as a declaration command whose assignment is an env entry.
    for (const a of c.env) if (a.name === name && (!best || a.start > best.start)) best = { start: a.start, value: a.value };
  }
  for (const a of script?.parsed.assignments ?? []) {
    if (a.name === name && a.start < g.cmd.start && (!best || a.start > best.start)) best = { start: a.start, value: a.value };
  }
  if (best) return resolveRaw(best.value, docker);
  if (docker.has(name)) return docker.get(name);
  return goEnvWritten(model, stage, g, name, docker);
}

/** A value as written in the script, with the Dockerfile's variables expanded; null when a command substitution decides it. */
function resolveRaw(raw: string, docker: Map<string, string | null>): string | null {
  if (!/[$`]/.test(raw)) return raw;
  if (/\$\(|`/.test(raw)) return null;
  return expandVariables(unquoteAll(raw), docker);
}

/**
 * A Go setting written with `go env -w NAME=VALUE` before the command, in this RUN or an earlier
 * one of the stage's chain (it lands in the go env file and lasts across RUNs; the environment
 * overrides it, so callers ask only when no ENV/prefix sets the name).
 */
function goEnvWritten(model: DockerfileModel, stage: Stage, g: GoCommand, name: string, docker: Map<string, string | null>): EnvValue {
  if (!/^(GO|CGO_)/.test(name) || !writesGoEnv(model)) return undefined;
  let found: EnvValue;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      for (const c of goCommands(i)) {
        if (i === g.instr && c.cmd.start >= g.cmd.start) break;
        if (!isGoEnvWrite(c)) continue;
        for (const w of c.args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
          if (m && m[1] === name) found = resolveRaw(m[2], docker);
        }
      }
      if (i === g.instr) return found;
    }
  }
  return found;
}

/** Whether any RUN of the file has `go env -w` (most have none: then no chain needs a walk). */
function writesGoEnv(model: DockerfileModel): boolean {
  return ((model as ModelSlot)[WRITES_GO_ENV] ??= model.instructions.some((i) => goCommands(i).some(isGoEnvWrite)));
}

function isGoEnvWrite(c: GoCommand): boolean {
  return c.sub === 'env' && c.args.some((w) => w.value === '-w');
}

/**
 * A variable the go command gets from an ARG that is empty in a plain `docker build` (no
 * `--build-arg`): the ARG of the stage's chain that declares it last has no default (nor a global
 * default) or an empty one, or an ENV sets it to the empty string. The declaration, or null when
 * the variable may have a value: a prefix, an assignment or `export` in the script before the
 * command, an ENV with a value, an ARG with a default, or no declaration at all (the base image's
 * environment, unknown here). lindb/lindb's `ARG LD_FLAGS` + `go build "${LD_FLAGS}" -o lind`.
 */
export function emptyInPlainBuild(model: DockerfileModel, stage: Stage, g: GoCommand, name: string): { instr: Instruction; keyword: 'ARG' | 'ENV' } | null {
  if (g.cmd.env.some((a) => a.name === name)) return null;
  const script = g.instr.script;
  if (script?.parsed.assignments.some((a) => a.name === name && a.start < g.cmd.start)) return null;
  for (const c of script?.parsed.commands ?? []) {
    if (c.start >= g.cmd.start) continue;
    if (c.env.some((a) => a.name === name)) return null;
    // `export NAME=…`, `read NAME`, `. ./env.sh` may set it: not judged.
    if (/^(export|declare|typeset|readonly|local|read|source|\.|eval|set)$/.test(c.argv[0]?.value ?? '')) return null;
  }
  let found: { instr: Instruction; keyword: 'ARG' | 'ENV'; empty: boolean } | null = null;
  outer: for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) break outer;
      if (i.keyword === 'ENV') {
        for (const p of properties(i)) if (p.name === name) found = { instr: i, keyword: 'ENV', empty: p.value === '' };
      } else if (i.keyword === 'ARG') {
        for (const a of argDeclarations(model, i)) {
          if (a.name !== name) continue;
          const value = a.value ?? model.globalArgs.get(name) ?? null;
          found = { instr: i, keyword: 'ARG', empty: value === null || value === '' };
        }
      }
    }
  }
  return found?.empty ? { instr: found.instr, keyword: found.keyword } : null;
}

/** A variable as written where the go command gets it: its prefix assignment, else the ENV text (unexpanded). */
export function rawEnvValue(model: DockerfileModel, stage: Stage, g: GoCommand, name: string): string | undefined {
  return rawEnvSource(model, stage, g, name)?.value;
}

/** rawEnvValue, with where the value is written: the command's prefix, an `export` before it, or an ENV of the stage chain. */
function rawEnvSource(model: DockerfileModel, stage: Stage, g: GoCommand, name: string): { value: string; from: 'prefix' | 'export' | 'env' } | undefined {
  const prefix = [...g.cmd.env].reverse().find((a) => a.name === name);
  if (prefix) return { value: prefix.value, from: 'prefix' };
  for (const c of g.instr.script?.parsed.commands ?? []) {
    if (c.start >= g.cmd.start || c.argv[0]?.value !== 'export') continue;
    for (const a of c.env) if (a.name === name) return { value: a.value, from: 'export' };
  }
  const env = envBefore(model, stage, g.instr).get(name);
  return env === undefined || env === null ? undefined : { value: env, from: 'env' };
}

/** A Go release as GOTOOLCHAIN names it: `go1.26.7`, `go1.27rc1` (not `local`, `auto`, `go1.26.7+auto`, `+path`). */
const GO_RELEASE = /^go1\.\d+(\.\d+)?((rc|beta)\d+)?$/;

/**
 * The go command `g` runs one fixed Go release, whatever Go the image has: GOTOOLCHAIN names a
 * release where it runs (prefix, export, ENV or ARG: `go1.26.7`, or `go${GO_VERSION}` from a
 * build arg without a default), or, earlier in its RUN, `eval "$(gimme <version>)"` puts that
 * release first on PATH (a version from a build arg counts; `stable`, `tip`, `1.x` move).
 * kubernetes-sigs/kind's kindnetd builder runs every go command after
 * `eval "$(gimme "${GO_VERSION}")" && export GOTOOLCHAIN="go${GO_VERSION}"`.
 */
export function fixedGoToolchain(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const v = envValue(model, stage, g, 'GOTOOLCHAIN');
  if (typeof v === 'string') {
    if (GO_RELEASE.test(v)) return true;
    if (v !== 'local') return false;
  } else if (v === null) {
    const raw = rawEnvValue(model, stage, g, 'GOTOOLCHAIN');
    const word = raw === undefined ? '' : unquoteAll(raw);
    if (word.startsWith('go') && loneVariable(word.slice(2)) !== null) return true;
  }
  return gimmeBefore(model, stage, g);
}

/** `eval "$(gimme <version>)"` before `g` in its RUN, with a version that names one release (or comes from a build arg). */
function gimmeBefore(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const text = g.instr.script?.text.slice(0, g.cmd.start) ?? '';
  if (!text.includes('gimme')) return false;
  let version: string | undefined;
  for (const m of text.matchAll(/\beval\s+["']?\$\(\s*gimme\s+["']?([^\s"')]+)/g)) version = m[1];
  if (version === undefined) return false;
  const v = version.includes('$') ? expandVariables(version, dockerEnv(model, stage, g.instr)) : version;
  return v === null || /^(go)?1\.\d+(\.\d+)?((rc|beta)\d+)?$/.test(v);
}

/**
 * Every go the stage and the stages built FROM it run is a fixed release (fixedGoToolchain): each
 * go command, and each build tool or script a RUN runs (the go it starts gets that command's
 * environment); and there is at least one go command. The image's own Go then only bootstraps:
 * a moving golang tag does not move the compiler.
 */
export function stageGoToolchainFixed(model: DockerfileModel, stage: Stage): boolean {
  let any = false;
  for (const s of stageDescendants(model, stage)) {
    for (const g of stageGoCommands(s)) {
      any = true;
      if (!fixedGoToolchain(model, s, g)) return false;
    }
    for (const step of indirectGoSteps(s, undefined, true)) {
      if (!fixedGoToolchain(model, s, { instr: step.instr, cmd: step.cmd, sub: '', args: [] })) return false;
    }
  }
  return any;
}

/** GOFLAGS split into flags (`undefined` when unset, null when unknown). */
export function goflags(model: DockerfileModel, stage: Stage, g: GoCommand): string[] | null | undefined {
  const v = envValue(model, stage, g, 'GOFLAGS');
  if (v === undefined || v === null) return v;
  return goSplit(charsOf(v)).map((t) => t.value);
}

/** The value of `-name=value` (or true for `-name`) in a GOFLAGS list; the last one counts. */
export function goflagsValue(flags: string[], name: string): string | true | undefined {
  let found: string | true | undefined;
  for (const f of flags) {
    const m = /^--?([A-Za-z0-9_.-]+)(?:=(.*))?$/s.exec(f);
    if (m && m[1] === name) found = m[2] ?? true;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Shell words, character by character

export interface ShellChar {
  /** The character as the program receives it; '\0' stands for an expansion. */
  ch: string;
  /** Script offsets of the source text that produced it (`\"` is two characters). */
  start: number;
  end: number;
  /** Quoting segment: characters with the same id sit inside the same quotes (or the same unquoted run). */
  seg: number;
  quote: '' | '"' | "'";
  dynamic: boolean;
}

/** Lexes the raw text of one shell word (starting at script offset `base`) into the characters the program gets. */
export function lexShellWord(raw: string, base: number): ShellChar[] {
  const out: ShellChar[] = [];
  let seg = 0;
  let i = 0;
  const n = raw.length;
  const push = (ch: string, s: number, e: number, quote: ShellChar['quote'], dynamic = false) =>
    out.push({ ch, start: base + s, end: base + e, seg, quote, dynamic });
  while (i < n) {
    const c = raw[i];
    if (c === "'") {
      seg++;
      let j = i + 1;
      for (; j < n && raw[j] !== "'"; j++) push(raw[j], j, j + 1, "'");
      i = j + 1;
      seg++;
    } else if (c === '"') {
      seg++;
      let j = i + 1;
      while (j < n && raw[j] !== '"') {
        if (raw[j] === '\\' && j + 1 < n && '$`"\\\n'.includes(raw[j + 1])) {
          push(raw[j + 1], j, j + 2, '"');
          j += 2;
          continue;
        }
        const e = raw[j] === '$' || raw[j] === '`' ? expansionEnd(raw, j) : -1;
        if (e > j) {
          push('\0', j, e, '"', true);
          j = e;
          continue;
        }
        push(raw[j], j, j + 1, '"');
        j++;
      }
      i = j + 1;
      seg++;
    } else if (c === '\\' && i + 1 < n) {
      push(raw[i + 1], i, i + 2, '');
      i += 2;
    } else {
      const e = c === '$' || c === '`' ? expansionEnd(raw, i) : -1;
      if (e > i) {
        push('\0', i, e, '', true);
        i = e;
      } else {
        push(c, i, i + 1, '');
        i++;
      }
    }
  }
  return out;
}

/** End of the expansion starting at raw[i] (`$X`, `${...}`, `$(...)`, `` `...` ``, `$'...'`), or -1 for a literal `$`. */
function expansionEnd(raw: string, i: number): number {
  const n = raw.length;
  if (raw[i] === '`') {
    let j = i + 1;
    while (j < n && raw[j] !== '`') j += raw[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, n);
  }
  const c = raw[i + 1];
  if (c === undefined) return -1;
  if (c === '{' || c === '(') {
    const close = c === '{' ? '}' : ')';
    let depth = 0;
    let j = i + 1;
    let quote = '';
    for (; j < n; j++) {
      const d = raw[j];
      if (quote) {
        if (d === quote) quote = '';
        else if (d === '\\' && quote === '"') j++;
        continue;
      }
      if (d === "'" || d === '"') quote = d;
      else if (d === '\\') j++;
      else if (d === c) depth++;
      else if (d === close && --depth === 0) return j + 1;
    }
    return n;
  }
  if (c === "'") {
    const j = raw.indexOf("'", i + 2);
    return j < 0 ? n : j + 1;
  }
  if (/[A-Za-z_]/.test(c)) {
    let j = i + 2;
    while (j < n && /[A-Za-z0-9_]/.test(raw[j])) j++;
    return j;
  }
  if (/[0-9@*#?$!-]/.test(c)) return i + 2;
  return -1;
}

/** Characters of a plain string (offsets are indexes into it). */
export function charsOf(s: string): ShellChar[] {
  return [...s].map((ch, i) => ({ ch, start: i, end: i + 1, seg: 0, quote: '' as const, dynamic: false }));
}

export const textOf = (chars: readonly ShellChar[]): string => chars.map((c) => c.ch).join('');

export const isSpace = (c: ShellChar) => !c.dynamic && (c.ch === ' ' || c.ch === '\t' || c.ch === '\n' || c.ch === '\r');

export interface GoToken {
  /** The field with Go's quotes removed; '\0' marks an expansion. */
  value: string;
  /** Script offsets of the field's source (its quotes included). */
  start: number;
  end: number;
  /** Index range in the characters it was split from: [first, last]. */
  first: number;
  last: number;
  /** The field starts with an expansion: it may be any number of flags. */
  opaque: boolean;
}

/** cmd/internal/quoted.Split: fields separated by spaces, a field may be wrapped in '...' or "...". */
export function goSplit(chars: readonly ShellChar[], from = 0): GoToken[] {
  const tokens: GoToken[] = [];
  let i = from;
  while (i < chars.length) {
    const c = chars[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    let j: number;
    let value: string;
    if (!c.dynamic && (c.ch === '"' || c.ch === "'")) {
      j = i + 1;
      while (j < chars.length && !(chars[j].ch === c.ch && !chars[j].dynamic)) j++;
      value = textOf(chars.slice(i + 1, j));
      j = Math.min(j + 1, chars.length);
    } else {
      j = i;
      while (j < chars.length && !isSpace(chars[j])) j++;
      value = textOf(chars.slice(i, j));
    }
    tokens.push({ value, start: c.start, end: chars[j - 1].end, first: i, last: j - 1, opaque: c.dynamic });
    i = j;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// -ldflags

export interface LdflagsArg {
  /** `-ldflags=...`, or `-ldflags` followed by `valueWord`. */
  flagWord: ShellWord;
  valueWord?: ShellWord;
  /** The value as cmd/go receives it. */
  chars: ShellChar[];
  /** Script offsets of the value's source text (inside flagWord after `=`, or valueWord). */
  valueStart: number;
  valueEnd: number;
  /** The characters of the linker arguments start at this index (after `pattern=`). */
  argsIndex: number;
  /** `all` in `-ldflags=all=-s -w`; null when there is none. */
  pattern: string | null;
  tokens: GoToken[];
}

/**
 * The outline of a RUN's script when it has an `if` or a `case` (null otherwise, or when it does
 * not parse): once per instruction. alternativeGoCommands and inOtherBranches ask it for every go
 * command and every `cd` before one, and each outline is a parse by the shell grammar.
 */
function branchOutline(instr: Instruction): ScriptOutline | null {
  const slot = instr as OutlineSlot;
  if (slot[BRANCH_OUTLINE] !== undefined) return slot[BRANCH_OUTLINE];
  const script = instr.script;
  let outline: ScriptOutline | null = null;
  if (script && /\b(if|case)\b/.test(script.text)) {
    outline = outlineScript(script.text);
    if (outline.hasErrors) outline = null;
  }
  return (slot[BRANCH_OUTLINE] = outline);
}
const BRANCH_OUTLINE = Symbol('branchOutline');
registerInstructionFactSlot(BRANCH_OUTLINE);
interface OutlineSlot {
  [BRANCH_OUTLINE]?: ScriptOutline | null;
}

/**
 * The go commands of the same RUN in the other branches of the innermost `if`/`case` that holds
 * this one (one of which runs instead): open-im-server's `if [ "$RELEASE" = "true" ]; then go
 * build -trimpath -ldflags "-s -w" …; else go build …; fi`. Empty when the command is in no
 * branch, or the script cannot be read.
 */
export function alternativeGoCommands(g: GoCommand): GoCommand[] {
  const outline = branchOutline(g.instr);
  if (!outline) return [];
  const at = (start: number, end: number) => outline.top.find((o) => o.cmd.start <= start && end <= o.cmd.end);
  const own = at(g.cmd.start, g.cmd.end);
  const inner = own?.branches.at(-1);
  if (!own || !inner) return [];
  const depth = own.branches.length - 1;
  return goCommands(g.instr).filter((o) => {
    if (o === g) return false;
    const b = at(o.cmd.start, o.cmd.end)?.branches[depth];
    return b !== undefined && b.of === inner.of && b.branch !== inner.branch;
  });
}

/**
 * Two commands of a script lie in different branches of the same `if`/`case` (only one of them
 * runs): shellhub-io/shellhub 6f3a47e server/Dockerfile:60,:68, `if [ "$EDITION" = "enterprise" ];
 * then cd /go/src && … go build …; else go build -o /server .; fi`, where the `cd` does not move
 * the `else` build. False when the script cannot be read.
 */
export function inOtherBranches(instr: Instruction, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const outline = branchOutline(instr);
  if (!outline) return false;
  const at = (x: { start: number; end: number }) => outline.top.find((o) => o.cmd.start <= x.start && x.end <= o.cmd.end);
  const oa = at(a);
  const ob = at(b);
  if (!oa || !ob) return false;
  return oa.branches.some((x) => ob.branches.some((y) => y.of === x.of && y.branch !== x.branch));
}

/**
 * Another branch of the same `if`/`case` builds the same packages (`go build`/`go install`, the
 * same package words) and `has` holds for it: the build in this branch is the deliberate
 * other mode (open-im-server's RELEASE=false build keeps what the release branch drops).
 */
export function alternativeBuildHas(g: GoCommand, has: (other: GoCommand) => boolean): boolean {
  const pkgs = (c: GoCommand) => goPackages(c.args).map((p) => p.raw).join(' ');
  return alternativeGoCommands(g).some((o) => o.sub === g.sub && pkgs(o) === pkgs(g) && has(o));
}

/**
 * Every `-ldflags` of a go command (the last one is the one that applies). Several rules ask for
 * the same go command's: read once per argument list, shared (not to be modified).
 */
export function ldflagsArgs(args: readonly ShellWord[]): readonly LdflagsArg[] {
  // On the argument list itself (a go command's own array): see ModelSlot for why not a WeakMap.
  return ((args as LdflagsSlot)[LDFLAGS] ??= readLdflagsArgs(args));
}
const LDFLAGS = Symbol('ldflags');
interface LdflagsSlot {
  [LDFLAGS]?: LdflagsArg[];
}

function readLdflagsArgs(args: readonly ShellWord[]): LdflagsArg[] {
  const out: LdflagsArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    // A word without quotes, escapes or expansions reads as it is written: no need to lex it
    // character by character to see that it is not -ldflags.
    if (!/["'\\$`]/.test(w.raw) && !/^--?ldflags(=|$)/.test(w.raw)) continue;
    const chars = lexShellWord(w.raw, w.start);
    const text = textOf(chars);
    const m = /^--?ldflags(=|$)/.exec(text);
    if (!m) continue;
    let value: ShellChar[];
    let valueStart: number;
    let valueEnd: number;
    let valueWord: ShellWord | undefined;
    if (m[1] === '=') {
      const k = m[0].length;
      value = chars.slice(k);
      valueStart = chars[k - 1].end;
      valueEnd = w.end;
    } else {
      valueWord = args[i + 1];
      if (!valueWord) continue;
      value = lexShellWord(valueWord.raw, valueWord.start);
      valueStart = valueWord.start;
      valueEnd = valueWord.end;
      i++;
    }
    let argsIndex = 0;
    let pattern: string | null = null;
    let k = 0;
    while (k < value.length && isSpace(value[k])) k++;
    if (k < value.length && !value[k].dynamic && value[k].ch !== '-') {
      const eq = value.findIndex((c, idx) => idx >= k && !c.dynamic && c.ch === '=');
      if (eq >= 0) {
        pattern = textOf(value.slice(k, eq)).trim();
        argsIndex = eq + 1;
      }
    }
    out.push({ flagWord: w, valueWord, chars: value, valueStart, valueEnd, argsIndex, pattern, tokens: goSplit(value, argsIndex) });
  }
  return out;
}

/** Linker flags that take a value as the next argument (cmd/link). */
const LINK_VALUE_FLAGS = new Set([
  'X', 'extldflags', 'extld', 'extar', 'linkmode', 'buildmode', 'buildid', 'B', 'E', 'H', 'I', 'L', 'R', 'T', 'o', 'r', 'k',
  'tmpdir', 'installsuffix', 'libgcc', 'importcfg', 'cpuprofile', 'memprofile', 'memprofilerate', 'pluginpath',
  'benchmark', 'benchmarkprofile', 'capturehostobjs', 'fipso', 'randlayout', 'strictdups', 'checklinkname', 'bindnow',
]);

/** Which of `-s`/`-w` the linker arguments contain; `unknown` when an expansion may add flags. */
export function stripFlags(tokens: readonly GoToken[]): { s: boolean; w: boolean; unknown: boolean } {
  let s = false;
  let w = false;
  let unknown = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.opaque) {
      unknown = true;
      continue;
    }
    const m = /^--?([A-Za-z]+)(?:=(.*))?$/s.exec(t.value);
    if (!m) continue;
    const on = m[2] === undefined || m[2] === 'true' || m[2] === '1';
    if (m[1] === 's') s = on;
    else if (m[1] === 'w') w = on;
    else if (m[2] === undefined && LINK_VALUE_FLAGS.has(m[1])) i++;
  }
  return { s, w, unknown };
}


// ---------------------------------------------------------------------------------------------
// Stages, packages

// Facts of one parsed model, kept on the model itself rather than in WeakMaps keyed by it: V8's
// young-generation GC keeps every WeakMap value alive whatever its key (only a full GC drops
// them), so such caches kept every analysed model's facts alive through the scavenges.
const WRITES_GO_ENV = Symbol('writesGoEnv');
const STAGES_FEEDING = Symbol('stagesFeeding');
const STAGES_LANDING = Symbol('stagesLanding');
const DELVE_IMAGE = Symbol('delveImage');
registerModelFactSlot(DELVE_IMAGE);
const DOWNLOAD_CACHES = Symbol('downloadCaches');
const CACHE_PATHS = Symbol('goCachePaths');
const CACHE_WORKDIRS = Symbol('moduleCacheWorkdirs');
const NAMES_CACHE_VARIABLES = Symbol('namesCacheVariables');
registerModelFactSlot(CACHE_WORKDIRS);
const MENTIONS_PKG = Symbol('mentionsPkg');
registerModelFactSlot(NAMES_CACHE_VARIABLES);
registerModelFactSlot(MENTIONS_PKG);
registerModelFactSlot(WRITES_GO_ENV);
registerModelFactSlot(STAGES_FEEDING);
registerModelFactSlot(STAGES_LANDING);
registerModelFactSlot(DOWNLOAD_CACHES);
registerModelFactSlot(CACHE_PATHS);
interface ModelSlot {
  [WRITES_GO_ENV]?: boolean;
  [STAGES_FEEDING]?: Map<number, Set<number>>;
  [STAGES_LANDING]?: Map<number, Set<number>>;
  [DELVE_IMAGE]?: Map<number, boolean>;
  [DOWNLOAD_CACHES]?: Map<string, Instruction[]>;
  [CACHE_PATHS]?: Map<GoCommand | Instruction, GoCachePaths>;
  [CACHE_WORKDIRS]?: Map<GoCommand, { dir: string; rel: string } | null>;
  [NAMES_CACHE_VARIABLES]?: boolean;
  [MENTIONS_PKG]?: boolean;
}

/** The stages whose files can reach the final stage: its FROM chain, COPY --from and RUN --mount=from=, transitively. */
export function stagesFeeding(model: DockerfileModel, finalStage: number): Set<number> {
  // Asked by several rules and facts per analysis: once per model and final stage (callers only read it).
  const byFinal = ((model as ModelSlot)[STAGES_FEEDING] ??= new Map());
  let seen = byFinal.get(finalStage);
  if (!seen) byFinal.set(finalStage, (seen = computeStagesFeeding(model, finalStage)));
  return seen;
}

function computeStagesFeeding(model: DockerfileModel, finalStage: number, landing = false): Set<number> {
  const seen = new Set<number>();
  const todo = finalStage >= 0 ? [finalStage] : [];
  while (todo.length) {
    const i = todo.pop()!;
    if (seen.has(i) || !model.stages[i]) continue;
    seen.add(i);
    const stage = model.stages[i];
    // (`FROM bin-${TARGETOS}`: every stage it may name.)
    for (const b of baseStageCandidates(model, stage)) todo.push(b);
    for (const instr of stage.instructions) {
      if (landing && instr.keyword === 'RUN') {
        for (const m of mounts(instr)) {
          const idx = m.from ? stageRef(model, m.from) : null;
          if (idx !== null && mountMayLand(instr, m)) todo.push(idx);
        }
      } else for (const idx of stagesReadBy(model, instr)) todo.push(idx);
    }
  }
  return seen;
}

/**
 * The stages whose files can land in the final image's layers: stagesFeeding, less the stages
 * that a RUN only mounts (`--mount=from=`) to run what they hold. A mount is gone when its RUN
 * ends, so what it holds reaches the layer only when the RUN copies it out (mountMayLand). diun's
 * hack/lint.Dockerfile builds golangci-lint in a stage that its `lint` stage mounts at
 * /usr/bin/golangci-lint to run it: that binary ships in no image. For the rules about what a
 * shipped binary holds (GD108, GD110); what must build (GD114, GD119, the context inputs) reads
 * stagesFeeding.
 */
export function stagesLanding(model: DockerfileModel, finalStage: number): Set<number> {
  // Asked by several rules per analysis: once per model and final stage (callers only read it).
  const byFinal = ((model as ModelSlot)[STAGES_LANDING] ??= new Map());
  let seen = byFinal.get(finalStage);
  if (!seen) byFinal.set(finalStage, (seen = computeStagesFeeding(model, finalStage, true)));
  return seen;
}

/**
 * A go build whose binary the build runs as a tool, in a Dockerfile that makes no image to run:
 * the final image declares no ENTRYPOINT or CMD (along its FROM chain), and a RUN of a stage whose
 * files reach it (stagesLanding; in the build's own stage, a later RUN) runs the binary by the
 * name it was built as (`-o /out/docsgen`, or the package's last element for `go install`) with
 * the build context bound into it (`--mount=target=/context`, `--mount=target=.`): a docs
 * generator or a linter that works on the sources. buildx's hack/dockerfiles/docs.Dockerfile builds
 * docsgen, copies it to /usr/bin of its gen stage and runs it over the bound context (the final
 * `validate` stage checks the generated docs); its lint.Dockerfile builds golangci-lint from its
 * repository for the `lint` stage, which runs it over the bound sources. What such a Dockerfile
 * gives is the tool's output (generated files, a check), not an image that runs the tool: the
 * binary's paths and symbols ship nowhere (GD108, GD110). Unknown names (an expansion, `-o` a
 * folder, a build without `-o`) are not matched.
 */
export function buildToolOnly(model: DockerfileModel, finalStage: number, g: GoCommand): boolean {
  const final = model.stages[finalStage];
  if (!final) return false;
  const start = startInstructions(model, final);
  if (start.entrypoint || start.cmd) return false;
  const name = builtBinaryName(g);
  if (name === null) return false;
  for (const idx of stagesLanding(model, finalStage)) {
    const s = model.stages[idx];
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || !i.script || (i.stage === g.instr.stage && i.line <= g.instr.line) || contextBinds(i).length === 0) continue;
      for (const c of i.script.parsed.commands) {
        const w = throughWrappers(c).argv[0];
        if (w && !w.dynamic && w.value.slice(w.value.lastIndexOf('/') + 1) === name) return true;
      }
    }
  }
  return false;
}

/** The file name a go build writes (its `-o` file) or a `go install` of one package installs; null when unknown. */
function builtBinaryName(g: GoCommand): string | null {
  const out = goFlag(g.args, 'o');
  if (g.sub === 'build') {
    if (!out || typeof out.value !== 'string' || out.value.includes('$') || out.valueWord?.dynamic || out.value.endsWith('/')) return null;
    const base = out.value.slice(out.value.lastIndexOf('/') + 1);
    return base === '' || base === '.' || base === '..' ? null : base;
  }
  if (g.sub !== 'install' || out) return null;
  const pkgs = goPackages(g.args);
  if (pkgs.length !== 1 || pkgs[0].dynamic || pkgs[0].value.includes('...')) return null;
  const name = goBinaryName(pkgs[0].value.split('@')[0]);
  return name === null || name === '.' ? null : name;
}

/**
 * Commands that may put a mounted file into the layer: those that copy, link, archive or
 * compress files, and those that run what we do not read (shells, interpreters, make, command
 * wrappers, container tools).
 */
const MAY_COPY_OUT = new Set([
  'cp', 'mv', 'install', 'rsync', 'tar', 'bsdtar', 'cpio', 'ln', 'link', 'dd', 'cat', 'tee', 'zip', '7z', 'gzip', 'pigz', 'bzip2', 'xz', 'zstd', 'lz4',
  'sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'source', '.', 'eval', 'exec', 'env', 'sudo', 'su', 'xargs', 'find', 'busybox', 'nice', 'time', 'timeout',
  'python', 'python3', 'perl', 'ruby', 'node', 'make', 'cmake', 'docker', 'buildah', 'podman',
]);

/**
 * Could this RUN put what it reads through the mount `m` into its layer? Yes unless its script,
 * as read, only runs programs: no command of MAY_COPY_OUT, no script file (`./x`, `x.sh`), no
 * command name from an expansion, no go command that compiles (a build could embed the mounted
 * files), and no argument that names the mount's target (`upload /mnt/bin`, a redirection's
 * command aside). Unknown (no script, a parse error, a target from a variable): yes.
 */
function mountMayLand(instr: Instruction, m: Mount): boolean {
  const script = instr.script;
  if (!script || script.parsed.hasErrors || m.target === null || m.target.includes('$')) return true;
  const target = m.target.replace(/^\.\//, '').replace(/\/+$/, '');
  if (target === '' || target === '.' || target === '/') return true;
  if (goCommands(instr).some((g) => COMPILES.has(g.sub))) return true;
  for (const c of script.parsed.commands) {
    const name = c.argv[0];
    if (!name) continue;
    if (name.dynamic) return true;
    const base = name.value.slice(name.value.lastIndexOf('/') + 1);
    if (MAY_COPY_OUT.has(base) || base.endsWith('.sh') || name.value.startsWith('./')) return true;
    if (c.argv.slice(1).some((w) => w.value.includes(target))) return true;
  }
  return false;
}

const COMPILES: ReadonlySet<string> = new Set(['build', 'install', 'run', 'test', 'generate']);

/** The variables `go help environment` lists (and cgo's toolchain: CC, CXX, AR, FC, PKG_CONFIG, the CGO_* flags). */
export const GO_VARIABLE = /^(GO(111MODULE|ARCH|AUTH|BIN|CACHE|CACHEPROG|DEBUG|ENV|FLAGS|INSECURE|MODCACHE|NOPROXY|NOSUMDB|OS|PATH|PRIVATE|PROXY|ROOT|SUMDB|TMPDIR|TOOLCHAIN|VCS|WORK|ARM|ARM64|386|AMD64|MIPS|MIPS64|PPC64|RISCV64|WASM|EXPERIMENT|FIPS140)|CGO_[A-Z_]+|CC|CXX|AR|FC|PKG_CONFIG|GCCGO)$/;

/**
 * The go commands that download modules into the module cache and build nothing: `go mod
 * download`, and `go mod tidy` and `go mod vendor`, which fetch every module they need (`go mod
 * verify` checks only what is there; `go list -m all` fetches go.mod files, not the modules).
 * GD107 asks a module cache mount for them; GD104 counts them (with the builds, and `go get` of
 * the module's own packages, in module mode there) as filling the module cache. (`go get` is not
 * here: in GOPATH mode it fetches sources into $GOPATH/src, not the module cache.)
 */
export const MODULE_DOWNLOADS: ReadonlySet<string> = new Set(['mod download', 'mod tidy', 'mod vendor']);

/** Where a go command keeps its caches (null: unknown), and the user it runs as. */
export interface GoCachePaths {
  mod: string | null;
  build: string | null;
  nonRoot: boolean;
  user: string | null;
  /** What decides `mod`: `GOMODCACHE=…`, `GOPATH=…` (set in the Dockerfile), the golang image's GOPATH=/go, or Go's default $HOME/go. */
  modFrom: 'GOMODCACHE' | 'GOPATH' | 'golang' | 'home' | null;
  /** What decides `build`: `GOCACHE=…`, `XDG_CACHE_HOME=…`, or $HOME/.cache. */
  buildFrom: 'GOCACHE' | 'XDG_CACHE_HOME' | 'home' | null;
  /**
   * The folder below the user's cache folder that the image's go uses without GOCACHE
   * (images/table.ts defaultGoBuildCacheFolder): `go-build`, `ms-go-build` (the Microsoft build
   * of Go from 1.26 on), or null when the image's tag does not tell (then `build` is null too,
   * unless GOCACHE is set).
   */
  buildFolder: 'go-build' | 'ms-go-build' | null;
  /**
   * The stage's root image is one whose environment is known (the table's Linux images, or
   * golang with a tag we cannot resolve, `golang:${GO_VERSION}-alpine`): the paths above are then
   * what go uses, not a guess about an image that could set GOPATH/HOME/USER itself.
   */
  imageKnown: boolean;
}

/**
 * The module cache (GOMODCACHE, else $GOPATH/pkg/mod, else the image's or Go's default GOPATH)
 * and the build cache (GOCACHE, else $XDG_CACHE_HOME/go-build, else $HOME/.cache/go-build) of a
 * go command, or of a RUN whose go runs out of sight (`make`: `g` null, the Dockerfile's
 * environment only). GD104 and GD107 both ask.
 */
export function goCachePaths(model: DockerfileModel, stage: Stage, instr: Instruction, g: GoCommand | null): GoCachePaths {
  // GD104 and GD107 ask for the same commands (each of their steps), once each per model; an
  // instruction asked of another stage (a descendant's view) is worked out each time.
  if (instr.stage !== stage.index) return computeGoCachePaths(model, stage, instr, g);
  const known = ((model as ModelSlot)[CACHE_PATHS] ??= new Map());
  const key = g ?? instr;
  let paths = known.get(key);
  if (!paths) known.set(key, (paths = computeGoCachePaths(model, stage, instr, g)));
  return paths;
}

function computeGoCachePaths(model: DockerfileModel, stage: Stage, instr: Instruction, g: GoCommand | null): GoCachePaths {
  // A variable the text never names has no value (ENV, ARG, a prefix, an export and `go env -w`
  // all write its name): most Dockerfiles set none of these, and looking each up per command was
  // a tenth of GD107's time.
  const named = namesCacheVariables(model);
  const env = g || !named ? null : dockerEnv(model, stage, instr);
  const get = (name: string): EnvValue => (!named ? undefined : g ? envValue(model, stage, g, name) : env!.get(name));
  const imageUser = stageImage(model, stage)?.defaultUser;
  const user = userBefore(model, stage, instr) ?? (imageUser && !isRootUser(imageUser) ? imageUser : null);
  const nonRoot = user !== null && !isRootUser(user);
  const homeVar = get('HOME');
  const home = homeVar !== undefined ? homeVar : nonRoot ? null : '/root';

  let mod: string | null;
  let modFrom: GoCachePaths['modFrom'];
  const gomodcache = get('GOMODCACHE');
  const gopath = get('GOPATH');
  const image = stageImage(model, stage);
  const ref = rootImage(model, stage) ?? golangWithVariableVersion(model, stage) ?? '';
  if (gomodcache !== undefined) [mod, modFrom] = [gomodcache, 'GOMODCACHE'];
  else if (gopath !== undefined) [mod, modFrom] = [gopath === null ? null : `${strip(gopath.split(':')[0])}/pkg/mod`, 'GOPATH'];
  else {
    // The golang images set GOPATH=/go; elsewhere Go defaults to $HOME/go. An image we do not
    // know (a custom base, an unresolved ARG) could be either: the path stays unknown.
    if (image?.goToolchain || /(^|\/)golang([:@]|$)/.test(ref)) [mod, modFrom] = ['/go/pkg/mod', 'golang'];
    else if (image) [mod, modFrom] = [home === null ? null : `${strip(home)}/go/pkg/mod`, 'home'];
    else [mod, modFrom] = [null, null];
  }

  let build: string | null;
  let buildFrom: GoCachePaths['buildFrom'];
  const gocache = get('GOCACHE');
  const xdg = get('XDG_CACHE_HOME');
  // (The Microsoft build of Go 1.26+ names its folder ms-go-build: azure-workload-identity.)
  const root = stageChain(model, stage)[0];
  const buildFolder = defaultGoBuildCacheFolder(root.baseStage === null ? root.resolvedBase ?? root.base : '');
  if (gocache !== undefined) [build, buildFrom] = [gocache, 'GOCACHE'];
  else if (xdg !== undefined) [build, buildFrom] = [xdg === null || buildFolder === null ? null : `${strip(xdg)}/${buildFolder}`, 'XDG_CACHE_HOME'];
  else [build, buildFrom] = [home === null || buildFolder === null ? null : `${strip(home)}/.cache/${buildFolder}`, 'home'];

  // (`golang:${GO_VERSION}-alpine`: the table cannot look a variable tag up, but every Linux
  // golang image sets GOPATH=/go and runs as root; a Windows tag is the one exception.)
  const imageKnown = image ? image.os === 'linux' : ref !== '' && normalizeRepository(ref).repo === 'golang' && !/windowsservercore|nanoserver/i.test(ref);
  return { mod: cleanPath(mod), build: cleanPath(build), nonRoot, user, modFrom, buildFrom, buildFolder, imageKnown };
}

/** The text says `pkg` (once per model). */
function mentionsPkg(model: DockerfileModel): boolean {
  return ((model as ModelSlot)[MENTIONS_PKG] ??= model.text.includes('pkg'));
}

/** The text names one of the variables that decide the Go cache paths (once per model). */
function namesCacheVariables(model: DockerfileModel): boolean {
  return ((model as ModelSlot)[NAMES_CACHE_VARIABLES] ??= /GOMODCACHE|GOPATH|GOCACHE|XDG_CACHE_HOME|HOME/.test(model.text));
}

/**
 * The root image as written when only its Go version is a variable without a default and the
 * tag names a Linux variant (`FROM golang:${GO_VERSION}-alpine`, beacon-kit): every such image
 * sets GOPATH=/go and runs as root, whatever the version. (`golang:${TAG}` alone could be a
 * Windows tag: not this.)
 */
function golangWithVariableVersion(model: DockerfileModel, stage: Stage): string | null {
  let root: Stage | undefined = stage;
  for (let n = 0; root && root.baseStage !== null && n < model.stages.length; n++) root = model.stages[root.baseStage];
  const base = root?.baseStage === null ? root.base : '';
  return /^((docker\.io\/)?library\/)?golang:(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)(\.\d+)*-(alpine[0-9.]*|bookworm|bullseye|buster|trixie)$/.test(base) ? base : null;
}

/** The stage's variables, with GOMODCACHE/GOPATH defaulted to what the module cache path says (a path written with them names the cache). */
export function withGoDefaults(env: Map<string, string | null>, mod: string | null): Map<string, string | null> {
  if (mod === null || (env.has('GOMODCACHE') && env.has('GOPATH'))) return env;
  const out = new Map(env);
  if (!out.has('GOMODCACHE')) out.set('GOMODCACHE', mod);
  if (!out.has('GOPATH') && mod.endsWith('/pkg/mod')) out.set('GOPATH', mod.slice(0, -'/pkg/mod'.length));
  return out;
}

/**
 * The folder inside the module cache that a go command works in, or null: its WORKDIR (through
 * the FROM chain), then each `cd` before it in its RUN, then `-C`, with GOMODCACHE, GOPATH and
 * `$(go env GOMODCACHE)` read as the module cache path (goCachePaths). m3's thriftgen image runs
 * `cd /go/pkg/mod/github.com/uber/tchannel-go@v1.31.0 && go mod vendor && go install …`: the
 * step works on the module an earlier layer downloaded, as its main module. `rel`: the folder
 * below the module cache (`github.com/uber/tchannel-go@v1.31.0`). Null also when a folder is
 * unknown (a variable without a value, `cd -`) or the cache's path is.
 */
export function moduleCacheWorkdir(model: DockerfileModel, stage: Stage, g: GoCommand): { dir: string; rel: string } | null {
  // Without those variables the module cache is /go/pkg/mod or $HOME/go/pkg/mod, and a folder
  // the text names or composes (WORKDIR, cd, -C, their variables) is inside it only if the text
  // says `pkg` somewhere (short of spelling it across two variables): the common case, answered
  // without resolving any folder.
  if (!namesCacheVariables(model) && !mentionsPkg(model)) return null;
  // GD107 asks it of every go command of the stage chain before each of its go RUNs: once each.
  if (g.instr.stage !== stage.index) return computeModuleCacheWorkdir(model, stage, g);
  const known = ((model as ModelSlot)[CACHE_WORKDIRS] ??= new Map());
  let at = known.get(g);
  if (at === undefined) known.set(g, (at = computeModuleCacheWorkdir(model, stage, g)));
  return at;
}

function computeModuleCacheWorkdir(model: DockerfileModel, stage: Stage, g: GoCommand): { dir: string; rel: string } | null {
  const mod = goCachePaths(model, stage, g.instr, g).mod;
  if (mod === null) return null;
  let env: Map<string, string | null> | undefined;
  const value = (w: ShellWord): string | null => {
    if (!w.dynamic) return w.value;
    const raw = w.raw.replace(/["']/g, '').replace(/\$\(\s*go\s+env\s+(GOMODCACHE|GOPATH)\s*\)/g, '$${$1}');
    return expandVariables(raw, (env ??= withGoDefaults(dockerEnv(model, stage, g.instr), mod)));
  };
  const chdir = (cwd: string | null, to: string | null): string | null => {
    if (to === null || to === '-') return null;
    if (to.startsWith('/')) return path.posix.resolve(to);
    return cwd === null ? null : path.posix.resolve(cwd, to);
  };
  let cwd = workdirBefore(model, stage, g.instr, null);
  for (const c of g.instr.script ? shellLevelCommands(g.instr.script) : []) {
    if (c.start >= g.cmd.start) break;
    if (c.argv[0]?.value !== 'cd') continue;
    cwd = c.argv[1] ? chdir(cwd, value(c.argv[1])) : null;
  }
  const C = goFlag(g.args, 'C');
  if (C) {
    const vw = C.valueWord;
    cwd = C.value === true ? null : vw?.dynamic ? chdir(cwd, value(vw)) : !vw && C.word.dynamic ? null : chdir(cwd, C.value);
  }
  if (cwd === null || !cwd.startsWith(`${mod}/`)) return null;
  return { dir: cwd, rel: cwd.slice(mod.length + 1) };
}

function strip(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function cleanPath(p: string | null): string | null {
  return p === null || !p.startsWith('/') ? null : strip(p);
}

/** The USER in effect just before `before` (through the FROM chain); null when none is set. */
export function userBefore(model: DockerfileModel, stage: Stage, before: Instruction): string | null {
  let user: string | null = null;
  for (const s of stageChain(model, stage)) {
    for (const instr of s.instructions) {
      if (instr === before) return user;
      if (instr.keyword === 'USER' && instr.args[0]) user = instr.args[0].value;
    }
  }
  return user;
}

/** The name `go build`/`go install` gives a package's binary: its import path's last element, a `/vN` suffix skipped. */
export function goBinaryName(importPath: string): string | null {
  const parts = importPath.replace(/\/+$/, '').split('/').filter((x) => x !== '' && x !== '.');
  let last = parts.pop();
  if (last && /^v[0-9]+$/.test(last) && parts.length > 0) last = parts.pop();
  return last ?? null;
}

/** A package argument that names the module being built (a path or file) rather than a remote import path. */
export function isLocalPackage(pkg: string): boolean {
  if (pkg.startsWith('.') || pkg.startsWith('/') || pkg.endsWith('.go')) return true;
  const first = pkg.split('/')[0];
  // Remote import paths start with a domain (github.com/…); the standard library and
  // dot-less module paths do not.
  return !first.includes('.');
}

/**
 * The command builds only the Go distribution's own packages: every package argument is the
 * `std` or `cmd` meta-package (formance's `go install -v -installsuffix cgo -a std`, which
 * precompiles the standard library into a layer). No module is read and no program of the
 * project is made.
 */
export function buildsOnlyGoDistribution(pkgs: readonly ShellWord[]): boolean {
  return pkgs.length > 0 && pkgs.every((p) => !p.dynamic && (p.value === 'std' || p.value === 'cmd'));
}

/** Go's package meta-patterns: each names many packages (`all`, `std`, `cmd`). */
const META_PATTERNS = new Set(['all', 'std', 'cmd']);

/**
 * A `go build` that writes no binary: several packages (`./...`, a meta-pattern such as `std`)
 * without -o, -o /dev/null, or the standard library alone (`go build std`, `xx-go build std`:
 * lxkns's cache warm-up; std has no main package, so even -o writes nothing).
 */
export function writesNoBinary(g: GoCommand, pkgs: readonly ShellWord[], output: string | true | undefined): boolean {
  if (output === '/dev/null' || output === 'NUL') return true;
  if (g.sub !== 'build') return false;
  if (pkgs.length > 0 && pkgs.every((p) => !p.dynamic && p.value === 'std')) return true;
  if (output !== undefined) return false;
  return pkgs.length > 1 || pkgs.some((p) => p.value.includes('...') || (!p.dynamic && META_PATTERNS.has(p.value)));
}

/**
 * A word in flag or package position that starts with an expansion (`go build ${GOBUILDFLAGS} .`,
 * `$(…)`): it may hold any flags, so what the command line says is not the whole story. Not when
 * the expansion is joined to a path that goes on (`${PKG}/cmd/${BIN}`, velero): that word is a
 * package path (flags in PKG would have to end in a path joined to `/cmd/…`).
 */
export function hasOpaqueArgs(pkgs: readonly ShellWord[]): boolean {
  return pkgs.some((p) => {
    if (!p.dynamic) return false;
    const chars = lexShellWord(p.raw, p.start);
    if (chars[0]?.dynamic !== true) return false;
    return !(chars[1] !== undefined && !chars[1].dynamic && chars[1].ch === '/' && chars.length > 2);
  });
}

/**
 * The linker flags of `-ldflags "${LDFLAGS}"` (a value that is one variable and nothing else), read
 * from where the go command gets the variable: its prefix assignment, an `export` before it in the
 * RUN, else an ENV of the stage chain (not an ARG: a build arg may be anything). The variable's
 * text is split as cmd/go splits the value (velero's `ENV LDFLAGS="-X ${PKG}/pkg/buildinfo.Version=${VERSION} …"`:
 * only -X flags, whatever the build args hold). Null when the value is more than the variable,
 * the RUN assigns it otherwise, or it is not set.
 */
export function variableLdflags(model: DockerfileModel, stage: Stage, g: GoCommand, arg: LdflagsArg): { name: string; tokens: GoToken[]; inRun: boolean; emptyGlobals?: string[] } | null {
  const value = arg.chars.slice(arg.argsIndex).filter((c) => !isSpace(c));
  if (value.length !== 1 || !value[0].dynamic || arg.pattern !== null) return null;
  const script = g.instr.script;
  if (!script) return null;
  const name = loneVariable(script.text.slice(value[0].start, value[0].end));
  if (!name) return null;
  const inRun = scriptAssignedValue(script, g, name);
  if (inRun === null) return null;
  const source = inRun === undefined ? rawEnvSource(model, stage, g, name) : undefined;
  let raw = inRun ?? source?.value;
  if (raw === undefined || raw === null) return null;
  // An ENV value that reads variables (`ENV LDFLAGS=$LDFLAGS`) is the value Docker expanded
  // (dockerEnv): a global ARG the stage never declared is empty there (mudler/edgevpn 97f8fed
  // Dockerfile:18). The global ARGs that made it so are named.
  let emptyGlobals: string[] | undefined;
  if (source?.from === 'env' && raw.includes('$')) {
    // (A value with a variable of unknown value stays as written: `-X ${PKG}.Version=${VERSION}`
    // still shows that -s is not there.)
    const expanded = dockerEnv(model, stage, g.instr).get(name);
    if (typeof expanded === 'string') {
      const declared = new Set(stageChain(model, stage).flatMap((s) => s.instructions.flatMap((i) => argDeclarations(model, i).map((a) => a.name))));
      emptyGlobals = referencedNames(raw).filter((n) => !declared.has(n) && globalArgEmpty(model, stage, n));
      raw = expanded;
    }
  }
  const chars = lexShellWord(raw, 0);
  let from = 0;
  while (from < chars.length && isSpace(chars[from])) from++;
  // `all=-X …`: the pattern's arguments.
  if (from < chars.length && !chars[from].dynamic && chars[from].ch !== '-') {
    const eq = chars.findIndex((c, idx) => idx >= from && !c.dynamic && c.ch === '=');
    if (eq < 0) return null;
    from = eq + 1;
  }
  return { name, tokens: goSplit(chars, from), inRun: inRun !== undefined, ...(emptyGlobals && emptyGlobals.length > 0 ? { emptyGlobals } : {}) };
}

/**
 * The raw text of the value the RUN assigns to `name` before go command `g`
 * (`LDFLAGS="-X …" && go build -ldflags="$LDFLAGS"`: harness), when that value is certain: the
 * last such assignment runs whenever the command does (not in an `if`, loop, function, subshell,
 * pipeline, nor after `||`), and no `export`, `read` or `unset` of the name, nor a prefix
 * assignment on the command, comes between. Null when the RUN assigns it otherwise; undefined when
 * it does not assign it (stand-alone).
 */
function scriptAssignedValue(script: NonNullable<Instruction['script']>, g: GoCommand, name: string): string | null | undefined {
  let last: ShellAssignment | undefined;
  for (const a of script.parsed.assignments) if (a.name === name && a.start < g.cmd.start) last = a;
  if (!last) return undefined;
  const text = script.text;
  if (last.conditional || text[last.start + name.length] !== '=' || g.cmd.env.some((a) => a.name === name)) return null;
  const after = last.start;
  // (`export NAME` with no value keeps it: only `read NAME`/`unset NAME` change it by name alone.)
  const touched = script.parsed.commands.some((c) => {
    if (c.start <= after || c.start >= g.cmd.start) return false;
    const cmd = c.argv[0]?.value ?? '';
    if (/^(read|unset)$/.test(cmd)) return c.argv.slice(1).some((w) => w.value === name);
    return /^(export|declare|typeset|readonly|local)$/.test(cmd) && (c.env.some((a) => a.name === name) || c.argv.slice(1).some((w) => w.value.startsWith(`${name}=`)));
  });
  if (touched) return null;
  return text.slice(last.start + name.length + 1, last.end);
}

/**
 * Whether a RUN can see a module: something was copied into the stage (chain) before it, or the
 * RUN bind-mounts files (`--mount=target=.`). Without either, go commands run outside any module.
 */
export function sourcesPresent(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  if (mounts(instr).some((m) => m.type === 'bind')) return true;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) return false;
      if (i.keyword === 'COPY' || i.keyword === 'ADD') return true;
    }
  }
  return false;
}

/**
 * `-gcflags "all=-N -l"` (what Delve needs): a debug build keeps its symbols and paths on purpose.
 * So is a build whose `-gcflags` value is a build ARG (`ARG GCFLAGS=""`, `-gcflags="${GCFLAGS}"`,
 * directly or through an ENV that reads it): the file then also builds the debug variant with
 * `--build-arg GCFLAGS="all=-N -l"` (kubeflow pipelines' backend/Makefile image_driver_debug,
 * which adds dlv to Dockerfile.driver; buildkit's `ARG GOGCFLAGS=${BUILDKIT_DEBUG:+"all=-N -l"}`).
 * Compiler flags have no other common use in an image build: a release build passes none.
 * And every build that lands in a Delve debug image (delveImage: go-carbon's Dockerfile.debug).
 */
export function isDebugBuild(model: DockerfileModel, finalStage: number, stage: Stage, g: GoCommand): boolean {
  if (delveImage(model, finalStage)) return true;
  const gc = goFlag(g.args, 'gcflags');
  // `-gcflags "-N -l"`: go takes the next word as the value even though it starts with `-`
  // (goFlag reads such a word as the next flag): clastix/capsule's Dockerfile:28.
  if (gc && gc.value === true) {
    const next = g.args[g.args.indexOf(gc.word) + 1];
    if (next && DEBUG_GCFLAGS.test(next.value)) return true;
  }
  if (gc && typeof gc.value === 'string') {
    if (DEBUG_GCFLAGS.test(gc.value)) return true;
    const word = gc.valueWord ?? gc.word;
    return word.dynamic && gcflagsFromBuildArg(model, stage, g, gc.value);
  }
  const flags = goflags(model, stage, g);
  const v = flags && goflagsValue(flags, 'gcflags');
  return typeof v === 'string' && DEBUG_GCFLAGS.test(v);
}
const DEBUG_GCFLAGS = /(^|[\s='"])-(N|l)(?=$|[\s'"])/;

/** Delve's command package, as `go install`/`go get` name it (`…/cmd/dlv@v1.25.0`, `@latest`, none). */
const DELVE_PACKAGE = /^github\.com\/go-delve\/delve\/cmd\/dlv(@|$)/;

/**
 * The final image is a Delve debug image: its FROM chain installs Delve (`go install
 * github.com/go-delve/delve/cmd/dlv@…` or `go get` of it, the `delve` package of apk, apt or dnf),
 * copies a file named `dlv` in (`COPY --from=build /go/bin/dlv /dlv`), or starts `dlv`. Every
 * build that lands in it is for Delve, which needs the DWARF that `-w` drops and the source paths
 * that `-trimpath` rewrites: go-graphite/go-carbon's Dockerfile.debug installs dlv and pprof,
 * copies the sources and runs a plain `go build` in its only stage (no ENTRYPOINT: you exec into
 * it and run `dlv exec ./go-carbon`). A builder stage that installs dlv for itself only (its
 * final image does not copy it) does not make the image a debug image.
 */
export function delveImage(model: DockerfileModel, finalStage: number): boolean {
  const final = model.stages[finalStage];
  if (!final) return false;
  const byFinal = ((model as ModelSlot)[DELVE_IMAGE] ??= new Map());
  let known = byFinal.get(finalStage);
  if (known === undefined) byFinal.set(finalStage, (known = computeDelveImage(model, final)));
  return known;
}

function computeDelveImage(model: DockerfileModel, final: Stage): boolean {
  for (const s of stageChain(model, final)) {
    for (const g of stageGoCommands(s)) {
      if ((g.sub === 'install' || g.sub === 'get') && goPackages(g.args).some((w) => DELVE_PACKAGE.test(w.value))) return true;
    }
  }
  if (installsPackage(model, final, (name) => name === 'delve')) return true;
  if (copiedPrograms(model, final).some((c) => path.posix.basename(c.path) === 'dlv')) return true;
  const started = startedProgram(model, final);
  return started !== undefined && path.posix.basename(started) === 'dlv';
}

/** The -gcflags value expands a variable that a `--build-arg` sets (not one the RUN assigns first). */
function gcflagsFromBuildArg(model: DockerfileModel, stage: Stage, g: GoCommand, value: string): boolean {
  const script = g.instr.script;
  for (const name of referencedNames(value)) {
    const assigned = script?.parsed.assignments.some((a) => a.name === name && a.start < g.cmd.start)
      || script?.parsed.commands.some((c) => c.start < g.cmd.start && /^(export|declare|readonly|local)$/.test(c.argv[0]?.value ?? '') && c.env.some((a) => a.name === name));
    if (!assigned && buildArgFed(model, stage, g.instr, name, 0)) return true;
  }
  return false;
}

/** `name`, seen by `before`, is last set by an ARG of the stage chain, or by an ENV whose value reads one. */
function buildArgFed(model: DockerfileModel, stage: Stage, before: Instruction, name: string, depth: number): boolean {
  let last: Instruction | null = null;
  outer: for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) break outer;
      if (i.keyword === 'ARG' ? argDeclarations(model, i).some((a) => a.name === name) : i.keyword === 'ENV' && properties(i).some((p) => p.name === name)) last = i;
    }
  }
  if (!last) return false;
  if (last.keyword === 'ARG') return true;
  const v = properties(last).filter((p) => p.name === name).at(-1)?.value;
  if (!v || depth > 2) return false;
  for (const name of referencedNames(v)) if (buildArgFed(model, stage, last, name, depth + 1)) return true;
  return false;
}

/**
 * The build writes an executable: no `-buildmode`, or `exe`/`pie`/`default`. The other modes
 * (c-archive, c-shared, plugin, archive, shared) write libraries that others link or load by
 * their symbols. Unknown (a variable) counts as not an executable: rules then stay silent.
 */
export function buildsExecutable(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const bm = goFlag(g.args, 'buildmode');
  if (bm) return isExeMode(bm.value);
  const flags = goflags(model, stage, g);
  if (flags === null) return true;
  const v = flags && goflagsValue(flags, 'buildmode');
  return v === undefined ? true : isExeMode(v);
}

function isExeMode(v: string | true): boolean {
  return v === true ? false : /^(exe|pie|default)$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Cache mounts

/**
 * A cache mount at `target` (expanded, without a trailing slash) keeps the module cache `mod`: it
 * is the module cache or a folder above it, or the download cache inside it (`$GOMODCACHE/cache`,
 * `$GOMODCACHE/cache/download`: regclient's and kube-vip's `target=/go/pkg/mod/cache`). go keeps
 * the downloaded zips, the .mod/.info files and each module's .ziphash there, and trusts a module
 * extracted in a layer only beside its .ziphash: with that folder mounted, a step that runs again
 * re-extracts its modules from the cache and downloads nothing; a step without it downloads the
 * module again even when the extracted files are in a layer. GD104, GD107 and GD120 ask.
 */
export function mountKeepsModuleCache(target: string, mod: string): boolean {
  return target === '/' || mod === target || mod.startsWith(`${target}/`) || target === `${mod}/cache` || target === `${mod}/cache/download`;
}

/**
 * The RUN's cache mount over the module cache of its go command `g` (goCachePaths: the path, a
 * folder above it, or its download cache: mountKeepsModuleCache); undefined when none. GD104 asks
 * it of the steps after a source copy, GD120 of the download. Most RUNs have no cache mount: then
 * the paths are not worked out.
 */
export function moduleCacheMount(model: DockerfileModel, stage: Stage, instr: Instruction, g: GoCommand | null): Mount | undefined {
  const caches = mounts(instr).filter((m) => m.type === 'cache' && m.target);
  if (caches.length === 0) return undefined;
  const path = goCachePaths(model, stage, instr, g).mod;
  if (path === null) return undefined;
  // BuildKit expands a mount's target with the image's variables too (`target=$GOPATH/pkg` on golang).
  const env = pathEnv(model, stage, instr);
  return caches.find((m) => {
    const t = expandVariables(m.target!, env);
    if (t === null) return false;
    return mountKeepsModuleCache(strip(t), path);
  });
}

/**
 * The id of a cache mount as BuildKit keys it: its `id=`, else its target (expanded with the
 * RUN's variables and the image's, without a trailing slash); null when a variable we cannot resolve decides it.
 */
function cacheMountId(model: DockerfileModel, stage: Stage, instr: Instruction, m: Mount): string | null {
  const raw = m.id ?? m.target;
  if (raw === null) return null;
  const v = expandVariables(raw, pathEnv(model, stage, instr));
  return v === null ? null : strip(v);
}

/**
 * The cache mounts (by id, see cacheMountId) that a `go mod download` of the file fills, with
 * those RUNs: a later build that mounts the same cache finds the modules there. Once per model.
 */
export function moduleDownloadCaches(model: DockerfileModel): Map<string, Instruction[]> {
  return ((model as ModelSlot)[DOWNLOAD_CACHES] ??= computeDownloadCaches(model));
}

function computeDownloadCaches(model: DockerfileModel): Map<string, Instruction[]> {
  const out = new Map<string, Instruction[]>();
  for (const stage of model.stages) {
    for (const instr of stage.instructions) {
      if (instr.flags.length === 0 || !goCommands(instr).some((g) => g.sub === 'mod download')) continue;
      for (const m of mounts(instr)) {
        if (m.type !== 'cache') continue;
        const id = cacheMountId(model, stage, instr, m);
        if (id !== null) out.set(id, [...(out.get(id) ?? []), instr]);
      }
    }
  }
  return out;
}
