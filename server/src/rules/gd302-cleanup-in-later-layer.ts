/**
 * GD302: a RUN deletes what an earlier RUN of the same stage created. Layers only add: the
 * deletion writes whiteouts and the bytes stay in the earlier layer. Only in the final image
 * (the final stage and the stages it is built FROM): a build stage's layers never ship.
 *
 * What counts as created (per RUN, unless it lands in one of the RUN's --mount targets):
 *   - paths: `mkdir`, `wget -O/-P`/`wget URL`, `curl -o/--output/-O`, `> file` redirects,
 *     `git clone URL [dir]`, the contents of `tar -x -C dir` / `unzip -d dir`;
 *   - packages: `apk add` (and its `--virtual` name), `apt-get install`, `yum`/`dnf install`;
 *   - package-manager state: apt lists (`apt-get update`), the apt/yum/dnf/zypper caches, the
 *     apk cache (`apk add` without `--no-cache`), the Go build and module caches (go commands
 *     without a cache mount; their paths: goBuild.ts goCachePaths, as GD107's, none when unknown).
 * What counts as a deletion: `rm` of such a path (globs included), `apk del`,
 * `apt-get purge/remove/autoremove/clean`, `yum`/`dnf remove/autoremove/clean`,
 * `go clean -cache/-modcache`. A COPY/ADD into a path in between makes it the COPY's, not
 * the RUN's (a file source writes only that file: copyWrites); a later `rm` of the one file a
 * COPY/ADD copied is reported too, without a fix (copiedRemoved), when the file is bulky: an
 * archive or package by name, or a context file of 1 MiB or more (copiesBulkyFile). A cleanup in the same RUN as the creation is what we want and is not reported.
 *
 * Fix: move the cleanup command to the end of the RUN that created the files (` && cmd`, in
 * that RUN's continuation style), remove it from the later RUN, and delete that RUN when
 * nothing is left. Offered only when nothing can have used the files in between: no other RUN,
 * WORKDIR, USER, SHELL or VOLUME between the two, only cleanup commands before it in the later
 * RUN, no variables in the command, both RUNs shell form without heredocs, and the edited
 * scripts re-parse with the expected commands. Under those conditions the image behaves the
 * same, so the fix is safe for fix-all.
 */
import * as path from 'path';
import { CACHE_OF, creationsOf, hasGlob, inScriptOrder, operands, resolve, safeTest, type Created } from '../dockerfile/created';
import { contextPath, copyPaths, goCommands, stageImage, type GoCommand } from '../dockerfile/facts';
import { goCachePaths } from '../dockerfile/goBuild';
import { shippedStages } from '../facts/passedBuildArgs';
import { scriptSpan, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { mountTargets, packageCommand, pathWithin, topLevelCommands, type PackageFamily } from '../dockerfile/packages';
import type { ShellCommand } from '../dockerfile/shell';
import { moveCommandEdits } from '../edits/shellChain';
import { type Fix, type Rule, type RuleFinding, type WorkspaceFiles, stagesToCheck, withLazyFix } from './types';

interface Deletion {
  paths: string[];
  pkgs: { family: PackageFamily; names: string[] } | null;
  /** apt-get autoremove: anything installed earlier by this family. */
  autoremove: PackageFamily | null;
}

export const gd302: Rule = {
  code: 'GD302',
  name: 'cleanup-in-later-layer',
  summary: 'A RUN deletes what an earlier RUN of the same stage created',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'safe',
  facts: ['copySources', 'goCommands', 'images', 'packageInstalls', 'workspace', 'contextFiles'],
  scope: 'stage',
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    // Only the final image's layers ship: a build stage's never do, and `COPY --from` copies its
    // files as they are at its end (the stage list and the final stage are part of the stage
    // shape stageReuse compares, so a kept finding stays right).
    const final = ctx.model.stages[ctx.finalStage];
    if (!final) return out;
    // The final stage's chain, and a stage published with --target (see imageStages), or made a
    // base of the image by a build file's --build-arg (facts/passedBuildArgs.ts shippedStages).
    const shipped = shippedStages(ctx.model, ctx.finalStage, ctx.workspace, ctx.files).stages;
    for (const stage of stagesToCheck(ctx)) if (shipped.has(stage.index)) checkStage(ctx.model, stage, out, ctx.files);
    return out;
  },
};

