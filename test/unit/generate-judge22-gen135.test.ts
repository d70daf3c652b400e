/**
 * The generator on real repositories of round 22 (helper "gen135"): each case is a small skeleton
 * of a real repository (the files that matter, with their sizes in the repository, go.mod and the
 * few relevant lines), with its repository, commit and licence above it, plus the variants that
 * keep the old behaviour where it is right. Generated Dockerfiles are linted against their
 * workspace: expected clean.
 *
 * 1. CosmWasm's wasmvm, linked through wasmd's x/wasm/keeper (osmosis's cmd/osmosisd): cgo on
 *    (the !cgo keeper panics), distroless/cc (the Rust library links libgcc_s), and
 *    libwasmvm.<arch>.so copied from the module cache to the runtime's /usr/lib (the binary's
 *    rpath points into the builder's module cache). --runtime alpine is refused.
 * 2. Go files a //go:generate writes and .gitignore lists, missing from the tree (stash's gqlgen
 *    output internal/api/generated_*.go): a Check naming the pattern, the directive and the
 *    project's `go generate` line.
 * 3. Messages: a root Dockerfile variant's `go install tool@${VERSION}` is another module's tool,
 *    not an unreadable build (osmosis's Dockerfile.cosmovisor): the root Dockerfile then decides;
 *    an unreadable build is named with its line; a goreleaser YAML alias outside main:/dir: is not
 *    a reason to give up (nack: the config builds all three programs, which the message says).
 * 4. Ports: flags described by struct literals and registered from their fields (dagu's
 *    `portFlag = commandLineFlag{name: "port", defaultValue: "8080"}`, host "localhost"): EXPOSE
 *    8080 and CMD ["server", "--host", "0.0.0.0"]; a configuration port field the program never
 *    reads (hatchet's Runtime.Port, hatchet-api's) is not exposed for hatchet-engine; a database
 *    host field (`PostgresHost … default:"127.0.0.1"`) is not a listen address.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { GenerateError } from '../../server/src/generate';

const { workspace, gen, genClean, tree } = generatorTrees('judge22-gen135');

const exposeOf = (df: string): string | null => /^EXPOSE (.*)$/m.exec(df)?.[1] ?? null;
const cmdOf = (df: string): string | null => /^CMD (.*)$/m.exec(df)?.[1] ?? null;

// osmosis-labs/osmosis at 9829d39 (Apache-2.0): 2,062 files; go.mod (17,199 bytes) `module
// github.com/osmosis-labs/osmosis/v31`, `go 1.23.4`, requires github.com/CosmWasm/wasmd v0.53.3
// and github.com/CosmWasm/wasmvm/v2 v2.2.4 (go.sum, 248,882 bytes, holds both modules' code);
// cmd/osmosisd/main.go (420 bytes) imports cmd/osmosisd/cmd, which imports app; app/keepers/
// keepers.go (40,432 bytes) imports `wasmkeeper "github.com/CosmWasm/wasmd/x/wasm/keeper"` and
// calls wasmkeeper.NewKeeper (line 583); wasmbinding imports `wasmvmtypes
// "github.com/CosmWasm/wasmvm/v2/types"`. wasmd v0.53.3's x/wasm/keeper/keeper_no_cgo.go
// (`//go:build !cgo`): NewKeeper panics "not implemented, please build with cgo enabled";
// wasmvm v2.2.4's internal/api/link_glibclinux_x86_64.go: `#cgo LDFLAGS: -Wl,-rpath,${SRCDIR}
// -L${SRCDIR} -lwasmvm.x86_64`, libwasmvm.x86_64.so and libwasmvm.aarch64.so beside it.
const osmosisBase: Record<string, string | null> = {
  'go.mod': 'module github.com/osmosis-labs/osmosis/v31\n\ngo 1.23.4\n\nrequire (\n\tgithub.com/CosmWasm/wasmd v0.53.3\n\tgithub.com/CosmWasm/wasmvm/v2 v2.2.4\n\tgithub.com/spf13/cobra v1.8.1\n)\n',
  'go.sum': 'github.com/CosmWasm/wasmd v0.53.3 h1:x\ngithub.com/CosmWasm/wasmd v0.53.3/go.mod h1:y\ngithub.com/CosmWasm/wasmvm/v2 v2.2.4 h1:x\ngithub.com/CosmWasm/wasmvm/v2 v2.2.4/go.mod h1:y\ngithub.com/spf13/cobra v1.8.1 h1:x\n',
  'cmd/osmosisd/main.go': 'package main\n\nimport (\n\t"os"\n\n\tosmosis "github.com/osmosis-labs/osmosis/v31/app"\n\t"github.com/osmosis-labs/osmosis/v31/cmd/osmosisd/cmd"\n)\n\nfunc main() {\n\trootCmd := cmd.NewRootCmd()\n\t_ = osmosis.DefaultNodeHome\n\tif err := rootCmd.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
  'cmd/osmosisd/cmd/root.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nfunc NewRootCmd() *cobra.Command {\n\treturn &cobra.Command{Use: "osmosisd", Short: "Start osmosis app"}\n}\n',
  'app/app.go': 'package app\n\nimport (\n\t"github.com/osmosis-labs/osmosis/v31/app/keepers"\n)\n\nvar DefaultNodeHome = "/osmosis"\n\nvar _ = keepers.AppKeepers{}\n',
  'app/keepers/keepers.go': 'package keepers\n\nimport (\n\twasmkeeper "github.com/CosmWasm/wasmd/x/wasm/keeper"\n\twasmtypes "github.com/CosmWasm/wasmd/x/wasm/types"\n)\n\ntype AppKeepers struct {\n\tWasmKeeper *wasmkeeper.Keeper\n}\n\nvar _ = wasmtypes.ModuleName\n',
  'wasmbinding/query_plugin.go': 'package wasmbinding\n\nimport wasmvmtypes "github.com/CosmWasm/wasmvm/v2/types"\n\nvar _ wasmvmtypes.QueryRequest\n',
};

describe('1. wasmvm through wasmd: cgo, distroless/cc and libwasmvm in /usr/lib', () => {
  it('osmosis cmd/osmosisd: CGO_ENABLED=1, the .so of the build platform copied from the module cache', async () => {
    const r = await genClean(tree(osmosisBase, {}), { package: 'cmd/osmosisd' });
    assert.equal(r.cgo, true);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/cc-debian12:nonroot$/m, r.dockerfile);
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.ok(r.dockerfile.includes(`cp "$(go list -m -f '{{.Dir}}' github.com/CosmWasm/wasmvm/v2)/internal/api"/libwasmvm.$(uname -m).so /out/lib/`), r.dockerfile);
    assert.match(r.dockerfile, /^COPY --from=build \/out\/lib\/ \/usr\/lib\/$/m);
    assert.ok(r.reasons.some((x) => x.includes('imports github.com/CosmWasm/wasmd/x/wasm/keeper, which links github.com/CosmWasm/wasmvm/v2 v2.2.4') && x.includes('libgcc_s')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('wasmvm')), r.warnings.join('\n'));
  });

  it('--runtime debian: the same copy; debian-slim has libgcc_s', async () => {
    const r = await genClean(tree(osmosisBase, {}), { package: 'cmd/osmosisd', runtime: 'debian' });
    assert.match(r.dockerfile, /^COPY --from=build \/out\/lib\/ \/usr\/lib\/$/m);
  });

  it('--runtime alpine is refused: the module ships no musl library', async () => {
    await assert.rejects(gen(tree(osmosisBase, {}), { package: 'cmd/osmosisd', runtime: 'alpine' }), (e: unknown) => e instanceof GenerateError && e.code === 'runtime-needs-libc'
      && e.message.includes('libwasmvm_muslc') && e.message.includes('github.com/CosmWasm/wasmvm/v2'));
  });

  it('vendored with the library: copied from vendor/ (no module cache)', async () => {
    const r = await genClean(tree(osmosisBase, {
      'vendor/modules.txt': '# github.com/CosmWasm/wasmd v0.53.3\n## explicit\ngithub.com/CosmWasm/wasmd/x/wasm/keeper\n# github.com/CosmWasm/wasmvm/v2 v2.2.4\n## explicit\ngithub.com/CosmWasm/wasmvm/v2/internal/api\n# github.com/spf13/cobra v1.8.1\n## explicit\ngithub.com/spf13/cobra\n',
      'vendor/github.com/CosmWasm/wasmvm/v2/internal/api/libwasmvm.x86_64.so': 'ELF',
      'vendor/github.com/CosmWasm/wasmvm/v2/internal/api/libwasmvm.aarch64.so': 'ELF',
    }), { package: 'cmd/osmosisd' });
    assert.ok(r.dockerfile.includes('cp vendor/github.com/CosmWasm/wasmvm/v2/internal/api/libwasmvm.$(uname -m).so /out/lib/'), r.dockerfile);
  });

  it('a client of wasmd and wasmvm types only (pure Go) stays static', async () => {
    const r = await genClean(tree(osmosisBase, {
      'app/keepers/keepers.go': 'package keepers\n\nimport wasmtypes "github.com/CosmWasm/wasmd/x/wasm/types"\n\ntype AppKeepers struct{}\n\nvar _ = wasmtypes.ModuleName\n',
    }), { package: 'cmd/osmosisd' });
    assert.equal(r.cgo, false);
    assert.ok(!r.dockerfile.includes('libwasmvm'), r.dockerfile);
  });
});

// stashapp/stash at cf3489e (AGPL-3.0): 1,678 files; .gitignore (873 bytes) has
// `internal/api/generated_*.go` ("GraphQL generated output"); cmd/stash/main.go (3,650 bytes)
// starts `//go:generate go run github.com/99designs/gqlgen` and imports internal/api, whose
// server.go calls NewExecutableSchema (defined in the generated generated_exec.go); gqlgen.yml
// (5,667 bytes) `exec: filename: internal/api/generated_exec.go`; Makefile (13,589 bytes) line 282
// `go generate ./cmd/stash` (target generate-backend).
const stashBase: Record<string, string | null> = {
  'go.mod': 'module github.com/stashapp/stash\n\ngo 1.24.3\n\nrequire github.com/99designs/gqlgen v0.17.73\n',
  'go.sum': 'github.com/99designs/gqlgen v0.17.73 h1:x\n',
  '.gitignore': '# Binaries for programs and plugins\n*.exe\n\n# GraphQL generated output\ninternal/api/generated_*.go\n',
  'Makefile': '.PHONY: generate-backend\ngenerate-backend: touch-ui\n\tgo generate ./cmd/stash\n',
  'gqlgen.yml': 'exec:\n  filename: internal/api/generated_exec.go\nmodel:\n  filename: internal/api/generated_models.go\n',
  'cmd/stash/main.go': '//go:generate go run github.com/99designs/gqlgen\npackage main\n\nimport "github.com/stashapp/stash/internal/api"\n\nfunc main() {\n\tapi.Start()\n}\n',
  'internal/api/server.go': 'package api\n\nfunc Start() {\n\t_ = NewExecutableSchema(Config{})\n}\n',
};

describe('2. generated Go files git does not keep', () => {
  it('stash: internal/api/generated_*.go is git-ignored and absent: a Check with the directive and the Makefile line', async () => {
    const r = await gen(tree(stashBase, {}));
    const w = r.warnings.find((x) => x.startsWith('internal/api/generated_*.go is git-ignored (.gitignore: internal/api/generated_*.go)'));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('uses NewExecutableSchema, Config, which none of its files declares') && w.includes('`//go:generate go run github.com/99designs/gqlgen` (cmd/stash/main.go:1)') && w.includes('`go generate ./cmd/stash`, Makefile:3'), w);
  });

  it('the generated files present (a generated checkout): no Check', async () => {
    const r = await gen(tree(stashBase, { 'internal/api/generated_exec.go': 'package api\n\ntype Config struct{}\n\nfunc NewExecutableSchema(Config) any { return nil }\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('git-ignored')), r.warnings.join('\n'));
  });

  it('no //go:generate line in the program: no Check', async () => {
    const r = await gen(tree(stashBase, { 'cmd/stash/main.go': 'package main\n\nimport "github.com/stashapp/stash/internal/api"\n\nfunc main() {\n\tapi.Start()\n}\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('git-ignored')), r.warnings.join('\n'));
  });

  // ory/kratos at b86338d (Apache-2.0): the root .gitignore lists `*-packr.go` and `pkged.go`; packr's
  // generated files only register boxes in init(), so the package lacks no name without them.
  it('an ignored generated file whose names the package does not use (packr\'s *-packr.go): no Check', async () => {
    const r = await gen(tree(stashBase, { '.gitignore': 'internal/api/*-packr.go\n', 'internal/api/server.go': 'package api\n\nfunc Start() {}\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('git-ignored')), r.warnings.join('\n'));
  });

  it('a pattern for a package the program does not compile: no Check', async () => {
    const r = await gen(tree(stashBase, { '.gitignore': 'pkg/other/generated_*.go\n', 'pkg/other/doc.go': 'package other\n' }));
    assert.ok(!r.warnings.some((x) => x.includes('git-ignored')), r.warnings.join('\n'));
  });
});

// osmosis (as above): Dockerfile (2,519 bytes) `WORKDIR /osmosis`, `COPY . .`, `GOWORK=off go
// build … -o /osmosis/build/osmosisd /osmosis/cmd/osmosisd/main.go`, final stage `COPY
// --from=builder /osmosis/build/osmosisd /bin/osmosisd`; Dockerfile.cosmovisor (2,702 bytes) the
// same build plus `RUN go install cosmossdk.io/tools/cosmovisor/cmd/cosmovisor@${COSMOVISOR_VERSION}`
// and `COPY --from=builder /go/bin/cosmovisor /bin/cosmovisor`; main packages cmd/osmosisd,
// cmd/querygen (and two under tests/).
const osmosisDockerfile = (extra: string) => `FROM golang:1.23-alpine3.20 AS builder\nARG COSMOVISOR_VERSION\nWORKDIR /osmosis\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN GOWORK=off go build -mod=readonly -o /osmosis/build/osmosisd /osmosis/cmd/osmosisd/main.go\n${extra}\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /osmosis/build/osmosisd /bin/osmosisd\n${extra ? 'COPY --from=builder /go/bin/cosmovisor /bin/cosmovisor\n' : ''}ENTRYPOINT ["osmosisd"]\n`;

describe('3. messages when no main package stands out', () => {
  const base = { ...osmosisBase, 'cmd/querygen/main.go': 'package main\n\nfunc main() {}\n', Dockerfile: osmosisDockerfile('') };
  it('osmosis: the variant\'s `go install cosmovisor@${COSMOVISOR_VERSION}` is another module\'s tool; the Dockerfile decides', async () => {
    const r = await gen(tree(base, { 'Dockerfile.cosmovisor': osmosisDockerfile('RUN go install cosmossdk.io/tools/cosmovisor/cmd/cosmovisor@${COSMOVISOR_VERSION}') }));
    assert.equal(r.target.dir, 'cmd/osmosisd');
    assert.ok(r.reasons[0].includes('Dockerfile.cosmovisor agrees'), r.reasons[0]);
  });

  it('a build whose package a variable names: the message names the file, line and command', async () => {
    await assert.rejects(gen(tree(base, { 'Dockerfile.cosmovisor': osmosisDockerfile('ARG APP=osmosisd\nRUN go build -o /go/bin/cosmovisor ./cmd/${APP}') })), (e: unknown) => e instanceof GenerateError && e.code === 'ambiguous-package'
      && e.message.includes('Dockerfile.cosmovisor has a go build whose package cannot be read (line 9: `go build -o /go/bin/cosmovisor ./cmd/${APP}`; a variable names it)'));
  });

  // nats-io/nack at f6dad09 (Apache-2.0): 179 files; .goreleaser.yml (1,231 bytes) builds
  // jetstream-controller, nats-boot-config and nats-server-config-reloader (`main:
  // ./cmd/<name>`), the first with `ldflags: &common_ldflags`, the others `ldflags: *common_ldflags`.
  const nack = (second: string) => workspace({
    'go.mod': 'module github.com/nats-io/nack\n\ngo 1.24.0\n',
    'cmd/jetstream-controller/main.go': 'package main\n\nfunc main() {}\n',
    'cmd/nats-boot-config/main.go': 'package main\n\nfunc main() {}\n',
    '.goreleaser.yml': `version: 2\nproject_name: nack\n\nbuilds:\n  - id: jetstream-controller\n    main: ./cmd/jetstream-controller\n    binary: jetstream-controller\n    ldflags: &common_ldflags\n      - -s -w -X main.Version={{ .Version }}\n    env:\n      - CGO_ENABLED=0\n\n  - id: nats-boot-config\n${second}    binary: nats-boot-config\n    ldflags: *common_ldflags\n`,
  });
  it('nack: an alias in ldflags: the message says the config builds both', async () => {
    await assert.rejects(gen(nack('    main: ./cmd/nats-boot-config\n')), (e: unknown) => e instanceof GenerateError && e.code === 'ambiguous-package'
      && e.message.includes('the project\'s own build names several of them (.goreleaser.yml: cmd/jetstream-controller, cmd/nats-boot-config)') && !e.message.includes('alias'));
  });

  it('a merge key that may bring main: still unsure, and says which line', async () => {
    await assert.rejects(gen(nack('    <<: *defaults\n')), (e: unknown) => e instanceof GenerateError && e.code === 'ambiguous-package'
      && e.message.includes(".goreleaser.yml takes a build's settings from a YAML alias (`<<: *defaults`), which is not followed"));
  });
});

// dagu-org/dagu at 59d92fc (GPL-3.0): 1,919 files; internal/cmd/flags.go (11,492 bytes): `type
// commandLineFlag struct { name string; shorthand string; defaultValue string; usage string … }`,
// `hostFlag = commandLineFlag{name: "host", shorthand: "s", defaultValue: "localhost", …}`,
// `portFlag = commandLineFlag{name: "port", shorthand: "p", defaultValue: "8080", …}`,
// registerFlag's `cmd.Flags().StringP(flag.name, flag.shorthand, flag.defaultValue, flag.usage)`;
// internal/cmd/server.go (10,712 bytes): `func Server() *cobra.Command { return
// NewCommand(&cobra.Command{Use: "server [flags]", …}, serverFlags, runServer) }`, `var serverFlags =
// []commandLineFlag{dagsFlag, hostFlag, portFlag, …}`; the coordinator's `--coordinator.port`
// (50055) only in coordinatorFlags; cmd/main.go (1,886 bytes) adds cmd.Server(), cmd.Coordinator().
function dagu(): string {
  return workspace({
    'go.mod': 'module github.com/dagucloud/dagu\n\ngo 1.26\n\nrequire github.com/spf13/cobra v1.10.1\n',
    'go.sum': 'github.com/spf13/cobra v1.10.1 h1:x\n',
    'cmd/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/dagucloud/dagu/internal/cmd"\n\t"github.com/spf13/cobra"\n)\n\nvar rootCmd = &cobra.Command{\n\tUse:   "dagu",\n\tShort: "Dagu is a compact, portable workflow engine",\n}\n\nfunc main() {\n\tif err := rootCmd.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n\nfunc init() {\n\trootCmd.AddCommand(cmd.Server())\n\trootCmd.AddCommand(cmd.Coordinator())\n}\n',
    'internal/cmd/flags.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\ntype commandLineFlag struct {\n\tname         string\n\tshorthand    string\n\tdefaultValue string\n\tusage        string\n}\n\nvar (\n\thostFlag = commandLineFlag{\n\t\tname:         "host",\n\t\tshorthand:    "s",\n\t\tdefaultValue: "localhost",\n\t\tusage:        "Server hostname or IP address (default: localhost)",\n\t}\n\n\tportFlag = commandLineFlag{\n\t\tname:         "port",\n\t\tshorthand:    "p",\n\t\tdefaultValue: "8080",\n\t\tusage:        "Server port number (default: 8080)",\n\t}\n\n\tcoordinatorPortFlag = commandLineFlag{\n\t\tname:         "coordinator.port",\n\t\tdefaultValue: "50055",\n\t\tusage:        "Port for the coordinator gRPC server",\n\t}\n)\n\nfunc registerFlag(cmd *cobra.Command, flag commandLineFlag) {\n\tcmd.Flags().StringP(flag.name, flag.shorthand, flag.defaultValue, flag.usage)\n}\n\nfunc NewCommand(cmd *cobra.Command, flags []commandLineFlag, run func(*cobra.Command, []string) error) *cobra.Command {\n\tfor _, f := range flags {\n\t\tregisterFlag(cmd, f)\n\t}\n\tcmd.RunE = run\n\treturn cmd\n}\n',
    'internal/cmd/server.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nfunc Server() *cobra.Command {\n\treturn NewCommand(\n\t\t&cobra.Command{\n\t\t\tUse:   "server [flags]",\n\t\t\tShort: "Start the web UI server for DAG management",\n\t\t}, serverFlags, runServer,\n\t)\n}\n\nvar serverFlags = []commandLineFlag{hostFlag, portFlag}\n\nfunc runServer(cmd *cobra.Command, args []string) error { return nil }\n',
    'internal/cmd/coordinator.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nfunc Coordinator() *cobra.Command {\n\treturn NewCommand(\n\t\t&cobra.Command{\n\t\t\tUse:   "coordinator [flags]",\n\t\t\tShort: "Start the coordinator gRPC server for distributed task execution",\n\t\t}, coordinatorFlags, runCoordinator,\n\t)\n}\n\nvar coordinatorFlags = []commandLineFlag{coordinatorPortFlag}\n\nfunc runCoordinator(cmd *cobra.Command, args []string) error { return nil }\n',
  });
}

// hatchet-dev/hatchet at 89d130f (MIT): 4,599 files; pkg/config/server/server.go (57,771 bytes):
// `type ServerConfigFile struct { … Runtime ConfigFileRuntime … }`, ConfigFileRuntime's `Port int
// \`… default:"8080"\`` ("the port that the core server listens on"), `GRPCBindAddress string \`…
// default:"127.0.0.1"\``; pkg/config/database/config.go (6,285 bytes) `PostgresHost string
// \`mapstructure:"host" json:"host,omitempty" default:"127.0.0.1"\``; cmd/hatchet-engine/engine/
// run.go (29,908 bytes) reads `sc.Runtime.GRPCPort` and `sc.Runtime.HealthcheckPort`, never
// `.Runtime.Port`; api/v1/server/run/run.go (26,042 bytes), imported only by cmd/hatchet-api,
// `e.Start(fmt.Sprintf(":%d", t.config.Runtime.Port))`.
function hatchet(engineReads = 'sc.Runtime.GRPCPort', extra: Record<string, string> = {}): string {
  return workspace({
    ...extra,
    'go.mod': 'module github.com/hatchet-dev/hatchet\n\ngo 1.25.0\n',
    'pkg/config/server/server.go': 'package server\n\ntype ServerConfigFile struct {\n\tRuntime ConfigFileRuntime `mapstructure:"runtime" json:"runtime,omitempty"`\n}\n\ntype ConfigFileRuntime struct {\n\t// Port is the port that the core server listens on\n\tPort int `mapstructure:"port" json:"port,omitempty" default:"8080"`\n\n\tGRPCPort int `mapstructure:"grpcPort" json:"grpcPort,omitempty" default:"7070"`\n\n\tGRPCBindAddress string `mapstructure:"grpcBindAddress" json:"grpcBindAddress,omitempty" default:"127.0.0.1"`\n}\n',
    'pkg/config/database/config.go': 'package database\n\ntype ConfigFile struct {\n\tPostgresHost     string `mapstructure:"host" json:"host,omitempty" default:"127.0.0.1"`\n\tPostgresPort     int    `mapstructure:"port" json:"port,omitempty" default:"5431"`\n}\n',
    'cmd/hatchet-engine/main.go': `package main\n\nimport (\n\t"fmt"\n\n\t"github.com/hatchet-dev/hatchet/pkg/config/database"\n\t"github.com/hatchet-dev/hatchet/pkg/config/server"\n)\n\nfunc main() {\n\tvar sc server.ServerConfigFile\n\tvar db database.ConfigFile\n\tfmt.Println(${engineReads}, db.PostgresHost)\n}\n`,
    'cmd/hatchet-api/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/hatchet-dev/hatchet/pkg/config/server"\n)\n\nfunc main() {\n\tvar sc server.ServerConfigFile\n\t_ = http.ListenAndServe(fmt.Sprintf(":%d", sc.Runtime.Port), nil)\n}\n',
  });
}

describe('4. ports', () => {
  it('dagu: flags from struct literals: EXPOSE 8080, CMD ["server", "--host", "0.0.0.0"]; the coordinator\'s port is not the server\'s', async () => {
    const r = await genClean(dagu());
    assert.equal(exposeOf(r.dockerfile), '8080', r.dockerfile);
    assert.equal(cmdOf(r.dockerfile), '["server", "--host", "0.0.0.0"]', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Not used for the server subcommand the image runs: flag --coordinator.port default "50055"')), r.reasons.join('\n'));
  });

  it('hatchet-engine: Runtime.Port (hatchet-api\'s) is not exposed; PostgresHost is no listen address', async () => {
    const r = await genClean(hatchet(), { package: 'cmd/hatchet-engine' });
    assert.ok(!(exposeOf(r.dockerfile) ?? '').includes('8080'), r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Not exposed: field ConfigFileRuntime.Port (Port) default "8080" in pkg/config/server/server.go: no file of the program reads that field')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('PostgresHost')), r.warnings.join('\n'));
    assert.ok(r.warnings.some((w) => w.includes('GRPCBindAddress')), r.warnings.join('\n'));
  });

  it('hatchet-api reads Runtime.Port: EXPOSE 8080', async () => {
    const r = await genClean(hatchet(), { package: 'cmd/hatchet-api' });
    assert.equal(exposeOf(r.dockerfile), '8080', r.dockerfile);
  });

  // hatchet (as above): pkg/config/shared/shared.go (3,765 bytes) `type PrometheusConfigFile struct {
  // … Enabled bool \`… default:"false"\`; Address string \`… default:":9090"\` }`, held as
  // `Prometheus shared.PrometheusConfigFile`; the engine's `startPrometheus(l, sc.Prometheus)` reads
  // `c.Address`.
  it('a listener of a configuration struct whose Enabled defaults to false: read, but not exposed', async () => {
    const prometheus = {
      'pkg/config/shared/shared.go': 'package shared\n\ntype PrometheusConfigFile struct {\n\tEnabled bool `mapstructure:"enabled" json:"enabled,omitempty" default:"false"`\n\n\tAddress string `mapstructure:"address" json:"address,omitempty" default:":9090"`\n}\n\ntype Holder struct {\n\tPrometheus PrometheusConfigFile\n}\n',
      'cmd/hatchet-engine/prometheus.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/hatchet-dev/hatchet/pkg/config/shared"\n)\n\nfunc startPrometheus(c shared.PrometheusConfigFile) error {\n\treturn http.ListenAndServe(c.Address, nil)\n}\n\nvar _ = startPrometheus(shared.Holder{}.Prometheus)\n',
    };
    const r = await genClean(hatchet('sc.Runtime.GRPCPort', prometheus), { package: 'cmd/hatchet-engine' });
    assert.equal(exposeOf(r.dockerfile), null, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('field PrometheusConfigFile.Address (Address) default ":9090" in pkg/config/shared/shared.go, opened only when enabled (PrometheusConfigFile.Enabled default "false")')), r.reasons.join('\n'));
  });

  it('the struct handed to a function that reads the field counts as read', async () => {
    const dir = hatchet('serve(sc.Runtime)', { 'cmd/hatchet-engine/serve.go': 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/hatchet-dev/hatchet/pkg/config/server"\n)\n\nfunc serve(rt server.ConfigFileRuntime) error {\n\treturn http.ListenAndServe(fmt.Sprintf(":%d", rt.Port), nil)\n}\n' });
    const r = await gen(dir, { package: 'cmd/hatchet-engine' });
    assert.ok(!r.reasons.some((x) => x.includes('no file of the program reads')), r.reasons.join('\n'));
  });
});
