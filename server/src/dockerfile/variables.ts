/**
 * Docker's variable substitution, the one evaluation of `$VAR`/`${VAR…}` for every reader (FROM
 * images, ENV and ARG values, words of RUN commands): $VAR, ${VAR}, the defaults ${VAR:-word},
 * ${VAR-word}, ${VAR:+alt}, and the pattern forms ${VAR%pat}, ${VAR%%pat}, ${VAR#pat},
 * ${VAR##pat}, ${VAR/pat/rep} (nerdctl's `--branch "${CONTAINERD_VERSION%%@*}"` of
 * `v2.4.0-beta.0@<commit>` is `v2.4.0-beta.0`). Returns null when a variable has no value or a
 * form is not evaluated (`${#V}`, `${V:0:3}`), so callers know the result is unknown instead of
 * guessing; never the `${…}` text as written.
 */
/** What expansion needs of the variables in scope: a Map, or a view over several (see `layered`). */
export interface VariableLookup {
  get(name: string): string | null | undefined;
}

/**
 * The variables of `front` over those of `back`, without copying either: building a merged Map
 * per lookup made a Dockerfile of n ENV lines cost n² (issue 16).
 */
export function layered(front: ReadonlyMap<string, string | null>, back: ReadonlyMap<string, string | null>): VariableLookup {
  return new Layered(front, back);
}

// A class, not a closure per view: dockerEnv makes one per stage and instruction asked.
class Layered implements VariableLookup {
  constructor(private readonly front: ReadonlyMap<string, string | null>, private readonly back: ReadonlyMap<string, string | null>) {}
  get(name: string): string | null | undefined {
    return this.front.has(name) ? this.front.get(name) : this.back.get(name);
  }
}

export function expandVariables(text: string, vars: VariableLookup): string | null {
  // Most values hold no variable: nothing to expand.
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const d = text.indexOf('$', i);
    if (d < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, d);
    if (text[d + 1] === '{') {
      const end = closingBrace(text, d + 2);
      // An unterminated `${` is text, as Docker leaves it.
      if (end < 0) {
        out += text.slice(d);
        break;
      }
      const v = braced(text.slice(d + 2, end), vars);
      if (v === null) return null;
      out += v;
      i = end + 1;
      continue;
    }
    // `$$`: the shell's process id (BuildKit: the special parameter `$`), not `$` before a name.
    if (text[d + 1] === '$') return null;
    const name = NAME.exec(text.slice(d + 1, d + 1 + MAX_NAME))?.[0];
    // `$(`, `$1`, `$@`, a lone `$`: not a variable of ours, kept as written.
    if (!name) {
      out += '$';
      i = d + 1;
      continue;
    }
    const value = vars.get(name);
    if (value === undefined || value === null) return null;
    out += value;
    i = d + 1 + name.length;
  }
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * One `$NAME` or `${NAME…}` in a text: the one reading of variable references for every rule and
 * fact that asks which ARG/ENV variables a text uses (RUN scripts, COPY words, FROM lines, exec
 * arrays, ENV values). `start` is the `$`; `end` is after the name for `$NAME`, after the `}` that
 * closes `${…}` (nested `${…}` counted), or after the name when the `${` is never closed.
 */
export interface VariableReference {
  name: string;
  start: number;
  end: number;
  /** `${…}` rather than `$NAME`. */
  braced: boolean;
  /** `${NAME}`: ''; `${NAME<op>word}`: the operator (`:-`, `-`, `:+`, `%%`, `/`…); null for `$NAME`, an unclosed `${` or a form not read (`${NAME:0:3}`, `${NAME^^}`). */
  operator: string | null;
  /** The reference as written (text.slice(start, end)). */
  text: string;
}

export interface ReferenceOptions {
  /** A backslash escapes the next character: `\$NAME` is text, `\\$NAME` a backslash and a reference (Docker's escape character and the shell's). */
  escapes?: boolean;
  /** What single quotes enclose (outside double quotes) is text, as a shell and Docker's own substitution read it. */
  quotes?: boolean;
}

/**
 * The variable references of `text`, in order, those inside another `${…}` (`${A:-$B}`) too.
 * `$$` is the shell's process id (BuildKit's lexer reads it as the special parameter `$` too),
 * never a `$` before a name: `$$NAME` reads no NAME. `${#NAME}`, `${!NAME}`, `$1`, `$@`, `$(…)` are not references of
 * ours. Without options every `$` counts, as a raw reading of the text (a FROM line, a test of
 * whether a text may use a name); with them, what a shell or Docker leaves unexpanded is skipped.
 */
