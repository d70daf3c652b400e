/**
 * RUN/CMD/ENTRYPOINT shell scripts, parsed by tree-sitter-bash (the grammar VS Code itself
 * ships in @vscode/tree-sitter-wasm). It tolerates broken input and gives exact offsets.
 * The parser is WebAssembly and loads asynchronously once (initShellParser); after that,
 * parsing is synchronous so the analysis stays plain functions.
 */
import * as fs from 'fs';
import * as path from 'path';
// Types only: the grammar's JavaScript glue is loaded by initShellParser, so a command that never
// parses a shell script (lint of a file without RUN) does not evaluate it.
import type { Node, Parser } from '@vscode/tree-sitter-wasm';
import { parsePlainShell } from './plainShell';
import type { NestedScript, ShellAssignment, ShellCommand, ShellRedirect, ShellScript, ShellWord } from './shellModel';

export type { NestedScript, ShellAssignment, ShellCommand, ShellRedirect, ShellScript, ShellWord } from './shellModel';

let parser: Parser | undefined;
let initPromise: Promise<void> | undefined;
let baselineWasmTier = false;

/**
 * For a short-lived process (the CLI): compile the grammar with V8's baseline tier only. Otherwise
 * V8 recompiles the 1.4 MB WebAssembly with its optimizing tier in background threads on every
 * start, and node waits for them before it exits (about 1.5 s of CPU for a run that lints in
 * milliseconds); the baseline tier parses a short run's scripts just as well. Takes effect when
 * initShellParser first runs; not for the long-running server.
 */
export function preferBaselineWasmTier(): void {
  baselineWasmTier = true;
}

let v8FlagsSet = false;

/** Whether initShellParser changed V8's flags (a code cache made afterwards would not fit a fresh process). */
export function v8FlagsChanged(): boolean {
  return v8FlagsSet;
}

function wasmDir(): string {
  // Bundled: the .wasm files sit beside dist/server.js. From sources: in the package.
  if (fs.existsSync(path.join(__dirname, 'tree-sitter-bash.wasm'))) return __dirname;
  return path.resolve(__dirname, '../../../node_modules/@vscode/tree-sitter-wasm/wasm');
}

export function initShellParser(): Promise<void> {
  initPromise ??= (async () => {
    const dir = wasmDir();
    // Loaded here, not at import: `v8` and the glue cost milliseconds of every CLI start.
    if (baselineWasmTier) {
      (require('v8') as typeof import('v8')).setFlagsFromString('--liftoff-only');
      v8FlagsSet = true;
    }
    const { Language, Parser } = require('@vscode/tree-sitter-wasm') as typeof import('@vscode/tree-sitter-wasm');
    await Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    const bash = await Language.load(fs.readFileSync(path.join(dir, 'tree-sitter-bash.wasm')));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
  })();
  return initPromise;
}

