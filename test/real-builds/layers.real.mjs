// The layer model's predictions held against a real builder (buildah, offline; see setup.sh and
// ../../../shared/REAL-BUILDS.md). For each fixture of test/fixtures/layers:
//  - the number of layers of the final image: predicted (finalImage.layers, plus the base image's
//    own layers) vs `buildah inspect` (rootfs.diff_ids);
//  - the stages buildah builds vs the stages the model says the final image needs;
//  - after editing a .go file (and go.mod for one fixture), the steps predicted to re-run vs the
//    steps buildah did not take from its cache.
// Base images: the fixtures' FROMs are ARGs (GO_IMAGE, RUNTIME_IMAGE); this test sets them to the
// local images setup.sh makes — localhost/golang:1.19-bookworm and localhost/debian:bookworm-slim,
// one layer each (counted with `buildah inspect`, not assumed) — and passes the same --build-arg
// values to the model. `scratch` has no layer.
// Skipped, with the reason printed, when buildah or the local images are missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { LOCAL_GOLANG, LOCAL_RUNTIME, buildah, inspect, removeBuildImages, removeImage, unavailableReason } from './lib/buildah.mjs';
import { ensureCli, key, orderRaceMisses } from './lib/layers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'layers');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BASES = { GO_IMAGE: LOCAL_GOLANG, RUNTIME_IMAGE: LOCAL_RUNTIME };

const skip = unavailableReason();
if (skip) console.log(`# layers.real: skipped: ${skip}`);

/** The model, through the CLI as a user runs it. */
function predict(dir, { buildArgs, target, changed = [] }) {
  const args = [CLI, 'layers', path.join(dir, 'Dockerfile'), '--context', dir, '--format', 'json'];
  for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (target) args.push('--target', target);
  if (changed.length) args.push('--changed', ...changed);
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, `go-dockerfile layers failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * `buildah bud --layers`, with every step and whether it came from the cache. Multi-stage builds
 * print `[stage/stages] STEP n/m: ...` (stage counted from 1 over all stages of the Dockerfile,
 * FROM being step 1); a cache hit prints `--> Using cache <id>` after its step.
 */
function buildSteps({ dir, tag, buildArgs, target }) {
  const args = ['bud', '--layers', '--isolation', 'chroot', '-t', tag, '-f', path.join(dir, 'Dockerfile')];
  for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (target) args.push('--target', target);
  args.push(dir);
  const output = buildah(args);
  const steps = [];
  for (const [pos, line] of output.split('\n').entries()) {
    const m = /^(?:\[(\d+)\/(\d+)\] )?STEP (\d+)\/(\d+): (.*)$/.exec(line);
    if (m) steps.push({ stage: m[1] ? Number(m[1]) - 1 : 0, stages: m[2] ? Number(m[2]) : 1, step: Number(m[3]), of: Number(m[4]), instruction: m[5], cached: false, pos });
    else if (/^--> Using cache /.test(line) && steps.length) steps[steps.length - 1].cached = true;
  }
  assert.ok(steps.length > 0, `no steps in buildah's output:\n${output}`);
  return { output, steps };
}

/** Steps buildah ran (not from its cache), FROM excluded (it never "runs"). */
const ranByBuildah = (steps) => steps.filter((s) => s.step > 1 && !s.cached).map((s) => key(s.stage, s.step)).sort();
/** Steps the model says re-run. */
const predictedRuns = (model) => model.stages.flatMap((s) => s.layers.filter((l) => l.rebuilt).map((l) => key(s.index, l.step))).sort();
const describeSteps = (model, keys) => keys.map((k) => {
  const [si, st] = k.split(':').map(Number);
  const s = model.stages[si];
  return `${k} ${s.name ?? si}: ${s.layers[st - 1]?.instruction}`;
});

/** Predicted re-runs vs the steps buildah ran, exactly (buildah's stage-order misses set apart). */
function compare(t, what, model, steps) {
  const predicted = predictedRuns(model);
  const raced = new Set([...orderRaceMisses(model, steps)].filter((k) => !predicted.includes(k)));
  const ran = ranByBuildah(steps);
  t.diagnostic(`${what}: predicted ${predicted.length} steps re-run, buildah ran ${ran.length} (of ${steps.filter((s) => s.step > 1).length})${raced.size ? `; set apart, buildah stage-order misses: ${describeSteps(model, [...raced]).join('; ')}` : ''}`);
  assert.deepEqual(
    ran.filter((k) => !raced.has(k)),
    predicted,
    `predicted:\n${describeSteps(model, predicted).join('\n')}\nbuildah ran:\n${describeSteps(model, ran).join('\n')}`,
  );
  assert.equal(model.change.rebuiltSteps, predicted.length);
}

const baseLayerCache = new Map();
function baseLayers(model) {
  const ref = model.finalImage.baseImage;
  if (ref === 'scratch') return 0;
  if (!baseLayerCache.has(ref)) baseLayerCache.set(ref, inspect(ref).layers);
  return baseLayerCache.get(ref);
}

/** A fresh copy of a fixture; `edit` changes a file so that its build output changes too. */
function copyFixture(name) {
  removeBuildImages(); // each case's cache candidates are its own builds' (lib/buildah.mjs)
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `gd-layers-real-${name}-`)));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
function editGo(dir, rel, nonce) {
  const file = path.join(dir, rel);
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /fmt\.Println\(/);
  // A new string in the output: the binary changes (a unique one per run, so no earlier run's cache can match).
  fs.writeFileSync(file, text.replace('fmt.Println(', `fmt.Println("${nonce}", `));
}

