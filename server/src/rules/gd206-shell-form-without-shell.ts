import * as path from 'node:path';
import { copiesWholeFileSystem, splitExecForm, stageChain, stageImage } from '../dockerfile/facts';
import type { Instruction } from '../dockerfile/model';
import { replace } from '../edits/edits';
import { mounts } from '../dockerfile/mounts';
import { entrypointGoProgram } from '../facts/entrypointProgram';
import type { Fix, Rule, RuleFinding } from './types';

/** Exec form of a shell-form CMD/ENTRYPOINT, when the script is one plain command. */
export function execFormFix(instr: Instruction): Fix | undefined {
  const script = instr.script;
  if (!script || !script.parsed.simple || !instr.argsSpan || script.heredoc) return undefined;
  const argv = script.parsed.commands[0].argv.map((w) => w.value);
  return {
    title: `Convert ${instr.keyword} to exec form`,
    edits: [replace(instr.argsSpan.start, instr.argsSpan.end, `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`)],
    safe: true,
  };
}

/**
 * The RUN bind-mounts a stage's or an image's /bin (or its /bin/sh, or its whole root) where
 * /bin/sh is looked for: the shell comes with the mount for that RUN
 * (nginxinc/kubernetes-ingress's scratch stage: `RUN --mount=from=busybox:musl,src=/bin/,dst=/bin/ printf …`).
 */
function mountsShell(instr: Instruction): boolean {
  return mounts(instr).some((m) => {
    if (m.type !== 'bind' || m.from === null || m.target === null) return false;
    const target = path.posix.normalize(m.target).replace(/(.)\/+$/, '$1');
    const source = path.posix.normalize(`/${m.source ?? '/'}`).replace(/(.)\/+$/, '$1');
    return (target === '/bin' && (source === '/bin' || source === '/usr/bin')) || (target === '/bin/sh' && /\/(sh|ash|bash|dash|busybox)$/.test(source)) || (target === '/' && source === '/');
  });
}

export const gd206: Rule = {
  code: 'GD206',
  name: 'shell-form-without-shell',
  summary: 'A shell-form CMD, ENTRYPOINT or RUN in a stage without a shell',
  severity: 'error',
  needsWorkspace: false,
  peers: ['JSONArgsRecommended', 'DL3025'],
  fix: 'safe',
  facts: ['images', 'goBuilds'],
  docs: { fix: '(CMD and ENTRYPOINT)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      const image = stageImage(ctx.model, stage);
      if (!image || image.shell) continue;
      // The stage, or one it is built FROM, may bring its own shell in (COPY --from=busybox
      // /bin/sh ...) or name another (SHELL).
      const chain = stageChain(ctx.model, stage);
      if (chain.some((s) => s.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && /(^|\s)\/bin\/(sh|busybox)?$/.test(i.args[i.args.length - 1]?.value ?? '')))) continue;
      if (chain.some((s) => s.instructions.some((i) => i.keyword === 'SHELL'))) continue;
      // A whole file system copied in before it (`COPY --from=imager / /`, `ADD rootfs.tar.gz /`,
      // mediamtx's `COPY --from=base /$TARGETPLATFORM /` of a folder holding a Debian root):
      // the stage is that image's files, shell included.
      let filled = false;
      for (const s of chain) {
        for (let k = 0; k < s.instructions.length; k++) {
          const instr = s.instructions[k];
          if (copiesWholeFileSystem(instr, ctx.model)) filled = true;
          if (filled || s !== stage || !instr.script || instr.json || !['RUN', 'CMD', 'ENTRYPOINT'].includes(instr.keyword)) continue;
          // An exec-form array split over lines without escapes (`ENTRYPOINT [` on its own line):
          // not a shell form meant as one; GD215 reports the file as not parsing.
          if (splitExecForm(ctx.model, s.instructions, k)) continue;
          // A CMD under an exec-form ENTRYPOINT that starts the Go program is that program's
          // arguments (`/bin/sh -c …` as three of them): no shell runs it. GD217 reports it.
          if (instr.keyword === 'CMD' && entrypointGoProgram(ctx, stage)?.cmd === instr) continue;
          if (instr.keyword === 'RUN' && mountsShell(instr)) continue;
          const fix = instr.keyword === 'RUN' ? undefined : execFormFix(instr);
          out.push({
            message: `Shell-form ${instr.keyword} runs through /bin/sh, but ${image.family} has no shell: the ${instr.keyword === 'RUN' ? 'build' : 'container'} fails with "exec: \\"/bin/sh\\": no such file or directory".${instr.keyword === 'RUN' ? '' : ' Use the exec (JSON) form.'}${instr.keyword !== 'RUN' && !fix ? ' (It uses shell features, so it cannot be converted automatically.)' : ''}`,
            span: instr.span,
            fix,
          });
        }
      }
    }
    return out;
  },
};
