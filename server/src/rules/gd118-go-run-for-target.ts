/**
 * GD118: `go run` (or `go test`, which runs the test binaries it builds) in a stage on the build
 * platform (`FROM --platform=$BUILDPLATFORM`, or a stage built FROM one) whose ENV sets GOARCH to
 * the target's (`ENV GOARCH=$TARGETARCH`, with `ARG TARGETARCH` declared): go builds the program
 * for the target and then executes it on the build machine. On a cross build (`docker buildx
 * build --platform linux/arm64` on an amd64 machine) that fails with "exec format error", unless
 * the builder happens to have QEMU binfmt emulation installed. sing-box: `export VERSION=$(go run
 * ./cmd/internal/read_tag)` under `ENV GOOS=$TARGETOS GOARCH=$TARGETARCH`; `export` hides the
 * failure, and the binary is stamped with an empty version.
 *
 * The same for a command that sets GOARCH to the target itself (`GOOS=$TARGETOS
 * GOARCH=$TARGETARCH go test ./...`), and for `make` run with GOARCH the target's (ENV, the
 * command's prefix, `make GOARCH=$TARGETARCH`) whose goals reach a recipe that runs `go test` or
 * `go run` (facts/toolRunText.ts: the default goal too; burningalchemist/sql_exporter's
 * Dockerfile.multi-arch runs `GOOS=$TARGETOS GOARCH=$TARGETARCH make`, whose `all: format build
 * test` runs `$(GO) test -short $(pkgs)`).
 *
 * Not reported: a command whose own GOARCH is empty or another value (`GOOS= GOARCH= go run …`,
 * `GOARCH=$BUILDARCH`), a RUN that sets GOOS/GOARCH for its later commands (`export`, `unset`,
 * `env -u`, a bare assignment), `go run -exec …`, `go test -c` (builds only) and `go test -exec
 * …`, xx-go, GOARCH from anything but the target platform ARG, a stage not on $BUILDPLATFORM (it
 * runs on the target: emulated, but the program runs), and `go generate` (whether its directives
 * run programs built with `go run` is in the sources). Through make: a recipe line that names
 * GOOS/GOARCH itself, a Makefile that assigns or exports GOARCH on the way, goals that cannot be
 * followed (the whole Makefile says nothing about what this run runs).
 *
 * Fix (not safe: it changes what runs on a cross build, which is the point): `GOOS= GOARCH= `
 * before that go command (the variables the stage set), so go builds the program for the build
 * machine; the stage's other go commands keep the target. None where the command or make sets
 * the target itself (which of its words to change is the author's call).
 */
import { argDeclarations, goCommands, goFlag, isXxGo, onBuildPlatform, stageChain, type GoCommand } from '../dockerfile/facts';
import { toolRuns } from '../dockerfile/indirectGo';
import { makeArgs } from '../dockerfile/makeRecipe';
import { properties } from '../dockerfile/parse';
import { scriptSpan, toDoc, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shell';
import { insert } from '../edits/edits';
import { toolRunText } from '../facts/toolRunText';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding } from './types';

const TARGET_VALUE: Record<string, RegExp> = { GOOS: /^\$\{?TARGETOS\}?$/, GOARCH: /^\$\{?TARGETARCH\}?$/ };

export const gd118: Rule = {
  code: 'GD118',
  name: 'go-run-for-target',
  summary: '`go run` or `go test` builds for the target platform in a stage on the build platform',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['goCommands', 'workspace', 'contextFiles'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      if (!onBuildPlatform(ctx.model, stage)) continue;
      out.push(...throughMake(ctx, stage));
      if (!stage.instructions.some((i) => goCommands(i).some(runsProgram))) continue;
      for (const instr of stage.instructions) {
        const script = instr.script;
        if (!script || setsForLater(script.parsed.commands)) continue;
        const runs = goCommands(instr).filter(runsProgram);
        if (runs.length === 0) continue;
        const set = targetEnv(ctx.model, stage, instr);
        for (const g of runs) {
          // The command's own GOARCH decides (`GOARCH=$TARGETARCH go test`); else the stage's ENV.
          const own = ownTarget(ctx.model, stage, instr, g.cmd);
          if (own === false || (own === null && !set.includes('GOARCH'))) continue;
          if (own !== null) {
            const what = g.cmd.argv.slice(0, 3).map((w) => w.value).join(' ') + (g.cmd.argv.length > 3 ? ' …' : '');
            out.push({
              message: `\`${what}\` runs in a stage on the build platform (\`--platform=$BUILDPLATFORM\`) with \`${own}\` on the command: go builds ${g.sub === 'test' ? 'the test binaries' : 'the program'} for the target and runs ${g.sub === 'test' ? 'them' : 'it'} on the build machine. On a cross build (\`docker buildx build --platform linux/arm64\` on an amd64 machine) that fails with "exec format error" (unless the builder has QEMU emulation installed). Build ${g.sub === 'test' ? 'them' : 'it'} for the build machine: drop GOOS/GOARCH from this command (\`GOOS= GOARCH= go ${g.sub} …\`).`,
              span: scriptSpan(script, g.cmd.start, g.cmd.end),
            });
            continue;
          }
          const what = g.cmd.argv.slice(0, 3).map((w) => w.value).join(' ') + (g.cmd.argv.length > 3 ? ' …' : '');
          const captured = /\$\(\s*$/.test(script.text.slice(0, g.cmd.start));
          const reset = set.map((n) => `${n}=`).join(' ');
          out.push({
            message: `\`${what}\` runs in a stage on the build platform (\`--platform=$BUILDPLATFORM\`) whose ENV sets ${set.map((n) => `${n}=${n === 'GOOS' ? '$TARGETOS' : '$TARGETARCH'}`).join(' ')}: go builds ${g.sub === 'test' ? 'the test binaries' : 'the program'} for the target and runs ${g.sub === 'test' ? 'them' : 'it'} on the build machine. On a cross build (\`docker buildx build --platform linux/arm64\` on an amd64 machine) that fails with "exec format error" (unless the builder has QEMU emulation installed)${captured ? ', and the `$(…)` around it then yields nothing' : ''}. Build ${g.sub === 'test' ? 'them' : 'it'} for the build machine: \`${reset} go ${g.sub} …\`.`,
            span: scriptSpan(script, g.cmd.start, g.cmd.end),
            fix: {
              title: `Run \`go ${g.sub}\` for the build machine (${reset})`,
              edits: [insert(toDoc(script, g.cmd.argv[0].start), `${reset} `)],
              safe: false,
            },
          });
        }
      }
    }
    return out;
  },
};

