/**
 * go-dockerfile lint <Dockerfile...> [--context DIR] [--format text|json] [--fail-on SEVERITY]
 *
 * Exit codes: 0 no finding at or above --fail-on, 1 some, 2 usage error or unreadable file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText, initAnalysis } from './analysis';
import type { Severity } from './rules/types';

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

interface LintOptions {
  files: string[];
  context?: string;
  format: 'text' | 'json';
  failOn: Severity;
}

export interface JsonFinding {
  file: string;
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

class UsageError extends Error {}

const USAGE = `Usage:
  go-dockerfile lint <Dockerfile...> [--context DIR] [--format text|json] [--fail-on error|warning|information|hint]`;

function parseLintArgs(argv: string[]): LintOptions {
  const opts: LintOptions = { files: [], format: 'text', failOn: 'error' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--context')) opts.context = value();
    else if (a.startsWith('--format')) {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}"`);
      opts.format = f;
    } else if (a.startsWith('--fail-on')) {
      const f = value() as Severity;
      if (!(f in SEVERITY_RANK)) throw new UsageError(`unknown severity "${f}"`);
      opts.failOn = f;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (opts.files.length === 0) throw new UsageError('no Dockerfile given');
  return opts;
}

async function lint(opts: LintOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  await initAnalysis();
  const results: JsonFinding[] = [];
  let unreadable = false;
  for (const file of opts.files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      err(`go-dockerfile: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      unreadable = true;
      continue;
    }
    const root = opts.context ? path.resolve(opts.context) : nearestModuleRoot(path.dirname(path.resolve(file)));
    const { model, findings } = analyzeText(text, {
      fileExists: root ? (rel) => fs.existsSync(path.join(root, rel)) : undefined,
    });
    for (const f of findings) {
      const s = model.lines.positionAt(f.span.start);
      const e = model.lines.positionAt(f.span.end);
      results.push({ file, code: f.code, severity: f.severity, message: f.message, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 });
    }
  }
  if (opts.format === 'json') out(JSON.stringify(results, null, 2));
  else {
    for (const r of results) out(`${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code} ${r.message}`);
    if (results.length === 0 && !unreadable) out('No findings.');
  }
  if (unreadable) return 2;
  return results.some((r) => SEVERITY_RANK[r.severity] >= SEVERITY_RANK[opts.failOn]) ? 1 : 0;
}

function nearestModuleRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'go.mod')) || fs.existsSync(path.join(d, 'go.work'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lint(parseLintArgs(rest), out, err);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`go-dockerfile: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    console.error(e);
    process.exitCode = 2;
  });
}
