/**
 * cgo the program's own code asks for: a package of the program's own module (or of its go.work
 * workspace) with a cgo implementation and a `!cgo` fallback (chaos-mesh's pkg/ptrace:
 * ptrace_linux.go and cwrapper_linux.go `import "C"` behind `//go:build cgo`, ptrace_nocgo.go
 * behind `//go:build !cgo`, whose functions `panic("unimplemented")`). A CGO_ENABLED=0 build
 * compiles, but links the fallback: the authors wrote the C implementation to ship it, so the
 * program is built with cgo unless the project's own build says CGO_ENABLED=0 for it (its
 * Makefile, with the files it includes; goreleaser; a root Dockerfile).
 *
 * Third-party modules are not read (the module cache is not the context's, vendor/ is not
 * indexed as packages): most of their cgo/!cgo pairs are pure-Go fallbacks that work.
 *
 * Also: `//go:embed` patterns of the program's packages that match files a Makefile rule makes
 * (chaos-mesh's pkg/time/asset_linux.go `//go:embed fakeclock/*.o`, the objects `cc -c` compiles
 * in the Makefile), which a fresh clone lacks.
 */
import * as nodePath from 'node:path';
import { goCommandOf, goPackages } from '../dockerfile/facts';
import { envValue } from '../dockerfile/goBuild';
import { parseShell } from '../dockerfile/shell';
import { parseEmbedPatterns } from '../facts/contextInputs';
import { evalConstraint, parseGoFile } from '../workspace/goImports';
import type { WorkspaceModel } from '../workspace/model';
import { packageByDir, resolvePackageArg } from '../workspace/query';
import { DEV_TARGET, expandKnown, makeVariables, rootDockerfileBuilds } from './buildTags';
import { goreleaserItems } from '../dockerfile/goreleaser';

