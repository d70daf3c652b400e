/**
 * GD124: a go command runs in a module whose go.mod replaces a module it requires with a local
 * folder (`replace github.com/ory/rpctest => ./middleware/rpctest`), but that folder's go.mod is
 * not in the stage at that step: no COPY/ADD from the context has put it there (or
 * .dockerignore keeps it out of the context). The go command reads the replacement's go.mod to
 * load the module graph, and stops: `go: github.com/ory/rpctest@v0.0.0-… (replaced by
 * ./middleware/rpctest): reading middleware/rpctest/go.mod: open …: no such file or directory`
 * (ory/oathkeeper's .docker/Dockerfile-build copies go.mod, go.sum and oryx/go.mod for its
 * `go mod download`, not middleware/rpctest/go.mod).
 *
 * The command's module: the go.mod a COPY/ADD from the context put in its folder (WORKDIR, `cd`,
 * `-C`) or the nearest folder above it. Commands that load the whole module graph (`go get`, `go mod
 * download` without arguments, `tidy`, `vendor`, `verify`, `graph`, `why`) need every replaced
 * module's go.mod; builds and the other package commands (`go build`, `install`, `list`, `run`,
 * `test`, `vet`, `generate`) are reported when a package of the module imports a package of the
 * replaced module (they then read that folder for it).
 *
 * Not reported (where the step could hold the file after all, or go would not read it): a
 * replace the module does not require (at that version, for a versioned replace), a target
 * outside a context that was guessed (the nearest go.mod's folder: the build may send the folder
 * above; with a given context, `--context` or goDockerfile.buildContext, no COPY can bring a
 * target outside it and it is reported), one in the context without a go.mod, a go.work in the context, a
 * vendored module, `-mod=vendor`, `-modfile`, GO111MODULE=off, a command with `pkg@version`
 * arguments, a folder unknown (a variable); and when something other than a plain COPY from the
 * context may have put files there: a RUN with a bind mount, a `COPY --from` or ADD of a URL, a
 * COPY whose sources or destination are globs or variables, or an earlier RUN (or the same RUN,
 * before the command) that mentions the target's folder or `go.mod`, or runs `go mod init`/`edit`,
 * `go work`, or a git command that fetches or checks out files (`git clone`, `git submodule` …).
 * One finding per replaced folder and stage: the first command that misses it.
 *
 * No fix: where the file belongs in the layers (the dependency layer, beside the other go.mod
 * files) is the author's choice; the message names the COPY that would bring it.
 */
import * as path from 'node:path';
import { contextPath, copyPaths, goCommands, goFlag, goPackages, isContextCopy, stageChain, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { envValue } from '../dockerfile/goBuild';
import { mounts } from '../dockerfile/mounts';
import { scriptSpan, type DockerfileModel, type Stage } from '../dockerfile/model';
import { commandCwd } from '../facts/builtPackages';
import { contextFileAt } from '../facts/copiedFiles';
import type { GoModule, GoReplace, WorkspaceModel } from '../workspace/model';
import { stagesToCheck, type Rule, type RuleFinding, type WorkspaceFiles } from './types';

/** Commands that load the whole module graph: every replaced module's go.mod is read. */
const GRAPH = new Set(['get', 'mod download', 'mod tidy', 'mod vendor', 'mod verify', 'mod graph', 'mod why']);
/** Commands that load packages: a replaced module's folder is read for the packages imported from it. */
const PACKAGES = new Set(['build', 'install', 'list', 'run', 'test', 'vet', 'generate']);

export const gd124: Rule = {
  code: 'GD124',
  name: 'replace-target-not-copied',
  summary: 'A go command needs a local `replace` target whose go.mod no COPY has brought into the build yet',
  severity: 'error',
  needsWorkspace: true,
  fix: 'none',
  facts: ['copySources', 'goCommands', 'goBuilds', 'workspace', 'contextFiles'],
  scope: 'stage',
  check(ctx) {
    const ws = ctx.workspace;
    const files = ctx.files;
    if (!ws || !files || ws.work) return [];
    const out: RuleFinding[] = [];
    const visible = { fileExists: (p: string) => files.fileExists(p) && !files.isIgnored(p) };
    for (const stage of stagesToCheck(ctx)) {
      const reported = new Set<string>();
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN' || !instr.script) continue;
        for (const g of goCommands(instr)) {
          const graph = GRAPH.has(g.sub);
          if (!graph && !PACKAGES.has(g.sub)) continue;
          if (!readsModuleGraph(ctx.model, stage, g)) continue;
          const at = mainModule(ctx.model, stage, g, ws, visible);
          if (!at) continue;
          for (const r of at.module.replaces) {
            const need = missingTarget(ctx.model, stage, g, ws, files, visible, at, r, graph, ctx.contextGiven === true);
            if (!need || reported.has(need.target)) continue;
            reported.add(need.target);
            const goMod = at.module.dir === '' ? 'go.mod' : `${at.module.dir}/go.mod`;
            const wd = workdirBefore(ctx.model, stage, instr, null);
            const destDir = path.posix.dirname(need.container);
            const dest = wd !== null && destDir.startsWith(`${wd === '/' ? '' : wd}/`) ? `${destDir.slice(wd === '/' ? 1 : wd.length + 1)}/` : `${destDir}/`;
            if (need.outside) {
              out.push({
                message: `\`go ${g.sub}\` runs in the module of ${goMod} (at ${at.dir}), whose \`replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath}\` (${goMod} line ${r.line}) makes go read ${path.posix.dirname(need.container)}, but that folder is ${need.target} from the build context's root, outside it: Docker sends nothing from there, so no COPY can bring it, and go stops with "replacement directory ${r.newPath} does not exist". Build from a context that holds both folders (\`docker build -f <this Dockerfile> <their common parent>\`, with the COPYs changed to match), give the module as a named context (\`--build-context\`, copied with \`COPY --from\`), or vendor the modules (\`go mod vendor\`).`,
                span: scriptSpan(instr.script, g.cmd.start, g.cmd.end),
              });
              continue;
            }
            const why = need.ignored
              ? `.dockerignore keeps ${need.target} out of the build context (re-include it with \`!${need.target}\`), so no COPY can bring it`
              : `no COPY has brought ${need.target} there by this step (copy it before: \`COPY ${need.target} ${dest}\`)`;
            out.push({
              message: `\`go ${g.sub}\` runs in the module of ${goMod} (at ${at.dir}), whose \`replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath}\` (${goMod} line ${r.line}) makes go read ${need.container}, but ${why}: go stops with "reading ${path.posix.relative(at.dir, need.container)}: no such file or directory".`,
              span: scriptSpan(instr.script, g.cmd.start, g.cmd.end),
            });
          }
        }
      }
    }
    return out;
  },
};

