/**
 * The ignore file of a Dockerfile, as BuildKit chooses it, for every caller that analyses one
 * (the CLI's lint, the editor, the generator's self-check; the layers command reads the same
 * file through workspace/context.ts `dockerignoreFileFor`): `<Dockerfile>.dockerignore` beside
 * the Dockerfile (`build/Foo.Dockerfile` -> `build/Foo.Dockerfile.dockerignore`) when it exists,
 * else the context root's `.dockerignore`. Another Dockerfile's ignore file never applies.
 *
 * The rules see the chosen file as the workspace's `.dockerignore` (model.dockerignore, with its
 * own path, and files.isIgnored/listFiles/context sizes after it): they never ask which file it is.
 */
import * as path from 'node:path';
import { workspaceFact } from '../facts/memo';
import type { WorkspaceFiles } from '../rules/types';
import { dockerignoreFileFor } from '../workspace/context';
import { DockerIgnore } from '../workspace/dockerignore';
import type { Workspace } from '../workspace/load';
import type { WorkspaceModel } from '../workspace/model';
import { readRegularFile } from '../workspace/safeRead';

/**
 * The workspace as it is once `dockerignoreText` is its ignore file (`rel`: the file's path,
 * context-relative; `.dockerignore` by default): for a Dockerfile's own ignore file, and for
 * checking a generated Dockerfile before anything is written.
 */
export function withDockerignore(ws: Workspace, dockerignoreText: string, rel = '.dockerignore'): { model: WorkspaceModel; files: WorkspaceFiles } {
  const ignore = DockerIgnore.parse(dockerignoreText);
  const model: WorkspaceModel = {
    ...ws.model,
    dockerignore: { text: dockerignoreText, path: rel, patterns: [...ignore.patterns] },
    context: ws.contextSizesWith(ignore),
  };
  const listFiles = (under?: string) => ws.listFiles(under).map((f) => ({ ...f, ignored: ignore.isIgnored(f.path) }));
  const files: WorkspaceFiles = {
    fileExists: (p) => ws.fileExists(p),
    dirExists: (p) => ws.dirExists(p),
    fileSize: (p) => ws.fileSize(p),
    isIgnored: (p) => ignore.isIgnored(p),
    listFiles,
    bytesUnder: (under) => {
      const r = { files: 0, bytes: 0, sentFiles: 0, sentBytes: 0 };
      for (const f of listFiles(under)) {
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
 * `<Dockerfile>.dockerignore` when BuildKit uses it for this Dockerfile instead of the context's
 * `.dockerignore`: its path (relative to the context, posix) and text. Null when the context's
 * `.dockerignore` (or none) applies, or when the file cannot be read safely (a link out of the
 * context and the Dockerfile's folder, a FIFO).
 */
export function ownIgnoreFile(dockerfilePath: string, contextRoot: string): { path: string; text: string } | null {
  const root = path.resolve(contextRoot);
  const file = dockerignoreFileFor(dockerfilePath, root);
  if (!file || path.resolve(file) === path.join(root, '.dockerignore')) return null;
  try {
    const text = readRegularFile(file, { within: [root, path.dirname(path.resolve(dockerfilePath))] });
    return { path: path.relative(root, file).split(path.sep).join('/'), text };
  } catch {
    return null;
  }
}

/**
 * The workspace as a Dockerfile's rules see it: with its own `<Dockerfile>.dockerignore` in
 * place of the context's `.dockerignore` when it has one. Kept per workspace model and file text,
 * so that facts computed on the view live as long as the model does.
 */
export function workspaceForDockerfile(ws: Workspace, dockerfilePath: string | null | undefined): { model: WorkspaceModel; files: WorkspaceFiles } {
  const own = dockerfilePath ? ownIgnoreFile(dockerfilePath, ws.root) : null;
  if (!own) return { model: ws.model, files: ws };
  return workspaceFact(ws.model, `ignoreFile:${own.path}\0${own.text}`, () => withDockerignore(ws, own.text, own.path));
}
