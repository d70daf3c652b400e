/**
 * GD119: a go build compiles a package of its module whose sources no COPY/ADD (nor a RUN bind
 * mount) brings into the build: the Dockerfile copies some folders of a module and builds a
 * program that imports another one (flyte executor/Dockerfile copies executor/ and gen/, and
 * executor/cmd imports flytestdlib/… of the same module). go then fails with "package … is not
 * in std" or "no required module provides package"; nothing else in the Dockerfile says so.
 *
 * Certain or silent, as an error must be:
 * - the build's package is resolved with the certain mapping (builtPackage: known WORKDIR,
 *   context copies that are plain paths);
 * - only packages of the same module as the built one (another module of the repository may
 *   come from the module proxy at the version go.mod requires);
 * - a package counts as copied when any context copy or bind mount of any stage the target
 *   needs covers one of its files; a copy the tool cannot place (a glob, a variable) covers
 *   everything;
 * - silent when anything before the go command in the build's stage chain could write sources:
 *   a COPY --from (another stage's generated code), an ADD of a URL or repository, or a command
 *   other than package installs, go mod download and plain file housekeeping (`make`,
 *   `go generate`, `protoc`, a script, `git clone`, curl/wget).
 * - `RUN make <target>`: the go builds of the target's recipe count when the recipe is certain
 *   and harmless (makeGoCommands, dockerfile/makeRecipe.ts: a Makefile of the builder, a known
 *   target whose recipe and prerequisites run only go build/install and file housekeeping), in
 *   the folder make runs in (`make -C`, and a recipe line's `cd dir &&`, move it); a line whose failure does not fail make (`-`,
 *   `||`, if) does not. Any other recipe is "may write sources", as before.
 * - a package named at a version (`go install example.com/app@master`) comes from the module
 *   proxy, not from the context: never reported.
 *
 * Also (missingPaths, below): a go build of a relative path after a copy of the whole context,
 * where the context has no such file or folder (the package moved).
 *
 * No fix: which folders to copy (or whether to copy the whole module) is the user's choice.
 */
import * as path from 'node:path';
import { contextPath, copyPaths, goCommands, goPackages, isContextCopy, isGoProgram, isWholeContext, pathEnv, stageChain, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { stagesFeeding } from '../dockerfile/goBuild';
import { scriptSpan, type Instruction, type Stage } from '../dockerfile/model';
import { contextBinds } from '../dockerfile/mounts';
import { expandVariables } from '../dockerfile/variables';
import { shellLevelCommands } from '../dockerfile/packages';
import { isRemoteSource } from '../dockerfile/copySources';
import { contextUses } from '../facts/contextInputs';
import { dockerfileFact } from '../facts/memo';
import { builtPackage, commandCwd, makeGoCommands } from '../facts/builtPackages';
import { buildFacts, packageByDir } from '../workspace/query';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding, type WorkspaceFiles } from './types';

/** Commands that cannot write Go sources into the build (package managers, module downloads, housekeeping). */
const HARMLESS = new Set([
  'apk', 'apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'mkdir', 'echo', 'printf', 'export', 'cd', 'set', 'true', ':', 'ls', 'rm',
  'chmod', 'chown', 'addgroup', 'adduser', 'useradd', 'groupadd', 'update-ca-certificates', 'pwd', 'env', 'id', 'whoami', 'uname',
]);
/** go subcommands that write no sources of the module. */
const HARMLESS_GO = new Set(['mod download', 'mod verify', 'env', 'version', 'build', 'install', 'list', 'vet', 'test']);

