/**
 * .dockerignore with Docker's own semantics (moby/patternmatcher, see ignorePattern.ts): `#` comments (only at the very start of a line), `!` re-includes, `*`/`?` within a
 * path segment, `**` across segments, leading and trailing `/` stripped, paths cleaned,
 * the last matching pattern wins, and a pattern matching a parent folder matches everything
 * under it. Matching is case-sensitive, as in Docker on Linux.
 *
 * On top of the library: which line decides a path (GD306 names it), and whether a folder is
 * wholly excluded (nothing under it can be re-included), which lets the walk skip it.
 */
import { compileIgnorePattern, matchesOrParent } from './ignorePattern';
import * as nodePath from 'node:path';
import type { DockerignorePattern } from './model';

/**
 * A necessary condition for a pattern segment to match a path segment: literal prefix and
 * suffix around its wildcards (null: cannot tell, e.g. `**`, `[...]`, escapes, pure `*`).
 */
interface SegCheck {
  exact: string | null;
  prefix: string;
  suffix: string;
}

interface RuleShape {
  /** Segment count of the cleaned pattern. */
  k: number;
  /** A segment is or contains `**`: the pattern spans any depth. */
  deep: boolean;
  /** Some segment defeats analysis (`[`, `\\`): always treat as a candidate. */
  opaque: boolean;
  segs: (SegCheck | null)[];
}

/** Characters with a meaning in a pattern besides `*` and `?`: a segment holding one cannot be checked literally. */
const REGEX_SPECIAL = /[[\]\\]/;

function segCheck(seg: string): SegCheck | null {
  if (REGEX_SPECIAL.test(seg) || seg.includes('**')) return null;
  const first = seg.search(/[*?]/);
  if (first < 0) return { exact: seg, prefix: seg, suffix: '' };
  let last = -1;
  for (let i = seg.length - 1; i >= 0; i--) if (seg[i] === '*' || seg[i] === '?') { last = i; break; }
  const prefix = seg.slice(0, first);
  const suffix = seg.slice(last + 1);
  if (prefix === '' && suffix === '') return null;
  return { exact: null, prefix, suffix };
}

function segOk(c: SegCheck | null, name: string): boolean {
  if (c === null) return true;
  if (c.exact !== null) return name === c.exact;
  return name.length >= c.prefix.length + c.suffix.length && name.startsWith(c.prefix) && name.endsWith(c.suffix);
}

/** The library's own normalisation of a pattern body (posix): Clean, strip trailing and one leading '/'. */
function shapeOf(body: string): RuleShape {
  let p = nodePath.posix.normalize(body).replace(/(?<=.)\/$/, '');
  if (p.length > 1 && p[0] === '/') p = p.slice(1);
  const parts = p.split('/');
  const deep = parts.some((x) => x.includes('**'));
  const opaque = REGEX_SPECIAL.test(p);
  return { k: parts.length, deep, opaque, segs: parts.map(segCheck) };
}

/** Could the pattern match the path itself (not through a parent folder)? Over-approximates. */
function couldMatchDirect(r: RuleShape, segs: string[]): boolean {
  if (r.opaque) return true;
  const d = segs.length;
  if (!r.deep) {
    if (r.k !== d) return false;
    for (let i = 0; i < d; i++) if (!segOk(r.segs[i], segs[i])) return false;
    return true;
  }
  // `**` somewhere: only the first and last segments are anchored.
  const first = r.segs[0];
  const last = r.segs[r.k - 1];
  if (r.k > 1 || d === 1) {
    if (first && !segOk(first, segs[0])) return false;
  }
  if (last && !segOk(last, segs[d - 1])) return false;
  return true;
}

interface CompiledPattern extends DockerignorePattern {
  /** True when the pattern (without its `!`) matches the path or one of its parents. */
  matches(rel: string): boolean;
}

/** Strip a leading `./` or `/`, trailing `/`, backslashes to slashes (for paths we pass in). */
export function normalizeRel(rel: string): string {
  let p = rel.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  while (p.endsWith('/') && p.length > 0) p = p.slice(0, -1);
  if (p === '.') return '';
  return p;
}

/** Docker's cleaning of a pattern (filepath.Clean + ToSlash + strip one leading '/'). */
function cleanPattern(p: string): string {
  const parts: string[] = [];
  const abs = p.startsWith('/');
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!abs) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = parts.join('/');
  return out === '' ? (abs ? '/' : '.') : out;
}

export class DockerIgnore {
  readonly patterns: readonly DockerignorePattern[];
  readonly hasNegation: boolean;
  private readonly compiled: CompiledPattern[];
  private readonly cache = new Map<string, boolean>();
  private readonly shapes: RuleShape[];
  /** Decision for a path whose own name no pattern can match directly, by parent folder. */
  private readonly dirDecision = new Map<string, boolean>();

