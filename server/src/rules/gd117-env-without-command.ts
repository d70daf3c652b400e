/**
 * GD117: `env NAME=value …` with assignments only and no command, followed by `&&` or `;` and
 * a go command (`env CGO_ENABLED=1 GOOS=linux && go build …`). `env` without a command prints the
 * environment and exits: its assignments end with it, and the go command after it runs without
 * them. Reported when one of the assignments is a variable go (or cgo's toolchain) reads and go
 * would see another value: not set at all, or set to something else by ENV/ARG, an export or a
 * prefix (berachain/beacon-kit: `env NAME=… DB_BACKEND=… APP_NAME=… CGO_ENABLED=1 && go build`).
 *
 * Not reported: `env A=1 go build` (env runs go), `env` with options (`-i`, `-u NAME`), an `env`
 * in a pipe or a command substitution, or one followed by anything but the go command (`&&`,
 * `;` or a new line between them only), and an assignment go sees anyway (the stage's
 * `ENV CGO_ENABLED=1`, an `ARG` of the same value).
 *
 * Fix (not safe: go then builds with those settings, which changes what it produces): drop what
 * separates `env …` from the go command, so env runs go (`env … CGO_ENABLED=1 go build …`). Not
 * offered when a comment line sits between them.
 */
import { unquoteAll } from '../dockerfile/copySources';
import { dockerEnv, goCommands, type GoCommand } from '../dockerfile/facts';
import { envValue, GO_VARIABLE } from '../dockerfile/goBuild';
import { scriptSpan, toDoc } from '../dockerfile/model';
import type { ShellCommand } from '../dockerfile/shell';
import { expandVariables } from '../dockerfile/variables';
import { replace } from '../edits/edits';
import { stagesToCheck, type Rule, type RuleFinding } from './types';


/** Go subcommands that read those variables (not `go version`, `go env`, `go help`). */
const GO_STEP = /^(build|install|run|test|get|vet|list|generate|tool|mod (download|tidy|vendor|verify|graph|why)|work (sync|vendor))$/;

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

export const gd117: Rule = {
  code: 'GD117',
  name: 'env-without-command',
  summary: '`env NAME=value` runs no command: its Go settings never reach the go command after it',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['goCommands'],
  scope: 'stage',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of stagesToCheck(ctx)) {
      for (const instr of stage.instructions) {
        const script = instr.script;
        if (instr.keyword !== 'RUN' || !script || !/\benv\b/.test(script.text)) continue;
        const gos = goCommands(instr);
        if (gos.length === 0) continue;
        const commands = script.parsed.commands;
        for (let k = 0; k + 1 < commands.length; k++) {
          const env = commands[k];
          if (!isEnvOnly(env)) continue;
          const next = commands[k + 1];
          const g = gos.find((x) => x.cmd.start === next.start);
          if (!g || !GO_STEP.test(g.sub)) continue;
          // Only separators between them, and the env command stands on its own (not piped
          // into, not in `$(…)`): then the go command is the very next thing the shell runs.
          const between = script.text.slice(env.end, next.start);
          if (!/^[ \t]*(&&|;|\n)[ \t\n]*$/.test(between)) continue;
          if (!/(^|&&|;|\n|\bthen|\bdo|\belse)[ \t\n]*$/.test(script.text.slice(0, env.start))) continue;
          const lost = unreached(ctx.model, stage, g, env);
          if (lost.length === 0) continue;
          const words = env.argv.map((w) => w.value);
          const shown = words.length > 5 ? `${words.slice(0, 4).join(' ')} … ${words[words.length - 1]}` : words.join(' ');
          const what = `go ${g.sub}`;
          const start = toDoc(script, env.end);
          const end = toDoc(script, next.start);
          const gap = ctx.model.text.slice(start, end);
          out.push({
            message: `\`${shown}\` runs no command: \`env\` without one prints the environment and exits, and its assignments end with it. ${lost.map((l) => `${l.name}=${l.value}`).join(', ')} never ${lost.length > 1 ? 'reach' : 'reaches'} \`${what}\` after it${lost.some((l) => l.seen !== undefined) ? ` (which sees ${lost.filter((l) => l.seen !== undefined).map((l) => `${l.name}=${l.seen}`).join(', ')})` : ''}. Drop the \`${between.trim() || 'line break'}\` so that env runs go (\`env … ${lost[0].name}=${lost[0].value} ${what} …\`), or put the assignments before go.`,
            span: scriptSpan(script, env.start, env.end),
            fix: gap.includes('#')
              ? undefined
              : { title: `Run \`${what}\` under env (drop the \`${between.trim() || 'line break'}\`)`, edits: [replace(start, end, ' ')], safe: false },
          });
        }
      }
    }
    return out;
  },
};

/** `env A=1 B=2` (or `/usr/bin/env …`): assignments only, no options, no command. */
function isEnvOnly(c: ShellCommand): boolean {
  const name = c.argv[0]?.value ?? '';
  if (name !== 'env' && !name.endsWith('/env')) return false;
  return c.argv.length > 1 && c.argv.slice(1).every((w) => ASSIGNMENT.test(w.value));
}

/**
 * The Go variables of the env command that go does not get: its value is not what go sees
 * (unset, or another value it has from ENV/ARG/export/prefix). A value neither side can tell
 * (`CGO_ENABLED=$(…)`, an ARG without default) is left alone unless go sees none at all.
 */
function unreached(model: Parameters<typeof dockerEnv>[0], stage: Parameters<typeof dockerEnv>[1], g: GoCommand, env: ShellCommand): { name: string; value: string; seen: string | undefined }[] {
  const out: { name: string; value: string; seen: string | undefined }[] = [];
  const docker = dockerEnv(model, stage, g.instr);
  for (const w of env.argv.slice(1)) {
    const m = ASSIGNMENT.exec(w.value)!;
    const name = m[1];
    if (!GO_VARIABLE.test(name) || out.some((o) => o.name === name)) continue;
    const raw = m[2];
    const value = !w.dynamic ? raw : /\$\(|`/.test(raw) ? null : expandVariables(unquoteAll(raw), docker);
    const seen = envValue(model, stage, g, name);
    if (seen === null) continue;
    if (seen !== undefined && (value === null || value === seen)) continue;
    out.push({ name, value: !w.dynamic ? raw : unquoteAll(raw), seen: seen ?? undefined });
  }
  return out;
}
