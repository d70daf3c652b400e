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
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerIgnore, normalizeRel } from './dockerignore';
import { evalConstraint, fileNameMatchesLinux, parseGoFile, type GoFileInfo } from './goImports';
import { parseGoMod } from './gomod';
import { parseGoWork, resolveUsePath } from './gowork';
import type {
  ContextEntrySize, ContextSizes, GoModule, GoPackage, GoWork, GoWorkMember, VendorInfo, WorkspaceModel,
} from './model';
import { parseModulesTxt } from './vendor';
import { MAX_TEXT_BYTES, readRegularFileOrNull } from './safeRead';

export interface LoadOptions {
  /** Maximum number of files indexed (default 50,000). */
  maxFiles?: number;
  /** Receives one line per notable event (cap hit, unreadable folders, links out of the workspace). */
  log?: (message: string) => void;
}

export interface FileEntryInfo {
  path: string;
  size: number;
  /** A symbolic link (Docker sends the link, not its target). */
  symlink: boolean;
  ignored: boolean;
}

export interface UpdateResult {
  /** Something the rules read changed (packages, modules, go.work, vendor, .dockerignore, the file set). */
  changed: boolean;
  /** Context byte counts changed (they are always current in `model.context`). */
  sizesChanged: boolean;
  /** The whole workspace was reloaded (root changed, or .dockerignore changed which folders are walked). */
  reloaded: boolean;
  /** Folders whose package changed (added, removed or different). */
  changedPackages: string[];
}

export interface Workspace {
  /** Absolute path of the context root. */
  readonly root: string;
  /** The current model; replaced (not mutated) when an update changes anything. */
  readonly model: WorkspaceModel;
  /** The root .dockerignore, parsed (null when there is none). */
  readonly dockerignore: DockerIgnore | null;
  /** Is there a file (or symlink) at this context-relative path? */
  fileExists(relPath: string): boolean;
  /** Is there a folder at this context-relative path? */
  dirExists(relPath: string): boolean;
  /** Does the root .dockerignore exclude this path? (false without a .dockerignore) */
  isIgnored(relPath: string): boolean;
  /** Size in bytes of an indexed file, undefined when not indexed. */
  fileSize(relPath: string): number | undefined;
  /** Indexed files under a folder ('' for all), in no particular order. */
  listFiles(underRel?: string): FileEntryInfo[];
  /** Totals for a file or everything under a folder. */
  bytesUnder(relPath: string): { files: number; bytes: number; sentFiles: number; sentBytes: number };
  /** Context sizes as another ignore file would make them (e.g. `<Dockerfile>.dockerignore`). */
  contextSizesWith(ignore: DockerIgnore | null): ContextSizes;
  /** Parsed header of an indexed package .go file (undefined for others). */
  goFile(relPath: string): GoFileInfo | undefined;
  /** The text of a context file (null when missing, unreadable or outside the context). */
  readFile(relPath: string): string | null;
  /**
   * A read above the context, declared here so that rules read nothing behind their inputs: the
   * `.gitignore` files from the context root up to the repository root (the first folder with a
   * `.git`, at most 32 levels), nearest first; `prefix` is the context root's path relative to
   * that file's folder ('' for the context root itself). Watched like the context's files.
   */
  gitignores(): { prefix: string; text: string }[];
  /**
   * Re-reads the given absolute paths (files or folders; created, changed or deleted) and
   * returns whether the model changed in a way the rules can see (byte counts alone do not
   * count; see `lastUpdate`).
   */
  update(changedAbsPaths: readonly string[]): boolean;
  readonly lastUpdate: UpdateResult;
}

/** What rules, facts and fixes may ask of the build context's files (a loaded Workspace provides it). */
export type WorkspaceFiles = Pick<Workspace, 'fileExists' | 'dirExists' | 'isIgnored' | 'fileSize' | 'bytesUnder' | 'listFiles' | 'dockerignore' | 'readFile' | 'gitignores'>;

const DEFAULT_MAX_FILES = 50_000;

/** One reusable read buffer: most .go files fit, so reading them allocates nothing. */
let scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * Reads a whole file. The returned buffer may be a view of the shared scratch buffer, valid
 * only until the next call: parse it before reading another file.
 */
