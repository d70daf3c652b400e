/**
 * Which Go packages of the build context a Dockerfile compiles, and which of those builds make
 * the program of the final stage. Shared by the workspace rules (GD202, GD203, GD306) and the
 * .dockerignore builder (fixes/dockerignore.ts).
 *
 * A `go build`/`go install` runs in a folder of the builder's filesystem (WORKDIR, then any
 * `cd` before it in the same RUN); that folder is a folder of the context when a COPY/ADD (or a
 * RUN bind mount) put the context, or a folder of it, there. Package arguments (`.`,
 * `./cmd/server`, `./cmd/...`, a full import path, `main.go`) are then resolved against the
 * WorkspaceModel. Whatever cannot be mapped (a variable, a COPY of a glob) leaves the build
 * `resolved: false`: callers fall back on the main packages, or stay silent.
 */
import * as path from 'node:path';
import { goFlag, goPackages, stageChain, stageGoCommands, stageImage, type GoCommand } from '../dockerfile/facts';
import { dockerEnv, stageRef } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { expandVariables } from '../dockerfile/variables';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { mainPackages, resolvePackageArg } from '../workspace/query';
import { copyPaths, isContextCopy } from './gd104-sources-before-modules';
import { isWholeContext } from './gd207-sources-in-final-image';

export interface GoBuild {
  go: GoCommand;
  /** The stage whose RUN runs the command. */
  stage: Stage;
  /** Main packages it compiles ([] when unresolved, or when it builds no package of the context). */
  packages: GoPackage[];
  /** The package arguments were mapped to folders of the context (or are remote `pkg@version`). */
  resolved: boolean;
  /** Absolute path of what it writes: a file, or a folder when `outputIsDir`; null when unknown. */
  output: string | null;
  outputIsDir: boolean;
}

export interface FinalCopy {
  /** The `COPY --from=<stage>` of the final stage (or a stage it is built FROM). */
  copy: Instruction;
  /** The stage it copies from. */
  builder: Stage;
  /** The builds of that stage (and the stages it is built FROM) whose output it copies. */
  builds: GoBuild[];
}