const CASES = [
  { name: 'scratch-basic', buildArgs: { GO_IMAGE: BASES.GO_IMAGE }, edit: 'main.go' },
  { name: 'chain', buildArgs: BASES, edit: 'main.go' },
  { name: 'cachemounts-target', buildArgs: BASES, target: 'runtime', edit: 'cmd/server/main.go', editGoMod: true },
];

describe('layer model vs buildah', { skip: skip ?? false }, () => {
  const tags = [];
  const dirs = [];
  before(() => ensureCli());
  after(() => {
    for (const t of tags) removeImage(t);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const c of CASES) {
    test(`${c.name}: final image layers, built stages, and the steps a .go edit re-runs`, (t) => {
      const dir = copyFixture(c.name);
      dirs.push(dir);
      const tag = `localhost/gd-layers-${c.name}:${process.pid}`;
      tags.push(tag);
      const opts = { dir, tag, buildArgs: c.buildArgs, target: c.target };
      const nonce = `edit-${Date.now()}-${process.pid}`;

      // 1. Build (from the cache when an earlier run built the same files) and count layers.
      const first = buildSteps(opts);
      const model = predict(dir, { buildArgs: c.buildArgs, target: c.target });
      const built = [...new Set(first.steps.map((s) => s.stage))].sort();
      const expectedBuilt = model.stages.filter((s) => s.reachesFinal).map((s) => s.index);
      assert.deepEqual(built, expectedBuilt, 'buildah builds exactly the stages the final image needs (unused ones are skipped)');
      for (const s of first.steps) {
        // buildah drops the stages after --target before counting them.
        assert.equal(s.stages, c.target ? model.finalImage.stage + 1 : model.stages.length);
        assert.equal(s.of, model.stages[s.stage].layers.length, `stage ${s.stage}: buildah's step count = FROM + instructions`);
      }
      const layers = inspect(tag).layers;
      const base = baseLayers(model);
      t.diagnostic(`${c.name}: final image layers predicted ${model.finalImage.layers} + ${base} (base ${model.finalImage.baseImage}) = ${model.finalImage.layers + base}, buildah ${layers}`);
      assert.equal(model.finalImage.layers + base, layers, 'layers of the final image');

      // 2. No change: everything comes from the cache (but for buildah's own stage-order misses).
      const again = buildSteps(opts);
      const againRaced = orderRaceMisses(model, again.steps);
      if (againRaced.size) t.diagnostic(`buildah stage-order cache misses without any change: ${describeSteps(model, [...againRaced]).join('; ')}`);
      assert.deepEqual(ranByBuildah(again.steps).filter((k) => !againRaced.has(k)), [], 'a rebuild without changes is fully cached');

      // 3. Edit a .go file.
      editGo(dir, c.edit, nonce);
      const predicted = predict(dir, { buildArgs: c.buildArgs, target: c.target, changed: [c.edit] });
      compare(t, `${c.name}, ${c.edit} edited`, predicted, buildSteps(opts).steps);

      // 4. Edit go.mod (and the .go file again: a go.mod comment alone leaves the binary
      //    byte-identical, and buildah, like BuildKit, then reuses COPY --from by content).
      if (c.editGoMod) {
        fs.appendFileSync(path.join(dir, 'go.mod'), `\n// ${nonce}\n`);
        editGo(dir, c.edit, `${nonce}-2`);
        const p = predict(dir, { buildArgs: c.buildArgs, target: c.target, changed: ['go.mod', c.edit] });
        compare(t, `${c.name}, go.mod and ${c.edit} edited`, p, buildSteps(opts).steps);
      }
    });
  }

  test('bindmount: BuildKit re-runs a RUN whose bind-mounted sources changed; buildah 1.28 reuses its cache (documented difference)', (t) => {
    const dir = copyFixture('bindmount');
    dirs.push(dir);
    const tag = `localhost/gd-layers-bindmount:${process.pid}`;
    tags.push(tag);
    const opts = { dir, tag, buildArgs: { GO_IMAGE: BASES.GO_IMAGE } };
    buildSteps(opts);
    const model = predict(dir, { buildArgs: opts.buildArgs });
    assert.equal(model.finalImage.layers + baseLayers(model), inspect(tag).layers, 'layers of the final image');
    editGo(dir, 'main.go', `edit-${Date.now()}-${process.pid}`);
    const predicted = predictedRuns(predict(dir, { buildArgs: opts.buildArgs, changed: ['main.go'] }));
    const steps = buildSteps(opts).steps;
    const raced = orderRaceMisses(model, steps);
    const ran = ranByBuildah(steps).filter((k) => !raced.has(k) || predicted.includes(k));
    // Never more than predicted; whatever is missing is the bind-mount RUN and what follows it.
    for (const k of ran) assert.ok(predicted.includes(k), `buildah ran ${k}, which was not predicted`);
    const missing = predicted.filter((k) => !ran.includes(k));
    if (missing.length) {
      const run = model.stages[0].layers.find((l) => l.keyword === 'RUN');
      assert.ok(missing.includes(key(0, run.step)), 'the difference starts at the bind-mount RUN');
      t.diagnostic(`buildah kept from its cache: ${describeSteps(model, missing).join('; ')} — the image still holds the binary built from the old sources (BuildKit would rebuild it)`);
    } else {
      t.diagnostic('buildah re-ran the bind-mount RUN: it now agrees with BuildKit');
    }
  });
});
