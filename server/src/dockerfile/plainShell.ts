/**
 * Most RUN lines are plain: words, "double" or 'single' quoted strings and `NAME=value`
 * prefixes, joined by `&&`, `||`, `;` and `|`. Those are read here in JavaScript, to exactly what
 * tree-sitter-bash gives (test/unit/plainShell.test.ts compares the two on generated scripts),
 * so a file of plain scripts never loads or waits for the WebAssembly parser, and the editor
 * does not marshal syntax trees for them. Anything else (expansions, redirects, escapes,
 * subshells, keywords, globs with brackets, comments, several lines) returns null: tree-sitter.
 */
import type { ShellAssignment, ShellCommand, ShellScript, ShellWord } from './shellModel';

/** Characters of an unquoted word that mean nothing to the shell (`[A-Za-z0-9_./:,@%+=*-]`), by code. */
const WORD_CODE = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:,@%+=-*') WORD_CODE[ch.charCodeAt(0)] = 1;
const isWordCode = (c: number): boolean => c < 128 && WORD_CODE[c] === 1;
/** Words the grammar reads as syntax (reserved words, declaration builtins, tests). */
const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function',
  'select', 'time', 'coproc', 'declare', 'typeset', 'export', 'readonly', 'local', 'unset', 'unsetenv',
]);

const SP = 32;
const TAB = 9;
const AMP = 38;
const PIPE = 124;
const SEMI = 59;
const DQ = 34;
const SQ = 39;
const EQ = 61;

// Words are built as the ShellWords of the result while reading (no intermediate objects, no
// second slice of each word's text): most RUN lines of a file are read here, on every analysis.
export function parsePlainShell(script: string): ShellScript | null {
  const n = script.length;
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let operators = 0;
  let i = 0;
  while (i < n) {
    const c = script.charCodeAt(i);
    if (c === SP || c === TAB) {
      i++;
      continue;
    }
    if (c === AMP || c === PIPE || c === SEMI) {
      const d = script.charCodeAt(i + 1);
      if ((c === AMP && d === AMP) || (c === PIPE && d === PIPE)) i += 2;
      else if (c === PIPE && d !== AMP) i++;
      else if (c === SEMI && d !== SEMI && d !== AMP) i++;
      else return null;
      if (!finish(script, words, commands)) return null;
      words = [];
      operators++;
      continue;
    }
    // A word: unquoted runs and quoted strings, back to back.
    const start = i;
    let value = '';
    let quoted = false;
    while (i < n) {
      const d = script.charCodeAt(i);
      if (d === DQ) {
        const close = script.indexOf('"', i + 1);
        if (close < 0) return null;
        for (let k = i + 1; k < close; k++) {
          const e = script.charCodeAt(k);
          if (e === 36 /* $ */ || e === 96 /* ` */ || e === 92 /* \ */ || e === 33 /* ! */) return null;
        }
        value += script.slice(i + 1, close);
        i = close + 1;
        quoted = true;
      } else if (d === SQ) {
        const close = script.indexOf("'", i + 1);
        if (close < 0) return null;
        value += script.slice(i + 1, close);
        i = close + 1;
        quoted = true;
      } else if (isWordCode(d)) {
        // The whole unquoted run at once (not a string per character).
        const run = i;
        i++;
        while (i < n && isWordCode(script.charCodeAt(i))) i++;
        value += script.slice(run, i);
      } else if (d === SP || d === TAB || d === AMP || d === PIPE || d === SEMI) {
        break;
      } else {
        return null;
      }
    }
    // Unquoted, the word's value is its text.
    const raw = quoted ? script.slice(start, i) : value;
    // The grammar reads `=` and `*` specially in some places (a word starting with `=`, globs next to quotes).
    const first = raw.charCodeAt(0);
    if (first === EQ || first === 42 /* * */ || (quoted && raw.includes('*')) || (!quoted && numberLike(raw))) return null;
    words.push({ value, raw, start, end: i, dynamic: false });
  }
  if (!finish(script, words, commands)) return null;
  return { commands, assignments: [], hasErrors: false, simple: commands.length === 1 && operators === 0 && commands[0].env.length === 0 };
}

/** Ends a command: its leading `NAME=value` words are its prefix assignments. False: not plain. */
function finish(script: string, words: ShellWord[], commands: ShellCommand[]): boolean {
  if (words.length === 0) return false;
  const env: ShellAssignment[] = [];
  let k = 0;
  for (; k < words.length; k++) {
    const w = words[k];
    // The word's first `=` (searched within the word only: the rest of a long script is not its).
    let eq = w.start;
    while (eq < w.end && script.charCodeAt(eq) !== EQ) eq++;
    // A prefix assignment: NAME= then a plain or quoted value, written in one word.
    if (eq >= w.end || !isName(script, w.start, eq)) break;
    env.push({ name: script.slice(w.start, eq), value: w.value.slice(eq - w.start + 1), start: w.start, end: w.end });
  }
  // Assignments alone are not a command to the grammar (they are listed apart): leave them to it.
  if (k === words.length) return false;
  const argv = k === 0 ? words : words.slice(k);
  // The grammar errs on a command name with `@` or `:` and reads words after a `-` command its own way.
  if (RESERVED.has(argv[0].raw) || /[@:]|^-/.test(argv[0].raw)) return false;
  commands.push({ env, argv, start: words[0].start, end: words[words.length - 1].end });
  return true;
}

/** script[from, to) is a shell name (`[A-Za-z_][A-Za-z0-9_]*`). */
function isName(script: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = script.charCodeAt(i);
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!alpha && (i === from || c < 48 || c > 57)) return false;
  }
  return true;
}

/** `-?\d` at the start but not all digits (`1.5`, `-1`, `2>`): the grammar reads such words its own way. */
function numberLike(raw: string): boolean {
  const k = raw.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const d = raw.charCodeAt(k);
  if (!(d >= 48 && d <= 57)) return false;
  if (k === 1) return true;
  for (let i = 1; i < raw.length; i++) {
    const e = raw.charCodeAt(i);
    if (e < 48 || e > 57) return true;
  }
  return false;
}

/** A word a shell leaves as it is, unquoted (Python's shlex.quote safe set): writing it into exec form is exact (GD214, GD217). */
export function isPlainWord(word: string): boolean {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word);
}
