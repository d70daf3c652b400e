/**
 * Edits that merge into or remove from a go command's flag values (`-ldflags`, whole words)
 * without breaking the shell quoting around them.
 */
import { isSpace, type LdflagsArg } from '../dockerfile/goBuild';
import type { DockerfileModel, Script } from '../dockerfile/model';
import { scriptSpan, toDoc } from '../dockerfile/model';
import { replace, type Edit } from './edits';

/**
 * An edit that adds linker flags at the front of an `-ldflags` value, keeping the shell quoting
 * valid: inside the existing quotes, or by quoting a plain unquoted value. Null when the value
 * starts with an expansion or has a shape we do not rewrite.
 */
export function prependLdflags(script: Script, arg: LdflagsArg, add: string[]): Edit | null {
  const chars = arg.chars;
  let k = arg.argsIndex;
  while (k < chars.length && isSpace(chars[k])) k++;
  const text = add.join(' ');
  if (k < chars.length) {
    const c = chars[k];
    if (c.dynamic) return null;
    if (c.quote) return { start: toDoc(script, c.start), end: toDoc(script, c.start), newText: `${text} ` };
    // Unquoted: only a plain value (no quotes, escapes or expansions) is rewritten, as "…".
    const raw = script.text.slice(arg.valueStart, arg.valueEnd);
    if (!/^[A-Za-z0-9_./=,:@%+-]+$/.test(raw)) return null;
    const at = c.start - arg.valueStart;
    return { ...spanEdit(script, arg.valueStart, arg.valueEnd), newText: `"${raw.slice(0, at)}${text} ${raw.slice(at)}"` };
  }
  // Nothing after the pattern (`-ldflags ""`, `-ldflags "all="`): put the flags inside the quotes.
  const raw = script.text.slice(arg.valueStart, arg.valueEnd);
  const q = /^(["'])(.*)\1$/s.exec(raw);
  if (q && !/[$`\\]/.test(q[2])) return { ...spanEdit(script, arg.valueStart, arg.valueEnd), newText: `${q[1]}${q[2]}${text}${q[1]}` };
  return null;
}

/**
 * An edit that removes tokens [from, to] of an `-ldflags` value with the space before them (or
 * after, for the first), or the whole `-ldflags` argument when nothing else is left. Null when
 * the text to remove crosses a shell quote or contains an expansion.
 */
export function removeLdflagsTokens(model: DockerfileModel, script: Script, arg: LdflagsArg, from: number, to: number): Edit | null {
  const tokens = arg.tokens;
  if (from === 0 && to === tokens.length - 1) {
    // Nothing else left: drop the flag (and its value word).
    return removeWords(model, script, arg.flagWord.start, (arg.valueWord ?? arg.flagWord).end);
  }
  const first = from > 0 ? tokens[from - 1].last + 1 : tokens[from].first;
  const last = from > 0 ? tokens[to].last : tokens[to + 1].first - 1;
  const cut = arg.chars.slice(first, last + 1);
  if (cut.length === 0 || cut.some((c) => c.dynamic || c.seg !== cut[0].seg)) return null;
  for (let i = 1; i < cut.length; i++) if (cut[i].start !== cut[i - 1].end) return null; // a quote in between
  return { ...spanEdit(script, cut[0].start, cut[cut.length - 1].end), newText: '' };
}

function spanEdit(script: Script, start: number, end: number): { start: number; end: number } {
  const s = scriptSpan(script, start, end);
  return { start: s.start, end: s.end };
}

/**
 * Removes the script text [start, end) (whole words) with the blanks that separated it, so
 * that `go build -a -o x` becomes `go build -o x`; a word alone on a continuation line takes
 * its line with it.
 */
export function removeWords(model: DockerfileModel, script: Script, start: number, end: number): Edit {
  const text = model.text;
  const span = scriptSpan(script, start, end);
  let s = span.start;
  let e = span.end;
  const esc = script.heredoc ? '\\' : model.escape;
  const lineStart = model.lines.starts[model.lines.positionAt(s).line];
  const endLine = model.lines.positionAt(Math.max(s, e - 1)).line;
  const lineEnd = model.lines.lineEnd(endLine);
  const before = text.slice(lineStart, s);
  const after = text.slice(e, lineEnd);
  const isBlank = (x: string) => /^[ \t]*$/.test(x);
  const continues = new RegExp(`^[ \\t]*${escapeRe(esc)}[ \\t]*$`);
  if (isBlank(before)) {
    if (continues.test(after)) {
      // The word is alone on a continuation line: remove the line.
      const next = endLine + 1 < model.lines.lineCount ? model.lines.starts[endLine + 1] : text.length;
      return replace(lineStart, next, '');
    }
    if (isBlank(after)) {
      // Alone on the last line of the instruction: remove it with the continuation that led to it.
      const startLine = model.lines.positionAt(s).line;
      if (startLine > 0) {
        const prev = model.lines.lineText(startLine - 1);
        const m = new RegExp(`[ \\t]*${escapeRe(esc)}[ \\t]*$`).exec(prev);
        if (m) return replace(model.lines.starts[startLine - 1] + m.index, lineEnd, '');
      }
    }
    while (e < lineEnd && (text[e] === ' ' || text[e] === '\t')) e++;
    return replace(s, e, '');
  }
  if (s > lineStart && (text[s - 1] === ' ' || text[s - 1] === '\t')) {
    while (s > lineStart && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  } else {
    while (e < lineEnd && (text[e] === ' ' || text[e] === '\t')) e++;
  }
  return replace(s, e, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
