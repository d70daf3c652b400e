/**
 * The model, its stages and its instructions keep V8's fast properties with every fact slot
 * (dockerfile/model.ts): an object that turns into a hash table (dictionary mode) makes every
 * read of every one of its properties, by every rule, a hash lookup. A model got there once it
 * had more than 12 fact slots added by assignment. This is the one shape check V8 offers
 * (`%HasFastProperties`, enabled here for this process only); no time is measured.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import v8 from 'node:v8';
import { analyzeText } from '../../server/src/analysis';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { ready } from './helpers';

before(() => ready);

v8.setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const TEXT = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app',
  'FROM gcr.io/distroless/static-debian12',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

test('the shape check itself tells a hash-table object from a fast one', () => {
  const slow: Record<symbol, unknown> = {};
  for (let i = 0; i < 40; i++) slow[Symbol(String(i))] = i;
  assert.equal(hasFastProperties(slow), false);
  assert.equal(hasFastProperties({ a: 1 }), true);
});

test('a parsed model, its stages and instructions have fast properties, after every rule filled their fact slots', () => {
  const model = parseDockerfile(TEXT);
  assert.equal(hasFastProperties(model), true, 'model, as parsed');
  const { model: analysed } = analyzeText(TEXT);
  assert.equal(hasFastProperties(analysed), true, 'model');
  for (const stage of analysed.stages) assert.equal(hasFastProperties(stage), true, `stage ${stage.index}`);
  for (const instr of analysed.instructions) assert.equal(hasFastProperties(instr), true, `line ${instr.line + 1}`);
});

test('every model has the one hidden class of its template, over-limit and reparsed ones too', () => {
  const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
  const first = parseDockerfile(TEXT);
  const edited = parseDockerfile(TEXT.replace('/out/app', '/out/server'), first);
  const other = parseDockerfile('FROM scratch\nCOPY app /app\n');
  const over = parseDockerfile(`FROM scratch\n${'#'.repeat(3_000_000)}\n`);
  assert.ok(over.notAnalysed, 'the text is over the size limit');
  for (const [name, m] of [['reparsed', edited], ['other', other], ['over the limit', over]] as const) assert.equal(haveSameMap(first, m), true, name);
});
