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
 * Not reported: a RUN that sets or names GOOS/GOARCH itself (`GOOS= GOARCH= go run …`, `export`,
 * `unset`, `env -u`), `go run -exec …`, `go test -c` (builds only) and `go test -exec …`, xx-go,
 * GOARCH from anything but the target platform ARG, a stage not on $BUILDPLATFORM (it runs on
 * the target: emulated, but the program runs), and `go generate` (whether its directives run
 * programs built with `go run` is in the sources).
 *
 * Fix (not safe: it changes what runs on a cross build, which is the point): `GOOS= GOARCH= `
 * before that go command (the variables the stage set), so go builds the program for the build
 * machine; the stage's other go commands keep the target.
 */
import { argDeclarations, goCommands, goFlag, isXxGo, stageChain, type GoCommand } from '../dockerfile/facts';
import { properties } from '../dockerfile/parse';
import { scriptSpan, toDoc, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { insert } from '../edits/edits';
import { stagesToCheck, type Rule, type RuleFinding } from './types';

const BUILD_PLATFORM = /^\$\{?BUILDPLATFORM\}?$/;
const TARGET_VALUE: Record<string, RegExp> = { GOOS: /^\$\{?TARGETOS\}?$/, GOARCH: /^\$\{?TARGETARCH\}?$/ };

export const gd118: Rule = {
  code: 'GD118',
  name: 'go-run-for-target',
  summary: '`go run` or `go test` builds for the target platform in a stage on the build platform',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['goCommands'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      if (!stage.instructions.some((i) => goCommands(i).some(runsProgram))) continue;
      if (!onBuildPlatform(ctx.model, stage)) continue;
      for (const instr of stage.instructions) {
        const script = instr.script;
        if (!script || /\bGO(OS|ARCH)\b/.test(script.text)) continue;
        const runs = goCommands(instr).filter(runsProgram);
        if (runs.length === 0) continue;
        const set = targetEnv(ctx.model, stage, instr);
        if (!set.includes('GOARCH')) continue;
        for (const g of runs) {
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
  if (isXxGo(g) || g.cmd.env.some((a) => a.name === 'GOOS' || a.name === 'GOARCH')) return false;
  if (g.sub === 'run') return !goFlag(g.args, 'exec');
  if (g.sub === 'test') return !goFlag(g.args, 'c') && !goFlag(g.args, 'exec');
  return false;
}

/** Whether a stage runs on $BUILDPLATFORM: the nearest `--platform` of its FROM chain says so (as GD210 reads it). */
function onBuildPlatform(model: DockerfileModel, stage: Stage): boolean {
  const chain = stageChain(model, stage);
  for (let k = chain.length - 1; k >= 0; k--) {
    const p = chain[k].platform;
    if (p !== null) return BUILD_PLATFORM.test(p.trim());
  }
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
