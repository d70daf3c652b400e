import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { find, has } from './kit/gobuild';

/** GD117 env-without-command: its own cases. */
before(() => ready);

describe('GD117 env-without-command', () => {
  // berachain/beacon-kit 2059e2ab (BUSL-1.1) Dockerfile:76-91, trimmed (judge 5, round 6, miss):
  // `env` with assignments only prints the environment; CGO_ENABLED=1 never reaches go build.
  const beacon = (env = 'env NAME=${NAME} DB_BACKEND=${DB_BACKEND} APP_NAME=${APP_NAME} CGO_ENABLED=1 && \\', pre: string[] = []) => df([
    'FROM golang:1.25-alpine AS builder',
    'ARG NAME=beacond',
    'ARG APP_NAME=beacond',
    'ARG DB_BACKEND=pebbledb',
    ...pre,
    'WORKDIR /workdir',
    'COPY ./ ./',
    'RUN --mount=type=cache,target=/root/.cache/go-build \\',
    '    --mount=type=cache,target=/go/pkg/mod \\',
    `    ${env}`,
    '    go build \\',
    '    -mod=readonly \\',
    '    -trimpath \\',
    '    -o /workdir/build/bin/beacond \\',
    '    ./cmd/beacond',
  ]);

  it('finds an env-only command before go build (beacon-kit), naming the Go settings that never reach it', () => {
    const text = beacon();
    const fs = find(text, 'GD117');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'warning');
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'env NAME=${NAME} DB_BACKEND=${DB_BACKEND} APP_NAME=${APP_NAME} CGO_ENABLED=1');
    assert.match(fs[0].message, /runs no command: `env` without one prints the environment and exits.* CGO_ENABLED=1 never reaches `go build` after it\. Drop the `&&`/);
    // NAME, DB_BACKEND, APP_NAME are not Go's: not named.
    assert.match(fs[0].message, /it\. CGO_ENABLED=1 never reaches/);
    assert.equal(fs[0].fix?.safe, false);
  });

  it('names the value go sees instead, and a `;` or a line break as the separator', () => {
    const zero = beacon(undefined, ['ENV CGO_ENABLED=0']);
    assert.match(find(zero, 'GD117')[0].message, /CGO_ENABLED=1 never reaches `go build` after it \(which sees CGO_ENABLED=0\)/);
    const semi = df(['FROM golang:1.25', 'COPY . .', 'RUN env GOOS=linux GOARCH=arm64; go build -o /app .']);
    assert.match(find(semi, 'GD117')[0].message, /GOOS=linux, GOARCH=arm64 never reach `go build`/);
    assert.equal(has(df(['FROM golang:1.25', 'COPY . .', 'RUN <<EOF', 'env CGO_ENABLED=0', 'go build -o /app .', 'EOF']), 'GD117'), true);
  });

  it('is silent for env that runs go, env with options, assignments go sees anyway, and other commands', () => {
    for (const run of [
      'RUN env CGO_ENABLED=0 GOOS=linux go build -o /app .',
      'RUN /usr/bin/env CGO_ENABLED=0 go build -o /app .',
      'RUN env NAME=x APP=y && go build -o /app .',
      'RUN env -i CGO_ENABLED=0 && go build -o /app .',
      'RUN env | grep GO && go build -o /app .',
      'RUN env CGO_ENABLED=0 | sort && go build -o /app .',
      'RUN X=$(env CGO_ENABLED=0) && go build -o /app .',
      'RUN env CGO_ENABLED=0 && go version',
      'RUN env CGO_ENABLED=0 && echo hi && go build -o /app .',
      'RUN env CGO_ENABLED=0 && CGO_ENABLED=0 go build -o /app .',
      'RUN env CGO_ENABLED=0 || go build -o /app .',
    ]) {
      assert.equal(has(df(['FROM golang:1.25', 'COPY . .', run]), 'GD117'), false, run);
    }
    // The stage's ENV (or an ARG) already gives go that value.
    assert.equal(has(df(['FROM golang:1.25', 'ENV CGO_ENABLED=0', 'COPY . .', 'RUN env CGO_ENABLED=0 && go build -o /app .']), 'GD117'), false);
    assert.equal(has(df(['FROM golang:1.25', 'ARG GOOS=linux', 'COPY . .', 'RUN env GOOS=linux && go build -o /app .']), 'GD117'), false);
  });

  it('fix: env runs go (the && and the line continuation dropped); CRLF kept; none across a comment line', () => {
    const fixed = applyFix(beacon(), 'GD117');
    assert.match(fixed, /\n {4}env NAME=\$\{NAME\} DB_BACKEND=\$\{DB_BACKEND\} APP_NAME=\$\{APP_NAME\} CGO_ENABLED=1 go build \\\n {4}-mod=readonly/);
    assert.equal(has(fixed, 'GD117'), false);
    const crlf = df(['FROM golang:1.25', 'COPY . .', 'RUN env CGO_ENABLED=0 && \\', '    go build -o /app .'], '\r\n');
    assert.ok(applyFix(crlf, 'GD117').includes('RUN env CGO_ENABLED=0 go build -o /app .\r\n'));
    const comment = df(['FROM golang:1.25', 'COPY . .', 'RUN env CGO_ENABLED=0 && \\', '# build it', '    go build -o /app .']);
    const f = find(comment, 'GD117');
    assert.equal(f.length, 1);
    assert.equal(f[0].fix, undefined);
  });
});