/** The command loads the module graph from go.mod files: module mode, no vendor, no other go.mod, no `pkg@version`. */
function readsModuleGraph(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  if (envValue(model, stage, g, 'GO111MODULE') === 'off') return false;
  if (goPackages(g.args).some((w) => w.value.includes('@') || w.dynamic)) return false;
  const mod = goFlag(g.args, 'mod');
  if (mod && mod.value === 'vendor') return false;
  if (goFlag(g.args, 'modfile')) return false;
  const flags = envValue(model, stage, g, 'GOFLAGS');
  if (flags === null || (flags !== undefined && /-mod(file)?=|-mod\s/.test(flags))) return false;
  return true;
}

/**
 * The module the command runs in: the nearest folder at or above its working folder where a
 * COPY/ADD from the context put a go.mod of the workspace (before the command's RUN). Its
 * container folder and the module; null when unknown.
 */
function mainModule(model: DockerfileModel, stage: Stage, g: GoCommand, ws: WorkspaceModel, visible: { fileExists: (p: string) => boolean }): { dir: string; module: GoModule } | null {
  const cwd = commandCwd(model, stage, g, null);
  if (cwd === null) return null;
  for (let d = cwd; ; d = path.posix.dirname(d)) {
    const rel = contextFileAt(model, stage, d === '/' ? '/go.mod' : `${d}/go.mod`, visible, g.instr);
    if (rel !== null) {
      const dir = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
      if (path.posix.basename(rel) !== 'go.mod') return null;
      const module = [...(ws.module ? [ws.module] : []), ...ws.modules].find((m) => m.dir === dir && m.goModExists);
      return module ? { dir: d, module } : null;
    }
    if (d === '/') return null;
  }
}

/**
 * The replaced folder's go.mod the command needs and the stage does not hold: its context path,
 * where go looks for it, and whether .dockerignore is what keeps it out. Null when it is there,
 * not needed, or possibly put there by something other than a COPY from the context.
 */
function missingTarget(
  model: DockerfileModel, stage: Stage, g: GoCommand, ws: WorkspaceModel, files: WorkspaceFiles, visible: { fileExists: (p: string) => boolean },
  at: { dir: string; module: GoModule }, r: GoReplace, graph: boolean, contextGiven: boolean,
): { target: string; container: string; ignored: boolean; outside: boolean } | null {
  if (!r.local || r.newPath.startsWith('/')) return null;
  const m = at.module;
  if (!m.requirements.some((q) => q.path === r.oldPath && (r.oldVersion === null || q.version === r.oldVersion))) return null;
  if (ws.vendor && ws.vendor.dir === m.dir) return null;
  const folder = path.posix.normalize(path.posix.join(m.dir === '' ? '.' : m.dir, r.newPath)).replace(/\/+$/, '');
  // Outside the context: no COPY from it can bring the folder. Said only when the context was
  // given: the nearest go.mod's folder is a guess, and the real build may send the parent.
  const outside = folder === '..' || folder.startsWith('../');
  if (outside && !contextGiven) return null;
  const target = outside ? folder : folder === '.' ? 'go.mod' : `${folder}/go.mod`;
  if (!outside && !files.fileExists(target)) return null;
  const container = path.posix.join(path.posix.resolve(at.dir, r.newPath), 'go.mod');
  if (contextFileAt(model, stage, container, visible, g.instr) !== null) return null;
  // A build reads the folder for the packages imported from it.
  if (!graph && !ws.packages.some((p) => p.module === m.dir && p.imports.some((i) => i === r.oldPath || i.startsWith(`${r.oldPath}/`)))) return null;
  if (mayHold(model, stage, g, folder)) return null;
  return { target, container, ignored: !outside && contextFileAt(model, stage, container, files, g.instr) !== null, outside };
}

/** Something other than a plain COPY from the context may have put the file there (see the header). */
function mayHold(model: DockerfileModel, stage: Stage, g: GoCommand, folder: string): boolean {
  if (mounts(g.instr).some((m) => m.type === 'bind')) return true;
  const name = path.posix.basename(folder);
  const mentions = (text: string) => text.includes(name) || /go\.mod|\bgo\s+(mod\s+(init|edit)|work)\b|\bgit\s+(clone|submodule|checkout|pull|fetch|reset|worktree|archive)\b/.test(text);
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) return mentions(i.script!.text.slice(0, g.cmd.start));
      if (i.keyword === 'RUN' && i.script && mentions(i.script.text)) return true;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      if (!isContextCopy(i)) return true;
      const paths = copyPaths(i);
      if (!paths || /[*?[$]/.test(paths.dest) || paths.sources.some((src) => /[*?[$]/.test(src) || contextPath(src) === null)) return true;
    }
  }
  return false;
}
