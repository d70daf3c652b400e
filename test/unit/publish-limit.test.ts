import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PUBLISHED_LIMIT, omittedMessage, selectForPublishing } from '../../server/src/lsp/publishLimit';

// Items are [rank, id]: rank 0 error .. 3 hint.
type Item = [number, string];
const rank = (i: Item) => i[0];
const ids = (items: Item[]) => items.map((i) => i[1]);

describe('selectForPublishing (what VS Code would show of a file)', () => {
  test('up to the limit: everything, in order, nothing omitted', () => {
    const items: Item[] = [[3, 'a'], [0, 'b'], [1, 'c']];
    assert.deepEqual(selectForPublishing(items, rank, 3), { kept: items, omitted: 0 });
    assert.deepEqual(selectForPublishing([], rank), { kept: [], omitted: 0 });
  });

  test('over it: limit - 1 kept (room for the marker), lower ranks first, document order kept', () => {
    const items: Item[] = [[2, 'i1'], [1, 'w1'], [3, 'h1'], [0, 'e1'], [1, 'w2'], [2, 'i2'], [0, 'e2'], [1, 'w3']];
    const r = selectForPublishing(items, rank, 5);
    // Both errors, the first two of three warnings; no information or hint.
    assert.deepEqual(ids(r.kept), ['w1', 'e1', 'w2', 'e2']);
    assert.equal(r.omitted, 4);
    assert.deepEqual(r.firstOmitted, [2, 'i1']);
  });

  test('the cut inside the errors: only errors, the first ones', () => {
    const items: Item[] = [[1, 'w'], [0, 'e1'], [0, 'e2'], [0, 'e3'], [0, 'e4']];
    const r = selectForPublishing(items, rank, 3);
    assert.deepEqual(ids(r.kept), ['e1', 'e2']);
    assert.equal(r.omitted, 3);
    assert.deepEqual(r.firstOmitted, [1, 'w']);
  });

  test('a rank outside 0..3 counts as a hint', () => {
    // Counted as errors, x and y would both be kept; as hints, they come after h.
    const items: Item[] = [[3, 'h'], [7, 'x'], [-1, 'y'], [0, 'e']];
    assert.deepEqual(ids(selectForPublishing(items, rank, 3).kept), ['h', 'e']);
  });

  test('the default limit is VS Code\'s 1,000 per file, the marker included', () => {
    const items: Item[] = Array.from({ length: 1500 }, (_, k) => [k % 2, String(k)]);
    const r = selectForPublishing(items, rank);
    assert.equal(PUBLISHED_LIMIT, 1000);
    assert.equal(r.kept.length + 1, PUBLISHED_LIMIT);
    assert.equal(r.kept.filter((i) => i[0] === 0).length, 750);
    assert.equal(r.omitted, 501);
    assert.match(omittedMessage(r.omitted), /^Not showing 501 further findings here/);
    assert.match(omittedMessage(1), /^Not showing 1 further finding here/);
  });
});
