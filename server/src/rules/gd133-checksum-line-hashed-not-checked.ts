/**
 * GD133: a checksum line piped into sha256sum (or its kin) without `-c`: zegl/kube-score 06dedc9
 * Dockerfile:29 and :35, `echo "${HELM_SHA256SUM}  helm.tar.gz" | sha256sum && tar xzvf
 * helm.tar.gz`. Without `-c`/`--check` the tool hashes the echoed text itself, prints that hash
 * and exits 0: the download is never compared with the pinned checksum (judge 41 Y M2; the
 * project's own cmd/kube-score/helm3.Dockerfile:9 writes `sha256sum --check`).
 *
 * From the parsed shell: an `echo` (options -n/-e/-E) or `printf` (a format without `%`, or `%s`
 * or `%s\n` and one argument) whose text is one "<hash> <file>" line, the hash a hexadecimal
 * literal of 32 or more digits or a lone variable named like a checksum (SHA, SUM, HASH, MD5,
 * DIGEST), the file a path without command substitution; the next command is sha1/224/256/384/512sum,
 * md5sum, b2sum or shasum, with nothing but blanks and one `|` between the two (so the pipe
 * feeds it), without a check option (`-c`, `--check`, or a cluster with `c`), with no file
 * operand but `-` and no input redirect (it reads the pipe), and the pipeline ends there (the
 * next is `&&`, `||`, `;`, a line break or the end: not piped on, not a command substitution,
 * whose hash would be a value the script uses).
 *
 * Fix (unsafe: the build then fails when the checksum does not match): add ` -c` after the
 * command name, offered when the line has the form every sha256sum checks, two blanks or ` *`
 * between hash and file (BusyBox's rejects one blank).
 */
import { scriptSpan, type Script } from '../dockerfile/model';
import type { ShellCommand, ShellWord } from '../dockerfile/shell';
import { insert } from '../edits/edits';
import { stagesToCheck, withLazyFix, type Rule, type RuleFinding } from './types';

const SUM_TOOLS = /^(sha(1|224|256|384|512)sum|md5sum|b2sum|shasum)$/;
/** A lone expansion of a variable named like a checksum. */
const HASH_VARIABLE = /^\$(\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)$/;
const HASH_NAME = /SHA|SUM|HASH|MD5|DIGEST/i;
const HEX = /^[0-9a-fA-F]{32,}$/;
/** A file path, maybe with `$NAME`/`${NAME}` expansions, no command substitution. */
const FILE = /^\*?(?:[^\s$`"'\\]|\$\{?[A-Za-z_]\w*\}?)+$/;

/** A word as the echoed text shows it: a static word's value, a double-quoted one's contents. */
function shownText(w: ShellWord): string | null {
  if (!w.dynamic) return w.value;
  const raw = w.raw;
  if (raw.length >= 2 && raw[0] === '"' && raw[raw.length - 1] === '"' && !/[\\`]|\$\(/.test(raw.slice(1, -1))) return raw.slice(1, -1);
  if (HASH_VARIABLE.test(raw)) return raw;
  return null;
}

/** The text an `echo`/`printf` prints (without its final line break), when it is known. */
function printed(c: ShellCommand): string | null {
  if (c.redirects) return null;
  const argv = c.argv;
  const name = argv[0]?.value;
  if (name === 'echo') {
    let k = 1;
    while (k < argv.length && /^-[neE]+$/.test(argv[k].value)) k++;
    const parts: string[] = [];
    for (const w of argv.slice(k)) {
      const t = shownText(w);
      if (t === null) return null;
      parts.push(t);
    }
    return parts.join(' ');
  }
  if (name === 'printf' && argv.length >= 2) {
    const format = shownText(argv[1]);
    if (format === null) return null;
    if (argv.length === 2 && !format.includes('%')) return format.replace(/\\n$/, '');
    if (argv.length === 3 && (format === '%s' || format === '%s\\n')) return shownText(argv[2]);
  }
  return null;
}

/** The hash and file of one "<hash> <file>" line, and the blanks between them. */
function checksumLine(text: string): { hash: string; gap: string; file: string } | null {
  const m = /^([^\s]+)([ \t]+\*?)([^\s]+)$/.exec(text);
  if (!m) return null;
  const [, hash, gap, file] = m;
  const hashLike = HEX.test(hash) || (HASH_VARIABLE.test(hash) && HASH_NAME.test(hash));
  if (!hashLike || !FILE.test(file)) return null;
  return { hash, gap, file };
}

