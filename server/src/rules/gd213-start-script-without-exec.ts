/**
 * GD213: the image's start script runs the program as a child of its shell, without `exec`.
 * The script's shell is then PID 1 of the container: it has no handler for SIGTERM (PID 1 ignores
 * signals it does not handle) and does not pass `docker stop`'s SIGTERM on, so the program never
 * shuts down gracefully and is killed after the stop timeout (10 s by default). cloudreve's
 * .build/entrypoint.sh starts supervisord and then `./cloudreve`; yggdrasil's ends
 * `yggdrasil --useconf < "$CONF_DIR/config.conf"` and `exit $?`.
 *
 * Reported, on an image (facts `targetImages`) that runs as a service — it EXPOSEs a port, or has
 * a HEALTHCHECK, VOLUME or STOPSIGNAL (a one-shot CLI run with `docker run --rm` is not stopped) —
 * whose ENTRYPOINT (else CMD) runs a script (from the context, or written by a RUN:
 * goAtStart.ts startScripts) directly or through a shell (`sh ./entrypoint.sh`), when the last
 * command of that script that runs a program the image copied in runs it in the foreground
 * without `exec` (also behind su-exec, gosu, nice…: `su-exec app ./server`).
 *
 * Not reported: an init in front of the script (tini, dumb-init, catatonit, s6's /init: they
 * forward signals or reap), also on the script's `#!` line (atlantis's `#!/usr/bin/env -S
 * dumb-init --single-child /bin/sh`), a script that sets a `trap` or `wait`s (it handles signals
 * itself), a program run in the background (`./server &`) or in a pipeline (`./server | tee log`,
 * also past a redirection: `2>&1 |`), a script that execs something after it (`exec "$@"`), and a
 * script we cannot read. A probe is not the program's run: a `help`/`version` argument, or the
 * condition of an `if`/`while` (atlantis's `if atlantis help "$1" 2>&1 | grep -q …; then`).
 * No fix: the script is a file of the context, not of the Dockerfile.
 *
 * The same written inline: a shell-form ENTRYPOINT (else CMD) whose command list ends with the
 * program, without `exec` (getfider/fider's `CMD ./fider migrate && ./fider`), on an image whose
 * /bin/sh is dash (inlineChild); the message shows the exec form with `exec` written in.
 */
import { copyPaths, stageChain, stageImage, startInstructions, targetImages } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { inNestedScript, parseShell, type ShellCommand } from '../dockerfile/shell';
import { startScripts } from '../facts/goAtStart';
import { stagesToCheck, type Rule, type RuleContext, type RuleFinding } from './types';

export const gd213: Rule = {
  code: 'GD213',
  name: 'start-script-without-exec',
  summary: 'The start script runs the program without exec, so docker stop\'s SIGTERM never reaches it',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['contextFiles', 'workspace'],
  // Image by image (the stages that are images): a start script may be written by a RUN of a
  // stage the image copies from. Two images built FROM one stage that both start its ENTRYPOINT
  // report it alike: the analysis keeps one.
  scope: 'stage',
  readsCopiedStages: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    const targets = targetImages(ctx.model, ctx.finalStage);
    for (const stage of stagesToCheck(ctx)) {
      if (!targets.includes(stage.index) || !runsAsService(ctx.model, stage)) continue;
      const { entrypoint, cmd } = startInstructions(ctx.model, stage);
      const start = entrypoint ?? cmd;
      if (!start || startsInit(start)) continue;
      const shipped = shippedNames(ctx.model, stage);
      const inline = inlineChild(ctx.model, stage, start, shipped);
      if (inline) {
        out.push(inline);
        continue;
      }
      const scripts = startScripts(ctx.model, stage, ctx.workspace ? ctx.files : undefined);
      if (scripts.length === 0) continue;
      for (const script of scripts) {
        // `#!/usr/bin/env -S dumb-init --single-child /bin/sh` (atlantis): the init is PID 1.
        if (initShebang(script.text)) continue;
        const child = programChild(script.text, shipped);
        if (!child) continue;
        const from = script.written ? 'written by a RUN' : `${script.file} of the context`;
        out.push({
          message: `The start script ${script.program} (${from}) runs \`${child.text}\` (line ${child.line}) without \`exec\`: its shell stays PID 1, which ignores SIGTERM and does not pass it on, so \`docker stop\` never reaches the program — no graceful shutdown, and it is killed after the stop timeout (10 s). Write \`exec ${child.text}\`, so the program replaces the shell and gets the signals.`,
          span: start.span,
        });
        break;
      }
    }
    return out;
  },
};

