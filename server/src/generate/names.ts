/**
 * Names from the repository that the generator writes into a Dockerfile (folder names, the
 * module and import paths, the binary name, `replace` targets, the front-end's folder and
 * package.json script, files the program reads at run time, CMD subcommands) are untrusted: a folder named
 * `cmd/x$(touch${IFS}pwned)` would run in a shell-form RUN, a newline in a module path would add
 * an instruction. Each name is checked against Go's own rules (golang.org/x/mod/module
 * CheckImportPath: what the go command accepts as an import path), which admit no shell
 * metacharacter, quote, space or line break; a name that fails stops generation with a message
 * saying which and why. Go could not build such a package anyway.
 */
import type { Plan } from './plan';
import { GenerateError } from './types';

/** x/mod's importPathOK: ASCII letters, digits and `-._~+`. */
function importPathChar(c: string): boolean {
  return /^[A-Za-z0-9\-._~+]$/.test(c);
}

/**
 * A module root's folder (a local `replace` target, a go.work member) is a file path, not an
 * import path: Go builds it whatever it is called, since the module's path comes from its go.mod.
 * Folders named the module cache's way (`ecloudsdkcore@v1.0.2`, `!azure` for `Azure`) are
 * common there (certimate's pkg/sdk3rd-forked/…/ecloudsdkcloudcore@v1.0.0+mod), and `@` and `!`
 * mean nothing in a COPY line; everything else stays as narrow as an import path.
 */
function moduleFolderChar(c: string): boolean {
  return importPathChar(c) || c === '@' || c === '!';
}

/** Windows device names x/mod rejects as a path element (before any dot). */
const BAD_WINDOWS = new Set(['con', 'prn', 'aux', 'nul', 'com1', 'com2', 'com3', 'com4', 'com5', 'com6', 'com7', 'com8', 'com9', 'lpt1', 'lpt2', 'lpt3', 'lpt4', 'lpt5', 'lpt6', 'lpt7', 'lpt8', 'lpt9']);

function checkElem(elem: string, charOk: (c: string) => boolean = importPathChar): string | null {
  if (elem === '') return 'an empty path element';
  if (/^\.+$/.test(elem)) return `a "${elem}" path element`;
  if (elem.endsWith('.')) return `a path element ending in a dot (${JSON.stringify(elem)})`;
  for (const c of elem) if (!charOk(c)) return `the character ${JSON.stringify(c)}`;
  const short = elem.split('.')[0].toLowerCase();
  if (BAD_WINDOWS.has(short)) return `the reserved name ${JSON.stringify(elem)}`;
  return null;
}

/**
 * Why `path` is not a valid Go import path (x/mod module.CheckImportPath), or null when it is.
 * Also the rule for module paths here: a main module may be named `hello` (no dot), which
 * CheckPath would refuse.
 */
export function importPathProblem(path: string, charOk: (c: string) => boolean = importPathChar): string | null {
  if (path === '') return 'it is empty';
  if (path.startsWith('-')) return 'it starts with a dash';
  if (path.includes('//')) return 'it has a double slash';
  if (path.endsWith('/')) return 'it ends with a slash';
  if (path.startsWith('/')) return 'it starts with a slash';
  for (const elem of path.split('/')) {
    const p = checkElem(elem, charOk);
    if (p) return `it has ${p}`;
  }
  return null;
}

/** A folder relative to the build context ('' for the root): every element a valid import path element. */
export function contextDirProblem(dir: string): string | null {
  return dir === '' ? null : importPathProblem(dir);
}

function stop(what: string, name: string, problem: string, folder = false): never {
  throw new GenerateError(
    'unsafe-name',
    folder
      ? `Cannot generate a Dockerfile: ${what} ${JSON.stringify(name)} is not a safe folder name (${problem}): written into a Dockerfile it could change what the build runs. Rename it.`
      : `Cannot generate a Dockerfile: ${what} ${JSON.stringify(name)} is not a valid Go import path (${problem}). ` +
        'Go cannot build it, and written into a Dockerfile it could change what the build runs. Rename it.',
  );
}

/**
 * Context-relative file or folder (`cmd/api/go.mod`, `./cmd/api`, `/src/cmd/api/`) made from checked
 * folder names. `moduleFolder`: the files or folder of a module root (module files, a replace
 * target's sources), whose folder names are file paths (moduleFolderChar).
 */
function checkCopyPath(what: string, p: string, moduleFolder = false): void {
  const body = p.replace(/^\/src(\/|$)/, '').replace(/^\.\/?/, '').replace(/\/$/, '');
  if (body === '') return;
  const problem = importPathProblem(body, moduleFolder ? moduleFolderChar : importPathChar);
  if (problem) stop(what, p, problem, moduleFolder);
}

/** `+` for package names (g++, libstdc++): no syntax in a Dockerfile or a shell word. */
const SAFE_TOKEN = /^[A-Za-z0-9._,:@/=+-]+$/;

/**
 * Every name in the plan that reaches the Dockerfile, checked where the plan becomes text.
 * Throws GenerateError('unsafe-name').
 */