function readWhole(absPath: string): Buffer {
  // O_NONBLOCK: a FIFO swapped in for a .go file must not block the open.
  const fd = fs.openSync(absPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_TEXT_BYTES) throw new Error(`${absPath}: not a regular file of at most ${MAX_TEXT_BYTES} bytes`);
    let n = fs.readSync(fd, scratch, 0, scratch.length, 0);
    if (n < scratch.length) return scratch.subarray(0, n);
    // Larger than the scratch buffer: read the rest.
    const size = fs.fstatSync(fd).size;
    if (size > scratch.length && size <= 8 * 1024 * 1024) scratch = Buffer.allocUnsafe(size + 64 * 1024);
    const out = size > scratch.length ? Buffer.allocUnsafe(size) : scratch;
    if (out !== scratch) scratch.copy(out, 0, 0, n);
    else n = fs.readSync(fd, out, 0, out.length, 0);
    while (n < out.length) {
      const m = fs.readSync(fd, out, n, out.length - n, n);
      if (m === 0) break;
      n += m;
    }
    return out.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}
const DEFERRED = new Set(['.git', 'node_modules', 'vendor']);

interface Entry {
  size: number;
  symlink: boolean;
  ignored: boolean;
}

interface Agg {
  isDir: boolean;
  sentFiles: number;
  sentBytes: number;
  excludedFiles: number;
  excludedBytes: number;
}

function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
function baseOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? rel : rel.slice(i + 1);
}
function join(dir: string, name: string): string {
  return dir === '' ? name : dir + '/' + name;
}
function topOf(rel: string): string {
  const i = rel.indexOf('/');
  return i < 0 ? rel : rel.slice(0, i);
}
function isUnder(rel: string, dir: string): boolean {
  return dir === '' || rel === dir || (rel.length > dir.length && rel.startsWith(dir) && rel.charCodeAt(dir.length) === 0x2f);
}

/** Folders whose .go files the go tool reads: no testdata, vendor, node_modules, `.x` or `_x` segment. */
export function isGoSourceDir(relDir: string): boolean {
  if (relDir === '') return true;
  for (const seg of relDir.split('/')) {
    if (seg === 'testdata' || seg === 'vendor' || seg === 'node_modules' || seg.startsWith('.') || seg.startsWith('_')) return false;
  }
  return true;
}

/** A non-test .go file a linux build may compile (by name). */
export function isPackageGoFile(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith('_test.go') && !name.startsWith('_') && !name.startsWith('.') && fileNameMatchesLinux(name);
}

class WorkspaceImpl implements Workspace {
  readonly root: string;
  private realRoot: string;
  private readonly maxFiles: number;
  private readonly log: (m: string) => void;

