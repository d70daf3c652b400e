import * as path from 'node:path';
import { flatMapOf } from '../arrays';
import { contextBinds, mounts, type Mount } from '../dockerfile/mounts';
import { argDeclarations, contextPath, goOlderThan, copyPaths, dockerEnv, goCommands, goFlag, goImage, goPackages, installedGoOnPath, installedGoToolchain, isContextCopy, isWholeContext, rootImage, stageChain, stageDescendants, stageGoCommands, stageImage, stageRef, workdirBefore } from '../dockerfile/facts';
import { envValue, goCachePaths, isLocalPackage, MODULE_DOWNLOADS, moduleCacheMount } from '../dockerfile/goBuild';
import { expandVariables, readsVariable } from '../dockerfile/variables';
import { properties } from '../dockerfile/parse';
import { indirectGoSteps } from '../dockerfile/indirectGo';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { GoCommand } from '../dockerfile/facts';
import type { ShellCommand } from '../dockerfile/shell';
import { deleteLines, insert, insertAboveInstruction, type Edit } from '../edits/edits';
import { contextFileAt } from '../facts/copiedFiles';
import { copiesSources, loadsNoPackage, stageUsesVendor } from '../facts/goSources';
import { baseModuleDownload, repositoryBuiltBase } from '../facts/builtBaseImage';
import { dependencyFiles, dockerignoreOf, localReplaceTargets, moduleDependencyFiles, moduleForDir } from '../workspace/query';
import { contextPlacement } from '../facts/builtPackages';
import { perBuildReaderBefore } from '../facts/perBuildArgs';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding, withLazyFix } from './types';

export const gd104: Rule = {
  code: 'GD104',
  name: 'sources-before-modules',
  summary: 'Sources are copied before go.mod/go.sum and `go mod download`',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['copySources', 'goCommands', 'goBuilds', 'workspace', 'contextFiles', 'dockerignore'],
  docs: { workspace: '(better with: it then knows whether go.sum exists and which go.work members to copy)' },
  // A stage's findings depend on its FROM chain: each checked stage walks its chain (stageChain:
  // the nearest MAX_STAGE_CHAIN stages, as every fact read along a chain). A stage that copies the
  // sources without building them is reported for the stages built FROM it that do.
  scope: 'stage',
  readsDescendants: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    // Of the context, not of a stage: read once, when a COPY needs it.
    let replaced: Set<string> | undefined;
    // The same with the go.work members (the folders whose module files a download reads).
    let members: Set<string> | undefined;
    // A stage gets one finding for its member folders (it names them all).
    const memberReported = new Set<Stage>();
    // Whether a stage ends with the module cache filled in a layer of its own (walked without
    // reporting), for the stages another one copies its module cache from; per stage index.
    const endsCached = new Map<number, boolean>();
    const cachedAt = (index: number): boolean => {
      const known = endsCached.get(index);
      if (known !== undefined) return known;
      // A stage copying from itself through a cycle: not cached (the map answers while walking).
      endsCached.set(index, false);
      const result = walk(ctx.model.stages[index], false);
      endsCached.set(index, result);
      return result;
    };
    // Walks the checked stage's chain; reports on the checked stage only when asked.
    const walk = (checked: Stage, reporting: boolean): boolean => {
      // Whether each stage of the chain ends with the module cache filled in a layer of its own
      // (a stage FROM another one inherits that). A map: an array indexed by stage number would
      // be as long as the stage's index, for each stage of a long file (quadratic).
      const cachedAtEnd = new Map<number, boolean>();
      // Whether each stage of the chain ends with go.mod in the image (a stage FROM another one
      // inherits it): a download there needs no copy of its own (LocalAI's `builder` downloads
      // with the go.mod its base stage `builder-backends` copied; judge 29 X F5).
      const goModAtEnd = new Map<number, boolean>();
      for (const stage of stageChain(ctx.model, checked)) {
        let modulesCached = stage.baseStage !== null ? (cachedAtEnd.get(stage.baseStage) ?? false) : baseHoldsModules(ctx, stage);
        let goModCopied = modulesCached || (stage.baseStage !== null && (goModAtEnd.get(stage.baseStage) ?? false));
        // Past the stage's first source copy: later copies are not reported (that copy's finding
        // is the one), yet the stage is read on for what it leaves to the stages built FROM it.
        let past = false;
        // Go run through make or a script builds the module too; such a step after go.mod alone
        // may be the download (`make deps`), so it counts as filling the module cache.
        // Only on an image with Go: `make build-ui` in a node stage reads the same Makefile but builds no Go.
        // A stage that runs go itself has Go too (an image we do not know, `go install mage@latest`
        // on xgo): there a tool counts when its file, read, runs go.
        const indirect = indirectSteps(ctx, stage);
        // Whether the checked stage is one to report: asked only at a source copy (most stages have none).
        let report: boolean | undefined;
        // A `go mod tidy` after go.mod alone that downloaded nothing (loadsNoPackage): gickup's Dockerfile:10.
        let emptyTidy: GoCommand | undefined;
        for (const instr of stage.instructions) {
          // (Not past a source copy: `make protogen-go` after LocalAI's `COPY ./backend` and go.mod
          // builds those sources, nothing says it downloads the modules.)
          if (indirect.has(instr) && goModCopied && !past) modulesCached = true;
          const gos = goCommands(instr);
          // A download (or any build) after go.mod alone fills the module cache in its own layer;
          // so does RUN --mount=type=bind,source=go.mod ... go mod download (BuildKit's pattern).
          if (fillsModuleCache(ctx, stage, instr, gos) && (goModCopied || bindsGoMod(instr))) modulesCached = true;
          // A tidy after go.mod alone that downloads nothing (no Go source yet): the message names it.
          else if (!modulesCached && !emptyTidy && goModCopied) emptyTidy = gos.find((g) => tidiesNothing(ctx, stage, g));
          // The module cache of a stage that filled it from go.mod alone, copied in
          // (`COPY --from=deps /go/pkg/mod /go/pkg/mod`, `COPY --from=mod-cache /go/pkg /go/pkg`).
          if (!modulesCached && modulesCopiedIn(ctx, stage, instr, cachedAt)) {
            modulesCached = true;
            goModCopied = true;
          }
          if (!isContextCopy(instr)) continue;
          const paths = copyPaths(instr);
          if (!paths) continue;
          // A folder go.mod replaces (`replace example.com/app/api => ./api`) is part of the module
          // graph: `go mod download` needs it, so it belongs before the download. So does a folder
          // holding one (`COPY api/ api/` for `=> ./api/loki`, kubebuilder's layout).
          replaced ??= localReplaceDirs(ctx);
          members ??= new Set([...replaced, ...workMemberDirs(ctx)]);
          const inGraph = paths.sources.every((src) => holdsReplaced(replaced!, contextPath(src)));
          // Yet only the folder's go.mod/go.sum are read by the download: a whole member folder
          // (its sources) copied before an explicit `go mod download` makes every edit of them
          // download again (avalanchego `COPY graft/coreth ./graft/coreth`, talos `COPY ./tools ./tools`).
          if (!modulesCached && ctx.files && paths.sources.every((src) => holdsReplaced(members!, contextPath(src))) && copiesSources(paths, ctx.files)) {
            const download = stage.instructions.find((i) => i.line > instr.line && goCommands(i).some((g) => g.sub === 'mod download'));
            if (download) {
              if (reporting && !past && stage === checked && !memberReported.has(stage) && reportsMembers(ctx, stage)) {
                memberReported.add(stage);
                out.push(memberFinding(ctx, stage, instr, download, members));
              }
              // For the chain the download still fills the module cache.
              if (paths.sources.some((src) => /(^|\/)go\.(mod|work)$/.test(src))) goModCopied = true;
              continue;
            }
          }
          if (inGraph || !copiesSources(paths, ctx.files)) {
            if (paths.sources.some((src) => /(^|\/)go\.(mod|work)$/.test(src) || /(^|\/)go\.(\*|mod\*|work\*)$/.test(src))) goModCopied = true;
            continue;
          }
          if (past) continue;
          if (reporting && !modulesCached && stage === checked) {
            // The stage builds the sources itself, or (it builds nothing) stages built FROM it do.
            const own = (report ??= reportsStage(ctx, stage, indirect));
            const builders = own ? [] : inheritingBuilders(ctx, stage, instr, cachedAt);
            // Inherited: the stage's own steps after the copy (`RUN go mod download`) and theirs.
            const steps = own ? moduleSteps(stage, instr, indirect) : [...moduleSteps(stage, instr, indirect), ...flatMapOf(builders, (b) => b.steps)];
            if ((own || builders.length > 0) && !modulesFromElsewhere(ctx, steps)) {
              // The stages by name (`dev`), an unnamed one by its index, as `COPY --from` names them.
              const names = builders.map((b) => (b.stage.name ? `\`${b.stage.name}\`` : `${b.stage.index}`));
              const many = names.length > 1;
              const by = names.length === 0 ? '' : `, and ${many ? 'stages' : 'stage'} ${names.slice(0, -1).join(', ')}${many ? ' and ' : ''}${names[names.length - 1]} (built FROM this one) ${many ? 'download' : 'downloads'} the modules after them`;
              // Some steps keep the modules in a cache mount, others have none (tiflow): the order is not the cause.
              const mixed = unmountedSteps(ctx, steps);
              // A RUN before the copy reads a per-build ARG: a download between them would run on every build.
              const reader = perBuildReaderBefore(ctx.model, ctx.workspace, ctx.files, stage, instr);
              const above = reader ? ` above line ${reader.arg.line + 1}, where the per-build ARG \`${reader.name}\` is declared (the RUN on line ${reader.run.line + 1} reads it: a download after that RUN runs again with each new value)` : '';
              out.push(withLazyFix({
                message: mixed
                  ? `Sources are copied before go.mod/go.sum and \`go mod download\`${by}: every source edit re-downloads every module. Here copying go.mod first would not help: ${stepName(mixed.mounted)} (line ${mixed.mounted.instr.line + 1}) keeps the modules in its cache mount, never in a layer, and the later ${mixed.bare.map((b) => `${stepName(b)} (line ${b.instr.line + 1})`).join(', ')} ${mixed.bare.length > 1 ? 'have' : 'has'} no such mount, so ${mixed.bare.length > 1 ? 'each downloads' : 'it downloads'} every module again whatever the order. Give ${mixed.bare.length > 1 ? 'them' : 'it'} the same mount (\`--mount=${mixed.mount.value}\`).`
                  : emptyTidy
                    ? `\`go ${emptyTidy.sub}\` (line ${emptyTidy.instr.line + 1}) runs before any Go source is in the stage: it matches no package and downloads nothing, so the modules are downloaded only after this copy of the sources${by}, and every source edit re-downloads every module. Run \`go mod download\` after go.mod and go.sum, in its own layer before the sources${above}.`
                    : `Sources are copied before go.mod/go.sum and \`go mod download\`${by}: every source edit re-downloads every module. Copy go.mod and go.sum first and download the modules in their own layer${by ? ', in this stage before the sources' : ''}${above}.`,
                span: instr.span,
              }, () => fixFor(ctx, stage, instr, paths.dest, paths.sources, steps)));
            }
          }
          // Past the first source copy: its finding is the stage's (a download later in the stage
          // still fills the module cache for the stages built FROM it).
          past = true;
        }
        cachedAtEnd.set(stage.index, modulesCached);
        goModAtEnd.set(stage.index, goModCopied);
      }
      return cachedAtEnd.get(checked.index) ?? false;
    };
    for (const checked of stagesToCheck(ctx)) walk(checked, true);
    return out;
  },
};

