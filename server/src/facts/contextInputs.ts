/**
 * What a Go build needs from the build context, so that no .dockerignore pattern ever excludes
 * it: the embeds, the context inputs, whether the build reads .git, whether a pattern conflicts
 * with an input. Used by GD106, GD114, GD305, GD306, GD307 and the
 * .dockerignore generator (../generate/dockerignore.ts).
 *
 * "What the build needs" (`contextInputs`):
 *  - every path a COPY/ADD (or a RUN bind mount) of the context names (`named`);
 *  - go.mod/go.sum (go.work members' too) under a copied folder (`module`);
 *  - vendor/modules.txt when the module is vendored and the build does not say `-mod=mod` (`vendor`);
 *  - the non-test .go files of the packages the build compiles (their local import closure)
 *    and the files their `//go:embed` directives name (`source`, `embed`);
 *  - `possible`: what the build may need but we cannot prove it does - every other package's
 *    sources and embeds, go.work/go.work.sum (leaving them out is a way to build in module
 *    mode), .git when the build reads it, paths RUN scripts name after the copy, folders a make
 *    recipe the RUN may run copies recursively (`cp -r`: makeCopiedFolders). A generated
 *    pattern never excludes these either; GD306 does not report them.
 */
import { posix } from 'path';
import { contextPath, copyPaths, envBefore, goCommands, goFlag, isContextCopy, isGoProgram, isWholeContext, pathEnv, stageChain, stageImage, workdirBefore, type GoCommand } from '../dockerfile/facts';
import { MAKE_NAME, makeArgs } from '../dockerfile/makeRecipe';
import { parseShell, type ShellCommand, type ShellWord } from '../dockerfile/shell';
import { expandVariables } from '../dockerfile/variables';
import { toolRunText } from './toolRunText';
import { goflags, goflagsValue, stagesFeeding } from '../dockerfile/goBuild';
import { buildToolFiles } from '../dockerfile/indirectGo';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { contextBinds, mounts } from '../dockerfile/mounts';
import { installsPackage, isInstall, packageCommands } from '../dockerfile/packages';
import { stageBuilds } from './builtPackages';
import { runFillsFolder } from './runWrites';
import { workspaceFact } from './memo';
import { patternMatcher } from '../workspace/dockerignore';
import type { FileEntryInfo } from '../workspace/types';
import type { GoPackage, WorkspaceModel } from '../workspace/model';
import { buildFacts, dependencyFiles, packageByDir } from '../workspace/query';

// ---------------------------------------------------------------------------------------------
// //go:embed

export interface EmbedDirective {
  /** Package folder, context-relative. */
  dir: string;
  /** The pattern as written, without an `all:` prefix; relative to `dir`. */
  pattern: string;
}

/** The patterns of the `//go:embed` lines of a Go source file. */
export function parseEmbedPatterns(source: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*\/\/go:embed[ \t]+(.*)$/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const rest = m[1].replace(/\r$/, '');
    const tokens = rest.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? [];
    for (const t of tokens) {
      let p = t;
      if (p.startsWith('"')) {
        try {
          p = JSON.parse(p) as string;
        } catch {
          p = p.slice(1, -1);
        }
      } else if (p.startsWith('`')) p = p.slice(1, -1);
      p = p.replace(/^all:/, '');
      if (p !== '') out.push(p);
    }
  }
  return out;
}

/**
 * The `//go:embed` directives of every package of a workspace loaded from disk (read from
 * `ws.root`, cached per model). A file that cannot be read counts as embedding its whole folder,
 * so that nothing it might embed is ever excluded.
 */
export function readEmbedDirectives(ws: WorkspaceModel, read: (rel: string) => string | null): EmbedDirective[] {
  return workspaceFact(ws, 'embedDirectives', () => embedDirectives(ws, read));
}

function embedDirectives(ws: WorkspaceModel, read: (rel: string) => string | null): EmbedDirective[] {
  const out: EmbedDirective[] = [];
  for (const p of ws.packages) {
    // A //go:embed directive needs `import "embed"` in its file.
    if (!p.imports.includes('embed')) continue;
    for (const f of p.files) {
      const text = read(p.dir === '' ? f : `${p.dir}/${f}`);
      if (text === null) {
        out.push({ dir: p.dir, pattern: '.' });
        continue;
      }
      if (!text.includes('//go:embed')) continue;
      for (const pattern of parseEmbedPatterns(text)) out.push({ dir: p.dir, pattern });
    }
  }
  return out;
}

