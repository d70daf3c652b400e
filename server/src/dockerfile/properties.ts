/**
 * ENV/ARG/LABEL key-value pairs (`K=V ...` and the legacy `K V`), read from an instruction's
 * text as dockerfile-ast 0.7.1 reads them (PropertyInstruction.getPropertyArguments and
 * Property), quirks included: test/unit/lexer.test.ts compares them with the library's.
 */
import type { LineTable } from './text';

export interface Property {
  name: string;
  value: string | null;
}

interface Arg {
  value: string;
  start: number;
  end: number;
}

/**
 * The properties of the instruction at text[start, end) whose keyword ends at `keywordEnd`
 * (offsets as the lexer reports them).
 */
export function readProperties(text: string, lines: LineTable, escape: string, start: number, keywordEnd: number, end: number): Property[] {
  const args = propertyArguments(text, lines, escape, start, keywordEnd, end);
  if (args.length === 0) return [];
  if (args.length === 1) return [property(text, escape, args[0])];
  if (args.length === 2) {
    return args[0].value.indexOf('=') === -1 ? [property(text, escape, args[0], args[1])] : [property(text, escape, args[0]), property(text, escape, args[1])];
  }
  if (args[0].value.indexOf('=') === -1) return [property(text, escape, args[0], { start: args[1].start, end: args[args.length - 1].end })];
  return args.map((a) => property(text, escape, a));
}

// Module functions, not closures per call: parse runs these for every ENV/ARG/LABEL.
/** An offset between the `\r` and `\n` of a CRLF, moved before the `\r`. */
function fx(text: string, o: number): number {
  return o > 0 && o < text.length && text.charCodeAt(o) === 10 && text.charCodeAt(o - 1) === 13 ? o - 1 : o;
}

function pushArg(args: Arg[], text: string, base: number, value: string, from: number, to: number): void {
  args.push({ value, start: fx(text, Math.max(0, Math.min(base + from, text.length))), end: fx(text, Math.max(0, Math.min(base + to, text.length))) });
}

function property(text: string, escape: string, arg: Arg, arg2?: { start: number; end: number }): Property {
  // Property.getNameRange
  let nameEnd = arg.end;
  const index = arg.value.indexOf('=');
  if (index !== -1) {
    const initial = arg.value.charAt(0);
    const before = arg.value.charAt(index - 1);
    if ((initial === '"' && before === '"') || (initial === "'" && before === "'") || (initial !== '"' && initial !== "'")) {
      nameEnd = fx(text, Math.min(arg.start + index, text.length));
    }
  }
  const name = unescapedValue(substring(text, arg.start, nameEnd), escape);
  if (arg2) return { name, value: unescapedValue(substring(text, arg2.start, arg2.end), escape) };
  if (nameEnd === arg.end) return { name, value: null };
  const valueStart = fx(text, Math.max(0, Math.min(arg.start + index + 1, text.length)));
  return { name, value: unescapedValue(substring(text, valueStart, arg.end), escape) };
}

/** String.prototype.substring's order-free bounds, as dockerfile-ast's range reads get. */
function substring(text: string, a: number, b: number): string {
  return a <= b ? text.slice(a, b) : text.slice(b, a);
}

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** Util.findLeadingNonWhitespace. */
function leadingNonWhitespace(content: string, escape: string): number {
  whitespaceCheck: for (let i = 0; i < content.length; i++) {
    switch (content.charAt(i)) {
      case ' ':
      case '\t':
        continue;
      case escape:
        for (let j = i + 1; j < content.length; j++) {
          switch (content.charAt(j)) {
            case ' ':
            case '\t':
              continue;
            case '\r':
              i = j + 1;
              continue whitespaceCheck;
            case '\n':
              i = j;
              continue whitespaceCheck;
            default:
              return -1;
          }
        }
        return -1;
      default:
        return i;
    }
  }
  return -1;
}

/** PropertyInstruction.findTrailingNonWhitespace. */
function trailingNonWhitespace(content: string, escape: string): number {
  let index = content.length;
  whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
    let ch = content.charAt(i);
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '\n') {
      if (content.charAt(i - 1) === '\r') i = i - 1;
      ch = '\r';
    }
    if (ch === '\r') {
      for (let j = i - 1; j >= 0; j--) {
        const c = content.charAt(j);
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === escape) continue;
        index = j;
        break;
      }
      break whitespaceCheck;
    }
    index = i;
    break;
  }
  return index;
}

