/**
 * One .dockerignore pattern, matched the way Docker does (moby/patternmatcher): `*` and `?`
 * within a path segment, `[...]` classes, `\` escapes the next character, `**` spans segments
 * (`**` at the start: any suffix; at the end: any prefix), every other character literal.
 *
 * Own code rather than a regular expression built from the line: a repository's .dockerignore is
 * untrusted input, and a RegExp made from it can throw (`docs/c++/`), misread literal names
 * (`photo (copy).jpg`, `a+b.txt`) or backtrack exponentially (`(a+)+b`). This is a small NFA
 * walked one character at a time: time is at most pattern length × path length, nothing throws.
 */

type Token =
  | { t: 'lit'; c: string }
  /** `?`: one character but `/`. */
  | { t: 'one' }
  /** `*`: any run without `/`. */
  | { t: 'star' }
  /** `[...]`: ranges of code points, `^` negates. */
  | { t: 'class'; neg: boolean; ranges: [number, number][] }
  // `**` inside a pattern: nothing, or anything ending in `/` (the regexp moby builds has a group for it).
  | { t: 'deep' }
  /** `**` at the end after a wildcard: `.*`. */
  | { t: 'rest' };

export interface IgnorePattern {
  /** The cleaned pattern (no `!`). */
  readonly source: string;
  /** Docker rejects the whole file for a malformed pattern (unclosed `[`); we match nothing with it. */
  readonly bad: boolean;
  /** Does the pattern match exactly this slash-separated path? */
  match(path: string): boolean;
}

/** Compiles a cleaned pattern (as the .dockerignore reader leaves it: Clean, ToSlash, no leading `/`). */
export function compileIgnorePattern(source: string): IgnorePattern {
  const chars = Array.from(source);
  const tokens: Token[] = [];
  // moby's fast paths decide some patterns before any regexp; they differ from the regexp at the
  // edges (`**foo` matches `xfoo`), so follow them: exact, prefix (`lit**`), suffix (`**lit`).
  let kind: 'exact' | 'prefix' | 'suffix' | 'glob' = 'exact';
  let bad = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        const start = i === 0;
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            tokens.push({ t: 'rest' });
            kind = 'glob';
          }
        } else {
          tokens.push({ t: 'deep' });
          kind = 'glob';
        }
        if (start) kind = 'suffix';
      } else {
        tokens.push({ t: 'star' });
        kind = 'glob';
      }
    } else if (ch === '?') {
      tokens.push({ t: 'one' });
      kind = 'glob';
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        tokens.push({ t: 'lit', c: chars[++i] });
        kind = 'glob';
      } else {
        // Go's filepath.Match rejects a trailing backslash.
        bad = true;
      }
    } else if (ch === '[') {
      const cls = readClass(chars, i + 1);
      if (!cls) {
        bad = true;
        break;
      }
      tokens.push(cls.token);
      i = cls.end;
      kind = 'glob';
    } else {
      tokens.push({ t: 'lit', c: ch });
      if (ch === ']') kind = 'glob';
    }
  }
  if (bad) return { source, bad, match: () => false };
  if (kind === 'exact') return { source, bad, match: (p) => p === source };
  if (kind === 'prefix') {
    const prefix = source.slice(0, -2);
    return { source, bad, match: (p) => p.startsWith(prefix) };
  }
  if (kind === 'suffix') {
    const suffix = source.slice(2);
    return { source, bad, match: (p) => p.endsWith(suffix) || (suffix[0] === '/' && p === suffix.slice(1)) };
  }
  // `*.md`, `*~`: a star, then ASCII literals without `/` (the commonest glob): no `/` in the
  // path and that ending, without walking the automaton (every indexed path meets each pattern).
  if (tokens.length > 1 && tokens[0].t === 'star' && tokens.every((t, i) => i === 0 || (t.t === 'lit' && t.c !== '/' && t.c.charCodeAt(0) < 0x80))) {
    const ending = tokens.map((t) => (t.t === 'lit' ? t.c : '')).join('');
    return { source, bad, match: (p) => !p.includes('/') && p.endsWith(ending) };
  }
  // Every path the automaton accepts starts with the literals before the first wildcard and ends
  // with those after the last: checked first, they turn most paths away at once (`**/*.swp`
  // meets each of a vendored tree's files and each of their folders).
  let h = 0;
  while (h < tokens.length && tokens[h].t === 'lit') h++;
  let t = tokens.length;
  while (t > h && tokens[t - 1].t === 'lit') t--;
  const head = literals(tokens, 0, h);
  const tail = literals(tokens, t, tokens.length);
  if (head === '' && tail === '') return { source, bad, match: (p) => run(tokens, p) };
  const min = head.length + tail.length;
  return { source, bad, match: (p) => p.length >= min && p.startsWith(head) && p.endsWith(tail) && run(tokens, p) };
}

