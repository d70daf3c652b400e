/**
 * The file index of a build context: every indexed file with its size, link flag and whether the
 * root .dockerignore excludes it; the folders seen; the deferred folders not walked; byte totals
 * per top-level entry. Plain data kept up to date by the loader (./load.ts), which does the disk
 * reads; nothing here touches the disk.
 */
import type { DockerIgnore } from './dockerignore';
import type { ContextEntrySize, ContextSizes } from './model';
import { isUnder, topOf } from './relPath';

export interface Entry {
  size: number;
  /** A symbolic link (Docker sends the link, not its target). */
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

type Totals = { sentFiles: number; sentBytes: number; excludedFiles: number; excludedBytes: number };
const noTotals = (): Totals => ({ sentFiles: 0, sentBytes: 0, excludedFiles: 0, excludedBytes: 0 });

export class FileIndex {
  readonly files = new Map<string, Entry>();
  readonly dirs = new Set<string>();
  /** Deferred folders wholly excluded by .dockerignore and not walked. */
  readonly skipped = new Set<string>();
  /** The cap was hit: files past it are missing from the index. */
  truncated = false;
  private aggs = new Map<string, Agg>();
  private totals = noTotals();
  /** Bumped by every change to the files or their flags: what was listed before is stale. */
  version = 0;

  constructor(public ignore: DockerIgnore | null) {}

  put(rel: string, e: Entry): void {
    e.ignored = this.ignore ? this.ignore.isIgnored(rel) : false;
    this.version++;
    const old = this.files.get(rel);
    if (old) this.account(rel, old, -1);
    this.files.set(rel, e);
    this.account(rel, e, +1);
  }

  delete(rel: string): boolean {
    const old = this.files.get(rel);
    if (!old) return false;
    this.version++;
    this.account(rel, old, -1);
    this.files.delete(rel);
    return true;
  }

  /** Drops every file, folder and skipped folder under `relDir`; returns the files dropped. */
  removeUnder(relDir: string): string[] {
    const dropped: string[] = [];
    for (const rel of [...this.files.keys()]) {
      if (isUnder(rel, relDir)) {
        this.delete(rel);
        dropped.push(rel);
      }
    }
    for (const d of [...this.dirs]) if (isUnder(d, relDir)) this.dirs.delete(d);
    for (const d of [...this.skipped]) if (isUnder(d, relDir)) this.skipped.delete(d);
    return dropped;
  }

  underSkipped(rel: string): boolean {
    for (const s of this.skipped) if (isUnder(rel, s)) return true;
    return false;
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

  /** Re-flags every entry against `ignore` (a changed .dockerignore that skips the same folders). */
  setIgnore(ignore: DockerIgnore | null): void {
    this.ignore = ignore;
    this.version++;
    this.aggs = new Map();
    this.totals = noTotals();
    for (const [rel, e] of this.files) {
      e.ignored = this.ignore ? this.ignore.isIgnored(rel) : false;
      this.account(rel, e, +1);
    }
  }

  isIgnored(relPath: string): boolean {
    return this.ignore ? this.ignore.isIgnored(relPath) : false;
  }

  bytesUnder(dir: string): { files: number; bytes: number; sentFiles: number; sentBytes: number } {
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

  contextSizes(): ContextSizes {
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
      git: { kind: gitKind, excluded: gitKind !== null && (this.isIgnored('.git') || (gitKind === 'dir' && this.isIgnored('.git/HEAD'))), bytes: gitBytes },
      partial: this.truncated || this.skipped.size > 0,
    };
  }

  /** Context sizes as another ignore file would make them; the index is left as it was. */
  contextSizesWith(ignore: DockerIgnore | null): ContextSizes {
    const saved = { ignore: this.ignore, aggs: this.aggs, totals: this.totals };
    const flags = new Map<string, boolean>();
    for (const [rel, e] of this.files) flags.set(rel, e.ignored);
    try {
      this.setIgnore(ignore);
      return this.contextSizes();
    } finally {
      this.ignore = saved.ignore;
      this.aggs = saved.aggs;
      this.totals = saved.totals;
      for (const [rel, e] of this.files) e.ignored = flags.get(rel) ?? e.ignored;
    }
  }
}
