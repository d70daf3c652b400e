import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli as run } from './cliRun';
import type { LayerModel } from '../../server/src/layers';
import { ready } from './helpers';
import { FIXTURES, rebuilt } from './layers-helpers';

before(async () => {
  await ready;
});

const chain = path.join(FIXTURES, 'chain', 'Dockerfile');

describe('go-dockerfile layers', () => {
  it('--format json: the LayerModel, with the prediction for --changed paths (several after one flag)', async () => {
    const r = await run('layers', chain, '--changed', path.join(FIXTURES, 'chain', 'main.go'), 'static/site.css', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const m = JSON.parse(r.out) as LayerModel;
    assert.deepEqual(Object.keys(m).sort(), ['cacheEfficiency', 'cacheEfficiencyDetail', 'change', 'context', 'dockerfile', 'finalImage', 'measurement', 'stages', 'target', 'warnings']);
    assert.deepEqual(Object.keys(m.stages[0]).sort(), [
      'base', 'baseImage', 'baseStage', 'dependsOn', 'estimatedBytes', 'final', 'inFinalImage', 'index', 'layerCount', 'layers', 'line', 'name', 'range', 'reachesFinal', 'rebuilt', 'resolvedBase', 'usedBy',
    ]);
    assert.deepEqual(Object.keys(m.stages[0].layers[3]).sort(), [
      'cacheMounts', 'contextBytes', 'contextFiles', 'contextTop', 'createsLayer', 'endLine', 'estimateBasis', 'estimatedBytes', 'inputs', 'instruction', 'keyword', 'kind', 'line', 'measuredBytes', 'measuredRan', 'range', 'rebuildReason', 'rebuilt', 'step',
    ]);
    assert.deepEqual(m.change?.files, ['main.go', 'static/site.css']);
    assert.ok(rebuilt(m).includes('assets: COPY static/ ./static/'));
    assert.ok(rebuilt(m).includes('build: COPY *.go ./'));
    assert.equal(m.context?.root, path.join(FIXTURES, 'chain'));
  });

  it('text: a table per stage and a summary line with the cache efficiency', async () => {
    const r = await run('layers', chain, '--change', 'gomod');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Stage 1 "build": FROM deps \(line 11\)/m);
    assert.match(r.out, /RE-RUNS/);
    assert.match(r.out, /^Change: go\.mod -> 10 of 18 steps re-run \(7 of 10 layers\)$/m);
    assert.match(r.out, /^Summary: .*cache efficiency 50%/m);
    const plain = await run('layers', chain);
    assert.doesNotMatch(plain.out, /RE-RUNS|^Change:/m);
  });

  it('--target and --build-arg', async () => {
    const r = await run('layers', path.join(FIXTURES, 'cachemounts-target', 'Dockerfile'), '--target', 'runtime', '--build-arg', 'RUNTIME_IMAGE=localhost/debian:bookworm-slim', '--format=json');
    const m = JSON.parse(r.out) as LayerModel;
    assert.equal(m.finalImage.stage, 1);
    assert.equal(m.finalImage.baseImage, 'localhost/debian:bookworm-slim');
    assert.equal(m.target, 'runtime');
  });

  it('exit 2 for a missing file or a bad option', async () => {
    const missing = await run('layers', path.join(FIXTURES, 'nope', 'Dockerfile'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope.*: no such file/);
    assert.equal((await run('layers')).code, 2);
    assert.equal((await run('layers', chain, '--format', 'xml')).code, 2);
    assert.equal((await run('layers', chain, '--changed')).code, 2);
    assert.equal((await run('layers', chain, '--build-arg', 'nope')).code, 2);
    assert.equal((await run('layers', chain, chain)).code, 2);
    // Builder options only go with --measure; an unknown builder is a usage error, before anything runs.
    assert.match((await run('layers', chain, '--builder', 'buildah')).err, /go with --measure/);
    assert.equal((await run('layers', chain, '--measure', '--builder', 'kaniko')).code, 2);
  });

  it('--measure with a builder that is not on PATH: exit 1 and why, nothing built', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(FIXTURES, 'no-such-bin');
    try {
      const r = await run('layers', chain, '--measure', '--builder', 'buildah');
      assert.equal(r.code, 1);
      assert.match(r.err, /no builder to measure with \(buildah: not on PATH\)/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
