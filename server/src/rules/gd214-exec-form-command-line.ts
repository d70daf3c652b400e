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
 *
 * A second case, a warning: an element of an exec-form ENTRYPOINT, CMD or HEALTHCHECK CMD uses a
 * build argument (`$NAME`, `${NAME}`, `${NAME:-x}`) that the Dockerfile declares with ARG (in the
 * stage's chain, or before the first FROM) and that is not in the container's environment: no
 * ENV of the chain and no variable of its (known) base image has that name. No shell expands the
 * element, and an ARG is a build-time value only, so the program gets the literal text
 * `${NAME}` and nothing at run time holds the value (TykTechnologies/tyk-pump 95d7b7c
 * ci/images/integration/Dockerfile:3,10: `ARG conf_file=…` and `ENTRYPOINT [".../tyk-pump",
 * "--conf=${conf_file}"]`: the program cannot load that file and runs without its config). Only
 * the instruction that takes effect (the chain's last ENTRYPOINT, CMD, HEALTHCHECK), and not:
 * a shell's array (`["sh", "-c", "…"]`: its script is expanded, at run time, where an ARG is
 * empty: another problem), a CMD whose ENTRYPOINT is a shell or in shell form (the CMD then goes
 * to a script's positional parameters, or nowhere), an ENV-set name (the program may read its
 * environment itself: seriousm4x/UpSnap's `CMD ["serve","--http","${UPSNAP_HTTP_LISTEN}"]` with
 * `ENV UPSNAP_HTTP_LISTEN=…`, which the program reads and then ignores the argument), a `\$`,
 * a stage whose base image is not known (it may set the name), Windows images. RUN is not
 * checked: an ARG is in a RUN's environment. No fix: the value belongs in the array, or in ENV
 * with a shell to expand it, and which is the author's choice.
 */
import { argDeclarations, envBefore, stageChain, stageImage } from '../dockerfile/facts';
import { imageEnv } from '../images/table';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { execForm } from '../dockerfile/parse';
import type { Span } from '../dockerfile/text';
import { replace } from '../edits/edits';
import { stagesToCheck, withLazyFix, type Fix, type Rule, type RuleFinding } from './types';
import { isPlainWord } from '../dockerfile/plainShell';
import { variableReferences } from '../dockerfile/variables';


export const gd214: Rule = {
  code: 'GD214',
  name: 'exec-form-command-line',
  summary: 'An exec-form ENTRYPOINT, CMD, RUN or HEALTHCHECK written for a shell: a whole command line in one string, or a build argument no shell expands',
  severity: 'error',
  severities: ['error', 'warning'],
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
      if (!skipStage) out.push(...buildArgFindings(model, stage));
    }
    return out;
  },
};

/** `${NAME}` and the forms that default or test its value (`${NAME:-word}`, `${NAME+word}`, `${NAME:?}`…); `$NAME` too. */
const DEFAULTING = /^(|:?[-+?=])$/;
/** A shell as the program: its `-c` script is expanded (at run time), and a CMD after it is its positional parameters. */
const SHELL = /(^|\/)(sh|bash|ash|dash|zsh|ksh|mksh|busybox)$/;
/** Names a Linux container's environment has whatever the image sets (the runtime sets HOSTNAME, HOME, PATH…). */
const RUNTIME_ENV = /^(PATH|HOME|HOSTNAME|PWD|SHELL|USER|TERM|LANG|LC_ALL)$/;

/** GD214's second case (see the file comment): a build argument in an exec-form ENTRYPOINT, CMD or HEALTHCHECK CMD. */
function buildArgFindings(model: DockerfileModel, stage: Stage): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!stage.instructions.some((i) => (i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD' || i.keyword === 'HEALTHCHECK') && model.text.slice(i.span.start, i.span.end).includes('$'))) return out;
  const image = stageImage(model, stage);
  if (!image || image.os === 'windows') return out;
  const chain = stageChain(model, stage);
  const last = (kw: string): Instruction | undefined => {
    let found: Instruction | undefined;
    for (const s of chain) for (const i of s.instructions) if (i.keyword === kw) found = i;
    return found;
  };
  const entrypoint = last('ENTRYPOINT');
  const env = envBefore(model, stage);
  const baseEnv = imageEnv(image);
  const declared = new Set<string>(model.globalArgs.keys());
  for (const s of chain) for (const i of s.instructions) for (const a of argDeclarations(model, i)) declared.add(a.name);
  for (const kw of ['ENTRYPOINT', 'CMD', 'HEALTHCHECK'] as const) {
    const instr = last(kw);
    if (!instr || instr.stage !== stage.index) continue;
    const exec = execArray(model, instr);
    if (!exec || exec.values.length === 0 || SHELL.test(exec.values[0])) continue;
    if (kw === 'CMD' && entrypoint && (entrypoint.json === null || SHELL.test(entrypoint.json[0] ?? ''))) continue;
    for (const [k, value] of exec.values.entries()) {
      // A program with spaces is the first case's (a command line in one string).
      if (k === 0 && /\s/.test(value)) continue;
      const names = variableReferences(value, { escapes: true }).filter((r) => !r.braced || (r.operator !== null && DEFAULTING.test(r.operator)))
        .filter((v) => declared.has(v.name) && !env.has(v.name) && !baseEnv.has(v.name) && !RUNTIME_ENV.test(v.name));
      if (names.length === 0) continue;
      const v = names[0];
      const label = kw === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : kw;
      const at = model.text.indexOf(JSON.stringify(value), exec.open);
      const span = at >= 0 && at < instr.span.end ? { start: at, end: at + JSON.stringify(value).length } : instr.span;
      out.push({
        message: `${label} in exec form passes ${JSON.stringify(value)} as written: no shell expands \`${v.text}\` there, and ${v.name} is a build argument (ARG), which is not in the container's environment either, so the program gets the literal text "${v.text}", not the value. Write the value into the array, or keep it for run time with \`ENV ${v.name}=\${${v.name}}\` and run the command through a shell (["sh", "-c", "exec … \\"$${v.name}\\""]) in an image that has one.`,
        span,
        severity: 'warning',
      });
      break;
    }
  }
  return out;
}

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
