/**
 * Go run through a build tool or a script: `RUN make build`, `RUN task build`, `RUN ./build.sh`,
 * `RUN sh scripts/build.sh`. The tool's file is read as text (never executed) for go commands;
 * its flags cannot be known, so rules that only need "a Go build reads the module here" (GD101,
 * GD104) count the step, and rules about flags (trimpath, -s -w, cache mounts) leave it alone.
 */
import { contextPath } from './facts';
import type { Instruction, Stage } from './model';
import type { ShellCommand } from './shell';

/** Build tools and where their files are (relative to the folder they run in), in the order each tool looks. */
const TOOL_FILES: Record<string, string[]> = {
  make: ['Makefile', 'makefile', 'GNUmakefile'],
  gmake: ['GNUmakefile', 'Makefile', 'makefile'],
  task: ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml'],
  mage: ['magefile.go'],
  just: ['justfile', 'Justfile', '.justfile'],
};
const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'source', '.']);

/** A go command in a Makefile/Taskfile/script: `go build`, `$(GO) build`, `${GOCMD} install`, `go tool …`. */
export const GO_IN_TEXT = /(?:^|[\s;&|(@'"`])(?:\S*\/)?(?:go|xx-go|\$\(GO[A-Z_]*\)|\$\{GO[A-Z_]*\}|\$GO[A-Z_]*)\s+(?:build|install|run|test|generate|mod|vet|list|get|tool)\b|(?:^|\s)goreleaser\s+(?:build|release)\b|mage:import|^package main/m;

export interface IndirectGoStep {
  instr: Instruction;
  cmd: ShellCommand;
  /** The file read (context-relative), or null when the tool file was not found or not readable. */
  file: string | null;
}

/**
 * The RUNs of a stage that run a build tool or script whose file runs go. `read` reads a
 * context-relative file (null when absent); without it, or when the file cannot be read, a tool
 * run counts as a Go step only when `unreadableCounts` says so (a golang-image stage, say).
 */
export function indirectGoSteps(
  stage: Stage,
  read: ((rel: string) => string | null) | undefined,
  unreadableCounts: boolean,
  opts: { variableScripts?: boolean } = {},
): IndirectGoStep[] {
  const out: IndirectGoStep[] = [];
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'RUN' || !instr.script) continue;
    for (const cmd of instr.script.parsed.commands) {
      // `./scripts/${BUILD_SCRIPT}`: a script whose name a variable chooses is a file we cannot
      // read; with `variableScripts` it counts as an unreadable one.
      const files = toolFiles(cmd) ?? (opts.variableScripts && isVariableScript(cmd) ? [] : null);
      if (files === null) continue;
      let found: string | null = null;
      let text: string | null = null;
      for (const f of files) {
        text = read ? read(f) : null;
        if (text !== null) {
          found = f;
          break;
        }
      }
      if (text === null ? unreadableCounts : GO_IN_TEXT.test(text)) out.push({ instr, cmd, file: found });
    }
  }
  return out;
}

/**
 * The files a build tool run reads (`make`, `task`, `mage`, `just`): `-f FILE` or the tool's
 * own names in the order it looks, in the folder `-C DIR` names (the tool changes there first),
 * context-relative. Null when argv is not a build tool. GD101/GD104 (go in the file) and GD114
 * (git in the file) read the same files through this.
 */
export function buildToolFiles(argv: readonly string[]): string[] | null {
  const name = argv[0] ?? '';
  const base = name.split('/').pop() ?? name;
  // Own names only: `RUN constructor` is no build tool (the prototype's would be a function).
  if (!isBuildTool(base)) return null;
  const f = argv.findIndex((a) => a === '-f' || a === '--file' || a === '--makefile' || a === '-t' || a === '--taskfile');
  const c = argv.findIndex((a) => a === '-C' || a === '--directory' || a === '-d' || a === '--dir');
  const dir = c >= 0 && argv[c + 1] ? `${argv[c + 1].replace(/\/+$/, '')}/` : '';
  const names = f >= 0 && argv[f + 1] ? [argv[f + 1]] : TOOL_FILES[base];
  return names.map((n) => contextPath(dir + n)).filter((p): p is string => !!p);
}

function isBuildTool(base: string): boolean {
  return Object.prototype.hasOwnProperty.call(TOOL_FILES, base);
}

/** `./scripts/${BUILD_SCRIPT}`, `sh ./build-$TARGET.sh`: a relative script path that a variable completes. */
function isVariableScript(cmd: ShellCommand): boolean {
  const argv = cmd.argv.map((w) => w.value);
  const name = argv[0] ?? '';
  const script = INTERPRETERS.has(name) && !argv.includes('-c') ? argv.slice(1).find((a) => !a.startsWith('-')) : name;
  return !!script && script.includes('$') && !script.startsWith('$') && !script.startsWith('/') && script.includes('/');
}

const SCRIPT_PATH = /^[\w.-]+\/[\w./-]+\.(sh|bash)$/;

/** The context-relative files a command runs (tool files in order of preference), or null when it is not a tool or script. */
function toolFiles(cmd: ShellCommand): string[] | null {
  const name = cmd.argv[0]?.value ?? '';
  // Most commands (apk, go, cd…) are neither a tool nor a script: no word list for them.
  if (!isBuildTool(name.slice(name.lastIndexOf('/') + 1)) && !name.startsWith('./') && !INTERPRETERS.has(name) && !SCRIPT_PATH.test(name)) return null;
  const argv = cmd.argv.map((w) => w.value);
  const tool = buildToolFiles(argv);
  if (tool !== null) return tool;
  let script: string | undefined;
  if (name.startsWith('./') || SCRIPT_PATH.test(name)) script = name;
  else if (INTERPRETERS.has(name) && !argv.includes('-c')) script = argv.slice(1).find((a) => !a.startsWith('-'));
  if (!script || script.startsWith('/') || script.includes('$')) return null;
  const rel = contextPath(script);
  return rel ? [rel] : null;
}
