/**
 * Generator defects of judging round 41 (judge G, G2/G10/G11), session 57, on skeletons of the
 * real repositories (repository, commit and licence with each), with the variants that keep the
 * old behaviour:
 *
 * - G11: a listen address given as the default of a pflag/cobra StringArray or StringSlice flag
 *   (`StringArrayP("web.listen-address", "l", []string{":9882"}, …)`) is a listen address: EXPOSE
 *   it (the judge's image had no EXPOSE 9882 and a Why saying no listen address was found);
 * - G2: a version variable of a package of the module that the project's Makefile stamps through a
 *   make variable naming its package (`-X $(CLI_VERSION_PACKAGE).version=$(CLI_VERSION)`) is
 *   stamped by the generated build too, when the variable's value is certain;
 * - G10: the project's own image copies a binary its Makefile builds with build tags and
 *   CGO_ENABLED=0 (`make binary-remote-<arch>`): the generated build uses those tags and no cgo
 *   (the judge's cgo image of the local engine stopped at start: "could not find a working conmon binary").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge41-a57');

// containers/prometheus-podman-exporter at f1d9353cc8df307f85723e515a17c56df2c80176 (Apache-2.0):
// go.mod (9,647 bytes) `module github.com/containers/prometheus-podman-exporter`, `go 1.23.3`;
// main.go (113 bytes) calls cmd.Execute(); cmd/root.go (3,395 bytes):18-22 `var ( buildVersion
// string; buildRevision string; buildBranch string )`, :79 `rootCmd.Flags().StringArrayP(
// "web.listen-address", "l", []string{":9882"}, "Addresses on which to expose metrics and web
// interface.")`; Containerfile (348 bytes):10 `EXPOSE 9882`.
const rootGo = (listen: string) => `package cmd

import (
\t"fmt"
\t"log"
\t"os"

\t"github.com/prometheus/common/version"
\t"github.com/spf13/cobra"
)

var (
\tbuildVersion  string
\tbuildRevision string
\tbuildBranch   string
)

var rootCmd = &cobra.Command{
\tUse:   "prometheus-podman-exporter",
\tShort: "prometheus-podman-exporter",
}

func Execute() {
\tif err := rootCmd.Execute(); err != nil {
\t\tlog.Print(err.Error())
\t\tos.Exit(1)
\t}
}

func init() {
\trootCmd.Flags().BoolP("debug", "d", false,
\t\t"Set log level to debug.")
\t${listen}
\trootCmd.Flags().StringP("web.telemetry-path", "p", "/metrics",
\t\t"Path under which to expose metrics.")
\t_ = fmt.Sprint(version.Version, buildVersion, buildRevision, buildBranch)
}
`;
const podmanExporter = (listen = 'rootCmd.Flags().StringArrayP("web.listen-address", "l", []string{":9882"},\n\t\t"Addresses on which to expose metrics and web interface.")'): Record<string, string | null> => ({
  'go.mod': 'module github.com/containers/prometheus-podman-exporter\n\ngo 1.23.3\n\nrequire (\n\tgithub.com/prometheus/common v0.63.0\n\tgithub.com/spf13/cobra v1.9.1\n)\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/containers/prometheus-podman-exporter/cmd"\n)\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': rootGo(listen),
});

describe('judge 41 G11: a listen address in the default of a string-array or string-slice flag', () => {
  it('prometheus-podman-exporter cmd/root.go:79 StringArrayP(…, []string{":9882"}, …): EXPOSE 9882', async () => {
    const r = await gen(tree(podmanExporter(), {}));
    assert.match(r.dockerfile, /^EXPOSE 9882$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('EXPOSE 9882: the program listens on flag -web.listen-address default ":9882" in cmd/root.go')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('No EXPOSE')), r.reasons.join('\n'));
  });

  it('StringSliceVar with two addresses: both are listened on', async () => {
    const r = await gen(tree(podmanExporter('var listen []string\n\trootCmd.Flags().StringSliceVar(&listen, "listen-address", []string{":8080", ":9090"}, "Addresses to listen on.")'), {}));
    assert.match(r.dockerfile, /^EXPOSE 8080 9090$/m, r.dockerfile);
  });

  it('negative: an empty or nil default, a variable, a flag named for the servers it connects to: no EXPOSE', async () => {
    for (const listen of [
      'rootCmd.Flags().StringArrayP("web.listen-address", "l", []string{}, "Addresses on which to expose metrics.")',
      'rootCmd.Flags().StringSliceP("web.listen-address", "l", nil, "Addresses on which to expose metrics.")',
      'rootCmd.Flags().StringArrayP("web.listen-address", "l", defaults, "Addresses on which to expose metrics.")',
      'rootCmd.Flags().StringSliceP("peers", "", []string{":9882"}, "Peers to connect to.")',
    ]) {
      const r = await gen(tree(podmanExporter(listen), {}));
      assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, `${listen}\n${r.dockerfile}`);
    }
  });

  it('kingpin: Flag("web.listen-address", …).Default(":9100", ":9101").Strings(): both; without .Strings() the first only', async () => {
    const main = (tail: string) => `package main\n\nimport (\n\t"net/http"\n\n\t"github.com/alecthomas/kingpin/v2"\n)\n\nfunc main() {\n\taddrs := kingpin.Flag("web.listen-address", "Addresses on which to expose metrics.").Default(":9100", ":9101")${tail}\n\tkingpin.Parse()\n\t_ = addrs\n\t_ = http.ListenAndServe\n}\n`;
    const strings = await gen(tree({ 'go.mod': 'module example.com/exp\n\ngo 1.23\n', 'main.go': main('.Strings()') }, {}));
    assert.match(strings.dockerfile, /^EXPOSE 9100 9101$/m, strings.dockerfile);
    const one = await gen(tree({ 'go.mod': 'module example.com/exp\n\ngo 1.23\n', 'main.go': main('.String()') }, {}));
    assert.match(one.dockerfile, /^EXPOSE 9100$/m, one.dockerfile);
  });
});

// NVIDIA/nvidia-container-toolkit at d8c9ff923dd70c151b7098f657a9e83bb7fe726f (Apache-2.0): go.mod
// (1,488 bytes) `module github.com/NVIDIA/nvidia-container-toolkit`, `go 1.23.2`; Makefile (4,808
// bytes):19 `include $(CURDIR)/versions.mk`, :21 `MODULE := github.com/NVIDIA/nvidia-container-toolkit`,
// :25 `include $(CURDIR)/docker/docker.mk`, :49-53 `ifeq ($(VERSION),)` `CLI_VERSION = …` `else`
// `CLI_VERSION = $(VERSION)` `endif`, :54 `CLI_VERSION_PACKAGE = github.com/NVIDIA/nvidia-container-toolkit/internal/info`,
// :68 `go build -ldflags "-s -w '-extldflags=$(EXTLDFLAGS)' -X $(CLI_VERSION_PACKAGE).gitCommit=$(GIT_COMMIT)
// -X $(CLI_VERSION_PACKAGE).version=$(CLI_VERSION)" $(COMMAND_BUILD_OPTIONS) $(MODULE)/cmd/$(*)`;
// versions.mk (1,567 bytes) `LIB_VERSION := 1.18.0`, `GIT_COMMIT ?= $(shell git describe …)`, `VERSION ?= …`;
// internal/info/version.go (1,261 bytes) `var version = "unknown"`, `var gitCommit = ""`;
// cmd/nvidia-ctk/main.go (3,568 bytes) imports internal/info (`nvidia-ctk --version` printed
// "NVIDIA Container Toolkit CLI version unknown", judge 41 G G2).
const nvidiaMakefile = (define = 'CLI_VERSION_PACKAGE = github.com/NVIDIA/nvidia-container-toolkit/internal/info') => `DOCKER   ?= docker
DIST_DIR ?= $(CURDIR)/dist

include $(CURDIR)/versions.mk

MODULE := github.com/NVIDIA/nvidia-container-toolkit

CMDS := $(patsubst ./cmd/%/,%,$(sort $(dir $(wildcard ./cmd/*/))))
CMD_TARGETS := $(patsubst %,cmd-%, $(CMDS))

