/**
 * GD120: a stage declares an ARG whose name says it takes a new value on every build (a commit,
 * a build date or time: `ARG COMMIT`, `ARG BUILD_DATE`, `ARG GIT_SHA`) before the RUN that runs
 * `go mod download`. BuildKit gives every RUN after an ARG that ARG in its environment, so a
 * changed `--build-arg` value misses the cache from the first RUN after the declaration on: each
 * CI build (a new commit) downloads every module again (wundergraph/cosmo router/Dockerfile:
 * `ARG COMMIT`, `ARG DATE`, `ENV COMMIT=$COMMIT`, then `COPY go.* .` and `RUN go mod download`).
 *
 * Names that say "per build" count (see PER_BUILD): a VERSION changes once a release, a
 * TARGETARCH once per platform (each platform has its own cache anyway). Any other name counts
 * only where a workflow's docker/build-push-action step that builds this Dockerfile passes it a
 * value that changes with each build (`perBuildValue`: `${{ github.sha }}`, a step output or env
 * variable named for a commit or date): pterodactyl/wings passes `VERSION=dev-${{
 * steps.build_info.outputs.short_sha }}`, lindb/lindb `LD_FLAGS=… -X
 * …BuildTime=${{ steps.date.outputs.date }}`. Or where a Makefile's or script's `docker build
 * --build-arg NAME=value` for this Dockerfile passes one (`perBuildCommandValue`, the file's
 * variables put in: lindb/lindb's Makefile `--build-arg LD_FLAGS=${LD_FLAGS}` over
 * `BUILD_TIME=$(shell date …)`). The message names that line. Only the stage's own
 * ARGs count: a global ARG is not in a RUN's environment unless the stage declares it again.
 *
 * Not reported for a commit name whose default is a commit hash that no build file passes
 * another value for (`ARG SEAWEEDFS_COMMIT=5e7ab43ddd52`: a pin of another project's commit,
 * edited with go.mod, not a per-build value: pinnedCommit).
 * Not reported for an ARG that nothing reads and no build file passes: always empty, it cannot
 * change the cache key (open-policy-agent/conftest 6a3fd60 declares `ARG COMMIT` and `ARG DATE`
 * in its base stage, reads neither, and its release workflow passes `build-args: VERSION=…`
 * only; judge 27, W1). Nothing reads it: no instruction after the declaration, in the stage or in
 * a stage built FROM it, expands it, and no make/task/script file or goreleaser config such a RUN
 * runs names it (an unreadable one counts as reading it). No build file passes it
 * (facts/passedBuildArgs.ts), and the context is the repository's root, where those files are
 * (otherwise nothing is known, and the finding stays).
 *
 * Where a RUN between the declaration and the download reads the ARG (`RUN echo "$GIT_COMMIT" >
 * /version`, or seaweedfs-mount's `git checkout ${SEAWEEDFS_COMMIT}` when its value is not a pin),
 * that RUN changes with each value and every step after it re-runs: the message says to download
 * the modules before that RUN (or to move it after the download), not to declare the ARG later.
 *
 * Fix (safe: what the image does is kept): move those ARG lines, and the ENV (and ARG) lines
 * whose values read them, with the comments directly above them, right before the first
 * instruction after the download that can see them (a RUN that is not system set-up, or one that
 * names one of them): bytebase/bytebase's `RUN apk add clang …` after the download then keeps its
 * cache too.
 * Offered only when nothing they jump over reads or sets one of the names they declare, and the
 * RUNs they jump over only download modules or set the system up (package installs, mkdir, ...).
 */
import { argDeclarations, commentBlockStart, goCommands, stageDescendants } from '../dockerfile/facts';
import { GORELEASER_CONFIGS } from '../dockerfile/goreleaser';
import { toolRuns } from '../dockerfile/indirectGo';
import { moduleCacheMount } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { properties } from '../dockerfile/parse';
import { isSystemSetupCommand } from '../dockerfile/packages';
import { passedBuildArgs } from '../facts/passedBuildArgs';
import { PER_BUILD, pinnedCommit as pinnedCommitArg } from '../facts/perBuildArgs';
import { commandBuildArgs, workflowBuildArgs, type WorkflowBuildArg } from '../facts/composeImages';
import { deleteLines, insertAboveInstruction, insertLinesAfter, type Edit } from '../edits/edits';
import { stagesToCheck, type Fix, type Rule, type RuleContext, type RuleFinding, withLazyFix } from './types';
import { readsVariable } from '../dockerfile/variables';

