/**
 * A tolerant lexer for the go.mod / go.work syntax (golang.org/x/mod/modfile): line comments
 * (`//`), interpreted ("...") and raw (`...`) strings, `verb ( ... )` blocks. It never throws:
 * problems are collected and the line is skipped.
 */
import type { GoReplace } from './model';

export interface ModToken {
  text: string;
  /** Was written as a quoted string. */
  quoted: boolean;
}

export interface ModLine {
  /** The directive (for lines inside a block: the block's directive). */
  verb: string;
  /** Arguments after the verb, `=>`, `[`, `]` and `,` kept as tokens. */
  args: ModToken[];
  /** The trailing `//` comment without the slashes, trimmed ('' when none). */
  comment: string;
  /** 1-based line number. */
  line: number;
  /** The line sits inside a `verb ( ... )` block. */
  inBlock: boolean;
}

export interface ModLexResult {
  lines: ModLine[];
  errors: string[];
}

function tokenizeLine(src: string, lineNo: number, errors: string[]): { tokens: ModToken[]; comment: string } {
  const tokens: ModToken[] = [];
  let comment = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      comment = src.slice(i + 2).trim();
      break;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ text: c, quoted: false });
      i++;
      continue;
    }
    if (c === '=' && src[i + 1] === '>') {
      tokens.push({ text: '=>', quoted: false });
      i += 2;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let out = '';
      let closed = false;
      while (j < n) {
        const d = src[j];
        if (d === '\\' && j + 1 < n) {
          const e = src[j + 1];
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
          continue;
        }
        if (d === '"') {
          closed = true;
          j++;
          break;
        }
        out += d;
        j++;
      }
      if (!closed) errors.push(`line ${lineNo}: unterminated quoted string`);
      tokens.push({ text: out, quoted: true });
      i = j;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) {
        errors.push(`line ${lineNo}: unterminated raw string`);
        tokens.push({ text: src.slice(i + 1), quoted: true });
        break;
      }
      tokens.push({ text: src.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    // A bare word: up to whitespace, a special character, or a comment.
    let j = i;
    while (j < n) {
      const d = src[j];
      if (d === ' ' || d === '\t' || d === '\r' || d === '"' || d === '`' || d === '(' || d === ')' || d === '[' || d === ']' || d === ',') break;
      if (d === '/' && src[j + 1] === '/') break;
      if (d === '=' && src[j + 1] === '>') break;
      j++;
    }
    tokens.push({ text: src.slice(i, j), quoted: false });
    i = j;
  }
  return { tokens, comment };
}

export function lexModfile(text: string): ModLexResult {
  const errors: string[] = [];
  const lines: ModLine[] = [];
  if (typeof text !== 'string') return { lines, errors: ['not a string'] };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw = src.split('\n');
  let block: { verb: string; line: number } | null = null;
  for (let idx = 0; idx < raw.length; idx++) {
    const lineNo = idx + 1;
    const { tokens, comment } = tokenizeLine(raw[idx], lineNo, errors);
    if (tokens.length === 0) continue;
    if (block) {
      if (tokens.length === 1 && tokens[0].text === ')' && !tokens[0].quoted) {
        block = null;
        continue;
      }
      // A `)` ending the block after entries on the same line is not valid modfile syntax, but tolerate it.
      let args = tokens;
      let closes = false;
      const last = tokens[tokens.length - 1];
      if (last.text === ')' && !last.quoted) {
        args = tokens.slice(0, -1);
        closes = true;
        errors.push(`line ${lineNo}: ')' should be on its own line`);
      }
      if (args.length > 0 && args[0].text === '(' && !args[0].quoted) {
        errors.push(`line ${lineNo}: nested block`);
      } else if (args.length > 0) {
        lines.push({ verb: block.verb, args, comment, line: lineNo, inBlock: true });
      }
      if (closes) block = null;
      continue;
    }
    const verbTok = tokens[0];
    if (verbTok.quoted || /^[()[\],]$/.test(verbTok.text) || verbTok.text === '=>') {
      errors.push(`line ${lineNo}: unexpected ${JSON.stringify(verbTok.text)}`);
      continue;
    }
    const verb = verbTok.text;
    const rest = tokens.slice(1);
    if (rest.length >= 1 && rest[0].text === '(' && !rest[0].quoted) {
      if (rest.length === 1) {
        block = { verb, line: lineNo };
      } else if (rest.length === 2 && rest[1].text === ')' && !rest[1].quoted) {
        // `require ()`: an empty block.
      } else {
        // `require ( a v1 )` on one line: not valid, but keep what is between the parentheses.
        const inner = rest.slice(1);
        const closeAt = inner.findIndex((t) => t.text === ')' && !t.quoted);
        const args = closeAt >= 0 ? inner.slice(0, closeAt) : inner;
        errors.push(`line ${lineNo}: '(' must end the line`);
        if (args.length > 0) lines.push({ verb, args, comment, line: lineNo, inBlock: true });
        if (closeAt < 0) block = { verb, line: lineNo };
      }
      continue;
    }
    lines.push({ verb, args: rest, comment, line: lineNo, inBlock: false });
  }
  if (block) errors.push(`line ${block.line}: block '${block.verb} (' is never closed`);
  return { lines, errors };
}