/** parseShell of a script that is not plain before initShellParser() completed (the CLI loads the parser only then). */
export class ShellParserNotReady extends Error {
  constructor() {
    super('initShellParser() has not completed');
  }
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Parsed scripts by text, most recently used last. An edit changes one instruction: the next
 * analysis parses that script alone, the others come from here (and a Dockerfile's repeated
 * scripts are parsed once). Results are shared: callers must not modify them.
 */
let parsed = new Map<string, ShellScript>();
const CACHE_ENTRIES = 4096;
/** Longer scripts are parsed again each time rather than kept. */
const CACHE_MAX_LENGTH = 16384;

export function parseShell(script: string): ShellScript {
  const hit = parsed.get(script);
  if (hit) {
    parsed.delete(script);
    parsed.set(script, hit);
    return hit;
  }
  const result = parseUncached(script);
  if (script.length <= CACHE_MAX_LENGTH) {
    parsed.set(script, result);
    if (parsed.size > CACHE_ENTRIES) parsed.delete(parsed.keys().next().value!);
  }
  return result;
}

/**
 * For benchmarks that time a cold analysis. A new table, not `clear()`: V8 keeps a cleared
 * table pointing at the old one and its entries until a full collection, so every cleared
 * analysis's scripts outlived the young-generation collections a cold process never has to do.
 */
export function clearShellCache(): void {
  parsed = new Map();
}

function parseUncached(script: string): ShellScript {
  return withNestedScripts(parsePlainShell(script) ?? parseWithTreeSitter(script));
}

/** A shell named by path or name: `sh`, `bash`, `/bin/sh`, `/usr/bin/bash`, `dash`, `ash`. */
const SHELL_NAME = /^(?:(?:\/usr)?(?:\/local)?\/bin\/)?(?:ba|da|a)?sh$/;

/**
 * The script string of `sh -c '…'`, `bash -ec "…"`, `/bin/bash -o pipefail -c '…'`: the word
 * after the options, when the shell gets `-c`; null for any other command, or options we do not
 * read (`--rcfile FILE`, an expansion).
 */
export function shellCommandString(c: ShellCommand): ShellWord | null {
  const argv = c.argv;
  const name = argv[0];
  if (!name || name.dynamic || !SHELL_NAME.test(name.value)) return null;
  let sawC = false;
  for (let k = 1; k < argv.length; k++) {
    const w = argv[k];
    if (w.dynamic) return null;
    const v = w.value;
    if (v === '--') return sawC ? argv[k + 1] ?? null : null;
    if (/^[-+][A-Za-z]+$/.test(v)) {
      if (v[0] === '-' && v.includes('c')) sawC = true;
      // `-o pipefail`, `-eo pipefail`, `-O extglob`: the option name is the next word.
      for (const ch of v.slice(1)) if (ch === 'o' || ch === 'O') k++;
      continue;
    }
    if (/^--(login|noprofile|norc|posix|restricted|verbose|noediting)$/.test(v)) continue;
    if (v.startsWith('-')) return null;
    return sawC ? w : null;
  }
  return null;
}

/**
 * Where a `-c` string's contents are the script the inner shell runs, character for character:
 * one single-quoted string, or one double-quoted string without `\`, `$` or a backquote (the
 * outer shell changes nothing in it). Otherwise (concatenations, escapes, expansions, unquoted)
 * null: the string stays one word.
 */
function exactString(w: ShellWord): '\'' | '"' | null {
  const raw = w.raw;
  const q = raw[0];
  if (w.dynamic || raw.length < 2 || (q !== "'" && q !== '"') || raw[raw.length - 1] !== q) return null;
  // A concatenation (`'a'"b"`) has quotes inside that the value lacks.
  if (w.value.length !== raw.length - 2 || raw.slice(1, -1) !== w.value) return null;
  if (q === '"' && /[\\$`]/.test(w.value)) return null;
  return q;
}

/**
 * The script with the commands of its `sh -c '…'` strings (see ShellScript.nested), placed after
 * the command that runs them, with offsets into this script; the shell's own prefix assignments
 * (`CGO_ENABLED=0 sh -c '…'`) are in each one's environment. Unchanged when there are none.
 */
export function withNestedScripts(parsed: ShellScript): ShellScript {
  let commands: ShellCommand[] | undefined;
  let assignments: ShellAssignment[] | undefined;
  let nested: NestedScript[] | undefined;
  const cmds = parsed.commands;
  for (let k = 0; k < cmds.length; k++) {
    const c = cmds[k];
    const w = shellCommandString(c);
    const quote = w && exactString(w);
    const inner = w && quote ? parseShell(w.value) : null;
    if (!w || !quote || !inner || inner.hasErrors || inner.commands.length === 0) {
      commands?.push(c);
      continue;
    }
    commands ??= cmds.slice(0, k);
    assignments ??= parsed.assignments.slice();
    nested ??= parsed.nested ? parsed.nested.slice() : [];
    const off = w.start + 1;
    commands.push(c);
    for (const ic of inner.commands) commands.push(shiftCommand(ic, off, c.env));
    for (const a of inner.assignments) assignments.push({ ...shiftAssignment(a, off), conditional: true });
    nested.push({ start: w.start, end: w.end, quote });
    for (const n of inner.nested ?? []) nested.push({ start: n.start + off, end: n.end + off, quote: n.quote });
  }
  if (!commands) return parsed;
  assignments!.sort((a, b) => a.start - b.start);
  return { commands, assignments: assignments!, hasErrors: parsed.hasErrors, simple: parsed.simple, nested };
}

/** The command is one of a `sh -c '…'` string's (ShellScript.nested), run by another shell. */
export function inNestedScript(script: ShellScript, c: ShellCommand): boolean {
  const nested = script.nested;
  if (!nested) return false;
  for (const n of nested) if (n.start < c.start && c.end < n.end) return true;
  return false;
}

function shiftWord(w: ShellWord, off: number): ShellWord {
  return { value: w.value, raw: w.raw, start: w.start + off, end: w.end + off, dynamic: w.dynamic };
}

function shiftAssignment(a: ShellAssignment, off: number): ShellAssignment {
  const out: ShellAssignment = { name: a.name, value: a.value, start: a.start + off, end: a.end + off };
  if (a.conditional) out.conditional = true;
  return out;
}

function shiftCommand(c: ShellCommand, off: number, outerEnv: ShellAssignment[]): ShellCommand {
  const env = c.env.map((a) => shiftAssignment(a, off));
  const out: ShellCommand = { env: outerEnv.length ? [...outerEnv, ...env] : env, argv: c.argv.map((w) => shiftWord(w, off)), start: c.start + off, end: c.end + off };
  if (c.redirects) out.redirects = c.redirects.map((r) => ({ op: r.op, target: r.target && shiftWord(r.target, off), start: r.start + off, end: r.end + off }));
  return out;
}

/** tree-sitter-bash's reading of a script (the plain-script reader is checked against it). */
export function parseWithTreeSitter(script: string): ShellScript {
  if (!parser) throw new ShellParserNotReady();
  const tree = parser.parse(script);
  if (!tree) return { commands: [], assignments: [], hasErrors: true, simple: false };
  try {
    const commands: ShellCommand[] = [];
    const assignments: ShellAssignment[] = [];
    try {
      collect(tree.rootNode, commands, assignments, 0);
    } catch (e) {
      // Nesting deeper than any real script (5,000 `(`): the script is unknown, not a crash.
      if (e instanceof TooDeep) return { commands: [], assignments: [], hasErrors: true, simple: false };
      throw e;
    }
    const root = tree.rootNode;
    const top = root.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
    const simple =
      !root.hasError &&
      top.length === 1 &&
      (top[0].type === 'command' || (top[0].type === 'variable_assignment' && !validName(top[0]))) &&
      commands.length === 1 &&
      commands[0].env.length === 0 &&
      commands[0].argv.every((w) => !w.dynamic);
    return { commands, assignments, hasErrors: root.hasError, simple };
  } finally {
    tree.delete();
  }
}

/** Syntax-tree depth past which a script is treated as unknown (the walk recurses; the stack is finite). */
const MAX_DEPTH = 500;

class TooDeep extends Error {}

function collect(node: Node, out: ShellCommand[], assignments: ShellAssignment[], depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (node.type === 'command') {
    out.push(toCommand(node));
    // Command substitutions inside arguments are commands too.
    for (const child of node.namedChildren) if (child) collectNested(child, out, assignments, depth + 1);
    return;
  }
  if (node.type === 'redirected_statement') {
    collectRedirected(node, out, assignments, depth);
    return;
  }
  if (node.type === 'variable_assignment' && node.parent?.type !== 'command') {
    // tree-sitter-bash reads `--port=8080` alone as an assignment; bash, whose names are
    // identifiers, runs it as a command (a shell-form CMD of flags: GD217).
    if (!validName(node)) {
      out.push({ env: [], argv: [wordOf(node)], start: node.startIndex, end: node.endIndex });
      return;
    }
    const a = toAssignment(node);
    if (a) {
      if (conditional(node)) a.conditional = true;
      assignments.push(a);
    }
  }
  for (const child of node.namedChildren) if (child) collect(child, out, assignments, depth + 1);
}

/**
 * `go build >log -o app ./cmd`: bash redirects to `log` and passes `-o app ./cmd` to go, but the
 * grammar reads every word after `>` as the redirect's destination (`destination: (word)
 * (word)…`), so the command lost its arguments. The words after a redirect's first destination
 * are given back to the command the redirect follows: the statement's own command, or the last
 * command of a pipeline or list the grammar hung the redirect on (`a | d >e f`, `a && d >e f`: f
 * is d's). The statement's file redirects go to that command's `redirects`.
 */
function collectRedirected(node: Node, out: ShellCommand[], assignments: ShellAssignment[], depth: number): void {
  const from = out.length;
  for (const child of node.namedChildren) if (child) collect(child, out, assignments, depth + 1);
  const extra: Node[] = [];
  const redirects: Node[] = [];
  for (const r of node.childrenForFieldName('redirect')) {
    if (!r) continue;
    extraDestinations(r, extra);
    fileRedirects(r, redirects);
  }
  if (extra.length === 0 && redirects.length === 0) return;
  // The grammar also hangs a redirect written after a list's last command on the list (`a && b
  // >f`), and one after a pipeline on the pipeline: the shell applies it to that last command.
  let target = node.childForFieldName('body');
  while (target && (target.type === 'pipeline' || target.type === 'list')) target = target.namedChildren[target.namedChildCount - 1];
  if (!target || target.type !== 'command') return;
  const start = target.startIndex;
  const cmd = out.slice(from).find((c) => c.start === start && c.end === target.endIndex);
  if (!cmd) return;
  for (const r of redirects) (cmd.redirects ??= []).push(toRedirect(r));
  if (extra.length === 0) return;
  for (const w of extra) {
    // (Separated from the destination by a blank: never joined to it as touching text.)
    cmd.argv.push(wordOf(w));
    for (const nested of w.namedChildren) if (nested) collectNested(nested, out, assignments, depth + 1);
  }
  cmd.end = extra[extra.length - 1].endIndex;
}

/** A statement's file redirects (and those a heredoc start carries: `cat <<EOF >f`). */
function fileRedirects(redirect: Node, into: Node[]): void {
  if (redirect.type === 'file_redirect') into.push(redirect);
  else if (redirect.type === 'heredoc_redirect') for (const r of redirect.childrenForFieldName('redirect')) if (r) fileRedirects(r, into);
}

/** A file_redirect node as the command's redirect: its operator (with descriptor) and first destination. */
function toRedirect(node: Node): ShellRedirect {
  const dest = node.childrenForFieldName('destination').find((d): d is Node => !!d) ?? null;
  const op = (dest ? node.text.slice(0, dest.startIndex - node.startIndex) : node.text).trim();
  const target = dest ? wordOf(dest) : null;
  return { op, target, start: node.startIndex, end: target ? target.end : node.endIndex };
}

/** A redirect's destinations after its first (and those of a redirect a heredoc start carries: `cat <<EOF >f x`). */
function extraDestinations(redirect: Node, into: Node[]): void {
  if (redirect.type === 'file_redirect') {
    const dest = redirect.childrenForFieldName('destination').filter((d): d is Node => !!d);
    into.push(...dest.slice(1));
  } else if (redirect.type === 'heredoc_redirect') {
    for (const r of redirect.childrenForFieldName('redirect')) if (r) extraDestinations(r, into);
  }
}

function collectNested(node: Node, out: ShellCommand[], assignments: ShellAssignment[], depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (node.type === 'command_substitution' || node.type === 'process_substitution' || node.type === 'subshell') {
    collect(node, out, assignments, depth + 1);
    return;
  }
  for (const child of node.namedChildren) if (child) collectNested(child, out, assignments, depth + 1);
}

/** Syntax that may skip what it holds, or run it in another shell (see ShellAssignment.conditional). */
const CONDITIONAL = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'case_statement', 'case_item', 'for_statement', 'c_style_for_statement', 'while_statement',
  'function_definition', 'subshell', 'pipeline', 'command_substitution', 'process_substitution', 'negated_command',
]);

function conditional(node: Node): boolean {
  let child: Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (CONDITIONAL.has(p.type)) return true;
    if (p.type === 'list') {
      // `a || X=1`: the right operand of `||` runs only when `a` fails.
      let prev: Node | null = null;
      for (const c of p.children) {
        if (!c) continue;
        if (c.startIndex === child.startIndex && c.endIndex === child.endIndex) break;
        prev = c;
      }
      if (prev?.type === '||') return true;
    }
  }
  return false;
}

/** The assignment's name is a shell name (an identifier): `a_1=x` is an assignment, `--port=8080` a command. */
function validName(node: Node): boolean {
  const name = node.childForFieldName('name');
  return !name || /^[A-Za-z_][A-Za-z0-9_]*$/.test(name.text) || name.type === 'subscript';
}

function toAssignment(node: Node): ShellAssignment | null {
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (!name) return null;
  return { name: name.text, value: value ? wordOf(value).value : '', start: node.startIndex, end: node.endIndex };
}

function toCommand(node: Node): ShellCommand {
  const env: ShellAssignment[] = [];
  const argv: ShellWord[] = [];
  let redirects: ShellRedirect[] | undefined;
  for (const child of node.namedChildren) {
    if (!child) continue;
    // A word that is no assignment (`--config=x`: no shell name) starts the command's words.
    if (child.type === 'variable_assignment' && argv.length === 0 && validName(child)) {
      const a = toAssignment(child);
      if (a) env.push(a);
    } else if (child.type === 'variable_assignment') {
      pushWord(argv, wordOf(child));
    } else if (child.type === 'command_name') {
      const inner = child.namedChildren[0] ?? child;
      pushWord(argv, wordOf(inner));
    } else if (child.type === 'file_redirect') {
      (redirects ??= []).push(toRedirect(child));
    } else if (child.type === 'heredoc_redirect' || child.type === 'herestring_redirect' || child.type === 'comment') {
      // not arguments
    } else {
      pushWord(argv, wordOf(child));
    }
  }
  const cmd: ShellCommand = { env, argv, start: node.startIndex, end: node.endIndex };
  if (redirects) cmd.redirects = redirects;
  return cmd;
}

/**
 * Adds a word, or joins it to the previous one when nothing separates them: the shell reads
 * touching text as one word, but the grammar splits `dist/$GOOS/$GOARCH/app` after the second `$`
 * (tree-sitter-bash issues 180 and 315): two words, and the build's output path was unknown
 * (cyberark/secretless-broker b172451 Dockerfile:41, judge 38 X).
 */
function pushWord(argv: ShellWord[], w: ShellWord): void {
  const prev = argv.length > 0 ? argv[argv.length - 1] : undefined;
  if (!prev || prev.end !== w.start) {
    argv.push(w);
    return;
  }
  const dynamic = prev.dynamic || w.dynamic;
  const raw = prev.raw + w.raw;
  argv[argv.length - 1] = { value: dynamic ? raw : prev.value + w.value, raw, start: prev.start, end: w.end, dynamic };
}

const DYNAMIC = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion']);

function wordOf(node: Node): ShellWord {
  const raw = node.text;
  let dynamic = false;
  const value = valueOf(node, () => (dynamic = true));
  return { value: dynamic ? raw : value, raw, start: node.startIndex, end: node.endIndex, dynamic };
}

function valueOf(node: Node, markDynamic: () => void): string {
  if (DYNAMIC.has(node.type)) {
    markDynamic();
    return node.text;
  }
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      markDynamic();
      return node.text;
    case 'string': {
      // "..." : concatenate the literal contents and expansions.
      let s = '';
      let last = node.startIndex + 1;
      const text = node.text;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (DYNAMIC.has(child.type)) markDynamic();
        s += text.slice(last - node.startIndex, child.startIndex - node.startIndex);
        s += child.type === 'string_content' ? unescapeDouble(child.text) : child.text;
        last = child.endIndex;
      }
      const closing = text.endsWith('"') && text.length > 1 ? text.length - 1 : text.length;
      s += text.slice(last - node.startIndex, closing);
      return s;
    }
    case 'concatenation': {
      let s = '';
      for (const child of node.children) if (child) s += valueOf(child, markDynamic);
      return s;
    }
    case 'word':
    case 'number':
      return unescapeWord(node.text);
    default:
      return node.text;
  }
}