/** Image families whose /bin/sh is dash (Debian's and Ubuntu's; golang's images but -alpine are Debian). */
const DASH_FAMILIES = new Set(['debian', 'ubuntu']);

/**
 * A shell-form ENTRYPOINT (else CMD) whose command list runs the program last without `exec`
 * (getfider/fider's `CMD ./fider migrate && ./fider`): `/bin/sh -c` stays PID 1 with the program
 * as its child. Only where /bin/sh is known to be dash (debian, ubuntu, golang but -alpine) and
 * no SHELL changes it: dash forks every command of a `-c` string, while busybox's ash (alpine)
 * and bash 5.1+ exec the last command of the string themselves. A single command is left alone
 * (a different question: which shells exec it); so are the cases programChild leaves (a trap,
 * a background or piped run, an `exec`).
 */
function inlineChild(model: DockerfileModel, stage: Stage, start: Instruction, shipped: ReadonlySet<string>): RuleFinding | null {
  const script = start.json ? undefined : start.script;
  const commands = script ? script.parsed.commands.filter((c) => !inNestedScript(script.parsed, c)) : [];
  // The list's last command is the program (`./app migrate && nginx …` serves nginx, not ./app).
  if (!script || commands.length < 2 || !runsShipped(commands[commands.length - 1], shipped)) return null;
  const image = stageImage(model, stage);
  if (!image || !(DASH_FAMILIES.has(image.family) || (image.family === 'golang' && image.libc === 'glibc'))) return null;
  if (stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'SHELL'))) return null;
  const child = programChild(script.text, shipped);
  if (!child) return null;
  const body = script.text.trim();
  const k = body.lastIndexOf(child.text);
  const execd = child.text.endsWith('…') || k < 0 ? null : `${body.slice(0, k)}exec ${body.slice(k)}`;
  const form = execd && !/["\\\n]/.test(execd) ? ` (\`${start.keyword} ["sh", "-c", "${execd}"]\`)` : '';
  return {
    message: `The shell-form ${start.keyword} runs \`/bin/sh -c\`, and dash (${stage.resolvedBase ?? stage.base}'s /bin/sh) stays PID 1 and runs \`${child.text}\` as its child, without \`exec\`: the shell ignores SIGTERM and does not pass it on, so \`docker stop\` never reaches the program — no graceful shutdown, and it is killed after the stop timeout (10 s). Write \`exec ${child.text}\`${form}, so the program replaces the shell and gets the signals.`,
    span: start.span,
  };
}

/** The image runs as a service, which gets stopped: EXPOSE, HEALTHCHECK, VOLUME or STOPSIGNAL along its FROM chain. */
function runsAsService(model: DockerfileModel, stage: Stage): boolean {
  return stageChain(model, stage).some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE' || i.keyword === 'HEALTHCHECK' || i.keyword === 'VOLUME' || i.keyword === 'STOPSIGNAL'));
}

/** An init runs first and forwards the signals (or the whole start is an init system). */
const INITS = /(^|\/)(tini|tini-static|dumb-init|catatonit|docker-init|init|s6-svscan|runsvdir|supervisord)$/;

function startsInit(start: Instruction): boolean {
  const words = start.json ?? start.script?.parsed.commands[0]?.argv.map((w) => w.value) ?? [];
  return words.some((w) => INITS.test(w));
}

/** The script's `#!` line starts an init that runs the shell (`#!/usr/bin/env -S dumb-init --single-child /bin/sh`). */
function initShebang(text: string): boolean {
  const m = /^#!([^\n]*)/.exec(text);
  return !!m && m[1].trim().split(/\s+/).some((w) => INITS.test(w));
}