// Indexed loops: for-of steps allocate an iterator result each until the code is optimized, and
// a lint runs this code once.
function checkStage(model: DockerfileModel, stage: Stage, out: RuleFinding[], files: WorkspaceFiles | undefined): void {
  let created: Created[] = [];
  let cwd: string = stageImage(model, stage)?.goToolchain ? '/go' : '/';
  for (let k = 0; k < stage.instructions.length; k++) {
    const instr = stage.instructions[k];
    if (instr.keyword === 'WORKDIR' && instr.args[0] && !instr.args[0].value.includes('$')) {
      cwd = path.posix.resolve(cwd, instr.args[0].value);
      continue;
    }
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const written = copyWrites(instr, cwd);
      if (written !== null) created = created.filter((c) => c.kind !== 'path' || !written.some((w) => mayOverlap(c.path!, w)));
      // A file it copies is in its layer: a later RUN's `rm` of it only hides it (eolinker/apinto).
      if (written !== null && copiesBulkyFile(instr, files)) for (const w of written) created.push({ kind: 'path', path: w, creator: instr, what: path.posix.basename(w) });
      continue;
    }
    if (instr.keyword !== 'RUN' || !instr.script) continue;
    const script = instr.script;
    const mounts = mountTargets(instr).map((m) => path.posix.resolve(cwd, m));
    let scriptCwd: string | null = cwd;
    const gos = goCommands(instr);
    // The Go caches' paths (goCachePaths: GOCACHE, XDG_CACHE_HOME, HOME, the user and the image's
    // default folder, null when unknown) of a go command, or of `$(go env …)` (`g` null: the
    // Dockerfile's environment). Asked only of a RUN with go commands or `rm $(go env …)`.
    const cachesOf = (g: GoCommand | null) => goCachePaths(model, stage, instr, g);
    const cmds = inScriptOrder(script.parsed.commands);
    for (let j = 0; j < cmds.length; j++) {
      const cmd = cmds[j];
      const name = cmd.argv[0]?.value;
      if (name === 'cd') {
        const dir = cmd.argv[1];
        scriptCwd = dir && !dir.dynamic && scriptCwd !== null ? path.posix.resolve(scriptCwd, dir.value) : null;
        // Working in a made directory fills it.
        for (let q = 0; q < created.length; q++) {
          const c = created[q];
          if (c.grows && scriptCwd !== null && pathWithin(scriptCwd, c.path!)) c.empty = false;
        }
        continue;
      }
      const del = deletionOf(cmd, scriptCwd, cachesOf, gos);
      if (del) {
        const matched = created.filter((c) => matches(c, del));
        const here = matched.filter((c) => c.creator === instr);
        const earlier = matched.filter((c) => c.creator !== instr && !del.paths.some((p) => mounts.some((m) => pathWithin(p, m))));
        // A directory an earlier RUN only made (mkdir, chown, chmod) holds no bytes to hide.
        if (earlier.length && !here.length && earlier.some((c) => !c.empty)) {
          const source = earlier.reduce((a, b) => (b.creator.line > a.creator.line ? b : a));
          const text = script.text.slice(cmd.start, cmd.end);
          if (source.creator.keyword !== 'RUN') {
            out.push({ message: copiedRemoved(text, source), span: scriptSpan(script, cmd.start, cmd.end) });
            created = created.filter((c) => !matched.includes(c));
            continue;
          }
          // Taken now: the loop moves `cwd` and a later RUN can become a record's creator.
          const creator = source.creator;
          const dir = cwd;
          out.push(withLazyFix({
            message: `\`${text}\` removes what the RUN on line ${creator.line + 1} created (${[...new Set(earlier.map((c) => c.what))].join(', ')}): the bytes stay in that earlier layer, this one only hides them. Do the cleanup in the RUN that creates them.`,
            span: scriptSpan(script, cmd.start, cmd.end),
          }, () => mergeFix(model, stage, creator, instr, cmd, del, dir)));
        }
        created = created.filter((c) => !matched.includes(c));
      }
      if (!del && !TOUCHES_ONLY.has(name ?? '')) {
        // A command that names a made directory writes into it (`dnf --installroot=/image`,
        // `tar -C /x`): its contents are this RUN's, and a deletion later in this RUN is here.
        let text: string | undefined;
        for (let q = 0; q < created.length; q++) {
          const c = created[q];
          if (!c.grows || !(text ??= script.text.slice(cmd.start, cmd.end)).includes(c.path!)) continue;
          c.empty = false;
          if (c.creator !== instr) c.creator = instr;
        }
      }
      const made = creationsOf(cmd, script, scriptCwd, instr);
      const g = gos.find((x) => x.cmd.start === cmd.start);
      // (A cache whose path is unknown is not recorded: no deletion can be said to remove it.)
      const build = g && ['build', 'install', 'test', 'run', 'vet', 'generate'].includes(g.sub) ? cachesOf(g).build : null;
      if (build !== null) made.push({ kind: 'path', path: build, creator: instr, what: 'the Go build cache' });
      const mod = g && ['build', 'install', 'test', 'run', 'get', 'mod download', 'mod tidy'].includes(g.sub) ? cachesOf(g).mod : null;
      if (mod !== null) made.push({ kind: 'path', path: mod, creator: instr, what: 'the Go module cache' });
      for (let q = 0; q < made.length; q++) {
        const c = made[q];
        if (c.kind === 'path' && mounts.some((m) => pathWithin(c.path!, m))) continue;
        created.push(c);
      }
    }
    // A directory made earlier and written by this RUN (which did not delete it): its contents are this RUN's.
    for (let q = 0; q < created.length; q++) {
      const c = created[q];
      if (c.grows && c.creator !== instr && script.text.includes(c.path!)) {
        c.creator = instr;
        c.empty = false;
      }
    }
  }
}

