/**
 * Builds the WorkspaceModel of a build context from files alone, and keeps it fresh.
 *
 * Synchronous by design (node:fs *Sync calls): a cold load of a 20,000-file workspace takes a
 * few hundred milliseconds and an incremental update a few milliseconds, so the caller decides
 * where to run it (the LSP may debounce it; a worker thread is not needed at these sizes).
 *
 * The walk:
 *  - Phase 1 walks the source tree (everything except `.git`, `node_modules` and `vendor`
 *    folders): every file is indexed with its size; `.go` files in package folders are read
 *    (package clause, imports, two cheap body searches); go.mod files are parsed.
 *    Folders named `testdata`, or starting with `.` or `_`, are indexed but their .go files
 *    are not read (the go tool ignores them).
 *  - Phase 2 walks the deferred folders (`.git`, `node_modules`, `vendor`) with `lstat` only, for
 *    context sizes - unless .dockerignore wholly excludes them (then nothing there is sent and
 *    they are skipped, as `docker build` skips them).
 *  - Symlinks are never followed out of the workspace: a link is indexed as an entry (Docker
 *    sends the link itself); a link to a file inside the workspace is read like a file; linked
 *    folders are never descended into.
 *  - At most `maxFiles` files are indexed (phase 1 first); past that the walk stops, the model
 *    is marked `truncated`, and one log line says so.
 *
 * What it keeps: the file index (./fileIndex.ts: files, sizes, .dockerignore flags, totals) and
 * the package index (./packages.ts: .go file headers, packages, go.mod modules), both plain data;
 * this file does the disk reads that fill them. `update()` turns changed paths into a change set
 * (./changes.ts) and rebuilds what that set names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyChangeSet, namedInputs, parsedInputsTouched, type ChangeSet } from './changes';
import { DockerIgnore, normalizeRel } from './dockerignore';
import { FileIndex } from './fileIndex';
import { parseGoFile, wrappedCgoModulesWithCode, type GoFileInfo } from './goImports';
import { parseGoWork, resolveUsePath } from './gowork';
import type { ContextSizes, GoModule, GoWork, GoWorkMember, VendorInfo, WorkspaceModel } from './model';
import type { FileEntryInfo, UpdateResult, Workspace } from './types';
import { PackageIndex } from './packages';
import { DEFERRED, baseOf, dirOf, inDeferred, isGoSourceDir, isPackageGoFile, isUnder, join } from './relPath';
import { parseModulesTxt } from './vendor';
import { readRegularFileOrNull, readWhole } from './safeRead';

export { isGoSourceDir, isPackageGoFile } from './relPath';

export interface LoadOptions {
  /** Maximum number of files indexed (default 50,000). */
  maxFiles?: number;
  /** Receives one line per notable event (cap hit, unreadable folders, links out of the workspace). */
  log?: (message: string) => void;
}

export type { FileEntryInfo, UpdateResult, Workspace, WorkspaceFiles } from './types';

const DEFAULT_MAX_FILES = 50_000;

class WorkspaceImpl implements Workspace {
  readonly root: string;
  private realRoot: string;
  private readonly maxFiles: number;
  private readonly log: (m: string) => void;

  private index = new FileIndex(null);
  /** listFiles' answers for one version of the index. */
  private listed: { index: FileIndex; version: number; byDir: Map<string, readonly FileEntryInfo[]> } = { index: this.index, version: -1, byDir: new Map() };
  private pkgs = new PackageIndex();
  /** go.work and vendor/modules.txt, parsed once per change (not on every model build). */
  private workFile: ReturnType<typeof parseGoWork> | null = null;
  private vendorCache: { key: string; value: VendorInfo | null } | null = null;
  /** GoModule `cgoCodeInSum` by go.sum folder (cgoCodeInSum). */
  private sumCache = new Map<string, string[] | undefined>();
  private capLogged = false;
  private outsideLinks = 0;
  private _model!: WorkspaceModel;
  private _lastUpdate: UpdateResult = { changed: false, sizesChanged: false, reloaded: false, changedPackages: [] };

  constructor(root: string, opts: LoadOptions) {
    this.root = path.resolve(root);
    this.maxFiles = Math.max(1, opts.maxFiles ?? DEFAULT_MAX_FILES);
    this.log = opts.log ?? (() => {});
    this.realRoot = this.root;
    this.loadAll();
  }

