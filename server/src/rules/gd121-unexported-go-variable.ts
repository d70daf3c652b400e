/**
 * GD121: a Go variable set by a bare shell assignment (`GOARM=6`, in a `case` arm, after `&&`),
 * never exported, and a later command of the same RUN that runs go (`go build`, or `make`, a
 * task runner or a script whose file runs go: dockerfile/indirectGo.ts) without it on its own
 * command line. A bare assignment sets a shell variable, not the environment: go never sees it
 * and builds with its default. oauth2-proxy's `case ${TARGETPLATFORM}` sets `GOARCH=arm GOARM=6`
 * and then runs `GOARCH=${GOARCH} VERSION=${VERSION} make build`: GOARCH reaches make, GOARM does
 * not, so its linux/arm/v6 image holds an ARMv7 binary (Go's default), which dies with an illegal
 * instruction on an ARMv6 board.
 *
 * Also a RUN that runs no command and only sets variables (metallb's `case ${TARGETPLATFORM} in
 * "linux/arm/v6") export VARIANT="6" ;; … esac` as a RUN of its own), one of which a later RUN of
 * the stage that runs go reads (`GOARM=$VARIANT go build`) without setting it, sourcing a file or
 * an ENV/ARG of that name: every RUN starts a new shell, so the value is empty there.
 *
 * Not reported when the variable is in the environment already (an `ENV` or `ARG` of that name in
 * scope: the shell then exports the new value), when the script exports it (`export GOARM`,
 * `export GOARM=6`, `declare -x`, `set -a` / `set -o allexport`), or when every later go step
 * gets it on its own command line (`GOARM=${GOARM} make build`) or among its arguments (beyla's
 * `make -f Makefile.jni CC=$CC`, a make command-line variable). Nor for CC or CXX in a stage
 * that uses tonistiigi/xx's `xx-go` (it sets them for the target platform: an exported CC would
 * override xx's), or whose value is no compiler command (a target triple, as spire's
 * `CC=aarch64-alpine-linux-musl`, the name of xx's sysroot: exporting it breaks cgo), where the
 * advice would break the build: the assignment is dead and can go.
 *
 * Fix (not safe: go then builds with that setting, which changes the binary): pass the variable
 * on the first such command (`GOARM=${GOARM} make build`), as the script does for the others.
 */
import { flatMapOf } from '../arrays';
import { dockerEnv, goCommands, stageImage, xxGoBefore } from '../dockerfile/facts';
import { GO_VARIABLE } from '../dockerfile/goBuild';
import { indirectGoSteps } from '../dockerfile/indirectGo';
import { scriptSpan, toDoc, type Instruction, type Stage } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shell';
import { insert } from '../edits/edits';
import { readsVariable } from '../dockerfile/variables';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding } from './types';

export const gd121: Rule = {
  code: 'GD121',
  name: 'unexported-go-variable',
  summary: 'A Go variable set by a bare shell assignment never reaches the go command after it',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['goCommands', 'images', 'workspace', 'contextFiles'],
  docs: { workspace: '(better with: it then reads a Makefile or script to know that it runs go)' },
  scope: 'stage',
  // The message of a RUN that only sets variables names the line of the RUN that reads them.
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      let steps: ShellCommand[] | undefined;
      for (const instr of stage.instructions) {
        const script = instr.script;
        if (instr.keyword !== 'RUN' || !script || script.parsed.assignments.length === 0) continue;
        if (script.parsed.commands.length === 0 && !script.parsed.hasErrors) {
          steps ??= goSteps(ctx, stage);
          out.push(...deadRun(ctx, stage, instr, steps));
          continue;
        }
        const names = [...new Set(script.parsed.assignments.filter((a) => GO_VARIABLE.test(a.name)).map((a) => a.name))];
        if (names.length === 0) continue;
        const env = dockerEnv(ctx.model, stage, instr);
        steps ??= goSteps(ctx, stage);
        const here = steps.filter((c) => instr.script!.parsed.commands.includes(c));
        for (const name of names) {
          if (env.has(name) || exported(script.text, name)) continue;
          const first = script.parsed.assignments.find((a) => a.name === name)!;
          if ((name === 'CC' || name === 'CXX') && (xxGoBefore(ctx.model, stage, instr) || notACompiler(first.value))) continue;
          // The go steps after it that do not get it on their own command line.
          const missed = here.filter((c) => c.start > first.end && !c.env.some((e) => e.name === name) && !passedAsArgument(c, name));
          if (missed.length === 0) continue;
          const target = missed[0];
          const shown = script.text.slice(target.start, target.end).replace(/\s*\\\n\s*/g, ' ');
          const cmdText = shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
          const value = script.text.slice(first.start, first.end);
          out.push({
            message: `\`${value}\` sets a shell variable, not the environment: \`${cmdText}\` runs without ${name}, so go builds with its default${name === 'GOARM' ? ' (GOARM=7 on arm: an ARMv6 board then dies with an illegal instruction)' : ''}. Export it (\`export ${name}\`) or pass it on the command (\`${name}=\${${name}} …\`).`,
            span: scriptSpan(script, first.start, first.end),
            fix: {
              title: `Pass ${name} to \`${target.argv[0]?.value ?? 'the command'}\` (changes the build)`,
              edits: [insert(toDoc(script, target.argv[0]?.start ?? target.start), `${name}=\${${name}} `)],
              safe: false,
            },
          });
        }
      }
    }
    return out;
  },
};

