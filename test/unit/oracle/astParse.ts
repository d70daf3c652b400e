/**
 * The test oracle for server/src/dockerfile/lexer.ts: the model built the way parse.ts built it
 * before our lexer (main a82ab1e), from dockerfile-ast's AST, with the AST node kept on each
 * instruction (`ast`) for properties(). Only tests import it.
 */
import { ModifiableInstruction, PropertyInstruction, type Instruction as AstInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Flag, Instruction as ModelInstruction, Script, Stage, Word } from '../../../server/src/dockerfile/model';
import { memoizeAstArguments, parseWithoutStageComments } from './astMemo';
import { parseShell } from '../../../server/src/dockerfile/shell';
import { execScript, platformStage } from '../../../server/src/dockerfile/parse';
import { overLimit } from '../../../server/src/dockerfile/limits';
import { LineTable, detectEol, type Span } from '../../../server/src/dockerfile/text';
import { expandVariables } from '../../../server/src/dockerfile/variables';

/** The model's instruction with the AST node it was built from. */
export type Instruction = ModelInstruction & { ast: AstInstruction };

const SCRIPT_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'SHELL', 'VOLUME']);

memoizeAstArguments();

/**
 * `previous`: the model of an earlier version of the same document (the editor's last one).
 * Only the instructions around the change are parsed again; the others are taken from it (see
 * reparse below), so it is given up: its instructions after the change are moved into the new
 * model. Without it, or when the change reaches the parser directives, the whole text is parsed.
 */
export function parseDockerfileAst(text: string, previous?: DockerfileModel): DockerfileModel {
  const lines = new LineTable(text);
  const notAnalysed = overLimit(text);
  if (notAnalysed) {
    // Offsets still map into the real text (the diagnostic's range); nothing else is read.
    return { text, lines, eol: detectEol(text), escape: '\\', instructions: [], stages: [], globalArgs: new Map(), comments: [], directives: [], notAnalysed };
  }
  const reused = previous ? reparse(previous, text, lines) : null;
  if (reused) return assemble(text, lines, previous!.escape, previous!.directives, reused);
  const ast = parseWithoutStageComments(text);
  const escape = ast.getEscapeCharacter();
  const spanOf = spanIn(lines, 0, 0);
  const instructions = ast.getInstructions().map((node) => toInstruction(node, text, lines, escape, spanOf, 0));
  const directives = ast.getDirectives().map((d) => ({ name: d.getName(), value: d.getValue() }));
  return assemble(text, lines, escape, directives, instructions);
}

type SpanOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => Span;

/** AST ranges of a text parsed at `base` of the document, `skip` characters of prefix before it. */
function spanIn(table: LineTable, base: number, skip: number): SpanOf {
  return (r) => ({ start: base + table.offsetAt(r.start) - skip, end: base + table.offsetAt(r.end) - skip });
}

/**
 * The instructions of `text` from the previous version's: the parser reads forward only and
 * always continues at a line start after an instruction, so the instructions before the
 * changed region's first instruction are unchanged, and a window from that instruction's line
 * is parsed alone until an instruction of the unchanged tail starts where it started before
 * (moved by the length difference). A continuation or heredoc opened by the edit that runs past
 * the window makes the window grow, in the end to the end of the text. Null: parse it all.
 */
