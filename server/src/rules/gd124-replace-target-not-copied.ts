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
 * target outside it and it is reported), one without a go.mod that a .gitignore covers or in a
 * context not wholly read (see below), a go.work in the context, a
 * vendored module, `-mod=vendor`, `-modfile`, GO111MODULE=off, a command with `pkg@version`
 * arguments, a folder unknown (a variable); and when something other than a plain COPY from the
 * context may have put files there (in the stage or a stage it is built FROM, see mayHold): a RUN
 * with a bind mount, a `COPY --from` or ADD of a URL whose destination may hold the target, a
 * COPY whose sources or destination are globs or variables, or an earlier RUN (or the same RUN,
 * before the command) that names the target's folder or `go.mod`, or runs `go mod init`/`edit`,
 * `go work`, or a git command that fetches or checks out files (`git submodule` …, a `git clone`
 * into a folder that may hold the target). One finding per replaced folder and stage: the first
 * command that misses it.
 *
 * A target in the context whose folder has no go.mod (mergestat-lite's `replace
 * github.com/libgit2/git2go/v34 => ./git2go`, a git submodule that a plain clone leaves empty)
 * fails the same way, whatever the COPYs: reported when the context's files were all read (not
 * `truncated`) and no .gitignore covers the go.mod (a file made where the repository is built,
 * before `docker build`); the message says when .gitmodules at the context's root names the
 * folder. The exceptions above (mayHold: a RUN that runs `git submodule`, names the folder …) hold.
 *
 * No fix: where the file belongs in the layers (the dependency layer, beside the other go.mod
 * files) is the author's choice; the message names the COPY that would bring it.
 */
import * as path from 'node:path';
import { contextPath, copyPaths, goCommands, goFlag, goPackages, isContextCopy, stageChain, stageRef, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { creationsOf, inScriptOrder } from '../dockerfile/created';
import { envValue } from '../dockerfile/goBuild';
import { mounts } from '../dockerfile/mounts';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { chdir, commandCwd } from '../facts/builtPackages';
import { contextFileAt } from '../facts/copiedFiles';
import { gitIgnored } from '../facts/gitIgnored';
import type { GoModule, WorkspaceModel } from '../workspace/model';
import { localReplaceTargets, type LocalReplaceTarget } from '../workspace/query';
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
  facts: ['copySources', 'goCommands', 'goBuilds', 'workspace', 'contextFiles', 'gitignore'],
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
          for (const t of localReplaceTargets(at.module)) {
            if (!t.required) continue;
            const r = t.replace;
            const need = missingTarget(ctx.model, stage, g, ws, files, visible, at, t, graph, ctx.contextGiven === true);
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
            if (need.absent) {
              const inGitmodules = submodule(files, t.folder);
              out.push({
                message: `\`go ${g.sub}\` runs in the module of ${goMod} (at ${at.dir}), whose \`replace ${r.oldPath}${r.oldVersion ? ` ${r.oldVersion}` : ''} => ${r.newPath}\` (${goMod} line ${r.line}) makes go read ${need.container}, but the build context has no ${need.target}${inGitmodules ? ` (${t.folder} is a git submodule, listed in .gitmodules, that is not checked out: run \`git submodule update --init\` before the build, or build from a recursive clone)` : ` (${t.folder} is empty or missing: put the module there before the build)`}, so no COPY can bring it: go stops with "reading ${path.posix.relative(at.dir, need.container)}: no such file or directory".`,
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
  at: { dir: string; module: GoModule }, t: LocalReplaceTarget, graph: boolean, contextGiven: boolean,
): { target: string; container: string; ignored: boolean; outside: boolean; absent: boolean } | null {
  const r = t.replace;
  const m = at.module;
  if (ws.vendor && ws.vendor.dir === m.dir) return null;
  const { folder, outside } = t;
  // Outside the context: no COPY from it can bring the folder. Said only when the context was
  // given: the nearest go.mod's folder is a guess, and the real build may send the parent.
  if (outside && !contextGiven) return null;
  const target = outside ? folder : folder === '' ? 'go.mod' : `${folder}/go.mod`;
  // No go.mod in the target's folder: go fails whatever the COPYs, when the walk saw every file
  // and no .gitignore says the file is made before the build.
  const absent = !outside && !files.fileExists(target);
  if (absent && (ws.truncated || gitIgnored(ws, files, target))) return null;
  const container = path.posix.join(path.posix.resolve(at.dir, r.newPath), 'go.mod');
  if (contextFileAt(model, stage, container, visible, g.instr) !== null) return null;
  // A build reads the folder for the packages imported from it.
  if (!graph && !ws.packages.some((p) => p.module === m.dir && p.imports.some((i) => i === r.oldPath || i.startsWith(`${r.oldPath}/`)))) return null;
  if (mayHold(model, stage, g, folder, container)) return null;
  return { target, container, ignored: !absent && !outside && contextFileAt(model, stage, container, files, g.instr) !== null, outside, absent };
}

/**
 * Something other than a plain COPY from the context may have put the file there (see the
 * header). `container`: where go looks for the target's go.mod. A `COPY --from` or ADD of a URL
 * counts only when its destination may hold that path (it is at or above it, or unknown):
 * nerdctl's build-full stage, FROM build-dependencies, which copies binaries into /out/bin; a
 * whole image grafted onto the root (`COPY --from=xx / /`, tonistiigi/xx's tools) holds no file
 * of this context. A RUN counts when it names the target's folder (as a path's part: `true` does
 * not name `mod/t`), go.mod, `go mod init`/`edit` or `go work`, or runs a git command that fetches
 * or checks out files, except a `git clone` into a folder that cannot hold the path (nerdctl's
 * clones of containerd and imgcrypt into /go/src/github.com/containerd/<name>).
 */
function mayHold(model: DockerfileModel, stage: Stage, g: GoCommand, folder: string, container: string): boolean {
  if (mounts(g.instr).some((m) => m.type === 'bind')) return true;
  const name = path.posix.basename(folder);
  const named = name === '' || name === '..'
    ? () => true
    : (text: string) => text.includes(name) && new RegExp(`(^|[\\s/'"=:])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s/'";&|)])`, 'm').test(text);
  const mentions = (s: Stage, i: Instruction, text: string) => named(text) || /go\.mod|\bgo\s+(mod\s+(init|edit)|work)\b/.test(text) || (GIT_FETCH.test(text) && gitMayHold(model, s, i, text, container));
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) return mentions(s, i, i.script!.text.slice(0, g.cmd.start));
      if (i.keyword === 'RUN' && i.script && mentions(s, i, i.script.text)) return true;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!isContextCopy(i)) {
        if (!paths || !copyMayPlace(model, s, i, paths, container)) continue;
        return true;
      }
      if (!paths || /[*?[$]/.test(paths.dest) || paths.sources.some((src) => /[*?[$]/.test(src) || contextPath(src) === null)) return true;
    }
  }
  return false;
}

