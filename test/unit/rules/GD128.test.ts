import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';
import { tempWorkspace, temps } from './kit/realworld';
import { isCToolchainPackage, isDevPackage } from '../../../server/src/dockerfile/packages';

/** GD128 cgo-packages-without-cgo: its own cases. */
before(() => ready);
after(() => { for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true }); });

const find = (text: string) => lint(text).filter((f) => f.code === 'GD128');

// Judge X (round 30) M6: ironcore-dev/libvirt-provider a17b53b7 (Apache-2.0), Dockerfile (whole but
// the comments): the builder installs gcc, g++ and the Ceph -dev packages (with qemu and libvirt's
// clients, which nothing runs either), then builds both binaries with CGO_ENABLED=0; the final
// stage copies only the two binaries. The module has no `import "C"` (it talks to libvirt with the
// pure-Go digitalocean/go-libvirt), which the rule does not need: cgo is off either way.
const LIBVIRT_PROVIDER = (install = '    gcc g++ \\', build = 'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH GO111MODULE=on go build -ldflags="${LDFLAGS}" -a -o libvirt-provider ./cmd/libvirt-provider/main.go', extra: string[] = []) => df([
  'FROM --platform=$BUILDPLATFORM golang:1.26.6-bookworm AS builder',
  'ENV GOTOOLCHAIN=local',
  'WORKDIR /workspace',
  'COPY go.mod go.sum ./',
  'RUN --mount=type=cache,target=/root/.cache/go-build \\',
  '    --mount=type=cache,target=/go/pkg \\',
  '    go mod download',
  'COPY api/ api/',
  'COPY internal/ internal/',
  'COPY cmd/ cmd/',
  'COPY hack/ hack/',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  'ARG BUILDPLATFORM',
  'ARG LDFLAGS',
  'ENV BUILDARCH=${BUILDPLATFORM##*/}',
  'RUN apt-get update && apt-get install -y --no-install-recommends \\',
  '    qemu-user-static qemu-utils ca-certificates \\',
  '    libvirt-clients libcephfs-dev librbd-dev librados-dev libc-bin \\',
  install,
  '    && update-ca-certificates \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'RUN --mount=type=cache,target=/root/.cache/go-build \\',
  '    --mount=type=cache,target=/go/pkg \\',
  `    ${build}`,
  'RUN --mount=type=cache,target=/root/.cache/go-build \\',
  '    --mount=type=cache,target=/go/pkg \\',
  '    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH GO111MODULE=on \\',
  '    go install github.com/ironcore-dev/ironcore/irictl-machine/cmd/irictl-machine@main',
  'RUN if [ "$TARGETARCH" = "$BUILDARCH" ]; then \\',
  '        mv /go/bin/irictl-machine /workspace/irictl-machine; \\',
  '    else \\',
  '        mv /go/bin/linux_$TARGETARCH/irictl-machine /workspace/irictl-machine; \\',
  '    fi',
  ...extra,
  'FROM busybox:1.38.0-uclibc AS busybox',
  'FROM gcr.io/distroless/static-debian13  AS libvirt-provider',
  'WORKDIR /',
  'COPY --from=busybox /bin/sh /bin/sh',
  'COPY --from=builder /workspace/libvirt-provider /libvirt-provider',
  'COPY --from=builder /workspace/irictl-machine /irictl-machine',
  'USER 65532:65532',
  'ENTRYPOINT ["/libvirt-provider"]',
]);