  get model(): WorkspaceModel {
    return this._model;
  }
  get dockerignore(): DockerIgnore | null {
    return this.index.ignore;
  }
  get lastUpdate(): UpdateResult {
    return this._lastUpdate;
  }

  // ------------------------------------------------------------------ loading

  private loadAll(): void {
    try {
      this.realRoot = fs.realpathSync(this.root);
    } catch {
      this.realRoot = this.root;
    }
    this.index = new FileIndex(this.readIgnore());
    this.pkgs = new PackageIndex();
    this.capLogged = false;
    this.outsideLinks = 0;
    this.readWorkFile();
    this.vendorCache = null;
    this.sumCache.clear();
    const deferred: string[] = [];
    if (this.isDirOnDisk('')) this.walk('', deferred, true);
    for (const d of deferred) this.walkDeferred(d);
    this.pkgs.rebuildAll();
    this.pkgs.assignModules();
    if (this.outsideLinks > 0) this.log(`${this.outsideLinks} symbolic link(s) in ${this.root} point outside the workspace; they were not followed.`);
    this._model = this.buildModel();
  }

  private readWorkFile(): void {
    const text = this.readText('go.work');
    this.workFile = text === null ? null : parseGoWork(text);
  }

  private readIgnore(): DockerIgnore | null {
    const text = this.readText('.dockerignore');
    return text === null ? null : DockerIgnore.parse(text);
  }

  private abs(rel: string): string {
    return rel === '' ? this.root : this.root + path.sep + (path.sep === '/' ? rel : rel.split('/').join(path.sep));
  }

  private readText(rel: string): string | null {
    // go.mod, go.work, .dockerignore, vendor/modules.txt…: regular files inside the workspace
    // only, size-capped (a link to /dev/zero or a FIFO would hang the server).
    return readRegularFileOrNull(this.abs(rel), { within: [this.realRoot], onSkip: (e) => this.log(`not reading ${rel}: ${e.message}`) });
  }

