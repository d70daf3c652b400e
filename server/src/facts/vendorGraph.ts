/**
 * The vendored packages a program compiles: from its external imports, through the import blocks
 * of the vendored files (vendor/<import path>/*.go, linux files, not tests, not `//go:build
 * ignore`), to every package vendor/ holds that the build reaches. The cgo walk (cgoGraph.ts)
 * stops at a known cgo-only package; the embed check (generate/assets.ts) reads every package reached;
 * GD219 and the generator (facts/knownBreaks.ts) ask whether the program compiles a module known to break.
 */
import { evalConstraint, fileNameMatchesLinux, parseGoFile, type GoFileInfo } from '../workspace/goImports';

export interface VendorIo {
  read(rel: string): string | null;
  /** .go file names of a folder (context-relative), empty when missing. */
  goFiles(dir: string): string[];
}

export interface VendoredPackage {
  importPath: string;
  /** Context-relative folder (`vendor/github.com/x/y`). */
  dir: string;
  /** The package that imported it first (null: the program's own code). */
  parent: string | null;
  /** Its compiled files (empty when the walk stopped there). */
  files: { name: string; text: string; info: GoFileInfo }[];
  /** The walk stopped at it (`stop` said so): its files are not read. */
  stopped: boolean;
}

/** Packages read at most. */
const BUDGET = 3000;

/**
 * Breadth first from `externalImports`; `base` is the vendor folder (`vendor`, `sub/vendor`).
 * A package whose folder holds no .go file (the standard library, a package vendor/ lacks) is
 * listed with no files. In the order the walk reached them. With `cgo` given (true: a cgo build),
 * a file whose build constraint excludes it on linux with no tags set is neither read nor
 * followed (skopeo's vendored filepath-securejoin imports go-pathrs only in `//go:build libpathrs`
 * files); without it, every linux file is.
 */
export function walkVendored(externalImports: readonly string[], base: string, io: VendorIo, stop: (importPath: string) => boolean = () => false, cgo?: boolean): Map<string, VendoredPackage> {
  const out = new Map<string, VendoredPackage>();
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const i of externalImports) {
    if (!parent.has(i)) {
      parent.set(i, null);
      queue.push(i);
    }
  }
  let budget = BUDGET;
  while (queue.length > 0 && budget-- > 0) {
    const imp = queue.shift()!;
    const dir = `${base}/${imp}`;
    const pkg: VendoredPackage = { importPath: imp, dir, parent: parent.get(imp) ?? null, files: [], stopped: stop(imp) };
    out.set(imp, pkg);
    if (pkg.stopped) continue;
    for (const f of io.goFiles(dir)) {
      if (f.endsWith('_test.go') || !fileNameMatchesLinux(f)) continue;
      const text = io.read(`${dir}/${f}`);
      if (text === null) continue;
      const info = parseGoFile(text);
      if (info.constraint && /\bignore\b/.test(info.constraint)) continue;
      if (cgo !== undefined && info.constraint !== null && evalConstraint(info.constraint, cgo) === 0) continue;
      pkg.files.push({ name: f, text, info });
      for (const next of info.imports) {
        if (next === 'C' || !next.split('/')[0].includes('.') || parent.has(next)) continue;
        parent.set(next, imp);
        queue.push(next);
      }
    }
  }
  return out;
}

/** The import chain from the program's import to `importPath`. */
export function vendorChain(walked: ReadonlyMap<string, VendoredPackage>, importPath: string): string[] {
  const chain: string[] = [];
  for (let c: string | null = importPath; c !== null; c = walked.get(c)?.parent ?? null) {
    chain.unshift(c);
    if (chain.length > 64) break;
  }
  return chain;
}
