/**
 * The programs a Go package runs by name at run time (`exec.Command("git", …)`): the one place
 * this is read from the sources. The loader reads each file that imports os/exec once
 * (`fileExecs`, kept in its GoFileInfo); a package's list (`programsRun`, GoPackage
 * `runsPrograms`) resolves the names its calls give through a constant. The generator warns
 * when the runtime image lacks one; GD208 keeps quiet about the package that provides one.
 *
 * Counted (comments blanked):
 * - `exec.Command("git", …)`, `exec.CommandContext(ctx, "git", …)`, also by its path in a system bin
 *   folder (`exec.Command("/bin/ps", …)`: kube-bench);
 * - the same with a constant or package variable of the package holding the name (harness:
 *   `GitExecutable = "git"`, `exec.CommandContext(ctx, GitExecutable, …)`), when a file of the
 *   package that imports os/exec declares it;
 * - `exec.Command(argv[0], argv[1:]...)` (also `c.Argv[0]`, and exec.CommandContext) where a
 *   `[]string{…}` literal of the same file whose first element is such a name is that argv: assigned
 *   to it (`argv := []string{"git", …}`, a composite literal's `Argv: []string{…}`), or held in a
 *   variable of one function that is then assigned to it (`cmd := []string{"/usr/bin/nsenter", …}`
 *   … `RebootCommand: cmd`), or appended first to such a variable declared empty
 *   (`var cmd []string` … `cmd = append(cmd, "/usr/bin/nsenter", …)`): kured's reboot and sentinel
 *   commands (pkg/reboot/command.go, pkg/checkers/checker.go). Only element 0 with the rest as its
 *   arguments: the argv is then what runs.
 * - `bin, err := exec.LookPath("kubectl")` as a statement of its own whose error the function
 *   returns (k9s): the program needs it. Not a LookPath that only asks whether an optional tool
 *   is there (`if p, err := exec.LookPath("cmd"); err == nil {`).
 * A call made only when an environment variable is set (`envGate`) carries that variable; one made
 * only on another operating system (`otherOsOnly`: a `case "windows":` of `switch runtime.GOOS`)
 * is not counted.
 *
 * Also kept: the calls that run a program the data names (`dataNamed`, a package's
 * `runsDataNamed`): the name is a field, an element or a variable that is no constant of the
 * package (pufferpanel's servers/standard: `exec.Command(steps.Command, steps.Arguments...)` with
 * the command from a template file; `exec.Command(cmd[0], cmd[1:]...)`), or the script of
 * `sh -c` is one. Which programs such a call runs the sources do not say. Not counted: the
 * program starting itself again (`os.Args[0]`, a variable set from `os.Executable()`).
 */
import { constantsOf, stripGoComments } from './goText';

/** A call of one file that runs a program by name. */
export interface ExecCall {
  /** The name as a literal, or the value of a constant of the same file. Absent: `constant` names one of another file. */
  name?: string;
  /** The constant or variable the call names instead of a literal. */
  constant?: string;
  call: 'Command' | 'CommandContext' | 'LookPath';
  /** The argv the call runs element 0 of (`exec.Command(c.RebootCommand[0], c.RebootCommand[1:]...)`): `RebootCommand`, whose literal's first element is `name`. */
  argv?: string;
  /** The environment variable (`X` or `X=value`) the call runs only with (see envGate). */
  onlyWith?: string;
  /** `constant` holds the program's own path (set from `os.Executable()` in the file): it starts itself again. */
  self?: true;
}

/** A call whose program the data names (see dataNamed): `steps.Command`, `cmd[0]`, `sh -c script`. */
export interface DataNamedCall {
  /** The expression as written (`steps.Command`), `sh -c <expression>` for a shell's script. */
  expr: string;
  call: 'Command' | 'CommandContext';
}

/** What one file that imports os/exec says about the programs it runs. */
export interface FileExecs {
  calls: ExecCall[];
  /** Calls whose program is a field or element of the data, or a shell running a script the data gives (plain variables are in `calls`, by `constant`). */
  dataNamed: DataNamedCall[];
  /** The file's string constants and variables whose value could name a program (for the calls of its package's other files). */
  constants: Record<string, string>;
}

/** A program a package runs by name. */
export interface ProgramRun {
  name: string;
  /** The call, e.g. `exec.Command("git")`, `exec.CommandContext(GitExecutable = "git")`. */
  via: string;
  /** The file's name in the package's folder. */
  file: string;
  /** The environment variable the call runs only with; a generated image sets none. */
  onlyWith?: string;
}

