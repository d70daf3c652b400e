import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { df } from '../../helpers';
import { load, tmpCopy, write } from './context';

/**
 * Images that run the Go toolchain when the container starts, through a script from the build
 * context (facts/goAtStart.ts): the skeletons of the two real ones (round-12 judgement) and their
 * variants. Each gives the Dockerfile text and the analysis options of its context.
 */

/** A context with these files, as the CLI and the editor load it. */
export function contextWith(files: Record<string, string>): AnalyzeOptions {
  const root = tmpCopy(null);
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  const ws = load(root);
  return { workspace: ws.model, files: ws };
}

// statping-ng/statping-ng ad39c6523da055360f71f879a6b8824743484d92 (GPL-3.0) dev/Dockerfile.dev,
// dev/dev-env.sh, dev/modd.conf, go.mod (context: the repository root, `docker build -f
// dev/Dockerfile.dev .`): a live-reload dev image. CMD runs the script that `COPY . .` put in
// the WORKDIR; it starts modd, whose config runs `go build` on every change.
export const STATPING_DOCKERFILE = (cmd = 'CMD dev/dev-env.sh') => df([
  'FROM golang:1.13.5-alpine',
  'ARG VERSION',
  'RUN apk add --update --no-cache libstdc++ gcc g++ make git ca-certificates linux-headers wget curl jq libsass nodejs nodejs-npm',
  'WORKDIR /go/src/github.com/statping/statping',
  'ADD go.mod go.sum version.txt ./',
  'RUN go mod download',
  'RUN go get github.com/stretchr/testify/... && \\',
  '\tgo get github.com/GeertJohan/go.rice/rice && \\',
  '\tgo get github.com/cortesi/modd/cmd/modd',
  'ADD frontend/package.json frontend/yarn.lock ./frontend/',
  'ENV IS_DOCKER=true',
  'EXPOSE 8585',
  'COPY . .',
  cmd,
]);

export const STATPING_FILES: Record<string, string> = {
  'go.mod': 'module github.com/statping-ng/statping-ng\n\ngo 1.19\n',
  'go.sum': '',
  'version.txt': '0.90.80\n',
  'cmd/main.go': 'package main\n\nfunc main() {}\n',
  'dev/dev-env.sh': [
    '#!/usr/bin/env sh', '', 'echo "Starting!"', '', 'cd frontend && yarn serve &', '',
    'echo "Now serving Vue, lets build the golang backend now..."', '', 'modd -f dev/modd.conf', '',
  ].join('\n'),
  'dev/modd.conf': '**/*.go {\n  prep: go build -o statping ./cmd\n  daemon: ./statping --port=8585\n}\n',
};

// Forceu/Gokapi cc3ea46d5d90c5831d7a5569b623ed2a5c4819d5 (AGPL-3.0) build/Dockerfile and
// build/entrypoint.sh (context: build/, `cd build; docker build .`): a builder image. The
// download bakes the modules into the image; the ENTRYPOINT script runs `go generate` and
// cross-compiles a checkout mounted at run time. (build/go.mod, copied by line 14, was deleted
// in 9eb8a88; before that it was the module's go.mod.)
export const GOKAPI_DOCKERFILE = (entry = 'ENTRYPOINT ["/entrypoint.sh"]', copy = 'COPY entrypoint.sh /entrypoint.sh') => df([
  'FROM golang:1.26.1-bookworm',
  'RUN \\',
  '  apt-get update && \\',
  '  apt-get install -y ca-certificates openssl zip && \\',
  '  update-ca-certificates && \\',
  '  rm -rf /var/lib/apt',
  'COPY go.mod /tmp/tmp/go.mod',
  'RUN cd /tmp/tmp/ && go mod download && rm -r /tmp/tmp',
  copy,
  entry,
]);

export const GOKAPI_FILES: Record<string, string> = {
  'go.mod': 'module github.com/forceu/gokapi\n\ngo 1.25.0\n',
  'entrypoint.sh': [
    '#!/bin/bash', '', 'set -e', '',
    'targets=${@-"darwin/amd64 darwin/arm64 linux/amd64 linux/386 linux/arm linux/arm64 linux/riscv64 windows/amd64 windows/arm64"}', '',
    'cd /src/gokapi', 'go generate ./...', '',
    'for target in $targets; do',
    '\tos="$(echo $target | cut -d \'/\' -f1)"',
    '\tarch="$(echo $target | cut -d \'/\' -f2)"',
    '\toutput="build/gokapi"',
    '\tGOOS=$os GOARCH=$arch CGO_ENABLED=0 go build -ldflags="-s -w" -o $output github.com/forceu/gokapi/cmd/gokapi',
    'done', '',
  ].join('\n'),
};

/** A start script that runs no go: it starts the binary the image built. */
export const PLAIN_ENTRYPOINT = '#!/bin/sh\nset -e\nmkdir -p /data\nexec /app/server "$@"\n';

