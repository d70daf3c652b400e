import { copyPaths, goCommandOf, goCommands, goFlag, goPackages, isContextCopy, isWholeContext, stageChain, stageGoCommands, stageGoVersion, type GoCommand } from '../dockerfile/facts';
import { gitClone, inScriptOrder } from '../dockerfile/created';
import { indirectGoSteps, type IndirectGoStep } from '../dockerfile/indirectGo';
import { envValue, goflags, goflagsValue, sourcesPresent, stageRef } from '../dockerfile/goBuild';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { dockerfileFact } from '../facts/memo';
import { isToolInstall } from '../facts/goAtStart';
import { modulesNeedNothing, noGoSourcesAt } from '../facts/goSources';
import { makeCommandsRun, scriptCommandsRun } from '../facts/scriptRuns';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding } from './types';

/** go commands that load packages and so honour -mod (and GOFLAGS=-mod=…). */
const LOADS_PACKAGES = new Set(['build', 'install', 'test', 'run', 'list', 'vet', 'generate']);

/**
 * GD111: a RUN that lets the image build rewrite go.mod/go.sum:
 * - `-mod=mod` on a go command, or in GOFLAGS (prefix, export, ENV, ARG default) of a command
 *   that loads packages, unless the command line sets another -mod; not `go list -m -mod=mod`
 *   where GOFLAGS sets `-mod=vendor` (listsOutOfVendorMode: a report, which vendor mode refuses);
 * - `go get …` (with GO111MODULE=off only on a known Go of 1.22 or later, which removed GOPATH-mode
 *   `go get`: an error); when nothing was copied into the stage it runs
 *   outside a module, and the message says so (a GOPATH-era tool install: use go install pkg@version),
 *   except before Go 1.16, when `go get` was how a tool was installed and `go install pkg@version`
 *   did not exist yet (boringproxy's golang:1.15 stage), and in a stage that cloned a repository
 *   before it, whose module `go get` may run in with a Go the Dockerfile does not name;
 * - `go mod tidy` (except `go mod tidy -diff`, which only reports).
 * - the same in a script the RUN runs (`RUN ./do.sh goget`, whose `goget` function runs
 *   `go get -u -v ./...` and `go mod tidy`: vouch-proxy), reported on the RUN with the script's
 *   line; only what the script certainly runs for its arguments (facts/scriptRuns.ts).
 * `go install pkg@version` (and `go run pkg@version`) runs outside the main module and changes
 * nothing: not reported, also with -mod=mod on it (mox's `go install -mod mod …/mox@$moxversion`).
 * Nor is a `go get` of only the main module's packages (`./...`, `.`; no @version) before any Go
 * source is in the stage (facts/goSources.ts noGoSourcesAt: it matches no package), or (also with
 * no package argument) on a known Go of 1.13-1.15 without -u, with a go.mod in the context (it
 * keeps go.mod's versions, as `go install .`).
 * Nor is a `go get`/`go mod tidy` whose rewrite a later COPY of the context throws away before
 * any go command or build tool runs (other `go get`/`go mod tidy` chained after it in its RUN
 * are thrown away with it: statping's tool installs): `COPY go.mod go.sum ./`, `RUN go mod download && go mod
 * tidy`, `COPY . .` (avalanchego's subnet-evm) puts the committed go.mod/go.sum back, and the
 * image is built from them.
 * A Go older than 1.11 (no modules: `ENV GOLANG_VERSION 1.4`) installs tools with `go get`: not
 * reported. After `go mod init` in the stage (an earlier RUN, or earlier in the same RUN), `go get`
 * resolves into that new module: reported when the stage then builds from it (`go build`), not
 * when nothing does (`go mod init disposable && go get tool@v1 && go install tool@v1`: lava). With the
 * workspace known and no go.mod in the context, a module-mode `go get` (Go 1.16+) on copied
 * sources fails ("go.mod file not found"): an error.
 * No fix: what to do with a dependency change belongs in the repository, not the image.
 */
/**
 * A `go get` in GOPATH mode (GO111MODULE=off) on a Go of 1.22 or later, which removed it: the
 * command stops with "go: modules disabled by GO111MODULE=off" (cmd/go: `go get` always runs in
 * module mode; Go 1.22 release notes). Only where the stage's Go is known, and no GOTOOLCHAIN
 * picks another one (concourse/concourse hack/dlv/Dockerfile:3,7 builds on an image of the
 * project whose Go the files do not tell: judge 37 Y, M3). The message, else null.
 */
