/**
 * What the generator reads from the bodies of a main package's .go files (the workspace model
 * keeps only headers): the literal ports the program clearly listens on, and a package-level
 * `version` string variable a build can stamp with `-ldflags -X`.
 *
 * Comments are blanked first (strings, raw strings and runes kept), so commented-out code
 * never counts. Everything is a conservative text match: a port held in a variable or a flag
 * default is not "clearly" a listen port and is not reported.
 */

import { stripGoComments } from '../workspace/goText';

// Comment blanking is the workspace's (it finds the programs a package runs with it).
export { stripGoComments };

export interface ListenAddress {
  /** The address literal, e.g. `:8080`, `0.0.0.0:9000`, `localhost:8080`. */
  address: string;
  port: number;
  /** Reachable from outside the container: no host, `0.0.0.0` or `[::]`. */
  external: boolean;
  /** The call that names it, e.g. `http.ListenAndServe(":8080")`. */
  via: string;
  /** File name it was found in. */
  file: string;
}

/** Web frameworks whose `.Run(":8080")` / `.Start(…)` / `.Listen(…)` start a server. */
const FRAMEWORKS = ['github.com/gin-gonic/gin', 'github.com/labstack/echo', 'github.com/gofiber/fiber'];

function parseAddress(address: string): { port: number; external: boolean } | null {
  const m = /^(\[[^\]]*\]|[^:\s]*):([0-9]{1,5})$/.exec(address);
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return null;
  const host = m[1];
  return { port, external: host === '' || host === '0.0.0.0' || host === '[::]' || host === '::' };
}

/**
 * Literal listen addresses in one file: `http.ListenAndServe(":8080", …)`,
 * `ListenAndServeTLS(":8443", …)`, `net.Listen("tcp", ":9000")`, `http.Server{Addr: ":8080"}`,
 * and with gin/echo/fiber imported, `.Run(":8080")`, `.Start(":8080")`, `.Listen(":3000")`.
 */
export function listenAddresses(file: string, source: string, imports: readonly string[] = []): ListenAddress[] {
  const text = stripGoComments(source);
  const out: ListenAddress[] = [];
  const add = (address: string, via: string) => {
    const a = parseAddress(address);
    if (a && !out.some((o) => o.address === address)) out.push({ address, ...a, via, file });
  };
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/\b((?:\w+\.)?ListenAndServe(?:TLS)?)\(\s*"([^"\\]*)"/g, (m) => `${m[1]}("${m[2]}", …)`],
    [/\b(net\.Listen(?:Packet)?)\(\s*"(tcp|tcp4|tcp6|udp|udp4|udp6)"\s*,\s*"([^"\\]*)"/g, (m) => `${m[1]}("${m[2]}", "${m[3]}")`],
  ];
  for (const [re, via] of patterns) for (let m = re.exec(text); m; m = re.exec(text)) add(m[m.length - 1], via(m));
  const server = /\bhttp\.Server\s*\{/g;
  for (let m = server.exec(text); m; m = server.exec(text)) {
    const body = text.slice(m.index + m[0].length, matchingBrace(text, m.index + m[0].length - 1));
    const addr = /\bAddr\s*:\s*"([^"\\]*)"/.exec(body);
    if (addr) add(addr[1], `http.Server{Addr: "${addr[1]}"}`);
  }
  if (imports.some((i) => FRAMEWORKS.some((f) => i === f || i.startsWith(f + '/')))) {
    const fw = /\.(Run|Start|Listen)\(\s*"([^"\\]*)"\s*\)/g;
    for (let m = fw.exec(text); m; m = fw.exec(text)) add(m[2], `.${m[1]}("${m[2]}")`);
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

export interface VersionVariable {
  /** `version` or `Version`. */
  name: string;
  file: string;
  /** The string it is initialised to ('' when none); null when the literal cannot be read. */
  initial: string | null;
}

const VERSION_NAMES = ['version', 'Version'];

/**
 * A package-level string variable named `version` (or `Version`) that `-X main.<name>=…` can
 * set: `var version string`, `var version = "dev"`, `var version string = "dev"`, also inside a
 * `var ( … )` block. (`-X` cannot set constants or variables initialised by an expression.)
 */
export function versionVariable(file: string, source: string): VersionVariable | null {
  const text = stripGoComments(source);
  const spec = (name: string) => new RegExp(`^[ \\t]*${name}[ \\t]+(?:string\\b(?![ \\t]*=[ \\t]*[^"\`\\s])|=[ \\t]*["\`])`, 'm');
  const found = (name: string, rest: string): VersionVariable => ({ name, file, initial: initialValue(rest) });
  for (const name of VERSION_NAMES) {
    const single = new RegExp(`^var[ \\t]+${name}[ \\t]+(?:string\\b(?![ \\t]*=[ \\t]*[^"\`\\s])|=[ \\t]*["\`])`, 'm');
    const m = single.exec(text);
    if (m) return found(name, text.slice(m.index));
  }
  const block = /^var[ \t]*\(([\s\S]*?)^\)/gm;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    for (const name of VERSION_NAMES) {
      const v = spec(name).exec(m[1]);
      if (v) return found(name, m[1].slice(v.index));
    }
  }
  return null;
}

/**
 * The string literal a declaration sets, from the text where it starts (`version = "0.17.0"` ->
 * `0.17.0`); '' without one (`var version string`); null when it cannot be read (escapes).
 */
function initialValue(rest: string): string | null {
  const m = /^[^=\n]*=[ \t]*(?:"([^"\\\n]*)"|`([^`]*)`)/.exec(rest);
  if (m) return m[1] ?? m[2];
  return /^[^=\n]*=/.test(rest) ? null : '';
}

/**
 * A version a source sets that an unstamped build should keep (glider's `version = "0.17.0"`):
 * one with a digit that is not all zeros. Placeholders such as "", "dev", "unknown", "(devel)"
 * or "0.0.0" mean "stamp me".
 */
export function isRealVersion(v: string | null): boolean {
  return v !== null && /\d/.test(v) && !/^v?0+(\.0+)*([-+].*)?$/.test(v);
}