ifeq ($(VERSION),)
CLI_VERSION = $(LIB_VERSION)$(if $(LIB_TAG),-$(LIB_TAG))
else
CLI_VERSION = $(VERSION)
endif
${define}

binaries: cmds
cmds: $(CMD_TARGETS)

ifneq ($(shell uname),Darwin)
EXTLDFLAGS = -Wl,--export-dynamic -Wl,--unresolved-symbols=ignore-in-object-files -Wl,-z,lazy
else
EXTLDFLAGS = -Wl,-undefined,dynamic_lookup
endif
$(CMD_TARGETS): cmd-%:
	go build -ldflags "-s -w '-extldflags=$(EXTLDFLAGS)' -X $(CLI_VERSION_PACKAGE).gitCommit=$(GIT_COMMIT) -X $(CLI_VERSION_PACKAGE).version=$(CLI_VERSION)" $(COMMAND_BUILD_OPTIONS) $(MODULE)/cmd/$(*)
`;
const nvidiaVersions = 'LIB_NAME := nvidia-container-toolkit\nLIB_VERSION := 1.18.0\nLIB_TAG := rc.3\n\nGIT_COMMIT ?= $(shell git describe --match="" --dirty --long --always --abbrev=40 2> /dev/null || echo "")\n\nVERSION ?= $(LIB_VERSION)$(if $(LIB_TAG),-$(LIB_TAG))\n';
const nvidia = (over: Record<string, string | null> = {}): Record<string, string | null> => ({
  'go.mod': 'module github.com/NVIDIA/nvidia-container-toolkit\n\ngo 1.23.2\n',
  'cmd/nvidia-ctk/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/NVIDIA/nvidia-container-toolkit/internal/info"\n)\n\nfunc main() {\n\tif len(os.Args) > 1 && os.Args[1] == "--version" {\n\t\tfmt.Println("NVIDIA Container Toolkit CLI version", info.GetVersionString())\n\t}\n}\n',
  'internal/info/version.go': 'package info\n\nimport "strings"\n\n// version must be set by go build\'s -X main.version= option in the Makefile.\nvar version = "unknown"\n\n// gitCommit will be the hash that the binary was built from\n// and will be populated by the Makefile\nvar gitCommit = ""\n\nfunc GetVersionParts() []string {\n\tv := []string{version}\n\tif gitCommit != "" {\n\t\tv = append(v, "commit: "+gitCommit)\n\t}\n\treturn v\n}\n\nfunc GetVersionString(more ...string) string {\n\treturn strings.Join(append(GetVersionParts(), more...), "\\n")\n}\n',
  Makefile: nvidiaMakefile(),
  'versions.mk': nvidiaVersions,
  ...over,
});
const STAMPED_INFO = /ARG VERSION=dev\n[\s\S]*-X github\.com\/NVIDIA\/nvidia-container-toolkit\/internal\/info\.version=\$\{VERSION\}/;

// containers/prometheus-podman-exporter at f1d9353 (above): Makefile (7,004 bytes):1 `PKG_PATH =
// "github.com/containers/prometheus-podman-exporter"`, :18 `VERSION = $(shell cat VERSION | grep
// VERSION | cut -d'=' -f2)`, :39 `@export CGO_ENABLED=0 && $(GO) build $(BUILDFLAGS) --tags "remote
// containers_image_openpgp" -ldflags="-X '$(PKG_PATH)/cmd.buildVersion=$(VERSION)' -X
// '$(PKG_PATH)/cmd.buildRevision=$(REVISION)' -X '$(PKG_PATH)/cmd.buildBranch=$(BRANCH)'" -o
// $(BIN)/remote/$(TARGET)` (`--version` printed "(version=, branch=, revision=unknown)").
const podmanMakefile = (pkgPath = 'PKG_PATH = "github.com/containers/prometheus-podman-exporter"') => `${pkgPath}
BIN := ./bin
GO := go
TARGET := prometheus-podman-exporter
BUILDFLAGS := -mod=vendor

VERSION = $(shell cat VERSION  | grep VERSION | cut -d'=' -f2)
REVISION = $(shell cat VERSION  | grep REVISION | cut -d'=' -f2)
BRANCH=$(shell git rev-parse --abbrev-ref HEAD 2>/dev/null)

all: binary

.PHONY: binary-remote
binary-remote: ## Build prometheus-podman-exporter for remote connection
\t@mkdir -p $(BIN)/remote
\t@export CGO_ENABLED=0 && $(GO) build $(BUILDFLAGS) --tags "remote containers_image_openpgp" -ldflags="-X '$(PKG_PATH)/cmd.buildVersion=$(VERSION)' -X '$(PKG_PATH)/cmd.buildRevision=$(REVISION)' -X '$(PKG_PATH)/cmd.buildBranch=$(BRANCH)'" -o $(BIN)/remote/$(TARGET)
`;

