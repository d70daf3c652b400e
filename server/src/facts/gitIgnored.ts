/**
 * Whether the .gitignore files from the context root up to the repository root (WorkspaceFiles
 * `gitignores`, nearest first) ignore a context path: a file a clean checkout does not have,
 * made where the repository is built or edited (a local `go mod vendor`, a go.sum the pipeline
 * writes before the build). Read once per workspace model and path (a new model comes with every
 * change of the workspace), not on every analysis of the Dockerfile.
 */
import { DockerIgnore } from '../workspace/dockerignore';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceFiles } from '../workspace/types';
import { workspaceFact } from './memo';

export function gitIgnored(ws: WorkspaceModel, files: Pick<WorkspaceFiles, 'gitignores'>, rel: string): boolean {
  return workspaceFact(ws, `gitIgnored:${rel}`, () => ignoredBy(files.gitignores(), rel));
}

function ignoredBy(gitignores: readonly { prefix: string; text: string }[], rel: string): boolean {
  for (const { prefix, text } of gitignores) {
    const at = prefix === '' ? rel : `${prefix}/${rel}`;
    // gitignore: a pattern without a slash matches at any depth; `vendor` and `vendor/` are the usual lines.
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    const anyDepth = lines.map((l) => (!l.replace(/\/$/, '').includes('/') && !l.startsWith('!') ? `**/${l}` : l.startsWith('!') && !l.slice(1).replace(/\/$/, '').includes('/') ? `!**/${l.slice(1)}` : l));
    if (DockerIgnore.parse([...lines, ...anyDepth].join('\n')).isIgnored(at)) return true;
  }
  return false;
}
