/**
 * `//go:generate` directives that produce a file a `//go:embed` needs (Forceu/Gokapi: its
 * `//go:embed web/main.wasm` target is made by `//go:generate go run
 * "../../build/go-generate/buildWasm.go"` in cmd/gokapi/Main.go, which compiles the WASM module
 * into ../../internal/webserver/web/main.wasm). When such a directive exists and every directive
 * of its package needs only the Go toolchain (`go run` / `go build` of the module's own code or a
 * module it requires, whose programs run no other tool), the build stage runs `go generate` for
 * that package before `go build`. A shell's script (`sh -c "…"`) counts too when every program it
 * runs is one the golang image has (teamhanko/hanko's `git describe … | sed … > version.txt`);
 * git there finds no .git (the generated .dockerignore leaves it out), so only a git whose output
 * is piped on is allowed, and the plan says what it then lacks. Otherwise the reason it cannot is
 * returned.
 *
 * A directive produces a path when one of its words names it (`go build -o web/app.wasm ./wasm`),
 * or a word of its shell script does (`> version.txt`),
 * or when the program it runs (the .go files or the module's package given to `go run`) holds a
 * string literal naming it; both are resolved from the directive's package folder, the working
 * directory `go generate` gives the command.
 */
import * as nodePath from 'node:path';
import { generateDirectives } from '../workspace/goImports';
import type { GoModule, WorkspaceModel } from '../workspace/model';
import { fileExecs, programsRun } from '../workspace/programsRun';
import { stripGoComments } from './goSource';

export interface GoGenerateIo {
  read(rel: string): string | null;
  listFiles?(under: string): readonly { path: string }[];
}

export interface GoGenerateDirective {
  /** Package folder (context-relative). */
  pkg: string;
  /** Context-relative file holding it. */
  file: string;
  /** 1-based line. */
  line: number;
  /** The command as written after `//go:generate `. */
  text: string;
  /** The command split as go generate splits it (quoted words unquoted; $GOFILE, $GOPACKAGE, $DOLLAR expanded). */
  words: string[];
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Context-relative, normalized; null when it leaves the context. */
function resolveFrom(dir: string, rel: string): string | null {
  if (rel.startsWith('/')) return null;
  const r = nodePath.posix.normalize(join(dir, rel)).replace(/\/+$/, '');
  if (r === '..' || r.startsWith('../')) return null;
  return r === '.' ? '' : r;
}

/** go generate's splitting: fields separated by spaces and tabs; a field starting with `"` is a Go string. */
export function splitGenerateLine(line: string): string[] | null {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    if (line[i] === '"') {
      let j = i + 1;
      let word = '';
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) {
          const n = line[++j];
          word += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        } else word += line[j];
      }
      if (j >= line.length) return null; // unterminated: go generate reports an error
      words.push(word);
      i = j + 1;
    } else {
      let j = i;
      while (j < line.length && line[j] !== ' ' && line[j] !== '\t') j++;
      words.push(line.slice(i, j));
      i = j;
    }
  }
  return words;
}

/** The `//go:generate` lines of a package's files, in file order (files as the model lists them). */
export function goGenerateDirectives(pkg: string, files: readonly string[], pkgName: string, read: (rel: string) => string | null): GoGenerateDirective[] {
  const out: GoGenerateDirective[] = [];
  for (const f of files) {
    const file = join(pkg, f);
    const text = read(file);
    // The lines as the workspace's package index reads them (workspace/goImports.ts).
    const found = text === null ? null : generateDirectives(text);
    if (!found) continue;
    for (const { line, command: cmd } of found) {
      const expanded = cmd.replace(/\$(GOFILE|GOPACKAGE|DOLLAR)\b|\$\{(GOFILE|GOPACKAGE|DOLLAR)\}/g, (_m, a, b) => {
        const v = a ?? b;
        return v === 'GOFILE' ? f : v === 'GOPACKAGE' ? pkgName : '$';
      });
      const words = splitGenerateLine(expanded);
      if (!words || words.length === 0) continue;
      out.push({ pkg, file, line, text: cmd, words });
    }
  }
  return out;
}

