/**
 * Real repositories whose Dockerfiles build Go through `make` (judge 30), as small skeletons shared
 * by the rules they motivated (GD104, GD107, GD113, GD118).
 */
import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { df } from '../../helpers';
import { tempWorkspace } from './realworld';

// burningalchemist/sql_exporter bc4f8f3a7254cacd7394b540d2323cfe82aa2672 (MIT) Dockerfile.multi-arch:3-13,
// Makefile:37-48, 88-92 (judge 30 X, M9, M10). Skeleton: go.mod (9.3 KB: `module
// github.com/burningalchemist/sql_exporter`, `go 1.26.0`), go.sum (42 KB, empty here),
// cmd/sql_exporter/main.go (6.5 KB; imports flag, net/http, the module's root and config packages,
// prometheus client_golang, common/version, exporter-toolkit/web), query_test.go (2.2 KB; imports
// testing, config, client_model), .promu.yml (913 B), Makefile (3.6 KB; the lines below), no
// .dockerignore. `make` runs the default goal `all: format build test`: `build` runs `$(PROMU)
// build --prefix $(PREFIX)` (promu runs go build per .promu.yml), `test` runs `$(GO) test -short
// $(pkgs)`.
export const SQL_EXPORTER_DOCKERFILE = (run = 'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH make', env: string[] = []) => df([
  'ARG GOVERSION=latest',
  '',
  'FROM --platform=$BUILDPLATFORM quay.io/prometheus/golang-builder:${GOVERSION}-main AS builder',
  '',
  'ADD .   /go/src/github.com/burningalchemist/sql_exporter',
  'WORKDIR /go/src/github.com/burningalchemist/sql_exporter',
  '',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  ...env,
  '',
  run,
  '',
  'FROM  --platform=$TARGETPLATFORM quay.io/prometheus/busybox:latest',
  'COPY  --from=builder /go/src/github.com/burningalchemist/sql_exporter/sql_exporter  /bin/sql_exporter',
  'USER        nobody',
  'ENTRYPOINT  [ "/bin/sql_exporter" ]',
]);
export const SQL_EXPORTER_MAKEFILE = [
  'GO     := go',
  'GOPATH ?= $(firstword $(subst :, ,$(shell $(GO) env GOPATH)))',
  'PROMU  := $(GOPATH)/bin/promu',
  'PROMU_VERSION := v0.18.1',
  '',
  'pkgs    = $(shell $(GO) list ./... | grep -v /vendor/)',
  '',
  'PREFIX              ?= $(shell pwd)',
  '',
  'all: format build test',
  '',
  'test:',
  '\t@echo ">> running tests"',
  '\t@$(GO) test -short $(pkgs)',
  '',
  'format:',
  '\t@echo ">> formatting code"',
  '\t@$(GO) fmt $(pkgs)',
  '',
  'build: promu',
  '\t@echo ">> building binaries"',
  '\t@$(PROMU) build --prefix $(PREFIX)',
  '',
  'drivers-%:',
  '\t@$(GO) run drivers_gen.go -- $*',
  '',
  'ifeq \'$(findstring ;,$(PATH))\' \';\'',
  'promu:',
  '\t@set GOOS=windows',
  '\t@$(GO) install github.com/prometheus/promu@$(PROMU_VERSION)',
  'else',
  'promu:',
  '\t@GOOS=$(shell uname -s | tr A-Z a-z) \\',
  '\t\tGOARCH=$(subst x86_64,amd64,$(patsubst i%86,386,$(shell uname -m))) \\',
  '\t\t$(GO) install github.com/prometheus/promu@$(PROMU_VERSION)',
  'endif',
  '',
  '.PHONY: all style format build test vet tarball docker promu',
  '',
].join('\n');
/** sql_exporter's Dockerfile (lines 1-18): a single-platform build with the default goal. */
export const SQL_EXPORTER_PLAIN = df([
  'ARG  ARCH="amd64"',
  'ARG  OS="linux"',
  'FROM quay.io/prometheus/golang-builder AS builder',
  '',
  'ADD .   /go/src/github.com/burningalchemist/sql_exporter',
  'WORKDIR /go/src/github.com/burningalchemist/sql_exporter',
  '',
  'RUN make',
  '',
  'FROM        quay.io/prometheus/busybox-${OS}-${ARCH}:latest',
  'COPY        --from=builder /go/src/github.com/burningalchemist/sql_exporter/sql_exporter  /bin/sql_exporter',
  'USER        nobody',
  'ENTRYPOINT  [ "/bin/sql_exporter" ]',
]);
export const sqlExporter = (text: string, make = SQL_EXPORTER_MAKEFILE): AnalyzeOptions => tempWorkspace({
  'go.mod': 'module github.com/burningalchemist/sql_exporter\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/prometheus/client_golang v1.24.1\n\tgithub.com/prometheus/common v0.70.1\n\tgithub.com/prometheus/exporter-toolkit v0.17.1\n)\n',
  'go.sum': '',
  'query.go': 'package sql_exporter\n',
  'query_test.go': 'package sql_exporter\n\nimport (\n\t"testing"\n)\n\nfunc TestX(t *testing.T) {}\n',
  'cmd/sql_exporter/main.go': 'package main\n\nimport (\n\t"flag"\n\t"net/http"\n\n\t"github.com/burningalchemist/sql_exporter"\n\t"github.com/prometheus/common/version"\n)\n\nfunc main() { flag.Parse(); _ = sql_exporter.X; _ = version.Version; _ = http.ListenAndServe }\n',
  '.promu.yml': 'go:\n    cgo: false\nrepository:\n    path: github.com/burningalchemist/sql_exporter\nbuild:\n    binaries:\n        - name: sql_exporter\n          path: ./cmd/sql_exporter\n',
  Makefile: make,
  'Dockerfile.multi-arch': text,
}, 'Dockerfile.multi-arch');


