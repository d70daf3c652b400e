/**
 * GD307: the build sends large paths it never uses: `node_modules/`, `bin/`, `dist/`, `*.test`
 * binaries, coverage files, local env files (`.git` is GD114's). They slow every context
 * transfer, and under `COPY . .` any change to them re-runs the build.
 *
 * What counts: files the current .dockerignore lets through, inside a folder the build copies
 * (the whole context, or a folder a COPY/ADD names), grouped by path; a path the build needs or
 * may need (named by a COPY, embedded with //go:embed, holding Go packages, named by a RUN
 * after the copy) is left out. Reported when the paths together reach 1 MiB, on the
 * instruction that copies the first of them; the message lists them with their sizes. Env
 * files are listed with the heavy paths (they should not be in the context either) but never
 * trigger the finding on their own: GD305 covers a missing .dockerignore.
 *
 * Fix: add the paths to .dockerignore (an edit of that file), or create it with them.
 */
import { formatBytesShort } from '../bytes';
import { contextPath, isWholeContext } from '../dockerfile/facts';
import { conflictCache, contextInputs, contextUses, patternConflict, readEmbedDirectives } from '../facts/contextInputs';
import { appendLinesEdit } from '../edits/dockerignoreLines';
import type { Instruction } from '../dockerfile/model';
import type { FileEntryInfo } from '../workspace/types';
import { workspaceFact } from '../facts/memo';
import { withLazyFix, type Fix, type Rule, type RuleContext } from './types';

/** Reported when the unused paths together are at least this large. */
export const HEAVY_CONTEXT_BYTES = 1024 * 1024;

type Kind = 'node_modules' | 'output' | 'test-binary' | 'coverage' | 'env';

interface Heavy {
  /** Context-relative path: a folder (node_modules, bin, dist) or a file. */
  path: string;
  dir: boolean;
  kind: Kind;
  files: number;
  bytes: number;
}

const COVERAGE = /^(coverage|cover|profile)\.(out|txt|html)$|\.coverprofile$/;
const ENV_TEMPLATE = /\.(example|sample|template|dist|defaults?)$/;

/** Unused-looking paths among the files the context sends, with their sizes. */
function heavyPaths(files: readonly FileEntryInfo[]): Heavy[] {
  const byPath = new Map<string, Heavy>();
  const add = (path: string, dir: boolean, kind: Kind, size: number) => {
    const h = byPath.get(path) ?? { path, dir, kind, files: 0, bytes: 0 };
    h.files++;
    h.bytes += size;
    byPath.set(path, h);
  };
  for (const f of files) {
    if (f.ignored) continue;
    const segs = f.path.split('/');
    if (segs[0] === '.git') continue; // GD114's
    const nm = segs.indexOf('node_modules');
    if (nm >= 0) {
      add(segs.slice(0, nm + 1).join('/'), true, 'node_modules', f.size);
      continue;
    }
    if (segs.length > 1 && (segs[0] === 'bin' || segs[0] === 'dist')) {
      add(segs[0], true, 'output', f.size);
      continue;
    }
    const name = segs[segs.length - 1];
    if (name.endsWith('.test')) add(f.path, false, 'test-binary', f.size);
    else if (COVERAGE.test(name)) add(f.path, false, 'coverage', f.size);
    else if ((name === '.env' || name.startsWith('.env.')) && !ENV_TEMPLATE.test(name)) add(f.path, false, 'env', f.size);
  }
  return [...byPath.values()];
}

/** The .dockerignore lines for the paths: exact paths, `**` forms when a name repeats. */
function patternsFor(heavy: readonly Heavy[]): { pattern: string; paths: Heavy[] }[] {
  const out: { pattern: string; paths: Heavy[] }[] = [];
  const ofKind = (k: Kind) => heavy.filter((h) => h.kind === k).sort((a, b) => a.path.localeCompare(b.path));
  const nm = ofKind('node_modules');
  if (nm.length > 3) out.push({ pattern: '**/node_modules/', paths: nm });
  else for (const h of nm) out.push({ pattern: `${h.path}/`, paths: [h] });
  for (const h of ofKind('output')) out.push({ pattern: `${h.path}/`, paths: [h] });
  const tests = ofKind('test-binary');
  if (tests.length > 3) out.push({ pattern: tests.every((t) => !t.path.includes('/')) ? '*.test' : '**/*.test', paths: tests });
  else for (const h of tests) out.push({ pattern: h.path, paths: [h] });
  for (const h of [...ofKind('coverage'), ...ofKind('env')]) out.push({ pattern: h.path, paths: [h] });
  return out;
}