/** `1.22`, `1.22.3`, `1.21rc1`, `1.21.0-rc.1` (lenient); also `1` (old, accepted by very old tools). */
const GO_VERSION_RE = /^[0-9]+(\.[0-9]+){0,2}((rc|beta|alpha)[0-9]+)?$/;

export function isGoVersion(v: string): boolean {
  return GO_VERSION_RE.test(v);
}

/** `go1.22.3` -> `1.22.3`; `default` and other non-versions -> null. */
export function toolchainToVersion(tc: string): string | null {
  const m = /^go([0-9][0-9A-Za-z.]*)(\+.*|-.*)?$/.exec(tc);
  if (!m) return null;
  return isGoVersion(m[1]) ? m[1] : null;
}

export function isLocalPath(p: string): boolean {
  return p.startsWith('./') || p.startsWith('../') || p === '.' || p === '..' || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('.\\') || p.startsWith('..\\');
}

/** The lines of a go.mod/go.work text, its lexing errors added to `errors`; null when it cannot be read. */
export function lexOrReport(text: string, file: 'go.mod' | 'go.work', errors: string[]): ModLine[] | null {
  let lexed;
  try {
    lexed = lexModfile(text);
  } catch (e) {
    errors.push(`unreadable ${file}: ${String(e)}`);
    return null;
  }
  errors.push(...lexed.errors);
  return lexed.lines;
}

/** Parses a `godebug key=value` line. */
export function parseGodebugArgs(l: ModLine, errors: string[]): { key: string; value: string; line: number } | null {
  const kv = l.args.map((t) => t.text).join('');
  const eq = kv.indexOf('=');
  if (eq > 0) return { key: kv.slice(0, eq), value: kv.slice(eq + 1), line: l.line };
  errors.push(`line ${l.line}: malformed godebug`);
  return null;
}

/** Parses the arguments of a `replace` line: `old [v] => new [v]`. */
export function parseReplaceArgs(l: ModLine, errors: string[]): GoReplace | null {
  const a = l.args.map((t) => t.text);
  const arrow = l.args.findIndex((t) => t.text === '=>' && !t.quoted);
  if (arrow < 1 || arrow > 2 || a.length - arrow - 1 < 1 || a.length - arrow - 1 > 2) {
    errors.push(`line ${l.line}: malformed replace`);
    return null;
  }
  const oldPath = a[0];
  const oldVersion = arrow === 2 ? a[1] : null;
  const newPath = a[arrow + 1];
  const newVersion = a.length - arrow - 1 === 2 ? a[arrow + 2] : null;
  return { oldPath, oldVersion, newPath, newVersion, local: isLocalPath(newPath), line: l.line };
}
