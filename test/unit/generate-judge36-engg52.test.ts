/**
 * The generator on real repositories of rounds 35 and 36 (judge Y, generator sections), session
 * 52: each case a small skeleton of a real repository (the files that matter, with their sizes in
 * the repository, go.mod and the few relevant lines), with its repository, commit and licence
 * above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. (round 36 Y G6) TimothyYe/godns: `//go:embed all:out` in internal/server, whose
 *    `//go:generate sh -c "cp -r ../../web/out ."` copies the Next.js static export (web/'s
 *    `next build` with `output: 'export'`: web/out) there; web/ installs with bun (bun.lock only):
 *    a bun stage builds web/out and the build stage gets it at internal/server/out, instead of
 *    stopping with "where it writes is not stated plainly".
 * 2. (round 35 Y G7) botlabs-gg/yagpdb: common/run/run.go exits unless one of -bot, -web, -feeds,
 *    -all, … is given; the project's image passes -all: CMD ["-all"], and a Check when no image
 *    of the project says which. Only on the program's own main path: vmware-tanzu/velero's
 *    `restore create` (a cobra subcommand) needing --from-backup or --from-schedule is no flag
 *    the image must pass.
 * 3. (round 36 Y G4) xjasonlyu/tun2socks: gVisor's `tun.Open` (TUNSETIFF on /dev/net/tun) needs
 *    CAP_NET_ADMIN and the device: the Check says so, as for netlink and wireguard's tun.
 * 4. (round 36 Y G5) zmap/zgrab2: the project's image puts conf/blocklist.conf in root's home,
 *    where zgrab2 finds it through HOME; the image runs as 65532: the file goes to its HOME.
 * 5. navidrome/navidrome (regression set): a package whose names are declared in tag-gated files
 *    is not the generated-code stub of G51's stop (PeerDB flow).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge36-engg52');

// TimothyYe/godns at 2c905cb (Apache-2.0): go.mod (1,822 bytes) `module github.com/TimothyYe/godns`,
// `go 1.26.0`, `toolchain go1.26.4`; cmd/godns/godns.go (2,288 bytes) imports internal/manager,
// whose dns_manager.go imports internal/server; internal/server/server.go (3,618 bytes):1
// `//go:generate sh -c "cp -r ../../web/out ."`, :19-20 `//go:embed all:out`, `var embeddedFiles
// embed.FS`; web/package.json (1,081 bytes) `"packageManager": "bun@1.3.11"`, `"build": "next
// build"`, `"next": "^16.2.1"`; web/next.config.js (81 bytes) `module.exports = { output: 'export',
// }`; web/bun.lock (108,154 bytes); .gitignore `out/`. The project's Dockerfile builds web/ in
// oven/bun:1.3.11-alpine (`bun install --frozen-lockfile`, `bun run build`), copies web/out and
// runs `go generate ./...`.
const godnsServer = (generate: string) => `${generate}package server

import (
	"embed"
	"net/http"
)

//go:embed all:out
var embeddedFiles embed.FS

type Server struct{ addr string }

func (s *Server) Start() error {
	return http.ListenAndServe(s.addr, http.FileServer(http.FS(embeddedFiles)))
}
`;
const godnsPackage = (manager: string) => `{
  "name": "web",
  "version": "0.1.0",
  "private": true,
${manager}  "scripts": {
    "dev": "next dev",
    "build": "next build",
    "start": "next start"
  },
  "dependencies": {
    "next": "^16.2.1",
    "react": "^19.2.4",
    "react-dom": "^19.2.4"
  }
}
`;
const godns: Record<string, string | null> = {
  'go.mod': 'module github.com/TimothyYe/godns\n\ngo 1.26.0\n\ntoolchain go1.26.4\n',
  '.gitignore': 'godns\nconfig.json\n\ndist/\nout/\n',
  'cmd/godns/godns.go': 'package main\n\nimport (\n\t"github.com/TimothyYe/godns/internal/manager"\n)\n\nfunc main() {\n\tmanager.Run()\n}\n',
  'internal/manager/dns_manager.go': 'package manager\n\nimport (\n\t"github.com/TimothyYe/godns/internal/server"\n)\n\nfunc Run() {\n\ts := &server.Server{}\n\t_ = s.Start()\n}\n',
  'internal/server/server.go': godnsServer('//go:generate sh -c "cp -r ../../web/out ."\n'),
  'web/package.json': godnsPackage('  "packageManager": "bun@1.3.11",\n'),
  'web/next.config.js': "/** @type {import('next').NextConfig} */\nmodule.exports = {\n\toutput: 'export',\n}\n",
  'web/bun.lock': '{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "web",\n    },\n  },\n  "packages": {},\n}\n',
  'web/app/page.tsx': 'export default function Home() { return null; }\n',
};

