/**
 * GD207: the final stage of a multi-stage build copies the whole build context (`COPY . .`,
 * `COPY ./ /app`, `ADD . /src`): sources, tests and whatever .dockerignore lets through ship
 * in the image. Copies from another stage (`--from`) and single-stage builds are not
 * reported; neither is a final stage on a Go toolchain image, which GD201 reports as a whole.
 *
 * No fix: only the author knows which files the program reads at run time.
 */
import { copyPaths, isContextCopy, isWholeContext, stageImage } from '../dockerfile/facts';
import type { Rule, RuleFinding } from './types';

export const gd207: Rule = {
  code: 'GD207',
  name: 'sources-in-final-image',
  summary: 'The final stage of a multi-stage build copies the whole build context',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['copySources', 'images', 'dockerignore'],
  check(ctx) {
    const { model } = ctx;
    const stage = model.stages[ctx.finalStage];
    if (!stage || model.stages.length < 2) return [];
    if (stageImage(model, stage)?.goToolchain) return [];
    const out: RuleFinding[] = [];
    for (const instr of stage.instructions) {
      if (!isContextCopy(instr)) continue;
      const paths = copyPaths(instr);
      if (!paths || !paths.sources.some(isWholeContext)) continue;
      out.push({
        message: `The final stage copies the whole build context (${instr.keyword} ${paths.sources.join(' ')}): sources, tests and everything .dockerignore lets through ship in the image, and any file edit changes the image. Copy only what the program needs at run time (or embed it with //go:embed).`,
        span: instr.span,
      });
    }
    return out;
  },
};
