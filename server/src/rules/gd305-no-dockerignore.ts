/**
 * GD305: the build context has no .dockerignore, and the build copies the whole context
 * (`COPY . .`, `ADD . /src`, or a RUN bind mount of the context root): .git, local binaries,
 * test output and env files all go into the context and into that layer.
 *
 * Reported on the first instruction that takes the whole context. A build that only names
 * specific files or folders is not reported: BuildKit sends only what COPY/ADD reference.
 * Silent when the Dockerfile has its own `<Dockerfile>.dockerignore` (BuildKit uses it instead of
 * .dockerignore; driver/ignoreFile.ts gives it as the workspace's .dockerignore). Another
 * Dockerfile's `<name>.dockerignore` does not apply to this one, and does not silence it.
 *
 * Silent when the context, read from disk, holds no Go module or package (e.g. a folder of
 * generated CRDs passed as the context).
 *
 * Fix: create a Go-aware .dockerignore (generate/dockerignore.ts `goDockerignore`): only patterns
 * that exclude nothing the build needs or may need.
 */
import { formatBytesShort } from '../bytes';
import { conflictCache, readEmbedDirectives, wholeContextUses } from '../facts/contextInputs';
import { goDockerignore } from '../generate/dockerignore';
import type { Rule } from './types';

export const gd305: Rule = {
  code: 'GD305',
  name: 'no-dockerignore',
  summary: 'The build takes the whole context, and the context has no .dockerignore',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'unsafe',
  facts: ['contextInputs', 'embeds', 'workspace', 'contextFiles', 'dockerignore'],
  docs: { workspace: '(looks at the build context)' },
  check(ctx) {
    const ws = ctx.workspace!;
    if (ws.dockerignore) return [];
    // A context with no Go at all (a folder of generated manifests made for this build): no
    // binaries, test output or env files of a Go project to keep out.
    if (ctx.files && !ws.truncated && ws.modules.length === 0 && ws.packages.length === 0 && !ws.work) return [];
    const use = wholeContextUses(ctx.model, ctx.finalStage)[0];
    if (!use) return [];
    const files = ctx.files;
    const generated = goDockerignore(ws, ctx.model, {
      finalStage: ctx.finalStage,
      embeds: files ? readEmbedDirectives(ws, (rel) => files.readFile(rel)) : [],
      readFile: files ? (rel) => files.readFile(rel) : undefined,
      listFiles: files ? (under) => files.listFiles(under) : undefined,
      cache: files ? conflictCache(ws) : undefined,
    });
    const sent = files && ws.context.sentBytes > 0 ? ` (${formatBytesShort(ws.context.sentBytes)} in ${ws.context.sentFiles} files)` : '';
    const git = ws.context.git.kind !== null && generated.patterns.includes('.git') ? ' .git,' : '';
    return [{
      message: `The build context has no .dockerignore, and ${use.keyword} takes all of it${sent}:${git} local binaries, test output and env files go into the context and this layer, and any change to them re-runs the build. Add a .dockerignore.`,
      span: use.span,
      fix: {
        title: 'Create a Go-aware .dockerignore',
        edits: [],
        createFiles: [{ path: '.dockerignore', text: generated.text }],
        safe: false,
      },
    }];
  },
};
