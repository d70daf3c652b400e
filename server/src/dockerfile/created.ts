/**
 * What the RUNs of a stage create, command by command: the creation tracking GD302 (a later
 * RUN deletes it) and GD312 (a later RUN chmods, chowns or moves it) share. Pure functions of
 * one command and the directory it runs in; the rules walk the stage and keep the records.
 */
import type { Instruction, Script } from './model';
import { packageCommand, type PackageFamily } from './packages';
import type { ShellCommand, ShellWord } from './shell';
import * as path from 'path';

export interface Created {
  /** A path (absolute, normalised), a package, or "packages of this manager were installed". */
  kind: 'path' | 'pkg' | 'pm';
  path?: string;
  /** A directory made empty (`mkdir`): later RUNs that mention it fill it, and become its creators. */
  grows?: boolean;
  /**
   * Made by `mkdir` and, as far as the script shows, still empty (only chown/chmod touched it):
   * removing it later hides no bytes.
   */
  empty?: boolean;
  /** How a file or tree came to be (GD312 reads it): a download, a `> file` redirect, an extraction into the path. */
  made?: 'download' | 'redirect' | 'extract';
  family?: PackageFamily;
  name?: string;
  creator: Instruction;
  what: string;
}

/** The commands by start offset (as parsed they nearly always are: then the array itself, not a sorted copy). */
export function inScriptOrder(commands: readonly ShellCommand[]): readonly ShellCommand[] {
  for (let i = 1; i < commands.length; i++) {
    if (commands[i].start < commands[i - 1].start) return [...commands].sort((a, b) => a.start - b.start);
  }
  return commands;
}

export function norm(p: string): string {
  return withoutTrailingSlashes(path.posix.normalize(p));
}

/** `s.replace(/(.)\/+$/, '$1')` without the regex (it is run for every path a script names). */
function withoutTrailingSlashes(s: string): string {
  let k = s.length;
  while (k > 0 && s.charCodeAt(k - 1) === 47) k--;
  if (k === s.length) return s;
  // The regex keeps the character before the slashes; `.` is no line terminator, and then it
  // keeps the first slash instead (when another follows it).
  if (k > 0 && !/[\n\r\u2028\u2029]/.test(s[k - 1])) return s.slice(0, k);
  return s.length - k >= 2 ? s.slice(0, k + 1) : s;
}

export function resolve(cwd: string | null, p: string): string | null {
  if (p.startsWith('/')) return norm(p);
  if (cwd === null || p.startsWith('~')) return null;
  return norm(path.posix.resolve(cwd, p));
}

/** Commands whose last operand is where they write: they copy, move, install or link files there. */
export const COPIERS: ReadonlySet<string> = new Set(['cp', 'mv', 'install', 'rsync', 'ln']);

/** Non-option words of a command (after `--`, every word). */
export function operands(argv: ShellWord[], valueOptions: Set<string> = new Set()): ShellWord[] {
  const out: ShellWord[] = [];
  let ended = false;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (!ended && v === '--') { ended = true; continue; }
    if (!ended && v.startsWith('-') && v.length > 1) {
      if (valueOptions.has(v)) i++;
      continue;
    }
    out.push(argv[i]);
  }
  return out;
}

export const CACHE_OF: Record<PackageFamily, string[]> = {
  apt: ['/var/cache/apt'],
  apk: ['/var/cache/apk'],
  rpm: ['/var/cache/yum', '/var/cache/dnf'],
  zypper: ['/var/cache/zypp'],
};

export function hasGlob(p: string): boolean {
  return /[*?[]/.test(p);
}

/**
 * The word has glob characters (`*`, `?`, `[`) and every one of them is quoted or escaped in its
 * raw text: the shell passes them on as they are, so `rm -rf /var/lib/apt/lists/\*` (akash-network/
 * node's _build/akash.Dockerfile) or `rm -rf "/var/lib/apt/lists/*"` removes a file literally
 * named `*`, not the folder's files. False for a word without one, or with one unquoted.
 */
export function globQuoted(w: ShellWord): boolean {
  if (!hasGlob(w.value)) return false;
  const raw = w.raw;
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === "'") {
      if (ch === "'") quote = '';
    } else if (ch === '\\') {
      i++; // escaped (outside quotes), or inside double quotes: quoted either way
    } else if (quote === '"') {
      if (ch === '"') quote = '';
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '*' || ch === '?' || ch === '[') {
      return false;
    }
  }
  return true;
}