describe('1. godns: the Next.js export web/out, copied to internal/server/out by a //go:generate', () => {
  it('a bun stage builds web/out; the build stage gets it at internal/server/out, with the reason', async () => {
    const r = await genClean(tree(godns, {}));
    assert.match(r.dockerfile, /^FROM --platform=\$BUILDPLATFORM oven\/bun:1\.3\.11 AS web$/m, r.dockerfile);
    assert.match(r.dockerfile, /^COPY web\/package\.json web\/bun\.lock \.\/$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ {4}bun install --frozen-lockfile$/m, r.dockerfile);
    assert.match(r.dockerfile, /^RUN bun run build$/m, r.dockerfile);
    assert.match(r.dockerfile, /^COPY --from=web \/src\/web\/out \/src\/internal\/server\/out$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes("next build with output: 'export' in web/next.config.js, which writes out/") && x.includes('internal/server/server.go:1 `//go:generate sh -c "cp -r ../../web/out ."`')), r.reasons.join('\n'));
  });

  it('no packageManager: bun\'s image of the major release', async () => {
    const r = await gen(tree(godns, { 'web/package.json': godnsPackage('') }));
    assert.match(r.dockerfile, /^FROM --platform=\$BUILDPLATFORM oven\/bun:1 AS web$/m, r.dockerfile);
  });

  it('a package-lock.json beside it: npm, as before', async () => {
    const r = await gen(tree(godns, { 'web/bun.lock': null, 'web/package-lock.json': '{\n  "name": "web",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n' }));
    assert.match(r.dockerfile, /^RUN npm run build$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /oven\/bun/, r.dockerfile);
    assert.match(r.dockerfile, /^COPY --from=web \/src\/web\/out \/src\/internal\/server\/out$/m, r.dockerfile);
  });

  it('negative: without the //go:generate copy, nothing ties web/out to internal/server/out: it stops and says where the build writes', async () => {
    await assert.rejects(gen(tree(godns, { 'internal/server/server.go': godnsServer('') })), (e: Error) => {
      assert.match(e.message, /it writes web\/out \(next build with output: 'export' in web\/next\.config\.js, which writes out\/\), and no build file of the project says it is copied to internal\/server\/out/);
      return true;
    });
  });

  it('negative: a //go:generate that copies web/out elsewhere: the same stop', async () => {
    await assert.rejects(gen(tree(godns, { 'internal/server/server.go': godnsServer('//go:generate sh -c "cp -r ../../web/out ../static"\n') })), /no build file of the project says it is copied to internal\/server\/out/);
  });

  it('negative: no static export in next.config.js (next build writes .next/): where it writes is not stated', async () => {
    await assert.rejects(gen(tree(godns, { 'web/next.config.js': "module.exports = {\n\treactStrictMode: true,\n}\n" })), /where it writes is not stated plainly/);
  });

  it('distDir moves the export (Next 14+): that folder is what the //go:generate must copy', async () => {
    const r = await gen(tree(godns, {
      'web/next.config.js': "module.exports = {\n\toutput: 'export',\n\tdistDir: 'build',\n}\n",
      'internal/server/server.go': godnsServer('//go:generate sh -c "cp -r ../../web/build ./out"\n'),
    }));
    assert.match(r.dockerfile, /^COPY --from=web \/src\/web\/build \/src\/internal\/server\/out$/m, r.dockerfile);
  });
});

