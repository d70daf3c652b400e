/**
 * .dockerignore with Docker's own semantics, via @balena/dockerignore (a port of moby's
 * matcher): `#` comments (only at the very start of a line), `!` re-includes, `*`/`?` within a
 * path segment, `**` across segments, leading and trailing `/` stripped, paths cleaned,
 * the last matching pattern wins, and a pattern matching a parent folder matches everything
 * under it. Matching is case-sensitive, as in Docker on Linux.
 *
 * On top of the library: which line decides a path (GD306 names it), and whether a folder is
 * wholly excluded (nothing under it can be re-included), which lets the walk skip it.
 */
import ignore from '@balena/dockerignore';
import type { DockerignorePattern } from './model';

type Matcher = ReturnType<typeof ignore>;

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
  private readonly all: Matcher;
  private readonly compiled: CompiledPattern[];
  private readonly cache = new Map<string, boolean>();

  private constructor(readonly text: string) {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const lines = src.split(/\r?\n/);
    const compiled: CompiledPattern[] = [];
    const effective: string[] = [];
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
      // A single-pattern matcher for "does this pattern match". For a negated line we need
      // the positive form; `**` first makes everything ignored, so the line re-includes
      // exactly what it matches.
      const single = negated ? ignore({ ignorecase: false }).add(['**', trimmed]) : ignore({ ignorecase: false }).add([trimmed]);
      const matches = negated ? (rel: string) => !single.ignores(rel) : (rel: string) => single.ignores(rel);
      compiled.push({ line: idx + 1, text: trimmed, pattern, negated, matches });
      effective.push(trimmed);
    });
    this.compiled = compiled;
    this.patterns = compiled.map(({ line, text: t, pattern, negated }) => ({ line, text: t, pattern, negated }));
    this.hasNegation = compiled.some((p) => p.negated);
    this.all = ignore({ ignorecase: false }).add(effective);
  }

  static parse(text: string): DockerIgnore {
    return new DockerIgnore(typeof text === 'string' ? text : '');
  }

  /** Would `docker build` leave this context-relative path out of the context? */
  isIgnored(relPath: string): boolean {
    const rel = normalizeRel(relPath);
    if (rel === '' || this.compiled.length === 0) return false;
    let v = this.cache.get(rel);
    if (v === undefined) {
      v = this.all.ignores(rel);
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
        const lead = ignore({ ignorecase: false }).add([segs.slice(0, depth).join('/')]);
        if (lead.ignores(rel)) return false;
      }
    }
    return true;
  }
}

/** Parses .dockerignore text into its effective patterns (line numbers 1-based). */
export function parseDockerignore(text: string): DockerignorePattern[] {
  return [...DockerIgnore.parse(text).patterns];
}