// kiali/kiali d733a096e02eea357a274edcbbde8314e80786f4 (Apache-2.0) tests/integration/Dockerfile,
// tests/integration/run-tests.sh, Makefile (its includes), make/Makefile.build.mk (context: the
// repository root, make/Makefile.container.mk `docker build -f tests/integration/Dockerfile .`):
// the image the integration tests run in. Its download ships the modules on purpose (the comment
// of line 26); the CMD runs run-tests.sh through `bash -c`, which runs `make test-integration`,
// whose target (in the included make/Makefile.build.mk) runs `${GO} test`. Judge 30 X, W5.
export const KIALI_DOCKERFILE = (cmd = 'CMD ["/bin/bash", "-c", "tests/integration/run-tests.sh"]') => df([
  'FROM registry.access.redhat.com/ubi9/ubi-minimal:latest',
  '',
  'ARG GO_VERSION',
  'ENV GOPATH=/go',
  'ENV PATH=/usr/local/go/bin:$GOPATH/bin:$PATH',
  'ENV HOME=$GOPATH/src/kiali',
  '',
  'WORKDIR /bin',
  'RUN microdnf install -y --nodocs tar gzip make which gettext git findutils\\',
  '    && curl -Lo ./golang.tar.gz https://go.dev/dl/go$GO_VERSION.linux-amd64.tar.gz \\',
  '    && tar -xf golang.tar.gz -C /usr/local \\',
  '    && rm -f golang.tar.gz \\',
  '    && microdnf clean all -y \\',
  '    && mkdir -p "$GOPATH/src/kiali" "$GOPATH/bin"',
  '',
  'COPY . $GOPATH/src/kiali',
  '',
  'WORKDIR "$GOPATH/src/kiali"',
  '',
  '# install packages now so we don\'t have to do it every time we start the container',
  '# Set required permissions for OpenShift usage',
  'RUN go mod download \\',
  '    && chgrp -R 0 $GOPATH \\',
  '    && chmod -R g=u $GOPATH',
  '',
  cmd,
]);

export const KIALI_FILES: Record<string, string> = {
  'go.mod': 'module github.com/kiali/kiali\n\ngo 1.26.3\n',
  'go.sum': '',
  '.dockerignore': '_output\noperator\ndeploy\nfrontend/node_modules\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'tests/integration/run-tests.sh': [
    '#!/bin/bash', '', 'set -o nounset', 'set -o errexit', 'set -o pipefail', '',
    'oc login --token=${TOKEN} --server=${OCP_API_URL} --insecure-skip-tls-verify',
    'make test-integration -e URL="https://$(oc get route -n istio-system kiali -o \'jsonpath={.spec.host}\')"',
    'cat tests/integration/junit-rest-report.xml', '',
  ].join('\n'),
  'Makefile': [
    'SHELL=/bin/bash', 'ROOTDIR=$(CURDIR)', 'GO ?= go', '', '.PHONY: help', 'help: Makefile', '\t@sed -n \'s/^##//p\' $<', '',
    'include make/Makefile.build.mk', 'include make/Makefile.container.mk', '',
  ].join('\n'),
  'make/Makefile.build.mk': [
    '## test-integration-setup: Setup go library for converting test result into junit xml',
    'test-integration-setup:', '\t@echo Setting up Integration tests', '\tgo install github.com/jstemmer/go-junit-report@latest', '',
    '## test-integration: Run Integration test suite',
    'test-integration: test-integration-setup', '\t@echo Running Integration tests',
    '\tcd tests/integration/tests && ${GO} test ${GO_TEST_FLAGS} -v -timeout 30m 2>&1 | tee >(go-junit-report > ../junit-rest-report.xml) ../int-test.log', '',
  ].join('\n'),
  'make/Makefile.container.mk': 'container-build-int-tests:\n\t@${DORP} build --build-arg GO_VERSION=${GO_VERSION_KIALI} -f tests/integration/Dockerfile .\n',
};

// loft-sh/vcluster 487667546c580898947f95a8219dc6cb248f7b7e (Apache-2.0) Dockerfile (context: the
// repository root, vendored). devspace.yaml:15-19 builds it with `target: builder`: that stage is
// the development image (`go run` at start, dlv, kubectl, a warm GOCACHE); the alpine stage, the
// default target, copies /vcluster out of it. Lines 2-51 and 54-67, the curl installs of kubectl
// and helm (11-15) left out.
export const VCLUSTER_DOCKERFILE = (entrypoint = 'ENTRYPOINT ["go", "run", "-mod", "vendor", "cmd/vcluster/main.go", "start"]') => df([
  'FROM golang:1.26 AS builder',
  'WORKDIR /vcluster-dev',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  'ARG BUILD_VERSION=dev',
  'RUN if [ "${TARGETARCH}" = "amd64" ] || [ "${TARGETARCH}" = "arm64" ]; then go install github.com/go-delve/delve/cmd/dlv@latest; fi',
  'COPY go.mod go.mod',
  'COPY go.sum go.sum',
  'COPY vendor/ vendor/',
  'COPY cmd/vcluster cmd/vcluster',
  'COPY pkg/ pkg/',
  'ENV GO111MODULE=on',
  'ENV DEBUG=true',
  '# create and set GOCACHE now, this should slightly speed up the first build inside of the container',
  'RUN mkdir -p /.cache /.config',
  'ENV GOCACHE=/.cache',
  'ENV GOENV=/.config',
  'ENV HOME=/',
  'RUN --mount=type=cache,id=gomod,target=/go/pkg/mod \\',
  '\t--mount=type=cache,id=gobuild,target=/.cache/go-build \\',
  '\tCGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} GO111MODULE=on go build -mod vendor -ldflags "-X github.com/loft-sh/vcluster/pkg/telemetry.SyncerVersion=$BUILD_VERSION" -o /vcluster cmd/vcluster/main.go',
  entrypoint,
  '',
  'FROM alpine:3.24',
  'RUN apk upgrade --no-cache zlib && apk add --no-cache ca-certificates zstd tzdata',
  'WORKDIR /',
  'COPY --from=builder /vcluster .',
  'ENTRYPOINT ["/vcluster", "start"]',
]);
