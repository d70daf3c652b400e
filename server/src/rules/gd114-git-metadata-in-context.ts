/**
 * GD114: `.git` is in the build context, .dockerignore does not exclude it, and a COPY/ADD (or a
 * RUN bind mount) takes the whole context. Every commit, checkout or fetch then invalidates that
 * layer and everything after it; where `.git` is a file (a worktree or submodule pointer) or
 * the builder runs as non-root, `go build` fails with "error obtaining VCS status".
 *
 * Silent when the context has no `.git` (a sub-folder of a repository, an exported tree), when
 * .dockerignore excludes everything in it (`.git/**`), when
 * the copy says `--exclude=.git`, when a `!.git` line re-includes it on purpose, when the build
 * reads the repository in any stage, also one another target builds (`git describe`/`rev-parse`
 * in a RUN, `-buildvcs=true`, goreleaser, or a
 * Makefile/Taskfile/script it runs that mentions git or runs a script of the context that does
 * (`scriptsRunBy`), or one we cannot read; a `go test` of code
 * that opens the repository with go-git or git2go, or runs git; with git in the
 * stage (installed before the build or in its RUN), a `go tool` program of the module, or a go
 * build with default VCS stamping of a program that reads its build info, itself or through
 * prometheus/common/version (whose revision comes from the stamp unless the build sets it):
 * see facts/contextInputs.ts `readsGitMetadata`, the fact GD305's fix
 * and the generated .dockerignore share). The ignore file is the one BuildKit uses for this
 * Dockerfile (`<Dockerfile>.dockerignore` first; driver/ignoreFile.ts gives it as the
 * workspace's .dockerignore): another Dockerfile's ignore file does not count. The "error
 * obtaining VCS status" sentence is
 * said only when the builder has git (without it, Go 1.18.1+ skips stamping).
 *
 * Fix: append `.git` to the ignore file (an edit of that file), or create .dockerignore.
 */
import { formatBytesShort } from '../bytes';
import { readsGitMetadata, stageHasGit, wholeContextUses } from '../facts/contextInputs';
import { appendLinesEdit } from '../edits/dockerignoreLines';
import { dockerignoreOf } from '../workspace/query';
import { stageGoCommands } from '../dockerfile/facts';
import { stagesFeeding } from '../dockerfile/goBuild';
import type { Stage } from '../dockerfile/model';
import { withLazyFix, type Fix, type Rule, type RuleContext } from './types';

export const gd114: Rule = {
  code: 'GD114',
  name: 'git-metadata-in-context',
  summary: '`.git` is sent with the whole context although the build never reads it',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'unsafe',
  facts: ['contextInputs', 'workspace', 'contextFiles', 'dockerignore', 'goCommands'],
  docs: { workspace: '(reads `.dockerignore` and the context)' },
  check(ctx) {
    const ws = ctx.workspace!;
    const gitDir = ws.context.git;
    if (gitDir.kind === null || gitDir.excluded) return [];
    const ignore = ctx.files?.dockerignore ?? dockerignoreOf(ws);
    const decided = ignore?.explain('.git');
    if (decided?.ignored || decided?.pattern?.negated) return [];
    // `.git/**` sends an empty .git folder: nothing a commit or checkout changes (HEAD is in every repository).
    if (gitDir.kind === 'dir' && ignore?.explain('.git/HEAD').ignored) return [];
    const use = wholeContextUses(ctx.model, ctx.finalStage).find((i) => !i.flags.some((f) => f.name === 'exclude' && /^\.?\/?\.git\/?$/.test(f.value ?? '')));
    if (!use) return [];
    // The build reads the repository (version stamping): .git belongs in this context.
    const files = ctx.files;
    const read = files ? (rel: string) => files.readFile(rel) : undefined;
    // Any stage: another target of this Dockerfile (`--target validate`) shares the .dockerignore.
    if (readsGitMetadata(ctx.model, 'all', read, ws)) return [];
    const git = builderStages(ctx).some((s) => stageHasGit(ctx.model, s));
    const name = ws.dockerignore?.path ?? '.dockerignore';
    const size = gitDir.bytes !== null && gitDir.bytes > 0 ? ` (${formatBytesShort(gitDir.bytes)})` : '';
    // "error obtaining VCS status" needs a git binary (without one, Go 1.18.1+ skips stamping).
    const pointer = !git ? ''
      : gitDir.kind === 'file'
        ? ' Here `.git` is a file (a worktree or submodule pointer to a repository outside the context), so `go build` fails with "error obtaining VCS status".'
        : ' If the builder runs as another user than the files\' owner, git refuses the repository and `go build` fails with "error obtaining VCS status".';
    return [withLazyFix({
      message: `.git${size} is not excluded by ${name} and ${use.keyword} ${use.keyword === 'RUN' ? 'bind-mounts' : 'copies'} the whole build context: every commit, checkout or fetch invalidates this layer and every step after it.${pointer} Add .git to ${name}.`,
      span: use.span,
    }, () => fixFor(ctx))];
  },
};

/** Stages that build Go and whose files reach the final stage. */
function builderStages(ctx: RuleContext): Stage[] {
  const feeding = stagesFeeding(ctx.model, ctx.finalStage);
  return ctx.model.stages.filter((s) => feeding.has(s.index) && stageGoCommands(s).some((g) => g.sub === 'build' || g.sub === 'install'));
}

function fixFor(ctx: RuleContext): Fix {
  const existing = ctx.workspace!.dockerignore;
  if (existing) {
    return {
      title: `Add .git to ${existing.path}`,
      edits: [],
      editFiles: [{ path: existing.path, base: existing.text, edits: [appendLinesEdit(existing.text, ['.git'])] }],
      // Another file: fix-all (which edits the Dockerfile alone) must not pick it up.
      safe: false,
    };
  }
  return { title: 'Create .dockerignore excluding .git', edits: [], createFiles: [{ path: '.dockerignore', text: '.git\n' }], safe: false };
}
