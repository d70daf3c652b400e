import { TRIMPATH_SINCE } from '../images/golangTag';
import * as path from 'node:path';
import { commentLines, envBefore, flagInsertPoint, goFlag, goOlderThan, goPackages, stageChain, stageGoCommands } from '../dockerfile/facts';
import { alternativeBuildHas, buildsOnlyGoDistribution, buildToolOnly, goCachePaths, goflags, goflagsValue, hasOpaqueArgs, isDebugBuild, isLocalPackage, stagesLanding, writesNoBinary } from '../dockerfile/goBuild';
import { mounts } from '../dockerfile/mounts';
import { scriptSpan, toDoc, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import type { GoCommand } from '../dockerfile/facts';
import { insert, type Edit } from '../edits/edits';
import { discardedBuild, pluginHostBuilt } from '../facts/builtPackages';
import { moduleCompile } from '../facts/precompiledPackages';
import type { Rule, RuleContext, RuleFinding } from './types';

/**
 * GD108: in a stage whose files land in the final image (stagesLanding, as for GD110), `go build`, or `go install`
 * of the module's own packages, without `-trimpath` (on the
 * command line or in GOFLAGS). Not reported: `go install pkg@version` and other remote
 * packages (a third-party tool, whose paths are the module cache's), `go run`/`go test` (no
 * binary ships), `go install std` (the standard library: no program of the project), debug builds (`-gcflags "all=-N -l"`, or a build that lands in a Delve debug image: isDebugBuild; Delve maps the recorded paths to the
 * sources), builds that write no binary (`go build ./...` without -o, `-o /dev/null`) or whose
 * binary the stage discards (discardedBuild: a cache warm-up a later build overwrites, a probe a later `rm` removes), an
 * explicit `-trimpath=false`, and commands whose flags are partly unknown: a GOFLAGS build arg
 * without a default, or a word that starts with an expansion (`go build ${GOBUILDFLAGS} .`),
 * and a build whose comment says why it keeps its paths: a comment about trimming paths in the
 * RUN's script before the command, or in the comment lines right above the RUN (FerretDB's
 * development image: `# Do not trim paths to make debugging with delve easier.`), and a build in
 * a branch of an `if`/`case` whose other branch builds the same packages with -trimpath
 * (open-im-server's RELEASE=false build: alternativeBuildHas).
 *
 * When an earlier RUN of the stage chain compiled the dependencies into its layer's build cache
 * (linkerd2's `./bin/install-deps`, a `go build ./pkg/...` warm-up: precompiles()), -trimpath on
 * this build alone changes every package's build key and compiles them all again: the message
 * names those steps.
 *
 * Fix (safe: only the file paths recorded in the binary change, not what it does): insert
 * `-trimpath` right after `go build`/`go install`, and into the precompiling steps (after their go
 * command, or `GOFLAGS=-trimpath` in front of a script; not safe when a script sets GOFLAGS itself).
 * Not reported either for a program that loads Go plugins (a package it compiles imports the
 * standard library's `plugin`: facts/builtPackages.ts pluginHostBuilt): its plugins are built
 * elsewhere, and plugin.Open refuses one built with another -trimpath setting, so the flag on the
 * host alone breaks them (cyberark/secretless-broker's broker, plugin authors told to build with
 * plain `go build -buildmode=plugin`).
 * No fix in a Dockerfile that builds a Go plugin (`-buildmode=plugin`): the plugin and the program
 * that loads it must both have -trimpath or neither (plugin.Open refuses a mismatch); the message says so.
 */
export const gd108: Rule = {
  code: 'GD108',
  name: 'no-trimpath',
  summary: 'A go build without `-trimpath`',
  severity: 'information',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands', 'goBuilds', 'images', 'workspace', 'contextFiles'],
  check(ctx) {
    const out: RuleFinding[] = [];
    // A helper built and used inside a stage that never reaches the image (docs generators, test
    // stages), or only mounted into a RUN that runs it (a linter), ships no paths.
    const feeding = stagesLanding(ctx.model, ctx.finalStage);
    for (const stage of ctx.model.stages) {
      if (!feeding.has(stage.index)) continue;
      for (const g of stageGoCommands(stage)) {
        if (!reported(ctx, stage, g)) continue;
        const script = g.instr.script!;
        const build = insert(toDoc(script, flagInsertPoint(g) - 1) + 1, ' -trimpath');
        // Earlier RUNs that compiled the dependencies into the layers this build starts from
        // (linkerd2's `./bin/install-deps`): -trimpath is part of every package's build key, so
        // on this build alone it compiles them all again. The flag goes to them too.
        const pre = precompiles(ctx, stage, g);
        const names = pre.map((p) => `\`${p.what}\`${p.stage !== stage && p.stage.name ? ` (stage ${p.stage.name})` : ` (line ${p.instr.line + 1})`}`).join(', ');
        const unfixable = pre.filter((p) => p.edit === null);
        const preNote = pre.length === 0 ? '' : ` The earlier ${names} compiled the dependencies into the build cache of ${pre.length > 1 ? 'their layers' : 'its layer'} without \`-trimpath\`, which this build reuses; \`-trimpath\` is part of every package's build key, so with it on this build alone each of those packages is compiled again. Give ${pre.length > 1 ? 'them' : 'that step'} \`-trimpath\` too${pre.some((p) => p.script) ? ' (`GOFLAGS=-trimpath` for a script)' : ''}${unfixable.length > 0 ? `; ${unfixable.map((p) => `\`${p.what}\``).join(', ')} sets GOFLAGS itself, so the flag goes into its go command` : ''}.`;
        // A Go plugin is built here (`-buildmode=plugin`, also in an ONBUILD step): a plugin and
        // the program that loads it must agree on -trimpath, or plugin.Open fails ("plugin was
        // built with a different version of package …"). The flag goes on every build of both or
        // none: no fix on one build alone.
        const plugin = pluginBuild(ctx.model);
        const pluginNote = plugin ? ` This Dockerfile also builds a Go plugin (\`-buildmode=plugin\`, line ${plugin.line + 1}): a plugin and the program that loads it must be built with the same \`-trimpath\` setting, or plugin.Open refuses the plugin ("plugin was built with a different version of package …"), so add it to the builds of both or to neither.` : '';
        out.push({
          message: `\`go ${g.sub}\` without \`-trimpath\`: the binary records the builder's absolute paths (WORKDIR, module cache, GOROOT), and the same commit built in another directory gives different bytes.${preNote}${pluginNote}`,
          span: scriptSpan(script, g.cmd.start, g.cmd.end),
          fix: plugin ? undefined : pre.length === 0
            ? { title: `Add -trimpath to go ${g.sub}`, edits: [build], safe: true }
            : { title: `Add -trimpath to go ${g.sub} and to the earlier ${names}`, edits: [...pre.flatMap((p) => (p.edit ? [p.edit] : [])), build], safe: unfixable.length === 0 },
        });
      }
    }
    return out;
  },
};

/**
 * The first instruction that builds a Go plugin (`-buildmode=plugin` in a RUN or an ONBUILD
 * step): volcano-sh/volcano ed72c7c example/custom-plugin/Dockerfile:23 (the host program is built
 * by `make vc-scheduler` on line 28), nuclio/nuclio 9e837f6's golang onbuild Dockerfile.alpine:81
 * (`ONBUILD RUN go build -buildmode=plugin`, loaded by the processor built on line 37).
 */
function pluginBuild(model: DockerfileModel): Instruction | null {
  return model.instructions.find((i) => (i.keyword === 'RUN' || i.keyword === 'ONBUILD') && /(^|\s)-?-buildmode(=|\s+)["']?plugin\b/.test(model.text.slice(i.span.start, i.span.end))) ?? null;
}

/** A comment about trimming paths (`-trimpath`, "trim paths", "trimmed paths"). */
const TRIM_NOTE = /trim-?path|\btrim(med|ming)?\s+(the\s+)?(file\s+)?paths?\b/i;

/**
 * A comment about trimming paths before the go command in its RUN's script (a shell comment of a
 * heredoc, or a comment line between continuations), or in the block of comment lines right
 * above the RUN.
 */
function commentedChoice(model: DockerfileModel, g: GoCommand): boolean {
  // The RUN's text up to the command, as written (comment lines between continuations are not
  // in its script; a heredoc's shell comments are).
  const upTo = model.text.slice(g.instr.span.start, toDoc(g.instr.script!, g.cmd.start));
  if (upTo.split('\n').some((l) => l.trimStart().startsWith('#') && TRIM_NOTE.test(l))) return true;
  const byLine = commentLines(model);
  for (let line = g.instr.line - 1; byLine.has(line); line--) if (TRIM_NOTE.test(byLine.get(line)!)) return true;
  return false;
}

/** Whether GD108 reports this go command (the stage lands in the image: the caller asks). */
function reported(ctx: RuleContext, stage: Stage, g: GoCommand): boolean {
  if (g.sub !== 'build' && g.sub !== 'install') return false;

  // A warm-up a later build overwrites, or a probe a later `rm` removes, ships nothing; nor does a
  // tool the build runs over the bound sources in a Dockerfile that makes no image to run (buildx's
  // docsgen and golangci-lint).
  if (discardedBuild(ctx, g) || buildToolOnly(ctx.model, ctx.finalStage, g)) return false;
  const pkgs = goPackages(g.args);
  // `go install std`: the standard library, no program of the project.
  if (buildsOnlyGoDistribution(pkgs)) return false;
  if (g.sub === 'install' && !pkgs.every((p) => !p.value.includes('@') && (p.dynamic || isLocalPackage(p.value)))) return false;
  if (writesNoBinary(g, pkgs, goFlag(g.args, 'o')?.value)) return false;
  if (goFlag(g.args, 'trimpath') || hasOpaqueArgs(pkgs)) return false;
  // `-trimpath` came with Go 1.13: an older go stops at it ("flag provided but not defined";
  // ledisdb builds on golang:1.9-stretch).
  if (goOlderThan(ctx.model, stage, g.instr, TRIMPATH_SINCE.major, TRIMPATH_SINCE.minor)) return false;
  // A Delve build needs the real source paths to set breakpoints: its paths are wanted.
  if (isDebugBuild(ctx.model, ctx.finalStage, stage, g)) return false;
  const flags = goflags(ctx.model, stage, g);
  if (flags === null || (flags && goflagsValue(flags, 'trimpath') !== undefined)) return false;
  // A comment next to the build says why the paths stay: a deliberate choice.
  if (commentedChoice(ctx.model, g)) return false;
  // Another branch of the same `if`/`case` builds the same packages with -trimpath: this branch
  // is the deliberate other mode (open-im-server's RELEASE=false build).
  if (alternativeBuildHas(g, (o) => !!goFlag(o.args, 'trimpath'))) return false;
  // The program loads Go plugins (a package it compiles imports `plugin`): plugin.Open refuses a
  // plugin whose shared packages were built with another -trimpath setting ("plugin was built
  // with a different version of package internal/cpu"), and plugins built elsewhere (by their
  // authors, as the project documents) are what it loads. -trimpath on the host alone breaks
  // them (cyberark/secretless-broker b172451 Dockerfile:39, pkg/secretless/plugin/README.md:82).
  if (ctx.workspace && pluginHostBuilt({ ...ctx, workspace: ctx.workspace }, stage, g)) return false;
  return true;
}

interface Precompile {
  stage: Stage;
  instr: Instruction;
  what: string;
  /** A script step (`GOFLAGS=-trimpath` goes before it), not a go command. */
  script: boolean;
  /** What gives the step -trimpath; null when its script sets GOFLAGS itself. */
  edit: Edit | null;
}

/**
 * The earlier RUNs of the build's stage chain that compile the module's dependencies into their
 * layers' build cache (facts/precompiledPackages.ts: a go build/install of the module's packages,
 * or a script of the context that runs one) without -trimpath, where the build reads that cache
 * (neither mounts a cache over it). A go command that GD108 reports itself is left to its own
 * finding. linkerd2's go-deps stage runs `./bin/install-deps $TARGETARCH` (`go install` of some
 * fifty dependency packages), and Dockerfile.proxy warms up with `go build ./pkg/...`: with
 * -trimpath on the final build alone, every one of them is compiled again on each build.
 */
function precompiles(ctx: RuleContext, stage: Stage, g: GoCommand): Precompile[] {
  const model = ctx.model;
  if (buildCacheMounted(model, stage, g.instr, g)) return [];
  const files = ctx.files;
  const read = files ? (rel: string) => files.readFile(rel) : undefined;
  const out: Precompile[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) return out;
      if (i.keyword !== 'RUN' || !i.script || buildCacheMounted(model, s, i, null)) continue;
      const mc = moduleCompile(s, i, read, ctx.workspace);
      if (!mc) continue;
      if (mc.go) {
        const p = mc.go;
        const flags = goflags(model, s, p);
        if (goFlag(p.args, 'trimpath') || flags === null || (flags && goflagsValue(flags, 'trimpath') !== undefined) || reported(ctx, s, p)) continue;
        out.push({ stage: s, instr: i, what: `go ${p.sub}`, script: false, edit: insert(toDoc(i.script, flagInsertPoint(p) - 1) + 1, ' -trimpath') });
      } else if (mc.step && mc.scripts) {
        if (mc.scripts.some((t) => /-trimpath/.test(t.text))) continue;
        const own = mc.scripts.some((t) => /\bGOFLAGS=/.test(t.text)) || mc.step.cmd.env.some((a) => a.name === 'GOFLAGS');
        const inherited = envBefore(model, s, i).has('GOFLAGS') || /\bGOFLAGS=/.test(i.script.text);
        const edit = own ? null : insert(toDoc(i.script, mc.step.cmd.start), `GOFLAGS=${inherited ? '"$GOFLAGS -trimpath"' : '-trimpath'} `);
        const words = mc.step.cmd.argv.map((w) => w.value);
        out.push({ stage: s, instr: i, what: words.length > 3 ? `${words.slice(0, 3).join(' ')} …` : words.join(' '), script: true, edit });
      }
    }
  }
  return out;
}

/**
 * Whether the RUN mounts a cache over the go build cache (GOCACHE, or a folder above it; a
 * target we cannot resolve counts): its compiled packages are then in the mount, not the layer.
 */
function buildCacheMounted(model: DockerfileModel, stage: Stage, instr: Instruction, g: GoCommand | null): boolean {
  const build = goCachePaths(model, stage, instr, g).build;
  return mounts(instr).some((m) => {
    if (m.type !== 'cache' || m.target === null) return false;
    if (m.target.includes('$')) return true;
    const t = path.posix.resolve('/', m.target);
    return build === null ? /go-build|\/\.cache(\/|$)/.test(t) : build === t || build.startsWith(t === '/' ? '/' : `${t}/`);
  });
}
