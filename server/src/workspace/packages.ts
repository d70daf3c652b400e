/**
 * The Go packages and modules of a build context, from the parsed headers of its .go files and
 * the text of its go.mod files: which files make up each folder's package for a linux build
 * (cgo on and off), its imports, and its module and import path. Plain data kept up to date by
 * the loader (./load.ts), which reads the files; nothing here touches the disk.
 */
import { evalConstraint, isNoDialImport, type GoFileInfo } from './goImports';
import { parseGoMod } from './gomod';
import type { GoModule, GoPackage } from './model';
import { dataNamedRuns, programsRun } from './programsRun';
import { baseOf, dirOf, isUnder } from './relPath';

export class PackageIndex {
  /** Parsed headers of the package .go files, by folder then file name. */
  readonly goFiles = new Map<string, Map<string, GoFileInfo>>();
  readonly packages = new Map<string, GoPackage>();
  /** Parsed go.mod files by folder (`hasGoSum` is filled in when the model is built). */
  readonly modules = new Map<string, GoModule>();

  goFile(rel: string): GoFileInfo | undefined {
    return this.goFiles.get(dirOf(rel))?.get(baseOf(rel));
  }

  putGoFile(rel: string, info: GoFileInfo): void {
    const dir = dirOf(rel);
    let m = this.goFiles.get(dir);
    if (!m) {
      m = new Map();
      this.goFiles.set(dir, m);
    }
    m.set(baseOf(rel), info);
  }

  /** Forgets one .go file; true when it was known (its folder's package must be rebuilt). */
  deleteGoFile(rel: string): boolean {
    return this.goFiles.get(dirOf(rel))?.delete(baseOf(rel)) ?? false;
  }

  /** Sets the go.mod of `dir` from its text (null: unreadable or gone, the module is forgotten). */
  setModule(dir: string, text: string | null): void {
    if (text === null) {
      this.modules.delete(dir);
      return;
    }
    const f = parseGoMod(text);
    this.modules.set(dir, {
      dir,
      path: f.module ?? '',
      goVersion: f.go,
      toolchain: f.toolchain,
      requires: f.requires.map((r) => r.path),
      hasGoSum: false, // filled in when the model is built
      toolchainVersion: f.toolchainVersion,
      requirements: f.requires,
      replaces: f.replaces,
      lines: { ...f.lines },
      goModExists: true,
      parseErrors: f.errors,
    });
  }

  deleteModule(dir: string): boolean {
    return this.modules.delete(dir);
  }

  /**
   * Forgets what the files `droppedFiles` (all under `relDir`) and the folders under `relDir`
   * held; the folders whose package must be rebuilt go to `touched`.
   */
  removeUnder(relDir: string, droppedFiles: readonly string[], touched: Set<string>): void {
    for (const rel of droppedFiles) {
      const d = dirOf(rel);
      if (this.goFiles.get(d)?.delete(baseOf(rel))) touched.add(d);
      if (baseOf(rel) === 'go.mod') this.modules.delete(d);
    }
    for (const d of [...this.goFiles.keys()]) if (isUnder(d, relDir)) {
      this.goFiles.delete(d);
      touched.add(d);
    }
    for (const d of [...this.packages.keys()]) if (isUnder(d, relDir)) touched.add(d);
  }

  /** Folders with .go files under `relDir`. */
  goDirsUnder(relDir: string): string[] {
    return [...this.goFiles.keys()].filter((d) => isUnder(d, relDir));
  }

