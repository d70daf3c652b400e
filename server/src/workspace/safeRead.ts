/**
 * Reading a file named by a repository or a user: only a regular file, only up to a size cap,
 * and (when `within` is given) only when its real path stays inside those folders. A link to
 * /dev/zero, a FIFO or /proc/self/fd/0 would otherwise hang the server or grow it without bound.
 * Opening with O_NONBLOCK makes a FIFO's open return at once; fstat on the open descriptor then
 * decides (no window between checking and reading).
 */
import * as fs from 'fs';
import * as path from 'path';

/** Default cap for a file read as text (go.mod, .dockerignore, a Dockerfile…). */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export type UnreadableReason = 'missing' | 'folder' | 'not-regular' | 'too-large' | 'outside' | 'error';

/** Why a file was not read; the message says why without naming the file (callers do). */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: UnreadableReason,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

export interface SafeReadOptions {
  maxBytes?: number;
  /** Folders the file's real path must stay in (a link leaving them is not followed). */
  within?: readonly string[];
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Is `p` the folder `dir` or inside it (both real paths)? */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The real path of `p`, as fs.realpathSync gives it, in one realpath(3) call: fs.realpathSync
 * resolves in JavaScript with an lstat per path component (a tenth of a millisecond per file
 * read in a deep tree). When the call fails, fs.realpathSync runs as before, so a failure throws
 * its error (code and message) unchanged.
 */
export function realPathOf(p: string): string {
  try {
    return fs.realpathSync.native(path.resolve(p));
  } catch {
    return fs.realpathSync(p);
  }
}

function realOrSelf(p: string): string {
  try {
    return realPathOf(p);
  } catch {
    return path.resolve(p);
  }
}

/** The file's bytes; throws UnreadableFileError (never hangs on a special file). */
export function readRegularFileBytes(file: string, opts: SafeReadOptions = {}): Buffer {
  const max = opts.maxBytes ?? MAX_TEXT_BYTES;
  let real: string;
  try {
    real = realPathOf(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UnreadableFileError(file, 'missing', 'no such file', code);
    throw new UnreadableFileError(file, 'error', (e as Error).message, code);
  }
  if (opts.within && !opts.within.some((d) => isInside(realOrSelf(d), real))) {
    throw new UnreadableFileError(file, 'outside', `a link to ${real}, outside the workspace: not followed`);
  }
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, code === 'ENOENT' ? 'missing' : 'error', (e as Error).message, code);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new UnreadableFileError(file, st.isDirectory() ? 'folder' : 'not-regular', `${kindOf(st)}, not a regular file: not read`);
    if (st.size > max) throw new UnreadableFileError(file, 'too-large', `${st.size} bytes, over the ${max}-byte limit: not read`);
    // Read to the cap whatever the size said (a file may grow, /proc files say 0).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 65536), max + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > max) throw new UnreadableFileError(file, 'too-large', `over the ${max}-byte limit: not read`);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, 'error', (e as Error).message, code);
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's text (UTF-8); throws UnreadableFileError. */
export function readRegularFile(file: string, opts: SafeReadOptions = {}): string {
  return readRegularFileBytes(file, opts).toString('utf8');
}

/**
 * The file's text, or null when it is missing or cannot be read safely. `onSkip` hears why,
 * except for a missing file or a folder: callers read paths guessed from scripts (stolon's
 * `IGNORE_PKGS="(vendor/|tests/integration)"`), where a folder is simply no file.
 */
export function readRegularFileOrNull(file: string, opts: SafeReadOptions & { onSkip?: (e: UnreadableFileError) => void } = {}): string | null {
  try {
    return readRegularFile(file, opts);
  } catch (e) {
    if (e instanceof UnreadableFileError) {
      if (e.reason !== 'missing' && e.reason !== 'folder') opts.onSkip?.(e);
      return null;
    }
    throw e;
  }
}

/**
 * Does anything exist at `p`, a link included? A dangling link counts: writing through it would
 * create its target, wherever that is.
 */
export function existsNoFollow(p: string): boolean {
  return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
}

/** Where a write to `file` would land: itself, or the target of the link it is (resolved, even when dangling). */
function writeTarget(file: string): string {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!st?.isSymbolicLink()) return path.join(realOrSelf(path.dirname(file)), path.basename(file));
  try {
    return fs.realpathSync(file);
  } catch {
    // Dangling: follow the links by hand as far as they go.
    let p = file;
    for (let i = 0; i < 40; i++) {
      const s = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!s?.isSymbolicLink()) return path.join(realOrSelf(path.dirname(p)), path.basename(p));
      p = path.resolve(path.dirname(p), fs.readlinkSync(p));
    }
    return p;
  }
}

/** Why writing `file` could leave `folder` or block (a link out of it, a FIFO), or null when it is safe. */
export function unsafeWriteReason(file: string, folder: string): string | null {
  const target = writeTarget(file);
  if (!isInside(realOrSelf(folder), target)) return `${file} is a link to ${target}, outside ${folder}: not written`;
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (st && !st.isFile()) return `${file} is ${kindOf(st)}: not written`;
  return null;
}

/** Writes a file inside `folder`, never through a link that leaves it. Throws UnreadableFileError('outside'). */
export function writeFileInside(file: string, text: string, folder: string): void {
  const reason = unsafeWriteReason(file, folder);
  if (reason) throw new UnreadableFileError(file, 'outside', reason);
  const target = writeTarget(file);
  // O_NOFOLLOW: a link swapped in after the check is not followed either.
  const fd = fs.openSync(target, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_NOFOLLOW, 0o666);
  try {
    fs.writeFileSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
}

/** One reusable read buffer: most .go files fit, so reading them allocates nothing. */
let scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * Reads a whole file. The returned buffer may be a view of the shared scratch buffer, valid
 * only until the next call: parse it before reading another file.
 */
export function readWhole(absPath: string): Buffer {
  // O_NONBLOCK: a FIFO swapped in for a .go file must not block the open.
  const fd = fs.openSync(absPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    // Callers read what a folder listing called a file. Something else swapped in cannot hang
    // this read (O_NONBLOCK, and a positional read of a FIFO or a folder fails), and what fills the scratch
    // buffer (a large file, /dev/zero) is checked below. No fstat before: it was a call and a
    // Stats object per .go file, on every CLI start.
    let n = fs.readSync(fd, scratch, 0, scratch.length, 0);
    if (n < scratch.length) return scratch.subarray(0, n);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_TEXT_BYTES) throw new Error(`${absPath}: not a regular file of at most ${MAX_TEXT_BYTES} bytes`);
    // Larger than the scratch buffer: read the rest.
    const size = st.size;
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