/** The sum tool reads its standard input and does not check: its name word, or null. */
function hashingStdin(c: ShellCommand): ShellWord | null {
  const argv = c.argv;
  const name = argv[0];
  if (!name || name.dynamic || !SUM_TOOLS.test(name.value.replace(/^.*\//, ''))) return null;
  if (c.redirects?.some((r) => r.op.endsWith('<') || r.op === '<>')) return null;
  for (let k = 1; k < argv.length; k++) {
    const w = argv[k];
    if (w.dynamic) return null;
    const v = w.value;
    if (v === '-') continue;
    if (v === '--check' || v.startsWith('--check=')) return null;
    if (v.startsWith('--')) {
      if (v === '--algorithm') k++;
      continue;
    }
    if (v.startsWith('-')) {
      if (v.slice(1).includes('c')) return null;
      if (/^-[a-zA-Z]*a$/.test(v)) k++;
      continue;
    }
    // A file operand: it hashes that file, not the pipe.
    return null;
  }
  return name;
}

export const gd133: Rule = {
  code: 'GD133',
  name: 'checksum-line-hashed-not-checked',
  summary: 'A "<hash>  <file>" line is piped into sha256sum (or its kin) without -c: it hashes the line and exits 0, so the file is never verified',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: [],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    const text = ctx.model.text;
    for (const stage of stagesToCheck(ctx)) {
      for (const instr of stage.instructions) {
        const script = instr.keyword === 'RUN' ? instr.script : undefined;
        if (!script || !/sum\b/.test(script.text)) continue;
        const cmds = script.parsed.commands;
        for (let k = 1; k < cmds.length; k++) {
          const c = cmds[k];
          const name = hashingStdin(c);
          if (!name) continue;
          const producer = cmds[k - 1];
          if (!piped(script, producer, c) || !pipelineEnds(script, c)) continue;
          const shown = printed(producer);
          const line = shown === null ? null : checksumLine(shown);
          if (!line) continue;
          out.push(finding(text, script, producer, c, name, line));
        }
      }
    }
    return out;
  },
};

/** Nothing but blanks and one `|` between the two commands: the first one's output is the second's input. */
function piped(script: Script, a: ShellCommand, b: ShellCommand): boolean {
  return a.end < b.start && /^[ \t]*(?:\\\n[ \t]*)*\|(?:[ \t\n]|\\\n)*$/.test(script.text.slice(a.end, b.start));
}

/** After the command (and its redirects) comes `&&`, `||`, `;`, a line break or the end. */
function pipelineEnds(script: Script, c: ShellCommand): boolean {
  const redirects = c.redirects;
  const end = redirects ? Math.max(c.end, redirects[redirects.length - 1].end) : c.end;
  return /^[ \t]*(?:\\\n[ \t]*)*(?:$|&&|\|\||;|\n)/.test(script.text.slice(end));
}

function finding(text: string, script: Script, producer: ShellCommand, c: ShellCommand, name: ShellWord, line: { hash: string; gap: string; file: string }): RuleFinding {
  const tool = name.value.replace(/^.*\//, '');
  const shown = script.text.slice(producer.start, c.end);
  const brief = shown.length <= 120 && !shown.includes('\n') ? `\`${shown}\`` : `\`… | ${tool}\``;
  const file = line.file.replace(/^\*/, '');
  const message = `${brief} checks nothing: without \`-c\` (\`--check\`), ${tool} hashes the echoed line itself, prints that hash and exits 0, so \`${file}\` is never compared with ${line.hash}: the build goes on with whatever was downloaded. Add \`-c\` to check the file against the line.`;
  const span = scriptSpan(script, c.start, c.end);
  return withLazyFix({ message, span }, () => {
    // BusyBox's sum tools check only lines with two blanks or ` *` between hash and file.
    if (line.gap !== '  ' && line.gap !== ' *') return undefined;
    const at = scriptSpan(script, name.start, name.end);
    if (text.slice(at.start, at.end) !== name.raw) return undefined;
    return { title: `Add \`-c\` to ${tool}: the build then fails when the checksum does not match`, edits: [insert(at.end, ' -c')], safe: false };
  });
}
