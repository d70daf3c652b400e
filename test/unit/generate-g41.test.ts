/**
 * The generator on real repositories of rounds 24 and 25 (helper "g41"): each case is a small
 * skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right. Generated Dockerfiles are linted against
 * their workspace: expected clean.
 *
 * 1. Build tags: only tags every release build of the package passes (beszel's .goreleaser.yml
 *    builds the agent once without tags and once with -tags=glibc; its Makefile sets the tags
 *    under a Make conditional), and never tags that compile an import making the binary dynamic
 *    (github.com/ebitengine/purego) onto the static runtime.
 * 2. A default configuration file named with a leading slash but joined onto the working
 *    directory (ezbookkeeping's `defaultConfigPath = "/conf/ezbookkeeping.ini"`,
 *    `filepath.Join(workingPath, defaultConfigPath)`, workingPath from os.Getwd()) is copied.
 * 3. Ports: a configuration field named in Go words (raccoon's `AppPort`) and one the program
 *    hands to a listen call through its struct (`config.Server.GRPC.Port`) are both exposed; a
 *    camelCase flag name with a "Flag" suffix (kubeflow apiserver's `rpcPortFlag`) is a port
 *    flag; a package-level port flag handed to a client (kubeflow driver's
 *    `ml_pipeline_server_port`) is no listen port; a flag whose default is a field a struct
 *    literal of the program sets (cluster-version-operator's `--listen`, `ListenAddress:
 *    "0.0.0.0:9099"`) has that default.
 * 4. Start: the subcommand the project's image starts the binary with (harness's `ENTRYPOINT
 *    ["/app/gitness", "server"]`) becomes the CMD when the sources name none; a Makefile that
 *    builds with `$(GO_CMD) build -o bin/manager` (`GO_CMD ?= go`) names the binary, so lws's pod
 *    specs' `command: /manager` decide where it goes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { genClean, tree } = generatorTrees('g41');

// henrygd/beszel at f1e5797 (MIT): 435 files; go.mod (2,716 bytes) `module
// github.com/henrygd/beszel`, `go 1.26.6`, requires github.com/ebitengine/purego v0.10.2;
// internal/cmd/agent/agent.go (5,514 bytes) imports .../agent; agent/gpu_nvml.go (6,526 bytes,
// `//go:build amd64 && (windows || (linux && glibc))`) and agent/gpu_nvml_linux.go (1,454 bytes,
// `//go:build glibc && linux && amd64`) import github.com/ebitengine/purego;
// agent/gpu_nvml_unsupported.go (275 bytes) is the `(linux && !glibc)` fallback. .goreleaser.yml
// (7,742 bytes): builds `beszel` (main internal/cmd/hub/hub.go), `beszel-agent` (main
// internal/cmd/agent/agent.go, no tags, line 37) and `beszel-agent-linux-amd64-glibc` (the same
// main, `flags: - -tags=glibc`, line 89). Makefile (4,403 bytes): `AGENT_GO_TAGS := -tags glibc`
// inside `ifeq ($(NVML),true)` / `else ifeq ($(NVML),auto)`, `.DEFAULT_GOAL := build`, first
// target `clean:`, build-agent runs `go build $(AGENT_GO_TAGS) … ./internal/cmd/agent`.
const GR_AGENT = '  - id: beszel-agent\n    binary: beszel-agent\n    main: internal/cmd/agent/agent.go\n    env:\n      - CGO_ENABLED=0\n    ldflags:\n      - -s -w -X github.com/henrygd/beszel/internal/ghupdate.buildGOARM={{ .Arm }}\n    goos:\n      - linux\n      - darwin\n    goarch:\n      - amd64\n      - arm64\n\n';
const GR_GLIBC = '  - id: beszel-agent-linux-amd64-glibc\n    binary: beszel-agent\n    main: internal/cmd/agent/agent.go\n    env:\n      - CGO_ENABLED=0\n    flags:\n      - -tags=glibc\n    goos:\n      - linux\n    goarch:\n      - amd64\n\n';
const goreleaser = (agentBuilds: string) => `version: 2\n\nproject_name: beszel\n\nbuilds:\n  - id: beszel\n    binary: beszel\n    main: internal/cmd/hub/hub.go\n    env:\n      - CGO_ENABLED=0\n\n${agentBuilds}archives:\n  - id: beszel-agent\n    formats: [tar.gz]\n`;
const NVML_IMPORTS = 'import (\n\t"fmt"\n\t"unsafe"\n\n\t"github.com/ebitengine/purego"\n)\n\nvar _ = fmt.Sprint\nvar _ unsafe.Pointer\nvar _ = purego.RTLD_NOW\n';
const beszelBase: Record<string, string | null> = {
  'go.mod': 'module github.com/henrygd/beszel\n\ngo 1.26.6\n\nrequire (\n\tgithub.com/ebitengine/purego v0.10.2\n\tgithub.com/spf13/pflag v1.0.10\n)\n',
  'go.sum': 'github.com/ebitengine/purego v0.10.2 h1:x\ngithub.com/ebitengine/purego v0.10.2/go.mod h1:y\ngithub.com/spf13/pflag v1.0.10 h1:x\ngithub.com/spf13/pflag v1.0.10/go.mod h1:y\n',
  '.dockerignore': 'node_modules\nbuild\ndist\n*.exe\n.git\n*.md\nsupplemental\n*_test.go\ndockerfile_*\n',
  'internal/cmd/agent/agent.go': 'package main\n\nimport (\n\t"github.com/henrygd/beszel/agent"\n\t"github.com/spf13/pflag"\n)\n\nfunc main() {\n\tpflag.Parse()\n\tagent.NewAgent().Start()\n}\n',
  'internal/cmd/hub/hub.go': 'package main\n\nfunc main() {}\n',
  'agent/agent.go': 'package agent\n\ntype Agent struct{}\n\nfunc NewAgent() *Agent { return &Agent{} }\n\nfunc (a *Agent) Start() {}\n',
  'agent/gpu_nvml.go': `//go:build amd64 && (windows || (linux && glibc))\n\npackage agent\n\n${NVML_IMPORTS}`,
  'agent/gpu_nvml_linux.go': '//go:build glibc && linux && amd64\n\npackage agent\n\nimport "github.com/ebitengine/purego"\n\nfunc openLibrary(name string) (uintptr, error) { return purego.Dlopen(name, purego.RTLD_NOW) }\n',
  'agent/gpu_nvml_unsupported.go': '//go:build (!linux && !windows) || !amd64 || (linux && !glibc)\n\npackage agent\n\nimport "fmt"\n\nvar errNVML = fmt.Errorf("nvml not supported on this platform")\n',
  '.goreleaser.yml': goreleaser(GR_AGENT + GR_GLIBC),
  'Makefile': '# Enable glibc build tag for NVML on supported Linux builds.\nAGENT_GO_TAGS :=\nifeq ($(NVML),true)\nAGENT_GO_TAGS := -tags glibc\nelse ifeq ($(NVML),auto)\nifeq ($(HOST_GLIBC),true)\nAGENT_GO_TAGS := -tags glibc\nendif\nendif\n\n.PHONY: clean build-agent build-hub build\n.DEFAULT_GOAL := build\n\nclean:\n\trm -rf ./build\n\nbuild-agent:\n\tGOOS=$(OS) GOARCH=$(ARCH) go build $(AGENT_GO_TAGS) -o ./build/beszel-agent -ldflags "-w -s" ./internal/cmd/agent\n\nbuild-hub:\n\tGOOS=$(OS) GOARCH=$(ARCH) go build -o ./build/beszel -ldflags "-w -s" ./internal/cmd/hub\n\nbuild: build-agent build-hub\n',
};
const exposeOf = (df: string): string | null => /^EXPOSE (.*)$/m.exec(df)?.[1] ?? null;
const tagsOf = (df: string): string | null => /go build .*?-tags (\S+)/.exec(df)?.[1] ?? null;

describe('1. build tags: every release build, and none that makes the binary dynamic', () => {
  it('beszel agent: an untagged goreleaser build and a Make conditional: no -tags, a Check naming the builds and purego', async () => {
    const r = await genClean(tree(beszelBase, {}), { package: 'internal/cmd/agent' });
    assert.equal(tagsOf(r.dockerfile), null, r.dockerfile);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
    const w = r.warnings.find((x) => x.includes('do not all pass the same build tags'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /build beszel-agent: no -tags/);
    assert.match(w, /-tags glibc \(\.goreleaser\.yml: -tags=glibc\)/);
    assert.match(w, /set under a Make conditional/);
    assert.match(w, /imports github\.com\/ebitengine\/purego, .*dynamically linked/);
    assert.ok(!r.reasons.some((x) => x.startsWith('-tags')), r.reasons.join('\n'));
  });

  it('every release build passes -tags glibc, but it compiles purego: still no -tags on the static runtime, and a Check saying why', async () => {
    const r = await genClean(tree(beszelBase, { '.goreleaser.yml': goreleaser(GR_GLIBC), 'Makefile': null }), { package: 'internal/cmd/agent' });
    assert.equal(tagsOf(r.dockerfile), null, r.dockerfile);
    const w = r.warnings.find((x) => x.includes('dynamically linked'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /-tags glibc \(\.goreleaser\.yml: -tags=glibc\)/);
    assert.match(w, /cannot start on a static runtime/);
  });

  it('every release build passes -tags glibc and the tagged files import nothing dynamic: the tags are used (as before)', async () => {
    const plain = '//go:build glibc && linux && amd64\n\npackage agent\n\nfunc openLibrary(name string) (uintptr, error) { return 0, nil }\n';
    const r = await genClean(tree(beszelBase, { '.goreleaser.yml': goreleaser(GR_GLIBC), 'Makefile': null, 'agent/gpu_nvml.go': '//go:build amd64 && (windows || (linux && glibc))\n\npackage agent\n\nvar nvml = true\n', 'agent/gpu_nvml_linux.go': plain }), { package: 'internal/cmd/agent' });
    assert.equal(tagsOf(r.dockerfile), 'glibc', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('-tags glibc: the project builds with them (.goreleaser.yml: -tags=glibc)')), r.reasons.join('\n'));
  });

  it('a goreleaser build of another main package without tags does not count against the agent\'s tags', async () => {
    const plain = '//go:build glibc && linux && amd64\n\npackage agent\n\nvar nvmlLinux = true\n';
    const r = await genClean(tree(beszelBase, { 'Makefile': null, '.goreleaser.yml': goreleaser(GR_GLIBC), 'agent/gpu_nvml.go': '//go:build amd64 && (windows || (linux && glibc))\n\npackage agent\n\nvar nvml = true\n', 'agent/gpu_nvml_linux.go': plain }), { package: 'internal/cmd/agent' });
    assert.ok(!r.warnings.some((x) => x.includes('do not all pass the same build tags')), r.warnings.join('\n'));
  });
});

// mayswind/ezbookkeeping at 2e20df8 (MIT): 1,059 files; go.mod (5,011 bytes) `module
// github.com/mayswind/ezbookkeeping`, `go 1.26.0`; ezbookkeeping.go (1,986 bytes) is the main
// package (urfave/cli, imports ./cmd); cmd/initializer.go (6,345 bytes) calls
// settings.GetDefaultConfigFilePath() and returns its error (lines 38-44); pkg/settings/setting.go
// (58,494 bytes): `defaultConfigPath = "/conf/ezbookkeeping.ini"` (line 23), getWorkingPath()
// returns $EBK_WORK_DIR or os.Getwd(), GetDefaultConfigFilePath() does
// `filepath.Join(workingPath, defaultConfigPath)` then os.Stat (line 638); conf/ezbookkeeping.ini
// (32,104 bytes) is committed. No .dockerignore.
const SETTING_GO = (decl: string, join: string, getwd = 'os.Getwd()') => `package settings\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nconst (\n\tebkWorkDirEnvName = "EBK_WORK_DIR"\n\t${decl}\n\tdefaultStaticRootPath = "public"\n)\n\nfunc GetDefaultConfigFilePath() (string, error) {\n\tworkingPath, err := getWorkingPath()\n\tif err != nil {\n\t\treturn "", err\n\t}\n\tcfgFilePath := ${join}\n\t_, err = os.Stat(cfgFilePath)\n\tif err != nil {\n\t\treturn "", err\n\t}\n\treturn cfgFilePath, nil\n}\n\nfunc getWorkingPath() (string, error) {\n\tworkingPath := os.Getenv(ebkWorkDirEnvName)\n\tif workingPath != "" {\n\t\treturn workingPath, nil\n\t}\n\treturn ${getwd}\n}\n`;
const ezbBase: Record<string, string | null> = {
  'go.mod': 'module github.com/mayswind/ezbookkeeping\n\ngo 1.26.0\n\nrequire github.com/urfave/cli/v3 v3.6.1\n',
  'go.sum': 'github.com/urfave/cli/v3 v3.6.1 h1:x\ngithub.com/urfave/cli/v3 v3.6.1/go.mod h1:y\n',
  'ezbookkeeping.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/urfave/cli/v3"\n\n\t"github.com/mayswind/ezbookkeeping/cmd"\n)\n\nfunc main() {\n\tapp := &cli.Command{Name: "ezBookkeeping", Commands: []*cli.Command{cmd.WebServer}}\n\t_ = app.Run(context.Background(), os.Args)\n}\n',
  'cmd/initializer.go': 'package cmd\n\nimport (\n\t"github.com/urfave/cli/v3"\n\n\t"github.com/mayswind/ezbookkeeping/pkg/settings"\n)\n\nvar WebServer = &cli.Command{Name: "server"}\n\nfunc initializeSystem() error {\n\t_, err := settings.GetDefaultConfigFilePath()\n\treturn err\n}\n',
  'pkg/settings/setting.go': SETTING_GO('defaultConfigPath = "/conf/ezbookkeeping.ini"', 'filepath.Join(workingPath, defaultConfigPath)'),
  'conf/ezbookkeeping.ini': '[global]\nmode = production\n\n[server]\nprotocol = http\nhttp_addr = 0.0.0.0\nhttp_port = 8080\nstatic_root_path = public\n',
};

describe('2. a default configuration file joined onto the working directory', () => {
  it('ezbookkeeping: "/conf/ezbookkeeping.ini" joined onto os.Getwd() is copied to /app/conf', async () => {
    const r = await genClean(tree(ezbBase, {}));
    assert.match(r.dockerfile, /^COPY conf\/ezbookkeeping\.ini \/app\/conf\/ezbookkeeping\.ini$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('("/conf/ezbookkeeping.ini") relative to the working directory')), r.reasons.join('\n'));
  });

  it('the literal itself a later argument of filepath.Join: copied too', async () => {
    const r = await genClean(tree(ezbBase, { 'pkg/settings/setting.go': SETTING_GO('unused = 1', 'filepath.Join(workingPath, "/conf/ezbookkeeping.ini")') }));
    assert.match(r.dockerfile, /^COPY conf\/ezbookkeeping\.ini \/app\/conf\/ezbookkeeping\.ini$/m, r.dockerfile);
  });

  it('an absolute path read as it is (no join), or joined onto something that is not the working directory: not copied', async () => {
    for (const setting of [
      SETTING_GO('defaultConfigPath = "/conf/ezbookkeeping.ini"', 'defaultConfigPath'),
      SETTING_GO('defaultConfigPath = "/conf/ezbookkeeping.ini"', 'filepath.Join(workingPath, defaultConfigPath)', 'os.Executable()'),
    ]) {
      const r = await genClean(tree(ezbBase, { 'pkg/settings/setting.go': setting }));
      assert.doesNotMatch(r.dockerfile, /COPY conf/, r.dockerfile);
    }
  });
});

// raystack/raccoon at d6bf56f (Apache-2.0): go.mod `module github.com/raystack/raccoon`, `go
// 1.22.4`; config/server.go (3,656 bytes): `GRPC serverGRPC`, `Websocket serverWs` fields of
// `server`; serverWs.AppPort `mapstructure:"port" cmdx:"server.websocket.port" default:"8080"
// desc:"Port for the service to listen"` (line 29), serverGRPC.Port `mapstructure:"port"
// cmdx:"server.grpc.port" default:"8081"` (line 41); server/grpc/service.go (860 bytes, line 33)
// `net.Listen("tcp", fmt.Sprintf(":%s", config.Server.GRPC.Port))`; server/rest/service.go (2,761
// bytes, line 42) `&http.Server{Handler: …, Addr: ":" + config.Server.Websocket.AppPort}`.
// (confluent-kafka-go left out: cgo is not what this case is about.)
const raccoonBase: Record<string, string | null> = {
  'go.mod': 'module github.com/raystack/raccoon\n\ngo 1.22.4\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/raystack/raccoon/server/grpc"\n\t"github.com/raystack/raccoon/server/rest"\n)\n\nfunc main() {\n\tgo grpc.NewGRPCService().Init()\n\trest.NewRestService().Init()\n}\n',
  'config/server.go': 'package config\n\nvar Server = server{}\n\ntype server struct {\n\tGRPC      serverGRPC `mapstructure:"grpc"`\n\tWebsocket serverWs   `mapstructure:"websocket"`\n}\n\ntype serverWs struct {\n\tAppPort       string `mapstructure:"port" cmdx:"server.websocket.port" default:"8080" desc:"Port for the service to listen"`\n\tServerMaxConn int    `mapstructure:"max_conn" cmdx:"server.websocket.max.conn" default:"30000" desc:"Maximum connection that can be handled by the server instance"`\n}\n\ntype serverGRPC struct {\n\tPort string `mapstructure:"port" cmdx:"server.grpc.port" default:"8081"`\n}\n',
  'server/grpc/service.go': 'package grpc\n\nimport (\n\t"fmt"\n\t"net"\n\n\t"github.com/raystack/raccoon/config"\n)\n\ntype Service struct{}\n\nfunc NewGRPCService() *Service { return &Service{} }\n\nfunc (s *Service) Init() error {\n\tlis, err := net.Listen("tcp", fmt.Sprintf(":%s", config.Server.GRPC.Port))\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn lis.Close()\n}\n',
  'server/rest/service.go': 'package rest\n\nimport (\n\t"net/http"\n\n\t"github.com/raystack/raccoon/config"\n)\n\ntype Service struct{ s *http.Server }\n\nfunc NewRestService() *Service {\n\tserver := &http.Server{\n\t\tHandler: http.NewServeMux(),\n\t\tAddr:    ":" + config.Server.Websocket.AppPort,\n\t}\n\treturn &Service{s: server}\n}\n\nfunc (s *Service) Init() error { return s.s.ListenAndServe() }\n',
};

// kubeflow/pipelines at 7b70c7b (Apache-2.0): go.mod `module github.com/kubeflow/pipelines`, `go
// 1.26.0`. backend/src/apiserver/main.go (31,578 bytes): a package-level var block with
// `rpcPortFlag = flag.String("rpcPortFlag", ":8887", "RPC Port")` and `httpPortFlag =
// flag.String("httpPortFlag", ":8888", "Http Proxy Port")` (lines 75-76), `net.Listen("tcp",
// *rpcPortFlag)` (431), `http.ListenAndServe(*httpPortFlag, topMux)` (550).
// backend/src/v2/cmd/driver/main.go (25,920 bytes): `mlPipelineServerAddress =
// flag.String("ml_pipeline_server_address", "ml-pipeline", …)`, `mlPipelineServerPort =
// flag.String("ml_pipeline_server_port", "8887", "The port of the ML pipeline API server.")` (lines
// 83-84), `cacheutils.NewClient(*mlPipelineServerAddress, *mlPipelineServerPort, …)` (441); the
// driver listens on nothing.
const pipelinesBase: Record<string, string | null> = {
  'go.mod': 'module github.com/kubeflow/pipelines\n\ngo 1.26.0\n',
  'backend/src/apiserver/main.go': 'package main\n\nimport (\n\t"flag"\n\t"net"\n\t"net/http"\n)\n\nvar (\n\trpcPortFlag  = flag.String("rpcPortFlag", ":8887", "RPC Port")\n\thttpPortFlag = flag.String("httpPortFlag", ":8888", "Http Proxy Port")\n)\n\nfunc main() {\n\tflag.Parse()\n\tgo startRpcServer()\n\tstartHttpProxy()\n}\n\nfunc startRpcServer() {\n\tlistener, err := net.Listen("tcp", *rpcPortFlag)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t_ = listener\n}\n\nfunc startHttpProxy() {\n\ttopMux := http.NewServeMux()\n\t_ = http.ListenAndServe(*httpPortFlag, topMux)\n}\n',
  'backend/src/v2/cmd/driver/main.go': 'package main\n\nimport (\n\t"flag"\n\n\t"github.com/kubeflow/pipelines/backend/src/v2/cacheutils"\n)\n\nvar (\n\tmlPipelineServerAddress = flag.String("ml_pipeline_server_address", "ml-pipeline", "The name of the ML pipeline API server address.")\n\tmlPipelineServerPort    = flag.String("ml_pipeline_server_port", "8887", "The port of the ML pipeline API server.")\n)\n\nfunc main() {\n\tflag.Parse()\n\tif err := drive(); err != nil {\n\t\tpanic(err)\n\t}\n}\n\nfunc drive() error {\n\tcacheClient, err := cacheutils.NewClient(*mlPipelineServerAddress, *mlPipelineServerPort)\n\t_ = cacheClient\n\treturn err\n}\n',
  'backend/src/v2/cacheutils/cache.go': 'package cacheutils\n\ntype Client struct{ addr string }\n\nfunc NewClient(address, port string) (*Client, error) { return &Client{addr: address + ":" + port}, nil }\n',
};

// openshift/cluster-version-operator at 6e71933 (Apache-2.0): go.mod `module
// github.com/openshift/cluster-version-operator`, `go 1.25.7`; cmd/cluster-version-operator/
// start.go (4,650 bytes): the `start` cobra command, `cmd.PersistentFlags().StringVar(
// &opts.MetricsOptions.ListenAddress, "listen", opts.MetricsOptions.ListenAddress, "Address to
// listen on for metrics")` (line 35); pkg/start/start.go (29,238 bytes) NewOptions():
// `MetricsOptions: cvo.MetricsOptions{ListenAddress: "0.0.0.0:9099"}` (line 123);
// pkg/cvo/metrics.go (30,139 bytes): `type MetricsOptions struct { ListenAddress string … }`,
// startListening(server, tlsConfig, options.ListenAddress, …) (line 412).
const cvoBase: Record<string, string | null> = {
  'go.mod': 'module github.com/openshift/cluster-version-operator\n\ngo 1.25.7\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'go.sum': 'github.com/spf13/cobra v1.9.1 h1:x\ngithub.com/spf13/cobra v1.9.1/go.mod h1:y\n',
  'cmd/cluster-version-operator/main.go': 'package main\n\nimport "github.com/spf13/cobra"\n\nvar rootCmd = &cobra.Command{Use: "cluster-version-operator"}\n\nfunc main() {\n\t_ = rootCmd.Execute()\n}\n',
  'cmd/cluster-version-operator/start.go': 'package main\n\nimport (\n\t"context"\n\n\t"github.com/spf13/cobra"\n\n\t"github.com/openshift/cluster-version-operator/pkg/start"\n)\n\nfunc init() {\n\topts := start.NewOptions()\n\tcmd := &cobra.Command{\n\t\tUse: "start",\n\t\tRun: func(_ *cobra.Command, _ []string) {\n\t\t\t_ = opts.Run(context.Background())\n\t\t},\n\t}\n\tcmd.PersistentFlags().StringVar(&opts.MetricsOptions.ListenAddress, "listen", opts.MetricsOptions.ListenAddress, "Address to listen on for metrics")\n\trootCmd.AddCommand(cmd)\n}\n',
  'pkg/start/start.go': 'package start\n\nimport (\n\t"context"\n\n\t"github.com/openshift/cluster-version-operator/pkg/cvo"\n)\n\ntype Options struct {\n\tMetricsOptions cvo.MetricsOptions\n}\n\nfunc NewOptions() *Options {\n\treturn &Options{\n\t\tMetricsOptions: cvo.MetricsOptions{ListenAddress: "0.0.0.0:9099"},\n\t}\n}\n\nfunc (o *Options) Run(ctx context.Context) error { return cvo.RunMetrics(ctx, o.MetricsOptions) }\n',
  'pkg/cvo/metrics.go': 'package cvo\n\nimport (\n\t"context"\n\t"net"\n)\n\ntype MetricsOptions struct {\n\tListenAddress string\n}\n\nfunc RunMetrics(ctx context.Context, options MetricsOptions) error {\n\tl, err := net.Listen("tcp", options.ListenAddress)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn l.Close()\n}\n',
};

describe('3. ports', () => {
  it('raccoon: the websocket AppPort (Go words) and the gRPC Port a listen call takes: EXPOSE 8080 8081', async () => {
    const r = await genClean(tree(raccoonBase, {}));
    assert.equal(exposeOf(r.dockerfile), '8080 8081', r.dockerfile);
  });

  it('a gRPC port no listen call takes through its struct stays a guess: only the described listener (as before)', async () => {
    const r = await genClean(tree(raccoonBase, { 'server/grpc/service.go': 'package grpc\n\ntype Service struct{}\n\nfunc NewGRPCService() *Service { return &Service{} }\n\nfunc (s *Service) Init() error { return nil }\n' }));
    assert.equal(exposeOf(r.dockerfile), '8080', r.dockerfile);
  });

  it('kubeflow apiserver: rpcPortFlag and httpPortFlag are port flags: EXPOSE 8887 8888', async () => {
    const r = await genClean(tree(pipelinesBase, {}), { package: 'backend/src/apiserver' });
    assert.equal(exposeOf(r.dockerfile), '8887 8888', r.dockerfile);
  });

  it('a camelCase flag named for a database port is still not the server\'s', async () => {
    const r = await genClean(tree(pipelinesBase, { 'backend/src/apiserver/main.go': pipelinesBase['backend/src/apiserver/main.go']!.replace(/httpPortFlag/g, 'dbPortFlag').replace('":8888"', '"3306"') }), { package: 'backend/src/apiserver' });
    assert.equal(exposeOf(r.dockerfile), '8887', r.dockerfile);
  });

  it('kubeflow driver: ml_pipeline_server_port is handed to a client: no EXPOSE', async () => {
    const r = await genClean(tree(pipelinesBase, {}), { package: 'backend/src/v2/cmd/driver' });
    assert.equal(exposeOf(r.dockerfile), null, r.dockerfile);
  });

  it('a package-level port flag the program both listens on and dials (a self-check) is still exposed', async () => {
    const main = pipelinesBase['backend/src/v2/cmd/driver/main.go']!.replace('func drive() error {', 'func drive() error {\n\tgo http.ListenAndServe(":"+*mlPipelineServerPort, nil)').replace('"flag"\n', '"flag"\n\t"net/http"\n');
    const r = await genClean(tree(pipelinesBase, { 'backend/src/v2/cmd/driver/main.go': main }), { package: 'backend/src/v2/cmd/driver' });
    assert.equal(exposeOf(r.dockerfile), '8887', r.dockerfile);
  });

  it('cluster-version-operator: --listen defaults to the struct literal\'s "0.0.0.0:9099": EXPOSE 9099', async () => {
    const r = await genClean(tree(cvoBase, {}));
    assert.equal(exposeOf(r.dockerfile), '9099', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('ListenAddress = "0.0.0.0:9099" (pkg/start/start.go)')), r.reasons.join('\n'));
  });

  it('two struct literals setting the field to different addresses: no default read from them', async () => {
    const r = await genClean(tree(cvoBase, { 'pkg/start/other.go': 'package start\n\nimport "github.com/openshift/cluster-version-operator/pkg/cvo"\n\nvar testing = cvo.MetricsOptions{ListenAddress: "127.0.0.1:9100"}\n' }));
    assert.equal(exposeOf(r.dockerfile), null, r.dockerfile);
  });
});

// harness/harness at ad5c876 (Apache-2.0): go.mod `module github.com/harness/gitness`, `go
// 1.26.6`; cmd/gitness/main.go (1,649 bytes) registers kingpin commands through
// cli/operations/server.Register(app) and others (no serving subcommand the generator reads);
// Dockerfile (3,130 bytes): builder stage `go build -ldflags="$LDFLAGS" -o ./gitness
// ./cmd/gitness` (line 62), final stage alpine/git, `ENTRYPOINT [ "/app/gitness", "server" ]`
// (line 96). The skeleton's Dockerfile keeps those lines, not the node stage or the cross toolchain.
const HARNESS_DOCKERFILE = (entrypoint: string) => `FROM --platform=$BUILDPLATFORM golang:1.26.6-alpine3.23 as builder\nWORKDIR /app\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o ./gitness ./cmd/gitness\n\nFROM alpine/git:2.49.1 as final\nWORKDIR /app\nCOPY --from=builder /app/gitness /app/gitness\n${entrypoint}\n`;
const harnessBase: Record<string, string | null> = {
  'go.mod': 'module github.com/harness/gitness\n\ngo 1.26.6\n\nrequire github.com/alecthomas/kingpin/v2 v2.4.0\n',
  'go.sum': 'github.com/alecthomas/kingpin/v2 v2.4.0 h1:x\ngithub.com/alecthomas/kingpin/v2 v2.4.0/go.mod h1:y\n',
  '.dockerignore': '.git\nweb/node_modules\n',
  'cmd/gitness/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/harness/gitness/cli"\n)\n\nfunc main() {\n\tcli.Run(os.Args[1:])\n}\n',
  'cli/cli.go': 'package cli\n\nimport "github.com/alecthomas/kingpin/v2"\n\nfunc Run(args []string) {\n\tapp := kingpin.New("gitness", "Gitness Open source edition")\n\tregister(app)\n\tkingpin.MustParse(app.Parse(args))\n}\n',
  'cli/register.go': 'package cli\n\nimport "github.com/alecthomas/kingpin/v2"\n\nfunc register(app *kingpin.Application) {\n\tfor _, name := range names {\n\t\tapp.Command(name, "")\n\t}\n}\n\nvar names = []string{}\n',
  'Dockerfile': HARNESS_DOCKERFILE('ENTRYPOINT [ "/app/gitness", "server" ]'),
};

// kubernetes-sigs/lws at 060ab4d (Apache-2.0): go.mod `module sigs.k8s.io/lws`, `go 1.26.0`;
// cmd/main.go (13,997 bytes) is the main package; Makefile (19,211 bytes): `GO_CMD ?= go` (line
// 14), `build: manifests fmt vet` runs `$(GO_BUILD_ENV) $(GO_CMD) build -ldflags="$(LD_FLAGS)" -o
// bin/manager cmd/main.go` (line 227); config/manager/manager.yaml (3,419 bytes): the Deployment's
// container runs `command: [/manager]`, `args: [--leader-elect]` (lines 69-72); Dockerfile
// `RUN make build …`, `COPY --from=builder /workspace/bin/manager .`, `ENTRYPOINT ["/manager"]`.
const lwsBase: Record<string, string | null> = {
  'go.mod': 'module sigs.k8s.io/lws\n\ngo 1.26.0\n',
  'cmd/main.go': 'package main\n\nimport "flag"\n\nfunc main() {\n\tvar leader bool\n\tflag.BoolVar(&leader, "leader-elect", false, "Enable leader election.")\n\tflag.Parse()\n}\n',
  'Makefile': 'GO_CMD ?= go\nLD_FLAGS += -X \'sigs.k8s.io/lws/pkg/version.GitVersion=$(GIT_TAG)\'\n\n.PHONY: build\nbuild: ## Build manager binary.\n\t$(GO_BUILD_ENV) $(GO_CMD) build -ldflags="$(LD_FLAGS)" -o bin/manager cmd/main.go\n',
  'config/manager/manager.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: controller-manager\n  namespace: system\nspec:\n  template:\n    spec:\n      containers:\n      - command:\n        - /manager\n        args:\n        - --leader-elect\n        image: controller:latest\n        name: manager\n',
};

describe('4. how the project starts the program', () => {
  it('harness: the project image\'s ENTRYPOINT ["/app/gitness", "server"] gives CMD ["server"]', async () => {
    const r = await genClean(tree(harnessBase, {}), { package: 'cmd/gitness' });
    assert.match(r.dockerfile, /^CMD \["server"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('Dockerfile:11 ENTRYPOINT')), r.reasons.join('\n'));
  });

  it('an ENTRYPOINT of the binary alone, or with flags only: no CMD (as before)', async () => {
    for (const e of ['ENTRYPOINT ["/app/gitness"]', 'ENTRYPOINT ["/app/gitness", "--config", "/etc/gitness.env"]']) {
      const r = await genClean(tree(harnessBase, { Dockerfile: HARNESS_DOCKERFILE(e) }), { package: 'cmd/gitness' });
      assert.doesNotMatch(r.dockerfile, /^CMD /m, r.dockerfile);
    }
  });

  it('lws: $(GO_CMD) build -o bin/manager names the binary, and the pod spec\'s command /manager places it', async () => {
    const r = await genClean(tree(lwsBase, {}));
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/manager"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('The binary is at /manager') && x.includes('names the binary manager')), r.reasons.join('\n'));
  });

  it('a Makefile variable that does not hold go names nothing: the usual path', async () => {
    const r = await genClean(tree(lwsBase, { Makefile: lwsBase.Makefile!.replace('GO_CMD ?= go', 'GO_CMD ?= echo') }));
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/[a-z]+"\]$/m, r.dockerfile);
  });
});
