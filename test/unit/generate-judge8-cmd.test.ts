/**
 * The generator's command line on real repositories of round 8 (helper "gencmd"): each case is a
 * small skeleton of a real repository (go.mod and the few Go lines that matter), with its
 * repository, commit and licence above it, plus the variant that keeps the old behaviour where it
 * is right.
 *
 * 1. A CMD names a top-level command only: kingpin's `tools bucket web` is not `web` (thanos).
 * 2. A CMD never names a cobra command that needs positional arguments (wal-g's `daemon`).
 * 3. A cobra root that the program executes and that runs by itself (Run/RunE) needs no
 *    subcommand (argo-workflows' workflow-controller, kubevela's vela-core, flyte's manager).
 * 5. A flag for an address the program connects to is no listen address: its usage says it is
 *    the address of another service, or its variable is handed to a client (linkerd2's web).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge8-cmd');

const cmdLine = (r: GenerateResult): string => /^CMD .*$/m.exec(r.dockerfile)?.[0] ?? '';
const subcommandWarning = (r: GenerateResult): string | undefined => r.warnings.find((w) => w.startsWith('The program is a CLI with subcommands'));

// thanos-io/thanos at e103a81bd5943697394afcb4fb592b6ffa806c30 (Apache-2.0): cmd/thanos/main.go
// registers the components on `app := extkingpin.NewApp(kingpin.New(…))`; registerTools(app
// *extkingpin.App) adds `tools`, registerBucket(app extkingpin.AppClause) adds `bucket` to it and
// registerBucketWeb(app extkingpin.AppClause) adds `web` to `bucket`: `thanos tools bucket web`.
// The components' names are computed (`app.Command(component.Store.String(), …)`); pkg/extkingpin
// wraps kingpin (`c := a.app.Command(cmd, help)`).
function thanos(webOnApp: boolean): string {
  return workspace({
    'go.mod': 'module github.com/thanos-io/thanos\n\ngo 1.25.0\n\nrequire github.com/alecthomas/kingpin/v2 v2.4.0\n',
    'cmd/thanos/main.go': `package main

import (
	"os"
	"path/filepath"

	"github.com/alecthomas/kingpin/v2"
	"github.com/thanos-io/thanos/pkg/extkingpin"
)

func main() {
	app := extkingpin.NewApp(kingpin.New(filepath.Base(os.Args[0]), "A block storage based long-term storage for Prometheus."))
	registerStore(app)
	registerTools(app)
	app.Parse()
}
`,
    'cmd/thanos/store.go': `package main

import (
	"github.com/thanos-io/thanos/pkg/component"
	"github.com/thanos-io/thanos/pkg/extkingpin"
)

func registerStore(app *extkingpin.App) {
	cmd := app.Command(component.Store.String(), "Store node giving access to blocks in a bucket provider.")
	_ = cmd
}
`,
    'cmd/thanos/tools.go': `package main

import "github.com/thanos-io/thanos/pkg/extkingpin"

func registerTools(app *extkingpin.App) {
	cmd := app.Command("tools", "Tools utility commands")

	registerBucket(cmd)
}
`,
    'cmd/thanos/tools_bucket.go': `package main

import "github.com/thanos-io/thanos/pkg/extkingpin"

func registerBucket(app extkingpin.AppClause) {
	cmd := app.Command("bucket", "Bucket utility commands")
	registerBucketWeb(cmd)
}

// registerBucketWeb exposes a web interface for the state of remote store like \`pprof web\`.
func registerBucketWeb(app ${webOnApp ? '*extkingpin.App' : 'extkingpin.AppClause'}) {
	cmd := app.Command("web", "Web interface for remote storage bucket.")
	_ = cmd
}
`,
    'pkg/component/component.go': 'package component\n\ntype Component string\n\nfunc (c Component) String() string { return string(c) }\n\nconst Store = Component("store")\n',
    'pkg/extkingpin/app.go': `package extkingpin

import "github.com/alecthomas/kingpin/v2"

type AppClause interface {
	Command(cmd string, help string) AppClause
}

type App struct {
	app *kingpin.Application
}

func NewApp(app *kingpin.Application) *App { return &App{app: app} }

func (a *App) Parse() {}

func (a *App) Command(cmd, help string) AppClause {
	c := a.app.Command(cmd, help)
	return &appClause{c: c}
}

type appClause struct {
	c *kingpin.CmdClause
}

func (a *appClause) Command(cmd, help string) AppClause {
	c := a.c.Command(cmd, help)
	return &appClause{c: c}
}
`,
  });
}

describe('1. a CMD names a top-level command only', () => {
  it('thanos: `web` is `tools bucket web` (added to a kingpin AppClause): no CMD; the Check names tools and the computed component names', async () => {
    const r = await gen(thanos(false));
    assert.equal(cmdLine(r), '', r.dockerfile);
    assert.equal(subcommandWarning(r), 'The program is a CLI with subcommands (tools, and 1 whose name the sources compute) and none looks like the one that serves: no CMD is set, so the container runs it without arguments. Add CMD ["<subcommand>"] to the Dockerfile.');
  });

  it('the same `web` added to the application (*extkingpin.App): CMD ["web"]', async () => {
    const r = await gen(thanos(true));
    assert.equal(cmdLine(r), 'CMD ["web"]', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('CMD ["web"]: the program is a CLI with subcommands (app.Command("web") in cmd/thanos/tools_bucket.go)')), r.reasons.join('\n'));
  });

  it('kingpin\'s global application (`kingpin.Command("serve", …)`) and a command of a command (`serve.Command("web", …)`)', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/tool\n\ngo 1.25.0\n',
      'main.go': `package main

import (
	"os/exec"

	"gopkg.in/alecthomas/kingpin.v2"
)

func main() {
	admin := kingpin.Command("admin", "Administration.")
	web := admin.Command("web", "Admin web UI.")
	_ = web
	kingpin.Command("run", "Run a job.")
	_ = exec.Command("git", "status")
	kingpin.Parse()
}
`,
    });
    const r = await gen(dir);
    assert.equal(cmdLine(r), '', r.dockerfile);
    assert.match(subcommandWarning(r) ?? '', /^The program is a CLI with subcommands \(admin, run\) and none/);
  });
});

// wal-g/wal-g at 43fb039f6ed24a8063a9a69c212f6742066942a6 (Apache-2.0): cmd/pg/daemon.go declares
// `var daemonCmd = &cobra.Command{Use: "daemon daemon_socket_path", Args: cobra.ExactArgs(1), Run: …}`
// and adds it to `Cmd` (Use "wal-g", no Run) in its init; main/pg/main.go executes pg.Cmd.
function walg(args: string): string {
  return workspace({
    'go.mod': 'module github.com/wal-g/wal-g\n\ngo 1.24.0\n\nrequire github.com/spf13/cobra v1.8.1\n',
    'main/pg/main.go': 'package main\n\nimport "github.com/wal-g/wal-g/cmd/pg"\n\nfunc main() {\n\tpg.Execute()\n}\n',
    'cmd/pg/pg.go': `package pg

import (
	"os"

	"github.com/spf13/cobra"
)

var Cmd = &cobra.Command{
	Use:   "wal-g",
	Short: "PostgreSQL backup tool",
	PersistentPreRun: func(cmd *cobra.Command, args []string) {
	},
}

func Execute() {
	if err := Cmd.Execute(); err != nil {
		os.Exit(1)
	}
}
`,
    'cmd/pg/daemon.go': `package pg

import "github.com/spf13/cobra"

const DaemonShortDescription = "Runs WAL-G in daemon mode which executes commands sent from the lightweight walg-daemon-client."

// daemonCmd represents the daemon archive command
var daemonCmd = &cobra.Command{
	Use:   "daemon daemon_socket_path",
	Short: DaemonShortDescription,
${args}	Run: func(cmd *cobra.Command, args []string) {
		_ = args[0]
	},
}

func init() {
	Cmd.AddCommand(daemonCmd)
}
`,
    'cmd/pg/backup_list.go': 'package pg\n\nimport "github.com/spf13/cobra"\n\nvar backupListCmd = &cobra.Command{\n\tUse:   "backup-list",\n\tShort: "Prints full list of backups from which recovery is available",\n\tArgs:  cobra.NoArgs,\n\tRun: func(cmd *cobra.Command, args []string) {\n\t},\n}\n\nfunc init() {\n\tCmd.AddCommand(backupListCmd)\n}\n',
  });
}

describe('2. a CMD never names a subcommand that needs positional arguments', () => {
  it('wal-g: `daemon` has Args: cobra.ExactArgs(1) (a socket path): no CMD; the Check says why', async () => {
    const r = await gen(walg('\tArgs:  cobra.ExactArgs(1),\n'), { package: 'main/pg' });
    assert.equal(cmdLine(r), '', r.dockerfile);
    assert.equal(subcommandWarning(r), 'The program is a CLI with subcommands (backup-list, daemon): daemon takes positional arguments (Args: cobra.ExactArgs(1) in cmd/pg/daemon.go), so it cannot be the CMD by itself, and no other looks like the one that serves: no CMD is set, so the container runs it without arguments. Add CMD ["<subcommand>", "<argument>"] to the Dockerfile.');
  });

  for (const args of ['cobra.MinimumNArgs(1)', 'cobra.RangeArgs(1, 2)', 'cobra.MatchAll(cobra.ExactArgs(2), cobra.OnlyValidArgs)']) {
    it(`Args: ${args}: no CMD`, async () => {
      const r = await gen(walg(`\tArgs:  ${args},\n`), { package: 'main/pg' });
      assert.equal(cmdLine(r), '', r.dockerfile);
    });
  }

  for (const args of ['', '\tArgs:  cobra.NoArgs,\n', '\tArgs:  cobra.MaximumNArgs(1),\n', '\tArgs:  cobra.RangeArgs(0, 1),\n']) {
    it(`Args ${args.trim() || 'absent'}: CMD ["daemon"]`, async () => {
      const r = await gen(walg(args), { package: 'main/pg' });
      assert.equal(cmdLine(r), 'CMD ["daemon"]', r.dockerfile);
    });
  }
});

// kubevela/kubevela at 5a44b5f10c59f80a4fcd1990f59e024856c78cd8 (Apache-2.0): cmd/core/main.go
// runs `command := app.NewCoreCommand()` then `command.Execute()`; cmd/core/app/server.go's
// NewCoreCommand returns `cmd := &cobra.Command{Use: "vela-core", RunE: …}` (no subcommands).
function kubevela(runE: boolean): string {
  return workspace({
    'go.mod': 'module github.com/oam-dev/kubevela\n\ngo 1.23.8\n\nrequire github.com/spf13/cobra v1.9.1\n',
    'cmd/core/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/oam-dev/kubevela/cmd/core/app"\n)\n\nfunc main() {\n\tcommand := app.NewCoreCommand()\n\tif err := command.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
    'cmd/core/app/server.go': `package app

import (
	"context"

	"github.com/spf13/cobra"
)

// NewCoreCommand creates a *cobra.Command object with default parameters
func NewCoreCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:  "vela-core",
		Long: \`The KubeVela controller manager is a daemon that embeds the core control loops shipped with KubeVela\`,
${runE ? '\t\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t\treturn run(context.Background())\n\t\t},\n' : ''}		SilenceUsage: true,
	}
	return cmd
}

func run(ctx context.Context) error { return nil }
`,
  });
}

// argoproj/argo-workflows at f016ad89eb269d282aec06dc491c29f396a38df4 (Apache-2.0):
// cmd/workflow-controller/main.go: NewRootCommand builds `command := cobra.Command{Use: CLIName,
// RunE: …}`, adds cmdutil.NewVersionCmd(CLIName) (Use "version") and returns &command; main runs
// NewRootCommand().Execute().
function argo(runE: boolean): string {
  return workspace({
    'go.mod': 'module github.com/argoproj/argo-workflows/v4\n\ngo 1.26.5\n\nrequire github.com/spf13/cobra v1.10.1\n',
    'cmd/workflow-controller/main.go': `package main

import (
	"os"

	"github.com/argoproj/argo-workflows/v4/util/cmd"
	"github.com/spf13/cobra"
)

const (
	// CLIName is the name of the CLI
	CLIName = "workflow-controller"
)

func NewRootCommand() *cobra.Command {
	var configMap string
	command := cobra.Command{
		Use:   CLIName,
		Short: "workflow-controller is the controller to operate on workflows",
${runE ? '\t\tRunE: func(c *cobra.Command, args []string) error {\n\t\t\treturn nil\n\t\t},\n' : ''}	}
	command.Flags().StringVar(&configMap, "configmap", "workflow-controller-configmap", "Name of K8s configmap to retrieve workflow controller configuration")
	command.AddCommand(cmd.NewVersionCmd(CLIName))
	return &command
}

func main() {
	if err := NewRootCommand().Execute(); err != nil {
		os.Exit(1)
	}
}
`,
    'util/cmd/cmd.go': 'package cmd\n\nimport "github.com/spf13/cobra"\n\nfunc NewVersionCmd(cliName string) *cobra.Command {\n\treturn &cobra.Command{\n\t\tUse:   "version",\n\t\tShort: "Print version information",\n\t\tRun: func(cmd *cobra.Command, args []string) {\n\t\t},\n\t}\n}\n',
  });
}

// flyteorg/flyte at 6fadb90d65af26f4db908ec1c5f5af546a3e4299 (Apache-2.0): manager/cmd/main.go
// runs `(&app.App{Name: "flyte", …}).Run()`; flytestdlib/app/app.go: Run returns
// a.Command().Execute(), and Command() returns `rootCmd := &cobra.Command{Use: a.Name, RunE: …}`
// with config's `config` command (validate, discover, docs) added.
function flyte(runE: boolean, sub = 'validate'): string {
  return workspace({
    'go.mod': 'module github.com/flyteorg/flyte/v2\n\ngo 1.24.6\n\nrequire github.com/spf13/cobra v1.9.1\n',
    'manager/cmd/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/flyteorg/flyte/v2/flytestdlib/app"\n)\n\nfunc main() {\n\ta := &app.App{\n\t\tName:  "flyte",\n\t\tShort: "Unified Flyte Service - Runs all services and operator",\n\t}\n\tif err := a.Run(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
    'flytestdlib/app/app.go': `package app

import (
	"github.com/flyteorg/flyte/v2/flytestdlib/config"
	"github.com/spf13/cobra"
)

type App struct {
	Name  string
	Short string
}

func (a *App) Run() error {
	return a.Command().Execute()
}

// Command returns the root cobra.Command with config init wired in.
func (a *App) Command() *cobra.Command {
	rootCmd := &cobra.Command{
		Use:          a.Name,
		Short:        a.Short,
		SilenceUsage: true,
${runE ? '\t\tRunE: func(cmd *cobra.Command, _ []string) error {\n\t\t\treturn nil\n\t\t},\n' : ''}	}
	rootCmd.AddCommand(config.NewConfigCommand())
	return rootCmd
}
`,
    'flytestdlib/config/config_cmd.go': `package config

import "github.com/spf13/cobra"

func NewConfigCommand() *cobra.Command {
	rootCmd := &cobra.Command{
		Use:   "config",
		Short: "Runs various config commands, look at the help of this command to get a list of available commands..",
	}

	validateCmd := &cobra.Command{
		Use:   "${sub}",
		Short: "Validates the loaded config.",
		RunE: func(cmd *cobra.Command, args []string) error {
			return nil
		},
	}
	rootCmd.AddCommand(validateCmd)
	return rootCmd
}
`,
  });
}

describe('3. a cobra root the program executes, with its own Run/RunE, needs no subcommand', () => {
  const cases: [string, (runE: boolean) => string, string][] = [
    ['kubevela cmd/core (Use "vela-core" returned by NewCoreCommand, executed in main)', kubevela, 'cmd/core'],
    ['argo-workflows cmd/workflow-controller (Use: CLIName, NewRootCommand().Execute())', argo, 'cmd/workflow-controller'],
    ['flyte manager/cmd (Use: a.Name, a.Command().Execute())', flyte, 'manager/cmd'],
  ];
  for (const [name, make, pkg] of cases) {
    it(`${name}: with RunE, no Check about subcommands and no CMD`, async () => {
      const r = await gen(make(true), { package: pkg });
      assert.equal(subcommandWarning(r), undefined, r.warnings.join('\n'));
      assert.equal(cmdLine(r), '', r.dockerfile);
    });
  }

  it('argo-workflows without RunE on the root: the Check stays (the root only prints help)', async () => {
    const r = await gen(argo(false), { package: 'cmd/workflow-controller' });
    assert.match(subcommandWarning(r) ?? '', /^The program is a CLI with subcommands \(version\) and none/);
  });

  it('flyte without RunE on the root: the Check stays, naming config, not its validate nor the root', async () => {
    const r = await gen(flyte(false), { package: 'manager/cmd' });
    assert.match(subcommandWarning(r) ?? '', /^The program is a CLI with subcommands \(config\) and none/);
  });

  it('flyte without RunE, its config command\'s child named `serve`: not the CMD (a command of a command a function returns)', async () => {
    const r = await gen(flyte(false, 'serve'), { package: 'manager/cmd' });
    assert.equal(cmdLine(r), '', r.dockerfile);
    assert.match(subcommandWarning(r) ?? '', /^The program is a CLI with subcommands \(config\) and none/);
  });

  it('kubevela without RunE: vela-core is the root, not a subcommand; no Check about subcommands', async () => {
    const r = await gen(kubevela(false), { package: 'cmd/core' });
    assert.equal(subcommandWarning(r), undefined, r.warnings.join('\n'));
  });
});

// linkerd/linkerd2 at b24cd4059841f8cee2fb7a9c2ac23a693c583579 (Apache-2.0): web/main.go defines
// `addr := cmd.String("addr", ":8084", "address to serve on")` (passed to srv.NewServer, which
// listens) and `vizAPIAddr := cmd.String("linkerd-metrics-api-addr", "127.0.0.1:8085", "address of
// the linkerd-metrics-api service")`, handed to client.NewInternalClient(*vizAPIAddr).
function linkerdWeb(usage: string, clientCall: boolean): string {
  return workspace({
    'go.mod': 'module github.com/linkerd/linkerd2\n\ngo 1.26.4\n',
    'web/main.go': `package main

import (
	"flag"
	"net"
	"os"

	"github.com/linkerd/linkerd2/viz/metrics-api/client"
	"github.com/linkerd/linkerd2/web/srv"
)

func main() {
	cmd := flag.NewFlagSet("public-api", flag.ExitOnError)

	addr := cmd.String("addr", ":8084", "address to serve on")
	vizAPIAddr := cmd.String("linkerd-metrics-api-addr", "127.0.0.1:8085", "${usage}")
	cmd.Parse(os.Args[1:])

	_, _, err := net.SplitHostPort(*vizAPIAddr) // Verify vizAPIAddr is of the form host:port.
	if err != nil {
		os.Exit(1)
	}
	c, err := ${clientCall ? 'client.NewInternalClient(*vizAPIAddr)' : 'client.Internal()'}
	if err != nil {
		os.Exit(1)
	}

	server := srv.NewServer(*addr, c)
	server.ListenAndServe()
}
`,
    'viz/metrics-api/client/client.go': 'package client\n\ntype Client struct{}\n\nfunc NewInternalClient(addr string) (*Client, error) { return &Client{}, nil }\n\nfunc Internal() (*Client, error) { return &Client{}, nil }\n',
    'web/srv/server.go': 'package srv\n\nimport (\n\t"net/http"\n\n\t"github.com/linkerd/linkerd2/viz/metrics-api/client"\n)\n\nfunc NewServer(addr string, c *client.Client) *http.Server {\n\treturn &http.Server{Addr: addr}\n}\n',
  });
}

describe('5. an address the program connects to is no listen address', () => {
  const loopbackCheck = (r: GenerateResult) => r.warnings.find((w) => w.includes('127.0.0.1:8085'));

  it('linkerd2 web: "address of the linkerd-metrics-api service", handed to client.NewInternalClient: no Check about 127.0.0.1:8085; EXPOSE 8084', async () => {
    const r = await gen(linkerdWeb('address of the linkerd-metrics-api service', true), { package: 'web' });
    assert.equal(loopbackCheck(r), undefined, r.warnings.join('\n'));
    assert.match(r.dockerfile, /^EXPOSE 8084$/m, r.dockerfile);
  });

  it('the usage alone ("address of the linkerd-metrics-api service") is enough', async () => {
    const r = await gen(linkerdWeb('address of the linkerd-metrics-api service', false), { package: 'web' });
    assert.equal(loopbackCheck(r), undefined, r.warnings.join('\n'));
  });

  it('the client call alone is enough (usage "metrics API address")', async () => {
    const r = await gen(linkerdWeb('metrics API address', true), { package: 'web' });
    assert.equal(loopbackCheck(r), undefined, r.warnings.join('\n'));
  });

  it('neither: the loopback flag is still reported as a listener the container cannot reach', async () => {
    const r = await gen(linkerdWeb('metrics API address', false), { package: 'web' });
    assert.match(loopbackCheck(r) ?? '', /^web\/main\.go listens on 127\.0\.0\.1:8085 \(flag -linkerd-metrics-api-addr default "127\.0\.0\.1:8085"\)/, r.warnings.join('\n'));
  });
});
