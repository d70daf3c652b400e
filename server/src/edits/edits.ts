/**
 * Edit builders shared by quick fixes, fix-all and the generator. Edits are offsets into
 * the document (UTF-16); new lines use the document's own line ending.
 */
import type { DockerfileModel } from '../dockerfile/model';

export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export function replace(start: number, end: number, newText: string): Edit {
  return { start, end, newText };
}

export function insert(at: number, newText: string): Edit {
  return { start: at, end: at, newText };
}

/** Insert whole lines before a line (after a byte-order mark on the first line). */
export function insertLinesBefore(model: DockerfileModel, line: number, lines: string[]): Edit {
  let at = model.lines.starts[Math.min(line, model.lines.lineCount - 1)];
  if (at === 0 && model.text.charCodeAt(0) === 0xfeff) at = 1;
  return insert(at, lines.map((l) => l + model.eol).join(''));
}

/**
 * Insert whole lines above an instruction and above the comments directly attached to it,
 * so a pragma (`# go-dockerfile ignore=...`) keeps applying to the instruction it was written
 * for. Never above the parser directives at the top of the file.
 */
export function insertAboveInstruction(model: DockerfileModel, line: number, lines: string[]): Edit {
  let first = line;
  const floor = directiveLines(model);
  while (first - 1 >= floor && /^\s*#/.test(model.lines.lineText(first - 1).replace(/^\uFEFF/, ''))) first--;
  return insertLinesBefore(model, first, lines);
}

/** How many lines at the top are parser directives (`# escape=`, `# syntax=`, `# check=`). */
export function directiveLines(model: DockerfileModel): number {
  let n = 0;
  while (n < model.lines.lineCount && /^\s*#\s*[A-Za-z][A-Za-z0-9]*\s*=/.test(model.lines.lineText(n).replace(/^\uFEFF/, ''))) n++;
  return n;
}

/** Insert whole lines after the last line of a range (keeps the file's final-newline style). */
export function insertLinesAfter(model: DockerfileModel, line: number, lines: string[]): Edit {
  if (line + 1 < model.lines.lineCount) return insertLinesBefore(model, line + 1, lines);
  const at = model.text.length;
  const endsWithBreak = /\r?\n$|\r$/.test(model.text);
  return insert(at, (endsWithBreak ? '' : model.eol) + lines.join(model.eol) + (endsWithBreak ? model.eol : ''));
}

/** Delete whole lines [first, last] including the line break that ends the last one. */
export function deleteLines(model: DockerfileModel, first: number, last: number): Edit {
  const start = model.lines.starts[first];
  const end = last + 1 < model.lines.lineCount ? model.lines.starts[last + 1] : model.text.length;
  return replace(start, end, '');
}

/** Apply non-overlapping edits; throws on overlap so a broken fix never silently corrupts text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Do two edit lists touch the same text? (Inserts at the same point count as touching.) */
export function editsOverlap(a: readonly Edit[], b: readonly Edit[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end || x.start === y.start || (x.start === x.end && x.start > y.start && x.start < y.end) || (y.start === y.end && y.start > x.start && y.start < x.end)));
}
