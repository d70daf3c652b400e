/**
 * GD131: a LABEL, ENV or ARG value with a shell command substitution, `$(…)` or backticks. No
 * shell reads these values: BuildKit expands only `$NAME` and `${NAME}` (with their `:-`/`:+`
 * forms) in them and keeps any other text as written, so the value holds the command's text, not
 * its output.
 *
 *     LABEL org.opencontainers.image.created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"   (okteto/okteto 965feb4, Dockerfile:202)
 *     ENV PATH="${PATH}:$(go env GOPATH)/bin"                                   (harness/harness ad5c876, .devcontainer/Dockerfile:23)
 *
 * The label's value is the text `$(date -u +%Y-%m-%dT%H:%M:%SZ)`; PATH gets the directory
 * `$(go env GOPATH)/bin`, which does not exist.
 *
 * Only a value that is one word around its substitutions (no white space outside them: the
 * command's output is meant as the value, not a command line shown to a reader such as
 * label-schema's `docker.cmd` label, `docker run -v $(pwd):/data …`), and only:
 * - LABEL: a label the build files (seen from the repository's root) do not set themselves
 *   (`--label KEY=…`, docker/metadata-action's org.opencontainers.image labels);
 * - ENV: a variable whose readers take it literally whatever runs in the image — PATH,
 *   LD_LIBRARY_PATH and Go's own settings (GOPATH, GOFLAGS, CGO_CFLAGS…). Not others: a shell
 *   prompt (PS1), a command line a program runs through a shell (GIT_SSH_COMMAND, EDITOR) or a
 *   start script's `eval` may read `$(…)` later, as meant;
 * - ARG: a default that is used — the build files, seen from the repository's root, pass no
 *   `--build-arg` of that name — and that only LABELs, such ENVs and the arguments of `go build`
 *   or `go install` (in a RUN without eval, `sh -c` or envsubst) read.
 * Not reported: a substitution in single quotes or after an escaped `$` (meant literally), a
 * Make-style placeholder that a build script replaces (`$(VERSION)`, `$(shell …)`: one word that
 * is not a command run without arguments such as `date`), an arithmetic `$((…))`, a value whose
 * substitution white space would split (the instruction is then malformed), backticks when the
 * escape character is the backtick, and a Dockerfile named as a template (`Dockerfile.in`).
 *
 * No fix: computing the value needs a RUN or a build argument, which changes the build.
 */
import { goCommands } from '../dockerfile/facts';
import { GO_VARIABLE } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction } from '../dockerfile/model';
import { variableReferences } from '../dockerfile/variables';
import { buildFilesMention, passedBuildArgs } from '../facts/passedBuildArgs';
import type { Rule, RuleContext, RuleFinding } from './types';

/** Commands often run without arguments for their output (`$(date)`): not a Make-style placeholder. */
const BARE_COMMANDS: ReadonlySet<string> = new Set(['date', 'hostname', 'whoami', 'pwd', 'uname', 'arch', 'nproc', 'id']);

/** Make's functions: `$(shell git describe)` in a file a Makefile processes is make's, not the shell's. */
const MAKE_FUNCTIONS: ReadonlySet<string> = new Set(['shell', 'wildcard', 'call', 'patsubst', 'subst', 'foreach', 'if', 'or', 'and', 'eval', 'origin', 'value', 'dir', 'notdir', 'basename', 'suffix', 'addprefix', 'addsuffix', 'join', 'firstword', 'lastword', 'word', 'words', 'wordlist', 'sort', 'strip', 'filter', 'filter-out', 'findstring', 'abspath', 'realpath', 'error', 'warning', 'info', 'file', 'flavor', 'let', 'intcmp']);

/** ENV variables that their readers take literally (no shell ever expands them). */
function literalEnv(name: string): boolean {
  return name === 'PATH' || name === 'LD_LIBRARY_PATH' || (GO_VARIABLE.test(name) && /^(GO|CGO_)/.test(name));
}

/** A Dockerfile a build script renders first (its `$(…)` may be the renderer's). */
const TEMPLATE_NAME = /\.(in|tmpl|tpl|template|j2|jinja2?|erb|mustache|m4)$/i;

export const gd131: Rule = {
  code: 'GD131',
  name: 'command-substitution-not-run',
  summary: 'A LABEL, ENV or ARG value has `$(…)` or backticks, which no shell runs: the value keeps the command\'s text',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['goCommands', 'workspace', 'contextFiles'],
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    if (ctx.dockerfile && TEMPLATE_NAME.test(ctx.dockerfile)) return out;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'LABEL' && instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
      const span = instr.argsSpan;
      if (!span) continue;
      const raw = model.text.slice(span.start, span.end);
      if (!raw.includes('$(') && !(raw.includes('`') && model.escape !== '`')) continue;
      for (const p of pairs(raw, model.escape, instr.keyword === 'ENV')) {
        if (p.broken || p.subs.length === 0 || /\s/.test(p.outside)) continue;
        const sub = p.subs.find((s) => meantAsCommand(s.inner));
        if (!sub) continue;
        if (instr.keyword === 'ENV' && !literalEnv(p.name)) continue;
        if (instr.keyword === 'ARG' && !argDefaultUsed(ctx, instr, p.name)) continue;
        if (instr.keyword === 'LABEL' && labelSetByBuild(ctx, p.name)) continue;
        const text = raw.slice(sub.start, sub.end);
        out.push({
          message: message(instr.keyword, p.name, text),
          span: { start: span.start + sub.start, end: span.start + sub.end },
        });
      }
    }
    return out;
  },
};

