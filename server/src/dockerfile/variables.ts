/**
 * Docker's variable substitution for the few places we need it (FROM images, ENV values):
 * $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}. Returns null when a variable
 * has no value, so callers know the result is unknown instead of guessing.
 */
export function expandVariables(text: string, vars: ReadonlyMap<string, string | null>): string | null {
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
