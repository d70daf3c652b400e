import { argDeclarations, rootRelease, stageChain } from '../dockerfile/facts';
import type { DockerfileModel } from '../dockerfile/model';
import type { Rule } from './types';

/**
 * GD211: the final image is built on an operating-system release whose updates have ended
 * (images/endOfLife.ts: `alpine:3.14`, `debian:buster-slim`, `ubuntu:18.04`, `centos:latest`, an
 * official image's `-alpine3.13` or `-buster` variant). A static Go binary needs nothing else from the system, but
 * the image still ships that release's packages, CA bundle and time-zone data, frozen: scanners
 * report their vulnerabilities, and no `apk upgrade`/`apt-get upgrade` brings fixes.
 *
 * Only the final stage's root image (reported on the FROM that names it): builder stages ship
 * nothing but what is copied out of them. No fix: a newer release can rename or drop the packages
 * the Dockerfile installs, so the move is the user's to test.
 */
export const gd211: Rule = {
  code: 'GD211',
  name: 'end-of-life-base-image',
  summary: 'The final image is based on an operating-system release that no longer gets updates',
  severity: 'warning',
  needsWorkspace: false,
  fix: 'none',
  facts: ['images'],
  check(ctx) {
    const final = ctx.model.stages[ctx.finalStage];
    if (!final) return [];
    const ended = rootRelease(ctx.model, final);
    if (!ended) return [];
    const root = stageChain(ctx.model, final)[0];
    const shown = root.base === root.resolvedBase ? root.base : `${root.base} (${root.resolvedBase})`;
    const via = root === final ? 'The final image is' : `The final image (stage ${final.name ?? final.index}) is`;
    // The release is an ARG's default (shiori's `ARG ALPINE_VERSION=3.19`, which its release
    // scripts override with `--build-arg`): say so, and that the default is what to move.
    const args = releaseArgs(ctx.model, root.base);
    const move = args.length === 0
      ? 'Move to a supported release.'
      : `The release comes from the default of ${args.map((a) => `ARG ${a.name} (line ${a.line})`).join(' and ')}: a build that passes \`--build-arg ${args[0].name}=…\` gets another, but every build that does not gets this one. Move the default to a supported release.`;
    return [{
      message: `${via} based on ${shown}: ${ended.release}'s ${ended.what} ended ${ended.ended}. Its packages, CA certificates and time-zone data get no more fixes (image scanners report what they miss), and no package upgrade brings them. ${move}`,
      span: root.from.args[0]?.span ?? root.from.span,
    }];
  },
};

/**
 * The global ARGs with a default that give the image reference its tag or digest (`alpine:${ALPINE_VERSION}`),
 * or all of it (`FROM ${BASE_IMAGE}`), with the 1-based line of the declaration in effect. A
 * variable in the repository part (`$ARCH/alpine:3.21`) does not choose the release.
 */
function releaseArgs(model: DockerfileModel, base: string): { name: string; line: number }[] {
  // Where the tag starts: the first `:` or `@` after the last `/`, outside `${…}`.
  let depth = 0;
  let slash = -1;
  let tag = -1;
  for (let k = 0; k < base.length; k++) {
    const c = base[k];
    if (c === '$' && base[k + 1] === '{') { depth++; k++; continue; }
    if (c === '}' && depth > 0) { depth--; continue; }
    if (depth > 0) continue;
    if (c === '/') { slash = k; tag = -1; } else if ((c === ':' || c === '@') && tag < 0 && k > slash) tag = k;
  }
  const whole = /^\$\{?(\w+)\}?$/.exec(base);
  const part = whole ? base : tag >= 0 ? base.slice(tag) : '';
  const out: { name: string; line: number }[] = [];
  for (const m of part.matchAll(/\$\{?(\w+)/g)) {
    const name = m[1];
    if ((model.globalArgs.get(name) ?? null) === null || out.some((o) => o.name === name)) continue;
    // The last global declaration with a default is the one in effect.
    let line = -1;
    for (const i of model.instructions) {
      if (i.stage >= 0) break;
      if (i.keyword === 'ARG' && argDeclarations(model, i).some((a) => a.name === name && a.value !== undefined)) line = i.line + 1;
    }
    if (line > 0) out.push({ name, line });
  }
  return out;
}
