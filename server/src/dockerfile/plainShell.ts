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
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Piece {
  start: number;
  end: number;
  /** The word's value with quotes removed. */
  value: string;
}

export function parsePlainShell(script: string): ShellScript | null {
  const n = script.length;
  const commands: ShellCommand[] = [];
  let words: Piece[] = [];
  let operators = 0;
  let i = 0;
  const finish = (): boolean => {
    if (words.length === 0) return false;
    const env: ShellAssignment[] = [];
    let k = 0;
    for (; k < words.length; k++) {
      const w = words[k];
      // The word's first `=` (searched within the word only: the rest of a long script is not its).
      let eq = w.start;
      while (eq < w.end && script.charCodeAt(eq) !== 61) eq++;
      // A prefix assignment: NAME= then a plain or quoted value, written in one word.
      if (eq >= w.end || !NAME.test(script.slice(w.start, eq))) break;
      env.push({ name: script.slice(w.start, eq), value: w.value.slice(eq - w.start + 1), start: w.start, end: w.end });
    }
    // Assignments alone are not a command to the grammar (they are listed apart): leave them to it.
    if (k === words.length) return false;
    const argv: ShellWord[] = words.slice(k).map((w) => {
      const raw = script.slice(w.start, w.end);
      return { value: w.value, raw, start: w.start, end: w.end, dynamic: false };
    });
    // The grammar errs on a command name with `@` or `:` and reads words after a `-` command its own way.
    if (RESERVED.has(argv[0].raw) || /[@:]|^-/.test(argv[0].raw)) return false;
    commands.push({ env, argv, start: words[0].start, end: words[words.length - 1].end });
    words = [];
    return true;
  };
  while (i < n) {
    const c = script[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '&' || c === '|' || c === ';') {
      const two = script.slice(i, i + 2);
      if (two === '&&' || two === '||') i += 2;
      else if (c === '|' && two !== '|&') i++;
      else if (c === ';' && two !== ';;' && two !== ';&') i++;
      else return null;
      if (!finish()) return null;
      operators++;
      continue;
    }
    // A word: unquoted runs and quoted strings, back to back.
    const start = i;
    let value = '';
    let quoted = false;
    while (i < n) {
      const d = script[i];
      if (d === '"') {
        const close = script.indexOf('"', i + 1);
        if (close < 0) return null;
        const body = script.slice(i + 1, close);
        if (/[$`\\!]/.test(body)) return null;
        value += body;
        i = close + 1;
        quoted = true;
      } else if (d === "'") {
        const close = script.indexOf("'", i + 1);
        if (close < 0) return null;
        value += script.slice(i + 1, close);
        i = close + 1;
        quoted = true;
      } else if (isWordCode(d.charCodeAt(0))) {
        // The whole unquoted run at once (not a string per character).
        const run = i;
        i++;
        while (i < n && isWordCode(script.charCodeAt(i))) i++;
        value += script.slice(run, i);
      } else if (d === ' ' || d === '\t' || d === '&' || d === '|' || d === ';') {
        break;
      } else {
        return null;
      }
    }
    // The grammar reads `=` and `*` specially in some places (a word starting with `=`, globs next to quotes).
    const raw = script.slice(start, i);
    if (/^[=*]/.test(raw) || (quoted && raw.includes('*')) || (!quoted && /^-?\d/.test(raw) && !/^\d+$/.test(raw))) return null;
    words.push({ start, end: i, value });
  }
  if (!finish()) return null;
  return { commands, assignments: [], hasErrors: false, simple: commands.length === 1 && operators === 0 && commands[0].env.length === 0 };
}