  /** Recomputes the package of `dir` from its .go files (none left: the package is gone). */
  rebuildPackage(dir: string): void {
    const files = this.goFiles.get(dir);
    if (!files || files.size === 0) {
      this.packages.delete(dir);
      this.goFiles.delete(dir);
      return;
    }
    interface Incl { name: string; info: GoFileInfo; on: boolean; off: boolean }
    const incl: Incl[] = [];
    const names = new Map<string, number>();
    // forEach and indexed loops here: every package of the workspace is built when it loads, on
    // every CLI run, in code V8 has not optimised yet, where for-of allocates per element.
    files.forEach((info, name) => {
      if (info.packageName === null || info.packageName.endsWith('_test') || info.packageName === 'documentation') return;
      const c = info.constraint;
      const on = c === null ? true : evalConstraint(c, true) !== 0;
      const off = (c === null ? true : evalConstraint(c, false) !== 0) && !info.importsC;
      if (!on && !off) return;
      incl.push({ name, info, on, off });
      names.set(info.packageName, (names.get(info.packageName) ?? 0) + 1);
    });
    if (incl.length === 0) {
      this.packages.delete(dir);
      return;
    }
    // The name most files give; on a tie, the first in name order.
    let pkgName = '';
    let best = -1;
    names.forEach((count, n) => {
      if (count > best || (count === best && n < pkgName)) {
        best = count;
        pkgName = n;
      }
    });
    const imports = new Set<string>();
    let usesCgo = false;
    let cgoFallback = false;
    let callsLoadLocation = false;
    let setsUser = false;
    let dockerSocket = false;
    let readsCiJobEnv = false;
    let httpClient = false;
    let grpcTls = false;
    let inClusterConfig = false;
    const clientSide = new Set<string>();
    let hasFuncMain = false;
    const fileNames: string[] = [];
    const execs: { file: string; execs: GoFileInfo['execs'] }[] = [];
    const generates: { file: string; line: number; command: string }[] = [];
    for (let k = 0; k < incl.length; k++) {
      const f = incl[k];
      if (f.info.packageName !== pkgName) continue;
      fileNames.push(f.name);
      const g = f.info.generates;
      if (g) for (let i = 0; i < g.length; i++) generates.push({ file: dir ? `${dir}/${f.name}` : f.name, line: g[i].line, command: g[i].command });
      if (f.info.execs) execs.push({ file: f.name, execs: f.info.execs });
      const fileImports = f.info.imports;
      for (let i = 0; i < fileImports.length; i++) imports.add(fileImports[i]);
      if (f.on && f.info.importsC) usesCgo = true;
      if (f.off && !f.on) cgoFallback = true;
      if (f.info.callsLoadLocation) callsLoadLocation = true;
      if (f.info.setsUser) setsUser = true;
      if (f.info.dockerSocket) dockerSocket = true;
      if (f.info.readsCiJobEnv) readsCiJobEnv = true;
      if (f.info.httpClient) httpClient = true;
      if (f.info.grpcTls) grpcTls = true;
      if (f.info.inClusterConfig) inClusterConfig = true;
      for (const c of f.info.clientSide) clientSide.add(c);
      if (f.info.hasFuncMain) hasFuncMain = true;
    }
    fileNames.sort();
    execs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const old = this.packages.get(dir);
    const sorted = [...imports].sort();
    this.packages.set(dir, {
      dir,
      name: pkgName,
      isMain: pkgName === 'main' && hasFuncMain,
      imports: sorted,
      usesCgo,
      callsLoadLocation,
      setsUser,
      dockerSocket,
      readsCiJobEnv,
      importsTzdata: imports.has('time/tzdata'),
      runsPrograms: programsRun(execs),
      runsDataNamed: dataNamedRuns(execs),
      httpClient,
      grpcTls,
      inClusterConfig,
      noDialImports: sorted.filter((i) => !clientSide.has(i) && isNoDialImport(i)),
      module: old?.module ?? null,
      importPath: old?.importPath ?? null,
      files: fileNames,
      cgoFallback: usesCgo && cgoFallback,
      // In file name order, as go generate runs them.
      generates: generates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    });
    this.assignModule(this.packages.get(dir)!);
  }

  rebuildAll(): void {
    this.goFiles.forEach((_, dir) => this.rebuildPackage(dir));
  }

  private moduleDirFor(dir: string): string | null {
    let d = dir;
    for (;;) {
      if (this.modules.has(d)) return d;
      if (d === '') return null;
      d = dirOf(d);
    }
  }

  private assignModule(p: GoPackage): void {
    const md = this.moduleDirFor(p.dir);
    p.module = md;
    const mod = md === null ? undefined : this.modules.get(md);
    if (!mod || mod.path === '') {
      p.importPath = null;
      return;
    }
    const sub = md === '' ? p.dir : p.dir.slice((md ?? '').length + 1);
    p.importPath = p.dir === md ? mod.path : mod.path + '/' + sub;
  }

  /** Re-derives every package's module and import path (go.mod files came, went or changed). */
  assignModules(): void {
    this.packages.forEach((p) => this.assignModule(p));
  }
}