/**
 * A `COPY --from=<stage>` that puts that stage's module cache on this stage's: a source at (or
 * above) the other stage's module cache path, whose destination maps it onto this step's
 * (goCachePaths for both), from a stage that filled it in a layer after go.mod alone (no cache
 * mount over it: a mounted cache leaves the copied folder empty).
 */
function modulesCopiedIn(ctx: RuleContext, stage: Stage, instr: Instruction, cachedAt: (index: number) => boolean): boolean {
  if (instr.keyword !== 'COPY') return false;
  const from = instr.flags.find((f) => f.name === 'from')?.value;
  const index = from ? stageRef(ctx.model, from) : null;
  if (index === null || index === stage.index) return false;
  const source = ctx.model.stages[index];
  const last = source?.instructions.at(-1);
  const words = instr.json ?? instr.args.map((a) => a.value);
  if (!source || !last || words.length < 2) return false;
  const dest = strip(words[words.length - 1]);
  if (!dest.startsWith('/')) return false;
  const theirs = goCachePaths(ctx.model, source, last, null).mod;
  // Most such copies take a binary (`/out/app`): nothing at or above the module cache, nor a
  // folder named like one. Then this stage's own path need not be worked out.
  const sources = words.slice(0, -1).map(strip);
  if (!sources.some((src) => /(^|\/)pkg(\/mod)?$/.test(src) || (theirs !== null && (src === '/' || src === theirs || theirs.startsWith(`${src}/`))))) return false;
  const ours = goCachePaths(ctx.model, stage, instr, null).mod;
  // Where a path is unknown (`FROM golang:${GO_VERSION}-alpine`, no default), the same folder on
  // both sides that names a module cache (`/go/pkg`, `/go/pkg/mod`) counts.
  const known = theirs !== null && ours !== null;
  const copied = sources.find((src) => {
    if (!known) return src === dest && /(^|\/)pkg(\/mod)?$/.test(src);
    if (src !== theirs && !theirs.startsWith(`${src}/`)) return false;
    return `${dest === '/' ? '' : dest}${theirs.slice(src === '/' ? 0 : src.length)}` === ours;
  });
  if (copied === undefined || !cachedAt(index)) return false;
  // The step that filled it wrote the layer, not a cache mount (over the module cache, or, its
  // path unknown, over the copied folder or one around it or in it).
  return stageChain(ctx.model, source).some((s) => s.instructions.some((i) => {
    const gos = goCommands(i);
    if (!fillsModuleCache(ctx, s, i, gos)) return false;
    if (known) return moduleCacheMount(ctx.model, s, i, gos[0] ?? null) === undefined;
    const env = dockerEnv(ctx.model, s, i);
    return !mounts(i).some((m) => {
      const t = m.type === 'cache' && m.target ? expandVariables(m.target, env) : undefined;
      if (t === undefined) return false;
      if (t === null) return true;
      const target = strip(t);
      return target === copied || target === '/' || copied.startsWith(`${target}/`) || target.startsWith(`${copied}/`);
    });
  }));
}