export const gd119: Rule = {
  code: 'GD119',
  name: 'package-not-copied',
  summary: 'A go build compiles a package of its module that no COPY brings into the build, or a path the build context does not have',
  severity: 'error',
  needsWorkspace: true,
  fix: 'none',
  facts: ['goBuilds', 'goCommands', 'copySources', 'contextInputs', 'packageInstalls', 'workspace', 'contextFiles', 'dockerignore'],
  // Stage by stage: a stage's findings depend on its chain, the workspace, and the folders the
  // context copies of every stage the target needs bring in (the reuse key).
  scope: 'stage',
  // missingPaths names the line of the COPY that brought the whole context.
  namesLines: true,
  reuseKey: (ctx) => JSON.stringify(copiedRoots(ctx)),
  check(ctx) {
    const out: RuleFinding[] = [];
    const ws = ctx.workspace!;
    const model = ctx.model;
    const roots = copiedRoots(ctx);
    const covered = (file: string) => roots!.some((r) => file === r || file.startsWith(r + '/'));
    const report = (s: Stage, i: Instruction, g: GoCommand, before: number, what: string) => {
      if (g.sub !== 'build' && g.sub !== 'install') return;
      // `go install example.com/app@master` fetches the module at that version through the
      // module proxy and ignores the sources around it (liftbridge-io/liftbridge 50ac358
      // docker/dev-standalone/Dockerfile: no COPY at all, rightly).
      if (goPackages(g.args).some((w) => w.value.includes('@'))) return;
      const pkg = builtPackage({ model, workspace: ws, files: ctx.files }, s, g);
      if (!pkg || pkg.module === null || mayWriteSources(model, s, i, before)) return;
      const missing: string[] = [];
      for (const dir of buildFacts(ws, pkg.dir).packages) {
        const p = packageByDir(ws, dir);
        if (!p || p.module !== pkg.module || p.files.length === 0) continue;
        if (p.files.some((f) => covered(dir === '' ? f : `${dir}/${f}`))) continue;
        missing.push(p.importPath ?? dir);
      }
      if (missing.length === 0) return;
      const shown = missing.slice(0, 3).map((m) => `\`${m}\``).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
      out.push({
        message: `${what} compiles ${pkg.importPath ?? pkg.dir}, which needs ${shown} of its own module (imported by it or by its imports), but no COPY brings ${missing.length === 1 ? 'that folder' : 'those folders'} into the build: go fails with "package … is not in std" (or "no required module provides package"). Copy ${missing.length === 1 ? 'it' : 'them'} too, or the whole module.`,
        span: i.span,
      });
    };
    for (const s of stagesToCheck(ctx)) {
      for (const f of missingPaths(ctx, s)) out.push(f);
      // A copy that may bring anything (the whole context, a path the tool cannot place): nothing is missing.
      if (roots === null || !stagesFeeding(model, ctx.finalStage).has(s.index)) continue;
      for (const i of s.instructions) {
        for (const g of goCommands(i)) report(s, i, g, g.cmd.start, `\`go ${g.sub}\``);
        // `RUN make <target>`: the go builds of a recipe known to run only harmless commands.
        for (const m of makeGoCommands(ctx, s, i)) {
          if (m.command.conditional) continue;
          const target = m.command.target;
          const goals = m.recipe.goals.map((x) => x.name);
          const whose = goals.includes(target) ? `\`make ${target}\`` : `\`${target}\` (run by \`make ${goals.join(' ')}\`)`;
          report(s, i, m.g, m.make.start, `\`go ${m.g.sub}\` in the recipe of ${whose} (${m.makefile}:${m.command.line})`);
        }
      }
    }
    return out;
  },
};

/**
 * The context paths that the context copies and bind mounts of the stages the target needs bring
 * in (contextUses), or null when one of them may bring anything: the whole context, or a source
 * the tool cannot place. Once per model and target: every stage's check asks it.
 */
function copiedRoots(ctx: RuleContext): readonly string[] | null {
  return dockerfileFact(ctx.model, `gd119CopiedRoots:${ctx.finalStage}`, () => computeCopiedRoots(ctx));
}

function computeCopiedRoots(ctx: RuleContext): string[] | null {
  const roots: string[] = [];
  for (const u of contextUses(ctx.model, ctx.finalStage)) {
    for (const src of u.sources) {
      if (isWholeContext(src)) return null;
      const rel = contextPath(src);
      // A source the tool cannot place may hold anything.
      if (rel === null) {
        if (isRemoteSource(src)) continue;
        return null;
      }
      if (rel === '') return null;
      roots.push(rel);
    }
  }
  return roots;
}

