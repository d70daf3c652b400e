/**
 * The program an exec call runs when the call names it through a variable or a field whose value
 * the package's own files give: followed through assignments (also `a, b = x, y`), flag defaults
 * (`flag.StringVar(&cfg.shell, "shell", cfg.defaultShell, …)`, `x = flag.String("x", "sh", …)`,
 * pflag's …P forms, kingpin's `.Default("sh")`), fields of literals (`Shell: "sh",`) and the
 * package's constants, a few steps at most, within one package (its files together).
 *
 * msoap/shell2http 378e751 (MIT): shell2http.go:205 `exec.CommandContext(ctx, shell, params...)`,
 * :118 `shell, params = appConfig.defaultShell, []string{appConfig.defaultShOpt, cmd}`, config.go:88
 * `cfg.defaultShell, cfg.defaultShOpt = defaultShellPOSIX, "-c"` (the `default:` of a switch on
 * runtime.GOOS), shell2http.go:38 `defaultShellPOSIX = "sh"`: every request runs `sh -c`, which a
 * runtime without a shell fails ("exec: \"sh\": executable file not found in $PATH", judge 43 G G1).
 *
 * Names are matched by their last word (`appConfig.defaultShell` and `cfg.defaultShell` are one
 * field); an assignment made only on another operating system (`case "windows":`) does not count.
 */
import { constantsOf, stripGoComments } from '../workspace/goText';
import { envGate, otherOsOnly } from '../workspace/programsRun';

export interface ExecValue {
  /** The value a call's program reaches (`sh`). */
  value: string;
  /** How: the call, then each step, e.g. `exec.CommandContext(…, shell, …) in a.go, shell = appConfig.defaultShell (a.go), defaultShell = defaultShellPOSIX = "sh" (config.go)`. */
  via: string;
}

const PATH = '[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*';
/** An exec call whose program is a variable, a field or a dereferenced flag (`*shellPath`), not a literal. */
const CALL = new RegExp(`\\bexec\\.(Command|CommandContext)\\(\\s*(?:[A-Za-z_][\\w.]*(?:\\(\\))?\\s*,\\s*)?(\\*?${PATH})\\s*[,)]`, 'g');
const MAX_STEPS = 5;

interface Source { text: string; file: string }
/** An expression given to the name; `flag`: the flag whose default it is. */
interface Step { expr: string; file: string; flag?: string }

/** The expressions of a comma list at its top level (`a, []string{x, y}` → two). */
function splitTop(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out;
}

const lastWord = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** The expressions the package's files give the variable or field `name` (matched by its last word), each with its file. */
function valuesOf(name: string, sources: readonly Source[]): Step[] {
  const out: Step[] = [];
  const n = name.replace(/[$]/g, '');
  for (const s of sources) {
    if (!s.text.includes(n)) continue;
    // Assignments: `x = e`, `x := e`, `a.x, b = e1, e2`, `var x = e`, `var x T = e`.
    for (const m of s.text.matchAll(/^[ \t]*(?:var[ \t]+)?((?:[A-Za-z_][\w.]*[ \t]*,[ \t]*)*[A-Za-z_][\w.]*)(?:[ \t]+[A-Za-z_][\w.]*)?[ \t]*:?=(?!=)[ \t]*([^\n]+?)[ \t]*$/gm)) {
      const left = m[1].split(',').map((x) => x.trim());
      const i = left.findIndex((l) => lastWord(l) === n);
      if (i < 0 || otherOsOnly(s.text, m.index!) !== null) continue;
      const right = splitTop(m[2]);
      if (right.length === left.length) out.push({ expr: right[i], file: s.file });
    }
    // A field of a literal: `Shell: "sh",` on a line of its own.
    for (const m of s.text.matchAll(new RegExp(`^[ \\t]*${n}[ \\t]*:[ \\t]*([^\\n]+?)[ \\t]*,[ \\t]*$`, 'gm'))) {
      if (otherOsOnly(s.text, m.index!) === null) out.push({ expr: m[1], file: s.file });
    }
    // flag.StringVar(&x.name, "flag", default, …), pflag's StringVarP(&x, "flag", "s", default, …).
    for (const m of s.text.matchAll(new RegExp(`\\bStringVar(P?)\\(\\s*&(${PATH})\\s*,\\s*("[^"\\\\\\n]*"|[A-Za-z_][\\w.]*)\\s*,\\s*([^]{1,300})\\)`, 'g'))) {
      if (lastWord(m[2]) !== n) continue;
      const args = splitTop(m[4]);
      const def = m[1] === 'P' ? args[1] : args[0];
      if (def !== undefined) out.push({ expr: def, file: s.file, flag: m[3] });
    }
    // x = flag.String("flag", default, …), StringP("flag", "s", default, …).
    for (const m of s.text.matchAll(new RegExp(`(?:^|[\\s(])(${PATH})\\s*:?=\\s*(?:[A-Za-z_]\\w*\\.)?String(P?)\\(\\s*("[^"\\\\\\n]*"|[A-Za-z_][\\w.]*)\\s*,\\s*([^]{1,300})\\)`, 'gm'))) {
      if (lastWord(m[1]) !== n) continue;
      const args = splitTop(m[4]);
      const def = m[2] === 'P' ? args[1] : args[0];
      if (def !== undefined) out.push({ expr: def, file: s.file, flag: m[3] });
    }
    // kingpin: x = app.Flag("flag", …).Default("sh").String()
    for (const m of s.text.matchAll(new RegExp(`(?:^|[\\s(])(${PATH})\\s*:?=\\s*(?:[A-Za-z_]\\w*\\.)*Flag\\(\\s*("[^"\\\\\\n]+")[^;{}]{0,400}?\\)\\s*\\.\\s*Default\\(\\s*("[^"\\\\\\n]*")\\s*\\)\\s*\\.\\s*String\\(\\)`, 'gm'))) {
      if (lastWord(m[1]) === n) out.push({ expr: m[3], file: s.file, flag: m[2] });
    }
  }
  return out;
}

