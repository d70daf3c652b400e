/**
 * What a COPY/ADD copies, read from the instruction: sources (JSON and shell form, heredocs,
 * `--from`, `--exclude`, `--link`), and Docker's matching of a context path against a source
 * (`filepath.Match` per path segment, a folder source covers everything under it, `**` spans
 * folders). RUN mounts are read by ../dockerfile/mounts.ts.
 */
import * as nodePath from 'node:path';
import type { Instruction } from './model';

export interface CopySpec {
  /** Sources as written (after variable substitution when `expand` was given). */
  sources: string[];
  /** Heredoc names used as sources (`COPY <<EOF /dst`). */
  heredocs: { name: string; bytes: number }[];
  dest: string | null;
  from: string | null;
  link: boolean;
  excludes: string[];
  /** A source could not be resolved (a variable without a value). */
  unknownSources: boolean;
}

const flagValues = (instr: Instruction, name: string) => instr.flags.filter((f) => f.name === name).map((f) => f.value ?? '');

/**
 * The words of a shell-form COPY/ADD that name sources and the destination, and its heredoc
 * sources: the lexer (as dockerfile-ast) lists the heredoc bodies' words as arguments too, so only the words
 * before the first body count, and `<<NAME` words are heredocs, not context paths. The one
 * reading of COPY/ADD arguments (copySpec here, copyPaths in ./facts.ts).
 */
export function copyWords(instr: Instruction): { words: string[]; heredocs: string[] } {
  if (instr.json) return { words: instr.json, heredocs: [] };
  if (instr.heredocs.length === 0) return { words: instr.args.map((a) => unquoteAll(a.value)), heredocs: [] };
  const bodyStarts = instr.heredocs.filter((h) => h.body).map((h) => h.body!.start);
  const limit = bodyStarts.length ? Math.min(...bodyStarts) : Infinity;
  const words: string[] = [];
  const heredocs: string[] = [];
  for (const a of instr.args) {
    if (a.span.start >= limit) break;
    const m = /^<<-?(["']?)([A-Za-z0-9_.-]+)\1$/.exec(a.value);
    if (m) heredocs.push(m[2]);
    else words.push(unquoteAll(a.value));
  }
  return { words, heredocs };
}

/**
 * Removes the quotes of every quoted part, shell-style (`a"b c"'d'` -> `ab cd`); an unclosed quote
 * runs to the end. The builder reads a shell-form COPY/ADD word so: `ADD "https://…" /x` fetches
 * the URL (dapr/dapr d845074 tests/apps/perf/tester/Dockerfile).
 */
export function unquoteAll(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const j = s.indexOf(c, i + 1);
      if (j < 0) return out + s.slice(i + 1);
      out += s.slice(i + 1, j);
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Sources and destination of a COPY/ADD. `expand` substitutes variables (null: unknown value).
 */
export function copySpec(instr: Instruction, text: string, expand: (s: string) => string | null): CopySpec {
  const spec: CopySpec = {
    sources: [], heredocs: [], dest: null,
    from: flagValues(instr, 'from')[0] ?? null,
    link: instr.flags.some((f) => f.name === 'link' && f.value !== 'false'),
    excludes: flagValues(instr, 'exclude').filter((v) => v !== ''),
    unknownSources: false,
  };
  const { words, heredocs } = copyWords(instr);
  if (heredocs.length > 0) {
    const bytes = new Map<string, number>();
    for (const h of instr.heredocs) bytes.set(h.name.toLowerCase(), h.body ? Buffer.byteLength(text.slice(h.body.start, h.body.end), 'utf8') + 1 : 0);
    for (const name of heredocs) spec.heredocs.push({ name, bytes: bytes.get(name.toLowerCase()) ?? 0 });
  }
  if (words.length === 0) return spec;
  spec.dest = words[words.length - 1];
  for (const w of words.slice(0, -1)) pushSource(spec, w, expand);
  return spec;
}

function pushSource(spec: CopySpec, w: string, expand: (s: string) => string | null): void {
  if (!w.includes('$')) {
    spec.sources.push(w);
    return;
  }
  const v = expand(w);
  if (v === null) spec.unknownSources = true;
  else spec.sources.push(v);
}

export function isRemoteSource(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@[^:]+:/.test(src);
}

/** ADD extracts local tar archives (compressed or not) into the destination. */
export function isArchive(src: string): boolean {
  return /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst)$/i.test(src);
}

/** A source as a context-relative pattern: cleaned, no leading `/` or `./` ('' = the whole context). */
export function cleanSource(src: string): string {
  const p = nodePath.posix.normalize('/' + src.replace(/\\/g, '/')).replace(/\/+$/, '');
  return p.replace(/^\/+/, '');
}

function hasGlob(s: string): boolean {
  return /[*?[\\]/.test(s);
}

const segCache = new Map<string, RegExp | null>();

/** Go's filepath.Match for one path segment, as a RegExp (null for a malformed pattern). */
function segmentRegExp(seg: string): RegExp | null {
  const hit = segCache.get(seg);
  if (hit !== undefined) return hit;
  let re = '^';
  let ok = true;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < seg.length) re += escapeRe(seg[++i]);
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) {
        ok = false;
        break;
      }
      let body = seg.slice(i + 1, close);
      const negate = body.startsWith('^') || body.startsWith('!');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\]\\^]/g, (m) => '\\' + m)}]`;
      i = close;
    } else re += escapeRe(c);
  }
  const out = ok ? new RegExp(re + '$', 's') : null;
  segCache.set(seg, out);
  return out;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Does pattern `segs` match a prefix of `path` (whole segments: the path or one of its folders)? `**` spans any number of segments. */
function matchesPrefix(segs: string[], path: string[], si = 0, pi = 0): boolean {
  if (si === segs.length) return true; // the rest is under a matched folder
  if (segs[si] === '**') {
    for (let k = pi; k <= path.length; k++) if (matchesPrefix(segs, path, si + 1, k)) return true;
    return false;
  }
  if (pi >= path.length) return false;
  const re = segmentRegExp(segs[si]);
  return re !== null && re.test(path[pi]) && matchesPrefix(segs, path, si + 1, pi + 1);
}

/** Is the context file `rel` copied by a COPY/ADD (or bind mount) of `source`? */
export function sourceCovers(source: string, rel: string): boolean {
  const src = cleanSource(source);
  if (src === '' || src === '.') return true;
  if (!hasGlob(src)) return rel === src || rel.startsWith(src + '/');
  return matchesPrefix(src.split('/'), rel.split('/'));
}

/**
 * `COPY --exclude=PATTERN`: patternmatcher semantics (a match of the path or one of its folders),
 * matched against the context-relative path. Where a builder matches relative to the source
 * folder instead, fewer files count as excluded here: the prediction errs towards "re-runs".
 */
export function excludedBy(patterns: string[], rel: string): boolean {
  return patterns.some((p) => {
    const src = cleanSource(p);
    if (src === '') return false;
    // A match of a prefix is a match of the path or of one of its folders.
    return matchesPrefix(src.split('/'), rel.split('/'));
  });
}