function strip(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/**
 * A stage whose member-folder copy is reported: the download after it is the stage's own
 * module layer (it need not build: talos's build-go stage only downloads, its children build),
 * it inits no module, is not vendored, and has modules to download.
 */
function reportsMembers(ctx: RuleContext, stage: Stage): boolean {
  return !stageGoCommands(stage).some((g) => g.sub === 'mod init') && !vendoredInContext(ctx, stage) && !nothingToDownload(ctx);
}

/**
 * The finding for whole member folders copied before the download: every such copy of the
 * stage up to the download is named. No fix: the module files of each member would have to go
 * before the download and the folders after it, and a download that then reads go.work where
 * it did not (or the reverse) fetches other versions.
 */
function memberFinding(ctx: RuleContext, stage: Stage, first: Instruction, download: Instruction, members: Set<string>): RuleFinding {
  const copies: { instr: Instruction; sources: readonly string[] }[] = [];
  for (const i of stage.instructions) {
    if (i.line < first.line || i.line >= download.line || !isContextCopy(i)) continue;
    const paths = copyPaths(i);
    if (!paths || !paths.sources.every((src) => holdsReplaced(members, contextPath(src))) || !copiesSources(paths, ctx.files)) continue;
    copies.push({ instr: i, sources: paths.sources });
  }
  const folders = flatMapOf(copies, (c) => c.sources.map((src) => contextPath(src)).filter((d): d is string => !!d));
  const modules: string[] = [];
  const moduleFiles: string[] = [];
  for (const m of ctx.workspace?.modules ?? []) {
    if (!members.has(m.dir) || !folders.some((f) => m.dir === f || m.dir.startsWith(`${f}/`))) continue;
    modules.push(m.dir);
    moduleFiles.push(`${m.dir}/go.mod`);
    if (m.hasGoSum) moduleFiles.push(`${m.dir}/go.sum`);
  }
  const names = modules.length > 0 ? modules : folders;
  const many = names.length > 1;
  const list = (xs: string[], n: number) => (xs.length <= n ? xs.slice(0, -1).join(', ') + (xs.length > 1 ? ' and ' : '') + xs[xs.length - 1] : `${xs.slice(0, n).join(', ')} and ${xs.length - n} more`);
  const files = moduleFiles.length === 0 ? (many ? 'their go.mod and go.sum' : 'its go.mod and go.sum') : list(moduleFiles, 6);
  const mounted = downloadMounted(ctx, stage, download);
  return {
    message: `The sources of the local ${many ? `modules ${list(names, 4)} are` : `module ${names[0]} are`} copied whole before \`go mod download\` (line ${download.line + 1}): the download needs only ${many ? 'their' : 'its'} module files, so every edit of ${many ? 'their' : 'its'} sources ${mounted ? 're-runs the module step (the cache mount keeps the modules on this builder; a builder without that cache, a fresh CI runner, downloads every module again)' : 're-downloads every module'}. Copy ${files} before the download and the sources after it.`,
    span: first.span,
  };
}

/** The download has a cache mount over its module cache (goCachePaths). */
function downloadMounted(ctx: RuleContext, stage: Stage, download: Instruction): boolean {
  return moduleCacheMount(ctx.model, stage, download, goCommands(download).find((g) => g.sub === 'mod download') ?? null) !== undefined;
}

/**
 * The stage builds from a vendor folder the context holds (stageUsesVendor), not from one it
 * makes itself: `RUN go mod vendor` with no vendor/ in the context downloads every module, as
 * `go mod download` does, and `-mod=vendor` then reads what it wrote (slsa-framework/slsa-verifier
 * aaf98fd, cli/experimental/service/Dockerfile: `COPY . ./`, `RUN go mod vendor`, `RUN go build
 * … -mod=vendor`; judge 31 X M5).
 */
function vendoredInContext(ctx: RuleContext, stage: Stage): boolean {
  if (!stageUsesVendor(ctx, stage)) return false;
  if (ctx.workspace?.hasVendor) return true;
  return !stageChain(ctx.model, stage).some((s) => stageGoCommands(s).some((g) => g.sub === 'mod vendor'));
}

/** A stage that builds or runs the module, does not init one, and has modules to download. */
function reportsStage(ctx: RuleContext, stage: Stage, indirect: Set<Instruction>): boolean {
  const localRun = stageGoCommands(stage).some((g) => g.sub === 'run' && goPackages(g.args).slice(0, 1).some((p) => isLocalPackage(p.value)));
  // `go mod init` in the build: there is no go.mod to copy first (GD111 covers the rewrite).
  const initsModule = stageGoCommands(stage).some((g) => g.sub === 'mod init');
  // Go before 1.11 has no modules (CodisLabs/codis de1ad02 Dockerfile:1 builds on golang:1.8 in
  // GOPATH mode, with vendor/ and no go.mod: judge 40 Y, without --context).
  return (buildsLocalGo(stage) || indirect.size > 0 || localRun) && !initsModule && !vendoredInContext(ctx, stage) && !nothingToDownload(ctx) && !goOlderThan(ctx.model, stage, undefined, 1, 11);
}

/**
 * The stage's RUNs that run Go through make, a task runner or a script (indirectGoSteps). Only on
 * an image with Go, its own or installed (`COPY --from=golang /usr/local/go …`, opengist's alpine
 * base), or in a stage that runs go itself (an image we do not know, `go install mage@latest` on
 * xgo): `make build-ui` in a node stage reads the same Makefile but builds no Go. On an image
 * with Go a tool file we cannot read counts; elsewhere only one whose file, read, runs go.
 */
function indirectSteps(ctx: RuleContext, stage: Stage): Set<Instruction> {
  const onGo = stageImage(ctx.model, stage)?.goToolchain === true || installedGoToolchain(ctx.model, stage) !== undefined;
  // A golang image whose tag a variable hides (krakend's `golang:${GOLANG_VERSION}-alpine…`)
  // has Go too; there only a tool file read from the context that runs go counts (etcd's
  // antithesis image runs `make build` in a clone of its own, a Makefile of another module).
  const hasGo = onGo || goImage(ctx.model, stage) || stageGoCommands(stage).length > 0;
  return new Set(hasGo ? indirectGoSteps(stage, ctx.workspace ? ctx.files : undefined, onGo).map((s) => s.instr) : []);
}

/** The stage's image has Go (a golang image, also one the table does not know). */
function goOnImage(model: DockerfileModel, stage: Stage): boolean {
  return goImage(model, stage) || /(^|\/)golang([:@]|$)/.test(rootImage(model, stage) ?? '');
}

/** The stage has Go just before `instr`: on its image, or installed by its chain (installedGoToolchain). */
function goBefore(model: DockerfileModel, stage: Stage, instr: Instruction): boolean {
  return goOnImage(model, stage) || installedGoToolchain(model, stage, instr) !== undefined;
}

/**
 * The stages built FROM `stage` (which copies the sources at `copy` and builds nothing) that read
 * the modules after it, with those steps: every RUN of theirs re-runs when the inherited source
 * layer changes, so each source edit downloads every module there (opengist: `COPY . .` in its
 * `base`, `RUN make` in `build` and `RUN make install` in `dev`, both `go mod download`). A
 * stage counts as reportsStage says (it builds the module or runs Go through make or a script,
 * inits no module, is not vendored), unless it copies a filled module cache in
 * (modulesCopiedIn). Only when `stage` has Go before the copy, so the download can go there.
 */
function inheritingBuilders(ctx: RuleContext, stage: Stage, copy: Instruction, cachedAt: (index: number) => boolean): { stage: Stage; steps: ModuleStep[] }[] {
  if (!goBefore(ctx.model, stage, copy) || stageGoCommands(stage).some((g) => g.sub === 'mod init') || vendoredInContext(ctx, stage)) return [];
  const out: { stage: Stage; steps: ModuleStep[] }[] = [];
  for (const d of stageDescendants(ctx.model, stage)) {
    if (d === stage) continue;
    const indirect = indirectSteps(ctx, d);
    if (!reportsStage(ctx, d, indirect) || d.instructions.some((i) => modulesCopiedIn(ctx, d, i, cachedAt))) continue;
    const steps = moduleSteps(d, copy, indirect);
    if (steps.length > 0) out.push({ stage: d, steps });
  }
  return out;
}

/**
 * The stage runs `go build`, or a `go install` of its own packages: a stage whose only go
 * command installs a tool of another module (`go install example.com/tool@v1`, omni's Node stage
 * installing protoc-gen-grpc-gateway-ts) builds nothing of the context, and its module has
 * nothing to download.
 */
function buildsLocalGo(stage: Stage): boolean {
  return stageGoCommands(stage).some((g) => g.sub === 'build' || (g.sub === 'install' && !goPackages(g.args).some((p) => p.value.includes('@'))));
}

/** Builds fill the module cache too (they download what they import); `go get` below. */
const FILLS_MODULE_CACHE = new Set([...MODULE_DOWNLOADS, 'build', 'install']);

/**
 * The RUN fills the module cache of the module (run after go.mod alone, in module mode): a
 * download or a build (FILLS_MODULE_CACHE), a `go get` of the module's own packages (`go get -d
 * ./...`, or none: not `go get tool@v1`, which fetches that tool's modules), or `go get` fed the
 * module graph through xargs (`go mod graph | awk … | xargs go get`, atlantis). Not a `go mod
 * tidy` before any Go source is in the stage: it matches no package and downloads nothing
 * (facts/goSources.ts loadsNoPackage; cooperspencer/gickup 7d810a4 Dockerfile:10, whose real
 * download is the `go get -d -v ./...` after `COPY . .`).
 */
function fillsModuleCache(ctx: RuleContext, stage: Stage, instr: Instruction, gos: GoCommand[]): boolean {
  if (gos.some((g) => (FILLS_MODULE_CACHE.has(g.sub) && !tidiesNothing(ctx, stage, g)) || (g.sub === 'get' && goPackages(g.args).every((p) => isLocalPackage(p.value))))) return true;
  const graph = gos.some((g) => g.sub === 'mod graph' || (g.sub === 'list' && !!goFlag(g.args, 'm')));
  return graph && !!instr.script?.parsed.commands.some((c) => xargsGoGet(c.argv.map((w) => w.value)));
}

/** Options of xargs that take the next word as their value. */
const XARGS_VALUE = new Set(['-n', '-I', '-P', '-d', '-L', '-s', '-E', '-a', '-i']);

/** `xargs [options] go get …`. */
function xargsGoGet(argv: string[]): boolean {
  if ((argv[0] ?? '').split('/').pop() !== 'xargs') return false;
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-')) i += XARGS_VALUE.has(argv[i]) ? 2 : 1;
  return /(^|\/)go$/.test(argv[i] ?? '') && argv[i + 1] === 'get';
}

/** Go commands that read the module's requirements (and download what the module cache lacks). */
const READS_MODULES = new Set(['build', 'install', 'run', 'test', 'vet', 'generate', 'list', 'mod download', 'mod tidy', 'mod verify', 'mod vendor']);

/** A RUN that reads the modules, in its stage, with the go command the environment question is asked of (null: run through make or a script). */
interface ModuleStep {
  stage: Stage;
  instr: Instruction;
  go: GoCommand | null;
}

/**
 * The RUNs of `stage` after the source copy (in it, or in a stage it is built FROM) that read the
 * modules: its go commands and the builds hidden in make or a script.
 */
function moduleSteps(stage: Stage, after: Instruction, indirect: Set<Instruction>): ModuleStep[] {
  const out: ModuleStep[] = [];
  for (const i of stage.instructions) {
    if (i.line <= after.line) continue;
    const gos = goCommands(i).filter((g) => READS_MODULES.has(g.sub));
    if (gos.length > 0) for (const g of gos) out.push({ stage, instr: i, go: g });
    else if (indirect.has(i)) out.push({ stage, instr: i, go: null });
  }
  return out;
}

/**
 * Every step after the source copy that reads the modules gets them without downloading again at
 * a source edit, or a download layer before the copy would gain it nothing:
 * - it runs with GOPROXY=off (nothing can be downloaded: the modules are there, or the build fails
 *   either way; FerretDB's build stage says "modules are already downloaded");
 * - it mounts a cache over its module cache (moduleCacheMount: goCachePaths' path, or a folder
 *   above it). On the builder that holds the cache a source edit downloads nothing; on one without
 *   it (a fresh CI runner) the mount is empty, and a download layer before the copy would be
 *   hidden under it (the fix's download gets the same mount, so its layer holds nothing either).
 *   kine's validate/build stages (`--mount=type=cache,id=gomod,target=/go/pkg/mod`), FerretDB's
 *   build stage with the cache its prepare stage's download fills, kruise's `target=/go`.
 * A step without the mount (a go command, or go run through make or a script: indirectGoSteps)
 * downloads every module at every source edit: reported.
 */
function modulesFromElsewhere(ctx: RuleContext, steps: ModuleStep[]): boolean {
  if (steps.length === 0) return false;
  const proxy = (s: ModuleStep) => (s.go ? envValue(ctx.model, s.stage, s.go, 'GOPROXY') : dockerEnv(ctx.model, s.stage, s.instr).get('GOPROXY'));
  return steps.every((s) => proxy(s) === 'off' || moduleCacheMount(ctx.model, s.stage, s.instr, s.go) !== undefined);
}

/**
 * The stage's base is an image the repository builds itself from a Dockerfile of the context
 * whose `go mod download` left the modules in its layers (facts/builtBaseImage.ts, as GD107 reads
 * it): netmaker's `FROM gravitl/go-builder:1.25.3`, which its workflow builds from
 * docker/Dockerfile-go-builder (`COPY go.* ./` + `RUN go mod download`). A source edit downloads nothing.
 */
function baseHoldsModules(ctx: RuleContext, stage: Stage): boolean {
  const base = repositoryBuiltBase(ctx.model, stage, ctx.workspace, ctx.files, ctx.dockerfile);
  return base !== null && baseModuleDownload(base) !== null;
}

function bindsGoMod(instr: Instruction): boolean {
  return contextBinds(instr).some((m) => /(^|\/)go\.(mod|sum)$/.test(m.source));
}

/**
 * What the context says about the download: nothing to download when it has no go.mod at all
 * (`go mod init` at build time, or a GOPATH-era tree: copying go.mod first is impossible), or
 * when no package imports anything outside the standard library and the context's own modules.
 */
function nothingToDownload(ctx: RuleContext): boolean {
  const ws = ctx.workspace;
  if (!ws || !ctx.files || ws.truncated) return false;
  if (ws.modules.length === 0 && !ws.work) return true;
  if (ws.packages.length === 0) return false;
  const own = ws.modules.map((m) => m.path).filter((p) => p !== '');
  const local = (imp: string) => imp === 'C' || !imp.split('/')[0].includes('.') || own.some((p) => imp === p || imp.startsWith(`${p}/`));
  return ws.packages.every((p) => p.imports.every(local));
}

/** The source is a replaced folder or a folder above one (not the whole context). */
function holdsReplaced(replaced: Set<string>, rel: string | null): boolean {
  if (!rel) return false;
  if (replaced.has(rel)) return true;
  for (const dir of replaced) if (dir.startsWith(`${rel}/`)) return true;
  return false;
}

/** Context-relative folders of go.work's members other than the root. */
function workMemberDirs(ctx: RuleContext): string[] {
  return (ctx.workspace?.work?.members ?? []).filter((m) => !m.outsideContext && m.dir !== '').map((m) => m.dir);
}

/** Context-relative folders that a go.mod replaces a module with (`=> ./api`). */
function localReplaceDirs(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.workspace?.modules ?? []) {
    for (const t of localReplaceTargets(m)) if (t.folder !== '' && !t.outside) out.add(t.folder);
  }
  return out;
}

