/**
 * The `-X importpath.name=value` settings the project's own build passes to the linker (Makefile,
 * .goreleaser.yml, Dockerfiles, scripts: linkname.ts's build files), read for two things:
 *
 *  - a setting every place gives the same literal value, on a variable whose name is no release
 *    stamp: the program needs it, so the generated build passes it too. tenable/terrascan 4e36f4c
 *    Makefile:2, .goreleaser.yml:18 and build/Dockerfile:17 all pass
 *    `-X google.golang.org/protobuf/reflect/protoregistry.conflictPolicy=ignore`: its dependencies
 *    register one proto file twice, and without the setting the binary panics at start;
 *  - a variable of the main package the build stamps with a per-release value (jwilder/dockerize
 *    7b9b3a5 Makefile:5 `-X main.buildVersion=$(TAG)`): the version variable, when the main package
 *    has none of the usual names; or, when the main package has none at all, one of another package
 *    of the program's module (stampedPackageVersion).
 */
import * as path from 'node:path';
import { makeVariableValues } from '../dockerfile/makeRecipe';
import { parseGoMod } from '../workspace/gomod';
import { BUILD_FILE } from './linkname';

export interface LinkSetting {
  /** `google.golang.org/protobuf/reflect/protoregistry.conflictPolicy`, `main.buildVersion`. */
  symbol: string;
  /** The value when it is a plain literal (no variable, template or command); else null. */
  value: string | null;
  /** file:line */
  at: string;
  /** On a Makefile line inside an ifeq/ifdef block: only some builds pass it. */
  conditional?: boolean;
}

const SETTING = /(?:^|[\s"'=])-X(?:\s+|=)["']?((?:[A-Za-z0-9_~.-]+\/)*[A-Za-z0-9_~.-]+\.[A-Za-z_][A-Za-z0-9_]*)=([^\s"']*)/g;
const LITERAL = /^[A-Za-z0-9._:/@+,-]+$/;

/** A build script at the root without an extension (coreos/butane's `build`, `build_for_container`). */
const ROOT_BUILD_SCRIPT = /^build(?:[-_][A-Za-z0-9_-]+)?$/;

/**
 * Every `-X symbol=value` the project's build files pass, in file order; `scripts`: also the root's
 * extensionless build scripts, and the symbols a Makefile writes with its variables, expanded where
 * certain (`-X $(CLI_VERSION_PACKAGE).version=…`: symbolsExpanded). Both read for
 * stampedPackageVersion only: constantLinkSettings asks every build file to agree, and those
 * files and settings were not among them.
 */