  private files = new Map<string, Entry>();
  private dirs = new Set<string>();
  /** Deferred folders wholly excluded by .dockerignore and not walked. */
  private skipped = new Set<string>();
  private goFiles = new Map<string, Map<string, GoFileInfo>>();
  private packages = new Map<string, GoPackage>();
  private modules = new Map<string, GoModule>();
  private aggs = new Map<string, Agg>();
  private totals = { sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0 };
  private ignore: DockerIgnore | null = null;
  /** go.work and vendor/modules.txt, parsed once per change (not on every model build). */
  private workFile: ReturnType<typeof parseGoWork> | null = null;
  private vendorCache: { key: string; value: VendorInfo | null } | null = null;
  private truncated = false;
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
    return this.ignore;
  }
  get lastUpdate(): UpdateResult {
    return this._lastUpdate;
  }

  // ------------------------------------------------------------------ loading

  private reset(): void {
    this.files = new Map();
    this.dirs = new Set();
    this.skipped = new Set();
    this.goFiles = new Map();
    this.packages = new Map();
    this.modules = new Map();
    this.aggs = new Map();
    this.totals = { sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0 };
    this.truncated = false;
    this.capLogged = false;
    this.outsideLinks = 0;
  }

  private loadAll(): void {
    this.reset();
    try {
      this.realRoot = fs.realpathSync(this.root);
    } catch {
      this.realRoot = this.root;
    }
    this.ignore = this.readIgnore();
    this.readWorkFile();
    this.vendorCache = null;
    const deferred: string[] = [];
    if (this.isDirOnDisk('')) this.walk('', deferred, true);
    for (const d of deferred) this.walkDeferred(d);
    for (const dir of this.goFiles.keys()) this.rebuildPackage(dir);
    this.assignModules();
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
    if (this.files.size < this.maxFiles) return false;
    if (!this.truncated) {
      this.truncated = true;
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
      this.dirs.add(dir);
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const goDir = sourceMode && isGoSourceDir(dir);
      const subdirs: string[] = [];
      for (const ent of entries) {
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
    if (this.ignore && this.ignore.isDirFullyExcluded(rel)) {
      this.skipped.add(rel);
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
      this.putEntry(rel, { size: buf.length, symlink: false, ignored: false });
      this.putGoFile(rel, parseGoFile(buf));
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
    this.putEntry(rel, { size, symlink: false, ignored: false });
    if (goDir && name === 'go.mod') this.putModule(dirOf(rel));
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
    this.putEntry(rel, { size: linkSize, symlink: true, ignored: false });
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
        this.putGoFile(rel, parseGoFile(readWhole(real)));
      } catch {
        // unreadable: keep the entry only
      }
    }
  }

  private putGoFile(rel: string, info: GoFileInfo): void {
    const dir = dirOf(rel);
    let m = this.goFiles.get(dir);
    if (!m) {
      m = new Map();
      this.goFiles.set(dir, m);
    }
    m.set(baseOf(rel), info);
  }

  private putModule(dir: string): void {
    const text = this.readText(join(dir, 'go.mod'));
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
      hasGoSum: false, // filled in buildModel
      toolchainVersion: f.toolchainVersion,
      requirements: f.requires,
      replaces: f.replaces,
      lines: { ...f.lines },
      goModExists: true,
      parseErrors: f.errors,
    });
  }

  // ------------------------------------------------------------------ entries and sizes

  private putEntry(rel: string, e: Entry): void {
    e.ignored = this.ignore ? this.ignore.isIgnored(rel) : false;
    const old = this.files.get(rel);
    if (old) this.account(rel, old, -1);
    this.files.set(rel, e);
    this.account(rel, e, +1);
  }

  private deleteEntry(rel: string): boolean {
    const old = this.files.get(rel);
    if (!old) return false;
    this.account(rel, old, -1);
    this.files.delete(rel);
    return true;
  }

  private account(rel: string, e: Entry, sign: 1 | -1): void {
    const top = topOf(rel);
    let a = this.aggs.get(top);
    if (!a) {
      a = { isDir: top !== rel, sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0 };
      this.aggs.set(top, a);
    }
    if (e.ignored) {
      a.excludedFiles += sign;
      a.excludedBytes += sign * e.size;
      this.totals.excludedFiles += sign;
      this.totals.excludedBytes += sign * e.size;
    } else {
      a.sentFiles += sign;
      a.sentBytes += sign * e.size;
      this.totals.sentFiles += sign;
      this.totals.sentBytes += sign * e.size;
    }
    if (a.sentFiles === 0 && a.excludedFiles === 0) this.aggs.delete(top);
  }

  private recomputeIgnored(): void {
    this.aggs = new Map();
    this.totals = { sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0 };
    for (const [rel, e] of this.files) {
      e.ignored = this.ignore ? this.ignore.isIgnored(rel) : false;
      this.account(rel, e, +1);
    }
  }

  private contextSizes(): ContextSizes {
    const entries: ContextEntrySize[] = [];
    for (const [name, a] of this.aggs) entries.push({ name, ...a, notWalked: false });
    for (const s of this.skipped) {
      if (!s.includes('/') && !this.aggs.has(s)) {
        entries.push({ name: s, isDir: true, sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0, notWalked: true });
      }
    }
    entries.sort((x, y) => y.sentBytes - x.sentBytes || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    let gitKind: 'dir' | 'file' | null = null;
    const gitEntry = this.files.get('.git');
    if (gitEntry) gitKind = 'file';
    else if (this.dirs.has('.git') || this.skipped.has('.git')) gitKind = 'dir';
    const gitAgg = this.aggs.get('.git');
    const gitBytes = gitKind === null || this.skipped.has('.git') ? null : gitAgg ? gitAgg.sentBytes + gitAgg.excludedBytes : 0;
    return {
      ...this.totals,
      entries,
      git: { kind: gitKind, excluded: gitKind !== null && this.isIgnored('.git'), bytes: gitBytes },
      partial: this.truncated || this.skipped.size > 0,
    };
  }

  contextSizesWith(ignore: DockerIgnore | null): ContextSizes {
    const saved = { ignore: this.ignore, aggs: this.aggs, totals: this.totals };
    const flags = new Map<string, boolean>();
    for (const [rel, e] of this.files) flags.set(rel, e.ignored);
    try {
      this.ignore = ignore;
      this.recomputeIgnored();
      return this.contextSizes();
    } finally {
      this.ignore = saved.ignore;
      this.aggs = saved.aggs;
      this.totals = saved.totals;
      for (const [rel, e] of this.files) e.ignored = flags.get(rel) ?? e.ignored;
    }
  }

  // ------------------------------------------------------------------ packages and modules

  private rebuildPackage(dir: string): void {
    const files = this.goFiles.get(dir);
    if (!files || files.size === 0) {
      this.packages.delete(dir);
      this.goFiles.delete(dir);
      return;
    }
    interface Incl { name: string; info: GoFileInfo; on: boolean; off: boolean }
    const incl: Incl[] = [];
    const names = new Map<string, number>();
    for (const [name, info] of files) {
      if (info.packageName === null || info.packageName.endsWith('_test') || info.packageName === 'documentation') continue;
      const c = info.constraint;
      const on = c === null ? true : evalConstraint(c, true) !== 0;
      const off = (c === null ? true : evalConstraint(c, false) !== 0) && !info.importsC;
      if (!on && !off) continue;
      incl.push({ name, info, on, off });
      names.set(info.packageName, (names.get(info.packageName) ?? 0) + 1);
    }
    if (incl.length === 0) {
      this.packages.delete(dir);
      return;
    }
    let pkgName = '';
    let best = -1;
    for (const [n, count] of [...names].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (count > best) {
        best = count;
        pkgName = n;
      }
    }
    const imports = new Set<string>();
    let usesCgo = false;
    let cgoFallback = false;
    let callsLoadLocation = false;
    let hasFuncMain = false;
    const fileNames: string[] = [];
    for (const f of incl) {
      if (f.info.packageName !== pkgName) continue;
      fileNames.push(f.name);
      for (const i of f.info.imports) imports.add(i);
      if (f.on && f.info.importsC) usesCgo = true;
      if (f.off && !f.on) cgoFallback = true;
      if (f.info.callsLoadLocation) callsLoadLocation = true;
      if (f.info.hasFuncMain) hasFuncMain = true;
    }
    fileNames.sort();
    const old = this.packages.get(dir);
    this.packages.set(dir, {
      dir,
      name: pkgName,
      isMain: pkgName === 'main' && hasFuncMain,
      imports: [...imports].sort(),
      usesCgo,
      callsLoadLocation,
      importsTzdata: imports.has('time/tzdata'),
      module: old?.module ?? null,
      importPath: old?.importPath ?? null,
      files: fileNames,
      cgoFallback: usesCgo && cgoFallback,
    });
    this.assignModule(this.packages.get(dir)!);
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

  private assignModules(): void {
    for (const p of this.packages.values()) this.assignModule(p);
  }

  // ------------------------------------------------------------------ the model

  private buildModel(): WorkspaceModel {
    const modules = [...this.modules.values()]
      .map((m) => ({ ...m, hasGoSum: this.fileExists(join(m.dir, 'go.sum')) }))
      .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
    const byDir = new Map(modules.map((m) => [m.dir, m]));
    const work = this.buildWork(byDir);
    let module: GoModule | null = byDir.get('') ?? null;
    if (!module && work) module = work.members.find((m) => m.goModExists && !m.outsideContext) ?? null;
    const vendor = this.readVendor(module ? module.dir : '', work !== null);
    const ignoreText = this.ignore ? this.ignore.text : null;
    return {
      root: this.root,
      module,
      work,
      hasVendor: vendor !== null,
      packages: [...this.packages.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0)).map((p) => ({ ...p })),
      dockerignore: this.ignore && ignoreText !== null ? { text: ignoreText, path: '.dockerignore', patterns: [...this.ignore.patterns] } : null,
      modules,
      vendor,
      context: this.contextSizes(),
      truncated: this.truncated,
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

  private underSkipped(rel: string): boolean {
    for (const s of this.skipped) if (isUnder(rel, s)) return true;
    return false;
  }

  private safeRel(relPath: string): string | null {
    const rel = normalizeRel(relPath);
    if (rel === '..' || rel.startsWith('../') || rel.includes('/../') || rel.endsWith('/..') || path.isAbsolute(relPath)) return null;
    return rel;
  }

  readFile(relPath: string): string | null {
    const rel = this.safeRel(relPath);
    return rel === null ? null : this.readText(rel);
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
    if (this.files.has(rel)) return true;
    if (!this.truncated && !this.underSkipped(rel)) return false;
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
    if (this.dirs.has(rel) || this.skipped.has(rel)) return true;
    if (!this.truncated && !this.underSkipped(rel)) return false;
    try {
      return fs.lstatSync(this.abs(rel), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  }

  isIgnored(relPath: string): boolean {
    return this.ignore ? this.ignore.isIgnored(relPath) : false;
  }

  fileSize(relPath: string): number | undefined {
    const rel = this.safeRel(relPath);
    return rel === null ? undefined : this.files.get(rel)?.size;
  }

  listFiles(underRel = ''): FileEntryInfo[] {
    const dir = normalizeRel(underRel);
    const out: FileEntryInfo[] = [];
    for (const [rel, e] of this.files) if (isUnder(rel, dir)) out.push({ path: rel, size: e.size, symlink: e.symlink, ignored: e.ignored });
    return out;
  }

  bytesUnder(relPath: string): { files: number; bytes: number; sentFiles: number; sentBytes: number } {
    const dir = normalizeRel(relPath);
    const r = { files: 0, bytes: 0, sentFiles: 0, sentBytes: 0 };
    if (dir === '') {
      r.files = this.files.size;
      r.bytes = this.totals.sentBytes + this.totals.excludedBytes;
      r.sentFiles = this.totals.sentFiles;
      r.sentBytes = this.totals.sentBytes;
      return r;
    }
    if (!dir.includes('/')) {
      const a = this.aggs.get(dir);
      if (!a) return r;
      return { files: a.sentFiles + a.excludedFiles, bytes: a.sentBytes + a.excludedBytes, sentFiles: a.sentFiles, sentBytes: a.sentBytes };
    }
    for (const [rel, e] of this.files) {
      if (!isUnder(rel, dir)) continue;
      r.files++;
      r.bytes += e.size;
      if (!e.ignored) {
        r.sentFiles++;
        r.sentBytes += e.size;
      }
    }
    return r;
  }

  goFile(relPath: string): GoFileInfo | undefined {
    const rel = this.safeRel(relPath);
    if (rel === null) return undefined;
    return this.goFiles.get(dirOf(rel))?.get(baseOf(rel));
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
    if (relDir === '' || this.dirs.has(relDir)) return true;
    try {
      return fs.realpathSync(this.abs(relDir)) === path.join(this.realRoot, ...relDir.split('/'));
    } catch {
      return true; // missing: nothing to follow
    }
  }

  private inDeferred(rel: string): boolean {
    for (const seg of rel.split('/')) if (DEFERRED.has(seg)) return true;
    return false;
  }

  private removeUnder(relDir: string, touched: Set<string>): void {
    for (const rel of [...this.files.keys()]) {
      if (isUnder(rel, relDir)) {
        this.deleteEntry(rel);
        const d = dirOf(rel);
        if (this.goFiles.get(d)?.delete(baseOf(rel))) touched.add(d);
        if (baseOf(rel) === 'go.mod') this.modules.delete(d);
      }
    }
    for (const d of [...this.dirs]) if (isUnder(d, relDir)) this.dirs.delete(d);
    for (const d of [...this.goFiles.keys()]) if (isUnder(d, relDir)) {
      this.goFiles.delete(d);
      touched.add(d);
    }
    for (const d of [...this.packages.keys()]) if (isUnder(d, relDir)) touched.add(d);
    for (const d of [...this.skipped]) if (isUnder(d, relDir)) this.skipped.delete(d);
  }

  /** Walks a folder that appeared (or re-syncs one that changed) as the initial load would. */
  private walkNew(relDir: string): void {
    if (relDir !== '' && this.inDeferred(relDir)) {
      // Find the deferred ancestor to apply the skip decision.
      const segs = relDir.split('/');
      const idx = segs.findIndex((s) => DEFERRED.has(s));
      const deferredRoot = segs.slice(0, idx + 1).join('/');
      if (this.ignore && this.ignore.isDirFullyExcluded(deferredRoot)) {
        this.skipped.add(deferredRoot);
        return;
      }
      this.walk(relDir, null, false);
      return;
    }
    this.walk(relDir, null, true);
  }

  update(changedAbsPaths: readonly string[]): boolean {
    const beforeModel = this._model;
    const touchedDirs = new Set<string>();
    let fileSetChanged = false;
    let sizesChanged = false;
    let modulesDirty = false;
    let ignoreDirty = false;
    let otherDirty = false; // go.work, go.work.sum, vendor/modules.txt
    // A .gitignore is read by rules (GD106), which keep what they read per model: a new model.
    let gitignoreChanged = false;

    for (const abs of changedAbsPaths) {
      const rel = this.toRel(abs);
      if (rel === null) continue;
      if (rel === '') {
        this.loadAll();
        this._lastUpdate = { changed: true, sizesChanged: true, reloaded: true, changedPackages: [] };
        return true;
      }
      const name = baseOf(rel);
      if (rel === '.dockerignore') ignoreDirty = true;
      if (name === '.gitignore') gitignoreChanged = true;
      if (rel === 'go.work' || rel === 'go.work.sum' || name === 'modules.txt') otherDirty = true;
      if (rel === 'go.work') this.readWorkFile();
      if (name === 'modules.txt' || name === 'vendor') {
        this.vendorCache = null;
        otherDirty = true;
      }
      // Churn inside .git, node_modules or vendor/ (objects written by a commit, a reinstall)
      // changes byte counts, not what the rules read; those folders appearing or going does.
      const semantic = !this.inDeferred(dirOf(rel));
      if (name === 'go.sum') modulesDirty = true;
      if (this.underSkipped(rel)) continue;
      // Never reach through a symbolic link (e.g. `extdir/x.go` with `extdir` a link).
      if (!this.noLinkOnTheWay(dirOf(rel))) continue;

      let st: fs.Stats | undefined;
      try {
        st = fs.lstatSync(abs, { throwIfNoEntry: false });
      } catch {
        st = undefined;
      }
      const parent = dirOf(rel);
      if (!st) {
        if (this.files.has(rel)) {
          this.deleteEntry(rel);
          sizesChanged = true;
          if (semantic) fileSetChanged = true;
          if (this.goFiles.get(parent)?.delete(name)) touchedDirs.add(parent);
          if (name === 'go.mod' && this.modules.delete(parent)) modulesDirty = true;
        } else if (this.dirs.has(rel)) {
          this.removeUnder(rel, touchedDirs);
          sizesChanged = true;
          if (semantic) fileSetChanged = modulesDirty = true;
        }
        continue;
      }
      if (!this.dirs.has(parent)) {
        // A new folder chain: walk from the highest ancestor we do not know.
        let top = parent;
        while (top !== '' && !this.dirs.has(dirOf(top))) top = dirOf(top);
        if (!this.dirs.has(top)) {
          const before = this.files.size;
          this.walkNew(top);
          sizesChanged = true;
          if (semantic) fileSetChanged = true;
          if (semantic && this.files.size !== before) modulesDirty = true;
          for (const d of this.goFiles.keys()) if (isUnder(d, top)) touchedDirs.add(d);
        }
        continue;
      }
      if (st.isDirectory()) {
        if (!this.dirs.has(rel)) {
          this.walkNew(rel);
        } else {
          // Re-sync a known folder: drop and re-walk it (cheap for one folder subtree).
          this.removeUnder(rel, touchedDirs);
          this.walkNew(rel);
        }
        for (const d of this.goFiles.keys()) if (isUnder(d, rel)) touchedDirs.add(d);
        sizesChanged = true;
        if (semantic) fileSetChanged = modulesDirty = true;
        continue;
      }
      // A file or a link.
      const existed = this.files.get(rel);
      const goDir = !this.inDeferred(rel) && isGoSourceDir(parent);
      if (existed) {
        if (this.goFiles.get(parent)?.delete(name)) touchedDirs.add(parent);
      } else {
        if (this.capReached()) continue;
        if (semantic) fileSetChanged = true;
      }
      const oldSize = existed?.size;
      if (st.isSymbolicLink()) this.addSymlink(rel, goDir);
      else if (st.isFile()) this.addFile(rel, name, goDir, goDir && isPackageGoFile(name) ? null : st.size);
      else if (existed) {
        this.deleteEntry(rel);
        if (semantic) fileSetChanged = true;
      }
      if (this.files.get(rel)?.size !== oldSize) sizesChanged = true;
      if (goDir && isPackageGoFile(name)) touchedDirs.add(parent);
      if (goDir && name === 'go.mod') {
        if (!this.files.has(rel)) this.modules.delete(parent);
        modulesDirty = true;
      }
    }

    let reloaded = false;
    if (ignoreDirty) {
      const next = this.readIgnore();
      const prevText = this.ignore?.text ?? null;
      if ((next?.text ?? null) !== prevText) {
        // Would the walk skip different folders now? Then reload; else only re-flag entries.
        const deferredRoots = new Set<string>([...this.skipped]);
        for (const d of this.dirs) {
          const seg = baseOf(d);
          if (DEFERRED.has(seg) && !this.inDeferred(dirOf(d))) deferredRoots.add(d);
        }
        const sameSkips = [...deferredRoots].every((d) => (next ? next.isDirFullyExcluded(d) : false) === this.skipped.has(d));
        if (!sameSkips) {
          this.loadAll();
          reloaded = true;
        } else {
          this.ignore = next;
          this.recomputeIgnored();
        }
        sizesChanged = true;
      }
    }

    const changedPackages: string[] = [];
    if (!reloaded) {
      if (modulesDirty) this.assignModules();
      for (const d of touchedDirs) {
        const before = this.packages.get(d);
        const beforeJson = before ? JSON.stringify(before) : '';
        this.rebuildPackage(d);
        const after = this.packages.get(d);
        if ((after ? JSON.stringify(after) : '') !== beforeJson) changedPackages.push(d);
      }
    }
    if (!reloaded && modulesDirty) {
      // Module paths may have changed every import path.
      for (const p of beforeModel.packages) {
        const now = this.packages.get(p.dir);
        if (now && (now.importPath !== p.importPath || now.module !== p.module) && !changedPackages.includes(p.dir)) changedPackages.push(p.dir);
      }
    }

    const anything = reloaded || fileSetChanged || sizesChanged || modulesDirty || otherDirty || ignoreDirty || gitignoreChanged || changedPackages.length > 0;
    if (!anything) {
      this._lastUpdate = { changed: false, sizesChanged: false, reloaded: false, changedPackages: [] };
      return false;
    }
    const next = this.buildModel();
    let changed = reloaded || fileSetChanged || gitignoreChanged || changedPackages.length > 0;
    if (!changed && (modulesDirty || otherDirty || ignoreDirty)) {
      changed =
        JSON.stringify([next.module, next.modules, next.work, next.vendor, next.dockerignore]) !==
        JSON.stringify([beforeModel.module, beforeModel.modules, beforeModel.work, beforeModel.vendor, beforeModel.dockerignore]);
    }
    this._model = next;
    this._lastUpdate = { changed, sizesChanged, reloaded, changedPackages: changedPackages.sort() };
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

/** The names of the files in a context folder on disk (none when it cannot be read). */
export function diskLister(ws: WorkspaceModel): (dir: string) => string[] {
  return (dir) => {
    try {
      return fs.readdirSync(path.join(ws.root, ...dir.split('/')));
    } catch {
      return [];
    }
  };
}

/** A reader of the context's files on disk (null for a missing or unreadable file). */
export function diskReader(ws: WorkspaceModel): (rel: string) => string | null {
  return (rel) => readRegularFileOrNull(path.join(ws.root, ...rel.split('/')), { within: [ws.root] });
}
