/**
 * Our Dockerfile lexer: one forward pass over the text that yields each instruction's keyword,
 * extent, flags, arguments and heredocs as plain data, with document offsets.
 *
 * It reads a Dockerfile exactly as dockerfile-ast 0.7.1 does (the parser's instruction and
 * heredoc extents, Instruction.getRawArguments, ModifiableInstruction.getFlags,
 * Instruction.getHeredocs, the parser directives), quirks included, so that the findings stay
 * those the language service's parse would give: test/unit/lexer.test.ts compares the two on
 * every Dockerfile we have and thousands of generated ones. It keeps no AST: an argument's
 * value is a slice of the text unless escapes were taken out of it.
 *
 * Offsets: dockerfile-ast works in line/character positions, which put an offset on the line
 * feed of a CRLF at its carriage return; `fx` does the same to every offset it reports.
 */
import type { Flag, Word } from './model';
import type { LineTable } from './text';

const TAB = 9;
const LF = 10;
const CR = 13;
const SP = 32;
const DQ = 34;
const HASH = 35;
const DOLLAR = 36;
const SQ = 39;
const MINUS = 45;
const LT = 60;

export interface Directive {
  name: string;
  value: string | null;
}

export interface LexedInstruction {
  /** Upper-case keyword, as the parser spells it (escapes inside it included). */
  keyword: string;
  start: number;
  /** Where the keyword ends (the arguments are read from there). */
  keywordEnd: number;
  end: number;
  line: number;
  endLine: number;
  flags: Flag[];
  /** The arguments after the flags. */
  args: Word[];
  heredocs: { name: string; body: { start: number; end: number } | null }[];
}

// Most instructions have neither: one shared (frozen: nothing modifies the model's arrays) empty list.
const NO_FLAGS = Object.freeze([]) as unknown as Flag[];
const NO_HEREDOCS = Object.freeze([]) as unknown as LexedInstruction['heredocs'];

/** Keywords whose leading `--name[=value]` arguments are flags, and where the flags stop. */
const enum FlagKind {
  None,
  /** RUN, COPY, ADD, FROM: until an argument without `--`. */
  DoubleDash,
  /** HEALTHCHECK: until CMD or NONE. */
  Healthcheck,
  /** CMD, ENTRYPOINT, SHELL, VOLUME: the first argument ends the (empty) flags. */
  Never,
}

function flagKind(keyword: string): FlagKind {
  switch (keyword) {
    case 'RUN':
    case 'COPY':
    case 'ADD':
    case 'FROM':
      return FlagKind.DoubleDash;
    case 'HEALTHCHECK':
      return FlagKind.Healthcheck;
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'VOLUME':
      return FlagKind.Never;
    default:
      return FlagKind.None;
  }
}

/** One string of the common keywords, whatever text they were read from. */
function intern(keyword: string): string {
  switch (keyword) {
    case 'FROM': return 'FROM';
    case 'RUN': return 'RUN';
    case 'COPY': return 'COPY';
    case 'ADD': return 'ADD';
    case 'ENV': return 'ENV';
    case 'ARG': return 'ARG';
    case 'WORKDIR': return 'WORKDIR';
    case 'CMD': return 'CMD';
    case 'ENTRYPOINT': return 'ENTRYPOINT';
    case 'LABEL': return 'LABEL';
    case 'USER': return 'USER';
    case 'EXPOSE': return 'EXPOSE';
    default: return keyword;
  }
}

/**
 * Parser directives at the top (`# escape=\``), where the instructions start, and the escape
 * character (dockerfile-ast's getParserDirectives and getEscapeCharacter).
 */
