/**
 * A Dockerfile kept for the classic builder (no BuildKit), beside a BuildKit variant of it.
 *
 * regclient keeps build/Dockerfile.regctl (plain `RUN go mod download`, no mounts, no `# syntax`
 * line) for builders without BuildKit and build/Dockerfile.regctl.buildkit with the cache mounts;
 * its Makefile builds the `.buildkit` one when `docker build --help` shows `--progress`, else the
 * plain one. Advice that needs BuildKit (a cache mount) belongs to the sibling: in the plain file
 * `RUN --mount` fails with "the --mount option requires BuildKit".
 */
import { stageChain } from '../dockerfile/facts';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { WorkspaceFiles } from '../workspace/types';

/** The flags the classic builder reads on COPY and ADD (RUN takes none there). */
const CLASSIC_COPY_FLAGS = new Set(['from', 'chown']);

/**
 * The BuildKit variant of this Dockerfile (`<its path>.buildkit`, context-relative) when the
 * context holds one and this file is the classic-builder one: no `# syntax=` directive, and the
 * stage's FROM chain uses nothing only BuildKit reads (a RUN flag: `--mount`, `--network`,
 * `--security`; a COPY/ADD flag other than `--from` and `--chown`: `--link`, `--chmod`,
 * `--exclude`…; a heredoc). Null otherwise, or when the Dockerfile's path in the context is unknown.
 * (Per stage: a stage-scoped rule's findings depend on the stage's chain only.)
 */
export function buildKitSibling(model: DockerfileModel, stage: Stage, dockerfile: string | undefined, files: WorkspaceFiles | undefined): string | null {
  if (!dockerfile || !files) return null;
  const sibling = `${dockerfile}.buildkit`;
  if (!files.fileExists(sibling)) return null;
  if (model.directives.some((d) => d.name.toLowerCase() === 'syntax')) return null;
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (i.heredocs.length > 0) return null;
      if (i.keyword === 'RUN' && i.flags.length > 0) return null;
      if ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.some((f) => !CLASSIC_COPY_FLAGS.has(f.name))) return null;
    }
  }
  return sibling;
}
