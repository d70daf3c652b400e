/**
 * GD217: an image whose exec-form ENTRYPOINT starts a Go program of the build has a shell-form
 * CMD. Docker passes that CMD to the program as three arguments, `/bin/sh`, `-c` and its text: no
 * shell runs it (kubernetes-csi/csi-driver-iscsi 2cd66b8: `CMD service iscsid start` and
 * `ENTRYPOINT ["/iscsiplugin"]` start `/iscsiplugin /bin/sh -c "service iscsid start"`; iscsid
 * never starts). The Go program gets them in its argv: Go's flag package stops at `/bin/sh` and
 * ignores every flag the CMD meant to pass (`CMD --config /etc/app.yaml`), and a cobra root
 * command with subcommands fails on the unknown command `/bin/sh`.
 *
 * Only on images (facts targetImages) and only when certain the program does not run its
 * arguments as a command: facts/entrypointProgram.ts (a Go binary of the build, copied to the
 * path the ENTRYPOINT names; not tini/gosu/an entrypoint script, which would run the CMD).
 *
 * Fix (not in fix-all: it changes what the container runs, to what the CMD meant) when the CMD
 * is flags for the program, one command whose words are plain (no quotes, `$`, globs): the same
 * words in exec form, `CMD ["--config", "/etc/app.yaml"]`.
 */
import { targetImages } from '../dockerfile/facts';
import type { Instruction } from '../dockerfile/model';
import { replace } from '../edits/edits';
import { entrypointGoProgram } from '../facts/entrypointProgram';
import type { Fix, Rule, RuleFinding } from './types';
import { isPlainWord } from '../dockerfile/plainShell';


export const gd217: Rule = {
  code: 'GD217',
  name: 'shell-form-cmd-as-arguments',
  summary: 'A shell-form CMD under an exec-form ENTRYPOINT that starts the Go program: the program gets `/bin/sh -c …` as its arguments',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'unsafe',
  facts: ['copySources', 'goBuilds'],
  docs: { fix: '(the CMD\'s flags in exec form, when they are plain words; it changes what the container runs, to what the CMD meant)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const index of targetImages(ctx.model, ctx.finalStage)) {
      const start = entrypointGoProgram(ctx, ctx.model.stages[index]);
      const cmd = start?.cmd;
      if (!start || !cmd || cmd.json || !cmd.script || cmd.script.heredoc) continue;
      if (out.some((f) => f.span.start === cmd.span.start)) continue; // two images built FROM one stage
      const text = cmd.script.text.trim();
      const fix = flagsFix(cmd);
      out.push({
        message: `With the exec-form ENTRYPOINT (line ${start.entrypoint.line + 1}), this shell-form CMD is not run by any shell: Docker passes it to \`${start.program}\` as three arguments, \`/bin/sh\`, \`-c\` and \`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\`. The Go program gets them in its command line: a flag parser stops at \`/bin/sh\` and ignores what follows, and a command with subcommands fails on the unknown command \`/bin/sh\`. ${fix ? 'Write the arguments in exec form.' : 'Write the program\'s arguments in exec form (`CMD ["--flag", "value"]`); a command to run before the program belongs in a start script the ENTRYPOINT runs.'}`,
        span: cmd.span,
        fix,
      });
    }
    return out;
  },
};

/** The CMD's words in exec form, when they are flags for the program and each word is plain. */
function flagsFix(cmd: Instruction): Fix | undefined {
  const parsed = cmd.script?.parsed;
  if (!parsed || !parsed.simple || parsed.commands.length !== 1 || !cmd.argsSpan) return undefined;
  const c = parsed.commands[0];
  if (c.env.length > 0) return undefined;
  const words = c.argv.map((w) => w.raw);
  if (words.length === 0 || !words[0].startsWith('-') || !words.every((w) => isPlainWord(w))) return undefined;
  return {
    title: 'Pass the CMD\'s flags to the program as its arguments (exec form; changes what the container runs)',
    edits: [replace(cmd.argsSpan.start, cmd.argsSpan.end, `[${words.map((w) => JSON.stringify(w)).join(', ')}]`)],
    safe: false,
  };
}
