/**
 * GD214: an exec-form ENTRYPOINT, CMD, RUN or HEALTHCHECK CMD whose program, the JSON array's
 * first element, is a whole command line in one string:
 * `ENTRYPOINT ["/go/bin/dlv exec --listen=:40000 … /app/main"]` (opencost/opencost 5f65333,
 * Dockerfile.debug). Exec form runs no shell and splits no words: the runtime looks for a file
 * named `/go/bin/dlv exec --listen=…`, and the container stops at once with "no such file or
 * directory" (a RUN fails the build, a health check never passes).
 *
 * The program is the first element of ENTRYPOINT, RUN and HEALTHCHECK CMD. A CMD's first element
 * is the program only without an ENTRYPOINT: an ENTRYPOINT in the stage's chain (or one of an
 * image we do not know) gets the CMD as its arguments, and `ENTRYPOINT ["sh", "-c"]` +
 * `CMD ["a b c"]` is right. So a CMD is reported only on an image of the table (none of them has
 * an ENTRYPOINT) with no ENTRYPOINT in the chain. Later elements are arguments: spaces in them are
 * fine (`["sh", "-c", "a b c"]`).
 *
 * Not reported: Windows images (`# escape=\``, a Windows base, or a program written as a
 * Windows path: `C:\Program Files\…` is a real file name there), and a program path that a
 * COPY/ADD of the chain writes to a destination with spaces (a file name with spaces, really).
 * A `$VAR` in the string is reported too: exec form expands no variables either.
 *
 * Fix (not in fix-all: it changes what the container runs, which is the point) when splitting is
 * exact: every word of plain characters (no quotes, `$`, globs or other shell syntax), so the
 * words are what a shell would have made of the line.
 */
import { stageChain, stageImage } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { execForm } from '../dockerfile/parse';
import type { Span } from '../dockerfile/text';
import { replace } from '../edits/edits';
import { stagesToCheck, withLazyFix, type Fix, type Rule, type RuleFinding } from './types';
import { isPlainWord } from '../dockerfile/plainShell';


export const gd214: Rule = {
  code: 'GD214',
  name: 'exec-form-command-line',
  summary: 'An exec-form ENTRYPOINT, CMD, RUN or HEALTHCHECK whose program is a whole command line in one string',
  severity: 'error',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['images'],
  scope: 'stage',
  docs: { fix: '(splits the string into words when that is exact; it changes what the container runs)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    if (model.escape === '`') return out; // a Windows Dockerfile
    for (const stage of stagesToCheck(ctx)) {
      let chainChecked = false;
      let skipStage = false;
      let entrypoint: boolean | null = null;
      for (const instr of stage.instructions) {
        const exec = execArray(model, instr);
        if (!exec) continue;
        const program = exec.values[0];
        if (program === undefined || !/\s/.test(program) || program.trim() === '') continue;
        if (/^[A-Za-z]:[\\/]|\\/.test(program)) continue; // a Windows path
        if (!chainChecked) {
          chainChecked = true;
          skipStage = stageImage(model, stage)?.os === 'windows' || writesPathWithSpaces(model, stage);
        }
        if (skipStage) continue;
        if (instr.keyword === 'CMD') {
          entrypoint ??= stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT'));
          if (entrypoint || stageImage(model, stage) === undefined) continue;
        }
        out.push(finding(model, instr, exec, program));
      }
    }
    return out;
  },
};

/** The JSON array an instruction runs in exec form, and where its first element's literal is (null when it cannot be found on one line). */
function execArray(model: DockerfileModel, instr: Instruction): { values: string[]; open: number; first: Span | null } | null {
  const kw = instr.keyword;
  let open: number;
  let values: string[] | null;
  if (kw === 'ENTRYPOINT' || kw === 'CMD' || kw === 'RUN') {
    if (!instr.json || !instr.argsSpan) return null;
    values = instr.json;
    open = instr.argsSpan.start;
  } else if (kw === 'HEALTHCHECK') {
    const cmd = instr.args[0];
    if (!cmd || cmd.value.toUpperCase() !== 'CMD' || !instr.args[1] || !instr.argsSpan) return null;
    open = instr.args[1].span.start;
    // One line only (a HEALTHCHECK keeps no joined text of its arguments).
    values = instr.line === instr.endLine ? execForm(model.text.slice(open, instr.argsSpan.end)) : null;
    if (!values) return null;
  } else {
    return null;
  }
  return { values, open, first: firstLiteral(model.text, open, instr.span.end, values[0]) };
}

/** The span of the array's first string literal as written (from `[`), when it is on one line and reads as `value`. */
function firstLiteral(text: string, from: number, end: number, value: string | undefined): Span | null {
  let i = text.indexOf('[', from);
  if (i < 0 || i >= end || value === undefined) return null;
  i++;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== '"') return null;
  let j = i + 1;
  for (; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') break;
    else if (c === '\n' || c === '\r') return null;
  }
  if (j >= end) return null;
  try {
    return JSON.parse(text.slice(i, j + 1)) === value ? { start: i, end: j + 1 } : null;
  } catch {
    return null;
  }
}

/** A COPY/ADD of the stage's chain writes to a destination with spaces: then a program path with spaces may be real. */
function writesPathWithSpaces(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.json !== null && /\s/.test(i.json[i.json.length - 1] ?? '')));
}

function finding(model: DockerfileModel, instr: Instruction, exec: { values: string[]; first: Span | null }, program: string): RuleFinding {
  const kw = instr.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : instr.keyword;
  const words = program.trim().split(/\s+/);
  const shown = program.length > 60 ? `${program.slice(0, 57)}…` : program;
  const outcome = instr.keyword === 'RUN'
    ? 'the build fails'
    : instr.keyword === 'HEALTHCHECK' ? 'the health check fails every time and the container is reported unhealthy' : 'the container never starts';
  const exact = words.every((w) => isPlainWord(w));
  const advice = exact
    ? `Write each word as its own element: [${words.slice(0, 3).map((w) => JSON.stringify(w)).join(', ')}${words.length > 3 ? ', …' : ''}].`
    : program.includes('$')
      ? 'Exec form expands no variables either: write each word as its own element, or run the line through a shell (["sh", "-c", "…"]).'
      : 'Write each word as its own element, or run the line through a shell (["sh", "-c", "…"]).';
  const message = `${kw} in exec form runs its first element as the program, with no shell to split it into words: the runtime looks for a file named "${shown}", finds none ("no such file or directory"), and ${outcome}. ${advice}`;
  const span = exec.first ?? instr.span;
  const literal = exec.first;
  if (!exact || !literal) return { message, span };
  return withLazyFix({ message, span }, (): Fix => {
    const after = model.text.slice(literal.end, literal.end + 2);
    const sep = after.startsWith(',') && !after.startsWith(', ') ? ',' : ', ';
    const what = instr.keyword === 'RUN' ? 'what the build runs: the step then runs' : instr.keyword === 'HEALTHCHECK' ? 'what the health check runs: it then runs' : 'what the container runs: it then starts';
    return {
      title: `Split the command line into words (changes ${what})`,
      edits: [replace(literal.start, literal.end, words.map((w) => JSON.stringify(w)).join(sep))],
      safe: false,
    };
  });
}