// botlabs-gg/yagpdb at c3facf5 (MIT): go.mod (8,060 bytes) `module github.com/botlabs-gg/yagpdb/v2`,
// `go 1.26.0`; cmd/yagpdb/main.go (3,707 bytes):60 `run.Init()`; common/run/run.go (6,997
// bytes):55-69 `flag.BoolVar(&flagRunBot, "bot", false, …)` … `flag.StringVar(&flagRunFeeds,
// "feeds", "", …)`, :96-99 `if !flagRunBot && !flagRunWeb && flagRunFeeds == "" &&
// !flagRunEverything && !flagDryRun && !flagRunBWC && !flagGenConfigDocs && !FlagGenCmdDocs {
// log.Error("Didnt specify what to run, see -h for more info"); os.Exit(1) }`;
// yagpdb_docker/Dockerfile (701 bytes):25-26 `ENTRYPOINT ["/app/yagpdb"]`, `CMD ["-all", "-pa",
// "-exthttps=false", "-https=true"]`.
const yagpdbRun = (condition: string) => `package run

import (
	"flag"
	"os"

	log "github.com/sirupsen/logrus"
)

var (
	flagRunBot        bool
	flagRunWeb        bool
	flagRunFeeds      string
	flagRunEverything bool
	flagRunBWC        bool

	flagDryRun bool

	FlagGenCmdDocs    bool
	flagGenConfigDocs bool

	flagNodeID string
)

func init() {
	flag.BoolVar(&flagRunBot, "bot", false, "Set to run discord bot and bot related stuff")
	flag.BoolVar(&flagRunWeb, "web", false, "Set to run webserver")
	flag.StringVar(&flagRunFeeds, "feeds", "", "Which feeds to run, comma seperated list (currently reddit, youtube and twitter)")
	flag.BoolVar(&flagRunEverything, "all", false, "Set to everything (discord bot, webserver, backgroundworkers and all feeds)")
	flag.BoolVar(&flagDryRun, "dry", false, "Do a dryrun, initialize all plugins but don't actually start anything")
	flag.BoolVar(&flagRunBWC, "backgroundworkers", false, "Run the various background workers, atleast one process needs this")
	flag.BoolVar(&FlagGenCmdDocs, "gencmddocs", false, "Generate command docs and exit")
	flag.BoolVar(&flagGenConfigDocs, "genconfigdocs", false, "Generate config docs and exit")
	flag.StringVar(&flagNodeID, "nodeid", "", "The id of this node, used when running with a sharding orchestrator")
}

func Init() {
	if !flag.Parsed() {
		flag.Parse()
	}

	if ${condition} {
		log.Error("Didnt specify what to run, see -h for more info")
		os.Exit(1)
	}
}
`;
const yagpdbCondition = '!flagRunBot && !flagRunWeb && flagRunFeeds == "" && !flagRunEverything && !flagDryRun && !flagRunBWC && !flagGenConfigDocs && !FlagGenCmdDocs';
const yagpdbDockerfile = 'FROM docker.io/golang:1.26.0 AS builder\n\nWORKDIR /appbuild/yagpdb\nCOPY go.mod go.sum ./\nRUN go mod download\n\nCOPY . .\n\nWORKDIR /appbuild/yagpdb/cmd/yagpdb\nRUN GOEXPERIMENT=jsonv2 CGO_ENABLED=0 GOOS=linux go build -v -ldflags "-X github.com/botlabs-gg/yagpdb/v2/common.VERSION=$(git describe --tags)"\n\n\n\nFROM docker.io/alpine:latest\n\nWORKDIR /app\nVOLUME ["/app/soundboard", "/app/cert"]\nEXPOSE 80 443\n\n# Dependencies: ca-certificates for client TLS, tzdata for timezone and ffmpeg for soundboard support\nRUN apk --no-cache add ca-certificates ffmpeg tzdata\n\nCOPY --from=builder /appbuild/yagpdb/cmd/yagpdb/yagpdb yagpdb\n\nENTRYPOINT ["/app/yagpdb"]\nCMD ["-all", "-pa", "-exthttps=false", "-https=true"]\n';
const yagpdb: Record<string, string | null> = {
  'go.mod': 'module github.com/botlabs-gg/yagpdb/v2\n\ngo 1.26.0\n\nrequire github.com/sirupsen/logrus v1.9.3\n',
  'go.sum': '',
  'cmd/yagpdb/main.go': 'package main\n\nimport (\n\t"github.com/botlabs-gg/yagpdb/v2/common/run"\n)\n\nfunc main() {\n\trun.Init()\n}\n',
  'common/run/run.go': yagpdbRun(yagpdbCondition),
  'yagpdb_docker/Dockerfile': yagpdbDockerfile,
};

