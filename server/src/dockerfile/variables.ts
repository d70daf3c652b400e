/**
 * Docker's variable substitution for the few places we need it (FROM images, ENV values):
 * $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}. Returns null when a variable
 * has no value, so callers know the result is unknown instead of guessing.
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
  let unknown = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = vars.get(name);
    const set = value !== undefined && value !== null;
    if (op === ':-' || op === '-') {
      if (set && (op === '-' || value !== '')) return value;
      return word ?? '';
    }
    if (op === ':+' || op === '+') return set && (op === '+' || value !== '') ? (word ?? '') : '';
    if (!set) {
      unknown = true;
      return '';
    }
    return value;
  });
  return unknown ? null : out;
}