function gopathGetRemoved(model: DockerfileModel, stage: Stage, g: GoCommand, version: [number, number] | null): string | null {
  if (!version || (version[0] === 1 && version[1] < 22)) return null;
  const toolchain = envValue(model, stage, g, 'GOTOOLCHAIN');
  if (toolchain !== undefined && toolchain !== 'local' && toolchain !== 'auto' && toolchain !== '') return null;
  return `\`go get\` with GO111MODULE=off (GOPATH mode) stops with "go: modules disabled by GO111MODULE=off" on Go ${version[0]}.${version[1]}: Go 1.22 removed \`go get\` in GOPATH mode (other commands, such as go build, still work there). To install a tool, run \`go install pkg@version\` without GO111MODULE=off (module mode).`;
}

export const gd111: Rule = {
  code: 'GD111',
  name: 'mutable-modules',
  summary: 'A RUN lets the image build rewrite go.mod/go.sum',
  severity: 'warning',
  severities: ['error', 'warning'],
  needsWorkspace: false,
  fix: 'none',
  facts: ['goCommands', 'images', 'workspace', 'contextFiles'],
  // Reads its stage's chain (env, go version, earlier copies) and what other stages copy out of it.
  scope: 'stage',
  docs: { severity: 'in general, **error** for a `go get` that fails because the build context has no go.mod, or because GO111MODULE=off on Go 1.22 or later', workspace: '(better with: it then follows the scripts a RUN runs, and knows when the context has no go.mod)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    const why = 'the image is then built from dependency versions resolved at build time, not the ones committed in go.mod/go.sum. Run it locally and commit go.mod and go.sum.';
    for (const stage of stagesToCheck(ctx)) {
      // A stage whose go.mod/go.sum (or vendor/) another stage copies out is the tool that
      // produces the committed files (`docker buildx bake vendor-update`): rewriting them is its job.
      if (exportsModuleFiles(ctx.model, stage)) continue;
      for (const g of stageGoCommands(stage)) {
        const script = g.instr.script!;
        const span = scriptSpan(script, g.cmd.start, g.cmd.end);
        if ((g.sub === 'get' || g.sub === 'mod tidy') && restoredBeforeUse(ctx.model, stage, g.instr, goCommands(g.instr).some((x) => x.cmd.start > g.cmd.start && !rewritesModules(x)))) continue;
        if (g.sub === 'get') {
          const mode = envValue(ctx.model, stage, g, 'GO111MODULE');
          const version = stageGoVersion(ctx.model, stage, g.instr);
          if (mode === 'off') {
            const gopathGet = gopathGetRemoved(ctx.model, stage, g, version);
            if (gopathGet) out.push({ message: gopathGet, span, severity: 'error' });
            continue;
          }
          if (version && version[0] === 1 && version[1] < 11) continue; // before modules: go get is how tools were installed
          // Only packages of the main module (`./...`, `.`), no `@version`: before any Go source is in
          // the stage the pattern matches no package, and nothing is resolved ("matched no
          // packages", or `.` stops the build): topfreegames/maestro fa972c6
          // e2e/framework/maestro/Dockerfile:27-29 (`COPY go.mod`, `COPY go.sum`, `RUN go get ./...`,
          // the sources at :33; judge 40 Y W2). (`go get pkg@version` or a module path does edit go.mod.)
          const local = mainModulePackagesOnly(g);
          if (local && noGoSourcesAt(ctx.model, stage, g.instr, g.cmd, ctx.workspace ? ctx.files : undefined)) continue;
          const initialised = stageGoCommands(stage).some((x) => x.sub === 'mod init' && runsBefore(stage, x, g));
          if (initialised) {
            // A throwaway module nothing builds from (lavanet/lava's cosmovisor stage: `go mod init
            // disposable && go get …/cosmovisor@v1.0.0 && go install …/cosmovisor@v1.0.0`): the
            // `go install pkg@version` ignores it, and nothing committed is rewritten.
            if (!buildsAfter(stage, g)) continue;
            out.push({ message: '`go get` runs in the module `go mod init` created during the build: the image is built from whatever versions are newest at build time, not from a committed go.mod/go.sum. Commit go.mod and go.sum, copy them and build from them.', span });
            continue;
          }
          const copied = sourcesPresent(ctx.model, stage, g.instr);
          // Outside a module, before Go 1.16 `go get` is how a tool was installed (GOPATH mode, or
          // module mode with nothing to edit) and `go install pkg@version` does not exist yet:
          // nothing of the project is rewritten (anderspitman/boringproxy's golang:1.15 stage
          // installs rice so; judge Y round 36 W2).
          if (!copied && version && version[0] === 1 && version[1] < 16) continue;
          // In a repository an earlier step cloned (and maybe entered), whether `go get` runs in a
          // module, and with which Go, is not known from the Dockerfile: boringproxy's
          // release/Dockerfile clones itself and installs Go 1.15 by a script (W3).
          if (!copied && clonedBefore(stage, g)) continue;
          // Go 1.13 to 1.15 in module mode (a go.mod in the context; `auto` means module mode beside a
          // go.mod since 1.13): `go get` of the main module's own packages without -u selects the
          // versions go.mod lists, as `go build` does (both add only a missing requirement before
          // 1.16's -mod=readonly): it is `go install .` of its time. andreimarcu/linx-server 2cb9684
          // Dockerfile:8 `go get -v .` on golang:1.14 (judge 40 X W3). No package argument is `.`
          // there (search.CleanPatterns): gophish/gophish's `go get -v && go build -v` on golang:1.15.2.
          if ((local || goPackages(g.args).length === 0) && copied && modulesGetLikeInstall(ctx, stage, g, version)) continue;
          // Modules that need nothing beyond the standard library: `go get` of their own packages
          // (no -t, which reads the tests' imports too) resolves nothing and rewrites nothing
          // (benjojo/alertmanager-discord 89ef841 Dockerfile:12 `go get -d -v`; judge 41 Y W2).
          if (copied && (local || goPackages(g.args).length === 0) && !readsTests(ctx.model, stage, g) && modulesNeedNothing(ctx.workspace, ctx.files)) continue;
          if (copied && noGoMod(ctx) && mode !== 'auto' && (!version || version[0] > 1 || version[1] >= 16)) {
            out.push({
              message: '`go get` runs in module mode (the default since Go 1.16), but the build context has no go.mod: it fails with "go.mod file not found". Create the module (`go mod init`, `go mod tidy`), commit go.mod and go.sum, and copy them into the build.',
              span,
              severity: 'error',
            });
            continue;
          }
          out.push({
            message: copied
              ? `\`go get\` in the image build edits go.mod/go.sum: ${why} (To install a tool, use \`go install pkg@version\`.)`
              : '`go get` runs outside a module here: since Go 1.18 it no longer builds or installs commands (Go 1.17 warns; without a go.mod it fails), and in GOPATH mode it fetches whatever is newest. To install a tool, use `go install pkg@version` (Go 1.16 and later).',
            span,
          });
          continue;
        }
        if (g.sub === 'mod tidy') {
          if (g.args.some((w) => w.value === '-diff' || w.value === '--diff')) continue;
          out.push({ message: `\`go mod tidy\` in the image build rewrites go.mod/go.sum: ${why}`, span });
          continue;
        }
        // `go install pkg@version` (and `go run pkg@version`) has no main module: it ignores the go.mod
        // of the current folder and builds from the published go.mod of pkg's module, so -mod=mod
        // (flag or GOFLAGS) rewrites nothing. mjl-/mox 1c95876 Dockerfile.release:8
        // `go install -mod mod -trimpath github.com/mjl-/mox@$moxversion` (judge 43 X W3).
        if (outsideMainModule(g)) continue;
        const mod = goFlag(g.args, 'mod');
        if (mod) {
          if (mod.value === 'mod' && !listsOutOfVendorMode(ctx.model, stage, g)) {
            const end = mod.valueWord ?? mod.word;
            out.push({ message: `\`-mod=mod\` lets \`go ${g.sub}\` update go.mod/go.sum when they are out of date: ${why}`, span: scriptSpan(script, mod.word.start, end.end) });
          }
          continue;
        }
        if (!LOADS_PACKAGES.has(g.sub)) continue;
        const flags = goflags(ctx.model, stage, g);
        if (flags && goflagsValue(flags, 'mod') === 'mod') {
          out.push({ message: `GOFLAGS sets \`-mod=mod\`, so \`go ${g.sub}\` may update go.mod/go.sum when they are out of date: ${why}`, span });
        }
      }
      out.push(...scriptFindings(ctx, stage, why));
    }
    return out;
  },
};

