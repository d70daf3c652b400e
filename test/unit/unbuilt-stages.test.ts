import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from './helpers';
import { tempWorkspace } from './rules/kit/realworld';

before(() => ready);

// rules/analyze.ts: no finding of a stage-scoped rule in a stage no build builds
// (facts/unbuiltStages.ts: unnamed, not the last, nothing uses it). The pattern is
// ori-edge/k8s_gateway 5a8e7cfe5b32b8ce0e009980764907ba0905d5f6 (Apache-2.0) Dockerfile:1-38 (judge 38
// X W2, W3): the final stage copies `--from=0`, the golang builder, and the Debian stage at line 27,
// meant for the certificates, is never built (BuildKit; buildah skips it too). GD209 and GD303 were
// silenced there rule by rule (51ac2b9); every other stage-scoped rule still reported on it:
// GD107's missing cache mount, GD111's `go get`, GD309's install after the sources, GD104's order.
describe('stage-scoped rules: silent on a stage no build builds', () => {
  const k8sGateway = (from = '0', dead: string[] = [], name = '') => df([
    'FROM --platform=${BUILDPLATFORM} docker.io/library/golang:1.21.5 as builder',
    'ARG LDFLAGS',
    'WORKDIR /build',
    'COPY go.mod go.mod',
    'COPY go.sum go.sum',
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    'COPY cmd/ cmd/',
    'COPY *.go ./',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'ENV CGO_ENABLED=0',
    'ENV GOARCH=$TARGETARCH',
    'ENV GOOS=$TARGETOS',
    'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -trimpath -ldflags "-s -w ${LDFLAGS}" -o coredns cmd/coredns.go',
    '',
    `FROM debian:stable-slim${name}`,
    '',
    'RUN apt-get update && apt-get -uy upgrade',
    'RUN apt-get -y install ca-certificates && update-ca-certificates',
    ...dead,
    '',
    'FROM scratch',
    '',
    `COPY --from=${from} /etc/ssl/certs /etc/ssl/certs`,
    'COPY --from=builder /build/coredns .',
    '',
    'EXPOSE 53 53/udp',
    'ENTRYPOINT ["/coredns"]',
  ]);
  // The dead stage also builds Go, as a stage meant for a tool might.
  const GO = ['COPY . /src', 'WORKDIR /src', 'RUN apk add git', 'RUN go get github.com/example/tool', 'RUN go build -o /tool ./cmd/tool'];
  const ws = () => tempWorkspace({ 'go.mod': 'module github.com/ori-edge/k8s_gateway\n\ngo 1.21\n', 'go.sum': '', 'cmd/coredns.go': 'package main\n\nfunc main() {}\n', Makefile: 'image:\n\tdocker buildx build --push --platform linux/amd64,linux/arm64 -t $(IMG) .\n' });
  const STAGE_RULES = ['GD104', 'GD107', 'GD111', 'GD209', 'GD301', 'GD303', 'GD304', 'GD309'];
  const onLines = (text: string, from: number, to: number, o = {}) => lint(text, o).filter((f) => STAGE_RULES.includes(f.code)).map((f) => ({ code: f.code, line: text.slice(0, f.span.start).split('\n').length })).filter((f) => f.line >= from && f.line <= to).map((f) => `${f.code}:${f.line}`);

  it('nothing on the Debian stage (lines 16-24), with or without the build files', () => {
    assert.deepEqual(onLines(k8sGateway('0', GO), 16, 24), [], 'no build files');
    assert.deepEqual(onLines(k8sGateway('0', GO), 16, 24, ws()), [], 'with the workspace');
  });

  it('reported once the stage is built: copied from by index, or named (a --target may build it)', () => {
    const used = onLines(k8sGateway('1', GO), 16, 24);
    for (const code of ['GD107', 'GD111', 'GD209', 'GD303']) assert.ok(used.some((f) => f.startsWith(`${code}:`)), `${code} in ${used.join(' ')}`);
    assert.deepEqual(onLines(k8sGateway('0', GO, ' AS certs'), 16, 24), used, 'named: the same findings');
  });

  // rudderlabs/rudder-server f2655fbbe2260deb4e01c2a54da1a827291713bb (Elastic-2.0)
  // processor/internal/transformer/destination_transformer/embedded/warehouse/benchmark/Dockerfile:1-9:
  // the build stage has no name, and the final stage copies `--from=builder`, a name no stage has
  // (GD123 says to name it). The stage meant is built once named: its findings stay (GD119's
  // missing main.go, GD104, GD107).
  it('a --from that names no stage (GD123) may mean the unnamed stage: its findings stay', () => {
    const bench = df([
      'FROM golang:1.25.5-alpine3.23',
      'WORKDIR /app',
      'COPY . .',
      'RUN go mod download &&  \\',
      '    LDFLAGS="-swX" go build -o warehouse-transformer-benchmark ./warehouse/transformer/benchmark/main.go',
      '',
      'FROM alpine:3.23',
      'WORKDIR /app',
      'COPY --from=builder /app/warehouse-transformer-benchmark .',
      'ENTRYPOINT ["/app/warehouse-transformer-benchmark"]',
    ]);
    const codes = lint(bench).map((f) => f.code);
    for (const code of ['GD104', 'GD107', 'GD123']) assert.ok(codes.includes(code), `${code} in ${codes.join(' ')}`);
    // An image's name (busybox) names no stage of the file either, but it is an image: stage 0 is unbuilt.
    const image = bench.replace('--from=builder', '--from=busybox');
    const left = lint(image).map((f) => f.code);
    for (const code of ['GD104', 'GD107']) assert.ok(!left.includes(code), `${code} in ${left.join(' ')}`);
  });
});

