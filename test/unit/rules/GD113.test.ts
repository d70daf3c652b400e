import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, fix } from './kit/gobuild';
import { tempWorkspace } from './kit/realworld';
import { BENTO_DOCKERFILE, BENTO_MAKEFILE, bento } from './kit/makeGo';

/** GD113 emulated-cross-compile: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD113 emulated-cross-compile', () => {
  const stage = (lines: string[], from = 'FROM golang:1.22 AS build') =>
    df([from, ...lines, 'FROM scratch', 'COPY --from=build /out/app /app']);

  it('hints on the FROM of a builder that declares TARGETARCH', () => {
    const t = stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=0 go build -o /out/app .']);
    const f = find(t, 'GD113')[0];
    assert.equal(t.slice(f.span.start, f.span.end), 'FROM golang:1.22 AS build');
    assert.equal(f.severity, 'hint');
    assert.equal(f.fix?.safe, false);
  });

  it('fix: --platform=$BUILDPLATFORM, GOOS/GOARCH on the build, and the missing ARG', () => {
    const t = stage(['ARG TARGETARCH', 'WORKDIR /src', 'RUN CGO_ENABLED=0 go build -o /out/app .']);
    assert.equal(fix(t, 'GD113'), stage(['ARG TARGETOS', 'ARG TARGETARCH', 'WORKDIR /src', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'));
  });

  it('fix only adds --platform when the build already sets GOARCH', () => {
    const t = stage(['ARG TARGETOS TARGETARCH', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .']);
    assert.equal(fix(t, 'GD113'), t.replace('FROM golang', 'FROM --platform=$BUILDPLATFORM golang'));
    // Decided (issue 11): every build names a literal GOARCH, so the output does not follow the target: silent.
    assert.equal(has(stage(['ARG TARGETPLATFORM', 'RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /out/app .']), 'GD113'), false);
  });

  it('fix declares the TARGET* args the build already reads but the stage does not', () => {
    const t = stage(['RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .']);
    assert.equal(fix(t, 'GD113'), stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'));
  });

  it('replaces --platform=$TARGETPLATFORM', () => {
    const t = stage(['RUN CGO_ENABLED=0 go build -o /out/app .'], 'FROM --platform=$TARGETPLATFORM golang:1.22 AS build');
    assert.match(fix(t, 'GD113'), /^FROM --platform=\$BUILDPLATFORM golang:1\.22 AS build\nARG TARGETOS TARGETARCH\n/);
  });

  it('is silent with --platform=$BUILDPLATFORM (also ${…} and inherited), a fixed platform, or no target signal', () => {
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'), 'GD113'), false);
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /out/app .'], 'FROM --platform=${BUILDPLATFORM} golang:1.22 AS build'), 'GD113'), false);
    assert.equal(has(stage(['RUN GOARCH=arm64 go build -o /out/app .'], 'FROM --platform=linux/amd64 golang:1.22 AS build'), 'GD113'), false);
    assert.equal(has(df(['FROM --platform=$BUILDPLATFORM golang:1.22 AS base', 'FROM base AS build', 'ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build -o /out/app .']), 'GD113'), false);
    assert.equal(has(stage(['RUN CGO_ENABLED=0 GOOS=linux go build -o /out/app .']), 'GD113'), false);
    assert.equal(has(df(['FROM alpine:3.20', 'ARG TARGETARCH', 'RUN wget https://example.invalid/tool-$TARGETARCH']), 'GD113'), false);
  });

  it('offers no fix for go install or a stage FROM another stage; CGO_ENABLED=1 without xx is not reported', () => {
    assert.ok(!find(stage(['ARG TARGETARCH', 'RUN go install ./cmd/app']), 'GD113')[0].fix);
    // With GOARCH too: cross-compiled, the install would land in /go/bin/linux_arm64/, not /go/bin/.
    const installs = df(['FROM golang:1.22 AS build', 'ARG TARGETARCH', 'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go install example.com/tool@v1.0.0', 'FROM scratch', 'COPY --from=build /go/bin/tool /tool']);
    assert.ok(has(installs, 'GD113') && !find(installs, 'GD113')[0].fix);
    // Decided (issue 11): on $BUILDPLATFORM the host C compiler would build for the wrong architecture.
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=1 go build -o /out/app .']), 'GD113'), false);
    const derived = find(df(['FROM golang:1.22 AS base', 'FROM base AS build', 'ARG TARGETARCH', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']), 'GD113')[0];
    assert.ok(derived && !derived.fix);
  });

  it('fix keeps CRLF, the escape directive and heredocs', () => {
    const runtime = ['FROM scratch', 'COPY --from=build /out/app /app'];
    const crlf = df(['# escape=`', 'FROM golang:1.22 AS build', 'ARG TARGETARCH', 'RUN CGO_ENABLED=0 `', '    go build -o /out/app .', ...runtime], '\r\n');
    assert.equal(fix(crlf, 'GD113'), df(['# escape=`', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETOS', 'ARG TARGETARCH', 'RUN CGO_ENABLED=0 `', '    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .', ...runtime], '\r\n'));
    const heredoc = stage(['ARG TARGETOS TARGETARCH', 'RUN <<EOF', 'set -e', 'CGO_ENABLED=0 go build -o /out/app .', 'EOF']);
    assert.ok(fix(heredoc, 'GD113').includes('\nCGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\nEOF\n'));
  });

  // vmware-tanzu/velero hack/build-image/Dockerfile (d30d389b, Apache-2.0) and grafana/tempo
  // tools/Dockerfile: single-stage toolchain images whose go installs are tools of the image.
  it('is silent on the final stage and the stages it is built FROM: the image itself must be the target platform\'s', () => {
    assert.equal(has(df(['FROM --platform=$TARGETPLATFORM golang:1.26-trixie', 'ARG GOPROXY', 'RUN go install golang.org/x/tools/cmd/goimports@v0.33.0', 'RUN apt-get update && apt-get install -y zip']), 'GD113'), false);
    assert.equal(has(df(['FROM golang:1.26-alpine', 'ARG TARGETOS', 'ARG TARGETARCH', 'ENV GOOS=$TARGETOS GOARCH=$TARGETARCH', 'RUN GOBIN=/usr/local/bin go install github.com/bufbuild/buf/cmd/buf@v1.63.0', 'ENTRYPOINT ["/bin/entrypoint.sh"]']), 'GD113'), false);
    assert.equal(has(df(['FROM golang:1.22 AS tools', 'ARG TARGETARCH', 'RUN go install example.com/tool@v1.0.0', 'FROM tools', 'CMD ["tool"]']), 'GD113'), false);
    // Still reported: the same builds in a stage the image only copies from.
    assert.ok(has(df(['FROM golang:1.22 AS tools', 'ARG TARGETARCH', 'RUN go install example.com/tool@v1.0.0', 'FROM alpine:3.20', 'COPY --from=tools /go/bin/tool /usr/local/bin/']), 'GD113'));
  });

  // Second out-of-sample evaluation (2026-12-03): letsencrypt/boulder test/boulder-tools/Dockerfile.
  it('is silent on a stage whose Go toolchain the image copies out', () => {
    const godeps = ['FROM buildpack-deps:noble-scm AS godeps', 'ARG TARGETPLATFORM', 'RUN curl -fsSL https://example.invalid/go.tar.gz | tar -C /usr/local -xz', 'RUN /usr/local/go/bin/go install example.com/tool@v1.0.0'];
    assert.equal(has(df([...godeps, 'FROM ubuntu:24.04', 'COPY --from=godeps /usr/local/bin/* /usr/local/bin/', 'COPY --from=godeps /usr/local/go/ /usr/local/go/']), 'GD113'), false);
    assert.ok(has(df([...godeps, 'FROM ubuntu:24.04', 'COPY --from=godeps /usr/local/bin/* /usr/local/bin/']), 'GD113'));
  });

  // Third out-of-sample evaluation (judge8): gomods/athens cmd/proxy/Dockerfile at 76c9424be96f06e42500449de52b0de375a2eef0
  // (MIT). The proxy execs `go mod download` at run time (pkg/module/go_get_fetcher.go:
  // `exec.CommandContext(ctx, goBinaryName, "mod", "download", "-json", fullURI)`), so the image copies
  // the builder's `go` binary and go.env: on $BUILDPLATFORM an arm64 image would get an amd64 `go`.
  it('is silent on a stage the image copies any part of GOROOT out of (athens: /usr/local/go/bin/go)', () => {
    const builder = [
      'FROM golang:1.26.2-alpine AS builder',
      'ARG TARGETARCH',
      'ENV GOARCH=${TARGETARCH} CGO_ENABLED=0',
      'WORKDIR $GOPATH/src/github.com/gomods/athens',
      'COPY . .',
      'RUN go build -o /bin/athens-proxy ./cmd/proxy',
      'FROM alpine:3.23',
      'ENV GOROOT="/usr/local/go" PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'COPY --from=builder /bin/athens-proxy /bin/athens-proxy',
    ];
    const toolchain = ['COPY --from=builder /usr/local/go/bin/go /usr/local/go/bin/go', 'COPY --from=builder /usr/local/go/go.env /usr/local/go/go.env'];
    assert.equal(has(df([...builder, ...toolchain, 'CMD ["athens-proxy"]']), 'GD113'), false);
    assert.equal(has(df([...builder, toolchain[0], 'CMD ["athens-proxy"]']), 'GD113'), false);
    // Without the toolchain copies the builder only ships a binary: it still compiles under emulation.
    assert.ok(has(df([...builder, 'CMD ["athens-proxy"]']), 'GD113'));
    // A path that only starts like GOROOT is not it.
    assert.ok(has(df([...builder, 'COPY --from=builder /usr/local/gopath/x /x', 'CMD ["athens-proxy"]']), 'GD113'));
  });

  // Fourth out-of-sample evaluation (judge10 F): GoogleContainerTools/kaniko deploy/Dockerfile:15-55
  // at 236ba5690eda9170d0157aa8137ebbeb09d38685 (Apache-2.0), built for 4 platforms. With GOBIN set,
  // `go install` refuses to cross-compile ("go: cannot install cross-compiled binaries when GOBIN is
  // set"): on $BUILDPLATFORM the arm64/s390x/ppc64le builds would fail.
  it('is silent when a go install runs with GOBIN set for the target (kaniko): it cannot cross-compile', () => {
    const builder = (env: string[], installs = ['RUN go install github.com/GoogleCloudPlatform/docker-credential-gcr/v2']) => df([
      'FROM golang:1.24 AS builder',
      'WORKDIR /src',
      'ARG TARGETARCH',
      'ARG TARGETOS',
      'ENV GOARCH=$TARGETARCH',
      'ENV GOOS=$TARGETOS',
      'ENV CGO_ENABLED=0',
      ...env,
      'COPY . .',
      ...installs,
      'RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg make out/executor out/warmer',
      'FROM scratch AS kaniko-base',
      'COPY --from=builder --chown=0:0 /usr/local/bin/docker-credential-gcr /kaniko/docker-credential-gcr',
      'FROM kaniko-base AS kaniko-executor',
      'COPY --from=builder /src/out/executor /kaniko/executor',
      'ENTRYPOINT ["/kaniko/executor"]',
    ]);
    assert.equal(has(builder(['ENV GOBIN=/usr/local/bin']), 'GD113'), false);
    // GOBIN as a prefix, or from a build arg, and a go install without GOARCH (the advice would add it).
    assert.equal(has(stage(['ARG TARGETARCH', 'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH GOBIN=/out go install ./cmd/app']), 'GD113'), false);
    assert.equal(has(stage(['ARG TARGETARCH', 'ARG GOBIN=/out', 'RUN CGO_ENABLED=0 go install ./cmd/app']), 'GD113'), false);
    // Without GOBIN the install can cross-compile (into /go/bin/linux_<arch>/): still reported, with no fix.
    const plain = find(builder([]), 'GD113');
    assert.equal(plain.length, 1);
    assert.ok(!plain[0].fix);
    // An empty GOBIN is unset; an install that names a literal GOARCH stays native on its platform.
    assert.ok(has(builder(['ENV GOBIN=']), 'GD113'));
    assert.ok(has(stage(['ARG TARGETARCH', 'RUN GOBIN=/tools GOARCH=amd64 go install example.com/tool@v1.0.0', 'RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .']), 'GD113'));
  });

  it('is silent on the stage a toolchain-shipping stage is built FROM', () => {
    const lines = [
      'FROM golang:1.22 AS build',
      'ARG TARGETARCH',
      'RUN CGO_ENABLED=0 go build -o /out/app .',
      'FROM build AS toolchain',
      'RUN true',
      'FROM alpine:3.20',
      'COPY --from=build /out/app /app',
    ];
    assert.equal(has(df([...lines, 'COPY --from=toolchain /usr/local/go/bin/go /usr/local/go/bin/go']), 'GD113'), false);
    assert.ok(has(df(lines), 'GD113'));
  });

  // mudler/LocalAI 82c191a (MIT), Dockerfile:201-240, judge 29 X W8: the stage downloads Go for
  // $TARGETARCH and runs it; on $BUILDPLATFORM that toolchain would not start ("exec format error").
  it('is silent on a stage whose go is Go\'s release archive for $TARGETARCH (mudler/LocalAI build-requirements)', () => {
    const localai = (url: string) => df([
      'ARG BASE_IMAGE=ubuntu:24.04',
      'FROM ${BASE_IMAGE} AS requirements',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
      'FROM requirements AS requirements-drivers',
      'ARG TARGETARCH',
      'FROM requirements-drivers AS build-requirements',
      'ARG GO_VERSION=1.26.0',
      'ARG TARGETARCH',
      'ARG TARGETVARIANT',
      `RUN curl -L -s ${url} | tar -C /usr/local -xz`,
      'ENV PATH=$PATH:/root/go/bin:/usr/local/go/bin',
      'RUN go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.34.2 && \\',
      '    go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@1958fcbe2ca8bd93af633f11e97d44e567e945af',
      'FROM build-requirements AS builder',
      'WORKDIR /build',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /out/local-ai .',
      'FROM requirements-drivers',
      'COPY --from=builder /out/local-ai /local-ai',
    ]);
    assert.equal(has(localai('https://go.dev/dl/go${GO_VERSION}.linux-${TARGETARCH}.tar.gz'), 'GD113'), false);
    // The same Go for a fixed architecture, or for the build platform's, runs on $BUILDPLATFORM.
    for (const url of ['https://go.dev/dl/go${GO_VERSION}.linux-amd64.tar.gz', 'https://go.dev/dl/go${GO_VERSION}.linux-${BUILDARCH}.tar.gz']) {
      const t = localai(url);
      assert.deepEqual(find(t, 'GD113').map((f) => t.slice(f.span.start, f.span.end)), ['FROM requirements-drivers AS build-requirements'], url);
    }
  });

  it('is silent on the judge\'s minimal stage: ubuntu, Go downloaded for $TARGETARCH, then go build', () => {
    const lines = (arch: string) => [
      'FROM ubuntu:24.04 AS build',
      'ARG TARGETARCH',
      `RUN apt-get update && apt-get install -y curl ca-certificates && \\`,
      `    curl -L https://go.dev/dl/go1.26.0.linux-${arch}.tar.gz | tar -C /usr/local -xz`,
      'ENV PATH=$PATH:/usr/local/go/bin',
      'WORKDIR /src',
      'COPY . .',
      'RUN CGO_ENABLED=0 go build -o /app .',
      'FROM scratch',
      'COPY --from=build /app /app',
    ];
    assert.equal(has(df(lines('${TARGETARCH}')), 'GD113'), false);
    assert.equal(has(df(lines('$TARGETARCH')), 'GD113'), false);
    assert.ok(has(df(lines('amd64')), 'GD113'));
  });
});

// Judge 27 (Y M2, M4; X M5): builders compiled under QEMU because the repository's build files
// build the Dockerfile for several platforms, though no stage names TARGETARCH/TARGETPLATFORM.
// The skeletons keep the Dockerfile, the build file as text (trimmed to the job that builds), and go.mod.
describe('GD113: a build file builds this Dockerfile for several platforms', () => {
  /** A workspace of the files, with the Dockerfile at `Dockerfile` (the driver's context-relative path). */
  const repo = (files: Record<string, string>, dockerfile = 'Dockerfile') => tempWorkspace(files, dockerfile);
  const WORKFLOW_HEAD = ['name: Docker Image', 'on:', '  push:', '    branches: [main]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - name: Checkout', '        uses: actions/checkout@v6', '      - name: Set up QEMU', '        uses: docker/setup-qemu-action@v3'];

  // inbucket/inbucket at e56c6d5f837b350089305690c80377ceba024989 (MIT): Dockerfile:15-22 and
  // .github/workflows/docker-build.yml:64-71 (`platforms: linux/amd64,linux/arm64, linux/arm/v7`).
  const INBUCKET = df([
    '# Docker build file for Inbucket: https://www.inbucket.org/',
    'FROM --platform=linux/amd64 node:20 AS frontend',
    'WORKDIR /build',
    'COPY . .',
    'WORKDIR /build/ui',
    'RUN yarn install --frozen-lockfile --non-interactive',
    'RUN yarn run build',
    'FROM golang:1.25-alpine3.22 AS backend',
    'RUN apk add --no-cache --virtual .build-deps g++ git make',
    'WORKDIR /build',
    'COPY . .',
    'ENV CGO_ENABLED=0',
    'RUN make clean deps',
    'RUN go build -o inbucket \\',
    '  -ldflags "-X \'main.version=$(git describe --tags --always)\' -X \'main.date=$(date -Iseconds)\'" \\',
    '  -v ./cmd/inbucket',
    'FROM alpine:3.22',
    'WORKDIR /opt/inbucket',
    'COPY --from=backend /build/inbucket bin',
    'COPY --from=frontend /build/ui/dist ui',
    'ENTRYPOINT ["/start-inbucket.sh"]',
  ]);
  const inbucketWorkflow = (platforms: string, more: string[] = []) => [...WORKFLOW_HEAD,
    '      - name: Build and push',
    '        uses: docker/build-push-action@v6',
    '        with:',
    '          context: .',
    `          platforms: ${platforms}`,
    '          push: ${{ env.REGISTRY_PUSH == \'true\' }}',
    '          tags: ${{ steps.meta.outputs.tags }}',
    ...more, ''].join('\n');
  const inbucket = (workflow: string) => repo({ 'go.mod': 'module github.com/inbucket/inbucket/v3\n\ngo 1.25.0\n', 'cmd/inbucket/main.go': 'package main\n\nimport (\n\t"context"\n\t"flag"\n)\n\nfunc main() {}\n', Dockerfile: INBUCKET, '.github/workflows/docker-build.yml': workflow });

  it('reports the builder of inbucket, naming the workflow line and its platforms (information), with the fix', () => {
    const o = inbucket(inbucketWorkflow('linux/amd64,linux/arm64, linux/arm/v7'));
    const f = find(INBUCKET, 'GD113', o);
    assert.equal(f.length, 1);
    assert.equal(INBUCKET.slice(f[0].span.start, f[0].span.end), 'FROM golang:1.25-alpine3.22 AS backend');
    assert.equal(f[0].severity, 'information');
    assert.match(f[0].message, /^`\.github\/workflows\/docker-build\.yml:17` builds this Dockerfile for linux\/amd64, linux\/arm64, linux\/arm\/v7, and this stage compiles Go with no `--platform` on its FROM/);
    assert.match(f[0].message, /QEMU emulation/);
    const fixed = fix(INBUCKET, 'GD113', o);
    // linux/arm/v7 among the platforms: GOARM from TARGETVARIANT too (judge Y round 35 W1), so the
    // arm image gets an ARMv7 binary whatever Go's own default (5 before Go 1.21).
    assert.match(f[0].message, /For linux\/arm\/v7 also set GOARM from the target's variant: `GOARM=\$\{TARGETVARIANT#v\}`/);
    assert.ok(fixed.includes('FROM --platform=$BUILDPLATFORM golang:1.25-alpine3.22 AS backend\nARG TARGETOS TARGETARCH TARGETVARIANT\n'), fixed);
    assert.ok(fixed.includes('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH GOARM=${TARGETVARIANT#v} go build -o inbucket \\\n'));
    // Without a 32-bit ARM platform: no GOARM.
    const noArm = find(INBUCKET, 'GD113', inbucket(inbucketWorkflow('linux/amd64,linux/arm64')))[0];
    assert.doesNotMatch(noArm.message, /GOARM/);
    assert.ok(fix(INBUCKET, 'GD113', inbucket(inbucketWorkflow('linux/amd64,linux/arm64'))).includes('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o inbucket \\\n'));
    // The node stage is left as it is (fixed to linux/amd64, and no Go).
    assert.ok(fixed.includes('FROM --platform=linux/amd64 node:20 AS frontend\n'));
    // A block list of platforms is the same build.
    assert.equal(find(INBUCKET, 'GD113', inbucket(inbucketWorkflow('|\n            linux/amd64\n            linux/arm64'))).length, 1);
  });

  it('is silent for one platform, a platform list the file does not spell out, another Dockerfile, or no build file', () => {
    assert.equal(has(INBUCKET, 'GD113', inbucket(inbucketWorkflow('linux/amd64'))), false);
    assert.equal(has(INBUCKET, 'GD113', inbucket(inbucketWorkflow('${{ matrix.platform }}'))), false);
    assert.equal(has(INBUCKET, 'GD113', inbucket(inbucketWorkflow('linux/amd64,linux/arm64', ['          file: ./build/release.Dockerfile']))), false);
    assert.equal(has(INBUCKET, 'GD113', repo({ 'go.mod': 'module github.com/inbucket/inbucket/v3\n\ngo 1.25.0\n', Dockerfile: INBUCKET })), false);
    // Without the Dockerfile's path (a lint of text alone) nothing names this Dockerfile.
    const o = inbucket(inbucketWorkflow('linux/amd64,linux/arm64'));
    assert.equal(has(INBUCKET, 'GD113', { workspace: o.workspace, files: o.files }), false);
  });

  it('keeps the exemptions: a --platform=$BUILDPLATFORM stage, cgo on without xx, a literal GOARCH, a stage nothing uses, the image itself', () => {
    const o = inbucket(inbucketWorkflow('linux/amd64,linux/arm64'));
    assert.equal(has(INBUCKET.replace('FROM golang:1.25-alpine3.22 AS backend', 'FROM --platform=$BUILDPLATFORM golang:1.25-alpine3.22 AS backend'), 'GD113', o), false);
    assert.equal(has(INBUCKET.replace('ENV CGO_ENABLED=0', 'ENV CGO_ENABLED=1'), 'GD113', o), false);
    assert.equal(has(INBUCKET.replace('RUN go build -o inbucket', 'RUN GOARCH=amd64 go build -o inbucket'), 'GD113', o), false);
    // A stage no other stage uses is not built for the image.
    assert.equal(has(INBUCKET.replace('COPY --from=backend /build/inbucket bin', 'COPY inbucket bin'), 'GD113', o), false);
    // A single-stage image: its go build is the image's (installs tools of the image).
    const single = df(['FROM golang:1.25-alpine3.22', 'WORKDIR /build', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/inbucket ./cmd/inbucket', 'ENTRYPOINT ["inbucket"]']);
    assert.equal(has(single, 'GD113', inbucket(inbucketWorkflow('linux/amd64,linux/arm64'))), false);
  });

  // projectdiscovery/naabu at cd8b974b8938c098d6c30edfe528291e13f5c163 (MIT): Dockerfile:1-6 and
  // .github/workflows/dockerhub-push.yml:34-40.
  it('reports naabu\'s build-env stage (platforms: linux/amd64,linux/arm64,linux/arm)', () => {
    const text = df(['# Build', 'FROM golang:1.26.3-alpine AS build-env', 'RUN apk add --no-cache build-base libpcap-dev', 'WORKDIR /app', 'COPY . /app', 'RUN go mod download', 'RUN CGO_ENABLED=0 go build ./cmd/naabu', '', '# Release', 'FROM alpine:3.23.4', 'RUN apk upgrade --no-cache \\', '    && apk add --no-cache nmap libpcap bind-tools ca-certificates nmap-scripts', 'COPY --from=build-env /app/naabu /usr/local/bin/', 'ENTRYPOINT ["naabu"]']);
    const workflow = [...WORKFLOW_HEAD, '      - name: Build and push', '        uses: docker/build-push-action@v7', '        with:', '          context: .', '          platforms: linux/amd64,linux/arm64,linux/arm', '          push: true', '          tags: projectdiscovery/naabu:latest,projectdiscovery/naabu:${{ steps.meta.outputs.TAG }}', ''].join('\n');
    const o = repo({ 'go.mod': 'module github.com/projectdiscovery/naabu/v2\n\ngo 1.24.0\n', 'cmd/naabu/main.go': 'package main\n\nimport (\n\t"github.com/projectdiscovery/naabu/v2/pkg/runner"\n)\n\nfunc main() {}\n', Dockerfile: text, '.github/workflows/dockerhub-push.yml': workflow });
    const f = find(text, 'GD113', o);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^`\.github\/workflows\/dockerhub-push\.yml:17` builds this Dockerfile for linux\/amd64, linux\/arm64, linux\/arm,/);
    // (`linux/arm` is BuildKit's linux/arm/v7: TARGETVARIANT=v7.)
    assert.ok(fix(text, 'GD113', o).includes('RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH GOARM=${TARGETVARIANT#v} go build ./cmd/naabu\n'));
  });

  // jhaals/yopass at de900a0cd73cd5ed7b10c36a7f33f2ccaf0186af (Apache-2.0): Dockerfile:1-8 and
  // .github/workflows/docker.yaml:41-49.
  it('reports yopass\'s app stage and prefixes both of its go builds', () => {
    const text = df(['FROM golang:bookworm AS app', 'RUN mkdir -p /yopass', 'WORKDIR /yopass', 'COPY . .', 'ARG VERSION', 'RUN VERSION=${VERSION:-$(git rev-parse --short HEAD 2>/dev/null || echo "unknown")} && \\', '    go build ./cmd/yopass && \\', '    go build -ldflags "-X main.version=${VERSION}" ./cmd/yopass-server', '', 'FROM node:22 AS website', 'COPY website /website', 'WORKDIR /website', 'RUN yarn install --network-timeout 600000 && yarn build', '', 'FROM gcr.io/distroless/base', 'COPY --from=app /yopass/yopass /yopass/yopass-server /', 'COPY --from=website /website/dist /public', 'USER 1000', 'ENTRYPOINT ["/yopass-server"]']);
    const workflow = [...WORKFLOW_HEAD, '      - name: Build and push Docker image', '        uses: docker/build-push-action@v4', '        with:', '          context: .', '          push: true', '          platforms: linux/amd64,linux/arm64', '          tags: ${{ steps.meta.outputs.tags }}', '          build-args: |', '            VERSION=${{ steps.version.outputs.value }}', ''].join('\n');
    const o = repo({ 'go.mod': 'module github.com/jhaals/yopass\n\ngo 1.25.0\n', 'cmd/yopass/main.go': 'package main\n\nimport (\n\t"fmt"\n)\n\nfunc main() { fmt.Println() }\n', Dockerfile: text, '.github/workflows/docker.yaml': workflow });
    const f = find(text, 'GD113', o);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'FROM golang:bookworm AS app');
    const fixed = fix(text, 'GD113', o);
    assert.ok(fixed.includes('    GOOS=$TARGETOS GOARCH=$TARGETARCH go build ./cmd/yopass && \\\n    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -ldflags'));
  });

  // mikefarah/yq at c14f446382944492701b16c1ddb48bb9dbe683e3 (MIT): Dockerfile:1-8,
  // .github/workflows/docker-release.yml:51-80 (a `docker buildx build --platform "${PLATFORMS}"` run
  // step) and docker-githubaction.yml (the same, `working-directory: github-action`).
  const YQ = df(['FROM golang:1.26.6 AS builder', '', 'WORKDIR /go/src/mikefarah/yq', '', 'COPY . .', '', 'RUN CGO_ENABLED=0 go build -ldflags "-s -w" .', '# RUN ./scripts/test.sh -- this too often times out in the github pipeline.', 'RUN ./scripts/acceptance.sh', '', 'FROM alpine:3 AS production', 'COPY --from=builder /go/src/mikefarah/yq/yq /usr/bin/yq', 'WORKDIR /workdir', 'USER yq', 'ENTRYPOINT ["/usr/bin/yq"]']);
  const yqRun = (workingDirectory: string[]) => [...WORKFLOW_HEAD,
    '      - name: Build and push image',
    ...workingDirectory,
    '        run: |',
    '          VERSION=${GITHUB_REF##*/}',
    '          IMAGE_VERSION=${VERSION:1}',
    '',
    '          PLATFORMS="linux/amd64,linux/ppc64le,linux/arm64,linux/arm/v7,linux/s390x"',
    '',
    '          docker buildx build \\',
    '            --label "org.opencontainers.image.created=$(date --rfc-3339=seconds)" \\',
    '            --label "org.opencontainers.image.revision=$(git rev-parse HEAD)" \\',
    '            --platform "${PLATFORMS}" \\',
    '            --pull \\',
    '            --push \\',
    '            -t "${IMAGE_NAME}:${IMAGE_VERSION}" \\',
    '            -t "ghcr.io/${IMAGE_NAME}:latest" \\',
    '            .',
    ''].join('\n');
  const yq = (files: Record<string, string>) => repo({ 'go.mod': 'module github.com/mikefarah/yq/v4\n\ngo 1.25.0\n', 'yq.go': 'package main\n\nimport (\n\t"os"\n\n\tcommand "github.com/mikefarah/yq/v4/cmd"\n)\n\nfunc main() { os.Exit(0) }\n', '.dockerignore': 'bin/*\n', 'scripts/acceptance.sh': '#! /bin/bash\nset -e\nfor test in acceptance_tests/*.sh; do (exec "$test"); done\n', 'github-action/Dockerfile': 'FROM mikefarah/yq:4\n', Dockerfile: YQ, ...files });

  it('reports yq\'s builder from a `docker buildx build --platform "${PLATFORMS}"` run step, with no fix: its acceptance tests run the built yq', () => {
    const f = find(YQ, 'GD113', yq({ '.github/workflows/docker-release.yml': yqRun([]) }));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^`\.github\/workflows\/docker-release\.yml:23` builds this Dockerfile for linux\/amd64, linux\/ppc64le, linux\/arm64, linux\/arm\/v7, linux\/s390x,/);
    assert.match(f[0].message, /Line 9 \(`RUN \.\/scripts\/acceptance\.sh`\) may run what this stage built/);
    assert.equal(f[0].fix, undefined);
    // Without the acceptance step the fix is offered.
    const plain = YQ.replace('RUN ./scripts/acceptance.sh\n', '');
    const fixed = fix(plain, 'GD113', yq({ '.github/workflows/docker-release.yml': yqRun([]) }));
    // linux/arm/v7 is among the platforms: the fix carries the variant into GOARM (branch y51).
    assert.ok(fixed.startsWith('FROM --platform=$BUILDPLATFORM golang:1.26.6 AS builder\nARG TARGETOS TARGETARCH TARGETVARIANT\n'), fixed);
    assert.match(fixed, /GOOS=\$TARGETOS GOARCH=\$TARGETARCH GOARM=\$\{TARGETVARIANT#v\} .*go build/, fixed);
  });

  it('follows the step\'s working-directory: yq\'s github-action workflow builds github-action/Dockerfile, not this one', () => {
    assert.equal(has(YQ, 'GD113', yq({ '.github/workflows/docker-githubaction.yml': yqRun(['        working-directory: github-action']) })), false);
    // A working directory the file does not spell out, or one `defaults:` may set, names no Dockerfile.
    assert.equal(has(YQ, 'GD113', yq({ '.github/workflows/docker-release.yml': yqRun(['        working-directory: ${{ matrix.dir }}']) })), false);
    // An unknown platform variable names no platforms.
    assert.equal(has(YQ, 'GD113', yq({ '.github/workflows/docker-release.yml': yqRun([]).replace('          PLATFORMS="linux/amd64,linux/ppc64le,linux/arm64,linux/arm/v7,linux/s390x"\n', '') })), false);
  });

  it('reads a Makefile\'s and a script\'s `docker buildx build --platform`, and a bake target\'s platforms', () => {
    const plain = YQ.replace('RUN ./scripts/acceptance.sh\n', '');
    const make = 'PLATFORMS ?= linux/amd64,linux/arm64\nIMG ?= example/yq:dev\n\n.PHONY: docker-buildx\ndocker-buildx:\n\t$(CONTAINER_TOOL) buildx build --push --platform=$(PLATFORMS) --tag ${IMG} .\n';
    const f = find(plain, 'GD113', yq({ Makefile: make }));
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^`Makefile:6` builds this Dockerfile for linux\/amd64, linux\/arm64,/);
    // kubebuilder's docker-buildx target builds a sed-made copy (`-f Dockerfile.cross`), not this file.
    assert.equal(has(plain, 'GD113', yq({ Makefile: make.replace('--tag ${IMG} .', '--tag ${IMG} -f Dockerfile.cross .') })), false);
    const script = '#!/bin/sh\nset -e\ndocker buildx build --platform linux/amd64,linux/arm64 -f Dockerfile -t example/yq . --push\n';
    assert.match(find(plain, 'GD113', yq({ 'scripts/release.sh': script }))[0].message, /^`scripts\/release\.sh:3` builds this Dockerfile for linux\/amd64, linux\/arm64,/);
    assert.equal(has(plain, 'GD113', yq({ 'scripts/release.sh': script.replace('linux/amd64,linux/arm64', 'linux/amd64') })), false);
    const bake = 'group "default" {\n  targets = ["image"]\n}\n\ntarget "_common" {\n  platforms = [\n    "linux/amd64",\n    "linux/arm64",\n  ]\n}\n\ntarget "image" {\n  inherits = ["_common"]\n  dockerfile = "Dockerfile"\n  tags = ["example/yq:dev"]\n}\n';
    assert.match(find(plain, 'GD113', yq({ 'docker-bake.hcl': bake }))[0].message, /^`docker-bake\.hcl:6` builds this Dockerfile for linux\/amd64, linux\/arm64,/);
    assert.equal(has(plain, 'GD113', yq({ 'docker-bake.hcl': bake.replace('dockerfile = "Dockerfile"', 'dockerfile = "build/Dockerfile"') })), false);
  });

  // k3s-io/kine (Apache-2.0) .github/workflows/release.yml builds `target: multi-arch-package`, whose
  // builder is on $BUILDPLATFORM with xx: its `infra`/`build` stages are not part of that build.
  it('follows the build\'s target: a stage the target does not read from is not built', () => {
    const plain = YQ.replace('RUN ./scripts/acceptance.sh\n', '');
    const twoImages = plain + df(['FROM alpine:3 AS other', 'COPY README.md /']);
    const wf = (target: string) => inbucketWorkflow('linux/amd64,linux/arm64', [`          target: ${target}`]);
    assert.equal(has(twoImages, 'GD113', yq({ '.github/workflows/docker.yml': wf('other') })), false);
    assert.ok(has(twoImages, 'GD113', yq({ '.github/workflows/docker.yml': wf('production') })));
    // A target the file does not spell out names no stage.
    assert.equal(has(twoImages, 'GD113', yq({ '.github/workflows/docker.yml': wf('${{ matrix.target }}') })), false);
  });

  // argoproj/argo-workflows (Apache-2.0) Makefile:708-714: `cd test/e2e/images/argosay/v2 && docker
  // buildx build --platform … .` builds that folder's Dockerfile. fullstorydev/grpcurl (MIT)
  // releasing/do-release.sh:25,52: `cd "$(dirname "$0")/.."`, then `docker buildx build … .` at the root.
  it('follows `cd` before the command: in a recipe line, and a script\'s `cd "$(dirname "$0")/.."`', () => {
    const plain = YQ.replace('RUN ./scripts/acceptance.sh\n', '');
    const make = 'argosay:\n\tcd test/e2e/images/argosay/v2 && \\\n\t\tdocker buildx build \\\n\t\t\t--platform linux/amd64,linux/arm64 \\\n\t\t\t-t argoproj/argosay:v2 \\\n\t\t\t--push \\\n\t\t\t.\n';
    assert.equal(has(plain, 'GD113', yq({ Makefile: make, 'test/e2e/images/argosay/v2/Dockerfile': 'FROM alpine\n' })), false);
    const release = '#!/bin/bash\nset -e\ncd "$(dirname "$0")/.."\ndocker buildx build --platform linux/amd64,linux/s390x,linux/arm64,linux/ppc64le --tag fullstorydev/grpcurl:${VERSION} --push --progress plain --no-cache .\n';
    assert.match(find(plain, 'GD113', yq({ 'releasing/do-release.sh': release }))[0].message, /^`releasing\/do-release\.sh:4` builds this Dockerfile for linux\/amd64, linux\/s390x, linux\/arm64, linux\/ppc64le,/);
    // A `cd` to a folder the script does not spell out: unknown.
    assert.equal(has(plain, 'GD113', yq({ 'releasing/do-release.sh': release.replace('cd "$(dirname "$0")/.."', 'cd "$ROOT"') })), false);
  });

  it('withholds the fix and says why when the stage asks the machine for its architecture (osmosis: `ARCH=$(uname -m)`)', () => {
    const o = inbucket(inbucketWorkflow('linux/amd64,linux/arm64'));
    const text = INBUCKET.replace('RUN make clean deps\n', 'RUN ARCH=$(uname -m) && wget -O /lib/libwasmvm_muslc.$ARCH.a https://example.invalid/libwasmvm_muslc.$ARCH.a\n');
    const f = find(text, 'GD113', o);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Line 13 \(`RUN ARCH=\$\(uname -m\) && wget -O \/lib\/libwasmvm_muslc\.\$ARCH\.a \.\.\.`\) asks the machine for its architecture/);
    assert.equal(f[0].fix, undefined);
  });

  // jitsucom/bulker (MIT) reprocessing-worker.Dockerfile: CGO_ENABLED unset, gcc installed, and the
  // worker links librdkafka through confluent-kafka-go: emulation is what builds it.
  it('is silent when CGO_ENABLED is unset, the builder has a C compiler and the package needs cgo', () => {
    const text = df(['FROM golang:1.24-bullseye AS build', 'WORKDIR /app', 'COPY . .', 'RUN go build -o worker .', 'FROM debian:bullseye-slim', 'COPY --from=build /app/worker /worker', 'ENTRYPOINT ["/worker"]']);
    const workflow = inbucketWorkflow('linux/amd64,linux/arm64');
    const mod = 'module example.com/worker\n\ngo 1.24\n';
    assert.equal(has(text, 'GD113', repo({ 'go.mod': mod, 'main.go': 'package main\n\n// #include <stdlib.h>\nimport "C"\n\nfunc main() {}\n', Dockerfile: text, '.github/workflows/docker.yml': workflow })), false);
    assert.ok(has(text, 'GD113', repo({ 'go.mod': mod, 'main.go': 'package main\n\nimport (\n\t"fmt"\n)\n\nfunc main() { fmt.Println() }\n', Dockerfile: text, '.github/workflows/docker.yml': workflow })));
    // An external link needs the target's C linker too (osmosis: `-linkmode=external`).
    assert.equal(has(text.replace('go build -o worker .', 'go build -ldflags "-linkmode=external -extldflags -static" -o worker .'), 'GD113', repo({ 'go.mod': mod, 'main.go': 'package main\n\nfunc main() {}\n', Dockerfile: text, '.github/workflows/docker.yml': workflow })), false);
  });

  // argoproj-labs/argocd-image-updater at de2cfec67880a232bbdfce81c985796251be242a (Apache-2.0):
  // Dockerfile:1-17, Makefile:11-12,133-135 (`CGO_ENABLED=0 GOOS=${OS} GOARCH=${ARCH} go build`).
  const ARGOCD = df(['# Build the manager binary', 'FROM golang:1.26 AS builder', 'ARG TARGETOS', 'ARG TARGETARCH', '', 'RUN mkdir -p /src/argocd-image-updater', 'WORKDIR /src/argocd-image-updater', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', '', 'RUN mkdir -p dist && \\', '\tOS=${TARGETOS:-linux} ARCH=${TARGETARCH} make build', '', 'FROM alpine:3.24', 'COPY --from=builder /src/argocd-image-updater/dist/argocd-image-updater /manager', 'USER 1000', 'ENTRYPOINT ["/sbin/tini", "--", "/manager"]']);
  const ARGOCD_MAKE = "OS?=$(shell go env GOOS)\nARCH?=$(shell go env GOARCH)\nOUTDIR?=dist\nBINNAME?=argocd-image-updater\n\n.PHONY: build\nbuild: manifests generate fmt vet\n\tCGO_ENABLED=0 GOOS=${OS} GOARCH=${ARCH} go build -ldflags '${LDFLAGS}' -o ${OUTDIR}/${BINNAME} cmd/*.go\n\n.PHONY: run\nrun:\n\tgo run ./cmd/main.go\n";
  const argocd = (make: string) => repo({ 'go.mod': 'module github.com/argoproj-labs/argocd-image-updater\n\ngo 1.26.3\n', 'go.sum': '', 'cmd/main.go': 'package main\n\nimport (\n\t"os"\n)\n\nfunc main() { os.Exit(0) }\n', Makefile: make, Dockerfile: ARGOCD });

  it('counts a go build through make (argocd-image-updater): reported, and the fix only moves the FROM to $BUILDPLATFORM', () => {
    const o = argocd(ARGOCD_MAKE);
    const f = find(ARGOCD, 'GD113', o);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'hint');
    assert.match(f[0].message, /it declares `ARG TARGETOS TARGETARCH`/);
    assert.equal(fix(ARGOCD, 'GD113', o), ARGOCD.replace('FROM golang:1.26 AS builder', 'FROM --platform=$BUILDPLATFORM golang:1.26 AS builder'));
    const crlf = ARGOCD.replace(/\n/g, '\r\n');
    assert.equal(fix(crlf, 'GD113', o), crlf.replace('FROM golang:1.26 AS builder', 'FROM --platform=$BUILDPLATFORM golang:1.26 AS builder'));
    // A make run that does not hand the target to the Makefile: reported, but no fix (GOARCH cannot be prefixed).
    const bare = ARGOCD.replace('OS=${TARGETOS:-linux} ARCH=${TARGETARCH} make build', 'make build');
    assert.ok(has(bare, 'GD113', o) && !find(bare, 'GD113', o)[0].fix);
  });

  it('is silent on a make build with a literal GOARCH or cgo on, a Makefile without go build, or no context', () => {
    assert.equal(has(ARGOCD, 'GD113', argocd(ARGOCD_MAKE.replace('GOARCH=${ARCH}', 'GOARCH=amd64'))), false);
    assert.equal(has(ARGOCD, 'GD113', argocd(ARGOCD_MAKE.replace('CGO_ENABLED=0', 'CGO_ENABLED=1'))), false);
    assert.equal(has(ARGOCD, 'GD113', argocd('build:\n\tgo vet ./...\n')), false);
    // google/cadvisor's build.sh: `export CGO_ENABLED=${GO_CGO_ENABLED:-"1"}`.
    assert.equal(has(ARGOCD, 'GD113', argocd(ARGOCD_MAKE.replace('CGO_ENABLED=0', 'CGO_ENABLED=${GO_CGO_ENABLED:-1}'))), false);
    // writefreely's `make build` of go-sqlite3: CGO_ENABLED set nowhere, and golang:1.26 has gcc.
    assert.equal(has(ARGOCD, 'GD113', argocd(ARGOCD_MAKE.replace('CGO_ENABLED=0 ', ''))), false);
    assert.equal(has(ARGOCD, 'GD113'), false);
  });
  // AnalogJ/scrutiny docker/Dockerfile.collector:7-36 at 89588a4f21a431e125564a5560023168d7eee965
  // (MIT; judge 28 Y, W5), .github/workflows/docker-build.yaml (build-push-action, `platforms:
  // linux/amd64,linux/arm64`, `file: docker/Dockerfile.collector`), Makefile:80-81 (`go build … -o
  // $(COLLECTOR_BINARY_NAME) … ./collector/cmd/collector-metrics/`). The smartmontoolsbuild stage
  // runs the downloaded C project's Makefile, not the repository's.
  const SCRUTINY = df([
    'FROM golang:1.25-trixie AS backendbuild',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    'WORKDIR /go/src/github.com/analogj/scrutiny',
    'COPY --link Makefile /go/src/github.com/analogj/scrutiny/',
    'COPY --link go.mod go.sum /go/src/github.com/analogj/scrutiny/',
    'COPY --link collector /go/src/github.com/analogj/scrutiny/collector',
    'RUN make binary-clean binary-collector COLLECTOR_BINARY_NAME=scrutiny-collector-metrics GOOS=$TARGETOS GOARCH=$TARGETARCH',
    '',
    'FROM debian:trixie-slim AS smartmontoolsbuild',
    'ARG SMARTMONTOOLS_VER=7.5',
    'RUN apt-get update && DEBIAN_FRONTEND=noninteractive \\',
    '    apt-get install -y --no-install-recommends \\',
    '    ca-certificates curl gcc g++ gnupg make \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'RUN curl -L "https://github.com/smartmontools/smartmontools/releases/download/RELEASE_$(echo ${SMARTMONTOOLS_VER} | tr \'.\' \'_\')/smartmontools-${SMARTMONTOOLS_VER}.tar.gz" -o /tmp/smartmontools.tar.gz \\',
    '    && tar -xzf /tmp/smartmontools.tar.gz -C /tmp \\',
    '    && cd /tmp/smartmontools-${SMARTMONTOOLS_VER} \\',
    '    && ./configure --prefix=/usr LDFLAGS=\'-static\' --without-libcap-ng --without-libsystemd \\',
    '    && make -j"$(nproc)" \\',
    '    && make install \\',
    '    && /usr/sbin/update-smart-drivedb \\',
    '    && rm -rf /tmp/smartmontools*',
    '',
    'FROM debian:trixie-slim AS runtime',
    'WORKDIR /opt/scrutiny',
    'COPY --from=backendbuild /go/src/github.com/analogj/scrutiny/scrutiny-collector-metrics /opt/scrutiny/bin/',
    'COPY --from=smartmontoolsbuild /usr/sbin/smartctl /usr/sbin/smartctl',
  ]);
  const SCRUTINY_MAKE = 'GO_WORKSPACE ?= /go/src/github.com/analogj/scrutiny\nCOLLECTOR_BINARY_NAME = scrutiny-collector-metrics\n\nifdef STATIC\nexport CGO_ENABLED = 0\nendif\n\nbinary-clean:\n\tgo clean\n\nbinary-dep:\n\tgo mod vendor\n\nbinary-collector: binary-dep\n\tgo build -ldflags "$(LD_FLAGS)" -o $(COLLECTOR_BINARY_NAME) $(STATIC_TAGS) ./collector/cmd/collector-metrics/\n';
  const scrutiny = (dockerfile: string) => repo({
    'go.mod': 'module github.com/analogj/scrutiny\n\ngo 1.25.0\n',
    'go.sum': '',
    'collector/cmd/collector-metrics/collector-metrics.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() { fmt.Println(os.Args) }\n',
    Makefile: SCRUTINY_MAKE,
    'docker/Dockerfile.collector': dockerfile,
    '.github/workflows/docker-build.yaml': inbucketWorkflow('linux/amd64,linux/arm64', ['          file: docker/Dockerfile.collector']),
  }, 'docker/Dockerfile.collector');

  it('scrutiny: a make run inside a downloaded, unpacked C project is not the repository\'s Makefile: only the Go stage is reported', () => {
    const f = find(SCRUTINY, 'GD113', scrutiny(SCRUTINY));
    assert.deepEqual(f.map((x) => SCRUTINY.slice(x.span.start, x.span.end)), ['FROM golang:1.25-trixie AS backendbuild']);
    // The same make run where the context's Makefile was copied (no cd into the archive): reported, as before.
    const inContext = SCRUTINY.replace('&& cd /tmp/smartmontools-${SMARTMONTOOLS_VER} \\\n', '');
    assert.equal(find(inContext, 'GD113', scrutiny(inContext)).length, 2);
    // The judge's reduction: `curl … | tar -xz -C /tmp && cd /tmp/tool-1.0 && ./configure && make`, and without -C (unpacked where it runs).
    const c = (run: string) => df(['FROM golang:1.25 AS build', 'ARG TARGETARCH', 'WORKDIR /src', 'COPY . .', 'RUN make', 'FROM debian:trixie-slim AS cbuild', 'RUN apt-get update && apt-get install -y gcc make curl', run, 'FROM debian:trixie-slim', 'COPY --from=build /src/app /usr/local/bin/', 'COPY --from=cbuild /usr/local/bin/tool /usr/local/bin/']);
    const tree = (d: string) => repo({ 'go.mod': 'module example.com/app\n\ngo 1.25\n', 'main.go': 'package main\n\nfunc main() {}\n', Makefile: 'all:\n\tCGO_ENABLED=0 go build -o app .\n', Dockerfile: d, '.github/workflows/docker-build.yml': inbucketWorkflow('linux/amd64,linux/arm64') });
    for (const run of ['RUN curl -L https://example.org/tool-1.0.tar.gz | tar -xz -C /tmp && cd /tmp/tool-1.0 && ./configure && make && make install', 'RUN cd /tmp && curl -L https://example.org/tool-1.0.tar.gz | tar -xz && cd tool-1.0 && ./configure && make && make install']) {
      const d = c(run);
      assert.deepEqual(find(d, 'GD113', tree(d)).map((x) => d.slice(x.span.start, x.span.end)), ['FROM golang:1.25 AS build'], run);
    }
    // Back out of the archive (`cd /src`) before the make: the repository's Makefile again.
    const back = c('RUN curl -L https://example.org/tool-1.0.tar.gz | tar -xz -C /tmp && cd /tmp/tool-1.0 && ./configure && make install && cd /src && make');
    assert.equal(find(back, 'GD113', tree(back)).length, 2);
    // An archive unpacked into the folder the repository was copied to (or into /): its make is still the repository's.
    const assets = df(['FROM golang:1.25 AS build', 'ARG TARGETARCH', 'WORKDIR /src', 'COPY . .', 'RUN curl -L https://example.org/assets.tgz | tar -xz -C /src && cd /src && make', 'FROM debian:trixie-slim', 'COPY --from=build /src/app /usr/local/bin/']);
    assert.equal(find(assets, 'GD113', tree(assets)).length, 1);
    const root = assets.replace('tar -xz -C /src && cd /src', 'tar -xz -C / && cd /src');
    assert.equal(find(root, 'GD113', tree(root)).length, 1);
  });

  // docker/mcp-gateway at 2bd20fe83dd04870e8d87dc1ed059d4d19fc7c68 (MIT; judge 28 Y, M3):
  // docker-bake.hcl writes every block label bare (`target _base {`, `target mcp-gateway {`,
  // `group default {`), which HCL allows; Dockerfile:113-123 (build-mcp-gateway, build-mcp-bridge:
  // `go build` with no --platform) feed the `mcp-gateway` stage.
  const MCP_BAKE = [
    'variable "GO_VERSION" {', '  default = null', '}', '',
    'target "_common" {', '  args = {', '    GO_VERSION = GO_VERSION', '    BUILDKIT_CONTEXT_KEEP_GIT_DIR = 1', '  }', '}', '',
    'group default {', '  targets = [', '    "all",', '  ]', '}', '',
    '# Required by docker/metadata-action and docker/bake-action gh actions.', 'target "docker-metadata-action" {}', '',
    'target _base {', '  inherits = ["_common", "docker-metadata-action"]', '  output = ["type=docker"]', '  platforms = ["linux/arm64", "linux/amd64"]', '}', '',
    'target mcp-gateway {', '  inherits = ["_base"]', '  context = "."', '  target = "mcp-gateway"', '  output = [', '    "type=image,name=docker/mcp-gateway",', '    "type=image,name=docker/mcp-gateway:v2",', '  ]', '}', '',
  ].join('\n');
  const MCP = df([
    '#syntax=docker/dockerfile:1',
    'ARG GO_VERSION=1.25.12',
    'FROM golang:${GO_VERSION}-alpine AS build-mcp-gateway',
    'WORKDIR /app',
    'RUN --mount=type=cache,target=/root/.cache/go-build,id=mcp-gateway \\',
    '    --mount=source=.,target=. \\',
    '    go build -trimpath -ldflags "-s -w" -o / ./cmd/docker-mcp/',
    'FROM golang:${GO_VERSION}-alpine AS build-mcp-bridge',
    'WORKDIR /app',
    'RUN --mount=type=cache,target=/root/.cache/go-build \\',
    '    --mount=source=./tools/docker-mcp-bridge,target=. \\',
    '    go build -trimpath -ldflags "-s -w" -o /docker-mcp-bridge .',
    'FROM alpine:3.23 AS mcp-gateway',
    'RUN apk update && apk upgrade --no-cache && apk add --no-cache docker-cli socat jq',
    'VOLUME /misc',
    'COPY --from=build-mcp-bridge /docker-mcp-bridge /misc/',
    'ENTRYPOINT ["/docker-mcp", "gateway", "run"]',
    'COPY --from=build-mcp-gateway /docker-mcp /',
  ]);
  const mcp = (bake: string) => repo({ 'go.mod': 'module github.com/docker/mcp-gateway\n\ngo 1.25.12\n', 'cmd/docker-mcp/main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n)\n\nfunc main() { _ = context.Background(); os.Exit(0) }\n', 'tools/docker-mcp-bridge/go.mod': 'module github.com/docker/mcp-gateway/tools/docker-mcp-bridge\n\ngo 1.25\n', 'tools/docker-mcp-bridge/main.go': 'package main\n\nfunc main() {}\n', Dockerfile: MCP, 'docker-bake.hcl': bake });

  it('mcp-gateway: reads bake targets whose labels are bare identifiers (`target mcp-gateway {`), like quoted ones', () => {
    const f = find(MCP, 'GD113', mcp(MCP_BAKE));
    assert.deepEqual(f.map((x) => MCP.slice(x.span.start, x.span.end)), ['FROM golang:${GO_VERSION}-alpine AS build-mcp-gateway', 'FROM golang:${GO_VERSION}-alpine AS build-mcp-bridge']);
    assert.match(f[0].message, /^`docker-bake\.hcl:24` builds this Dockerfile for linux\/arm64, linux\/amd64, and this stage compiles Go/);
    assert.equal(f[0].severity, 'information');
    // The same file with quoted labels: the same findings.
    const quoted = MCP_BAKE.replace('target _base {', 'target "_base" {').replace('target mcp-gateway {', 'target "mcp-gateway" {');
    assert.deepEqual(find(MCP, 'GD113', mcp(quoted)).map((x) => x.message), f.map((x) => x.message));
    // A single platform, or a target that builds another stage: silent.
    assert.equal(has(MCP, 'GD113', mcp(MCP_BAKE.replace('platforms = ["linux/arm64", "linux/amd64"]', 'platforms = ["linux/amd64"]'))), false);
    assert.equal(has(MCP, 'GD113', mcp(MCP_BAKE.replace('target = "mcp-gateway"', 'target = "build-mcp-bridge"').replace('target mcp-gateway {', 'target bridge {'))), false);
    // A bare label that is no identifier (`target 1app {`) is not a block HCL reads: silent.
    assert.equal(has(MCP, 'GD113', mcp(MCP_BAKE.replace('target _base {', 'target 1base {').replace('target mcp-gateway {', 'target 1app {'))), false);
  });
});

