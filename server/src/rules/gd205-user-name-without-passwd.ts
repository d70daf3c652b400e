/**
 * GD205: `USER name` in a stage whose root image is scratch. scratch has no /etc/passwd (or
 * /etc/group), so the runtime cannot resolve the name and the container never starts. The
 * distroless and Chainguard images ship a passwd file (root, nonroot = 65532, nobody), so a
 * name works there and is not reported; neither is a stage that copies a passwd file in.
 *
 * Fix: replace each name part with a number: `root` -> 0, any other name -> 65532 (the
 * distroless `nonroot` ids), numeric parts kept, so `USER app` becomes `USER 65532:65532`.
 * Not safe for fix-all: it changes the identity the program runs as (file ownership and
 * permissions in the image may expect another uid).
 */
import { copyPaths, rootImage, stageChain } from '../dockerfile/facts';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import { replace } from '../edits/edits';
import { parseImageRef } from '../images/imageRef';
import type { Rule, RuleFinding } from './types';

export const gd205: Rule = {
  code: 'GD205',
  name: 'user-name-without-passwd',
  summary: '`USER name` in a scratch stage, which has no /etc/passwd',
  severity: 'error',
  needsWorkspace: false,
  peers: ['DL3066'],
  fix: 'unsafe',
  facts: ['copySources', 'images'],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      if (!onScratch(ctx.model, stage)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'USER' || !instr.argsSpan) continue;
        const spec = instr.args.map((a) => a.value).join(' ').trim();
        if (!spec || spec.includes('$')) continue; // a variable: its value is unknown here
        const parts = spec.split(':');
        if (parts.length > 2 || parts.every((p) => /^\d+$/.test(p))) continue;
        if (passwdCopied(ctx.model, stage, instr)) continue;
        const numeric = parts.map((p) => (/^\d+$/.test(p) ? p : p === 'root' ? '0' : '65532'));
        const uidgid = numeric.length === 2 ? numeric.join(':') : `${numeric[0]}:${parts[0] === 'root' ? '0' : numeric[0]}`;
        out.push({
          message: `USER ${spec} on scratch: the image has no /etc/passwd, so the container fails to start with "unable to find user ${parts.find((p) => !/^\d+$/.test(p))}". Use a numeric uid:gid such as ${uidgid}.`,
          span: instr.span,
          fix: { title: `Use the numeric id ${uidgid}`, edits: [replace(instr.argsSpan.start, instr.argsSpan.end, uidgid)], safe: false },
        });
      }
    }
    return out;
  },
};

function onScratch(model: DockerfileModel, stage: Stage): boolean {
  const ref = rootImage(model, stage);
  if (!ref) return false;
  const r = parseImageRef(ref);
  return r.registry === null && r.repository === 'scratch';
}

/** A COPY/ADD before the USER (in the stage or the stages it is built FROM) that brings a passwd file. */
function passwdCopied(model: DockerfileModel, stage: Stage, before: Instruction): boolean {
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i === before) return false;
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      const paths = copyPaths(i);
      if (!paths) continue;
      const dest = paths.dest.replace(/\/+$/, '');
      if (/(^|\/)(passwd|etc)$/.test(dest)) return true;
      if (paths.sources.some((src) => /(^|\/)(passwd|etc)\/?$/.test(src))) return true;
      // A whole root filesystem copied to / may hold etc/passwd.
      if (dest === '' && paths.sources.some((src) => src.endsWith('/') || src === '.')) return true;
    }
  }
  return false;
}