/** PropertyInstruction.getPropertyArguments. */
function propertyArguments(text: string, lines: LineTable, escape: string, rangeStart: number, keywordEnd: number, rangeEnd: number): Arg[] {
  const args: Arg[] = [];
  const fullArgs = keywordEnd < rangeEnd ? text.slice(keywordEnd, rangeEnd) : '';
  const start = leadingNonWhitespace(fullArgs, escape);
  if (start === -1) return [];
  const base = keywordEnd + start;
  let escaped = lines.lineAt(rangeStart) !== lines.lineAt(fx(text, base));
  let endingEscape = false;
  let mark = -1;
  const end = trailingNonWhitespace(fullArgs, escape);
  const content = fullArgs.substring(start, end + 1);
  let argStart = escaped ? -1 : 0;
  let spaced = false;
  argumentLoop: for (let i = 0; i < content.length; i++) {
    const ch = content.charAt(i);
    switch (ch) {
      case escape:
        if (i + 1 === content.length) {
          endingEscape = true;
          break argumentLoop;
        }
        if (!escaped) mark = i;
        switch (content.charAt(i + 1)) {
          case ' ':
          case '\t':
            if (!isWhitespace(content.charAt(i + 2))) {
              i = i + 1;
              continue argumentLoop;
            }
            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
              switch (content.charAt(j)) {
                case '\r':
                case '\n':
                  if (content.charAt(j) === '\r') j++;
                  escaped = true;
                  i = j;
                  continue argumentLoop;
                case ' ':
                case '\t':
                  break;
                default:
                  pushArg(args, text, base, content.substring(argStart, i), argStart, i + 2);
                  argStart = j;
                  break whitespaceCheck;
              }
            }
            i = argStart - 1;
            continue argumentLoop;
          case '\r':
          case '\n':
            if (content.charAt(i + 1) === '\r') i++;
            escaped = true;
            i = i + 1;
            continue argumentLoop;
          case escape:
            if (argStart === -1) argStart = i;
            i = i + 1;
            continue argumentLoop;
          default:
            if (argStart === -1) argStart = i;
            continue argumentLoop;
        }
      case "'":
      case '"':
        if (spaced) {
          if (argStart !== -1) pushArg(args, text, base, content.substring(argStart, mark), argStart, mark);
          argStart = i;
          spaced = false;
        }
        if (argStart === -1) argStart = i;
        for (let j = i + 1; j < content.length; j++) {
          const c = content.charAt(j);
          if (c === ch) {
            if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
              i = j;
              continue argumentLoop;
            }
            pushArg(args, text, base, content.substring(argStart, j + 1), argStart, j + 1);
            i = j;
            argStart = -1;
            continue argumentLoop;
          } else if (c === escape) {
            j++;
          }
        }
        break argumentLoop;
      case ' ':
      case '\t':
        if (escaped) {
          if (argStart !== -1) spaced = true;
        } else if (argStart !== -1) {
          pushArg(args, text, base, content.substring(argStart, i), argStart, i);
          argStart = -1;
        }
        break;
      case '\r':
      case '\n':
        if (ch === '\r') i++;
        spaced = false;
        break;
      case '#':
        if (escaped) {
          for (let j = i + 1; j < content.length; j++) {
            switch (content.charAt(j)) {
              case '\r':
              case '\n':
                if (content.charAt(j) === '\r') j++;
                i = j;
                spaced = false;
                continue argumentLoop;
            }
          }
          if (argStart !== -1) {
            pushArg(args, text, base, content.substring(argStart, mark), argStart, mark);
            argStart = -1;
          }
          break argumentLoop;
        } else if (argStart === -1) {
          argStart = i;
        }
        break;
      default:
        if (spaced) {
          if (argStart !== -1) pushArg(args, text, base, content.substring(argStart, mark), argStart, mark);
          argStart = i;
          spaced = false;
        }
        escaped = false;
        if (argStart === -1) argStart = i;
        if (ch === '$' && content.charAt(i + 1) === '{') {
          let singleQuotes = false;
          let doubleQuotes = false;
          let inEscape = false;
          for (let j = i + 1; j < content.length; j++) {
            switch (content.charAt(j)) {
              case escape:
                inEscape = true;
                break;
              case '\r':
              case '\n':
                break;
              case "'":
                singleQuotes = !singleQuotes;
                inEscape = false;
                break;
              case '"':
                doubleQuotes = !doubleQuotes;
                inEscape = false;
                break;
              case ' ':
              case '\t':
                if (inEscape || singleQuotes || doubleQuotes) break;
                i = j - 1;
                continue argumentLoop;
              case '}':
                i = j;
                continue argumentLoop;
              default:
                inEscape = false;
                break;
            }
          }
          break argumentLoop;
        }
        break;
    }
  }
  if (argStart !== -1 && argStart !== content.length) {
    const last = endingEscape ? content.length - 1 : content.length;
    pushArg(args, text, base, content.substring(argStart, last), argStart, last);
  }
  return args;
}