// jumpserver/koko 27b5bef164b70e2816a5bc903174786ed3e260ef (GPL-3.0) Dockerfile:1-22,27,54-58 and
// Makefile:1-17,26,43-44 (judge 30 Y, W2): stage-build's FROM, jumpserver/koko-base (built from the
// repository's Dockerfile-base for amd64 and arm64), holds kubectl, helm and mongosh for the target
// platform in /opt/koko/bin and /opt/koko/lib, which the image copies out of the stage. On
// $BUILDPLATFORM the arm64 image would get amd64 tools.
describe('GD113: a stage whose FROM image\'s own files the image copies (koko)', () => {
  const KOKO = (from = 'FROM jumpserver/koko-base:20251229_100745 AS stage-build', copies = ['COPY --from=stage-build /opt/koko/.kubectl_aliases /opt/kubectl-aliases/.kubectl_aliases', 'COPY --from=stage-build /opt/koko/bin /usr/local/bin', 'COPY --from=stage-build /opt/koko/lib /usr/local/lib', 'COPY --from=stage-build /opt/koko/release .', 'COPY --from=stage-build /opt/koko/koko .']) => df([
    from,
    '',
    'WORKDIR /opt/koko',
    'ARG TARGETARCH',
    'COPY . .',
    '',
    'ARG VERSION',
    'ENV VERSION=$VERSION',
    '',
    'WORKDIR /opt/koko',
    'RUN make build -s \\',
    '    && set -x && ls -al . \\',
    '    && mv /opt/koko/build/koko /opt/koko/koko \\',
    '    && mv /opt/koko/bin/rawhelm /opt/koko/bin/helm \\',
    '    && mv /opt/koko/bin/rawkubectl /opt/koko/bin/kubectl',
    '',
    'RUN mkdir /opt/koko/release \\',
    '    && mv /opt/koko/entrypoint.sh /opt/koko/release',
    '',
    'FROM debian:trixie',
    'ARG TARGETARCH',
    'WORKDIR /opt/koko',
    ...copies,
    'ENTRYPOINT ["./entrypoint.sh"]',
    'CMD [ "./koko" ]',
  ]);
  const MAKE = [
    'NAME=koko', 'BUILDDIR=build', 'BASEPATH := $(shell pwd)', 'KOKOSRCFILE := $(BASEPATH)/cmd/koko/', '',
    'GOOS := $(shell go env GOOS)', 'GOARCH := $(shell go env GOARCH)', '',
    'KOKOBUILD=CGO_ENABLED=0 go build -trimpath -ldflags "$(KOKOLDFLAGS) ${LDFLAGS}"', '',
    'build:', '\tGOARCH=$(GOARCH) GOOS=$(GOOS) $(KOKOBUILD) -o $(BUILDDIR)/$(NAME) $(KOKOSRCFILE)', '',
  ].join('\n');
  const FILES: Record<string, string> = {
    'go.mod': 'module github.com/jumpserver/koko\n\ngo 1.24.6\n',
    'go.sum': '',
    'cmd/koko/koko.go': 'package main\n\nimport (\n\t"fmt"\n)\n\nfunc main() { fmt.Println() }\n',
    Makefile: MAKE,
    'entrypoint.sh': '#!/bin/bash\nexec "$@"\n',
    '.dockerignore': 'build/*\nlogs/*\ndata/*\nrelease/*\nui/node_modules/\n',
  };
  const repo = (text: string, files: Record<string, string> = FILES) => tempWorkspace({ ...files, Dockerfile: text }, 'Dockerfile');

  it('koko 27b5bef: no "run the stage on the build platform" and no fix; the advice is a Go build stage of its own, naming the copied program folder', () => {
    const text = KOKO();
    const [f, ...rest] = find(text, 'GD113', repo(text));
    assert.equal(rest.length, 0);
    assert.doesNotMatch(f.message, /Run the stage on the build platform/);
    assert.match(f.message, /line 24 copies `\/opt\/koko\/bin` out of it, which no instruction of the stage makes, so it comes from its FROM image \(jumpserver\/koko-base:20251229_100745\)/);
    assert.match(f.message, /Build the Go program in a stage of its own, `FROM --platform=\$BUILDPLATFORM golang:…`/);
    assert.equal(f.fix, undefined);
    // The judge's reproducer: an image the linter does not know, a tools folder and the program copied out.
    const small = df(['FROM example/tools-base:1 AS build', 'ARG TARGETARCH', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /src/app ./cmd/koko', 'FROM debian:trixie', 'COPY --from=build /opt/tools/bin /usr/local/bin', 'COPY --from=build /src/app /app']);
    const [g] = find(small, 'GD113', repo(small));
    assert.match(g?.message ?? '', /line 7 copies `\/opt\/tools\/bin` out of it/);
    assert.equal(g.fix, undefined);
  });

  it('koko: the old advice (and fix, where there was one) when the copied files are the stage\'s own, the context\'s, or the base is a known image', () => {
    const own = ['COPY --from=stage-build /opt/koko/release .', 'COPY --from=stage-build /opt/koko/koko .'];
    const direct = df(['FROM example/tools-base:1 AS build', 'ARG TARGETARCH', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /src/app ./cmd/koko', 'FROM debian:trixie', 'COPY --from=build /src/app /app', 'COPY --from=build /src/entrypoint.sh /entrypoint.sh']);
    const cases: [string, Record<string, string>][] = [
      // Only what the stage makes (a go build's -o) and what the context brings.
      [direct, FILES],
      // bin/ and lib/ are the context's (copied by `COPY . .`), .kubectl_aliases too.
      [KOKO(undefined, ['COPY --from=stage-build /opt/koko/bin /usr/local/bin', 'COPY --from=stage-build /opt/koko/lib /usr/local/lib', ...own]), { ...FILES, 'bin/rawhelm': 'x', 'lib/x.so': 'x' }],
      // A golang image's own files are the toolchain's (GD113 already leaves a stage alone whose GOROOT is copied).
      [KOKO('FROM golang:1.24 AS stage-build', ['COPY --from=stage-build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/', ...own]), FILES],
    ];
    for (const [text, files] of cases) {
      const [f] = find(text, 'GD113', repo(text, files));
      assert.match(f?.message ?? '', /Run the stage on the build platform and cross-compile/, text);
      // A direct go build keeps its fix (a make build without the target handed to it never had one).
      if (text === direct) assert.ok(f.fix);
    }
    // Without the context's files, nothing is claimed.
    const tools = df(['FROM example/tools-base:1 AS build', 'ARG TARGETARCH', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /src/app ./cmd/koko', 'FROM debian:trixie', 'COPY --from=build /opt/tools/bin /usr/local/bin', 'COPY --from=build /src/app /app']);
    const [f] = find(tools, 'GD113');
    assert.match(f?.message ?? '', /Run the stage on the build platform and cross-compile/);
  });
});

// getfider/fider 67c52826cca176724a59dd58b9795e1bc8d67bc8 (AGPL-3.0) Dockerfile:6,24-40, Makefile:1-34,
// .github/workflows/publish-pr-multiarch.yml:29-35 (judge 30 Y, W8): the node ui-builder stage runs
// `make build-ssr` and `make build-ui` (npx, node, webpack); only the Makefile's build-server target
// runs go build. A make run is read through the targets it names, not the whole Makefile.
describe('GD113: a make run reads what its goals run (fider)', () => {
  const FIDER = (ui = ['RUN make build-ssr', 'RUN make build-ui']) => df([
    'FROM --platform=${TARGETPLATFORM:-linux/amd64} golang:1.25-bookworm AS server-builder',
    'RUN apt-get update && apt-get install -y build-essential gcc libc6-dev',
    'WORKDIR /server',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . ./',
    'RUN COMMITHASH=${COMMITHASH} VERSION=${VERSION} GOOS=${TARGETOS} GOARCH=${TARGETARCH} make build-server',
    '',
    'FROM --platform=${TARGETPLATFORM:-linux/amd64} node:22-bookworm AS ui-builder',
    'WORKDIR /ui',
    'COPY package.json package-lock.json ./',
    'RUN npm ci --maxsockets 1',
    'COPY . .',
    ...ui,
    '',
    'FROM --platform=${TARGETPLATFORM:-linux/amd64} debian:bookworm-slim',
    'COPY --from=server-builder /server/fider /app/',
    'COPY --from=ui-builder /ui/dist /app/dist',
    'ENTRYPOINT ["/app/fider"]',
  ]);
  const MAKEFILE = [
    'LDFLAGS += -X github.com/getfider/fider/app/pkg/env.commithash=${COMMITHASH}',
    'LDFLAGS += -X github.com/getfider/fider/app/pkg/env.version=${VERSION}',
    '',
    '##@ Building',
    '',
    'build: build-server build-ssr build-ui ## Build server and ui',
    '',
    'build-server: ## Build server',
    "\tgo build -ldflags '-s -w $(LDFLAGS)' -o fider .",
    '',
    'build-ui: ## Build all UI assets',
    '\tNODE_ENV=production npx webpack-cli',
    '',
    'build-ssr: ## Build SSR script and locales',
    '\tnpx lingui extract public/',
    '\tnpx lingui compile',
    '\tNODE_ENV=production node esbuild.config.js',
    '',
  ].join('\n');
  const WORKFLOW = ['name: Publish PR', 'on: workflow_dispatch', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v6', '      - name: Build and push', '        uses: docker/build-push-action@v7', '        with:', '          push: true', '          context: .', '          platforms: linux/amd64,linux/arm64/v8', ''].join('\n');
  const files = (make = MAKEFILE): Record<string, string> => ({ 'go.mod': 'module github.com/getfider/fider\n\ngo 1.25\n', 'go.sum': '', 'main.go': 'package main\n\nfunc main() {}\n', Makefile: make, '.github/workflows/publish-pr-multiarch.yml': WORKFLOW });
  const repo = (text: string, make?: string) => tempWorkspace({ ...files(make), Dockerfile: text }, 'Dockerfile');

  it('fider 67c5282: no "compiles Go" on the node stage whose make targets run no go', () => {
    const text = FIDER();
    const fs_ = find(text, 'GD113', repo(text));
    assert.deepEqual(fs_.map((f) => f.span.start), []);
    // A goal whose prerequisite builds Go, or a default goal that does: reported on the node stage.
    for (const [ui, make] of [[['RUN make build'], MAKEFILE], [['RUN make'], MAKEFILE], [['RUN make build-ui'], MAKEFILE.replace('\tNODE_ENV=production npx webpack-cli', '\tNODE_ENV=production npx webpack-cli\n\t$(GOCMD) build ./cmd/ssr')]] as const) {
      const t = FIDER([...ui]);
      const [f] = find(t, 'GD113', repo(t, make));
      assert.equal(f?.span.start, t.indexOf('FROM --platform=${TARGETPLATFORM:-linux/amd64} node:22'), ui.join());
    }
  });

  it('fider: the whole Makefile is read when its goals cannot be followed (an include, a recipe that runs make again, an unknown goal)', () => {
    for (const [ui, make] of [
      [['RUN make build-ui'], `include tools.mk\n${MAKEFILE}`],
      [['RUN make build-ui'], MAKEFILE.replace('\tNODE_ENV=production npx webpack-cli', '\t$(MAKE) -C ui assets')],
      [['RUN make assets'], MAKEFILE],
    ] as const) {
      const t = FIDER([...ui]);
      const [f] = find(t, 'GD113', repo(t, make));
      assert.equal(f?.span.start, t.indexOf('FROM --platform=${TARGETPLATFORM:-linux/amd64} node:22'), make.slice(0, 30));
    }
  });
});

// damongolding/immich-kiosk c82f363f0763d360068d85bc83bc733ca27a1c13 (AGPL-3.0) Dockerfile:2-9,12,27,
// taskfile.yml:8-15,53-57, taskfile.frontend.yml:7-50, .github/workflows/ghcr-dev.yaml:44-45 (judge
// 34 X, W1): the node stage runs `task frontend`; taskfile.yml includes taskfile.frontend.yml
// (`flatten: true`), whose `frontend` task runs only tsc and esbuild through its deps, while the
// root file's `build` task runs go build. A task run is read through the tasks its goals reach.
describe('GD113: a task run reads what its goals run, through the included Taskfiles (immich-kiosk)', () => {
  const KIOSK = (run = 'RUN task frontend') => df([
    '# Frontend Base Image',
    'FROM node:26-alpine AS frontend-build',
    '',
    'COPY . /app',
    'WORKDIR /app/frontend',
    '',
    'RUN npm install -g @go-task/cli',
    'RUN npm ci',
    run,
    '',
    '# Go Builder',
    'FROM --platform=$BUILDPLATFORM golang:1.26.4-bookworm AS build',
    '',
    'ARG VERSION=demo',
    'ARG TARGETOS',
    'ARG TARGETARCH',
    '',
    'WORKDIR /app',
    '',
    'COPY . .',
    'COPY --from=frontend-build /app/frontend/public/assets/css /app/frontend/public/assets/css',
    '',
    'RUN go mod download',
    'RUN go tool templ generate',
    '',
    'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -a -installsuffix cgo -ldflags "-X main.version=${VERSION} -s -w" -o dist/kiosk .',
    '',
    '# Release',
    'FROM gcr.io/distroless/static-debian13:nonroot',
    'COPY --from=build /app/dist/kiosk .',
    'ENTRYPOINT ["/kiosk"]',
  ]);
  const ROOT = (includes = ['  frontend:', '    taskfile: ./taskfile.frontend.yml', '    flatten: true']) => [
    'version: "3"', '', 'env:', '  VERSION: 0.39.3', '', 'silent: true', '', 'includes:', ...includes, '', '  docker:', '    taskfile: ./taskfile.docker.yml', '    flatten: true', '',
    'tasks:',
    '  templ:', '    desc: Generate templ templates', '    cmds:', '      - go tool templ generate', '',
    '  test:', '    desc: Run tests', '    deps: [templ]', '    cmds:', '      - go test ./...', '      - task: frontend:typecheck', '',
    '  build:', '    desc: Build kiosk', '    deps: [frontend, templ]', '    cmds:',
    '      - CGO_ENABLED=0 go build -installsuffix cgo -ldflags "-X main.version={{.VERSION}} -s -w" -o dist/kiosk .', '',
  ].join('\n');
  const FRONTEND = [
    'version: "3"', '', 'silent: true', '', 'tasks:', '  # Frontend tasks', '  frontend:', '    deps: [frontend:typecheck, frontend:css, frontend:js, frontend:url-builder]', '    desc: Build all frontend assets', '',
    '  frontend:typecheck:', '    dir: ./frontend', '    cmds:', '      - node_modules/.bin/tsc --noEmit', '',
    '  frontend:css:', '    dir: ./frontend', '    cmds:', '      - node_modules/.bin/esbuild --minify --bundle src/css/kiosk.css --outfile=./public/assets/css/kiosk.css', '',
    '  frontend:js:', '    dir: ./frontend', '    cmds:', "      - node_modules/.bin/esbuild 'src/ts/kiosk.ts' --bundle --minify --outfile=./public/assets/js/kiosk.js", '',
    '  frontend:url-builder:', '    dir: ./frontend', '    cmds:', "      - node_modules/.bin/esbuild 'src/ts/url-builder.ts' --bundle --minify --outfile=./public/assets/js/url-builder.js", '',
  ].join('\n');
  const DOCKER = ['version: "3"', '', 'tasks:', '  docker-buildx:', '    cmds:', '      - docker buildx create --name multiplatform --driver docker-container --use', ''].join('\n');
  const WORKFLOW = ['name: GHCR Dev', 'on:', '  pull_request:', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - name: Build and push Docker image', '        run: |',
    '          docker buildx build --build-arg VERSION=$VERSION \\', '            --platform linux/amd64,linux/arm64 \\', '            --push \\', '            -t $IMAGE_NAME:$VERSION \\', '            .', ''].join('\n');
  // A file given as null is left out.
  const repo = (text: string, files: Record<string, string | null> = {}) => tempWorkspace(Object.fromEntries(Object.entries({
    'go.mod': 'module github.com/damongolding/immich-kiosk\n\ngo 1.26.4\n', 'go.sum': '', 'main.go': 'package main\n\nfunc main() {}\n',
    'taskfile.yml': ROOT(), 'taskfile.frontend.yml': FRONTEND, 'taskfile.docker.yml': DOCKER, 'frontend/package.json': '{}\n', '.github/workflows/ghcr-dev.yaml': WORKFLOW, ...files, Dockerfile: text,
  }).filter((e): e is [string, string] => e[1] !== null)), 'Dockerfile');
  const nodeStage = (t: string) => t.indexOf('FROM node:26-alpine');

  it('immich-kiosk c82f363: no GD113 on the node stage whose `task frontend` runs only tsc and esbuild', () => {
    const text = KIOSK();
    assert.deepEqual(find(text, 'GD113', repo(text)).map((f) => f.span.start), []);
  });

  it('reports the node stage when its goal reaches a go build: `task build` (deps frontend), `task` (default), an alias, a namespaced include', () => {
    for (const [run, files] of [
      ['RUN task build', {}],
      ['RUN task --dir . build VERSION=1', {}],
      ['RUN task', { 'taskfile.yml': ROOT().replace('  templ:', '  default:\n    deps: [build]\n\n  templ:') }],
      ['RUN task kiosk', { 'taskfile.yml': ROOT().replace("    desc: Build kiosk", "    desc: Build kiosk\n    aliases: [kiosk]") }],
      ['RUN task frontend', { 'taskfile.frontend.yml': FRONTEND.replace('      - node_modules/.bin/tsc --noEmit', '      - node_modules/.bin/tsc --noEmit\n      - task: :build') }],
      ['RUN task web:frontend', { 'taskfile.yml': ROOT(['  web: ./taskfile.frontend.yml']), 'taskfile.frontend.yml': FRONTEND.replace('    deps: [frontend:typecheck,', '    deps: [:build, frontend:typecheck,') }],
    ] as const) {
      const t = KIOSK(run);
      const [f] = find(t, 'GD113', repo(t, files));
      assert.equal(f?.span.start, nodeStage(t), `${run} ${Object.keys(files).join()}`);
    }
  });

  it('reads the whole root Taskfile when the goals cannot be followed (an unknown goal, a templated name, task run through the shell)', () => {
    for (const [run, files] of [
      ['RUN task assets', {}],
      ['RUN task frontend', { 'taskfile.frontend.yml': FRONTEND.replace('      - node_modules/.bin/tsc --noEmit', '      - task templ') }],
      ['RUN task frontend', { 'taskfile.frontend.yml': FRONTEND.replace('    deps: [frontend:typecheck,', '    deps: ["{{.KIND}}", frontend:typecheck,') }],
      ['RUN task frontend', { 'taskfile.frontend.yml': null }],
    ] as const) {
      const t = KIOSK(run);
      const [f] = find(t, 'GD113', repo(t, files));
      assert.equal(f?.span.start, nodeStage(t), `${run} ${JSON.stringify(files).slice(0, 60)}`);
    }
  });
});

// dragonflyoss/dragonfly 66db456 (Apache-2.0) .github/workflows/docker.yml:18-25,89-90 (judge 30
// Y M13): `strategy.matrix.module: ['manager', 'scheduler']` with `include:` entries binding each
// module to `platforms: linux/amd64,linux/arm64`, and the build-push-action step's
// `file: build/images/${{ matrix.module }}/Dockerfile`, `platforms: ${{ matrix.platforms }}`. The
// builders are `FROM golang:1.25.5-alpine3.23 AS builder` without `--platform`; here they compile
// directly (dragonfly's own go through `make build-scheduler` -> hack/build.sh).
describe('GD113: the workflow\'s literal matrix spells out the Dockerfile and the platforms (dragonfly)', () => {
  const workflow = (matrix: string[], file = 'build/images/${{ matrix.module }}/Dockerfile', platforms = '${{ matrix.platforms }}') => [
    'name: Docker', 'on:', '  push:', '    branches:', '      - main', 'permissions:', '  contents: read', 'jobs:', '  push_image_to_registry:', '    name: Push Image',
    '    permissions: write-all', '    runs-on: ubuntu-latest', '    strategy:', '      matrix:', ...matrix, '    timeout-minutes: 120', '    steps:',
    '      - name: Check out code', '        uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', '        with:', '          submodules: recursive',
    '      - name: Setup QEMU', '        uses: docker/setup-qemu-action@96fe6ef7f33517b61c61be40b68a1882f3264fb8',
    '      - name: Push to Registry', '        uses: docker/build-push-action@53b7df96c91f9c12dcc8a07bcb9ccacbed38856a', '        with:', '          context: .', '          sbom: true',
    `          platforms: ${platforms}`, `          file: ${file}`, '          build-args: |', '            GITVERSION=git-${{ steps.vars.outputs.git_revision }}', '',
  ].join('\n');
  const DRAGONFLY = [
    "        module: ['manager', 'scheduler']", '        include:', '          - module: manager', '            platforms: linux/amd64,linux/arm64',
    '          - module: scheduler', '            platforms: linux/amd64,linux/arm64',
  ];
  const builder = (name: string) => df([
    'ARG BASE_IMAGE=alpine:3.23.4', `FROM golang:1.25.5-alpine3.23 AS ${name}`, 'WORKDIR /go/src/d7y.io/dragonfly/v2', 'COPY . /go/src/d7y.io/dragonfly/v2',
    `RUN CGO_ENABLED=0 go build -o /go/bin/${name} ./cmd/${name}`, 'FROM ${BASE_IMAGE}', `COPY --from=${name} /go/bin/${name} /opt/dragonfly/bin/${name}`, `ENTRYPOINT ["/opt/dragonfly/bin/${name}"]`,
  ]);
  const tree = (wf: string, module = 'scheduler') => tempWorkspace({
    'go.mod': 'module d7y.io/dragonfly/v2\n\ngo 1.25.5\n',
    'cmd/scheduler/main.go': 'package main\n\nimport (\n\t"os"\n)\n\nfunc main() { os.Exit(0) }\n',
    'cmd/manager/main.go': 'package main\n\nimport (\n\t"os"\n)\n\nfunc main() { os.Exit(0) }\n',
    'build/images/scheduler/Dockerfile': builder('scheduler'),
    'build/images/manager/Dockerfile': builder('manager'),
    '.github/workflows/docker.yml': wf,
  }, `build/images/${module}/Dockerfile`);

  it('reports both builders, naming the step\'s platforms line and the platforms the include entries give', () => {
    for (const module of ['scheduler', 'manager']) {
      const f = find(builder(module), 'GD113', tree(workflow(DRAGONFLY), module));
      assert.equal(f.length, 1, module);
      assert.equal(f[0].severity, 'information');
      assert.match(f[0].message, /^`\.github\/workflows\/docker\.yml:34` builds this Dockerfile for linux\/amd64, linux\/arm64, and this stage compiles Go/);
    }
    // The platforms as a key of the matrix itself, block lists, and a flow-map include entry.
    assert.equal(find(builder('scheduler'), 'GD113', tree(workflow(['        module:', '          - scheduler', '        platforms: ["linux/amd64,linux/arm64"]']))).length, 1);
    assert.equal(find(builder('scheduler'), 'GD113', tree(workflow(['        include:', '          - {module: scheduler, platforms: "linux/amd64,linux/arm64"}']))).length, 1);
  });

  // sqldef/sqldef 29164effe8e11e583aec6b439cd3ec7434c8e289 (MIT) .github/workflows/docker.yml:22-61: a
  // `cmd:` matrix of four tools that differ in `build-args: SQLDEF_TOOL=${{ matrix.cmd }}` only.
  it('names a step read once per combination as one place (sqldef: the matrix differs in build-args only)', () => {
    const wf = workflow(['        cmd: [mysqldef, sqlite3def, mssqldef, psqldef]'], 'build/images/scheduler/Dockerfile', 'linux/amd64,linux/arm64')
      .replace('GITVERSION=git-${{ steps.vars.outputs.git_revision }}', 'SQLDEF_TOOL=${{ matrix.cmd }}');
    const [f, ...rest] = find(builder('scheduler'), 'GD113', tree(wf));
    assert.deepEqual(rest, []);
    assert.match(f.message, /^`\.github\/workflows\/docker\.yml:29` builds this Dockerfile for linux\/amd64, linux\/arm64, and this stage/);
  });

  it('is silent when the matrix does not spell the values out, excludes the module, or names other Dockerfiles or one platform', () => {
    const silent = (matrix: string[], file?: string, platforms?: string) => assert.deepEqual(find(builder('scheduler'), 'GD113', tree(workflow(matrix, file, platforms))), [], matrix.join(' | '));
    silent(['        module: ${{ fromJSON(needs.setup.outputs.modules) }}', '        include:', '          - module: scheduler', '            platforms: linux/amd64,linux/arm64']);
    silent(["        module: ['manager']", '        include:', '          - module: manager', '            platforms: linux/amd64,linux/arm64']);
    // (An include entry fits no combination left: GitHub adds it back, so exclude only the keys' own combinations.)
    silent(["        module: ['manager', 'scheduler']", '        platforms: ["linux/amd64,linux/arm64"]', '        exclude:', '          - module: scheduler']);
    silent(["        module: ['scheduler']", '        platforms: [linux/amd64]']);
    // The step's key the matrix has no entry for: not read.
    silent(["        module: ['scheduler']"], undefined, '${{ matrix.platform }}');
  });
});

// k8snetworkplumbingwg/whereabouts 3a262bd (Apache-2.0; skeleton) Dockerfile.arm64: a builder
// without `--platform` that sets `ENV GOARCH="arm64"` and builds through hack/build-go.sh
// (`GOARCH=${GOARCH:-${GOHOSTARCH}}`, `CGO_ENABLED=0 GOOS=${GOOS} GOARCH=${GOARCH} ${GO} build …`),
// built by .github/workflows/image-build.yml's `build-arm64` job (`runs-on: ubuntu-latest`,
// `platforms: linux/arm64`): the whole compile runs under QEMU (judge 30 X M5).
describe('GD113: one foreign platform built on an x86-64 runner (whereabouts Dockerfile.arm64)', () => {
  const ARM64 = df([
    'FROM golang:1.25.6 AS builder', 'ADD . /usr/src/whereabouts', '', 'ENV GOARCH="arm64"', 'ENV GOOS="linux"', '',
    'RUN mkdir -p $GOPATH/src/github.com/k8snetworkplumbingwg/whereabouts', 'WORKDIR $GOPATH/src/github.com/k8snetworkplumbingwg/whereabouts', 'COPY . .', 'RUN ./hack/build-go.sh', '',
    'FROM arm64v8/alpine:3.23.4', 'COPY --from=0 /go/src/github.com/k8snetworkplumbingwg/whereabouts/bin/whereabouts .', 'COPY script/install-cni.sh .', 'CMD ["/install-cni.sh"]',
  ]);
  const BUILD_GO = [
    '#!/usr/bin/env bash', 'set -eu', 'cmd=whereabouts', 'eval $(go env | grep -e "GOHOSTOS" -e "GOHOSTARCH")', 'GO=${GO:-go}', 'GOOS=${GOOS:-${GOHOSTOS}}', 'GOARCH=${GOARCH:-${GOHOSTARCH}}',
    'CGO_ENABLED=0 GOOS=${GOOS} GOARCH=${GOARCH} ${GO} build ${GOFLAGS} -ldflags "${GLDFLAGS}" -o bin/${cmd} ./cmd/', '',
  ].join('\n');
  const workflow = (runner = 'ubuntu-latest', platforms = 'linux/arm64') => [
    'name: image-build', 'on: [pull_request]', 'jobs:', '  build-arm64:', '    name: Image build/arm64', `    runs-on: ${runner}`, '    steps:',
    '      - name: Check out code into the Go module directory', '        uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6',
    '      - name: Set up QEMU', '        uses: docker/setup-qemu-action@ce360397dd3f832beb865e1373c09c0e9f86d70a # v4.0.0',
    '      - name: Build container image', '        uses: docker/build-push-action@bcafcacb16a39f128d818304e6c9c0c18556b85f # v7.1.0', '        with:',
    '          context: .', '          push: false', '          tags: ghcr.io/${{ github.repository }}:latest-arm64', '          file: Dockerfile.arm64', `          platforms: ${platforms}`, '',
  ].join('\n');
  const tree = (wf: string, dockerfile = ARM64) => tempWorkspace({
    'go.mod': 'module github.com/k8snetworkplumbingwg/whereabouts\n\ngo 1.25.5\n',
    'cmd/whereabouts.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() { fmt.Fprintln(os.Stderr) }\n',
    'hack/build-go.sh': BUILD_GO,
    'script/install-cni.sh': '#!/bin/sh\n',
    'Dockerfile.arm64': dockerfile,
    '.github/workflows/image-build.yml': wf,
  }, 'Dockerfile.arm64');

  it('reports the builder, naming the workflow line, the platform and the runner, with the fix that only adds --platform=$BUILDPLATFORM', () => {
    const o = tree(workflow());
    const f = find(ARM64, 'GD113', o);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.match(f[0].message, /^`\.github\/workflows\/image-build\.yml:19` builds this Dockerfile for linux\/arm64 on an x86-64 runner \(`runs-on: ubuntu-latest`\), and this stage compiles Go with no `--platform` on its FROM, so it runs as linux\/arm64: the whole Go toolchain runs under QEMU emulation/);
    assert.match(f[0].message, /the stage already sets GOARCH=arm64/);
    const fixed = fix(ARM64, 'GD113', o);
    assert.equal(fixed, ARM64.replace('FROM golang:1.25.6 AS builder', 'FROM --platform=$BUILDPLATFORM golang:1.25.6 AS builder'));
    // Without the ENV, a plain go build: the usual fix (GOOS/GOARCH from the target).
    const plain = df(['FROM golang:1.25.6 AS builder', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/whereabouts ./cmd', 'FROM alpine:3.23', 'COPY --from=builder /out/whereabouts /whereabouts', 'CMD ["/whereabouts"]']);
    const o2 = tree(workflow(), plain);
    assert.equal(find(plain, 'GD113', o2).length, 1);
    assert.match(fix(plain, 'GD113', o2), /^FROM --platform=\$BUILDPLATFORM golang:1\.25\.6 AS builder\nARG TARGETOS TARGETARCH\n/);
  });

  it('is silent on an arm64 runner, for linux/amd64, for a runner it does not know, and with --platform on the FROM', () => {
    for (const wf of [workflow('ubuntu-24.04-arm'), workflow('ubuntu-latest', 'linux/amd64'), workflow('[self-hosted, linux]'), workflow('${{ matrix.os }}')]) {
      assert.deepEqual(find(ARM64, 'GD113', tree(wf)), [], wf.split('\n')[5]);
    }
    const own = ARM64.replace('FROM golang:1.25.6 AS builder', 'FROM --platform=$BUILDPLATFORM golang:1.25.6 AS builder');
    assert.deepEqual(find(own, 'GD113', tree(workflow(), own)), []);
  });
});

// warpstreamlabs/bento 7825c95 (MIT) resources/docker/Dockerfile:1 (judge 30 Y, M2; skeleton in
// kit/makeGo.ts): the arm64 half of the build compiles bento under QEMU; the Makefile's literal
// GOARCH values are in targets `make` does not reach.
describe('GD113: a make run follows its default goal through static pattern and pattern rules (bento)', () => {
  it('bento 7825c95: reported on the builder FROM (the literal GOARCH values are in targets `make` does not reach)', () => {
    const [f] = find(BENTO_DOCKERFILE, 'GD113', bento(BENTO_DOCKERFILE));
    assert.equal(f?.span.start, 0);
    assert.match(f?.message ?? '', /linux\/amd64, linux\/arm64/);
  });

  it('bento: silent when the goal run does reach a literal GOARCH (make serverless; a GOARCH in the pattern rule the goal uses)', () => {
    const serverless = BENTO_DOCKERFILE.replace('RUN make TAGS="timetzdata"', 'RUN make serverless');
    assert.deepEqual(find(serverless, 'GD113', bento(serverless)), []);
    const literal = BENTO_MAKEFILE.replace('\t@go build $(GO_FLAGS)', '\t@GOARCH=amd64 go build $(GO_FLAGS)');
    assert.deepEqual(find(BENTO_DOCKERFILE, 'GD113', bento(BENTO_DOCKERFILE, literal)), []);
  });
});

// Judge 32 Y W1, W5, W6: builders built for linux/amd64 and linux/arm64 by a workflow, whose
// program needs cgo. The advice "(and CGO_ENABLED=0)" breaks them; with cgo on and no xx the
// build is not reported at all (issue 11: on $BUILDPLATFORM the host C compiler would compile
// for the wrong architecture), and with cgo off the advice is a C cross toolchain.
// Skeletons: the Dockerfile, the workflow step that builds it, go.mod's lines that matter, and
// the import blocks of the package chain from main to the cgo module.
describe('GD113: the program needs cgo (herumi BLS, a compiler installed in the same RUN)', () => {
  const repo = (files: Record<string, string>) => tempWorkspace(files, 'Dockerfile');
  const workflow = (platforms: string) => ['name: Build', 'on:', '  push:', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:',
    '      - uses: docker/build-push-action@v5', '        with:', '          context: .', `          platforms: ${platforms}`, '          push: true', ''].join('\n');

  // ObolNetwork/charon e628470 (Business Source License 1.1): Dockerfile:1-30,
  // .github/workflows/build-push-deploy.yml:72-75 (linux/amd64,linux/arm64), go.mod:20
  // (github.com/herumi/bls-eth-go-binary v1.36.4); main.go → … → tbls/herumi.go, which imports
  // github.com/herumi/bls-eth-go-binary/bls (cgo only: no !cgo file); testutil/promrated, one
  // of its other main packages.
  const CHARON = df([
    '# Container for building Go binary.',
    'FROM golang:1.26.6-trixie AS builder',
    '# Install dependencies',
    'RUN apt-get update && apt-get install -y --no-install-recommends build-essential git',
    '',
    '# Prep and copy source',
    'WORKDIR /app/charon',
    '',
    'COPY . .',
    '',
    '# Populate GO_BUILD_FLAG with a build arg to provide an optional go build flag.',
    'ARG GO_BUILD_FLAG',
    'ENV GO_BUILD_FLAG=${GO_BUILD_FLAG}',
    'RUN echo "Building with GO_BUILD_FLAG=\'${GO_BUILD_FLAG}\'"',
    '',
    '# Build with Go module and Go build caches.',
    'RUN \\',
    '  --mount=type=cache,target=/go/pkg \\',
    '  --mount=type=cache,target=/root/.cache/go-build \\',
    '  go build -o charon "${GO_BUILD_FLAG}" .',
    'RUN echo "Built charon version=$(./charon version)"',
    '',
    '# Copy final binary into light stage.',
    'FROM debian:trixie-slim',
    'COPY --from=builder /app/charon/charon /usr/local/bin/',
    'ENTRYPOINT ["/usr/local/bin/charon"]',
  ]);
  const charon = (herumi: boolean) => repo({
    'go.mod': `module github.com/obolnetwork/charon\n\ngo 1.26\n\nrequire (\n\tgithub.com/herumi/bls-eth-go-binary v1.36.4\n\tgithub.com/stretchr/testify v1.11.1\n)\n`,
    'main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/obolnetwork/charon/tbls"\n)\n\nfunc main() { _ = context.Background(); tbls.X(); os.Exit(0) }\n',
    'tbls/herumi.go': herumi
      ? 'package tbls\n\nimport (\n\t"io"\n\t"strconv"\n\t"sync"\n\n\t"github.com/herumi/bls-eth-go-binary/bls"\n)\n\nfunc X() {}\n'
      : 'package tbls\n\nimport (\n\t"io"\n\t"strconv"\n\t"sync"\n)\n\nfunc X() {}\n',
    // Another main package of the module, which needs no cgo: the build's `"${GO_BUILD_FLAG}"`
    // word must not hide that `.` is what it builds.
    'testutil/promrated/main.go': 'package main\n\nimport (\n\t"context"\n)\n\nfunc main() { _ = context.Background() }\n',
    Dockerfile: CHARON,
    '.github/workflows/build-push-deploy.yml': workflow('linux/amd64,linux/arm64'),
  });

  it('charon e628470: silent, the build compiles herumi\'s BLS library with the builder\'s gcc (cgo on, no xx)', () => {
    assert.deepEqual(find(CHARON, 'GD113', charon(true)), []);
  });

  it('charon without the herumi import: reported, with the CGO_ENABLED=0 advice', () => {
    const [f] = find(CHARON, 'GD113', charon(false));
    assert.match(f?.message ?? '', /builds this Dockerfile for linux\/amd64, linux\/arm64/);
    assert.match(f?.message ?? '', /\(and CGO_ENABLED=0\)/);
  });

  // wealdtech/ethdo ae1b9af (Apache-2.0): Dockerfile:1-11 with the build given CGO_ENABLED=0 (the
  // repository's `RUN go build` has cgo on, and is silent), .github/workflows/docker.yml:38-41
  // (linux/amd64,linux/arm64/v8), go.mod:13, util/bls.go's import of herumi's bls package.
  const ETHDO = (build: string) => df([
    'FROM golang:1.23-bookworm AS builder',
    '',
    'WORKDIR /app',
    '',
    'COPY go.mod go.sum ./',
    '',
    'RUN go mod download',
    '',
    'COPY . .',
    '',
    `RUN ${build}`,
    '',
    'FROM debian:bookworm-slim',
    'WORKDIR /app',
    'COPY --from=builder /app/ethdo /app',
    'ENTRYPOINT ["/app/ethdo"]',
  ]);
  const ethdo = (text: string) => repo({
    'go.mod': 'module github.com/wealdtech/ethdo\n\ngo 1.23.0\n\ntoolchain go1.23.2\n\nrequire (\n\tgithub.com/herumi/bls-eth-go-binary v1.36.4\n\tgithub.com/spf13/cobra v1.8.1\n)\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"github.com/wealdtech/ethdo/cmd"\n)\n\nfunc main() { cmd.Execute() }\n',
    'cmd/root.go': 'package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n\t"github.com/wealdtech/ethdo/util"\n)\n\nfunc Execute() { _ = cobra.Command{}; util.X() }\n',
    'util/bls.go': 'package util\n\nimport (\n\t"github.com/herumi/bls-eth-go-binary/bls"\n)\n\nfunc X() {}\n',
    Dockerfile: text,
    '.github/workflows/docker.yml': workflow('linux/amd64,linux/arm64/v8'),
  });

  it('ethdo ae1b9af: silent as it is (go build with the bookworm builder\'s gcc)', () => {
    const text = ETHDO('go build');
    assert.deepEqual(find(text, 'GD113', ethdo(text)), []);
  });

  it('ethdo with CGO_ENABLED=0: the advice is a C cross toolchain (xx), not CGO_ENABLED=0, and there is no fix', () => {
    const text = ETHDO('CGO_ENABLED=0 go build');
    const [f] = find(text, 'GD113', ethdo(text));
    assert.match(f?.message ?? '', /cross-compile with `GOOS=\$TARGETOS GOARCH=\$TARGETARCH` and a C cross toolchain, not CGO_ENABLED=0: the program needs cgo \(util imports github\.com\/herumi\/bls-eth-go-binary\/bls \(the herumi BLS library\)\)/);
    assert.match(f?.message ?? '', /xx-go build/);
    assert.doesNotMatch(f?.message ?? '', /\(and CGO_ENABLED=0\)/);
    assert.equal(f?.fix, undefined);
    // GD103 reports the build itself.
    assert.equal(find(text, 'GD103', ethdo(text)).length, 1);
  });

  // pushbits/server fdf5fbd (ISC): Dockerfile:1-19 and :32 (the CLI download left out),
  // Makefile:9-11, .github/workflows/publish.yml:67-76 (linux/amd64,linux/arm64); go.mod requires
  // gorm.io/driver/sqlite (go-sqlite3: cgo). The C compiler comes in the RUN that runs make.
  const PUSHBITS = (apk: string) => df([
    'FROM docker.io/library/golang:alpine as builder',
    '',
    'WORKDIR /build',
    '',
    'COPY . .',
    '',
    'RUN set -ex \\',
    `\t&& apk add --no-cache ${apk} \\`,
    '\t&& go mod download \\',
    '\t&& go mod verify \\',
    '\t&& make build \\',
    '\t&& chmod +x /build/out/pushbits',
    '',
    'FROM docker.io/library/alpine',
    'WORKDIR /app',
    'COPY --from=builder /build/out/pushbits ./run',
    'ENTRYPOINT ["./run"]',
  ]);
  const pushbits = (text: string) => repo({
    'go.mod': 'module github.com/pushbits/server\n\ngo 1.24\n\nrequire (\n\tgorm.io/driver/sqlite v1.5.7\n\tgorm.io/gorm v1.25.12\n)\n\nrequire github.com/mattn/go-sqlite3 v1.14.28 // indirect\n',
    'go.sum': '',
    Makefile: 'OUT_DIR := ./out\n\n.PHONY: build\nbuild:\n\tmkdir -p $(OUT_DIR)\n\tgo build -ldflags="-w -s" -o $(OUT_DIR)/pushbits ./cmd/pushbits\n',
    'cmd/pushbits/main.go': 'package main\n\nimport (\n\t"github.com/pushbits/server/internal/database"\n)\n\nfunc main() { database.X() }\n',
    'internal/database/database.go': 'package database\n\nimport (\n\t"gorm.io/driver/sqlite"\n\t"gorm.io/gorm"\n)\n\nfunc X() {}\n',
    Dockerfile: text,
    '.github/workflows/publish.yml': workflow('linux/amd64,linux/arm64'),
  });

  it('pushbits fdf5fbd: silent, `apk add build-base` earlier in the same RUN gives make\'s go build a C compiler', () => {
    const text = PUSHBITS('build-base ca-certificates curl');
    assert.deepEqual(find(text, 'GD113', pushbits(text)), []);
  });

  it('pushbits without build-base: no C compiler, cgo off, reported', () => {
    const text = PUSHBITS('ca-certificates curl');
    assert.equal(find(text, 'GD113', pushbits(text)).length, 1);
  });
});

// ankitpokhrel/jira-cli 1f3b2eff05028e90f5280915ca1bdb3c72f48969 (MIT): Dockerfile:5-26,
// Makefile:29-42 (`install:` is `go install -ldflags='$(LDFLAGS)' ./...`) and
// .github/workflows/docker.yml:53 (linux/amd64, linux/arm64, linux/arm/v6, linux/arm/v7,
// linux/arm/v8). Judge Y round 35 W1: the advice (cross-compile on $BUILDPLATFORM) sends the
// install to /go/bin/linux_<arch>/, where `COPY --from=builder /go/bin/jira` finds nothing, and
// named no GOARM, so the arm/v6 image would get a GOARM=7 binary (Go's cross default since 1.21).
describe('GD113: a go install (through make) and the 32-bit ARM platforms (ankitpokhrel/jira-cli)', () => {
  const JIRA = df([
    '# Usage:',
    '#   $ docker build -t jira-cli:latest .',
    '#   $ docker run --rm -it -v ~/.netrc:/root/.netrc -v ~/.config/.jira:/root/.config/.jira jira-cli',
    '',
    'FROM golang:1.26-alpine3.24 AS builder',
    '',
    'ENV CGO_ENABLED=0',
    'ENV GOOS=linux',
    '',
    'WORKDIR /app',
    '',
    'COPY . .',
    '',
    'RUN set -eux; \\',
    '    env ; \\',
    '    ls -la ; \\',
    '    apk add -U --no-cache make git ; \\',
    '    make deps install',
    '',
    'FROM alpine:3.24',
    '',
    'RUN apk --no-cache add ca-certificates',
    '',
    'WORKDIR /root/',
    '',
    'COPY --from=builder /go/bin/jira /bin/jira',
    '',
    'ENTRYPOINT ["/bin/sh"]',
  ]);
  const MAKEFILE = [
    '.PHONY: all deps build install lint test ci jira.server clean distclean',
    '',
    'VERSION_PKG = github.com/ankitpokhrel/jira-cli/internal/version',
    'export LDFLAGS += -X $(VERSION_PKG).Version=$(VERSION)',
    'export LDFLAGS += -s',
    'export LDFLAGS += -w',
    '',
    'export CGO_ENABLED ?= 0',
    'export GOCACHE ?= $(CURDIR)/.gocache',
    '',
    'all: build',
    '',
    'deps:',
    '\tgo mod vendor -v',
    '',
    'build: deps',
    "\tgo build -ldflags='$(LDFLAGS)' ./...",
    '',
    'install:',
    "\tgo install -ldflags='$(LDFLAGS)' ./...",
    '',
  ].join('\n');
  const workflow = (platforms: string) => ['name: Publish a Docker image', 'on:', '  workflow_dispatch:', 'jobs:', '  docker-image:', '    runs-on: ubuntu-latest', '    steps:',
    '      - name: Checkout repository', '        uses: actions/checkout@v4', '      - name: Set up QEMU', '        uses: docker/setup-qemu-action@v3',
    '      - name: Build and push Docker image', '        uses: docker/build-push-action@v5', '        with:', '          context: .', '          file: ./Dockerfile', '          push: true',
    `          platforms: ${platforms}`, ''].join('\n');
  const ALL = 'linux/amd64,linux/arm64,linux/arm/v6,linux/arm/v7,linux/arm/v8';
  const repo = (text: string, make = MAKEFILE, platforms = ALL) => tempWorkspace({
    'go.mod': 'module github.com/ankitpokhrel/jira-cli\n\ngo 1.26.0\n',
    'cmd/jira/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/ankitpokhrel/jira-cli/internal/cmd/root"\n)\n\nfunc main() {}\n',
    Makefile: make, Dockerfile: text, '.github/workflows/docker.yml': workflow(platforms),
  }, 'Dockerfile');

  it('says the make install would move out of /go/bin (naming the COPY), and how to set GOARM for each ARM platform; no fix', () => {
    const [f, ...rest] = find(JIRA, 'GD113', repo(JIRA));
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'information');
    assert.match(f.message, /The stage's `make deps install` \(its Makefile runs `go install`\) would then write its binaries to `\/go\/bin\/<os>_<arch>\/` for every platform but the build machine's, not to \/go\/bin, where line 26 \(`COPY --from=builder \/go\/bin\/jira \/bin\/jira`\) takes them from: build them with `go build -o \/go\/bin\/ …` instead/);
    // linux/arm/v8 would make `${TARGETVARIANT#v}` GOARM=8, which Go rejects: each platform's value instead.
    assert.match(f.message, /For linux\/arm\/v6, linux\/arm\/v7, linux\/arm\/v8 also set GOARM from the target's variant: GOARM=6 for linux\/arm\/v6, GOARM=7 for linux\/arm\/v7, GOARM=7 for linux\/arm\/v8 \(GOARM stops at 7\)/);
    assert.match(f.message, /a GOARM=7 binary does not run on linux\/arm\/v6\./);
    assert.doesNotMatch(f.message, /TARGETVARIANT#v/);
    assert.equal(f.fix, undefined);
  });

  it('the ${TARGETVARIANT#v} form where every platform\'s variant is a GOARM; no ARM note without a 32-bit ARM platform', () => {
    const [v6] = find(JIRA, 'GD113', repo(JIRA, MAKEFILE, 'linux/amd64,linux/arm64,linux/arm/v6'));
    assert.match(v6.message, /For linux\/arm\/v6 also set GOARM from the target's variant: `GOARM=\$\{TARGETVARIANT#v\}` \(with `ARG TARGETVARIANT`\)/);
    const [none] = find(JIRA, 'GD113', repo(JIRA, MAKEFILE, 'linux/amd64,linux/arm64'));
    assert.doesNotMatch(none.message, /GOARM/);
    // GOARM set by the Dockerfile already: nothing to add.
    const set = JIRA.replace('ENV GOOS=linux', 'ENV GOOS=linux\nENV GOARM=6');
    assert.doesNotMatch(find(set, 'GD113', repo(set))[0].message, /GOARM/);
  });

  it('no install note when the recipe builds (`go build -o`) or installs only a tool@version; a direct go install names the COPY too', () => {
    const built = JIRA.replace('make deps install', 'make deps build');
    assert.doesNotMatch(find(built, 'GD113', repo(built))[0].message, /go install/);
    const tool = MAKEFILE.replace("\tgo install -ldflags='$(LDFLAGS)' ./...", '\tgo install golang.org/x/tools/cmd/stringer@v0.30.0');
    assert.doesNotMatch(find(JIRA, 'GD113', repo(JIRA, tool))[0].message, /go install/);
    const direct = JIRA.replace('make deps install', "go install -ldflags='-s -w' ./...");
    const [d] = find(direct, 'GD113', repo(direct));
    assert.match(d.message, /The stage's `go install` would then write its binaries to `\/go\/bin\/<os>_<arch>\/` .* line 26 \(`COPY --from=builder \/go\/bin\/jira \/bin\/jira`\)/);
    assert.equal(d.fix, undefined);
  });

  it('the fix writes GOARM=${TARGETVARIANT#v} (and ARG TARGETVARIANT) for a go build with linux/arm/v6 among the platforms; none where a variant is no GOARM', () => {
    const plain = df(['FROM golang:1.26-alpine3.24 AS builder', 'ENV CGO_ENABLED=0', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /out/jira ./cmd/jira', 'FROM alpine:3.24', 'COPY --from=builder /out/jira /bin/jira', 'ENTRYPOINT ["/bin/jira"]']);
    const o = repo(plain, MAKEFILE, 'linux/amd64,linux/arm64,linux/arm/v6,linux/arm/v7');
    const fixed = fix(plain, 'GD113', o);
    assert.ok(fixed.startsWith('FROM --platform=$BUILDPLATFORM golang:1.26-alpine3.24 AS builder\nARG TARGETOS TARGETARCH TARGETVARIANT\n'), fixed);
    assert.ok(fixed.includes('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH GOARM=${TARGETVARIANT#v} go build -o /out/jira ./cmd/jira\n'), fixed);
    // GOARCH from the target already: the fix adds GOARM alone.
    const own = plain.replace('RUN go build', 'ARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build');
    assert.ok(fix(own, 'GD113', repo(own, MAKEFILE, 'linux/amd64,linux/arm/v6')).includes('RUN GOOS=$TARGETOS GOARCH=$TARGETARCH GOARM=${TARGETVARIANT#v} go build'));
    for (const platforms of [ALL, 'linux/amd64/v3,linux/arm/v7']) {
      const [f] = find(plain, 'GD113', repo(plain, MAKEFILE, platforms));
      assert.equal(f.fix, undefined, platforms);
      assert.doesNotMatch(f.message, /TARGETVARIANT#v/, platforms);
    }
  });
});

// Judge 37 Y W1: haproxytech/kubernetes-ingress fc12067 (Apache-2.0) build/Dockerfile:40-55, built
// for `DOCKER_PLATFORMS: linux/amd64,linux/arm/v6,linux/arm/v7,linux/arm64`
// (.github/workflows/docker_auto_release.yml:13, used at :71). Cross-compiling with GOOS/GOARCH
// alone gives GOARM=7 (Go 1.21 and later), which linux/arm/v6 boards cannot run: the advice names
// GOARM from TARGETVARIANT for arm/v6 and arm/v7. Skeleton: the workflow's lines that matter,
// go.mod's first lines, a main package, the builder stage and a final stage copying its binary.
describe('GD113: linux/arm/v6 among the platforms (haproxytech/kubernetes-ingress)', () => {
  const DOCKERFILE = df([
    'FROM golang:1.26-alpine AS builder',
    'ENV GOTOOLCHAIN=auto',
    'RUN apk --no-cache add git openssh',
    '',
    'COPY /go.mod /src/go.mod',
    'COPY /go.sum /src/go.sum',
    'RUN cd /src && go mod download',
    '',
    'COPY / /src',
    '',
    'RUN mkdir -p /var/run/vars && \\',
    '    cd /src && \\',
    '    git describe --abbrev=0 --tags > /var/run/vars/GIT_LAST_TAG || echo "dev" > /var/run/vars/GIT_LAST_TAG && \\',
    '    CGO_ENABLED=0 go build \\',
    '        -ldflags "-X github.com/haproxytech/kubernetes-ingress/pkg/version.GitTag=$(cat /var/run/vars/GIT_LAST_TAG)" \\',
    '        -o fs/haproxy-ingress-controller .',
    '',
    'FROM haproxytech/haproxy-alpine:3.2',
    'COPY --from=builder /src/fs/haproxy-ingress-controller /haproxy-ingress-controller',
    'ENTRYPOINT ["/haproxy-ingress-controller"]',
  ]);
  const WORKFLOW = [
    'name: Docker Image CI',
    'on:',
    '  push:',
    '    tags:',
    '      - "v*"',
    'jobs:',
    '  docker_build:',
    '    runs-on: ubuntu-latest',
    '    env:',
    '      DOCKER_PLATFORMS: linux/amd64,linux/arm/v6,linux/arm/v7,linux/arm64',
    '    steps:',
    '      - name: Build and push latest',
    '        uses: docker/build-push-action@v2',
    '        with:',
    '          context: .',
    '          file: build/Dockerfile',
    '          platforms: ${{ env.DOCKER_PLATFORMS }}',
    '          push: true',
    '',
  ].join('\n');
  const o = () => tempWorkspace({
    'go.mod': 'module github.com/haproxytech/kubernetes-ingress\n\ngo 1.25.0\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() { fmt.Fprintln(os.Stderr, "controller") }\n',
    'build/Dockerfile': DOCKERFILE,
    '.github/workflows/docker_auto_release.yml': WORKFLOW,
  }, 'build/Dockerfile');

  it('the advice sets GOARM from TARGETVARIANT for linux/arm/v6 and linux/arm/v7', () => {
    const [f, ...rest] = find(DOCKERFILE, 'GD113', o());
    assert.equal(rest.length, 0);
    assert.equal(DOCKERFILE.slice(f.span.start, f.span.end), 'FROM golang:1.26-alpine AS builder');
    assert.match(f.message, /builds this Dockerfile for linux\/amd64, linux\/arm\/v6, linux\/arm\/v7, linux\/arm64/);
    assert.match(f.message, /For linux\/arm\/v6, linux\/arm\/v7 also set GOARM from the target's variant: `GOARM=\$\{TARGETVARIANT#v\}` \(with `ARG TARGETVARIANT`\)/);
    assert.match(f.message, /a GOARM=7 binary does not run on linux\/arm\/v6/);
  });
});

// akhilrex/podgrab 44e2b1c207288bb8a84ecb64424e0a501fa02510 (GPL-3.0): Dockerfile:1-15,
// .github/workflows/hub.yml:44-48 (linux/amd64,linux/arm64,linux/arm/v6,linux/arm/v7), db/db.go:9,23
// (`gorm.Open(sqlite.Open(dbPath), …)` of gorm.io/driver/sqlite, which imports
// github.com/mattn/go-sqlite3: cgo), go.sum holding go-sqlite3's code. Judge 40 X W11 (and W12,
// akhilrex/hammond 84cba2c Dockerfile:2, the same driver in server/db/db.go): the advice was to
// cross-compile with CGO_ENABLED=0, which compiles go-sqlite3's stub ("Binary was compiled with
// 'CGO_ENABLED=0', go-sqlite3 requires cgo to work" at start). The builder installs alpine-sdk
// (gcc), so cgo is on and emulation is what makes the build work: silent, as for a direct import.
describe('GD113: cgo through gorm\'s sqlite driver (akhilrex/podgrab)', () => {
  const PODGRAB = (apk: string) => df([
    'ARG GO_VERSION=1.15.2',
    '',
    'FROM golang:${GO_VERSION}-alpine AS builder',
    '',
    `RUN apk update && apk add ${apk} && rm -rf /var/cache/apk/*`,
    '',
    'RUN mkdir -p /api',
    'WORKDIR /api',
    '',
    'COPY go.mod .',
    'COPY go.sum .',
    'RUN go mod download',
    '',
    'COPY . .',
    'RUN go build -o ./app ./main.go',
    '',
    'FROM alpine:latest',
    'COPY --from=builder /api/app .',
    'ENTRYPOINT ["./app"]',
  ]);
  const WORKFLOW = ['name: Docker Image', 'on:', '  push:', '    branches: [master]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:',
    '      - name: Build and push', '        uses: docker/build-push-action@v2', '        with:', '          context: .', '          file: ./Dockerfile',
    '          platforms: linux/amd64,linux/arm64,linux/arm/v6,linux/arm/v7', '          push: true', ''].join('\n');
  const SQLITE_SUM = 'github.com/mattn/go-sqlite3 v1.14.3 h1:j7a/xn1U6TKA/PHHxqZuzh64CdtRc7rU9M+AvkOl5bA=\ngithub.com/mattn/go-sqlite3 v1.14.3/go.mod h1:WVKg1VTActs4Qso6iwGbiFih2UIHo0ENGwNd0Lj+XmI=\n';
  const SQLITE_MOD_ONLY = 'github.com/mattn/go-sqlite3 v1.14.3/go.mod h1:WVKg1VTActs4Qso6iwGbiFih2UIHo0ENGwNd0Lj+XmI=\n';
  const podgrab = (text: string, goSum = SQLITE_SUM, driver = 'gorm.io/driver/sqlite') => tempWorkspace({
    'go.mod': 'module github.com/akhilrex/podgrab\n\ngo 1.15\n\nrequire (\n\tgorm.io/driver/sqlite v1.1.3\n\tgorm.io/gorm v1.20.2\n)\n',
    'go.sum': goSum,
    'main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/akhilrex/podgrab/db"\n)\n\nfunc main() { fmt.Println(db.Init()) }\n',
    'db/db.go': `package db\n\nimport (\n\t"fmt"\n\t"log"\n\t"os"\n\t"path"\n\n\t"${driver}"\n\n\t"gorm.io/gorm"\n)\n`,
    Dockerfile: text,
    '.github/workflows/hub.yml': WORKFLOW,
  }, 'Dockerfile');

  it('silent: the builder has gcc (alpine-sdk) and the program needs cgo through gorm.io/driver/sqlite', () => {
    const text = PODGRAB('alpine-sdk git');
    assert.deepEqual(find(text, 'GD113', podgrab(text)), []);
  });

  it('without a C compiler: reported, with a C cross toolchain instead of CGO_ENABLED=0', () => {
    const text = PODGRAB('git');
    const [f, ...rest] = find(text, 'GD113', podgrab(text));
    assert.equal(rest.length, 0, 'one finding');
    assert.match(f?.message ?? '', /a C cross toolchain, not CGO_ENABLED=0: the program needs cgo \(db imports gorm\.io\/driver\/sqlite, which imports github\.com\/mattn\/go-sqlite3 \(SQLite\)\)/);
    assert.doesNotMatch(f?.message ?? '', /\(and CGO_ENABLED=0\)/);
    assert.equal(f?.fix, undefined);
  });

  it('go.sum with only go-sqlite3\'s go.mod hash (its code never built), or a pure-Go driver: the CGO_ENABLED=0 advice stays', () => {
    const text = PODGRAB('alpine-sdk git');
    assert.match(find(text, 'GD113', podgrab(text, SQLITE_MOD_ONLY))[0]?.message ?? '', /\(and CGO_ENABLED=0\)/);
    assert.match(find(text, 'GD113', podgrab(text, '', 'github.com/glebarez/sqlite'))[0]?.message ?? '', /\(and CGO_ENABLED=0\)/);
  });
});
