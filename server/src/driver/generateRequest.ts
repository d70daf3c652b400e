/**
 * The `goDockerfile/generate` request, editor-agnostic: `{folderUri, package?, runtime?,
 * stampVersion?}` -> the generated files and why. The LSP wiring (lsp/server.ts) only turns a
 * GenerateError into a ResponseError whose `data` is `{code, candidates}` (the main packages to
 * choose from when `code` is `ambiguous-package`). Nothing is written: the client creates the
 * files (and must not overwrite existing ones without asking: see `existing`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../workspace/load';
import { localPath } from './uris';
import { existsNoFollow, unsafeWriteReason } from '../workspace/safeRead';
import { generateFor } from '../generate/index';
import { GENERATE_REQUEST, type GenerateParams, type GenerateResponse } from '../protocol';
import { selfCheck } from './selfCheck';
import { GenerateError, isRuntime } from '../generate/types';

export { GENERATE_REQUEST, type GenerateParams, type GenerateResponse };



export async function handleGenerateRequest(params: GenerateParams, log: (m: string) => void = () => {}): Promise<GenerateResponse> {
  if (!params || typeof params.folderUri !== 'string' || !params.folderUri.startsWith('file:')) {
    throw new GenerateError('bad-option', 'goDockerfile/generate needs a folderUri (a file: URI).');
  }
  if (params.runtime !== undefined && !isRuntime(params.runtime)) {
    throw new GenerateError('bad-option', `Unknown runtime "${String(params.runtime)}": use distroless, scratch, alpine or debian.`);
  }
  if (params.package !== undefined && typeof params.package !== 'string') throw new GenerateError('bad-option', 'package must be a string.');
  if (params.stampVersion !== undefined && typeof params.stampVersion !== 'boolean') throw new GenerateError('bad-option', 'stampVersion must be a boolean.');
  if (params.port !== undefined && params.port !== null && !(Number.isInteger(params.port) && params.port >= 1 && params.port <= 65535)) throw new GenerateError('bad-option', 'port must be a port number (1-65535) or null.');
  // file://host/… (a remote host) names no local folder.
  const folder = localPath(params.folderUri);
  if (folder === undefined) throw new GenerateError('bad-option', `${params.folderUri} is not a local folder.`);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new GenerateError('bad-option', `${folder} is not a folder.`);
  for (const name of ['Dockerfile', '.dockerignore']) {
    // The client writes where these names point: never through a link that leaves the folder.
    const unsafe = unsafeWriteReason(path.join(folder, name), folder);
    if (unsafe) throw new GenerateError('unsafe-name', `Cannot generate: ${unsafe}.`);
  }
  const ws = loadWorkspace(folder, { log });
  const result = await generateFor(ws, { package: params.package, runtime: params.runtime, stampVersion: params.stampVersion, port: params.port });
  return {
    ...result,
    folder,
    // A dangling link counts as existing: the client must not write through it unasked.
    existing: { dockerfile: existsNoFollow(path.join(folder, 'Dockerfile')), dockerignore: existsNoFollow(path.join(folder, '.dockerignore')) },
    selfCheck: await selfCheck(result, ws),
  };
}
