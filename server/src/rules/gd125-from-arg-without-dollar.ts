/**
 * GD125: a FROM names a global ARG of the same file without its `$`: project-zot/zot 6d19b44,
 * build/Dockerfile-zb declares `ARG BASE_IMAGE` and builds its image `FROM BASE_IMAGE AS final`,
 * where its four sibling Dockerfiles say `FROM $BASE_IMAGE AS final`. Docker reads `BASE_IMAGE`
 * as an image name and rejects it ("invalid reference format: repository name must be
 * lowercase"): the build stops.
 *
 * Only a name with an upper-case letter, which no image can have, spelled exactly as a global ARG
 * (also with a tag or digest: `FROM BASE_IMAGE:1.2`), and that names no stage. An upper-case
 * name that is no declared ARG is a token a build script replaces (`sed`) before building, and
 * not reported (GD209 skips it too). A lower-case name that is also an ARG's (`ARG base` +
 * `FROM base`) is a valid image name: not reported.
 *
 * Fix (fix-all): put the `$` in. The build failed before; it now uses the ARG's value.
 */
import type { DockerfileModel } from '../dockerfile/model';
import { insert } from '../edits/edits';
import { stagesToCheck, type Rule, type RuleFinding } from './types';

export const gd125: Rule = {
  code: 'GD125',
  name: 'from-arg-without-dollar',
  summary: 'A FROM names a global ARG without `$`: Docker reads it as an image name, which it rejects',
  severity: 'error',
  needsWorkspace: false,
  fix: 'safe',
  facts: [],
  scope: 'stage',
  // The message names the ARG's line.
  namesLines: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    const model = ctx.model;
    if (model.globalArgs.size === 0) return out;
    for (const stage of stagesToCheck(ctx)) {
      if (stage.baseStage !== null) continue;
      const word = stage.from.args[0];
      if (!word || word.value !== stage.base || stage.base.includes('$')) continue;
      // The repository part: up to a tag's `:` or a digest's `@`.
      const name = /^[^:@]*/.exec(stage.base)![0];
      if (!/[A-Z]/.test(name) || !model.globalArgs.has(name)) continue;
      const line = argLine(model, name);
      out.push({
        message: `FROM names \`${name}\`, which is the name of the global ARG declared${line === null ? '' : ` on line ${line + 1}`}, without \`$\`: Docker reads it as an image name and stops the build ("invalid reference format: repository name must be lowercase"). Write \`$${stage.base}\`.`,
        span: word.span,
        fix: { title: `Use the ARG: FROM $${stage.base}`, edits: [insert(word.span.start, '$')], safe: true },
      });
    }
    return out;
  },
};

/** The 0-based line of the global ARG that declares `name`. */
function argLine(model: DockerfileModel, name: string): number | null {
  for (const i of model.instructions) {
    if (i.keyword === 'FROM') break;
    if (i.keyword === 'ARG' && i.args.some((a) => a.value === name || a.value.startsWith(`${name}=`))) return i.line;
  }
  return null;
}
