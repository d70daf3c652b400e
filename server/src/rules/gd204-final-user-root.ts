import { effectiveUser, isRootUser, stageImage } from '../dockerfile/facts';
import { insertLinesAfter, insertAboveInstruction } from '../edits/edits';
import type { Rule } from './types';

export const gd204: Rule = {
  code: 'GD204',
  name: 'final-user-root',
  summary: 'The final image runs as root',
  severity: 'warning',
  needsWorkspace: false,
  peers: ['DL3002'],
  fix: 'unsafe',
  facts: ['images'],
  check(ctx) {
    const stage = ctx.model.stages[ctx.finalStage];
    if (!stage) return [];
    const { user, instr } = effectiveUser(ctx.model, stage);
    if (user === null) {
      // No USER anywhere and an image we do not know (or an unresolved ARG): most images run as
      // root, but say nothing rather than guess about a custom base.
      if (stageImage(ctx.model, stage) === undefined) return [];
    } else if (!isRootUser(user)) {
      return [];
    }
    const runtime = stage.instructions.find((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
    const edit = instr && instr.stage === stage.index
      ? { start: instr.argsSpan?.start ?? instr.span.end, end: instr.argsSpan?.end ?? instr.span.end, newText: '65532:65532' }
      : runtime
        ? insertAboveInstruction(ctx.model, runtime.line, ['USER 65532:65532'])
        : insertLinesAfter(ctx.model, stage.instructions[stage.instructions.length - 1].endLine, ['USER 65532:65532']);
    return [{
      message: instr
        ? `The final image runs as root (USER ${user}). A compromised process then owns the container; run as an unprivileged user such as 65532:65532.`
        : 'The final image runs as root: no USER is set. A compromised process then owns the container; run as an unprivileged user such as 65532:65532 (or use a `:nonroot` distroless tag).',
      span: instr && instr.stage === stage.index ? instr.span : stage.from.span,
      fix: { title: 'Run the final stage as USER 65532:65532', edits: [edit], safe: false },
    }];
  },
};