describe('judge 41 G2: the version variable\'s package named through a make variable', () => {
  it('nvidia-container-toolkit Makefile:54,68 -X $(CLI_VERSION_PACKAGE).version (with its includes read): stamped', async () => {
    const r = await gen(tree(nvidia(), {}), { package: './cmd/nvidia-ctk' });
    assert.match(r.dockerfile, STAMPED_INFO, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('internal/info/version.go declares `var version`, which the project\'s build stamps (Makefile:')), r.reasons.join('\n'));
  });

  it('prometheus-podman-exporter Makefile:1,39 -X \'$(PKG_PATH)/cmd.buildVersion=$(VERSION)\' with a quoted PKG_PATH: stamped', async () => {
    const r = await gen(tree(podmanExporter(), { Makefile: podmanMakefile() }));
    assert.match(r.dockerfile, /-X github\.com\/containers\/prometheus-podman-exporter\/cmd\.buildVersion=\$\{VERSION\}/, r.dockerfile);
  });

  it('a module path from $(shell go list -m) in the go.mod\'s folder: stamped; with a go.work, not', async () => {
    const mk = nvidiaMakefile('CLI_VERSION_PACKAGE = $(MOD)/internal/info\nMOD := $(shell go list -m)');
    const r = await gen(tree(nvidia({ Makefile: mk }), {}), { package: './cmd/nvidia-ctk' });
    assert.match(r.dockerfile, STAMPED_INFO, r.dockerfile);
    const w = await gen(tree(nvidia({ Makefile: mk, 'go.work': 'go 1.23.2\n\nuse .\n' }), {}), { package: './cmd/nvidia-ctk' });
    assert.doesNotMatch(w.dockerfile, /ARG VERSION|-X /, w.dockerfile);
  });

  it('negative: a variable defined twice, under a conditional, by a command, by an include this cannot read, or never: no stamp', async () => {
    const P = 'github.com/NVIDIA/nvidia-container-toolkit/internal/info';
    for (const [what, over] of [
      ['twice', { Makefile: nvidiaMakefile(`CLI_VERSION_PACKAGE = ${P}\nCLI_VERSION_PACKAGE = ${P}/v2`) }],
      ['conditional', { Makefile: nvidiaMakefile(`ifeq ($(X),)\nCLI_VERSION_PACKAGE = ${P}\nendif`) }],
      ['appended', { Makefile: nvidiaMakefile(`CLI_VERSION_PACKAGE = github.com/NVIDIA\nCLI_VERSION_PACKAGE += nvidia-container-toolkit/internal/info`) }],
      ['a command', { Makefile: nvidiaMakefile('CLI_VERSION_PACKAGE = $(shell go list ./internal/info)') }],
      ['redefined in the include', { 'versions.mk': `${nvidiaVersions}CLI_VERSION_PACKAGE = ${P}/v2\n` }],
      ['an include that is not there', { 'versions.mk': null }],
      ['never', { Makefile: nvidiaMakefile('') }],
    ] as [string, Record<string, string | null>][]) {
      const r = await gen(tree(nvidia(over), {}), { package: './cmd/nvidia-ctk' });
      assert.doesNotMatch(r.dockerfile, /ARG VERSION|-X /, `${what}\n${r.dockerfile}`);
    }
  });
});