describe('2. yagpdb: the program exits unless one of its run flags is given', () => {
  it('CMD ["-all"], the flag the project\'s image passes; its deployment settings are not passed', async () => {
    const r = await genClean(tree(yagpdb, {}), { package: './cmd/yagpdb' });
    assert.match(r.dockerfile, /^CMD \["-all"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('CMD ["-all"]: the program stops at start unless one of -bot, -web, -feeds, -all, -dry, -backgroundworkers, -genconfigdocs, -gencmddocs is given (common/run/run.go:') && x.includes('yagpdb_docker/Dockerfile:25 ENTRYPOINT') && x.includes('(-pa -exthttps=false -https=true)')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('stops at start unless')), r.warnings.join('\n'));
  });

  it('no Dockerfile of the project: no CMD, a Check naming the flags and the message', async () => {
    const r = await gen(tree(yagpdb, { 'yagpdb_docker/Dockerfile': null }), { package: './cmd/yagpdb' });
    assert.doesNotMatch(r.dockerfile, /^CMD/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith('The program stops at start unless one of -bot, -web, -feeds, -all, -dry, -backgroundworkers, -genconfigdocs, -gencmddocs is given: common/run/run.go:') && w.includes('"Didnt specify what to run, see -h for more info"')), r.warnings.join('\n'));
  });

  it('negative: a condition that also reads something else (a configuration value): silent', async () => {
    const r = await gen(tree(yagpdb, { 'common/run/run.go': yagpdbRun(`${yagpdbCondition} && flagNodeID != "x"`), 'yagpdb_docker/Dockerfile': null }), { package: './cmd/yagpdb' });
    assert.doesNotMatch(r.dockerfile, /^CMD/m, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('stops at start unless one of')), r.warnings.join('\n'));
  });

  it('negative: a flag defaulting to true in the condition is no flag to give: silent', async () => {
    const r = await gen(tree(yagpdb, {
      'common/run/run.go': yagpdbRun(yagpdbCondition).replace('flag.BoolVar(&flagRunBot, "bot", false,', 'flag.BoolVar(&flagRunBot, "bot", true,'),
      'yagpdb_docker/Dockerfile': null,
    }), { package: './cmd/yagpdb' });
    assert.ok(!r.warnings.some((w) => w.includes('stops at start unless one of')), r.warnings.join('\n'));
  });

  it('main imports the package under another name (`r.Init()`): the check is on its path, CMD ["-all"]', async () => {
    const r = await gen(tree(yagpdb, {
      'cmd/yagpdb/main.go': 'package main\n\nimport (\n\tr "github.com/botlabs-gg/yagpdb/v2/common/run"\n)\n\nfunc main() {\n\tr.Init()\n}\n',
    }), { package: './cmd/yagpdb' });
    assert.match(r.dockerfile, /^CMD \["-all"\]$/m, r.dockerfile);
  });

  it('negative: the check in a function only a cobra command\'s RunE calls: not on the main path, silent', async () => {
    const r = await gen(tree(yagpdb, {
      'cmd/yagpdb/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/botlabs-gg/yagpdb/v2/common/run"\n\t"github.com/spf13/cobra"\n)\n\nfunc main() {\n\troot := &cobra.Command{Use: "yagpdb"}\n\troot.AddCommand(&cobra.Command{\n\t\tUse: "serve",\n\t\tRunE: func(c *cobra.Command, args []string) error {\n\t\t\trun.Init()\n\t\t\treturn nil\n\t\t},\n\t})\n\tif err := root.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
      'go.mod': yagpdb['go.mod']!.replace('require github.com/sirupsen/logrus v1.9.3\n', 'require (\n\tgithub.com/sirupsen/logrus v1.9.3\n\tgithub.com/spf13/cobra v1.10.2\n)\n'),
      'yagpdb_docker/Dockerfile': null,
    }), { package: './cmd/yagpdb' });
    assert.ok(!r.warnings.some((w) => w.includes('stops at start unless one of')), r.warnings.join('\n'));
  });

  it('negative: main calls it after the command dispatch (cobra\'s Execute): silent', async () => {
    const r = await gen(tree(yagpdb, {
      'cmd/yagpdb/main.go': 'package main\n\nimport (\n\t"github.com/botlabs-gg/yagpdb/v2/common/run"\n\t"github.com/spf13/cobra"\n)\n\nfunc main() {\n\troot := &cobra.Command{Use: "yagpdb"}\n\t_ = root.Execute()\n\trun.Init()\n}\n',
      'go.mod': yagpdb['go.mod']!.replace('require github.com/sirupsen/logrus v1.9.3\n', 'require (\n\tgithub.com/sirupsen/logrus v1.9.3\n\tgithub.com/spf13/cobra v1.10.2\n)\n'),
      'yagpdb_docker/Dockerfile': null,
    }), { package: './cmd/yagpdb' });
    assert.ok(!r.warnings.some((w) => w.includes('stops at start unless one of')), r.warnings.join('\n'));
  });
});