/** `go run` (not with -exec), `go test` that runs its binaries (not -c, not -exec); not xx-go. */
function runsProgram(g: GoCommand): boolean {
  if (isXxGo(g)) return false;
  if (g.sub === 'run') return !goFlag(g.args, 'exec');
  if (g.sub === 'test') return !goFlag(g.args, 'c') && !goFlag(g.args, 'exec');
  return false;
}

/**
 * GOOS/GOARCH that the last ENV before `before` in the stage chain sets to the target platform
 * ARG (`ENV GOARCH=$TARGETARCH`), when that ARG was declared in the chain before the ENV (else
 * it is empty there, and go builds for the build machine). Later ENVs of another value win.
 */
function targetEnv(model: DockerfileModel, stage: Stage, before: Instruction): string[] {
  const state = new Map<string, boolean>();
  const declared = new Set<string>();
  outer: for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) break outer;
      if (i.keyword === 'ARG') for (const a of argDeclarations(model, i)) declared.add(a.name);
      if (i.keyword !== 'ENV') continue;
      for (const p of properties(i)) {
        if (p.name !== 'GOOS' && p.name !== 'GOARCH') continue;
        const v = (p.value ?? '').trim().replace(/^"(.*)"$/s, '$1');
        const arg = p.name === 'GOOS' ? 'TARGETOS' : 'TARGETARCH';
        state.set(p.name, TARGET_VALUE[p.name].test(v) && declared.has(arg));
      }
    }
  }
  return ['GOOS', 'GOARCH'].filter((n) => state.get(n) === true);
}

/** Sets GOOS/GOARCH for the commands after it: `export`, `unset`, `env -u`, `go env -w`, a bare assignment. */
function setsForLater(commands: readonly ShellCommand[]): boolean {
  return commands.some((c) => {
    const words = c.argv.map((w) => w.value);
    if (words.length === 0) return c.env.some((a) => a.name === 'GOOS' || a.name === 'GOARCH');
    if (/^(export|unset|declare|typeset|readonly|local)$/.test(words[0]) || (words[0] === 'env' && words.includes('-u'))) return words.some((w) => /\bGO(OS|ARCH)\b/.test(w));
    return /(^|\/)go$/.test(words[0]) && words[1] === 'env' && words[2] === '-w' && words.some((w) => /^GO(OS|ARCH)=/.test(w));
  });
}

/** An assignment's value without its quotes. */
function bare(value: string): string {
  return value.trim().replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
}

/**
 * The GOARCH a command sets itself (`GOARCH=$TARGETARCH go test`, `env GOARCH=… go run`): the text
 * `GOARCH=$TARGETARCH` when it is the target's (with `ARG TARGETARCH` declared before the RUN),
 * false when it is another value or empty (the build machine's, `GOARCH=`), null when it sets none.
 */
function ownTarget(model: DockerfileModel, stage: Stage, instr: Instruction, cmd: ShellCommand, value?: string): string | false | null {
  const v = value ?? [...cmd.env].reverse().find((a) => a.name === 'GOARCH')?.value ?? (cmd.argv[0]?.value === 'env' ? cmd.argv.find((w) => w.value.startsWith('GOARCH='))?.value.slice(7) : undefined);
  if (v === undefined) return null;
  if (!TARGET_VALUE.GOARCH.test(bare(v))) return false;
  return declaredBefore(model, stage, instr).has('TARGETARCH') ? `GOARCH=${bare(v)}` : false;
}

