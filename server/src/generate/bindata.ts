/**
 * go-bindata's output missing from the tree: a package of the program calls the functions
 * go-bindata writes (`Asset`, `MustAsset`, `AssetDir`…) unqualified, no file of the package
 * declares them, and a build file of the project runs go-bindata for that package (`-pkg <its
 * name>`, `main` without one; the output, `./bindata.go` unless `-o` says otherwise, in its
 * folder). The project makes the file before it builds and does not keep it in git, so a plain
 * `go build` of the tree stops with "undefined: Asset". schollz/rwtxt e8d16f3: rwtxt.go:71 calls
 * `Asset("assets/viewedit.html")` in package rwtxt (the root, which cmd/rwtxt imports), and only
 * the Makefile's `exec` and `quick` targets write it (`go-bindata -pkg rwtxt -nocompress assets …`,
 * after a `bundle` target gzips static/ into assets/): judge 38 Y G2, a Dockerfile whose build
 * failed.
 *
 * Certain from the files: the compiler resolves an unqualified name in the package's own files
 * (a package with a dot import is left out, its names may come from there). Only files a plain
 * linux build compiles count as uses; any file of the folder that declares a name, whatever its
 * constraint, counts as a declaration.
 */
import * as nodePath from 'node:path';
import { evalConstraint, parseGoFile } from '../workspace/goImports';
import { stripGoComments } from '../workspace/goText';

/** The functions go-bindata (jteeuwen's, and its forks go-bindata/go-bindata and kevinburke/go-bindata) writes. */
const BINDATA_FUNCS = ['Asset', 'MustAsset', 'AssetString', 'MustAssetString', 'AssetInfo', 'AssetDir', 'AssetNames', 'AssetDigest', 'Digests', 'RestoreAsset', 'RestoreAssets'];

export interface BindataIo {
  read(rel: string): string | null;
  listFiles(under: string): readonly { path: string }[];
}

export interface MissingBindata {
  /** The package folder (context-relative). */
  pkg: string;
  /** Its package name. */
  name: string;
  /** The go-bindata functions it calls and no file declares. */
  used: string[];
  /** A file that calls the first (context-relative). */
  usedIn: string;
  /** The line that runs go-bindata for it: where (`Makefile:22`, with its Make target when one), and the command. */
  writer: { where: string; target: string | null; text: string };
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** Code with comments and string, rune and raw literals blanked. */
function codeOf(text: string): string {
  return stripGoComments(text).replace(/"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'/g, '""');
}

/** The names a file declares at its top level, and exported names starting a line inside a block (a `var ( … )` member). */
function declaredNames(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/^func[ \t]*(?:\([^)]*\)[ \t]*)?([A-Za-z_]\w*)/gm)) out.add(m[1]);
  for (const m of code.matchAll(/^(?:type|var|const)[ \t]+([A-Za-z_]\w*)/gm)) out.add(m[1]);
  for (const m of code.matchAll(/^[ \t]+([A-Z]\w*)\b/gm)) out.add(m[1]);
  return out;
}

/** Build files read for go-bindata lines: Makefiles, *.mk and shell scripts up to two folders down, and Dockerfiles at the root. */
const BUILD_FILE = /^(?:[^/]+\/){0,2}(?:GNUmakefile|[Mm]akefile|[^/]+\.mk|[^/]+\.(?:sh|bash))$|^Dockerfile[^/]*$/;
const SKIPPED = /(^|\/)(vendor|node_modules|testdata|third_party|\.git|docs?|examples?)\//;