/** A call that runs a program the data names (see dataNamed): where it is and how it names it. */
export interface DataNamedRun {
  /** The call, e.g. `exec.Command(steps.Command)`. */
  via: string;
  /** The file's name in the package's folder. */
  file: string;
}

/** A program's name, or its absolute path in a system bin folder (kube-bench's `exec.Command("/bin/ps", …)`). */
export const PROGRAM_NAME = /^(?:\/(?:usr\/(?:local\/)?)?s?bin\/)?[A-Za-z0-9_.+-]+$/;

/**
 * The environment variable a call at `at` runs only with (`X=…`), or null: the function returns
 * early unless it is set (tg-spam's `if os.Getenv("TGSPAM_IN_DOCKER") != "1" { return true }`
 * before `exec.Command("mount")`), or the call is inside `if os.Getenv("X") == "1" {…}` or
 * `!= ""`. A generated image sets no such variable, so the call does not run there.
 */
export function envGate(text: string, at: number): string | null {
  const funcStart = Math.max(0, text.lastIndexOf('\nfunc ', at));
  const body = text.slice(funcStart, at);
  const guard = /\bif\s+os\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)\s*(?:!=\s*"([^"\\]+)"|==\s*"")\s*\{\s*return\b[^{}]*\}/.exec(body);
  if (guard) return guard[2] !== undefined ? `${guard[1]}=${guard[2]}` : guard[1];
  // The blocks enclosing the call, innermost last.
  const open: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') open.push(i);
    else if (body[i] === '}') open.pop();
  }
  for (const o of open) {
    const header = body.slice(Math.max(0, body.lastIndexOf('\n', o)), o);
    const cond = /\bif\b[^{]*?\bos\.Getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)\s*(?:==\s*"([^"\\]+)"|!=\s*"")/.exec(header);
    if (cond && !/\|\|/.test(header)) return cond[2] !== undefined ? `${cond[1]}=${cond[2]}` : cond[1];
  }
  return null;
}

/**
 * The text of the function around `at` up to `at` (from its `func`), and the offsets in it of the
 * `{` still open there, outermost first: the blocks the code at `at` runs in.
 */
export function blocksOpenAt(text: string, at: number): { body: string; open: number[] } {
  const funcStart = Math.max(0, text.lastIndexOf('\nfunc ', at));
  const body = text.slice(funcStart, at);
  const open: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') open.push(i);
    else if (body[i] === '}') open.pop();
  }
  return { body, open };
}

/**
 * The operating systems other than linux that a call at `at` runs only on, or null: it sits in a
 * `case "windows":` of a `switch runtime.GOOS` (inspektor-gadget's ClearScreen runs `cmd /c cls`
 * only there), in an `if runtime.GOOS == "windows" {` block (or `if common.IsWindows() {`), or in
 * the `else` of `if runtime.GOOS != "windows" {` (nps: `if !common.IsWindows() {…} else {
 * exec.Command("tasklist") }`). A linux image never makes it.
 */
export function otherOsOnly(text: string, at: number): string | null {
  const { body, open } = blocksOpenAt(text, at);
  const nonLinux = (values: string): string | null => {
    const names = [...values.matchAll(/"([a-z0-9]+)"/g)].map((m) => m[1]);
    return names.length > 0 && !names.includes('linux') && /^\s*"[a-z0-9]+"(\s*,\s*"[a-z0-9]+")*\s*$/.test(values) ? names.join(', ') : null;
  };
  for (const o of open) {
    const header = body.slice(Math.max(0, body.lastIndexOf('\n', o)), o);
    const cond = /\bif\s+(?:[^{;]*;\s*)?(.*?)\s*$/.exec(header);
    const os = cond ? osTest(cond[1]) : null;
    if (os && !os.negated) return nonLinux(`"${os.os}"`);
    // The else of `if !common.IsWindows() {` (nps's daemon runs tasklist there) or of `runtime.GOOS != "windows"`.
    if (/^\s*\}\s*else\s*$/.test(header)) {
      const close = body.lastIndexOf('}', o);
      const ifOpen = matchingOpen(body, close);
      const ifHeader = ifOpen < 0 ? '' : body.slice(Math.max(0, body.lastIndexOf('\n', ifOpen)), ifOpen);
      const c = /^\s*(?:\}\s*else\s+)?if\s+(?:[^{;]*;\s*)?(.*?)\s*$/.exec(ifHeader);
      const other = c ? osTest(c[1]) : null;
      if (other && other.negated) return nonLinux(`"${other.os}"`);
    }
    if (/\bswitch\s+runtime\.GOOS\s*$/.test(header)) {
      // The last case label of this switch before the call, at the switch's own depth.
      let depth = 0;
      let label: string | null = null;
      for (let i = o + 1; i < body.length; i++) {
        if (body[i] === '{') depth++;
        else if (body[i] === '}') depth--;
        else if (depth === 0) {
          const m = /^(?:case\s+([^:\n]+)|default\s*):/.exec(body.slice(i));
          if (m && /\W/.test(body[i - 1] ?? ' ')) {
            label = m[1] === undefined ? null : m[1];
            i += m[0].length - 1;
          }
        }
      }
      if (label !== null) {
        const other = nonLinux(label);
        if (other) return other;
      }
    }
  }
  return null;
}