/** Archives and packages by name: what a Dockerfile copies in to unpack or install, then removes. */
const BULKY = /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|zip|7z|deb|rpm|apk|jar|war|whl|iso|img)$/i;
/** A copied file at least this big (when the context says its size) is worth its own finding. */
const BULKY_BYTES = 1024 * 1024;

/**
 * The COPY/ADD copies in one file (not a folder, not a local archive ADD unpacks, not a URL)
 * whose bytes matter: an archive or package by its name, or a context file of 1 MiB or more.
 * A small file removed later (a requirements.txt, a .repo file) hides a few bytes: not reported.
 */
function copiesBulkyFile(instr: Instruction, files: WorkspaceFiles | undefined): boolean {
  const paths = copyPaths(instr);
  if (!paths || paths.sources.length !== 1) return false;
  const src = paths.sources[0];
  if (src.includes('$') || /[*?[]/.test(src) || /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || !isFileSource(instr, src)) return false;
  if (BULKY.test(src)) return true;
  const rel = instr.flags.some((f) => f.name === 'from') ? null : contextPath(src);
  return rel !== null && (files?.fileSize(rel) ?? 0) >= BULKY_BYTES;
}

/**
 * A later RUN removes a file a COPY/ADD put in its own layer (eolinker/apinto b5972ba
 * build/cmd/Dockerfile:22-23: `COPY ./apinto.linux.x64.tar.gz /`, then `RUN tar -zxvf … && rm
 * -rf ../apinto.linux.x64.tar.gz`; judge Y round 34 M5). No fix: the file must come in another
 * way (a bind mount, or ADD's own unpacking), which the Dockerfile's author chooses.
 */
function copiedRemoved(text: string, source: Created): string {
  const kind = source.creator.keyword;
  const from = copyPaths(source.creator)?.sources[0]?.replace(/^\.\//, '') ?? source.what;
  // `COPY --from=cache /x.tgz /`: the mount reads that stage (or image) too; ADD cannot.
  const stage = source.creator.flags.find((f) => f.name === 'from')?.value;
  const mount = `--mount=type=bind,${stage ? `from=${stage},` : ''}source=${from},target=/tmp/${source.what}`;
  const archive = ARCHIVE.test(from) || /\.(zip|gz|tgz)$/i.test(from);
  const instead = archive
    ? `Use it from a bind mount in the RUN that unpacks it (\`RUN ${mount} tar -xf /tmp/${source.what}\`, BuildKit)${stage ? '' : `, or let \`ADD ${from} <dir>/\` unpack a local tar archive itself`}.`
    : `Use it from a bind mount in the RUN that needs it (\`RUN ${mount} …\`, BuildKit), so that it never enters a layer.`;
  return `\`${text}\` removes ${source.what}, which the ${kind} on line ${source.creator.line + 1} copied into a layer of its own: this RUN only hides it, and the image still carries its bytes. ${instead}`;
}

/** Commands that only make or touch a directory: naming it does not fill it. */
const TOUCHES_ONLY = new Set(['mkdir', 'chown', 'chmod', 'chgrp']);

/**
 * `caches`: the Go caches' paths (goCachePaths) of go command `g`, or of the Dockerfile's
 * environment (`g` null, for `rm $(go env GOCACHE)`); a path it does not know deletes nothing
 * we can name. `gos`: the RUN's go commands (`go clean` is one of them).
 */
function deletionOf(cmd: ShellCommand, cwd: string | null, caches: (g: GoCommand | null) => { build: string | null; mod: string | null }, gos: GoCommand[]): Deletion | null {
  const name = cmd.argv[0]?.value;
  if (name === 'rm') {
    const paths: string[] = [];
    for (const w of operands(cmd.argv)) {
      let v: string | null = w.value;
      if (w.dynamic) {
        const m = /^\$\(go env (GOCACHE|GOMODCACHE)\)$/.exec(w.raw.replace(/^"|"$/g, ''));
        v = m ? (m[1] === 'GOCACHE' ? caches(null).build : caches(null).mod) : null;
      }
      const p = v === null ? null : resolve(cwd, v);
      if (p && p !== '/') paths.push(p);
    }
    return paths.length ? { paths, pkgs: null, autoremove: null } : null;
  }
  if (name === 'go' && cmd.argv[1]?.value === 'clean') {
    const flags = cmd.argv.slice(2).map((w) => w.value.replace(/^--/, '-'));
    const g = gos.find((x) => x.cmd.start === cmd.start) ?? null;
    const paths: string[] = [];
    const build = flags.includes('-cache') ? caches(g).build : null;
    if (build !== null) paths.push(build);
    const mod = flags.includes('-modcache') ? caches(g).mod : null;
    if (mod !== null) paths.push(mod);
    return paths.length ? { paths, pkgs: null, autoremove: null } : null;
  }
  const p = packageCommand(cmd);
  if (!p) return null;
  if (p.action === 'remove') return { paths: [], pkgs: { family: p.family, names: p.packages.map((x) => x.name) }, autoremove: null };
  if (p.action === 'autoremove') return { paths: [], pkgs: null, autoremove: p.family };
  if (p.action === 'clean') {
    if (p.family === 'apk' && p.actionWord.value === 'cache' && !['clean', 'purge'].includes(cmd.argv[cmd.argv.indexOf(p.actionWord) + 1]?.value ?? '')) return null;
    return { paths: p.family === 'apt' ? ['/var/cache/apt/archives'] : CACHE_OF[p.family], pkgs: null, autoremove: null };
  }
  return null;
}

/** Does deleting `target` (maybe a glob) delete some of what `c` created? */
function matchesPath(c: Created, target: string): boolean {
  const p = c.path!;
  if (!hasGlob(target)) return pathWithin(p, target) || pathWithin(target, p);
  // The part of the target before any wildcard, cut to whole segments: the glob works inside it.
  const fixed = target.slice(0, target.search(/[*?[]/)).replace(/\/[^/]*$/, '') || '/';
  return safeTest(target, p) || pathWithin(fixed, p);
}

function matches(c: Created, d: Deletion): boolean {
  // A file a COPY/ADD copied: only a deletion of that file itself (its path, or a glob beside it),
  // not of a folder that holds it (`rm -rf /var/lib/apt/lists` is about the lists).
  if (c.kind === 'path' && c.creator.keyword !== 'RUN') return d.paths.some((t) => t === c.path || (hasGlob(t) && path.posix.dirname(t) === path.posix.dirname(c.path!) && safeTest(t, c.path!)));
  if (c.kind === 'path') return d.paths.some((t) => matchesPath(c, t));
  if (c.kind === 'pkg') return d.pkgs !== null && d.pkgs.family === c.family && d.pkgs.names.includes(c.name!);
  return d.autoremove !== null && d.autoremove === c.family;
}

// ---- the fix ----

function mergeFix(model: DockerfileModel, stage: Stage, earlier: Instruction, later: Instruction, cmd: ShellCommand, del: Deletion, cwd: string): Fix | undefined {
  const es = earlier.script;
  const ls = later.script;
  if (!es || !ls || es.heredoc || ls.heredoc || earlier.json || later.json) return undefined;
  if (cmd.argv.some((w) => w.dynamic) || cmd.env.length) return undefined;
  const between = stage.instructions.filter((i) => i.line > earlier.endLine && i.line < later.line);
  if (between.some((i) => ['RUN', 'WORKDIR', 'USER', 'SHELL', 'VOLUME', 'ONBUILD'].includes(i.keyword))) return undefined;
  // A COPY in between into what the command deletes: moved earlier, the deletion would spare it.
  for (const i of between) {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    const written = copyWrites(i, cwd);
    if (written === null) return undefined;
    if (del.paths.some((t) => {
      const fixed = hasGlob(t) ? t.slice(0, t.search(/[*?[]/)).replace(/\/[^/]*$/, '') || '/' : t;
      return written.some((w) => mayOverlap(fixed, w));
    })) return undefined;
  }
  const top = topLevelCommands(ls);
  const index = top.indexOf(cmd);
  if (index < 0) return undefined;
  // Only cleanup commands may run before it in the later RUN: nothing that uses the files.
  if (!top.slice(0, index).every(isCleanup)) return undefined;
  // Relative paths: the command must run in the same directory.
  const relative = cmd.argv.slice(1).some((w) => !w.value.startsWith('-') && !w.value.startsWith('/'));
  if (relative && es.parsed.commands.some((c) => c.argv[0]?.value === 'cd')) return undefined;
  const moved = moveCommandEdits(model, earlier, later, cmd, ls.text.slice(cmd.start, cmd.end));
  return moved && { ...moved, safe: true };
}

/**
 * The absolute paths a COPY/ADD writes, as far as the Dockerfile tells: for sources that are
 * files (a name with an extension, not an archive ADD unpacks), the destination or the file's
 * name inside it (`COPY dist/app_*_amd64.deb /` writes `/app_*_amd64.deb`, not the whole tree:
 * tyk's ci/Dockerfile.std); else the destination itself, which a folder's contents may fill
 * anywhere below (`COPY rootfs/ /`). Null when a variable hides the destination: nothing known.
 */
function copyWrites(instr: Instruction, cwd: string): string[] | null {
  const paths = copyPaths(instr);
  if (!paths || paths.dest.includes('$')) return null;
  const d = path.posix.resolve(cwd, paths.dest);
  if (!paths.sources.every((src) => isFileSource(instr, src))) return [d];
  const folder = paths.dest.endsWith('/') || paths.dest === '.' || paths.sources.length > 1;
  const inside = paths.sources.map((src) => path.posix.join(d, path.posix.basename(src)));
  // A single file to a destination without a trailing slash: that path, or inside it when it is a folder the image has.
  return folder ? inside : [d, ...inside];
}

const FILE_NAME = /^[^/]*[^/.]\.[A-Za-z0-9]{1,8}$/;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz4?))$/i;

/** A source that names files, not a folder whose contents the COPY spreads: a name with an extension (an ADD's local archive unpacks, so it does not count). */
function isFileSource(instr: Instruction, src: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) return instr.keyword === 'ADD' && !/^git@|\.git(#|$)/.test(src);
  const base = path.posix.basename(src);
  if (src.endsWith('/') || !FILE_NAME.test(base)) return false;
  return !(instr.keyword === 'ADD' && ARCHIVE.test(base));
}

/** A made path and a written one overlap: one holds the other; a written name with a glob or a variable, any path in its folder. */
function mayOverlap(made: string, written: string): boolean {
  if (pathWithin(made, written) || pathWithin(written, made)) return true;
  const base = path.posix.basename(written);
  return /[*?[$]/.test(base) && path.posix.dirname(made) === path.posix.dirname(written);
}

function isCleanup(cmd: ShellCommand): boolean {
  const name = cmd.argv[0]?.value;
  if (name === 'rm' || name === 'set' || name === 'true') return true;
  if (name === 'go' && cmd.argv[1]?.value === 'clean') return true;
  const p = packageCommand(cmd);
  return !!p && (p.action === 'remove' || p.action === 'autoremove' || p.action === 'clean');
}