/** ARG names that say they hold a per-build value: facts/perBuildArgs.ts PER_BUILD. */

/** A variable or step-output name of a per-build value: PER_BUILD, or a word of it says commit or date (`short_sha`, `buildDate`, `date`). */
function perBuildName(name: string): boolean {
  const upper = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toUpperCase();
  return PER_BUILD.test(upper) || /(?:^|_)(?:SHA|COMMIT|REVISION|HASH|DATE|TIME|TIMESTAMP|DATETIME)(?:_|$)/.test(upper);
}

/**
 * A build-push-action `build-args:` value that changes with each build: a GitHub expression that
 * reads the commit or the run (`github.sha`, `github.run_number`, the pushed head), or a step
 * output, job output or env variable named for a commit or a date (`steps.build_info.outputs.short_sha`,
 * `steps.date.outputs.date`). The action runs no shell: `$(date)` in the value stays literal.
 */
function perBuildValue(value: string): boolean {
  for (const m of value.matchAll(/\$\{\{([^}]*)\}\}/g)) {
    const e = m[1];
    if (/\bgithub\.(?:sha|run_number|run_id|run_attempt|event\.after|event\.pull_request\.head\.sha|event\.head_commit\.(?:id|timestamp))\b/.test(e)) return true;
    for (const n of e.matchAll(/\b(?:steps\.[\w-]+\.outputs|needs\.[\w-]+\.outputs|env)\.([\w-]+)/g)) if (perBuildName(n[1])) return true;
  }
  return false;
}

/**
 * A `docker build --build-arg` value of a Makefile or script, with the file's variables put in,
 * that changes with each build: the output of `date` or of git's commit (`$(shell date …)`,
 * `$(date …)`, `` `git rev-parse HEAD` ``, `git describe`; not `git describe --abbrev=0`, the last
 * tag), or a CI variable of the commit or run
 * (`$GITHUB_SHA`, `$CI_COMMIT_SHA`). The part that does, or null.
 */