export function variableReferences(text: string, opts: ReferenceOptions = {}): VariableReference[] {
  const out: VariableReference[] = [];
  if (!text.includes('$')) return out;
  const escapes = opts.escapes === true;
  const quotes = opts.quotes === true;
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    if (c === '\\' && escapes) {
      i++;
      continue;
    }
    if (quotes && c === '"') double = !double;
    else if (quotes && c === "'" && !double) single = true;
    if (c !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    const braced = next === '{';
    const from = braced ? i + 2 : i + 1;
    const name = NAME.exec(text.slice(from, from + MAX_NAME))?.[0];
    if (!name) continue;
    let end = from + name.length;
    let operator: string | null = null;
    if (braced) {
      const close = closingBrace(text, from);
      if (close >= 0) {
        const rest = text.slice(end, close);
        operator = rest === '' ? '' : OPERATOR.exec(rest)?.[1] ?? null;
        end = close + 1;
      }
    }
    out.push({ name, start: i, end, braced, operator, text: text.slice(i, end) });
    // Past the name only: a `${NAME:-$OTHER}` reads OTHER too.
    i = from + name.length - 1;
  }
  return out;
}

/** The names `text` reads (see variableReferences), in order, repeated as often as they are read. */
export function referencedNames(text: string, opts: ReferenceOptions = {}): string[] {
  return variableReferences(text, opts).map((r) => r.name);
}

/** The text reads `name` (or a name `name` accepts): `$NAME`, `${NAME}`, `${NAME:-x}`… */
export function readsVariable(text: string, name: string | ((name: string) => boolean), opts: ReferenceOptions = {}): boolean {
  if (!text.includes('$')) return false;
  const wanted = typeof name === 'string' ? (n: string) => n === name : name;
  return variableReferences(text, opts).some((r) => wanted(r.name));
}

/** BuildKit's automatic platform ARGs (TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT and the BUILD… four): global, declared by no Dockerfile. */
export const PLATFORM_ARG = /^(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)$/;
const TARGET_PLATFORM_ARG = /^TARGET(PLATFORM|OS|ARCH|VARIANT)$/;

/** The text reads one of the target platform's ARGs (`$TARGETARCH`, `${TARGETOS}`, `${TARGETPLATFORM:-linux/amd64}`). */
export function readsTargetPlatform(text: string): boolean {
  return readsVariable(text, (n) => TARGET_PLATFORM_ARG.test(n));
}

/** The target platform's ARGs the text reads, in order. */
export function targetPlatformReads(text: string): string[] {
  return referencedNames(text).filter((n) => TARGET_PLATFORM_ARG.test(n));
}

/**
 * The name when the whole text is one plain reference, `$NAME` or `${NAME}` (with `quoted`, a
 * word's raw text, also in double quotes: `"$NAME"`, `"${NAME}"`); null for any other text.
 */
export function loneVariable(text: string, quoted = false): string | null {
  if (quoted) text = text.slice(text[0] === '"' ? 1 : 0, text.length - (text.length > 1 && text[text.length - 1] === '"' ? 1 : 0));
  const refs = text[0] === '$' ? variableReferences(text) : [];
  const r = refs[0];
  return r && r.start === 0 && r.end === text.length && (r.operator === '' || !r.braced) ? r.name : null;
}

/** `$NAME` or `${NAME}`: the value as it is, no default, test or pattern. */
export function isPlainReference(ref: VariableReference): boolean {
  return !ref.braced || ref.operator === '';
}

/**
 * The text between the references `which` accepts (n references, n + 1 parts; nested ones go with
 * the reference around them): `bin/${OS}-$ARCH` -> ['bin/', '-', ''].
 */
export function splitAtVariables(text: string, which: (ref: VariableReference) => boolean, opts: ReferenceOptions = {}): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const r of variableReferences(text, opts)) {
    if (r.start < at || !which(r)) continue;
    parts.push(text.slice(at, r.start));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts;
}

/**
 * `text` with references replaced: `replace` returns the text for a reference, or undefined to
 * keep it as written (the references inside a kept `${…}` are offered in turn; those inside a
 * replaced one are gone with it).
 */
export function substituteVariables(text: string, replace: (ref: VariableReference) => string | undefined, opts: ReferenceOptions = {}): string {
  let out = '';
  let at = 0;
  for (const r of variableReferences(text, opts)) {
    if (r.start < at) continue;
    const value = replace(r);
    if (value === undefined) continue;
    out += text.slice(at, r.start) + value;
    at = r.end;
  }
  return at === 0 ? text : out + text.slice(at);
}
const MAX_NAME = 256;
const MATCH_BUDGET = 1e7;

/** The `}` that closes a `${` whose body starts at `from` (nested `${…}` and `\}` skipped); -1 when none. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '$' && text[j + 1] === '{') {
      depth++;
      j++;
    } else if (ch === '}' && --depth === 0) return j;
  }
  return -1;
}

/**
 * The operators of `${NAME<op>word}` we evaluate: defaults and alternatives (`:-`, `-`, `:+`, `+`,
 * `:?`, `?`, `:=`, `=`), prefix and suffix removal (`#`, `##`, `%`, `%%`) and replacement (`/`,
 * `//`, `/#`, `/%`), as POSIX shells and BuildKit do.
 */
