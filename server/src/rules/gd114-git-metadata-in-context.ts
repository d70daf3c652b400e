/**
 * GD114: `.git` is in the build context, .dockerignore does not exclude it, and a COPY/ADD (or a
 * RUN bind mount) takes the whole context. Every commit, checkout or fetch then invalidates that
 * layer and everything after it; where `.git` is a file (a worktree or submodule pointer) or
 * the builder runs as non-root, `go build` fails with "error obtaining VCS status".
 *
 * Silent when the context has no `.git` (a sub-folder of a repository, an exported tree), when
 * the copy says `--exclude=.git`, when a `!.git` line re-includes it on purpose, when the build
 * reads the repository (`git describe`/`rev-parse` in a RUN, `-buildvcs=true`, goreleaser, or a
 * Makefile/Taskfile/script it runs that mentions git, or one we cannot read: see
 * facts/contextInputs.ts `readsGitMetadata`), and when a `<name>.dockerignore` exists (it may be
 * the Dockerfile's own ignore file).
 *
 * Fix: append `.git` to .dockerignore (an edit of that file), or create it.
 */
import { formatBytesShort } from '../bytes';
import { dockerfileSpecificIgnores, readsGitMetadata, wholeContextUses } from '../facts/contextInputs';
import { appendLinesEdit } from '../edits/dockerignoreLines';
import { dockerignoreOf } from '../workspace/query';
import type { Fix, Rule, RuleContext } from './types';

export const gd114: Rule = {
  code: 'GD114',
  name: 'git-metadata-in-context',
  summary: '`.git` is sent with the whole context although the build never reads it',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'unsafe',
  facts: ['contextInputs', 'workspace', 'contextFiles', 'dockerignore'],
  docs: { workspace: '(reads `.dockerignore` and the context)' },
  check(ctx) {
    const ws = ctx.workspace!;
    const git = ws.context.git;
    if (git.kind === null || git.excluded) return [];
    if (dockerfileSpecificIgnores(ctx.files, ws).length > 0) return [];
    const ignore = ctx.files?.dockerignore ?? dockerignoreOf(ws);
    const decided = ignore?.explain('.git');
    if (decided?.ignored || decided?.pattern?.negated) return [];
    const use = wholeContextUses(ctx.model, ctx.finalStage).find((i) => !i.flags.some((f) => f.name === 'exclude' && /^\.?\/?\.git\/?$/.test(f.value ?? '')));
    if (!use) return [];
    // The build reads the repository (version stamping): .git belongs in this context.
    if (readsGitMetadata(ctx.model, ctx.finalStage, ctx.files ? (rel) => ctx.files!.readFile(rel) : undefined)) return [];
    const size = git.bytes !== null && git.bytes > 0 ? ` (${formatBytesShort(git.bytes)})` : '';
    const pointer = git.kind === 'file'
      ? ' Here `.git` is a file (a worktree or submodule pointer to a repository outside the context), so `go build` fails with "error obtaining VCS status".'
      : ' If the builder runs as another user than the files\' owner, git refuses the repository and `go build` fails with "error obtaining VCS status".';
    return [{
      message: `.git${size} is not excluded by .dockerignore and ${use.keyword} ${use.keyword === 'RUN' ? 'bind-mounts' : 'copies'} the whole build context: every commit, checkout or fetch invalidates this layer and every step after it.${pointer} Add .git to .dockerignore.`,
      span: use.span,
      fix: fixFor(ctx),
    }];
  },
};

function fixFor(ctx: RuleContext): Fix {
  const existing = ctx.workspace!.dockerignore;
  if (existing) {
    return {
      title: 'Add .git to .dockerignore',
      edits: [],
      editFiles: [{ path: '.dockerignore', base: existing.text, edits: [appendLinesEdit(existing.text, ['.git'])] }],
      // Another file: fix-all (which edits the Dockerfile alone) must not pick it up.
      safe: false,
    };
  }
  return { title: 'Create .dockerignore excluding .git', edits: [], createFiles: [{ path: '.dockerignore', text: '.git\n' }], safe: false };
}
