/**
 * GD132: a package install whose version constraint the shell splits off as a redirection:
 * tenable/terrascan d0405c2 build/Dockerfile:26, `apk add --no-cache git openssh
 * openssl>=1.1.1u-r2` in a shell-form RUN. The unquoted `>` redirects apk's output to a file
 * `=1.1.1u-r2` (left in the image, in the RUN's working directory) and apk gets `openssl` alone:
 * the constraint the authors wanted is silently dropped (judge 41 Y M1, built with buildah).
 * `pkg<2.0` / `pkg<=2.0` reads the command's input from a file `2.0` / `=2.0`, which fails.
 *
 * From the parsed shell only (ShellCommand.redirects): a `>` or `<` redirect without a
 * descriptor, written right after a package word with no blank between (`openssl>=…`), whose
 * target starts with `=` or a digit, in an install command of apk/apt/yum/dnf/microdnf/zypper
 * (dockerfile/packages.ts, the package words) or pip (`pip install`, `python -m pip install`,
 * `uv pip install`: the words after `install` that are neither options nor an option's value).
 * Not reported: a quoted word (`"openssl>=1.1"`: no redirection), `pkg >=1` with a blank (not a
 * package's constraint), `>>`, `2>`, a target that starts otherwise (`>/dev/null`, `>log`).
 *
 * Fix (unsafe: it changes what is installed, and the build fails when no such version exists):
 * quote the word and its constraint, for apk and pip, which read `name>=version` and
 * `name<version`. None for apt (it takes no range: `name=version` pins one) nor the rpm and
 * zypper tools.
 */
import { installsPython } from '../dockerfile/nativeBuilds';
import { packageCommand } from '../dockerfile/packages';
import { scriptSpan, type Instruction, type Script } from '../dockerfile/model';
import type { ShellCommand, ShellRedirect, ShellWord } from '../dockerfile/shell';
import { replace } from '../edits/edits';
import { stagesToCheck, withLazyFix, type Rule, type RuleFinding } from './types';

/** A package word, with an optional pip extra (`uvicorn[standard]`) or apk/apt architecture. */
const PACKAGE_WORD = /^[A-Za-z0-9][A-Za-z0-9._+:@-]*(\[[A-Za-z0-9_,.-]+\])?$/;
/** pip options that take the next word as their value. */
const PIP_VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--src', '--platform', '--python-version', '--implementation', '--abi', '--upgrade-strategy',
  '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert',
  '--client-cert', '--global-option', '--config-settings', '-C', '--no-binary', '--only-binary', '--report', '--python', '-p',
]);

interface Install {
  /** Who reads the constraint: the fix quotes the word only for apk and pip. */
  tool: 'apk' | 'apt' | 'rpm' | 'zypper' | 'pip';
  name: string;
  packages: ShellWord[];
}

function installOf(c: ShellCommand): Install | null {
  const p = packageCommand(c);
  if (p) {
    if (p.action !== 'install') return null;
    return { tool: p.family, name: p.manager.replace(/^xx-/, ''), packages: p.packages.map((x) => x.word) };
  }
  const argv = c.argv;
  if (!installsPython(argv.map((w) => w.value))) return null;
  const at = argv.findIndex((w) => w.value === 'install');
  if (at < 0) return null;
  // Only pip reads the package words after `install` (not poetry, pipenv, pdm).
  if (!argv.slice(0, at).some((w) => /^pip(\d+(\.\d+)?)?$/.test(w.value.replace(/^.*\//, '')))) return null;
  const packages: ShellWord[] = [];
  for (let k = at + 1; k < argv.length; k++) {
    const v = argv[k].value;
    if (v.startsWith('-')) {
      if (!v.includes('=') && PIP_VALUE_OPTIONS.has(v)) k++;
      continue;
    }
    packages.push(argv[k]);
  }
  return { tool: 'pip', name: 'pip', packages };
}

/** The redirect splits a constraint off the package word: touching it, `>`/`<` alone, a target such as `=1.1` or `2.0`. */
function splitConstraint(word: ShellWord, r: ShellRedirect): boolean {
  if (r.start !== word.end || (r.op !== '>' && r.op !== '<')) return false;
  if (word.dynamic || word.raw !== word.value || !PACKAGE_WORD.test(word.value)) return false;
  return !!r.target && /^(=[^=\s]|[0-9])/.test(r.target.raw);
}

export const gd132: Rule = {
  code: 'GD132',
  name: 'version-constraint-read-as-redirect',
  summary: 'An unquoted version constraint of a package install (`openssl>=1.1`) is a shell redirection: the constraint is dropped and a file is written, or the install reads a missing file',
  severity: 'warning',
  severities: ['warning', 'error'],
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['packageInstalls'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    for (const stage of stagesToCheck(ctx)) {
      for (const instr of stage.instructions) {
        const script = instr.keyword === 'RUN' ? instr.script : undefined;
        if (!script || !/[<>]/.test(script.text)) continue;
        for (const c of script.parsed.commands) {
          if (!c.redirects) continue;
          const install = installOf(c);
          if (!install) continue;
          for (const r of c.redirects) {
            const word = install.packages.find((w) => w.end === r.start);
            if (!word || !splitConstraint(word, r)) continue;
            out.push(finding(model.text, instr, script, install, word, r));
          }
        }
      }
    }
    return out;
  },
};

function finding(text: string, instr: Instruction, script: Script, install: Install, word: ShellWord, r: ShellRedirect): RuleFinding {
  const target = r.target!.value;
  const written = `${word.raw}${script.text.slice(r.start, r.end)}`;
  const span = scriptSpan(script, word.start, r.end);
  const input = r.op === '<';
  const what = input
    ? `the shell reads \`<${target}\` as an input redirection from a file \`${target}\`: unless the working directory has one, the command fails before ${install.name} runs (and with one, ${install.name} gets \`${word.value}\` without the constraint)`
    : `the shell reads \`>${target}\` as a redirection: ${install.name} installs \`${word.value}\` whatever its version, and its output goes to a file \`${target}\` left in the image's working directory`;
  const quoted = install.tool === 'apk' || install.tool === 'pip';
  const advice = quoted
    ? `Quote the word (\`'${written}'\`) so that ${install.name} gets the constraint.`
    : install.tool === 'apt'
      ? `${install.name} takes no version range (quoted, \`${written}\` is an unknown package): pin one version with \`${word.value}=<version>\`, or drop the constraint.`
      : `Quote it as ${install.name} expects a version constraint, or drop it.`;
  return withLazyFix({ message: `\`${written}\` is not quoted, so ${what}. ${advice}`, span, severity: input ? 'error' : 'warning' }, () => {
    if (!quoted || written !== `${word.raw}${r.op}${r.target!.raw}`) return undefined;
    // Only where the document holds the words as the script does (no line continuation inside).
    if (text.slice(span.start, span.end) !== written) return undefined;
    const inSingle = script.parsed.nested?.some((n) => n.quote === "'" && n.start < word.start && r.end < n.end);
    const q = inSingle && !instr.json ? '"' : "'";
    return {
      title: `Quote \`${written}\`: changes what is installed (${install.name} then applies the version constraint, and fails when no such version exists)`,
      edits: [replace(span.start, span.end, `${q}${written}${q}`)],
      safe: false,
    };
  });
}
