/**
 * What kind of program the binary is, from its sources and imports (comments blanked):
 *
 * - a CLI with subcommands (cobra `Use:`, urfave/cli `Name:` in a Command, kingpin
 *   `Command("…")`): the image should run the subcommand that serves (`serve`, `server`, `web`…);
 * - time zones used without `time.LoadLocation`: cron libraries (CRON_TZ, TZ= in schedules) and
 *   programs reading the `TZ` variable need the zoneinfo database;
 * - a Docker API client: the program talks to /var/run/docker.sock, which a non-root user
 *   cannot open by default;
 * - programs it runs by name (`exec.Command("git", …)`): a distroless or scratch image has none
 *   of them, so the binary starts and then fails at the first call (a git TUI without git).
 */
import { stripGoComments } from './goSource';
import type { PackageSources } from './ports';

export interface ProgramShape {
  subcommands: string[];
  /** The subcommand that starts the server, when one is plain. */
  serveCommand: { name: string; via: string } | null;
  /** Imports or code that read time zones by name (`github.com/robfig/cron/v3`, `os.Getenv("TZ")`). */
  tzLibraries: string[];
  /** Docker API client imports. */
  dockerClients: string[];
  /** Programs run by a literal name (`exec.Command("git", …)`), with where; not the program itself. */
  runsCommands: { name: string; via: string }[];
  /**
   * cobra subcommands held in a variable (`var dhcpdLaunchCmd = &cobra.Command{Use: "dhcpd-launch"}`)
   * that an AddCommand-like call adds to another command: variable -> Use name.
   */
  subcommandVars: Map<string, string>;
}

/** Loop and parameter names that hold any command (`for _, cmd := range …`): never one subcommand. */
const GENERIC_COMMAND_VARS = new Set(['cmd', 'c', 'command', 'sub', 'subcmd', 'subCmd', 'child', 'x']);

// Not `run` or `api`: CLIs use them for "run a command" and "call the API".
const SERVE_NAMES = ['serve', 'server', 'web', 'start', 'daemon'];
const TZ_MODULES = ['github.com/robfig/cron', 'github.com/go-co-op/gocron', 'github.com/adhocore/gronx', 'github.com/reugn/go-quartz', 'github.com/jasonlvhit/gocron'];
const DOCKER_CLIENTS = ['github.com/docker/docker/client', 'github.com/moby/moby/client', 'github.com/fsouza/go-dockerclient', 'github.com/docker/cli/cli/command'];

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