function reparse(prev: DockerfileModel, text: string, lines: LineTable): Instruction[] | null {
  const old = prev.instructions as Instruction[];
  const oldText = prev.text;
  if (old.length < 2) return null;
  const max = Math.min(oldText.length, text.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === text.charCodeAt(p)) p++;
  if (p === oldText.length && p === text.length) return old;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = oldText.length - s;
  const delta = text.length - oldText.length;
  const lineStart = (i: Instruction) => prev.lines.starts[i.line];
  // The window starts at the line of the last instruction starting at or before the change;
  // the first instruction and what precedes it (directives, a BOM) are parsed with the whole.
  let k0 = -1;
  for (let lo = 0, hi = old.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (lineStart(old[mid]) <= p) (k0 = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  if (k0 < 1) return null;
  const windowStart = lineStart(old[k0]);
  // The first instruction whose line and the line break before it are unchanged.
  let j = k0 + 1;
  while (j < old.length && lineStart(old[j]) - 2 < oldEnd) j++;
  const prefix = prev.escape === '\\' ? '' : `# escape=${prev.escape}\n`;
  for (let attempt = 0; ; attempt++) {
    // Past a few instructions the change swallows (a continuation, a heredoc), parse to the end.
    const all = j >= old.length || attempt === 3;
    const windowEnd = all ? text.length : j + 1 < old.length ? lineStart(old[j + 1]) + delta : text.length;
    // A copy, not a slice: the window's AST nodes outlive this version, and a slice would keep
    // the whole text of every version alive with them.
    const windowText = ownCopy(prefix + text.slice(windowStart, windowEnd));
    const ast = parseWithoutStageComments(windowText);
    const spanOf = spanIn(new LineTable(windowText), windowStart, prefix.length);
    const nodes = ast.getInstructions();
    const firstLine = lines.positionAt(windowStart).line - (prefix ? 1 : 0);
    if (all) {
      const fresh = nodes.map((n) => toInstruction(n, text, lines, prev.escape, spanOf, firstLine));
      return old.slice(0, k0).concat(fresh);
    }
    const resume = old[j].span.start + delta;
    const at = nodes.findIndex((n) => spanOf(n.getRange()).start >= resume);
    if (at >= 0 && spanOf(nodes[at].getRange()).start === resume) {
      const fresh = nodes.slice(0, at).map((n) => toInstruction(n, text, lines, prev.escape, spanOf, firstLine));
      const lineDelta = lines.lineCount - prev.lines.lineCount;
      const tail = delta === 0 && lineDelta === 0 ? old.slice(j) : old.slice(j).map((i) => moved(i, delta, lineDelta));
      return old.slice(0, k0).concat(fresh, tail);
    }
    j++;
  }
}

/**
 * An instruction of the unchanged tail, moved to its new place in the same object (the facts
 * kept per instruction, such as its go commands, stay valid: they hold no document offsets).
 * Positions get new objects: findings of the previous version keep theirs.
 */
function moved(i: Instruction, delta: number, lineDelta: number): Instruction {
  const shift = (sp: Span): Span => ({ start: sp.start + delta, end: sp.end + delta });
  i.span = shift(i.span);
  i.line += lineDelta;
  i.endLine += lineDelta;
  i.flags = i.flags.map((f) => ({ name: f.name, value: f.value, span: shift(f.span) }));
  i.args = i.args.map((a) => ({ value: a.value, span: shift(a.span) }));
  i.argsSpan = i.argsSpan && shift(i.argsSpan);
  i.script = i.script && { ...i.script, base: i.script.base + delta };
  i.heredocs = i.heredocs.map((h) => ({ name: h.name, body: h.body && shift(h.body) }));
  return i;
}

/** A string that does not share memory with a larger one (V8 makes slices views of their source). */
function ownCopy(s: string): string {
  return s.length < 16 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

function toInstruction(node: AstInstruction, text: string, lines: LineTable, escape: string, spanOf: SpanOf, firstLine: number): Instruction {
  const keyword = node.getKeyword().toUpperCase();
  const range = node.getRange();
  const span = spanOf(range);
  // getArgumentsRange() would compute the arguments again: it is their first start to their last end.
  const astArgs = node.getArguments();
  const flags: Flag[] = getFlags(node).map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue(), span: spanOf(f.getRange()) }));
  let args: Word[] = astArgs.map((a) => ({ value: a.getValue(), span: spanOf(a.getRange()) }));
  const argsSpan = args.length > 0 ? { start: args[0].span.start, end: args[args.length - 1].span.end } : null;
  if (keyword === 'COPY' || keyword === 'ADD') args = withoutHeredocBodies(args, lines);
  // Only an instruction with `<<` in its arguments can have heredocs (getHeredocs reads the text again).
  const heredocs = args.some((a) => a.value.includes('<<'))
    ? ((node as unknown as { getHeredocs?: () => HeredocNode[] }).getHeredocs?.() ?? []).map((h) => {
      const r = h.getContentRange();
      return { name: h.getName() ?? '', body: r ? spanOf(r) : null };
    })
    : [];
  // Only these read the joined arguments; only a script keeps the map of its offsets.
  const scriptKeyword = SCRIPT_KEYWORDS.has(keyword);
  const map: number[] | null = scriptKeyword ? [] : null;
  const logical = argsSpan && JSON_KEYWORDS.has(keyword) ? { text: join(text, argsSpan, escape, lines, map), map: map ?? [] } : null;
  const json = logical ? execForm(logical.text) : null;
  let script: Script | null = null;
  if (logical && !json && scriptKeyword) script = toScript(text, logical, heredocs);
  // An exec-form RUN's `sh -c` string: a reading of the json and joined text compared here, not of the lexer.
  else if (logical && json && keyword === 'RUN') script = execScript(logical, json);
  return {
    keyword, span, line: range.start.line + firstLine, endLine: range.end.line + firstLine, stage: -1,
    flags, args, argsSpan, json, script, heredocs, ast: node,
  };
}

