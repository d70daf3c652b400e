/**
 * The go builds of a Dockerfile: the folder each runs in (in the builder, and the folder of the
 * build context it holds), the Go packages of the context it compiles, where it writes its
 * binary, and which of those binaries end up in the final stage. Shared by the go-build rules
 * (GD101-GD103), the workspace rules (GD202, GD203) and the context inputs (./contextInputs.ts).
 *
 * A `go build`/`go install` runs in a folder of the builder's filesystem (WORKDIR, then any
 * `cd` before it in the same RUN, then `-C`); that folder is a folder of the context when a
 * COPY/ADD (or a RUN bind mount) put the context, or a folder of it, there. Package arguments
 * (`.`, `./cmd/server`, `./cmd/...`, a full import path, `main.go`) are then resolved against
 * the WorkspaceModel. Whatever cannot be mapped (a variable, a COPY of a glob) leaves the build
 * `resolved: false`: callers fall back on the main packages, or stay silent.
 *
 * Which builds land in the final stage: those of the final stage's own FROM chain, and every
 * `COPY --from=<stage>` of that chain whose source path is the output of a `go build` (its `-o`,
 * else `<cwd>/<package name>`) or a `go install` (`$GOBIN`, else `$GOPATH/bin`, `/go/bin` on
 * golang images) of that stage's chain, or where a `mv`/`cp`/`install` after the build in its RUN
 * put that output (movedOutput); never a build whose binary a later build of its stage
 * overwrites (discardedBuild: a cache warm-up before the release build).
 *
 * Where the Dockerfile leaves things open, the callers want different answers, so the choice is
 * a parameter: the GD1xx errors must be certain (an image we do not know has no known WORKDIR;
 * only builds whose output is known to be copied land), while the GD2xx warnings and the
 * .dockerignore inputs take a best guess (an unknown image works in `/`; when a COPY matches no
 * known output, the builds of its stage whose output is unknown count).
 */
import { flatMapOf } from '../arrays';
import * as path from 'node:path';
import {
  contextPath, copiedPrograms, copyPaths, copyPlaces, dockerEnv, envBefore, goCommands, goFlag, goPackages, holdsProgram, isContextCopy, isWholeContext, pathEnv, stageChain, stageGoCommands, stageImage, startedProgram, workdirBefore, type GoCommand,
} from '../dockerfile/facts';
import { envValue, goBinaryName, inOtherBranches, stageRef, writesNoBinary } from '../dockerfile/goBuild';
import { properties } from '../dockerfile/parse';
import { toDoc, type DockerfileModel, type Instruction, type Stage } from '../dockerfile/model';
import { contextBinds, mounts } from '../dockerfile/mounts';
import { shellLevelCommands } from '../dockerfile/packages';
import type { ShellAssignment, ShellCommand, ShellWord } from '../dockerfile/shell';
import { MAKE_NAME, makeArgs, makeRecipe, makeRecipeRecorded, type MakeRecipe, type RecipeCommand } from '../dockerfile/makeRecipe';
import { expandVariables, isPlainReference, loneVariable, substituteVariables, variableReferences, type VariableLookup } from '../dockerfile/variables';
import { sourceCovers, unquoteAll } from '../dockerfile/copySources';
import { creationsOf, gitClone, inScriptOrder, operands } from '../dockerfile/created';
import { imageEnv } from '../images/table';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { buildFacts, mainPackages, moduleForDir, packageByDir, resolvePackageArg } from '../workspace/query';
import { dockerfileFact } from './memo';
import { releasedBinaries } from './releaseBuilds';
import type { WorkspaceFiles } from '../workspace/types';

/** What is known of the build: the Dockerfile, and the workspace and the context's files when loaded (a RuleContext is one). */
export interface Known {
  model: DockerfileModel;
  workspace?: WorkspaceModel;
  files?: WorkspaceFiles;
  /** The Dockerfile's path in the context (RuleContext.dockerfile): what a goreleaser config names it by. */
  dockerfile?: string;
}
export type KnownWorkspace = Known & { workspace: WorkspaceModel };

// ---------------------------------------------------------------------------------------------
// Where a go command runs

/**
 * The container folder a go command runs in: WORKDIR (through the FROM chain), then `cd` and
 * `-C`; null when unknown. `unknown` as for workdirBefore: null for rules that must be certain.
 * A `cd` to a path of variables counts where WORKDIR's would (ENV, ARG defaults, the image's own
 * environment: pathEnv) and the script before it sets none of them (future-architect/vuls 386ec57
 * Dockerfile:9-11: `ENV REPOSITORY …`, `COPY . $GOPATH/src/$REPOSITORY`, `RUN cd
 * $GOPATH/src/$REPOSITORY && make install`).
 */
export function commandCwd(model: DockerfileModel, stage: Stage, g: GoCommand, unknown: '/' | null): string | null {
  let cwd = workdirBefore(model, stage, g.instr, unknown);
  for (const c of g.instr.script ? shellLevelCommands(g.instr.script) : []) {
    if (c.start >= g.cmd.start) break;
    if (c.argv[0]?.value !== 'cd') continue;
    // A `cd` in another branch of an `if`/`case` than the command does not move it (shellhub).
    if (inOtherBranches(g.instr, c, g.cmd)) continue;
    const arg = c.argv[1];
    if (!arg || arg.value === '-') return null;
    const to = arg.dynamic ? cdTarget(model, stage, g.instr, c, arg) : arg.value;
    if (to === null) return null;
    cwd = chdir(cwd, to);
  }
  const C = goFlag(g.args, 'C');
  if (C) {
    if (C.value === true || (C.valueWord ?? C.word).dynamic) return null;
    cwd = chdir(cwd, C.value);
  }
  return cwd;
}

/**
 * The folder a `cd $GOPATH/src/$REPOSITORY` names, its variables expanded as WORKDIR's are
 * (pathEnv); null when a command substitution, an unknown variable or the script before the `cd`
 * (an assignment, a loop or `read` variable, `export`, `source`, `eval`…) may decide it.
 */
function cdTarget(model: DockerfileModel, stage: Stage, instr: Instruction, cd: ShellCommand, arg: ShellWord): string | null {
  const raw = unquoteAll(arg.raw);
  if (/\$\(|`/.test(raw) || !instr.script) return null;
  const names = variableReferences(raw).map((r) => r.name);
  if (names.length === 0) return null;
  const before = instr.script.text.slice(0, cd.start);
  if (/(^|[\s;&|(])(export|declare|typeset|local|readonly|read|source|\.|eval|set|unset)\s/.test(before)) return null;
  for (const name of names) if (new RegExp(`(^|[^A-Za-z0-9_])${name}=|\\bfor\\s+${name}\\b`).test(before)) return null;
  return expandVariables(raw, pathEnv(model, stage, instr));
}

/** The folder a `cd <to>` (or `go -C <to>`) from `cwd` goes to; null when `cwd` is unknown and `to` relative. */
export function chdir(cwd: string | null, to: string): string | null {
  if (to.startsWith('/')) return path.posix.resolve(to);
  return cwd === null ? null : path.posix.resolve(cwd, to);
}

interface Mapping {
  /** Absolute folder in the builder. */
  container: string;
  /** Context-relative folder it holds. */
  ctx: string;
}

/**
 * Where the context (or folders of it) sits in the builder just before a go command runs: the
 * COPY/ADD of the stage chain and the command's bind mounts. With `packagesOnly`, a COPY counts
 * only for what places Go code (the whole context, folders holding packages or modules):
 * resolveBuild reads "no mapping" as "the build compiles nothing of the context". Otherwise
 * every COPY counts, a copied file placing its folder (contextPlacement: where a command runs).
 */
function contextMappings(info: Known, stage: Stage, g: GoCommand, unknown: '/' | null, packagesOnly: boolean): Mapping[] {
  const { model } = info;
  const out: Mapping[] = [];
  const place = (wd: string | null, target: string, env: () => VariableLookup): string | null => {
    const t = target.includes('$') ? expandVariables(target, env()) : target;
    return wd === null || t === null ? null : path.posix.resolve(wd, t);
  };
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) break;
      if (!isContextCopy(i)) continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const dest = place(workdirBefore(model, s, i, unknown), paths.dest, () => pathEnv(model, s, i));
      if (dest === null) continue;
      const destIsDir = paths.dest.endsWith('/') || paths.dest === '.' || paths.sources.length > 1;
      for (const raw of paths.sources) {
        // `COPY * ./` brings the context's Go code but flattens its folders: a whole context
        // for resolveBuild, no known folder for contextPlacement.
        const src = packagesOnly && isWholeContext(raw) ? '' : contextPath(raw);
        if (src === null) continue;
        if (packagesOnly) {
          if (isPackageFolder(info.workspace, src)) out.push({ container: dest, ctx: src });
        } else if (isDirSource(info, raw, src)) out.push({ container: dest, ctx: src });
        else if (destIsDir) out.push({ container: dest, ctx: dirOf(src) });
        else out.push({ container: path.posix.dirname(dest), ctx: dirOf(src) });
      }
    }
  }
  const wd = workdirBefore(model, stage, g.instr, unknown);
  for (const m of contextBinds(g.instr)) {
    const target = m.target === null ? null : place(wd, m.target, () => pathEnv(model, stage, g.instr));
    const src = contextPath(m.source);
    if (target !== null && src !== null) out.push({ container: target, ctx: src });
  }
  return out;
}

/** The context folder a builder folder holds, through the mappings (the last, deepest one wins). */
function toContext(mappings: Mapping[], abs: string): string | null {
  let best: Mapping | null = null;
  for (const m of mappings) {
    const within = m.container === '/' || abs === m.container || abs.startsWith(m.container + '/');
    if (within && (!best || m.container.length >= best.container.length)) best = m;
  }
  if (!best) return null;
  const rest = path.posix.relative(best.container, abs);
  return [best.ctx, rest].filter((x) => x !== '').join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** Folders of the context that hold Go code (package folders and their parents, module folders). */
function isPackageFolder(ws: WorkspaceModel | undefined, rel: string): boolean {
  if (rel === '') return true;
  const under = (d: string) => d === rel || d.startsWith(rel + '/');
  return !!ws && (ws.packages.some((p) => under(p.dir)) || ws.modules.some((m) => under(m.dir)));
}

function isDirSource(info: Known, raw: string, src: string): boolean {
  if (src === '' || raw.endsWith('/')) return true;
  if (info.files) return info.files.dirExists(src);
  if (info.workspace?.packages.some((p) => p.dir === src || p.dir.startsWith(`${src}/`))) return true;
  const base = src.split('/').pop() ?? src;
  return !base.includes('.');
}

/**
 * The context folder a go command runs in, through the COPY/ADD (and RUN bind mounts) that put
 * context files into the stage: `COPY . /src` + `WORKDIR /src/cmd/app` -> `cmd/app`. Tells
 * apart a folder we cannot work out (`unknown`: no WORKDIR known, no context copied) from one
 * that lies outside every place the context was copied to (`outside`: the command builds
 * something else, e.g. a `git clone` in /tmp).
 */
export function contextPlacement(info: Known, stage: Stage, g: GoCommand): string | { unknown: true } | { outside: true } {
  const cwd = commandCwd(info.model, stage, g, null);
  if (cwd === null) return { unknown: true };
  const mappings = contextMappings(info, stage, g, null, false);
  const dir = toContext(mappings, cwd);
  if (dir === null) return mappings.length > 0 ? { outside: true } : { unknown: true };
  return dir;
}

/**
 * The context folder a go command runs in when it runs in a `git clone` of the repository
 * itself, cloned earlier in the stage's chain: the URL, without scheme, user and `.git`, is the
 * path of a module of the context less its folder (`https://github.com/minio/kes` and module
 * `github.com/minio/kes` at the root; a `/vN` suffix of the module path allowed), so the clone's
 * root is the context's root. minio/kes 63649d0 Dockerfile.dev: `git clone
 * https://github.com/minio/kes && cd kes && go install ./cmd/kes`. The URL may name variables
 * that an ENV of the stage's chain sets (and the RUN does not): mosajjal/dnsmonster 9f54e16
 * Dockerfile:9,13, `ENV REPO="github.com/mosajjal/dnsmonster"`, `git clone https://${REPO}.git
 * /opt/dnsmonster`. Null otherwise, and for a clone of a named branch or tag (`-b`) or a stage
 * that checks out, resets, pulls, merges or rebases after cloning (another revision, whose go.mod
 * may differ; `git fetch` alone changes no file: dnsmonster's `git fetch --tags` for `git
 * describe`). `clone`: the RUN that clones; `root`: the clone's folder in the builder.
 */
export function clonedContextDir(info: KnownWorkspace, stage: Stage, g: GoCommand): { dir: string; clone: Instruction; root: string } | null {
  const { model, workspace } = info;
  const cwd = commandCwd(model, stage, g, '/');
  if (cwd === null) return null;
  let found: { root: string; clone: Instruction } | null = null;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || !i.script) {
        if (i === g.instr) break;
        continue;
      }
      let wd = workdirBefore(model, s, i, '/');
      for (const c of shellLevelCommands(i.script)) {
        if (i === g.instr && c.start >= g.cmd.start) break;
        const argv = c.argv;
        if (argv[0]?.value === 'cd') {
          wd = argv[1] && !argv[1].dynamic ? chdir(wd, argv[1].value) : null;
          continue;
        }
        if (argv[0]?.value !== 'git') continue;
        // Another revision than the clone's default branch (`git checkout v1.2`, `git -C kes
        // reset …`): its go.mod is not known.
        let sub = 1;
        while (argv[sub]?.value.startsWith('-')) sub += argv[sub].value === '-C' || argv[sub].value === '-c' ? 2 : 1;
        if (found && /^(checkout|switch|reset|pull|merge|rebase|cherry-pick|am|apply|restore|stash)$/.test(argv[sub]?.value ?? '')) return null;
        const clone = gitClone(argv, (w) => envOnlyValue(model, s, i, w));
        if (!clone || clone.branch || wd === null) continue;
        if (clonesContextModule(workspace, clone.url)) {
          found = { root: path.posix.resolve(wd, clone.dir), clone: i };
        }
      }
      if (i === g.instr) break;
    }
  }
  if (!found) return null;
  const rel = path.posix.relative(found.root, cwd);
  if (rel.startsWith('..') || path.posix.isAbsolute(rel)) return null;
  return { dir: rel, clone: found.clone, root: found.root };
}

