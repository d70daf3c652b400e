/**
 * Text -> DockerfileModel: dockerfile-ast for instructions, our own pass for what rules need
 * (stages, exec form, shell scripts with document offsets). Never throws on bad input.
 */
import { DockerfileParser, ModifiableInstruction, PropertyInstruction, type Instruction as AstInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Flag, Instruction, Script, Stage, Word } from './model';
import { parseShell } from './shell';
import { overLimit } from './limits';
import { LineTable, detectEol, type Span } from './text';
import { expandVariables } from './variables';

const SCRIPT_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'SHELL', 'VOLUME']);

export function parseDockerfile(text: string): DockerfileModel {
  const lines = new LineTable(text);
  const notAnalysed = overLimit(text);
  if (notAnalysed) {
    // Offsets still map into the real text (the diagnostic's range); nothing else is read.
    return { text, lines, eol: detectEol(text), escape: '\\', instructions: [], stages: [], globalArgs: new Map(), comments: [], ast: DockerfileParser.parse(''), notAnalysed };
  }
  const ast = DockerfileParser.parse(text);
  const escape = ast.getEscapeCharacter();
  const offsetOf = (p: { line: number; character: number }) => lines.offsetAt(p);
  const spanOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({
    start: offsetOf(r.start),
    end: offsetOf(r.end),
  });

  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | null>();
  const stageByName = new Map<string, number>();

  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const range = node.getRange();
    const span = spanOf(range);
    const argsRange = node.getArgumentsRange();
    const argsSpan = argsRange ? spanOf(argsRange) : null;
    const flags: Flag[] = getFlags(node).map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue(), span: spanOf(f.getRange()) }));
    let args: Word[] = node.getArguments().map((a) => ({ value: a.getValue(), span: spanOf(a.getRange()) }));
    if (keyword === 'COPY' || keyword === 'ADD') args = withoutHeredocBodies(args, lines);
    const heredocs = ((node as unknown as { getHeredocs?: () => HeredocNode[] }).getHeredocs?.() ?? []).map((h) => {
      const r = h.getContentRange();
      return { name: h.getName() ?? '', body: r ? spanOf(r) : null };
    });
    const logical = argsSpan ? joinContinuations(text, argsSpan, escape, lines) : null;
    const json = logical && JSON_KEYWORDS.has(keyword) ? execForm(logical.text) : null;
    let script: Script | null = null;
    if (logical && !json && SCRIPT_KEYWORDS.has(keyword)) script = toScript(node, text, logical, spanOf);

    const instr: Instruction = {
      keyword, span, line: range.start.line, endLine: range.end.line,
      stage: keyword === 'FROM' ? stages.length : stages.length - 1,
      flags, args, argsSpan, json, script, heredocs, ast: node,
    };
    instructions.push(instr);

    if (keyword === 'FROM') {
      const base = args[0]?.value ?? '';
      const asIndex = args.findIndex((a, i) => i > 0 && a.value.toLowerCase() === 'as');
      const name = asIndex > 0 && args[asIndex + 1] ? args[asIndex + 1].value.toLowerCase() : null;
      // `FROM build-${VARIANT}` names a stage once its ARG default is substituted.
      // `FROM ${REGISTRY}/golang:1.22` with no default: a registry or mirror in front of the image
      // named after it. The image is that name (see images/table normalizeRepository).
      const expanded = expandVariables(base, globalArgs) ?? registryLess(base, globalArgs);
      const baseStage = stageByName.get(base.toLowerCase()) ?? stageByName.get((expanded ?? '').toLowerCase()) ?? null;
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
    if (next < instructions.length && instructions[next].line <= line) continue;
    const content = lines.lineText(line).replace(/^\uFEFF/, '');
    const m = /^(\s*)#(.*)$/.exec(content);
    if (m) {
      const start = lines.starts[line] + (lines.lineText(line).length - content.length) + m[1].length;
      comments.push({ text: m[2].trim(), line, span: { start, end: lines.lineEnd(line) } });
    }
  }
  return { text, lines, eol: detectEol(text), escape, instructions, stages, globalArgs, comments, ast, notAnalysed: null };
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
export function properties(instr: Instruction): { name: string; value: string | null }[] {
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
  let out = '';
  const map: number[] = [];
  let i = span.start;
  const end = span.end;
  while (i < end) {
    const c = text[i];
    if (c === escape) {
      // escape, optional trailing blanks, line break => continuation
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < text.length && (text[j] === '\n' || text[j] === '\r')) {
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
        i = j;
        continue;
      }
    }
    out += c;
    map.push(i);
    i++;
  }
  map.push(end);
  return { text: out, map };
}

interface HeredocNode {
  getName(): string | undefined;
  getContentRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null | undefined;
}

function toScript(node: AstInstruction, text: string, logical: { text: string; map: number[] }, spanOf: (r: never) => Span): Script {
  const heredocs = (node as unknown as { getHeredocs?: () => { getContentRange(): unknown }[] }).getHeredocs?.() ?? [];
  const range = heredocs[0]?.getContentRange();
  if (range && /^\s*<<-?["']?\w/.test(logical.text)) {
    // `RUN <<EOF` runs the body of the first heredoc as the script.
    const body = spanOf(range as never);
    const bodyText = text.slice(body.start, body.end);
    const map = Array.from({ length: bodyText.length + 1 }, (_, k) => body.start + k);
    return { text: bodyText, map, parsed: parseShell(bodyText), heredoc: true };
  }
  return { text: logical.text, map: logical.map, parsed: parseShell(logical.text), heredoc: false };
}
