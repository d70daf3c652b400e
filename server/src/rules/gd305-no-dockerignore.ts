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
 *
 * A .dockerignore whose every pattern is a `!` exception excludes nothing (a `!` line only takes
 * back what an earlier line excluded): the build takes the whole context as if there were none.
 * The old kubebuilder scaffold's `# Ignore all files which are not go type` + `!**\/*.go`,
 * `!**\/*.mod`, `!**\/*.sum` (fluent/fluent-operator 00625bf, whose watcher images then copy the
 * whole 16 MB repository; kedacore/keda and OT-CONTAINER-KIT/redis-operator have the file too,
 * but their Dockerfiles copy named folders) lacks the `*` line before them. Reported on the same
 * instruction, with no fix: a `*` line would also exclude the other files the build copies by
 * name (the watchers' `COPY conf/…`), and the message names those that no `!` line takes back.
 */
import { formatBytesShort } from '../bytes';
import { conflictCache, contextUses, readEmbedDirectives, wholeContextUses } from '../facts/contextInputs';
import { contextPath } from '../dockerfile/facts';
import type { DockerfileModel } from '../dockerfile/model';
import { goDockerignore } from '../generate/dockerignore';
import { compileIgnorePattern, matchesOrParent } from '../workspace/ignorePattern';
import type { DockerignorePattern } from '../workspace/model';
import type { Rule, RuleFinding } from './types';

export const gd305: Rule = {
  code: 'GD305',
  name: 'no-dockerignore',
  summary: 'The build takes the whole context, and the context has no .dockerignore (or one that excludes nothing)',
  severity: 'warning',
  needsWorkspace: true,
  fix: 'unsafe',
  facts: ['contextInputs', 'embeds', 'workspace', 'contextFiles', 'dockerignore'],
  docs: { workspace: '(looks at the build context)' },
  check(ctx) {
    const ws = ctx.workspace!;
    const ignore = ws.dockerignore;
    const onlyExceptions = ignore !== null && ignore.patterns.length > 0 && ignore.patterns.every((p) => p.negated);
    if (ignore && !onlyExceptions) return [];
    // A context with no Go at all (a folder of generated manifests made for this build): no
    // binaries, test output or env files of a Go project to keep out.
    if (ctx.files && !ws.truncated && ws.modules.length === 0 && ws.packages.length === 0 && !ws.work) return [];
    const use = wholeContextUses(ctx.model, ctx.finalStage)[0];
    if (!use) return [];
    const files = ctx.files;
    if (ignore) {
      const sent = files && ws.context.sentBytes > 0 ? ` (${formatBytesShort(ws.context.sentBytes)} in ${ws.context.sentFiles} files)` : '';
      return [excludesNothing(ctx.model, ctx.finalStage, ignore.path, ignore.patterns, use.keyword, use.span, sent)];
    }
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

/**
 * GD305 for a .dockerignore of `!` lines only. The message names the copies by name that a `*`
 * line would exclude and no `!` line takes back (a literal reading of each source: a glob's
 * `*` is matched as written).
 */
function excludesNothing(model: DockerfileModel, finalStage: number, file: string, patterns: readonly DockerignorePattern[], keyword: string, span: { start: number; end: number }, sent: string): RuleFinding {
  const kept = patterns.map((p) => compileIgnorePattern(p.pattern));
  const lost: string[] = [];
  for (const u of contextUses(model, finalStage)) {
    for (const src of u.sources) {
      const rel = contextPath(src) ?? (/[$<]|:\/\//.test(src) ? null : src.trim().replace(/^(\.\/)+/, ''));
      if (!rel || lost.includes(rel) || kept.some((p) => matchesOrParent(p, rel))) continue;
      lost.push(rel);
    }
  }
  const which = patterns.length === 1 ? `its only pattern (line ${patterns[0].line})` : `every pattern in it (lines ${patterns[0].line}-${patterns[patterns.length - 1].line})`;
  const then = lost.length === 0
    ? ''
    : ` That line would also exclude what the build copies by name: ${lost.slice(0, 3).map((p) => `\`${p}\``).join(', ')}${lost.length > 3 ? ` and ${lost.length - 3} more` : ''}; add a \`!\` line for ${lost.length === 1 ? 'it' : 'each'}.`;
  return {
    message: `${file} excludes nothing: ${which} is a \`!\` exception, which only takes back what an earlier line excluded, and no line does. So ${keyword} takes the whole context${sent}, and any change in it re-runs the build. Add \`*\` as the first pattern to send only what the \`!\` lines name.${then}`,
    span,
  };
}
