/**
 * go-dockerfile generate [DIR] [--package PKG] [--runtime distroless|scratch|alpine|debian]
 *   [--stamp-version | --no-stamp-version] [--stdout] [--force] [--format text|json]
 *
 * Writes DIR/Dockerfile and DIR/.dockerignore (DIR is the build context; default `.`).
 * Never overwrites: an existing Dockerfile makes it write nothing (exit 1) unless --force; an
 * existing .dockerignore is kept (and the Dockerfile checked against it) unless --force.
 * Exit codes: 0 written (or printed with --stdout); 1 nothing written because a Dockerfile
 * exists; 2 usage error, or nothing can be generated (no go.mod/go.work, no main package,
 * several main packages and no --package, a cgo program with --runtime scratch); 3 nothing
 * written (or printed) because the project's own .dockerignore (or Dockerfile.dockerignore)
 * excludes what the generated build needs: that Dockerfile would fail with it. --force replaces
 * .dockerignore with the generated one (and with --stdout prints the Dockerfile anyway).
 */
import { describeConflicts } from '../generate/existingIgnore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { selfCheck } from '../driver/selfCheck';
import type { SelfCheckFinding } from '../protocol';
import { GenerateError, generateFor, isRuntime, RUNTIMES, type GenerateResult, type Runtime } from '../generate';
import { loadWorkspace } from '../workspace/load';
import { UsageError, type Io } from './io';
import { existsNoFollow, unsafeWriteReason, writeFileInside } from '../workspace/safeRead';

export { GENERATE_USAGE } from './usage';

export interface GenerateCliOptions {
  dir: string;
  package?: string;
  runtime?: Runtime;
  stampVersion?: boolean;
  /** --port N (EXPOSE N) or --port none (no EXPOSE); undefined: what the sources say. */
  port?: number | null;
  stdout: boolean;
  force: boolean;
  format: 'text' | 'json';
}

export function parseGenerateArgs(argv: string[]): GenerateCliOptions {
  const opts: GenerateCliOptions = { dir: '', stdout: false, force: false, format: 'text' };
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--package' || name === '-p') opts.package = value();
    else if (name === '--port') {
      const v = value();
      if (v === 'none') opts.port = null;
      else if (/^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535) opts.port = Number(v);
      else throw new UsageError(`--port takes a port (1-65535) or none (got ${v})`);
    }
    else if (name === '--runtime') {
      const r = value();
      if (!isRuntime(r)) throw new UsageError(`unknown runtime "${r}" (use ${RUNTIMES.join(', ')})`);
      opts.runtime = r;
    } else if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}" (use text or json)`);
      opts.format = f;
    } else if (a === '--stamp-version') opts.stampVersion = true;
    else if (a === '--no-stamp-version') opts.stampVersion = false;
    else if (a === '--stdout') opts.stdout = true;
    else if (a === '--force') opts.force = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length > 1) throw new UsageError(`one folder at a time (got ${dirs.join(', ')})`);
  opts.dir = dirs[0] ?? '.';
  return opts;
}

interface JsonOutput extends GenerateResult {
  /** Files written, absolute paths. */
  written: string[];
  /** Existing files left as they were. */
  kept: string[];
  /** Our own rules' findings on the generated Dockerfile (expected: none). */
  selfCheck: SelfCheckFinding[];
}