// prest/prest 9070bda7e9ab6b6484e04a0983b8afd61c8315e6 (MIT) Dockerfile:1-58 (judge 40 X W5-W10):
// the default build (`FROM full`, the last stage) builds the binary in `builder`; goreleaser builds
// `--target release` (.goreleaser.yml:68), which copies a prebuilt prestd from the context and
// never builds `builder` (nor `studio`, nor `full`). With that target given, nothing of `builder`
// (GD104 :15, GD309 :22, GD107 :27) is that build's; without it, they are the default build's.
describe('stage-scoped rules with a given --target: silent on the stages that target does not build', () => {
  const prest = df([
    '# syntax=docker/dockerfile:1',
    '',
    '# --- Studio frontend ---',
    'FROM node:24-bookworm AS studio',
    'WORKDIR /workspace/studio',
    'RUN corepack enable',
    'COPY studio/package.json studio/pnpm-lock.yaml studio/pnpm-workspace.yaml ./',
    'RUN pnpm install --frozen-lockfile',
    'COPY studio/ ./',
    'RUN pnpm build',
    '',
    '# --- Go binary ---',
    'FROM registry.hub.docker.com/library/golang:1.26 AS builder',
    'WORKDIR /workspace',
    'COPY . .',
    'COPY --from=studio /workspace/internal/studio/dist /workspace/internal/studio/dist',
    'ARG VERSION',
    'ENV GOOS=linux',
    'ENV CGO_ENABLED=1',
    'RUN apt-get update && apt-get upgrade -y && \\',
    '    apt-get install --no-install-recommends -yq netcat-traditional && \\',
    '    rm -rf /var/lib/apt/lists/* && \\',
    '    if [ -f go.mod ]; then \\',
    '      go mod vendor && \\',
    '      go build -ldflags "-s -w -X github.com/prest/prest/v2/helpers.Version=${VERSION}" -o prestd cmd/prestd/main.go; \\',
    '    fi',
    '',
    'FROM registry.hub.docker.com/library/golang:1.26 AS full',
    'RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*',
    'COPY --from=builder /workspace/prestd /bin/prestd',
    'WORKDIR /app',
    'ENTRYPOINT ["/bin/prestd"]',
    '',
    'FROM registry.hub.docker.com/library/golang:1.26 AS release',
    'RUN apt-get update && apt-get upgrade -y && \\',
    '    apt-get install --no-install-recommends -yq netcat-traditional && \\',
    '    rm -rf /var/lib/apt/lists/*',
    'COPY prestd /bin/prestd',
    'WORKDIR /app',
    'ENTRYPOINT ["/bin/prestd"]',
    '',
    'FROM full',
  ]);
  const BUILDER = ['GD104', 'GD107', 'GD309'];
  const inBuilder = (o = {}) => lint(prest, o).filter((f) => BUILDER.includes(f.code)).map((f) => `${f.code}:${prest.slice(0, f.span.start).split('\n').length}`);

  it('the default build and `--target full` build `builder`: its findings stay', () => {
    const all = inBuilder();
    for (const code of BUILDER) assert.ok(all.some((f) => f.startsWith(`${code}:`)), `${code} in ${all.join(' ')}`);
    assert.deepEqual(inBuilder({ target: 'full' }), all, '--target full');
    assert.deepEqual(inBuilder({ target: 'FULL' }), all, 'a target is matched as BuildKit does, without case');
  });

  it('`--target release` builds none of them', () => {
    assert.deepEqual(inBuilder({ target: 'release' }), []);
    // The release stage's own findings stay (its apt-get upgrade, its root user…).
    const own = lint(prest, { target: 'release' }).map((f) => `${f.code}:${prest.slice(0, f.span.start).split('\n').length}`);
    assert.deepEqual(own, ['GD204:34']);
  });

  it('a target that names no stage is not a given target: the last stage and the default rule', () => {
    assert.deepEqual(inBuilder({ target: 'nosuchstage' }), inBuilder());
  });

  it('a `--from` through a variable may be any stage: every stage stays', () => {
    const variable = prest.replace('COPY prestd /bin/prestd', 'ARG SRC=builder\nCOPY --from=${SRC} /workspace/prestd /bin/prestd');
    const found = lint(variable, { target: 'release' }).filter((f) => BUILDER.includes(f.code));
    assert.ok(found.length > 0, 'findings of builder stay');
  });
});

