/**
 * GD215: a JSON array (exec-form ENTRYPOINT, CMD, RUN, SHELL, HEALTHCHECK CMD; COPY/ADD/VOLUME's
 * JSON form) written over several lines without the escape character at their ends
 * (google/osv-scanner add393a, action.dockerfile:45-49; judge 31 X, M1):
 *
 *     ENTRYPOINT [
 *       "bash",
 *       "-c",
 *       "echo … && /root/exit_code_redirect.sh"
 *     ]
 *
 * A Dockerfile instruction ends at its line break unless the line ends with the escape character;
 * a JSON array gets no exception. The ENTRYPOINT above is the shell-form command `[`, and the
 * next line, `"bash",`, is an unknown instruction: the file does not parse, every builder stops
 * there (BuildKit: `dockerfile parse error on line 46: unknown instruction: "bash",`; buildah the
 * same). Which lines are the array: dockerfile/facts.ts splitExecForm.
 *
 * Fix (safe: the file does not build as it is, and the array it makes is the one written): the
 * escape character at the end of every line of the array but the last, when the joined lines are
 * a JSON array of strings and nothing but the array's own lines lies between them.
 */
import { splitExecForm, type SplitExecForm } from '../dockerfile/facts';
import type { DockerfileModel } from '../dockerfile/model';
import { insert } from '../edits/edits';
import { withLazyFix, type Fix, type Rule, type RuleFinding } from './types';

export const gd215: Rule = {
  code: 'GD215',
  name: 'exec-form-split-over-lines',
  summary: 'A JSON (exec-form) array written over several lines without the escape character at their ends: the file does not parse',
  severity: 'error',
  needsWorkspace: false,
  fix: 'safe',
  facts: [],
  docs: { fix: '(ends each line of the array but the last with the escape character)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    const list = model.instructions;
    for (let i = 0; i < list.length; i++) {
      const split = splitExecForm(model, list, i);
      if (!split) continue;
      const last = split.strays[split.strays.length - 1];
      const first = split.strays[0];
      const firstText = model.text.slice(first.span.start, first.span.end).trim();
      const esc = model.escape;
      out.push(withLazyFix({
        message: `This ${split.instr.keyword}'s JSON array is split over lines ${split.instr.line + 1}-${last.endLine + 1} without \`${esc}\` at the line ends. An instruction ends at its line break unless the line ends with \`${esc}\`, so this ${split.instr.keyword} is the shell-form command \`${model.text.slice(split.instr.argsSpan!.start, split.instr.argsSpan!.end).trim()}\` and line ${first.line + 1} (\`${firstText}\`) is an instruction of its own that does not exist: the file does not parse, and the build stops there ("unknown instruction: ${firstText}"). Write the array on one line, or end each of its lines but the last with \`${esc}\`.`,
        span: { start: split.instr.span.start, end: last.span.end },
      }, () => fixOf(model, split)));
      i += split.strays.length;
    }
    return out;
  },
};

/** The escape character at the end of each line of the array but the last. */
function fixOf(model: DockerfileModel, split: SplitExecForm): Fix | undefined {
  if (!split.meant) return undefined;
  const parts = [split.instr, ...split.strays];
  // Only the array's own lines, one after the other (a comment or blank line between them would
  // be read differently once they are joined).
  for (let k = 1; k < parts.length; k++) if (parts[k].line !== parts[k - 1].endLine + 1) return undefined;
  return {
    title: `Continue the ${split.instr.keyword}'s array over its lines with \`${model.escape}\``,
    edits: parts.slice(0, -1).map((p) => insert(p.span.end, ` ${model.escape}`)),
    safe: true,
  };
}
