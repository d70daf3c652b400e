/**
 * The generator on real repositories of round 26 (helper "gen-c"): each case is a small skeleton
 * of a real repository (the files that matter, with their sizes in the repository, go.mod and the
 * few relevant lines), with its repository, commit and licence above it, plus the variants that
 * keep the old behaviour where it is right.
 *
 * 1. The subcommand the image runs: only a direct child of the program's root command (nerdctl's
 *    `serve` is `nerdctl ipfs registry serve`), and not one whose own description says it does
 *    something else when the root command runs the program itself (centrifugo's `serve`, "Run
 *    static file server (for development only)"), nor one "for development only".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge26-genc');

const cmdOf = (df: string): string | null => /^CMD (.*)$/m.exec(df)?.[1] ?? null;

// centrifugal/centrifugo at f25c7abd0701195829a62f19e1baffd42a7a43e9 (Apache-2.0): 352 .go files;
// go.mod (6,769 bytes) `module github.com/centrifugal/centrifugo/v6`, `go 1.26`; main.go (1,157
// bytes): `root := app.Centrifugo()`, `root.AddCommand(cli.Version(), …, cli.Serve())`,
// `_ = root.Execute()`; internal/app/cmd.go (523 bytes): the root command, `Use: ""` with a Run
// that runs the server; internal/cli/serve.go (1,098 bytes): `Use: "serve"`, Short "Run static
// file server (for development only)", a file server on :3000; internal/cli/version.go (476 bytes).
const centrifugoRoot = (run: boolean) => `package app\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc Centrifugo() *cobra.Command {\n\tvar configFile string\n\tcmd := &cobra.Command{\n\t\tUse:   "",\n\t\tShort: "Centrifugo",\n\t\tLong:  "Centrifugo – scalable real-time messaging server in language-agnostic way",\n${run ? '\t\tRun: func(cmd *cobra.Command, args []string) {\n\t\t\tRun(cmd, configFile)\n\t\t},\n' : ''}\t}\n\treturn cmd\n}\n\nfunc Run(cmd *cobra.Command, configFile string) {}\n`;
const centrifugoServe = (short: string) => `package cli\n\nimport (\n\t"net/http"\n\n\t"github.com/spf13/cobra"\n)\n\nfunc Serve() *cobra.Command {\n\tvar serveDir string\n\tvar serveCmd = &cobra.Command{\n\t\tUse:   "serve",\n\t\tShort: "${short}",\n\t\tLong:  \`${short}\`,\n\t\tRun: func(cmd *cobra.Command, args []string) {\n\t\t\t_ = http.ListenAndServe(":3000", http.FileServer(http.Dir(serveDir)))\n\t\t},\n\t}\n\treturn serveCmd\n}\n`;
const centrifugo: Record<string, string | null> = {
  'go.mod': 'module github.com/centrifugal/centrifugo/v6\n\ngo 1.26\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'go.sum': 'github.com/spf13/cobra v1.9.1 h1:x\ngithub.com/spf13/cobra v1.9.1/go.mod h1:y\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/centrifugal/centrifugo/v6/internal/app"\n\t"github.com/centrifugal/centrifugo/v6/internal/cli"\n)\n\nfunc main() {\n\troot := app.Centrifugo()\n\troot.AddCommand(\n\t\tcli.Version(), cli.Serve(),\n\t)\n\t_ = root.Execute()\n}\n',
  'internal/app/cmd.go': centrifugoRoot(true),
  'internal/cli/serve.go': centrifugoServe('Run static file server (for development only)'),
  'internal/cli/version.go': 'package cli\n\nimport "github.com/spf13/cobra"\n\nfunc Version() *cobra.Command {\n\treturn &cobra.Command{\n\t\tUse:   "version",\n\t\tShort: "Centrifugo version information",\n\t\tRun:   func(cmd *cobra.Command, args []string) {},\n\t}\n}\n',
};

describe('1a. centrifugo: the root command is the server; `serve` is a development file server', () => {
  it('no CMD ["serve"]: the root runs the program, and serve says it serves static files for development', async () => {
    const r = await gen(tree(centrifugo, {}));
    assert.equal(cmdOf(r.dockerfile), null, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.startsWith('CMD [')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((x) => x.includes('no CMD is set')), r.warnings.join('\n'));
  });

  it('"(for development only)" rules it out even when the root runs nothing itself', async () => {
    const r = await gen(tree(centrifugo, { 'internal/app/cmd.go': centrifugoRoot(false) }));
    assert.equal(cmdOf(r.dockerfile), null, r.dockerfile);
  });

  it('negative: a root that runs nothing and a `serve` described otherwise keeps CMD ["serve"] (by its name)', async () => {
    const r = await gen(tree(centrifugo, { 'internal/app/cmd.go': centrifugoRoot(false), 'internal/cli/serve.go': centrifugoServe('Run static file server') }));
    assert.equal(cmdOf(r.dockerfile), '["serve"]', r.dockerfile);
  });

  it('negative: a root that runs, with a `serve` that says it starts the server, keeps CMD ["serve"]', async () => {
    const r = await gen(tree(centrifugo, { 'internal/cli/serve.go': centrifugoServe('Start the Centrifugo server') }));
    assert.equal(cmdOf(r.dockerfile), '["serve"]', r.dockerfile);
  });
});

// containerd/nerdctl at 8da504083f1543446a003f5870dec1bc12a75b85 (Apache-2.0): 791 .go files;
// go.mod (7,560 bytes) `module github.com/containerd/nerdctl/v2`, `go 1.26.3`;
// cmd/nerdctl/main.go (13,690 bytes): newApp() builds `var rootCmd = &cobra.Command{Use:
// "nerdctl", …}`, `rootCmd.AddCommand(container.CreateCommand(), …, ipfs.NewIPFSCommand(), …)`,
// returns rootCmd, and main's xmain runs `app.Execute()`; cmd/nerdctl/ipfs/ipfs.go (1,076 bytes)
// NewIPFSCommand (`ipfs`) adds newIPFSRegistryCommand(); ipfs_registry.go (1,158 bytes)
// newIPFSRegistryCommand (`registry`) adds newIPFSRegistryServeCommand(); ipfs_registry_serve.go
// (2,942 bytes) builds `var cmd = &cobra.Command{Use: "serve", Short: "serve read-only registry
// backed by IPFS on localhost.", RunE: ipfsRegistryServeAction}`. `nerdctl serve` does not exist.
const nerdctl: Record<string, string | null> = {
  'go.mod': 'module github.com/containerd/nerdctl/v2\n\ngo 1.26.3\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'go.sum': 'github.com/spf13/cobra v1.9.1 h1:x\ngithub.com/spf13/cobra v1.9.1/go.mod h1:y\n',
  'cmd/nerdctl/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/spf13/cobra"\n\n\t"github.com/containerd/nerdctl/v2/cmd/nerdctl/container"\n\t"github.com/containerd/nerdctl/v2/cmd/nerdctl/ipfs"\n)\n\nfunc main() {\n\tif err := xmain(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n\nfunc xmain() error {\n\tapp, err := newApp()\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn app.Execute()\n}\n\nfunc newApp() (*cobra.Command, error) {\n\tvar rootCmd = &cobra.Command{\n\t\tUse:           "nerdctl",\n\t\tShort:         "nerdctl is a command line interface for containerd",\n\t\tSilenceUsage:  true,\n\t\tSilenceErrors: true,\n\t}\n\trootCmd.AddCommand(\n\t\tcontainer.RunCommand(),\n\t\tipfs.NewIPFSCommand(),\n\t)\n\treturn rootCmd, nil\n}\n',
  'cmd/nerdctl/container/container_run.go': 'package container\n\nimport "github.com/spf13/cobra"\n\nfunc RunCommand() *cobra.Command {\n\tvar cmd = &cobra.Command{\n\t\tUse:   "run [flags] IMAGE [COMMAND] [ARG...]",\n\t\tShort: "Run a command in a new container.",\n\t\tRunE:  runAction,\n\t}\n\treturn cmd\n}\n\nfunc runAction(cmd *cobra.Command, args []string) error { return nil }\n',
  'cmd/nerdctl/ipfs/ipfs.go': 'package ipfs\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc NewIPFSCommand() *cobra.Command {\n\tcmd := &cobra.Command{\n\t\tUse:           "ipfs",\n\t\tShort:         "Distributing images on IPFS",\n\t\tRunE:          unknownSubcommandAction,\n\t\tSilenceUsage:  true,\n\t\tSilenceErrors: true,\n\t}\n\tcmd.AddCommand(\n\t\tnewIPFSRegistryCommand(),\n\t)\n\treturn cmd\n}\n\nfunc unknownSubcommandAction(cmd *cobra.Command, args []string) error { return nil }\n',
  'cmd/nerdctl/ipfs/ipfs_registry.go': 'package ipfs\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc newIPFSRegistryCommand() *cobra.Command {\n\tcmd := &cobra.Command{\n\t\tUse:           "registry",\n\t\tShort:         "Manage read-only registry backed by IPFS",\n\t\tRunE:          unknownSubcommandAction,\n\t\tSilenceUsage:  true,\n\t\tSilenceErrors: true,\n\t}\n\tcmd.AddCommand(\n\t\tnewIPFSRegistryServeCommand(),\n\t)\n\treturn cmd\n}\n',
  'cmd/nerdctl/ipfs/ipfs_registry_serve.go': 'package ipfs\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nfunc newIPFSRegistryServeCommand() *cobra.Command {\n\tvar cmd = &cobra.Command{\n\t\tUse:           "serve",\n\t\tShort:         "serve read-only registry backed by IPFS on localhost.",\n\t\tRunE:          ipfsRegistryServeAction,\n\t\tSilenceUsage:  true,\n\t\tSilenceErrors: true,\n\t}\n\treturn cmd\n}\n\nfunc ipfsRegistryServeAction(cmd *cobra.Command, args []string) error { return nil }\n',
};

describe('1b. nerdctl: `serve` is `nerdctl ipfs registry serve`, not a command of the root', () => {
  it('no CMD ["serve"]', async () => {
    const r = await gen(tree(nerdctl, {}), { package: 'cmd/nerdctl' });
    assert.equal(cmdOf(r.dockerfile), null, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('ipfs_registry_serve.go')), r.reasons.join('\n'));
  });

  it('the same `serve` added to `ipfs` directly (`nerdctl ipfs serve`) is nested too', async () => {
    const r = await gen(tree(nerdctl, {
      'cmd/nerdctl/ipfs/ipfs.go': nerdctl['cmd/nerdctl/ipfs/ipfs.go']!.replace('newIPFSRegistryCommand()', 'newIPFSRegistryServeCommand()'),
      'cmd/nerdctl/ipfs/ipfs_registry.go': null,
    }), { package: 'cmd/nerdctl' });
    assert.equal(cmdOf(r.dockerfile), null, r.dockerfile);
  });

  it('negative: a `serve` the root command adds itself is still the CMD, beside the nested one', async () => {
    const r = await gen(tree(nerdctl, {
      'cmd/nerdctl/main.go': nerdctl['cmd/nerdctl/main.go']!.replace('\t\tipfs.NewIPFSCommand(),\n', '\t\tipfs.NewIPFSCommand(),\n\t\tnewServeCommand(),\n') + '\nfunc newServeCommand() *cobra.Command {\n\tvar cmd = &cobra.Command{\n\t\tUse:   "serve",\n\t\tShort: "Serve the API",\n\t\tRunE:  func(cmd *cobra.Command, args []string) error { return nil },\n\t}\n\treturn cmd\n}\n',
    }), { package: 'cmd/nerdctl' });
    assert.equal(cmdOf(r.dockerfile), '["serve"]', r.dockerfile);
  });
});