// prometheus-podman-exporter f1d9353 (above): Containerfile (348 bytes) `FROM --platform=${TARGETPLATFORM}
// quay.io/prometheus/busybox-${TARGETOS}-${TARGETARCH}:latest`, :8 `COPY ./bin/remote/prometheus-podman-exporter-${TARGETARCH}
// /bin/podman_exporter`, :10 `EXPOSE 9882`, :11 `USER nobody`, :12 `ENTRYPOINT [ "/bin/podman_exporter" ]`; Makefile
// (7,004 bytes):41-45 and 59-63 `binary-remote-amd64:` / `binary-remote-arm64:` `@mkdir -p $(BIN)/remote`,
// `@echo "building amd64"`, `@export CGO_ENABLED=0 && GOARCH=amd64 $(GO) build $(BUILDFLAGS) --tags "remote
// containers_image_openpgp" -ldflags=… -o $(BIN)/remote/$(TARGET)-amd64` (.github/workflows/build-and-publish.yaml:33-36
// runs them, then builds the Containerfile); :65-69 `$(TARGET): $(SRC)`, `$(GO) build $(BUILDFLAGS) -tags
// "$(BUILDTAGS)" …` (BUILDTAGS from hack/*.sh: the local, cgo engine). The program's cgo comes through vendor/
// (podman's libpod → mattn/go-sqlite3, gpgme, btrfs); here exporter/exporter.go imports go-sqlite3 directly in its stead.
const containerfile = (copy = 'COPY ./bin/remote/prometheus-podman-exporter-${TARGETARCH} /bin/podman_exporter') => `FROM --platform=\${TARGETPLATFORM} quay.io/prometheus/busybox-\${TARGETOS}-\${TARGETARCH}:latest
LABEL maintainer="Navid Yaghoobi <navidys@fedoraproject.org>"

ARG TARGETPLATFORM
ARG TARGETOS
ARG TARGETARCH

${copy}

EXPOSE 9882
USER nobody
ENTRYPOINT [ "/bin/podman_exporter" ]
`;
const remoteRecipe = (arch: string, build = '--tags "remote containers_image_openpgp"', tail = '') => `.PHONY: binary-remote-${arch}
binary-remote-${arch}: ## Build ${arch} prometheus-podman-exporter for remote connection
\t@mkdir -p $(BIN)/remote
\t@echo "building ${arch}"
\t@export CGO_ENABLED=0 && GOARCH=${arch} $(GO) build $(BUILDFLAGS) ${build} -ldflags="-X '$(PKG_PATH)/cmd.buildVersion=$(VERSION)'" -o $(BIN)/remote/$(TARGET)-${arch}${tail}
`;
const podmanRemoteMakefile = (amd64 = remoteRecipe('amd64'), arm64 = remoteRecipe('arm64')) => `PKG_PATH = "github.com/containers/prometheus-podman-exporter"
BIN := ./bin
GO := go
TARGET := prometheus-podman-exporter
GOBIN := $(shell $(GO) env GOBIN)
SRC = $(shell find . -type f -name '*.go' -not -path "./vendor/*")
BUILDFLAGS := -mod=vendor
BUILDTAGS ?= \\
\t$(shell hack/systemd_tag.sh) \\
\t$(shell hack/btrfs_installed_tag.sh) \\
\t$(shell hack/btrfs_tag.sh)

VERSION = $(shell cat VERSION  | grep VERSION | cut -d'=' -f2)

all: binary

.PHONY: binary
binary: $(TARGET)  ## Build prometheus-podman-exporter binary
\t@true

${amd64}
${arm64}
.PHONY: $(TARGET)
$(TARGET): $(SRC)
\t@echo "running go build"
\t@mkdir -p $(BIN)
\t$(GO) build $(BUILDFLAGS) -tags "$(BUILDTAGS)" -ldflags="-X '$(PKG_PATH)/cmd.buildVersion=$(VERSION)'" -o $(BIN)/$(TARGET)
`;
const podmanImage = (over: Record<string, string | null> = {}): Record<string, string | null> => ({
  ...podmanExporter(),
  'go.mod': 'module github.com/containers/prometheus-podman-exporter\n\ngo 1.23.3\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.28\n\tgithub.com/prometheus/common v0.63.0\n\tgithub.com/spf13/cobra v1.9.1\n)\n',
  'cmd/root.go': rootGo('rootCmd.Flags().StringArrayP("web.listen-address", "l", []string{":9882"},\n\t\t"Addresses on which to expose metrics and web interface.")').replace('\t"github.com/prometheus/common/version"\n', '\t"github.com/containers/prometheus-podman-exporter/exporter"\n\t"github.com/prometheus/common/version"\n').replace('_ = fmt.Sprint(', '_ = fmt.Sprint(exporter.Name, '),
  'exporter/exporter.go': 'package exporter\n\nimport (\n\t_ "github.com/mattn/go-sqlite3"\n)\n\nconst Name = "podman"\n',
  Containerfile: containerfile(),
  Makefile: podmanRemoteMakefile(),
  ...over,
});