  private isDirOnDisk(rel: string): boolean {
    try {
      return fs.statSync(this.abs(rel), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  }

  private capReached(): boolean {
    if (this.index.files.size < this.maxFiles) return false;
    if (!this.index.truncated) {
      this.index.truncated = true;
      if (!this.capLogged) {
        this.capLogged = true;
        this.log(`stopped indexing ${this.root} at ${this.maxFiles} files (maxFiles); the workspace model is partial: packages, context sizes and file checks beyond that point are missing.`);
      }
    }
    return true;
  }

  /**
   * Walks `startRel` (a folder). In source mode, deferred folders are pushed to `deferredOut`
   * (when given) instead of being walked; without `deferredOut` they are walked in place.
   */
  private walk(startRel: string, deferredOut: string[] | null, sourceMode: boolean): void {
    const stack: string[] = [startRel];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(this.abs(dir), { withFileTypes: true });
      } catch (e) {
        this.log(`cannot read folder ${join(this.root, dir)}: ${(e as Error).message}`);
        continue;
      }
      this.index.dirs.add(dir);
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const goDir = sourceMode && isGoSourceDir(dir);
      const subdirs: string[] = [];
      for (let i = 0; i < entries.length; i++) {
        const ent = entries[i];
        const rel = join(dir, ent.name);
        if (ent.isDirectory()) {
          if (sourceMode && DEFERRED.has(ent.name)) {
            if (deferredOut) deferredOut.push(rel);
            else this.walkDeferred(rel);
          } else subdirs.push(rel);
          continue;
        }
        if (this.capReached()) return;
        if (ent.isSymbolicLink()) {
          this.addSymlink(rel, goDir);
          continue;
        }
        if (!ent.isFile()) continue; // sockets, fifos, devices: Docker skips or fails on them
        this.addFile(rel, ent.name, goDir, null);
      }
      // Depth-first, in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  }

  private walkDeferred(rel: string): void {
    if (this.index.ignore && this.index.ignore.isDirFullyExcluded(rel)) {
      this.index.skipped.add(rel);
      return;
    }
    this.walk(rel, null, false);
  }

  private addFile(rel: string, name: string, goDir: boolean, knownSize: number | null): void {
    const absPath = this.abs(rel);
    if (goDir && isPackageGoFile(name)) {
      let buf: Buffer;
      try {
        buf = readWhole(absPath);
      } catch {
        return;
      }
      this.index.put(rel, { size: buf.length, symlink: false, ignored: false });
      this.pkgs.putGoFile(rel, parseGoFile(buf));
      return;
    }
    let size = knownSize;
    if (size === null) {
      try {
        size = fs.lstatSync(absPath).size;
      } catch {
        return;
      }
    }
    this.index.put(rel, { size, symlink: false, ignored: false });
    if (goDir && name === 'go.mod') this.pkgs.setModule(dirOf(rel), this.readText(rel));
  }

  /** A link: indexed as itself; read only when it resolves to a file inside the workspace. */
  private addSymlink(rel: string, goDir: boolean): void {
    const absPath = this.abs(rel);
    let linkSize = 0;
    try {
      linkSize = fs.lstatSync(absPath).size;
    } catch {
      return;
    }
    this.index.put(rel, { size: linkSize, symlink: true, ignored: false });
    let real: string;
    try {
      real = fs.realpathSync(absPath);
    } catch {
      return; // dangling
    }
    const inside = real === this.realRoot || real.startsWith(this.realRoot + path.sep);
    if (!inside) {
      this.outsideLinks++;
      return;
    }
    const name = baseOf(rel);
    if (goDir && isPackageGoFile(name)) {
      try {
        const st = fs.statSync(real);
        if (!st.isFile()) return;
        this.pkgs.putGoFile(rel, parseGoFile(readWhole(real)));
      } catch {
        // unreadable: keep the entry only
      }
    }
  }

  contextSizesWith(ignore: DockerIgnore | null): ContextSizes {
    return this.index.contextSizesWith(ignore);
  }

  // ------------------------------------------------------------------ the model

  private buildModel(): WorkspaceModel {
    const modules = [...this.pkgs.modules.values()]
      .map((m) => {
        const hasGoSum = this.fileExists(join(m.dir, 'go.sum'));
        const cgoCodeInSum = hasGoSum ? this.cgoCodeInSum(m.dir) : undefined;
        return { ...m, hasGoSum, ...(cgoCodeInSum ? { cgoCodeInSum } : {}) };
      })
      .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
    const byDir = new Map(modules.map((m) => [m.dir, m]));
    const work = this.buildWork(byDir);
    let module: GoModule | null = byDir.get('') ?? null;
    if (!module && work) module = work.members.find((m) => m.goModExists && !m.outsideContext) ?? null;
    const vendor = this.readVendor(module ? module.dir : '', work !== null);
    const ignore = this.index.ignore;
    return {
      root: this.root,
      module,
      work,
      hasVendor: vendor !== null,
      packages: [...this.pkgs.packages.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0)).map((p) => ({ ...p })),
      dockerignore: ignore ? { text: ignore.text, path: '.dockerignore', patterns: [...ignore.patterns] } : null,
      modules,
      vendor,
      context: this.index.contextSizes(),
      truncated: this.index.truncated,
    };
  }

  private buildWork(byDir: Map<string, GoModule>): GoWork | null {
    const w = this.workFile;
    if (w === null) return null;
    const members: GoWorkMember[] = w.uses.map((u) => {
      const { dir, outside } = resolveUsePath('', u.path);
      const m = outside ? undefined : byDir.get(dir);
      const base: GoModule = m ?? {
        dir, path: '', goVersion: null, toolchain: null, requires: [], hasGoSum: false, toolchainVersion: null,
        requirements: [], replaces: [], lines: { module: null, go: null, toolchain: null }, goModExists: false, parseErrors: [],
      };
      return { ...base, use: u.path, useLine: u.line, outsideContext: outside };
    });
    return {
      members,
      hasWorkSum: this.fileExists('go.work.sum'),
      goVersion: w.go,
      toolchain: w.toolchain,
      toolchainVersion: w.toolchainVersion,
      replaces: w.replaces,
      lines: { ...w.lines },
      parseErrors: w.errors,
    };
  }

  /** GoModule `cgoCodeInSum` of the go.sum in `dir`, read once per load (or change of a go.mod/go.sum). */
  private cgoCodeInSum(dir: string): string[] | undefined {
    if (this.sumCache.has(dir)) return this.sumCache.get(dir);
    const text = this.readText(join(dir, 'go.sum'));
    const value = text === null ? undefined : wrappedCgoModulesWithCode(text);
    this.sumCache.set(dir, value);
    return value;
  }

  private readVendor(moduleDir: string, hasWork: boolean): VendorInfo | null {
    const key = `${moduleDir}\0${hasWork}`;
    if (this.vendorCache && this.vendorCache.key === key) return this.vendorCache.value;
    const candidates = hasWork && moduleDir !== '' ? ['', moduleDir] : [moduleDir];
    let value: VendorInfo | null = null;
    for (const dir of candidates) {
      const text = this.readText(join(dir, 'vendor/modules.txt'));
      if (text !== null) {
        value = { dir, modules: parseModulesTxt(text) };
        break;
      }
    }
    this.vendorCache = { key, value };
    return value;
  }

  // ------------------------------------------------------------------ queries

  private safeRel(relPath: string): string | null {
    const rel = normalizeRel(relPath);
    if (rel === '..' || rel.startsWith('../') || rel.includes('/../') || rel.endsWith('/..') || path.isAbsolute(relPath)) return null;
    return rel;
  }

  readFile(relPath: string): string | null {
    const rel = this.safeRel(relPath);
    return rel === null ? null : this.readText(rel);
  }

  outsideFolder(relPath: string): 'module' | 'folder' | 'missing' {
    const dir = path.resolve(this.root, relPath);
    if (!(fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false)) return 'missing';
    return fs.statSync(path.join(dir, 'go.mod'), { throwIfNoEntry: false })?.isFile() ? 'module' : 'folder';
  }

  gitignores(): { prefix: string; text: string }[] {
    const out: { prefix: string; text: string }[] = [];
    let dir = this.root;
    let prefix = '';
    for (let depth = 0; depth < 32; depth++) {
      // Above the context by design, so not `within` it; but a regular file only, size-capped
      // (a .gitignore linked to /dev/zero hung the CLI and the server).
      const text = readRegularFileOrNull(path.join(dir, '.gitignore'));
      if (text !== null) out.push({ prefix, text });
      if (fs.existsSync(path.join(dir, '.git'))) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      prefix = prefix === '' ? path.basename(dir) : `${path.basename(dir)}/${prefix}`;
      dir = parent;
    }
    return out;
  }

  fileExists(relPath: string): boolean {
    const rel = this.safeRel(relPath);
    if (rel === null || rel === '') return false;
    if (this.index.files.has(rel)) return true;
    // Not indexed: known missing, unless the cap or a skipped folder hid it from the walk.
    if (!this.index.truncated && !this.index.underSkipped(rel)) return false;
    try {
      const st = fs.lstatSync(this.abs(rel), { throwIfNoEntry: false });
      return st !== undefined && !st.isDirectory();
    } catch {
      return false;
    }
  }

  dirExists(relPath: string): boolean {
    const rel = this.safeRel(relPath);
    if (rel === null) return false;
    if (this.index.dirs.has(rel) || this.index.skipped.has(rel)) return true;
    if (!this.index.truncated && !this.index.underSkipped(rel)) return false;
    try {
      return fs.lstatSync(this.abs(rel), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  }

  isIgnored(relPath: string): boolean {
    return this.index.isIgnored(relPath);
  }

  fileSize(relPath: string): number | undefined {
    const rel = this.safeRel(relPath);
    return rel === null ? undefined : this.index.files.get(rel)?.size;
  }

  listFiles(underRel = ''): readonly FileEntryInfo[] {
    const dir = normalizeRel(underRel);
    // The whole listing is asked for several times per analysis (compose files, manifests, heavy
    // paths), each a walk of every file: kept until the index changes, and shared (read-only).
    if (this.listed.version !== this.index.version || this.listed.index !== this.index) this.listed = { index: this.index, version: this.index.version, byDir: new Map() };
    let out = this.listed.byDir.get(dir);
    if (out) return out;
    const list: FileEntryInfo[] = [];
    // forEach, not for-of: in code not yet optimised (every CLI run), for-of over a Map allocates
    // an entry and an iterator result per file.
    this.index.files.forEach((e, rel) => {
      if (isUnder(rel, dir)) list.push({ path: rel, size: e.size, symlink: e.symlink, ignored: e.ignored });
    });
    out = list;
    if (this.listed.byDir.size < 64) this.listed.byDir.set(dir, out);
    return out;
  }

  bytesUnder(relPath: string): { files: number; bytes: number; sentFiles: number; sentBytes: number } {
    return this.index.bytesUnder(normalizeRel(relPath));
  }

  goFile(relPath: string): GoFileInfo | undefined {
    const rel = this.safeRel(relPath);
    return rel === null ? undefined : this.pkgs.goFile(rel);
  }

  // ------------------------------------------------------------------ incremental update

  private toRel(absPath: string): string | null {
    for (const base of this.realRoot === this.root ? [this.root] : [this.root, this.realRoot]) {
      const r = path.relative(base, path.resolve(absPath));
      if (r === '') return '';
      if (r.startsWith('..') || path.isAbsolute(r)) continue;
      return r.split(path.sep).join('/');
    }
    return null;
  }

  /** No symbolic link between the root and this folder (a known folder was walked without following any). */
  private noLinkOnTheWay(relDir: string): boolean {
    if (relDir === '' || this.index.dirs.has(relDir)) return true;
    try {
      return fs.realpathSync(this.abs(relDir)) === path.join(this.realRoot, ...relDir.split('/'));
    } catch {
      return true; // missing: nothing to follow
    }
  }

  /** Drops a folder subtree from both indexes; its package folders go to `touched`. */
  private removeUnder(relDir: string, touched: Set<string>): void {
    this.pkgs.removeUnder(relDir, this.index.removeUnder(relDir), touched);
  }

  /** Walks a folder that appeared (or re-syncs one that changed) as the initial load would. */
  private walkNew(relDir: string): void {
    if (relDir !== '' && inDeferred(relDir)) {
      // Find the deferred ancestor to apply the skip decision.
      const segs = relDir.split('/');
      const idx = segs.findIndex((s) => DEFERRED.has(s));
      const deferredRoot = segs.slice(0, idx + 1).join('/');
      if (this.index.ignore && this.index.ignore.isDirFullyExcluded(deferredRoot)) {
        this.index.skipped.add(deferredRoot);
        return;
      }
      this.walk(relDir, null, false);
      return;
    }
    this.walk(relDir, null, true);
  }

  /**
   * Re-reads one changed path into the indexes and records in `cs` what that changed. Churn
   * inside .git, node_modules or vendor/ (objects written by a commit, a reinstall) changes byte
   * counts, not what the rules read; those folders appearing or going does.
   */
  private reread(abs: string, rel: string, cs: ChangeSet): void {
    const name = baseOf(rel);
    const semantic = !inDeferred(dirOf(rel));
    if (this.index.underSkipped(rel)) return;
    // Never reach through a symbolic link (e.g. `extdir/x.go` with `extdir` a link).
    if (!this.noLinkOnTheWay(dirOf(rel))) return;

    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(abs, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    const parent = dirOf(rel);
    if (!st) {
      if (this.index.files.has(rel)) {
        this.index.delete(rel);
        cs.sizes = true;
        if (semantic) cs.fileSet = true;
        if (this.pkgs.deleteGoFile(rel)) cs.packageDirs.add(parent);
        if (name === 'go.mod' && this.pkgs.deleteModule(parent)) cs.modules = true;
      } else if (this.index.dirs.has(rel)) {
        this.removeUnder(rel, cs.packageDirs);
        cs.sizes = true;
        if (semantic) cs.fileSet = cs.modules = true;
      }
      return;
    }
    if (!this.index.dirs.has(parent)) {
      // A new folder chain: walk from the highest ancestor we do not know.
      let top = parent;
      while (top !== '' && !this.index.dirs.has(dirOf(top))) top = dirOf(top);
      if (!this.index.dirs.has(top)) {
        const before = this.index.files.size;
        this.walkNew(top);
        cs.sizes = true;
        if (semantic) cs.fileSet = true;
        if (semantic && this.index.files.size !== before) cs.modules = true;
        for (const d of this.pkgs.goDirsUnder(top)) cs.packageDirs.add(d);
      }
      return;
    }
    if (st.isDirectory()) {
      // A new folder is walked; a known one is dropped and re-walked (cheap for one subtree).
      if (this.index.dirs.has(rel)) this.removeUnder(rel, cs.packageDirs);
      this.walkNew(rel);
      for (const d of this.pkgs.goDirsUnder(rel)) cs.packageDirs.add(d);
      cs.sizes = true;
      if (semantic) cs.fileSet = cs.modules = true;
      return;
    }
    // A file or a link.
    const existed = this.index.files.get(rel);
    const goDir = !inDeferred(rel) && isGoSourceDir(parent);
    if (existed) {
      if (this.pkgs.deleteGoFile(rel)) cs.packageDirs.add(parent);
    } else {
      if (this.capReached()) return;
      if (semantic) cs.fileSet = true;
    }
    const oldSize = existed?.size;
    if (st.isSymbolicLink()) this.addSymlink(rel, goDir);
    else if (st.isFile()) this.addFile(rel, name, goDir, goDir && isPackageGoFile(name) ? null : st.size);
    else if (existed) {
      this.index.delete(rel);
      if (semantic) cs.fileSet = true;
    }
    if (this.index.files.get(rel)?.size !== oldSize) cs.sizes = true;
    if (goDir && isPackageGoFile(name)) cs.packageDirs.add(parent);
    if (goDir && name === 'go.mod') {
      if (!this.index.files.has(rel)) this.pkgs.deleteModule(parent);
      cs.modules = true;
    }
  }

  /**
   * A changed .dockerignore: when the new one would make the walk skip other folders, reload
   * (true); else re-flag the indexed entries. Unchanged text changes nothing.
   */
  private applyDockerignore(cs: ChangeSet): boolean {
    const next = this.readIgnore();
    if ((next?.text ?? null) === (this.index.ignore?.text ?? null)) return false;
    cs.sizes = true;
    const deferredRoots = new Set<string>([...this.index.skipped]);
    for (const d of this.index.dirs) {
      if (DEFERRED.has(baseOf(d)) && !inDeferred(dirOf(d))) deferredRoots.add(d);
    }
    const sameSkips = [...deferredRoots].every((d) => (next ? next.isDirFullyExcluded(d) : false) === this.index.skipped.has(d));
    if (!sameSkips) {
      this.loadAll();
      return true;
    }
    this.index.setIgnore(next);
    return false;
  }

  update(changedAbsPaths: readonly string[]): boolean {
    const beforeModel = this._model;
    const cs = emptyChangeSet();
    const rels: [string, string][] = [];
    for (const abs of changedAbsPaths) {
      const rel = this.toRel(abs);
      if (rel === null) continue;
      namedInputs(rel, cs);
      rels.push([abs, rel]);
    }
    if (cs.root) {
      this.loadAll();
      this._lastUpdate = { changed: true, sizesChanged: true, reloaded: true, changedPackages: [] };
      return true;
    }
    if (cs.goWork) this.readWorkFile();
    if (cs.vendor) this.vendorCache = null;
    if (cs.modules) this.sumCache.clear();
    for (const [abs, rel] of rels) this.reread(abs, rel, cs);

    const reloaded = cs.dockerignore && this.applyDockerignore(cs);
    const changedPackages: string[] = [];
    if (!reloaded) {
      if (cs.modules) this.pkgs.assignModules();
      for (const d of cs.packageDirs) {
        const before = this.pkgs.packages.get(d);
        const beforeJson = before ? JSON.stringify(before) : '';
        this.pkgs.rebuildPackage(d);
        const after = this.pkgs.packages.get(d);
        if ((after ? JSON.stringify(after) : '') !== beforeJson) changedPackages.push(d);
      }
      if (cs.modules) {
        // Module paths may have changed every import path.
        for (const p of beforeModel.packages) {
          const now = this.pkgs.packages.get(p.dir);
          if (now && (now.importPath !== p.importPath || now.module !== p.module) && !changedPackages.includes(p.dir)) changedPackages.push(p.dir);
        }
      }
    }

    const anything = reloaded || cs.fileSet || cs.sizes || cs.gitignore || parsedInputsTouched(cs) || changedPackages.length > 0;
    if (!anything) {
      this._lastUpdate = { changed: false, sizesChanged: false, reloaded: false, changedPackages: [] };
      return false;
    }
    const next = this.buildModel();
    let changed = reloaded || cs.fileSet || cs.gitignore || changedPackages.length > 0;
    if (!changed && parsedInputsTouched(cs)) {
      changed =
        JSON.stringify([next.module, next.modules, next.work, next.vendor, next.dockerignore]) !==
        JSON.stringify([beforeModel.module, beforeModel.modules, beforeModel.work, beforeModel.vendor, beforeModel.dockerignore]);
    }
    this._model = next;
    this._lastUpdate = { changed, sizesChanged: cs.sizes, reloaded, changedPackages: changedPackages.sort() };
    return changed;
  }
}

/**
 * Loads the workspace rooted at `root` (the build context folder; see ./context.ts).
 * Synchronous. Never throws for unreadable or malformed files (they are skipped or reported in
 * the model's `parseErrors`).
 */
export function loadWorkspace(root: string, opts: LoadOptions = {}): Workspace {
  return new WorkspaceImpl(root, opts);
}
