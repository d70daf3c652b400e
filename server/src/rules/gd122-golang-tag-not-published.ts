/**
 * GD122: a FROM names a golang tag the golang images never published: a Go line with a Debian or
 * Alpine variant it never came with (`golang:1.25-bullseye`: bullseye images ended with Go 1.24;
 * `golang:1.18-bookworm`: bookworm began with Go 1.19; `golang:1.23-alpine3.16`). The pull fails
 * ("not found") before the build's first step.
 *
 * Only what the table of variants (images/golangTag.ts GOLANG_VARIANT_LINES) says for certain: a
 * release tag of Go 1.x naming its minor version (`1.25`, `1.25.3`; not `1-bullseye`, which once
 * existed, nor a prerelease) with a variant the table lists, for a line outside that variant's
 * range. A line newer than the table knows is judged only against a variant that has ended. Not
 * reported: a reference pinned by digest (pulled by its digest), a FROM whose variables have no
 * default, and any other image.
 *
 * No fix: the other variants of that Go line are another Debian or Alpine release (another C
 * library for a cgo build, other package names), a choice for the author; the message lists them.
 */
import { parseImageRef } from '../images/imageRef';
import { GOLANG_VARIANT_LINES, golangTagVersion, golangVariantLines, golangVariantPublished, goLine } from '../images/golangTag';
import { normalizeRepository } from '../images/table';
import type { Rule, RuleFinding } from './types';

export const gd122: Rule = {
  code: 'GD122',
  name: 'golang-tag-not-published',
  summary: 'A golang image tag that was never published: a Go line with a variant it never came with',
  severity: 'error',
  needsWorkspace: false,
  fix: 'none',
  facts: ['images'],
  // Nothing of it in a stage no build builds (rules/analyze.ts, facts/unbuiltStages.ts).
  inStage: true,
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      if (stage.baseStage !== null || !stage.resolvedBase || stage.resolvedBase.includes('$')) continue;
      if (parseImageRef(stage.resolvedBase).digest) continue;
      const { repo, tag } = normalizeRepository(stage.resolvedBase);
      if (repo !== 'golang' || !tag) continue;
      const go = golangTagVersion(tag);
      if (!go || go.major !== 1 || go.minor === null || go.prerelease !== null || !go.variant) continue;
      const variant = go.variant.slice(1);
      if (golangVariantPublished(variant, go.version) !== false) continue;
      const entry = golangVariantLines(variant);
      const line = goLine(go.version);
      if (!entry || !line) continue;
      const range = entry.last === null ? `from Go 1.${entry.first} on` : `for Go 1.${entry.first} through 1.${entry.last}`;
      const others = GOLANG_VARIANT_LINES.filter((v) => golangVariantPublished(v.variant, go.version) === true).map((v) => `-${v.variant}`);
      const shown = stage.base === stage.resolvedBase ? stage.base : `${stage.base} (${stage.resolvedBase})`;
      const use = others.length > 0 ? ` Use a variant Go ${line} came with (${others.join(', ')}), and keep the runtime's C library in step with it.` : '';
      out.push({
        message: `FROM ${shown}: the golang images never published ${variant} for Go ${line} (${variant} images exist ${range}), so the pull fails with "not found" and the build stops before its first step.${use}`,
        span: stage.from.args[0]?.span ?? stage.from.span,
      });
    }
    return out;
  },
};