function literals(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const tok = tokens[i];
    if (tok.t === 'lit') s += tok.c;
  }
  return s;
}

/**
 * `[` already read at `from - 1`: the class up to its `]`, or null when Go's filepath.Match would
 * call it malformed (unclosed, empty, a bare `-` or `]` where a character belongs, `z-a`).
 */
function readClass(chars: string[], from: number): { token: Token; end: number } | null {
  let i = from;
  let neg = false;
  if (chars[i] === '^') {
    neg = true;
    i++;
  }
  const esc = (): string | null => {
    if (i >= chars.length || chars[i] === '-' || chars[i] === ']') return null;
    if (chars[i] === '\\' && ++i >= chars.length) return null;
    const c = chars[i++];
    return i >= chars.length ? null : c;
  };
  const ranges: [number, number][] = [];
  for (;;) {
    if (chars[i] === ']' && ranges.length > 0) return { token: { t: 'class', neg, ranges }, end: i };
    const lo = esc();
    if (lo === null) return null;
    let hi = lo;
    if (chars[i] === '-') {
      i++;
      const h = esc();
      if (h === null) return null;
      hi = h;
    }
    const l = lo.codePointAt(0)!;
    const h = hi.codePointAt(0)!;
    if (h < l) return null;
    ranges.push([l, h]);
  }
}

function inClass(tok: { neg: boolean; ranges: [number, number][] }, c: string): boolean {
  const cp = c.codePointAt(0)!;
  const hit = tok.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
  // Go's regexp: a negated class does not match a newline unless listed; `/` is an ordinary character.
  return tok.neg ? !hit && c !== '\n' : hit;
}

/**
 * Anchored match of the tokens against the whole path. State 2k: about to read token k; state
 * 2k+1: inside the `.*` of a `deep` token k (waiting for the `/` that ends it).
 */
function run(tokens: Token[], path: string): boolean {
  const n = tokens.length;
  let cur = new Uint8Array(2 * n + 2);
  let next = new Uint8Array(2 * n + 2);
  const close = (set: Uint8Array) => {
    // Epsilon moves only go forward, so one pass in order reaches every state.
    for (let k = 0; k < n; k++) {
      if (!set[2 * k]) continue;
      const t = tokens[k].t;
      if (t === 'star' || t === 'deep' || t === 'rest') set[2 * (k + 1)] = 1;
    }
  };
  cur[0] = 1;
  close(cur);
  for (const c of path) {
    next.fill(0);
    let any = false;
    for (let k = 0; k < n; k++) {
      const tok = tokens[k];
      if (cur[2 * k]) {
        switch (tok.t) {
          case 'lit':
            if (tok.c === c) next[2 * (k + 1)] = 1;
            break;
          case 'one':
            if (c !== '/') next[2 * (k + 1)] = 1;
            break;
          case 'star':
            if (c !== '/') next[2 * k] = 1;
            break;
          case 'class':
            if (inClass(tok, c)) next[2 * (k + 1)] = 1;
            break;
          case 'deep':
            if (c !== '\n') next[2 * k + 1] = 1;
            if (c === '/') next[2 * (k + 1)] = 1;
            break;
          case 'rest':
            if (c !== '\n') next[2 * k] = 1;
            break;
        }
      }
      if (cur[2 * k + 1]) {
        // Inside a deep token: any character (a `/` too) stays, and a `/` may end it.
        if (c !== '\n') next[2 * k + 1] = 1;
        if (c === '/') next[2 * (k + 1)] = 1;
      }
    }
    close(next);
    for (let s = 0; s < next.length; s++) if (next[s]) { any = true; break; }
    if (!any) return false;
    [cur, next] = [next, cur];
  }
  return cur[2 * n] === 1;
}

/** Does the pattern match the path or one of its parent folders (how Docker applies a line)? */
export function matchesOrParent(p: IgnorePattern, path: string): boolean {
  if (p.match(path)) return true;
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    if (p.match(path.slice(0, i))) return true;
  }
  return false;
}