/** The ARGs the stage chain declares before `before`. */
function declaredBefore(model: DockerfileModel, stage: Stage, before: Instruction): Set<string> {
  const declared = new Set<string>();
  outer: for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) break outer;
      if (i.keyword === 'ARG') for (const a of argDeclarations(model, i)) declared.add(a.name);
    }
  }
  return declared;
}

/** A recipe line's `go test`/`go run` (also `$(GO) test`), with the words after it up to the end of its command. */
const RUN_IN_RECIPE = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+(test|run)\b([^;&|\n]*)/;
/** A Makefile line (not a recipe) that assigns or exports GOOS/GOARCH: make passes it to every recipe. */
const MAKE_SETS_GOARCH = /^(?:[^\t][^:=]*:\s*)?(?:(?:export|override)\s+)*GO(?:OS|ARCH)\b\s*(?:::=|:=|\?=|\+=|!=|=|$)|^export\b.*\bGO(?:OS|ARCH)\b/m;

/**
 * `make` in a RUN of a build-platform stage, with GOARCH the target's (the command's prefix, `make
 * GOARCH=$TARGETARCH`, or the stage's ENV), whose goals (facts/toolRunText.ts, only when they can
 * be followed) reach a recipe line that runs `go test` (not -c, -exec) or `go run` (not -exec)
 * and names neither GOOS nor GOARCH, in a Makefile that does not assign or export them.
 */
function throughMake(ctx: RuleContext, stage: Stage): RuleFinding[] {
  const files = ctx.files;
  if (!files) return [];
  const out: RuleFinding[] = [];
  for (const run of toolRuns(stage, files)) {
    const args = makeArgs(run.cmd.argv);
    const script = run.instr.script;
    if (!args || !script || run.fromArchive || setsForLater(script.parsed.commands)) continue;
    const text = toolRunText(ctx.workspace, (rel) => files.readFile(rel), run);
    if (!text?.goals || MAKE_SETS_GOARCH.test(text.text)) continue;
    // `make GOARCH=…` (make exports a command-line variable to its recipes), else the prefix, else ENV.
    const argValue = run.cmd.argv.find((w) => w.value.startsWith('GOARCH='));
    const own = ownTarget(ctx.model, stage, run.instr, run.cmd, argValue ? argValue.raw.slice(argValue.raw.indexOf('=') + 1) : undefined);
    if (own === false) continue;
    const set = own === null ? targetEnv(ctx.model, stage, run.instr) : [];
    if (own === null && !set.includes('GOARCH')) continue;
    let target = '';
    let hit: { sub: string; line: string; target: string } | null = null;
    for (const line of text.text.split('\n')) {
      if (!line.startsWith('\t')) {
        const m = /^([^:=\s][^:=]*?)\s*::?(?!=)/.exec(line);
        target = m ? m[1].trim() : '';
        continue;
      }
      const m = RUN_IN_RECIPE.exec(line);
      if (!m || /\bGO(OS|ARCH)\b/.test(line)) continue;
      const flags = m[2];
      if (/(^|\s)--?exec\b/.test(flags) || (m[1] === 'test' && /(^|\s)--?c(\s|=|$)/.test(flags))) continue;
      hit = { sub: m[1], line: line.trim().replace(/^[@+-]+/, ''), target };
      break;
    }
    if (!hit) continue;
    const how = own !== null ? `with \`${own}\` on the command` : `whose ENV sets ${set.map((n) => `${n}=${n === 'GOOS' ? '$TARGETOS' : '$TARGETARCH'}`).join(' ')}`;
    const goals = args.targets.length > 0 ? `\`${args.targets.join(' ')}\`` : 'the default goal';
    out.push({
      message: `\`${run.cmd.argv.map((w) => w.raw).join(' ')}\` runs in a stage on the build platform (\`--platform=$BUILDPLATFORM\`) ${how}, and ${goals} reaches the recipe of \`${hit.target}\` in ${run.file}, which runs \`${hit.line.length > 60 ? `${hit.line.slice(0, 57)}…` : hit.line}\`: go builds ${hit.sub === 'test' ? 'the test binaries' : 'the program'} for the target and runs ${hit.sub === 'test' ? 'them' : 'it'} on the build machine. On a cross build (\`docker buildx build --platform linux/arm64\` on an amd64 machine) that fails with "exec format error" (unless the builder has QEMU emulation installed, and then ${hit.sub === 'test' ? 'the tests run' : 'it runs'} emulated on every image build). Make a goal that does not ${hit.sub === 'test' ? 'run the tests' : 'run programs'} here (\`make build\`), or ${hit.sub === 'test' ? 'run them' : 'run it'} for the build machine.`,
      span: scriptSpan(script, run.cmd.start, run.cmd.end),
    });
  }
  return out;
}