/** Stages, global ARGs and comments over the instructions (also those taken from an earlier version). */
function assemble(text: string, lines: LineTable, escape: string, directives: DockerfileModel['directives'], instructions: ModelInstruction[]): DockerfileModel {
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | null>();
  const stageByName = new Map<string, number>();

  for (const instr of instructions) {
    const { keyword, args, flags } = instr;
    instr.stage = keyword === 'FROM' ? stages.length : stages.length - 1;
    if (keyword === 'FROM') {
      const base = args[0]?.value ?? '';
      const asIndex = args.findIndex((a, i) => i > 0 && a.value.toLowerCase() === 'as');
      const name = asIndex > 0 && args[asIndex + 1] ? args[asIndex + 1].value.toLowerCase() : null;
      // `FROM build-${VARIANT}` names a stage once its ARG default is substituted.
      // `FROM ${REGISTRY}/golang:1.22` with no default: a registry or mirror in front of the image
      // named after it. The image is that name (see images/table normalizeRepository).
      const expanded = expandVariables(base, globalArgs) ?? registryLess(base, globalArgs);
      const baseStage = stageByName.get(base.toLowerCase()) ?? stageByName.get((expanded ?? '').toLowerCase()) ?? platformStage(base, globalArgs, stageByName);
      const stage: Stage = {
        index: stages.length, name, from: instr, base,
        resolvedBase: baseStage === null ? expanded : base,
        baseStage,
        platform: flags.find((f) => f.name === 'platform')?.value ?? null,
        instructions: [instr],
      };
      stages.push(stage);
      if (name) stageByName.set(name, stage.index);
    } else if (stages.length === 0) {
      if (keyword === 'ARG') for (const a of args) {
        const eq = a.value.indexOf('=');
        globalArgs.set(eq < 0 ? a.value : a.value.slice(0, eq), eq < 0 ? null : unquote(a.value.slice(eq + 1)));
      }
    } else {
      stages[stages.length - 1].instructions.push(instr);
    }
  }

  // Comment lines outside instructions, read from the text: dockerfile-ast reports a
  // top-of-file `# key words=value` as a parser directive, which BuildKit does not.
  const comments: DockerfileModel['comments'] = [];
  let next = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    while (next < instructions.length && instructions[next].endLine < line) next++;
    if (next < instructions.length && instructions[next].line <= line) {
      line = instructions[next].endLine;
      continue;
    }
    const content = lines.lineText(line).replace(/^\uFEFF/, '');
    const m = /^(\s*)#(.*)$/.exec(content);
    if (m) {
      const start = lines.starts[line] + (lines.lineText(line).length - content.length) + m[1].length;
      comments.push({ text: m[2].trim(), line, span: { start, end: lines.lineEnd(line) } });
    }
  }
  return { text, lines, eol: detectEol(text), escape, instructions, stages, globalArgs, comments, directives, notAnalysed: null };
}

