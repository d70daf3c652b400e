/**
 * How much of a Dockerfile the analysis reads. Parsing costs tens of microseconds per word
 * (the Dockerfile parse, then the shell parser), so a 5 MB line kept the CLI busy for minutes and
 * grew the server by gigabytes. No real Dockerfile comes near these sizes: above them the
 * file is not analysed at all (no partial findings that could be wrong), and says why.
 */
import type { Span } from './text';

/** A physical line longer than this is not analysed (a long RUN is continued over lines). */
export const MAX_LINE_CHARS = 64 * 1024;
/** About 60,000 lines of a typical Dockerfile. */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

export interface OverLimit {
  /** Where the diagnostic goes: the first line over the limit, else the first line. */
  span: Span;
  /** Why, without a prefix: `line 2 is 5,000,009 characters long (…)`. */
  reason: string;
}

/** Thrown where a caller needs a model the limits refused (the layer preview). */
export class TooLargeToAnalyseError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TooLargeToAnalyseError';
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** The first over-long line, else an over-long file, else null; none for short texts. */
export function overLimit(text: string): OverLimit | null {
  if (text.length <= MAX_LINE_CHARS) return null;
  if (text.length <= MAX_DOCUMENT_CHARS && !longStretch(text)) return null;
  let start = 0;
  let line = 0;
  let firstLineEnd = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (i - start > MAX_LINE_CHARS) {
      return {
        span: { start, end: i },
        reason: `line ${line + 1} is ${count(i - start)} characters long (lines of up to ${count(MAX_LINE_CHARS)} characters are analysed)`,
      };
    }
    if (firstLineEnd < 0) firstLineEnd = i;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    line++;
  }
  if (text.length > MAX_DOCUMENT_CHARS) {
    return {
      span: { start: 0, end: firstLineEnd },
      reason: `the file has ${count(text.length)} characters (files of up to ${count(MAX_DOCUMENT_CHARS)} characters are analysed)`,
    };
  }
  return null;
}

/**
 * Whether some stretch between two \n is longer than a line may be: only then can a line be
 * (lines also end at a lone \r). indexOf finds the \n far faster than a loop over every
 * character, which was a millisecond of every keystroke's parse of a 14,000-line file.
 */
function longStretch(text: string): boolean {
  for (let from = 0; from <= text.length; ) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    if (nl - from > MAX_LINE_CHARS) return true;
    from = nl + 1;
  }
  return false;
}