function message(keyword: string, name: string, text: string): string {
  const an = keyword === 'ENV' ? 'an' : 'a';
  const head = `\`${text}\` is not run: BuildKit expands only \`$NAME\` and \`\${NAME}\` in ${an} ${keyword} value and no shell reads it, so `;
  if (keyword === 'LABEL') return `${head}the label ${name} gets this text, not the command's output. Pass the value in as a build argument (\`ARG ${argName(name)}\` and \`${name}=$${argName(name)}\`, built with \`--build-arg ${argName(name)}=…\`) or set the label in the build command (\`--label\`).`;
  if (keyword === 'ENV') return `${head}${name} gets this text, not the command's output${/PATH$/.test(name) ? ': the entry names a directory that does not exist' : ''}. Write the value itself${/\bgo env GOPATH\b/.test(text) ? ' (`${GOPATH}` where the image sets GOPATH, as the golang images do)' : ''}, or compute it in the RUN that needs it.`;
  return `${head}the default of ${name} is this text, not the command's output, and the build files pass no \`--build-arg ${name}\`. Pass the value when building (\`--build-arg ${name}=…\`), or compute it in the RUN that uses it.`;
}

/** An upper-case build argument name for a label key (`org.opencontainers.image.created` → CREATED). */
function argName(label: string): string {
  const last = label.split(/[^A-Za-z0-9]+/).filter((s) => s !== '').pop() ?? 'VALUE';
  return last.toUpperCase();
}

/** The substitution's command is one a shell would run for its output, not a Make-style placeholder. */
function meantAsCommand(inner: string): boolean {
  const t = inner.trim();
  if (t === '') return false;
  const first = /^\S+/.exec(t)![0];
  if (MAKE_FUNCTIONS.has(first) && t !== first) return false;
  if (!/\s/.test(t)) return BARE_COMMANDS.has(t);
  return true;
}

interface Sub {
  /** Offsets in the arguments' text, `$(` or the opening backtick to past the closing one. */
  start: number;
  end: number;
  inner: string;
}

interface Pair {
  name: string;
  /** The value's text outside its substitutions and quotes. */
  outside: string;
  subs: Sub[];
  /** Something this reading does not follow (`${…}`, `$((`, an unclosed substitution, one split by white space). */
  broken: boolean;
}

/**
 * The `name=value` pairs of ENV/ARG/LABEL arguments (ENV's legacy `NAME value` form too), read
 * from the raw text as BuildKit's lexer splits them: white space outside quotes separates pairs,
 * single quotes and an escaped `$` keep `$(` literal, escape + line break continues the line.
 */
