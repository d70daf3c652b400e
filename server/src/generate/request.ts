/**
 * The `goDockerfile/generate` request, editor-agnostic: `{folderUri, package?, runtime?,
 * stampVersion?}` -> the generated files and why. The LSP wiring (lsp/server.ts) only turns a
 * GenerateError into a ResponseError whose `data` is `{code, candidates}` (the main packages to
 * choose from when `code` is `ambiguous-package`). Nothing is written: the client creates the
 * files (and must not overwrite existing ones without asking: see `existing`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspace } from '../workspace/load';
import { existsNoFollow, unsafeWriteReason } from '../workspace/safeRead';
import { generateFor, selfCheck, type SelfCheckFinding } from './index';
import { GenerateError, isRuntime, type GenerateResult } from './types';

export const GENERATE_REQUEST = 'goDockerfile/generate';

export interface GenerateParams {
  /** The folder to generate for (the build context), a `file:` URI. */
  folderUri: string;
  package?: string;
  runtime?: string;
  stampVersion?: boolean;
}

export interface GenerateResponse extends GenerateResult {
  /** Absolute path of the folder. */
  folder: string;
  /** Files that already exist in the folder (the client must ask before replacing them). */
  existing: { dockerfile: boolean; dockerignore: boolean };
  /** Our own rules' findings on the generated Dockerfile with the generated .dockerignore (expected: none). */
  selfCheck: SelfCheckFinding[];
}

export async function handleGenerateRequest(params: GenerateParams, log: (m: string) => void = () => {}): Promise<GenerateResponse> {
  if (!params || typeof params.folderUri !== 'string' || !params.folderUri.startsWith('file:')) {
    throw new GenerateError('bad-option', 'goDockerfile/generate needs a folderUri (a file: URI).');
  }
  if (params.runtime !== undefined && !isRuntime(params.runtime)) {
    throw new GenerateError('bad-option', `Unknown runtime "${String(params.runtime)}": use distroless, scratch, alpine or debian.`);
  }
  if (params.package !== undefined && typeof params.package !== 'string') throw new GenerateError('bad-option', 'package must be a string.');
  if (params.stampVersion !== undefined && typeof params.stampVersion !== 'boolean') throw new GenerateError('bad-option', 'stampVersion must be a boolean.');
  const folder = fileURLToPath(params.folderUri);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new GenerateError('bad-option', `${folder} is not a folder.`);
  for (const name of ['Dockerfile', '.dockerignore']) {
    // The client writes where these names point: never through a link that leaves the folder.
    const unsafe = unsafeWriteReason(path.join(folder, name), folder);
    if (unsafe) throw new GenerateError('unsafe-name', `Cannot generate: ${unsafe}.`);
  }
  const ws = loadWorkspace(folder, { log });
  const result = await generateFor(ws, { package: params.package, runtime: params.runtime, stampVersion: params.stampVersion });
  return {
    ...result,
    folder,
    // A dangling link counts as existing: the client must not write through it unasked.
    existing: { dockerfile: existsNoFollow(path.join(folder, 'Dockerfile')), dockerignore: existsNoFollow(path.join(folder, '.dockerignore')) },
    selfCheck: await selfCheck(result, ws),
  };
}