export function linkSettings(io: { read(rel: string): string | null; listFiles(under: string): readonly { path: string }[] }, scripts = false): LinkSetting[] {
  const files = io.listFiles('').map((f) => f.path).filter((p) => (BUILD_FILE.test(p) || (scripts && ROOT_BUILD_SCRIPT.test(p))) && !p.includes('node_modules/')).sort();
  const out: LinkSetting[] = [];
  for (const p of files.slice(0, 200)) {
    const text = io.read(p);
    if (text === null || text.length > 256 * 1024 || !text.includes('-X')) continue;
    const make = /(?:^|\/)(?:GNUmakefile|Makefile|[^/]+\.mk)$/.test(p);
    const vars = scripts && make && /-X(?:\s+|=)["']?[^\s"'=]*\$[({]/.test(text) ? makeVariableValues(p, io.read) : null;
    let depth = 0;
    text.split('\n').forEach((line, i) => {
      if (/^\s*#/.test(line)) return;
      if (make && /^\s*(?:ifeq|ifneq|ifdef|ifndef)\b/.test(line)) depth++;
      else if (make && /^\s*endif\b/.test(line)) depth = Math.max(0, depth - 1);
      const seen = vars ? symbolsExpanded(line, (name) => makeValue(name, vars, p, io.read)) : line;
      for (const m of seen.matchAll(SETTING)) out.push({ symbol: m[1], value: LITERAL.test(m[2]) ? m[2] : null, at: `${p}:${i + 1}`, ...(depth > 0 ? { conditional: true } : {}) });
    });
  }
  return out;
}

/** The symbol of a `-X` setting as written, make variables and all (`$(CLI_VERSION_PACKAGE).version`, `'$(PKG_PATH)/cmd.buildVersion`). */
const WRITTEN_SYMBOL = /((?:^|[\s"'=])-X(?:\s+|=)["']?)((?:[A-Za-z0-9_~./-]|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\})+)(?==)/g;

/**
 * A Makefile line with the make variables of its `-X` symbols replaced by their values when each
 * is certain (`value`: null when not); the values (`=…` after the symbol) stay as written, so a
 * per-release stamp stays one. A symbol with a variable not known stays as written, and the
 * settings reader then skips it.
 */
function symbolsExpanded(line: string, value: (name: string) => string | null): string {
  return line.replace(WRITTEN_SYMBOL, (all, lead: string, symbol: string) => {
    if (!symbol.includes('$')) return all;
    let known = true;
    const out = symbol.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (ref, a, b) => {
      const v = value(a ?? b);
      if (v === null) known = false;
      return v ?? ref;
    });
    return known ? `${lead}${out}` : all;
  });
}

/**
 * A make variable's value for certain, expanded, as part of an import path: a plain value (quotes
 * around the whole dropped: containers/prometheus-podman-exporter f1d9353 Makefile:1 `PKG_PATH =
 * "github.com/containers/prometheus-podman-exporter"`, which the recipe's shell quoting splices
 * away), the values of the variables it names, or `$(shell go list -m)`: the module path of the
 * go.mod in the Makefile's folder, with no go.work there or above (which would list every module
 * of the workspace). Null otherwise.
 */
function makeValue(name: string, vars: ReadonlyMap<string, string>, file: string, read: (rel: string) => string | null, depth = 0): string | null {
  const raw = vars.get(name);
  if (raw === undefined || depth > 5) return null;
  if (/^\$\(shell[ \t]+go[ \t]+list[ \t]+-m[ \t]*\)$/.test(raw)) {
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    const mod = read(dir === '' ? 'go.mod' : `${dir}/go.mod`);
    if (mod === null) return null;
    for (let d = dir; ; d = path.posix.dirname(d) === '.' ? '' : path.posix.dirname(d)) {
      if (read(d === '' ? 'go.work' : `${d}/go.work`) !== null) return null;
      if (d === '') break;
    }
    return parseGoMod(mod).module;
  }
  const unquoted = /^(["'])([^"'$\s]+)\1$/.exec(raw)?.[2] ?? raw;
  let known = true;
  const out = unquoted.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, a, b) => {
    const v = makeValue(a ?? b, vars, file, read, depth + 1);
    if (v === null) known = false;
    return v ?? '';
  });
  return known && /^[A-Za-z0-9_~./-]+$/.test(out) ? out : null;
}

/** A name that says it holds a release stamp or describes the build (version, commit, build date, builder, compiler…), whatever its value. */
const STAMP_NAME = /version|commit|revision|date|time|build|branch|tag|sha|hash|release|user|host|stamp|git|compiler|by$/i;

/**
 * The settings the project's builds agree on: passed by two build files or more (CI workflows aside,
 * which may only test), by every such file that passes -X settings at all (a Makefile only outside
 * ifeq/ifdef blocks, a goreleaser config in each of its `ldflags:`), with one literal value wherever
 * it is passed; on a variable whose name is no release stamp or build description, that the program
 * links: a variable of the main package it declares (`declares`), or one of a package of its own
 * module or of a module go.mod requires. One file alone, or a build flavour, is no agreement:
 * cosmos/gaia's Makefile:79 passes `types.DBBackend=cleveldb` only when GAIA_BUILD_OPTIONS asks
 * for it; utkuozdemir/nvidia_gpu_exporter's .goreleaser.yml:44 only in its nvml flavour.
 */
export function constantLinkSettings(settings: readonly LinkSetting[], links: { declares(name: string): boolean; modulePath: string | null; requires: readonly string[]; ldflagsKeys(file: string): number }): { symbol: string; value: string; at: string[] }[] {
  const fileOf = (s: LinkSetting) => s.at.replace(/:\d+$/, '');
  const builds = settings.filter((s) => !fileOf(s).startsWith('.github/'));
  const files = new Set(builds.map(fileOf));
  const bySymbol = new Map<string, LinkSetting[]>();
  for (const s of builds) bySymbol.set(s.symbol, [...(bySymbol.get(s.symbol) ?? []), s]);
  const out: { symbol: string; value: string; at: string[] }[] = [];
  for (const [symbol, all] of bySymbol) {
    const values = new Set(all.map((s) => s.value));
    const value = all[0].value;
    if (values.size !== 1 || value === null) continue;
    const firm = all.filter((s) => !s.conditional);
    const passing = new Set(firm.map(fileOf));
    if (passing.size < 2 || passing.size !== files.size) continue;
    if ([...passing].some((f) => /(?:^|\/)\.goreleaser[^/]*$/.test(f) && firm.filter((s) => fileOf(s) === f).length < links.ldflagsKeys(f))) continue;
    const dot = symbol.lastIndexOf('.');
    const pkg = symbol.slice(0, dot);
    const name = symbol.slice(dot + 1);
    if (STAMP_NAME.test(name)) continue;
    const within = (m: string) => pkg === m || pkg.startsWith(`${m}/`);
    const linked = pkg === 'main' ? links.declares(name) : (links.modulePath !== null && within(links.modulePath)) || links.requires.some(within);
    if (!linked) continue;
    out.push({ symbol, value, at: [...new Set(all.map((s) => s.at))] });
  }
  return out;
}

/** Names of main-package variables the project stamps with a per-release value whose name says version (`buildVersion`). */
export function stampedVersionNames(settings: readonly LinkSetting[]): string[] {
  return [...new Set(settings.filter((s) => s.value === null && /^main\.[A-Za-z_]*version[A-Za-z0-9_]*$/i.test(s.symbol)).map((s) => s.symbol.slice('main.'.length)))];
}

/**
 * The variable of a package of the program's own module (not main) that the project's build stamps
 * with a per-release value and that holds the release version, when it is one: a name that says
 * version (`version`, `Version` first, then `gitVersion`, `versionFromGit`…), else the only such
 * setting of a package named version. coreos/butane d119ca2 build:9 and build_for_container:9
 * `-X github.com/coreos/butane/internal/version.Raw=$version` (judge 41 G G2: the generated image
 * printed "Butane was not built properly"); containers/gvisor-tap-vsock 855ccda Makefile:10
 * `-X …/pkg/types.gitVersion=$(GIT_VERSION)`. Two candidates of one rank in different symbols: null.
 */
export function stampedPackageVersion(settings: readonly LinkSetting[], modulePath: string | null): { importPath: string; name: string; at: string } | null {
  if (modulePath === null) return null;
  const bySymbol = new Map<string, LinkSetting>();
  for (const s of settings) {
    if (s.value !== null || s.symbol.startsWith('main.')) continue;
    const pkg = s.symbol.slice(0, s.symbol.lastIndexOf('.'));
    if (pkg !== modulePath && !pkg.startsWith(`${modulePath}/`)) continue;
    if (!bySymbol.has(s.symbol)) bySymbol.set(s.symbol, s);
  }
  const split = (symbol: string) => ({ importPath: symbol.slice(0, symbol.lastIndexOf('.')), name: symbol.slice(symbol.lastIndexOf('.') + 1) });
  const symbols = [...bySymbol.keys()];
  const ranks: ((symbol: string) => boolean)[] = [
    (x) => /^version$/i.test(split(x).name),
    (x) => /version/i.test(split(x).name) && !/go_?version/i.test(split(x).name),
    // Not a commit, date or builder a package named version also holds (matterbridge's version.GitHash).
    (x) => /(?:^|\/)version$/.test(split(x).importPath) && !/commit|revision|hash|sha|date|time|branch|user|host|compiler|by$/i.test(split(x).name) && symbols.filter((y) => split(y).importPath === split(x).importPath).length === 1,
  ];
  for (const rank of ranks) {
    const hits = symbols.filter(rank);
    if (hits.length === 1) return { ...split(hits[0]), at: bySymbol.get(hits[0])!.at };
    if (hits.length > 1) return null;
  }
  return null;
}