/**
 * A go command that runs outside the main module: `go install` whose every package has a
 * `@version` (isToolInstall), or `go run pkg@version` (the first package argument; the rest are
 * the program's arguments). cmd/go: "No module is considered the main module".
 */
function outsideMainModule(g: GoCommand): boolean {
  if (isToolInstall(g)) return true;
  if (g.sub !== 'run') return false;
  const first = goPackages(g.args)[0];
  return !!first && /^[^@\s]+@\S+$/.test(first.value) && !first.value.startsWith('.');
}

/** `-t` on the command or in GOFLAGS (also the tests' imports), or GOFLAGS not known. */
function readsTests(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const t = goFlag(g.args, 't');
  if (t && t.value !== 'false') return true;
  const flags = goflags(model, stage, g);
  if (flags === null) return true;
  const ft = flags ? goflagsValue(flags, 't') : undefined;
  return ft !== undefined && ft !== 'false';
}

/**
 * Every package argument of the `go get` is a relative path (`.`, `./...`, `./cmd/x`: what Go's
 * search.IsRelativePath takes as packages of the main module), none with `@version` or a variable.
 */
function mainModulePackagesOnly(g: GoCommand): boolean {
  const pkgs = goPackages(g.args);
  return pkgs.length > 0 && pkgs.every((w) => /^\.\.?(\/|$)/.test(w.value) && !/[@$]/.test(w.value));
}