// warpstreamlabs/bento 7825c952a14baae234a430018a4159915b5eb846 (MIT) resources/docker/Dockerfile,
// Makefile:26-64,144, .github/workflows/docker_edge.yml:44-50 (judge 30 Y, M2, M3). Skeleton: go.mod
// (23 KB: `module github.com/warpstreamlabs/bento`, `go 1.26.5`), go.sum (272 KB, empty here),
// cmd/bento/main.go (700 B; imports context, public/service, public/components/all), Makefile
// (5.3 KB; the lines below), .dockerignore (66 B). `RUN make` runs the default goal `all: $(APPS)`
// -> static pattern rule `$(APPS): %: $(PATHINSTBIN)/%` -> pattern rule `$(PATHINSTBIN)/%`, whose
// go build has no GOARCH; the literal GOARCH values are in targets the goal does not reach
// (`serverless`, `playground`).
export const BENTO_DOCKERFILE = df([
  'FROM golang:1.26.5 AS build',
  '',
  'ENV CGO_ENABLED=0',
  'ENV GOOS=linux',
  'RUN useradd -u 10001 bento',
  '',
  'WORKDIR /go/src/github.com/warpstreamlabs/bento/',
  'COPY go.* /go/src/github.com/warpstreamlabs/bento/',
  'RUN go mod download',
  '',
  'COPY . /go/src/github.com/warpstreamlabs/bento/',
  'RUN make TAGS="timetzdata"',
  '',
  'FROM busybox AS package',
  'COPY --from=build /etc/passwd /etc/passwd',
  'COPY --from=build /go/src/github.com/warpstreamlabs/bento/target/bin/bento .',
  'USER bento',
  'ENTRYPOINT ["/bento"]',
]);
export const BENTO_MAKEFILE = [
  'TAGS ?=',
  'DEST_DIR           ?= ./target',
  'PATHINSTBIN        = $(DEST_DIR)/bin',
  'PATHINSTSERVERLESS = $(DEST_DIR)/serverless',
  'WEBSITE_DIR        ?= ./website',
  'VERSION   := $(shell git describe --tags 2>/dev/null || echo "v0.0.0")',
  'LD_FLAGS   ?= -w -s',
  'GO_FLAGS   ?=',
  '',
  'APPS = bento',
  'all: $(APPS)',
  '',
  'SOURCE_FILES = $(shell find internal public cmd -type f)',
  '',
  '$(PATHINSTBIN)/%: $(SOURCE_FILES)',
  '\t@go build $(GO_FLAGS) -tags "$(TAGS)" -ldflags "$(LD_FLAGS) $(VER_FLAGS)" -o $@ ./cmd/$*',
  '',
  '$(APPS): %: $(PATHINSTBIN)/%',
  '',
  'SERVERLESS = bento-lambda',
  'serverless: $(SERVERLESS)',
  '',
  '$(PATHINSTSERVERLESS)/%: $(SOURCE_FILES)',
  '\t@CGO_ENABLED=0 GOOS=linux GOARCH=amd64 \\',
  '\t\tgo build $(GO_FLAGS) -tags "$(TAGS)" -ldflags "$(LD_FLAGS) $(VER_FLAGS)" -o $@ ./cmd/serverless/$*',
  '\t@zip -m -j $@.zip $@',
  '',
  '$(SERVERLESS): %: $(PATHINSTSERVERLESS)/%',
  '',
  'playground:',
  '\t@GOOS=js GOARCH=wasm go build -o "$(WEBSITE_DIR)/static/playground/playground.wasm" "cmd/tools/playground/main.go"',
  '',
].join('\n');
const BENTO_WORKFLOW = ['name: Docker Edge', 'on:', '  workflow_dispatch: {}', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '    - name: Check Out Repo', '      uses: actions/checkout@v7', '    - name: Build and push', '      uses: docker/build-push-action@v7', '      with:', '        context: ./', '        file: ./resources/docker/Dockerfile', '        platforms: linux/amd64,linux/arm64', '        push: true', ''].join('\n');
export const bento = (text: string, make = BENTO_MAKEFILE): AnalyzeOptions => tempWorkspace({
  'go.mod': 'module github.com/warpstreamlabs/bento\n\ngo 1.26.5\n',
  'go.sum': '',
  'cmd/bento/main.go': 'package main\n\nimport (\n\t"context"\n\n\t"github.com/warpstreamlabs/bento/public/service"\n\n\t_ "github.com/warpstreamlabs/bento/public/components/all"\n)\n\nfunc main() { _ = context.Background; _ = service.RunCLI }\n',
  Makefile: make,
  '.dockerignore': 'resources\nicon.png\nLICENSE\nREADME.md\ntarget/bin/bento\ntarget/dist\n',
  '.github/workflows/docker_edge.yml': BENTO_WORKFLOW,
  'resources/docker/Dockerfile': text,
}, 'resources/docker/Dockerfile');
