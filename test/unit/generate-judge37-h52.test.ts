/**
 * The generator on real repositories of round 37 (judges X and Y, engineer H52). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. Addresses the program does not listen on: a flag whose default names another machine
 *    (woodpecker-ci/autoscaler's `--grpc-addr` "woodpecker-server:9000", the server the agents it
 *    starts connect to) gave `CMD ["--grpc-addr", ":9000"]`, which overrode WOODPECKER_GRPC_ADDR;
 *    a configuration struct's fields described as where the program connects (concourse's
 *    PostgresConfig: "The host to connect to." 127.0.0.1, "The port to connect to." 5432) gave
 *    EXPOSE 5432 and a loopback warning.
 * 2. Build tags: the tags the project builds with that select a file of a workspace member the
 *    program imports (oxia's `disable_trap`, oxiad's kv_trap_disable.go) are passed; tags that
 *    leave out files of the program (waypoint's `assetsembedded`, internal/assets/dev.go
 *    `//go:build !assetsembedded`) are not said to "select no file of the program's own packages".
 * 3. A configuration file the image ships that binds a loopback address the program listens on
 *    (apache/kvrocks-controller config/config.yaml `addr: "127.0.0.1:9379"`): a Check says so.
 * 4. viper.Unmarshal into `mapstructure:` fields with a SetDefault port, listened on through
 *    net.JoinHostPort (librespeed/speedtest-go listen_port 8989): EXPOSE 8989.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge37-h52');

// woodpecker-ci/autoscaler at 9176b31e72f0e21c5b28187577f938c8408a42fe (Apache-2.0): go.mod (2,692
// bytes) `module go.woodpecker-ci.org/autoscaler`, urfave/cli/v3; cmd/woodpecker-autoscaler/flags.go
// (3,797 bytes) lines 79-84 the grpc-addr flag; main.go (6,006 bytes) line 91 `GRPCAddress:
// cmd.String("grpc-addr")`; config/config.go (1,112 bytes) line 16 `GRPCAddress string`;
// engine/inits/cloudinit/cloudinit.go (3,242 bytes) line 41 `"WOODPECKER_SERVER": config.GRPCAddress`.
const woodpeckerFlags = (value: string) => `package main\n\nimport (\n\t"github.com/urfave/cli/v3"\n)\n\nvar flags = []cli.Flag{\n\t&cli.StringFlag{\n\t\tName:    "grpc-addr",\n\t\tValue:   "${value}",\n\t\tUsage:   "grpc address of the woodpecker server",\n\t\tSources: cli.EnvVars("WOODPECKER_GRPC_ADDR"),\n\t},\n\t&cli.BoolFlag{\n\t\tName:    "grpc-secure",\n\t\tSources: cli.EnvVars("WOODPECKER_GRPC_SECURE"),\n\t},\n}\n`;
const woodpecker: Record<string, string | null> = {
  'go.mod': 'module go.woodpecker-ci.org/autoscaler\n\ngo 1.26.0\n\nrequire github.com/urfave/cli/v3 v3.11.0\n',
  'go.sum': 'github.com/urfave/cli/v3 v3.11.0 h1:x=\ngithub.com/urfave/cli/v3 v3.11.0/go.mod h1:y=\n',
  'cmd/woodpecker-autoscaler/flags.go': woodpeckerFlags('woodpecker-server:9000'),
  'cmd/woodpecker-autoscaler/main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/urfave/cli/v3"\n\n\t"go.woodpecker-ci.org/autoscaler/config"\n\t"go.woodpecker-ci.org/autoscaler/engine/inits/cloudinit"\n)\n\nfunc run(ctx context.Context, cmd *cli.Command) error {\n\tc := &config.Config{\n\t\tGRPCAddress: cmd.String("grpc-addr"),\n\t\tGRPCSecure:  cmd.Bool("grpc-secure"),\n\t}\n\t_, err := cloudinit.RenderUserDataTemplate(c)\n\treturn err\n}\n\nfunc main() {\n\tapp := &cli.Command{Name: "autoscaler", Flags: flags, Action: run}\n\t_ = app.Run(context.Background(), os.Args)\n}\n',
  'config/config.go': 'package config\n\ntype Config struct {\n\tGRPCAddress string\n\tGRPCSecure  bool\n}\n',
  'engine/inits/cloudinit/cloudinit.go': 'package cloudinit\n\nimport (\n\t"fmt"\n\n\t"go.woodpecker-ci.org/autoscaler/config"\n)\n\nfunc RenderUserDataTemplate(config *config.Config) (string, error) {\n\tenv := map[string]string{\n\t\t"WOODPECKER_SERVER":      config.GRPCAddress,\n\t\t"WOODPECKER_GRPC_SECURE": fmt.Sprint(config.GRPCSecure),\n\t}\n\treturn fmt.Sprint(env), nil\n}\n',
};

// concourse/concourse at 95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c (Apache-2.0): flag/postgres_config.go
// (2,982 bytes) lines 12-14; atc/atccmd/command.go (77,284 bytes) line 120 `BindPort uint16
// \`long:"bind-port" default:"8080" description:"Port on which to listen for HTTP traffic."\``,
// line 135 `Postgres flag.PostgresConfig \`group:"PostgreSQL Configuration" namespace:"postgres"\``;
// cmd/concourse/main.go (921 bytes).
const postgresConfig = (host: string, port: string) => `package flag\n\nimport "fmt"\n\ntype PostgresConfig struct {\n\tHost string \`long:"host" description:"${host}" default:"127.0.0.1"\`\n\tPort uint16 \`long:"port" description:"${port}" default:"5432"\`\n\n\tSocket string \`long:"socket" description:"Path to a UNIX domain socket to connect to."\`\n}\n\nfunc (config PostgresConfig) ConnectionString() string {\n\treturn fmt.Sprintf("host=%s port=%d", config.Host, config.Port)\n}\n`;
const concourse: Record<string, string | null> = {
  'go.mod': 'module github.com/concourse/concourse\n\ngo 1.26.0\n\nrequire github.com/jessevdk/go-flags v1.6.1\n',
  'go.sum': 'github.com/jessevdk/go-flags v1.6.1 h1:x=\ngithub.com/jessevdk/go-flags v1.6.1/go.mod h1:y=\n',
  'cmd/concourse/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/concourse/concourse/atc/atccmd"\n\tflags "github.com/jessevdk/go-flags"\n)\n\nfunc main() {\n\tcmd := &atccmd.RunCommand{}\n\tparser := flags.NewParser(cmd, flags.Default)\n\tif _, err := parser.Parse(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
  'atc/atccmd/command.go': 'package atccmd\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/concourse/concourse/flag"\n)\n\ntype RunCommand struct {\n\tBindIP   string `long:"bind-ip"   default:"0.0.0.0" description:"IP address on which to listen for web traffic."`\n\tBindPort uint16 `long:"bind-port" default:"8080"    description:"Port on which to listen for HTTP traffic."`\n\n\tPostgres flag.PostgresConfig `group:"PostgreSQL Configuration" namespace:"postgres"`\n}\n\nfunc (cmd *RunCommand) Execute(args []string) error {\n\t_ = cmd.Postgres.ConnectionString()\n\treturn http.ListenAndServe(fmt.Sprintf("%s:%d", cmd.BindIP, cmd.BindPort), nil)\n}\n',
  'flag/postgres_config.go': postgresConfig('The host to connect to.', 'The port to connect to.'),
};

describe('1. addresses the program connects to are not listen addresses', () => {
  it('woodpecker-autoscaler: --grpc-addr "woodpecker-server:9000" gives no CMD and no EXPOSE; a reason names the host', async () => {
    const r = await gen(tree(woodpecker, {}));
    assert.doesNotMatch(r.dockerfile, /grpc-addr|EXPOSE|\nCMD /);
    assert.deepEqual(r.exposes, []);
    const why = r.reasons.find((x) => x.startsWith('Not exposed: flag --grpc-addr default "woodpecker-server:9000" in cmd/woodpecker-autoscaler/flags.go'));
    assert.ok(why?.includes('the default names the host woodpecker-server'), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('CMD passes')), r.reasons.join('\n'));
  });

  it('negative: the same flag defaulting to ":9000" or to loopback is still read as a listen address', async () => {
    const open = await gen(tree(woodpecker, { 'cmd/woodpecker-autoscaler/flags.go': woodpeckerFlags(':9000') }));
    assert.deepEqual(open.exposes, [9000]);
    const loop = await gen(tree(woodpecker, { 'cmd/woodpecker-autoscaler/flags.go': woodpeckerFlags('localhost:9000') }));
    assert.match(loop.dockerfile, /\nCMD \["--grpc-addr", ":9000"\]\n/);
  });

  it('concourse: PostgresConfig described as where the program connects gives neither EXPOSE 5432 nor a loopback warning', async () => {
    const r = await gen(tree(concourse, {}), { package: './cmd/concourse' });
    assert.deepEqual(r.exposes, [8080]);
    assert.ok(!r.warnings.some((w) => w.includes('postgres_config.go')), r.warnings.join('\n'));
    assert.ok(!r.reasons.some((x) => x.includes('5432')), r.reasons.join('\n'));
  });

  it('negative: the same fields described as where it listens are read as before (EXPOSE 5432, a loopback warning)', async () => {
    const r = await gen(tree(concourse, { 'flag/postgres_config.go': postgresConfig('The host to listen on.', 'The port to listen on.') }), { package: './cmd/concourse' });
    assert.deepEqual(r.exposes, [5432, 8080]);
    assert.ok(r.warnings.some((w) => w.startsWith('field PostgresConfig.Host (host) default "127.0.0.1" in flag/postgres_config.go: by default the program listens on 127.0.0.1')), r.warnings.join('\n'));
  });
});

// oxia-db/oxia at 13900efeccc94422acae92150dc378c835d1220c (Apache-2.0): go.work uses cmd, common,
// oxia, oxiad, tests; cmd/go.mod `module github.com/oxia-db/oxia/cmd` requires oxiad (replaced by
// ../oxiad); cmd/main.go (3,051 bytes); oxiad/dataserver/database/kvstore/kv_trap.go (943 bytes)
// line 15 `//go:build !disable_trap`, kv_trap_disable.go (721 bytes) line 15 `//go:build
// disable_trap`; Makefile (5,453 bytes) line 17 `go build -tags disable_trap … -o bin/oxia ./cmd`.
const oxia: Record<string, string | null> = {
  'go.work': 'go 1.26\n\nuse (\n\tcmd\n\toxiad\n)\n',
  'cmd/go.mod': 'module github.com/oxia-db/oxia/cmd\n\ngo 1.26\n\nrequire github.com/oxia-db/oxia/oxiad v0.0.0-20260428162417-110425299484\n\nreplace github.com/oxia-db/oxia/oxiad => ../oxiad\n',
  'cmd/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/oxia-db/oxia/oxiad/dataserver/database/kvstore"\n)\n\nfunc main() {\n\tvar t *kvstore.KvTrap\n\tfmt.Println(t.Trigger("x"))\n}\n',
  'oxiad/go.mod': 'module github.com/oxia-db/oxia/oxiad\n\ngo 1.26\n',
  'oxiad/dataserver/database/kvstore/kv_trap.go': '// Licensed under the Apache License, Version 2.0\n\n//go:build !disable_trap\n\npackage kvstore\n\ntype KvTrap struct {\n\thooks map[string]func() error\n}\n\nfunc (trap *KvTrap) Trigger(name string) error {\n\tif trap == nil {\n\t\treturn nil\n\t}\n\treturn trap.hooks[name]()\n}\n',
  'oxiad/dataserver/database/kvstore/kv_trap_disable.go': '// Licensed under the Apache License, Version 2.0\n\n//go:build disable_trap\n\npackage kvstore\n\ntype KvTrap struct{}\n\nfunc (trap *KvTrap) Trigger(string) error {\n\treturn nil\n}\n',
  'Makefile': '.PHONY: build\nbuild:\n\tgo build -tags disable_trap -v -o bin/oxia ./cmd\n',
};

// hashicorp/waypoint at b81cf848b44f57b95cb2e9766839582cc625d9c2 (BUSL-1.1; lines quoted as facts):
// internal/assets/dev.go (832 bytes) lines 4-7 `//go:generate go-bindata -dev … -tags !assetsembedded
// ceb`, `//go:build !assetsembedded`; internal/assets/dev_assets.go (6,221 bytes), go-bindata's -dev
// output ("sources: ceb/ceb", "reads file data from disk"); internal/assets/ceb.go (478 bytes); no
// prod.go (Makefile:23 `cd internal/assets && go-bindata -pkg assets -o prod.go -tags assetsembedded
// ./ceb`, then line 24 `go build … -tags assetsembedded -o ./waypoint ./cmd/waypoint`).
const waypoint: Record<string, string | null> = {
  'go.mod': 'module github.com/hashicorp/waypoint\n\ngo 1.26.0\n',
  'cmd/waypoint/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/hashicorp/waypoint/internal/assets"\n)\n\nfunc main() {\n\tb, err := assets.Asset("ceb/ceb")\n\tfmt.Println(len(b), err)\n}\n',
  'internal/assets/ceb.go': 'package assets\n\n//go:generate go build -o ceb/ceb ../../cmd/waypoint-entrypoint\n',
  'internal/assets/dev.go': '//go:generate go-bindata -dev -pkg assets -o dev_assets.go -tags !assetsembedded ceb\n\n//go:build !assetsembedded\n// +build !assetsembedded\n\npackage assets\n\nvar rootDir = "./internal/assets"\n',
  'internal/assets/dev_assets.go': '// Code generated by go-bindata. DO NOT EDIT.\n// sources:\n// ceb/ceb (20.086MB)\n\n//go:build !assetsembedded\n// +build !assetsembedded\n\npackage assets\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\n// bindataRead reads the given file from disk. It returns an error on failure.\nfunc bindataRead(path, name string) ([]byte, error) {\n\treturn os.ReadFile(path)\n}\n\n// cebCeb reads file data from disk. It returns an error on failure.\nfunc Asset(name string) ([]byte, error) {\n\treturn bindataRead(filepath.Join(rootDir, name), name)\n}\n',
  'Makefile': '.PHONY: bin\nbin:\n\tCGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o ./internal/assets/ceb/ceb ./cmd/waypoint-entrypoint\n\tcd internal/assets && go-bindata -pkg assets -o prod.go -tags assetsembedded ./ceb\n\tCGO_ENABLED=0 go build -tags assetsembedded -o ./waypoint ./cmd/waypoint\n',
  'cmd/waypoint-entrypoint/main.go': 'package main\n\nfunc main() {}\n',
};

describe('2. build tags and the files of the program they switch', () => {
  it('oxia: disable_trap selects kv_trap_disable.go of the oxiad workspace member: passed, and the reason names the file', async () => {
    const r = await gen(tree(oxia, {}), { package: './cmd' });
    assert.match(r.dockerfile, /go build -trimpath -tags disable_trap /);
    const why = r.reasons.find((x) => x.startsWith('-tags disable_trap: the project builds with them'));
    assert.ok(why?.includes('oxiad/dataserver/database/kvstore/kv_trap_disable.go (//go:build disable_trap)'), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.includes("select no file of the program's own packages")), r.reasons.join('\n'));
  });

  it('waypoint: assetsembedded leaves out dev.go and dev_assets.go: no -tags, a Check says so and that the assets are read from disk; never "select no file"', async () => {
    const r = await gen(tree(waypoint, {}), { package: './cmd/waypoint' });
    assert.doesNotMatch(r.dockerfile, /-tags/);
    assert.ok(!r.reasons.some((x) => x.includes('select no file')), r.reasons.join('\n'));
    const w = r.warnings.find((x) => x.startsWith('The project builds cmd/waypoint with -tags assetsembedded (Makefile'));
    assert.ok(w?.includes('which leaves out internal/assets/dev.go (//go:build !assetsembedded), internal/assets/dev_assets.go (//go:build !assetsembedded)'), r.warnings.join('\n'));
    assert.ok(w?.includes("internal/assets/dev_assets.go is go-bindata's development mode: it reads ceb/ceb from disk at run time"), w);
    assert.ok(w?.includes('add -tags assetsembedded'), w);
  });

  it('negative: a tag that leaves out no file of the program keeps the old reason (it switches only dependencies)', async () => {
    const r = await gen(tree(waypoint, {
      'internal/assets/dev.go': 'package assets\n\nvar rootDir = "./internal/assets"\n',
      'internal/assets/dev_assets.go': 'package assets\n\nfunc Asset(name string) ([]byte, error) {\n\treturn nil, nil\n}\n',
    }), { package: './cmd/waypoint' });
    assert.ok(r.reasons.some((x) => x.startsWith('No -tags: the project builds cmd/waypoint with -tags assetsembedded') && x.includes("which select no file of the program's own packages")), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((x) => x.includes('leaves out')), r.warnings.join('\n'));
  });
});

// apache/kvrocks-controller at 7ca006b8a1ea8c79ab9a53a0cc9250e03d7967f8 (Apache-2.0): config/config.yaml
// (1,281 bytes) line 19 `addr: "127.0.0.1:9379"`; config/config.go (3,724 bytes) lines 33-35
// `type AdminConfig struct { Addr string \`yaml:"addr"\` }`, 51-58 `type Config struct { Addr string
// \`yaml:"addr"\` … Etcd *etcd.Config \`yaml:"etcd"\` … Admin AdminConfig \`yaml:"admin"\` }`;
// server/server.go (3,625 bytes) lines 94-96 `httpServer := &http.Server{Addr: srv.config.Addr, …}`
// then ListenAndServe; cmd/server/main.go (2,925 bytes) line 40 `flag.StringVar(&configPath, "c",
// "config/config.yaml", …)`; storage/persistence/etcd's own `type Config struct`.
const kvrocksYaml = (addr: string) => `# Licensed to the Apache Software Foundation (ASF)\n\naddr: "${addr}"\n\nstorage_type: etcd\n\netcd:\n  addrs:\n    - "127.0.0.1:2379"\n\nadmin:\n  addr: "127.0.0.1:9380"\n`;
const kvrocks: Record<string, string | null> = {
  'go.mod': 'module github.com/apache/kvrocks-controller\n\ngo 1.26.0\n\nrequire gopkg.in/yaml.v3 v3.0.1\n',
  'go.sum': 'gopkg.in/yaml.v3 v3.0.1 h1:x=\ngopkg.in/yaml.v3 v3.0.1/go.mod h1:y=\n',
  'cmd/server/main.go': 'package main\n\nimport (\n\t"flag"\n\t"os"\n\n\t"github.com/apache/kvrocks-controller/config"\n\t"github.com/apache/kvrocks-controller/server"\n\t"gopkg.in/yaml.v3"\n)\n\nvar configPath string\n\nfunc init() {\n\tflag.StringVar(&configPath, "c", "config/config.yaml", "set config yaml file path")\n}\n\nfunc main() {\n\tflag.Parse()\n\tcfg := config.Default()\n\tb, err := os.ReadFile(configPath)\n\tif err != nil {\n\t\tos.Exit(1)\n\t}\n\t_ = yaml.Unmarshal(b, cfg)\n\tsrv, _ := server.NewServer(cfg)\n\tsrv.Start()\n}\n',
  'config/config.go': 'package config\n\nimport "github.com/apache/kvrocks-controller/storage/persistence/etcd"\n\ntype AdminConfig struct {\n\tAddr string `yaml:"addr"`\n}\n\ntype Config struct {\n\tAddr        string       `yaml:"addr"`\n\tStorageType string       `yaml:"storage_type"`\n\tEtcd        *etcd.Config `yaml:"etcd"`\n\tAdmin       AdminConfig  `yaml:"admin"`\n}\n\nfunc Default() *Config {\n\treturn &Config{Etcd: &etcd.Config{Addrs: []string{"127.0.0.1:2379"}}}\n}\n',
  'config/config.yaml': kvrocksYaml('127.0.0.1:9379'),
  'storage/persistence/etcd/etcd.go': 'package etcd\n\ntype Config struct {\n\tAddrs []string `yaml:"addrs"`\n}\n',
  'server/server.go': 'package server\n\nimport (\n\t"net/http"\n\n\t"github.com/apache/kvrocks-controller/config"\n)\n\ntype Server struct {\n\tconfig *config.Config\n}\n\nfunc NewServer(cfg *config.Config) (*Server, error) {\n\treturn &Server{config: cfg}, nil\n}\n\nfunc (srv *Server) Start() {\n\thttpServer := &http.Server{\n\t\tAddr: srv.config.Addr,\n\t}\n\t_ = httpServer.ListenAndServe()\n}\n',
};

describe('3. a shipped configuration that binds loopback', () => {
  it('kvrocks-controller: config/config.yaml addr "127.0.0.1:9379" (Config.Addr, an http.Server Addr): a Check names the line and the fix', async () => {
    const r = await gen(tree(kvrocks, {}), { package: './cmd/server' });
    assert.match(r.dockerfile, /\nCOPY config \/app\/config\n/);
    const w = r.warnings.filter((x) => x.includes('copied into the image as'));
    assert.equal(w.length, 1, r.warnings.join('\n'));
    assert.equal(w[0], 'config/config.yaml:3, copied into the image as /app/config/config.yaml, sets addr: "127.0.0.1:9379", and the program listens on that setting (Config.Addr in config/config.go, handed to a listen call in package server): loopback, unreachable from outside the container. Set it to listen on all interfaces (":9379") in the copy the image gets, or mount your own configuration over it.');
  });

  it('negative: the same file on all interfaces, or the loopback address only under a nested key, says nothing', async () => {
    const open = await gen(tree(kvrocks, { 'config/config.yaml': kvrocksYaml('0.0.0.0:9379') }), { package: './cmd/server' });
    assert.ok(!open.warnings.some((x) => x.includes('copied into the image as')), open.warnings.join('\n'));
    // admin.addr (127.0.0.1:9380) fills AdminConfig.Addr, which no listen call takes.
    assert.ok(!open.warnings.some((x) => x.includes('9380')), open.warnings.join('\n'));
  });
});

// librespeed/speedtest-go at 7001fa4fa52945cbc6d4c32200bbcce7bbf6145c (LGPL-3.0): config/config.go
// (2,410 bytes) lines 9-10 `BindAddress string \`mapstructure:"bind_address"\``, `Port string
// \`mapstructure:"listen_port"\``, line 42 `viper.SetDefault("listen_port", "8989")`, line 70
// `viper.Unmarshal(&conf)`; web/listener.go (958 bytes) line 18 `addr :=
// net.JoinHostPort(conf.BindAddress, conf.Port)`, line 38 `http.ListenAndServe(addr, r)`; main.go (590
// bytes). The project's Dockerfile:16 `EXPOSE 8989`.
const speedtestConfig = (extra: string) => `package config\n\nimport (\n\t"github.com/spf13/viper"\n)\n\ntype Config struct {\n\tBindAddress string \`mapstructure:"bind_address"\`\n\tPort        string \`mapstructure:"listen_port"\`\n}\n\nfunc init() {\n\tviper.SetDefault("listen_port", "8989")\n${extra}\tviper.SetConfigName("settings")\n\tviper.AddConfigPath(".")\n}\n\nfunc Load() Config {\n\tvar conf Config\n\t_ = viper.ReadInConfig()\n\t_ = viper.Unmarshal(&conf)\n\treturn conf\n}\n`;
const speedtest: Record<string, string | null> = {
  'go.mod': 'module github.com/librespeed/speedtest-go\n\ngo 1.26.0\n\nrequire github.com/spf13/viper v1.7.1\n',
  'go.sum': 'github.com/spf13/viper v1.7.1 h1:x=\ngithub.com/spf13/viper v1.7.1/go.mod h1:y=\n',
  'main.go': 'package main\n\nimport (\n\t"log"\n\n\t"github.com/librespeed/speedtest-go/config"\n\t"github.com/librespeed/speedtest-go/web"\n)\n\nfunc main() {\n\tconf := config.Load()\n\tlog.Fatal(web.ListenAndServe(&conf))\n}\n',
  'config/config.go': speedtestConfig(''),
  'web/listener.go': 'package web\n\nimport (\n\t"net"\n\t"net/http"\n\n\t"github.com/librespeed/speedtest-go/config"\n)\n\nfunc ListenAndServe(conf *config.Config) error {\n\taddr := net.JoinHostPort(conf.BindAddress, conf.Port)\n\treturn http.ListenAndServe(addr, nil)\n}\n',
};

describe('4. viper.Unmarshal into mapstructure fields', () => {
  it('speedtest-go: listen_port defaults to 8989 and bind_address has no default: EXPOSE 8989', async () => {
    const r = await gen(tree(speedtest, {}));
    assert.deepEqual(r.exposes, [8989]);
    const why = r.reasons.find((x) => x.startsWith('EXPOSE 8989: the program listens on http.ListenAndServe(addr, …) on net.JoinHostPort(conf.BindAddress, conf.Port) (web/listener.go)'));
    assert.ok(why?.includes('no default for "bind_address" (empty: all interfaces) and viper.SetDefault("listen_port", "8989") in config/config.go'), r.reasons.join('\n'));
  });

  it('negative: a loopback bind_address default gives no EXPOSE', async () => {
    const r = await gen(tree(speedtest, { 'config/config.go': speedtestConfig('\tviper.SetDefault("bind_address", "127.0.0.1")\n') }));
    assert.deepEqual(r.exposes, []);
  });

  it('negative: without viper.Unmarshal the mapstructure tags fill nothing: no EXPOSE', async () => {
    const r = await gen(tree(speedtest, { 'config/config.go': speedtestConfig('').replace('_ = viper.Unmarshal(&conf)', '_ = conf') }));
    assert.deepEqual(r.exposes, []);
  });
});