export function lexDirectives(text: string, lines: LineTable): { directives: Directive[]; escape: string; body: number } {
  const n = text.length;
  const directives: Directive[] = [];
  const bom = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  directiveCheck: for (let i = bom; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SP || c === TAB) continue;
    if (c !== HASH) break;
    let directiveStart = -1;
    let directiveEnd = -1;
    for (let j = i + 1; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === SP || d === TAB) {
        if (directiveStart !== -1 && directiveEnd === -1) directiveEnd = j;
      } else if (d === CR || d === LF) {
        break directiveCheck;
      } else if (d === 61 /* = */) {
        let valueStart = -1;
        let valueEnd = -1;
        if (directiveEnd === -1) directiveEnd = j;
        let lineEnd = n;
        for (let k = j + 1; k < n; k++) {
          const e = text.charCodeAt(k);
          if (e === CR || e === LF) {
            if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
            lineEnd = k;
            break;
          } else if (e === SP || e === TAB) {
            if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
          } else if (valueStart === -1) {
            valueStart = k;
          }
        }
        if (directiveStart === -1) break directiveCheck;
        if (valueStart === -1) {
          valueStart = j + 1;
          valueEnd = lineEnd;
        } else if (valueEnd === -1) {
          valueEnd = n;
        }
        directives.push({ name: text.slice(directiveStart, directiveEnd), value: text.slice(valueStart, valueEnd) });
        i = text.charCodeAt(valueEnd) === CR ? valueEnd + 1 : valueEnd;
        continue directiveCheck;
      } else if (directiveStart === -1) {
        directiveStart = j;
      }
    }
    // A `#` line without `=` that runs to the end of the text: the scan goes on after the `#`.
  }
  let escape = '\\';
  for (const d of directives) {
    if (d.name.toLowerCase() === 'escape' && (d.value === '\\' || d.value === '`')) {
      escape = d.value;
      break;
    }
  }
  const body = directives.length > 0 ? (directives.length < lines.lineCount ? lines.starts[directives.length] : n) : bom;
  return { directives, escape, body };
}

// For Lexer.skipTo, per escape character (lastIndex is set before each use).
const BREAK_OR_BACKSLASH = /[\r\n\\]/g;
const BREAK_OR_BACKTICK = /[\r\n`]/g;
const WORD_END_BACKSLASH = /[ \t\r\n\\]/g;
const WORD_END_BACKTICK = /[ \t\r\n`]/g;

/** Reads instructions one at a time from a line start where the parser would be between instructions. */
export class Lexer {
  private readonly n: number;
  private readonly esc: number;
  /** Where the next scan for an instruction starts. */
  pos: number;
  // The value being built from single characters of the text: `acc` + text[ps, pe).
  private acc = '';
  private ps = -1;
  private pe = -1;
  /** The next line break or escape character (what ends a stretch withArguments has nothing to decide in). */
  private readonly breakOrEscape: RegExp;
  /** The next blank, line break or escape character (what ends a stretch of a word in rawArguments). */
  private readonly wordEnd: RegExp;

  constructor(private readonly text: string, private readonly lines: LineTable, escape: string, from: number) {
    this.n = text.length;
    this.esc = escape.charCodeAt(0);
    this.pos = from;
    const backtick = escape === '`';
    this.breakOrEscape = backtick ? BREAK_OR_BACKTICK : BREAK_OR_BACKSLASH;
    this.wordEnd = backtick ? WORD_END_BACKTICK : WORD_END_BACKSLASH;
  }

  /**
   * Where `re` next matches at or after `i` (at most `to`). The loops below read a character at
   * a time, and in a fresh process they run interpreted: the first analysis after a file is
   * opened spent most of its lexing there. They hand the stretches with nothing to decide in to
   * the regular expression engine, native code from its first runs.
   */
  private skipTo(re: RegExp, i: number, to: number): number {
    re.lastIndex = i;
    // `test`, not `exec`: no match array to allocate (each expression matches one character,
    // so the match is at lastIndex - 1).
    if (!re.test(this.text)) return to;
    const at = re.lastIndex - 1;
    return at > to ? to : at;
  }

