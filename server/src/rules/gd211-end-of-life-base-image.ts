import { argDeclarations, baseStageCandidates, rootRelease, stageChain } from '../dockerfile/facts';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { EndedRelease } from '../images/endOfLife';
import type { Rule, RuleFinding } from './types';
import { referencedNames } from '../dockerfile/variables';

/**
 * GD211: the final image is built on an operating-system release whose updates have ended
 * (images/endOfLife.ts: `alpine:3.14`, `debian:buster-slim`, `ubuntu:18.04`, `centos:latest`, an
 * official image's `-alpine3.13` or `-buster` variant). A static Go binary needs nothing else from the system, but
 * the image still ships that release's packages, CA bundle and time-zone data, frozen: scanners
 * report their vulnerabilities, and no `apk upgrade`/`apt-get upgrade` brings fixes.
 *
 * Only the final stage's root image (reported on the FROM that names it; where a FROM with
 * variables picks the final stage's base among earlier stages, per platform, each stage it can
 * pick: itzg/mc-router's arm/v6 image on alpine:3.19): builder stages ship
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
    return finalRoots(ctx.model, final).flatMap(({ root, picked }) => {
      const ended = rootRelease(ctx.model, root);
      return ended ? [finding(ctx.model, final, root, picked, ended)] : [];
    });
  },
};

/**
 * The root stages the final image may start from: its FROM chain's root; where a FROM with
 * variables picks one of the stages before it (itzg/mc-router's Dockerfile.release: `FROM
 * base-${TARGETARCH}${TARGETVARIANT} AS final` beside `base-amd64`, `base-arm64` on
 * cgr.dev/chainguard/static and `base-armv6` on alpine:3.19), the roots of each stage it can pick
 * (facts.ts baseStageCandidates), with the FROM that picks it.
 */
function finalRoots(model: DockerfileModel, stage: Stage, depth = 0): { root: Stage; picked: { from: Stage; stage: Stage } | null }[] {
  const root = stageChain(model, stage)[0];
  const candidates = root.baseStage === null && root.resolvedBase === null && depth < 4 ? baseStageCandidates(model, root) : [];
  if (candidates.length === 0) return [{ root, picked: null }];
  const out: { root: Stage; picked: { from: Stage; stage: Stage } | null }[] = [];
  for (const c of candidates) {
    for (const r of finalRoots(model, model.stages[c], depth + 1)) {
      if (!out.some((o) => o.root === r.root)) out.push({ root: r.root, picked: r.picked ?? { from: root, stage: model.stages[c] } });
    }
  }
  return out;
}

/** The finding on the FROM of an ended root image; `picked`: the FROM with variables that picks the stage built on it. */
function finding(model: DockerfileModel, final: Stage, root: Stage, picked: { from: Stage; stage: Stage } | null, ended: EndedRelease): RuleFinding {
  const shown = root.base === root.resolvedBase ? root.base : `${root.base} (${root.resolvedBase})`;
  const via = picked
    ? `The final image, when \`FROM ${picked.from.base}\` (line ${picked.from.from.line + 1}) picks stage ${picked.stage.name ?? picked.stage.index}${picked.stage === root ? '' : ` (built FROM stage ${root.name ?? root.index})`}, is`
    : root === final ? 'The final image is' : `The final image (stage ${final.name ?? final.index}) is`;
  // The release is an ARG's default (shiori's `ARG ALPINE_VERSION=3.19`, which its release
  // scripts override with `--build-arg`): say so, and that the default is what to move.
  const args = releaseArgs(model, root.base);
  const move = args.length === 0
    ? 'Move to a supported release.'
    : `The release comes from the default of ${args.map((a) => `ARG ${a.name} (line ${a.line})`).join(' and ')}: a build that passes \`--build-arg ${args[0].name}=…\` gets another, but every build that does not gets this one. Move the default to a supported release.`;
  return {
    message: `${via} based on ${shown}: ${ended.release}'s ${ended.what} ended ${ended.ended}. Its packages, CA certificates and time-zone data get no more fixes (image scanners report what they miss), and no package upgrade brings them. ${move}`,
    span: root.from.args[0]?.span ?? root.from.span,
  };
}

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
  for (const name of referencedNames(part)) {
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
