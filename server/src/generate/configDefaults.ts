/**
 * A listen address built from a configuration field (writefreely's app.go: `bindAddress =
 * fmt.Sprintf("%s:%d", bindAddress, app.cfg.Server.Port)` … `net.Listen(network, bindAddress)`)
 * whose struct the program fills with a literal port somewhere (config/config.go's New():
 * `Server: ServerCfg{Port: 8080, Bind: "localhost"}`). The configuration decides the port at run
 * time, and the literal is only the value of the configuration that code makes (writefreely's
 * New() makes the config.ini `config generate` writes; `Load` maps the file onto an empty
 * Config), so the port is a guess, never an EXPOSE by itself. The host beside it, when the same
 * literal or the listening function sets it to loopback (`Bind: "localhost"`, `if bindAddress ==
 * "" { bindAddress = "localhost" }`), is reported: unreachable from outside a container.
 *
 * Plain text over comment-blanked sources, like the rest of the generator's readings.
 */
import { constantsOf, stripGoComments } from '../workspace/goText';
import { closingBrace } from './goSource';

export interface ConfigFieldListener {
  port: number;
  /** `net.Listen(network, bindAddress) on app.cfg.Server.Port (app.go); ServerCfg{Port: 8080} in New()`. */
  via: string;
  /** The file holding the literal (context-relative). */
  file: string;
  /** The loopback host the listener gets by default, and why (`Bind: "localhost" in the same literal`), when the sources say so. */
  loopback: { host: string; via: string } | null;
  /** The program itself gives the field this address when the configuration leaves it empty (athens's defaultPort): not a guess. */
  sure?: true;
}

interface Source { dir: string; files: readonly { file: string; text: string }[] }

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const SELECTOR = `${IDENT}(?:\\.${IDENT})+`;
/** A selector whose elements may be getter calls (nakama's `config.GetSocket().Port`). */
const GETTER_SELECTOR = `${IDENT}(?:\\(\\))?(?:\\.${IDENT}(?:\\(\\))?)+`;
const LOOPBACK = /^(?:localhost|127\.0\.0\.1|::1|\[::1\])$/;

/** The body between the brace at `open` and its match (strings and raw strings skipped), or the rest. */
function braceBody(text: string, open: number): string {
  return text.slice(open + 1, closingBrace(text, open));
}

/** The literal's own fields (nested literals' bodies blanked). */
function ownFields(body: string): string {
  let prev = '';
  let s = body;
  while (prev !== s) { prev = s; s = s.replace(/\{[^{}]*\}/g, '{}'); }
  return s;
}

/** The `{` of the innermost literal or block around `at` (strings ignored), or -1. */
function enclosingBrace(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The top-level function around `at`: its text up to `at`, and its name. */
function functionBefore(text: string, at: number): { body: string; name: string } | null {
  const start = text.lastIndexOf('\nfunc ', at);
  if (start < 0) return null;
  const end = text.indexOf('\n}', start + 1);
  if (end >= 0 && end < at) return null;
  const name = /^\nfunc[ \t]+(?:\([^)]*\)[ \t]*)?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(start, start + 200))?.[1] ?? '';
  return { body: text.slice(start, at), name };
}

/**
 * A function without a receiver that no file of the program names but its declaration: only tests
 * call it (openshift/image-registry 21af80e pkg/dockerregistry/server/test.go:37 newTestRegistry,
 * called from the package's _test.go files, whose `Server: &configuration.Server{Addr:
 * "localhost:5000"}` at :46 the program never runs; judge 42 G G6). A literal there is no default
 * of the program's. Only a function whose name or file's name says test (`newTestRegistry`,
 * test.go, testutil.go): a caller may lie in a file past the reading budget. Not main or init.
 */
function onlyTestsCall(name: string, file: string, text: string, texts: readonly { text: string }[]): boolean {
  if (name === '' || name === 'main' || name === 'init') return false;
  if (!/(?:^|[a-z0-9_])Test|^test/.test(name) && !/^test(?:s|ing|_?utils?|_?helpers?)?(?:_[a-z0-9]+)*\.go$/i.test(file.slice(file.lastIndexOf('/') + 1))) return false;
  if (!new RegExp(`^func[ \\t]+${name}[ \\t]*[(\\[]`, 'm').test(text)) return false;
  return namesIn(texts).get(name) === 1;
}