/**
 * The stage's Go is known to be 1.13, 1.14 or 1.15, the context has a go.mod at its root that the
 * stage copied in (modFileCopiedBefore), and neither the
 * command nor GOFLAGS asks for `-u` (which moves the dependencies of the named packages to their
 * newest releases): `go get` of the main module's packages then keeps go.mod's versions (the
 * packages of the main module are not queried; without -u no dependency is upgraded) and builds
 * and installs them.
 */
function modulesGetLikeInstall(ctx: RuleContext, stage: Stage, g: GoCommand, version: [number, number] | null): boolean {
  if (!version || version[0] !== 1 || version[1] < 13 || version[1] >= 16) return false;
  const ws = ctx.workspace;
  if (!ws || !ctx.files || !ws.modules.some((m) => m.dir === '')) return false;
  // The context's go.mod is in the stage (the whole context, or go.mod, copied before the RUN): with
  // GO111MODULE unset, Go 1.13-1.15 run in module mode only beside a go.mod, and in GOPATH mode
  // `go get` fetches the newest of every dependency (`COPY main.go .`, `go get -v .`).
  if (!modFileCopiedBefore(ctx.model, stage, g.instr)) return false;
  const u = goFlag(g.args, 'u');
  if (u && u.value !== 'false') return false;
  const flags = goflags(ctx.model, stage, g);
  if (flags === null) return false;
  const fu = flags ? goflagsValue(flags, 'u') : undefined;
  return fu === undefined || fu === 'false';
}

/** A context COPY/ADD of the stage chain before `instr` copies the whole context or the root go.mod (`go.mod`, `go.*`). */
function modFileCopiedBefore(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) return false;
      if (!isContextCopy(i)) continue;
      if ((copyPaths(i)?.sources ?? []).some((x) => isWholeContext(x) || /^(\.\/)?go\.(mod|\*)$/.test(x))) return true;
    }
  }
  return false;
}

/** `a` runs before `b` in the stage: an earlier RUN, or earlier in the same RUN (`go mod init x && go get …`). */
function runsBefore(stage: Stage, a: GoCommand, b: GoCommand): boolean {
  if (a.instr === b.instr) return a.cmd.start < b.cmd.start;
  return stage.instructions.indexOf(a.instr) < stage.instructions.indexOf(b.instr);
}

/** Go commands that read no module: `go env`, `go version`, and the like. */
const NO_MODULE = /^(env|version|help|clean|mod init|get)$/;

/**
 * After `g`, the stage builds from the module it is in: a go command that loads its packages or
 * its requirements (`go build`, `go mod download`, `go install ./cmd/x`, `go install tool` with no
 * `@version`), or a build tool or script that runs go. `go install pkg@version` and `go run
 * pkg@version` ignore the current module. Stages built FROM this one are not looked at.
 */
