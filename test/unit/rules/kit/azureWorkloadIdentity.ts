// Azure/azure-workload-identity 04d01a2fc7f5024290a38f6ccaf69561cf70455d (MIT) docker/webhook.Dockerfile:1-28
// (also docker/proxy.Dockerfile:19, examples/msal-go/Dockerfile:17,
// examples/custom-token-endpoint-msal-go/Dockerfile:17, the same build) on the Microsoft build of
// Go's image, whose default GOCACHE is os.UserCacheDir()/ms-go-build since Go 1.26 (microsoft/go
// PR #1998, docs/go1.26.md; go-images' Dockerfiles set no GOCACHE). Judge 42 Y W2–W5, F1.
// Shared by the GD107 and GD302 tests and the layer estimate's.
import { df } from '../../helpers';

/** The Microsoft build of Go's image repository. */
export const MS = 'mcr.microsoft.com/oss/go/microsoft/golang';

/**
 * webhook.Dockerfile on `${MS}:${tag}` (or `tag` itself when it starts with `golang:`), with the
 * go build's RUN (line 20) starting `run` (e.g. `RUN --mount=…`) and `env` lines after WORKDIR.
 */
export function webhook(tag = '1.26.4-bookworm@sha256:e1475da3b0412109e79396c15381dd7fd621198161c8ef426b21ae0ea65db838', run = 'RUN', env: string[] = [], eol = '\n'): string {
  return df([
    '# Build the manager binary',
    `FROM --platform=$BUILDPLATFORM ${tag.startsWith('golang:') ? tag : `${MS}:${tag}`} as builder`,
    '',
    'ARG LDFLAGS',
    '',
    'WORKDIR /workspace',
    ...env,
    '# Copy the Go Modules manifests',
    'COPY go.mod go.mod',
    'COPY go.sum go.sum',
    '# cache deps before building and copying source so that we don\'t need to re-download as much',
    '# and so that source changes don\'t invalidate our downloaded layer',
    'RUN go mod download',
    '',
    '# Copy the go source',
    'COPY cmd/webhook/main.go main.go',
    'COPY pkg/ pkg/',
    '',
    '# Build',
    'ARG TARGETARCH',
    `${run} MS_GO_NOSYSTEMCRYPTO=1 CGO_ENABLED=0 GOOS=linux GOARCH=\${TARGETARCH} GO111MODULE=on go build -a -ldflags "\${LDFLAGS:--X github.com/Azure/azure-workload-identity/pkg/version.BuildVersion=latest}" -o manager main.go`,
    '',
    'FROM --platform=${TARGETPLATFORM:-linux/amd64} mcr.microsoft.com/cbl-mariner/distroless/minimal:2.0-nonroot',
    'WORKDIR /',
    'COPY --from=builder /workspace/manager .',
    '# Kubernetes runAsNonRoot requires USER to be numeric',
    'USER 65532:65532',
    '',
    'ENTRYPOINT ["/manager"]',
  ], eol);
}