export function globRegex(p: string): RegExp {
  let re = '';
  for (const ch of p) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') re += '[';
    else if (ch === ']') re += ']';
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(/.*)?$`);
}

export function safeTest(glob: string, p: string): boolean {
  try {
    return globRegex(glob).test(p);
  } catch {
    return false;
  }
}

const CURL_VALUE = new Set(['-H', '--header', '-d', '--data', '-u', '--user', '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-m', '--max-time', '-x', '--proxy', '-w', '--write-out', '-T', '--upload-file', '-b', '--cookie', '-c', '--cookie-jar', '-F', '--form', '-r', '--range', '--retry', '--connect-timeout', '--cacert', '--cert', '--key', '-K', '--config', '--retry-delay', '--retry-max-time', '-z', '--time-cond', '-C', '--continue-at', '-y', '--speed-time', '-Y', '--speed-limit', '--output-dir', '-o', '--output']);
const WGET_VALUE = new Set(['-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-a', '--append-output', '-t', '--tries', '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '-i', '--input-file', '--user', '--password']);
const GIT_CLONE_VALUE = new Set(['-b', '--branch', '--depth', '-c', '--config', '-o', '--origin', '--reference', '--separate-git-dir', '--template', '-j', '--jobs', '--filter', '--shallow-since', '--shallow-exclude', '-u', '--upload-pack']);

/**
 * A `git clone <url> [dir]` command's repository URL and the folder it clones into (relative to
 * where it runs: the URL's last part without `.git` when no folder is given); `branch` when it
 * checks out a named branch or tag (`-b`, `--branch`). Null for another command, or a URL or
 * folder with an expansion that `expand` (when given) does not know the value of.
 */
export function gitClone(argv: readonly ShellWord[], expand?: (w: ShellWord) => string | null): { url: string; dir: string; branch: boolean } | null {
  if (argv[0]?.value !== 'git' || argv[1]?.value !== 'clone') return null;
  const ops = operands(argv.slice(1), GIT_CLONE_VALUE);
  const value = (w: ShellWord) => (!w.dynamic ? w.value : expand ? expand(w) : null);
  const url = ops[0] && value(ops[0]);
  if (!url) return null;
  const dirWord = ops[1] ? value(ops[1]) : undefined;
  if (dirWord === null) return null;
  const dir = dirWord !== undefined ? dirWord : url.replace(/\/+$/, '').split(/[/:]/).pop()?.replace(/\.git$/, '');
  if (!dir) return null;
  return { url, dir, branch: argv.some((w) => /^(-b|--branch)(=|$)/.test(w.value)) };
}

function urlBase(url: string): string | null {
  const m = /^[a-z+]+:\/\/[^?#]*\/([^/?#]+)(?:[?#].*)?$/i.exec(url);
  return m ? decodeURIComponent(m[1]) : null;
}

const REDIRECT = /\s*(?:1?>>?|&>)\s*([^\s;&|)<>]+)/y;

// A module function, not a closure per command: creationsOf runs for every command of every RUN.
function addPath(out: Created[], instr: Instruction, p: string | null, what: string, extra?: Partial<Created>): void {
  if (p && p !== '/' && !/^\/(dev|proc|sys)(\/|$)/.test(p)) out.push({ kind: 'path', path: p, creator: instr, what, ...extra });
}

/** A `tar` command extracts: `-x`, `--extract`, `--get`, or an old-style first word holding `x` (`tar xzf a.tgz`). */
export function tarExtracts(argv: readonly ShellWord[]): boolean {
  return argv.slice(1).some((w, i) => w.value === '--extract' || w.value === '--get' || (/^-[A-Za-z]+$/.test(w.value) && w.value.includes('x')) || (i === 0 && /^[A-Za-z]+$/.test(w.value) && w.value.includes('x')));
}

/**
 * The file name a download without an output name gets: the URL's last segment. With `urlTail`,
 * a URL with expansions counts too when its last segment is literal and it is the command's only
 * dynamic word (`curl -LO https://…/$(curl -s …/stable.txt)/bin/linux/$(go env GOARCH)/kubectl`).
 */
function remoteName(argv: ShellWord[], url: ShellWord | undefined, staticArgs: boolean, urlTail: boolean): string | null {
  if (!url) return null;
  if (!url.dynamic) return staticArgs ? urlBase(url.value) : null;
  if (!urlTail || argv.some((w) => w.dynamic && w !== url)) return null;
  const raw = /^"[^"]*"$/.test(url.raw) ? url.raw.slice(1, -1) : url.raw;
  if (!/^[a-z]+:\/\//i.test(raw)) return null;
  const tail = raw.slice(raw.lastIndexOf('/') + 1).replace(/[?#].*$/, '');
  return tail && !/[$`(){}"'\\*?[\]]/.test(tail) && tail !== '.' && tail !== '..' ? tail : null;
}

/**
 * What `cmd` creates. `opts.urlTail`: also name a download whose URL has expansions before a
 * literal last segment (GD312; GD302 keeps to fully literal commands).
 */
export function creationsOf(cmd: ShellCommand, script: Script, cwd: string | null, instr: Instruction, opts?: { urlTail?: boolean }): Created[] {
  const urlTail = opts?.urlTail === true;
  const out: Created[] = [];
  const argv = cmd.argv;
  const name = argv[0]?.value;
  // `cmd > file`: the redirect follows the command node in the script (read in place, sticky).
  REDIRECT.lastIndex = cmd.end;
  const redirect = REDIRECT.exec(script.text);
  if (redirect && !/[$`]/.test(redirect[1])) {
    const p = resolve(cwd, redirect[1].replace(/^["']|["']$/g, ''));
    addPath(out, instr, p, p ?? '', { made: 'redirect' });
  }
  const staticArgs = argv.every((w) => !w.dynamic);
  switch (name) {
    case 'mkdir':
      for (const w of operands(argv, new Set(['-m', '--mode']))) if (!w.dynamic) addPath(out, instr, resolve(cwd, w.value), w.value, { grows: true, empty: true });
      break;
    case 'wget': {
      let file: string | null = null;
      let dir: string | null = null;
      for (let i = 1; i < argv.length; i++) {
        const v = argv[i].value;
        if ((v === '-O' || v === '--output-document') && argv[i + 1]) file = argv[++i].dynamic ? '$' : argv[i].value;
        else if (v.startsWith('--output-document=')) file = v.slice(18);
        else if (/^-O./.test(v)) file = v.slice(2);
        else if ((v === '-P' || v === '--directory-prefix') && argv[i + 1]) dir = argv[++i].value;
        else if (v.startsWith('--directory-prefix=')) dir = v.slice(19);
      }
      if (file === '-' || (file && file.includes('$'))) break;
      if (file) addPath(out, instr, resolve(cwd, file), file, { made: 'download' });
      else if (staticArgs || urlTail) {
        const url = operands(argv, WGET_VALUE).find((w) => /^"?[a-z]+:\/\//i.test(w.value));
        const base = remoteName(argv, url, staticArgs, urlTail);
        if (base && (!urlTail || !dir || !dir.includes('$'))) addPath(out, instr, resolve(dir ? resolve(cwd, dir) : cwd, base), base, { made: 'download' });
      }
      break;
    }
    case 'curl': {
      let remote = false;
      let outDir: string | null = null;
      for (let i = 1; i < argv.length; i++) {
        const w = argv[i];
        const v = w.value;
        if (v === '--output' || v === '-o') {
          const f = argv[++i];
          if (f && !f.dynamic && f.value !== '-') addPath(out, instr, resolve(cwd, f.value), f.value, { made: 'download' });
        } else if (v.startsWith('--output=')) addPath(out, instr, resolve(cwd, v.slice(9)), v.slice(9), { made: 'download' });
        else if (v === '--output-dir' && argv[i + 1]) outDir = argv[++i].value;
        else if (v === '--remote-name' || v === '--remote-name-all') remote = true;
        else if (/^-[a-zA-Z]+$/.test(v) && !v.startsWith('--')) {
          // A cluster of short options: `-fsSLo file`, `-fsSLO`, `-ofile`.
          const letters = v.slice(1);
          const o = letters.indexOf('o');
          if (letters.includes('O')) remote = true;
          if (o >= 0) {
            const rest = letters.slice(o + 1);
            const f = rest ? { value: rest, dynamic: false } : argv[++i];
            if (f && !f.dynamic && f.value !== '-') addPath(out, instr, resolve(cwd, f.value), f.value, { made: 'download' });
          } else if (CURL_VALUE.has(`-${letters[letters.length - 1]}`)) i++;
        } else if (CURL_VALUE.has(v)) i++;
      }
      if (remote && (staticArgs || urlTail)) {
        const url = argv.find((w) => /^"?[a-z]+:\/\//i.test(w.value));
        const base = remoteName(argv, url, staticArgs, urlTail);
        if (base && (!urlTail || !outDir || !outDir.includes('$'))) addPath(out, instr, resolve(outDir ? resolve(cwd, outDir) : cwd, base), base, { made: 'download' });
      }
      break;
    }
    case 'git': {
      const clone = gitClone(argv);
      if (clone) addPath(out, instr, resolve(cwd, clone.dir), clone.dir, { grows: true });
      break;
    }
    case 'tar': {
      if (!tarExtracts(argv)) break;
      for (let i = 1; i < argv.length; i++) {
        const v = argv[i].value;
        let dir: string | null = null;
        if ((v === '-C' || v === '--directory') && argv[i + 1] && !argv[i + 1].dynamic) dir = argv[++i].value;
        else if (v.startsWith('--directory=')) dir = v.slice(12);
        else if (/^-C./.test(v)) dir = v.slice(2);
        if (dir) addPath(out, instr, resolve(cwd, dir), `what tar extracted into ${dir}`, { made: 'extract' });
      }
      break;
    }
    case 'unzip': {
      const i = argv.findIndex((w) => w.value === '-d');
      const d = i > 0 ? argv[i + 1] : undefined;
      if (d && !d.dynamic) addPath(out, instr, resolve(cwd, d.value), `what unzip extracted into ${d.value}`, { made: 'extract' });
      break;
    }
  }
  const p = packageCommand(cmd);
  if (p?.action === 'install') {
    for (const x of p.packages) if (!x.word.dynamic) out.push({ kind: 'pkg', family: p.family, name: x.name, creator: instr, what: `package ${x.name}` });
    if (p.virtual) out.push({ kind: 'pkg', family: p.family, name: p.virtual, creator: instr, what: `packages of ${p.virtual}` });
    out.push({ kind: 'pm', family: p.family, creator: instr, what: `packages installed with ${p.manager}` });
    const noCache = p.family === 'apk' && p.options.some((o) => o.value === '--no-cache');
    if (!noCache) for (const c of CACHE_OF[p.family]) addPath(out, instr, c, `the ${p.manager} cache`);
    if (p.family === 'apk' && p.options.some((o) => o.value === '--update' || o.value === '-U') && !noCache) addPath(out, instr, '/var/cache/apk', 'the apk index');
  } else if (p?.action === 'update') {
    if (p.family === 'apt') addPath(out, instr, '/var/lib/apt/lists', 'the apt package lists');
    else if (p.family === 'apk') addPath(out, instr, '/var/cache/apk', 'the apk index');
    else for (const c of CACHE_OF[p.family]) addPath(out, instr, c, `the ${p.manager} metadata`);
  }
  return out;
}