/** Could anything before the go command at `goStart` in `instr`, in the stage chain, write Go sources? */
function mayWriteSources(model: Parameters<typeof stageChain>[0], stage: Stage, instr: Instruction, goStart: number): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) return runMayWrite(i, goStart);
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.some((f) => f.name === 'from')) return true;
      if (i.keyword === 'ADD' && (copyPaths(i)?.sources ?? []).some(isRemoteSource)) return true;
      if (i.keyword === 'RUN' && runMayWrite(i, Infinity)) return true;
    }
  }
  return false;
}

function runMayWrite(i: Instruction, before: number): boolean {
  if (!i.script) return i.json !== null && i.json.length > 0 && !(i.json[0] === 'go');
  if (i.script.parsed.hasErrors) return true;
  const gos = goCommands(i);
  for (const c of shellLevelCommands(i.script)) {
    if (c.start >= before) break;
    const name = c.argv[0]?.value;
    if (name === undefined) continue;
    if (c.argv[0].dynamic) return true;
    if (isGoProgram(name)) {
      const g = gos.find((x) => x.cmd === c);
      if (!g || !HARMLESS_GO.has(g.sub)) return true;
      continue;
    }
    if (name === 'git') {
      if (c.argv[1]?.value !== 'config') return true;
      continue;
    }
    if (!HARMLESS.has(name)) return true;
  }
  return false;
}

/**
 * `go build ./x` (or `go build x/main.go`) after a COPY of the whole context, where the context
 * has no `x` at all: the package moved or was renamed (rudder-server's warehouse benchmark
 * Dockerfile builds `./warehouse/transformer/benchmark/main.go`, which moved under processor/).
 * go stops with "no such file or directory" (or "directory … does not exist"). Certain only:
 * - a relative path argument (`./x`, `../x`, `x/main.go`; not `.`, a pattern, an import path or
 *   a variable), in a folder of a module of the context, run in a known folder into which a
 *   COPY/ADD of the whole context (or a bind mount of it) put the context;
 * - nothing else put anything there: no other COPY/ADD (nor a bind mount) whose destination
 *   holds, is or lies under the path (a file copied into a folder elsewhere does not count), and
 *   nothing before the command could write sources (mayWriteSources: package installs, module
 *   downloads, housekeeping only; a `>` redirect counts as writing);
 * - the path is neither a file, a folder nor a link of the context's index, nor below a file or
 *   link (a linked folder), and is not excluded by .dockerignore (GD306 speaks for that).
 * Every stage is checked, not only those the final stage needs: the command fails whenever its
 * stage is built (the rudder stage was cut off by its own broken `COPY --from`, GD123). For one
 * stage (the rule is stage-scoped); its chain is read, no other stage.
 */