/** A COPY/ADD source as a context-relative path; null for globs, variables, URLs, heredocs. */
export function contextPath(source: string): string | null {
  const s = source.trim();
  if (s === '' || /[*?[\]$]/.test(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@') || s.startsWith('<<')) return null;
  const parts: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '' || seg === '.') continue;
    // `..` cannot leave the context: Docker cleans it against the context root.
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The builder's working directory just before `before` (WORKDIR through the FROM chain); null when a variable is unknown. */
export function workdirBefore(model: DockerfileModel, stage: Stage, before: Instruction): string | null {
  const chain = stageChain(model, stage);
  let dir: string | null = stageImage(model, chain[0])?.goToolchain ? '/go' : '/';
  for (const s of chain) {
    for (const i of s.instructions) {
      if (i === before) return dir;
      if (i.keyword !== 'WORKDIR' || !i.args[0]) continue;
      const raw = i.args[0].value;
      const value = raw.includes('$') ? expandVariables(raw, dockerEnv(model, s, i)) : raw;
      dir = value === null ? null : path.posix.resolve(dir ?? '/', value);
    }
  }
  return dir;
}

interface Mapping {
  /** Absolute folder in the builder. */
  container: string;
  /** Context-relative folder it holds. */
  ctx: string;
}

/** Folders of the context that exist as folders (package folders and their parents, module folders). */
function isContextDir(ws: WorkspaceModel, rel: string): boolean {
  if (rel === '') return true;
  const under = (d: string) => d === rel || d.startsWith(rel + '/');
  return ws.packages.some((p) => under(p.dir)) || ws.modules.some((m) => under(m.dir));
}

/** Bind mounts of the context on a RUN: `--mount=type=bind,target=.` (source defaults to the context root). */
function contextMounts(instr: Instruction): { source: string; target: string }[] {
  const out: { source: string; target: string }[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const opts = new Map<string, string>();
    for (const part of f.value.split(',')) {
      const eq = part.indexOf('=');
      opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim().replace(/^["']|["']$/g, ''));
    }
    if ((opts.get('type') ?? 'bind') !== 'bind' || opts.has('from')) continue;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (!target) continue;
    out.push({ source: opts.get('source') ?? opts.get('src') ?? '.', target });
  }
  return out;
}

/** Where the context (or folders of it) sits in the builder just before the go command runs. */
function mappingsBefore(model: DockerfileModel, ws: WorkspaceModel, stage: Stage, g: GoCommand): Mapping[] {
  const out: Mapping[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === g.instr) break;
      if (!isContextCopy(i)) continue;
      const paths = copyPaths(i);
      const wd = workdirBefore(model, s, i);
      if (!paths || wd === null || paths.dest.includes('$')) continue;
      const dest = path.posix.resolve(wd, paths.dest);
      for (const src of paths.sources) {
        if (isWholeContext(src)) out.push({ container: dest, ctx: '' });
        else {
          const rel = contextPath(src);
          if (rel !== null && isContextDir(ws, rel)) out.push({ container: dest, ctx: rel });
        }
      }
    }
  }
  const wd = workdirBefore(model, stage, g.instr);
  for (const m of contextMounts(g.instr)) {
    const rel = contextPath(m.source);
    if (rel !== null && wd !== null && !m.target.includes('$')) out.push({ container: path.posix.resolve(wd, m.target), ctx: rel });
  }
  return out;
}

/** The folder a go command runs in: WORKDIR, then `cd` commands before it in the same RUN. */
function cwdOf(model: DockerfileModel, stage: Stage, g: GoCommand): string | null {
  let cwd = workdirBefore(model, stage, g.instr);
  for (const c of g.instr.script?.parsed.commands ?? []) {
    if (c.start >= g.cmd.start) break;
    if (c.argv[0]?.value !== 'cd') continue;
    const arg = c.argv[1];
    if (!arg) cwd = null; // `cd` alone: $HOME
    else if (arg.dynamic || arg.value === '-') cwd = null;
    else if (cwd !== null) cwd = path.posix.resolve(cwd, arg.value);
  }
  return cwd;
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
  if (rest.startsWith('..')) return null;
  return [best.ctx, rest].filter((x) => x !== '').join('/');
}

/** A go build/install with its packages resolved. */
export function resolveBuild(model: DockerfileModel, ws: WorkspaceModel, stage: Stage, g: GoCommand): GoBuild {
  const cwd = cwdOf(model, stage, g);
  const mappings = mappingsBefore(model, ws, stage, g);
  const { output, outputIsDir } = outputOf(model, stage, g, cwd);
  const build: GoBuild = { go: g, stage, packages: [], resolved: false, output, outputIsDir };
  const args = goPackages(g.args);
  if (args.some((a) => a.dynamic)) return build;
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
  if (goFiles.length > 0) others.push(path.posix.dirname(goFiles[0]));
  for (const t of others) {
    let matched: GoPackage[] | null;
    if (t === '.' || t.startsWith('./') || t.startsWith('../') || t.startsWith('/') || t === '..') {
      // A folder of the builder: map it to the context.
      if (cwd === null) return build;
      const dots = t.indexOf('...');
      const abs = path.posix.resolve(cwd, dots < 0 ? t : t.slice(0, dots) || '.');
      const dir = toContext(mappings, abs);
      if (dir === null) return build;
      matched = dots < 0 ? [packageByDirOf(ws, dir)].filter((p): p is GoPackage => p !== undefined) : mainPackages(ws).filter((p) => dir === '' || p.dir === dir || p.dir.startsWith(dir + '/'));
      if (dots < 0 && matched.length === 0) return build;
    } else if (t.includes('...')) {
      matched = importPattern(ws, t);
    } else {
      const p = resolvePackageArg(ws, t.replace(/@.*$/, ''));
      matched = p ? [p] : null;
    }
    if (matched === null) return build;
    for (const p of matched) if (p.isMain) found.set(p.dir, p);
  }
  build.packages = [...found.values()];
  build.resolved = true;
  return build;
}

function packageByDirOf(ws: WorkspaceModel, dir: string): GoPackage | undefined {
  return ws.packages.find((p) => p.dir === dir);
}

/** Main packages matched by an import-path pattern (`example.com/m/cmd/...`); null when it names nothing local. */
function importPattern(ws: WorkspaceModel, pattern: string): GoPackage[] | null {
  const prefix = pattern.slice(0, pattern.indexOf('...')).replace(/\/$/, '');
  const local = mainPackages(ws).filter((p) => p.importPath !== null && (prefix === '' || p.importPath === prefix || p.importPath.startsWith(prefix + '/')));
  return local.length > 0 ? local : null;
}

function outputOf(model: DockerfileModel, stage: Stage, g: GoCommand, cwd: string | null): { output: string | null; outputIsDir: boolean } {
  if (g.sub === 'install') {
    const gobin = dockerEnv(model, stage, g.instr).get('GOBIN');
    const prefix = g.cmd.env.find((a) => a.name === 'GOBIN')?.value;
    const dir = prefix ?? gobin ?? '/go/bin';
    return { output: dir && !dir.includes('$') ? dir : null, outputIsDir: true };
  }
  const o = goFlag(g.args, 'o');
  if (!o || o.value === true || o.value.includes('$') || (o.valueWord ?? o.word).dynamic) return { output: null, outputIsDir: false };
  const base = cwd ?? '/';
  if (!o.value.startsWith('/') && cwd === null) return { output: null, outputIsDir: false };
  return { output: path.posix.resolve(base, o.value), outputIsDir: o.value.endsWith('/') };
}

/** Every go build/install of a stage's chain, resolved. */
export function stageBuilds(model: DockerfileModel, ws: WorkspaceModel, stage: Stage): GoBuild[] {
  const out: GoBuild[] = [];
  for (const s of stageChain(model, stage)) {
    for (const g of stageGoCommands(s)) {
      if (g.sub === 'build' || g.sub === 'install') out.push(resolveBuild(model, ws, s, g));
    }
  }
  return out;
}

function covers(source: string, b: GoBuild): boolean {
  if (b.output === null) return false;
  const src = path.posix.resolve('/', source);
  const within = (a: string, dir: string) => dir === '/' || a === dir || a.startsWith(dir + '/');
  if (b.outputIsDir) return within(src, b.output) || within(b.output, src);
  if (/[*?[]/.test(source)) return path.posix.dirname(src) === path.posix.dirname(b.output);
  return within(b.output, src);
}

/**
 * The binaries the final stage copies from builder stages: each `COPY --from=<stage>` of the
 * final stage's chain whose source is (or holds) a build output, with those builds. When the
 * outputs are unknown, every build of that stage counts.
 */
export function finalCopies(model: DockerfileModel, ws: WorkspaceModel, finalStage: number): FinalCopy[] {
  const stage = model.stages[finalStage];
  if (!stage) return [];
  const out: FinalCopy[] = [];
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.keyword !== 'COPY') continue;
      const from = i.flags.find((f) => f.name === 'from')?.value;
      if (!from) continue;
      const idx = stageRef(model, from);
      if (idx === null || idx === s.index) continue;
      const builder = model.stages[idx];
      const builds = stageBuilds(model, ws, builder);
      if (builds.length === 0) continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const matching = builds.filter((b) => paths.sources.some((src) => covers(src, b)));
      const unknown = builds.filter((b) => b.output === null);
      const chosen = matching.length > 0 ? matching : unknown;
      if (chosen.length === 0) continue;
      out.push({ copy: i, builder, builds: chosen });
    }
  }
  return out;
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
