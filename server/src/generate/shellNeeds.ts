/**
 * Whether the program needs a shell in its image, from what the project's files say: distroless
 * and scratch have none, so the generator then picks a runtime that has one (debian-slim: sh and
 * bash).
 *
 *  - it runs a shell by name (`exec.Command("sh", "-c", …)`, `"/bin/bash"`);
 *  - it runs programs its data names (GoPackage `runsDataNamed`: ricoberger/script_exporter's
 *    `exec.CommandContext(ctx, args[0], args[1:]...)` with args from its configuration), and the
 *    sources say those are shell scripts (shape.ts `namedAtRunTime` scripts: webhookd's
 *    `DefaultExt … default:"sh"`), or a configuration file of the repository names a shell script
 *    the repository holds (script_exporter's scripts.yaml: `command: [./prober/scripts/output.sh]`).
 *    Such a script starts through its #! line (/bin/sh, /usr/bin/env bash), which needs a shell;
 *  - it runs the command it is given (a data-named call, or a call through a variable), and the
 *    project's own image starts it with a shell as an argument (gotty's `CMD ["gotty", "-w", "bash"]`).
 */
import * as nodePath from 'node:path';
import { SHELL } from '../workspace/programsRun';
/** Configuration files a program is started with (YAML, JSON, TOML), not build or CI files. */
const CONFIG_FILE = /\.(?:ya?ml|json|toml)$/;
/** Files that configure builds, CI, tooling or another container's start (a compose `entrypoint: ./start.sh`), not the program. */
const NOT_PROGRAM_CONFIG = /(?:^|\/)(?:[^/]*compose[^/]*|\.goreleaser[^/]*|goreleaser[^/]*|mkdocs[^/]*|codecov[^/]*|renovate[^/]*|\.?golangci[^/]*|lefthook[^/]*|\.pre-commit[^/]*|package(?:-lock)?\.json|tsconfig[^/]*|\.travis\.yml|appveyor\.yml|cloudbuild[^/]*|[Tt]askfile[^/]*|Chart\.yaml|action\.ya?ml|devspace[^/]*|skaffold[^/]*|okteto[^/]*|\.gitpod[^/]*|garden[^/]*)$/;
/** Folders whose files configure no run of the program (CI, vendored code, tests, front-ends). */
const NOT_RUN_CONFIG = /(?:^|\/)(?:\.github|\.gitlab|\.circleci|vendor|node_modules|testdata|test|tests|e2e|docs|hack|tools|ci|\.vscode|\.idea)\//;
/** Keys whose value is what a program runs (script_exporter's `command: [./x.sh]`). */
const RUN_KEY = /^(?:command|commands|cmd|script|scripts|exec|executable|program|run|hook|hooks)$/i;
/** A word naming a shell script (`./prober/scripts/output.sh`, `"/scripts/x.sh"`). */
const SCRIPT_WORD = /(?:^|[\s"'[,:=-])((?:\.{1,2}\/)?[A-Za-z0-9_][\w./-]*\.(?:sh|bash))(?=$|[\s"',\]])/gm;

export interface ShellNeedIo {
  read(rel: string): string | null;
  listFiles(under: string): readonly { path: string; size?: number }[];
}

export interface ShellNeedInput {
  /** Programs the binary runs by name (shape.ts runsCommands). */
  runs: readonly { name: string; via: string; onlyWith?: string }[];
  /** Its calls of a program the data names (`exec.CommandContext(args[0]) in prober/handler.go`): the expression in parentheses. */
  dataNamed: readonly string[];
  /** The sources' word that what it runs are shell scripts (shape.ts namedAtRunTime). */
  scriptsInSources: { via: string; file: string } | null;
  /** Its calls of a program a variable names (shape.ts namedAtRunTime calls: `exec.Command(command, …) in file`). */
  namedCalls?: readonly string[];
  /** The arguments the project's own image starts the binary with (ownBuild.ts ownStartRest). */
  ownStart?: { args: readonly string[]; via: string } | null;
}

/**
 * Why the program needs a shell in its image (shown in the reasons), null when nothing says so.
 * `kind`: what says so (`config` is the one no other Check of the generator reports; `own`: the
 * project's image starts it with a shell to run).
 */
export function shellNeed(input: ShellNeedInput, io: ShellNeedIo): { why: string; kind: 'shell' | 'own' | 'sources' | 'config' } | null {
  const shell = input.runs.find((r) => r.onlyWith === undefined && SHELL.test(r.name));
  if (shell) return { why: `the program runs ${shell.name} (${shell.via})`, kind: 'shell' };
  // A call whose expression names a program the binary also runs by name is that program's path
  // (loft-sh/vcluster's `exec.CommandContext(ctx, c.helmPath, …)` beside `exec.Command("helm")`).
  const named = input.runs.map((r) => r.name.slice(r.name.lastIndexOf('/') + 1).toLowerCase()).filter((n) => n.length >= 2);
  const given = input.dataNamed.filter((d) => {
    const expr = /\(([^)]*)\)/.exec(d)?.[1]?.toLowerCase() ?? '';
    return !named.some((n) => expr.includes(n));
  });
  // The project's image starts the program with a shell as its argument (sorenisanerd/gotty 8e17298
  // Dockerfile:13 `CMD ["gotty", "-w", "bash"]`, on alpine with `apk add bash`), and the program
  // runs the command it is given (backend/localcommand/local_command.go:32 `exec.Command(command,
  // argv...)`): that shell is what it runs.
  const variable = [...given, ...(input.namedCalls ?? [])];
  const shellArg = input.ownStart?.args.find((a) => SHELL.test(a));
  if (variable.length > 0 && shellArg !== undefined) return { why: `the program runs the command it is given (${variable.slice(0, 2).join('; ')}), and the project's image starts it with ${shellArg} (${input.ownStart!.via})`, kind: 'own' };
  if (given.length === 0) return null;
  const calls = given.slice(0, 2).join('; ');
  if (input.scriptsInSources) return { why: `the program runs programs it is given (${calls}), and its sources say they are shell scripts (${input.scriptsInSources.via} in ${input.scriptsInSources.file})`, kind: 'sources' };
  const configured = configuredScript(io);
  if (configured) return { why: `the program runs programs it is given (${calls}), and ${configured.file} names the shell script ${configured.script}, which the repository holds`, kind: 'config' };
  return null;
}

/** A configuration file of the repository that names a shell script the repository holds (first by path). */
function configuredScript(io: ShellNeedIo): { file: string; script: string } | null {
  const files = io.listFiles('').map((f) => f.path);
  const present = new Set(files);
  let read = 0;
  for (const file of files.filter((p) => CONFIG_FILE.test(p) && !NOT_RUN_CONFIG.test(p) && !NOT_PROGRAM_CONFIG.test(p) && p.split('/').length <= 4).sort()) {
    if (++read > 200) break;
    const text = io.read(file);
    if (text === null || text.length > 256 * 1024 || !/\.(?:sh|bash)\b/.test(text)) continue;
    for (const m of text.matchAll(SCRIPT_WORD)) {
      const word = m[1];
      const key = keyOf(text, m.index! + m[0].indexOf(word));
      if (key === null || !RUN_KEY.test(key)) continue;
      const candidates = [nodePath.posix.normalize(word), nodePath.posix.normalize(nodePath.posix.join(nodePath.posix.dirname(file), word))].filter((c) => !c.startsWith('../') && !c.startsWith('/'));
      if (candidates.some((c) => present.has(c))) return { file, script: word };
    }
  }
  return null;
}

/**
 * The key whose value holds the offset `at` of a YAML, JSON or TOML text: `key: …` or `"key": …`
 * or `key = …` on its line, else, for a list item (`- ./x.sh`, a JSON array's line), the nearest
 * line above with less indentation that ends a key (`command:`, `"command": [`).
 */
function keyOf(text: string, at: number): string | null {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(start, at);
  const own = /^\s*(?:-\s+)?"?([A-Za-z_][\w-]*)"?\s*[:=]/.exec(line);
  if (own) return own[1];
  const indent = /^\s*/.exec(line)![0].length;
  const above = text.slice(0, start).split('\n').reverse();
  for (const l of above.slice(0, 40)) {
    if (l.trim() === '') continue;
    const i = /^\s*/.exec(l)![0].length;
    if (i >= indent) continue;
    const k = /^\s*(?:-\s+)?"?([A-Za-z_][\w-]*)"?\s*[:=]\s*\[?\s*$/.exec(l);
    return k ? k[1] : null;
  }
  return null;
}