export function programShape(packages: readonly PackageSources[], externalImports: readonly string[], binary: string): ProgramShape {
  const subcommands: { name: string; via: string }[] = [];
  const declared = new Map<string, string>();
  /** `manCmd.AddCommand(serverCmd)`: child variable -> the variables it is added to. */
  const parents = new Map<string, string[]>();
  const added = new Set<string>();
  // The root command (named after the program) runs something itself: no subcommand needed.
  let rootRuns = false;
  let readsTz: string | null = null;
  const runs: { name: string; via: string }[] = [];
  for (const p of packages) {
    const osExec = p.imports.includes('os/exec');
    const cobra = p.imports.some((i) => under(i, 'github.com/spf13/cobra'));
    const urfave = p.imports.some((i) => under(i, 'github.com/urfave/cli'));
    const kingpin = p.imports.some((i) => under(i, 'github.com/alecthomas/kingpin') || under(i, 'gopkg.in/alecthomas/kingpin.v2'));
    for (const f of p.files) {
      const text = stripGoComments(f.text);
      const file = p.dir === '' ? f.file : `${p.dir}/${f.file}`;
      const add = (name: string, via: string) => {
        if (!subcommands.some((s) => s.name === name)) subcommands.push({ name, via: `${via} in ${file}` });
      };
      if (cobra) {
        // The text after Use (read for the root's Run) is a lookahead: it must not swallow the
        // commands declared after the root (flipt's serverCmd in main, answer's runCmd).
        for (const m of text.matchAll(/cobra\.Command\s*\{([^}]*?)\bUse\s*:\s*"([a-z][a-z0-9-]*)(?=([\s\S]{0,6000}))/g)) {
          if (m[2] === binary) {
            if (/\bRunE?\s*:/.test(m[1] + m[3].split(/cobra\.Command\s*\{/)[0])) rootRuns = true;
          } else add(m[2], `cobra Use: "${m[2]}"`);
        }
      }
      if (cobra) {
        for (const m of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*&cobra\.Command\s*\{([^{}]*?)\bUse\s*:\s*"([a-z][a-z0-9-]*)/g)) {
          if (!GENERIC_COMMAND_VARS.has(m[1]) && m[3] !== binary) declared.set(m[1], m[3]);
        }
      }
      for (const m of text.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.AddCommand\(([^()]*)\)/g)) {
        for (const a of m[2].split(',')) if (/^\s*[A-Za-z_][A-Za-z0-9_]*\s*$/.test(a)) parents.set(a.trim(), [...(parents.get(a.trim()) ?? []), m[1]]);
      }
      for (const m of text.matchAll(/\b[A-Za-z_]*[Aa]dd[A-Za-z]*(?:Command|Cmd)s?\(([^()]*)\)/g)) {
        for (const a of m[1].split(',')) if (/^\s*[A-Za-z_][A-Za-z0-9_]*\s*$/.test(a)) added.add(a.trim());
      }
      if (urfave) for (const m of text.matchAll(/cli\.Command\s*\{\s*Name\s*:\s*"([a-z][a-z0-9-]*)"/g)) add(m[1], `cli.Command{Name: "${m[1]}"}`);
      if (kingpin) for (const m of text.matchAll(/\.Command\(\s*"([a-z][a-z0-9-]*)"/g)) add(m[1], `Command("${m[1]}")`);
      if (osExec) {
        // exec.Command("git", …), exec.CommandContext(ctx, "git", …). Not exec.LookPath alone: it
        // asks whether an optional tool is there. Not the program itself (a re-exec by name).
        const calls = /\bexec\.(?:(Command)\(\s*|(CommandContext)\(\s*[A-Za-z_][\w.]*(?:\(\))?\s*,\s*)"([A-Za-z0-9_.+-]+)"/g;
        for (const m of text.matchAll(calls)) {
          const name = m[3];
          if (name !== binary && !runs.some((r) => r.name === name)) runs.push({ name, via: `exec.${m[1] ?? m[2]}("${name}") in ${file}` });
        }
      }
      if (readsTz === null && /Getenv\(\s*"TZ"\s*\)|LookupEnv\(\s*"TZ"\s*\)/.test(text)) readsTz = `os.Getenv("TZ") in ${file}`;
    }
  }
  // A command added only to other subcommands (tracee's `man server`, a manual page) is not one
  // the program runs as `<binary> <name>`.
  // A subcommand variable is one added to another command; a declared command added nowhere but
  // with children is the root (semaphore's rootCmd, Use "semaphore", built as cli).
  const isSub = (v: string) => declared.has(v) && (parents.get(v) ?? []).length > 0;
  const isNested = (v: string) => isSub(v) && parents.get(v)!.every(isSub);
  const roots = new Set([...declared.keys()].filter((v) => !isSub(v) && [...parents.values()].some((ps) => ps.includes(v))));
  const dropped = new Set([...declared].filter(([v]) => isNested(v) || roots.has(v)).map(([, use]) => use));
  const kept = new Set([...declared].filter(([v]) => !isNested(v) && !roots.has(v)).map(([, use]) => use));
  for (let i = subcommands.length - 1; i >= 0; i--) if (dropped.has(subcommands[i].name) && !kept.has(subcommands[i].name)) subcommands.splice(i, 1);
  const names = subcommands.map((s) => s.name);
  const serve = SERVE_NAMES.map((n) => subcommands.find((s) => s.name === n)).find((s) => s !== undefined) ?? null;
  const tz = [...new Set(externalImports.filter((i) => TZ_MODULES.some((m) => under(i, m))).map((i) => TZ_MODULES.find((m) => under(i, m))!))];
  if (readsTz) tz.push(readsTz);
  return {
    subcommands: rootRuns && !serve ? [] : names,
    serveCommand: serve,
    tzLibraries: tz,
    dockerClients: [...new Set(externalImports.filter((i) => DOCKER_CLIENTS.some((m) => under(i, m))))],
    runsCommands: runs,
    subcommandVars: new Map([...declared].filter(([v]) => added.has(v))),
  };
}
