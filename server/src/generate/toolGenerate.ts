/**
 * Go sources that a code generator writes from files of the repository, run by the project's
 * build rather than by a `//go:generate` line, and that a fresh clone lacks (git ignores them):
 *
 * - sqlc (sqlc.yaml, sqlc.yml or sqlc.json in the module's folder, where `sqlc generate` reads it):
 *   it writes db.go, models.go and one `<queries file>.sql.go` per queries file into each `out`
 *   folder (`path` in version 1). enchant97/note-mark 93bc3f1: backend/db/.gitignore `/*.go` and
 *   `!dao.go`, so cli/cli.go:71's `db.New` is undefined until `go tool sqlc generate` (go.mod:83
 *   `tool github.com/sqlc-dev/sqlc/cmd/sqlc`; docker/Dockerfile:41) runs.
 * - templ: every `X.templ` becomes `X_templ.go` beside it. damongolding/immich-kiosk c82f363:
 *   .gitignore `*_templ.go`, internal/templates/components/video holds only video.templ, and the
 *   project runs `go tool templ generate` (go.mod `tool github.com/a-h/templ/cmd/templ`; Dockerfile:25).
 *
 * A generation is needed when a folder it writes is a package the program compiles or imports,
 * and the files it writes there are missing. The build stage can run it when go.mod declares the
 * tool (`go tool NAME generate`, built from the module cache) or names its version (templ's
 * runtime module, required at the version of its generator; the `sqlc vX.Y.Z` header of a file
 * sqlc wrote): `go run PKG@VERSION generate`. Otherwise the plan says what to add.
 */
import * as nodePath from 'node:path';
import type { GoModule } from '../workspace/model';
import { declaredTools } from './goGenerate';

export interface ToolGenerateIo {
  read(rel: string): string | null;
  listFiles(under: string): readonly { path: string }[];
}

export interface ToolGeneration {
  tool: 'sqlc' | 'templ';
  /** The generator's main package. */
  pkg: string;
  /** The folders (context-relative) whose missing files it writes. */
  dirs: string[];
  /** What is missing there, for the messages (`backend/db: db.go, cache.sql.go, users.sql.go`). */
  missing: string;
  /** Where the project says how it runs it (its configuration file, `tool` line). */
  source: string;
  /**
   * The arguments after `generate`'s program, relative to the module's folder: `generate`, or
   * `-f sub/sqlc.yaml generate`.
   */
  args: string;
  /** How the build stage runs it: `go tool sqlc` (a `tool` line), `go run …@v1.30.0` (a known version), null when neither. */
  runner: { command: string; why: string } | null;
  /** The line of the project's build files that runs it (`docker/Dockerfile:41 \`RUN go tool sqlc generate\``), null when none does. */
  projectRuns: string | null;
}

/** Build files at the root or one or two folders down that may run a generator. */
const BUILD_FILE = /^(?:[^/]+\/){0,2}(?:Dockerfile[^/]*|[^/]+\.Dockerfile|Containerfile|Makefile|GNUmakefile|[^/]+\.mk|[Tt]askfile\.ya?ml|[Jj]ustfile|[^/]+\.sh)$/;