// vmware-tanzu/velero at d30d389 (Apache-2.0): go.mod (9,816 bytes) `module
// github.com/vmware-tanzu/velero`, `go 1.26.0`; cmd/velero/velero.go (882 bytes) `err :=
// velero.NewCommand(baseName).Execute()`, `cmd.CheckError(err)`; pkg/cmd/velero/velero.go (5,559
// bytes):59-109 `func NewCommand(name string) *cobra.Command`, `c.AddCommand(… restore.NewCommand(f)
// …)`; pkg/cmd/cli/restore/restore.go (1,014 bytes) `c.AddCommand(NewCreateCommand(f, "create"),
// …)`; pkg/cmd/cli/restore/create.go (16,593 bytes):46-78 NewCreateCommand, its `Run: func(c
// *cobra.Command, args []string) { … cmd.CheckError(o.Validate(c, args, f)) … }`, :121-122
// `flags.StringVar(&o.BackupName, "from-backup", "", …)`, `flags.StringVar(&o.ScheduleName,
// "from-schedule", "", …)`, :189-191 in Validate `if o.BackupName == "" && o.ScheduleName == "" {
// return errors.New("either a backup or schedule must be specified, but not both") }`;
// pkg/cmd/errors.go (1,068 bytes) CheckError: os.Exit(1) on an error.
const veleroCreate = `package restore

import (
	"github.com/pkg/errors"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vmware-tanzu/velero/pkg/cmd"
)

func NewCreateCommand(f string, use string) *cobra.Command {
	o := NewCreateOptions()

	c := &cobra.Command{
		Use:   use + " [RESTORE_NAME] [--from-backup BACKUP_NAME | --from-schedule SCHEDULE_NAME]",
		Short: "Create a restore",
		Example: \`  # Create a restore named "restore-1" from backup "backup-1".
  velero restore create restore-1 --from-backup backup-1\`,
		Args: cobra.MaximumNArgs(1),
		Run: func(c *cobra.Command, args []string) {
			cmd.CheckError(o.Validate(c, args, f))
		},
	}

	o.BindFlags(c.Flags())

	return c
}

type CreateOptions struct {
	BackupName   string
	ScheduleName string
}

func NewCreateOptions() *CreateOptions {
	return &CreateOptions{}
}

func (o *CreateOptions) BindFlags(flags *pflag.FlagSet) {
	flags.StringVar(&o.BackupName, "from-backup", "", "Backup to restore from")
	flags.StringVar(&o.ScheduleName, "from-schedule", "", "Schedule to restore from")
}

func (o *CreateOptions) Validate(c *cobra.Command, args []string, f string) error {
	if o.BackupName != "" && o.ScheduleName != "" {
		return errors.New("either a backup or schedule must be specified, but not both")
	}

	if o.BackupName == "" && o.ScheduleName == "" {
		return errors.New("either a backup or schedule must be specified, but not both")
	}

	return nil
}
`;
const velero: Record<string, string | null> = {
  'go.mod': 'module github.com/vmware-tanzu/velero\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgithub.com/spf13/cobra v1.10.2\n\tgithub.com/spf13/pflag v1.0.10\n)\n',
  'go.sum': '',
  'cmd/velero/velero.go': 'package main\n\nimport (\n\t"os"\n\t"path/filepath"\n\n\t"github.com/vmware-tanzu/velero/pkg/cmd"\n\t"github.com/vmware-tanzu/velero/pkg/cmd/velero"\n)\n\nfunc main() {\n\tbaseName := filepath.Base(os.Args[0])\n\n\terr := velero.NewCommand(baseName).Execute()\n\tcmd.CheckError(err)\n}\n',
  'pkg/cmd/velero/velero.go': 'package velero\n\nimport (\n\t"github.com/spf13/cobra"\n\n\t"github.com/vmware-tanzu/velero/pkg/cmd/cli/restore"\n)\n\nfunc NewCommand(name string) *cobra.Command {\n\tc := &cobra.Command{\n\t\tUse:   name,\n\t\tShort: "Back up and restore Kubernetes cluster resources.",\n\t}\n\n\tf := name\n\tc.AddCommand(\n\t\trestore.NewCommand(f),\n\t)\n\n\treturn c\n}\n',
  'pkg/cmd/cli/restore/restore.go': 'package restore\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc NewCommand(f string) *cobra.Command {\n\tc := &cobra.Command{\n\t\tUse:   "restore",\n\t\tShort: "Work with restores",\n\t}\n\n\tc.AddCommand(\n\t\tNewCreateCommand(f, "create"),\n\t)\n\n\treturn c\n}\n',
  'pkg/cmd/cli/restore/create.go': veleroCreate,
  'pkg/cmd/errors.go': 'package cmd\n\nimport (\n\t"context"\n\t"fmt"\n\t"os"\n)\n\nfunc CheckError(err error) {\n\tif err != nil {\n\t\tif err != context.Canceled {\n\t\t\tfmt.Fprintf(os.Stderr, "An error occurred: %v\\n", err)\n\t\t}\n\t\tos.Exit(1)\n\t}\n}\n',
};

