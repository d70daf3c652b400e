/**
 * Go run through a build tool or a script: `RUN make build`, `RUN task build`, `RUN ./build.sh`,
 * `RUN sh scripts/build.sh`. The tool's file is read as text (never executed) for go commands;
 * its flags cannot be known, so rules that only need "a Go build reads the module here" (GD101,
 * GD104) count the step, and rules about flags (trimpath, -s -w, cache mounts) leave it alone.
 */
import * as path from 'node:path';
import { gitClone, inScriptOrder, tarExtracts } from './created';
import { isArchive } from './copySources';
import { contextPath, copyPaths } from './facts';
import { registerStageFactSlot, type Instruction, type Stage } from './model';
import type { ShellCommand, ShellWord } from './shell';

/** Build tools and where their files are (relative to the folder they run in), in the order each tool looks. */
const TOOL_FILES: Record<string, string[]> = {
  make: ['Makefile', 'makefile', 'GNUmakefile'],
  gmake: ['GNUmakefile', 'Makefile', 'makefile'],
  task: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml'],
  mage: ['magefile.go'],
  just: ['justfile', 'Justfile', '.justfile'],
};
const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'source', '.']);
/** Commands that unpack an archive (tar and bsdtar when they extract: created.ts tarExtracts). */
const UNPACKERS = new Set(['unzip', 'gunzip']);

