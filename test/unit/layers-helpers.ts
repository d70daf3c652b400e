import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { contextFilesOf } from '../../server/src/driver/layersContext';
import { buildLayerModel, type LayerModel, type LayerOptions } from '../../server/src/layers';
import { loadWorkspace } from '../../server/src/workspace/load';

export const FIXTURES = path.resolve(__dirname, '../fixtures/layers');

/** The LayerModel of a fixture folder (test/fixtures/layers/NAME), its context read from disk. */
export function fixtureModel(name: string, opts: LayerOptions = {}, dockerfile = 'Dockerfile'): LayerModel {
  const dir = path.join(FIXTURES, name);
  return modelOf(dir, path.join(dir, dockerfile), opts);
}

export function modelOf(dir: string, file: string, opts: LayerOptions = {}): LayerModel {
  const ws = loadWorkspace(dir);
  return buildLayerModel(parseDockerfile(fs.readFileSync(file, 'utf8')), { dockerfilePath: file, context: contextFilesOf(ws, file), ...opts });
}

/** A temporary context with the given files (Dockerfile included); returns its model builder. */
export function tempContext(files: Record<string, string>) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gd-layers-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return {
    dir,
    model: (opts: LayerOptions = {}, dockerfile = 'Dockerfile') => modelOf(dir, path.join(dir, dockerfile), opts),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** `stage: instruction` of every step that re-runs, in Dockerfile order. */
export function rebuilt(m: LayerModel): string[] {
  return m.stages.flatMap((s) => s.layers.filter((l) => l.rebuilt).map((l) => `${s.name ?? s.index}: ${l.instruction}`));
}

export function step(m: LayerModel, stage: string | number, startsWith: string) {
  const s = typeof stage === 'number' ? m.stages[stage] : m.stages.find((x) => x.name === stage);
  if (!s) throw new Error(`no stage ${stage}`);
  const l = s.layers.find((x) => x.instruction.startsWith(startsWith));
  if (!l) throw new Error(`no step "${startsWith}" in stage ${stage}: ${s.layers.map((x) => x.instruction).join(' | ')}`);
  return l;
}

/** Bytes of fixture files, read from disk (what the model must report). */
export function sizeOf(dir: string, ...rels: string[]): number {
  return rels.reduce((n, r) => n + fs.statSync(path.join(dir, r)).size, 0);
}