/** Build flags of `go run`/`go build` that take the next word as their value. */
const VALUE_FLAGS = new Set(['-o', '-C', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile', '-overlay', '-pgo', '-exec', '-buildmode', '-compiler', '-installsuffix', '-pkgdir', '-toolexec', '-coverpkg', '-covermode']);

interface GoCommand {
  sub: 'run' | 'build';
  /** `-o` value, as written. */
  output: string | null;
  /** The .go files or the one package named. */
  targets: string[];
}

function goCommand(words: readonly string[]): GoCommand | null {
  if (words[0] !== 'go' || (words[1] !== 'run' && words[1] !== 'build')) return null;
  let output: string | null = null;
  const targets: string[] = [];
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      const [flag, value] = w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
      const v = value ?? (VALUE_FLAGS.has(flag.replace(/^--/, '-')) ? words[++i] : undefined);
      if (flag.replace(/^--/, '-') === '-o' && v !== undefined) output = v;
      continue;
    }
    if (w.endsWith('.go')) {
      targets.push(w);
      continue;
    }
    // A package; for go run, what follows are the program's arguments.
    if (targets.length === 0) targets.push(w);
    if (words[1] === 'run') break;
  }
  return { sub: words[1], output, targets };
}

/** Where the program a `go run`/`go build` names lives: its files (context-relative), or why it is not the module's own code. */
function programFiles(d: GoGenerateDirective, cmd: GoCommand, mod: GoModule | null, io: GoGenerateIo): { files: string[]; external?: string } {
  const goFiles = cmd.targets.filter((t) => t.endsWith('.go'));
  if (goFiles.length > 0) return { files: goFiles.map((t) => resolveFrom(d.pkg, t)).filter((x): x is string => x !== null) };
  const target = cmd.targets[0] ?? '.';
  let dir: string | null = null;
  if (target === '.' || target.startsWith('./') || target.startsWith('../')) dir = resolveFrom(d.pkg, target);
  else if (mod?.path && (target === mod.path || target.startsWith(mod.path + '/'))) dir = join(mod.dir, target.slice(mod.path.length + 1)).replace(/\/$/, '');
  else if (mod && !target.includes('@') && mod.requirements.some((r) => target === r.path || target.startsWith(r.path + '/'))) return { files: [], external: target };
  else return { files: [], external: `!${target}` };
  if (dir === null) return { files: [] };
  const listed = io.listFiles?.(dir) ?? [];
  return { files: listed.map((f) => f.path).filter((p) => p.endsWith('.go') && !p.endsWith('_test.go') && nodePath.posix.dirname(p) === (dir === '' ? '.' : dir)) };
}