export interface CgoOwnIo {
  readFile(rel: string): string | null;
  listFiles(under?: string): readonly { path: string; size?: number }[];
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** A package of the program with a cgo implementation and a `!cgo` fallback. */
export interface CgoPair {
  pkg: string;
  /** Its files with `import "C"` that a linux build compiles with cgo on, and their constraint (null: none; go leaves such a file out when cgo is off). */
  cgoFiles: { file: string; constraint: string | null }[];
  /** Its files built only with cgo off. */
  fallbacks: { file: string; constraint: string }[];
  /** A fallback file calls panic (ptrace_nocgo.go's `panic("unimplemented")`). */
  fallbackPanics: boolean;
}

/**
 * The cgo/!cgo pairs of the given packages (context-relative folders, the program's own): files
 * with `import "C"` that a linux build with cgo compiles, beside files that only a build without
 * cgo compiles.
 */
export function cgoPairs(dirs: readonly string[], model: WorkspaceModel, read: (rel: string) => string | null): CgoPair[] {
  const out: CgoPair[] = [];
  for (const dir of dirs) {
    const p = packageByDir(model, dir);
    if (!p || !p.usesCgo || !p.cgoFallback) continue;
    const pair: CgoPair = { pkg: dir, cgoFiles: [], fallbacks: [], fallbackPanics: false };
    for (const f of p.files) {
      const text = read(join(dir, f));
      if (text === null) continue;
      const info = parseGoFile(text);
      const c = info.constraint;
      if (info.importsC && (c === null || evalConstraint(c, true) !== 0)) pair.cgoFiles.push({ file: join(dir, f), constraint: c });
      else if (c !== null && evalConstraint(c, true) === 0 && evalConstraint(c, false) !== 0) {
        pair.fallbacks.push({ file: join(dir, f), constraint: c });
        if (/\bpanic\(/.test(text)) pair.fallbackPanics = true;
      }
    }
    if (pair.cgoFiles.length > 0 && pair.fallbacks.length > 0) out.push(pair);
  }
  return out;
}

/** How a pair reads in a reason: `pkg/ptrace has import "C" behind //go:build cgo (…), and a !cgo fallback (…)`. */
export function describePair(p: CgoPair): string {
  const constraints = [...new Set(p.cgoFiles.map((f) => (f.constraint === null ? null : `//go:build ${f.constraint}`)))];
  const behind = constraints.every((c) => c === null)
    ? 'with no build constraint (go leaves a file that imports "C" out when cgo is off)'
    : `behind ${constraints.filter((c) => c !== null).join(', ')}`;
  const files = (fs: readonly { file: string }[]) => `${fs.slice(0, 2).map((f) => nodePath.posix.basename(f.file)).join(', ')}${fs.length > 2 ? ` and ${fs.length - 2} more` : ''}`;
  const fallback = [...new Set(p.fallbacks.map((f) => f.constraint))].map((c) => `//go:build ${c}`).join(', ');
  return `${p.pkg === '' ? 'the root package' : p.pkg} has import "C" ${behind} (${files(p.cgoFiles)}) and a fallback for builds without cgo (${files(p.fallbacks)}, ${fallback}${p.fallbackPanics ? ', which panics' : ''})`;
}

/** A CGO_ENABLED the project's own build sets for the package: '0', '1', or null (a variable). */
export interface CgoSetting {
  value: string | null;
  /** `binary.generated.mk:13`, `.goreleaser.yml (build chaos-daemon)`, `Dockerfile:12`. */
  where: string;
}

/** A Makefile and the files it includes (static names, relative to the folder make runs in), in reading order; each at most once. */
function makefileTexts(dir: string, read: (rel: string) => string | null): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const first = ['GNUmakefile', 'makefile', 'Makefile'].map((f) => join(dir, f)).find((f) => read(f) !== null);
  if (!first) return out;
  const visit = (file: string, depth: number) => {
    if (depth > 4 || out.some((o) => o.file === file)) return;
    const text = read(file);
    if (text === null) return;
    out.push({ file, text });
    for (const m of text.matchAll(/^[ \t]*(?:-include|sinclude|include)[ \t]+([^\n#]+)/gm)) {
      for (const name of m[1].trim().split(/\s+/)) {
        if (/[$*?[]/.test(name)) continue;
        visit(nodePath.posix.normalize(join(dir, name)), depth + 1);
      }
    }
  };
  visit(first, 0);
  return out;
}

/** The package folders a go build/install command of a recipe or script names (`./cmd/x`, `cmd/x/main.go`, an import path). */
function builtDirs(model: WorkspaceModel, args: Parameters<typeof goPackages>[0], fromDir: string): string[] {
  const pkgs = goPackages(args);
  const out: string[] = [];
  for (const w of pkgs.length === 0 ? [{ value: '.', dynamic: false }] : pkgs) {
    if (w.dynamic || w.value.includes('...') || w.value.includes('@')) continue;
    const arg = w.value;
    const file = arg.endsWith('.go');
    const local = file || arg === '.' || arg.startsWith('./') || arg.startsWith('../') || !arg.split('/')[0].includes('.');
    const rel = file ? nodePath.posix.dirname(arg) : arg;
    const p = local ? resolvePackageArg(model, rel === '.' || rel.startsWith('./') || rel.startsWith('../') ? rel : `./${rel}`, fromDir) : resolvePackageArg(model, arg);
    if (p) out.push(p.dir);
  }
  return out;
}

/**
 * The CGO_ENABLED values the project's own build sets when it builds the package `targetDir`:
 * the recipe lines of the root Makefile (and of the module's, and the files they include) that
 * run `go build`/`go install` of it, with the Makefile's variables expanded (chaos-mesh's
 * `$(CGO) build … cmd/chaos-daemon/main.go`, `CGO := $(CGOENV) go`, `CGOENV := CGO_ENABLED=1`),
 * else a Makefile's `export CGO_ENABLED`; goreleaser builds of it (`env: [CGO_ENABLED=0]`, the
 * config's own `env:`); the root Dockerfiles' builds of it. A build that leaves CGO_ENABLED
 * unset says nothing. Targets named for development or tests are not how it ships.
 */
export function projectCgoSettings(model: WorkspaceModel, targetDir: string, moduleDir: string, io: CgoOwnIo): CgoSetting[] {
  const out: CgoSetting[] = [];
  const read = (rel: string) => io.readFile(rel);
  const valueOf = (raw: string): string | null => (/^[01]$/.test(raw.trim()) ? raw.trim() : /\$/.test(raw) ? null : raw.trim() === '' ? null : raw.trim() === 'true' ? '1' : raw.trim() === 'false' ? '0' : null);
  // Makefiles
  for (const dir of [...new Set(['', moduleDir])]) {
    const texts = makefileTexts(dir, read);
    if (texts.length === 0) continue;
    const vars = new Map<string, string>();
    let exported: string | undefined;
    for (const { text } of texts) {
      for (const [k, v] of makeVariables(text)) vars.set(k, v);
      const e = [...text.matchAll(/^export[ \t]+CGO_ENABLED[ \t]*[?:]?=[ \t]*(\S*)/gm)].pop();
      if (e) exported = e[1];
    }
    for (const { file, text } of texts) {
      const lines = text.split(/\r?\n/);
      let rule = '';
      for (let n = 0; n < lines.length; n++) {
        let line = lines[n];
        const first = n;
        while (line.endsWith('\\') && n + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++n]}`;
        if (!line.startsWith('\t')) {
          const head = /^([A-Za-z0-9_./%-][^:=\s]*)(?:\s+[^:=\s]+)*\s*:(?!=)/.exec(line);
          if (head) rule = head[1];
          continue;
        }
        if (DEV_TARGET.test(rule)) continue;
        const seen = expandKnown(line.slice(1).replace(/^[@+-]+/, ''), vars);
        if (!/\bgo\s+(?:build|install)\b/.test(seen)) continue;
        for (const c of parseShell(seen).commands) {
          const g = goCommandOf(c);
          if (!g || (g.sub !== 'build' && g.sub !== 'install')) continue;
          if (!builtDirs(model, g.args, dir).includes(targetDir)) continue;
          const set = [...g.cmd.env].reverse().find((e) => e.name === 'CGO_ENABLED');
          const where = `${file}:${first + 1}${rule ? ` (${rule})` : ''}`;
          if (set) out.push({ value: valueOf(set.value), where });
          else if (exported !== undefined) out.push({ value: valueOf(expandKnown(exported, vars)), where: `${where}, with \`export CGO_ENABLED\`` });
        }
      }
    }
  }
  // goreleaser
  for (const gr of [...new Set([join(moduleDir, '.goreleaser.yml'), join(moduleDir, '.goreleaser.yaml'), '.goreleaser.yml', '.goreleaser.yaml'])]) {
    const text = read(gr);
    if (text === null) continue;
    const lines = text.split(/\r?\n/);
    // An `env:` list: its `- NAME=value` entries, up to the first line that is no entry.
    const envOf = (body: readonly string[]): string | undefined => {
      const at = body.findIndex((l) => /^\s*env:\s*(#.*)?$/.test(l));
      if (at < 0) return undefined;
      for (const l of body.slice(at + 1)) {
        if (l.trim() === '' || l.trim().startsWith('#')) continue;
        if (!/^\s*-/.test(l)) break;
        const m = /^\s*-\s*['"]?CGO_ENABLED=([^'"\s#]*)/.exec(l);
        if (m) return m[1];
      }
      return undefined;
    };
    // The config's own `env:` (a top-level key) applies to every build without one.
    const topEnv = lines.findIndex((l) => /^env:\s*(#.*)?$/.test(l));
    const globalEnv = topEnv < 0 ? undefined : envOf(lines.slice(topEnv));
    // The builds as ownBuild.ts reads them (also a list at the key's own indentation, a key with a comment).
    const items = goreleaserItems(text);
    if (items === null) continue;
    const key = (item: readonly string[], name: string): string | undefined => {
      for (const l of item) {
        const m = new RegExp(`^\\s*${name}:\\s*['"]?([^'"#]*?)['"]?\\s*(#.*)?$`).exec(l);
        if (m) return m[1];
      }
      return undefined;
    };
    const anyMain = items.some((i) => key(i, 'main') !== undefined);
    items.forEach((item, i) => {
      const main = key(item, 'main') ?? '.';
      const dir = key(item, 'dir') ?? '.';
      if (/\{\{|\$/.test(main + dir)) return;
      const folder = nodePath.posix.normalize(nodePath.posix.join(moduleDir === '' ? '.' : moduleDir, dir, main.endsWith('.go') ? nodePath.posix.dirname(main) : main)).replace(/\/$/, '').replace(/^\.$/, '');
      // A build without main: builds the module root (only when no build of the config names one).
      if (folder !== targetDir || (key(item, 'main') === undefined && anyMain)) return;
      const env = envOf(item) ?? globalEnv;
      if (env !== undefined) out.push({ value: valueOf(env), where: `${gr} (build ${key(item, 'id') ?? `#${i + 1}`})` });
    });
  }
  // Root Dockerfiles
  for (const { file, model: df, build: b } of rootDockerfileBuilds(targetDir, model, io)) {
    const v = envValue(df, b.stage, b.go, 'CGO_ENABLED');
    if (v !== undefined) out.push({ value: v === null ? null : valueOf(v), where: `${file}:${b.go.instr.line + 1}` });
  }
  return out;
}

/** An embed pattern (path.Match syntax, relative to its package) as a regular expression over context-relative paths. */
function embedRegex(pkg: string, pattern: string): RegExp {
  let re = '';
  const p = pattern.replace(/^\.\//, '');
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = p.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${p.slice(i + 1, end).replace(/^\^/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const base = pkg === '' ? '' : `${pkg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`;
  // A pattern naming a folder embeds what is under it.
  return new RegExp(`^${base}${re}(/.*)?$`);
}

/** An embedded file a Makefile rule makes that the context lacks (or git ignores). */
export interface MadeEmbed {
  /** The Go file with the //go:embed line, and the pattern. */
  file: string;
  pattern: string;
  /** The targets the Makefile makes that the pattern matches, with where their rules are. */
  made: { path: string; where: string }[];
  /** Files of the tree the pattern matches today (placeholders). */
  present: string[];
}

/**
 * `//go:embed` patterns of the packages (context-relative folders) that match explicit targets of
 * the root Makefile's rules (and of the files it includes), when the context lacks those files:
 * a fresh clone embeds without them (or, with only a placeholder matching, `go build` passes and
 * the program finds nothing). `ignored(path)` says why git leaves a file out, null when it does not.
 */
export function madeEmbeds(model: WorkspaceModel, packages: readonly string[], io: CgoOwnIo, ignored: (path: string) => string | null): (MadeEmbed & { ignoredBy: string | null })[] {
  const read = (rel: string) => io.readFile(rel);
  const targets = makefileTargets(read);
  if (targets.length === 0) return [];
  const out: (MadeEmbed & { ignoredBy: string | null })[] = [];
  for (const dir of packages) {
    const p = packageByDir(model, dir);
    if (!p || !p.imports.includes('embed')) continue;
    for (const f of p.files) {
      const text = read(join(dir, f));
      if (text === null || !text.includes('//go:embed')) continue;
      for (const pattern of parseEmbedPatterns(text)) {
        const re = embedRegex(dir, pattern);
        const made = targets.filter((t) => re.test(t.path));
        if (made.length === 0) continue;
        const lacking = made.filter((t) => read(t.path) === null || ignored(t.path) !== null);
        if (lacking.length === 0) continue;
        // The folder the pattern's literal leading segments name (`fakeclock` of `fakeclock/*.o`).
        const segs = pattern.split('/');
        const glob = segs.findIndex((x) => /[*?[]/.test(x));
        const literal = join(dir, (glob < 0 ? segs : segs.slice(0, glob)).join('/'));
        const present = io.listFiles(literal).map((x) => x.path).filter((x) => re.test(x) && !made.some((t) => t.path === x));
        out.push({ file: join(dir, f), pattern, made: lacking, present, ignoredBy: ignored(lacking[0].path) });
      }
    }
  }
  return out;
}

/**
 * The explicit targets of the root Makefile's rules (and of the files it includes) that name a
 * path (no variable, pattern or special target), with where the rule is and its recipe's lines
 * (tab-indented, as written).
 */
export function makefileTargets(read: (rel: string) => string | null): { path: string; where: string; recipe: string[] }[] {
  const targets: { path: string; where: string; recipe: string[] }[] = [];
  for (const { file, text } of makefileTexts('', read)) {
    const lines = text.split(/\r?\n/);
    lines.forEach((line, n) => {
      if (line.startsWith('\t')) return;
      const m = /^([^\s:=#][^:=#]*?)\s*:(?![=])/.exec(line);
      if (!m) return;
      const recipe: string[] = [];
      for (let k = n + 1; k < lines.length && lines[k].startsWith('\t'); k++) recipe.push(lines[k].trim());
      for (const t of m[1].trim().split(/\s+/)) {
        if (/[$%*?]/.test(t) || t.startsWith('.')) continue;
        const path = nodePath.posix.normalize(t).replace(/^\.\//, '');
        if (!targets.some((x) => x.path === path)) targets.push({ path, where: `${file}:${n + 1}`, recipe });
      }
    });
  }
  return targets;
}