/** The literal folder/file an embed pattern names, up to its first glob segment. */
function embedPath(e: EmbedDirective): string {
  const segs: string[] = [];
  for (const s of e.pattern.split('/')) {
    if (/[*?[\\]/.test(s)) break;
    if (s === '' || s === '.') continue;
    segs.push(s);
  }
  return [e.dir, ...segs].filter((x) => x !== '').join('/');
}

// ---------------------------------------------------------------------------------------------
// What the build needs

export type InputKind = 'named' | 'module' | 'vendor' | 'source' | 'embed' | 'possible';

export interface ContextInput {
  /** Context-relative path ('' never appears: the whole context is not an input of its own). */
  path: string;
  /** A folder (anything under it is needed), a file, or unknown (null: treated as a folder). */
  dir: boolean | null;
  kind: InputKind;
  /** What needs it, for messages: `COPY go.sum ./`, `package cmd/server`. */
  what: string;
  /** The instruction that brings it into the build (a COPY/ADD or a RUN with a bind mount). */
  instr: Instruction | null;
}

export interface InputOptions {
  /** The final stage (default: the last one). */
  finalStage?: number;
  /** `//go:embed` directives (default: none known). */
  embeds?: readonly EmbedDirective[];
  /** Reads a context file (build tool files, scripts); without it, a build tool counts as reading .git. */
  readFile?: (rel: string) => string | null;
}

interface CopyRoot {
  /** Context folder the instruction copies ('' for the whole context). */
  path: string;
  instr: Instruction;
}

/** Instructions that read the context, with the sources they name (COPY/ADD, RUN bind mounts), in the stages the build runs. */
/** The stages whose files can reach the final stage; 'all': every stage (any target's). */
type Target = number | 'all';
const stagesOf = (df: DockerfileModel, finalStage: Target): Set<number> => (finalStage === 'all' ? new Set(df.stages.map((s) => s.index)) : stagesFeeding(df, finalStage));

export function contextUses(df: DockerfileModel, finalStage: Target = df.stages.length - 1): { instr: Instruction; sources: readonly string[] }[] {
  const feeding = stagesOf(df, finalStage);
  const out: { instr: Instruction; sources: readonly string[] }[] = [];
  for (const s of df.stages) {
    if (!feeding.has(s.index)) continue;
    for (const i of s.instructions) {
      if (isContextCopy(i)) {
        const paths = copyPaths(i);
        if (paths) out.push({ instr: i, sources: paths.sources });
      } else if (i.keyword === 'RUN') {
        const sources = contextBinds(i).map((m) => m.source);
        if (sources.length > 0) out.push({ instr: i, sources });
      }
    }
  }
  return out;
}

/** The instructions that copy (or bind-mount) the whole context. */
export function wholeContextUses(df: DockerfileModel, finalStage: Target = df.stages.length - 1): Instruction[] {
  return contextUses(df, finalStage).filter((u) => u.sources.some((s) => isWholeContext(s) || contextPath(s) === '')).map((u) => u.instr);
}

function isUnder(rel: string, dir: string): boolean {
  return dir === '' || rel === dir || rel.startsWith(dir + '/');
}

/** Everything the build needs from the context (see the file comment). */
export function contextInputs(ws: WorkspaceModel, df: DockerfileModel, opts: InputOptions = {}): ContextInput[] {
  const finalStage = opts.finalStage ?? df.stages.length - 1;
  const out: ContextInput[] = [];
  const roots: CopyRoot[] = [];
  const text = (i: Instruction) => df.text.slice(i.span.start, i.span.end).split(/\r?\n|\r/)[0].trim();
  for (const u of contextUses(df, finalStage)) {
    for (const src of u.sources) {
      if (isWholeContext(src)) {
        roots.push({ path: '', instr: u.instr });
        continue;
      }
      const rel = contextPath(src);
      if (rel === null) continue;
      if (rel === '') {
        roots.push({ path: '', instr: u.instr });
        continue;
      }
      roots.push({ path: rel, instr: u.instr });
      out.push({ path: rel, dir: null, kind: 'named', what: text(u.instr), instr: u.instr });
    }
  }
  const rootOf = (rel: string) => roots.find((r) => isUnder(rel, r.path)) ?? null;
  const add = (path: string, dir: boolean | null, kind: InputKind, what: string) => {
    const r = rootOf(path);
    if (r) out.push({ path, dir, kind, what, instr: r.instr });
  };

  // go.work may be left out on purpose (the image then builds in module mode): only `possible`.
  for (const f of dependencyFiles(ws)) add(f, false, /(^|\/)go\.work(\.sum)?$/.test(f) ? 'possible' : 'module', f);
  if (ws.hasVendor && !usesModMod(df, finalStage)) {
    const dir = ws.vendor?.dir ?? ws.module?.dir ?? '';
    add(dir === '' ? 'vendor/modules.txt' : `${dir}/vendor/modules.txt`, false, 'vendor', 'vendor/ (the module is vendored)');
  }

  // The packages the build compiles, with their local imports.
  // (Unresolved builds prove nothing: their packages stay `possible`.)
  const built = new Set<string>();
  // The stages that compile each package (for its embeds).
  const builders = new Map<string, Set<number>>();
  const programs: { stage: number; pkg: GoPackage }[] = [];
  const feeding = stagesFeeding(df, finalStage);
  for (const s of df.stages) {
    if (!feeding.has(s.index)) continue;
    for (const b of stageBuilds({ model: df, workspace: ws }, s)) if (b.stage === s && b.resolved) programs.push(...b.packages.map((pkg) => ({ stage: s.index, pkg })));
  }
  for (const { stage, pkg } of programs) {
    for (const d of buildFacts(ws, pkg.dir).packages) {
      built.add(d);
      builders.set(d, (builders.get(d) ?? new Set()).add(stage));
    }
  }
  for (const d of built) {
    const p = packageByDir(ws, d);
    if (!p) continue;
    for (const f of p.files) add(d === '' ? f : `${d}/${f}`, false, 'source', `package ${d === '' ? '.' : d}`);
  }
  for (const p of ws.packages) {
    if (built.has(p.dir)) continue;
    for (const f of p.files) add(p.dir === '' ? f : `${p.dir}/${f}`, false, 'possible', `package ${p.dir === '' ? '.' : p.dir}`);
  }
  for (const e of opts.embeds ?? []) {
    const path = embedPath(e);
    // The context copies that bring the embedded path into a stage compiling the package (or
    // one it is built FROM); when none is known, every copy that holds it (the first counts).
    const holding = roots.filter((r) => isUnder(path, r.path));
    const compiling = [...(builders.get(e.dir) ?? [])].map((i) => stageChain(df, df.stages[i]).map((c) => c.index));
    const inBuild = holding.filter((r) => compiling.some((chain) => chain.includes(r.instr.stage)));
    // Filled from another stage where the context copy puts it (pocket-id: `COPY --from=frontend-builder
    // /build/frontend/dist ./frontend/dist`): the context's copy is not needed, and often ignored on purpose.
    // harness: the node stage's `COPY ./web .` holds web/dist too, but the Go stage gets dist by
    // `COPY --from=web /usr/src/app/dist /app/web/dist` after its `COPY . .`.
    // Or filled by a RUN of the compiling stage before its build (croc: `npm run embed --prefix web`
    // remakes src/webassets/dist, which .dockerignore leaves out).
    const chains = [...(builders.get(e.dir) ?? [])];
    const read = opts.readFile;
    // Or mounted over by the RUNs that build (webhook-tester: `RUN --mount=type=bind,from=frontend,
    // source=/src/web/dist,target=/src/web/dist … go build`): the build reads the mount.
    const r = inBuild.length > 0 ? inBuild.find((x) => !filledFromStage(df, x, path) && !(read && filledByRun(df, x, path, chains, read)) && !mountedAtBuild(df, x, path, chains)) : holding[0] && !filledFromStage(df, holding[0], path) ? holding[0] : undefined;
    if (!r) continue;
    out.push({ path, dir: null, kind: built.has(e.dir) ? 'embed' : 'possible', what: `//go:embed ${e.pattern} in package ${e.dir || '.'}`, instr: r.instr });
  }
  const git = readsGitMetadata(df, finalStage, opts.readFile, ws);
  if (git) out.push({ path: '.git', dir: true, kind: 'possible', what: text(git), instr: git });
  // A git command of the RUN itself reads the context's repository: as needed as a COPY'd file.
  const direct = runsGitOnContext(df, finalStage);
  if (direct) out.push({ path: '.git', dir: true, kind: 'named', what: direct.command, instr: direct.instr });
  // Relative paths RUN scripts name after the context is copied in (`RUN ./bin/gen.sh`).
  const read = opts.readFile;
  for (const s of df.stages) {
    if (!feeding.has(s.index)) continue;
    let copied = s.baseStage !== null;
    for (const i of s.instructions) {
      if (roots.some((r) => r.instr === i)) copied = true;
      if (i.keyword !== 'RUN' || !copied || !i.script) continue;
      for (const c of i.script.parsed.commands) {
        // The folders a make recipe the RUN reaches copies recursively (makeCopiedFolders).
        if (read) for (const rel of makeCopiedFolders(ws, df, s, i, c, read)) out.push({ path: rel, dir: null, kind: 'possible', what: text(i), instr: i });
        // A script the RUN executes (`./bin/gen.sh`, `sh scripts/x.sh`), not go package paths.
        const cmd = c.argv[0]?.value ?? '';
        const words = INTERPRETERS.has(cmd) ? c.argv.slice(1) : c.argv.slice(0, 1);
        for (const w of words) {
          if (w.dynamic || !/^(\.\/)?[A-Za-z0-9_.-]+\/[^\s]*$/.test(w.value)) continue;
          const rel = contextPath(w.value);
          if (rel) out.push({ path: rel, dir: null, kind: 'possible', what: text(i), instr: i });
        }
      }
    }
  }
  return out;
}

/**
 * The context folders that a make run of a RUN copies recursively in the recipes it may run
 * (facts/toolRunText.ts toolRunText: its goals' recipes where they can be followed, else the whole
 * Makefile): `cp -r`/`-R`/`-a` of a literal relative path, read in the folder make runs in, before
 * any `cd` of its recipe line. CodisLabs/codis de1ad02 Dockerfile:9-12, `COPY . ${CODIS}` then `RUN
 * make -C ${CODIS} build-all`, whose codis-fe recipe (Makefile:27) runs `cp -rf cmd/fe/assets bin/`:
 * the dashboard serves bin/assets, and its index.html loads node_modules/… from it, so
 * cmd/fe/assets/node_modules is used (judge 40 Y W1). The folder make runs in (`-C`, ENV values
 * expanded, else the WORKDIR) must be where a copy of the whole context put it.
 */
function makeCopiedFolders(ws: WorkspaceModel, df: DockerfileModel, stage: Stage, run: Instruction, c: ShellCommand, read: (rel: string) => string | null): string[] {
  if (!MAKE_NAME.test(c.argv[0]?.value ?? '')) return [];
  const env = pathEnv(df, stage, run);
  const argv: ShellWord[] = [];
  for (const w of c.argv) {
    if (!w.dynamic) {
      argv.push(w);
      continue;
    }
    const v = expandVariables(w.raw.replace(/^"(.*)"$/s, '$1'), env);
    if (v === null || /[$`'"\s]/.test(v)) return [];
    argv.push({ ...w, value: v, dynamic: false });
  }
  const args = makeArgs(argv);
  if (!args) return [];
  const wd = workdirBefore(df, stage, run, null);
  const at = args.dir.startsWith('/') ? posix.resolve(args.dir) : wd === null ? null : posix.resolve(wd, args.dir || '.');
  if (at === null) return [];
  const dir = contextFolderAt(df, stage, run, at);
  if (dir === null) return [];
  const join = (rel: string) => (dir === '' ? rel : `${dir}/${rel}`);
  const names = args.file !== null ? [args.file] : ['GNUmakefile', 'makefile', 'Makefile'];
  const file = names.map(join).find((f) => read(f) !== null);
  if (file === undefined) return [];
  const ran = toolRunText(ws, read, { instr: run, cmd: { ...c, argv }, file });
  if (ran === null) return [];
  const out: string[] = [];
  for (const raw of ran.text.split('\n')) {
    const line = raw.replace(/^[ \t]*[@+-]*/, '');
    if (!/(^|[\s;&|])cp\s/.test(line)) continue;
    for (const cmd of parseShell(line).commands) {
      const words = cmd.argv;
      if (words[0]?.value === 'cd') break;
      if (words[0]?.value !== 'cp' || words.some((w) => w.dynamic || w.value === '-t' || w.value.startsWith('--target-directory'))) continue;
      const flags = words.slice(1).filter((w) => w.value.startsWith('-'));
      if (!flags.some((w) => /^-[A-Za-z]*[rRa]/.test(w.value) || w.value === '--recursive' || w.value === '--archive')) continue;
      const operands = words.slice(1).filter((w) => !w.value.startsWith('-')).map((w) => w.value);
      for (const src of operands.slice(0, -1)) {
        if (src.startsWith('/') || src.startsWith('~')) continue;
        const rel = contextPath(join(src));
        if (rel) out.push(rel);
      }
    }
  }
  return out;
}

/** The context folder that a copy of the whole context in the stage's chain, before `before`, put at the absolute folder `abs`; null when none did. */
function contextFolderAt(df: DockerfileModel, stage: Stage, before: Instruction, abs: string): string | null {
  let found: string | null = null;
  for (const s of stageChain(df, stage)) {
    for (const i of s.instructions) {
      if (i === before) return found;
      if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || !isContextCopy(i)) continue;
      const paths = copyPaths(i);
      if (!paths || !paths.sources.every(isWholeContext)) continue;
      const dest = expandVariables(paths.dest, pathEnv(df, s, i));
      const wd = workdirBefore(df, s, i, null);
      if (dest === null || (wd === null && !dest.startsWith('/'))) continue;
      const base = posix.resolve(wd ?? '/', dest);
      if (abs === base) found = '';
      else if (abs.startsWith(base === '/' ? '/' : `${base}/`)) found = abs.slice(base === '/' ? 1 : base.length + 1);
    }
  }
  return found;
}

/**
 * A COPY --from of the root's stage writes exactly where the root puts the context path `rel`
 * (`COPY ./backend ./` in /build puts backend/frontend/dist at /build/frontend/dist).
 */
function filledFromStage(df: DockerfileModel, root: CopyRoot, rel: string): boolean {
  const stage = df.stages[root.instr.stage];
  const placed = rootPlacement(df, root);
  if (!stage || !placed) return false;
  const target = placed.at(rel);
  // Before the context copy too: copying a context without the folder leaves it in place.
  for (const i of stage.instructions) {
    if (i.keyword !== 'COPY' || !i.flags.some((f) => f.name === 'from')) continue;
    const d = copyPaths(i)?.dest;
    if (d !== undefined && absoluteDest(df, stage, i, d) === target) return true;
  }
  return false;
}

/** A COPY's destination as a builder path (relative ones under the WORKDIR); null when unknown. */
function absoluteDest(df: DockerfileModel, stage: Stage, i: Instruction, dest: string): string | null {
  if (dest.startsWith('/')) return posix.resolve(dest);
  const wd = workdirBefore(df, stage, i, null);
  return wd === null ? null : posix.resolve(wd, dest);
}

/**
 * Where a context copy puts things in its stage: the builder path of a context path under the
 * root (`at`), and the context path of a builder path under its destination (`contextOf`).
 */
function rootPlacement(df: DockerfileModel, root: CopyRoot): { at(rel: string): string; contextOf(abs: string): string | null } | null {
  const stage = df.stages[root.instr.stage];
  if (!stage || (root.instr.keyword !== 'COPY' && root.instr.keyword !== 'ADD')) return null;
  const dest = copyPaths(root.instr)?.dest;
  const base = dest === undefined ? null : absoluteDest(df, stage, root.instr, dest);
  if (base === null) return null;
  return {
    at: (rel) => posix.join(base, root.path === '' ? rel : rel.slice(root.path.length + 1)),
    contextOf: (abs) => {
      if (abs !== base && !abs.startsWith(base === '/' ? '/' : `${base}/`)) return null;
      const rest = abs === base ? '' : abs.slice(base === '/' ? 1 : base.length + 1);
      return [root.path, rest].filter((x) => x !== '').join('/');
    },
  };
}

/**
 * A RUN after the root's copy fills the folder where the copy puts the context path `rel`
 * (runWrites.ts runFillsFolder), in the chain of a stage that compiles the package (`compiling`,
 * stage indexes), at or before that chain's last go build/install: the context's copy of the
 * folder is then not what the build uses (croc's `npm run embed --prefix web` remakes
 * src/webassets/dist from web/dist before `go build`; .dockerignore leaves it out on purpose).
 */
function filledByRun(df: DockerfileModel, root: CopyRoot, rel: string, compiling: number[], read: (rel: string) => string | null): boolean {
  const placed = rootPlacement(df, root);
  if (!placed) return false;
  const target = placed.at(rel);
  const files = { contextOf: placed.contextOf, read };
  for (const c of compiling) {
    const chain = stageChain(df, df.stages[c]);
    const from = chain.findIndex((s) => s.index === root.instr.stage);
    if (from < 0) continue;
    // The steps from the copy to the chain's last build (inclusive: `npm run embed && go build`).
    const steps: { stage: Stage; instr: Instruction }[] = [];
    for (const s of chain.slice(from)) for (const i of s.instructions) if (s !== chain[from] || i.line > root.instr.line) steps.push({ stage: s, instr: i });
    let last = -1;
    steps.forEach((x, n) => {
      if (goCommands(x.instr).some((g) => g.sub === 'build' || g.sub === 'install')) last = n;
    });
    for (const x of steps.slice(0, last + 1)) if (runFillsFolder(df, x.stage, x.instr, target, files) !== null) return true;
  }
  return false;
}

/**
 * Every RUN that runs a go build/install after the root's copy, in the chain of each stage that
 * compiles the package (`compiling`, stage indexes), mounts something over the builder folder
 * where the copy puts the context path `rel` (or over a folder above it): a bind mount of
 * another stage or image (`from=`) or a cache mount, its target resolved against the WORKDIR.
 * The build reads the mount, not the context's copy: tarampampam/webhook-tester de43e59 builds
 * with `--mount=type=bind,from=frontend,source=/src/web/dist,target=/src/web/dist` after `COPY .
 * /src`, and its .dockerignore leaves web/dist out on purpose (GD306 judge 31 Y W1).
 */
function mountedAtBuild(df: DockerfileModel, root: CopyRoot, rel: string, compiling: number[]): boolean {
  const placed = rootPlacement(df, root);
  if (!placed) return false;
  const target = placed.at(rel);
  let builds = 0;
  for (const c of compiling) {
    const chain = stageChain(df, df.stages[c]);
    const from = chain.findIndex((s) => s.index === root.instr.stage);
    if (from < 0) continue;
    for (const s of chain.slice(from)) {
      for (const i of s.instructions) {
        if ((s === chain[from] && i.line <= root.instr.line) || !goCommands(i).some((g) => g.sub === 'build' || g.sub === 'install')) continue;
        builds++;
        const covers = mounts(i).some((m) => {
          if (m.target === null || m.target.includes('$') || !((m.type === 'bind' && m.from !== null) || m.type === 'cache')) return false;
          const t = absoluteDest(df, s, i, m.target);
          return t !== null && (t === target || (t !== '/' && target.startsWith(`${t}/`)));
        });
        if (!covers) return false;
      }
    }
  }
  return builds > 0;
}

// ---------------------------------------------------------------------------------------------
// Builds that read .git

/** Commands that read the local repository (not `git clone`: that fetches another one). */
const GIT_READ = /\bgit\s+(?:-C\s+\S+\s+)?(?:describe|rev-parse|log|show|status|diff|tag|rev-list|symbolic-ref|name-rev|branch|ls-files|config\b[^\n]*safe\.directory)\b/;

/** A git command reading the repository in the working folder (no `-C`: that names another one). */
const GIT_READ_HERE = /\bgit\s+(describe|rev-parse|log|show|rev-list|name-rev|symbolic-ref|tag|branch|status|diff|ls-files)\b/;
/** A repository of the image's own, which a later git command may be reading instead. */
const GIT_OWN_REPO = /\bgit\s+(?:-C\s+\S+\s+)?(?:clone|init)\b/;

/** Where a shell `if`/`elif` starts a condition (after a command separator or a keyword). */
const IF_KEYWORD = /(?:^|[;&|\n(]|\b(?:then|else|do))[\s\\]*(?:if|elif)\s/g;

/**
 * The first git read of a script that runs unguarded: a git read in the condition of an `if`
 * (`if git rev-parse --git-dir >/dev/null 2>&1; then … else version=local; fi`, tg-spam) tests
 * for the repository, and the commands up to the matching `fi` run only when it is there.
 */
function unguardedGitRead(script: string): RegExpExecArray | null {
  const reads = new RegExp(GIT_READ_HERE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = reads.exec(script)) !== null) {
    const after = conditionEnd(script.slice(0, m.index));
    if (after === null) return m;
    // Skip to the `fi` that closes this `if` (an `elif` is inside its `if` already).
    const words = /\b(if|fi)\b/g;
    words.lastIndex = after;
    let depth = 1;
    let end = script.length;
    for (let w = words.exec(script); w !== null; w = words.exec(script)) {
      depth += w[1] === 'if' ? 1 : -1;
      if (depth === 0) {
        end = w.index;
        break;
      }
    }
    reads.lastIndex = Math.max(end, m.index + m[0].length);
  }
  return null;
}

/** When the end of `before` is in the condition of an `if`/`elif` (no `then` since): the offset just after that keyword; else null. */
function conditionEnd(before: string): number | null {
  let last: RegExpExecArray | null = null;
  IF_KEYWORD.lastIndex = 0;
  for (let k = IF_KEYWORD.exec(before); k !== null; k = IF_KEYWORD.exec(before)) last = k;
  if (!last) return null;
  const end = last.index + last[0].length;
  return /\bthen\b/.test(before.slice(end)) ? null : end;
}

/**
 * The first RUN (of a stage the target needs) whose own script runs a git command on the
 * context's repository (`git describe`, `git rev-parse`; no `-C`) after the whole context is
 * in: .git is then as needed as a file a COPY names (transfer.sh builds with `-X
 * …Version=$(git describe --tags)` and excludes .git: every image says an empty version).
 * Not when the stage (or one it is built FROM) clones or inits a repository of its own, and not
 * when a `||` follows the git command (a fallback: `$(git describe || echo dev)` is meant to work
 * without .git), or when every git read is in, or guarded by, the condition of an `if`. A `||`
 * whose fallback reads the repository too is no fallback: gno's `git describe … || echo
 * "$(git rev-parse …).$(git rev-list …)"` fails the same way and the version is always `.+`.
 */
export function runsGitOnContext(df: DockerfileModel, finalStage: Target = df.stages.length - 1): { instr: Instruction; command: string } | null {
  const feeding = stagesOf(df, finalStage);
  const whole = new Set(wholeContextUses(df, finalStage));
  const hasContext: boolean[] = [];
  const ownRepo: boolean[] = [];
  for (const s of df.stages) {
    let copied = s.baseStage !== null && (hasContext[s.baseStage] ?? false);
    let own = s.baseStage !== null && (ownRepo[s.baseStage] ?? false);
    for (const i of s.instructions) {
      if (whole.has(i) && i.keyword !== 'RUN') copied = true;
      if (i.keyword !== 'RUN' || !i.script) continue;
      const script = i.script.text;
      const m = GIT_READ_HERE.exec(script);
      const before = m ? script.slice(0, m.index) : script;
      if (GIT_OWN_REPO.test(before)) own = true;
      if (!m || own || !feeding.has(s.index) || !(copied || whole.has(i))) continue;
      if (hasFallbackWithoutGit(script.slice(m.index))) continue;
      const read = unguardedGitRead(script);
      if (!read) continue;
      return { instr: i, command: `git ${read[1]}` };
    }
    hasContext[s.index] = copied;
    ownRepo[s.index] = own;
  }
  return null;
}

/**
 * Whether a `||` in `script` runs a fallback that reads no repository here: the commands after
 * it, up to the end of its list (`;`, `&`, `|`, a newline, or the `)`/`}` that closes the group or
 * command substitution it is in). Quoted text is part of the fallback: `echo "$(git rev-parse
 * HEAD)"` reads the repository.
 */
function hasFallbackWithoutGit(script: string): boolean {
  for (let at = script.indexOf('||'); at !== -1; at = script.indexOf('||', at + 2)) {
    if (!GIT_READ_HERE.test(fallbackAfter(script, at + 2))) return true;
  }
  return false;
}

/** The text of the command list that starts at `from` (just after a `||`), as hasFallbackWithoutGit reads it. */
function fallbackAfter(script: string, from: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let k = from; k < script.length; k++) {
    const c = script[k];
    if (quote === "'") {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '\\') {
      k++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') {
      if (--depth < 0) return script.slice(from, k);
    } else if (depth === 0 && (c === ';' || c === '&' || c === '|' || c === '\n')) return script.slice(from, k);
  }
  return script.slice(from);
}

/**
 * The first RUN that has the context and reads its git metadata: a git command that reads the
 * repository (`git describe`, `git rev-parse`, `git config ... safe.directory`), `go build
 * -buildvcs=true`, goreleaser, or a build tool or script (make, task, mage, just, `./build.sh`,
 * `hack/build.sh` when the context has it, `go run build.go`) whose file mentions git. A tool
 * file that cannot be read counts as reading git (we cannot tell). Where the stage has git (`stageHasGit`), also a `go tool NAME` of the
 * module's own tools (a program we cannot read: mautrix's `go tool maubuild` runs `git describe`),
 * run by the RUN or by the script or tool file it runs; and, given the workspace, a go build that
 * stamps VCS information (no `-buildvcs=false`) of a program that reads its build info
 * (`programReadsBuildInfo`): the stamp (vcs.revision, and since Go 1.24 Main.Version from the tag)
 * comes from .git. Null when the build does not read .git. `finalStage` 'all': the build of any
 * target. GD114, GD305's fix and the generated .dockerignore all ask this one question.
 */
export function readsGitMetadata(df: DockerfileModel, finalStage: Target = df.stages.length - 1, read?: (rel: string) => string | null, ws?: WorkspaceModel): Instruction | null {
  const feeding = stagesOf(df, finalStage);
  const whole = new Set(wholeContextUses(df, finalStage));
  const hasContext: boolean[] = [];
  const reader = ws !== undefined && read !== undefined ? programReadsBuildInfo(ws, read) : null;
  /** The program reads the VCS stamp of a go build whose command (or file) is `text`. */
  const readsStamp = (text: string): boolean => reader === 'program' || (reader === 'prometheus' && !PROMETHEUS_REVISION_SET.test(text));
  /** What the files say: `git` in their text, or (git at hand) an opaque go tool or a stamping go build. */
  const fileReads = (files: string[], git: boolean): boolean => {
    for (const f of files) {
      // The file and the scripts it runs in the context (yggdrasil's ./build runs
      // `sh contrib/semver/version.sh`, which runs `git describe`).
      const texts = read ? scriptsRunBy(f, read, ws).map((s) => s.text) : [];
      if (texts.length > 0) return texts.some((text) => /\bgit\b/.test(text) || (git && (OPAQUE_GO_TOOL.test(text) || (GO_BUILD_IN_TEXT.test(text) && !BUILDVCS_OFF.test(text) && readsStamp(text)))));
    }
    return true;
  };
  for (const s of df.stages) {
    let copied = s.baseStage !== null && (hasContext[s.baseStage] ?? false);
    for (const i of s.instructions) {
      if (whole.has(i) && i.keyword !== 'RUN') copied = true;
      if (i.keyword !== 'RUN' || !i.script || !feeding.has(s.index) || !(copied || whole.has(i))) continue;
      if (GIT_READ.test(i.script.text)) return i;
      const gos = goCommands(i);
      if (gos.some((g) => goFlag(g.args, 'buildvcs')?.value === 'true' || goFlag(g.args, 'buildvcs')?.value === true)) return i;
      let git: boolean | undefined;
      const hasGit = () => (git ??= stageHasGit(df, s, i));
      if (gos.some((g) => g.sub === 'tool' && isModuleTool(g.args[0]?.value)) && hasGit()) return i;
      if (reader !== null && gos.some((g) => (g.sub === 'build' || g.sub === 'install') && stampsVcs(df, s, g)) && readsStamp(i.script.text) && hasGit()) return i;
      for (const c of i.script.parsed.commands) {
        const argv = c.argv.map((w) => w.value);
        const cmd = argv[0] ?? '';
        const base = cmd.split('/').pop() ?? cmd;
        if (base === 'goreleaser') return i;
        let files: string[] | null = null;
        const tool = buildToolFiles(argv);
        if (tool !== null) {
          files = tool;
        } else if (isGoProgram(base) && argv[1] === 'run') {
          const goFiles = argv.slice(2).filter((a) => a.endsWith('.go'));
          if (goFiles.length > 0) files = goFiles;
        } else if (isGoProgram(base) && argv[1] === 'test') {
          // Tests run at build time: a test that opens the repository (casdoor's
          // TestGetVersionInfo, git.PlainOpen through go-git) needs .git in the context.
          if (testsReadRepository(argv.slice(2), read, ws)) return i;
          continue;
        } else if (cmd.startsWith('./') || (INTERPRETERS.has(cmd) && /^(\.\/)?[\w.-]+\/.*|^[\w.-]+\.(sh|bash)$/.test(argv[1] ?? ''))) {
          files = [INTERPRETERS.has(cmd) ? argv[1] : cmd];
        } else if (/^[\w.-]+\/[\w./-]+$/.test(cmd) && read) {
          // A script run by its relative path without ./ (openshift's `RUN hack/build-go.sh`):
          // only when the context has that file (a word such as `bin/app` may be a built binary).
          const rel = contextPath(cmd);
          if (rel && read(rel) !== null) files = [cmd];
        }
        if (files === null) continue;
        const rels = files.map((f) => contextPath(f)).filter((f): f is string => f !== null && f !== '');
        if (rels.length > 0 && fileReads(rels, hasGit() && !goflagsOff(df, s, i))) return i;
      }
    }
    hasContext[s.index] = copied;
  }
  return null;
}

/** How far `scriptsRunBy` follows: scripts called from scripts, and files read in all. */
const SCRIPT_DEPTH = 3;
const SCRIPT_FILES = 16;

/**
 * A relative script path a script or Makefile runs: a `.sh`/`.bash` path anywhere
 * (`PKGVER=$(sh contrib/semver/version.sh --bare)`, `source ./lib.sh`), or, at the start of a
 * command, `./name` or `dir/name` (`./hack/version`, `$(shell hack/version)`, a recipe's
 * `@scripts/build`). Group 1: a `$(dirname "$0")/`, `${DIR}/`, `$ROOT/` prefix (the path is
 * then relative to the script's folder as well); group 2: the path.
 */
const SCRIPT_CALL = /(?:^|[\s;&|(`"'=])(\$\([^()\s]*(?:\s+"?\$\{?0\}?"?)?\)\/|\$\{[^}\s]*\}\/|\$\w+\/)?((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w.-]+\.(?:sh|bash))(?=$|[\s;&|)`"'])|(?:^[ \t@+-]*|[;&|(`]\s*|\$\((?:shell\s+)?|\b(?:then|do|else|exec)\s+)(\$\([^()\s]*(?:\s+"?\$\{?0\}?"?)?\)\/|\$\{[^}\s]*\}\/|\$\w+\/)?(\.\/[\w.-]+(?:\/[\w.-]+)*|[\w.-]+\/[\w.-]+(?:\/[\w.-]+)*)(?=$|[\s;&|)`"'])/gm;

/**
 * A script or build file (context-relative) and the scripts of the context it runs, followed
 * from script to script (at most SCRIPT_DEPTH calls deep, SCRIPT_FILES files in all), each with
 * its text; empty when the file itself cannot be read. A path is looked up from the context
 * root (where the RUN runs after `COPY . /src` + `WORKDIR /src`) and from the calling script's
 * folder; only files the context has are followed. Kept per workspace model when given.
 */
export function scriptsRunBy(rel: string, read: (rel: string) => string | null, ws?: WorkspaceModel): { path: string; text: string }[] {
  const compute = () => {
    const out: { path: string; text: string }[] = [];
    const seen = new Set<string>();
    let level: string[] = [rel];
    for (let depth = 0; depth <= SCRIPT_DEPTH && level.length > 0; depth++) {
      const next: string[] = [];
      for (const p of level) {
        if (seen.has(p) || out.length >= SCRIPT_FILES) continue;
        seen.add(p);
        const text = read(p);
        if (text === null) continue;
        out.push({ path: p, text });
        if (depth === SCRIPT_DEPTH) continue;
        const dir = posix.dirname(p) === '.' ? '' : posix.dirname(p);
        SCRIPT_CALL.lastIndex = 0;
        for (let m = SCRIPT_CALL.exec(text); m !== null; m = SCRIPT_CALL.exec(text)) {
          const word = m[2] ?? m[4];
          const fromScriptDir = (m[1] ?? m[3]) !== undefined;
          const inDir = dir === '' ? null : contextPath(`${dir}/${word}`);
          const candidates = fromScriptDir ? [inDir, contextPath(word)] : [contextPath(word), inDir];
          const found = candidates.find((c): c is string => c !== null && c !== '' && !seen.has(c) && c !== p && read(c) !== null);
          if (found) next.push(found);
        }
      }
      level = next;
    }
    return out;
  };
  return ws ? workspaceFact(ws, `scriptsRunBy:${rel}`, compute) : compute();
}

/** Go code that opens a git repository: go-git, git2go, or the git command run through os/exec. */
const GO_READS_GIT = /"(github\.com\/go-git\/go-git|gopkg\.in\/src-d\/go-git|github\.com\/libgit2\/git2go)(\/v\d+)?(\/[^"]*)?"|exec\.Command(Context)?\([^)]*"git"/;
const GIT_PACKAGE = /^(github\.com\/go-git\/go-git|gopkg\.in\/src-d\/go-git|github\.com\/libgit2\/git2go)(\/|\.|$)/;

/**
 * `go test` arguments that test code opening a git repository: a named .go file that imports
 * go-git or git2go, or runs git (`go test ./util/system_test.go ./util/system.go`), or a package
 * (`./util`, `./...`, relative to the context root) whose files import go-git or git2go.
 */
function testsReadRepository(args: readonly string[], read: ((rel: string) => string | null) | undefined, ws: WorkspaceModel | undefined): boolean {
  const words = args.filter((a) => !a.startsWith('-'));
  for (const f of words.filter((a) => a.endsWith('.go'))) {
    const rel = contextPath(f);
    const text = rel && read ? read(rel) : null;
    if (text !== null && GO_READS_GIT.test(text)) return true;
  }
  if (!ws) return false;
  for (const w of words) {
    if (w.endsWith('.go') || !w.startsWith('.')) continue;
    const all = w.endsWith('/...');
    const dir = contextPath(all ? w.slice(0, -4) || '.' : w);
    if (dir === null) continue;
    const matches = (p: string) => p === dir || (all && (dir === '' || p.startsWith(`${dir}/`)));
    if (ws.packages.some((p) => matches(p.dir) && p.imports.some((imp) => GIT_PACKAGE.test(imp)))) return true;
  }
  return false;
}

/**
 * git is in the stage when `before` runs: a package manager installs it (in the stage or one it is
 * built FROM, or in `before` itself: dmachard/go-dnscollector's `RUN apk add git && go build`),
 * or the image ships it (the Debian-based golang images, built on buildpack-deps scm; the alpine
 * ones have none).
 */
export function stageHasGit(df: DockerfileModel, stage: Stage, before?: Instruction): boolean {
  const image = stageImage(df, stage);
  if (image?.goToolchain && image.libc === 'glibc') return true;
  const isGit = (name: string) => name === 'git';
  return installsPackage(df, stage, isGit, before) || (before !== undefined && packageCommands(before).some((p) => isInstall(p) && p.packages.some((x) => isGit(x.name))));
}

/** The tools of the go distribution (`go tool NAME`); any other name is a program of the module's `tool` lines. */
const TOOLCHAIN_TOOLS = ['addr2line', 'asm', 'buildid', 'cgo', 'compile', 'covdata', 'cover', 'dist', 'doc', 'fix', 'link', 'nm', 'objdump', 'pack', 'pprof', 'preprofile', 'test2json', 'trace', 'vet'];
/**
 * Module tools known to read no repository metadata: code generators from the module's own files
 * (`go tool sqlc generate`, `go tool templ generate`: enchant97/note-mark's and
 * damongolding/immich-kiosk's Dockerfiles, and the generated ones).
 */
const GIT_FREE_TOOLS = ['sqlc', 'templ'];
const isModuleTool = (name: string | undefined): boolean => name !== undefined && name !== '' && !name.startsWith('-') && !TOOLCHAIN_TOOLS.includes(name) && !GIT_FREE_TOOLS.includes(name);
const OPAQUE_GO_TOOL = new RegExp(`(?:^|[\\s;&|(@'"\`])go\\s+tool\\s+(?!(?:${[...TOOLCHAIN_TOOLS, ...GIT_FREE_TOOLS].join('|')})(?![\\w.-]))[\\w.-]`, 'm');
/** A go build in a Makefile/script (`go build`, `$(GO) install`), and one that turns stamping off. */
export const GO_BUILD_IN_TEXT = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|xx-go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+(?:build|install)\b/m;
const BUILDVCS_OFF = /-buildvcs[= ]false\b/;

/** A go build that stamps VCS information (no -buildvcs=false on the line or in GOFLAGS). */
function stampsVcs(df: DockerfileModel, stage: Stage, g: GoCommand): boolean {
  const flag = goFlag(g.args, 'buildvcs');
  if (flag) return flag.value !== 'false';
  const flags = goflags(df, stage, g);
  return flags !== null && (flags === undefined || goflagsValue(flags, 'buildvcs') !== 'false');
}

/** The RUN or the GOFLAGS it gets from ENV say -buildvcs=false (the go builds of a tool it runs then stamp nothing). */
function goflagsOff(df: DockerfileModel, stage: Stage, i: Instruction): boolean {
  return BUILDVCS_OFF.test(i.script?.text ?? '') || BUILDVCS_OFF.test(envBefore(df, stage, i).get('GOFLAGS') ?? '');
}

/**
 * Packages that read the program's VCS stamp themselves, imported by a package of the workspace:
 * prometheus/common/version computes its revision from vcs.revision in its init (unless
 * `-X …/common/version.Revision=` sets it), and client_golang's collectors/version publishes that
 * as build_info's revision label (dmachard/go-dnscollector); versioninfo reads vcs.revision in its init.
 */
const PROMETHEUS_VERSION = ['github.com/prometheus/common/version', 'github.com/prometheus/client_golang/prometheus/collectors/version'];
const VCS_READING_PACKAGES = ['github.com/carlmjohnson/versioninfo', 'github.com/earthboundkid/versioninfo/v2'];
/** A build sets prometheus/common/version's revision itself: its init then reads no stamp. */
const PROMETHEUS_REVISION_SET = /\/common\/version\.Revision=/;

/**
 * A package of the workspace reads the program's build info (`debug.ReadBuildInfo()`, or the
 * `"vcs.revision"` settings keys): with VCS stamping, what it reads comes from .git
 * (vcs.revision/time/modified; Main.Version from the tag since Go 1.24: mvdan/sh's
 * `shfmt --version`; spicedb hands it to a dependency that reads vcs.revision); or it imports a
 * package that reads the stamp ('prometheus': prometheus/common/version, unless the build sets
 * its Revision). Null when nothing reads it.
 */
export function programReadsBuildInfo(ws: WorkspaceModel, read: (rel: string) => string | null): 'program' | 'prometheus' | null {
  return workspaceFact(ws, 'readsBuildInfo', () => {
    let prometheus = false;
    for (const p of ws.packages) {
      if (p.imports.some((x) => VCS_READING_PACKAGES.includes(x))) return 'program';
      if (p.imports.some((x) => PROMETHEUS_VERSION.includes(x))) prometheus = true;
      if (!p.imports.includes('runtime/debug')) continue;
      for (const f of p.files) {
        const text = read(p.dir === '' ? f : `${p.dir}/${f}`);
        if (text !== null && /\bReadBuildInfo\s*\(|"vcs\.(revision|time|modified)"/.test(text)) return 'program';
      }
    }
    return prometheus ? 'prometheus' : null;
  });
}

const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'source', '.', 'python', 'python3', 'node', 'perl', 'ruby', 'make']);

/** A go command of the build says `-mod=mod` (vendor/ is then not read). */
function usesModMod(df: DockerfileModel, finalStage: number): boolean {
  const feeding = stagesFeeding(df, finalStage);
  return df.stages.some((s) => feeding.has(s.index) && s.instructions.some((i) => goCommands(i).some((g) => goFlag(g.args, 'mod')?.value === 'mod')));
}

// ---------------------------------------------------------------------------------------------
// Patterns against inputs

/** A name the pattern's last segment matches (`**\/*.test` -> `x.test`), to probe under a folder. */
function probeName(pattern: string): string {
  const segs = pattern.replace(/\/+$/, '').split('/');
  return segs[segs.length - 1].replace(/\*\*/g, 'x').replace(/[*?]/g, 'x');
}


/**
 * The memo of `patternConflict`'s file checks for one workspace model (valid as long as the
 * model is): does a pattern exclude any file under a folder (`pattern\0folder`)?
 */
export function conflictCache(ws: WorkspaceModel): Map<string, boolean> {
  return workspaceFact(ws, 'patternExcludesUnder', () => new Map<string, boolean>());
}

/**
 * The first input a (positive) pattern would exclude, or null. With `listFiles`, a folder input
 * is checked against the files under it (memoised in `cache`, see `conflictCache`).
 */
export function patternConflict(
  pattern: string,
  inputs: readonly ContextInput[],
  listFiles?: (under: string) => readonly { path: string }[],
  cache?: Map<string, boolean>,
): ContextInput | null {
  const m = patternMatcher(pattern);
  const literal = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  const anchored = !/[*?[]/.test(literal) ? literal : null;
  // Whatever the pattern matches contains its longest literal run: a cheap first test.
  const lit = literal.split(/[*?[\]\\/]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const may = (p: string) => lit === '' || p.includes(lit);
  for (const input of inputs) {
    if (input.path !== '' && may(input.path) && m.isIgnored(input.path)) return input;
    if (input.dir === false) continue;
    // An anchored pattern below the folder (`web/dist` under `web`).
    if (anchored !== null && isUnder(anchored, input.path) && anchored !== input.path) return input;
    if (input.path === '.git') continue;
    if (listFiles) {
      // The files actually there.
      const key = `${pattern}\0${input.path}`;
      let hit = cache?.get(key);
      if (hit === undefined) {
        hit = listFiles(input.path).some((f) => may(f.path) && m.isIgnored(f.path));
        cache?.set(key, hit);
      }
      if (hit) return input;
    } else if (input.what.startsWith('//go:embed')) {
      // No file list: would the pattern match something the directive may embed?
      if (m.isIgnored(input.path === '' ? probeName(pattern) : `${input.path}/${probeName(pattern)}`)) return input;
    }
  }
  return null;
}
