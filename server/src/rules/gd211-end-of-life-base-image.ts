import { stageChain } from '../dockerfile/facts';
import { endedRelease } from '../images/endOfLife';
import type { Rule } from './types';

/**
 * GD211: the final image is built on an operating-system release whose updates have ended
 * (images/endOfLife.ts: `alpine:3.14`, `debian:buster-slim`, `ubuntu:18.04`, an official image's
 * `-alpine3.13` or `-buster` variant). A static Go binary needs nothing else from the system, but
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
    const root = stageChain(ctx.model, final)[0];
    if (root.baseStage !== null || !root.resolvedBase) return [];
    const ended = endedRelease(root.resolvedBase);
    if (!ended) return [];
    const shown = root.base === root.resolvedBase ? root.base : `${root.base} (${root.resolvedBase})`;
    const via = root === final ? 'The final image is' : `The final image (stage ${final.name ?? final.index}) is`;
    return [{
      message: `${via} based on ${shown}: ${ended.release}'s ${ended.what} ended ${ended.ended}. Its packages, CA certificates and time-zone data get no more fixes (image scanners report what they miss), and no package upgrade brings them. Move to a supported release.`,
      span: root.from.args[0]?.span ?? root.from.span,
    }];
  },
};