/**
 * `COPY <<EOF /etc/motd` + body + `EOF`: the AST lists the body's words and the terminator as
 * arguments. The builder reads only the line of the `<<` operator: the heredoc is a source, the
 * body is its text, never paths of the context.
 */
function withoutHeredocBodies(args: Word[], lines: LineTable): Word[] {
  const first = args.find((a) => /^<<-?["']?[A-Za-z_]/.test(a.value));
  if (!first) return args;
  const line = lines.positionAt(first.span.start).line;
  return args.filter((a) => lines.positionAt(a.span.start).line <= line);
}

/** `${REGISTRY}/golang:1.22` -> `golang:1.22` when only the leading registry variable is unknown. */
function registryLess(base: string, args: Map<string, string | null>): string | null {
  const m = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)\/(.+)$/.exec(base);
  return m ? expandVariables(m[1], args) : null;
}

function getFlags(node: AstInstruction) {
  return node instanceof ModifiableInstruction ? node.getFlags() : [];
}

/** ENV/ARG/LABEL key-value pairs as the AST reads them (both `K=V` and legacy `K V`). */
export function propertiesAst(instr: Instruction): { name: string; value: string | null }[] {
  return instr.ast instanceof PropertyInstruction ? instr.ast.getProperties().map((p) => ({ name: p.getName(), value: p.getValue() })) : [];
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

/** Docker's exec form: the arguments are a JSON array of strings, else shell form. */
function execForm(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith('[')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/**
 * The arguments as the builder reads them: escape + line break removed, and comment or
 * blank lines inside a continuation skipped. Keeps a map back to document offsets.
 */
export function joinContinuations(text: string, span: Span, escape: string, lines: LineTable): { text: string; map: number[] } {
  const map: number[] = [];
  return { text: join(text, span, escape, lines, map), map };
}

/**
 * joinContinuations' text; the offsets go to `map` when one is given (only a script keeps them),
 * as Script.map's pairs: where each copied piece starts in the result and in the document.
 */
function join(text: string, span: Span, escape: string, lines: LineTable, map: number[] | null): string {
  let out = '';
  const end = span.end;
  // Characters from segStart up to the next continuation are copied as they are.
  let segStart = span.start;
  const copy = (to: number) => {
    if (to <= segStart) return;
    if (map) map.push(out.length, segStart);
    out += text.slice(segStart, to);
  };
  for (let i = escape.length === 1 ? text.indexOf(escape, span.start) : -1; i >= 0 && i < end; i = text.indexOf(escape, i)) {
    // escape, optional trailing blanks, line break => continuation
    let j = i + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    if (!(j < text.length && (text[j] === '\n' || text[j] === '\r'))) {
      i++;
      continue;
    }
    j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
    // skip comment-only and empty lines that follow
    for (;;) {
      const line = lines.positionAt(j).line;
      if (lines.starts[line] !== j) break;
      const content = lines.lineText(line);
      const trimmed = content.trimStart();
      if (!(trimmed.startsWith('#') || trimmed === '') || line + 1 >= lines.lineCount || lines.starts[line + 1] > end) break;
      j = lines.starts[line + 1];
    }
    copy(i);
    segStart = j;
    i = j;
  }
  copy(end);
  map?.push(out.length, end);
  return out;
}

interface HeredocNode {
  getName(): string | undefined;
  getContentRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null | undefined;
}

function toScript(text: string, logical: { text: string; map: number[] }, heredocs: Instruction['heredocs']): Script {
  const body = heredocs[0]?.body;
  if (body && /^\s*<<-?["']?\w/.test(logical.text)) {
    // `RUN <<EOF` runs the body of the first heredoc as the script.
    const bodyText = ownCopy(text.slice(body.start, body.end));
    const map = [0, body.start, bodyText.length, body.start + bodyText.length];
    return { text: bodyText, map, base: 0, parsed: parseShell(bodyText), heredoc: true };
  }
  return { text: logical.text, map: logical.map, base: 0, parsed: parseShell(logical.text), heredoc: false };
}