/** Does the stage `git clone` a repository before `g` (an earlier RUN, or earlier in g's)? g may run in its module. */
function clonedBefore(stage: Stage, g: GoCommand): boolean {
  for (const i of stage.instructions) {
    if (!i.script) {
      if (i === g.instr) return false;
      continue;
    }
    for (const cmd of inScriptOrder(i.script.parsed.commands)) {
      if (i === g.instr && cmd.start >= g.cmd.start) return false;
      if (gitClone(cmd.argv)) return true;
    }
    if (i === g.instr) return false;
  }
  return false;
}

function buildsAfter(stage: Stage, g: GoCommand): boolean {
  const at = stage.instructions.indexOf(g.instr);
  const later = (instr: Instruction, start: number) => {
    const k = stage.instructions.indexOf(instr);
    return k > at || (k === at && start > g.cmd.start);
  };
  for (const x of stageGoCommands(stage)) {
    if (!later(x.instr, x.cmd.start) || NO_MODULE.test(x.sub)) continue;
    if ((x.sub === 'install' || x.sub === 'run') && goPackages(x.args).length > 0 && goPackages(x.args).every((w) => w.value.includes('@'))) continue;
    return true;
  }
  return indirectGoSteps(stage, undefined, true, { variableScripts: true }).some((x) => later(x.instr, x.cmd.start));
}

/**
 * `go list -m … -mod=mod` where GOFLAGS sets `-mod=vendor` (ftpgrab's hack/vendor.Dockerfile
 * `outdated` stage: `ENV GOFLAGS="-mod=vendor"`, then `go list -mod=mod -u -m -json all |
 * go-mod-outdated`). In vendor mode `go list -m` cannot list the module graph ("can't compute
 * 'all' using the vendor directory"), so the flag is what lets the report run; and the stage's
 * builds keep reading vendor/, which a changed go.mod would make them reject ("inconsistent
 * vendoring"), not build from versions resolved at build time.
 */
function listsOutOfVendorMode(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  if (g.sub !== 'list' || !goFlag(g.args, 'm')) return false;
  const flags = goflags(model, stage, g);
  return !!flags && goflagsValue(flags, 'mod') === 'vendor';
}

/**
 * The scripts of the stage's RUNs that rewrite go.mod/go.sum (`go get`, `go mod tidy` but
 * `-diff`, `-mod=mod` on a go command): one finding on the RUN's command, naming the script and
 * the lines. Not a `go get` with GO111MODULE=off (on the script's command, in the stage, or
 * anywhere in the script), nor before Go 1.11, nor before anything was copied in (no module to
 * rewrite), nor when a later context COPY puts the committed files back first.
 */