/**
 * A RUN that runs no command and only sets variables (`export VARIANT="6"` in the arms of a
 * `case`): they die with it. A later RUN of the stage that runs go and reads one of them
 * (`GOARM=$VARIANT go build`), without setting it itself or an ENV/ARG of that name in scope,
 * gets an empty value.
 */
function deadRun(ctx: RuleContext, stage: Stage, instr: Instruction, steps: ShellCommand[]): RuleFinding[] {
  const script = instr.script!;
  const out: RuleFinding[] = [];
  const later = stage.instructions.filter((i) => i.keyword === 'RUN' && i.script && i.span.start > instr.span.start);
  for (const name of [...new Set(script.parsed.assignments.map((a) => a.name))]) {
    if (dockerEnv(ctx.model, stage, instr).has(name)) continue;
    const reader = later.find((i) => {
      const p = i.script!.parsed;
      if (!readsVariable(i.script!.text, name) || !steps.some((c) => p.commands.includes(c))) return false;
      return !dockerEnv(ctx.model, stage, i).has(name) && !p.assignments.some((a) => a.name === name) && !p.commands.some((c) => c.env.some((e) => e.name === name) || ['.', 'source', 'eval'].includes(c.argv[0]?.value ?? ''));
    });
    if (!reader) continue;
    const first = script.parsed.assignments.find((a) => a.name === name)!;
    out.push({
      message: `\`${script.text.slice(first.start, first.end)}\` is set in a RUN that runs nothing else: the variable dies with this RUN, so \`$${name}\` is empty in the RUN at line ${reader.line + 1} and go builds with its default there. Set it in the RUN that uses it (or with ARG/ENV).`,
      span: scriptSpan(script, first.start, first.end),
    });
  }
  return out;
}

/** The commands of the stage that run go: go itself, or a build tool or script whose file runs go. */
function goSteps(ctx: RuleContext, stage: Stage): ShellCommand[] {
  const direct = flatMapOf(stage.instructions, (i: Instruction) => goCommands(i).map((g) => g.cmd));
  // A tool whose file cannot be read counts on an image with Go (a stage that runs go has it).
  const hasGo = stageImage(ctx.model, stage)?.goToolchain === true || direct.length > 0;
  return [...direct, ...indirectGoSteps(stage, ctx.workspace ? ctx.files : undefined, hasGo).map((s) => s.cmd)];
}

/**
 * The command gets the variable among its arguments: a make-style command-line variable
 * (`make CC=$CC`, beyla's JNI build: make's command-line definition overrides the makefile's),
 * or `NAME=$NAME` / `NAME=${NAME}` handed to any command (a script that reads its arguments so).
 */
function passedAsArgument(cmd: ShellCommand, name: string): boolean {
  const tool = (cmd.argv[0]?.value ?? '').split('/').pop() ?? '';
  return cmd.argv.slice(1).some((w) => {
    const raw = w.raw.replace(/^(["'])(.*)\1$/s, '$2');
    if (!raw.startsWith(`${name}=`)) return false;
    return MAKE_TOOLS.has(tool) || readsVariable(raw, name);
  });
}

/** Build tools that take `NAME=value` arguments as variables (make's command-line variables). */
const MAKE_TOOLS = new Set(['make', 'gmake', 'bmake', 'remake']);

/** The script exports the variable: `export NAME`, `declare -x NAME`, `typeset -x`, or exports every assignment (`set -a`). */
function exported(text: string, name: string): boolean {
  if (/\bset\s+(-[a-zA-Z]*a\b|-o\s+allexport\b)/.test(text)) return true;
  return new RegExp(`\\b(export|declare\\s+-[a-zA-Z]*x|typeset\\s+-[a-zA-Z]*x)\\b[^;&|\\n]*\\b${name}\\b`).test(text);
}

/** A C/C++ compiler command ends so: `gcc`, `aarch64-linux-gnu-gcc-12`, `clang++`, `musl-gcc`, `o64-clang`, `zig` (`zig cc`), `xx-clang`. */
const COMPILER = /(^|[-_/.])(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|tcc|icc|icx|icpx|zig|zcc|ccache|distcc)(-[0-9.]+)?$/;

/**
 * A CC/CXX value that is no compiler command: its first word, expansions read as separators
 * (`$TARGETARCH-linux-gnu-gcc` is a compiler), names none (`aarch64-alpine-linux-musl`, a target
 * triple). A value that is all expansion (`$CROSS_CC`) is unknown: not this.
 */
function notACompiler(raw: string): boolean {
  const value = raw.replace(/^(["'])(.*)\1$/s, '$2').replace(/\$\{[^}]*\}|\$\([^)]*\)|`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*/g, '-');
  const first = value.trim().split(/\s+/)[0] ?? '';
  if (/^[-]*$/.test(first)) return false;
  return !COMPILER.test(first);
}