  /** The next instruction, or null at the end of the text. */
  next(): LexedInstruction | null {
    const text = this.text;
    const n = this.n;
    for (let i = this.pos; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === SP || c === TAB || c === CR || c === LF) continue;
      if (c === HASH) {
        i = this.lineBreakFrom(i + 1);
        continue;
      }
      return this.instruction(i);
    }
    this.pos = n;
    return null;
  }

  private code(i: number): number {
    return i < this.n ? this.text.charCodeAt(i) : -1;
  }

  /** The first line break at or after `i`, or the end of the text. */
  private lineBreakFrom(i: number): number {
    const text = this.text;
    for (; i < this.n; i++) {
      const c = text.charCodeAt(i);
      if (c === CR || c === LF) return i;
    }
    return this.n;
  }

  /** dockerfile-ast's positions put the line feed of a CRLF at its carriage return. */
  private fx(o: number): number {
    return o > 0 && o < this.n && this.text.charCodeAt(o) === LF && this.text.charCodeAt(o - 1) === CR ? o - 1 : o;
  }

  private reset(): void {
    this.acc = '';
    this.ps = -1;
    this.pe = -1;
  }

  private add(p: number): void {
    if (p === this.pe) {
      this.pe++;
      return;
    }
    if (this.ps >= 0) this.acc += this.text.slice(this.ps, this.pe);
    this.ps = p;
    this.pe = p + 1;
  }

  private value(): string {
    if (this.ps < 0) return this.acc;
    const piece = this.text.slice(this.ps, this.pe);
    return this.acc === '' ? piece : this.acc + piece;
  }

  /** Parser.processInstruction: the keyword, then the arguments to the end of the instruction. */
  private instruction(start: number): LexedInstruction {
    const text = this.text;
    const n = this.n;
    const esc = this.esc;
    this.reset();
    this.add(start);
    let instructionEnd = -1;
    let escapedInstruction = false;
    instructionCheck: for (let i = start + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === esc) {
        escapedInstruction = true;
        const d = this.code(i + 1);
        if (d === CR || d === LF) {
          if (instructionEnd === -1) instructionEnd = i;
          i++;
        } else if (d === SP || d === TAB) {
          for (let j = i + 2; j < n; j++) {
            const e = text.charCodeAt(j);
            if (e === SP || e === TAB) continue;
            if (e === CR || e === LF) {
              i = j;
              continue instructionCheck;
            }
            instructionEnd = i + 1;
            this.add(i);
            i = j - 2;
            continue instructionCheck;
          }
          instructionEnd = i + 1;
          this.add(i);
          break instructionCheck;
        } else {
          instructionEnd = i + 1;
          this.add(i);
          escapedInstruction = false;
        }
        continue;
      }
      if (c === SP || c === TAB) {
        if (escapedInstruction) {
          escapeCheck: for (let j = i + 1; j < n; j++) {
            const e = text.charCodeAt(j);
            if (e === SP || e === TAB) continue;
            if (e === CR || e === LF) {
              i = j;
              continue instructionCheck;
            }
            break escapeCheck;
          }
          escapedInstruction = false;
        }
        if (instructionEnd === -1) instructionEnd = i;
        const keyword = intern(this.value().toUpperCase());
        return this.withArguments(keyword, start, instructionEnd, i);
      }
      if (c === CR || c === LF) {
        if (escapedInstruction) continue;
        this.pos = i + 1;
        return this.make(intern(this.value().toUpperCase()), start, i, i, null);
      }
      if (c === HASH && escapedInstruction) continue;
      instructionEnd = i + 1;
      this.add(i);
      escapedInstruction = false;
    }
    if (instructionEnd === -1) instructionEnd = n;
    this.pos = n;
    return this.make(intern(this.value().toUpperCase()), start, instructionEnd, n, null);
  }

  /** Parser.processArguments: to the first line break not escaped, then past any heredocs. */
  private withArguments(keyword: string, start: number, keywordEnd: number, offset: number): LexedInstruction {
    const text = this.text;
    const n = this.n;
    const esc = this.esc;
    let escaped = false;
    argumentsCheck: for (let i = offset + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === CR || c === LF) {
        if (escaped) continue;
        return this.withHeredocs(keyword, start, keywordEnd, i);
      }
      if (c === esc) {
        const d = this.code(i + 1);
        if (d === LF || d === CR) {
          escaped = true;
          i++;
        } else if (d === SP || d === TAB) {
          for (let j = i + 2; j < n; j++) {
            const e = text.charCodeAt(j);
            if (e === SP || e === TAB) continue;
            if (e === CR || e === LF) escaped = true;
            i = j;
            continue argumentsCheck;
          }
          this.pos = n;
          return this.make(keyword, start, keywordEnd, n, null);
        }
        continue;
      }
      if (c === HASH) {
        if (escaped) i = this.lineBreakFrom(i + 1);
        else i = this.skipTo(this.breakOrEscape, i + 1, n) - 1;
        continue;
      }
      if (c !== SP && c !== TAB) escaped = false;
      // Not after a continuation: nothing but a line break or the escape character matters.
      if (!escaped) i = this.skipTo(this.breakOrEscape, i + 1, n) - 1;
    }
    this.pos = n;
    return this.make(keyword, start, keywordEnd, n, null);
  }

  /**
   * Parser.processHeredocs: a RUN, COPY or ADD (also as an ONBUILD trigger) whose first line
   * opens heredocs ends after the last one's terminator.
   */
  private withHeredocs(keyword: string, start: number, keywordEnd: number, lineEnd: number): LexedInstruction {
    let raw: Word[] | null = null;
    let end = lineEnd;
    let args: Word[] | null = null;
    let kind = flagKind(keyword);
    if (keyword === 'ONBUILD') {
      const own = this.rawArguments(keywordEnd, this.fx(lineEnd));
      if (own.length > 0) {
        const trigger = this.text.slice(this.fx(own[0].span.start), this.fx(own[0].span.end)).toUpperCase();
        if (trigger === 'ADD' || trigger === 'COPY' || trigger === 'RUN') {
          kind = FlagKind.DoubleDash;
          args = this.rawArguments(this.fx(own[0].span.end), this.fx(lineEnd));
        }
      }
    } else if (keyword === 'ADD' || keyword === 'COPY' || keyword === 'RUN') {
      raw = this.rawArguments(keywordEnd, this.fx(lineEnd));
      args = raw;
    }
    if (args) {
      const { flags } = this.flags(args, kind, false);
      // One `<<-` makes every terminator of the instruction tab-indentable.
      let tabbed = false;
      let names: string[] | null = null;
      for (let k = flags; k < args.length; k++) {
        const value = args[k].value;
        if (value.length > 2 && value.charCodeAt(0) === LT && value.charCodeAt(1) === LT) {
          if (value.charCodeAt(2) === MINUS) tabbed = true;
          const name = heredocName(value);
          if (name !== null) (names ??= []).push(name);
        }
      }
      if (names) for (const name of names) end = this.heredocEnd(name, end, tabbed);
    }
    this.pos = end + 1;
    return this.make(keyword, start, keywordEnd, end, end === lineEnd ? raw : null);
  }

  /** Parser.parseHeredoc: the line break after the terminator line, or the end of the text. */
  private heredocEnd(name: string, offset: number, tabbed: boolean): number {
    const text = this.text;
    let startWord = -1;
    let lineStart = true;
    for (let i = offset; i < this.n; i++) {
      const c = text.charCodeAt(i);
      if (c === SP) {
        lineStart = false;
      } else if (c === TAB) {
        if (!tabbed) lineStart = false;
      } else if (c === CR || c === LF) {
        if (startWord !== -1 && i - startWord === name.length && text.startsWith(name, startWord)) return i;
        startWord = -1;
        lineStart = true;
      } else if (lineStart) {
        startWord = i;
        lineStart = false;
      }
    }
    return this.n;
  }

  /** The instruction from its extent; `raw`: its raw arguments when already read. */
  private make(keyword: string, start: number, keywordEnd: number, end: number, raw: Word[] | null): LexedInstruction {
    const fend = this.fx(end);
    raw ??= this.rawArguments(keywordEnd, fend);
    const kind = flagKind(keyword);
    let flags = NO_FLAGS;
    let args = raw;
    if (kind !== FlagKind.None && raw.length > 0) {
      const read = this.flags(raw, kind, true);
      if (read.list) {
        flags = read.list;
        args = raw.slice(read.flags);
      }
    }
    const line = this.lines.lineAt(start);
    const endLine = this.lines.lineAt(fend);
    let heredocs = NO_HEREDOCS;
    for (const a of args) {
      if (a.value.includes('<<')) {
        heredocs = this.heredocs(args, line === endLine, fend);
        break;
      }
    }
    return { keyword, start, keywordEnd, end: fend, line, endLine, flags, args, heredocs };
  }

  /**
   * ModifiableInstruction.getFlags: how many leading arguments are flags (the instruction's
   * arguments are the raw ones after that many), and the flags when `build`.
   */
  private flags(raw: Word[], kind: FlagKind, build: boolean): { flags: number; list: Flag[] | null } {
    let list: Flag[] | null = null;
    let count = 0;
    for (const arg of raw) {
      const value = arg.value;
      if (kind === FlagKind.Never) break;
      if (kind === FlagKind.DoubleDash ? value.indexOf('--') === -1 : isCmdOrNone(value)) break;
      if (value.charCodeAt(0) !== MINUS || value.charCodeAt(1) !== MINUS) continue;
      count++;
      if (!build) continue;
      const rawValue = this.text.slice(arg.span.start, arg.span.end);
      const nameIndex = value.indexOf('=');
      const index = rawValue.indexOf('=');
      let name: string;
      let flagValue: string | null;
      if (index === -1) {
        name = value.substring(2);
        flagValue = null;
      } else if (index === value.length - 1) {
        name = value.substring(2, index);
        flagValue = '';
      } else {
        name = value.substring(2, nameIndex);
        flagValue = value.substring(nameIndex + 1);
      }
      (list ??= []).push({ name: name.toLowerCase(), value: flagValue, span: { start: arg.span.start, end: arg.span.end } });
    }
    return { flags: count, list };
  }

  /** Instruction.getRawArguments over text[from, to): words with escapes taken out. */
  private rawArguments(from: number, to: number): Word[] {
    const text = this.text;
    const esc = this.esc;
    const args: Word[] = [];
    if (to <= from) return args;
    let start = false;
    let comment = false;
    let found = -1;
    let escapedWhitespaceDetected = false;
    let escaping = false;
    let escapeMarker = -1;
    this.reset();
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === SP || c === TAB || c === CR || c === LF) {
        if (escaping) {
          escapedWhitespaceDetected = true;
          if (c === CR || c === LF) {
            escapedWhitespaceDetected = false;
            if (comment) {
              comment = false;
              start = true;
            }
          }
          continue;
        } else if (found !== -1) {
          this.word(args, found, from, escapeMarker === -1 ? i : escapeMarker);
          found = -1;
          escapeMarker = -1;
        }
      } else if (c === esc) {
        const d = i + 1 < to ? text.charCodeAt(i + 1) : -1;
        if (d === SP || d === TAB) {
          whitespaceCheck: for (let j = i + 2; j < to; j++) {
            const e = text.charCodeAt(j);
            if (e === SP || e === TAB) continue;
            if (e === CR || e === LF) {
              if (e === CR) j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            }
            escapeMarker = i;
            if (found === -1) i = j - 1;
            break whitespaceCheck;
          }
        } else if (d === CR || d === LF) {
          comment = false;
          escaping = true;
          start = true;
          if (found !== -1 && escapeMarker === -1) escapeMarker = i;
          i += d === CR ? 2 : 1;
        } else {
          if (escapedWhitespaceDetected && escapeMarker !== -1) {
            this.word(args, found, from, escapeMarker);
            found = -1;
          }
          escapeMarker = -1;
          escapedWhitespaceDetected = false;
          escaping = false;
          if (d === -1) break;
          if (d === DOLLAR) this.add(i);
          this.add(i + 1);
          if (found === -1) found = i;
          i++;
        }
      } else if (!comment) {
        if (start && c === HASH) {
          comment = true;
        } else {
          if (escapedWhitespaceDetected && escapeMarker !== -1) {
            this.word(args, found, from, escapeMarker);
            found = -1;
          }
          escapedWhitespaceDetected = false;
          escaping = false;
          escapeMarker = -1;
          this.add(i);
          if (found === -1) found = i;
          // The characters up to the next blank, line break or escape character join the word
          // the same way (add extends a stretch that ends where it adds).
          const k = this.skipTo(this.wordEnd, i + 1, to);
          if (k > i + 1) {
            this.pe = k;
            i = k - 1;
          }
        }
        start = false;
      }
    }
    if (found !== -1) this.word(args, found, from, escapeMarker === -1 ? to : escapeMarker);
    return args;
  }

  /** A word of getRawArguments: the value built so far, from `found` to `end`. */
  private word(args: Word[], found: number, from: number, end: number): void {
    // dockerfile-ast can end a word it never started (found -1: just before the arguments).
    args.push({ value: this.value(), span: { start: this.fx(found === -1 ? Math.max(0, from - 1) : found), end: this.fx(end) } });
    this.reset();
  }

  /** Instruction.getHeredocs: each heredoc's name and body (null when it has none or no end). */
  private heredocs(args: Word[], oneLine: boolean, end: number): LexedInstruction['heredocs'] {
    if (args.length === 0) return [];
    if (oneLine) return this.singleLineHeredocs(args);
    const text = this.text;
    const esc = this.esc;
    const heredocs: LexedInstruction['heredocs'] = [];
    const definitions: Word[] = [];
    let processed = false;
    let escaping = false;
    let contentStart = -1;
    let contentEnd = -1;
    let lineStart = -1;
    let current = 0;
    const base = args[0].span.start;
    const length = end - base;
    contentLoop: for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(base + i);
      if (c === esc) {
        escaping = true;
        for (let j = i + 1; j < length; j++) {
          const e = text.charCodeAt(base + j);
          if (e === SP || e === TAB) continue;
          if (e === CR) j++;
          i = j;
          continue contentLoop;
        }
        continue;
      }
      if (c === CR) continue;
      if (c === LF) {
        if (escaping) continue;
        if (processed) {
          if (contentStart === -1) contentStart = i;
          contentEnd = i;
          const arg = definitions[current];
          // dockerfile-ast throws here (no definition left); we stop reading heredocs.
          if (!arg) return heredocs;
          const name = this.heredocNameOf(arg);
          if (this.isDelimiter(arg, name, base + lineStart, base + i)) {
            heredocs.push({ name, body: { start: this.fx(base + contentStart), end: this.fx(base + lineStart - 1) } });
            contentStart = -1;
            current++;
          }
          lineStart = -1;
        } else {
          const limit = base + i;
          for (const arg of args) {
            if (arg.span.start < limit) {
              if (arg.value.startsWith('<<')) definitions.push(arg);
            } else {
              break;
            }
          }
          processed = true;
          lineStart = -1;
        }
        continue;
      }
      if ((c === SP || c === TAB) && escaping) continue;
      if (c === HASH && escaping) {
        let j = i + 1;
        for (; j < length; j++) if (text.charCodeAt(base + j) === LF) break;
        if (j < length) {
          i = j;
          continue;
        }
      }
      if (escaping) escaping = false;
      if (processed) {
        if (contentStart === -1) contentStart = i;
        if (lineStart === -1) lineStart = i;
      }
    }
    if (!processed) return this.singleLineHeredocs(args);
    const arg = definitions[current];
    // dockerfile-ast throws here (every definition already ended); we stop reading heredocs.
    if (!arg) return heredocs;
    const name = this.heredocNameOf(arg);
    let body: { start: number; end: number } | null = null;
    if (!this.isDelimiter(arg, name, base + lineStart, end)) body = { start: this.fx(base + contentStart), end };
    else if (contentEnd !== -1) body = { start: this.fx(base + contentStart), end: this.fx(base + contentEnd) };
    heredocs.push({ name, body });
    current++;
    for (let k = current; k < definitions.length; k++) heredocs.push({ name: this.heredocNameOf(definitions[k]), body: null });
    return heredocs;
  }

  private singleLineHeredocs(args: Word[]): LexedInstruction['heredocs'] {
    const heredocs: LexedInstruction['heredocs'] = [];
    for (const arg of args) {
      if (arg.value.startsWith('<<') && heredocName(arg.value) !== null) heredocs.push({ name: this.heredocNameOf(arg), body: null });
    }
    return heredocs;
  }

  /** getDelimiterRange: whether text[from, to) (offsets before fx) ends the heredoc. */
  private isDelimiter(arg: Word, name: string, from: number, to: number): boolean {
    const a = this.fx(from);
    const b = this.fx(to);
    let line = b > a ? this.text.slice(a, b) : '';
    if (arg.value.startsWith('<<-')) {
      let k = 0;
      while (line.charCodeAt(k) === TAB) k++;
      line = line.substring(k);
    }
    return line === name;
  }

  /** getName(getNameRange(argument)): the heredoc's name as dockerfile-ast reads it from the text. */
  private heredocNameOf(arg: Word): string {
    const text = this.text;
    const esc = this.esc;
    const rs = arg.span.start;
    const re = arg.span.end;
    const length = re - rs;
    let endFound = false;
    let searchHyphen = false;
    let start = -1;
    let end = -1;
    let escaping = false;
    let quote = -1;
    contentLoop: for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(rs + i);
      if (c === DQ || c === SQ) {
        if (quote === c) break contentLoop;
        quote = c;
        continue;
      }
      if (c === esc) {
        for (let j = i + 1; j < length; j++) {
          if (text.charCodeAt(rs + j) === LF) {
            escaping = true;
            continue contentLoop;
          }
        }
        continue;
      }
      if (c === SP || c === TAB || c === CR || c === LF) continue;
      if (c === LT) {
        if (endFound) searchHyphen = true;
        else endFound = true;
        continue;
      }
      if (c === MINUS && searchHyphen) {
        searchHyphen = false;
        continue;
      }
      if ((c === MINUS || c === HASH) && escaping) {
        let j = i + 1;
        for (; j < length; j++) if (text.charCodeAt(rs + j) === LF) break;
        if (j < length) {
          i = j;
          continue;
        }
      }
      if (start === -1) start = i;
      if (quote !== -1) {
        end = i + 1;
        continue;
      }
      break contentLoop;
    }
    if (start === -1) return '';
    const from = this.fx(rs + start);
    const to = quote !== -1 ? this.fx(rs + end) : re;
    return to > from ? this.readName(from, to) : '';
  }

  /** getName over text[from, to). */
  private readName(from: number, to: number): string {
    const text = this.text;
    const esc = this.esc;
    const length = to - from;
    let escaping = false;
    let clean = true;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(from + i);
      if (c === esc || ((c === SP || c === TAB || c === CR || c === LF || c === HASH) && escaping)) {
        clean = false;
        break;
      }
    }
    if (clean) return text.slice(from, to);
    let name = '';
    nameLoop: for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(from + i);
      if (c === esc) {
        escaping = true;
        for (let j = i + 1; j < length; j++) {
          const e = text.charCodeAt(from + j);
          if (e === SP || e === TAB) continue;
          if (e === CR) {
            i = j + 1;
            continue nameLoop;
          }
          if (e === LF) {
            i = j;
            continue nameLoop;
          }
          name += text[from + j];
          i = j;
          continue nameLoop;
        }
        continue;
      }
      if (c === HASH && escaping) {
        let j = i + 1;
        for (; j < length; j++) if (text.charCodeAt(from + j) === LF) break;
        if (j < length) {
          i = j;
          continue;
        }
      }
      if ((c === SP || c === TAB || c === CR || c === LF || c === HASH) && escaping) continue;
      name += text[from + i];
    }
    return name;
  }
}

function isCmdOrNone(value: string): boolean {
  if (value.length > 4) return false; // upper-casing never shortens a string
  const upper = value.toUpperCase();
  return upper === 'CMD' || upper === 'NONE';
}

/** Util.parseHeredocName: the name after `<<`/`<<-`, unquoted; null for a broken one. */
function heredocName(value: string): string | null {
  value = value.substring(2);
  if (value.charAt(0) === '-') value = value.substring(1);
  if (value.charAt(0) === '"') {
    if (value.charAt(value.length - 1) !== '"') return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === "'") {
    if (value.charAt(value.length - 1) !== "'") return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === '<') return null;
  return value;
}
