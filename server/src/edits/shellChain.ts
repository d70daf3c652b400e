/**
 * Edits of a shell-form RUN's top-level `a && b; c` chain: append a command in the RUN's own
 * continuation style, remove one command with the operator that joins it. Each edit is checked
 * by re-parsing, so it never produces a RUN that runs something else.
 */
import { scriptSpan, toDoc, type DockerfileModel, type Instruction } from '../dockerfile/model';
import { topLevelCommands } from '../dockerfile/packages';
import { parseShell, type ShellCommand } from '../dockerfile/shell';
import { deleteLines, insert, replace, type Edit } from './edits';

/**
 * Appends a command to the end of a shell-form RUN: ` && cmd` on a one-line RUN; on a RUN
 * with continuations, a new continuation line in its style (leading `&& cmd` or trailing
 * `&& \`), indented like its last line. Undefined when the result would not parse as the
 * same commands plus this one (a trailing comment, a dangling operator, a heredoc).
 */
/**
 * Moves a command (`text`, its source) of the RUN `later` to the end of the RUN `earlier`, and a
 * title saying so: GD302's and GD312's fixes. Undefined when either edit cannot be made.
 */
export function moveCommandEdits(model: DockerfileModel, earlier: Instruction, later: Instruction, cmd: ShellCommand, text: string): { title: string; edits: Edit[] } | undefined {
  const append = appendCommandEdit(model, earlier, text);
  const remove = removeCommandEdit(model, later, cmd);
  if (!append || !remove) return undefined;
  return { title: `Move \`${text.length > 40 ? text.slice(0, 37) + '...' : text}\` into the RUN on line ${earlier.line + 1}`, edits: [append, remove] };
}

export function appendCommandEdit(model: DockerfileModel, instr: Instruction, command: string): Edit | undefined {
  const script = instr.script;
  if (!script || script.heredoc || instr.json || script.parsed.hasErrors) return undefined;
  const end = script.text.trimEnd().length;
  if (end === 0) return undefined;
  const body = script.text.slice(0, end);
  const semicolon = /(^|[^;]);$/.test(body);
  const added = parseShell(command);
  if (added.hasErrors || !added.commands.length) return undefined;
  const joined = semicolon ? `${body} ${command};` : `${body} && ${command}`;
  const check = parseShell(joined);
  if (check.hasErrors || check.commands.length !== script.parsed.commands.length + added.commands.length) return undefined;
  const at = toDoc(script, end - 1) + 1;
  if (instr.line === instr.endLine) return insert(at, semicolon ? ` ${command};` : ` && ${command}`);
  const esc = model.escape;
  const eol = model.eol;
  const lines: string[] = [];
  for (let l = instr.line + 1; l <= instr.endLine; l++) lines.push(model.lines.lineText(l));
  // Leading style: indent like the last `&& ...` line; else like the last line.
  const leadingLines = lines.filter((l) => l.trimStart().startsWith('&&'));
  const leading = leadingLines.length > 0;
  const sample = leading ? leadingLines[leadingLines.length - 1] : model.lines.lineText(model.lines.positionAt(at).line);
  const indent = /^[ \t]*/.exec(sample)![0] || '    ';
  if (semicolon) return insert(at, ` ${esc}${eol}${indent}${command};`);
  if (leading) return insert(at, ` ${esc}${eol}${indent}&& ${command}`);
  return insert(at, ` && ${esc}${eol}${indent}${command}`);
}

export interface RemoveCommandOptions {
  /** Only `&&` joins the command to its neighbours (a `;` chain is left alone). */
  andOnly?: boolean;
  /** In a heredoc body, remove the command's own line (otherwise heredocs are left alone). */
  heredocLines?: boolean;
}

/**
 * Removes one top-level command of a `a && b; c` chain from a shell-form RUN, with the
 * operator that joins it; deletes the whole RUN when it was the only command. Undefined when
 * the command is not a plain chain member (pipelines, `||`, loops, redirects) or the removal
 * would swallow a comment line. `cmd` may be a reading of a top-level command with its span
 * (facts' throughWrappers).
 */
export function removeCommandEdit(model: DockerfileModel, instr: Instruction, cmd: ShellCommand, opts: RemoveCommandOptions = {}): Edit | undefined {
  const script = instr.script;
  if (!script || (script.heredoc && !opts.heredocLines) || script.parsed.hasErrors) return undefined;
  const top = topLevelCommands(script);
  // The command as parsed, or a reading of it with its span (`env A=1 go …`, `retry.sh -- go …`
  // read as the go command they run: removing it removes the whole command).
  let index = top.indexOf(cmd);
  if (index < 0) index = top.findIndex((c) => c.start === cmd.start && c.end === cmd.end);
  if (index < 0) return undefined;
  cmd = top[index];
  const t = script.text;
  const sep = (a: number, b: number) => (opts.andOnly ? /^\s*&&\s*$/ : /^\s*(&&|;)\s*$/).test(t.slice(a, b));
  const tail = opts.andOnly ? /^\s*$/ : /^\s*;?\s*$/;
  const nested = script.parsed.commands.filter((c) => c.start >= cmd.start && c.end <= cmd.end).length;
  if (top.length === 1) {
    if (t.slice(0, cmd.start).trim() !== '' || !tail.test(t.slice(cmd.end))) return undefined;
    return deleteLines(model, instr.line, instr.endLine);
  }
  if (script.heredoc) {
    // A heredoc body runs line by line: remove the command's own line.
    const lineStart = t.lastIndexOf('\n', cmd.start - 1) + 1;
    const lineEnd = t.indexOf('\n', cmd.end);
    if (lineEnd < 0 || t.slice(lineStart, cmd.start).trim() !== '' || t.slice(cmd.end, lineEnd).trim() !== '') return undefined;
    return replace(toDoc(script, lineStart), toDoc(script, lineEnd) + 1, '');
  }
  let start: number;
  let end: number;
  if (index === 0) {
    if (t.slice(0, cmd.start).trim() !== '' || !sep(cmd.end, top[1].start)) return undefined;
    start = cmd.start;
    end = top[1].start;
  } else {
    // Between two commands, both operators must agree, or removing one changes what runs on failure.
    const prev = top[index - 1];
    const next = top[index + 1];
    if (!sep(prev.end, cmd.start)) return undefined;
    if (next ? !sep(cmd.end, next.start) || t.slice(prev.end, cmd.start).trim() !== t.slice(cmd.end, next.start).trim() : !tail.test(t.slice(cmd.end))) return undefined;
    start = prev.end;
    end = cmd.end;
  }
  const rest = t.slice(0, start) + t.slice(end);
  const check = parseShell(rest);
  if (check.hasErrors || check.commands.length !== script.parsed.commands.length - nested) return undefined;
  const span = scriptSpan(script, start, end);
  if (/(^|\n)[ \t]*#/.test(model.text.slice(span.start, span.end).replace(/\r/g, ''))) return undefined;
  return replace(span.start, span.end, '');
}
