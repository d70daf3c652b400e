/**
 * The program's own main path: what every run of the program does whatever command it is given.
 * func main's statements up to its first command dispatch (cobra's `Execute…()`, urfave/cli's
 * `Run(…, os.Args)`), and, transitively, the same of each function it calls there unconditionally:
 * a call at the top level of the function's body (a statement, an assignment, an `if`'s header),
 * not in a nested block, a function literal (a cobra command's `RunE: func…`, an urfave `Action`),
 * a `go` or `defer` statement. A call is followed to a function the package declares (`Init()`) or
 * one of a package of `packages` that the calling file imports (`run.Init()`, the qualifier read
 * through the file's own import declarations); methods and function values are not followed.
 *
 * botlabs-gg/yagpdb c3facf5: cmd/yagpdb/main.go:60 `run.Init()`, whose common/run/run.go:96 stops
 * the program unless a run flag is given: on the main path. vmware-tanzu/velero d30d389:
 * cmd/velero/velero.go `velero.NewCommand(baseName).Execute()` builds the command tree
 * (restore.NewCommand, NewCreateCommand), whose `restore create` checks --from-backup and
 * --from-schedule in a method its `Run: func…` calls (pkg/cmd/cli/restore/create.go:189): a
 * subcommand's handler, not on the main path.
 */
import { parseGoFile, qualifiedImport, type GoFileInfo } from '../workspace/goImports';
import { stripGoComments } from '../workspace/goText';
import type { PackageSources } from './ports';

export interface MainPathPart {
  /** The file, context-relative. */
  path: string;
  /** The file's text with comments blanked (offsets as in the file). */
  text: string;
  /** The function. */
  func: string;
  /** Offset in `text` of the first character of the function's body (after its `{`). */
  start: number;
  /**
   * The body's statements on the path: text[start, start + own.length) with the insides of
   * nested blocks and literals blanked (braces and newlines kept), cut at a command dispatch or
   * at a call that dispatches.
   */
  own: string;
}

/** A command dispatch: cobra's Execute, ExecuteC, ExecuteContext(C); urfave/cli's Run or RunContext on os.Args. */
const DISPATCH = /\.Execute(?:Context)?C?\(|\.Run(?:Context)?\([^()]*\bos\.Args\b/;

const KEYWORDS = new Set(['func', 'if', 'for', 'switch', 'select', 'return', 'go', 'defer', 'range', 'case', 'chan', 'map', 'struct', 'interface', 'type', 'var', 'const', 'else']);

/** How deep the calls are followed. */
const DEPTH = 8;

interface FileSource { path: string; text: string; info: GoFileInfo }
interface PackageFunctions { files: FileSource[]; funcs: Map<string, { file: FileSource; open: number }> }

/**
 * The body after the `{` at `open` with the insides of its nested braces blanked (strings and runes
 * skipped for the count, blanked inside), up to its closing brace.
 */
function topLevel(text: string, open: number): string {
  let out = '';
  let depth = 0;
  let from = open + 1;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      if (c === '`') {
        j = text.indexOf('`', j);
        if (j < 0) j = text.length;
      } else while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '{') {
      if (depth === 1) {
        out += text.slice(from, i + 1);
        from = i + 1;
      }
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return out + text.slice(from, i);
      if (depth === 1) {
        out += blank(text.slice(from, i));
        from = i;
      }
    }
  }
  return out + (depth === 1 ? text.slice(from) : blank(text.slice(from)));
}

/** The `{` that opens the body of the function whose parameter list starts at `paren`; -1 for a declaration without a body. */
function bodyOpen(text: string, paren: number): number {
  let depth = 0;
  for (let i = paren; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '\n' && depth === 0) return -1;
    else if (c === '{' && depth === 0) {
      // A result type's braces (`interface{}`, `struct{}`) are no body.
      if (!/\b(?:interface|struct)\s*$/.test(text.slice(Math.max(paren, i - 12), i))) return i;
      const close = text.indexOf('}', i);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * The parts of the program's main path (see the file's comment), from func main of the package in
 * `mainDir`, over the packages of `packages` (the program's compiled packages).
 */
export function mainPath(packages: readonly PackageSources[], mainDir: string): MainPathPart[] {
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  const byImport = new Map(packages.filter((p) => p.importPath).map((p) => [p.importPath!, p]));
  const indexed = new Map<string, PackageFunctions>();
  const functions = (p: PackageSources): PackageFunctions => {
    let got = indexed.get(p.dir);
    if (got) return got;
    got = { files: [], funcs: new Map() };
    for (const f of p.files) {
      if (f.file.endsWith('_test.go')) continue;
      const file: FileSource = { path: p.dir === '' ? f.file : `${p.dir}/${f.file}`, text: stripGoComments(f.text), info: parseGoFile(f.text) };
      got.files.push(file);
      for (const m of file.text.matchAll(/^func[ \t]+([A-Za-z_]\w*)[ \t]*(?:\[[^\]\n]*\][ \t]*)?\(/gm)) {
        const open = bodyOpen(file.text, m.index! + m[0].length - 1);
        if (open >= 0 && !got.funcs.has(m[1])) got.funcs.set(m[1], { file, open });
      }
    }
    indexed.set(p.dir, got);
    return got;
  };
  const names = new Map<string, string | null>();
  /** The package clause's name of an import that is one of `packages`, null for another. */
  const nameOf = (importPath: string): string | null => {
    if (!names.has(importPath)) {
      const first = byImport.get(importPath)?.files.find((f) => !f.file.endsWith('_test.go'));
      names.set(importPath, first ? /^\s*package\s+([A-Za-z_]\w*)/m.exec(stripGoComments(first.text))?.[1] ?? null : null);
    }
    return names.get(importPath)!;
  };
  const parts: MainPathPart[] = [];
  /** Functions visited (`dir\0name`): whether each dispatches (a later call in its caller is after the dispatch). */
  const seen = new Map<string, boolean>();
  const visit = (p: PackageSources, name: string, depth: number): boolean => {
    const key = `${p.dir}\0${name}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    seen.set(key, false);
    const fn = functions(p).funcs.get(name);
    if (!fn) return false;
    let own = topLevel(fn.file.text, fn.open);
    const dispatch = DISPATCH.exec(own);
    let dispatches = dispatch !== null;
    if (dispatch) own = own.slice(0, dispatch.index);
    if (depth < DEPTH) {
      for (const m of own.matchAll(/(?<![.\w])([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*\(/g)) {
        if (KEYWORDS.has(m[1]) || /\b(?:go|defer)\s+$/.test(own.slice(Math.max(0, m.index! - 12), m.index!))) continue;
        let callee: PackageSources | undefined;
        let callName: string;
        if (m[2] === undefined) {
          callee = p;
          callName = m[1];
        } else {
          const imp = qualifiedImport(fn.file.info, m[1], nameOf);
          callee = imp === null ? undefined : byImport.get(imp);
          callName = m[2];
        }
        if (callee === undefined || (callee === p && callName === name)) continue;
        if (visit(callee, callName, depth + 1)) {
          own = own.slice(0, m.index! + m[0].length);
          dispatches = true;
          break;
        }
      }
    }
    parts.push({ path: fn.file.path, text: fn.file.text, func: name, start: fn.open + 1, own });
    seen.set(key, dispatches);
    return dispatches;
  };
  const main = byDir.get(mainDir);
  if (main) visit(main, 'main', 0);
  return parts;
}
