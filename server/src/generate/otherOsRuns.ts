/**
 * A program a package runs only on another operating system through one hop: the call sits in a
 * top-level function that every caller calls only under a package flag that is true only there.
 * openshift/source-to-image 45635f9: pkg/util/cygpath/cygpath.go:13 `var UsingCygwinGit =
 * isUsingCygwinGit()`, whose one `return true` is inside `if runtime.GOOS == "windows" {` (:16);
 * :37 `func ToSlashCygwin(path string)` runs `exec.Command("cygpath", path)`, called only under
 * `if cygpath.UsingCygwinGit {` (pkg/scm/git/git.go:168). A linux image never runs cygpath, and no
 * Linux distribution packages it (judge 41 G G6: a false Check to install it). A call inside an
 * operating-system test of its own function is ./workspace/programsRun.ts otherOsOnly's.
 */
import { blocksOpenAt, otherOsOnly } from '../workspace/programsRun';
import { stripGoComments } from './goSource';
import { enclosingFunc } from './shape';
import type { PackageSources } from './ports';

/** The package's bool variables set from a function that returns anything but false only on another operating system. */
function otherOsFlags(texts: readonly string[]): Set<string> {
  const flags = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/^(?:var[ \t]+|[ \t]+)([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+bool)?[ \t]*=[ \t]*([A-Za-z_][A-Za-z0-9_]*)\(\)[ \t]*$/gm)) {
      if (enclosingFunc(text, m.index!) !== null) continue;
      const fn = texts.map((t) => ({ t, at: t.search(new RegExp(`\\nfunc ${m[2]}\\(\\)\\s*bool\\s*\\{`)) })).find((x) => x.at >= 0);
      if (!fn) continue;
      const body = enclosingFunc(fn.t, fn.t.indexOf('{', fn.at + 1) + 1);
      if (!body) continue;
      const returns = [...fn.t.slice(body.start, body.end).matchAll(/\breturn\b([^\n]*)/g)];
      const trueOnes = returns.filter((r) => r[1].trim() !== 'false');
      if (trueOnes.length > 0 && trueOnes.every((r) => otherOsOnly(fn.t, body.start + r.index!) !== null)) flags.add(m[1]);
    }
  }
  return flags;
}

/** Whether the call at `at` of `text` lies in an `if` block whose condition is `flag` (qualified by `qualifier` when given), alone or in an `&&`. */
function underFlag(text: string, at: number, flags: ReadonlySet<string>, qualifier: string | null): boolean {
  const { body, open } = blocksOpenAt(text, at);
  return open.some((o) => {
    const header = body.slice(Math.max(0, body.lastIndexOf('\n', o)), o);
    const cond = /^\s*if\s+(?:[^{;]*;\s*)?(.*?)\s*$/.exec(header)?.[1];
    if (cond === undefined || /\|\|/.test(cond)) return false;
    return cond.split('&&').some((c) => {
      const t = c.trim();
      const q = qualifier === null ? /^([A-Za-z_][A-Za-z0-9_]*)$/.exec(t)?.[1] : new RegExp(`^${qualifier}\\.([A-Za-z_][A-Za-z0-9_]*)$`).exec(t)?.[1];
      return q !== undefined && flags.has(q);
    });
  });
}

/**
 * Whether every call of `pkg` (file `file`) that runs `name` runs only on another operating
 * system: in an operating-system test of its own, or in a top-level function all of whose
 * callers among `packages` (at least one) call it only under such a flag of `pkg`.
 */
export function runsOnlyOnOtherOs(name: string, file: string, pkg: PackageSources, packages: readonly PackageSources[]): boolean {
  const own = pkg.files.find((f) => f.file === file);
  if (!own) return false;
  const text = stripGoComments(own.text);
  const esc = name.replace(/[.+]/g, '\\$&');
  const calls = [...text.matchAll(new RegExp(`\\bexec\\.Command(?:Context)?\\(\\s*(?:[A-Za-z_][\\w.]*(?:\\(\\))?\\s*,\\s*)?"${esc}"`, 'g'))];
  if (calls.length === 0) return false;
  const texts = pkg.files.map((f) => stripGoComments(f.text));
  let flags: Set<string> | null = null;
  const pkgName = /^package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(text)?.[1];
  return calls.every((c) => {
    if (otherOsOnly(text, c.index!) !== null) return true;
    const fn = enclosingFunc(text, c.index!);
    // A top-level function (no receiver): its callers are found by its name.
    if (!fn || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(fn.name) || !new RegExp(`\\nfunc ${fn.name}\\(`).test(`\n${text}`)) return false;
    flags ??= otherOsFlags(texts);
    if (flags.size === 0) return false;
    let callers = 0;
    for (const p of packages) {
      const same = p === pkg;
      if (!same && (pkgName === undefined || pkg.importPath == null || !p.imports.includes(pkg.importPath))) continue;
      for (const f of p.files) {
        const t = stripGoComments(f.text);
        // Imported under another name: its callers are not read, so nothing is cleared.
        if (!same && new RegExp(`\\b[A-Za-z_][A-Za-z0-9_]*\\s+"${pkg.importPath!.replace(/[.+]/g, '\\$&')}"`).test(t)) return false;
        // Every mention: one not called (a function value handed on) is a caller not followed.
        const re = same ? new RegExp(`(?<![\\w.])${fn.name}\\b`, 'g') : new RegExp(`\\b${pkgName}\\.${fn.name}\\b`, 'g');
        for (const m of t.matchAll(re)) {
          if (same && /\bfunc\s+$/.test(t.slice(Math.max(0, m.index! - 6), m.index!))) continue;
          if (t[m.index! + m[0].length] !== '(') return false;
          callers++;
          if (otherOsOnly(t, m.index!) === null && !underFlag(t, m.index!, flags, same ? null : pkgName!)) return false;
        }
      }
    }
    return callers > 0;
  });
}