/**
 * An `if` condition that tests the operating system, and whether it is negated: `runtime.GOOS ==
 * "windows"`, `runtime.GOOS != "windows"`, and the helpers projects write for it (nps's
 * `common.IsWindows()`, `isWindows`, `IsDarwin()`). Null for anything else, a compound condition too.
 */
function osTest(cond: string): { os: string; negated: boolean } | null {
  const c = cond.trim();
  if (/&&|\|\|/.test(c)) return null;
  const goos = /^runtime\.GOOS\s*(==|!=)\s*"([a-z0-9]+)"$/.exec(c);
  if (goos) return { os: goos[2], negated: goos[1] === '!=' };
  const helper = /^(!\s*)?(?:[A-Za-z_][A-Za-z0-9_]*\.)?[Ii]s_?(Windows|Darwin|MacOS|Mac|FreeBSD|OpenBSD|NetBSD|Plan9)(?:OS)?(?:\(\))?$/.exec(c);
  if (helper) return { os: helper[2].toLowerCase().replace(/^(macos|mac)$/, 'darwin'), negated: helper[1] !== undefined };
  return null;
}

/** The `{` that a `}` at `close` ends, or -1. */
function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{' && --depth === 0) return i;
  }
  return -1;
}

/** The calls of one file (its whole text) that run a program by name, in the order `programsRun` keeps. */
export function fileExecs(src: string): FileExecs {
  const text = stripGoComments(src);
  const constants: Record<string, string> = {};
  for (const [k, v] of constantsOf(text)) if (PROGRAM_NAME.test(v)) constants[k] = v;
  const calls: ExecCall[] = [];
  const dataNamed: DataNamedCall[] = [];
  // The program: a literal, a plain identifier, or a field or element (`steps.Command`, `cmd[0]`).
  const callRe = /\bexec\.(?:(Command)\(\s*|(CommandContext)\(\s*[A-Za-z_][\w.]*(?:\(\))?\s*,\s*)(?:"((?:\/(?:usr\/(?:local\/)?)?s?bin\/)?[A-Za-z0-9_.+-]+)"(?:\s*,\s*"-c"\s*,\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[A-Za-z0-9_.]*\])*)\s*[,)])?|([A-Za-z_][A-Za-z0-9_]*)\s*[,)]|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[A-Za-z0-9_.]*\])+)\s*[,)])/g;
  const self = selfPaths(text);
  const found: { at: number; call: ExecCall }[] = [];
  const foundData: { at: number; call: DataNamedCall }[] = [];
  for (const m of text.matchAll(callRe)) {
    const call = (m[1] ?? m[2]) as 'Command' | 'CommandContext';
    if (m[3] !== undefined) {
      found.push({ at: m.index!, call: { name: m[3], call } });
      if (m[4] !== undefined && SHELL.test(m[3]) && !(m[4] in constants)) foundData.push({ at: m.index!, call: { expr: `${m[3]} -c ${m[4]}`, call } });
    } else if (m[5] !== undefined) {
      found.push({ at: m.index!, call: { constant: m[5], call, ...(m[5] in constants ? { name: constants[m[5]] } : {}), ...(self.has(m[5]) ? { self: true as const } : {}) } });
    } else if (!self.has(m[6])) foundData.push({ at: m.index!, call: { expr: m[6], call } });
  }
  // `exec.Command(argv[0], argv[1:]...)`: the heads of the literals that reach argv in this file.
  const argvRe = /\bexec\.(?:(Command)\(\s*|(CommandContext)\(\s*[A-Za-z_][\w.]*(?:\(\))?\s*,\s*)((?:[A-Za-z_][A-Za-z0-9_]*\.)?([A-Za-z_][A-Za-z0-9_]*))\[0\]\s*,\s*([A-Za-z_][\w.]*)\[1:\]\.\.\.\s*\)/g;
  for (const m of text.matchAll(argvRe)) {
    if (m[5] !== m[3]) continue;
    const call = (m[1] ?? m[2]) as 'Command' | 'CommandContext';
    // A literal made only on another operating system (aws-sdk's processcreds: `cmdArgs =
    // []string{"cmd.exe", "/C"}` under `if runtime.GOOS == "windows"`) is not run on linux.
    for (const h of argvHeads(text, m[4], m[3] === m[4] ? m.index! : null)) if (otherOsOnly(text, h.at) === null && !found.some((f) => f.call.name === h.name && f.call.argv === m[4])) found.push({ at: m.index!, call: { name: h.name, call, argv: m[4] } });
  }
  // A statement of its own, and the next `if err != nil {` returns, with err not assigned again in between.
  for (const m of text.matchAll(/^[ \t]*[A-Za-z_][A-Za-z0-9_]*\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*exec\.LookPath\(\s*"([A-Za-z0-9_.+-]+)"\s*\)[ \t]*$/gm)) {
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 400);
    const check = new RegExp(`\\bif\\s+${m[1]}\\s*!=\\s*nil\\s*\\{`).exec(after);
    if (!check || new RegExp(`\\b${m[1]}\\s*:?=`).test(after.slice(0, check.index))) continue;
    if (new RegExp(`^\\{(?:[^{}\\n]*\\n){0,3}?\\s*return\\b[^\\n]*(?:\\b${m[1]}\\b|Errorf|errors\\.New)`).test(after.slice(check.index + check[0].length - 1))) found.push({ at: m.index!, call: { name: m[2], call: 'LookPath' } });
  }
  // The same as an if statement's init (`if path, err := exec.LookPath("bash"); err != nil {`, also
  // after `} else`): its block returns the error, or sets err to a new one and returns (direnv's
  // named result: `err = fmt.Errorf("can't find bash: %q", err)` then `return`, config.go:150-153).
  for (const m of text.matchAll(/\bif\s+[A-Za-z_][\w.]*\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*exec\.LookPath\(\s*"([A-Za-z0-9_.+-]+)"\s*\)\s*;\s*([A-Za-z_][A-Za-z0-9_]*)\s*!=\s*nil\s*\{/g)) {
    if (m[3] !== m[1]) continue;
    const body = /^(?:[^{}\n]*\n){1,3}?[ \t]*\}/.exec(text.slice(m.index! + m[0].length).replace(/^[ \t]*/, ''));
    if (!body) continue;
    const returnsErr = new RegExp(`\\breturn\\b[^\\n]*(?:\\b${m[1]}\\b|Errorf|errors\\.New)`).test(body[0]);
    const setsErr = new RegExp(`^[ \\t]*${m[1]}\\s*=\\s*(?:fmt\\.Errorf|errors\\.New)\\(`, 'm').test(body[0]) && /^[ \t]*return[ \t]*$/m.test(body[0]);
    if (returnsErr || setsErr) found.push({ at: m.index!, call: { name: m[2], call: 'LookPath' } });
  }
  for (const { at, call } of found) {
    if (otherOsOnly(text, at) !== null) continue;
    const gate = envGate(text, at);
    calls.push(gate === null ? call : { ...call, onlyWith: gate });
  }
  for (const { at, call } of foundData) if (otherOsOnly(text, at) === null) dataNamed.push(call);
  return { calls, constants, dataNamed };
}

