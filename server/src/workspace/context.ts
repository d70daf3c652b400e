/**
 * Which folder a Dockerfile builds (its build context), without running anything.
 *
 * Default: the nearest ancestor folder of the Dockerfile holding go.mod or go.work (a Dockerfile
 * in `build/package/` of a repository builds the repository root), stopping at the filesystem
 * root; when there is none, the Dockerfile's own folder. Also the Dockerfile's own folder when
 * that ancestor is above it and the files its COPY/ADD lines name are found only in its folder
 * (ownFolderSources: kserve's python/sklearn.Dockerfile, chaos-mesh's images/chaos-daemon/Dockerfile are built
 * with their folder as the context, beside a go.mod at the repository root). An explicit
 * override (the `goDockerfile.context` setting or the CLI's `--context`) always wins.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexDirectives, Lexer } from '../dockerfile/lexer';
import { LineTable } from '../dockerfile/text';
import { readRegularFileOrNull } from './safeRead';

/**
 * `copy-sources`: the Dockerfile's own folder, below a go.mod folder, because the files its COPY
 * lines name are only there (ownFolderSources); a context to read like any other, without a Go
 * module. `dockerfile-dir`: no go.mod or go.work above the Dockerfile: no workspace to read.
 */
export type ContextReason = 'override' | 'go.mod' | 'go.work' | 'copy-sources' | 'dockerfile-dir';

export interface ResolvedContext {
  /** Absolute, normalised folder. */
  root: string;
  reason: ContextReason;
}

export interface ResolveOptions {
  /** Folder a relative `override` is resolved against (default: process.cwd()). */
  overrideBase?: string;
  /** Stop searching upwards after this folder (inclusive), e.g. the editor's workspace folder. */
  stopAt?: string;
  /** For tests: file existence check (default: fs). */
  isFile?: (abs: string) => boolean;
  /** For tests: does a file or folder exist (default: fs). */
  exists?: (abs: string) => boolean;
  /** For tests: the Dockerfile's text, null when unreadable (default: fs, size-capped). */
  readText?: (abs: string) => string | null;
}