// deepfence/SecretScanner 3a9b485525f22d7aa7323c3b1d901c21cb323228 (MIT) Dockerfile:1-5, 52-53, 55,
// 80-84 (judge 41 Y W1): `FROM $VECTORSCAN_IMAGE_REPOSITORY/deepfence_vectorscan_build:$VECTORSCAN_IMG_TAG
// AS vectorscan` (line 3) is only a FROM, and neither a stage nor a file of the repository names
// `vectorscan`: BuildKit builds the last stage, which copies only from `builder`, and never pulls it
// (buildah builds the file without pulling it). GD209 said its `:latest` moves the image.
describe('a named stage that is only a FROM of an image, named by nothing: not built', () => {
  const secretScanner = (extra: string[] = []) => df([
    'ARG VECTORSCAN_IMG_TAG=latest',
    'ARG VECTORSCAN_IMAGE_REPOSITORY=deepfenceio',
    'FROM $VECTORSCAN_IMAGE_REPOSITORY/deepfence_vectorscan_build:$VECTORSCAN_IMG_TAG AS vectorscan',
    ...extra,
    '',
    'FROM golang:1.23-alpine3.20 AS builder',
    'WORKDIR /home/deepfence/src/SecretScanner',
    'COPY . .',
    'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -trimpath -ldflags="-s -w" -o SecretScanner .',
    '',
    'FROM alpine:3.22',
    'WORKDIR /home/deepfence/usr',
    'COPY --from=builder /home/deepfence/src/SecretScanner/SecretScanner .',
    'COPY --from=builder /home/deepfence/src/SecretScanner/config.yaml .',
    'USER 65532',
    'ENTRYPOINT ["/home/deepfence/usr/SecretScanner", "-config-path", "/home/deepfence/usr"]',
  ]);
  const repo = (extra: Record<string, string> = {}) => tempWorkspace({
    '.github/workflows/docker.yml': 'jobs:\n  build:\n    steps:\n      - run: docker build -t deepfenceio/deepfence_secret_scanner:latest .\n',
    Makefile: 'all: SecretScanner\n\nSecretScanner: $(PWD)/**/*.go\n\tCGO_LDFLAGS="-ljansson -lcrypto -lmagic" PKG_CONFIG_PATH=/usr/local/yara/lib/pkgconfig:$(PKG_CONFIG_PATH) go build -buildmode=pie -ldflags="-s -w -extldflags=-static" -v .\n',
    'go.mod': 'module github.com/deepfence/SecretScanner\n\ngo 1.23.2\n',
    'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println() }\n',
    'config.yaml': 'signatures: []\n',
    ...extra,
  });
  const gd209 = (text: string, o = {}) => lint(text, o).filter((f) => f.code === 'GD209').map((f) => text.slice(0, f.span.start).split('\n').length);

  it('no GD209 on line 3 where the repository\'s build files are in view and none names it', () => {
    assert.deepEqual(gd209(secretScanner(), repo()), []);
  });

  it('reported where a build file names the stage (`--target vectorscan`), where the build files are not in view, or where the stage has a step', () => {
    assert.deepEqual(gd209(secretScanner(), repo({ 'build.sh': 'docker build --target vectorscan -t vs .\n' })), [3], 'named by a build file');
    assert.deepEqual(gd209(secretScanner()), [3], 'no workspace');
    assert.deepEqual(gd209(secretScanner(['RUN ls /usr/local'])), [3], 'a stage with a step of its own may be a --target image');
    assert.deepEqual(gd209(secretScanner(['RUN ls /usr/local']), repo()), [3], 'a step, with the build files');
  });

  it('reported when a stage copies from it', () => {
    const used = secretScanner().replace('COPY . .', 'COPY . .\nCOPY --from=vectorscan /vectorscan /usr/local/vectorscan');
    assert.deepEqual(gd209(used, repo()), [3]);
  });
});

