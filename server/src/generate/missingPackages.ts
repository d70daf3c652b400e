/**
 * Packages of the program's own module (or of a module it replaces with a folder of the context)
 * that it imports and the tree does not have: pufferpanel's web/loader.go imports
 * `…/v3/client/frontend/dist`, a package that exists only after the front-end build (vite copies
 * client/frontend/public/webfiles.go, `//go:embed *`, into dist/). `go build` stops at it
 * ("package …/client/frontend/dist is not in std" / "no required module provides package").
 */
import * as nodePath from 'node:path';
import type { GoModule, WorkspaceModel } from '../workspace/model';
import { packageByDir } from '../workspace/query';
import { importQualifier, parseGoFile } from '../workspace/goImports';
import { stripGoComments } from '../workspace/goText';
import type { AssetIo } from './assets';

export interface MissingPackage {
  importPath: string;
  /** The folder it would be in (context-relative). */
  dir: string;
  /** The module that holds it: its go.mod decides that the import is no other module's. */
  module: GoModule;
  /** A file importing it (context-relative), with the 1-based line of the import. */
  importedAt: string;
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

const under = (imp: string, path: string) => imp === path || imp.startsWith(path + '/');

/**
 * The imports of the compiled packages (`packages`, folders) that name a package of `own` (the
 * program's module) or of a module `own` replaces with a folder of the context, and whose folder
 * holds no .go file. An import a longer module path of go.mod's requirements covers is that
 * module's (a nested module fetched by version), not a missing package.
 */
export function missingOwnPackages(model: WorkspaceModel, own: GoModule, packages: readonly string[], externalImports: readonly string[], io: { read(rel: string): string | null; listFiles(under: string): readonly { path: string }[] }): MissingPackage[] {
  const read = (rel: string) => io.read(rel);
  if (own.path === '') return [];
  const local = [own];
  for (const r of own.replaces) {
    if (!r.local) continue;
    const dir = nodePath.posix.normalize(join(own.dir === '' ? '.' : own.dir, r.newPath)).replace(/^\.$/, '').replace(/\/$/, '');
    const m = model.modules.find((x) => x.dir === dir && x.path === r.oldPath);
    if (m && !dir.startsWith('..')) local.push(m);
  }
  const out: MissingPackage[] = [];
  for (const imp of externalImports) {
    const holders = local.filter((m) => under(imp, m.path)).sort((a, b) => b.path.length - a.path.length);
    const m = holders[0];
    if (!m) continue;
    // Another module of the requirements (or of the tree) whose path is longer holds it.
    if ([...own.requirements, ...m.requirements].some((r) => r.path.length > m.path.length && under(imp, r.path))) continue;
    if (model.modules.some((x) => x.path.length > m.path.length && under(imp, x.path))) continue;
    const dir = join(m.dir, imp.slice(m.path.length + 1)).replace(/\/$/, '');
    if (imp === m.path || packageByDir(model, dir)) continue;
    // A folder the workspace does not index holds it all the same: Go imports a package in a
    // folder named with a dot or an underscore (nginx-ui's `…/Nginx-UI/.github`, .github/embed.go)
    // although `./...` leaves it out.
    if (io.listFiles(dir).some((f) => f.path.startsWith(dir + '/') && f.path.endsWith('.go') && !f.path.slice(dir.length + 1).includes('/'))) continue;
    let importedAt: string | null = null;
    for (const d of packages) {
      const p = packageByDir(model, d);
      if (!p?.imports.includes(imp)) continue;
      for (const f of p.files) {
        const lines = (read(join(d, f)) ?? '').split('\n');
        const i = lines.findIndex((l) => l.includes(`"${imp}"`));
        if (i >= 0) {
          importedAt = `${join(d, f)}:${i + 1}`;
          break;
        }
      }
      if (importedAt !== null) break;
    }
    if (importedAt === null) continue;
    out.push({ importPath: imp, dir, module: m, importedAt });
  }
  return out;
}

/**
 * The .go files a front-end build copies into `output` (a folder, context-relative) from the
 * public folder of the vite project in `projectDir` (vite copies `publicDir`, `public` unless its
 * config says otherwise, into the output as it is): pufferpanel's client/frontend/public/webfiles.go.
 */
export function goFilesCopiedByVite(projectDir: string, io: AssetIo): string[] {
  if (!io.listFiles) return [];
  const config = ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts'].map((f) => io.read(join(projectDir, f))).find((t) => t !== null);
  if (config === undefined || config === null) return [];
  const plain = config.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  // A `root` or `publicDir` that moves the public folder is not followed, nor `publicDir: false`.
  if (/\b(root|publicDir)\s*:/.test(plain)) return [];
  const pub = join(projectDir, 'public');
  return io.listFiles(pub).map((f) => f.path).filter((p) => p.startsWith(pub + '/') && p.endsWith('.go') && !p.endsWith('_test.go') && !p.slice(pub.length + 1).includes('/'));
}

/** Configuration and build files at the root or one folder down that may name a generated folder (gqlgen.yml, a Makefile). */
const NAMING_FILE = /^(?:[^/]+\/)?(?:[^/]+\.(?:ya?ml|toml)|Makefile|GNUmakefile|[^/]+\.mk|[^/]+\.sh)$/;

/**
 * The first line of the project's configuration or build files that names `dir` as a path
 * (traggo's gqlgen.yml `filename: generated/gqlmodel/generated.go`): `file:line`, else null.
 */
export function namedBy(dir: string, io: { read(rel: string): string | null; listFiles(under: string): readonly { path: string }[] }): string | null {
  const escaped = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[\\s"'=:(./])${escaped}(/|["'\\s]|$)`);
  const files = io.listFiles('').map((f) => f.path).filter((p) => NAMING_FILE.test(p) && !p.startsWith('.github/') && !p.includes('node_modules/')).sort();
  for (const p of files.slice(0, 300)) {
    const text = io.read(p);
    if (text === null || text.length > 256 * 1024) continue;
    const i = text.split('\n').findIndex((l) => !/^\s*#/.test(l) && re.test(l));
    if (i >= 0) return `${p}:${i + 1}`;
  }
  return null;
}

/** The git submodule (a `path = …` of .gitmodules) that holds `dir`, or null. */
export function submoduleOf(dir: string, read: (rel: string) => string | null): string | null {
  const text = read('.gitmodules');
  if (text === null) return null;
  for (const m of text.matchAll(/^\s*path\s*=\s*(\S+)\s*$/gm)) {
    const p = m[1].replace(/^\.\//, '').replace(/\/$/, '');
    if (p !== '' && (dir === p || dir.startsWith(p + '/'))) return p;
  }
  return null;
}

/** A package of the program's module whose committed Go files declare nothing, which the program uses. */
export interface StubPackage {
  importPath: string;
  dir: string;
  /** Its files, context-relative. */
  files: string[];
  /** A name of it the program uses, and where (`protos.FlowServiceServer in flow/cmd/api.go`). */
  used: string;
  /** The first sentence of its first file's leading comment (what it stands in for), or null. */
  says: string | null;
}

/**
 * Packages of the program's module that it imports and uses by name, whose Go files declare
 * nothing (a package clause and imports only): the generated code that defines their names is
 * missing, so `go build` stops at "undefined: protos.FlowServiceServer". PeerDB-io/peerdb 6b52fb6
 * commits flow/generated/protos/stub.go ("so `go mod tidy` can resolve this package without
 * running `buf generate`") in the git-ignored flow/generated; `buf generate` and `go generate`
 * (main.go:3 `go run ./cmd/codegen`) write the rest.
 */
export function stubOwnPackages(model: WorkspaceModel, own: GoModule, packages: readonly string[], read: (rel: string) => string | null): StubPackage[] {
  if (own.path === '') return [];
  const out: StubPackage[] = [];
  const seen = new Set<string>();
  for (const d of packages) {
    const p = packageByDir(model, d);
    for (const imp of p?.imports ?? []) {
      if (!under(imp, own.path) || imp === own.path || seen.has(imp)) continue;
      seen.add(imp);
      const dir = join(own.dir, imp.slice(own.path.length + 1));
      const q = packageByDir(model, dir);
      if (!q) continue;
      const files = q.files.filter((f) => !f.endsWith('_test.go'));
      const texts = files.map((f) => read(join(dir, f)));
      if (files.length === 0 || texts.some((t) => t === null)) continue;
      // Any top-level declaration: the package defines something.
      if (texts.some((t) => /^(?:func|type|var|const)\b/m.test(t!))) continue;
      let used: string | null = null;
      for (const e of packages) {
        const ep = packageByDir(model, e);
        if (!ep?.imports.includes(imp)) continue;
        for (const f of ep.files) {
          if (f.endsWith('_test.go')) continue;
          const text = read(join(e, f)) ?? '';
          // The name this file's own import declarations give the stub: none (another file of
          // the package imports it), blank or dot (no name to use) leaves the file out; a
          // qualifier of the same spelling from another import is that package's
          // (flipped-aurora/gin-vue-admin 02f3783 server/initialize/plugin_biz_v1.go's
          // `plugin.Plugin` is utils/plugin's; plugin_biz_v2.go imports server/plugin blank).
          const alias = importQualifier(parseGoFile(text), imp, q.name);
          if (alias === null || alias === '_' || alias === '.') continue;
          const m = new RegExp(`(?<![.\\w])${alias}\\.([A-Z]\\w*)`).exec(stripGoComments(text));
          if (m) {
            used = `${alias}.${m[1]} in ${join(e, f)}`;
            break;
          }
        }
        if (used !== null) break;
      }
      const lead = /^((?:[ \t]*\/\/[^\n]*\n)+)/.exec(texts[0]!)?.[1].replace(/^[ \t]*\/\/[ \t]?/gm, '').replace(/\s+/g, ' ').trim();
      const says = lead ? (/^[^.]*\./.exec(lead)?.[0] ?? lead).slice(0, 160) : null;
      if (used !== null) out.push({ importPath: imp, dir, files: files.map((f) => join(dir, f)), used, says });
    }
  }
  return out;
}