describe('GD128 cgo-packages-without-cgo', () => {
  it('libvirt-provider: the install RUN, naming the C compilers and -dev packages and the builds', () => {
    const text = LIBVIRT_PROVIDER();
    const found = find(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    const f = found[0];
    assert.equal(f.severity, 'information');
    assert.ok(text.slice(f.span.start, f.span.end).startsWith('RUN apt-get update && apt-get install'));
    assert.match(f.message, /installs `libcephfs-dev`, `librbd-dev`, `librados-dev`, `gcc`, `g\+\+`, which only serve cgo/);
    assert.match(f.message, /CGO_ENABLED=0 \(line 23, line 26\)/);
    // qemu and libvirt's clients are no cgo packages: not named.
    assert.doesNotMatch(f.message, /qemu|libvirt-clients|ca-certificates/);
    // CGO_ENABLED=0 from ENV counts the same; alpine's names too.
    assert.equal(find(LIBVIRT_PROVIDER(undefined, 'go build -o libvirt-provider ./cmd/libvirt-provider/main.go').replace('ENV GOTOOLCHAIN=local', 'ENV GOTOOLCHAIN=local CGO_ENABLED=0')).length, 1);
    assert.equal(find(df(['FROM golang:1.26-alpine AS build', 'RUN apk add --no-cache build-base musl-dev', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app'])).length, 1);
  });

  it('silent when a build may use cgo, something else may use the packages, or a stage takes them', () => {
    const silent: [string, string][] = [
      ['cgo left on', LIBVIRT_PROVIDER(undefined, 'GOOS=$TARGETOS go build -o libvirt-provider ./cmd/libvirt-provider/main.go')],
      ['CGO_ENABLED from an ARG', LIBVIRT_PROVIDER(undefined, 'CGO_ENABLED=$CGO go build -o libvirt-provider ./cmd/libvirt-provider/main.go')],
      ['a make', LIBVIRT_PROVIDER(undefined, undefined, ['RUN make -C hack tools'])],
      ['a script', LIBVIRT_PROVIDER(undefined, undefined, ['RUN ./hack/build.sh'])],
      ['go generate', LIBVIRT_PROVIDER(undefined, undefined, ['RUN CGO_ENABLED=0 go generate ./...'])],
      ['go test with cgo', LIBVIRT_PROVIDER(undefined, undefined, ['RUN go test -race ./...'])],
      ['a stage built FROM it', LIBVIRT_PROVIDER(undefined, undefined, ['FROM builder AS test', 'RUN gcc -v'])],
      ['a library copied out', LIBVIRT_PROVIDER(undefined, undefined, []).replace('USER 65532', 'COPY --from=builder /usr/lib/x86_64-linux-gnu/librados.so.2 /usr/lib/\nUSER 65532')],
      ['a mount of it', LIBVIRT_PROVIDER(undefined, undefined, []).replace('USER 65532', 'RUN --mount=from=builder,target=/b ls /b\nUSER 65532')],
    ];
    for (const [label, text] of silent) assert.deepEqual(find(text), [], label);
    // No cgo packages (qemu, libvirt-clients only).
    assert.deepEqual(find(LIBVIRT_PROVIDER('    qemu-system-x86 \\').replace(' libcephfs-dev librbd-dev librados-dev', '')), []);
    // The final stage: what the image ships is GD208's question.
    assert.deepEqual(find(df(['FROM golang:1.26-alpine', 'RUN apk add --no-cache build-base', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .', 'CMD ["/app"]'])), []);
    // A `--target` image of its own (an unused stage with a CMD): its toolchain ships to its users (second read).
    assert.deepEqual(find(df(['FROM golang:1.26-alpine AS dev', 'RUN apk add --no-cache build-base', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .', 'CMD ["sh"]', 'FROM golang:1.26-alpine AS build', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', 'CMD ["/app"]'])), []);
    // No go build at all (a tools stage).
    assert.deepEqual(find(df(['FROM debian:12 AS tools', 'RUN apt-get update && apt-get install -y gcc', 'FROM scratch', 'COPY --from=tools /x /x'])), []);
  });
});

// One definition of a development package (dockerfile/packages.ts isDevPackage), read by GD128 and
// GD208. GD128 had its own: `lib…-dev` (case-sensitive) or `…-devel`, so it left out a library's
// headers whose name does not start with lib (Debian's zlib1g-dev, uuid-dev; Alpine's openssl-dev,
// sqlite-dev, zlib-dev) and rpm names with capitals (SDL2-devel), which serve cgo all the same and
// which GD208 reports in a final image. The names are those the 664-target regression set installs.
describe('GD128 and GD208 share what a development package is', () => {
  it('GD128: a library\'s -dev package counts whatever its name starts with (libvirt-provider\'s install with other headers)', () => {
    const only = (pkgs: string) => LIBVIRT_PROVIDER(`    ${pkgs} \\`).replace(' libcephfs-dev librbd-dev librados-dev', '');
    for (const pkgs of ['zlib1g-dev', 'uuid-dev', 'linux-libc-dev']) {
      const [f, ...rest] = find(only(pkgs));
      assert.ok(f, pkgs);
      assert.equal(rest.length, 0);
      assert.match(f.message, new RegExp(`installs \`${pkgs}\`, which only serves cgo`));
    }
    const alpine = (pkgs: string) => df(['FROM golang:1.26-alpine AS build', `RUN apk add --no-cache ${pkgs}`, 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app']);
    assert.match(find(alpine('git openssl-dev sqlite-dev zlib-dev'))[0]?.message ?? '', /installs `openssl-dev`, `sqlite-dev`, `zlib-dev`, which/);
    const rpm = df(['FROM rockylinux:9 AS build', 'RUN dnf install -y golang SDL2-devel', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app']);
    assert.match(find(rpm)[0]?.message ?? '', /installs `SDL2-devel`/);
    // Still nothing for packages that are no headers (git, ca-certificates, sqlite, the runtime zlib1g).
    assert.deepEqual(find(alpine('git ca-certificates sqlite sqlite-libs')), []);
    assert.deepEqual(find(only('zlib1g libuuid1')), []);
  });

  it('the predicates: C toolchain and development packages apart, the C library\'s headers with the toolchain', () => {
    for (const n of ['gcc', 'gcc-12', 'g++', 'gcc-c++', 'clang-16', 'build-base', 'build-essential', 'alpine-sdk', 'musl-dev', 'libc-dev', 'libc6-dev', 'glibc-devel']) {
      assert.equal(isCToolchainPackage(n), true, n);
      assert.equal(isDevPackage(n), false, n);
    }
    for (const n of ['libzmq3-dev', 'libssl-dev:arm64', 'zlib1g-dev', 'openssl-dev', 'sqlite-dev', 'libpcap-devel', 'SDL2-devel', 'default-libmysqlclient-dev', 'libstdc++-12-dev', 'libsdl1.2-dev']) {
      assert.equal(isDevPackage(n), true, n);
      assert.equal(isCToolchainPackage(n), false, n);
    }
    for (const n of ['git', 'make', 'llvm', 'zlib1g', 'sqlite-libs', 'libc-bin', 'devscripts', 'udev', 'libc6-dev:arm64']) assert.equal(isDevPackage(n), false, n);
  });
});

// Judge 41 Y M5: future-architect/vuls 386ec57 (GPL-3.0), Dockerfile:1-25 (whole but the final
// stage's ENV/VOLUME/ENTRYPOINT) and GNUmakefile:1,16-22,33-34 (trimmed: the other targets, which
// `make install` does not reach). The builder installs gcc and musl-dev, then runs `make install`
// in $GOPATH/src/$REPOSITORY, where the COPY put the context; the recipe is `$(GO) install …` with
// `GO := CGO_ENABLED=0 GOEXPERIMENT=jsonv2 go`. The final stage copies only /go/bin/vuls.
describe('GD128 cgo-packages-without-cgo: a go build through make (vuls)', () => {
  const VULS_MAKEFILE = (go = 'GO := CGO_ENABLED=0 GOEXPERIMENT=jsonv2 go', extra = '') => [
    '.PHONY: \\', '\tbuild \\', '\tinstall', '',
    "SRCS = $(shell git ls-files '*.go')",
    go,
    'PKGS = $(shell $(GO) list ./...)',
    'VERSION := $(shell git describe --tags --abbrev=0)',
    'REVISION := $(shell git rev-parse --short HEAD)',
    'BUILDTIME := $(shell date "+%Y%m%d_%H%M%S")',
    "LDFLAGS := -X 'github.com/future-architect/vuls/config.Version=$(VERSION)' -X 'github.com/future-architect/vuls/config.Revision=build-$(BUILDTIME)_$(REVISION)'",
    '',
    'install: ./cmd/vuls/main.go',
    '\t$(GO) install -a -trimpath -ldflags "$(LDFLAGS)" ./cmd/vuls',
    extra,
  ].join('\n');
  const ws = (makefile = VULS_MAKEFILE()) => tempWorkspace({
    'go.mod': 'module github.com/future-architect/vuls\n\ngo 1.26.3\n\nrequire github.com/google/subcommands v1.2.0\n',
    'cmd/vuls/main.go': 'package main\n\nimport (\n\t"flag"\n\t"os"\n\n\t"github.com/google/subcommands"\n)\n\nfunc main() { flag.Parse(); os.Exit(int(subcommands.Execute(nil))) }\n',
    'GNUmakefile': makefile,
    '.dockerignore': '.dockerignore\nDockerfile\nvendor/\n*.sqlite3*\nsetup/\nimg/\n',
  });
  const VULS = (run = 'RUN cd $GOPATH/src/$REPOSITORY && make install', install = '        gcc \\\n        musl-dev') => df([
    'FROM golang:alpine@sha256:3ad57304ad93bbec8548a0437ad9e06a455660655d9af011d58b993f6f615648 as builder',
    '',
    'RUN apk add --no-cache \\',
    '        git \\',
    '        make \\',
    install,
    '',
    'ENV REPOSITORY github.com/future-architect/vuls',
    'COPY . $GOPATH/src/$REPOSITORY',
    run,
    '',
    'FROM alpine:3.24@sha256:28bd5fe8b56d1bd048e5babf5b10710ebe0bae67db86916198a6eec434943f8b',
    'RUN apk add --no-cache openssh-client ca-certificates git nmap',
    'COPY --from=builder /go/bin/vuls /usr/local/bin/',
    'ENTRYPOINT ["vuls"]',
  ]);
  const findWs = (text: string, opts = ws()) => lint(text, opts).filter((f) => f.code === 'GD128');

  it('finds gcc and musl-dev installed for `make install`, whose recipe runs `CGO_ENABLED=0 … go install` (GNUmakefile:14 of the skeleton)', () => {
    const text = VULS();
    const found = findWs(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.ok(text.slice(found[0].span.start, found[0].span.end).startsWith('RUN apk add --no-cache'), 'on the install');
    assert.match(found[0].message, /installs `gcc`, `musl-dev`, which only serve cgo, but every go build here runs with CGO_ENABLED=0 \(line 11 through GNUmakefile:14\)/);
    // The same make from a WORKDIR, and with CGO_ENABLED=0 given to make or set by ENV.
    assert.equal(findWs(VULS('WORKDIR $GOPATH/src/$REPOSITORY\nRUN make install')).length, 1);
    assert.equal(findWs(VULS('ENV CGO_ENABLED=0\nRUN cd $GOPATH/src/$REPOSITORY && make install'), ws(VULS_MAKEFILE('GO := go'))).length, 1);
  });

  it('silent when the recipe may use cgo, runs what is not known, the Makefile is not read, or the cd is not certain', () => {
    const silent: [string, string, ReturnType<typeof ws> | undefined][] = [
      ['cgo left on in the recipe', VULS(), ws(VULS_MAKEFILE('GO := GOEXPERIMENT=jsonv2 go'))],
      ['CGO_ENABLED=1 given to make', VULS('RUN cd $GOPATH/src/$REPOSITORY && make install CGO_ENABLED=1'), ws(VULS_MAKEFILE('GO := go'))],
      ['a script in the recipe', VULS(), ws(VULS_MAKEFILE(undefined, '\t./scripts/post-install.sh'))],
      ['a cgo build in a prerequisite', VULS(), ws(VULS_MAKEFILE(undefined, 'install: cbits\ncbits:\n\tgcc -c cbits.c'))],
      ['another goal', VULS('RUN cd $GOPATH/src/$REPOSITORY && make other'), undefined],
      ['no context files', VULS(), {}],
      ['the cd folder set in the RUN', VULS('RUN REPOSITORY=elsewhere && cd $GOPATH/src/$REPOSITORY && make install'), undefined],
      ['the cd folder from an unknown variable', VULS('RUN cd $SRC/$REPOSITORY && make install'), undefined],
    ];
    for (const [label, text, opts] of silent) assert.deepEqual(findWs(text, opts ?? ws()), [], label);
  });
});

// Judge 43 Y M2: seaweedfs/seaweedfs cc8364a03ebf5cf9f8eab3315ded2000cd07fff6 (Apache-2.0)
// docker/Dockerfile.go_build:1-22 and its final stage (trimmed: the rust_builder stage). The builder
// installs g++ (line 4) and its one go build runs with CGO_ENABLED=0 (line 22); the checkout at
// lines 10-16 falls back in subshells `(… || (echo … && git branch -a && exit 1))`, and `exit` was
// no command the rule knew, which silenced it.
describe('GD128: a git checkout with a subshell fallback ending in `exit 1` compiles no C (seaweedfs)', () => {
  const SEAWEEDFS = (fallback = 'echo "Available branches:" && git branch -a && exit 1') => df([
    '# Pin the builder to the host arch and cross-compile the (CGO-free) Go binary,',
    '# so arm64/arm/386 targets skip QEMU emulation of the whole compile.',
    'FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS builder',
    'RUN apk add git g++ fuse',
    'RUN mkdir -p /go/src/github.com/seaweedfs/',
    'ARG BRANCH=${BRANCH:-master}',
    '# Clone with full history and all tags to ensure all commits are available',
    'RUN git clone --no-single-branch --tags https://github.com/seaweedfs/seaweedfs /go/src/github.com/seaweedfs/seaweedfs',
    'ARG TAGS',
    'RUN cd /go/src/github.com/seaweedfs/seaweedfs && \\',
    '    (git checkout $BRANCH || \\',
    '     (echo "Checkout failed, fetching all history..." && \\',
    '      git fetch --all --tags --prune && \\',
    '      git checkout $BRANCH) || \\',
    '     (echo "ERROR: Branch/commit $BRANCH not found in repository" && \\',
    `      ${fallback}))`,
    'ARG TARGETOS TARGETARCH TARGETVARIANT',
    'RUN cd /go/src/github.com/seaweedfs/seaweedfs/weed \\',
    '  && export LDFLAGS="-X github.com/seaweedfs/seaweedfs/weed/util/version.COMMIT=$(git rev-parse --short HEAD)" \\',
    '  && export GOOS=$TARGETOS GOARCH=$TARGETARCH \\',
    '  && case "$TARGETARCH" in arm) export GOARM="${TARGETVARIANT#v}";; esac \\',
    '  && CGO_ENABLED=0 go build -tags "$TAGS" -ldflags "-extldflags -static ${LDFLAGS}" -o /go/bin/weed .',
    '',
    'FROM alpine:3.23 AS final',
    'COPY --from=builder /go/bin/weed /usr/bin/',
    'ENTRYPOINT ["/usr/bin/weed"]',
  ]);
  it('seaweedfs cc8364a: g++ is named, on the install (line 4)', () => {
    const text = SEAWEEDFS();
    const found = find(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(text.slice(found[0].span.start, found[0].span.end), 'RUN apk add git g++ fuse', 'on the install');
    assert.match(found[0].message, /installs `g\+\+`, which only serves cgo, but every go build here runs with CGO_ENABLED=0 \(line 18\)/);
  });
  it('seaweedfs: still silent when the fallback runs a program that may compile C (a script, make)', () => {
    for (const fallback of ['./scripts/build.sh && exit 1', 'make weed && exit 1']) assert.deepEqual(find(SEAWEEDFS(fallback)), [], fallback);
  });
});
