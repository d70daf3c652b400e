/**
 * GD306: .dockerignore excludes something the build needs (facts/contextInputs.ts
 * `contextInputs`): a path a COPY/ADD (or a RUN bind mount) names, go.mod/go.sum and go.work
 * files under a copied folder, vendor/modules.txt when the module is vendored, and the non-test
 * sources (and `//go:embed` files) of the packages the build compiles, and .git when a RUN's own
 * git command reads the repository (`$(git describe --tags)`). One finding per
 * instruction that brings them in; the message names the .dockerignore line that excludes each.
 *
 * A named path counts as excluded when it is a file the ignore file excludes, or a folder
 * nothing of which is sent (a path not in the workspace: when no `!` line could re-include
 * anything under it). Packages of builds we cannot resolve (variables, unknown WORKDIR) and
 * other "possible" inputs are never reported. The ignore file is the Dockerfile's own
 * `<Dockerfile>.dockerignore` when it has one (driver/ignoreFile.ts), else .dockerignore.
 *
 * Not a file goreleaser provides when the goreleaser config at the context root builds this
 * Dockerfile (facts/releaseBuilds.ts releaseContext): the binaries of its builds and its
 * `extra_files:` go into goreleaser's own build folder, where the repository's .dockerignore does
 * not apply (akash-network/node's `COPY ./akash /bin/` with `/akash` in .dockerignore), unless
 * `extra_files:` brings the .dockerignore along.
 *
 * No fix: whether to delete the pattern, narrow it or add a `!` line depends on why it is there.
 */
import { contextInputs, readEmbedDirectives, type ContextInput } from '../facts/contextInputs';
import { releaseContext } from '../facts/releaseBuilds';
import type { Instruction } from '../dockerfile/model';
import type { DockerIgnore } from '../workspace/dockerignore';
import { dockerignoreOf } from '../workspace/query';
import type { Rule, RuleFinding, WorkspaceFiles } from './types';

interface Excluded {
  input: ContextInput;
  /** The path that decides (the input, or a file under it). */
  path: string;
  line: number | null;
  pattern: string | null;
}

export const gd306: Rule = {
  code: 'GD306',
  name: 'dockerignore-excludes-input',
  summary: '.dockerignore excludes something the build needs',
  severity: 'error',
  needsWorkspace: true,
  peers: ['CopyIgnoredFile'],
  fix: 'none',
  facts: ['contextInputs', 'embeds', 'workspace', 'contextFiles', 'dockerignore'],
  docs: { workspace: '(matches `.dockerignore` with Docker\'s semantics)', fix: '(the message names the `.dockerignore` line)' },
  check(ctx) {
    const ws = ctx.workspace!;
    const ignore = ctx.files?.dockerignore ?? dockerignoreOf(ws);
    if (!ignore || ignore.patterns.length === 0) return [];
    const inputs = contextInputs(ws, ctx.model, { finalStage: ctx.finalStage, embeds: ctx.files ? readEmbedDirectives(ws, (rel) => ctx.files!.readFile(rel)) : [], readFile: ctx.files ? (rel) => ctx.files!.readFile(rel) : undefined });
    // The Dockerfile's own <Dockerfile>.dockerignore when it has one (driver/ignoreFile.ts).
    const file = ws.dockerignore?.path ?? '.dockerignore';
    // goreleaser builds the images of this Dockerfile in a folder of its own, where the binaries
    // and extra files it puts there are not filtered by this ignore file (akash-network/node).
    const release = releaseContext(ws, ctx.files, ctx.dockerfile);
    const byInstr = new Map<Instruction, Excluded[]>();
    const seen = new Set<string>();
    for (const input of inputs) {
      if (input.kind === 'possible' || !input.instr) continue;
      if (release?.provides(input.path)) continue;
      const key = `${input.instr.span.start}:${input.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ex = excluded(ignore, ctx.files, input);
      if (!ex) continue;
      byInstr.set(input.instr, [...(byInstr.get(input.instr) ?? []), ex]);
    }
    const out: RuleFinding[] = [];
    for (const [instr, list] of byInstr) {
      // One entry per package (its first excluded file), per named path, per module file.
      const items: string[] = [];
      const packages = new Set<string>();
      for (const e of list) {
        if (e.input.kind === 'source') {
          if (packages.has(e.input.what)) continue;
          packages.add(e.input.what);
        }
        const where = e.line !== null ? `line ${e.line} \`${e.pattern}\`` : 'no single line';
        const what = e.input.kind === 'source' ? `${e.input.what} (${e.path})`
          : e.input.kind === 'embed' ? `${e.path} (${e.input.what})`
          : e.input.path === '.git' ? `.git (\`${e.input.what}\` reads it)`
          : e.path + (e.path !== e.input.path ? ` (under ${e.input.path})` : '');
        items.push(`${what}: ${file} ${where}`);
      }
      const shown = items.slice(0, 4).join('; ') + (items.length > 4 ? `; and ${items.length - 4} more` : '');
      out.push({
        message: `${file} excludes what this ${instr.keyword} needs, so the build fails or builds without it: ${shown}.`,
        span: instr.span,
      });
    }
    return out;
  },
};

function excluded(ignore: DockerIgnore, files: WorkspaceFiles | undefined, input: ContextInput): Excluded | null {
  const result = (path: string): Excluded => {
    const e = ignore.explain(path);
    return { input, path, line: e.line, pattern: e.pattern?.text ?? null };
  };
  if (input.dir === false) return ignore.isIgnored(input.path) ? result(input.path) : null;
  // The repository's files are not listed: without HEAD (`.git/**`) there is no repository.
  if (input.path === '.git') return ignore.isIgnored('.git') ? result('.git') : ignore.isIgnored('.git/HEAD') ? result('.git/HEAD') : null;
  if (files?.fileExists(input.path)) return ignore.isIgnored(input.path) ? result(input.path) : null;
  if (ignore.isDirFullyExcluded(input.path)) return result(input.path);
  if (files?.dirExists(input.path)) {
    // Not wholly excluded by pattern, but maybe every file under it is.
    const under = files.listFiles(input.path);
    if (under.length > 0 && under.every((f) => f.ignored)) return result(under[0].path);
  }
  return null;
}