const OPERATOR = /^(:?[-+?=]|%%|%|##|#|\/\/|\/#|\/%|\/)/;

/**
 * The value of `${body}`, or null when it is unknown: the variable has no value (and no default
 * applies), or the form is one we do not evaluate (`${#V}`, `${V:0:3}`, `${V^^}`, `${1}`). Never
 * the text as written: `${V%%@*}` is no literal.
 */
function braced(body: string, vars: VariableLookup): string | null {
  const name = NAME.exec(body)?.[0];
  if (!name) return null;
  const value = vars.get(name);
  const set = value !== undefined && value !== null;
  const rest = body.slice(name.length);
  if (rest === '') return set ? value : null;
  const op = OPERATOR.exec(rest)?.[1];
  if (!op) return null;
  const word = rest.slice(op.length);
  const nonEmpty = set && value !== '';
  switch (op) {
    case ':-':
    case ':=':
      return nonEmpty ? value : expandVariables(word, vars);
    case '-':
    case '=':
      return set ? value : expandVariables(word, vars);
    case ':+':
      return nonEmpty ? expandVariables(word, vars) : '';
    case '+':
      return set ? expandVariables(word, vars) : '';
    case ':?':
      return nonEmpty ? value : null;
    case '?':
      return set ? value : null;
  }
  if (!set) return null;
  // Matching a glob costs up to length^(stars + 1) steps: beyond a budget the result is unknown
  // (a hostile Dockerfile must not stall the linter).
  if ((value.length + 1) ** ((word.match(/\*/g)?.length ?? 0) + 1) > MATCH_BUDGET) return null;
  if (op.startsWith('/')) {
    const slash = unescapedSlash(word);
    const pattern = expandVariables(slash < 0 ? word : word.slice(0, slash), vars);
    const replacement = slash < 0 ? '' : expandVariables(word.slice(slash + 1), vars);
    if (pattern === null || replacement === null) return null;
    return replacePattern(value, pattern, replacement, op);
  }
  const pattern = expandVariables(word, vars);
  return pattern === null ? null : removeAffix(value, pattern, op);
}

function unescapedSlash(word: string): number {
  for (let j = 0; j < word.length; j++) {
    if (word[j] === '\\') j++;
    else if (word[j] === '/') return j;
  }
  return -1;
}

/** A shell glob (`*`, `?`, `[…]`, `\x`) as the source of a regular expression. */
function globSource(glob: string): string {
  let re = '';
  for (let j = 0; j < glob.length; j++) {
    const ch = glob[j];
    if (ch === '\\' && j + 1 < glob.length) re += escapeRegex(glob[++j]);
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else if (ch === '[' && glob.indexOf(']', j + 2) > 0) {
      const close = glob.indexOf(']', j + 2);
      let set = glob.slice(j + 1, close);
      const negate = set[0] === '!' || set[0] === '^';
      if (negate) set = set.slice(1);
      re += `[${negate ? '^' : ''}${set.replace(/[\\\]^[]/g, '\\$&')}]`;
      j = close;
    } else re += escapeRegex(ch);
  }
  return re;
}

/** The text as a regular expression that matches it literally. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `${V#p}`, `${V##p}` (shortest, longest prefix), `${V%p}`, `${V%%p}` (shortest, longest suffix). */
function removeAffix(value: string, pattern: string, op: string): string {
  if (pattern === '') return value;
  const whole = new RegExp(`^(?:${globSource(pattern)})$`);
  const n = value.length;
  if (op === '#' || op === '##') {
    for (let k = 0; k <= n; k++) {
      const at = op === '#' ? k : n - k;
      if (whole.test(value.slice(0, at))) return value.slice(at);
    }
  } else {
    for (let k = 0; k <= n; k++) {
      const at = op === '%' ? n - k : k;
      if (whole.test(value.slice(at))) return value.slice(0, at);
    }
  }
  return value;
}

/** `${V/p/r}` (first match), `${V//p/r}` (every match), `${V/#p/r}` (at the start), `${V/%p/r}` (at the end); the longest match each time. */
function replacePattern(value: string, pattern: string, replacement: string, op: string): string {
  if (pattern === '') return value;
  const source = globSource(pattern);
  if (op === '/%') {
    const whole = new RegExp(`^(?:${source})$`);
    for (let at = 0; at <= value.length; at++) if (whole.test(value.slice(at))) return value.slice(0, at) + replacement;
    return value;
  }
  const re = new RegExp(op === '/#' ? `^(?:${source})` : source, op === '//' ? 'g' : '');
  return value.replace(re, (m) => (m === '' ? m : replacement));
}
