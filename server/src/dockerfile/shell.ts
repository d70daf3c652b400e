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
import type { ShellAssignment, ShellCommand, ShellScript, ShellWord } from './shellModel';

export type { ShellAssignment, ShellCommand, ShellScript, ShellWord } from './shellModel';

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
  const plain = parsePlainShell(script);
  if (plain) return plain;
  return parseWithTreeSitter(script);
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
      top[0].type === 'command' &&
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
  if (node.type === 'variable_assignment' && node.parent?.type !== 'command') {
    const a = toAssignment(node);
    if (a) assignments.push(a);
  }
  for (const child of node.namedChildren) if (child) collect(child, out, assignments, depth + 1);
}

function collectNested(node: Node, out: ShellCommand[], assignments: ShellAssignment[], depth: number): void {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (node.type === 'command_substitution' || node.type === 'process_substitution' || node.type === 'subshell') {
    collect(node, out, assignments, depth + 1);
    return;
  }
  for (const child of node.namedChildren) if (child) collectNested(child, out, assignments, depth + 1);
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
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment') {
      const a = toAssignment(child);
      if (a) env.push(a);
    } else if (child.type === 'command_name') {
      const inner = child.namedChildren[0] ?? child;
      argv.push(wordOf(inner));
    } else if (child.type === 'file_redirect' || child.type === 'heredoc_redirect' || child.type === 'herestring_redirect' || child.type === 'comment') {
      // not arguments
    } else {
      argv.push(wordOf(child));
    }
  }
  return { env, argv, start: node.startIndex, end: node.endIndex };
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
