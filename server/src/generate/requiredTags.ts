/**
 * Build tags without which the program does not compile: a file of the program builds only with
 * a tag (`//go:build netgo`) and declares an exported name that another package of the program
 * uses and no other file of its package declares. navidrome/navidrome enforces its tags this way
 * (conf/buildtags/netgo.go `var NETGO = true` behind `//go:build netgo`, sqlite_fts5.go
 * `var SQLITE_FTS5 = true` behind `//go:build sqlite_fts5`, main.go `_ = buildtags.NETGO`): a
 * build without `-tags netgo,sqlite_fts5` stops with "undefined: buildtags.NETGO". Certain from
 * the files: the compiler resolves the name in the plain build or fails.
 */
import { evalConstraint, parseGoFile } from '../workspace/goImports';
import { stripGoComments } from '../workspace/goText';
import { dirOf } from '../workspace/relPath';

/** What requiredTags reads (buildTags.ts TagIo). */
interface TagIo {
  readFile(rel: string): string | null;
  listFiles(under?: string): readonly { path: string }[];
}

/** A file that builds only with custom tags (buildTags.ts GatedFile). */
interface GatedFile {
  file: string;
  constraint: string;
  tags: string[];
}

export interface RequiredTag {
  /** The gated file that declares the name. */
  file: string;
  constraint: string;
  /** The tags its constraint asks for (all needed: the constraint is a conjunction of them). */
  tags: string[];
  /** The name used, `buildtags.NETGO`. */
  name: string;
  /** The file that uses it, `main.go`. */
  usedIn: string;
}

/** The exported names a file declares at its top level (var, const, type, func; the members of var and const blocks). */
function exportedNames(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/^(?:var|const|type)[ \t]+([A-Z][A-Za-z0-9_]*)\b/gm)) out.add(m[1]);
  for (const m of code.matchAll(/^func[ \t]+([A-Z][A-Za-z0-9_]*)[ \t]*[([]/gm)) out.add(m[1]);
  for (const b of code.matchAll(/^(?:var|const)[ \t]*\(([^)]*)\)/gm)) for (const m of b[1].matchAll(/^[ \t]+([A-Z][A-Za-z0-9_]*)\b/gm)) out.add(m[1]);
  return out;
}

/** The non-test .go files directly in a folder. */
function goFilesIn(dir: string, io: TagIo): string[] {
  return io.listFiles(dir).map((f) => f.path).filter((p) => dirOf(p) === dir && p.endsWith('.go') && !p.endsWith('_test.go'));
}

/**
 * The gated files whose tags the program needs to compile (see the file's comment): `gated` are
 * the program's files that build only with custom tags (buildTags.ts gatedFiles), `packageDirs`
 * the folders of the packages it compiles, `importPathOf` a folder's import path. Only a
 * constraint that is a conjunction of tags (`netgo`, `a && b`), and only a use from a file the
 * plain build compiles. `negated`: the constraint may also ask for tags to be absent (vendored
 * files, ./buildTags.ts vendoredTagNeeds).
 */
export function requiredTags(gated: readonly GatedFile[], packageDirs: readonly string[], io: TagIo, importPathOf: (dir: string) => string | null, negated = false): RequiredTag[] {
  const out: RequiredTag[] = [];
  const codeOf = new Map<string, string | null>();
  const code = (file: string) => {
    if (!codeOf.has(file)) {
      const text = io.readFile(file);
      codeOf.set(file, text === null ? null : stripGoComments(text));
    }
    return codeOf.get(file)!;
  };
  for (const g of gated) {
    // `negated`: also a conjunction with absent tags (api2go's `gingonic && !gorillamux && !echo`),
    // which its own tags alone select (gatedFiles' test); `// +build` lines read as `((a && !b))`.
    if (!(negated ? /^!?\s*[A-Za-z0-9_.]+(?:\s*&&\s*!?\s*[A-Za-z0-9_.]+)*$/ : /^[A-Za-z0-9_.]+(?:\s*&&\s*[A-Za-z0-9_.]+)*$/).test((negated ? g.constraint.replace(/[()]/g, '') : g.constraint).trim())) continue;
    const dir = dirOf(g.file);
    const importPath = importPathOf(dir);
    const own = code(g.file);
    if (importPath === null || own === null) continue;
    const pkgName = /^[ \t]*package[ \t]+([A-Za-z_][A-Za-z0-9_]*)/m.exec(own)?.[1];
    if (pkgName === undefined) continue;
    // Names no other file of the package declares (a `//go:build !netgo` twin would declare it too).
    // A package with a //go:generate line may have its plain build's declaration in a file the
    // generation writes (syncthing's lib/api/auto: gui.files.go declares Assets; noassets.go is the
    // stand-in behind `noassets`, a binary without the GUI): not counted.
    const names = exportedNames(own);
    let generated = false;
    for (const other of goFilesIn(dir, io)) {
      const text = io.readFile(other);
      if (text !== null && /^\/\/go:generate\s/m.test(text)) generated = true;
      if (other === g.file) continue;
      const c = code(other);
      if (c !== null) for (const n of exportedNames(c)) names.delete(n);
    }
    if (generated) continue;
    if (names.size === 0) continue;
    const quoted = `"${importPath}"`;
    let use: { name: string; usedIn: string } | null = null;
    for (const d of packageDirs) {
      if (d === dir || use !== null) continue;
      for (const f of goFilesIn(d, io)) {
        const text = io.readFile(f);
        if (text === null || !text.includes(quoted)) continue;
        const c = parseGoFile(text.slice(0, 4096)).constraint;
        if (c !== null && evalConstraint(c, null) === 0) continue;
        const body = code(f)!;
        const imp = new RegExp(`(?:^|[\\s(])(?:([A-Za-z_][A-Za-z0-9_]*|\\.)[ \\t]+)?${quoted.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'm').exec(body);
        if (!imp || imp[1] === '_' || imp[1] === '.') continue;
        const local = imp[1] ?? pkgName;
        const ref = [...names].find((n) => new RegExp(`(?<![\\w.])${local}\\.${n}\\b`).test(body));
        if (ref !== undefined) {
          use = { name: `${local}.${ref}`, usedIn: f };
          break;
        }
      }
    }
    if (use !== null) out.push({ file: g.file, constraint: g.constraint, tags: g.tags, ...use });
  }
  return out;
}