function unescapeWord(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

function unescapeDouble(text: string): string {
  return text.replace(/\\([$`"\\\n])/g, '$1');
}

/**
 * A script file as a program: which commands sit in which function, and in which arm of which
 * `case`. For following what `./do.sh goget` runs (facts/scriptRuns.ts): the dispatch of a
 * do-like script is a `case "$1" in … esac` or a `$1 "$@"` call of the function its argument
 * names. Functions defined inside functions are functions of their own (bash defines them
 * when it runs the outer one).
 */
export interface ScriptOutline {
  hasErrors: boolean;
  /** The commands outside any function, in order. */
  top: OutlinedCommand[];
  /** The functions by name; null for a name defined more than once (which one runs depends on the order). */
  functions: Map<string, OutlinedCommand[] | null>;
  /** Assignments that stand alone outside any function (`ARG=$1`). */
  assignments: ShellAssignment[];
}

export interface OutlinedCommand {
  cmd: ShellCommand;
  /** The `case` arms it sits in, outermost first. */
  arms: { of: ScriptCase; arm: number }[];
  /**
   * The branches it sits in, outermost first: `case` arms and the branches of `if` statements
   * (`then` is 0, each `elif` the next, `else` the last; an `elif` condition is in the branch
   * it opens). `of` tells the statement apart: commands with the same `of` and another `branch`
   * are alternatives, one of which runs.
   */
  branches: { of: object; branch: number }[];
  /**
   * Whether it runs depends on a condition other than a `case`: the branches of `if`/`elif`/`else`
   * (not the `if` condition), what follows `||`, what follows `&&` after a test (`[ "$1" = deps ] &&`),
   * the body of a `while`/`until` loop or of a `for` over anything but static words.
   */
  conditional: boolean;
}

export interface ScriptCase {
  subject: ShellWord;
  /**
   * Each arm's patterns as regular expressions of the whole word; null for an arm whose patterns
   * cannot be read (an expansion, a bracket or extended glob). `fallsThrough`: an arm ends with
   * `;&` or `;;&`, so more than one arm may run.
   */
  arms: (RegExp[] | null)[];
  fallsThrough: boolean;
}

/** The outline of a script file (tree-sitter, whatever the script's form: files are seldom plain). */
export function outlineScript(text: string): ScriptOutline {
  if (!parser) throw new ShellParserNotReady();
  const tree = parser.parse(text);
  if (!tree) return { hasErrors: true, top: [], functions: new Map(), assignments: [] };
  try {
    const out: ScriptOutline = { hasErrors: tree.rootNode.hasError, top: [], functions: new Map(), assignments: [] };
    try {
      outlineNode(tree.rootNode, out, out.top, [], [], false, true, 0);
    } catch (e) {
      if (e instanceof TooDeep) return { hasErrors: true, top: [], functions: new Map(), assignments: [] };
      throw e;
    }
    return out;
  } finally {
    tree.delete();
  }
}

function outlineNode(node: Node, out: ScriptOutline, list: OutlinedCommand[], arms: OutlinedCommand['arms'], branches: OutlinedCommand['branches'], cond: boolean, top: boolean, depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep();
  const inner = (child: Node, c = cond, a = arms, b = branches) => outlineNode(child, out, list, a, b, c, top, depth + 1);
  switch (node.type) {
    case 'function_definition': {
      const name = node.childForFieldName('name')?.text;
      const body = node.childForFieldName('body');
      if (!name) return;
      const own: OutlinedCommand[] = [];
      out.functions.set(name, out.functions.has(name) ? null : own);
      if (body) outlineNode(body, out, own, [], [], false, false, depth + 1);
      return;
    }
    case 'case_statement': {
      const value = node.childForFieldName('value');
      if (!value) return;
      const c: ScriptCase = { subject: wordOf(value), arms: [], fallsThrough: false };
      for (const item of node.namedChildren) {
        if (!item || item.type !== 'case_item') continue;
        const k = c.arms.length;
        const patterns: RegExp[] = [];
        let readable = true;
        item.children.forEach((child, i) => {
          if (!child) return;
          const field = item.fieldNameForChild(i);
          if (field === 'value') {
            const re = casePattern(child);
            if (re) patterns.push(re);
            else readable = false;
          } else if (field === 'fallthrough' || child.type === ';&' || child.type === ';;&') {
            c.fallsThrough = true;
          } else if (field !== 'termination' && child.isNamed) {
            inner(child, cond, [...arms, { of: c, arm: k }], [...branches, { of: c, branch: k }]);
          }
        });
        c.arms.push(readable ? patterns : null);
      }
      return;
    }
    case 'command': {
      const cmds: ShellCommand[] = [];
      collect(node, cmds, [], depth);
      for (const cmd of cmds) list.push({ cmd, arms, branches, conditional: cond });
      return;
    }
    case 'if_statement': {
      // The `then` part is branch 0, each elif_clause and the else_clause the next ones.
      const of = {};
      let k = 0;
      node.children.forEach((child, i) => {
        if (!child?.isNamed) return;
        if (node.fieldNameForChild(i) === 'condition') return inner(child, cond);
        if (child.type === 'elif_clause' || child.type === 'else_clause') k++;
        inner(child, true, arms, [...branches, { of, branch: k }]);
      });
      return;
    }
    case 'while_statement':
    case 'until_statement':
    case 'c_style_for_statement':
      for (const child of node.namedChildren) if (child) inner(child, true);
      return;
    case 'for_statement': {
      const values = node.childrenForFieldName('value').filter((v): v is Node => !!v);
      const known = values.length > 0 && values.every((v) => !wordOf(v).dynamic && !/[*?[]/.test(v.text));
      const body = node.childForFieldName('body');
      if (body) inner(body, cond || !known);
      return;
    }
    case 'list': {
      // `a && b`, `a || b` (left-nested): the right side runs after a test, or when the left fails.
      const [left, op, right] = node.children;
      if (!left || !op || !right) break;
      inner(left);
      inner(right, cond || op.type === '||' || hasTest(left));
      return;
    }
    default:
      if (top && node.type === 'variable_assignment' && node.parent?.type !== 'command' && validName(node)) {
        const a = toAssignment(node);
        if (a) out.assignments.push(a);
      }
  }
  for (const child of node.namedChildren) if (child) inner(child);
}

/** A test in a list's left side: `[ … ]`, `[[ … ]]`, `test …`. */
function hasTest(node: Node): boolean {
  if (node.type === 'test_command') return true;
  if (node.type === 'command') {
    const name = node.childForFieldName('name')?.text;
    return name === 'test' || name === '[' || name === '[[';
  }
  return node.type === 'list' || node.type === 'negated_command' ? node.namedChildren.some((c) => !!c && hasTest(c)) : false;
}

/** A case pattern as a regular expression of the whole subject: quoted text is literal, `*` and `?` are globs; null for anything else. */
function casePattern(node: Node): RegExp | null {
  let src = '';
  const add = (n: Node): boolean => {
    switch (n.type) {
      case 'raw_string':
        src += escapeRegExp(n.text.slice(1, -1));
        return true;
      case 'string':
        if (n.namedChildren.some((c) => c && c.type !== 'string_content')) return false;
        src += escapeRegExp(valueOf(n, () => {}));
        return true;
      case 'word':
      case 'extglob_pattern':
      case 'number': {
        const t = n.text;
        for (let i = 0; i < t.length; i++) {
          const ch = t[i];
          if (ch === '\\' && i + 1 < t.length) src += escapeRegExp(t[++i]);
          else if (ch === '*') src += '.*';
          else if (ch === '?') src += '.';
          else if ('[](){}|@+!'.includes(ch)) return false;
          else src += escapeRegExp(ch);
        }
        return true;
      }
      case 'concatenation':
        return n.children.every((c) => !!c && add(c));
      default:
        return false;
    }
  };
  return add(node) ? new RegExp(`^${src}$`, 's') : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
