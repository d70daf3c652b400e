/**
 * The comment facts rules share (dockerfile/facts.ts): a stage's comment lines, the comment on a
 * line, and the comment block above an instruction, each computed once per model.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentBlockStart, commentLines, stageComments } from '../../server/src/dockerfile/facts';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { ready } from './helpers';

const TEXT = [
  '# syntax=docker/dockerfile:1', //    0: a directive, not a comment
  '# above everything', //              1: before the first FROM: no stage's
  'FROM golang:1.22 AS build', //       2
  '# Deliberately no cache mount:', //  3
  '# the CI builds from scratch', //    4
  'RUN go build -o /app .', //          5
  '', //                                6
  '# runtime', //                       7
  'FROM alpine:3.20', //                8
  'COPY --from=build /app /app', //     9
  '# user root: needs raw sockets', //  10
].join('\n');

describe('comment facts', () => {
  it('groups each comment line under the stage whose FROM is above it, none before the first FROM', async () => {
    await ready;
    const model = parseDockerfile(TEXT);
    const lines = (i: number) => stageComments(model, model.stages[i]).map((c) => c.line);
    // The comment above the second FROM belongs to the first stage's lines (after its FROM, before the next).
    assert.deepEqual(lines(0), [3, 4, 7]);
    assert.deepEqual(lines(1), [10]);
    assert.equal(stageComments(model, model.stages[0]), stageComments(model, model.stages[0]), 'computed once per model');
  });

  it('gives the comment of a line and the first line of the comment block above an instruction', async () => {
    await ready;
    const model = parseDockerfile(TEXT);
    assert.equal(commentLines(model).get(3), 'Deliberately no cache mount:');
    assert.equal(commentLines(model).has(5), false);
    const run = model.instructions.find((i) => i.keyword === 'RUN')!;
    assert.equal(commentBlockStart(model, run), 3);
    const copy = model.instructions.find((i) => i.keyword === 'COPY')!;
    assert.equal(commentBlockStart(model, copy), copy.line, 'no comment right above it');
  });
});