/** How often each identifier occurs in the texts (strings' words too), counted once per set of texts. */
const nameCounts = new WeakMap<readonly { text: string }[], Map<string, number>>();
function namesIn(texts: readonly { text: string }[]): Map<string, number> {
  let counts = nameCounts.get(texts);
  if (counts === undefined) {
    counts = new Map();
    for (const t of texts) for (const m of t.text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    nameCounts.set(texts, counts);
  }
  return counts;
}

/** The arguments of the call whose arguments start at `from` (strings and brackets respected), as written. */
function callArgs(text: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = from; i < text.length && i < from + 400; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      cur += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) { args.push(cur.trim()); return args; }
      depth--;
    } else if (c === ',' && depth === 0) { args.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  return args;
}

/** `fmt.Sprintf("%s:%d", host, x.Port)` → host and the port selector; `fmt.Sprintf(":%d", x.Port)` → no host. */
function hostPort(expr: string): { host: string | null; port: string } | null {
  const two = new RegExp(`^fmt\\.Sprintf\\(\\s*"%[sv]:%d"\\s*,\\s*(${IDENT}(?:\\(\\))?(?:\\.${IDENT}(?:\\(\\))?)*)\\s*,\\s*(${GETTER_SELECTOR})\\s*\\)$`).exec(expr);
  if (two) return { host: two[1], port: two[2] };
  // `net.JoinHostPort(cfg.Exporter.Host, strconv.Itoa(cfg.Exporter.Port))` (redpanda-data/kminion's main.go).
  const join = new RegExp(`^net\\.JoinHostPort\\(\\s*(${IDENT}(?:\\(\\))?(?:\\.${IDENT}(?:\\(\\))?)*)\\s*,\\s*(?:strconv\\.Itoa|fmt\\.Sprint)\\(\\s*(?:int\\(\\s*)?(${GETTER_SELECTOR})\\s*\\)?\\s*\\)\\s*\\)$`).exec(expr);
  if (join) return { host: join[1], port: join[2] };
  const one = new RegExp(`^fmt\\.Sprintf\\(\\s*":%d"\\s*,\\s*(${SELECTOR})\\s*\\)$`).exec(expr) ?? new RegExp(`^":"\\s*\\+\\s*strconv\\.Itoa\\(\\s*(${SELECTOR})\\s*\\)$`).exec(expr);
  return one ? { host: null, port: one[1] } : null;
}

/**
 * Listen calls on a configuration field's port, with the literal the program fills that field
 * with: one port for the field's struct type in all the packages' literals, or nothing.
 */
