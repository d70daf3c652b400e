import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';

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
