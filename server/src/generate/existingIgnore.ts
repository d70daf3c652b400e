/**
 * The generated Dockerfile against the ignore file the build will really use: the project's own
 * `Dockerfile.dockerignore` or `.dockerignore` when there is one (the CLI keeps it unless
 * --force; the editor keeps it). Every path the generated build needs (facts/contextInputs.ts:
 * named COPY sources, module files, the compiled packages' sources, their `//go:embed` files)
 * that this file excludes is a conflict: with it, `docker build` fails ("not found", "no Go
 * files") or builds without it. Same semantics as GD306 (a file is excluded when the file
 * excludes it; a folder when nothing under it is sent), computed here so that both callers
 * (CLI and the editor request) see it before anything is written.
 */
import type { DockerfileModel } from '../dockerfile/model';
import { contextInputs, type ContextInput, type EmbedDirective } from '../facts/contextInputs';
import { DockerIgnore } from '../workspace/dockerignore';
import type { WorkspaceModel } from '../workspace/model';
import type { IgnoreConflict } from './types';

export interface ExistingIgnoreIo {
  readFile(rel: string): string | null;
  listFiles(under?: string): readonly { path: string }[];
}

/** The ignore file `docker build -f Dockerfile .` uses in this context, null when none. */
export function existingIgnoreFile(io: ExistingIgnoreIo): { path: string; text: string } | null {
  // BuildKit: `<Dockerfile name>.dockerignore` beside the Dockerfile wins over .dockerignore.
  for (const path of ['Dockerfile.dockerignore', '.dockerignore']) {
    const text = io.readFile(path);
    if (text !== null) return { path, text };
  }
  return null;
}

/**
 * What the existing ignore file excludes that the generated Dockerfile needs: one entry per
 * pattern line and input (a package counts once), in Dockerfile order. `produced`: context paths
 * the Dockerfile builds itself (a node stage's output copied over them), never conflicts.
 * `unread`: module files the build does not read although the context inputs count them (the
 * go.mod/go.sum of go.work members a GOWORK=off build never reaches).
 */
export function existingIgnoreConflicts(
  ws: WorkspaceModel,
  df: DockerfileModel,
  ignoreText: string,
  io: ExistingIgnoreIo,
  embeds: readonly EmbedDirective[],
  produced: readonly string[] = [],
  unread: readonly string[] = [],
): IgnoreConflict[] {
  const ignore = DockerIgnore.parse(ignoreText);
  if (ignore.patterns.length === 0) return [];
  const inputs = contextInputs(ws, df, { embeds, readFile: (rel) => io.readFile(rel) });
  const out: IgnoreConflict[] = [];
  const seen = new Set<string>();
  const isProduced = (p: string) => produced.some((d) => p === d || p.startsWith(d + '/') || d.startsWith(p + '/'));
  for (const input of inputs) {
    if (input.kind === 'possible' || isProduced(input.path) || (input.kind === 'module' && unread.includes(input.path))) continue;
    const hit = excludedPath(ignore, io, input);
    if (!hit) continue;
    const e = ignore.explain(hit);
    const needs = input.kind === 'source' || input.kind === 'embed' ? input.what : input.path;
    const key = `${e.line}\0${needs}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: hit, needs, line: e.line, pattern: e.pattern?.text ?? null });
  }
  return out;
}

function excludedPath(ignore: DockerIgnore, io: ExistingIgnoreIo, input: ContextInput): string | null {
  if (input.dir === false) return ignore.isIgnored(input.path) ? input.path : null;
  const under = io.listFiles(input.path).filter((f) => f.path === input.path || f.path.startsWith(input.path + '/'));
  if (under.length === 1 && under[0].path === input.path) return ignore.isIgnored(input.path) ? input.path : null;
  if (ignore.isDirFullyExcluded(input.path)) return input.path;
  // Not wholly excluded by a pattern, but maybe every file under it is.
  if (under.length > 0 && under.every((f) => ignore.isIgnored(f.path))) return under[0].path;
  return null;
}

/** One line per pattern: "line 12 `/web/` excludes web/package.json, web (COPY …)". */
export function describeConflicts(file: string, conflicts: readonly IgnoreConflict[], max = 4): string[] {
  const byLine = new Map<string, IgnoreConflict[]>();
  for (const c of conflicts) {
    const k = c.line !== null ? `line ${c.line} \`${c.pattern}\`` : 'no single line';
    byLine.set(k, [...(byLine.get(k) ?? []), c]);
  }
  const lines: string[] = [];
  for (const [where, list] of byLine) {
    const shown = list.slice(0, max).map((c) => (c.needs === c.path ? c.path : `${c.needs} (${c.path})`));
    lines.push(`${file} ${where} excludes ${shown.join(', ')}${list.length > max ? ` and ${list.length - max} more` : ''}`);
  }
  return lines;
}