export function configFieldListeners(pkgs: readonly Source[], unset?: string[]): ConfigFieldListener[] {
  const texts = pkgs.flatMap((p) => p.files.map((f) => ({ file: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  const out: ConfigFieldListener[] = [];
  for (const { file, text } of texts) {
    const calls: { at: number; arg: string; shown: string }[] = [];
    for (const m of text.matchAll(/\bnet\.Listen\(/g)) {
      const a = callArgs(text, m.index! + m[0].length);
      if (a.length === 2) calls.push({ at: m.index!, arg: a[1], shown: `net.Listen(${a[0]}, ${a[1]})` });
    }
    for (const m of text.matchAll(/\b((?:\w+\.)?ListenAndServe)\(/g)) {
      const a = callArgs(text, m.index! + m[0].length);
      if (a.length >= 1) calls.push({ at: m.index!, arg: a[0], shown: `${m[1]}(${a[0]}, …)` });
    }
    // exporter-toolkit's `web.ListenAndServe(srv, &web.FlagConfig{WebListenAddresses: &addrs, …}, logger)`
    // with `addrs := []string{cfg.Server.Listen}` (enix/x509-certificate-exporter 5381261
    // cmd/x509-certificate-exporter/main.go:267-272): the one address of that list.
    if (/"github\.com\/prometheus\/exporter-toolkit\/web"/.test(text)) {
      for (const m of text.matchAll(/\bWebListenAddresses\s*:\s*&([A-Za-z_]\w*)/g)) {
        const fn = functionBefore(text, m.index!);
        const list = fn ? new RegExp(`(?:^|[\\s;])${m[1]}[ \\t]*:?=[ \\t]*\\[\\]string\\{([^{}\\n,]+)\\}[ \\t]*(?:\\n|;|$)`).exec(fn.body) : null;
        // The call comes after the FlagConfig, in the same function.
        const end = text.indexOf('\n}', m.index!);
        if (list && /\bweb\.ListenAndServe\(/.test(text.slice(m.index!, end < 0 ? undefined : end))) calls.push({ at: m.index!, arg: list[1].trim(), shown: `web.ListenAndServe(…, &web.FlagConfig{WebListenAddresses: &${m[1]}}, …) with ${m[1]} := []string{${list[1].trim()}}` });
      }
    }
    for (const m of text.matchAll(/\bhttp\.Server\s*\{/g)) {
      const own = ownFields(braceBody(text, m.index! + m[0].length - 1));
      // A Sprintf whole, its commas and getter calls included (nakama's `Addr: fmt.Sprintf("%v:%d", config.GetConsole().Address, config.GetConsole().Port)`).
      const addr = /\bAddr\s*:\s*(fmt\.Sprintf\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\))/.exec(own) ?? /\bAddr\s*:\s*([^,\n]+?)\s*(?:,|\n|$)/.exec(own);
      if (addr) calls.push({ at: m.index!, arg: addr[1], shown: `http.Server{Addr: ${addr[1]}}` });
    }
    for (const c of calls) {
      const fn = functionBefore(text, c.at);
      // The profiler's listener is never the program's (x509-certificate-exporter's
      // internal/server/pprof.go `http.Server{Addr: opts.Listen}`, a Pprof struct's Listen).
      if (/pprof|profil/i.test(file) || /pprof|profil/i.test(fn?.name ?? '')) continue;
      if (onlyTestsCall(fn?.name ?? '', file, text, texts)) continue;
      let expr = c.arg;
      if (new RegExp(`^${IDENT}$`).test(expr) && fn) {
        // The variable's last assignment before the call (`bindAddress = fmt.Sprintf(…)`).
        const a = [...fn.body.matchAll(new RegExp(`(?:^|[\\s;])${expr}[ \\t]*:?=[ \\t]*([^\\n;]+?)[ \\t]*(?:\\n|;|$)`, 'g'))].pop();
        if (!a) continue;
        expr = a[1];
      }
      const hp = hostPort(expr);
      if (!hp) {
        const whole = addressField(expr, texts, file, c.shown);
        if (whole === 'unset') {
          if (unset !== undefined && !unset.includes(`${c.shown} in ${file}`)) unset.push(`${c.shown} in ${file}`);
        } else if (whole && !out.some((o) => o.port === whole.port && o.via === whole.via)) out.push(whole);
        continue;
      }
      // A getter stands for the field it returns (`GetSocket()`: Socket).
      const parts = hp.port.split('.').map((x) => x.replace(/\(\)$/, '').replace(/^Get(?=[A-Z])/, ''));
      const field = parts[parts.length - 1];
      const owner = parts[parts.length - 2];
      if (!/port$/i.test(field)) continue;
      // The owner's struct type: the type of the field named like it (`Server ServerCfg`), one only.
      const types = new Set<string>();
      const qualifiers = new Set<string>();
      for (const t of texts) {
        for (const m of t.text.matchAll(new RegExp(`^[ \\t]+${owner}[ \\t]+\\*?(?:(${IDENT})\\.)?(${IDENT})[ \\t]*(?:\`[^\`\\n]*\`)?[ \\t]*$`, 'gm'))) {
          types.add(m[2]);
          qualifiers.add(m[1] ?? '');
        }
      }
      if (types.size !== 1) continue;
      const type = [...types][0];
      // The package the type lives in, when the field names it (`Exporter prometheus.Config`).
      const typePackage = qualifiers.size === 1 && [...qualifiers][0] !== '' ? [...qualifiers][0] : null;
      // The literals of that type that set the field: one numeric value.
      const found: { port: number; file: string; func: string; host: string | null }[] = [];
      for (const t of texts) {
        for (const m of t.text.matchAll(new RegExp(`(?:^|[^A-Za-z0-9_.])(?:${IDENT}\\.)?${type}[ \\t]*\\{`, 'gm'))) {
          const own = ownFields(braceBody(t.text, m.index! + m[0].length - 1));
          const v = new RegExp(`(?:^|[\\s,{])${field}[ \\t]*:[ \\t]*([0-9]{1,5})[ \\t]*(?:,|\\n|$)`).exec(own)?.[1];
          if (v === undefined) continue;
          if (onlyTestsCall(functionBefore(t.text, m.index!)?.name ?? '', t.file, t.text, texts)) continue;
          const hostField = hp.host !== null ? hostFieldOf(hp.host, fn?.body ?? '', owner) : null;
          const hostValue = hostField !== null ? new RegExp(`(?:^|[\\s,{])${hostField}[ \\t]*:[ \\t]*"([^"\\n]*)"`).exec(own)?.[1] ?? null : null;
          found.push({ port: Number(v), file: t.file, func: functionBefore(t.text, m.index!)?.name ?? '', host: hostField !== null && hostValue !== null ? `${hostField}: "${hostValue}"` : null });
        }
      }
      // A method of the type that sets the field (kminion's prometheus/config.go: `func (c *Config)
      // SetDefaults() { c.Port = 8080 … }`): in the type's own package when the field names it.
      const setters: { port: number; file: string; func: string }[] = [];
      for (const t of texts) {
        if (typePackage !== null && !new RegExp(`^package[ \\t]+${typePackage}\\b`, 'm').test(t.text)) continue;
        for (const m of t.text.matchAll(new RegExp(`^func[ \\t]*\\([ \\t]*(${IDENT})[ \\t]+\\*?${type}[ \\t]*\\)[ \\t]*(${IDENT})[ \\t]*\\([^)]*\\)[^{\\n]*\\{`, 'gm'))) {
          const body = braceBody(t.text, m.index! + m[0].length - 1);
          const v = new RegExp(`(?:^|[\\s;])${m[1]}\\.${field}[ \\t]*=[ \\t]*([0-9]{1,5})[ \\t]*(?:\\n|;|$)`, 'm').exec(body)?.[1];
          if (v !== undefined) setters.push({ port: Number(v), file: t.file, func: m[2] });
        }
      }
      if (found.length === 0 && setters.length > 0) {
        const ports = new Set(setters.map((x) => x.port));
        const d = setters[0];
        if (ports.size !== 1 || d.port < 1 || d.port > 65535) continue;
        const shown = `${c.shown} on ${hp.port} (${file}), which ${type}.${d.func}() sets to ${d.port} (${d.file})`;
        // A method named for defaults gives the value the configuration starts from: the port unless configured.
        if (!out.some((o) => o.port === d.port && o.via === shown)) out.push({ port: d.port, via: shown, file: d.file, loopback: null, ...(/default/i.test(d.func) ? { sure: true as const } : {}) });
        continue;
      }
      const ports = new Set(found.map((f) => f.port));
      if (ports.size !== 1 || found[0].port < 1 || found[0].port > 65535) continue;
      const lit = found[0];
      const hostLit = lit.host !== null && LOOPBACK.test(/"([^"]*)"/.exec(lit.host)![1]) ? lit.host : null;
      // The listening function itself falls back to loopback (`if bindAddress == "" { bindAddress = "localhost" }`).
      const fallback = hp.host !== null && new RegExp(`^${IDENT}$`).test(hp.host) && fn
        ? new RegExp(`\\b${hp.host}[ \\t]*=[ \\t]*"(localhost|127\\.0\\.0\\.1)"`).exec(fn.body)?.[1] ?? null
        : null;
      const loopback = hostLit !== null || fallback !== null
        ? {
          host: hostLit !== null ? /"([^"]*)"/.exec(hostLit)![1] : fallback!,
          via: [hostLit !== null ? `${type}{${hostLit}} in ${lit.func === '' ? lit.file : `${lit.func}() (${lit.file})`}` : null, fallback !== null ? `${hp.host} = "${fallback}" when unset (${file})` : null].filter((x) => x !== null).join('; '),
        }
        : null;
      const shown = `${c.shown} on ${hp.port} (${file}), which ${type}{${field}: ${lit.port}} in ${lit.func === '' ? 'a package-level literal' : `${lit.func}()`} sets`;
      if (!out.some((o) => o.port === lit.port && o.via === shown)) out.push({ port: lit.port, via: shown, file: lit.file, loopback });
    }
  }
  return out;
}

/**
 * A listen call on a configuration field that holds the whole address (athens's
 * `net.Listen("tcp", conf.Port)`, Port ":3000"): the address the program gives the field when the
 * configuration leaves it empty (`if config.Port == "" { config.Port = defaultPort }` with `const
 * defaultPort = ":3000"`: sure, whatever the configuration file holds), else the one address the
 * program's literals set it to (`Port: ":3000"` in defaultConfig(): a guess). Not a profiler's or
 * debug listener's field (`PprofPort`). 'unset' when no literal of the program sets the field.
 */
function addressField(expr: string, texts: readonly { file: string; text: string }[], file: string, shown: string): ConfigFieldListener | 'unset' | null {
  if (!new RegExp(`^${SELECTOR}$`).test(expr)) return null;
  const field = expr.slice(expr.lastIndexOf('.') + 1);
  // Nor an ACME challenge responder's (lightningnetwork/lnd config.go `LetsEncryptListen:
  // defaultLetsEncryptListen` = ":80", tls_manager.go `http.Server{Addr: t.cfg.LetsEncryptListen}`).
  if (!/(?:port|addr|address|listen)$/i.test(field) || /pprof|profil|debug|metric|admin|grpc|letsencrypt|acme|autocert|challenge/i.test(field)) return null;
  const address = (v: string): number | null => {
    const m = /^(?:0\.0\.0\.0|\[::\]|::)?:([0-9]{1,5})$/.exec(v);
    return m && Number(m[1]) >= 1 && Number(m[1]) <= 65535 ? Number(m[1]) : null;
  };
  // The fallback when empty: `if x.Port == "" { x.Port = defaultPort }`. The field with the most of
  // its owners after the variable first (`cfg.Server.Listen`: Server.Listen), so another struct's
  // field of the same name (x509-certificate-exporter's Diagnostics.Pprof.Listen) is not taken for it.
  const parts = expr.split('.');
  for (let from = 1; from < parts.length; from++) {
    const path = parts.slice(from).join('\\.');
    for (const t of texts) {
      if (!t.text.includes(`.${field} == ""`)) continue;
      const m = new RegExp(`\\bif[ \\t]+${IDENT}(?:\\.${IDENT})*\\.${path}[ \\t]*==[ \\t]*""[ \\t]*\\{\\s*${IDENT}(?:\\.${IDENT})*\\.${path}[ \\t]*=[ \\t]*(?:"([^"\\n]*)"|(${IDENT}))\\s*\\}`).exec(t.text);
      if (!m) continue;
      // A constant of the file, also in a `const ( … )` block (x509-certificate-exporter's
      // internal/config/config.go:44-45 `DefaultListenAddress = ":9793"`, :332-333 the fallback).
      const value = m[1] ?? new RegExp(`\\bconst[ \\t]+${m[2]}[ \\t]*=[ \\t]*"([^"\\n]*)"`).exec(t.text)?.[1] ?? constantsOf(t.text).get(m[2]);
      const port = value === undefined ? null : address(value);
      if (port === null) continue;
      const fn = functionBefore(t.text, m.index);
      return { port, via: `${shown} (${file}), which ${fn && fn.name !== '' ? `${fn.name}() (${t.file})` : t.file} sets to "${value}" when the configuration leaves ${field} empty`, file: t.file, loopback: null, sure: true };
    }
  }
  // The literals that set it: one address. Also through a constant of the literal's file
  // (ironsmile/euterpe bbd9272 src/config/config.go:30 `defaultlistAddress = "localhost:9996"`, :46
  // `Listen: defaultlistAddress` in defaultConfig): a loopback address is reported as such.
  const found: { port: number; file: string; value: string; shown: string; loopback: string | null }[] = [];
  for (const t of texts) {
    for (const m of t.text.matchAll(new RegExp(`(?:^|[\\s,{])${field}[ \\t]*:[ \\t]*(?:"([^"\\n]*)"|(${IDENT})[ \\t]*(?=,|\\n|\\}))`, 'g'))) {
      if (onlyTestsCall(functionBefore(t.text, m.index!)?.name ?? '', t.file, t.text, texts)) continue;
      const value = m[1] ?? constantsOf(t.text).get(m[2]);
      if (value === undefined) continue;
      // A literal that also switches its service off (minekube/gate a8bd4dc
      // pkg/util/connectutil/config/config.go:12-14 `Service: Service{Enabled: false, Addr:
      // "localhost:8443", …}`; setup.go:38 `if c.Service.Enabled {`): no listener by default.
      const open = enclosingBrace(t.text, m.index!);
      if (open >= 0 && /(?:^|[\s,{])Enabled?[ \t]*:[ \t]*false\b/.test(ownFields(braceBody(t.text, open)))) continue;
      const shown = m[1] !== undefined ? `${field}: "${value}"` : `${field}: ${m[2]} ("${value}")`;
      const port = address(value);
      if (port !== null) {
        found.push({ port, file: t.file, value, shown, loopback: null });
        continue;
      }
      const lb = /^(localhost|127\.0\.0\.1|\[::1\]):([0-9]{1,5})$/.exec(value);
      if (lb && Number(lb[2]) >= 1 && Number(lb[2]) <= 65535) found.push({ port: Number(lb[2]), file: t.file, value, shown, loopback: lb[1] });
    }
  }
  // No literal of the program sets it (openshift/image-registry 21af80e
  // pkg/cmd/dockerregistry/dockerregistry.go `http.Server{Addr: dockerConfig.HTTP.Addr}`, the
  // configuration file's http.addr): 'unset', the configuration alone decides.
  if (found.length === 0) {
    // Set nowhere: no `Field:` of a literal (whatever its value: celestia-node's `Addr:
    // net.JoinHostPort(address, port)`) outside functions only tests call, no `x.Field = …`.
    // The listen call's own literal (`http.Server{Addr: dockerConfig.HTTP.Addr}`) does not count.
    const key = new RegExp(`(?:^|[\\s,{])${field}[ \\t]*:(?!=)(?![ \\t]*${expr.replace(/\./g, '\\.')}[ \\t]*(?:,|\\n|\\}))`, 'g');
    const keyed = texts.some((t) => [...t.text.matchAll(key)].some((m) => !onlyTestsCall(functionBefore(t.text, m.index!)?.name ?? '', t.file, t.text, texts)));
    return keyed || texts.some((t) => new RegExp(`\\.${field}[ \\t]*=[^=]`).test(t.text)) ? null : 'unset';
  }
  // Addresses on every interface decide when there are any; loopback ones only without them.
  const external = found.filter((f) => f.loopback === null);
  const kept = external.length > 0 ? external : found;
  if (kept.length === 0 || new Set(kept.map((f) => f.port)).size !== 1) return null;
  const loopback = external.length === 0 && new Set(kept.map((f) => f.loopback)).size === 1 ? { host: kept[0].loopback!, via: `${kept[0].shown} in ${kept[0].file}` } : null;
  if (external.length === 0 && loopback === null) return null;
  return { port: kept[0].port, via: `${shown} (${file}), which ${kept[0].shown} in ${kept[0].file} sets`, file: kept[0].file, loopback };
}

/**
 * The field of the same owner a host expression reads: the expression itself (`app.cfg.Server.Bind`)
 * or a variable the function first sets from it (`var bindAddress = app.cfg.Server.Bind`).
 */
function hostFieldOf(host: string, body: string, owner: string): string | null {
  let sel = host;
  if (new RegExp(`^${IDENT}$`).test(host)) {
    const first = new RegExp(`(?:^|[\\s;])(?:var[ \\t]+)?${host}(?:[ \\t]+string)?[ \\t]*:?=[ \\t]*(${SELECTOR})[ \\t]*(?:\\n|;|$)`).exec(body);
    if (!first) return null;
    sel = first[1];
  }
  const parts = sel.split('.').map((x) => x.replace(/\(\)$/, '').replace(/^Get(?=[A-Z])/, ''));
  return parts.length >= 2 && parts[parts.length - 2] === owner ? parts[parts.length - 1] : null;
}

/** A listen address whose port (and host) are configuration fields read through viper with a default. */
export interface ViperDefaultListener {
  port: number;
  external: boolean;
  /** `router.Run(address) on appConfig.Port (internal/web/webgui.go), viper.SetDefault("PORT", "8855")`. */
  via: string;
  /** The file holding the SetDefault call. */
  file: string;
  address: string;
}

const FRAMEWORK_IMPORT = /"github\.com\/(?:gin-gonic\/gin|labstack\/echo[^"]*|gofiber\/fiber[^"]*)"/;

/**
 * A listen call on `cfg.Host + ":" + cfg.Port` (or `":" + cfg.Port`, `fmt.Sprintf("%s:%s", …)`),
 * held in a variable or written in the call, where the program sets those fields from viper keys
 * (`config.Port, _ = viper.Get("PORT").(string)`, `viper.GetString("PORT")`) that it gives a
 * default (`viper.SetDefault("PORT", "8855")`): AnyAppStart's web GUI. The default is what the
 * program listens on unless its configuration file or the environment says otherwise, as with a
 * flag's default.
 */
export function viperDefaultListeners(pkgs: readonly Source[]): ViperDefaultListener[] {
  const texts = pkgs.flatMap((p) => p.files.map((f) => ({ file: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  if (!texts.some((t) => t.text.includes('viper.SetDefault('))) return [];
  const defaults = new Map<string, { key: string; value: string; file: string; written: string }[]>();
  for (const t of texts) {
    for (const m of t.text.matchAll(/\bviper\.SetDefault\(\s*"([^"\n]+)"\s*,\s*(?:"([^"\\\n]*)"|([0-9]{1,5}))\s*\)/g)) {
      const k = m[1].toLowerCase();
      defaults.set(k, [...(defaults.get(k) ?? []), { key: m[1], value: m[2] ?? m[3], file: t.file, written: m[2] !== undefined ? `"${m[2]}"` : m[3] }]);
    }
  }
  // viper.Unmarshal fills a struct's fields from the keys their `mapstructure:"…"` tags name
  // (librespeed/speedtest-go 7001fa4 config/config.go:10 `Port string \`mapstructure:"listen_port"\``,
  // :42 `viper.SetDefault("listen_port", "8989")`, :70 `viper.Unmarshal(&conf)`).
  const unmarshals = texts.some((t) => /\bviper\.Unmarshal\(/.test(t.text));
  /** The one default of the viper key a field is set from, anywhere in the program; null when not plain. */
  const fieldDefault = (field: string): { key: string; value: string; file: string; written: string } | null => {
    const keys = new Set<string>();
    for (const t of texts) {
      for (const m of t.text.matchAll(new RegExp(`\\.${field}[ \\t]*(?:,[ \\t]*_[ \\t]*)?=[ \\t]*viper\\.Get(?:String|Int)?\\(\\s*"([^"\\n]+)"\\s*\\)`, 'g'))) keys.add(m[1].toLowerCase());
      if (unmarshals) for (const m of t.text.matchAll(new RegExp(`^[ \\t]*${field}[ \\t]+[A-Za-z0-9_.]+[ \\t]+\`[^\`\\n]*\\bmapstructure:"([^",\\n]+)"`, 'gm'))) keys.add(m[1].toLowerCase());
    }
    if (keys.size !== 1) return null;
    const key = [...keys][0];
    const ds = defaults.get(key) ?? [];
    if (new Set(ds.map((d) => d.value)).size !== 1) return null;
    return { key: ds[0].key, value: ds[0].value, file: ds[0].file, written: ds[0].written };
  };
  /** A string field viper.Unmarshal fills from a key no SetDefault names: empty unless configured. */
  const unsetKey = (field: string): string | null => {
    if (!unmarshals) return null;
    const keys = new Set<string>();
    for (const t of texts) for (const m of t.text.matchAll(new RegExp(`^[ \\t]*${field}[ \\t]+string[ \\t]+\`[^\`\\n]*\\bmapstructure:"([^",\\n]+)"`, 'gm'))) keys.add(m[1]);
    return keys.size === 1 && !defaults.has([...keys][0].toLowerCase()) ? [...keys][0] : null;
  };
  const out: ViperDefaultListener[] = [];
  for (const { file, text } of texts) {
    const calls: { at: number; arg: string; shown: string }[] = [];
    for (const m of text.matchAll(/\b((?:\w+\.)?ListenAndServe(?:TLS)?)\(/g)) {
      const a = callArgs(text, m.index! + m[0].length);
      if (a.length >= 1) calls.push({ at: m.index!, arg: a[0], shown: `${m[1]}(${a[0]}, …)` });
    }
    for (const m of text.matchAll(/\bnet\.Listen\(/g)) {
      const a = callArgs(text, m.index! + m[0].length);
      if (a.length === 2) calls.push({ at: m.index!, arg: a[1], shown: `net.Listen(${a[0]}, ${a[1]})` });
    }
    if (FRAMEWORK_IMPORT.test(text)) {
      for (const m of text.matchAll(/\.(Run|Start|Listen)\(/g)) {
        const a = callArgs(text, m.index! + m[0].length);
        if (a.length === 1 && a[0] !== '') calls.push({ at: m.index!, arg: a[0], shown: `.${m[1]}(${a[0]})` });
      }
    }
    for (const c of calls) {
      let expr = c.arg;
      if (new RegExp(`^${IDENT}$`).test(expr)) {
        const fn = functionBefore(text, c.at);
        const a = fn ? [...fn.body.matchAll(new RegExp(`(?:^|[\\s;])${expr}[ \\t]*:?=[ \\t]*([^\\n;]+?)[ \\t]*(?:\\n|;|$)`, 'g'))].pop() : undefined;
        if (!a) continue;
        expr = a[1];
      }
      const joined = new RegExp(`^(?:(${SELECTOR})[ \\t]*\\+[ \\t]*)?":"[ \\t]*\\+[ \\t]*(${SELECTOR})$`).exec(expr)
        ?? new RegExp(`^(?:fmt\\.Sprintf\\(\\s*"%s:%s"\\s*|net\\.JoinHostPort\\(\\s*)\\s*(${SELECTOR})\\s*,\\s*(${SELECTOR})\\s*\\)$`).exec(expr);
      if (!joined) continue;
      const portField = joined[2].split('.').pop()!;
      if (!/port$/i.test(portField)) continue;
      const port = fieldDefault(portField);
      if (!port || !/^[0-9]{1,5}$/.test(port.value) || Number(port.value) < 1 || Number(port.value) > 65535) continue;
      const host = joined[1] !== undefined ? fieldDefault(joined[1].split('.').pop()!) : null;
      // A host field with no plain default: where the program listens is the configuration's to
      // say; but one viper.Unmarshal fills from a key nothing gives a default is empty (all
      // interfaces) unless configured, as the port is its default unless configured.
      const unset = joined[1] !== undefined && host === null ? unsetKey(joined[1].split('.').pop()!) : null;
      if (joined[1] !== undefined && host === null && unset === null) continue;
      const hostValue = host?.value ?? '';
      const external = hostValue === '' || hostValue === '0.0.0.0' || hostValue === '::' || hostValue === '[::]';
      const setDefault = (d: { key: string; written: string }) => `viper.SetDefault("${d.key}", ${d.written})`;
      const via = `${c.shown} on ${expr.startsWith('net.JoinHostPort(') ? `net.JoinHostPort(${joined[1]}, ${joined[2]})` : `${joined[1] !== undefined ? `${joined[1]} + ":" + ` : '":" + '}${joined[2]}`} (${file}), with ${host ? `${setDefault(host)} and ` : unset !== null ? `no default for "${unset}" (empty: all interfaces) and ` : ''}${setDefault(port)}`;
      out.push({ port: Number(port.value), external, via, file: port.file, address: `${hostValue}:${port.value}` });
    }
  }
  return out;
}