/** Property.getValue: escapes, quotes, continuations and their comment lines taken out. */
function unescapedValue(value: string, escapeChar: string): string {
  let escaped = false;
  const skip = leadingNonWhitespace(value, escapeChar);
  if (skip !== 0 && value.charAt(skip) === '#') escaped = true;
  value = value.substring(skip);
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  const literal = first === "'" || first === '"';
  const inSingle = first === "'" && last === "'";
  let inDouble = false;
  if (first === '"') {
    for (let i = 1; i < value.length; i++) {
      if (value.charAt(i) === escapeChar) i++;
      else if (value.charAt(i) === '"' && i === value.length - 1) inDouble = true;
    }
  }
  if (inSingle || inDouble) value = value.substring(1, value.length - 1);
  // Nothing to take out: the value as written (the common case).
  if (value.indexOf(escapeChar) === -1 && !/[ \t\r\n#]/.test(value)) return value;
  let commentCheck = -1;
  let escapedValue = '';
  parseValue: for (let i = 0; i < value.length; i++) {
    let ch = value.charAt(i);
    switch (ch) {
      case escapeChar:
        if (i + 1 === value.length) {
          escapedValue = escapedValue + escapeChar;
          break parseValue;
        }
        ch = value.charAt(i + 1);
        if (ch === ' ' || ch === '\t') {
          whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
            const ch2 = value.charAt(j);
            switch (ch2) {
              case ' ':
              case '\t':
                break;
              case '\r':
              case '\n':
                if (ch2 === '\r') j++;
                escaped = true;
                i = j;
                continue parseValue;
              default:
                if (!inDouble && !inSingle && !literal) {
                  if (ch2 === escapeChar) {
                    escapedValue = escapedValue + ch;
                    i = i + 1;
                  } else {
                    escapedValue = escapedValue + ch + ch2;
                    i = j;
                  }
                  continue parseValue;
                }
                break whitespaceCheck;
            }
          }
        }
        if (inDouble) {
          if (ch === '\r') {
            escaped = true;
            i = i + 2;
          } else if (ch === '\n') {
            escaped = true;
            i++;
          } else if (ch !== '"') {
            if (ch === escapeChar) i++;
            escapedValue = escapedValue + escapeChar;
          }
          continue parseValue;
        } else if (inSingle || literal) {
          if (ch === '\r') {
            escaped = true;
            i = i + 2;
          } else if (ch === '\n') {
            escaped = true;
            i++;
          } else {
            escapedValue = escapedValue + escapeChar;
          }
          continue parseValue;
        } else if (ch === escapeChar) {
          escapedValue = escapedValue + escapeChar;
          i++;
        } else if (ch === '\r') {
          escaped = true;
          i = i + 2;
        } else if (ch === '\n') {
          escaped = true;
          i++;
        } else {
          escapedValue = escapedValue + ch;
          i++;
        }
        break;
      case ' ':
      case '\t':
        if (escaped && commentCheck === -1) commentCheck = i;
        escapedValue = escapedValue + ch;
        break;
      case '\r':
      case '\n':
        if (ch === '\r') i++;
        if (escaped && commentCheck !== -1) {
          escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
          commentCheck = -1;
        }
        break;
      case '#':
        if (escaped) {
          if (commentCheck !== -1) {
            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
            commentCheck = -1;
          }
          newlineCheck: for (let j = i + 1; j < value.length; j++) {
            switch (value.charAt(j)) {
              case '\r':
              case '\n':
                if (value.charAt(j) === '\r') j++;
                i = j;
                break newlineCheck;
            }
          }
          continue parseValue;
        }
        escapedValue = escapedValue + ch;
        break;
      default:
        if (escaped) {
          escaped = false;
          commentCheck = -1;
        }
        escapedValue = escapedValue + ch;
        break;
    }
  }
  return escapedValue;
}
