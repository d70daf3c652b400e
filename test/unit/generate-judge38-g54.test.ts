/**
 * How the generated image starts the program, on real repositories of round 38 (judge X's
 * generator section, and session 53's leftovers), session 54: each case a small skeleton of a real
 * repository (the files that matter, with their sizes in the repository, go.mod and the few
 * relevant lines), with its repository, commit and licence above it, plus the variants that keep
 * the old behaviour where it is right.
 *
 * 1. hashicorp/nomad: `server` is a mitchellh/cli command whose Run returns cli.RunResultHelp (it
 *    groups `server members`, `server join`…): `nomad server` prints its usage. It is never the
 *    CMD; nor is `start` (the alias of `job start`, whose usage names a required `<job>`).
 * 2. hashicorp/nomad: the single required-flag check reads only the program's own main path:
 *    `if name == ""` in a method of client/dynamicplugins (a parameter named like several
 *    subcommands' `-name` flag) is no flag the image must pass.
 * 3. mudler/edgevpn: the urfave/cli App's own Action runs the VPN and the project's image starts
 *    the binary without arguments: no `start` (which only joins the network); the API's
 *    `--api-listen` opens only with `--api`: not exposed.
 * 4. pufferffish/wireproxy, cesanta/docker_auth, yyyar/gobetween: the project's image starts the
 *    binary with a configuration argument (a file its users mount): a Check names it and the CMD
 *    that passes it.
 * 5. yyyar/gobetween, apernet/hysteria: a module path ending in `main` or `app` (below the repository's
 *    name): the binary is named after the repository.
 * 6. apernet/hysteria: viper searches ., $HOME/.hysteria and /etc/hysteria/ for config.yaml and the
 *    program exits without one: a Check says where to mount it (or --config).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge38-g54');

// hashicorp/nomad at aa026cc99cfb74a77e519a1c1f0c78ba1b452705 (BUSL-1.1): go.mod (18,654 bytes)
// `module github.com/hashicorp/nomad`, `github.com/hashicorp/cli v1.1.7`; main.go (4,134 bytes):81-113
// `os.Exit(Run(os.Args[1:]))`, `commands := command.Commands(metaPtr, agentUi)`, `cli := &cli.CLI{…
// Commands: commands …}`, `exitCode, err := cli.Run()`; command/commands.go (32,413 bytes):68
// `func Commands(metaPtr *Meta, agentUi cli.Ui) map[string]cli.CommandFactory`, :308 `"agent": func()
// (cli.Command, error) { return &agent.Command{…}, nil }`, :534 `"job start"` and :1159 `"start"`
// (both `return &JobStartCommand{Meta: meta}, nil`), :1079 `"server": … return &ServerCommand{…}`;
// command/server.go (962 bytes):47-49 `func (f *ServerCommand) Run(args []string) int { return
// cli.RunResultHelp }`; command/job_start.go (5,630 bytes):23 `Usage: nomad job start [options]
// <job>`, :55 Synopsis "Start a stopped job"; command/job_tag_apply.go (3,878 bytes):79
// `flags.StringVar(&name, "name", "", "")` in JobTagApplyCommand.Run; client/dynamicplugins/
// registry.go (14,656 bytes):249-253 in `func (d *dynamicRegistry) DeregisterPlugin(ptype, name,
// allocID string) error`: `if name == "" { return errors.New("must specify plugin name to
// deregister") }`. The project's Dockerfile runs `/docker-entrypoint.sh` with CMD ["help"].
const nomadBase: Record<string, string | null> = {
  'go.mod': 'module github.com/hashicorp/nomad\n\ngo 1.25\n\nrequire github.com/hashicorp/cli v1.1.7\n',
  'go.sum': '',
  'main.go': `package main

import (
	"fmt"
	"os"

	"github.com/hashicorp/cli"
	"github.com/hashicorp/nomad/command"
)

func main() {
	os.Exit(Run(os.Args[1:]))
}

func Run(args []string) int {
	commands := command.Commands(nil)
	cli := &cli.CLI{
		Name:     "nomad",
		Args:     args,
		Commands: commands,
	}
	exitCode, err := cli.Run()
	if err != nil {
		fmt.Fprintf(os.Stderr, "Error executing CLI: %s\\n", err.Error())
		return 1
	}
	return exitCode
}
`,
  'command/commands.go': `package command

import (
	"github.com/hashicorp/cli"
	"github.com/hashicorp/nomad/command/agent"
)

type Meta struct{}

func Commands(metaPtr *Meta) map[string]cli.CommandFactory {
	meta := *metaPtr
	all := map[string]cli.CommandFactory{
		"agent": func() (cli.Command, error) {
			return &agent.Command{}, nil
		},
		"job start": func() (cli.Command, error) {
			return &JobStartCommand{
				Meta: meta,
			}, nil
		},
		"job tag apply": func() (cli.Command, error) {
			return &JobTagApplyCommand{
				Meta: meta,
			}, nil
		},
		"server": func() (cli.Command, error) {
			return &ServerCommand{
				Meta: meta,
			}, nil
		},
		"start": func() (cli.Command, error) {
			return &JobStartCommand{
				Meta: meta,
			}, nil
		},
	}
	return all
}
`,
  'command/server.go': `package command

import (
	"strings"

	"github.com/hashicorp/cli"
)

type ServerCommand struct {
	Meta
}

func (f *ServerCommand) Help() string {
	helpText := \`
Usage: nomad server <subcommand> [options] [args]

  This command groups subcommands for interacting with Nomad servers.
\`
	return strings.TrimSpace(helpText)
}

func (f *ServerCommand) Synopsis() string {
	return "Interact with servers"
}

func (f *ServerCommand) Name() string { return "server" }

func (f *ServerCommand) Run(args []string) int {
	return cli.RunResultHelp
}
`,
  'command/job_start.go': `package command

import "strings"

type JobStartCommand struct {
	Meta
}

func (c *JobStartCommand) Help() string {
	helpText := \`
Usage: nomad job start [options] <job>
Alias: nomad start

  Starts a stopped job.
\`
	return strings.TrimSpace(helpText)
}

func (c *JobStartCommand) Synopsis() string {
	return "Start a stopped job"
}

func (c *JobStartCommand) Run(args []string) int {
	return 0
}
`,
  'command/job_tag_apply.go': `package command

import (
	"flag"

	"github.com/hashicorp/nomad/client/dynamicplugins"
)

type JobTagApplyCommand struct {
	Meta
}

func (c *JobTagApplyCommand) Run(args []string) int {
	var name string
	flags := flag.NewFlagSet("job tag apply", flag.ContinueOnError)
	flags.StringVar(&name, "name", "", "")
	if err := flags.Parse(args); err != nil {
		return 1
	}
	_ = dynamicplugins.NewRegistry()
	return 0
}
`,
  'command/agent/command.go': `package agent

type Command struct{}

func (c *Command) Synopsis() string {
	return "Runs a Nomad agent"
}

func (c *Command) Run(args []string) int {
	return 0
}
`,
  'client/dynamicplugins/registry.go': `package dynamicplugins

import "errors"

type dynamicRegistry struct{}

func NewRegistry() *dynamicRegistry { return &dynamicRegistry{} }

func (d *dynamicRegistry) DeregisterPlugin(ptype, name, allocID string) error {
	if ptype == "" {
		return errors.New("must specify plugin type to deregister")
	}
	if name == "" {
		// This error shouldn't make it to a production cluster.
		return errors.New("must specify plugin name to deregister")
	}
	return nil
}
`,
};

describe('1. nomad: a mitchellh/cli command that only prints its help is not the one that serves', () => {
  it('nomad: no CMD ["server"] nor ["start"]; the Check says server only prints its help and start needs <job>', async () => {
    const r = await gen(tree(nomadBase, {}));
    assert.doesNotMatch(r.dockerfile, /^CMD /m, r.dockerfile);
    const w = r.warnings.find((x) => x.startsWith('The program is a CLI with subcommands'));
    assert.ok(w !== undefined, r.warnings.join('\n'));
    assert.ok(w.includes('server only prints its help (ServerCommand.Run returns cli.RunResultHelp in command/server.go:'), w);
    assert.ok(w.includes('start takes positional arguments (Help() "Usage: nomad job start [options] <job>" in command/job_start.go)'), w);
  });

  it('negative: a server command whose Run does its work is still the CMD', async () => {
    const r = await gen(tree(nomadBase, {
      'command/server.go': nomadBase['command/server.go']!.replace('return cli.RunResultHelp', 'c := cli.RunResultHelp\n\t_ = c\n\treturn 0').replace('<subcommand> [options] [args]', '[options]'),
    }));
    assert.match(r.dockerfile, /^CMD \["server"\]$/m, r.dockerfile);
  });

  it('negative: a start command whose usage takes no required argument is the CMD', async () => {
    const r = await gen(tree(nomadBase, {
      'command/job_start.go': nomadBase['command/job_start.go']!.replace('[options] <job>', '[options] [<job>]'),
    }));
    assert.match(r.dockerfile, /^CMD \["start"\]$/m, r.dockerfile);
  });
});

describe('2. the required-flag check reads only the main path (nomad)', () => {
  it('nomad: `if name == ""` in a method of another package is no required --name', async () => {
    const r = await gen(tree(nomadBase, {}));
    assert.ok(!r.warnings.some((w) => w.includes('stops at start without')), r.warnings.join('\n'));
  });

  it('negative: the check in a cobra subcommand\'s Run (the shape of velero d30d389 `restore create`, with a single flag) is no required flag', async () => {
    const r = await gen(tree(nomadBase, {
      'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/hashicorp/nomad/restore"\n)\n\nfunc main() {\n\tif err := restore.NewCommand().Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
      'restore/create.go': `package restore

import (
	"errors"

	"github.com/spf13/cobra"
)

var backupName string

func NewCommand() *cobra.Command {
	c := &cobra.Command{Use: "restore"}
	create := &cobra.Command{
		Use: "create",
		RunE: func(c *cobra.Command, args []string) error {
			if backupName == "" {
				return errors.New("--from-backup is required")
			}
			return nil
		},
	}
	flags := create.Flags()
	flags.StringVar(&backupName, "from-backup", "", "Backup to restore from")
	c.AddCommand(create)
	return c
}
`,
      'go.mod': 'module github.com/hashicorp/nomad\n\ngo 1.25\n\nrequire github.com/spf13/cobra v1.9.1\n',
      'command/commands.go': null, 'command/server.go': null, 'command/job_start.go': null, 'command/job_tag_apply.go': null, 'command/agent/command.go': null,
    }));
    assert.ok(!r.warnings.some((w) => w.includes('stops at start without')), r.warnings.join('\n'));
  });

  // minio/minio at 7aac2a2 (AGPL-3.0), docs/debugging/xattr/: main.go (3,237 bytes):57-63
  // `flag.StringVar(&name, "name", "", …)`, `flag.BoolVar(&set, "set", false, …)`, `flag.Parse()`,
  // :87-93 `if set { … } else { if name == "" { log.Fatalln("you must specify an attribute name for
  // reading") } … }`: the else branch, taken without --set, is main's own code.
  it('minio xattr: a check in a nested block of main (the else of `if set`) still counts', async () => {
    const r = await gen(tree({
      'go.mod': 'module github.com/minio/minio/docs/debugging/xattr\n\ngo 1.21\n',
      'main.go': 'package main\n\nimport (\n\t"flag"\n\t"log"\n)\n\nvar (\n\tpath, name string\n\tset        bool\n)\n\nfunc main() {\n\tflag.StringVar(&path, "path", "", "path name")\n\tflag.StringVar(&name, "name", "", "attribute name")\n\tflag.BoolVar(&set, "set", false, "set")\n\tflag.Parse()\n\n\tif set {\n\t\tlog.Println(path)\n\t} else {\n\t\tif name == "" {\n\t\t\tlog.Fatalln("you must specify an attribute name for reading")\n\t\t}\n\t}\n\tgo func() {\n\t\tif path == "" {\n\t\t\tlog.Fatalln("-path is required")\n\t\t}\n\t}()\n}\n',
    }, {}));
    assert.ok(r.warnings.some((w) => w.startsWith('The program stops at start without --name: main.go:22 checks that it is set ("you must specify an attribute name for reading")')), r.warnings.join('\n'));
    // Not the one in the goroutine's function literal.
    assert.ok(!r.warnings.some((w) => w.includes('without --path')), r.warnings.join('\n'));
  });

  it('the same check in a function main calls unconditionally still counts', async () => {
    const r = await gen(tree(nomadBase, {
      'client/dynamicplugins/registry.go': `package dynamicplugins

import (
	"errors"
	"flag"
)

var name = flag.String("name", "", "plugin name")

func Check() error {
	if *name == "" {
		return errors.New("-name is required")
	}
	return nil
}
`,
      'main.go': nomadBase['main.go']!
        .replace('"github.com/hashicorp/cli"', '"github.com/hashicorp/cli"\n\t"github.com/hashicorp/nomad/client/dynamicplugins"')
        .replace('func main() {\n', 'func main() {\n\tif err := dynamicplugins.Check(); err != nil {\n\t\tos.Exit(1)\n\t}\n'),
      'command/job_tag_apply.go': nomadBase['command/job_tag_apply.go']!.replace('\t_ = dynamicplugins.NewRegistry()\n', '').replace('\n\t"github.com/hashicorp/nomad/client/dynamicplugins"\n', '\n'),
    }));
    assert.ok(r.warnings.some((w) => w.startsWith('The program stops at start without --name: client/dynamicplugins/registry.go:11 checks that it is set ("-name is required")')), r.warnings.join('\n'));
  });
});

// mudler/edgevpn at 97f8fed2e7c8 (Apache-2.0): go.mod (7,844 bytes) `module github.com/mudler/edgevpn`,
// `github.com/urfave/cli/v2 v2.27.7`; main.go (846 bytes) `app := cmd.NewApp(internal.Version)`,
// `err := app.Run(os.Args)`; cmd/app.go (989 bytes):14-35 `return &cli.App{Name: "edgevpn", …,
// Flags: MainFlags(), Commands: []*cli.Command{Start(), API(), …}, Action: Main()}`; cmd/join.go
// (1,443 bytes):24-30 `Name: "start", Usage: "Start the network without activating any interface"`;
// cmd/main.go (6,161 bytes):66-75 `&cli.BoolFlag{Name: "api", Usage: "Starts also the API daemon
// locally for inspecting the network status", EnvVars: []string{"API"}}`, `&cli.StringFlag{Name:
// "api-listen", Value: "127.0.0.1:8080", …}`, :218-219 `if c.Bool("api") { go api.API(ctx,
// c.String("api-listen"), …) }`; Dockerfile (1,478 bytes):38-44 `FROM alpine`, `COPY --from=builder
// /work/edgevpn /usr/bin/edgevpn`, `ENTRYPOINT ["/usr/bin/edgevpn"]`. README: "To start the VPN,
// simply run `edgevpn` without any argument."
const edgevpnBase: Record<string, string | null> = {
  'go.mod': 'module github.com/mudler/edgevpn\n\ngo 1.26\n\nrequire github.com/urfave/cli/v2 v2.27.7\n',
  'go.sum': '',
  'main.go': `package main

import (
	"fmt"
	"os"

	"github.com/mudler/edgevpn/cmd"
)

func main() {
	app := cmd.NewApp("dev")

	err := app.Run(os.Args)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
}
`,
  'cmd/app.go': `package cmd

import "github.com/urfave/cli/v2"

func NewApp(version string) *cli.App {
	return &cli.App{
		Name:        "edgevpn",
		Version:     version,
		Usage:       "edgevpn --config /etc/edgevpn/config.yaml",
		Flags:       MainFlags(),
		Commands: []*cli.Command{
			Start(),
		},
		Action: Main(),
	}
}
`,
  'cmd/join.go': `package cmd

import "github.com/urfave/cli/v2"

func Start() *cli.Command {
	return &cli.Command{
		Name:  "start",
		Usage: "Start the network without activating any interface",
		Action: func(c *cli.Context) error {
			return nil
		},
	}
}
`,
  'cmd/main.go': `package cmd

import (
	"net/http"

	"github.com/urfave/cli/v2"
)

func MainFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{
			Name:    "api",
			Usage:   "Starts also the API daemon locally for inspecting the network status",
			EnvVars: []string{"API"},
		},
		&cli.StringFlag{
			Name:    "api-listen",
			Value:   "127.0.0.1:8080",
			Usage:   "API listen address",
			EnvVars: []string{"APILISTEN"},
		},
	}
}

func Main() func(c *cli.Context) error {
	return func(c *cli.Context) error {
		if c.Bool("api") {
			go http.ListenAndServe(c.String("api-listen"), nil)
		}
		select {}
	}
}
`,
  Dockerfile: `FROM golang:1.26-alpine as builder
ADD . /work
WORKDIR /work
RUN go build -o edgevpn

FROM alpine
COPY --from=builder /work/edgevpn /usr/bin/edgevpn
ENTRYPOINT ["/usr/bin/edgevpn"]
`,
};

describe('3. edgevpn: the root command runs, and the project image starts it bare', () => {
  it('edgevpn: no CMD ["start"], the reason says why; --api-listen is not exposed (it opens only with --api)', async () => {
    const r = await gen(tree(edgevpnBase, {}));
    assert.doesNotMatch(r.dockerfile, /^CMD /m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /^EXPOSE /m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x === 'No subcommand: the program\'s root command runs itself, and the project\'s image starts it without arguments (Dockerfile:8 ENTRYPOINT ["/usr/bin/edgevpn"]); not "start" (cli.Command{Name: "start"} in cmd/join.go).'), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.startsWith('Not exposed: flag --api-listen default "127.0.0.1:8080" in cmd/main.go, opened only when enabled (--api: "Starts also the API daemon')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.startsWith('The image runs the program\'s root command')), r.warnings.join('\n'));
  });

  it('negative: without the project\'s image, or when it passes start, the image runs start', async () => {
    for (const dockerfile of [null, edgevpnBase.Dockerfile!.replace('ENTRYPOINT ["/usr/bin/edgevpn"]', 'ENTRYPOINT ["/usr/bin/edgevpn", "start"]')]) {
      const r = await gen(tree(edgevpnBase, { Dockerfile: dockerfile }));
      assert.match(r.dockerfile, /^CMD \["start"\]$/m, String(dockerfile));
    }
  });

  it('negative: an App without its own Action still runs start, bare image or not', async () => {
    const r = await gen(tree(edgevpnBase, { 'cmd/app.go': edgevpnBase['cmd/app.go']!.replace('\t\tAction: Main(),\n', '') }));
    assert.match(r.dockerfile, /^CMD \["start"\]$/m, r.dockerfile);
  });

  it('negative: a listen flag read outside the --api block is passed and exposed', async () => {
    const r = await gen(tree(edgevpnBase, { 'cmd/main.go': edgevpnBase['cmd/main.go']!.replace('\t\tif c.Bool("api") {\n\t\t\tgo http.ListenAndServe(c.String("api-listen"), nil)\n\t\t}\n', '\t\tgo http.ListenAndServe(c.String("api-listen"), nil)\n') }));
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
  });
});

// pufferffish/wireproxy at a57972e75621 (ISC): go.mod (799 bytes) `module
// github.com/pufferffish/wireproxy`; cmd/wireproxy/main.go (7,253 bytes):177 `config :=
// parser.String("c", "config", …)` (akamensky/argparse), :195-201 without it the default paths
// (/etc/wireproxy/wireproxy.conf, ~/.config/wireproxy.conf), else "configuration path is required";
// Dockerfile (573 bytes):11-15 `COPY --from=build /usr/src/wireproxy/wireproxy /usr/bin/wireproxy`,
// `VOLUME [ "/etc/wireproxy"]`, `ENTRYPOINT [ "/usr/bin/wireproxy" ]`, `CMD [ "--config",
// "/etc/wireproxy/config" ]`.
const wireproxyBase: Record<string, string | null> = {
  'go.mod': 'module github.com/pufferffish/wireproxy\n\ngo 1.21.1\n\nrequire github.com/akamensky/argparse v1.4.0\n',
  'go.sum': '',
  'cmd/wireproxy/main.go': `package main

import (
	"fmt"
	"os"

	"github.com/akamensky/argparse"
)

func main() {
	parser := argparse.NewParser("wireproxy", "Userspace wireguard client for proxying")
	config := parser.String("c", "config", &argparse.Options{Help: "Path of configuration file"})
	if err := parser.Parse(os.Args); err != nil {
		os.Exit(1)
	}
	if *config == "" {
		fmt.Println("configuration path is required")
		return
	}
}
`,
  Dockerfile: `FROM docker.io/golang:1.21 as build
WORKDIR /usr/src/wireproxy
COPY . .
RUN go build ./cmd/wireproxy

FROM gcr.io/distroless/static-debian11:nonroot
COPY --from=build /usr/src/wireproxy/wireproxy /usr/bin/wireproxy

VOLUME [ "/etc/wireproxy"]
ENTRYPOINT [ "/usr/bin/wireproxy" ]
CMD [ "--config", "/etc/wireproxy/config" ]
`,
};

// cesanta/docker_auth at c67e1750ff5e (Apache-2.0), auth_server/: go.mod (3,590 bytes) `module
// github.com/cesanta/docker_auth/auth_server`; main.go (6,923 bytes):244-253 `flag.Parse()`, `cf :=
// flag.Arg(0)`, `if cf == "" { glog.Exitf("Config file not specified") }`; Dockerfile (482 bytes):15-19
// `FROM alpine:3.22`, `COPY --from=build /build/auth_server /docker_auth/`, `ENTRYPOINT
// ["/docker_auth/auth_server"]`, `CMD ["/config/auth_config.yml"]`.
const dockerAuth: Record<string, string> = {
  'go.mod': 'module github.com/cesanta/docker_auth/auth_server\n\ngo 1.24.0\n',
  'main.go': `package main

import (
	"flag"
	"log"
)

func main() {
	flag.Parse()
	cf := flag.Arg(0)
	if cf == "" {
		log.Fatalf("Config file not specified")
	}
}
`,
  Dockerfile: `FROM golang:1.24-alpine3.22 AS build
COPY . /build
WORKDIR /build
RUN go build -o auth_server .

FROM alpine:3.22
COPY --from=build /build/auth_server /docker_auth/
ENTRYPOINT ["/docker_auth/auth_server"]
CMD ["/config/auth_config.yml"]
`,
};

// yyyar/gobetween at e469fe460c03 (MIT): go.mod `module github.com/yyyar/gobetween/main`, so `go
// build` names the binary main; Makefile (3,137 bytes):12 `NAME := gobetween`, :35-37 `build-static:`,
// `CGO_ENABLED=0 … go build -v -a -tags netgo -o ./bin/$(NAME) -ldflags '…' .`; Dockerfile (902
// bytes):33-35 `COPY --from=builder /opt/gobetween/bin/gobetween .`, `CMD ["/gobetween", "-c",
// "/etc/gobetween/conf/gobetween.toml"]`; src/cmd/root.go: without -c the root command prints its help.
const gobetween: Record<string, string> = {
  'go.mod': 'module github.com/yyyar/gobetween/main\n\ngo 1.24\n',
  'main.go': `package main

import (
	"flag"
	"log"
)

func main() {
	config := flag.String("c", "", "Path to configuration file")
	flag.Parse()
	log.Println(*config)
}
`,
  Makefile: `NAME := gobetween

build-static:
\tCGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -v -a -tags netgo -o ./bin/$(NAME) -ldflags '-s -w' .
`,
  Dockerfile: `FROM golang:1.24-alpine as builder
WORKDIR /opt/gobetween
COPY . .
RUN make build-static

FROM scratch
WORKDIR /
COPY --from=builder /opt/gobetween/bin/gobetween  .
CMD ["/gobetween", "-c", "/etc/gobetween/conf/gobetween.toml"]
`,
};

describe('4. the configuration argument the project\'s image passes (wireproxy, docker_auth, gobetween)', () => {
  it('wireproxy: a Check names --config /etc/wireproxy/config, its VOLUME, and the CMD that passes it', async () => {
    const r = await gen(tree(wireproxyBase, {}));
    assert.ok(r.warnings.includes('The project\'s image starts wireproxy with --config /etc/wireproxy/config (Dockerfile:10 ENTRYPOINT ["/usr/bin/wireproxy"], :11 CMD ["--config","/etc/wireproxy/config"]), and this image sets no CMD. /etc/wireproxy/config is the deployment\'s (Dockerfile:9 VOLUME [ "/etc/wireproxy"]: what its users mount there): mount your own file there. To start it the same way, add them to the CMD (CMD ["--config", "/etc/wireproxy/config"]) or pass them in docker run.'), r.warnings.join('\n'));
  });

  it('docker_auth: a Check names the positional /config/auth_config.yml', async () => {
    const r = await gen(tree(dockerAuth, {}));
    assert.ok(r.warnings.some((w) => w.startsWith('The project\'s image starts auth_server with /config/auth_config.yml (Dockerfile:8 ENTRYPOINT ["/docker_auth/auth_server"], :9 CMD ["/config/auth_config.yml"]), and this image sets no CMD. /config/auth_config.yml is the deployment\'s: mount your own file there.')), r.warnings.join('\n'));
  });

  it('gobetween: the Makefile names the binary gobetween through $(NAME), so its image\'s CMD is read', async () => {
    const r = await gen(tree(gobetween, {}));
    assert.ok(r.warnings.some((w) => w.startsWith('The project\'s image starts gobetween with -c /etc/gobetween/conf/gobetween.toml (Dockerfile:9 CMD ["/gobetween","-c","/etc/gobetween/conf/gobetween.toml"])')), r.warnings.join('\n'));
  });

  it('negative: no Check when the project\'s image passes nothing, only --help, or a variable; nor for a name the Makefile sets twice', async () => {
    const variants: Record<string, string | null>[] = [
      { Dockerfile: wireproxyBase.Dockerfile!.replace('CMD [ "--config", "/etc/wireproxy/config" ]\n', '') },
      { Dockerfile: wireproxyBase.Dockerfile!.replace('CMD [ "--config", "/etc/wireproxy/config" ]', 'CMD [ "--help" ]') },
      // cloudflare/cloudflared d1df798 Dockerfile:37-38 `ENTRYPOINT ["cloudflared", "--no-autoupdate"]`, `CMD ["version"]`.
      { Dockerfile: wireproxyBase.Dockerfile!.replace('CMD [ "--config", "/etc/wireproxy/config" ]', 'CMD [ "--no-autoupdate", "version" ]') },
      { Dockerfile: wireproxyBase.Dockerfile!.replace('"/etc/wireproxy/config"', '"$CONFIG"') },
      // tailscale/golink c4eca52 Dockerfile: `CMD ["--sqlitedb", "/home/nonroot/golink.db", "--verbose"]`: data the program makes, no configuration.
      { Dockerfile: wireproxyBase.Dockerfile!.replace('CMD [ "--config", "/etc/wireproxy/config" ]', 'CMD [ "--sqlitedb", "/home/nonroot/golink.db", "--verbose" ]') },
      // kubernetes/kube-state-metrics: settings only (`--port=8080`, `--telemetry-port=8081`), no file.
      { Dockerfile: wireproxyBase.Dockerfile!.replace('CMD [ "--config", "/etc/wireproxy/config" ]', 'CMD [ "--port=8080", "--telemetry-port=8081" ]') },
      // kubernetes/node-problem-detector: files the project's image copies there itself
      // (`COPY --from=builder /src/config/ /config`, `--config.system-log-monitor=/config/kernel-monitor.json,…`).
      { Dockerfile: wireproxyBase.Dockerfile!.replace('VOLUME', 'COPY --from=build /usr/src/wireproxy/config/ /config\nVOLUME').replace('CMD [ "--config", "/etc/wireproxy/config" ]', 'CMD [ "--config=/config/a.json,/config/b.json" ]') },
      { Dockerfile: null },
    ];
    for (const v of variants) {
      const r = await gen(tree(wireproxyBase, v));
      assert.ok(!r.warnings.some((w) => w.startsWith('The project\'s image starts')), JSON.stringify(v) + r.warnings.join('\n'));
    }
    const twice = await gen(tree(gobetween, { 'go.mod': 'module github.com/yyyar/lb/main\n\ngo 1.24\n', Makefile: `NAME := gobetween\nifeq ($(OS),Windows_NT)\nNAME := gobetween.exe\nendif\n${gobetween.Makefile.slice('NAME := gobetween\n'.length)}` }));
    assert.ok(!twice.warnings.some((w) => w.startsWith('The project\'s image starts')), twice.warnings.join('\n'));
  });
});

// apernet/hysteria at cb70589a1046 (MIT), app/ (here as the module root): app/go.mod (4,251 bytes)
// `module github.com/apernet/hysteria/app/v2`; app/main.go (94 bytes) `cmd.Execute()`;
// app/cmd/root.go (4,984 bytes):67-72 `rootCmd = &cobra.Command{Use: "hysteria", …, Run:
// runClientCmd}`, :119 `rootCmd.PersistentFlags().StringVarP(&cfgFile, "config", "c", "", "config
// file")`, :126-136 initConfig: `if cfgFile != "" { defaultViper.SetConfigFile(cfgFile) } else {
// defaultViper.SetConfigName("config"); defaultViper.SetConfigType("yaml"); …AddConfigPath(".");
// …AddConfigPath("$HOME/.hysteria"); …AddConfigPath("/etc/hysteria/") }`; app/cmd/client.go (48,654
// bytes):839-842 `func runClient(v *viper.Viper) { if err := v.ReadInConfig(); err != nil {
// logger.Fatal("failed to read client config", zap.Error(err)) }`. The project's Dockerfile runs
// `ENTRYPOINT ["hysteria"]` with no configuration.
const hysteria: Record<string, string | null> = {
  'go.mod': 'module github.com/apernet/hysteria/app/v2\n\ngo 1.25.0\n\nrequire (\n\tgithub.com/spf13/cobra v1.9.1\n\tgithub.com/spf13/viper v1.20.1\n)\n',
  'go.sum': '',
  'main.go': 'package main\n\nimport "github.com/apernet/hysteria/app/v2/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': `package cmd

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var (
	cfgFile      string
	defaultViper *viper.Viper
)

var rootCmd = &cobra.Command{
	Use:   "hysteria",
	Short: "a powerful, lightning fast and censorship resistant proxy",
	Run:   runClientCmd, // Default to client mode
}

func Execute() {
	err := rootCmd.Execute()
	if err != nil {
		os.Exit(1)
	}
}

func init() {
	rootCmd.PersistentFlags().StringVarP(&cfgFile, "config", "c", "", "config file")
	cobra.OnInitialize(initConfig)
}

func initConfig() {
	defaultViper = viper.New()
	if cfgFile != "" {
		defaultViper.SetConfigFile(cfgFile)
	} else {
		defaultViper.SetConfigName("config")
		defaultViper.SetConfigType("yaml")
		defaultViper.AddConfigPath(".")
		defaultViper.AddConfigPath("$HOME/.hysteria")
		defaultViper.AddConfigPath("/etc/hysteria/")
	}
}
`,
  'cmd/client.go': `package cmd

import (
	"log"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

func runClientCmd(cmd *cobra.Command, args []string) {
	runClient(defaultViper)
}

func runClient(v *viper.Viper) {
	if err := v.ReadInConfig(); err != nil {
		log.Fatalf("failed to read client config: %v", err)
	}
}
`,
};

describe('5. a module path ending in a folder name: the binary is named after the repository (gobetween, hysteria)', () => {
  it('github.com/yyyar/gobetween/main builds gobetween; github.com/apernet/hysteria/app/v2 builds hysteria', async () => {
    const g = await gen(tree(gobetween, { Makefile: null, Dockerfile: null }));
    assert.match(g.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/gobetween"\]$/m, g.dockerfile);
    const h = await gen(tree(hysteria, {}));
    assert.match(h.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/hysteria"\]$/m, h.dockerfile);
  });

  it('negative: a short module path (example.com/app), a generic element above (github.com/x/cmd/app), or a named module keep their names', async () => {
    for (const [mod, binary] of [['example.com/app', 'app'], ['github.com/x/cmd/app', 'app'], ['github.com/mongodb/mongodb-atlas-kubernetes/test/app', 'app'], ['github.com/yyyar/gobetween', 'gobetween'], ['main', 'main']] as const) {
      const r = await gen(tree(gobetween, { Makefile: null, Dockerfile: null, 'go.mod': `module ${mod}\n\ngo 1.24\n` }));
      assert.match(r.dockerfile, new RegExp(`^ENTRYPOINT \\["/usr/local/bin/${binary}"\\]$`, 'm'), mod);
    }
  });
});

describe('6. hysteria: the configuration viper searches for and stops without', () => {
  it('hysteria: a Check names config.yaml, the folders, --config and where to mount it', async () => {
    const r = await gen(tree(hysteria, {}));
    assert.ok(r.warnings.includes('The program reads its configuration through viper: config.yaml in . (the working directory, /app), $HOME/.hysteria, /etc/hysteria/ (cmd/root.go:38), or the file --config names, and stops when it finds none (cmd/client.go:15: ReadInConfig, then it exits). The image holds none: mount yours (docker run -v …:/etc/hysteria/config.yaml) or pass --config with its path.'), r.warnings.join('\n'));
  });

  it('negative: a missing file tolerated (ConfigFileNotFoundError), an error returned, or a literal SetConfigFile: no Check', async () => {
    const variants: Record<string, string>[] = [
      { 'cmd/client.go': hysteria['cmd/client.go']!.replace('\t\tlog.Fatalf', '\t\tif _, ok := err.(viper.ConfigFileNotFoundError); ok {\n\t\t\treturn\n\t\t}\n\t\tlog.Fatalf') },
      { 'cmd/client.go': hysteria['cmd/client.go']!.replace('func runClient(v *viper.Viper) {', 'func runClient(v *viper.Viper) error {').replace('\t\tlog.Fatalf("failed to read client config: %v", err)\n', '\t\treturn err\n').replace('\t}\n}\n', '\t}\n\treturn nil\n}\n').replace('\trunClient(defaultViper)', '\tif err := runClient(defaultViper); err != nil {\n\t\tlog.Print(err)\n\t}') },
      { 'cmd/root.go': hysteria['cmd/root.go']!.replace('defaultViper.SetConfigFile(cfgFile)', 'defaultViper.SetConfigFile("/etc/hysteria/config.yaml")') },
    ];
    for (const v of variants) {
      const r = await gen(tree(hysteria, v));
      assert.ok(!r.warnings.some((w) => w.startsWith('The program reads its configuration through viper')), JSON.stringify(v) + r.warnings.join('\n'));
    }
  });
});

// zcash/lightwalletd at ba1b9319865b583476b8ef0d6862fee83f2c31aa (MIT; judge 39 G G7): go.mod `module
// github.com/zcash/lightwalletd`, `go 1.12`; main.go `cmd.Execute()`; cmd/root.go (15,000-odd
// bytes):235-237 `if err := os.MkdirAll(opts.DataDir, 0755); err != nil { … "Can't create data
// directory" … os.Exit(1) }`, :334 `rootCmd.Flags().String("data-dir", "/var/lib/lightwalletd", "data
// directory (such as db)")`. Its Dockerfile:50-51 makes the folder for its user (`mkdir -p
// /var/lib/lightwalletd/db && chown 2002:2002 …`).
const lightwalletdRoot = (def: string, flag = 'data-dir', mkdir = true) => `package cmd

import (
	"os"

	"github.com/spf13/cobra"
)

var dataDir string

var rootCmd = &cobra.Command{
	Use: "lightwalletd",
	Run: func(cmd *cobra.Command, args []string) {
${mkdir ? '\t\tif err := os.MkdirAll(dataDir, 0755); err != nil {\n\t\t\tos.Stderr.WriteString("Can\'t create data directory")\n\t\t\tos.Exit(1)\n\t\t}\n' : ''}	},
}

func Execute() {
	if err := rootCmd.Execute(); err != nil {
		os.Exit(1)
	}
}

func init() {
	rootCmd.Flags().StringVar(&dataDir, "${flag}", "${def}", "data directory (such as db)")
}
`;
const lightwalletd = (root: string): Record<string, string> => ({
  'go.mod': 'module github.com/zcash/lightwalletd\n\ngo 1.12\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'main.go': 'package main\n\nimport "github.com/zcash/lightwalletd/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': root,
});

describe('7. lightwalletd: a data-folder flag whose default is where 65532 cannot create it', () => {
  it('lightwalletd: a Check names --data-dir, its default /var/lib/lightwalletd, and what to pass', async () => {
    const r = await gen(tree(lightwalletd(lightwalletdRoot('/var/lib/lightwalletd')), {}));
    assert.ok(r.warnings.includes('Flag --data-dir defaults to /var/lib/lightwalletd (cmd/root.go:28), a folder this image does not have, in /var/lib, which is root\'s: running as USER 65532, the program cannot create it there nor write in it. Pass --data-dir with a folder the runtime user owns (CMD ["--data-dir", "/app/data"]), or mount a volume at /var/lib/lightwalletd that uid 65532 can write.'), r.warnings.join('\n'));
  });

  it('negative: a default under /app or /tmp, a flag that names no data folder, or a program that makes no folder: no Check', async () => {
    // mariadb-operator/mariadb-operator: cmd/agent/main.go:57 `RootCmd.PersistentFlags().StringVar(&stateDir, "state-dir", "/var/lib/mysql", …)`
    // on the root of a package the controller adds as its `agent` subcommand: not the command the image runs.
    const subcommandRoot = lightwalletdRoot('/var/lib/lightwalletd').replace('func Execute() {\n\tif err := rootCmd.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}', 'func Execute() {\n\tos.Exit(run(rootCmd))\n}\n\nfunc run(c *cobra.Command) int { return 0 }');
    for (const root of [lightwalletdRoot('/app/data'), lightwalletdRoot('/tmp/lwd'), lightwalletdRoot('/var/lib/lightwalletd', 'log-file'), lightwalletdRoot('/var/lib/lightwalletd', 'data-dir', false), subcommandRoot]) {
      const r = await gen(tree(lightwalletd(root), {}));
      assert.ok(!r.warnings.some((w) => w.startsWith('Flag --')), root + r.warnings.join('\n'));
    }
  });
});
