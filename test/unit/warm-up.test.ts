import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { WARM_UP_RUNS, warmUp, warmUpText } from '../../server/src/lsp/warmUp';
import { ready } from './helpers';

/** Runs warmUp to its end: [analyses run, ms]. */
const run = (grammar: PromiseLike<void>, idle: () => boolean) =>
  new Promise<[number, number]>((resolve) => warmUp(grammar, idle, (runs, ms) => resolve([runs, ms])));

describe("warmUp (the server's idle warm-up, lsp/warmUp.ts)", () => {
  test('while idle, every analysis runs: the text never throws (a throw would end the warm-up at once)', async () => {
    const [runs] = await run(ready, () => true);
    assert.equal(runs, WARM_UP_RUNS);
  });

  test('stops as soon as the server is no longer idle (a document opened)', async () => {
    let asked = 0;
    const [runs] = await run(ready, () => ++asked <= 2);
    assert.equal(runs, 2);
  });

  test('does nothing when the shell grammar cannot be loaded', async () => {
    const [runs, ms] = await run(Promise.reject(new Error('no grammar')), () => true);
    assert.deepEqual([runs, ms], [0, 0]);
  });

  test('its text is several copies of a multi-stage build, each copy with stage names of its own', () => {
    const names = parseDockerfile(warmUpText()).stages.map((st) => st.name);
    assert.ok(names.length >= 9, names.join(' '));
    assert.equal(new Set(names).size, names.length, names.join(' '));
  });
});