describe('2b. velero: a cobra subcommand\'s own flags (restore create) are no run flag of the program', () => {
  it('no Check about --from-backup or --from-schedule, no CMD passing them', async () => {
    const r = await gen(tree(velero, {}), { package: './cmd/velero' });
    assert.ok(!r.warnings.some((w) => w.includes('stops at start unless one of')), r.warnings.join('\n'));
    assert.doesNotMatch(r.dockerfile, /from-backup|from-schedule/, r.dockerfile);
  });

  it('the same kind of check in a function main calls before Execute: the Check', async () => {
    const r = await gen(tree(velero, {
      'cmd/velero/velero.go': velero['cmd/velero/velero.go']!.replace('\terr := velero.NewCommand(baseName).Execute()', '\trestore.Check()\n\terr := velero.NewCommand(baseName).Execute()').replace('\t"github.com/vmware-tanzu/velero/pkg/cmd/velero"\n', '\t"github.com/vmware-tanzu/velero/pkg/cmd/cli/restore"\n\t"github.com/vmware-tanzu/velero/pkg/cmd/velero"\n'),
      'pkg/cmd/cli/restore/check.go': 'package restore\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n)\n\nvar backupName, scheduleName string\n\nfunc init() {\n\tflag.StringVar(&backupName, "from-backup", "", "Backup to restore from")\n\tflag.StringVar(&scheduleName, "from-schedule", "", "Schedule to restore from")\n}\n\nfunc Check() {\n\tflag.Parse()\n\tif backupName == "" && scheduleName == "" {\n\t\tfmt.Fprintln(os.Stderr, "either a backup or schedule must be specified")\n\t\tos.Exit(1)\n\t}\n}\n',
    }), { package: './cmd/velero' });
    assert.ok(r.warnings.some((w) => w.startsWith('The program stops at start unless one of -from-backup, -from-schedule is given: pkg/cmd/cli/restore/check.go:18 exits when none is ("either a backup or schedule must be specified")')), r.warnings.join('\n'));
  });
});

// xjasonlyu/tun2socks at 8dda19e (MIT): go.mod (1,339 bytes) `module github.com/xjasonlyu/tun2socks/v2`,
// `go 1.26.3`, requires gvisor.dev/gvisor; main.go (2,436 bytes) `engine.Insert(key)`,
// `engine.Start()`; engine/parse_unix.go (254 bytes) `return tun.Open(u.Host, mtu)`;
// core/device/tun/tun_netstack.go (2,138 bytes, `//go:build linux`) imports
// "gvisor.dev/gvisor/pkg/tcpip/link/tun", `fd, err := tun.Open(t.name)`. The project's image runs
// docker/entrypoint.sh as root, which creates the device with `ip tuntap add` first.
const tunNetstack = (open: string) => `//go:build linux

package tun

import (
	"fmt"

	"gvisor.dev/gvisor/pkg/tcpip/link/tun"
)

type TUN struct {
	fd   int
	name string
}

func Open(name string, mtu uint32) (*TUN, error) {
	t := &TUN{name: name}
	fd, err := ${open}
	if err != nil {
		return nil, fmt.Errorf("create tun: %w", err)
	}
	t.fd = fd
	return t, nil
}
`;
const tun2socks: Record<string, string | null> = {
  'go.mod': 'module github.com/xjasonlyu/tun2socks/v2\n\ngo 1.26.3\n\nrequire gvisor.dev/gvisor v0.0.0-20260701204157-69c2d17aea96\n',
  'go.sum': '',
  'main.go': 'package main\n\nimport (\n\t"github.com/xjasonlyu/tun2socks/v2/engine"\n)\n\nfunc main() {\n\tengine.Start("tun0")\n}\n',
  'engine/parse_unix.go': '//go:build unix\n\npackage engine\n\nimport (\n\t"github.com/xjasonlyu/tun2socks/v2/core/device/tun"\n)\n\nfunc Start(name string) {\n\t_, _ = tun.Open(name, 0)\n}\n',
  'core/device/tun/tun_netstack.go': tunNetstack('tun.Open(t.name)'),
};

