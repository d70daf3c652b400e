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
 * The front-end a node stage of the generated Dockerfile builds: its package.json folder and the
 * command that builds it. What that build reads cannot be told (index.html names src/main.tsx,
 * a config names more), so every file under the folder counts as needed except its
 * node_modules/, the outputs, and what a front-end build does not read: Markdown, Go files (the Go
 * build's inputs are checked on their own), dot-folders (.git, .github) and .env files (left out
 * on purpose; a build runs without them).
 */
export interface WebInput {
  dir: string;
  build: string;
}

/** Files at the root of a front-end that its install and build read: manifests, lockfiles, the build tool's configuration, the entry page. */
const ROOT_WEB_FILE = /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|pnpm-workspace\.yaml|yarn\.lock|\.npmrc|\.yarnrc(\.yml)?|\.browserslistrc|browserslist|index\.html|(vite|vitest|vue|svelte|webpack(\.[a-z]+)?|rollup|postcss|tailwind|babel|esbuild|astro|nuxt|next)\.config\.[cm]?[jt]s|\.babelrc(\.json)?|\.postcssrc(\.json)?)$/;
const NOT_READ_BY_WEB_BUILD = /(^|\/)node_modules\/|(^|\/)\.[^/]+\/|(^|\/)\.env(\.[^/]*)?$|\.(md|go)$/i;

/**
 * What the existing ignore file excludes that the generated Dockerfile needs: one entry per
 * pattern line and input (a package counts once), in Dockerfile order. `produced`: context paths
 * the Dockerfile builds itself (a node stage's output copied over them), never conflicts; a
 * folder holding one (webui for webui/dist) is still needed, without it. `unread`: module files
 * the build does not read although the context inputs count them (the go.mod/go.sum of go.work
 * members a GOWORK=off build never reaches). `web`: the front-end a node stage builds.
 */
export function existingIgnoreConflicts(
  ws: WorkspaceModel,
  df: DockerfileModel,
  ignoreText: string,
  io: ExistingIgnoreIo,
  embeds: readonly EmbedDirective[],
  produced: readonly string[] = [],
  unread: readonly string[] = [],
  web: WebInput | null = null,
): IgnoreConflict[] {
  const ignore = DockerIgnore.parse(ignoreText);
  if (ignore.patterns.length === 0) return [];
  const inputs = contextInputs(ws, df, { embeds, readFile: (rel) => io.readFile(rel) });
  const out: IgnoreConflict[] = [];
  const seen = new Set<string>();
  const isProduced = (p: string) => produced.some((d) => p === d || p.startsWith(d + '/'));
  const push = (hit: string, needs: string) => {
    const e = ignore.explain(hit);
    const key = `${e.line}\0${needs}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: hit, needs, line: e.line, pattern: e.pattern?.text ?? null });
  };
  for (const input of inputs) {
    if (input.kind === 'possible' || isProduced(input.path) || (input.kind === 'module' && unread.includes(input.path))) continue;
    const hit = excludedPath(ignore, io, input, isProduced);
    if (hit) push(hit, input.kind === 'source' || input.kind === 'embed' ? input.what : input.path);
  }
  if (web) {
    const inDir = (f: string) => web.dir === '' || f.startsWith(web.dir + '/');
    for (const f of io.listFiles(web.dir)) {
      if (!inDir(f.path) || isProduced(f.path) || NOT_READ_BY_WEB_BUILD.test(f.path)) continue;
      // A front-end at the context root: of the root's own files, the build reads its manifests and
      // tool configuration, not the repository's other files (Dockerfile, CI YAML, scripts, schemas).
      if (web.dir === '' && !f.path.includes('/') && !ROOT_WEB_FILE.test(f.path)) continue;
      if (!ignore.isIgnored(f.path)) continue;
      // Not again when the line is already reported for a folder holding the file (memos's `/web/`).
      const line = ignore.explain(f.path).line;
      if (!out.some((c) => c.line === line && f.path.startsWith(c.path + '/'))) push(f.path, web.build);
    }
  }
  return out;
}

function excludedPath(ignore: DockerIgnore, io: ExistingIgnoreIo, input: ContextInput, isProduced: (p: string) => boolean): string | null {
  if (input.dir === false) return ignore.isIgnored(input.path) ? input.path : null;
  const under = io.listFiles(input.path).filter((f) => (f.path === input.path || f.path.startsWith(input.path + '/')) && !isProduced(f.path));
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