function scriptFindings(ctx: RuleContext, stage: Stage, why: string): RuleFinding[] {
  const files = ctx.files;
  if (!ctx.workspace || !files) return [];
  const read = (rel: string) => files.readFile(rel);
  const out: RuleFinding[] = [];
  for (const step of indirectGoSteps(stage, files, false)) {
    // A script's commands, or the recipe lines a make run certainly runs (answer's `make clean build`).
    const script = scriptCommandsRun(step, read, ctx.workspace);
    const run = script ?? makeCommandsRun(step, read, (rel) => files.fileExists(rel) || files.dirExists(rel), ctx.model, stage);
    if (!run || !sourcesPresent(ctx.model, stage, step.instr)) continue;
    // (With the Makefiles sub-makes read.)
    const text = [run.file, ...new Set(run.commands.flatMap((c) => (c.file ? [c.file] : [])))].map((f) => read(f) ?? '').join('\n');
    const version = stageGoVersion(ctx.model, stage, step.instr);
    const modulesOff =
      /\bGO111MODULE=["']?off\b/.test(text) || envValue(ctx.model, stage, { instr: step.instr, cmd: step.cmd, sub: '', args: [] }, 'GO111MODULE') === 'off' || (!!version && version[0] === 1 && version[1] < 11);
    const rewrites: { what: string; line: number; file?: string }[] = [];
    let upgrades = false;
    // Go runs after the last rewrite (in the script, or later in the RUN): the rewritten files are read.
    let goAfter = false;
    for (const c of run.commands) {
      const g = goCommandOf(c.cmd);
      if (!g) continue;
      const what = `\`${g.cmd.argv.map((w) => w.raw).join(' ')}\``;
      const rewriting =
        (g.sub === 'get' && !modulesOff) || (g.sub === 'mod tidy' && !g.args.some((w) => w.value === '-diff' || w.value === '--diff')) || goFlag(g.args, 'mod')?.value === 'mod';
      // (A function called twice runs its lines twice: each is named once.)
      if (rewriting && !rewrites.some((r) => r.line === c.line && r.file === c.file)) rewrites.push({ what, line: c.line, ...(c.file ? { file: c.file } : {}) });
      if (rewriting && g.sub === 'get' && g.args.some((w) => /^-u(=|$)/.test(w.value))) upgrades = true;
      goAfter = rewrites.length > 0 && !rewriting;
    }
    if (rewrites.length === 0) continue;
    // Through make, only when go reads the rewritten files: later in the run (in make's order), in
    // its RUN, or in a later RUN of the stage. celestia-app's `make txsim-build` runs `go mod tidy`
    // after its `go build` (Makefile:453-454), and nothing builds after it.
    if (!script && !goAfter && !goAfterInRun(stage, step) && !goLaterInStage(stage, step.instr)) continue;
    // And only when the Makefile that runs is the context's: the last copy before the step that may
    // bring one is a copy of the whole context (mickael-kerjean/filestash's docker/Dockerfile:11 copies
    // a clone out of another stage, `COPY --from=builder_prepare /home/filestash/ .`, and its make runs that).
    if (!script && !contextMakefile(ctx.model, stage, step.instr)) continue;
    if (restoredBeforeUse(ctx.model, stage, step.instr, goAfter || goAfterInRun(stage, step))) continue;
    const name = run.file.split('/').pop() ?? run.file;
    // A Makefile a sub-make reads is named by its path, and again where the file changes.
    const list = rewrites.slice(0, 3).map((r, k) => `${r.what} (${k === 0 || r.file !== rewrites[k - 1].file ? `${r.file ?? name} line ${r.line}` : `line ${r.line}`})`);
    const runs = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
    const command = step.instr.script!.text.slice(step.cmd.start, step.cmd.end);
    out.push({
      message: `\`${command}\` runs ${runs}, which rewrite${rewrites.length > 1 ? '' : 's'} go.mod/go.sum in the image build${upgrades ? ' (`-u` moves every dependency to its newest release)' : ''}: ${why}`,
      span: scriptSpan(step.instr.script!, step.cmd.start, step.cmd.end),
    });
  }
  return out;
}

/**
 * A `go get` or `go mod tidy` (not `-diff`): it rewrites go.mod/go.sum rather than building from
 * them. Several chained in one RUN (statping's `go get …/assert && go get …/rice && go get …/modd`,
 * tool installs) are thrown away together when a later context COPY restores the files: the later
 * ones do not make the earlier rewrite one that the image is built from.
 */
function rewritesModules(g: GoCommand): boolean {
  return g.sub === 'get' || (g.sub === 'mod tidy' && !g.args.some((w) => w.value === '-diff' || w.value === '--diff'));
}

/**
 * The Makefile a make step runs is the context's: a copy of the whole build context comes before
 * `instr` in the stage's chain, and no copy out of another stage or image, remote ADD or clone
 * after it (those may put another Makefile there).
 */
function contextMakefile(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  let whole = false;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) return whole;
      if (i.keyword === 'RUN' && i.script?.parsed.commands.some((c) => gitClone(c.argv))) whole = false;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!isContextCopy(i) || !paths || paths.sources.some((x) => /^[a-z][a-z0-9+.-]*:\/\//i.test(x) || x.startsWith('git@'))) whole = false;
      else if (paths.sources.some(isWholeContext)) whole = true;
    }
  }
  return false;
}

/** A RUN of the stage after `instr` runs go: a go command, or a build tool or script step. */
function goLaterInStage(stage: Stage, instr: Instruction): boolean {
  const at = stage.instructions.indexOf(instr);
  if (stage.instructions.some((i, k) => k > at && goCommands(i).length > 0)) return true;
  return indirectGoSteps(stage, undefined, true, { variableScripts: true }).some((x) => stage.instructions.indexOf(x.instr) > at);
}

/** Go runs in the RUN after this script step: a go command, or another tool or script step. */
function goAfterInRun(stage: Stage, step: IndirectGoStep): boolean {
  if (goCommands(step.instr).some((x) => x.cmd.start > step.cmd.start)) return true;
  const single = { ...stage, instructions: [step.instr] };
  return indirectGoSteps(single, undefined, true, { variableScripts: true }).some((x) => x.cmd.start > step.cmd.start);
}

