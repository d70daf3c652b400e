/**
 * GD207: the final stage of a multi-stage build copies the whole build context (`COPY . .`,
 * `COPY ./ /app`, `ADD . /src`): sources, tests and whatever .dockerignore lets through ship
 * in the image. Copies from another stage (`--from`) and single-stage builds are not
 * reported; neither is a final stage on a Go toolchain image, which GD201 reports as a whole.
 *
 * Silent when the context, read from disk, holds no Go module or package (generated manifests).
 *
 * No fix: only the author knows which files the program reads at run time.
 */
import * as path from 'node:path';
import { copyPaths, isContextCopy, isWholeContext, stageChain, stageImage, workdirBefore } from '../dockerfile/facts';
import { stageRef } from '../dockerfile/goBuild';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model';
import type { Rule, RuleFinding } from './types';

export const gd207: Rule = {
  code: 'GD207',
  name: 'sources-in-final-image',
  summary: 'The final stage of a multi-stage build copies the whole build context',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['copySources', 'goCommands', 'images', 'dockerignore', 'workspace', 'contextFiles'],
  docs: { workspace: '(better with: a context without any Go is not reported)' },
  check(ctx) {
    const { model } = ctx;
    const stage = model.stages[ctx.finalStage];
    if (!stage || model.stages.length < 2) return [];
    if (stageImage(model, stage)?.goToolchain) return [];
    // A context with no Go at all (a folder of generated manifests, a release's dist/): copying
    // all of it is what the image is for, and there are no sources or tests in it.
    const ws = ctx.workspace;
    if (ws && ctx.files && !ws.truncated && ws.modules.length === 0 && ws.packages.length === 0 && !ws.work) return [];
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
    for (const instr of stage.instructions) {
      const through = contextThroughStage(model, stage, instr);
      if (!through) continue;
      out.push({
        message: `The final stage copies ${through.source} from stage ${through.from.name ?? through.from.index}, where that stage copied the whole build context (line ${through.copy.line + 1}: ${through.copy.keyword} … ${through.dest}): sources, tests and everything .dockerignore lets through (a local config file or .env with secrets, unless .dockerignore excludes them) ship in the image, and any file edit changes it. Copy only the binary and the files the program reads at run time.`,
        span: instr.span,
      });
    }
    return out;
  },
};

/**
 * A `COPY --from=<stage> <dir>` of the final stage whose source is the folder, or holds the
 * folder, where that stage (or one it is built FROM) copied the whole build context
 * (eryajf/chatgpt-dingtalk: `ADD . /app/` in the builder, `COPY --from=builder /app/ .` in the
 * final stage). Not a copy of `/` (a whole root file system assembled on purpose), nor a source
 * with a variable or a wildcard.
 */
function contextThroughStage(model: DockerfileModel, stage: Stage, instr: Instruction): { source: string; from: Stage; copy: Instruction; dest: string } | null {
  if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return null;
  const fromRef = instr.flags.find((f) => f.name === 'from')?.value;
  if (fromRef == null) return null;
  const ref = stageRef(model, fromRef);
  if (ref === null || ref === stage.index) return null;
  const from = model.stages[ref];
  const paths = copyPaths(instr);
  if (!paths) return null;
  for (const source of paths.sources) {
    if (/[$*?[]/.test(source)) continue;
    const src = path.posix.resolve('/', source);
    if (src === '/') continue;
    for (const s of stageChain(model, from)) {
      for (const copy of s.instructions) {
        if (!isContextCopy(copy)) continue;
        const cp = copyPaths(copy);
        if (!cp || !cp.sources.some(isWholeContext) || /[$*?[]/.test(cp.dest)) continue;
        const dir = workdirBefore(model, s, copy, null);
        if (dir === null && !cp.dest.startsWith('/')) continue;
        const dest = path.posix.resolve(dir ?? '/', cp.dest);
        if (dest === src || dest.startsWith(`${src}/`)) return { source, from, copy, dest };
      }
    }
  }
  return null;
}
