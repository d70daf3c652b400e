/**
 * Plain text helpers for Go sources, shared by the workspace's body facts (the programs a
 * package runs) and the generator: comments blanked, and a file's literal constants.
 */

/** The text with `//` and `/* *\/` comments replaced by spaces (newlines kept). */
export function stripGoComments(src: string): string {
  const out: string[] = [];
  let i = 0;
  const n = src.length;
  let from = 0;
  while (i < n) {
    const c = src[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      i++;
      while (i < n && src[i] !== '`') i++;
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      out.push(src.slice(from, i));
      let e = i;
      while (e < n && src[e] !== '\n') e++;
      out.push(' '.repeat(e - i));
      i = from = e;
    } else if (c === '/' && src[i + 1] === '*') {
      out.push(src.slice(from, i));
      const close = src.indexOf('*/', i + 2);
      const e = close < 0 ? n : close + 2;
      out.push(src.slice(i, e).replace(/[^\n]/g, ' '));
      i = from = e;
    } else i++;
  }
  out.push(src.slice(from));
  return out.join('');
}

/**
 * Constants (and `var x = literal`) of one file, single-line or in a `( … )` block: name -> literal text.
 * An integer literal converted to an integer type is its digits (miguelmota/streamhut 7f1d882
 * pkg/cli/cli.go:42 `var defaultHTTPPort = uint(8080)`).
 */
export function constantsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const spec = /^[ \t]*(?:const|var)?[ \t]*([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+[A-Za-z0-9_.]+)?[ \t]*=[ \t]*(?:"([^"\\]*)"|`([^`]*)`|([0-9]{1,5})|u?int(?:8|16|32|64)?\([ \t]*([0-9]{1,5})[ \t]*\))[ \t]*$/;
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (inBlock) {
      if (/^[ \t]*\)/.test(line)) inBlock = false;
      else {
        const m = spec.exec(line);
        if (m) out.set(m[1], m[2] ?? m[3] ?? m[4] ?? m[5]);
      }
    } else if (/^[ \t]*(?:const|var)[ \t]*\([ \t]*$/.test(line)) inBlock = true;
    else if (/^[ \t]*(?:const|var)[ \t]/.test(line)) {
      const m = spec.exec(line);
      if (m) out.set(m[1], m[2] ?? m[3] ?? m[4] ?? m[5]);
    }
  }
  return out;
}