export function checkPlanNames(p: Plan): void {
  const t = p.target;
  if (t.importPath !== null) {
    const problem = importPathProblem(t.importPath);
    if (problem) stop('the import path', t.importPath, problem);
  }
  const dirProblem = contextDirProblem(t.dir);
  if (dirProblem) stop('the package folder', t.dir, dirProblem);
  if (t.module !== null) {
    const problem = contextDirProblem(t.module);
    if (problem) stop('the module folder', t.module, problem);
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(t.binary)) stop('the binary name', t.binary, 'it is not a plain file name');
  checkCopyPath('the WORKDIR', p.workdir);
  // The module folder and the local `replace` targets (go.mod `replace x => ./lib`).
  // Module roots: the target's module folder (checked above as part of the package folder) and
  // local replace targets, whose folder names Go does not restrict.
  for (const c of p.sourceCopies) {
    checkCopyPath('the source folder', c.src, true);
    checkCopyPath('the source destination', c.dest, true);
  }
  for (const c of p.dependencyCopies) {
    for (const s of c.sources) checkCopyPath('the module file', s, true);
    checkCopyPath('the module files destination', c.dest, true);
  }
  checkCopyPath('the package argument', p.build.packageArg);
  // The node stage of an embedded front-end: package.json's folder, the embed target, the script.
  if (p.web) {
    const w = p.web;
    const dirProblem = contextDirProblem(w.dir);
    if (dirProblem) stop('the front-end folder', w.dir, dirProblem);
    for (const m of w.manifests) checkCopyPath('the front-end manifest', m);
    for (const m of w.installPaths) checkCopyPath('a file the front-end install reads', m.replace(/\/$/, ''), true);
    for (const o of w.outputs) checkCopyPath('the embedded folder', o);
    if (w.from !== undefined) checkCopyPath('the front-end output folder', w.from);
    for (const f of w.generate?.inputs ?? []) checkCopyPath('a file the front-end generate script reads', f);
    if (w.generate && !/^[A-Za-z0-9_][A-Za-z0-9:._-]*$/.test(w.generate.script)) stop('the front-end generate script', w.generate.script, 'is not a plain name');
    // `npm run <script>` is a shell-form RUN: the script name from package.json must be a plain word.
    const script = /^(?:npm|pnpm|yarn|bun) run (.*)$/.exec(w.build)?.[1];
    if (script === undefined || !/^[A-Za-z0-9_][A-Za-z0-9:._-]*$/.test(script)) {
      throw new GenerateError(
        'unsafe-name',
        `Cannot generate a Dockerfile: the package.json script ${JSON.stringify(script ?? w.build)} is not a plain name (letters, digits, ':', '.', '_', '-'). ` +
          'Written into a RUN line it could change what the build runs. Rename it.',
      );
    }
    if (!SAFE_TOKEN.test(w.cache)) stop('the package cache folder', w.cache, 'it has characters a Dockerfile would read as syntax');
  }
  // Files the program opens at run time (string literals in its sources): COPY <src> /app/<dest>.
  for (const f of p.runtimeStage.files) {
    checkCopyPath('the run-time file', f.src);
    checkCopyPath('the run-time file destination', f.dest.replace(/^\/(?!\/)/, ''));
  }
  for (const port of p.runtimeStage.expose) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) stop('the port', String(port), 'it is not a port number (1-65535)');
  }
  // Made by the generator from checked names and constants; checked as plain tokens all the same.
  const tokens: [string, string][] = [
    ['the output path', p.build.output],
    ['the binary path', p.runtimeStage.binaryPath],
    ['the builder image', p.builder.image],
    ['the runtime image', p.runtimeStage.image],
    ['the user', p.runtimeStage.user],
    ...p.build.tags.map((x): [string, string] => ['the build tag', x]),
    ...p.goEnv.map((x): [string, string] => ['the environment setting', x]),
    ...p.builder.apk.map((x): [string, string] => ['the package', x]),
    ...p.runtimeStage.packages.map((x): [string, string] => ['the runtime package', x]),
    // Exec form (JSON-quoted) already; plain words all the same (`serve`, `--listen`, `0.0.0.0`).
    ...(p.runtimeStage.cmd ?? []).map((x): [string, string] => ['the CMD argument', x]),
  ];
  if (p.build.stamp !== null && !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(p.build.versionDefault)) stop('the version default', p.build.versionDefault, 'it is not a plain version');
  if (p.build.stamp !== null && !/^(?:main|[A-Za-z0-9_.~-]+(?:\/[A-Za-z0-9_.~-]+)*)\.[A-Za-z_][A-Za-z0-9_]*=\$\{VERSION\}$/.test(p.build.stamp)) stop('the -X setting', p.build.stamp, 'it is not <main or import path>.<identifier>=${VERSION}');
  for (const [what, value] of tokens) if (!SAFE_TOKEN.test(value)) stop(what, value, 'it has characters a Dockerfile would read as syntax');
}

/** .dockerignore lines built from folder and file names: one pattern per line, nothing more. */
export function checkIgnorePatterns(patterns: readonly string[]): void {
  for (const pattern of patterns) {
    if (/[\r\n]/.test(pattern)) stop('the .dockerignore pattern', pattern, 'it has a line break');
  }
}
