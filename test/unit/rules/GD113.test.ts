import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, fix } from './kit/gobuild';

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
});
