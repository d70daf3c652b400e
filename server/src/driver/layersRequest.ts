/**
 * The `goDockerfile/layers` request: `{uri, changedFiles?, change?, target?, buildArgs?}` ->
 * LayerModel. The LSP wiring passes in what it holds (the parsed open document, the loaded
 * workspace); this module turns paths and URIs into context paths and builds the model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localPath } from './uris';
import { readRegularFile } from '../workspace/safeRead';
import type { DockerfileModel } from '../dockerfile/model';
import { parseDockerfile } from '../dockerfile/parse';
import { TooLargeToAnalyseError } from '../dockerfile/limits';
import type { Workspace } from '../workspace/load';
import { buildLayerModel } from '../layers/build';
import { contextFilesOf } from './layersContext';
import type { LayerModel } from '../layers/model';
import { LAYERS_REQUEST, type LayersParams } from '../protocol';
import type { Measurement } from '../measure/types';
import { moduleCacheReader, userModuleCache } from './moduleCacheReader';

export { LAYERS_REQUEST, type LayersParams };


export interface LayersSources {
  /** The parsed open document, or undefined when it is not open (it is then read from disk). */
  model?: DockerfileModel;
  /** The loaded workspace of the document's build context, if any. */
  workspace?: Workspace;
  /** Editor workspace folders (absolute paths). */
  folders?: readonly string[];
  /** The last real build of this Dockerfile, if the client sent one. */
  measurement?: Measurement | null;
}

export function isLayersParams(p: unknown): p is LayersParams {
  if (!p || typeof p !== 'object') return false;
  const o = p as Record<string, unknown>;
  const strings = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  const args = o.buildArgs;
  return typeof o.uri === 'string' && strings(o.changedFiles) && optString(o.change) && optString(o.target)
    && (args === undefined || args === null || (typeof args === 'object' && Object.values(args as object).every((v) => typeof v === 'string')));
}

export function layersForRequest(params: LayersParams, src: LayersSources): LayerModel {
  if (!isLayersParams(params)) throw new Error('goDockerfile/layers: expected {uri, changedFiles?, change?, target?, buildArgs?}');
  const file = localPath(params.uri) ?? null;
  let model = src.model;
  if (!model) {
    if (!file) throw new Error(`goDockerfile/layers: ${params.uri} is not open and not a file`);
    // Not open: read from disk, a regular file only (a FIFO would block the whole server).
    model = parseDockerfile(readRegularFile(file));
  }
  if (model.notAnalysed) throw new TooLargeToAnalyseError(`goDockerfile/layers: not analysed: ${model.notAnalysed.reason}`);
  const ws = src.workspace;
  const folder = file ? (src.folders ?? []).filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] : undefined;
  const changedFiles = (params.changedFiles ?? []).map((p) => {
    if (p.startsWith('file:') || path.isAbsolute(p)) return p;
    // Relative to the editor's workspace folder when that names a file; else to the context root.
    if (folder && ws) {
      const abs = path.join(folder, p);
      if (fs.existsSync(abs) || !fs.existsSync(path.join(ws.root, p))) return abs;
    }
    return p;
  });
  return buildLayerModel(model, {
    dockerfilePath: file,
    context: ws ? contextFilesOf(ws, file) : null,
    target: params.target ?? null,
    buildArgs: params.buildArgs ?? undefined,
    changedFiles,
    change: params.change ?? null,
    // go.sum from the context, module sizes from the user's module cache: files read, nothing run.
    readText: ws ? (rel) => ws.readFile(rel) : undefined,
    moduleCache: moduleCacheReader(userModuleCache()),
    measurement: src.measurement ?? null,
  });
}


/**
 * The workspace of a document, waiting briefly for its first load (the LSP loads a context in a
 * timer after the first diagnostics; one or two turns of the event loop are enough).
 */
export async function awaitWorkspace(get: () => Workspace | undefined, hasRoot: boolean, turns = 5): Promise<Workspace | undefined> {
  let ws = get();
  for (let i = 0; !ws && hasRoot && i < turns; i++) {
    await new Promise((r) => setTimeout(r, 5));
    ws = get();
  }
  return ws;
}