/** Shells by the name a program runs them with; also those whose `-c` script a call can take from the data (`exec.Command("sh", "-c", script)`). */
export const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

/** The expressions that hold the program's own path: `os.Args[0]`, and variables set from `os.Executable()` in the file. */
function selfPaths(text: string): Set<string> {
  const out = new Set(['os.Args[0]']);
  for (const m of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*,\s*[A-Za-z_][A-Za-z0-9_]*\s*:?=\s*os\.Executable\(\)/g)) out.add(m[1]);
  return out;
}

/** The first element of a `[]string{…}` literal at `at` of `text` (`[]string{"git", …}`), when it names a program. */
function literalHead(text: string, at: number): string | null {
  const m = /^\[\]string\s*\{\s*"([^"\\]*)"/.exec(text.slice(at));
  return m && PROGRAM_NAME.test(m[1]) ? m[1] : null;
}

/**
 * The programs a `[]string` named `argv` (a field, or a local variable of the function that makes
 * the call at `localCall`) starts with, from the literals of `text` that reach it (see fileExecs):
 * assigned to it directly, or through one variable of a function, initialised with the literal or
 * declared empty and first appended to; each with where the literal is.
 */
function argvHeads(text: string, argv: string, localCall: number | null): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  // A local variable (`args[0]`, not `c.Argv[0]`): only the literals of the calling function before the call.
  const from = localCall === null ? 0 : Math.max(0, text.lastIndexOf('\nfunc ', localCall));
  const to = localCall ?? text.length;
  // `argv := […]`, `argv = […]`, `x.argv = […]`, `Argv: […]` (a composite literal's field).
  const assign = new RegExp(`(?<![\\w])${argv}\\s*(?::=|=(?!=)|:(?!=))\\s*`, 'g');
  for (const m of text.matchAll(assign)) {
    if (m.index! < from || m.index! >= to) continue;
    const at = m.index! + m[0].length;
    const head = literalHead(text, at);
    if (head !== null) {
      out.push({ name: head, at });
      continue;
    }
    const v = /^([A-Za-z_][A-Za-z0-9_]*)\s*[,;\n})]/.exec(text.slice(at));
    if (!v || v[1] === argv || v[1] === 'nil') continue;
    const funcStart = Math.max(0, text.lastIndexOf('\nfunc ', m.index!));
    const body = text.slice(funcStart, m.index!);
    // The variable's first definition in the function, and (declared empty) its first assignment.
    const def = new RegExp(`(?<![\\w.])(?:${v[1]}\\s*:?=(?!=)\\s*|var\\s+${v[1]}\\s+\\[\\]string\\s*(?=\\n|;))`).exec(body);
    if (!def) continue;
    if (def[0].startsWith('var')) {
      const rest = body.slice(def.index + def[0].length);
      const first = new RegExp(`(?<![\\w.])${v[1]}\\s*=(?!=)\\s*`).exec(rest);
      const app = first ? new RegExp(`^append\\(\\s*${v[1]}\\s*,\\s*"([^"\\\\]*)"`).exec(rest.slice(first.index + first[0].length)) : null;
      if (app && PROGRAM_NAME.test(app[1])) out.push({ name: app[1], at: funcStart + def.index + def[0].length + first!.index });
    } else {
      const h = literalHead(body, def.index + def[0].length);
      if (h !== null) out.push({ name: h, at: funcStart + def.index + def[0].length });
    }
  }
  return out;
}