/** .gitmodules at the context's root names `folder` as a submodule's path. */
function submodule(files: WorkspaceFiles, folder: string): boolean {
  const text = files.readFile('.gitmodules');
  if (text === null) return false;
  return text.split(/\r?\n/).some((l) => {
    const m = /^\s*path\s*=\s*(.+?)\s*$/.exec(l);
    return !!m && m[1].replace(/^\.\//, '').replace(/\/+$/, '') === folder;
  });
}

/** Git commands that fetch or check out files. */
const GIT_FETCH = /\bgit\s+(clone|submodule|checkout|pull|fetch|reset|worktree|archive)\b/;

/** `p` is `dir` or inside it. */
function within(p: string, dir: string): boolean {
  return p === dir || dir === '/' || p.startsWith(`${dir}/`);
}

/**
 * A `COPY --from` (or ADD of a URL) may have put a file at `container`: its destination, resolved
 * against the WORKDIR, is at or above it, or unknown (a variable, a relative path under an
 * unknown WORKDIR). Not a whole image grafted onto the root (`COPY --from=xx / /`) from an image,
 * or a stage that adds nothing to its image (nerdctl's `FROM tonistiigi/xx:1.9.0@sha256:… AS xx`):
 * a tool image holds no file of this context.
 */
function copyMayPlace(model: DockerfileModel, s: Stage, i: Instruction, paths: { readonly sources: readonly string[]; readonly dest: string }, container: string): boolean {
  if (/[$*?[]/.test(paths.dest)) return true;
  const wd = paths.dest.startsWith('/') ? '/' : workdirBefore(model, s, i, null);
  if (wd === null) return true;
  const dest = path.posix.resolve(wd, paths.dest);
  if (!within(container, dest)) return false;
  const from = i.flags.find((f) => f.name === 'from')?.value;
  if (!from || from.includes('$') || dest !== '/' || !paths.sources.every((src) => src === '/')) return true;
  // The image's own files: an image, or a stage that only names one (`FROM tonistiigi/xx AS xx`).
  const index = stageRef(model, from);
  return index !== null && stageChain(model, model.stages[index]).some((x) => x.instructions.some((j) => j.keyword === 'COPY' || j.keyword === 'ADD' || j.keyword === 'RUN'));
}

/**
 * The RUN's git commands that fetch or check out files may have put a file at `container`: any
 * such command but a `git clone` whose folder (dockerfile/created.ts) is known and cannot hold it;
 * a git command the parse does not show as one (`sh -c "git clone …"`) counts.
 */
function gitMayHold(model: DockerfileModel, s: Stage, i: Instruction, text: string, container: string): boolean {
  if (!i.script) return true;
  let cwd = workdirBefore(model, s, i, null);
  let seen = false;
  for (const c of inScriptOrder(i.script.parsed.commands)) {
    if (c.start >= text.length) break;
    const argv = c.argv;
    if (argv[0]?.value === 'cd') {
      const to = argv[1];
      cwd = to && !to.dynamic && to.value !== '-' ? chdir(cwd, to.value) : null;
      continue;
    }
    if (!/(^|\/)git$/.test(argv[0]?.value ?? '')) continue;
    const sub = argv[1]?.value ?? '';
    if (!GIT_FETCH.test(`git ${sub}`)) {
      // `git -C dir clone …` and other global options: not read.
      if (sub.startsWith('-')) return true;
      continue;
    }
    seen = true;
    if (sub !== 'clone') return true;
    const made = creationsOf(c, i.script, cwd, i).filter((x) => x.kind === 'path' && x.path);
    if (made.length === 0 || made.some((x) => within(container, x.path!))) return true;
  }
  return !seen;
}
