/**
 * Fixes on the commands of a `sh -c '…'` string (ShellScript.nested): an edit there writes
 * inside the quotes, where some characters end the string or change what it holds. One check for
 * every rule's fix (rules/analyze.ts): an edit that crosses a quote of such a string, or writes
 * inside it what the string cannot hold as it is (`'` in '…'; `"`, `\`, `$` or a backquote in
 * "…"; for an exec-form RUN's JSON string, `"`, `\` or a control character), makes the fix
 * unsafe to offer. A line continuation of the Dockerfile is not the string's: the builder removes
 * it before the shell runs.
 */
import { instructionAt, toDoc, type DockerfileModel, type Instruction } from '../dockerfile/model';
import type { Edit } from './edits';

/** Whether every edit keeps each nested script string a string with the same kind of contents. */
export function editsKeepNestedScripts(model: DockerfileModel, edits: readonly Edit[]): boolean {
  for (const e of edits) {
    const first = instructionAt(model, e.start);
    const last = e.end === e.start ? first : instructionAt(model, e.end);
    if (first && !editKeeps(model, first, e)) return false;
    if (last && last !== first && !editKeeps(model, last, e)) return false;
  }
  return true;
}

function editKeeps(model: DockerfileModel, instr: Instruction, e: Edit): boolean {
  const script = instr.script;
  if (!script) return true;
  // An exec-form RUN's `-c` string: its JSON quotes sit just outside the script's text.
  if (script.exec && !keeps(model, e, script.base + script.exec.open, script.base + script.exec.close, 'json')) return false;
  const nested = script.parsed.nested;
  if (!nested) return true;
  for (const n of nested) if (!keeps(model, e, toDoc(script, n.start), toDoc(script, n.end - 1), n.quote)) return false;
  return true;
}

/**
 * The edit leaves the string whose quotes are at document offsets `open` and `close` alone,
 * takes it whole, or changes only what lies between them, with text the string can hold.
 */
function keeps(model: DockerfileModel, e: Edit, open: number, close: number, quote: "'" | '"' | 'json'): boolean {
  if (e.end <= open || e.start > close) return true;
  if (e.start <= open && e.end > close) return true;
  if (e.start <= open || e.end > close) return false;
  const text = e.newText.replace(continuation(model.escape), '');
  if (quote === "'") return !text.includes("'");
  if (quote === '"') return !/["\\$`]/.test(text);
  return !/["\\\u0000-\u001f]/.test(text);
}

const CONTINUATIONS = new Map<string, RegExp>();

/** The Dockerfile's escape character, blanks, then a line break. */
function continuation(escape: string): RegExp {
  let re = CONTINUATIONS.get(escape);
  if (!re) CONTINUATIONS.set(escape, (re = new RegExp(`${escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*(\\r\\n|\\n|\\r)`, 'g')));
  return re;
}