/** The string literals of a Go file (comments blanked), interpreted and raw. */
function stringLiterals(src: string): string[] {
  const text = stripGoComments(src);
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

export interface GoGenerateProducer {
  directive: GoGenerateDirective;
  /** How it names the path: `its command names it` or `build/gen.go names it`. */
  how: string;
}

/** The directive among `directives` that produces `path` (or a file under it), null when none. */
export function producerOf(path: string, directives: readonly GoGenerateDirective[], mod: GoModule | null, io: GoGenerateIo): GoGenerateProducer | null {
  const hits = (rel: string, from: string) => {
    const r = resolveFrom(from, rel);
    return r !== null && r !== '' && (r === path || r.startsWith(path + '/'));
  };
  for (const d of directives) {
    // The command's own words: `-o web/app.wasm`, a script's output argument.
    if (d.words.slice(1).some((w) => hits(w.replace(/^-[A-Za-z-]+=/, ''), d.pkg))) return { directive: d, how: 'its command names it' };
    // A shell's script (`sh -c "git describe … > version.txt"`): a word of it, a redirect's target.
    const script = shellScript(d.words);
    if (script !== null && script.split(/[\s|;&<>()]+/).some((w) => w !== '' && hits(w.replace(/^["']|["']$/g, ''), d.pkg))) return { directive: d, how: 'its script writes it' };
    const cmd = goCommand(d.words);
    if (!cmd || cmd.sub !== 'run') continue;
    for (const f of programFiles(d, cmd, mod, io).files) {
      const text = io.read(f);
      if (text !== null && stringLiterals(text).some((s) => hits(s, d.pkg))) return { directive: d, how: `${f} names it` };
    }
  }
  return null;
}

/**
 * Why the build stage cannot run `go generate` for a package whose directives are `directives`
 * (the golang image has the Go toolchain and the module's requirements, downloaded before): null
 * when every directive is a `go run`/`go build` of the module's code (or of a module it requires)
 * whose program runs no other tool than go.
 */
export function whyNotToolchainOnly(directives: readonly GoGenerateDirective[], mod: GoModule | null, io: GoGenerateIo): string | null {
  for (const d of directives) {
    const where = `\`//go:generate ${d.text}\` (${d.file}:${d.line})`;
    if (d.words[0] === '-command') return `${where} defines a command alias, which the generator does not follow`;
    if (d.words[0] === 'go' && d.words[1] === 'tool') {
      const why = whyNotDeclaredTool(d, mod, io);
      if (why === null) continue;
      return `${where} ${why}`;
    }
    const script = shellScript(d.words);
    if (script !== null) {
      const why = whyNotInGolangImage(script);
      if (why === null) continue;
      return `${where} ${why}`;
    }
    const cmd = goCommand(d.words);
    if (!cmd) return `${where} runs ${d.words[0] === 'go' ? `\`go ${d.words[1] ?? ''}\`` : `\`${d.words[0]}\``}, which is not a \`go run\` or \`go build\` of the module's code: the build stage has the Go toolchain only`;
    if (cmd.sub === 'build') continue;
    const prog = programFiles(d, cmd, mod, io);
    if (prog.external?.startsWith('!')) return `${where} runs ${prog.external.slice(1)}, which is neither the module's code nor a module its go.mod requires`;
    if (prog.external) continue;
    if (prog.files.length === 0) return `${where}: the program it runs is not in the build context`;
    const runs = programsRun(prog.files.map((f) => {
      const text = io.read(f);
      return { file: f, execs: text !== null && text.includes('os/exec') ? fileExecs(text) : null };
    })).filter((r) => r.name !== 'go');
    if (runs.length > 0) return `${where} runs ${runs[0].file}, which runs ${runs[0].name} (${runs[0].via}): the build stage has the Go toolchain only`;
  }
  return null;
}

/** The script of a shell directive (`sh -c "…"`, `bash -c '…'`), null for any other command. */
export function shellScript(words: readonly string[]): string | null {
  return /^(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash)$/.test(words[0] ?? '') && words[1] === '-c' && words.length >= 3 ? words[2] : null;
}

/**
 * Programs the golang image (Debian's, with its buildpack-deps scm layer) has: a shell script of a
 * //go:generate that runs only these runs in the build stage as it does on a developer's machine.
 */
const GOLANG_IMAGE_PROGRAMS = new Set(['sh', 'bash', 'go', 'gofmt', 'git', 'sed', 'awk', 'grep', 'tr', 'cut', 'head', 'tail', 'cat', 'echo', 'printf', 'date', 'mkdir', 'cp', 'mv', 'rm', 'touch', 'basename', 'dirname', 'wc', 'sort', 'uniq', 'tee', 'xargs', 'test', '[', 'true', 'false', 'ls', 'env', 'set', 'cd', 'exit', 'export']);

/** The commands of a shell script, each with the operator after it (`|`, `;`, `&&`, `||`, or '' at the end). */
function scriptCommands(script: string): { name: string; then: string }[] {
  const out: { name: string; then: string }[] = [];
  const parts = script.split(/(\|\||&&|\||;|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    const words = parts[i].trim().split(/\s+/).filter((w) => w !== '' && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
    if (words.length > 0) out.push({ name: words[0], then: (parts[i + 1] ?? '').replace('\n', ';') });
  }
  return out;
}

/**
 * Why a //go:generate shell script cannot run in the build stage, null when it can: every command
 * is one the golang image has, and git, which finds no .git there (the generated .dockerignore
 * keeps it out of the context), only pipes its output on (teamhanko/hanko's `git describe … |
 * sed … > version.txt`: the pipeline's status is sed's, so the script writes an empty file and
 * succeeds; see `gitWithoutRepository`).
 */
function whyNotInGolangImage(script: string): string | null {
  for (const c of scriptCommands(script)) {
    if (!GOLANG_IMAGE_PROGRAMS.has(c.name)) return `runs ${c.name} in its script, which the golang image does not have`;
    if (c.name === 'git' && (c.then !== '|' || /\bpipefail\b/.test(script))) return 'runs git, which needs the repository\'s .git, and the build context leaves .git out (.dockerignore): git fails, and so does the script';
  }
  return null;
}

/** The directives among `directives` whose shell script runs git with no .git (see whyNotInGolangImage): their output lacks what git would print. */
export function gitWithoutRepository(directives: readonly GoGenerateDirective[]): GoGenerateDirective[] {
  return directives.filter((d) => {
    const script = shellScript(d.words);
    return script !== null && scriptCommands(script).some((c) => c.name === 'git');
  });
}

/** The go command's own tools (`go tool cover`): the toolchain has them. */
const GO_TOOLS = new Set(['addr2line', 'asm', 'buildid', 'cgo', 'compile', 'covdata', 'cover', 'dist', 'doc', 'fix', 'link', 'nm', 'objdump', 'pack', 'pprof', 'preprofile', 'test2json', 'trace', 'vet']);

/**
 * Why a `go tool [-modfile=F] NAME` directive needs more than the toolchain: null when NAME is one
 * of go's own tools or a `tool` directive of the module file it reads declares it (Go 1.24 tool
 * dependencies; webhook-tester's `go tool -modfile=../../../tools.go.mod oapi-codegen`, whose
 * tools.go.mod has `tool github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen`): go builds it
 * from the module cache, downloading what it lacks.
 */
function whyNotDeclaredTool(d: GoGenerateDirective, mod: GoModule | null, io: GoGenerateIo): string | null {
  let modfile: string | null = null;
  let name: string | undefined;
  for (let i = 2; i < d.words.length; i++) {
    const w = d.words[i];
    if (w === '-modfile' || w === '--modfile') modfile = d.words[++i] ?? null;
    else if (/^--?modfile=/.test(w)) modfile = w.slice(w.indexOf('=') + 1);
    else if (!w.startsWith('-')) {
      name = w;
      break;
    }
  }
  if (name === undefined) return 'names no tool';
  if (GO_TOOLS.has(name)) return null;
  const file = modfile !== null ? resolveFrom(d.pkg, modfile) : mod ? join(mod.dir, 'go.mod') : null;
  const text = file === null ? null : io.read(file);
  if (text === null) return `runs the tool ${name}, declared in ${modfile ?? 'go.mod'}, which the build context does not hold`;
  return declaredTools(text).some((t) => t === name || toolName(t) === name) ? null : `runs the tool ${name}, which no \`tool\` line of ${file} declares`;
}

/** The package paths a module file's `tool` directives declare (Go 1.24 tool dependencies), comments left out. */
export function declaredTools(goModText: string): string[] {
  return [...goModText.matchAll(/^tool[ \t]+(?:\(([^)]*)\)|(\S+))/gm)].flatMap((m) => (m[1] ?? m[2]).split('\n').map((l) => l.replace(/\/\/.*$/, '').trim()).filter((x) => x !== ''));
}

/** The name `go tool` runs a declared tool by: its path's last element that is not a major version (`oapi-codegen` for …/oapi-codegen/v2/cmd/oapi-codegen). */
export function toolName(path: string): string | undefined {
  return path.split('/').filter((x) => !/^v[0-9]+$/.test(x)).pop();
}

/** The directives of every package of the module `moduleDir` (context-relative folder). */
export function moduleDirectives(model: WorkspaceModel, moduleDir: string | null, read: (rel: string) => string | null): GoGenerateDirective[] {
  return model.packages.filter((p) => p.module === moduleDir).flatMap((p) => goGenerateDirectives(p.dir, p.files, p.name, read));
}

/**
 * Exported names a package's files call or build unqualified (`NewExecutableSchema(`, `Config{`)
 * that none of its files declares (as a function, method, type, variable or constant): what a
 * missing generated file of the package would define (stash's internal/api/server.go calls
 * gqlgen's NewExecutableSchema). Comments and strings are blanked first.
 */
export function undefinedNames(texts: readonly string[]): string[] {
  const code = texts.map((t) => stripGoComments(t).replace(/"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'/g, '""'));
  const declared = new Set<string>();
  for (const t of code) {
    for (const m of t.matchAll(/^func[ \t]*(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)/gm)) declared.add(m[1]);
    for (const m of t.matchAll(/^(?:type|var|const)[ \t]+([A-Za-z_]\w*)/gm)) declared.add(m[1]);
    // Grouped declarations, and interface methods or struct fields at the start of a line.
    for (const m of t.matchAll(/^[ \t]+([A-Z]\w*)\b/gm)) declared.add(m[1]);
  }
  const used = new Set<string>();
  for (const t of code) {
    for (const m of t.matchAll(/(?<![.\w])([A-Z]\w*)[ \t]*[({]/g)) {
      if (!declared.has(m[1])) used.add(m[1]);
    }
  }
  return [...used];
}

/**
 * The directive of `directives` whose command names a file matching `pattern` (a context-relative
 * glob of one folder, MissingGenerated's): webhook-tester's `oapi-codegen … -o ./models.gen.go` in
 * internal/http/openapi for internal/http/openapi/*.gen.go. Null when none.
 */
export function directiveWriting(pattern: string, directives: readonly GoGenerateDirective[]): GoGenerateDirective | null {
  const dir = nodePath.posix.dirname(pattern);
  const name = globRegex(nodePath.posix.basename(pattern));
  return directives.find((d) => d.words.slice(1).some((w) => {
    const r = resolveFrom(d.pkg, w.replace(/^-[A-Za-z-]+=/, ''));
    return r !== null && nodePath.posix.dirname(r) === dir && name.test(nodePath.posix.basename(r));
  })) ?? null;
}

export interface MissingGenerated {
  /** The package folder (context-relative) the files belong to. */
  pkg: string;
  /** The .gitignore and its line (`.gitignore: internal/api/generated_*.go`). */
  ignoredBy: string;
  /** The pattern as a context-relative glob (`internal/api/generated_*.go`). */
  pattern: string;
  /** Names the package uses and declares nowhere (what the missing files define). */
  undefined: string[];
}

function globRegex(glob: string): RegExp {
  let re = '';
  for (const c of glob) re += c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${re}$`);
}

/**
 * Go sources of the program's packages that a `//go:generate` writes and git does not keep:
 * a .gitignore line naming .go files right in one of `packages` (context-relative folders) —
 * anchored to that folder (stash's root .gitignore `internal/api/generated_*.go`, gqlgen's exec
 * and models files), or a name pattern in the package folder's own .gitignore — of which the tree
 * has none. A fresh clone then lacks part of the package, and `go build` stops on the names
 * those files define. Only patterns naming `.go` files, only when the program's packages have
 * `//go:generate` lines (`hasDirectives`), and only when the package's own files use exported
 * names that none of them declares (undefinedNames); negated lines and patterns with `**` are not
 * read.
 */
export function missingGeneratedSources(packages: readonly string[], directives: readonly GoGenerateDirective[], io: { read(rel: string): string | null; listFiles(under: string): readonly { path: string }[] }): MissingGenerated[] {
  if (directives.length === 0) return [];
  const out: MissingGenerated[] = [];
  const gitignores = new Map<string, string[]>();
  const lines = (dir: string): string[] => {
    let l = gitignores.get(dir);
    if (!l) {
      l = (io.read(join(dir, '.gitignore')) ?? '').split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== '' && !x.startsWith('#') && !x.startsWith('!'));
      gitignores.set(dir, l);
    }
    return l;
  };
  for (const pkg of packages) {
    const segs = pkg === '' ? [] : pkg.split('/');
    for (let depth = 0; depth <= segs.length; depth++) {
      const base = segs.slice(0, depth).join('/');
      for (const line of lines(base)) {
        if (!line.endsWith('.go') || line.includes('**')) continue;
        const pat = line.replace(/^\//, '');
        const slash = pat.lastIndexOf('/');
        // Anchored to this package folder, or a bare name pattern in the package's own .gitignore;
        // one of a .gitignore above (git matches it in every folder below) only where a directive
        // of the package writes such a file (tarampampam/webhook-tester's root `*.gen.go` and
        // internal/http/openapi's `oapi-codegen … -o ./models.gen.go`; not every package of
        // opentelemetry-ebpf-profiler under its root `*.pb.go`).
        const dir = slash >= 0 ? join(base, pat.slice(0, slash)) : depth === segs.length || directiveWriting(join(pkg, pat), directives.filter((d) => d.pkg === pkg)) !== null ? pkg : null;
        if (dir !== pkg || /[*?[]/.test(slash >= 0 ? pat.slice(0, slash) : '')) continue;
        const name = globRegex(slash >= 0 ? pat.slice(slash + 1) : pat);
        const here = io.listFiles(pkg).map((f) => f.path).filter((f) => nodePath.posix.dirname(f) === (pkg === '' ? '.' : pkg));
        if (here.some((f) => name.test(nodePath.posix.basename(f)))) continue;
        if (out.some((o) => o.pkg === pkg)) continue;
        // Only when the package's code uses names it declares nowhere: a generated file that only
        // registers itself (packr's *-packr.go, rice-box.go) or a .gitignore template's
        // `_testmain.go` is not missing code.
        const texts = here.filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).map((f) => io.read(f)).filter((t): t is string => t !== null);
        const undefined_ = undefinedNames(texts);
        if (undefined_.length > 0) out.push({ pkg, ignoredBy: `${join(base, '.gitignore')}: ${line}`, pattern: join(pkg, nodePath.posix.basename(pat)), undefined: undefined_ });
      }
    }
  }
  return out;
}

/**
 * Identifiers holding `ident` (either case of its first letter: bpf2go writes loadKProbePWRU and
 * LoadKProbePWRU, bpfObjects for `bpf`) that the code uses and no file declares.
 */
function undeclaredWith(ident: string, texts: readonly string[]): string[] {
  const code = texts.map((t) => stripGoComments(t).replace(/"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'/g, '""'));
  const core = `[${ident[0].toLowerCase()}${ident[0].toUpperCase()}]${ident.slice(1).replace(/[^\w]/g, '')}`;
  const word = new RegExp(`(?<![.\\w])\\w*${core}\\w*`, 'g');
  const declared = new Set<string>();
  for (const t of code) {
    for (const m of t.matchAll(/^func[ \t]*(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)/gm)) declared.add(m[1]);
    for (const m of t.matchAll(/^(?:type|var|const)[ \t]+([A-Za-z_]\w*)/gm)) declared.add(m[1]);
    for (const m of t.matchAll(/^[ \t]+([A-Za-z_]\w*)[ \t]+(?:=|struct\b|interface\b|func\b|[A-Za-z_*[])/gm)) declared.add(m[1]);
    // Local variables (`objs, err := …`).
    for (const m of t.matchAll(/([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*:=/g)) for (const n of m[1].split(',')) declared.add(n.trim());
  }
  const used = new Set<string>();
  for (const t of code) for (const m of t.matchAll(word)) if (!declared.has(m[0])) used.add(m[0]);
  return [...used];
}

/** bpf2go's flags that take a value (`-cc clang`, `-target amd64`); the others are booleans. */
const BPF2GO_VALUE_FLAGS = new Set(['cc', 'strip', 'cflags', 'target', 'type', 'output-dir', 'output-stem', 'output-suffix', 'go-package', 'tags', 'makebase']);

export interface MissingBpf2go {
  directive: GoGenerateDirective;
  /** The identifier bpf2go names its output after (`KProbePWRU`). */
  ident: string;
  /** The folder (context-relative) and name stem of its output files (`kprobepwru_x86_bpfel.go`, `kprobepwru_bpfel.o`). */
  dir: string;
  stem: string;
  /** Names the package uses and declares nowhere that the output defines (`LoadKProbePWRU`). */
  undefined: string[];
}

/**
 * bpf2go directives (`//go:generate go run github.com/cilium/ebpf/cmd/bpf2go … <ident> <file.c>`)
 * whose output Go files are not in the tree while the package uses what they define
 * (cilium/pwru 70b1b60: build.go's `bpf2go … KProbePWRU ./bpf/kprobe_pwru.c`, outputs
 * kprobepwru_<arch>_bpfel.go and .o, which .gitignore keeps out of git; main.go calls
 * LoadKProbePWRU). bpf2go writes `<stem>_<target>.go` beside the package (`-output-dir`,
 * `-output-stem` move it), the stem being the identifier in lower case. The build needs clang,
 * the eBPF C sources and headers: a plain `go build` of a fresh clone stops on the undefined names.
 */
export function missingBpf2goOutputs(directives: readonly GoGenerateDirective[], io: { read(rel: string): string | null; listFiles(under: string): readonly { path: string }[] }): MissingBpf2go[] {
  const out: MissingBpf2go[] = [];
  for (const d of directives) {
    const at = d.words.findIndex((w) => w === 'bpf2go' || w.endsWith('/bpf2go') || /(^|\/)bpf2go@/.test(w));
    if (at < 0) continue;
    const positional: string[] = [];
    const flags = new Map<string, string>();
    for (let i = at + 1; i < d.words.length && d.words[i] !== '--'; i++) {
      const w = d.words[i];
      const m = /^--?([\w-]+)(?:=(.*))?$/.exec(w);
      if (m) {
        if (m[2] !== undefined) flags.set(m[1], m[2]);
        else if (BPF2GO_VALUE_FLAGS.has(m[1])) flags.set(m[1], d.words[++i] ?? '');
        continue;
      }
      positional.push(w);
    }
    const ident = positional[0];
    if (ident === undefined || !/^[A-Za-z_]\w*$/.test(ident)) continue;
    const outDir = flags.get('output-dir');
    const dir = outDir === undefined ? d.pkg : resolveFrom(d.pkg, outDir);
    if (dir === null) continue;
    const stem = flags.get('output-stem') ?? ident.toLowerCase();
    const here = io.listFiles(dir).map((f) => f.path).filter((f) => nodePath.posix.dirname(f) === (dir === '' ? '.' : dir));
    if (here.some((f) => { const b = nodePath.posix.basename(f); return b.startsWith(`${stem}_`) && b.endsWith('.go'); })) continue;
    // What bpf2go's output declares: load<Ident>, Load<Ident>, <Ident>Objects, … (any case of the first letter).
    const texts = here.filter((f) => f.endsWith('.go') && !f.endsWith('_test.go')).map((f) => io.read(f)).filter((t): t is string => t !== null);
    const undefined_ = undeclaredWith(ident, texts);
    if (undefined_.length === 0 || out.some((o) => o.dir === dir && o.stem === stem)) continue;
    out.push({ directive: d, ident, dir, stem, undefined: undefined_ });
  }
  return out;
}