describe('3. tun2socks: gVisor\'s tun.Open needs CAP_NET_ADMIN and /dev/net/tun', () => {
  it('the Check names the call, the capability and the device', async () => {
    const r = await gen(tree(tun2socks, {}));
    assert.ok(r.warnings.some((w) => w.startsWith('The program imports gvisor.dev/gvisor/pkg/tcpip/link/tun and changes the kernel\'s network configuration through them (tun.Open in core/device/tun/tun_netstack.go') && w.includes('docker run --user 0 --cap-add NET_ADMIN --device /dev/net/tun')), r.warnings.join('\n'));
  });

  it('negative: the package imported without opening a device: silent', async () => {
    const r = await gen(tree(tun2socks, { 'core/device/tun/tun_netstack.go': tunNetstack('0, error(nil)').replace('"gvisor.dev/gvisor/pkg/tcpip/link/tun"', '_ "gvisor.dev/gvisor/pkg/tcpip/link/tun"') }));
    assert.ok(!r.warnings.some((w) => w.includes('CAP_NET_ADMIN')), r.warnings.join('\n'));
  });
});

// zmap/zgrab2 at e8fbc9e (Apache-2.0, LICENSE): go.mod (1,369 bytes) `module github.com/zmap/zgrab2`,
// `go 1.25.0`; cmd/zgrab2/main.go (222 bytes) `bin.ZGrab2Main()`; config.go (13,312 bytes):33
// `defaultFileName = "-"`, :284-293 `if config.BlocklistFileName == "-" { config.BlocklistFileName =
// os.Getenv("HOME") + "/.config/zgrab2/blocklist.conf" }` then `readBlocklist(…)` and
// `log.Fatalf("could not read blocklist file %s: %s", …)`; conf/blocklist.conf (2,675 bytes);
// Dockerfile (587 bytes):20-26 `COPY --from=build /usr/src/zgrab2/cmd/zgrab2/zgrab2 /usr/bin/zgrab2`,
// `RUN mkdir -p /root/.config/zgrab2`, `COPY --from=build /usr/src/zgrab2/conf/blocklist.conf
// /root/.config/zgrab2/blocklist.conf`, `ENTRYPOINT ["zgrab2"]`.
const zgrabConfig = (home: string) => `package zgrab2

import (
	"log"
	"os"
)

const defaultFileName = "-"

var BlocklistFileName = defaultFileName

func ValidateAndHandleFrameworkConfiguration() {
	if len(BlocklistFileName) > 0 {
		if BlocklistFileName == "-" {
			// use the default location
			BlocklistFileName = ${home}
		}
		if _, err := os.ReadFile(BlocklistFileName); err != nil {
			log.Fatalf("could not read blocklist file %s: %s", BlocklistFileName, err)
		}
	}
}
`;
const zgrab2: Record<string, string | null> = {
  'go.mod': 'module github.com/zmap/zgrab2\n\ngo 1.25.0\n',
  'go.sum': '',
  'cmd/zgrab2/main.go': 'package main\n\nimport (\n\t"github.com/zmap/zgrab2/bin"\n)\n\nfunc main() {\n\tbin.ZGrab2Main()\n}\n',
  'bin/bin.go': 'package bin\n\nimport (\n\t"github.com/zmap/zgrab2"\n)\n\nfunc ZGrab2Main() {\n\tzgrab2.ValidateAndHandleFrameworkConfiguration()\n}\n',
  'config.go': zgrabConfig('os.Getenv("HOME") + "/.config/zgrab2/blocklist.conf"'),
  'conf/blocklist.conf': '# From IANA IPv4 Special-Purpose Address Registry\n0.0.0.0/8\n10.0.0.0/8\n127.0.0.0/8\n',
  'Dockerfile': '## Build image ##\nARG GO_VERSION=1.25\nFROM golang:${GO_VERSION}-alpine3.21 AS build\n\n# System dependencies\nRUN apk add --no-cache make\n\nWORKDIR /usr/src/zgrab2\n\n# Copy and cache deps\nCOPY go.mod go.sum ./\nRUN go mod download && go mod verify\n\n# Build the actual app\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=linux make all\n\n## Runtime image ##\nFROM alpine:latest\n\nCOPY --from=build /usr/src/zgrab2/cmd/zgrab2/zgrab2 /usr/bin/zgrab2\nRUN mkdir -p /root/.config/zgrab2\nCOPY --from=build /usr/src/zgrab2/conf/blocklist.conf /root/.config/zgrab2/blocklist.conf\n\nWORKDIR /usr/bin/\nENTRYPOINT ["zgrab2"]\n',
};