function missingPaths(ctx: RuleContext, s: Stage): RuleFinding[] {
  const files = ctx.files;
  const ws = ctx.workspace;
  if (!files || !ws) return [];
  const out: RuleFinding[] = [];
  for (const i of s.instructions) {
    if (i.keyword !== 'RUN' || !i.script) continue;
    for (const g of goCommands(i)) {
      if (g.sub !== 'build' && g.sub !== 'install') continue;
      const pkgs = goPackages(g.args);
      if (pkgs.some((w) => w.dynamic)) continue;
      for (const w of pkgs) {
        const v = w.value;
        const relative = v.startsWith('./') || v.startsWith('../') || (v.endsWith('.go') && !v.startsWith('/'));
        if (!relative || /[*?[\]@]|\.\.\./.test(v)) continue;
        const missing = missingInContext(ctx, files, s, i, g, v);
        if (!missing) continue;
        const file = v.endsWith('.go');
        out.push({
          message: `\`go ${g.sub}\` builds \`${v}\`, which is not in the build context: ${missing.copy.keyword === 'RUN' ? 'the RUN mounts' : `\`${missing.copy.keyword} ${missing.copy.args.map((a) => a.value).join(' ')}\` on line ${missing.copy.line + 1} copies`} the whole context to ${missing.dest}, and the context has no ${missing.rel} (nothing before the build creates it), so go stops: the ${file ? 'file' : 'folder'} does not exist. The package may have moved or been renamed: build it from where it is now.`,
          span: scriptSpan(i.script, w.start, w.end),
        });
      }
    }
}
  return out;
}

/** Where the whole context was copied, and the missing context path; null unless certain (see missingPaths). */
function missingInContext(ctx: RuleContext, files: WorkspaceFiles, stage: Stage, instr: Instruction, g: GoCommand, arg: string): { copy: Instruction; dest: string; rel: string } | null {
  const model = ctx.model;
  const ws = ctx.workspace!;
  const cwd = commandCwd(model, stage, g, null);
  if (cwd === null) return null;
  const abs = path.posix.resolve(cwd, arg);
  const within = (p: string, dir: string) => dir === '/' || p === dir || p.startsWith(dir + '/');
  // The whole-context copies of the chain before the command, and every other copy's places.
  const wholes: { copy: Instruction; dest: string }[] = [];
  const others: { at: string; folder: boolean }[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) break;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths) return null;
      const wd = workdirBefore(model, s, i, null);
      const dest = expandVariables(paths.dest, pathEnv(model, s, i));
      if (wd === null || dest === null) return null;
      const at = path.posix.resolve(wd, dest);
      if (isContextCopy(i) && paths.sources.some(isWholeContext)) {
        if (paths.sources.length > 1) return null;
        wholes.push({ copy: i, dest: at });
        continue;
      }
      for (const src of paths.sources) {
        const rel = isContextCopy(i) ? contextPath(src) : null;
        // A single file of the context lands at the destination, or inside it when that is a folder.
        const isFile = rel !== null && rel !== '' && files.fileExists(rel) && !files.dirExists(rel);
        others.push({ at, folder: !isFile });
        if (isFile) others.push({ at: path.posix.join(at, path.posix.basename(rel!)), folder: false });
      }
    }
  }
  for (const b of contextBinds(instr)) {
    const wd = workdirBefore(model, stage, instr, null);
    if (b.target === null || wd === null) return null;
    const at = path.posix.resolve(wd, b.target);
    if (contextPath(b.source) === '') wholes.push({ copy: instr, dest: at });
    else others.push({ at, folder: true });
  }
  // Every whole-context copy that holds the path must lack it; the message names the deepest.
  const holding = wholes.filter((w) => within(abs, w.dest));
  if (holding.length === 0) return null;
  // Another copy that puts something at, above or below the path.
  for (const o of others) if (o.at === abs || within(o.at, abs) || (o.folder && within(abs, o.at))) return null;
  if (mayWriteSources(model, stage, instr, g.cmd.start) || redirectsBefore(model, stage, instr, g.cmd.start)) return null;
  let shown: { copy: Instruction; dest: string; rel: string } | null = null;
  for (const w of holding) {
    const rel = path.posix.relative(w.dest, abs);
    if (rel === '' || rel.startsWith('..')) return null;
    // In a module of the context (not GOPATH mode, not a folder outside every module) whose
    // sources the context holds: a context of go.mod alone (a wrong --context) says nothing.
    const mod = ws.modules.filter((m) => m.dir === '' || rel === m.dir || rel.startsWith(m.dir + '/')).sort((a, b) => b.dir.length - a.dir.length)[0];
    if (!mod || !ws.packages.some((p) => p.module === mod.dir && p.files.length > 0)) return null;
    if (files.fileExists(rel) || files.dirExists(rel) || files.isIgnored(rel)) return null;
    const segs = rel.split('/');
    for (let k = 1; k < segs.length; k++) if (files.fileExists(segs.slice(0, k).join('/'))) return null;
    if (!shown || w.dest.length >= shown.dest.length) shown = { copy: w.copy, dest: w.dest, rel };
  }
  return shown;
}

/** A `>`/`>>` redirect to a file (not /dev/null nor a descriptor) in the chain before the command: it may write a source. */
function redirectsBefore(model: Parameters<typeof stageChain>[0], stage: Stage, instr: Instruction, goStart: number): boolean {
  const writes = (text: string) => /(^|[^0-9&>])>>?(?!&)\s*(?!\/dev\/null\b)\S/.test(text.replace(/\b2>&1\b|&>\s*\/dev\/null|[0-9]?>\s*\/dev\/null/g, ''));
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN') continue;
      if (i === instr) return i.script !== null && writes(i.script.text.slice(0, goStart));
      if (i.script && writes(i.script.text)) return true;
      if (i.heredocs.length > 0) return true;
    }
  }
  return false;
}