function pairs(raw: string, escape: string, legacyEnv: boolean): Pair[] {
  const out: Pair[] = [];
  const words = splitWords(raw, escape);
  if (words.length === 0) return out;
  if (legacyEnv && !words[0].text.includes('=')) {
    // ENV NAME value…: the rest of the line is the value, white space and all.
    const name = words[0].text;
    const rest = scanValue(raw, words[1]?.start ?? raw.length, raw.length, escape, false);
    out.push({ name, ...rest });
    return out;
  }
  for (const w of words) {
    const eq = w.text.indexOf('=');
    if (eq <= 0) continue;
    const name = w.text.slice(0, eq).replace(/^(["'])(.*)\1$/, '$2');
    out.push({ name, ...scanValue(raw, w.start + eq + 1, w.end, escape, true) });
  }
  return out;
}

/** Words of the text split at white space outside quotes (escapes followed, continuations dropped). */
function splitWords(raw: string, escape: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = -1;
  let single = false;
  let double = false;
  for (let i = 0; i <= raw.length; i++) {
    const c = raw[i];
    if (i === raw.length || (/\s/.test(c) && !single && !double)) {
      if (start >= 0) out.push({ text: raw.slice(start, i), start, end: i });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (c === escape && !single) {
      i++;
      continue;
    }
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
  }
  return out;
}

/** The substitutions and outside text of raw[from, to). */
function scanValue(raw: string, from: number, to: number, escape: string, splitsAtSpace: boolean): Omit<Pair, 'name'> {
  const subs: Sub[] = [];
  let outside = '';
  let broken = false;
  let single = false;
  let double = false;
  for (let i = from; i < to; i++) {
    const c = raw[i];
    if (single) {
      if (c === "'") single = false;
      else outside += c;
      continue;
    }
    if (c === escape) {
      // Escape + line break: the line continues; else the next character is literal.
      const m = /^[ \t]*\r?\n/.exec(raw.slice(i + 1, to));
      if (m) {
        i += m[0].length;
        continue;
      }
      outside += raw[i + 1] ?? '';
      i++;
      continue;
    }
    if (c === "'" && !double) {
      single = true;
      continue;
    }
    if (c === '"') {
      double = !double;
      continue;
    }
    // `$(…)` or `…`: `$((` is arithmetic, not followed.
    const dollar = c === '$' && raw[i + 1] === '(';
    if (dollar || (c === '`' && escape !== '`')) {
      if (dollar && raw[i + 2] === '(') {
        broken = true;
        break;
      }
      const open = dollar ? i + 2 : i + 1;
      const end = closing(raw, open, to, dollar ? ')' : '`', escape);
      if (end < 0) {
        broken = true;
        break;
      }
      const inner = raw.slice(open, end);
      if (splitsAtSpace && !double && /\s/.test(inner)) broken = true;
      subs.push({ start: i, end: end + 1, inner });
      i = end;
      continue;
    }
    if (c === '$' && raw[i + 1] === '{') {
      // `${NAME:-$(…)}` and the like: BuildKit's own expansion; not followed here.
      const end = raw.indexOf('}', i);
      if (end < 0 || end >= to || raw.slice(i, end).includes('$(') || raw.slice(i, end).includes('`')) {
        broken = true;
        break;
      }
      outside += raw.slice(i, end + 1);
      i = end;
      continue;
    }
    outside += c;
  }
  if (single || double) broken = true;
  return { outside, subs, broken };
}

/** The offset of the `close` that ends a substitution opened before `from` (nested parentheses and quotes followed), or -1. */
function closing(raw: string, from: number, to: number, close: string, escape: string): number {
  let depth = 0;
  let single = false;
  let double = false;
  for (let i = from; i < to; i++) {
    const c = raw[i];
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    if (c === escape || c === '\\') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') return -1;
    if (c === "'" && !double && close === ')') single = true;
    else if (c === '"' && close === ')') double = !double;
    else if (double) continue;
    else if (close === ')' && c === '(') depth++;
    else if (c === close) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * The build files set the label themselves, over the Dockerfile's value: a `KEY=` of it (`--label
 * KEY=…`, goreleaser's `--label=KEY={{.Date}}`), or docker/metadata-action, whose labels hold the
 * org.opencontainers.image ones.
 */
function labelSetByBuild(ctx: RuleContext, key: string): boolean {
  if (buildFilesMention(ctx.workspace, ctx.files, `${key}=`) === true) return true;
  return key.startsWith('org.opencontainers.image.') && buildFilesMention(ctx.workspace, ctx.files, 'docker/metadata-action') === true;
}

/**
 * An ARG's default is what the build uses, and only readers that take it literally read it: the
 * build files (seen from the repository's root) pass no value for it, and every instruction after
 * it that reads the name is a LABEL, an ENV of a literal variable (literalEnv), or a RUN that
 * reads it only in the arguments of `go build`/`go install` and has no eval, `sh -c` or envsubst.
 */
function argDefaultUsed(ctx: RuleContext, arg: Instruction, name: string): boolean {
  const passed = passedBuildArgs(ctx.workspace, ctx.files);
  if (!passed.inView || passed.any || passed.names.has(name)) return false;
  const model: DockerfileModel = ctx.model;
  let readers = 0;
  for (const instr of model.instructions) {
    if (instr.span.start <= arg.span.start) continue;
    const text = model.text.slice(instr.span.start, instr.span.end);
    if (!text.includes(name)) continue;
    const refs = variableReferences(text).filter((r) => r.name === name);
    if (refs.length === 0) continue;
    readers++;
    if (instr.keyword === 'LABEL') continue;
    if (instr.keyword === 'ENV') {
      // Every pair that reads the name is a literal variable's.
      const names = (instr.properties ?? []).filter((p) => p.value !== null && variableReferences(p.value).some((r) => r.name === name)).map((p) => p.name);
      if (names.length > 0 && names.every(literalEnv)) continue;
      return false;
    }
    if (instr.keyword !== 'RUN' || !instr.script || instr.script.heredoc) return false;
    const script = instr.script;
    if (/\beval\b|\benvsubst\b|\b(ba|da|z|k)?sh\s+(-\w+\s+)*-\w*c\b/.test(script.text)) return false;
    const builds = goCommands(instr).filter((g) => g.sub === 'build' || g.sub === 'install');
    const scriptRefs = variableReferences(script.text).filter((r) => r.name === name);
    if (scriptRefs.length === 0) return false;
    if (!scriptRefs.every((r) => builds.some((g) => g.cmd.start <= r.start && r.end <= g.cmd.end))) return false;
  }
  return readers > 0;
}
