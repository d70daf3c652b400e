/**
 * Edits of an existing .dockerignore's text (offsets into that text): append lines, remove one.
 */
import { detectEol } from '../dockerfile/text';
import type { Edit } from './edits';

/** An edit appending lines at the end of an existing file's text (its own line ending; a missing final one added first). */
export function appendLinesEdit(text: string, lines: readonly string[]): Edit {
  const eol = detectEol(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const needsBreak = body.length > 0 && !/[\r\n]$/.test(body);
  return { start: text.length, end: text.length, newText: (needsBreak ? eol : '') + lines.map((l) => l + eol).join('') };
}

/**
 * An edit removing line `line` (1-based, numbered as DockerIgnore numbers them: after a BOM,
 * split at LF or CRLF) with its line break; null when the file has no such line.
 */
export function removeLineEdit(text: string, line: number): Edit | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const re = /\r?\n/g;
  let start = bom;
  for (let n = 1; ; n++) {
    const m = re.exec(text);
    const end = m ? m.index + m[0].length : text.length;
    if (n === line) {
      if (start === end) return null;
      // The last line without a break: take the break before it instead, so no empty line stays.
      if (!m && start > bom) {
        const prevBreak = /\r?\n$/.exec(text.slice(bom, start));
        return { start: start - (prevBreak ? prevBreak[0].length : 0), end, newText: '' };
      }
      return { start, end, newText: '' };
    }
    if (!m) return null;
    start = end;
  }
}