/**
 * The module files the fix copies: those of the module the source copy brings in at its
 * destination. The whole context: the main module's (or go.work's), as the workspace knows them
 * (workspace/query.ts, as the generator and the context inputs use them); without a workspace,
 * go.mod and go.sum (nearly every module with dependencies has both). One folder that is a
 * module (`COPY ./backend .` with backend/go.mod): that module's. Files of the root module's
 * folder (`COPY main.go ./`, `COPY ./*.go ./`): the root module's. Anything else (a folder inside a module, a
 * context without a go.mod at its root, a folder without a workspace to say it is a module):
 * none, since a go.mod copied to the wrong place breaks the build or makes a module of a folder.
 * `folder`: the files of one module folder, copied flat into the destination (as its sources go).
 * `sourcesAreFiles`: the copy brings files of the root folder (not folders), so its destination
 * may be a file's path (moduleFolder).
 */
function moduleFilesFor(ctx: RuleContext, sources: readonly string[]): ModuleFiles | undefined {
  const ws = ctx.workspace;
  const rels = sources.map((src) => (isWholeContext(src) ? '' : contextPath(src)));
  const rootFiles = (sourcesAreFiles = false): ModuleFiles | undefined => {
    if (!ws) return { files: ['go.mod', 'go.sum'], folder: false, sourcesAreFiles };
    const known = dependencyFiles(ws);
    if (known.length > 0) return { files: known, folder: false, sourcesAreFiles };
    // No go.mod at the context root (the module lives in a folder): nothing to copy to the root.
    return undefined;
  };
  if (rels.some((r) => r === '')) return rootFiles();
  // Files at the root, beside the root module's go.mod (`COPY main.go go.mod ./`, stash's
  // `COPY ./go* ./*.go Makefile /stash/`): a glob there, an existing file, or without the
  // context a name with an extension (`cmd` may be a folder).
  const atRoot = sources.map((src) => src.trim().replace(/^(\.\/)+/, ''));
  const glob = (src: string) => /[*?[]/.test(src);
  if (!ws) return atRoot.every((src) => src !== '' && !src.includes('/') && (glob(src) || /\.[A-Za-z0-9]+$/.test(src))) ? rootFiles(true) : undefined;
  if (!ctx.files) return undefined;
  const files = ctx.files;
  if (rels.length === 1 && rels[0] !== null) {
    const m = ws.modules.find((x) => x.dir === rels[0]);
    if (m) return { files: moduleDependencyFiles(m), folder: true, sourcesAreFiles: false };
  }
  if (ws.module?.dir === '' && atRoot.every((src) => src !== '' && !src.includes('/') && (glob(src) || files.fileExists(src)))) return rootFiles(true);
  return undefined;
}

/**
 * A step that reads the modules runs in another module than the one whose files the fix copies: a
 * nested module the whole-context copy brings in (`COPY . agones.dev/agones`, then `WORKDIR
 * …/examples/simple-game-server`, whose own go.mod the build reads). The fix would download the
 * root module's dependencies, which that build never reads (judge X round 33): no fix. Read from
 * the context folder each go command runs in (facts/builtPackages.ts contextPlacement); not in
 * go.work mode, where the download covers every member.
 */
function buildsOtherModule(ctx: RuleContext, steps: ModuleStep[], chosen: ModuleFiles, sources: readonly string[]): boolean {
  const ws = ctx.workspace;
  if (!ws || !ctx.files || ws.work) return false;
  const own = chosen.folder ? contextPath(sources[0]) : ws.module?.dir ?? null;
  if (own === null) return false;
  const info = { model: ctx.model, workspace: ws, files: ctx.files, dockerfile: ctx.dockerfile };
  return steps.some((s) => {
    if (!s.go) return false;
    const dir = contextPlacement(info, s.stage, s.go);
    if (typeof dir !== 'string') return false;
    const m = moduleForDir(ws, dir);
    return m !== null && m.dir !== own;
  });
}

interface ModuleFiles {
  files: string[];
  folder: boolean;
  sourcesAreFiles: boolean;
}

/**
 * The folder of the image the module's files go to and the download runs in, as written: the
 * copy's destination when it is a folder (a trailing `/`, `.`, several sources, folders copied).
 * One file copied to a path of the same name (kruise `COPY main.go main.go`, `COPY main.go
 * /src/main.go`) lands at that path: its folder. Another destination without a `/` (`COPY
 * main.go app`, `COPY *.go src`) is a file or a folder that exists: the WORKDIR counts as one,
 * anything else is not guessed (undefined). A go.mod copied `main.go/` would make a folder of the
 * file the build names.
 */
function moduleFolder(model: DockerfileModel, stage: Stage, instr: Instruction, dest: string, sources: readonly string[], chosen: ModuleFiles): string | undefined {
  if (!chosen.sourcesAreFiles || dest.endsWith('/') || dest === '.' || sources.length > 1) return dest;
  const src = sources[0].trim();
  if (!/[*?[]/.test(src) && path.posix.basename(dest) === path.posix.basename(src)) return path.posix.dirname(dest);
  const wd = workdirBefore(model, stage, instr, null);
  if (wd !== null && !dest.includes('$') && path.posix.resolve(wd, dest) === wd) return dest;
  return undefined;
}

function fixFor(ctx: RuleContext, stage: Stage, instr: Instruction, dest: string, sources: readonly string[], steps: ModuleStep[]) {
  const ws = ctx.workspace;
  // The download runs `go`: on an image without Go whose stage runs no go command itself, only
  // when the toolchain the chain installs is on PATH there (opengist's `ENV PATH="/usr/local/go/bin:${PATH}"`).
  if (!goOnImage(ctx.model, stage) && stageGoCommands(stage).length === 0 && !installedGoOnPath(ctx.model, stage, instr)) return undefined;
  // The module files of the module the copy brings in (moduleFilesFor).
  // Never a file .dockerignore excludes (omni's allowlist has no go.work): that COPY would fail.
  const ignore = ctx.files ? (f: string) => ctx.files!.isIgnored(f) : ws ? (f: string) => dockerignoreOf(ws)?.isIgnored(f) ?? false : () => false;
  // The download goes above the source copy: it must fill the module cache the later steps read.
  // jaeger-operator 87d8ae0's tests/Dockerfile sets GOPATH=/tmp/go after its `COPY .`: a
  // download there would fill /go/pkg/mod, which no later step reads (judge 29 X F3).
  const here = goCachePaths(ctx.model, stage, instr, null).mod;
  if (steps.some((s) => goCachePaths(ctx.model, s.stage, s.instr, s.go).mod !== here)) return undefined;
  // Steps with the module cache mount and steps without (unmountedSteps): the mount on those
  // without, not a second download above the sources (which, with the same mount, would leave
  // them downloading as before; judge 37 X F1, pingcap/tiflow kafka-consumer.Dockerfile:6-7).
  const mixed = unmountedSteps(ctx, steps);
  if (mixed) {
    return {
      title: `Mount the module cache (as ${stepName(mixed.mounted)} does) on the later ${mixed.bare.map(stepName).join(', ')}`,
      edits: mixed.bare.map((b) => insert(b.instr.span.start + b.instr.keyword.length, ` --mount=${mixed.mount.value}`)),
      safe: true,
    };
  }
  // Every step that reads the modules may not run (`RUN if [ "$DOLTGRES_VERSION" = "source" ];
  // then go mod download; …; fi`: doltgresql's default build takes a release binary instead): a
  // download hoisted out of that condition would run on every build, and fail where that build
  // never compiled anything (its Go older than go.mod's). Judge 29 Y F1.
  if (steps.length > 0 && steps.every((s) => mayNotRun(s.instr, s.go?.cmd.start ?? null))) return undefined;
  // Where the download goes: above the source copy, or above a `go mod tidy` that ran with no Go
  // source and so emptied go.mod's requirements (a download after it would fetch nothing).
  const at = emptyTidyAbove(ctx, stage, instr);
  if (at === null) return undefined;
  // After a RUN that reads a per-build ARG (`RUN echo "$GIT_COMMIT" > /version`), a download
  // would run again on every build: not there (/tmp/w53-g D2; GD120 says to download before it).
  if (perBuildReaderBefore(ctx.model, ctx.workspace, ctx.files, stage, at)) return undefined;
  const chosen = moduleFilesFor(ctx, sources);
  if (!chosen) return undefined;
  if (buildsOtherModule(ctx, steps, chosen, sources)) return undefined;
  const wanted = chosen.files.filter((f) => !ignore(f));
  if (!wanted.some((f) => /(^|\/)go\.mod$/.test(f))) return undefined;
  const folder = moduleFolder(ctx.model, stage, instr, dest, sources, chosen);
  if (folder === undefined) return undefined;
  dest = folder;
  const inPlace = dest === '.' || dest === './';
  // The module files already in that folder (kube-bench `COPY go.mod go.sum ./` before `COPY
  // main.go .`, kruise `COPY go.mod go.mod`) are not copied again: only the download is missing.
  const present = presentModuleFiles(ctx, stage, instr, dest, wanted, chosen.folder);
  const files = wanted.filter((f) => !present.has(f));
  // The go.mod of each local replace target the download reads (nerdctl's `=> ./mod/tigron`):
  // without it `go mod download` stops. None when one cannot be copied: no fix then.
  const targets = replaceTargetCopies(ctx, stage, instr, sources, chosen, dest, wanted, ignore);
  if (targets === undefined) return undefined;
  const base = inPlace ? './' : dest.replace(/\/?$/, '/');
  const lines: string[] = [];
  if (files.length === 0) {
    // Nothing to copy.
  } else if (!chosen.folder && files.some((f) => f.includes('/'))) {
    // Keep each go.mod at its path: one COPY per folder.
    const byDir = new Map<string, string[]>();
    for (const f of files) {
      const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
      byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
    }
    for (const [dir, fs] of byDir) lines.push(`COPY ${fs.join(' ')} ${base}${dir}`);
  } else {
    lines.push(`COPY ${files.join(' ')} ${base}`);
  }
  for (const t of targets) lines.push(`COPY ${t.file} ${base}${t.sub}`);
  // A later build that mounts a cache over its module cache reads the modules from that cache,
  // not from a layer (the mount hides the layer's): the download fills the same cache, with the
  // same mount (FerretDB's `target=/cache` above GOMODCACHE=/cache/gomodcache; a mount on the
  // module cache path itself would be another, empty cache).
  const shared = sharedMountFlag(ctx, steps);
  // The ARGs and ENVs after the copy that set what the download reads (GOPROXY…) go above it too.
  const settings = downloadSettings(ctx.model, stage, instr, steps);
  if (!settings) return undefined;
  lines.push(...settings.lines);
  lines.push(`RUN ${shared ? `--mount=${shared} ` : ''}${inPlace ? 'go mod download' : `cd ${dest} && go mod download`}`);
  const edits: Edit[] = [insertAboveInstruction(ctx.model, at.line, lines)];
  for (const m of settings.moved) edits.push(deleteLines(ctx.model, m.line, m.endLine));
  // The download after the sources is now redundant: move it rather than run it twice.
  const later = stage.instructions.find((i) => i.line > instr.line && isPlainDownload(i));
  if (later) edits.push(deleteLines(ctx.model, later.line, later.endLine));
  return {
    title: files.length + targets.length === 0 ? 'Run go mod download before the sources' : `Copy ${files.length + targets.length > 2 ? 'the go.mod/go.sum files' : [...files, ...targets.map((t) => t.file)].join(' and ')} and run go mod download before the sources`,
    edits,
    safe: true,
  };
}

/**
 * A `go mod tidy` with no Go source in the stage (facts/goSources.ts loadsNoPackage): it matches
 * no package and downloads nothing. (Not `go mod vendor` there: a build with -mod=vendor after it
 * downloads nothing either, and GD104 keeps counting it as the module step.)
 */
function tidiesNothing(ctx: RuleContext, stage: Stage, g: GoCommand): boolean {
  return g.sub === 'mod tidy' && loadsNoPackage(ctx.model, stage, g, ctx.workspace ? ctx.files : undefined);
}

/**
 * Where the fix puts the download for the source copy `copy`: above it, or above the RUNs right
 * before it that start with a `go mod tidy` run with no Go source in the stage
 * (tidiesNothing): such a tidy empties go.mod's requirements, so a download
 * after it fetches nothing; the copy of the sources then brings the committed go.mod back
 * (cooperspencer/gickup 7d810a4 Dockerfile:8-11, `COPY go.mod .`, `COPY go.sum .`, `RUN go mod
 * tidy`, `COPY . .`). Null (no fix) when other instructions stand between that tidy and the copy.
 */
function emptyTidyAbove(ctx: RuleContext, stage: Stage, copy: Instruction): Instruction | null {
  const before = stage.instructions.slice(0, stage.instructions.indexOf(copy));
  const k = before.findIndex((i) => i.keyword === 'RUN' && goCommands(i).some((g) => tidiesNothing(ctx, stage, g)));
  if (k < 0) return copy;
  return before.slice(k).every((i) => i.keyword === 'RUN' && !FETCH_CONFIG.test(i.script?.text ?? '')) ? before[k] : null;
}

/**
 * What `go mod download` reads from its environment besides the module cache's place (GOPATH and
 * GOMODCACHE: goCachePaths, checked above): where and how it fetches (GOPROXY, GOPRIVATE,
 * GOFLAGS, GOTOOLCHAIN, the HTTP proxies, git's settings).
 */
const DOWNLOAD_ENV = /^(GO(111MODULE|AUTH|FLAGS|INSECURE|NOPROXY|NOSUMDB|NOSUMCHECK|PRIVATE|PROXY|SUMDB|TOOLCHAIN|VCS|WORK)|(HTTPS?|NO|ALL|FTP)_PROXY|(https?|no|all|ftp)_proxy|GIT_[A-Z_]+)$/;
/** A RUN that configures how go or git fetch (`go env -w GOPROXY=…`, `git config … insteadOf`, a .netrc). */
const FETCH_CONFIG = /\bgo\s+env\s+-w\b|\bgit\s+config\b|\.netrc\b|\.gitconfig\b/;

/**
 * The ARG and ENV instructions between the source copy and the first step of the stage that reads
 * the modules, which set what the download reads (DOWNLOAD_ENV): the download the fix puts above
 * the copy must still see them (openyurtio/openyurt fbefb6b hack/dockerfiles/release/
 * Dockerfile.yurthub:5 `ARG TARGETOS TARGETARCH IMAGE_TAG GOPROXY MIRROR_REPO` after `ADD . /build`:
 * its Makefile passes GOPROXY for `REGION=cn`, and a download above the ARG would run without the
 * proxy; judge 33 X). An instruction that sets only such variables moves above the download
 * (`moved`, its text in `lines`); an ARG that declares others too stays, and the download gets an
 * `ARG NAME` of its own for each (not the others: a per-build ARG such as IMAGE_TAG above the
 * download would run it again at every release, GD120). Undefined (no fix) when they cannot be
 * carried: an ENV that sets others too, a value or a later instruction between that reads a
 * variable being moved or set between, a RUN between that configures go or git.
 */
function downloadSettings(model: DockerfileModel, stage: Stage, copy: Instruction, steps: ModuleStep[]): { lines: string[]; moved: Instruction[] } | undefined {
  const own = steps.filter((s) => s.stage === stage).map((s) => s.instr.line);
  const until = own.length > 0 ? Math.min(...own) : Infinity;
  const between = stage.instructions.filter((i) => i.line > copy.endLine && i.line < until);
  const lines: string[] = [];
  const moved: Instruction[] = [];
  const carried = new Set<string>();
  // Names set between the copy and the step that stay where they are.
  const staying = new Set<string>();
  for (const i of between) {
    if (i.keyword === 'RUN' && FETCH_CONFIG.test(i.script?.text ?? i.json?.join(' ') ?? '')) return undefined;
    if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
    const props = i.keyword === 'ARG' ? argDeclarations(model, i).map((a) => ({ name: a.name, value: a.value ?? null })) : properties(i);
    const wanted = props.filter((p) => DOWNLOAD_ENV.test(p.name));
    if (wanted.length === 0) {
      for (const p of props) staying.add(p.name);
      continue;
    }
    if (wanted.length === props.length) {
      moved.push(i);
      lines.push(...model.text.slice(model.lines.starts[i.line], i.span.end).split(/\r?\n/));
    } else {
      if (i.keyword === 'ENV') return undefined;
      for (const p of wanted) {
        if (p.value !== null && !/^[A-Za-z0-9_.,:/@+=-]*$/.test(p.value)) return undefined;
        lines.push(p.value === null ? `ARG ${p.name}` : `ARG ${p.name}=${p.value}`);
      }
      for (const p of props) if (!wanted.includes(p)) staying.add(p.name);
    }
    for (const p of wanted) carried.add(p.name);
  }
  if (carried.size === 0) return { lines: [], moved: [] };
  const reads = (text: string, names: Set<string>) => readsVariable(text, (n) => names.has(n));
  // A carried value that reads a variable set between that stays below.
  if (reads(lines.join('\n'), staying)) return undefined;
  // An instruction from the copy to the step (the copy itself too) that reads a variable moved above it.
  for (const i of [copy, ...between]) {
    if (moved.includes(i)) continue;
    if (reads(model.text.slice(i.span.start, i.span.end), carried)) return undefined;
  }
  return { lines, moved };
}

/**
 * The command at `start` of the RUN (or, with null, anything in it) may not run: it follows an
 * `if`, `case` or loop keyword, a `||`, or a test (`[ … ]`, `[[ … ]]`, `test`) earlier in the
 * script. Read from the script's text, kept wide (a fix is offered only when the step surely
 * runs).
 */
function mayNotRun(instr: Instruction, start: number | null): boolean {
  const script = instr.script;
  if (!script) return false;
  const end = start ?? script.text.length;
  const before = script.text.slice(0, end);
  return /(^|[\s;&|(!])(if|case|while|until|for|elif|else|\[\[?|test)(\s|$)|\|\|/.test(before);
}

/**
 * The go.mod files of the local replace targets (workspace/query.ts localReplaceTargets) that the
 * fix's `go mod download` reads and the image does not hold yet, each with the folder under the
 * download's folder it goes to: the targets of a replace of a required module in the module
 * whose files the fix copies (in go.work mode, each member's), where a go.mod exists. Such a
 * target whose go.mod the copy cannot bring (outside the build context, outside the module folder
 * the sources come from, or .dockerignored) leaves no fix (undefined): the download would stop
 * at "reading <folder>/go.mod: no such file or directory" (containerd/nerdctl 8da5040's
 * `replace github.com/containerd/nerdctl/mod/tigron v0.0.0 => ./mod/tigron`). A vendored module
 * reads its replacements from vendor/: none.
 */
function replaceTargetCopies(
  ctx: RuleContext, stage: Stage, instr: Instruction, sources: readonly string[], chosen: ModuleFiles, dest: string, wanted: string[], ignore: (f: string) => boolean,
): { file: string; sub: string }[] | undefined {
  const ws = ctx.workspace;
  const files = ctx.files;
  if (!ws || !files) return [];
  const rels = sources.map((src) => (isWholeContext(src) ? '' : contextPath(src)));
  const modules = chosen.folder
    ? ws.modules.filter((m) => m.dir === rels[0])
    : ws.work
      ? ws.modules.filter((m) => ws.work!.members.some((w) => !w.outsideContext && w.dir === m.dir))
      : ws.module ? [ws.module] : [];
  const out: { file: string; sub: string }[] = [];
  for (const m of modules) {
    if (!m.goModExists || (ws.vendor && ws.vendor.dir === m.dir)) continue;
    const root = chosen.folder ? m.dir : '';
    for (const t of localReplaceTargets(m)) {
      if (!t.required) continue;
      if (t.outside) return undefined;
      const file = t.folder === '' ? 'go.mod' : `${t.folder}/go.mod`;
      if (!files.fileExists(file) || wanted.includes(file) || out.some((o) => o.file === file)) continue;
      const sub = path.posix.relative(root, t.folder);
      if (sub === '' || sub === '..' || sub.startsWith('../') || ignore(file)) return undefined;
      if (presentAt(ctx, stage, instr, dest, `${sub}/go.mod`, file)) continue;
      out.push({ file, sub: `${sub}/` });
    }
  }
  return out;
}

/** The image holds the context file `file` at `rel` under the folder `dir` just before `instr`. */
function presentAt(ctx: RuleContext, stage: Stage, instr: Instruction, dir: string, rel: string, file: string): boolean {
  if (dir.includes('$') || !ctx.files) return false;
  const wd = dir.startsWith('/') ? '/' : workdirBefore(ctx.model, stage, instr, null);
  if (wd === null) return false;
  return contextFileAt(ctx.model, stage, path.posix.join(path.posix.resolve(wd, dir), rel), ctx.files, instr) === file;
}

/**
 * The module files (context-relative) the image already has where the fix would copy them, just
 * before the source copy: `folder` copies land flat in the folder, others at their path under it.
 * Only where the folder is known (a WORKDIR and destination without unknown variables); without
 * the context's files, a COPY that names the file counts (the fix copies it anyway).
 */
function presentModuleFiles(ctx: RuleContext, stage: Stage, instr: Instruction, dir: string, files: string[], folder: boolean): Set<string> {
  const out = new Set<string>();
  if (dir.includes('$')) return out;
  const wd = dir.startsWith('/') ? '/' : workdirBefore(ctx.model, stage, instr, null);
  if (wd === null) return out;
  const abs = path.posix.resolve(wd, dir);
  const known = ctx.files ?? { fileExists: (rel: string) => files.includes(rel) };
  for (const f of files) {
    const target = path.posix.join(abs, folder ? path.posix.basename(f) : f);
    if (contextFileAt(ctx.model, stage, target, known, instr) === f) out.add(f);
  }
  return out;
}

/** The `--mount=` value of the first later step's cache mount over its module cache, as written. */
function sharedMountFlag(ctx: RuleContext, steps: ModuleStep[]): string | undefined {
  for (const step of steps) {
    const m = moduleCacheMount(ctx.model, step.stage, step.instr, step.go);
    if (m) return m.value;
  }
  return undefined;
}

/**
 * Of the steps after the source copy that read the modules, some mount a cache over the module
 * cache and others (not offline) have none: pingcap/tiflow c7b2588
 * deployments/ticdc/docker/kafka-consumer.Dockerfile:6 `RUN --mount=type=cache,target=/go/pkg/mod
 * go mod download`, :7 `RUN --mount=type=cache,target=/root/.cache/go-build make kafka_consumer`.
 * The download leaves nothing in a layer, and each step without the mount downloads every module
 * again whenever it runs; a download above the sources changes nothing for them (with the mount, as
 * the fix would give it, its layer is as empty). The first step, when it has the mount, its mount
 * and the later steps without; null when there are none.
 */
function unmountedSteps(ctx: RuleContext, steps: ModuleStep[]): { mounted: ModuleStep; mount: Mount; bare: ModuleStep[] } | null {
  const first = steps[0];
  const mount = first ? moduleCacheMount(ctx.model, first.stage, first.instr, first.go) : undefined;
  // (A step without the mount before the first one with it fills a layer the later ones may read:
  // the download moved above the sources, with the mount, is the fix there.)
  if (!first || !mount) return null;
  const bare: ModuleStep[] = [];
  for (const s of steps.slice(1)) {
    if (moduleCacheMount(ctx.model, s.stage, s.instr, s.go)) continue;
    if ((s.go ? envValue(ctx.model, s.stage, s.go, 'GOPROXY') : dockerEnv(ctx.model, s.stage, s.instr).get('GOPROXY')) !== 'off' && !bare.some((b) => b.instr === s.instr)) bare.push(s);
  }
  return bare.length > 0 ? { mounted: first, mount, bare } : null;
}

/** A step as the messages name it: its go command, or the first command of its RUN (`make kafka_consumer`), three words at most. */
function stepName(s: ModuleStep): string {
  const cmd = s.go?.cmd ?? s.instr.script?.parsed.commands.reduce<ShellCommand | undefined>((a, c) => (a === undefined || c.start < a.start ? c : a), undefined);
  if (!cmd) return `the RUN`;
  const words = cmd.argv.map((w) => w.value);
  return `\`${words.slice(0, 3).join(' ')}${words.length > 3 ? ' …' : ''}\``;
}

/** `RUN go mod download` alone (no other commands, no flags of its own). */
function isPlainDownload(i: Instruction): boolean {
  if (i.keyword !== 'RUN' || i.flags.length > 0 || !i.script || i.script.heredoc) return false;
  const cmds = i.script.parsed.commands;
  const gos = goCommands(i);
  return cmds.length === 1 && gos.length === 1 && gos[0].sub === 'mod download' && gos[0].args.length === 0;
}
