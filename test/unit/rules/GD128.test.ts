import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';
import { isCToolchainPackage, isDevPackage } from '../../../server/src/dockerfile/packages';

/** GD128 cgo-packages-without-cgo: its own cases. */
before(() => ready);

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
      assert.match(f.message, new RegExp(`installs \`${pkgs}\`, which only serve cgo`));
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