/**
 * The values of the package's calls' programs that `wanted` accepts (`sh`, `/bin/bash`), each
 * with the way there; calls named by a literal are not this module's (workspace/programsRun.ts).
 */
export function execValues(files: readonly { file: string; text: string }[], wanted: RegExp): ExecValue[] {
  const sources = files.map((f) => ({ file: f.file, text: stripGoComments(f.text) }));
  const constants = new Map<string, { value: string; file: string }>();
  for (const s of sources) for (const [k, v] of constantsOf(s.text)) if (!constants.has(k)) constants.set(k, { value: v, file: s.file });
  const out: ExecValue[] = [];
  for (const s of sources) {
    if (!s.text.includes('exec.Command')) continue;
    for (const c of s.text.matchAll(CALL)) {
      if (otherOsOnly(s.text, c.index!) !== null || envGate(s.text, c.index!) !== null) continue;
      const start = c[2].replace(/^\*/, '');
      const call = `exec.${c[1]}(${c[1] === 'CommandContext' ? '…, ' : ''}${c[2]}, …) in ${s.file}`;
      const found = follow(start, sources, constants, wanted);
      if (found !== null && !out.some((o) => o.value === found.value)) out.push({ value: found.value, via: `${call}, ${found.path}` });
    }
  }
  return out;
}

/** Breadth first from the expression `start` to a value `wanted` accepts, or null. */
function follow(start: string, sources: readonly Source[], constants: ReadonlyMap<string, { value: string; file: string }>, wanted: RegExp): { value: string; path: string } | null {
  const seen = new Set<string>();
  let frontier: { name: string; path: string[] }[] = [{ name: start, path: [] }];
  for (let step = 0; step < MAX_STEPS && frontier.length > 0; step++) {
    const next: typeof frontier = [];
    for (const { name, path } of frontier) {
      const word = lastWord(name);
      if (seen.has(word)) continue;
      seen.add(word);
      // A constant of the package, the name bare.
      const k = name.includes('.') ? undefined : constants.get(name);
      if (k !== undefined) {
        if (wanted.test(k.value)) return { value: k.value, path: [...path, `${name} = "${k.value}" (${k.file})`].join(', ') };
        continue;
      }
      for (const v of valuesOf(word, sources)) {
        const is = v.flag !== undefined ? `${name} = flag ${v.flag.replace(/^"(.*)"$/, '-$1')} default` : `${name} =`;
        const lit = /^"([^"\\]*)"$|^`([^`]*)`$/.exec(v.expr);
        if (lit) {
          const value = lit[1] ?? lit[2];
          if (wanted.test(value)) return { value, path: [...path, `${is} "${value}" (${v.file})`].join(', ') };
          continue;
        }
        const ref = new RegExp(`^\\*?(${PATH})$`).exec(v.expr);
        if (ref && ref[1] !== 'nil') next.push({ name: ref[1], path: [...path, `${is} ${ref[1]} (${v.file})`] });
      }
    }
    frontier = next;
  }
  return null;
}
