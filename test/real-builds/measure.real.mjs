// "Measure with a real build" held against buildah itself (offline; see setup.sh):
//  - `layers --measure` runs buildah (the same store as these tests) and reports a size per
//    layer: each equals the layer buildah stored, read independently here from the tagged
//    images' manifests (the final image, and the builder stage built with --target);
//  - after a .go edit, the steps the measuring build actually ran equal the steps the model
//    predicts for that edit (buildah's own stage-order cache misses set apart, as in layers.real);
//  - the final image size is the sum of the final image's layers.
// Skipped, with the reason printed, when buildah or the local images are missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { LOCAL_GOLANG, LOCAL_RUNTIME, STORE, build, buildah, removeBuildImages, removeImage, unavailableReason } from './lib/buildah.mjs';
import { ensureCli, key, orderRaceMisses } from './lib/layers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'layers');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const skip = unavailableReason();
if (skip) console.log(`# measure.real: skipped: ${skip}`);

/** The builder options a user with this store would give: the same root, runroot and driver as lib/buildah.mjs. */
const BUILDER_FLAGS = [
  '--builder', 'buildah',
  `--builder-arg=--root`, `--builder-arg=${STORE}/root`,
  `--builder-arg=--runroot`, `--builder-arg=${STORE}/runroot`,
  `--builder-arg=--storage-driver`, '--builder-arg=overlay',
  '--build-option=--isolation=chroot',
];

function measure(dir, { buildArgs, target, changed = [] }) {
  const args = [CLI, 'layers', path.join(dir, 'Dockerfile'), '--context', dir, '--format', 'json', '--measure', ...BUILDER_FLAGS];
  for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (target) args.push('--target', target);
  if (changed.length) args.push('--changed', ...changed);
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `layers --measure failed:\n${r.stderr}`);
  return { model: JSON.parse(r.stdout), log: r.stderr };
}

/** buildah's own per-layer sizes of an image (its manifest, uncompressed blobs), oldest first. */
function manifestLayerSizes(tag) {
  const info = JSON.parse(buildah(['inspect', '--type', 'image', tag]));
  return JSON.parse(info.Manifest).layers.map((l) => l.size);
}

function copyFixture(name) {
  removeBuildImages(); // each case's cache candidates are its own builds' (lib/buildah.mjs)
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `gd-measure-real-${name}-`)));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('layers --measure with buildah', { skip: skip ?? false }, () => {
  const tags = [];
  const dirs = [];
  before(() => ensureCli());
  after(() => {
    for (const t of tags) removeImage(t);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test('scratch-basic: measured layer sizes equal buildah\'s, the re-run set after a .go edit equals the prediction', (t) => {
    const dir = copyFixture('scratch-basic');
    dirs.push(dir);
    const buildArgs = { GO_IMAGE: LOCAL_GOLANG };

    // 1. Measure (a first build; cached when an earlier run built the same files).
    const { model, log } = measure(dir, { buildArgs });
    assert.match(log, /buildah .*--root .* bud --layers/, 'the CLI says which builder and command ran');
    const x = model.measurement;
    assert.equal(x.builder, 'buildah');
    assert.equal(x.stale, false);

    // 2. buildah's own sizes, read from tagged images: the final image, and the builder stage.
    const finalTag = `localhost/gd-measure-final:${process.pid}`;
    const buildTag = `localhost/gd-measure-build:${process.pid}`;
    tags.push(finalTag, buildTag);
    build({ context: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: finalTag, buildArgs });
    build({ context: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: buildTag, buildArgs, target: 'build' });
    const finalSizes = manifestLayerSizes(finalTag);
    const buildSizes = manifestLayerSizes(buildTag);

    const layerSteps = (s) => model.stages[s].layers.filter((l) => l.createsLayer);
    const measuredFinal = layerSteps(1).map((l) => l.measuredBytes);
    const measuredBuild = layerSteps(0).map((l) => l.measuredBytes);
    t.diagnostic(`final stage: measured ${JSON.stringify(measuredFinal)}, buildah ${JSON.stringify(finalSizes)} (estimated ${JSON.stringify(layerSteps(1).map((l) => l.estimatedBytes))})`);
    t.diagnostic(`build stage: measured ${JSON.stringify(measuredBuild)}, buildah's last layers ${JSON.stringify(buildSizes.slice(-measuredBuild.length))} (estimated ${JSON.stringify(layerSteps(0).map((l) => l.estimatedBytes))})`);
    // scratch has no layers: the final image's layers are exactly this stage's.
    assert.deepEqual(measuredFinal, finalSizes);
    assert.deepEqual(measuredBuild, buildSizes.slice(-measuredBuild.length));
    assert.ok(measuredBuild.every((b) => typeof b === 'number'));
    // Metadata steps are measured as no layer.
    for (const s of model.stages) for (const l of s.layers.slice(1)) if (!l.createsLayer) assert.equal(l.measuredBytes, 0, `line ${l.line}`);
    assert.equal(model.finalImage.measuredBytes, finalSizes.reduce((n, b) => n + b, 0), 'final image = the sum of its layers');
    assert.equal(x.finalLayers, finalSizes.length);

    // 3. Edit a .go file; measure again, predicting that edit: the steps that ran are the predicted ones.
    const main = path.join(dir, 'main.go');
    fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace('fmt.Println(', `fmt.Println("measure-${Date.now()}-${process.pid}", `));
    const after = measure(dir, { buildArgs, changed: ['main.go'] }).model;
    const predicted = after.stages.flatMap((s) => s.layers.filter((l) => l.rebuilt).map((l) => key(s.index, l.step))).sort();
    // The steps as buildah printed them (their order tells its stage-order misses apart).
    const order = after.measurement.order;
    const steps = after.stages.flatMap((s) => s.layers.filter((l) => l.measuredRan !== null).map((l) => ({ stage: s.index, step: l.step, cached: !l.measuredRan, pos: order.indexOf(key(s.index, l.step)) })));
    const ran = steps.filter((s) => !s.cached && s.step > 1).map((s) => key(s.stage, s.step)).sort();
    const raced = new Set([...orderRaceMisses(after, steps)].filter((k) => !predicted.includes(k)));
    t.diagnostic(`after the .go edit: predicted ${JSON.stringify(predicted)}, ran ${JSON.stringify(ran)}${raced.size ? `, buildah stage-order misses set apart ${JSON.stringify([...raced])}` : ''}`);
    assert.ok(predicted.length > 0);
    // The steps that ran are sized too (their images are new, not from the cache).
    for (const s of after.stages) for (const l of s.layers.filter((x) => x.createsLayer)) assert.equal(typeof l.measuredBytes, 'number', `line ${l.line} measured after the edit`);
    assert.deepEqual(ran.filter((k) => !raced.has(k)), predicted);
    assert.deepEqual(after.measurement.ran.filter((k) => !raced.has(k)).sort(), predicted, 'the summary lists the same steps');
  });
});