/** go-bindata run as a command (not the `…/go-bindata/go-bindata` of a go install): the command's words up to its end. */
const BINDATA_RUN = /(?:^|[\s;&|(/])go-bindata[ \t]+([^\n;&|]*)/g;

interface BindataRun {
  where: string;
  target: string | null;
  text: string;
  /** `-pkg`'s value, `main` without one. */
  pkg: string;
  /** The folder the output goes to (context-relative), null when a variable or an unknown `cd` decides it. */
  dir: string | null;
}

/** The go-bindata commands of one file (`dir` its folder: where make and the script run; a `cd <dir> &&` before it on the line moves it). */
function bindataRuns(file: string, text: string, dir: string): BindataRun[] {
  const out: BindataRun[] = [];
  const make = /(^|\/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$/.test(file);
  let target: string | null = null;
  // Logical lines (a trailing backslash continues one), each with the number of its first line.
  const lines: { line: string; n: number }[] = [];
  let open = false;
  text.split(/\r?\n/).forEach((l, i) => {
    if (open) lines[lines.length - 1].line += ' ' + l.replace(/\\$/, '');
    else lines.push({ line: l.replace(/\\$/, ''), n: i + 1 });
    open = l.endsWith('\\');
  });
  lines.forEach(({ line, n }) => {
    const head = make && !line.startsWith('\t') ? /^([A-Za-z0-9_./%-][^:=\s]*)\s*:(?!=)/.exec(line) : null;
    if (head) target = head[1];
    if (!line.includes('go-bindata')) return;
    for (const m of line.matchAll(BINDATA_RUN)) {
      const words = m[1].trim().split(/\s+/);
      let pkg = 'main';
      let output = 'bindata.go';
      for (let k = 0; k < words.length; k++) {
        const w = words[k];
        const eq = /^--?(pkg|o)=(.*)$/.exec(w);
        if (eq) (eq[1] === 'pkg' ? (pkg = eq[2]) : (output = eq[2]));
        else if ((w === '-pkg' || w === '--pkg') && k + 1 < words.length) pkg = words[++k];
        else if ((w === '-o' || w === '--o') && k + 1 < words.length) output = words[++k];
      }
      pkg = pkg.replace(/^(["'])(.*)\1$/, '$2');
      // Where it runs: the file's folder, or a static `cd X` earlier on the line.
      const before = line.slice(0, m.index);
      const cds = [...before.matchAll(/(?:^|[\s;&(])cd[ \t]+(\S+)/g)];
      let cwd: string | null = dir;
      if (cds.length > 0) {
        const to = cds[cds.length - 1][1];
        cwd = /[$`~]/.test(to) || to.startsWith('/') ? null : nodePath.posix.normalize(join(dir, to)).replace(/^\.$/, '').replace(/\/$/, '');
      }
      const outDir = cwd === null || /[$`]/.test(output) || output.startsWith('/') ? null : nodePath.posix.dirname(nodePath.posix.normalize(join(cwd, output))).replace(/^\.$/, '');
      if (outDir !== null && outDir.startsWith('..')) continue;
      out.push({ where: `${file}:${n}`, target: make ? target : null, text: `go-bindata ${m[1].trim()}`, pkg, dir: outDir });
    }
  });
  return out;
}

/**
 * The packages of `packages` (context-relative folders) that call go-bindata's functions, declare
 * none of them, and that a go-bindata command of the project's build files or of a `//go:generate`
 * line in the package writes for (see the file's comment).
 */
export function missingBindata(packages: readonly string[], io: BindataIo): MissingBindata[] {
  const out: MissingBindata[] = [];
  let runs: BindataRun[] | null = null;
  const projectRuns = (): BindataRun[] => {
    if (runs === null) {
      runs = [];
      for (const f of io.listFiles('').map((x) => x.path).filter((p) => BUILD_FILE.test(p) && !SKIPPED.test(p)).sort()) {
        const text = io.read(f);
        if (text !== null && text.includes('go-bindata')) runs.push(...bindataRuns(f, text, nodePath.posix.dirname(f).replace(/^\.$/, '')));
      }
    }
    return runs;
  };
  for (const pkg of packages) {
    const files = io.listFiles(pkg).map((f) => f.path).filter((p) => nodePath.posix.dirname(p).replace(/^\.$/, '') === pkg && p.endsWith('.go') && !p.endsWith('_test.go'));
    const texts = files.map((f) => ({ f, text: io.read(f) })).filter((x): x is { f: string; text: string } => x.text !== null);
    if (texts.length === 0 || !texts.some((x) => /Asset|Digests/.test(x.text))) continue;
    const infos = texts.map((x) => ({ ...x, info: parseGoFile(x.text), code: codeOf(x.text) }));
    // A dot import brings another package's exported names in unqualified.
    if (infos.some((x) => [...(x.info.importNames?.values() ?? [])].includes('.'))) continue;
    const name = infos.map((x) => x.info.packageName).find((n): n is string => n !== null && !n.endsWith('_test'));
    if (!name) continue;
    const declared = new Set<string>();
    for (const x of infos) for (const n of declaredNames(x.code)) declared.add(n);
    let usedIn: string | null = null;
    const used: string[] = [];
    for (const x of infos) {
      if (x.info.constraint !== null && evalConstraint(x.info.constraint, null) === 0) continue;
      for (const fn of BINDATA_FUNCS) {
        if (declared.has(fn) || used.includes(fn)) continue;
        if (new RegExp(`(?<![.\\w])${fn}[ \\t]*\\(`).test(x.code)) {
          used.push(fn);
          usedIn ??= x.f;
        }
      }
    }
    if (used.length === 0 || usedIn === null) continue;
    // Its //go:generate lines run from the package folder.
    const own = infos.flatMap((x) => x.text.split(/\r?\n/).map((l, i) => ({ l, i })).filter((y) => /^\/\/go:generate\s/.test(y.l)).flatMap((y) => bindataRuns(x.f, y.l.replace(/^\/\/go:generate\s+/, ' '), pkg).map((r) => ({ ...r, where: `${x.f}:${y.i + 1}` }))));
    const writer = [...own, ...projectRuns()].find((r) => r.pkg === name && (r.dir === null || r.dir === pkg));
    if (!writer) continue;
    out.push({ pkg, name, used, usedIn, writer: { where: writer.where, target: writer.target, text: writer.text } });
  }
  return out;
}
