/**
 * GD209: `FROM image` without a tag, or with `:latest`. Not reported: references to earlier
 * stages, `scratch`, an image pinned by digest (`@sha256:…`), and a FROM whose variables have
 * no default (the value is unknown). A variable that resolves to a tag is judged by its value.
 *
 * Fix: only for `golang` when the workspace names a Go version (go.mod/go.work `go`, raised to
 * `toolchain` when that is newer, so GD101 stays quiet): `golang` -> `golang:1.24.2`,
 * `golang:latest` -> `golang:1.24.2`. Safe for fix-all: it pins the compiler the module
 * declares. Other images get no fix: inventing a version would be a guess. Nor does a FROM
 * written with variables (the edit would belong in the ARG).
 */
import { parseImageRef } from '../images/imageRef';
import { compareGoVersions } from '../images/golangTag';
import { requiredGoVersion } from '../workspace/query';
import { insert, replace } from '../edits/edits';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';
import type { Stage } from '../dockerfile/model';

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export const gd209: Rule = {
  code: 'GD209',
  name: 'unpinned-base-image',
  summary: 'A base image without a tag, or with `:latest`',
  severity: 'warning',
  needsWorkspace: false,
  peers: ['DL3006', 'DL3007'],
  fix: 'safe',
  facts: ['images', 'workspace'],
  docs: { workspace: '(the golang fix uses go.mod when available)', peers: 'hadolint **DL3006** (no tag), **DL3007** (`:latest`)' },
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const stage of ctx.model.stages) {
      // An unresolved variable (no default, or a default that is itself a variable): unknown.
      if (stage.baseStage !== null || !stage.resolvedBase || stage.resolvedBase.includes('$')) continue;
      const ref = parseImageRef(stage.resolvedBase);
      if (!ref.repository || (ref.registry === null && ref.repository === 'scratch')) continue;
      if (ref.digest) continue;
      if (ref.tag !== null && ref.tag !== 'latest') continue;
      const shown = stage.base === stage.resolvedBase ? stage.base : `${stage.base} (${stage.resolvedBase})`;
      out.push({
        message: ref.tag === null
          ? `FROM ${shown} has no tag, so it means :latest, which moves: the same Dockerfile builds different images over time. Pin a tag (and for full repeatability a digest).`
          : `FROM ${shown} uses :latest, which moves: the same Dockerfile builds different images over time. Pin a tag (and for full repeatability a digest).`,
        span: stage.from.args[0]?.span ?? stage.from.span,
        fix: golangFix(ctx, stage),
      });
    }
    return out;
  },
};

function golangFix(ctx: RuleContext, stage: Stage): Fix | undefined {
  const word = stage.from.args[0];
  if (!word || word.value.includes('$') || !ctx.workspace) return undefined;
  const ref = parseImageRef(word.value);
  if (ref.repository !== 'golang' || (ref.registry !== null && !HUB.has(ref.registry))) return undefined;
  const req = requiredGoVersion(ctx.workspace);
  if (!req) return undefined;
  const version = req.toolchain && compareGoVersions(req.toolchain, req.version) > 0 ? req.toolchain : req.version;
  if (!/^\d+(\.\d+){0,2}((rc|beta)\d+)?$/.test(version)) return undefined;
  const text = ctx.model.text.slice(word.span.start, word.span.end);
  if (text !== word.value) return undefined; // quoted or escaped: leave it to the author
  const edit = ref.tag === null
    ? insert(word.span.end, `:${version}`)
    : replace(word.span.end - 'latest'.length, word.span.end, version);
  return { title: `Pin golang:${version} (the ${req.source} version)`, edits: [edit], safe: true };
}
