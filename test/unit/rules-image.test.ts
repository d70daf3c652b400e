import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fixAll } from '../../server/src/fixes/fixAll';
import { df, lint, ready } from './helpers';
import { parses } from './rules/kit/image';

before(() => ready);

describe('image rules: fix-all is stable', () => {
  it('applying every safe fix twice changes nothing the second time', () => {
    const text = df(['FROM golang:1.24-alpine AS build', 'WORKDIR /src', 'COPY . .', 'RUN apk add git', 'RUN adduser -D app', 'RUN go build -o /out/app .', 'FROM debian:12-slim', 'RUN apt-get update && apt-get install -y ca-certificates', 'RUN apt-get clean', 'ADD config.yaml /etc/app/', 'COPY --from=build /out/app /app', 'USER 65532', 'ENTRYPOINT ["/app"]']);
    const run = (t: string) => lint(t);
    const once = fixAll(text, run).text;
    parses(once);
    assert.equal(fixAll(once, run).text, once);
  });
});