/** A go command in a Makefile/Taskfile/script: `go build`, `$(GO) build`, `${GOCMD} install`, `go tool …`. */
export const GO_IN_TEXT = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|xx-go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+(?:build|install|run|test|generate|mod|vet|list|get|tool)\b|(?:^|\s)goreleaser\s+(?:build|release)\b|(?:^|[\s;&|(@])(?:\S*\/)?(?:promu|\$\(PROMU\)|\$\{PROMU\})\s+(?:build|crossbuild)\b|mage:import|^package main/m;

/**
 * A command in a build tool's file that compiles the module: `go build`/`go install` (`$(GO)
 * build`), `goreleaser build|release`, and `promu build|crossbuild` (the Prometheus build tool:
 * `go build` of the binaries .promu.yml names; `$(PROMU) build --prefix $(PREFIX)` in
 * burningalchemist/sql_exporter's Makefile). They need the module cache and the build cache.
 */
export const COMPILES_IN_TEXT = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|xx-go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+(?:build|install)\b|(?:^|[\s;&|(@])(?:\S*\/)?(?:goreleaser\s+(?:build|release)|(?:promu|\$\(PROMU\)|\$\{PROMU\})\s+(?:build|crossbuild))\b/m;

/**
 * Tools that load the module's packages with their dependencies (go/packages, or `go list -deps`
 * under the hood): like a build, they need every dependency's source in the module cache.
 * `swag init` runs `go list -json -e -deps` unless `--parseGoList=false` (and then still walks
 * the dependencies with `--parseDependency`/`--pd`): pufferpanel's `~/go/bin/swag init … -g
 * web/loader.go` after `COPY . .` (judge 27, W3). mockery, wire, gqlgen, golangci-lint,
 * staticcheck and controller-gen type-check the packages they load. Keyed by the program's
 * name; the predicate reads the words after it. A help or version run loads nothing.
 */
const PACKAGE_LOADERS: Record<string, (args: readonly string[]) => boolean> = {
  swag: (a) => a[0] === 'init' && (!a.some((w) => /^--?parseGoList=(false|0)$/i.test(w)) || a.some((w) => /^--?(parseDependency|pd)(=|$)/.test(w) && !/=(false|0)$/i.test(w))),
  'golangci-lint': () => true,
  mockery: () => true,
  wire: () => true,
  gqlgen: () => true,
  staticcheck: () => true,
  'controller-gen': () => true,
};
const NO_LOAD = /^(-h|--help|help|-v|--version|version)$/;

/**
 * A command that loads the module's packages with their dependencies (PACKAGE_LOADERS): the
 * program by its base name (`~/go/bin/swag`, `/go/bin/mockery`), its words after it. GD107 counts
 * it among the later readers of a download's layer.
 */
export function loadsModulePackages(argv: readonly string[]): boolean {
  const name = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (!Object.prototype.hasOwnProperty.call(PACKAGE_LOADERS, name)) return false;
  const args = argv.slice(1);
  return !(args.length > 0 && NO_LOAD.test(args[0])) && PACKAGE_LOADERS[name](args);
}

export interface IndirectGoStep {
  instr: Instruction;
  cmd: ShellCommand;
  /** The file read (context-relative), or null when the tool file was not found or not readable. */
  file: string | null;
  /**
   * The clone the command runs in (the folder the stage `git clone`d a repository into, through its
   * WORKDIR or a `cd`: the command runs that repository's files): its URL, and its folder (null when
   * under the FROM image's WORKDIR, not known). cloudnativelabs/kube-router 7c2c277
   * Dockerfile:31-38, `git clone …/iptables-wrappers.git .` then `make build`. Absent otherwise.
   */
  clone?: { url: string; dir: string | null };
}

/**
 * The RUNs of a stage that run a build tool or script whose file runs go. `files` reads a
 * context-relative file (null when absent); without it, or when the file cannot be read, a tool
 * run counts as a Go step only when `unreadableCounts` says so (a golang-image stage, say).
 * Except a file the context does not have (`files` says null) after the stage has downloaded
 * (curl, wget) and unpacked (unzip, tar -x …) something, in that RUN or an earlier one: it came
 * out of the archive, an installer of another project (opentelemetry-operator's e2e-openshift
 * toolbox image: `curl … -o awscliv2.zip && unzip awscliv2.zip && ./aws/install`), not a build of
 * the context's Go. Likewise any tool run after the RUN has changed (`cd`, `pushd`) into a folder
 * the stage unpacked an archive into, whatever the context holds: that is the archive's Makefile
 * (AnalogJ/scrutiny's smartmontools stage: `tar -xzf … -C /tmp && cd /tmp/smartmontools-${VER}
 * && ./configure && make`, a C build, while the repository's own Makefile runs `go build`).
 * Likewise a tool run in a folder the stage `git clone`d another repository into, through its
 * WORKDIR or a `cd` (moov-io/watchman's libpostal: `WORKDIR /src/libpostal`, `make -j4`).
 */
export function indirectGoSteps(stage: Stage, files: ContextReader | undefined, unreadableCounts: boolean, opts: { variableScripts?: boolean } = {}): IndirectGoStep[] {
  const out: IndirectGoStep[] = [];
  for (const run of toolRuns(stage, files, opts)) {
    if (run.text === null ? unreadableCounts && !run.fromArchive : GO_IN_TEXT.test(run.text)) out.push({ instr: run.instr, cmd: run.cmd, file: run.file, ...(run.clone ? { clone: run.clone } : {}) });
  }
  return out;
}

/** A RUN's command that runs a build tool or a script of the context, with the text of its file (null when not found or not readable). */
export interface ToolRun extends IndirectGoStep {
  text: string | null;
  /**
   * The file came out of an archive, not the context: it is not in the context (`files` says so)
   * and the stage downloaded (curl, wget) and unpacked (unzip, tar -x …) something before the
   * command, in its RUN or an earlier one (an installer of another project); or the command runs
   * after its RUN changed into a folder the stage unpacked an archive (or `git clone`d another
   * repository) into (then `file` and `text`
   * are null even when the context has a file of that name).
   */
  fromArchive: boolean;
}

/**
 * Every command of the stage's RUNs that runs a build tool (make, task, mage, just) or a script
 * of the context, with the file it reads: the first of the tool's files that `files` has. With
 * `variableScripts`, a script whose name a variable completes counts, with no file.
 */
export function toolRuns(stage: Stage, files: ContextReader | undefined, opts: { variableScripts?: boolean } = {}): ToolRun[] {
  const variable = opts.variableScripts === true;
  const slot = stage as ToolRunsSlot;
  const memos = slot[TOOL_RUNS];
  const memo = memos?.find((m) => m.files === files && m.variable === variable && m.instructions === stage.instructions);
  if (memo) return memo.runs;
  const runs = computeToolRuns(stage, files, variable);
  // A copy of a stage with other instructions (`{ ...stage, instructions: [one] }`) carries the
  // stage's list along: it is not added to.
  if (!memos) slot[TOOL_RUNS] = [{ files, variable, instructions: stage.instructions, runs }];
  else if (memos.every((m) => m.instructions === stage.instructions)) memos.push({ files, variable, instructions: stage.instructions, runs });
  return runs;
}

/** What tool runs are read through: a context's files (RuleContext.files). */
export interface ContextReader {
  readFile(rel: string): string | null;
}

/*
 * Asked by a dozen rules and facts per analysis (GD104, GD107 for every go step, GD111, GD115…),
 * each walk the same: kept on the stage, per context read (a model may be analysed against
 * another workspace) and per `variableScripts`. Shared: callers only read them.
 */
const TOOL_RUNS = Symbol('toolRuns');
registerStageFactSlot(TOOL_RUNS);
interface ToolRunsMemo {
  files: ContextReader | undefined;
  variable: boolean;
  instructions: Instruction[];
  runs: ToolRun[];
}
interface ToolRunsSlot {
  [TOOL_RUNS]?: ToolRunsMemo[];
}

function computeToolRuns(stage: Stage, files: ContextReader | undefined, variableScripts: boolean): ToolRun[] {
  const out: ToolRun[] = [];
  let fetched = false;
  let unpacked = false;
  /** The absolute folders the stage's RUNs unpacked archives into (`tar -C /tmp`, `unzip -d /opt`). */
  const unpackedInto: string[] = [];
  /**
   * The names of the archives the stage's downloads and unpacks name, without the extension
   * (`nasm-3.01` of `curl -o /nasm-3.01.tar.gz …`, `tar xf /nasm-3.01.tar.gz`): the folder such
   * an archive unpacks into, wherever that is (`/`, the working directory, which may be unknown).
   */
  const archiveStems: string[] = [];
  /** The absolute folders the stage's WORKDIRs and COPY/ADD destinations name: the project's, not an archive's. */
  const own: string[] = [];
  /**
   * The absolute folders the stage's RUNs `git clone` another repository into, and whether the
   * current WORKDIR is one of them (or inside one): a tool run there reads the clone's files
   * (moov-io/watchman d299005 build/Dockerfile: `git clone …/libpostal.git /src/libpostal`,
   * `WORKDIR /src/libpostal`, `./configure && make -j4`, a C library's Makefile; its
   * Dockerfile.openshift: `git clone …/libpostal && cd libpostal && … make -j4`).
   */
  const cloned: { dir: string; url: string }[] = [];
  // The FROM image's WORKDIR is not known (ubi9/go-toolset's, in watchman's Dockerfile.openshift):
  // a stand-in folder, so that `git clone URL && cd NAME` there still matches.
  let workdir: string | null = UNKNOWN_WORKDIR;
  /** The clone the current WORKDIR is in (the latest, deepest holding it); null when none. */
  let workdirInClone: { dir: string; url: string } | null = null;
  const inClone = (p: string | null): { dir: string; url: string } | null => {
    if (p === null) return null;
    let best: { dir: string; url: string } | null = null;
    for (const c of cloned) if ((p === c.dir || p.startsWith(`${c.dir}/`)) && (!best || c.dir.length >= best.dir.length)) best = c;
    return best;
  };
  /**
   * The absolute folders an ADD of a local archive unpacked into (ADD unpacks a local tar), and
   * whether the current WORKDIR is one of them: a tool run there reads the archive's files, not
   * the context's (k8snetworkplumbingwg/sriov-network-device-plugin 40b6f50 images/Dockerfile:21-25:
   * `ADD images/ddptool-1.0.1.12.tar.gz /tmp/ddptool/`, `WORKDIR /tmp/ddptool`, `RUN make`, a C tool's makefile).
   */
  const addedArchives: string[] = [];
  let workdirInAdded = false;
  const inAdded = (p: string | null) => p !== null && addedArchives.some((d) => p === d || p.startsWith(`${d}/`));
  for (const instr of stage.instructions) {
    if (instr.keyword === 'WORKDIR') {
      const raw = instr.args[0]?.value;
      workdir = raw === undefined || raw.includes('$') ? null : resolveDir(workdir, raw);
      workdirInClone = inClone(workdir);
      workdirInAdded = inAdded(workdir);
      if (workdir !== null && workdirInClone === null && !workdirInAdded && !workdir.startsWith(UNKNOWN_WORKDIR)) own.push(workdir);
    } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const paths = copyPaths(instr);
      const dest = paths?.dest;
      if (dest !== undefined && dest.startsWith('/') && !dest.includes('$')) {
        const folder = dest.replace(/\/+$/, '') || '/';
        const archive = instr.keyword === 'ADD' && !instr.flags.some((f) => f.name === 'from') && paths!.sources.length > 0
          && paths!.sources.every((src) => !/^[a-z]+:\/\//i.test(src) && !src.includes('$') && contextPath(src) !== null && isArchive(path.posix.basename(src)));
        if (archive && folder !== '/') {
          addedArchives.push(folder);
          unpackedInto.push(folder);
        } else own.push(folder);
      }
    }
    if (instr.keyword !== 'RUN' || !instr.script) continue;
    // This RUN unpacked into the folder it runs in (`tar -xz` without -C), and it changed into
    // a folder of an archive (the commands after that run the archive's files).
    let unpackedHere = false;
    let inArchive = workdirInAdded;
    /** The commands run in a clone of another repository: its files, which are not read (unknown, not none). */
    let inCloned = workdirInClone;
    /** Where the RUN's commands run, while a literal `cd` keeps it known. */
    let here = workdir;
    for (const cmd of inScriptOrder(instr.script.parsed.commands)) {
      const word = cmd.argv[0]?.value ?? '';
      const base = word.slice(word.lastIndexOf('/') + 1);
      const clone = gitClone(cmd.argv);
      if (clone) {
        const dir = clone.dir.startsWith('/') ? clone.dir : here === null ? null : resolveDir(here, clone.dir);
        if (dir !== null && dir !== '/') {
          cloned.push({ dir, url: clone.url });
          // A clone into the folder the commands run in (`git clone URL .`): what runs there
          // next, in this RUN and in the later ones of this WORKDIR, is the clone's.
          inCloned = inClone(here);
          workdirInClone = inClone(workdir);
        }
      }
      if (base === 'curl' || base === 'wget' || base === 'tar' || base === 'bsdtar' || base === 'unzip') archiveStems.push(...cmd.argv.slice(1).flatMap(stemOf));
      if (base === 'curl' || base === 'wget') fetched = true;
      else if (UNPACKERS.has(base) || ((base === 'tar' || base === 'bsdtar') && tarExtracts(cmd.argv))) {
        unpacked = true;
        const into = base === 'gunzip' ? '' : unpackFolder(cmd.argv, base);
        if (into === null) unpackedHere = true;
        else if (into.startsWith('/')) unpackedInto.push(into);
      } else if (base === 'cd' || base === 'pushd') {
        const to = cmd.argv.slice(1).find((w) => !w.value.startsWith('-'));
        here = to === undefined || to.dynamic || to.value.startsWith('~') ? null : resolveDir(here, to.value);
        inCloned = inClone(here);
        inArchive = inCloned === null && inArchiveAfter(cmd, inArchive, unpackedInto, unpackedHere, own, unpacked ? archiveStems : []);
      }
      // `./scripts/${BUILD_SCRIPT}`: a script whose name a variable chooses is a file we cannot
      // read; with `variableScripts` it counts as an unreadable one.
      const names = toolFiles(cmd) ?? (variableScripts && isVariableScript(cmd) ? [] : null);
      if (names === null) continue;
      // A clone's build file is not the context's: not read, so the run is one whose file is
      // unknown (gopasspw/gopass clones its Go plugins and runs their `make`, which runs go).
      if (inCloned !== null || inArchive) {
        out.push({ instr, cmd, file: null, text: null, fromArchive: inArchive, ...(inCloned !== null && !inArchive ? { clone: { url: inCloned.url, dir: inCloned.dir.startsWith(UNKNOWN_WORKDIR) ? null : inCloned.dir } } : {}) });
        continue;
      }
      let found: string | null = null;
      let text: string | null = null;
      for (const f of names) {
        text = files ? files.readFile(f) : null;
        if (text !== null) {
          found = f;
          break;
        }
      }
      out.push({ instr, cmd, file: found, text, fromArchive: text === null && files !== undefined && fetched && unpacked });
    }
  }
  return out;
}

/**
 * The folder an unpacking command writes into: `tar -C DIR`/`--directory[=]DIR`, `unzip -d DIR`
 * (literal up to its first expansion); null when it names none (it unpacks where it runs).
 */
function unpackFolder(argv: readonly ShellWord[], base: string): string | null {
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (base === 'unzip' ? v === '-d' : v === '-C' || v === '--directory') return argv[i + 1] ? literalPrefix(argv[i + 1]) : null;
    if (base !== 'unzip' && v.startsWith('--directory=')) return v.slice(12);
    if (base !== 'unzip' && /^-C./.test(v)) return v.slice(2);
  }
  return null;
}

/** An archive's name without its extension (`nasm-3.01` of `https://…/nasm-3.01.tar.gz`); none for other words. */
function stemOf(w: ShellWord): string[] {
  if (w.dynamic) return [];
  const name = path.posix.basename(w.value.replace(/[?#].*$/, ''));
  if (!isArchive(name) && !/\.zip$/i.test(name)) return [];
  const stem = name.replace(/\.(tar\.[a-z0-9]+|[a-z0-9]+)$/i, '');
  return stem === '' ? [] : [stem];
}

/**
 * Whether the RUN runs in a folder an archive was unpacked into (or one inside it) after this
 * `cd`/`pushd`: a folder named as an archive the stage downloaded or unpacked (`stems`), unless
 * a WORKDIR or COPY names it (livepeer/go-livepeer 176aa41 docker/Dockerfile: `tar xf
 * /nasm-3.01.tar.gz && cd /nasm-3.01 && ./configure && make`, where `-C` names no folder and the
 * working directory is `/` or the base image's); an absolute path under one of `into` (not `/`) and under none of `own` (a WORKDIR,
 * a COPY's destination: `tar -xzf assets.tgz -C /src && cd /src && make` runs the project's
 * Makefile); a relative one inside the archive folder it was already in, or any (but `..`) when
 * the RUN unpacked into the folder it runs in (`tar -xz && cd tool-1.0`). A path with an
 * expansion counts by its literal start (`cd /tmp/smartmontools-${VER}`); one with none (`cd
 * $DIR`) changes nothing.
 */
function inArchiveAfter(cmd: ShellCommand, before: boolean, into: readonly string[], unpackedHere: boolean, own: readonly string[], stems: readonly string[]): boolean {
  const dir = cmd.argv.slice(1).find((w) => !w.value.startsWith('-'));
  if (!dir) return false;
  const p = literalPrefix(dir).replace(/\/+$/, '');
  // (`/` holds every path: a `COPY x /` or `tar -C /` says nothing about where a cd lands.)
  const inside = (folder: string) => p === folder || (folder !== '/' && p.startsWith(`${folder}/`));
  const named = !dir.dynamic && p.split('/').some((c) => c !== '' && stems.includes(c));
  if (p.startsWith('/')) {
    if (own.some(inside)) return false;
    if (named) return true;
    return into.some((d) => {
      const folder = d.replace(/\/+$/, '');
      return folder !== '' && inside(folder);
    });
  }
  if (p === '' || p.startsWith('~')) return p === '' ? before : false;
  return p.startsWith('..') ? before : before || unpackedHere || named;
}

/** Stands for the FROM image's WORKDIR, which is not known (never a real path: it holds a NUL). */
const UNKNOWN_WORKDIR = '/\u0000workdir';

/** A literal folder against the one it is relative to (null when that is unknown and `dir` is relative). */
function resolveDir(from: string | null, dir: string): string | null {
  if (dir.startsWith('/')) return path.posix.resolve(dir);
  return from === null ? null : path.posix.resolve(from, dir);
}

/** A word's text up to its first expansion, without quotes (`"/tmp/tool-$V"` -> `/tmp/tool-`). */
function literalPrefix(w: ShellWord): string {
  if (!w.dynamic) return w.value;
  const raw = w.raw.replace(/["']/g, '');
  const at = raw.search(/[$`]/);
  return at < 0 ? raw : raw.slice(0, at);
}

/**
 * The files a build tool run reads (`make`, `task`, `mage`, `just`): `-f FILE` or the tool's
 * own names in the order it looks, in the folder `-C DIR` names (the tool changes there first),
 * context-relative. Null when argv is not a build tool. GD101/GD104 (go in the file) and GD114
 * (git in the file) read the same files through this.
 */
export function buildToolFiles(argv: readonly string[]): string[] | null {
  const name = argv[0] ?? '';
  const base = name.split('/').pop() ?? name;
  // Own names only: `RUN constructor` is no build tool (the prototype's would be a function).
  if (!isBuildTool(base)) return null;
  const f = argv.findIndex((a) => a === '-f' || a === '--file' || a === '--makefile' || a === '-t' || a === '--taskfile');
  const c = argv.findIndex((a) => a === '-C' || a === '--directory' || a === '-d' || a === '--dir');
  const dir = c >= 0 && argv[c + 1] ? `${argv[c + 1].replace(/\/+$/, '')}/` : '';
  const names = f >= 0 && argv[f + 1] ? [argv[f + 1]] : TOOL_FILES[base];
  return names.map((n) => contextPath(dir + n)).filter((p): p is string => !!p);
}

function isBuildTool(base: string): boolean {
  return Object.prototype.hasOwnProperty.call(TOOL_FILES, base);
}

/** `./scripts/${BUILD_SCRIPT}`, `sh ./build-$TARGET.sh`: a relative script path that a variable completes. */
function isVariableScript(cmd: ShellCommand): boolean {
  const argv = cmd.argv.map((w) => w.value);
  const name = argv[0] ?? '';
  const script = INTERPRETERS.has(name) && !argv.includes('-c') ? argv.slice(1).find((a) => !a.startsWith('-')) : name;
  return !!script && script.includes('$') && !script.startsWith('$') && !script.startsWith('/') && script.includes('/');
}

const SCRIPT_PATH = /^[\w.-]+\/[\w./-]+\.(sh|bash)$/;

/** The context-relative files a command runs (tool files in order of preference), or null when it is not a tool or script. */
function toolFiles(cmd: ShellCommand): string[] | null {
  const name = cmd.argv[0]?.value ?? '';
  // Most commands (apk, go, cd…) are neither a tool nor a script: no word list for them.
  if (!isBuildTool(name.slice(name.lastIndexOf('/') + 1)) && !name.startsWith('./') && !INTERPRETERS.has(name) && !SCRIPT_PATH.test(name)) return null;
  const argv = cmd.argv.map((w) => w.value);
  const tool = buildToolFiles(argv);
  if (tool !== null) return tool;
  let script: string | undefined;
  if (name.startsWith('./') || SCRIPT_PATH.test(name)) script = name;
  else if (INTERPRETERS.has(name) && !argv.includes('-c')) script = argv.slice(1).find((a) => !a.startsWith('-'));
  if (!script || script.startsWith('/') || script.includes('$')) return null;
  const rel = contextPath(script);
  return rel ? [rel] : null;
}

/** A recipe line that runs make again (`$(MAKE) -C sub`, `make gen`). */
const RUNS_MAKE = /(^|[\s;&|(@])(\$\(MAKE\)|\$\{MAKE\}|g?make)(\s|$)/;

/** Stands for a part of a target or prerequisite that make's variables do not tell (`$(shell …)`, the environment). */
const UNKNOWN = '\u0000';

/** A rule of a Makefile as makeGoalText reads it: its targets and prerequisites with the variables expanded. */
interface GoalRule {
  /** The target words, `./` removed; UNKNOWN where a variable's value is not known. */
  targets: string[];
  /** The prerequisite words (`|` order-only ones too). */
  prereqs: string[];
  /** A static pattern rule's target pattern (`$(APPS): %: bin/%` has `%`), else null. */
  pattern: string | null;
  /** The rule line and its recipe lines, as written. */
  lines: string[];
  /** It has a recipe. */
  recipe: boolean;
}

/** A pattern rule (`bin/%: …`), not a static pattern rule (`$(APPS): %: bin/%`). */
function isPatternRule(r: GoalRule): boolean {
  return r.pattern === null && r.targets.some((w) => w.includes('%'));
}

/** `./target/bin/%` and `target/bin/%` are the same target to make. */
function makeTargetName(w: string): string {
  let x = w;
  while (x.startsWith('./') && x.length > 2) x = x.slice(2);
  return x;
}

/** A regular expression for a target word: `%` (the stem, captured) and UNKNOWN (any text without blanks). */
function targetMatcher(word: string): RegExp {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let re = '';
  let stem = false;
  for (const ch of word) {
    if (ch === '%' && !stem) {
      re += '(.*)';
      stem = true;
    } else re += ch === UNKNOWN ? '\\S*' : esc(ch);
  }
  return new RegExp(`^${re}$`, 's');
}

/** The most make targets one goal's walk visits (see the loop's comment). */
const MAX_GOALS = 500;

/**
 * The part of a Makefile's text that `make <goals>` may run (no goal: the first target, or
 * `.DEFAULT_GOAL`): the rule lines and recipes of the goals and of their prerequisites,
 * transitively, through static pattern rules (`$(APPS): %: $(PATHINSTBIN)/%`) and the pattern
 * rules that can make a target without a recipe of its own (`$(PATHINSTBIN)/%: …`); the
 * definitions of the make variables those lines name, transitively; exported assignments (every
 * assignment with `.EXPORT_ALL_VARIABLES`). Targets and prerequisites are read with make's
 * variables expanded where the Makefile tells their values; a part it does not tell
 * (`$(shell …)`, the environment) may be anything in a target, and a prerequisite holding one is
 * taken for files (`$(SOURCE_FILES)`). For a question about what the run may do (does it run go?
 * with which GOARCH?), read as text: getfider/fider 67c5282's `RUN make build-ssr` in its node
 * stage runs npx and node, while the Makefile's `build-server` target runs `go build`;
 * warpstreamlabs/bento 7825c95's `RUN make` runs `go build` without GOARCH, while its
 * `serverless` and `playground` targets (not reached) set literal ones. Null when something could
 * add recipes out of sight or the goals are not found: an `include` that `include` cannot read,
 * a `-include`/`sinclude` (make goes on without the file, which the image may lack), `$(eval …)`,
 * a goal without a rule, a default goal whose name is not known, a recipe that runs make again.
 * `include` reads its files with `include` (paths relative to the folder make runs in, as make
 * looks first; null when the file is not there), at the place of the line, as make does:
 * pingcap/tiflow c7b2588's Makefile:127-128 `include tools/Makefile` and `include
 * Makefile.engine`, while `kafka_consumer`'s recipe (Makefile:163-164) runs `go build`. An
 * included file that a rule of the Makefile makes (make remakes it first) is not read: null.
 */
export function makeGoalText(text: string, goals: readonly string[], include?: (rel: string) => string | null): string | null {
  const rules: GoalRule[] = [];
  const defs = new Map<string, string[]>();
  /** Variable values as make would have them when it reads the rules (null: not known). */
  const values = new Map<string, string | null>();
  const always: string[] = [];
  let recipes: GoalRule[] = [];
  let defaultGoal: string | null = null;
  let firstGoal: string | undefined;
  let exportAll = false;
  let cond = 0;
  let define: { name: string; lines: string[] } | null = null;
  // `unset`: what a variable the Makefile has not set (so far) stands for: UNKNOWN (it may come
  // from the environment), or '' where make's own value is meant.
  const expand = (t: string, depth = 0, unset = UNKNOWN): string => {
    if (depth > 10) return UNKNOWN;
    return t.replace(/\$\$|\$[({]([^(){}]*)[)}]|\$./g, (ref, inner: string | undefined) => {
      if (ref === '$$') return '$';
      if (inner === undefined || !/^[A-Za-z_.][\w.-]*$/.test(inner)) return UNKNOWN;
      const v = values.get(inner);
      return v === undefined ? unset : v === null ? UNKNOWN : expand(v, depth + 1, unset);
    });
  };
  const words = (t: string) => expand(t).split(/\s+/).filter((w) => w !== '').map(makeTargetName);
  const lines = makeLines(text);
  /** The files `include` read (context-relative). */
  const included: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (define) {
      if (/^\s*endef\b/.test(line)) {
        defs.set(define.name, [...(defs.get(define.name) ?? []), ...define.lines]);
        values.set(define.name, null);
        define = null;
      } else define.lines.push(line);
      continue;
    }
    if (line.startsWith('\t')) {
      for (const r of recipes) {
        r.lines.push(line);
        r.recipe = true;
      }
      continue;
    }
    const t = line.replace(/(^|\s)#.*$/, '').trim();
    if (t === '') continue;
    const inc = /^include(?:\s+(.*))?$/.exec(t);
    if (inc && include) {
      // A line of its own: the recipe before it ends here.
      recipes = [];
      const more: string[] = [];
      for (const name of words(inc[1] ?? '')) {
        const rel = includedPath(name);
        const body = rel === null || included.length >= MAX_INCLUDES ? null : include(rel);
        if (rel === null || body === null) return null;
        included.push(rel);
        more.push(...makeLines(body));
      }
      lines.splice(i + 1, 0, ...more);
      continue;
    }
    if (/^-?include\b|^sinclude\b|\$\(eval\b/.test(t)) return null;
    let m = /^(?:(?:override|export)\s+)?define\s+([A-Za-z_][\w.-]*)/.exec(t);
    if (m) {
      define = { name: m[1], lines: [] };
      recipes = [];
      continue;
    }
    if (/^(ifeq|ifneq|ifdef|ifndef)\b/.test(t)) cond++;
    else if (/^endif\b/.test(t)) cond = Math.max(0, cond - 1);
    if (/^(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(t)) continue;
    m = /^((?:(?:export|override|unexport|private)\s+)*)([A-Za-z_.][\w.-]*)\s*(::=|:=|\?=|\+=|!=|=)(.*)$/.exec(t);
    if (m) {
      const [, prefix, name, op, raw] = m;
      const value = raw.trim();
      if (name === '.DEFAULT_GOAL') defaultGoal = value;
      defs.set(name, [...(defs.get(name) ?? []), t]);
      if (/\bexport\b/.test(prefix)) always.push(t);
      // A value set in a conditional, or by the shell, is not known; `?=` keeps one the Makefile set.
      const old = values.get(name);
      if (cond > 0 || op === '!=') values.set(name, null);
      else if (op === '+=') values.set(name, old === null ? null : old === undefined ? value : `${old} ${value}`);
      else if (op === '?=') {
        if (old === undefined) values.set(name, value);
      } else values.set(name, op === '=' ? value : expand(value).includes(UNKNOWN) ? null : expand(value));
      recipes = [];
      continue;
    }
    if (/^export\b/.test(t)) {
      always.push(t);
      continue;
    }
    m = /^([^:=]+?)\s*::?(?!=)(.*)$/.exec(t);
    if (!m) continue;
    let targets = words(m[1]);
    if (targets.includes('.EXPORT_ALL_VARIABLES')) exportAll = true;
    let rest = m[2].split(';')[0];
    // `target: VAR = value`: a target-specific variable, kept with the target's lines.
    const targetVar = /^\s*(?:(?:export|override|private)\s+)*[A-Za-z_][\w.-]*\s*(::=|:=|\?=|\+=|!=|=)/.test(rest);
    let pattern: string | null = null;
    const colon = rest.indexOf(':');
    if (!targetVar && colon >= 0) {
      pattern = makeTargetName(expand(rest.slice(0, colon).trim()));
      rest = rest.slice(colon + 1);
    }
    // A static pattern rule's target list names the files it is for; one a variable the Makefile
    // has not set when make reads the rule is empty, and the rule makes nothing (benthosdev/benthos
    // df6f918: `$(TOOLS): %: $(PATHINSTTOOLS)/%` with `# TOOLS = …` commented out). Read as any
    // target, it made X from target/tools/X, that from target/tools/target/tools/X … to MAX_GOALS.
    if (pattern !== null) targets = expand(m[1], 0, '').split(/\s+/).filter((w) => w !== '').map(makeTargetName);
    const rule: GoalRule = { targets, prereqs: targetVar ? [] : words(rest.replace('|', ' ')), pattern, lines: [t], recipe: m[2].includes(';') && m[2].slice(m[2].indexOf(';') + 1).trim() !== '' };
    rules.push(rule);
    recipes = [rule];
    // The default goal: the first target of the first rule that is not special or a pattern rule.
    if (firstGoal === undefined && !targetVar && (pattern !== null || !targets.some((x) => x.includes('%')))) {
      firstGoal = targets.find((x) => !x.startsWith('.') || x.includes('/'));
    }
  }
  // make first remakes an included file a rule makes (and reads the new one).
  for (const rel of included) {
    if (rules.some((r) => r.targets.some((w) => w === rel || ((w.includes('%') || w.includes(UNKNOWN)) && targetMatcher(w).test(rel))))) return null;
  }
  const named = (goals.length > 0 ? goals : [defaultGoal !== null && defaultGoal !== '' ? defaultGoal : firstGoal].filter((x): x is string => x !== undefined && x !== '')).map(makeTargetName);
  if (named.length === 0 || named.some((g) => g.includes(UNKNOWN) || g.includes('$'))) return null;
  const out: string[] = [...always];
  const seen = new Set<string>();
  const taken = new Set<GoalRule>();
  const take = (r: GoalRule) => {
    if (taken.has(r)) return;
    taken.add(r);
    out.push(...r.lines);
  };
  const queue = [...named];
  const goalSet = new Set(named);
  while (queue.length) {
    const x = queue.shift()!;
    if (seen.has(x)) continue;
    // A rule whose prerequisite grows the target (benthos's `$(TOOLS): %: $(PATHINSTTOOLS)/%` with
    // TOOLS empty: `%` makes X from ./target/tools/X, and that from ./target/tools/./target/tools/X …)
    // never runs out of new targets: past MAX_GOALS the recipes are unknown.
    if (seen.size >= MAX_GOALS) return null;
    seen.add(x);
    let found = false;
    let recipe = false;
    const next: string[] = [];
    // The explicit rules of the target; else those whose target a variable hides and may be it
    // (a second recipe for a target that has one is not what a Makefile means).
    const explicit = rules.filter((r) => !isPatternRule(r));
    const exact = explicit.filter((r) => r.targets.includes(x));
    const own = exact.length > 0 ? exact : explicit.filter((r) => r.targets.some((w) => w.includes(UNKNOWN) && targetMatcher(w).test(x)));
    for (const r of own) {
      found = true;
      recipe ||= r.recipe;
      take(r);
      if (r.pattern === null) next.push(...r.prereqs);
      else {
        const stem = targetMatcher(r.pattern).exec(x);
        if (stem) next.push(...r.prereqs.map((p) => p.replace('%', stem[1] ?? '')));
      }
    }
    if (!recipe) {
      // Pattern rules that can make it (make uses one only for a target without a recipe).
      for (const r of rules) {
        if (!isPatternRule(r)) continue;
        for (const w of r.targets) {
          if (!w.includes('%')) continue;
          const stem = targetMatcher(w).exec(x);
          if (!stem) continue;
          found = true;
          take(r);
          next.push(...r.prereqs.map((p) => p.replace('%', stem[1] ?? '')));
          break;
        }
      }
    }
    if (!found && goalSet.has(x)) return null;
    // (A prerequisite a variable does not tell is taken for files: `$(SOURCE_FILES)`.)
    for (const p of next) if (!p.includes(UNKNOWN) && !seen.has(p)) queue.push(p);
  }
  if (out.some((v) => v.startsWith('\t') && RUNS_MAKE.test(v))) return null;
  // The variables the lines name (`$(KOKOBUILD)`, `${GOARCH}`), and those their definitions name.
  const referenced = new Set<string>(exportAll ? defs.keys() : []);
  const body: string[] = [];
  let pending = out.join('\n');
  for (let round = 0; round < 16 && pending !== ''; round++) {
    const more: string[] = [];
    for (const v of pending.matchAll(/\$[({]([A-Za-z_][\w.-]*)[)}]/g)) {
      if (referenced.has(v[1])) continue;
      referenced.add(v[1]);
      more.push(...(defs.get(v[1]) ?? []));
    }
    body.push(...more);
    pending = more.join('\n');
  }
  if (exportAll) for (const d of defs.values()) body.push(...d);
  return [...out, ...body].join('\n');
}

/** The most files one Makefile's `include` lines read (nested ones, cycles). */
const MAX_INCLUDES = 16;

/** A Makefile's lines, continued lines joined. */
function makeLines(text: string): string[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
}

/**
 * The context-relative path of a file an `include` line names, relative to the folder make runs
 * in: null for one it cannot name for certain (absolute, outside that folder's tree, a glob, a
 * part the Makefile does not tell).
 */
function includedPath(name: string): string | null {
  if (name.includes(UNKNOWN) || name.includes('$') || /[*?[\]~]/.test(name) || name.startsWith('/')) return null;
  const rel = path.posix.normalize(name);
  return rel === '.' || rel === '..' || rel.startsWith('../') ? null : rel;
}

/** Task's own file names in a folder an `includes:` entry names, in the order it looks. */
const TASKFILE_NAMES = TOOL_FILES.task;
/** The most Taskfiles one run's includes read (nested includes, cycles). */
const MAX_TASKFILES = 16;
/** `task` flags that take a value (`-d DIR`, `--output=group`). */
const TASK_VALUE_FLAGS = new Set(['-d', '--dir', '-t', '--taskfile', '-o', '--output', '-C', '--concurrency', '-I', '--interval', '--sort', '--output-group-begin', '--output-group-end', '--remote-cache-dir', '--cache-expiry']);
/** `task` flags that run no task (a listing, a summary, a dry run still runs none). */
const TASK_NO_RUN = /^(-l|--list|-a|--list-all|--summary|-n|--dry|--init|-i|--version|-h|--help|--completion)(=|$)/;

/**
 * The goals of a `task` run (`task frontend`, `task -d sub build VAR=1`): its task names, or
 * `default` when it names none. Null when they cannot be known: a word only the shell knows, a
 * flag this reader does not know, a run that runs no task (`--list`).
 */
export function taskGoals(argv: readonly ShellWord[]): string[] | null {
  const name = argv[0]?.value ?? '';
  if (name.slice(name.lastIndexOf('/') + 1) !== 'task') return null;
  const goals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (w.value === '--') break;
    if (w.dynamic) return null;
    const a = w.value;
    if (TASK_NO_RUN.test(a)) return null;
    if (a.startsWith('-')) {
      if (TASK_VALUE_FLAGS.has(a)) i++;
      else if (!/^--?[A-Za-z][\w-]*(=.*)?$/.test(a)) return null;
      continue;
    }
    // `task build VAR=value`: a variable for the tasks, not a goal.
    if (/^[A-Za-z_][\w]*=/.test(a)) continue;
    goals.push(a);
  }
  return goals.length > 0 ? goals : ['default'];
}

/** A Taskfile read as text: its tasks (full names, namespaces of includes applied), their lines, and what every task sees. */
interface TaskfileRead {
  tasks: Map<string, TaskDef>;
  /** Top-level `vars:`/`env:` lines of every file read: every task sees them. */
  always: string[];
}
interface TaskDef {
  lines: string[];
  /** The namespace of the file it is in (`ns:`), '' in the root file or a flattened include. */
  prefix: string;
}

/**
 * The part of a Taskfile (go-task) that `task <goals>` may run: each goal's task and the tasks
 * its `deps:` and its `cmds:`' `task:` entries name, transitively, through the Taskfiles its
 * `includes:` names (read with `read`, relative to the including file; an include's tasks are
 * named `ns:task` unless `flatten: true`, and a reference inside it is to its own namespace, or
 * to the root with a leading `:`), with the top-level `vars:` and `env:` of every file read.
 * damongolding/immich-kiosk c82f363's node stage runs `task frontend`, which its taskfile.yml
 * includes (flattened) from taskfile.frontend.yml and which runs only tsc and esbuild, while the
 * root file's `build` task runs go build. Null when something cannot be followed: a goal or a
 * reference not found, a name with a template (`{{.NAME}}`), a command that runs task again
 * through the shell (`task x`, `{{.TASK_EXE}}`).
 */
export function taskGoalText(text: string, file: string, goals: readonly string[], read: (rel: string) => string | null): string | null {
  const tf: TaskfileRead = { tasks: new Map(), always: [] };
  let files = 0;
  const load = (t: string, at: string, prefix: string, seen: readonly string[]): boolean => {
    if (++files > MAX_TASKFILES || seen.includes(at)) return false;
    const parsed = parseTaskfile(t);
    if (parsed === null) return false;
    tf.always.push(...parsed.always);
    for (const [n, lines] of parsed.tasks) {
      const full = prefix + n;
      // Task refuses a Taskfile whose flattened include repeats a name.
      if (tf.tasks.has(full)) return false;
      tf.tasks.set(full, { lines, prefix });
    }
    for (const inc of parsed.includes) {
      if (inc.path.includes('{{') || /^[a-z][a-z0-9+.-]*:/i.test(inc.path)) return false;
      const dir = path.posix.dirname(at);
      const base = contextPath(path.posix.join(dir === '.' ? '' : dir, inc.path));
      if (base === null) return false;
      let found: { rel: string; text: string } | null = null;
      for (const rel of /\.ya?ml$/i.test(base) ? [base] : TASKFILE_NAMES.map((n) => (base === '' ? n : `${base}/${n}`))) {
        const t2 = read(rel);
        if (t2 !== null) {
          found = { rel, text: t2 };
          break;
        }
      }
      if (found === null) {
        if (inc.optional) continue;
        return false;
      }
      if (!load(found.text, found.rel, inc.flatten ? prefix : `${prefix}${inc.ns}:`, [...seen, at])) return false;
    }
    return true;
  };
  if (!load(text, file, '', [])) return null;
  const out: string[] = [...tf.always];
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const g of goals) {
    const name = resolveTask(tf, g);
    if (name === null) return null;
    queue.push(name);
  }
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const def = tf.tasks.get(name)!;
    out.push(...def.lines);
    const refs = taskRefs(def.lines);
    if (refs === null) return null;
    for (const r of refs) {
      const to = resolveTask(tf, r.startsWith(':') ? r.slice(1) : def.prefix + r);
      if (to === null) return null;
      queue.push(to);
    }
  }
  return out.join('\n');
}

/** The task a goal or reference names: its own name, one of its `aliases:`, or a wildcard name (`start:*`); null when none or the name has a template. */
function resolveTask(tf: TaskfileRead, name: string): string | null {
  if (name.includes('{{') || name === '') return null;
  if (tf.tasks.has(name)) return name;
  for (const [full, def] of tf.tasks) {
    const aliases = taskAliases(def.lines);
    if (aliases.some((a) => def.prefix + a === name)) return full;
  }
  for (const full of tf.tasks.keys()) {
    if (!full.includes('*')) continue;
    const re = new RegExp(`^${full.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (re.test(name)) return full;
  }
  return null;
}

/** A task's `aliases:` (inline or a list under it). */
function taskAliases(lines: readonly string[]): string[] {
  const at = lines.findIndex((l) => /^\s*aliases:/.test(l));
  if (at < 0) return [];
  const inline = /^\s*aliases:\s*\[([^\]]*)\]/.exec(lines[at]);
  if (inline) return inline[1].split(',').map(unquoteYaml).filter((x) => x !== '');
  const own = indentOf(lines[at]);
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    const m = /^(\s*)-\s*(.+?)\s*$/.exec(l);
    if (!m || m[1].length < own) break;
    out.push(unquoteYaml(m[2]));
  }
  return out;
}

/**
 * The tasks a task's lines name: `deps:` entries (`[a, b]`, `- a`, `- task: a`) and every `task:`
 * key (`cmds:`' `- task: a`, `{task: a, vars: …}`, `defer: {task: a}`). Null when a command runs
 * task through the shell (`task build`, `{{.TASK_EXE}} build`): what it runs is not followed.
 */
function taskRefs(lines: readonly string[]): string[] | null {
  const refs: string[] = [];
  for (const l of lines) {
    if (/\bTASK_EXE\b/.test(l)) return null;
    for (const m of l.matchAll(/(?:^|[\s{,])task:\s*(?:"([^"]*)"|'([^']*)'|([^\s,}#]+))/g)) refs.push(m[1] ?? m[2] ?? m[3]);
    // A shell command that runs task: `- task build`, `cmd: cd x && task y`.
    const cmd = /^\s*(?:-\s*)?(?:cmd:\s*)?(["']?)(.*?)\1\s*$/.exec(l)?.[2] ?? '';
    if (/(?:^|[;&|(]\s*)task(?:\s|$)/.test(cmd) && !/^\s*-?\s*task:/.test(l)) return null;
  }
  const at = lines.findIndex((l) => /^\s*deps:/.test(l));
  if (at >= 0) {
    const inline = /^\s*deps:\s*\[(.*)\]\s*(#.*)?$/.exec(lines[at]);
    if (inline) {
      // Scalar entries only: `{task: x}` entries were taken above.
      for (const e of inline[1].replace(/\{[^}]*\}/g, '').split(',')) {
        const v = unquoteYaml(e);
        if (v !== '') refs.push(v);
      }
    } else {
      const own = indentOf(lines[at]);
      let item: number | null = null;
      for (const l of lines.slice(at + 1)) {
        if (l.trim() === '' || l.trim().startsWith('#')) continue;
        if (indentOf(l) <= own && !/^\s*-/.test(l)) break;
        const m = /^(\s*)-\s*(.*?)\s*(#.*)?$/.exec(l);
        if (m && (item === null || m[1].length <= item)) {
          if (m[1].length < own) break;
          item = m[1].length;
          // `- name` (a scalar); `- task: name` was taken above.
          if (!/^[\w.-]*\s*:(\s|$)/.test(m[2]) && !m[2].startsWith('{')) refs.push(unquoteYaml(m[2]));
        }
      }
    }
  }
  return refs;
}

function indentOf(l: string): number {
  return /^\s*/.exec(l)![0].length;
}

function unquoteYaml(x: string): string {
  return x.trim().replace(/^(["'])(.*)\1$/, '$2');
}

/** A Taskfile's own tasks (name -> lines, the name's line first), its `includes:` and its top-level `vars:`/`env:` lines; null when it is not one this reader can read. */
function parseTaskfile(text: string): { tasks: Map<string, string[]>; includes: { ns: string; path: string; flatten: boolean; optional: boolean }[]; always: string[] } | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const l of lines) {
    const top = /^([A-Za-z_][\w-]*):(.*)$/.exec(l);
    if (top) {
      current = [];
      sections.set(top[1], current);
      if (top[2].trim() !== '' && !top[2].trim().startsWith('#')) current.push(`  ${top[2].trim()}`);
      continue;
    }
    if (/^\S/.test(l) && !l.startsWith('#')) current = null;
    else if (current) current.push(l);
  }
  const entries = (body: readonly string[] | undefined): { name: string; lines: string[] }[] | null => {
    const out: { name: string; lines: string[] }[] = [];
    if (!body) return out;
    let indent: number | null = null;
    for (const l of body) {
      if (l.trim() === '' || l.trim().startsWith('#')) {
        if (out.length) out[out.length - 1].lines.push(l);
        continue;
      }
      const ind = indentOf(l);
      indent ??= ind;
      if (ind < indent) return null;
      if (ind === indent) {
        // `frontend:install:` (a colon inside an unquoted key), `"build:*":`, `build: go build`.
        const m = /^\s*(?:"([^"]+)"|'([^']+)'|(\S.*?)):(?:\s+.*)?$/.exec(l);
        if (!m) return null;
        out.push({ name: m[1] ?? m[2] ?? m[3], lines: [l] });
      } else if (out.length) out[out.length - 1].lines.push(l);
      else return null;
    }
    return out;
  };
  const tasks = entries(sections.get('tasks'));
  const incs = entries(sections.get('includes'));
  if (tasks === null || incs === null) return null;
  const includes: { ns: string; path: string; flatten: boolean; optional: boolean }[] = [];
  for (const inc of incs) {
    const first = inc.lines[0];
    const inline = /:\s+(\S.*?)\s*(#.*)?$/.exec(first.replace(/^\s*(?:"[^"]+"|'[^']+'|\S+?):/, ':'));
    const key = (k: string) => inc.lines.slice(1).map((l) => new RegExp(`^\\s*${k}:\\s*(.*?)\\s*(#.*)?$`).exec(l)?.[1]).find((v) => v !== undefined);
    const file = inline && !inline[1].startsWith('{') ? inline[1] : key('taskfile');
    if (file === undefined) return null;
    includes.push({ ns: inc.name, path: unquoteYaml(file), flatten: key('flatten') === 'true', optional: key('optional') === 'true' });
  }
  const always = ['vars', 'env'].flatMap((k) => (sections.has(k) ? [`${k}:`, ...sections.get(k)!] : []));
  return { tasks: new Map(tasks.map((t) => [t.name, t.lines])), includes, always };
}