describe('4. zgrab2: the blocklist the project puts in root\'s home, read through HOME', () => {
  it('distroless: copied to /home/nonroot/.config/zgrab2/blocklist.conf, with the reason', async () => {
    const r = await genClean(tree(zgrab2, {}), { package: './cmd/zgrab2' });
    assert.match(r.dockerfile, /^COPY conf\/blocklist\.conf \/home\/nonroot\/\.config\/zgrab2\/blocklist\.conf$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /^COPY .* \/root\//m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('conf/blocklist.conf is copied to /home/nonroot/.config/zgrab2/blocklist.conf') && x.includes('os.Getenv("HOME") with "/.config/zgrab2/blocklist.conf" in config.go')), r.reasons.join('\n'));
  });

  it('debian runtime (ENV HOME=/app): copied to /app/.config/zgrab2/blocklist.conf', async () => {
    const r = await gen(tree(zgrab2, {}), { package: './cmd/zgrab2', runtime: 'debian' });
    assert.match(r.dockerfile, /^COPY conf\/blocklist\.conf \/app\/\.config\/zgrab2\/blocklist\.conf$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENV HOME=\/app$/m, r.dockerfile);
  });

  it('os.UserConfigDir() with the part below .config: the same', async () => {
    const r = await gen(tree(zgrab2, { 'config.go': zgrabConfig('mustConfigDir() + "/zgrab2/blocklist.conf"').replace('func ValidateAndHandle', 'func mustConfigDir() string {\n\td, _ := os.UserConfigDir()\n\treturn d\n}\n\nfunc ValidateAndHandle') }), { package: './cmd/zgrab2' });
    assert.match(r.dockerfile, /^COPY conf\/blocklist\.conf \/home\/nonroot\/\.config\/zgrab2\/blocklist\.conf$/m, r.dockerfile);
  });

  // 0xsequence/bundler 6a36f86 Dockerfile:20-24: `WORKDIR /root/`, `COPY --from=builder
  // /go/src/app/etc/bundler-node.conf.sample ./bundler-node.conf`: a file of the working directory.
  it('negative: /root is the project\'s WORKDIR and the file is read relative to it: copied to /app, no Check', async () => {
    const r = await gen(tree(zgrab2, {
      'Dockerfile': zgrab2.Dockerfile!.replace('RUN mkdir -p /root/.config/zgrab2\nCOPY --from=build /usr/src/zgrab2/conf/blocklist.conf /root/.config/zgrab2/blocklist.conf\n\nWORKDIR /usr/bin/\nENTRYPOINT ["zgrab2"]', 'WORKDIR /root/\nCOPY --from=build /usr/src/zgrab2/conf/blocklist.conf ./blocklist.conf\nENTRYPOINT ["/usr/bin/zgrab2"]'),
    }), { package: './cmd/zgrab2' });
    assert.match(r.dockerfile, /^COPY conf\/blocklist\.conf \/app\/blocklist\.conf$/m, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('root\'s home')), r.warnings.join('\n'));
  });

  it('negative: the program names no HOME path for it: copied where the project puts it, and the Check says 65532 cannot read /root', async () => {
    const r = await gen(tree(zgrab2, { 'config.go': zgrabConfig('"/etc/zgrab2/blocklist.conf"') }), { package: './cmd/zgrab2' });
    assert.match(r.dockerfile, /^COPY conf\/blocklist\.conf \/root\/\.config\/zgrab2\/blocklist\.conf$/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith('The project\'s image puts conf/blocklist.conf at /root/.config/zgrab2/blocklist.conf') && w.includes('cannot enter /root (mode 700)')), r.warnings.join('\n'));
  });
});

// navidrome/navidrome at 295886c (GPL-3.0): main.go:16-17 `_ = buildtags.NETGO`, `_ =
// buildtags.SQLITE_FTS5`; conf/buildtags/doc.go ("Package buildtags provides compile-time
// enforcement of required build tags.", no declaration), netgo.go `//go:build netgo` with `var
// NETGO = true`. The names are declared behind build tags, not generated: engineer G51's stub stop
// (PeerDB flow) must not claim otherwise.
describe('5. navidrome: a package whose other files a build tag leaves out is no generated-code stub', () => {
  it('no stop about a stub', async () => {
    const r = await gen(tree({
      'go.mod': 'module github.com/navidrome/navidrome\n\ngo 1.26\n',
      'main.go': 'package main\n\nimport (\n\t"github.com/navidrome/navidrome/conf/buildtags"\n)\n\nfunc main() {\n\t_ = buildtags.NETGO\n}\n',
      'conf/buildtags/doc.go': '// Package buildtags provides compile-time enforcement of required build tags.\npackage buildtags\n',
      'conf/buildtags/netgo.go': '//go:build netgo\n\npackage buildtags\n\nvar NETGO = true\n',
    }, {}));
    assert.match(r.dockerfile, /go build/, r.dockerfile);
  });
});
