/**
 * The generator's self-check: our own rules over a generated Dockerfile, with the workspace as it
 * will be once the generated .dockerignore is in place. Expected: no findings.
 */
import { analyzeText, initAnalysis } from '../analysis';
import type { GenerateResult } from '../generate/types';
import type { AnalyzeOptions } from '../rules/analyze';
import type { SelfCheckFinding } from '../protocol';
import type { Workspace } from '../workspace/load';
import * as path from 'node:path';
import { withDockerignore, workspaceForDockerfile } from './ignoreFile';

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
  // The existing ignore file kept: the one BuildKit uses for DIR/Dockerfile (Dockerfile.dockerignore first).
  const { model, files } = keepExistingDockerignore ? workspaceForDockerfile(ws, path.join(ws.root, 'Dockerfile')) : withDockerignore(ws, result.dockerignore);
  const a = analyzeText(result.dockerfile, { ...analyzeOpts, workspace: model, files });
  return a.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, line: a.model.lines.positionAt(f.span.start).line + 1 }));
}