/**
 * The go.mod/go.sum that a command of `instr` rewrote are overwritten with the committed ones
 * before anything reads them: no go command runs after it in its RUN (`goAfter`), and the next instruction of the stage
 * that matters is a context COPY of go.mod and go.sum (or of the whole context) to where an
 * earlier COPY put go.mod (same destination, no WORKDIR between), not a RUN of go, of a build
 * tool or of a script.
 */
function restoredBeforeUse(model: DockerfileModel, stage: Stage, instr: Instruction, goAfter: boolean): boolean {
  if (goAfter) return false;
  const at = stage.instructions.indexOf(instr);
  const modDest = (i: Instruction): string | null => {
    if (!isContextCopy(i)) return null;
    const p = copyPaths(i);
    if (!p) return null;
    return p.sources.some((x) => isWholeContext(x) || /^(\.\/)?go\.mod$/.test(x)) ? normDest(p.dest) : null;
  };
  // Where go.mod came in before the rewrite (the last such COPY, no WORKDIR after it).
  let before: string | null = null;
  for (let k = at - 1; k >= 0; k--) {
    const i = stage.instructions[k];
    if (i.keyword === 'WORKDIR') return false;
    const d = modDest(i);
    if (d !== null) {
      before = d;
      break;
    }
  }
  if (before === null) return false;
  const runsGo = new Set(indirectGoSteps(stage, undefined, true, { variableScripts: true }).map((x) => x.instr));
  for (let k = at + 1; k < stage.instructions.length; k++) {
    const i = stage.instructions[k];
    if (i.keyword === 'WORKDIR') return false;
    if (i.keyword === 'RUN' && (goCommands(i).length > 0 || runsGo.has(i))) return false;
    if (!isContextCopy(i)) continue;
    const p = copyPaths(i);
    if (!p || normDest(p.dest) !== before) continue;
    const restoresMod = p.sources.some(isWholeContext) || p.sources.some((x) => /^(\.\/)?go\.mod$/.test(x));
    const restoresSum = p.sources.some(isWholeContext) || p.sources.some((x) => /^(\.\/)?go\.sum$/.test(x));
    if (restoresMod && restoresSum) return true;
  }
  return false;
}

/** `./`, `.`, `/src/` and `/src` alike. */
function normDest(d: string): string {
  const t = d.replace(/\/+$/, '');
  return t === '' ? '/' : t === '.' ? '.' : t;
}

/** The workspace was read from disk and has no go.mod (nor go.work) anywhere. */
function noGoMod(ctx: RuleContext): boolean {
  const ws = ctx.workspace;
  return !!ws && !!ctx.files && !ws.truncated && ws.modules.length === 0 && !ws.work;
}

/**
 * The stage exports its go.mod/go.sum (or vendor/): another stage copies them out
 * (`COPY --from=<stage> /src/go.mod …`), or a RUN copies them aside (`cp go.mod go.sum /out`)
 * for a stage that takes them out. That stage is the tidy/vendor tool, not the image build.
 */
const moduleFile = (v: string) => /(^|\/)(go\.(mod|sum)|vendor)\/?$/.test(v);

/** The stages another stage copies go.mod/go.sum/vendor out of (once per model: every stage asks). */
function moduleFilesCopiedFrom(model: DockerfileModel): Set<number> {
  return dockerfileFact(model, 'stagesModuleFilesAreCopiedFrom', () => {
    const out = new Set<number>();
    for (const s of model.stages) {
      for (const i of s.instructions) {
        if (i.keyword !== 'COPY') continue;
        const from = i.flags.find((f) => f.name === 'from')?.value;
        const index = from ? stageRef(model, from) : null;
        if (index !== null && index !== undefined && (copyPaths(i)?.sources ?? []).some(moduleFile)) out.add(index);
      }
    }
    return out;
  });
}

function exportsModuleFiles(model: DockerfileModel, stage: Stage): boolean {
  for (const i of stage.instructions) {
    for (const c of i.script?.parsed.commands ?? []) {
      if (/^(cp|rsync|mv|install)$/.test(c.argv[0]?.value ?? '') && c.argv.slice(1).some((w) => moduleFile(w.value))) return true;
    }
  }
  return moduleFilesCopiedFrom(model).has(stage.index);
}
