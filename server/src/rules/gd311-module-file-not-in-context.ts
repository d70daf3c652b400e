/**
 * GD311: a COPY/ADD from the build context (or a RUN bind mount of it) names a Go module file
 * (go.mod, go.sum, go.work, go.work.sum) that the context does not have: BuildKit stops at that
 * instruction with `failed to compute cache key: … "/go.sum": not found`. The sources read are
 * those of facts/contextInputs.ts `contextUses` (the stages the target builds); a source counts
 * only when it is a plain path (contextPath: no glob, no variable, no URL, no heredoc) whose
 * last segment is one of those names.
 *
 * Certain or silent: only when the context's files are known (`ctx.files`) and the walk was
 * complete (not `truncated`); when the file's folder is in the context (a source under a folder
 * the context lacks says more about the context than about the file: a Dockerfile built from
 * another folder than the one we read); and for a go.sum, when the go.mod beside it has packages
 * of its own, and either no requirements or requirements go needs checksums for while no
 * .gitignore explains the file's absence, or .gitignore lists it and no build file makes it
 * (goSumMissing). A path the ignore file excludes is GD306's
 * (it reports a missing path that `.dockerignore` excludes wholly, `isDirFullyExcluded`), not ours.
 *
 * Fix (safe: the file does not exist, so nothing it copies changes): drop a missing go.sum or
 * go.work.sum from a COPY/ADD that copies something else too, when the destination stays a
 * folder (several sources remain, or it ends in `/`, or it is `.`). A module without
 * requirements has no go.sum; a workspace whose modules need no extra checksums has no
 * go.work.sum. Not for go.mod or go.work: where they are is a question of the context; nor for
 * the go.sum of a module with requirements (without it the build stops at go instead).
 */
import * as path from 'path';
import { contextPath, copyPaths } from '../dockerfile/facts';
import type { Instruction } from '../dockerfile/model';
import { contextUses } from '../facts/contextInputs';
import { gitIgnored, ignoredGoSumMade } from '../facts/gitIgnored';
import { replace, type Edit } from '../edits/edits';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { dockerignoreOf } from '../workspace/query';
import { withLazyFix, type Fix, type Rule, type RuleContext, type RuleFinding } from './types';

const MODULE_FILE = /^(go\.mod|go\.sum|go\.work|go\.work\.sum)$/;
/** Files a build does without when they do not exist: dropping them from a COPY is certain. */
const OPTIONAL = /^(go\.sum|go\.work\.sum)$/;

export const gd311: Rule = {
  code: 'GD311',
  name: 'module-file-not-in-context',
  summary: 'A COPY names a Go module file the build context does not have',
  severity: 'error',
  needsWorkspace: true,
  fix: 'safe',
  facts: ['contextInputs', 'copySources', 'workspace', 'contextFiles', 'dockerignore', 'gitignore'],
  docs: { workspace: '(fires only when the context\'s files were all read)', fix: '(drops a missing go.sum or go.work.sum)' },
  check(ctx) {
    const ws = ctx.workspace!;
    const files = ctx.files;
    if (!files || ws.truncated) return [];
    const ignore = files.dockerignore ?? dockerignoreOf(ws);
    const out: RuleFinding[] = [];
    for (const use of contextUses(ctx.model, ctx.finalStage)) {
      const missing: { source: string; rel: string; sum: 'none' | 'required' | 'ignored' }[] = [];
      for (const source of use.sources) {
        const rel = contextPath(source);
        if (rel === null || rel === '' || !MODULE_FILE.test(path.posix.basename(rel))) continue;
        if (files.fileExists(rel) || files.dirExists(rel)) continue;
        const dir = path.posix.dirname(rel);
        if (dir !== '.' && !files.dirExists(dir)) continue;
        // GD306 reports a path the ignore file excludes.
        if (ignore?.isDirFullyExcluded(rel)) continue;
        const sum = path.posix.basename(rel) === 'go.sum' ? goSumMissing(ws, files, dir === '.' ? '' : dir) : 'none';
        if (sum === null) continue;
        if (missing.some((m) => m.rel === rel)) continue;
        missing.push({ source, rel, sum });
      }
      for (const m of missing) {
        const name = path.posix.basename(m.rel);
        const via = use.instr.keyword === 'RUN' ? 'this RUN\'s bind mount' : `this ${use.instr.keyword}`;
        out.push(withLazyFix({
          message: `${m.rel} is not in the build context, so the build stops at ${via} with \`"/${m.rel}": not found\`. ${m.sum === 'required' ? REQUIRED_SUM : m.sum === 'ignored' ? IGNORED_SUM : advice(name, m.rel, use.instr)}`,
          span: use.instr.span,
        }, () => (OPTIONAL.test(name) && m.sum === 'none' ? dropSource(ctx, use.instr, m.source, missing.map((o) => o.source)) : null)));
      }
    }
    return out;
  },
};

