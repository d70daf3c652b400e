import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, ready } from '../helpers';
import { find, has } from './kit/realworld';

/** GD216 cross-compiled-go-install. */
before(() => ready);

describe('GD216 cross-compiled-go-install', () => {
  // btcsuite/btcd 2c67bc2 (ISC) .github/workflows/Dockerfile, published for linux/amd64, arm64,
  // arm and 386 from an amd64 runner (dimagespub.yml); judge Y round 33 M1.
  const btcd = df([
    'FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build',
    'ADD . /app',
    'WORKDIR /app',
    'ARG TARGETOS TARGETARCH',
    'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go install -v . ./cmd/...',
    'FROM alpine:3.22',
    'COPY --from=build /go/bin /bin',
    'ENTRYPOINT ["btcd"]',
  ]);

  it('finds go install for the target platform on the build platform, on the install word', () => {
    const [f, ...more] = find(btcd, 'GD216');
    assert.equal(more.length, 0);
    assert.equal(btcd.slice(f.span.start, f.span.end), 'install');
    assert.match(f.message, /\/go\/bin\/linux_arm64\//);
    assert.match(f.message, /go build -o \/go\/bin\//);
    assert.equal(f.severity, 'warning');
    assert.equal(f.fix, undefined);
  });

  it('says the install fails when GOBIN is set', () => {
    const [f] = find(btcd.replace('ARG TARGETOS TARGETARCH', 'ARG TARGETOS TARGETARCH\nENV GOBIN=/usr/local/bin'), 'GD216');
    assert.match(f.message, /cannot install cross-compiled binaries when GOBIN is set/);
  });

  it('finds GOARCH from ENV, and a stage built FROM a build-platform stage', () => {
    const env = df(['FROM --platform=${BUILDPLATFORM} golang:1.26 AS base', 'ARG TARGETARCH', 'ENV CGO_ENABLED=0 GOARCH=${TARGETARCH}', 'FROM base AS build', 'WORKDIR /src', 'COPY . .', 'RUN go install ./cmd/app', 'FROM scratch', 'COPY --from=build /go/bin/app /app', 'ENTRYPOINT ["/app"]']);
    assert.equal(find(env, 'GD216').length, 1);
  });

  it('is silent on the target platform, for a literal or other GOARCH, for go build, and when the Dockerfile handles the folder', () => {
    assert.equal(has(btcd.replace('--platform=$BUILDPLATFORM ', ''), 'GD216'), false, 'follows the target: nothing cross-compiles');
    assert.equal(has(btcd.replace('GOOS=$TARGETOS GOARCH=$TARGETARCH', 'GOOS=linux GOARCH=amd64'), 'GD216'), false);
    assert.equal(has(btcd.replace('GOOS=$TARGETOS GOARCH=$TARGETARCH', 'GOARCH=$ARCH'), 'GD216'), false);
    assert.equal(has(btcd.replace('go install -v . ./cmd/...', 'go build -o /go/bin/ . ./cmd/...'), 'GD216'), false);
    assert.equal(has(btcd.replace('./cmd/...', './cmd/... && mv /go/bin/${TARGETOS}_${TARGETARCH}/* /go/bin/ || true'), 'GD216'), false);
    assert.equal(has(btcd.replace('COPY --from=build /go/bin /bin', 'COPY --from=build /go/bin/linux_* /bin/'), 'GD216'), false);
  });
});
