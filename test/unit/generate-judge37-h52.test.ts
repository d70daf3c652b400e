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
 *    EXPOSE 5432 and a loopback warning. */
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