function perBuildCommandValue(expanded: string): string | null {
  const all = /\$\((?:shell\s+)?(?:date|git\s+(?:rev-parse|describe|log))\b[^)]*\)|`(?:date|git\s+(?:rev-parse|describe|log))\b[^`]*`|\$\{?(?:GITHUB_SHA|GITHUB_RUN_NUMBER|GITHUB_RUN_ID|CI_COMMIT_SHA|CI_COMMIT_SHORT_SHA|CI_PIPELINE_ID|BUILD_NUMBER)\b\}?/g;
  // `git describe --abbrev=0` is the last tag (a release), not the commit (open-feature/flagd's Makefile).
  for (const m of expanded.matchAll(all)) if (!/\bdescribe\b.*--abbrev[= ]0\b/.test(m[0])) return m[0];
  return null;
}

/** Instructions a moved ARG/ENV may jump over when they name none of its variables. */
const NEUTRAL = new Set(['COPY', 'ADD', 'WORKDIR', 'LABEL', 'EXPOSE', 'MAINTAINER', 'STOPSIGNAL', 'HEALTHCHECK', 'ARG', 'ENV', 'USER']);

export const gd120: Rule = {
  code: 'GD120',
  name: 'build-arg-before-module-download',
  summary: 'A per-build ARG (commit, date) is declared before the module download, which then re-runs on every build',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['goCommands', 'packageInstalls', 'workspace', 'contextFiles'],
  scope: 'stage',
  // A stage built FROM it that reads the ARG (`-X …=${COMMIT}` in the builder).
  readsDescendants: true,
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    for (const stage of stagesToCheck(ctx)) {
      const download = stage.instructions.find((i) => i.keyword === 'RUN' && goCommands(i).some((g) => g.sub === 'mod download'));
      if (!download) continue;
      const declaredArgs: { instr: Instruction; name: string; passed?: WorkflowBuildArg & { holds?: string } }[] = [];
      let passes: readonly (WorkflowBuildArg & { holds?: string })[] | undefined;
      for (const i of stage.instructions) {
        if (i === download) break;
        if (i.keyword !== 'ARG') continue;
        for (const a of argDeclarations(model, i)) {
          if (PER_BUILD.test(a.name.toUpperCase())) {
            if (!pinnedCommit(ctx, a)) declaredArgs.push({ instr: i, name: a.name });
          }
          else if (ctx.dockerfile !== undefined && ctx.workspace) {
            // Another name: a workflow that builds this Dockerfile passes it a per-build value.
            // Or a Makefile's or script's `docker build --build-arg` passes one (lindb/lindb's
            // Makefile: `--build-arg LD_FLAGS=${LD_FLAGS}`, which holds `$(shell date …)`).
            passes ??= [
              ...workflowBuildArgs(ctx.workspace, ctx.files).filter((w) => w.dockerfile === ctx.dockerfile && perBuildValue(w.value)),
              ...commandBuildArgs(ctx.workspace, ctx.files).flatMap((c) => {
                const holds = c.dockerfile === ctx.dockerfile ? perBuildCommandValue(c.expanded) : null;
                return holds === null ? [] : [{ ...c, holds }];
              }),
            ];
            const passed = passes.find((w) => w.name === a.name);
            if (passed) declaredArgs.push({ instr: i, name: a.name, passed });
          }
        }
      }
      if (!declaredArgs.length) continue;
      // (An ARG nothing reads and no build file passes is always empty: conftest's COMMIT, DATE.)
      const args = declaredArgs.filter((a) => !unusedArg(ctx, stage, a.name, a.instr));
      if (!args.length) continue;
      const names = [...new Set(args.map((a) => a.name))];
      const list = names.map((n) => `\`${n}\``).join(', ');
      // The names only a workflow's value makes per-build: say which line passes what.
      const byValue = args.filter((a) => a.passed).map((a) => a.passed!).filter((w, k, all) => all.findIndex((x) => x.name === w.name) === k);
      const evidence = byValue.map((w) => `${w.file} line ${w.line} passes \`${w.name}=${w.value}\`${w.holds && !w.value.includes(w.holds) ? `, which holds \`${w.holds}\`` : ''}`).join('; ');
      // With a cache mount over its module cache the download finds the modules on this builder.
      const g = goCommands(download).find((x) => x.sub === 'mod download') ?? null;
      const mounted = moduleCacheMount(model, stage, download, g) !== undefined;
      const them = names.length > 1 ? 'them' : 'it';
      // ENV/ARG lines before the download whose values expand them carry the value on (velero's
      // `ENV … LDFLAGS="… ${GIT_SHA} …"`): those variables must move too, or the ARG moved alone
      // leaves them empty.
      const carried = carriers(model, stage.instructions.slice(0, stage.instructions.indexOf(download)), new Set(names));
      const vars = [...new Set(carried.flatMap((c) => c.vars))].map((n) => `\`${n}\``);
      const where = [...new Set(carried.map((c) => `${c.instr.keyword} on line ${c.instr.line + 1}`))];
      const into = carried.length === 0 ? '' : `, and the ${where.join(' and the ')} ${where.length > 1 ? 'carry' : 'carries'} ${them} into ${vars.join(', ')}`;
      // An ENV/ARG that also sets variables that do not read them: only the carrying ones move.
      const split = carried.filter((c) => !c.whole).map((c) => c.instr.line + 1);
      const move = carried.length === 0 ? '' : `, and set ${vars.join(', ')} there too${split.length ? ` (in an ${carried.find((c) => !c.whole)!.instr.keyword} of ${vars.length > 1 ? 'their' : 'its'} own: the other variables of line ${split.join(' and ')} stay before the download)` : ''}`;
      // The first RUN between the declarations and the download that reads one of them (or a variable that carries one).
      const read = new Set([...names, ...carried.flatMap((c) => c.vars)]);
      const readerBefore = stage.instructions.find((i) => i.keyword === 'RUN' && i.line > args[0].instr.endLine && i.line < download.line && mentions(model, i, read)) ?? null;
      out.push(withLazyFix({
        message: `ARG ${list} ${names.length > 1 ? "are" : "is"} declared before the module download on line ${download.line + 1}${evidence ? ` (${evidence})` : ''}${into}: every RUN after ${carried.length ? 'an ARG or ENV' : 'an ARG'} has it in its environment, so a build with a new value (each commit, each date) misses the cache from the first RUN on ${mounted ? 'and re-runs the download (its cache mount keeps the modules on this builder; a builder without that cache, a fresh CI runner, downloads every module again)' : 'and downloads every module again'}. ${readerBefore
          // A RUN before the download reads it (`RUN echo "$GIT_COMMIT" > /version`): that step
          // changes with each value and so does every one after it, wherever the ARG is declared.
          ? `The RUN on line ${readerBefore.line + 1} reads ${them} before the download, so declaring ${them} later cannot help: download the modules before that RUN (copy go.mod and go.sum and run \`go mod download\` above it), or move that RUN after the download.`
          : `Declare ${them} after the download, right before the first step that uses ${them}${move}.`}`,
        span: args[0].instr.span,
      }, () => moveFix(model, stage, download, new Set(args.map((a) => a.instr)))));
    }
    return out;
  },
};

/** A commit ARG whose default pins another project's commit (facts/perBuildArgs.ts pinnedCommit; judge 38 Y F3). */
function pinnedCommit(ctx: RuleContext, a: { name: string; value: string | undefined }): boolean {
  return pinnedCommitArg(ctx.model, ctx.workspace, ctx.files, a);
}

/**
 * The ARG is declared by `decl` and is always empty: no build file of the repository passes it
 * (and the context is the repository's root, where they are), and nothing after `decl` reads it:
 * no instruction of the stage, or of a stage built FROM it, expands it, and no build tool file,
 * script or goreleaser config a RUN there runs names it (one we cannot read counts as naming it).
 */
function unusedArg(ctx: RuleContext, stage: Stage, name: string, decl: Instruction): boolean {
  const passed = passedBuildArgs(ctx.workspace, ctx.files);
  if (!passed.inView || passed.any || passed.names.has(name)) return false;
  const files = ctx.files;
  const read = files ? (rel: string) => files.readFile(rel) : undefined;
  const word = new RegExp(`(^|[^A-Za-z0-9_])${name}($|[^A-Za-z0-9_])`);
  const names = new Set([name]);
  for (const s of stageDescendants(ctx.model, stage)) {
    const after = (i: Instruction) => s !== stage || i.line > decl.endLine;
    for (const i of s.instructions) {
      if (!after(i)) continue;
      if (mentions(ctx.model, i, names)) return false;
      // goreleaser reads `{{ .Env.COMMIT }}` from its config.
      if (i.keyword === 'RUN' && i.script?.parsed.commands.some((c) => /(^|\/)goreleaser$/.test(c.argv[0]?.value ?? ''))) {
        const configs = GORELEASER_CONFIGS.map((f) => (read ? read(f) : null)).filter((t): t is string => t !== null);
        if (configs.length === 0 || configs.some((t) => word.test(t))) return false;
      }
    }
    for (const run of toolRuns(s, files, { variableScripts: true })) if (after(run.instr) && (run.text === null || word.test(run.text))) return false;
  }
  return true;
}

/**
 * The ARG/ENV lines of `before` whose values expand one of `names` or of the variables such a
 * line sets (`ENV COMMIT=$COMMIT`, `ENV LDFLAGS="-X …GitSHA=${GIT_SHA}"`), with the variables
 * that carry them, and whether every variable of the line does (`whole`).
 */
function carriers(model: DockerfileModel, before: readonly Instruction[], names: Set<string>): { instr: Instruction; vars: string[]; whole: boolean }[] {
  const found = new Map<Instruction, Set<string>>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of before) {
      if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
      for (const p of properties(i)) {
        if (found.get(i)?.has(p.name) || p.value === null || !mentionsText(p.value, names)) continue;
        let vars = found.get(i);
        if (!vars) found.set(i, (vars = new Set()));
        vars.add(p.name);
        names.add(p.name);
        grew = true;
      }
    }
  }
  return before.filter((i) => found.has(i)).map((i) => ({ instr: i, vars: [...found.get(i)!], whole: properties(i).every((p) => found.get(i)!.has(p.name)) }));
}

/** The variable names an ARG or ENV instruction declares (the parser's key-value pairs, both ENV forms). */
function declared(i: Instruction): string[] {
  return i.keyword === 'ARG' || i.keyword === 'ENV' ? properties(i).map((p) => p.name) : [];
}

function mentions(model: DockerfileModel, i: Instruction, names: ReadonlySet<string>): boolean {
  return mentionsText(model.text.slice(i.span.start, i.span.end), names);
}

/** The text expands one of these variables (`$NAME`, `${NAME}`, `${NAME:-x}`). */
function mentionsText(text: string, names: ReadonlySet<string>): boolean {
  return readsVariable(text, (n) => names.has(n));
}

/** A RUN that only downloads modules or sets the system up (package installs, mkdir, ...): it reads no build argument from its environment. */
function setupOnly(i: Instruction): boolean {
  if (!i.script || i.script.parsed.hasErrors) return false;
  const gos = goCommands(i);
  return i.script.parsed.commands.every((c) => ['mod download', 'mod verify'].includes(gos.find((g) => g.cmd === c)?.sub ?? '') || isSystemSetupCommand(c));
}


function moveFix(model: DockerfileModel, stage: Stage, download: Instruction, perBuild: ReadonlySet<Instruction>): Fix | undefined {
  const before = stage.instructions.slice(0, stage.instructions.indexOf(download));
  // The per-build ARGs, and the ARG/ENV lines whose values read what moves (`ENV COMMIT=$COMMIT`).
  const moved = new Set(perBuild);
  const names = new Set<string>();
  for (const i of moved) for (const n of declared(i)) names.add(n);
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of before) {
      if (moved.has(i) || (i.keyword !== 'ARG' && i.keyword !== 'ENV') || !mentions(model, i, names)) continue;
      // `ENV GOPROXY=direct APP_COMMIT=$COMMIT` moves whole: the download would lose GOPROXY.
      if (i.keyword === 'ENV' && i.args.length > 1 && i.args.some((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value)) && !i.args.every((w) => mentionsText(w.value, names))) return undefined;
      moved.add(i);
      for (const n of declared(i)) names.add(n);
      grew = true;
    }
  }
  const first = before.find((i) => moved.has(i))!;
  // What they jump over must neither read nor set those names, and its RUNs (the download among
  // them) must not read the environment: only module downloads and system set-up.
  for (const i of [...before.slice(before.indexOf(first)), download]) {
    if (moved.has(i)) continue;
    if (mentions(model, i, names) || declared(i).some((n) => names.has(n))) return undefined;
    if (i.keyword === 'RUN') {
      if (!setupOnly(i)) return undefined;
    } else if (!NEUTRAL.has(i.keyword)) return undefined;
  }
  // Right before the first instruction after the download that can see them.
  const after = stage.instructions.slice(stage.instructions.indexOf(download) + 1);
  // RUNs that only set the system up (bytebase's `RUN apk add clang …`) cannot read them either.
  const target = after.find((i) => (i.keyword === 'RUN' ? !setupOnly(i) : !NEUTRAL.has(i.keyword)) || mentions(model, i, names) || declared(i).some((n) => names.has(n)));
  const movedList = before.filter((i) => moved.has(i));
  const lines: string[] = [];
  const deleted = new Set<number>();
  for (const i of movedList) {
    for (let k = commentBlockStart(model, i); k <= i.endLine; k++) {
      lines.push(model.lines.lineText(k));
      deleted.add(k);
    }
  }
  // A blank line left between two blank lines (or after the FROM's blank) goes too.
  const blank = (k: number) => k >= 0 && k < model.lines.lineCount && !deleted.has(k) && model.lines.lineText(k).trim() === '';
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of [...deleted]) {
      if (deleted.has(k + 1)) continue;
      let start = k;
      while (deleted.has(start - 1)) start--;
      if (blank(start - 1) && blank(k + 1)) {
        deleted.add(k + 1);
        changed = true;
      }
    }
  }
  const edits: Edit[] = [];
  const sorted = [...deleted].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; ) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    edits.push(deleteLines(model, sorted[k], sorted[end]));
    k = end + 1;
  }
  const last = after.length ? after[after.length - 1] : download;
  edits.push(target ? insertAboveInstruction(model, target.line, lines) : insertLinesAfter(model, last.endLine, lines));
  return {
    title: target ? `Move the per-build ARG/ENV lines down to line ${target.line + 1}, after the module download` : 'Move the per-build ARG/ENV lines to the end of the stage, after the module download',
    edits,
    safe: true,
  };
}
