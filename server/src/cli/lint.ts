/**
 * go-dockerfile lint <Dockerfile|DIR...> [--context DIR] [--target STAGE] [--format text|json|sarif] [--fix] [--fail-on SEVERITY]
 *
 * A folder stands for every Dockerfile below it. All files are linted in one process, and a build
 * context's workspace is read once for all the Dockerfiles that build from it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText, initAnalysis } from '../analysis';
import { shellParserReady, ShellParserNotReady } from '../dockerfile/shell';
import { overLimit } from '../dockerfile/limits';
import { parseDockerfile } from '../dockerfile/parse';
import { fixAll } from '../fixes/fixAll';
import type { AnalyzeOptions } from '../rules/analyze';
import { analysisInputs } from '../driver/inputs';
import type { Severity } from '../rules/types';
import { loadWorkspace, type Workspace } from '../workspace/load';
import { UsageError, type Io } from './io';
import { toCodeQuality } from './gitlab';
import { toGithubAnnotations } from './github';
import type { JsonFinding } from './jsonFinding';
import { toSarif } from './sarif';
import { readRegularFile } from '../workspace/safeRead';
import { lintTargets } from './targets';

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export interface LintOptions {
  files: string[];
  context?: string;
  /** The stage built as the image (`docker build --target`); else the last stage. */
  target?: string;
  format: (typeof FORMATS)[number];
  failOn: Severity;
  fix: boolean;
}

export type { JsonFinding };

import { FORMATS, LINT_USAGE } from './usage';
export { FORMATS, LINT_USAGE };

export function parseLintArgs(argv: string[]): LintOptions {
  const opts: LintOptions = { files: [], format: 'text', failOn: 'error', fix: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--context') opts.context = value();
    else if (name === '--target') opts.target = value();
    else if (name === '--format') {
      const f = value() as LintOptions['format'];
      if (!FORMATS.includes(f)) throw new UsageError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
      opts.format = f;
    } else if (name === '--fail-on') {
      const f = value() as Severity;
      if (!(f in SEVERITY_RANK)) throw new UsageError(`unknown severity "${f}"`);
      opts.failOn = f;
    } else if (name === '--fix') opts.fix = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (opts.files.length === 0) throw new UsageError('no Dockerfile given');
  return opts;
}

export async function lint(opts: LintOptions, io: Io, version: string): Promise<number> {
  const results: JsonFinding[] = [];
  const workspaces = new Map<string, Workspace>();
  const sources = new Map<string, string>();
  let unreadable = false;
  // As `layers` does: a --context that is no folder is a mistake, not an empty context.
  if (opts.context !== undefined && !fs.statSync(opts.context, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`the build context ${opts.context} is not a folder`);
  }
  const targets = lintTargets(opts.files);
  for (const dir of targets.empty) {
    io.err(`go-dockerfile: no Dockerfile below ${dir}`);
    unreadable = true;
  }
  for (const file of targets.files) {
    let text: string;
    try {
      // A FIFO or /dev/zero would never end: regular files only, size-capped.
      text = readRegularFile(file);
    } catch (e) {
      io.err(`go-dockerfile: cannot read ${file}: ${(e as Error).message}`);
      unreadable = true;
      continue;
    }
    const over = overLimit(text);
    if (over) {
      // A 5 MB line would take minutes: say so and go on with the other files (exit 2).
      io.err(`go-dockerfile: cannot analyse ${file}: ${over.reason}`);
      unreadable = true;
      continue;
    }
    // The shell parser (WebAssembly) is loaded only for a script the plain reader leaves to it
    // (ShellParserNotReady below), or for --fix (fixes re-parse what they change).
    if (!shellParserReady() && opts.fix) await initAnalysis();
    if (opts.target && !(await hasStage(text, opts.target))) {
      io.err(`go-dockerfile: ${file} has no stage named "${opts.target}" (--target)`);
      unreadable = true;
      continue;
    }
    const analyzeOpts = optionsFor(file, opts, io, workspaces);
    if (opts.fix) {
      const fixed = fixAll(text, (t) => analyzeText(t, analyzeOpts).findings);
      if (fixed.text !== text) {
        try {
          fs.writeFileSync(file, fixed.text);
          for (const a of fixed.applied) io.err(`${file}: fixed ${a.code}: ${a.title}`);
          text = fixed.text;
        } catch (e) {
          // A read-only file: say so, report its findings unfixed, and go on with the others.
          io.err(`go-dockerfile: cannot write ${file}: ${(e as Error).message}`);
          unreadable = true;
        }
      }
    }
    sources.set(file, text);
    let analysis;
    try {
      analysis = analyzeText(text, analyzeOpts);
    } catch (e) {
      // A script that is not plain (dockerfile/plainShell.ts): load the grammar and analyse again.
      if (!(e instanceof ShellParserNotReady)) throw e;
      await initAnalysis();
      analysis = analyzeText(text, analyzeOpts);
    }
    const { model, findings } = analysis;
    for (const f of findings) {
      const s = model.lines.positionAt(f.span.start);
      const e = model.lines.positionAt(f.span.end);
      results.push({ file, code: f.code, severity: f.severity, message: f.message, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 });
    }
  }
  if (opts.format === 'json') io.out(JSON.stringify(results, null, 2));
  else if (opts.format === 'sarif') io.out(JSON.stringify(toSarif(results, version), null, 2));
  else if (opts.format === 'gitlab') io.out(JSON.stringify(toCodeQuality(results, sources), null, 2));
  else if (opts.format === 'github') {
    for (const line of toGithubAnnotations(results)) io.out(line);
  }
  else {
    for (const r of results) io.out(`${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code} ${r.message}`);
    if (results.length === 0 && !unreadable) io.out('No findings.');
  }
  if (unreadable) return 2;
  return results.some((r) => SEVERITY_RANK[r.severity] >= SEVERITY_RANK[opts.failOn]) ? 1 : 0;
}

/** `FROM … AS name` names the stage (case-insensitive, as docker build --target reads it). */
async function hasStage(text: string, name: string): Promise<boolean> {
  let model;
  try {
    model = parseDockerfile(text);
  } catch (e) {
    if (!(e instanceof ShellParserNotReady)) throw e;
    await initAnalysis();
    model = parseDockerfile(text);
  }
  return model.stages.some((s) => s.name === name.toLowerCase());
}

function optionsFor(file: string, opts: LintOptions, io: Io, workspaces: Map<string, Workspace>): AnalyzeOptions {
  return analysisInputs(file, {
    context: opts.context,
    target: opts.target,
    log: (m) => io.err(`go-dockerfile: ${m}`),
    workspaceAt: (root) => {
      let ws = workspaces.get(root);
      if (!ws) {
        ws = loadWorkspace(root, { log: (m) => io.err(`go-dockerfile: ${m}`) });
        workspaces.set(root, ws);
      }
      return ws;
    },
  }).options;
}
