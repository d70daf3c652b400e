import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, spanText } from './kit/image';

/** GD207 sources-in-final-image: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD207 sources-in-final-image', () => {
  const bad = df(['FROM golang:1.24 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM gcr.io/distroless/static-debian12:nonroot', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /out/app /app/app', 'ENTRYPOINT ["/app/app"]']);

  it('finds a whole-context copy in the final stage of a multi-stage build, and not in the builder', () => {
    const fs_ = find(bad, 'GD207');
    assert.equal(fs_.length, 1);
    assert.equal(spanText(bad, fs_[0]), 'COPY . .');
    assert.ok(bad.indexOf(spanText(bad, fs_[0]), bad.indexOf('distroless')) === fs_[0].span.start);
    assert.equal(fs_[0].fix, undefined);
  });

  it('recognises ./, ADD . and .. (the context root)', () => {
    for (const copy of ['COPY ./ /app/', 'ADD . /srv', 'COPY .. .', 'COPY --chown=1000 . /app']) {
      assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', copy]), 'GD207'), true, copy);
    }
  });

  it('is silent for --from copies, single files, single-stage builds, a golang final stage, and a non-final stage', () => {
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /src/. /app']), 'GD207'), false);
    assert.equal(has(df(['FROM golang:1.24 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY config.yaml templates/ /app/']), 'GD207'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'COPY . /app']), 'GD207'), false);
    assert.equal(has(df(['FROM node:20 AS web', 'RUN npm ci', 'FROM golang:1.24', 'COPY . .', 'RUN go build .']), 'GD207'), false);
    assert.equal(has(df(['FROM alpine:3.20 AS dev', 'COPY . .', 'FROM alpine:3.20 AS prod', 'COPY --from=dev /app /app']), 'GD207'), false);
  });

  it('follows the configured target', () => {
    const text = df(['FROM alpine:3.20 AS dev', 'COPY . .', 'FROM alpine:3.20 AS prod', 'COPY --from=dev /app /app']);
    assert.equal(has(text, 'GD207', { target: 'dev' }), true);
  });
});