const REQUIRED_SUM = 'The module requires other modules, so go needs their checksums too: run `go mod tidy` and commit go.sum.';
const IGNORED_SUM = '.gitignore lists go.sum and no build file of the repository makes it (none runs `go mod tidy`, `go mod download` or `go get`), so every clean clone stops here; the module requires other modules, so go needs their checksums: take go.sum out of .gitignore and commit it (`go mod tidy`).';

/**
 * Whether a go.sum the context lacks is certainly missing: 'none' for a program without
 * requirements (it has no go.sum; the fix drops it from the COPY); 'required' for a module that
 * requires a module no local `replace` points to a folder (`go mod tidy` writes its checksums),
 * unless .gitignore lists that go.sum: then a clean checkout lacks it, and the pipeline makes it
 * before the build when a build file runs `go mod tidy` or the like, or is out of view (null);
 * 'ignored' when the build files are in view and none makes it (facts/gitIgnored.ts
 * ignoredGoSumMade: fosrl/gerbil). A tree with the module's go.mod and no packages of its own is not the one a
 * Dockerfile that copies its go.sum builds (null): a go.mod copied alone (a partial tree), or a
 * monorepo root that only anchors go.work (formance): that Dockerfile was given another context.
 * Without a go.mod there the go.mod is missing too (reported on its own): 'none'.
 */
function goSumMissing(ws: WorkspaceModel, files: WorkspaceFiles, dir: string): 'none' | 'required' | 'ignored' | null {
  const mod = ws.modules.find((m) => m.dir === dir);
  if (!mod) return 'none';
  if (!ws.packages.some((p) => p.module === dir)) return null;
  if (mod.requires.length === 0) return 'none';
  const local = new Set(mod.replaces.filter((r) => r.local).map((r) => r.oldPath));
  if (mod.requires.every((r) => local.has(r))) return null;
  if (!gitIgnored(ws, files, dir ? `${dir}/go.sum` : 'go.sum')) return 'required';
  return ignoredGoSumMade(ws, files) === 'missing' ? 'ignored' : null;
}

function advice(name: string, rel: string, instr: Instruction): string {
  const glob = rel.includes('/') ? `${path.posix.dirname(rel)}/go.*` : 'go.*';
  switch (name) {
    case 'go.sum':
      return instr.keyword === 'RUN'
        ? 'A module without requirements has no go.sum: drop this mount (or run `go mod tidy` and commit go.sum when the module has requirements).'
        : `A module without requirements has no go.sum: drop it from the ${instr.keyword}, or copy \`${glob}\` (a glob that matches go.mod copies go.sum too once it exists); if the module has requirements, run \`go mod tidy\` and commit go.sum.`;
    case 'go.work.sum':
      return 'A workspace whose modules need no extra checksums has no go.work.sum: drop it, or run `go work sync` and commit it if the build needs it.';
    case 'go.work':
      return 'A COPY cannot reach outside the context: build with the folder that holds go.work as the context, or drop it from the COPY to build in module mode.';
    default:
      return 'A COPY cannot reach outside the context: build with the folder that holds go.mod as the context (`docker build -f <Dockerfile> <folder>`), or drop this COPY and the go commands that read it if the build no longer needs them.';
  }
}

/** Removes `source` from the instruction's sources, when the destination keeps its meaning. */
function dropSource(ctx: RuleContext, instr: Instruction, source: string, alsoMissing: string[]): Fix | null {
  if (instr.keyword === 'RUN') return null;
  const paths = copyPaths(instr);
  if (!paths) return null;
  const rest = paths.sources.filter((s) => s !== source);
  // Something else is copied (not only other missing files), and the destination stays a folder.
  if (rest.length === 0 || rest.every((s) => alsoMissing.includes(s)) || paths.sources.length - rest.length !== 1) return null;
  if (rest.length === 1 && !(paths.dest.endsWith('/') || paths.dest === '.')) return null;
  const text = ctx.model.text;
  const edits: Edit[] = [];
  if (instr.json) {
    if (!instr.argsSpan) return null;
    const args = text.slice(instr.argsSpan.start, instr.argsSpan.end);
    const lit = JSON.stringify(source);
    const at = args.indexOf(lit);
    if (at < 0 || args.indexOf(lit, at + 1) >= 0) return null;
    const start = instr.argsSpan.start + at;
    const end = start + lit.length;
    // The comma after it (it is never the last: the destination follows), and the spaces after that.
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (!after) return null;
    edits.push(replace(start, end + after[0].length, ''));
  } else {
    const w = instr.args.find((a) => a.value === source);
    if (!w || instr.args.filter((a) => a.value === source).length !== 1 || text.slice(w.span.start, w.span.end) !== source) return null;
    // The word and the blanks before it (a source is never the first word of the line: the keyword is).
    let start = w.span.start;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (start === w.span.start) return null;
    edits.push(replace(start, w.span.end, ''));
  }
  return { title: `Drop ${source} from this ${instr.keyword} (the context has none)`, edits, safe: true };
}
