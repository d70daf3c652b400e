// What the layer real-build tests share: a fresh dist/cli.js, and buildah's stage-order cache
// misses (set apart from the Dockerfile's own re-runs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

export const key = (stage, step) => `${stage}:${step}`;

/** dist/cli.js, rebuilt when a server source is newer. */
export function ensureCli() {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'server', 'src'));
  if (!fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < newest) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `node esbuild.mjs failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/**
 * buildah 1.28 runs the stage goroutines in no fixed order (even with --jobs 1). When a stage
 * reaches `COPY --from=S` before stage S has started in this build, that COPY misses the cache
 * although nothing changed; the steps after it in its stage, stages built FROM it, and (seen once)
 * a COPY --from of it miss too. Those misses are the
 * builder's, not the Dockerfile's: they are set apart (and reported), not counted as re-runs.
 */
export function orderRaceMisses(model, steps) {
  const firstPos = new Map();
  for (const s of steps) if (!firstPos.has(s.stage)) firstPos.set(s.stage, s.pos);
  const raced = new Set();
  const racedStages = new Set();
  for (const s of [...steps].sort((a, b) => a.stage - b.stage || a.step - b.step)) {
    if (s.step === 1 || s.cached) continue;
    const stage = model.stages[s.stage];
    const inherited = stage.baseStage !== null && racedStages.has(stage.baseStage);
    const layer = stage.layers[s.step - 1];
    const source = stage.dependsOn.find((d) => d.via === 'copy' && d.line === layer.line);
    const early = source && (firstPos.get(source.stage) ?? -1) > s.pos;
    // A COPY --from of a stage that raced: that stage's image was committed again, and buildah
    // 1.28 missed the cache of the copy from it too (a fresh-clone CI run: the final stage's
    // `COPY --from=bin` after bin's own `COPY --from=build` raced, chain fixture).
    const fromRaced = source && racedStages.has(source.stage);
    if (inherited || racedStages.has(s.stage) || early || fromRaced) {
      raced.add(key(s.stage, s.step));
      racedStages.add(s.stage);
    }
  }
  return raced;
}

