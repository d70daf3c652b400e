/** Offsets are UTF-16 code units, as in JavaScript strings and LSP positions. */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

/** How an edit changed a text: the lengths of the unchanged start and end it kept. */
export interface TextChange {
  prefix: number;
  suffix: number;
}

/**
 * The longest common start and (not overlapping it) end of two texts. Compared a stretch at a
 * time, the stretches shrinking (4096, 512, 64, 8, 1): V8 compares two strings in native code,
 * where a loop over charCodeAt took ~6 ms of every keystroke in a 14,000-line file (the text an
 * editor edits is a rope of pieces, which each slice here reads flattened).
 */
export function textChange(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (prefix + step <= max && before.slice(prefix, prefix + step) === after.slice(prefix, prefix + step)) prefix += step;
  }
  const bl = before.length;
  const al = after.length;
  let suffix = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (suffix + step <= max - prefix && before.slice(bl - suffix - step, bl - suffix) === after.slice(al - suffix - step, al - suffix)) suffix += step;
  }
  return { prefix, suffix };
}

/** Line starts of a text, for offset <-> position conversion (LSP rules: \r\n, \n and \r end lines). */
export class LineTable {
  readonly starts: number[];
  constructor(readonly text: string, known?: number[]) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Line feeds only (most files): indexOf finds each faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /**
   * The table of `text`, an edit of `prev.text` that kept its first `change.prefix` and last
   * `change.suffix` characters: the line starts before the edit are kept, those after it
   * moved, and only the edited stretch is read (the whole text was a few milliseconds of every
   * keystroke in a 14,000-line file). A start is decided by the two characters before and at
   * it (`\r` then not `\n`), so one is kept only where both are unchanged.
   */
  static edited(prev: LineTable, text: string, change: TextChange): LineTable {
    const old = prev.starts;
    const newEnd = text.length - change.suffix;
    const oldEnd = prev.text.length - change.suffix;
    const delta = text.length - prev.text.length;
    const starts: number[] = [];
    let k = 0;
    // Kept: starts before the edit (x < prefix: characters x - 1 and x unchanged).
    while (k < old.length && old[k] < change.prefix) starts.push(old[k++]);
    if (starts.length === 0) starts.push(0);
    // Read: starts x with x - 1 in the edited stretch [prefix - 1, newEnd).
    for (let i = Math.max(0, change.prefix - 1); i < newEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          // \r\n: the start follows the \n, which the tail has when it is unchanged.
          if (i + 1 < newEnd) starts.push(i + 2);
          i++;
        } else {
          starts.push(i + 1);
        }
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    // Moved: starts after it (x - 1 >= the end of the old stretch).
    while (k < old.length && old[k] - 1 < oldEnd) k++;
    for (; k < old.length; k++) starts.push(old[k] + delta);
    return new LineTable(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** The line of an offset (positionAt's line, without the object). */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
}

/** The line ending a fix should write: the first one the file uses, LF for a one-line file. */
export function detectEol(text: string): '\r\n' | '\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r + 1 < n)) return '\r'; // old Mac style: a lone \r comes first
  return n > 0 && text.charCodeAt(n - 1) === 13 ? '\r\n' : '\n';
}
