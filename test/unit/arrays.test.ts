import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatMapOf } from '../../server/src/arrays';

test('flatMapOf gives what Array.prototype.flatMap gives, in order, with the index', () => {
  // Arrays of several lengths and element kinds, mapped to empty, one and several elements.
  for (let n = 0; n < 12; n++) {
    const xs = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? { k: i } : i % 3 === 1 ? `s${i}` : i));
    const f = (x: unknown, i: number): unknown[] => (i % 4 === 0 ? [] : i % 4 === 1 ? [x] : [x, i, [i]]);
    assert.deepEqual(flatMapOf(xs, f), xs.flatMap(f));
  }
  // Only one level is flattened, as flatMap does.
  assert.deepEqual(flatMapOf([1, 2], (x) => [[x]]), [[1], [2]]);
});
