/**
 * `docker run` command lines that a repository's documentation shows (README, docs/*.md), read
 * from their text: the image each runs, and whether it bind-mounts a folder of the user's
 * working folder read-write (`-v "$(pwd)/db:/db"`, `-v $PWD:/src`, `--mount
 * type=bind,source=${PWD},target=/work`). A CLI documented that way writes into a host folder
 * owned by the user (dbmate's `new`, `dump`; sqlc's `generate`): the container's user must be
 * able to write there, which root can and a fixed unprivileged uid cannot. Plain text in, plain
 * data out: the reading of the files is facts/rootNeeds.ts's (once per workspace model).
 */

/** A documented `docker run` of an image with a read-write bind mount of the working folder. */
export interface WorkdirMountRun {
  /** Context-relative file and 1-based line of the `docker run`. */
  file: string;
  line: number;
  /** The image as written (`ghcr.io/amacneil/dbmate`, `sqlc/sqlc`). */
  image: string;
  /** The mount as written (`"$(pwd)/db:/db"`). */
  mount: string;
  /** `--entrypoint` as given, unquoted (`/usr/bin/generate-keys`; '' for `--entrypoint=""`); absent when the run keeps the image's. */
  entrypoint?: string;
  /** The words after the image, unquoted (the command, or the entrypoint's arguments). */
  args: string[];
}

/**
 * A folder of the user's in a shell: the working folder (`$(pwd)`, `$PWD`, `${PWD}`, `` `pwd` ``,
 * or a relative path: `.`, `./db`) or one in the home folder (`~/go2rtc`, `$HOME/x`, `${HOME}/x`:
 * go2rtc's docker/README.md runs `-v ~/go2rtc:/config`, whose go2rtc.yaml its web UI rewrites).
 */
const WORKDIR_SOURCE = /^(\$\(pwd\)|\$\{?PWD\}?|`pwd`|\.|~|\$\{?HOME\}?)(\/|$)/;
/** Options of `docker run` that take no value. */
const BOOLEAN = new Set(['--rm', '--init', '--privileged', '--read-only', '--interactive', '--tty', '--detach', '--publish-all', '--help', '--no-healthcheck', '--oom-kill-disable', '--quiet', '-q']);
/** Short options that take a value (`-v x`, `-e X=1`); combined letters of the others are booleans (`-it`, `-d`). */
const SHORT_VALUE = new Set(['v', 'e', 'p', 'w', 'u', 'h', 'l', 'm', 'c', 'a']);
/** An image reference (no placeholder, no variable). */
const IMAGE = /^[a-z0-9][a-z0-9._/-]*(:[\w.-]+)?(@sha256:[a-f0-9]+)?$/;

/** The documented runs of one file's text with a read-write bind mount of the working folder, run as the image's user (no `--user`). */
export function workdirMountRuns(file: string, text: string): WorkdirMountRun[] {
  const out: WorkdirMountRun[] = [];
  if (!/\b(docker|podman)\s/.test(text)) return out;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const m = /\b(docker|podman)\s+(container\s+)?run\s/.exec(lines[n]);
    if (!m) continue;
    // A command continued over lines with `\` (or PowerShell's backtick at a line's end).
    let cmd = lines[n].slice(m.index + m[0].length);
    for (let k = n; /[\\`]\s*$/.test(lines[k]) && k + 1 < lines.length; k++) cmd = `${cmd.replace(/[\\`]\s*$/, '')} ${lines[k + 1]}`;
    const run = readRun(cmd.replace(/`pwd`/g, '$(pwd)'));
    if (run && run.mount !== null && !run.user) out.push({ file, line: n + 1, image: run.image, mount: run.mount, ...(run.entrypoint !== null ? { entrypoint: run.entrypoint } : {}), args: run.args });
  }
  return out;
}

/**
 * The words of a command's arguments up to the end of the command (an operator, a comment, a
 * markdown backtick), quotes kept: a `docker run`'s here, a `docker buildx build`'s in the build
 * files (facts/composeImages.ts).
 */
export function commandWords(cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (quote) {
      cur += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === '$' && cmd[i + 1] === '(') depth++;
    if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === '`' || c === ';' || c === '|' || c === '&' || c === '>' || c === '<' || c === '#')) break;
    if (c === '"' || c === "'") quote = c;
    if (/\s/.test(c) && depth === 0) {
      if (cur !== '') out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur !== '') out.push(cur);
  return out;
}

function unquote(w: string): string {
  return w.replace(/["']/g, '');
}

/** A word without its enclosing quotes (`"/usr/bin/x -dir /a > /mnt/f"`: the quotes inside an argument are kept). */
export function unquoteWord(w: string): string {
  return /^(["']).*\1$/s.test(w) ? w.slice(1, -1) : w;
}

/** The image, the working-folder mount (null when none), whether a user is set, the entrypoint and the words after the image, of one `docker run`'s arguments. */
function readRun(cmd: string): { image: string; mount: string | null; user: boolean; entrypoint: string | null; args: string[] } | null {
  const ws = commandWords(cmd);
  let mount: string | null = null;
  let user = false;
  let entrypoint: string | null = null;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w.startsWith('-')) {
      const image = unquote(w);
      return IMAGE.test(image) ? { image, mount, user, entrypoint, args: ws.slice(i + 1).map(unquoteWord) } : null;
    }
    const eq = w.indexOf('=');
    const name = eq < 0 ? w : w.slice(0, eq);
    let value: string | null = eq < 0 ? null : w.slice(eq + 1);
    const short = /^-[A-Za-z]+$/.test(name) ? name.slice(1) : null;
    const takesValue = short !== null ? SHORT_VALUE.has(short[short.length - 1]) : !BOOLEAN.has(name);
    if (value === null && takesValue) value = ws[++i] ?? null;
    if (value === null) continue;
    const last = short !== null ? short[short.length - 1] : null;
    if (last === 'u' || name === '--user') user = true;
    if (name === '--entrypoint') entrypoint = unquote(value);
    if (last === 'v' || name === '--volume') {
      const [source, , options = ''] = unquote(value).split(':');
      if (WORKDIR_SOURCE.test(source) && !isFileMount(source) && !/(^|,)(ro|readonly)(,|$)/.test(options)) mount = value;
    } else if (name === '--mount') {
      const keys = new Map(unquote(value).split(',').map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)] as const));
      const source = keys.get('source') ?? keys.get('src') ?? '';
      if ((keys.get('type') ?? 'volume') === 'bind' && WORKDIR_SOURCE.test(source) && !isFileMount(source) && !keys.has('readonly') && !keys.has('ro')) mount = value;
    }
  }
  return null;
}

/** A mounted file rather than a folder (`$(pwd)/config.yml`): read, not written, by most programs. */
export function isFileMount(source: string): boolean {
  const last = source.split('/').pop() ?? '';
  return /^[^.$`][^/]*\.[A-Za-z0-9]+$/.test(last);
}
