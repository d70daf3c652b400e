/**
 * A stage's tool runs (dockerfile/indirectGo.ts toolRuns) are kept on the stage once walked:
 * per context read and per `variableScripts`, and never handed to a copy of the stage with other
 * instructions (facts/precompiledPackages.ts asks for `{ ...stage, instructions: [one] }`).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { indirectGoSteps, toolRuns } from '../../server/src/dockerfile/indirectGo';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { ready } from './helpers';

before(() => ready);

const TEXT = ['FROM golang:1.22', 'WORKDIR /src', 'COPY . .', 'RUN make deps', 'RUN ./build.sh ${SCRIPT}', 'RUN ./scripts/${BUILD}', ''].join('\n');
const files = (texts: Record<string, string>) => ({ readFile: (rel: string) => texts[rel] ?? null });

test('each context is read for itself: the runs read through one are not the answer for another', () => {
  const stage = parseDockerfile(TEXT).stages[0];
  const a = files({ Makefile: 'deps:\n\tgo mod download\n', 'build.sh': 'echo hi\n' });
  const b = files({ Makefile: 'deps:\n\tnpm ci\n', 'build.sh': 'go build ./...\n' });
  assert.deepEqual(indirectGoSteps(stage, a, false).map((s) => s.file), ['Makefile']);
  assert.deepEqual(indirectGoSteps(stage, b, false).map((s) => s.file), ['build.sh']);
  assert.deepEqual(indirectGoSteps(stage, undefined, true).map((s) => s.instr.line), [3, 4]);
  assert.equal(toolRuns(stage, a), toolRuns(stage, a), 'kept');
});

test('variableScripts has its own answer', () => {
  const stage = parseDockerfile(TEXT).stages[0];
  assert.equal(toolRuns(stage, undefined).length, 2);
  assert.equal(toolRuns(stage, undefined, { variableScripts: true }).length, 3);
  assert.equal(toolRuns(stage, undefined).length, 2);
});

test('a copy of the stage with one instruction gets the runs of that instruction, and the stage keeps its own', () => {
  const stage = parseDockerfile(TEXT).stages[0];
  const all = toolRuns(stage, undefined);
  const one = { ...stage, instructions: [stage.instructions[4]] };
  assert.deepEqual(toolRuns(one, undefined).map((r) => r.instr.line), [4]);
  assert.equal(toolRuns(stage, undefined), all);
  assert.deepEqual(toolRuns(stage, undefined).map((r) => r.instr.line), [3, 4]);
  const first = parseDockerfile(TEXT).stages[0];
  const copy = { ...first, instructions: [first.instructions[3]] };
  assert.deepEqual(toolRuns(copy, undefined).map((r) => r.instr.line), [3], 'the copy asked first');
  assert.deepEqual(toolRuns(first, undefined).map((r) => r.instr.line), [3, 4]);
});