describe('judge 41 G10: the build of the binary the project\'s own image copies from the context', () => {
  it('prometheus-podman-exporter Containerfile:8 ← Makefile binary-remote-<arch>: -tags remote,containers_image_openpgp and CGO_ENABLED=0, static runtime', async () => {
    const r = await gen(tree(podmanImage(), {}));
    assert.match(r.dockerfile, /CGO_ENABLED=0 GOOS=\$TARGETOS GOARCH=\$TARGETARCH \\\n\s+go build -trimpath -tags remote,containers_image_openpgp /, r.dockerfile);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /CGO_ENABLED=1|apt-get/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('-tags remote,containers_image_openpgp: the binary the project\'s own image ships is built with them (Containerfile:8 COPY ./bin/remote/prometheus-podman-exporter-${TARGETARCH}, which Makefile:')), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.startsWith('CGO_ENABLED=0 although the program\'s imports, read without build tags, reach cgo (')), r.reasons.join('\n'));
  });

  it('control: without the Containerfile, the same tree builds with cgo and no tags (the default goal\'s tags are unknown)', async () => {
    const r = await gen(tree(podmanImage({ Containerfile: null }), {}));
    assert.match(r.dockerfile, /CGO_ENABLED=1/, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /-tags/, r.dockerfile);
  });

  it('negative: a path no recipe writes, a variable in the path, recipes that disagree, a recipe of another package or one that may not run, a Dockerfile that builds: as before', async () => {
    for (const [what, over] of [
      ['no recipe writes it', { Containerfile: containerfile('COPY ./bin/prometheus-podman-exporter /bin/podman_exporter') }],
      ['a variable in the path', { Containerfile: containerfile('ARG VERSION\nCOPY ./bin/remote/prometheus-podman-exporter-${VERSION} /bin/podman_exporter') }],
      ['recipes disagree on tags', { Makefile: podmanRemoteMakefile(remoteRecipe('amd64'), remoteRecipe('arm64', '--tags "remote"')) }],
      ['another package', { Makefile: podmanRemoteMakefile(remoteRecipe('amd64', '--tags "remote containers_image_openpgp"', ' ./cmd'), remoteRecipe('arm64', '--tags "remote containers_image_openpgp"', ' ./cmd')) }],
      ['may not run', { Makefile: podmanRemoteMakefile(remoteRecipe('amd64', '--tags "remote containers_image_openpgp"', ' || true'), remoteRecipe('arm64', '--tags "remote containers_image_openpgp"', ' || true')) }],
      ['the image builds it', { Containerfile: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/exporter .\n\nFROM busybox\nCOPY --from=build /out/exporter /bin/podman_exporter\nENTRYPOINT ["/bin/podman_exporter"]\n' }],
    ] as [string, Record<string, string | null>][]) {
      const r = await gen(tree(podmanImage(over), {}));
      assert.match(r.dockerfile, /CGO_ENABLED=1/, `${what}\n${r.dockerfile}`);
      assert.doesNotMatch(r.dockerfile, /-tags remote/, `${what}\n${r.dockerfile}`);
    }
  });
});
