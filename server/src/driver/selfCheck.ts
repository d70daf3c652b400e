/**
 * The generator's self-check: our own rules over a generated Dockerfile, with the workspace as it
 * will be once the generated .dockerignore is in place. Expected: no findings.
 */
import { analyzeText, initAnalysis } from '../analysis';
import type { GenerateResult } from '../generate/types';
import type { AnalyzeOptions } from '../rules/analyze';
import type { SelfCheckFinding } from '../protocol';
import type { WorkspaceFiles } from '../rules/types';
import { DockerIgnore } from '../workspace/dockerignore';
import type { Workspace } from '../workspace/load';
import type { WorkspaceModel } from '../workspace/model';

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
    readFile: (p) => ws.readFile(p),
    gitignores: () => ws.gitignores(),
  };
  return { model, files };
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
