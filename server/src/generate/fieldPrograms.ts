/**
 * Programs run through a field of the package's own struct type (openfaas/faas-cli's
 * `exec.Command(v.cmd, …)`, every vcsCmd literal `cmd: "git"`): what the loader's reading of exec
 * calls (workspace/programsRun.ts) leaves as a call whose program the data names, resolved from
 * the package's literals. The generator's only: GD208 keeps its reading.
 */
import { stripGoComments } from '../workspace/goText';
import { closingBrace } from './goSource';
import { envGate, otherOsOnly, PROGRAM_NAME, type DataNamedRun, type ProgramRun } from '../workspace/programsRun';

/**
 * The programs a package runs through an unexported string field of one of its own struct types
 * (openfaas/faas-cli ee4db09 versioncontrol/core.go:45-51: `exec.LookPath(v.cmd)` and
 * `exec.Command(v.cmd, args...)` in `func (v *vcsCmd) run(…)`, with every `vcsCmd` literal of
 * the package, versioncontrol/git.go, setting `cmd: "git"`): a call of `dataNamed` whose program
 * is `X.f`, where X is the receiver or a parameter of the calling function typed `T` or `*T`, T
 * is a struct type the package declares with `f string`, and f is unexported, so only the package
 * sets it. Counted only when every `T{…}` literal of the package sets f to a literal naming a
 * program, every assignment to `.f` is such a literal, and nothing else can make a T (no `new(T)`,
 * no `var x T`, no literal without its type: `[]T{{…}}`, `map[…]T{…}`); otherwise the sources do
 * not say which programs run. `files` must be all of the package's files (comments are blanked
 * here); a call only made on another operating system is not counted, one gated on an
 * environment variable carries it (as fileExecs does).
 */
export function fieldPrograms(files: readonly { file: string; text: string }[], dataNamed: readonly DataNamedRun[]): (ProgramRun & { call: string })[] {
  const out: (ProgramRun & { call: string })[] = [];
  const code = files.map((f) => ({ file: f.file, text: stripGoComments(f.text) }));
  for (const d of dataNamed) {
    const m = /^exec\.(Command|CommandContext)\(([A-Za-z_][A-Za-z0-9_]*)\.([a-z_][A-Za-z0-9_]*)\)$/.exec(d.via);
    const own = code.find((c) => c.file === d.file);
    if (!m || !own) continue;
    const [, call, x, field] = m;
    const callRe = new RegExp(`\\bexec\\.${call}\\(\\s*(?:[A-Za-z_][\\w.]*(?:\\(\\))?\\s*,\\s*)?${x}\\.${field}\\s*[,)]`, 'g');
    for (const c of own.text.matchAll(callRe)) {
      if (otherOsOnly(own.text, c.index!) !== null) continue;
      const type = parameterType(own.text, c.index!, x);
      if (type === null) continue;
      const names = fieldValues(code, type, field);
      if (names === null) continue;
      const gate = envGate(own.text, c.index!);
      for (const v of names) {
        if (out.some((o) => o.name === v.name && o.file === d.file && o.call === d.via)) continue;
        out.push({ name: v.name, via: `exec.${call}(${x}.${field}), every ${type} literal setting ${field}: "${v.name}" (${v.file}),`, file: d.file, call: d.via, ...(gate !== null ? { onlyWith: gate } : {}) });
      }
    }
  }
  return out;
}

/** The type name of the receiver or parameter `x` of the function enclosing `at` (`func (v *vcsCmd) run(`: vcsCmd), or null. */
function parameterType(text: string, at: number, x: string): string | null {
  const start = text.lastIndexOf('\nfunc ', at);
  if (start < 0) return null;
  const header = /^\nfunc\s*(\([^()]*\))?\s*[A-Za-z_][A-Za-z0-9_]*\s*(?:\[[^\]]*\])?\s*\(([^()]*)\)/.exec(text.slice(start));
  if (!header) return null;
  for (const list of [header[1] ?? '', header[2]]) {
    const t = new RegExp(`(?:^|[(,])\\s*${x}\\s+\\*?([A-Za-z_][A-Za-z0-9_]*)\\s*(?:[,)]|$)`).exec(list);
    if (t) return t[1];
  }
  return null;
}

/**
 * The program names the literals and assignments of the package give the unexported field
 * `field` of its struct type `type` (see fieldPrograms), each with the file of its first literal;
 * null when the package does not declare the type with the field, makes a T another way, or sets
 * the field to anything but a program's name.
 */
function fieldValues(code: readonly { file: string; text: string }[], type: string, field: string): { name: string; file: string }[] | null {
  const decl = code.map((c) => ({ c, m: new RegExp(`^type\\s+${type}\\s+struct\\s*\\{`, 'm').exec(c.text) })).find((x) => x.m !== null);
  if (!decl) return null;
  const body = braceText(decl.c.text, decl.m!.index + decl.m![0].length - 1);
  if (body === null || !new RegExp(`^\\s*(?:[a-z_][A-Za-z0-9_]*\\s*,\\s*)*${field}\\s*(?:,\\s*[a-z_][A-Za-z0-9_]*\\s*)*\\s+string(?:\\s+\\x60[^\\x60\\n]*\\x60)?\\s*$`, 'm').test(body)) return null;
  const out: { name: string; file: string }[] = [];
  const add = (name: string, file: string) => {
    if (!out.some((o) => o.name === name)) out.push({ name, file });
  };
  for (const c of code) {
    // Other ways to make a T: new(T), a zero value, the elements of a slice, array or map literal.
    if (new RegExp(`\\bnew\\(\\s*${type}\\s*\\)|\\bvar\\s+[A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*\\s+\\*?${type}\\s*(?:\\n|;|$)|\\]\\s*\\*?${type}\\s*\\{`, 'm').test(c.text)) return null;
    for (const l of c.text.matchAll(new RegExp(`(?<![\\w.\\]])${type}\\s*\\{`, 'g'))) {
      // Not a literal: the type's declaration, or a function's result type before its body.
      if (/(?:\btype\s+|\)\s*\*?\s*)$/.test(c.text.slice(Math.max(0, l.index! - 20), l.index!))) continue;
      const lit = braceText(c.text, l.index! + l[0].length - 1);
      if (lit === null) return null;
      const value = new RegExp(`(?:^|[{,\\n])\\s*${field}\\s*:\\s*([^,\\n}]*)`).exec(lit);
      const name = value ? /^"([^"\\]*)"\s*$/.exec(value[1])?.[1] : undefined;
      if (name === undefined || !PROGRAM_NAME.test(name)) return null;
      add(name, c.file);
    }
    for (const a of c.text.matchAll(new RegExp(`\\.${field}\\s*=(?!=)\\s*([^\\n;]*)`, 'g'))) {
      const name = /^"([^"\\]*)"\s*$/.exec(a[1])?.[1];
      if (name === undefined || !PROGRAM_NAME.test(name)) return null;
      add(name, c.file);
    }
  }
  return out.length > 0 ? out : null;
}

/** The text between the `{` at `open` and its `}`, or null when it does not close. */
function braceText(text: string, open: number): string | null {
  const close = closingBrace(text, open);
  return close < text.length ? text.slice(open + 1, close) : null;
}