  private constructor(readonly text: string) {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lines = src.split(/\r?\n/);
    const compiled: CompiledPattern[] = [];
    const shapes: RuleShape[] = [];
    lines.forEach((raw, idx) => {
      // moby: lines starting with '#' (before trimming) are comments; then trim; skip empty.
      if (raw.startsWith('#')) return;
      const trimmed = raw.trim();
      if (trimmed === '') return;
      let negated = false;
      let body = trimmed;
      if (body.startsWith('!')) {
        negated = true;
        body = body.slice(1).trim();
      }
      if (body === '') return; // a lone `!` is ignored by Docker
      const pattern = cleanPattern(body).replace(/^\/(?=.)/, '');
      const single = compileIgnorePattern(pattern);
      compiled.push({ line: idx + 1, text: trimmed, pattern, negated, matches: (rel: string) => matchesOrParent(single, rel) });
      shapes.push(shapeOf(body));
    });
    this.compiled = compiled;
    this.shapes = shapes;
    this.patterns = compiled.map(({ line, text: t, pattern, negated }) => ({ line, text: t, pattern, negated }));
    this.hasNegation = compiled.some((p) => p.negated);
  }

  /** Docker's decision: the last pattern matching the path or a parent decides. */
  private decide(rel: string): boolean {
    for (let i = this.compiled.length - 1; i >= 0; i--) {
      const p = this.compiled[i];
      if (p.matches(rel)) return !p.negated;
    }
    return false;
  }


  static parse(text: string): DockerIgnore {
    return new DockerIgnore(typeof text === 'string' ? text : '');
  }

  /** Would `docker build` leave this context-relative path out of the context? */
  isIgnored(relPath: string): boolean {
    const rel = normalizeRel(relPath);
    if (rel === '' || this.compiled.length === 0) return false;
    // When no pattern can match the path's own name, only patterns matching a parent folder
    // decide it, and they decide every such path of that folder alike: decide once
    // per folder, not once per file.
    const segs = rel.split('/');
    let candidate = false;
    for (const sh of this.shapes) {
      if (couldMatchDirect(sh, segs)) {
        candidate = true;
        break;
      }
    }
    if (!candidate) {
      const dir = segs.length === 1 ? '' : rel.slice(0, rel.length - segs[segs.length - 1].length - 1);
      let v = this.dirDecision.get(dir);
      if (v === undefined) {
        v = dir === '' ? false : this.decide(dir);
        this.dirDecision.set(dir, v);
      }
      return v;
    }
    let v = this.cache.get(rel);
    if (v === undefined) {
      v = this.decide(rel);
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(rel, v);
    }
    return v;
  }

  /**
   * The pattern that decides the path: the last pattern matching it (or one of its parents).
   * Null when no pattern matches (the path is sent). When the returned pattern is `negated`, the
   * path is re-included (sent).
   */
  decidingPattern(relPath: string): DockerignorePattern | null {
    const rel = normalizeRel(relPath);
    if (rel === '') return null;
    for (let i = this.compiled.length - 1; i >= 0; i--) {
      const p = this.compiled[i];
      if (p.matches(rel)) return this.patterns[i];
    }
    return null;
  }

  /** `{ignored, line}`: `line` is the 1-based .dockerignore line that decides it (null when none does). */
  explain(relPath: string): { ignored: boolean; line: number | null; pattern: DockerignorePattern | null } {
    const p = this.decidingPattern(relPath);
    return { ignored: p !== null && !p.negated, line: p?.line ?? null, pattern: p };
  }

  /**
   * The folder is ignored and no `!` pattern could re-include anything under it: `docker build`
   * sends nothing from it, so a walk may skip it.
   */
  isDirFullyExcluded(relDir: string): boolean {
    const rel = normalizeRel(relDir);
    if (!this.isIgnored(rel)) return false;
    if (!this.hasNegation) return true;
    const depth = rel.split('/').length;
    for (const p of this.compiled) {
      if (!p.negated) continue;
      const segs = p.pattern.split('/');
      if (segs.slice(0, depth).includes('**')) return false;
      if (segs.length <= depth) {
        // The pattern names the folder itself or one of its parents: it re-includes the lot.
        const prefix = rel.split('/').slice(0, segs.length).join('/');
        if (p.matches(prefix)) return false;
      } else {
        // The pattern names something below: does its leading part match this folder?
        if (matchesOrParent(compileIgnorePattern(segs.slice(0, depth).join('/')), rel)) return false;
      }
    }
    return true;
  }
}

/** Parses .dockerignore text into its effective patterns (line numbers 1-based). */
export function parseDockerignore(text: string): DockerignorePattern[] {
  return [...DockerIgnore.parse(text).patterns];
}

/** Parsed one-pattern matchers (a pure parse, kept for the patterns asked about again and again). */
const onePattern = new Map<string, DockerIgnore>();

/** A matcher of a single .dockerignore pattern. */
export function patternMatcher(pattern: string): DockerIgnore {
  let m = onePattern.get(pattern);
  if (!m) {
    m = DockerIgnore.parse(pattern);
    if (onePattern.size > 500) onePattern.clear();
    onePattern.set(pattern, m);
  }
  return m;
}
