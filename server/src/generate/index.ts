/**
 * The generator: WorkspaceModel + options -> Dockerfile, .dockerignore and the reasons for each
 * decision (see docs/generate.md). Used by the CLI (`go-dockerfile generate`) and the LSP
 * request `goDockerfile/generate`; nothing here writes files.
 *
 * The .dockerignore comes from fixes/dockerignore.ts (the same builder GD305's fix uses), checked
 * against the generated Dockerfile so it never excludes what that build needs.
 */
import { analyzeText, initAnalysis } from '../analysis';
import { parseDockerfile } from '../dockerfile/parse';
import { goDockerignore, readEmbedDirectives } from '../fixes/dockerignore';
import type { AnalyzeOptions } from '../rules/analyze';
import type { Finding, WorkspaceFiles } from '../rules/types';
import { DockerIgnore } from '../workspace/dockerignore';
import type { Workspace } from '../workspace/load';
import type { WorkspaceModel } from '../workspace/model';
import { checkIgnorePatterns, checkPlanNames } from './names';
import { plan, type GenerateIo } from './plan';
import { renderDockerfile } from './render';
import type { GenerateOptions, GenerateResult } from './types';

export * from './types';
export { candidatesOf, binaryName, type GenerateIo, type Plan } from './plan';
export { listenAddresses, versionVariable, stripGoComments } from './goSource';

/**
 * Generates the Dockerfile and .dockerignore for a workspace. Throws GenerateError when the
 * caller must decide something (several main packages) or nothing can be built.
 */
export async function generate(model: WorkspaceModel, options: GenerateOptions = {}, io: GenerateIo = {}): Promise<GenerateResult> {
  await initAnalysis();
  const p = plan(model, options, io);
  // Repository names become Dockerfile text here: refuse any that could be read as syntax.
  checkPlanNames(p);
  const dockerfile = renderDockerfile(p);
  const df = parseDockerfile(dockerfile);
  const embeds = readEmbedDirectives(model, io.readFile ? (rel) => io.readFile!(rel) : undefined);
  const ignore = goDockerignore(model, df, { embeds, listFiles: io.listFiles ? (under) => io.listFiles!(under) : undefined });
  checkIgnorePatterns(ignore.patterns);
  const reasons = [...p.reasons];
  reasons.push(`.dockerignore: ${ignore.patterns.join(', ')} stay out of the build context (smaller context, and \`COPY . .\` is not invalidated by them)${p.build.vendor ? '; vendor/ is kept' : ''}.`);
  for (const o of ignore.omitted) reasons.push(`.dockerignore leaves ${o.pattern} in: the build needs ${o.because.path} (${o.because.what}).`);
  return {
    dockerfile,
    dockerignore: ignore.text,
    target: p.target,
    reasons,
    warnings: p.warnings,
    candidates: p.candidates,
    runtime: p.runtime,
    images: { builder: p.builder.image, runtime: p.runtimeStage.image },
    exposes: p.runtimeStage.expose,
    cgo: p.cgo,
  };
}

/** Generates from a loaded Workspace (its file list keeps .dockerignore away from embedded files). */
export function generateFor(ws: Workspace, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generate(ws.model, options, { listFiles: (under) => ws.listFiles(under) });
}

/**
 * The workspace as it will be once `dockerignoreText` is its .dockerignore (for checking a
 * generated Dockerfile before anything is written).
 */
export function withDockerignore(ws: Workspace, dockerignoreText: string): { model: WorkspaceModel; files: WorkspaceFiles } {
  const ignore = DockerIgnore.parse(dockerignoreText);
  const model: WorkspaceModel = {
    ...ws.model,
    dockerignore: { text: dockerignoreText, path: '.dockerignore', patterns: [...ignore.patterns] },
    context: ws.contextSizesWith(ignore),
  };
  const listFiles = (under?: string) => ws.listFiles(under).map((f) => ({ ...f, ignored: ignore.isIgnored(f.path) }));
  const files: WorkspaceFiles = {
    fileExists: (p) => ws.fileExists(p),
    dirExists: (p) => ws.dirExists(p),
    fileSize: (p) => ws.fileSize(p),
    isIgnored: (p) => ignore.isIgnored(p),
    listFiles,
    bytesUnder: (rel) => {
      const r = { files: 0, bytes: 0, sentFiles: 0, sentBytes: 0 };
      for (const f of listFiles(rel)) {
        r.files++;
        r.bytes += f.size;
        if (!f.ignored) {
          r.sentFiles++;
          r.sentBytes += f.size;
        }
      }
      return r;
    },
    dockerignore: ignore,
  };
  return { model, files };
}

export interface SelfCheckFinding {
  code: string;
  severity: Finding['severity'];
  message: string;
  /** 1-based line in the generated Dockerfile. */
  line: number;
}

/**
 * Lints a generated Dockerfile against the workspace as it will be: with the generated
 * .dockerignore in place (default), or with the existing one when that is kept
 * (`keepExistingDockerignore`). The findings our own rules have about our own output; expected:
 * none.
 */
export async function selfCheck(
  result: GenerateResult,
  ws: Workspace,
  opts: Omit<AnalyzeOptions, 'workspace' | 'files'> & { keepExistingDockerignore?: boolean } = {},
): Promise<SelfCheckFinding[]> {
  await initAnalysis();
  const { keepExistingDockerignore, ...analyzeOpts } = opts;
  const { model, files } = keepExistingDockerignore ? { model: ws.model, files: ws as WorkspaceFiles } : withDockerignore(ws, result.dockerignore);
  const a = analyzeText(result.dockerfile, { ...analyzeOpts, workspace: model, files });
  return a.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: a.model.lines.positionAt(f.span.start).line + 1 }));
}