export async function generateCommand(opts: GenerateCliOptions, io: Io): Promise<number> {
  const dir = path.resolve(opts.dir);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    io.err(`go-dockerfile: ${opts.dir} is not a folder`);
    return 2;
  }
  const ws = loadWorkspace(dir, { log: (m) => io.err(`go-dockerfile: ${m}`) });
  let result: GenerateResult;
  try {
    result = await generateFor(ws, { package: opts.package, runtime: opts.runtime, stampVersion: opts.stampVersion, port: opts.port });
  } catch (e) {
    if (!(e instanceof GenerateError)) throw e;
    const lines = [`go-dockerfile: ${e.message}`];
    if (e.candidates.length > 0 && (e.code === 'ambiguous-package' || e.code === 'unknown-package')) {
      lines.push('Choose one with --package:');
      for (const c of e.candidates) lines.push(`  --package ${c.dir === '' ? '.' : c.dir}    (${c.importPath ?? c.dir}, binary ${c.binary})`);
    }
    if (opts.format === 'json') io.out(JSON.stringify({ error: { code: e.code, message: e.message, candidates: e.candidates } }, null, 2));
    io.err(lines.join('\n'));
    return 2;
  }

  const dockerfilePath = path.join(dir, 'Dockerfile');
  const ignorePath = path.join(dir, '.dockerignore');
  const written: string[] = [];
  const kept: string[] = [];
  let keepIgnore = false;
  if (!opts.stdout) {
    // A dangling link counts as a file: writing through it would create its target, anywhere.
    if (existsNoFollow(dockerfilePath) && !opts.force) {
      io.err(`go-dockerfile: ${dockerfilePath} already exists: nothing written. Use --force to overwrite it (and .dockerignore), or --stdout to print the generated Dockerfile.`);
      if (opts.format === 'json') io.out(JSON.stringify({ ...result, written, kept: [dockerfilePath], selfCheck: [] } satisfies JsonOutput, null, 2));
      return 1;
    }
    keepIgnore = existsNoFollow(ignorePath) && !opts.force;
    for (const f of keepIgnore ? [dockerfilePath] : [dockerfilePath, ignorePath]) {
      const unsafe = unsafeWriteReason(f, dir);
      if (unsafe) {
        io.err(`go-dockerfile: ${unsafe}`);
        return 2;
      }
    }
  }
  // The ignore file the build will really use must not exclude what the Dockerfile needs.
  const own = result.existingIgnore;
  if (own && own.conflicts.length > 0 && !(opts.force && (opts.stdout || own.path === '.dockerignore'))) {
    const ignorePathShown = path.relative(process.cwd(), path.join(dir, own.path)) || own.path;
    const lines = [
      `go-dockerfile: the existing ${ignorePathShown} excludes what the generated Dockerfile needs, so \`docker build\` would fail (or build without it). Nothing ${opts.stdout ? 'printed' : 'written'}.`,
      ...describeConflicts(own.path, own.conflicts).map((l) => `  ${l}`),
      `Remove or narrow ${describeConflicts(own.path, own.conflicts).length > 1 ? "those lines" : "that line"} of ${own.path} (or add \`!\` lines for what the build needs) and run generate again${own.path === '.dockerignore' ? `, or use --force to ${opts.stdout ? 'print the Dockerfile anyway (it then needs the generated .dockerignore: run without --stdout and with --force to write both)' : 'replace .dockerignore with the generated one'}` : ` (${own.path} is the file BuildKit uses for a Dockerfile named Dockerfile)`}.`,
    ];
    if (opts.format === 'json') io.out(JSON.stringify({ error: { code: 'dockerignore-conflict', message: lines.join('\n'), conflicts: own.conflicts }, ...result, written, kept: [], selfCheck: [] }, null, 2));
    io.err(lines.join('\n'));
    return 3;
  }
  if (own && own.conflicts.length > 0 && !keepIgnore && !opts.stdout) {
    // --force: the generated .dockerignore replaces the one that broke the build.
    const replaced = describeConflicts(own.path, own.conflicts).join('; ');
    result = { ...result, warnings: result.warnings.filter((w) => !w.startsWith(`The existing ${own.path} breaks`)), reasons: [...result.reasons, `The existing .dockerignore is replaced (--force): it broke this build (${replaced}).`] };
  }
  const findings = await selfCheck(result, ws, { keepExistingDockerignore: keepIgnore });

  if (!opts.stdout) {
    writeFileInside(dockerfilePath, result.dockerfile, dir);
    written.push(dockerfilePath);
    if (keepIgnore) kept.push(ignorePath);
    else {
      writeFileInside(ignorePath, result.dockerignore, dir);
      written.push(ignorePath);
    }
  }

  if (opts.format === 'json') {
    io.out(JSON.stringify({ ...result, written, kept, selfCheck: findings } satisfies JsonOutput, null, 2));
    return 0;
  }
  const report: string[] = [];
  const t = result.target;
  if (opts.stdout) io.out(result.dockerfile.replace(/\n$/, ''));
  else {
    report.push(`Wrote ${written.map((f) => path.relative(process.cwd(), f) || f).join(' and ')} for ${t.dir === '' ? '.' : t.dir} (binary ${t.binary}, ${result.runtime} runtime).`);
    if (keepIgnore) report.push(`Kept the existing ${path.relative(process.cwd(), ignorePath) || ignorePath} (--force replaces it with the generated one).`);
  }
  report.push('Why:', ...result.reasons.map((r) => `  - ${r}`));
  if (result.warnings.length > 0) report.push('Check:', ...result.warnings.map((w) => `  ! ${w}`));
  if (findings.length > 0) {
    report.push('Self-check: the rules still report these on the generated Dockerfile:');
    for (const f of findings) report.push(`  Dockerfile:${f.line}: ${f.severity} ${f.code} ${f.message}`);
  }
  // With --stdout the Dockerfile owns stdout (for `> Dockerfile`): the report goes to stderr.
  const sink = opts.stdout ? io.err : io.out;
  sink(report.join('\n'));
  return 0;
}