// File rules whose findings are each about one stage's instructions (rules/types.ts inStage):
// none in a stage no build builds, as for the stage rules above (the k8s_gateway pattern of the
// first block: an unnamed stage, not the last, that nothing copies from).
describe('file rules marked inStage: silent on a stage no build builds', () => {
  const file = (from: string) => df([
    'ARG VERSION=1.0',
    'FROM golang:1.22 AS builder',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    'COPY . .',
    'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /app .',
    '',
    'FROM golang:1.21-alpine3.16',
    'WORKDIR /src',
    'COPY . .',
    'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go install github.com/example/tool@latest',
    'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -trimpath -ldflags="-s -w -X main.version=$VERSION" -o /tool ./cmd/tool',
    '',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    `COPY --from=${from} /app /app`,
    'ENTRYPOINT ["/app"]',
  ]);
  const ws = () => tempWorkspace({ 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'go.sum': '', 'main.go': 'package main\n\nfunc main() {}\n', 'cmd/tool/main.go': 'package main\n\nfunc main() {}\n' });
  const RULES = ['GD101', 'GD112', 'GD115', 'GD122'];
  const found = (text: string) => lint(text, ws()).filter((f) => RULES.includes(f.code)).map((f) => `${f.code}:${text.slice(0, f.span.start).split('\n').length}`).sort();

  it('the stage of lines 9-13 copied from by index: GD101, GD112, GD115, GD122 on it', () => {
    assert.deepEqual(found(file('1')), ['GD101:9', 'GD112:12', 'GD115:13', 'GD122:9']);
  });

  it('the same stage built by no build: none', () => {
    assert.deepEqual(found(file('builder')), []);
  });
});