function defaultIsFile(abs: string): boolean {
  try {
    return fs.statSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function resolveBuildContextDetailed(dockerfilePath: string, override?: string | null, opts: ResolveOptions = {}): ResolvedContext {
  if (override !== undefined && override !== null && override.trim() !== '') {
    const base = opts.overrideBase ?? process.cwd();
    return { root: path.resolve(base, override.trim()), reason: 'override' };
  }
  const isFile = opts.isFile ?? defaultIsFile;
  const start = path.dirname(path.resolve(dockerfilePath));
  const stopAt = opts.stopAt ? path.resolve(opts.stopAt) : null;
  let dir = start;
  for (;;) {
    const reason = isFile(path.join(dir, 'go.mod')) ? 'go.mod' : isFile(path.join(dir, 'go.work')) ? 'go.work' : null;
    if (reason !== null) {
      if (dir !== start && ownFolderSources(path.resolve(dockerfilePath), dir, start, opts)) return { root: start, reason: 'copy-sources' };
      return { root: dir, reason };
    }
    if (stopAt !== null && dir === stopAt) break;
    const parent = path.dirname(dir);
    if (parent === dir) break; // filesystem root
    dir = parent;
  }
  return { root: start, reason: 'dockerfile-dir' };
}

/**
 * Do the Dockerfile's COPY/ADD sources point at its own folder `own` rather than at `root` (the
 * go.mod folder above it)? Yes when at least one source exists only below `own` and none only
 * below `root`: built from `root`, those COPY lines would fail (kserve's python/sklearn.Dockerfile
 * `COPY storage/pyproject.toml …` finds python/storage, and the repository root has none). A
 * build output that is not there yet counts by its first folder (chaos-mesh's
 * images/chaos-daemon `COPY bin/chaos-daemon …`, where images/chaos-daemon/bin/ is kept with a
 * .gitkeep). `COPY . .`, `--from` copies, URLs, variables and `..` tell nothing.
 * After a whole-context copy (`COPY . .`) the Go files and local packages a go command names
 * count too, read from the folder the context landed in: aws/aws-node-termination-handler
 * 62a8761 test/webhook-test-proxy/Dockerfile:15-16 `COPY . .` and `go build … cmd/webhook-test-proxy.go`,
 * a file of its own folder (run-test:214 builds it with that folder as the context; the root's
 * go.mod made the guess the repository root, and GD119 then said the file was not in the context).
 */
function ownFolderSources(dockerfile: string, root: string, own: string, opts: ResolveOptions): boolean {
  const text = opts.readText ? opts.readText(dockerfile) : readRegularFileOrNull(dockerfile, { maxBytes: 1 << 20 });
  if (!text) return false;
  const exists = opts.exists ?? defaultExists;
  let ownOnly = 0;
  for (const source of copySources(text)) {
    const segs = source.split('/').filter((s) => s !== '' && s !== '.');
    const glob = segs.findIndex((s) => /[*?[]/.test(s));
    const parts = glob < 0 ? segs : segs.slice(0, glob);
    if (parts.length === 0 || parts.includes('..')) continue;
    let atRoot = exists(path.join(root, ...parts));
    let atOwn = exists(path.join(own, ...parts));
    if (!atRoot && !atOwn && parts.length > 1) {
      atRoot = exists(path.join(root, parts[0]));
      atOwn = exists(path.join(own, parts[0]));
    }
    if (atRoot && !atOwn) return false;
    if (atOwn && !atRoot) ownOnly++;
  }
  return ownOnly > 0;
}

/** The context paths the COPY/ADD lines of a Dockerfile's text read (no `--from`, no heredoc, no variable, no URL), and after `COPY . .` those go commands name (goCommandPaths). */
function copySources(text: string): string[] {
  const lines = new LineTable(text);
  const { escape, body } = lexDirectives(text, lines);
  const lexer = new Lexer(text, lines, escape, body);
  const out: string[] = [];
  const goPaths: string[] = [];
  let wholeCopy = false;
  for (let l = lexer.next(); l !== null; l = lexer.next()) {
    if (l.keyword === 'RUN' && wholeCopy) goPaths.push(...goCommandPaths(l.args.map((a) => a.value).join(' ')));
    if ((l.keyword !== 'COPY' && l.keyword !== 'ADD') || l.heredocs.length > 0 || l.flags.some((f) => f.name === 'from')) continue;
    let words = l.args.map((a) => a.value);
    if (l.keyword === 'COPY' && words.length === 2 && /^\.\/?$/.test(words[0])) wholeCopy = true;
    if (words[0]?.startsWith('[')) {
      try {
        const json: unknown = JSON.parse(words.join(' '));
        words = Array.isArray(json) && json.every((w) => typeof w === 'string') ? (json as string[]) : [];
      } catch {
        words = [];
      }
    }
    for (const w of words.slice(0, -1)) if (!/[$]|:\/\/|^git@/.test(w)) out.push(w);
  }
  return wholeCopy ? [...out, ...goPaths] : out;
}

/**
 * The Go files (`cmd/app.go`) and local packages (`./cmd/app`) go build, run, install or test
 * name in a RUN: paths relative to where the RUN works, the context's copy after `COPY . .`.
 * Words with a variable, a flag's value and patterns (`./...`) tell nothing.
 */
function goCommandPaths(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/\bgo\s+(?:build|run|install|test)\b([^;&|\n]*)/g)) {
    const words = m[1].split(/\s+/);
    for (let k = 0; k < words.length; k++) {
      const w = words[k].replace(/^["']|["']$/g, '');
      // `-o app.go`, `-C dir`: the value of a flag that takes one is no package.
      if (/^-(o|C|modfile|overlay|pgo)$/.test(w)) { k++; continue; }
      if (w.includes('$') || w.includes('...') || w.startsWith('-')) continue;
      if (/^(\.\/)?[\w.-]+(\/[\w.-]+)*\.go$/.test(w) || /^\.\/[\w.-]+(\/[\w.-]+)*\/?$/.test(w)) out.push(w);
    }
  }
  return out;
}

function defaultExists(abs: string): boolean {
  try {
    return fs.statSync(abs, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The build context folder for a Dockerfile: `override` when given (relative to
 * `opts.overrideBase` or the current directory), else the nearest ancestor with go.mod/go.work,
 * else the Dockerfile's folder.
 */
export function resolveBuildContext(dockerfilePath: string, override?: string | null, opts: ResolveOptions = {}): string {
  return resolveBuildContextDetailed(dockerfilePath, override, opts).root;
}

/**
 * The ignore file BuildKit uses for this Dockerfile: `<Dockerfile>.dockerignore` next to the
 * Dockerfile when it exists (it takes precedence), else `<context>/.dockerignore` when it exists,
 * else null.
 */
export function dockerignoreFileFor(dockerfilePath: string, contextRoot: string, isFile: (abs: string) => boolean = defaultIsFile): string | null {
  const specific = path.resolve(dockerfilePath) + '.dockerignore';
  if (isFile(specific)) return specific;
  const general = path.join(path.resolve(contextRoot), '.dockerignore');
  return isFile(general) ? general : null;
}