/** The names of the files the image copied in (`COPY --from=build /src/server /usr/bin/server`: server). */
function shippedNames(model: DockerfileModel, stage: Stage): Set<string> {
  const out = new Set<string>();
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      const p = (i.keyword === 'COPY' || i.keyword === 'ADD') ? copyPaths(i) : null;
      if (!p) continue;
      const dest = p.dest.endsWith('/') ? null : base(p.dest);
      // One file to a path without a slash: the file by that name, or into that folder by its
      // own (fider's `COPY --from=server-builder /server/fider /app`, with WORKDIR /app).
      if (p.sources.length === 1 && dest) out.add(dest);
      for (const src of p.sources) out.add(base(src));
    }
  }
  out.delete('');
  return out;
}

/** Commands that run the program they are given in their own process (exec it): `su-exec app ./server`. */
const WRAPPERS = new Set(['exec', 'su-exec', 'gosu', 'sudo', 'doas', 'nice', 'ionice', 'env', 'setpriv', 's6-setuidgid', 'chpst', 'runuser', 'setuidgid', 'taskset', 'numactl', 'chroot']);

/** The command runs a program the image copied in: by its own name, or behind a wrapper. */
function runsShipped(c: ShellCommand, shipped: ReadonlySet<string>): boolean {
  const first = c.argv[0];
  if (!first || first.dynamic) return false;
  if (shipped.has(base(first.value))) return true;
  return WRAPPERS.has(base(first.value)) && c.argv.some((w, k) => k > 0 && !w.dynamic && !w.value.startsWith('-') && shipped.has(base(w.value)));
}

/** Arguments that ask a program about itself and return at once. */
const PROBE_ARGS = new Set(['help', 'version', '--help', '-help', '--version', '-version']);

/**
 * A run that returns at once: a `help`/`version` argument, or the condition of an `if`/`elif`/
 * `while`/`until` (atlantis's `if atlantis help "$1" 2>&1 | grep -q "atlantis $1"; then`).
 */
function probe(c: ShellCommand, text: string): boolean {
  if (c.argv.slice(1).some((w) => !w.dynamic && PROBE_ARGS.has(w.value))) return true;
  const before = text.slice(0, c.start);
  return /(^|[;&|({]|\b(then|do|else))\s*(if|elif|while|until)\s+(!\s+)?$/.test(before.slice(before.lastIndexOf('\n') + 1));
}

function base(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? '';
}

/**
 * The last command of the script that runs a shipped program, when it runs it as a child of the
 * shell: not exec'd, in the foreground, not in a pipeline; null otherwise (also when the script
 * traps signals or waits for its children).
 */
function programChild(text: string, shipped: ReadonlySet<string>): { text: string; line: number } | null {
  const script = parseShell(text);
  if (script.commands.some((c) => c.argv[0]?.value === 'trap' || c.argv[0]?.value === 'wait')) return null;
  let last: ShellCommand | null = null;
  // Commands of a `sh -c '…'` string run in that shell, the child of this one (`exec sh -c './server'`).
  for (const c of script.commands) if (!inNestedScript(script, c) && runsShipped(c, shipped) && !probe(c, text)) last = c;
  if (!last || last.argv[0].value === 'exec') return null;
  // The script execs something after it (`exec "$@"`, atlantis's last line): that is the service.
  const end = last.end;
  if (script.commands.some((c) => c.start >= end && c.argv[0]?.value === 'exec' && c.argv.length > 1)) return null;
  // What follows the command on its line (past redirections such as `2>&1`): `&` runs it in the
  // background, `|` feeds a pipeline.
  const after = text.slice(last.end).replace(/^([ \t]*[0-9]*(>>?|<)&?[ \t]*[^\s;&|]+)*/, '').match(/^[ \t]*(\S{0,2})/)?.[1] ?? '';
  if ((after.startsWith('&') && after !== '&&') || (after.startsWith('|') && after !== '||')) return null;
  // A command substitution or subshell (`$(./server --version)`, `(umask 037 && ./server --genconf)`) runs and returns.
  const before = text.slice(0, last.start);
  if (/\$\([^)]*$|\([^)]*$/.test(before.slice(before.lastIndexOf('\n') + 1))) return null;
  const words = text.slice(last.start, last.end).trim();
  return { text: words.length > 60 ? `${words.slice(0, 59)}…` : words, line: before.split('\n').length };
}