/** The first line of the project's build files that runs `<tool> generate` (`go tool sqlc generate`, `templ generate`). */
function projectRuns(tool: string, io: ToolGenerateIo): string | null {
  const re = new RegExp(`(^|[\\s/])${tool}(@\\S+)?\\s+(-\\S+\\s+)*generate\\b`);
  for (const f of io.listFiles('').map((x) => x.path).filter((p) => BUILD_FILE.test(p) && !p.includes('node_modules/')).sort().slice(0, 200)) {
    const lines = (io.read(f) ?? '').split(/\r?\n/);
    const i = lines.findIndex((l) => !/^\s*#/.test(l) && re.test(l));
    if (i >= 0) return `${f}:${i + 1} \`${lines[i].trim().slice(0, 100)}\``;
  }
  return null;
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function filesIn(dir: string, io: ToolGenerateIo): string[] {
  return io.listFiles(dir).map((f) => f.path).filter((p) => nodePath.posix.dirname(p) === (dir === '' ? '.' : dir));
}

/** Context-relative and normalized, null when it leaves the context. */
function resolve(dir: string, rel: string): string | null {
  const r = nodePath.posix.normalize(join(dir, rel.replace(/^\.\//, ''))).replace(/\/+$/, '');
  return r === '..' || r.startsWith('../') || rel.startsWith('/') ? null : r === '.' ? '' : r;
}

const SQLC = 'github.com/sqlc-dev/sqlc/cmd/sqlc';
const TEMPL = 'github.com/a-h/templ/cmd/templ';
const VERSION = /^v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/;

/** A YAML/JSON scalar or inline list as written after `key:` (quotes removed). */
function values(raw: string): string[] {
  const v = raw.replace(/\s+#.*$/, '').trim().replace(/,$/, '');
  const list = /^\[(.*)\]$/.exec(v);
  return (list ? list[1].split(',') : [v]).map((x) => x.trim().replace(/^["']|["']$/g, '')).filter((x) => x !== '');
}

interface SqlcConfig {
  file: string;
  /** Per `sql` entry (or version 1 package): its output folder and queries paths (context-relative). */
  entries: { out: string; queries: string[] }[];
  /** `output_db_file_name` and the like are set: the file names are not the defaults. */
  renamed: boolean;
}

/**
 * The output folders and queries of sqlc's configuration, read line by line (YAML or JSON): each
 * `out:` (version 2) or `path:` (version 1) with the `queries:` of the same entry (a string, an
 * inline list, or `- item` lines below it).
 */
function readSqlc(file: string, text: string): SqlcConfig {
  const dir = nodePath.posix.dirname(file) === '.' ? '' : nodePath.posix.dirname(file);
  const v1 = /^\s*["']?version["']?\s*:\s*["']?1["']?/m.test(text);
  const entries: { out: string; queries: string[] }[] = [];
  let queries: string[] = [];
  let out: string | null = null;
  const flush = () => {
    if (out !== null) entries.push({ out, queries });
    out = null;
    queries = [];
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // A new entry of the `sql:` (or `packages:`) list.
    if (/^\s*-\s+["']?(engine|name|schema|queries)["']?\s*:/.test(l) || /^\s*\{\s*$/.test(l) && out !== null) flush();
    const q = /^\s*-?\s*["']?queries["']?\s*:\s*(.*)$/.exec(l);
    if (q) {
      const vs = values(q[1]);
      if (vs.length === 0) for (let j = i + 1; j < lines.length && /^\s*-\s+\S/.test(lines[j]) && !/:\s/.test(lines[j]); j++) vs.push(...values(lines[j].replace(/^\s*-\s+/, '')));
      queries.push(...vs.map((x) => resolve(dir, x)).filter((x): x is string => x !== null));
      continue;
    }
    const o = new RegExp(`^\\s*-?\\s*["']?${v1 ? 'path' : 'out'}["']?\\s*:\\s*(.+)$`).exec(l);
    if (o) {
      const v = values(o[1])[0];
      const r = v === undefined ? null : resolve(dir, v);
      if (r !== null) {
        if (out !== null) flush();
        out = r;
      }
    }
  }
  flush();
  return { file, entries, renamed: /output_(db|models|querier)_file_name|output_files_suffix/.test(text) };
}

/**
 * The .sql files a `queries` path names: the file, the .sql files of the folder, or those a glob
 * of one folder matches (steveiliop56/tinyauth's `sql/*_queries.sql`).
 */
function queryFiles(path: string, io: ToolGenerateIo): string[] {
  const base = nodePath.posix.basename(path);
  const dir = nodePath.posix.dirname(path) === '.' ? '' : nodePath.posix.dirname(path);
  if (/[*?[]/.test(dir)) return [];
  if (/[*?[]/.test(base)) {
    const re = new RegExp(`^${[...base].map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
    return filesIn(dir, io).filter((f) => f.endsWith('.sql') && re.test(nodePath.posix.basename(f)));
  }
  if (path.endsWith('.sql')) return [path];
  return filesIn(path, io).filter((f) => f.endsWith('.sql'));
}

function runnerFor(tool: string, pkg: string, goMod: string | null, version: { v: string; via: string } | null): ToolGeneration['runner'] {
  if (goMod !== null && declaredTools(goMod).includes(pkg)) return { command: `go tool ${tool}`, why: `go.mod declares the tool (\`tool ${pkg}\`), which go builds from the module cache` };
  if (version !== null && VERSION.test(version.v)) return { command: `go run ${pkg}@${version.v}`, why: `${version.via}, so the build stage runs that release` };
  return null;
}

/**
 * The generations the program needs (see the file comment). `packages`: the folders (context-
 * relative) of the packages the program compiles; `missing`: folders of its module that it imports
 * and that hold no Go file.
 */
export function toolGenerations(mod: GoModule, packages: readonly string[], missing: readonly string[], io: ToolGenerateIo): ToolGeneration[] {
  const out: ToolGeneration[] = [];
  const used = new Set([...packages, ...missing]);
  const goMod = io.read(join(mod.dir, 'go.mod'));
  const inModule = (d: string) => mod.dir === '' || d === mod.dir || d.startsWith(mod.dir + '/');

  // sqlc: its configuration in the module's folder, where `sqlc generate` looks for it.
  for (const name of ['sqlc.yaml', 'sqlc.yml', 'sqlc.json']) {
    const file = join(mod.dir, name);
    const text = io.read(file);
    if (text === null) continue;
    const config = readSqlc(file, text);
    const dirs: string[] = [];
    const lacking: string[] = [];
    let version: { v: string; via: string } | null = null;
    for (const e of config.entries) {
      if (!used.has(e.out) || !inModule(e.out) || dirs.includes(e.out)) continue;
      const here = filesIn(e.out, io);
      const names = new Set(here.map((f) => nodePath.posix.basename(f)));
      const expected = [
        ...(config.renamed ? [] : ['db.go', 'models.go']),
        ...(config.renamed ? [] : e.queries.flatMap((q) => queryFiles(q, io)).map((q) => `${nodePath.posix.basename(q)}.go`)),
      ];
      const absent = expected.filter((n) => !names.has(n));
      // Renamed outputs: only a folder with none of sqlc's files is known to lack them.
      const written = here.filter((f) => f.endsWith('.go') && /^\/\/ Code generated by sqlc\. DO NOT EDIT\./m.test(io.read(f) ?? ''));
      if (absent.length === 0 && (expected.length > 0 || written.length > 0)) continue;
      dirs.push(e.out);
      lacking.push(`${e.out || '.'}: ${absent.length > 0 ? absent.join(', ') : "sqlc's files"}`);
      for (const f of written) {
        const m = /^\/\/\s+sqlc (v[0-9][^\s]*)\s*$/m.exec(io.read(f) ?? '');
        if (m && version === null) version = { v: m[1], via: `${f} says it was written by sqlc ${m[1]}` };
      }
    }
    if (dirs.length === 0) break;
    out.push({
      tool: 'sqlc',
      pkg: SQLC,
      dirs,
      missing: lacking.join('; '),
      source: file,
      args: 'generate',
      runner: runnerFor('sqlc', SQLC, goMod, version),
      projectRuns: projectRuns('sqlc', io),
    });
    break;
  }

  // templ: X.templ -> X_templ.go in the same folder.
  const dirs: string[] = [];
  const lacking: string[] = [];
  for (const d of [...used].filter(inModule).sort()) {
    const here = filesIn(d, io);
    const names = new Set(here.map((f) => nodePath.posix.basename(f)));
    const absent = here.filter((f) => f.endsWith('.templ')).map((f) => `${nodePath.posix.basename(f).slice(0, -'.templ'.length)}_templ.go`).filter((n) => !names.has(n));
    if (absent.length === 0) continue;
    dirs.push(d);
    lacking.push(`${d || '.'}: ${absent.slice(0, 3).join(', ')}${absent.length > 3 ? ` and ${absent.length - 3} more` : ''}`);
  }
  if (dirs.length > 0) {
    const req = mod.requirements.find((r) => r.path === 'github.com/a-h/templ');
    out.push({
      tool: 'templ',
      pkg: TEMPL,
      dirs,
      missing: lacking.join('; '),
      source: `${dirs.length} folder${dirs.length > 1 ? 's' : ''} of .templ files`,
      args: 'generate',
      runner: runnerFor('templ', TEMPL, goMod, req ? { v: req.version, via: `go.mod requires github.com/a-h/templ ${req.version}, the runtime of the generator of that release` } : null),
      projectRuns: projectRuns('templ', io),
    });
  }
  return out;
}