/**
 * A package's programs run by name, file by file in the order given, each file's calls in its
 * order: names held in a constant are looked up in the constants of the package's files that
 * import os/exec (one that no such file declares is not counted).
 */
export function programsRun(files: readonly { file: string; execs: FileExecs | null }[]): ProgramRun[] {
  const constants = new Map<string, string>();
  for (const f of files) for (const [k, v] of Object.entries(f.execs?.constants ?? {})) constants.set(k, v);
  const out: ProgramRun[] = [];
  for (const f of files) {
    for (const c of f.execs?.calls ?? []) {
      const name = c.name ?? (c.constant !== undefined ? constants.get(c.constant) : undefined);
      if (name === undefined || !PROGRAM_NAME.test(name)) continue;
      const via = c.call === 'LookPath' ? `exec.LookPath("${name}"), its error returned`
        : c.argv !== undefined ? `exec.${c.call}(${c.argv}[0], …) with ${c.argv} = []string{"${name}", …}`
        : c.constant !== undefined ? `exec.${c.call}(${c.constant} = "${name}")` : `exec.${c.call}("${name}")`;
      out.push({ name, via, file: f.file, ...(c.onlyWith !== undefined ? { onlyWith: c.onlyWith } : {}) });
    }
  }
  return out;
}

/**
 * A package's calls that run a program the data names (see dataNamed), file by file in the
 * order given: the fields, elements and shell scripts of `dataNamed`, and the calls that name
 * a variable no file of the package that imports os/exec declares as a constant (`exec.Command(name,
 * args...)`: a parameter, a value read from a file).
 */
export function dataNamedRuns(files: readonly { file: string; execs: FileExecs | null }[]): DataNamedRun[] {
  const constants = new Set<string>();
  for (const f of files) for (const k of Object.keys(f.execs?.constants ?? {})) constants.add(k);
  const out: DataNamedRun[] = [];
  for (const f of files) {
    for (const c of f.execs?.calls ?? []) {
      if (c.name === undefined && c.constant !== undefined && !c.self && !constants.has(c.constant)) out.push({ via: `exec.${c.call}(${c.constant})`, file: f.file });
    }
    for (const c of f.execs?.dataNamed ?? []) out.push({ via: `exec.${c.call}(${c.expr})`, file: f.file });
  }
  return out;
}