/**
 * A word's value when its only expansions are `$NAME`/`${NAME}` of variables an ENV of the stage's
 * chain sets before `instr` (not a build argument, which `--build-arg` may change) and its RUN
 * does not assign; null otherwise.
 */
function envOnlyValue(model: DockerfileModel, stage: Stage, instr: Instruction, w: ShellWord): string | null {
  const raw = w.raw.replace(/["']/g, '');
  const refs = variableReferences(raw);
  // Plain references only, and no other `$` (a substitution, `$1`) or escape.
  if (/[`\\]/.test(raw) || !refs.every(isPlainReference) || raw.split('$').length - 1 !== refs.length) return null;
  const set = envBefore(model, stage, instr);
  const text = instr.script?.text ?? '';
  const names = refs.map((r) => r.name);
  // The ENV's own value names no variable (an ENV that passes a build argument on is one too).
  if (names.some((n) => (set.get(n) ?? '$').includes('$') || new RegExp(`(?:^|[^A-Za-z0-9_$\\{])${n}=`).test(text))) return null;
  const env = dockerEnv(model, stage, instr);
  return expandVariables(raw, { get: (n) => (set.has(n) ? env.get(n) : undefined) });
}

/**
 * The URL is the repository of a module of the context (`https://github.com/minio/kes` and module
 * `github.com/minio/kes` at the root; a `/vN` suffix of the module path allowed): a clone of the
 * project itself. False for another repository and for a URL that is no repository path.
 */
export function clonesContextModule(workspace: WorkspaceModel, url: string): boolean {
  const repo = repositoryPath(url);
  return repo !== null && workspace.modules.some((m) => m.path.replace(/\/v\d+$/, '') === (m.dir ? `${repo}/${m.dir}` : repo));
}

/** A repository URL as a module path: `https://github.com/a/b.git`, `git@github.com:a/b` -> `github.com/a/b`. */
function repositoryPath(url: string): string | null {
  const m = /^(?:(?:https?|git|ssh|git\+ssh):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/|(?:[^@/]+@)?([^/:]+):)([^?#]+?)(?:\.git)?\/*$/.exec(url);
  return m ? `${(m[1] ?? m[2]).toLowerCase()}/${m[3]}` : null;
}

/** contextPlacement's folder; null when unknown or outside. */
function contextDirOf(info: Known, stage: Stage, g: GoCommand): string | null {
  const p = contextPlacement(info, stage, g);
  return typeof p === 'string' ? p : null;
}

// ---------------------------------------------------------------------------------------------
// What a build compiles

export interface GoBuild {
  go: GoCommand;
  /** The stage whose RUN runs the command. */
  stage: Stage;
  /** Main packages it compiles ([] when unresolved, or when it builds no package of the context). */
  packages: GoPackage[];
  /** The package arguments were mapped to folders of the context (or are remote `pkg@version`). */
  resolved: boolean;
  /**
   * The go command of a make recipe a RUN runs (makeGoCommands; finalCopies): its offsets are the
   * make command's, so no edit may target its words (a flag goes into the Makefile, not the RUN).
   */
  viaMake?: true;
  /**
   * For an unresolved build whose one package argument holds build arguments with no value
   * (absmach/magistrala 9d637dc docker/Dockerfile:25 `go build … -o /exe cmd/${SVC}/main.go`,
   * `ARG SVC` without a default, the Makefile passing each service's name): the main packages of
   * the context some value of them names, each with those values (variableCandidates).
   */
  candidates?: { arg: string; names: string[]; packages: { pkg: GoPackage; values: string[] }[] };
}

/**
 * A go build/install with its packages resolved (an unknown base image counts as working in `/`).
 * With `clones`, a build in a `git clone` of the context's own module, where nothing of the
 * context is copied, compiles the context's packages there (clonedContextDir): the program a final
 * image gets (finalCopies).
 */
function resolveBuild(info: KnownWorkspace, stage: Stage, g: GoCommand, clones = false): GoBuild {
  const ws = info.workspace;
  const cwd = commandCwd(info.model, stage, g, '/');
  let mappings = contextMappings(info, stage, g, '/', true);
  if (clones && mappings.length === 0) {
    const cloned = clonedContextDir(info, stage, g);
    if (cloned) mappings = [{ container: cloned.root, ctx: '' }];
  }
  const build: GoBuild = { go: g, stage, packages: [], resolved: false };
  const args = goPackages(g.args);
  if (args.some((a) => a.dynamic)) {
    const c = args.length === 1 ? variableCandidates(info, stage, g, args[0], cwd, mappings) : null;
    if (c) build.candidates = c;
    return build;
  }
  const values = args.map((a) => a.value);
  if (values.length > 0 && values.every((v) => v.includes('@'))) {
    // `go install example.com/tool@v1.2.3`: a module from elsewhere, nothing of the context.
    build.resolved = true;
    return build;
  }
  if (mappings.length === 0 && values.every((v) => v === '.' || v.startsWith('./') || v.startsWith('../') || v.endsWith('.go'))) {
    // Nothing of the context is in the builder (a `git clone`, generated code): not our packages.
    build.resolved = true;
    return build;
  }
  const found = new Map<string, GoPackage>();
  const targets = values.length === 0 ? ['.'] : values;
  // `go build main.go util.go` compiles the files' folder.
  const goFiles = targets.filter((t) => t.endsWith('.go'));
  const others = targets.filter((t) => !t.endsWith('.go'));
  if (goFiles.length > 0) others.push(fileFolder(goFiles[0]));
  for (const t of others) {
    let matched: GoPackage[] | null;
    const dots = t.indexOf('...');
    if (dots < 0) {
      const p = argPackage(ws, t, cwd, mappings);
      matched = p ? [p] : null;
    } else if (isPathArg(t)) {
      // `./cmd/...`: the main packages under a folder of the builder.
      const dir = cwd === null ? null : toContext(mappings, path.posix.resolve(cwd, t.slice(0, dots) || '.'));
      matched = dir === null ? null : mainPackages(ws).filter((p) => dir === '' || p.dir === dir || p.dir.startsWith(dir + '/'));
    } else {
      matched = importPattern(ws, t);
    }
    // An import path of no module of the context (shellhub-io/shellhub 6f3a47e server/Dockerfile:65
    // `go build -tags enterprise -o /server github.com/shellhub-io/cloud/cmd/server`, a module
    // bind-mounted from another build context): nothing of the context.
    if (matched === null && outsideModules(ws, t)) matched = [];
    if (matched === null) return build;
    for (const p of matched) if (p.isMain) found.set(p.dir, p);
  }
  build.packages = [...found.values()];
  build.resolved = true;
  return build;
}

/**
 * The packages of the context a `go generate` (or another go command that takes packages)
 * processes, every package, not only main ones; a file argument (`x.go`) names its folder's
 * package. Null when one argument cannot be placed (a variable, a folder not from the context,
 * an import path of no local package).
 */
export function packagesProcessed(info: KnownWorkspace, stage: Stage, g: GoCommand): GoPackage[] | null {
  const ws = info.workspace;
  const args = goPackages(g.args);
  if (args.some((a) => a.dynamic)) return null;
  const cwd = commandCwd(info.model, stage, g, null);
  const mappings = contextMappings(info, stage, g, null, false);
  if (cwd === null || mappings.length === 0) return null;
  const found = new Map<string, GoPackage>();
  for (const raw of args.length === 0 ? ['.'] : args.map((a) => a.value)) {
    const t = raw.endsWith('.go') ? fileFolder(raw) : raw;
    const dots = t.indexOf('...');
    const dir = isPathArg(t) ? toContext(mappings, path.posix.resolve(cwd, dots < 0 ? t : t.slice(0, dots) || '.')) : null;
    const matched = dots < 0 ? (dir !== null ? packageByDir(ws, dir) : resolvePackageArg(ws, t.replace(/@.*$/, ''))) : dir !== null ? packagesUnder(ws, dir) : null;
    if (!matched) return null;
    for (const p of Array.isArray(matched) ? matched : [matched]) found.set(p.dir, p);
  }
  return [...found.values()];
}

/**
 * The packages `<dir>/...` names: the folder's and those below it in the same module (go stops
 * at a nested module's go.mod).
 */
export function packagesUnder(ws: WorkspaceModel, dir: string): GoPackage[] {
  const module = moduleForDir(ws, dir)?.dir ?? null;
  return ws.packages.filter((p) => (dir === '' || p.dir === dir || p.dir.startsWith(dir + '/')) && p.module === module);
}

/**
 * The main packages a package argument with variables can name (GoBuild.candidates): the
 * variables the stage knows are expanded, each one it does not (an ARG without a default) stands
 * for one path segment or part of one, and the argument, resolved as a folder of the builder
 * mapped to the context (or as an import path), is matched against the main packages' folders.
 * Null when a variable is not a plain `$NAME`/`${NAME}` (`$(…)`, `${X:-y}`), none is unknown, the
 * argument is a pattern, or no main package matches.
 */
function variableCandidates(info: KnownWorkspace, stage: Stage, g: GoCommand, word: ShellWord, cwd: string | null, mappings: Mapping[]): GoBuild['candidates'] | null {
  const raw = word.raw.replace(/["']/g, '');
  if (raw.includes('...') || raw.includes('@')) return null;
  const env = pathEnv(info.model, stage, g.instr);
  const names: string[] = [];
  // Unknown variables become U+0001 (a character no path holds), resolved as path text.
  const text = substituteVariables(raw, (r) => {
    if (!isPlainReference(r)) return undefined;
    const value = env.get(r.name);
    if (value !== undefined && value !== null) return value;
    names.push(r.name);
    return '\u0001';
  });
  if (names.length === 0 || text.includes('$') || !/^[\w./\u0001-]+$/.test(text)) return null;
  const arg = text.endsWith('.go') ? fileFolder(text) : text;
  let target: string | null;
  let key: (p: GoPackage) => string | null;
  if (isPathArg(arg)) {
    target = cwd === null ? null : toContext(mappings, path.posix.resolve(cwd, arg));
    key = (p) => p.dir;
  } else {
    target = arg;
    key = (p) => p.importPath;
  }
  if (target === null || !target.includes('\u0001')) return null;
  const pattern = new RegExp(`^${target.split('\u0001').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([^/]+)')}$`);
  const packages: { pkg: GoPackage; values: string[] }[] = [];
  for (const p of mainPackages(info.workspace)) {
    const k = key(p);
    const m = k === null ? null : pattern.exec(k);
    if (m) packages.push({ pkg: p, values: m.slice(1) });
  }
  return packages.length > 0 ? { arg: word.raw, names, packages } : null;
}

/**
 * A package argument that is an import path (its first element has a dot: `github.com/x/y`) under
 * no module path of the context, nor of a go.work of it: a package from elsewhere.
 */
function outsideModules(ws: WorkspaceModel, arg: string): boolean {
  const a = arg.replace(/@.*$/, '');
  if (isPathArg(a) || a.includes('$') || !a.split('/')[0].includes('.') || ws.modules.length === 0 || ws.truncated) return false;
  const paths = [...ws.modules.map((m) => m.path), ...(ws.work?.members ?? []).map((m) => m.path)];
  if (paths.some((p) => p === '')) return false;
  return !paths.some((p) => a === p || a.startsWith(p + '/'));
}

/** A package argument that names a folder of the builder (`.`, `./x`, `../x`, `/src/x`) rather than an import path. */
function isPathArg(arg: string): boolean {
  return arg === '.' || arg === '..' || arg.startsWith('./') || arg.startsWith('../') || arg.startsWith('/');
}

/** The package folder of a `.go` file argument, as a path argument. */
function fileFolder(file: string): string {
  const dir = path.posix.dirname(file);
  return isPathArg(dir) ? dir : `./${dir}`;
}

/**
 * The package one (non-pattern) argument names: a folder of the builder mapped to the context,
 * else an import path. Undefined when nothing of the workspace matches or the folder is unknown.
 */
function argPackage(ws: WorkspaceModel, arg: string, cwd: string | null, mappings: Mapping[]): GoPackage | undefined {
  const a = arg.replace(/@.*$/, '');
  if (!isPathArg(a)) return resolvePackageArg(ws, a);
  const dir = cwd === null ? null : toContext(mappings, path.posix.resolve(cwd, a));
  return dir === null ? undefined : packageByDir(ws, dir);
}

/**
 * The package a single-package go build/install compiles (`go build ./cmd/app`, `go build
 * main.go`), found from where the command runs as contextPlacement finds it; undefined for
 * several packages, a pattern, a variable, or nothing of the workspace.
 */
/**
 * The package arguments of a go build/install (goPackages), without a word that is one variable
 * alone when literal packages stand beside it: that is flags passed through a variable
 * (ObolNetwork/charon e628470: `go build -o charon "${GO_BUILD_FLAG}" .`, the ARG holding
 * `-ldflags=…` or nothing), and the literal packages are what is built.
 */
export function buildPackageArgs(g: GoCommand): readonly ShellWord[] {
  const all = goPackages(g.args);
  if (!all.some((w) => w.dynamic) || !all.some((w) => !w.dynamic)) return all;
  return all.filter((w) => !(w.dynamic && loneVariable(w.raw, true) !== null));
}

export function builtPackage(info: KnownWorkspace, stage: Stage, g: GoCommand): GoPackage | undefined {
  const pkgs = buildPackageArgs(g);
  const arg = pkgs.length === 0 ? '.' : pkgs.length === 1 && !pkgs[0].dynamic ? pkgs[0].value : null;
  if (arg === null || arg.includes('...')) return undefined;
  const cwd = commandCwd(info.model, stage, g, null);
  return argPackage(info.workspace, arg.endsWith('.go') ? fileFolder(arg) : arg, cwd, contextMappings(info, stage, g, null, false));
}

/**
 * The main package whose binary, named `name`, a build writes: builtPackage when the build names
 * one package (and go names its binary so); for a build of a pattern (`go build -o
 * /dydxprotocol/build/ ./...`: one binary per main package), the one of its resolved main
 * packages go names `name`. Undefined when none or several are.
 */
export function builtPackageNamed(info: KnownWorkspace, stage: Stage, g: GoCommand, name: string): GoPackage | undefined {
  const one = builtPackage(info, stage, g);
  if (one) return one.importPath !== null && goBinaryName(one.importPath) === name ? one : undefined;
  const b = resolveBuild(info, stage, g);
  if (!b.resolved) return undefined;
  const named = b.packages.filter((p) => p.isMain && p.importPath !== null && goBinaryName(p.importPath) === name);
  return named.length === 1 ? named[0] : undefined;
}

/** Main packages matched by an import-path pattern (`example.com/m/cmd/...`); null when it names nothing local. */
function importPattern(ws: WorkspaceModel, pattern: string): GoPackage[] | null {
  const prefix = pattern.slice(0, pattern.indexOf('...')).replace(/\/$/, '');
  const local = mainPackages(ws).filter((p) => p.importPath !== null && (prefix === '' || p.importPath === prefix || p.importPath.startsWith(prefix + '/')));
  return local.length > 0 ? local : null;
}

/** The go build/install commands of a stage's chain. */
function chainBuilds(model: DockerfileModel, stage: Stage): GoCommand[] {
  return flatMapOf(stageChain(model, stage), (s) => stageGoCommands(s)).filter((g) => g.sub === 'build' || g.sub === 'install');
}

/** Every go build/install of a stage's chain, resolved. */
export function stageBuilds(info: KnownWorkspace, stage: Stage): GoBuild[] {
  return chainBuilds(info.model, stage).map((g) => resolveBuild(info, info.model.stages[g.instr.stage], g));
}

/**
 * The main packages a set of builds makes: the resolved ones; for unresolved builds every main
 * package of the context (`certain: false`).
 */
export function programPackages(ws: WorkspaceModel, builds: readonly GoBuild[]): { packages: GoPackage[]; certain: boolean } {
  const found = new Map<string, GoPackage>();
  let certain = true;
  for (const b of builds) {
    if (b.resolved) for (const p of b.packages) found.set(p.dir, p);
    else {
      certain = false;
      for (const p of mainPackages(ws)) found.set(p.dir, p);
    }
  }
  return { packages: [...found.values()], certain };
}

/**
 * A main package a go build/install compiles that loads Go plugins: its local import closure
 * (workspace/query.ts buildFacts `stdlibCgo`) reaches the standard library's `plugin` package.
 * For a build whose packages are not resolved, any main package of the context counts (the
 * build may be that one). `{ main, loader }` (context folders: the main package, the package
 * importing `plugin`), or null when no such package is known. cyberark/secretless-broker b172451
 * Dockerfile:39 builds ./cmd/secretless-broker, whose pkg/secretless/plugin/sharedobj calls
 * plugin.Open on the .so files of /usr/local/lib/secretless.
 */
export function pluginHostBuilt(info: KnownWorkspace, stage: Stage, g: GoCommand): { main: string; loader: string } | null {
  const b = resolveBuild(info, stage, g);
  const candidates = b.resolved ? b.packages : mainPackages(info.workspace);
  for (const p of candidates) {
    const use = buildFacts(info.workspace, p.dir).stdlibCgo.find((u) => u.importPath === 'plugin');
    if (use) return { main: p.dir, loader: use.pkg };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Which binaries land in the final stage

export interface LandingBuild {
  g: GoCommand;
  /** The `COPY --from` of the final stage chain that takes its binary; null when the build runs in that chain. */
  copy: Instruction | null;
  /** The stage that COPY names (the build runs in it or in a stage it is built FROM). */
  copiedFrom: Stage | null;
}

/**
 * The go build/install commands whose binary ends up in the final stage (see the file comment).
 * `guess`: when a `COPY --from` matches none of its stage's builds, the builds of that stage
 * whose output cannot be worked out count too. The GD1xx errors must be certain and pass false;
 * the GD2xx warnings take the guess.
 */
export function landingBuilds(info: Known, finalStage: number, guess = false): LandingBuild[] {
  // Several rules ask per analysis: once per model, final stage and guess, for the workspace at hand
  // (a model analysed again with another workspace computes it again). Shared: not to be modified.
  const kept = dockerfileFact(info.model, `landingBuilds:${finalStage}:${guess}`, () => ({ workspace: info.workspace, files: info.files, builds: computeLandingBuilds(info, finalStage, guess) }));
  if (kept.workspace !== info.workspace || kept.files !== info.files) {
    kept.workspace = info.workspace;
    kept.files = info.files;
    kept.builds = computeLandingBuilds(info, finalStage, guess);
  }
  return kept.builds;
}

function computeLandingBuilds(info: Known, finalStage: number, guess: boolean, buildsOf: (stage: Stage) => GoCommand[] = (stage) => chainBuilds(info.model, stage),
  key: (g: GoCommand) => string = (g) => `${g.instr.span.start}:${g.cmd.start}`): LandingBuild[] {
  const { model } = info;
  const final = model.stages[finalStage];
  if (!final) return [];
  const out: LandingBuild[] = [];
  const seen = new Set<string>();
  const chain = stageChain(model, final);
  const chainIdx = new Set(chain.map((s) => s.index));
  for (const g of buildsOf(final)) {
    if (seen.has(key(g)) || discardedBuild(info, g)) continue;
    seen.add(key(g));
    out.push({ g, copy: null, copiedFrom: null });
  }
  for (const s of chain) {
    for (const copy of s.instructions) {
      if (copy.keyword !== 'COPY') continue;
      const from = copy.flags.find((f) => f.name === 'from')?.value;
      const idx = from ? stageRef(model, from) : null;
      if (idx === null || chainIdx.has(idx)) continue;
      const paths = copyPaths(copy);
      if (!paths) continue;
      const env = pathEnv(model, s, copy);
      const sources: string[] = [];
      for (const w of paths.sources) {
        const v = expandVariables(w, env);
        if (v !== null && !v.startsWith('--')) sources.push(path.posix.resolve('/', v));
      }
      const copiedFrom = model.stages[idx];
      const builds = buildsOf(copiedFrom);
      const unknown: GoCommand[] = [];
      let matched = false;
      for (const g of builds) {
        if (discardedBuild(info, g)) continue;
        const o = buildOutput(info, model.stages[g.instr.stage], g, builds.length, guess);
        if (o === undefined) unknown.push(g);
        if (!o) continue;
        const moved = o.file === null ? [] : movedOutput(model, model.stages[g.instr.stage], g, o.file);
        if (!sources.some((src) => outputMatches(src, o, guess) || moved.some((m) => outputMatches(src, { file: m, dir: null, name: null }, guess)))) continue;
        matched = true;
        if (seen.has(key(g))) continue;
        seen.add(key(g));
        out.push({ g, copy, copiedFrom });
      }
      if (!guess || matched) continue;
      for (const g of unknown) {
        if (seen.has(key(g))) continue;
        seen.add(key(g));
        out.push({ g, copy, copiedFrom });
      }
    }
  }
  return out;
}

/**
 * Where the `mv`/`cp`/`install` commands after a build in its own RUN put its binary `file`
 * (the destination, and inside it under the file's name when it is a folder; a copy of a copy
 * counts). thrasher-corp/gocryptotrader 7417b81 Dockerfile: `GOARCH=386 GOOS=linux go build .
 * && mv gocryptotrader /go/bin/gocryptotrader`, then `COPY --from=build /go/bin/gocryptotrader
 * /app/`. Operands named by a variable, or a `cd` to an unknown folder, end the walk.
 */
function movedOutput(model: DockerfileModel, stage: Stage, g: GoCommand, file: string): string[] {
  const script = g.instr.script;
  if (!script || script.parsed.commands.length < 2) return [];
  const held = new Set([file]);
  const out: string[] = [];
  let cwd = commandCwd(model, stage, { ...g, args: [] }, null);
  const at = (p: string): string | null => (p.startsWith('/') ? path.posix.resolve(p) : cwd === null ? null : path.posix.resolve(cwd, p));
  for (const c of inScriptOrder(script.parsed.commands)) {
    if (c.start < g.cmd.end) continue;
    const name = c.argv[0]?.value ?? '';
    if (name === 'cd') {
      const to = c.argv[1];
      cwd = to && !to.dynamic && to.value !== '-' ? chdir(cwd, to.value) : null;
      continue;
    }
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (!Object.prototype.hasOwnProperty.call(MOVERS, base)) continue;
    const ops = operands(c.argv, MOVERS[base]);
    if (ops.length < 2 || ops.some((w) => w.dynamic)) continue;
    const dest = at(ops[ops.length - 1].value);
    if (dest === null) continue;
    for (const src of ops.slice(0, -1)) {
      const from = at(src.value);
      if (from === null || !held.has(from)) continue;
      for (const p of [dest, `${dest === '/' ? '' : dest}/${path.posix.basename(from)}`]) {
        if (held.has(p)) continue;
        held.add(p);
        out.push(p);
      }
    }
  }
  return out;
}

/**
 * The go builds of the Dockerfile's own RUNs (not through a make recipe, whose environment the
 * Makefile may change) whose binary lands in the final stage when certain (landingBuilds), each
 * resolved to its packages: GD219 reads the Go they compile with.
 */
export function shippedBuilds(info: KnownWorkspace, finalStage: number): GoBuild[] {
  return landingBuilds(info, finalStage, false).map((b) => resolveBuild(info, info.model.stages[b.g.instr.stage], b.g));
}

/**
 * The main packages of the context whose binaries a Dockerfile ships: its go builds (and, with
 * the context's files, the go builds of make recipes, makeGoCommands) whose binary lands in the
 * final stage as landingBuilds finds them when certain, each resolved to its packages. `certain`
 * is false when one of those builds could not be resolved (a variable names the package): it may
 * ship another package too. The generator lets a repository's own Dockerfile say which of
 * several main packages it ships (mochi-mqtt/server: `go build -o /app/mochi ./cmd/docker`).
 */
export function shippedPackages(info: KnownWorkspace, finalStage: number): { packages: GoPackage[]; certain: boolean; builds: GoBuild[] } {
  const builds = [
    ...shippedBuilds(info, finalStage),
    ...landingMakeBuilds(info, finalStage).map((m) => resolveBuild(info, info.model.stages[m.g.instr.stage], m.g)),
  ];
  const found = new Map<string, GoPackage>();
  for (const b of builds) for (const p of b.packages) found.set(p.dir, p);
  return { packages: [...found.values()], certain: builds.every((b) => b.resolved), builds };
}

// ---------------------------------------------------------------------------------------------
// Programs named by the Dockerfile

/**
 * Main packages that are no program an image ships: examples, tests, integration runners
 * (cadvisor's client/clientexample and integration/runner beside its cmd).
 */
const NOT_SHIPPED = /(^|\/)([^/]*example[^/]*|tests?|testing|testdata|integration|e2e)(\/|$)/i;

/** The main packages of the context that may be a program an image ships (no example, test or integration program). */
export function shippableMains(ws: WorkspaceModel): GoPackage[] {
  return mainPackages(ws).filter((p) => !NOT_SHIPPED.test(p.dir));
}

/**
 * The names a main package's program goes by, lower case: its folder's name (`cmd/tool`: tool)
 * and the name go gives its binary (the import path's last element: the module's for a package
 * at its root); for a folder named `cmd`, the folder holding it (godoxy's `socket-proxy/cmd`:
 * socket-proxy) and the last element of the import path above it (its module's, for
 * `socket-proxy/cmd` in the module github.com/yusing/godoxy/socketproxy: socketproxy).
 */
function programNames(p: GoPackage, ws: WorkspaceModel): Set<string> {
  const names = new Set<string>();
  const add = (n: string | null | undefined) => {
    if (n) names.add(n.toLowerCase());
  };
  const parts = p.dir.split('/');
  const last = parts[parts.length - 1];
  add(last);
  // The context's root package outside any module of the context: the context is a folder of a
  // module above it, and `go build` there names the binary after that folder
  // (prometheus/snmp_exporter's generator/, built with `--context generator`).
  if (p.dir === '' && !p.importPath && !ws.module) add(path.posix.basename(ws.root.replace(/\\/g, '/').replace(/\/+$/, '')));
  if (p.importPath) add(goBinaryName(p.importPath));
  if (last === 'cmd') {
    if (parts.length > 1) add(parts[parts.length - 2]);
    if (p.importPath?.endsWith('/cmd')) add(goBinaryName(p.importPath.slice(0, -'/cmd'.length)));
  }
  return names;
}

/** A builder stage's name without its role suffix (`socket-proxy-builder`: socket-proxy). */
const BUILDER_SUFFIX = /[-_.](builder|build)$/;
/** Stage names that say a stage's role, not its program (`FROM golang AS build`, `AS final`). */
const ROLE_NAME = /^(build|builder|base|deps|final|runtime|run|release|prod|production|dev|development|debug|image|dist|deploy|compile|compiler|go|golang|test|tests|stage-?\d*)$/;
/** An ARG whose value names the program to build (`COMPONENT`, `APP_NAME`, `SERVICE`, `BINARY`). */
const NAMING_ARG = /(^|_)(COMPONENT|APP|SERVICE|PROGRAM|BINARY|BIN|CMD|COMMAND|NAME)$/i;

/**
 * The main packages of the context that the final stage names as its programs, for binaries no
 * visible go build makes (make, a build tool of the project): GD204 asks which programs an image
 * ships when landingBuilds finds none.
 *
 * - `file`: a file a `COPY --from` of the final stage's chain brings in is named like the program
 *   (programNames: `dist/tracee` is cmd/tracee, `/out/godoxy` the `cmd` of the module godoxy),
 *   or the file a COPY from the context writes where the image's start command runs it (a binary
 *   built before `docker build`: spegel's goreleaser image copies
 *   `./dist/spegel_${TARGETOS}_${TARGETARCH}/spegel` and starts `/spegel`, the module's root
 *   package; watchtower's `COPY watchtower /`). Other context files are not programs' names.
 *   With no main package in the context, such a binary is the module built into another program
 *   (a Caddy plugin built by xcaddy): the module's root package stands for it. So is the file the
 *   start command runs inside a folder a `COPY --from` brings in (multus-cni's thick image copies
 *   the `bin` folder its build script filled and starts `bin/multus-daemon`).
 * - `target`: no such file (the tool writes `/app/run`, which says nothing), so the target says
 *   which: the final stage's name, the name of a stage it copies from (without a `-builder` or
 *   `-build` suffix), or an ARG default that stage declares (the value of a `key=value` word:
 *   `component=socket-proxy`; the value of an ARG named like `COMPONENT`, `APP`, `SERVICE`,
 *   `BINARY`) is a program's name. godoxy's `--target socket-proxy` copies `/app/run` from
 *   `socket-proxy-builder`, which runs `shadowtree build ${SHADOWTREE_ARGS}` with `ARG
 *   SHADOWTREE_ARGS="component=socket-proxy"`: the program of `socket-proxy/cmd`.
 *
 * `by` is null when neither names a main package (the caller's fallback: every main package).
 */
export function namedPrograms(info: KnownWorkspace, finalStage: number): { packages: GoPackage[]; by: 'file' | 'target' | null } {
  const { model, workspace: ws } = info;
  const final = model.stages[finalStage];
  if (!final) return { packages: [], by: null };
  const mains = mainPackages(ws).map((p) => ({ p, names: programNames(p, ws) }));
  const matching = (words: ReadonlySet<string>) => mains.filter((m) => [...m.names].some((n) => words.has(n))).map((m) => m.p);
  const copies = flatMapOf(stageChain(model, final), (s) => s.instructions.filter((i) => i.keyword === 'COPY' && i.flags.some((f) => f.name === 'from')));
  const fileName = (src: string) => (src.replace(/\/+$/, '').split('/').pop() ?? '').toLowerCase();
  const files = new Set(flatMapOf(copies, (i) => copyPaths(i)?.sources ?? []).map(fileName));
  // A binary built before `docker build` and copied from the context (goreleaser's
  // `dist/spegel_${TARGETOS}_${TARGETARCH}/spegel`, watchtower's `COPY watchtower /`): only the
  // program the image starts, so that no other file of the context is taken for a program.
  const started = startedProgram(model, final);
  let fromContext = false;
  if (started !== undefined && !started.includes('$')) {
    for (const c of copiedPrograms(model, final)) {
      if (c.instr.keyword !== 'COPY') continue;
      // The started file lies in a folder a `COPY --from` brought in (multus-cni's
      // images/Dockerfile.thick copies `/usr/src/multus-cni/bin`, which hack/build-go.sh filled,
      // and starts `/usr/src/multus-cni/bin/multus-daemon`): it is one of that folder's programs.
      if (!isContextCopy(c.instr)) {
        if (started.startsWith('/') && started.startsWith(`${c.path.replace(/\/+$/, '')}/`)) files.add(fileName(started));
        continue;
      }
      if (!holdsProgram([c.path], started)) continue;
      files.add(fileName(c.source)).add(fileName(c.path));
      fromContext = true;
    }
  }
  // A context with no main package whose image starts a binary from the context: the module is
  // built into another program before `docker build` (a plugin: caddy-docker-proxy's build.sh
  // runs `xcaddy build --with github.com/lucaslorentz/caddy-docker-proxy/v2=$PWD`, its image
  // copies `artifacts/binaries/$TARGETPLATFORM/caddy` and starts /bin/caddy). The module's root
  // package is the part of that program the context holds.
  if (fromContext && mains.length === 0) {
    const root = ws.module ? ws.packages.find((p) => p.importPath === ws.module?.path) : undefined;
    return root ? { packages: [root], by: 'file' } : { packages: [], by: null };
  }
  // A binary a goreleaser config builds for this Dockerfile's images, by its `binary:` name
  // (go-feature-flag's `COPY $TARGETPLATFORM/go-feature-flag`: the build of ./cmd/relayproxy).
  const released = releasedBinaries(ws, info.files, info.dockerfile).filter((r) => files.has(r.name));
  if (released.length > 0) return { packages: [...new Set(released.map((r) => r.pkg))], by: 'file' };
  const byFile = matching(files);
  if (byFile.length > 0) return { packages: byFile, by: 'file' };
  const words = new Set<string>();
  const addName = (name: string | null) => {
    if (name !== null && !ROLE_NAME.test(name)) words.add(name);
  };
  addName(final.name);
  const chain = new Set(stageChain(model, final).map((s) => s.index));
  for (const copy of copies) {
    const idx = stageRef(model, copy.flags.find((f) => f.name === 'from')?.value ?? '');
    if (idx === null || chain.has(idx)) continue;
    const builder = model.stages[idx];
    if (builder.name) {
      addName(builder.name);
      addName(builder.name.replace(BUILDER_SUFFIX, ''));
    }
    for (const i of builder.instructions) {
      if (i.keyword !== 'ARG') continue;
      for (const prop of properties(i)) {
        for (const w of (prop.value ?? '').replace(/^(["'])(.*)\1$/, '$2').split(/\s+/)) {
          // A tool's `key=value` argument (`component=socket-proxy`), or the value of an ARG
          // whose name says it names a program (`ARG COMPONENT=socket-proxy`, `ARG APP=api`).
          const eq = w.lastIndexOf('=');
          const v = (eq >= 0 ? w.slice(eq + 1) : NAMING_ARG.test(prop.name) ? w : '').toLowerCase();
          if (v !== '' && !v.includes('$')) words.add(v);
        }
      }
    }
  }
  const byTarget = matching(words);
  return byTarget.length > 0 ? { packages: byTarget, by: 'target' } : { packages: [], by: null };
}

/**
 * The main package of the context that the final stage starts when the Dockerfile builds nothing
 * that lands there: a binary built before `docker build` and brought in by any path (an archive
 * the release script made, ADDed in another stage: mediamtx's standard.Dockerfile copies
 * `/$TARGETPLATFORM` out of a stage that unpacks `binaries/mediamtx_*_linux_<arch>.tar.gz`, and
 * starts `/mediamtx`, the program of the module's root package). Only when exactly one shippable
 * main package goes by the started file's name; null otherwise.
 */
export function startedPrebuiltProgram(info: KnownWorkspace, finalStage: number): GoPackage | null {
  const { model, workspace: ws } = info;
  const final = model.stages[finalStage];
  if (!final || landingBuilds(info, finalStage, true).length > 0) return null;
  const started = startedProgram(model, final);
  if (started === undefined || started.includes('$')) return null;
  const name = path.posix.basename(started).toLowerCase();
  // A goreleaser config that builds this Dockerfile's images names the binary's main package
  // (`binary: go-feature-flag`, `main: ./cmd/relayproxy`): by the started file's name, or by the
  // name of the context file a COPY puts where it is started.
  const names = new Set([name]);
  for (const c of copiedPrograms(model, final)) if (c.instr.keyword === 'COPY' && isContextCopy(c.instr) && holdsProgram([c.path], started)) names.add(path.posix.basename(c.source.replace(/\/+$/, '')).toLowerCase());
  const released = [...new Set(releasedBinaries(ws, info.files, info.dockerfile).filter((r) => names.has(r.name)).map((r) => r.pkg))];
  if (released.length > 0) return released.length === 1 ? released[0] : null;
  const named = shippableMains(ws).filter((p) => programNames(p, ws).has(name));
  return named.length === 1 ? named[0] : null;
}

// ---------------------------------------------------------------------------------------------
// Builds whose binary a later build overwrites

/**
 * Does the binary of this go build/install reach no image, because the stage discards it?
 *
 * - Overwritten: a later build of the same stage writes the same file before anything reads it.
 *   A COPY --from (or RUN --mount=from=) reads the stage as it ends, so such a build reaches no
 *   image: the cache warm-up `go build ./cmd/clusterctl` that cluster-api runs before the release
 *   build `go build -trimpath ... -o clusterctl ${package}` in the same WORKDIR. Only when
 *   certain: both outputs are known and name the same file (a plain `-o X` names the file X, or
 *   X/<name> when X is a folder: two such builds count only with the same binary name or the same
 *   package arguments), the later build runs whatever happens (its RUN has no `||`, `if`, `case`
 *   or loop), writes into the layer (not into one of its RUN's mounts), does not cross-compile to
 *   Windows without -o (`x.exe`), and nothing in between names the file (a `cp`/`mv` of it).
 *   Builds of a later stage do not count: the stage itself may be read too.
 * - Removed: a later `rm` of the same RUN names the file (or a folder holding it), and no command
 *   in between copies or moves it. A probe build: node-feature-discovery builds an unstripped
 *   nfd-worker to /tmp/nfd-worker-guard, checks a cgo symbol with `go tool nm`, and removes it.
 */
export function discardedBuild(info: Known, g: GoCommand): boolean {
  const kept = dockerfileFact(info.model, 'overwrittenBuilds', () => ({ workspace: info.workspace, files: info.files, builds: computeOverwritten(info) }));
  if (kept.workspace !== info.workspace || kept.files !== info.files) {
    kept.workspace = info.workspace;
    kept.files = info.files;
    kept.builds = computeOverwritten(info);
  }
  return kept.builds.has(g);
}

function computeOverwritten(info: Known): Set<GoCommand> {
  const { model } = info;
  const out = new Set<GoCommand>();
  for (const stage of model.stages) {
    const builds = stageGoCommands(stage).filter((g) => g.sub === 'build' || g.sub === 'install');
    // A build's output is worked out only when something may discard it: a later build of the
    // stage, or an `rm` after it in its RUN (most stages have one build and no rm).
    const removing = builds.filter((g) => rmAfter(g));
    if (builds.length < 2 && removing.length === 0) continue;
    const outputs = builds.map((g) => buildOutput(info, stage, g, builds.length, false));
    for (let i = 0; i < builds.length; i++) {
      const file = outputs[i]?.file;
      if (file && removing.includes(builds[i]) && removedLater(model, stage, builds[i], file)) out.add(builds[i]);
    }
    for (let i = 0; i < builds.length; i++) {
      const a = outputs[i];
      if (!a?.file || mayWriteExe(model, stage, builds[i])) continue;
      for (let j = i + 1; j < builds.length; j++) {
        const b = outputs[j];
        if (!b?.file || !sameFile(a, b, builds[i], builds[j]) || mayWriteExe(model, stage, builds[j])) continue;
        if (conditional(builds[j]) || writesIntoMount(model, stage, builds[j], b.file) || namedBetween(model, stage, builds[i], builds[j], a.file)) break;
        out.add(builds[i]);
        break;
      }
    }
  }
  return out;
}

/** Commands that make a copy of a file elsewhere (their operands before the destination). */
const COPIES = new Set(['cp', 'mv', 'install', 'ln', 'rsync', 'tar', 'upx']);

/** The build's RUN runs `rm` after it. */
function rmAfter(g: GoCommand): boolean {
  return (g.instr.script?.parsed.commands ?? []).some((c) => c.start >= g.cmd.end && path.posix.basename(c.argv[0]?.value ?? '') === 'rm');
}

/** A later `rm` of the build's RUN removes its output, and nothing in between copies it away (see discardedBuild). */
function removedLater(model: DockerfileModel, stage: Stage, g: GoCommand, file: string): boolean {
  const commands = g.instr.script?.parsed.commands ?? [];
  const cwd = commandCwd(model, stage, g, null);
  const names = (w: ShellWord) => {
    if (w.dynamic || w.value.startsWith('-') || (!w.value.startsWith('/') && cwd === null)) return false;
    const abs = path.posix.resolve(cwd ?? '/', w.value);
    return abs !== '/' && (abs === file || file.startsWith(`${abs}/`));
  };
  for (const c of commands) {
    if (c.start < g.cmd.end) continue;
    const prog = path.posix.basename(c.argv[0]?.value ?? '');
    const operands = c.argv.slice(1);
    if (COPIES.has(prog) && operands.some(names)) return false;
    if (prog === 'rm' && operands.some(names)) return true;
  }
  return false;
}

/** Two outputs that are the same file (see discardedBuild). */
function sameFile(a: Output, b: Output, ga: GoCommand, gb: GoCommand): boolean {
  if (a.file !== b.file) return false;
  // `-o X` without a trailing slash: the file X, or X/<binary name> when X is a folder.
  const plainA = a.file === a.dir;
  const plainB = b.file === b.dir;
  if (!plainA || !plainB) return true;
  if (a.name !== null && a.name === b.name) return true;
  const pkgs = (g: GoCommand) => goPackages(g.args).map((w) => w.value).join(' ');
  return pkgs(ga) === pkgs(gb);
}

/** A build without -o whose GOOS may be windows writes `<name>.exe`. */
function mayWriteExe(model: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  if (g.sub === 'build' && goFlag(g.args, 'o')) return false;
  const goos = envValue(model, stage, g, 'GOOS');
  return goos !== undefined && (goos === null || /windows|\$/.test(goos));
}

/** The command may not run, or may fail and leave the earlier binary: `||`, `if`, `case`, a loop in its RUN. */
function conditional(g: GoCommand): boolean {
  return /\|\||(^|[\s;&|(])(if|case|while|until|for|select)\s/.test(g.instr.script?.text ?? '');
}

/** The later build writes its binary into a mount of its RUN (a cache or tmpfs), not into the layer. */
function writesIntoMount(model: DockerfileModel, stage: Stage, g: GoCommand, file: string): boolean {
  const targets = mounts(g.instr).map((m) => m.target);
  if (targets.length === 0) return false;
  const wd = workdirBefore(model, stage, g.instr, null);
  return targets.some((t) => {
    if (t === null) return true;
    if (!t.startsWith('/') && wd === null) return true;
    const abs = path.posix.resolve(wd ?? '/', t);
    return abs === '/' || file === abs || file.startsWith(`${abs}/`);
  });
}

/** Something between the two builds (the rest of the first RUN, the instructions in between, the second RUN up to its build) names the file. */
function namedBetween(model: DockerfileModel, stage: Stage, a: GoCommand, b: GoCommand, file: string): boolean {
  const base = path.posix.basename(file);
  if (base === '') return true;
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(^|[^A-Za-z0-9_.-])${escaped}($|[^A-Za-z0-9_.-])`);
  const from = toDoc(a.instr.script!, a.cmd.end);
  const to = toDoc(b.instr.script!, b.cmd.start);
  return from < to && word.test(model.text.slice(from, to).replace(/^[ \t]*#.*$/gm, ''));
}

export interface FinalCopy {
  /** The `COPY --from=<stage>` of the final stage (or a stage it is built FROM). */
  copy: Instruction;
  /** The stage it copies from. */
  builder: Stage;
  /** The builds of that stage (and the stages it is built FROM) whose output it copies. */
  builds: GoBuild[];
}

/** The binaries the final stage copies from builder stages, by COPY, with their builds resolved (a best guess). */
export function finalCopies(info: KnownWorkspace, finalStage: number): FinalCopy[] {
  const out: FinalCopy[] = [];
  // The go builds of the make recipes a RUN runs count as the Dockerfile's own (kube-network-policies
  // copies `/src/bin/kube-network-policies-${TARGET_BUILD}`, which `make build-${TARGET_BUILD}`'s
  // recipe writes with `go build -o ./bin/kube-network-policies-standard ./cmd/kube-network-policies/standard`).
  const viaMake = new Set(landingMakeCopies(info, finalStage).map((m) => m.landing));
  for (const b of [...landingBuilds(info, finalStage, true), ...viaMake]) {
    if (!b.copy || !b.copiedFrom) continue;
    let c = out.find((x) => x.copy === b.copy);
    if (!c) out.push((c = { copy: b.copy, builder: b.copiedFrom, builds: [] }));
    const build = resolveBuild(info, info.model.stages[b.g.instr.stage], b.g, true);
    c.builds.push(viaMake.has(b) ? { ...build, viaMake: true } : build);
  }
  return out;
}

/** Where a build writes its binary: a file, or a folder with a (possibly unknown) file name. */
interface Output {
  file: string | null;
  dir: string | null;
  name: string | null;
}

/** The build's output; null when it writes no binary, undefined when we cannot tell where. */
function buildOutput(info: Known, stage: Stage, g: GoCommand, buildsInStage: number, guess: boolean): Output | null | undefined {
  const { model } = info;
  const pkgs = goPackages(g.args);
  const cwd = commandCwd(model, stage, g, null);
  // Several packages (`./cmd/...`) write one binary each, in a folder we may know but under
  // names we do not: only a best guess counts such a build when a COPY takes a file from there.
  const several = pkgs.length > 1 || pkgs.some((p) => p.value.includes('...'));
  const name = guess && several ? null : binaryName(info, stage, g, pkgs);
  if (g.sub === 'install') {
    if (several && !guess) return undefined;
    const gobin = envValue(model, stage, g, 'GOBIN');
    let dir: string | null;
    if (gobin !== undefined) dir = gobin;
    else {
      const gopath = envValue(model, stage, g, 'GOPATH');
      if (gopath === null) dir = null;
      else if (gopath !== undefined) dir = `${gopath.split(':')[0]}/bin`;
      else if (stageImage(model, stage)?.goToolchain) dir = '/go/bin';
      else {
        const home = envValue(model, stage, g, 'HOME');
        dir = home === null ? null : `${home ?? '/root'}/go/bin`;
      }
    }
    if (dir === null || !dir.startsWith('/')) return undefined;
    dir = path.posix.resolve(dir);
    return { file: name ? `${dir}/${name}` : null, dir, name };
  }
  const o = goFlag(g.args, 'o');
  if (o && o.value !== true) {
    let v: string | null = o.value;
    if ((o.valueWord ?? o.word).dynamic) {
      v = /\$\(|`/.test(v) ? null : expandVariables(v.replace(/["']/g, ''), pathEnv(model, stage, g.instr));
    }
    if (v === null || /[$`]/.test(v)) return undefined;
    if (v === '/dev/null') return null;
    if (!v.startsWith('/') && cwd === null) {
      // A relative -o after an unknown `cd`: only its file name is known.
      return { file: null, dir: null, name: path.posix.basename(v) || null };
    }
    const abs = path.posix.resolve(cwd ?? '/', v);
    if (v.endsWith('/')) return { file: name ? `${abs}/${name}` : null, dir: abs, name };
    // An existing folder (`-o /usr/local/bin`) receives the binary too.
    return { file: abs, dir: abs, name };
  }
  if (o) return undefined;
  if (writesNoBinary(g, pkgs, undefined)) {
    // `go build ./...` that matches one package, a main one, writes its binary as `go build .`
    // does (cmd/go names the output when the pattern's packages are one main package):
    // looterz/grimd b1ff996 docker/Dockerfile:12-13, one package at the root, then `upx … grimd`.
    const one = cwd === null ? null : onlyPackageOfPattern(info, stage, g, pkgs);
    return one ? { file: `${cwd}/${one}`.replace(/^\/\//, '/'), dir: null, name: one } : null;
  }
  if (cwd === null) return undefined;
  if (name) return { file: `${cwd}/${name}`.replace(/^\/\//, '/'), dir: null, name };
  // The name is unknown (`go build` in the module root, no workspace): a single build of its
  // stage writes one file in cwd.
  return buildsInStage === 1 ? { file: null, dir: cwd, name: null } : undefined;
}

/**
 * The binary name of the one package a `go build <dir>/...` (no -o) matches, when that package is
 * a main package: the context's files under the folder hold .go files (test files included, which
 * make a package of their own for go) in that package's folder only, outside vendor/, testdata/
 * and `_`/`.` folders. Null when the workspace or the files do not show it.
 */
function onlyPackageOfPattern(info: Known, stage: Stage, g: GoCommand, pkgs: readonly ShellWord[]): string | null {
  if (!info.workspace || !info.files || pkgs.length !== 1 || pkgs[0].dynamic || !/^\.(\/.*)?\/\.\.\.$/.test(pkgs[0].value)) return null;
  const found = packagesProcessed({ ...info, workspace: info.workspace }, stage, g);
  if (!found || found.length !== 1 || !found[0].isMain || found[0].importPath === null) return null;
  const pkg = found[0];
  const importPath = pkg.importPath;
  if (importPath === null) return null;
  const under = pkg.module ?? '';
  for (const f of info.files.listFiles(under)) {
    if (!f.path.endsWith('.go')) continue;
    const dir = path.posix.dirname(f.path) === '.' ? '' : path.posix.dirname(f.path);
    if (dir === pkg.dir) continue;
    const rel = under === '' ? dir : dir.slice(under.length + 1);
    if (rel.split('/').some((part) => part === 'vendor' || part === 'testdata' || part.startsWith('_') || part.startsWith('.'))) continue;
    return null;
  }
  return goBinaryName(importPath);
}

function outputMatches(src: string, o: Output, guess: boolean): boolean {
  const s = src.length > 1 ? src.replace(/\/+$/, '') : src;
  if (/[*?[]/.test(s)) {
    // Docker's glob matching of COPY sources, on the absolute path without its leading `/`.
    if (o.file !== null) return sourceCovers(s, o.file.slice(1));
    // Binaries of unknown names in a known folder: a glob over that folder may take them.
    return guess && o.dir !== null && path.posix.dirname(s) === o.dir;
  }
  if (s === '/') return true;
  if (o.file !== null && (s === o.file || o.file.startsWith(`${s}/`))) return true;
  if (o.dir !== null) {
    if (s === o.dir || o.dir.startsWith(`${s}/`)) return true;
    if (path.posix.dirname(s) === o.dir && (o.name === null || path.posix.basename(s) === o.name)) return true;
  }
  if (o.file === null && o.dir === null && o.name !== null) return path.posix.basename(s) === o.name;
  return false;
}

/** The binary name go picks: the last element of the package's import path (a `/vN` suffix skipped), or of the first .go file. */
function binaryName(info: Known, stage: Stage, g: GoCommand, pkgs: readonly ShellWord[]): string | null {
  const ws = info.workspace;
  if (pkgs.length === 0 || pkgs[0].value === '.' || pkgs[0].value === './') {
    const dir = ws ? contextDirOf(info, stage, g) : null;
    const pkg = dir !== null && ws ? packageByDir(ws, dir) : undefined;
    const importPath = pkg?.importPath ?? (dir === '' ? ws?.module?.path : undefined);
    return importPath ? goBinaryName(importPath) : null;
  }
  const p = pkgs[0];
  if (p.dynamic) return null;
  if (p.value.endsWith('.go')) return path.posix.basename(p.value, '.go');
  return goBinaryName(p.value.replace(/@.*$/, ''));
}

// ---------------------------------------------------------------------------------------------
// Which stage writes a path

/**
 * Does the stage (its FROM chain) certainly put a file or folder at `abs` (an absolute path of
 * its filesystem, maybe a glob as a COPY source can be)? True when a go build/install of the
 * chain writes its binary there (its `-o`, else `<cwd>/<package name>`; `$GOBIN`/`$GOPATH/bin`;
 * the folder holding it counts too, as for a `COPY --from` of the folder), a COPY/ADD places one
 * of its sources exactly there, or a RUN command creates it (`curl -o`, `wget -O`, `mkdir`, a
 * `> file` redirect, `git clone`, dockerfile/created.ts). Certain or false: an output we cannot
 * work out (a variable, an unknown WORKDIR) does not count. GD123 reads it: which unnamed stage
 * makes what a `COPY --from=<no such stage>` copies.
 */
export function stageWritesPath(info: Known, stage: Stage, abs: string): boolean {
  const { model } = info;
  if (abs === '/' || abs === '') return false;
  const builds = chainBuilds(model, stage);
  for (const g of builds) {
    const o = buildOutput(info, model.stages[g.instr.stage], g, builds.length, false);
    if (o && (o.file !== null || o.dir !== null) && outputMatches(abs, o, false)) return true;
  }
  const glob = /[*?[]/.test(abs);
  const names = (p: string | null) => p !== null && p !== '/' && (glob ? sourceCovers(abs, p.slice(1)) : p === abs || p.startsWith(`${abs}/`));
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const paths = copyPaths(i);
        if (!paths) continue;
        for (const src of paths.sources) if (copyPlaces(model, i, src).some((p) => names(p))) return true;
        continue;
      }
      if (i.keyword !== 'RUN' || !i.script) continue;
      let cwd = workdirBefore(model, s, i, null);
      for (const c of inScriptOrder(i.script.parsed.commands)) {
        if (c.argv[0]?.value === 'cd') {
          const to = c.argv[1];
          cwd = to && !to.dynamic && to.value !== '-' ? chdir(cwd, to.value) : null;
          continue;
        }
        if (creationsOf(c, i.script, cwd, i).some((x) => x.kind === 'path' && names(x.path ?? null))) return true;
      }
    }
  }
  return false;
}

/** Commands that copy or move files, with their options that take a value (install's `-m 755`). */
const MOVERS: Record<string, Set<string>> = {
  mv: new Set(['-S', '--suffix']),
  cp: new Set(['-S', '--suffix']),
  install: new Set(['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix']),
};

/**
 * The command runs a program that a go build/install of the stage chain compiled before it: the
 * build's output (its `-o`, else `<cwd>/<package name>`, a go install's `$GOBIN`…: buildOutput),
 * or where a `mv`/`cp`/`install` put that file (into a folder, under its own name). The path it
 * runs (resolved against the WORKDIR and `cd`), else null. Only a program named by a path
 * (`./api`, `/tmp/builder`). wallarm/api-firewall 8ed75e4 smoke-tests its build with `RUN
 * ./api-firewall -v` (built by `go build -o ./api-firewall`); tarampampam/error-pages b38c96d runs
 * `mv /tmp/builder ./bin/builder && … && ./bin/builder --target-dir ./opt/html` after `go build
 * -o /tmp/builder`. A compiled program runs no go command and reads no module (GD107). A go
 * build that a `make` goal runs counts when its recipe is certain (makeGoCommands): ossf/scorecard
 * 40c1e35 cron/internal/controller/Dockerfile:25-26 runs `make build-shuffler` (Makefile:237-241:
 * `cd cron/internal/shuffle && … go build … -o shuffle`), then `./cron/internal/shuffle/shuffle
 * 2500 …` (judge 43 Y W1).
 */
export function runsBuiltBinary(info: Known, stage: Stage, instr: Instruction, cmd: ShellCommand): string | null {
  const prog = cmd.argv[0];
  if (!prog || prog.dynamic || !prog.value.includes('/')) return null;
  const { model } = info;
  const builds = chainBuilds(model, stage);
  const makes = (i: Instruction) => info.files && i.script && shellLevelCommands(i.script).some((c) => MAKE_NAME.test(c.argv[0]?.value ?? ''));
  if (builds.length === 0 && !stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'RUN' && makes(i)))) return null;
  const binaries = new Set<string>();
  const at = (cwd: string | null, p: string): string | null => (p.startsWith('/') ? path.posix.resolve(p) : cwd === null ? null : path.posix.resolve(cwd, p));
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'RUN' || !i.script) continue;
      const gos = goCommands(i);
      let cwd = workdirBefore(model, s, i, null);
      for (const c of inScriptOrder(i.script.parsed.commands)) {
        if (i === instr && c.start >= cmd.start) {
          const abs = at(cwd, prog.value);
          return abs !== null && binaries.has(abs) ? abs : null;
        }
        const name = c.argv[0]?.value ?? '';
        if (name === 'cd') {
          const to = c.argv[1];
          cwd = to && !to.dynamic && to.value !== '-' ? chdir(cwd, to.value) : null;
          continue;
        }
        const g = gos.find((x) => x.cmd === c || x.cmd.start === c.start);
        if (g) {
          if (g.sub !== 'build' && g.sub !== 'install') continue;
          const o = buildOutput(info, s, g, builds.filter((b) => b.instr.stage === s.index).length, false);
          if (o && o.file !== null) binaries.add(o.file);
          continue;
        }
        if (MAKE_NAME.test(name)) {
          // The go builds of the goals' recipes, as this make runs them (its folder, `-C`, the recipe's `cd`).
          for (const m of makeGoCommands(info, s, i, true)) {
            if (m.make.start !== c.start || (m.g.sub !== 'build' && m.g.sub !== 'install')) continue;
            const o = buildOutput(info, s, m.g, 1, false);
            if (o && o.file !== null) binaries.add(o.file);
          }
          continue;
        }
        const base = name.slice(name.lastIndexOf('/') + 1);
        if (!Object.prototype.hasOwnProperty.call(MOVERS, base)) continue;
        const ops = operands(c.argv, MOVERS[base]);
        if (ops.length < 2 || ops.some((w) => w.dynamic)) continue;
        const dest = at(cwd, ops[ops.length - 1].value);
        if (dest === null) continue;
        for (const src of ops.slice(0, -1)) {
          const from = at(cwd, src.value);
          if (from === null || !binaries.has(from)) continue;
          binaries.add(dest);
          binaries.add(`${dest === '/' ? '' : dest}/${path.posix.basename(from)}`);
        }
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Go builds a `RUN make <target>` runs

export interface MakeGoBuild {
  /**
   * The recipe's go command as the RUN runs it: in the folder the make command runs in (WORKDIR,
   * `cd`), then make's `-C` (a `-C` flag of the command); its environment adds make's exports
   * and the recipe line's own prefixes. Its offsets are the make command's: the spans, edits and
   * script text of the RUN are the make command's, never the recipe's.
   */
  g: GoCommand;
  /** The make command of the RUN. */
  make: ShellCommand;
  recipe: MakeRecipe;
  command: RecipeCommand;
  /** The Makefile read, context-relative. */
  makefile: string;
}

/**
 * The go commands the make commands of a RUN run, when certain (makeRecipe.ts: a known target
 * whose recipe, and its prerequisites', run only harmless commands), reading the Makefile that
 * is in the builder where make runs: a context file a COPY/ADD (or a bind mount) of the stage
 * chain put there, not excluded by .dockerignore. Nothing without the context's files. With
 * `recorded`, the go commands of makeRecipeRecorded's reading, which goes on past commands and
 * `$(shell …)` it does not know (ossf/scorecard's `LDFLAGS=$(shell ./scripts/version-ldflags)`):
 * they may not all run, or not alone, but each says what a go command there would do (runsBuiltBinary
 * asks only which files are go builds' binaries).
 */
export function makeGoCommands(info: Known, stage: Stage, instr: Instruction, recorded = false): MakeGoBuild[] {
  const files = info.files;
  if (!files || instr.keyword !== 'RUN' || !instr.script) return [];
  const out: MakeGoBuild[] = [];
  for (const make of shellLevelCommands(instr.script)) {
    if (!MAKE_NAME.test(make.argv[0]?.value ?? '')) continue;
    const at: GoCommand = { instr, cmd: make, sub: 'make', args: [] };
    const args = makeArgs(make.argv.map((w) => makeWord(info.model, stage, at, w)));
    if (!args) continue;
    const cwd = commandCwd(info.model, stage, at, null);
    if (cwd === null) continue;
    const dir = path.posix.resolve(cwd, args.dir || '.');
    const inBuilder = (abs: string): string | null => {
      const rel = contextFileAt(info, stage, instr, abs);
      return rel === null || files.dockerignore?.isIgnored(rel) ? null : rel;
    };
    const read = (name: string): string | null => {
      const rel = inBuilder(path.posix.resolve(dir, name));
      return rel === null ? null : files.readFile(rel);
    };
    const unset = (name: string) => unsetForMake(info.model, stage, instr, make, name);
    const recipe = recorded ? makeRecipeRecorded(args, read, unset, () => false) : makeRecipe(args, read, unset);
    if (!recipe) continue;
    const makefile = inBuilder(path.posix.resolve(dir, recipe.file));
    if (makefile === null) continue;
    const env: ShellAssignment[] = recipe.env.map((e) => ({ name: e.name, value: e.value, start: make.start, end: make.start }));
    for (const command of recipe.commands) {
      const argv = command.cmd.argv;
      // (Recorded: not a command it does not know, nor one of another Makefile a sub-make read.)
      if (command.unknown || command.file !== undefined) continue;
      if (!/(^|\/)go$/.test(argv[0]?.value ?? '')) continue;
      const first = argv[1]?.value ?? '';
      const sub = first === 'mod' || first === 'work' ? `${first} ${argv[2]?.value ?? ''}`.trim() : first;
      let rest = argv.slice(first === 'mod' || first === 'work' ? 3 : 2);
      // make -C, then the recipe line's `cd`, move the command: a `-C` of the go command,
      // relative to where make runs.
      const moved = command.dir.startsWith('/') ? command.dir : path.posix.join(args.dir || '.', command.dir || '.');
      if (moved !== '.') {
        const own = goFlag(rest, 'C');
        if (own && (own.value === true || (own.valueWord ?? own.word).dynamic)) continue;
        const to = own ? path.posix.join(moved, own.value as string) : moved;
        if (own) rest = rest.filter((w) => w !== own.word && w !== own.valueWord);
        const word = (value: string): ShellWord => ({ value, raw: value, start: make.start, end: make.start, dynamic: false });
        rest = [word('-C'), word(to), ...rest];
      }
      const cmd: ShellCommand = { env: [...env, ...command.cmd.env], argv, start: make.start, end: make.end };
      out.push({ g: { instr, cmd, sub, args: rest }, make, recipe, command, makefile });
    }
  }
  return out;
}

/**
 * A word of a make command with the Dockerfile's variables put in, as the shell sees them there
 * (envValue: the command's prefixes, an earlier assignment or export of the RUN, else ENV and
 * ARG defaults): kube-network-policies' `make build-${TARGET_BUILD}` under `ARG
 * TARGET_BUILD=standard` runs the goal build-standard. The word as it was when a variable has
 * no known value, a command substitution decides it, or it is an assignment (`os=${TARGETOS}`,
 * known by name: makeArgs).
 */
function makeWord(model: DockerfileModel, stage: Stage, at: GoCommand, w: ShellWord): ShellWord {
  if (!w.dynamic || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value) || /\$\(|`/.test(w.raw)) return w;
  const value = expandVariables(unquoteAll(w.raw), { get: (name) => envValue(model, stage, at, name) });
  return value === null || value.startsWith('-') ? w : { ...w, value, dynamic: false };
}

/**
 * make's environment certainly has no `name` (so the Makefile's `name ?= value` assigns): the
 * stage's base image is one whose environment is known (images/table.ts) and does not set it,
 * no ENV or ARG in scope names it (an ARG may come from --build-arg), the RUN exports nothing
 * before make (`export X=1 &&`, `. ./env.sh`), and make's own prefix assignments do not set it.
 * BuildKit also passes the proxy variables (HTTP_PROXY…) of the build.
 */
export function unsetForMake(model: DockerfileModel, stage: Stage, instr: Instruction, make: ShellCommand, name: string): boolean {
  const image = stageImage(model, stage);
  if (!image || imageEnv(image).has(name) || IMAGE_SET.test(name)) return false;
  if (dockerEnv(model, stage, instr).has(name)) return false;
  if (make.env.some((a) => a.name === name)) return false;
  // `--mount=type=secret,env=X` sets X for the RUN.
  if (instr.flags.some((f) => f.name === 'mount' && /(^|,)env=/.test(f.value ?? ''))) return false;
  const before = instr.script ? shellLevelCommands(instr.script).filter((c) => c.start < make.start) : [];
  if (instr.script?.parsed.assignments.some((a) => a.start < make.start)) return false;
  return !before.some((c) => /^(export|declare|typeset|source|\.|set|eval)$/.test(c.argv[0]?.value ?? ''));
}

/** Variables an image's own environment or BuildKit may set whatever images/table.ts knows of it. */
const IMAGE_SET = /^(PATH|HOME|HOSTNAME|PWD|SHELL|USER|TERM|LANG|LC_[A-Z]+|GOPATH|GOROOT|GOLANG_VERSION|GOTOOLCHAIN|GOBIN|GOCACHE|GOMODCACHE|GOFLAGS|[A-Za-z]+_PROXY|[a-z]+_proxy|MAKEFLAGS|MAKELEVEL|MFLAGS|MAKEFILES)$/;

/**
 * The context file a COPY/ADD of the stage chain before `instr` (or a bind mount of it) put at
 * the builder path `abs` (the last one that did); null when none did or one cannot be placed.
 */
function contextFileAt(info: Known, stage: Stage, instr: Instruction, abs: string): string | null {
  const { model } = info;
  let found: string | null = null;
  const under = (dir: string, rel: string | null): void => {
    if (rel === null) return;
    if (abs === dir) found = rel;
    else if (dir === '/' || abs.startsWith(`${dir}/`)) found = [rel, abs.slice(dir === '/' ? 1 : dir.length + 1)].filter((x) => x !== '').join('/');
  };
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === instr) break;
      if (!isContextCopy(i)) continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const wd = workdirBefore(model, s, i, null);
      const target = paths.dest.includes('$') ? expandVariables(paths.dest, pathEnv(model, s, i)) : paths.dest;
      if (target === null || (wd === null && !target.startsWith('/'))) {
        found = null;
        continue;
      }
      const dest = path.posix.resolve(wd ?? '/', target);
      const destIsDir = paths.dest.endsWith('/') || paths.dest === '.' || paths.sources.length > 1;
      for (const raw of paths.sources) {
        const src = isWholeContext(raw) ? '' : contextPath(raw);
        if (src === null) continue;
        if (isDirSource(info, raw, src)) under(dest, src);
        else if ((destIsDir ? `${dest}/${path.posix.basename(src)}`.replace(/^\/\//, '/') : dest) === abs) found = src;
      }
    }
  }
  const wd = workdirBefore(model, stage, instr, null);
  for (const m of contextBinds(instr)) {
    if (m.target === null) continue;
    const t = m.target.includes('$') ? expandVariables(m.target, pathEnv(model, stage, instr)) : m.target;
    if (t === null || (wd === null && !t.startsWith('/'))) continue;
    under(path.posix.resolve(wd ?? '/', t), contextPath(m.source));
  }
  return found;
}

/**
 * The go builds of make recipes (makeGoCommands) whose binary ends up in the final stage, as
 * landingBuilds finds them for the Dockerfile's own builds (certain: no guess).
 */
export function landingMakeBuilds(info: Known, finalStage: number): MakeGoBuild[] {
  return landingMakeCopies(info, finalStage).map((l) => l.make);
}

/** landingMakeBuilds with the `COPY --from` that takes each binary (see LandingBuild; GD102 asks whether it is copied, GD201 where). */
export function landingMakeCopies(info: Known, finalStage: number): { make: MakeGoBuild; landing: LandingBuild }[] {
  // Only a Dockerfile that runs make has any; the Makefiles are read once per model, final stage and context.
  if (!info.files || !info.model.stages.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\bg?make\b/.test(i.script?.text ?? '')))) return [];
  const kept = dockerfileFact(info.model, `landingMakeCopies:${finalStage}`, () => ({ workspace: info.workspace, files: info.files, copies: computeLandingMakeCopies(info, finalStage) }));
  if (kept.workspace !== info.workspace || kept.files !== info.files) {
    kept.workspace = info.workspace;
    kept.files = info.files;
    kept.copies = computeLandingMakeCopies(info, finalStage);
  }
  return kept.copies;
}

function computeLandingMakeCopies(info: Known, finalStage: number): { make: MakeGoBuild; landing: LandingBuild }[] {
  const byCommand = new Map<GoCommand, MakeGoBuild>();
  const buildsOf = (stage: Stage): GoCommand[] => {
    const out: GoCommand[] = [];
    for (const s of stageChain(info.model, stage)) {
      for (const i of s.instructions) {
        for (const m of makeGoCommands(info, s, i)) {
          if (m.command.conditional || (m.g.sub !== 'build' && m.g.sub !== 'install')) continue;
          byCommand.set(m.g, m);
          out.push(m.g);
        }
      }
    }
    return out;
  };
  const key = (g: GoCommand): string => {
    const m = byCommand.get(g);
    return m ? `${g.instr.span.start}:${m.make.start}:${m.command.line}:${m.command.cmd.start}` : `${g.instr.span.start}:${g.cmd.start}`;
  };
  return computeLandingBuilds(info, finalStage, false, buildsOf, key).flatMap((landing) => {
    const make = byCommand.get(landing.g);
    return make ? [{ make, landing }] : [];
  });
}