export const gd307: Rule = {
  code: 'GD307',
  name: 'heavy-context',
  summary: 'The build sends large paths it never uses',
  severity: 'information',
  needsWorkspace: true,
  fix: 'unsafe',
  facts: ['copySources', 'contextInputs', 'embeds', 'workspace', 'contextFiles', 'dockerignore'],
  docs: { workspace: '(walks the build context and measures it)' },
  check(ctx) {
    const ws = ctx.workspace!;
    const files = ctx.files;
    if (!files) return [];
    // The folders the build copies, and by which instruction.
    const roots: { path: string; instr: Instruction }[] = [];
    for (const u of contextUses(ctx.model, ctx.finalStage)) {
      for (const s of u.sources) {
        const rel = isWholeContext(s) ? '' : contextPath(s);
        if (rel !== null) roots.push({ path: rel, instr: u.instr });
      }
    }
    if (roots.length === 0) return [];
    const heavy = workspaceFact(ws, 'heavyPaths', () => heavyPaths(files.listFiles('')));
    const rootOf = (p: string) => roots.find((r) => r.path === '' || p === r.path || p.startsWith(r.path + '/'));
    const sent = heavy.filter((h) => rootOf(h.path) && !roots.some((r) => r.path !== '' && (r.path === h.path || r.path.startsWith(h.path + '/'))));
    if (sent.length === 0) return [];
    const inputs = contextInputs(ws, ctx.model, { finalStage: ctx.finalStage, embeds: readEmbedDirectives(ws, (rel) => files.readFile(rel)), readFile: (rel) => files.readFile(rel) });
    const listFiles = (under: string) => files.listFiles(under);
    const kept = patternsFor(sent).filter((p) => patternConflict(p.pattern, inputs, listFiles, conflictCache(ws)) === null);
    const paths = kept.flatMap((p) => p.paths);
    const heavyBytes = paths.filter((h) => h.kind !== 'env').reduce((a, h) => a + h.bytes, 0);
    if (heavyBytes < HEAVY_CONTEXT_BYTES) return [];
    const total = paths.reduce((a, h) => a + h.bytes, 0);
    paths.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
    const shown = paths.slice(0, 5).map((h) => `${h.path}${h.dir ? '/' : ''} (${formatBytesShort(h.bytes)})`);
    const more = paths.length > 5 ? `, and ${paths.length - 5} more` : '';
    const instr = roots.filter((r) => paths.some((h) => rootOf(h.path) === r))[0]?.instr ?? roots[0].instr;
    return [withLazyFix({
      message: `The build context sends ${formatBytesShort(total)} the build never uses: ${shown.join(', ')}${more}. They slow every build's context transfer, and any change to them invalidates this COPY and every step after it. Add them to .dockerignore.`,
      span: instr.span,
    }, () => fixFor(ctx, kept.map((p) => p.pattern)))];
  },
};

function fixFor(ctx: RuleContext, patterns: string[]): Fix {
  const existing = ctx.workspace!.dockerignore;
  const title = `Add ${patterns.length === 1 ? patterns[0] : `${patterns.length} paths`} to ${existing?.path ?? '.dockerignore'}`;
  if (existing) {
    return { title, edits: [], editFiles: [{ path: existing.path, base: existing.text, edits: [appendLinesEdit(existing.text, patterns)] }], safe: false };
  }
  return { title: `Create .dockerignore excluding ${patterns.length === 1 ? patterns[0] : `${patterns.length} unused paths`}`, edits: [], createFiles: [{ path: '.dockerignore', text: patterns.map((p) => `${p}\n`).join('') }], safe: false };
}
