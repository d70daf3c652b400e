/**
 * The generator on the failures of the round-5 out-of-sample judgement (/work/coord/judge4) and
 * the CMD left unset in round 4: each case is a small skeleton of a real repository (go.mod and
 * the few Go lines that matter), with its repository, commit and licence above it, plus the
 * variant that keeps the old behaviour where it is right.
 *
 * 1. The subcommand that serves, when its name is not one of serve/server/web/start/daemon but
 *    its description says it starts the program or its server (answer's `run`, "Run Answer");
 *    kong commands (cerbos); urfave/cli commands in a `[]*cli.Command{{…}}` list (temporal);
 *    cobra variables of the same name in two packages (soft-serve). Not a side server of a CLI
 *    (kubescape's MCP server), not an urfave app that runs something itself (transfer.sh).
 * 2. The standard library's plugin package needs cgo (nakama).
 * 3. Port 53 is DNS: EXPOSE and `docker run -p` name UDP too (blocky).
 * 4. kong's default command (FerretDB), docopt usage lines (ergo), a go.work member under tools/
 *    (ekuiper), a port default inside an env tag (zincsearch).
 * 5. A small index.html embedded by its own name is the program's template, not a placeholder
 *    for a front-end build (blocky).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GenerateResult } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { workspace, gen } = generatorTrees('judge4');

const cmdOf = (r: GenerateResult): string | null => /^CMD (.*)$/m.exec(r.dockerfile)?.[1] ?? null;
const noCmdWarning = (r: GenerateResult): string | undefined => r.warnings.find((w) => w.includes('none looks like the one that serves'));

// apache/answer at 3b9f1370612e690a0b7f230f05e688930db4c6d3 (Apache-2.0): cmd/command.go declares
// rootCmd (Use "answer", no Run) and runCmd (Use "run", Short "Run Answer"), init, upgrade….
function answer(runShort: string): string {
  const cmd = (v: string, use: string, short: string) => `\t${v} = &cobra.Command{\n\t\tUse:   "${use}",\n\t\tShort: "${short}",\n\t\tRun: func(_ *cobra.Command, _ []string) {},\n\t}\n`;
  return workspace({
    'go.mod': 'module github.com/apache/answer\n\ngo 1.23\n\nrequire github.com/spf13/cobra v1.8.1\n',
    'go.sum': 'github.com/spf13/cobra v1.8.1 h1:x\n',
    'cmd/answer/main.go': 'package main\n\nimport "github.com/apache/answer/cmd"\n\nfunc main() { cmd.Main() }\n',
    'cmd/command.go': `package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nvar (\n\trootCmd = &cobra.Command{\n\t\tUse:   "answer",\n\t\tShort: "Answer is a minimalist open source Q&A community.",\n\t}\n\n${cmd('runCmd', 'run', runShort)}\n${cmd('initCmd', 'init', 'Init Answer')}\n${cmd('upgradeCmd', 'upgrade', 'Upgrade Answer')}\n)\n\nfunc init() {\n\trootCmd.AddCommand(runCmd, initCmd, upgradeCmd)\n}\n\nfunc Main() { _ = rootCmd.Execute() }\n`,
  });
}

// cerbos/cerbos at 69bed7f7dfe7c50d95d7622336f5bf59c1fa93fd (Apache-2.0): cmd/cerbos/main.go, a kong CLI.
function cerbos(serverField: string): string {
  return workspace({
    'go.mod': 'module github.com/cerbos/cerbos\n\ngo 1.24\n\nrequire github.com/alecthomas/kong v1.6.0\n',
    'go.sum': 'github.com/alecthomas/kong v1.6.0 h1:x\n',
    'cmd/cerbos/main.go': `package main\n\nimport (\n\t"github.com/alecthomas/kong"\n)\n\ntype compileCmd struct{}\ntype serverCmd struct{}\n\nfunc main() {\n\tvar cli struct {\n\t\tCompile      compileCmd       \`cmd:"" help:"Compile and test policies"\`\n\t\tCompileStore compileCmd       \`cmd:"" help:"Compile store"\`\n\t\t${serverField}\n\t\tHealthcheck  compileCmd       \`cmd:"" help:"Healthcheck utility" aliases:"hc"\`\n\t\tRun          compileCmd       \`cmd:"" help:"Run a command in the context of a Cerbos PDP"\`\n\t\tVersion      kong.VersionFlag \`help:"Show cerbos version"\`\n\t}\n\tctx := kong.Parse(&cli, kong.Name("cerbos"))\n\t_ = ctx.Run()\n}\n`,
  });
}

// temporalio/temporal at 6805caea59e35d0611ed96be69641b8d86bff11c (MIT): cmd/server/main.go builds an
// urfave/cli v2 App without an Action whose Commands are a `[]*cli.Command{{Name: …}, …}` list.
function temporal(start: string): string {
  return workspace({
    'go.mod': 'module go.temporal.io/server\n\ngo 1.24\n\nrequire github.com/urfave/cli/v2 v2.27.6\n',
    'go.sum': 'github.com/urfave/cli/v2 v2.27.6 h1:x\n',
    'cmd/server/main.go': `package main\n\nimport (\n\t"os"\n\n\t"github.com/urfave/cli/v2"\n)\n\nfunc main() {\n\tapp := &cli.App{\n\t\tName:  "temporal",\n\t\tUsage: "Temporal server",\n\t\tCommands: []*cli.Command{\n\t\t\t{\n\t\t\t\tName:  "render-config",\n\t\t\t\tUsage: "Render server config template",\n\t\t\t\tAction: func(c *cli.Context) error {\n\t\t\t\t\treturn nil\n\t\t\t\t},\n\t\t\t},\n\t\t\t{\n\t\t\t\tName:  "${start}",\n\t\t\t\tUsage: "Start Temporal server",\n\t\t\t\tAction: func(c *cli.Context) error {\n\t\t\t\t\treturn nil\n\t\t\t\t},\n\t\t\t},\n\t\t},\n\t}\n\t_ = app.Run(os.Args)\n}\n`,
  });
}

describe('1. the subcommand the image runs', () => {
  it('answer: runCmd "Run Answer" is the one that serves: CMD ["run"], no warning', async () => {
    const r = await gen(answer('Run Answer'));
    assert.equal(cmdOf(r), '["run"]', r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('Short: "Run Answer"')), r.reasons.join('\n'));
    assert.equal(noCmdWarning(r), undefined);
  });

  it('negative: a run command that runs something else ("Run a migration script") is not chosen: no CMD, the warning lists the subcommands', async () => {
    const r = await gen(answer('Run a migration script'));
    assert.equal(cmdOf(r), null, r.dockerfile);
    assert.match(noCmdWarning(r) ?? '', /subcommands \(run, init, upgrade\)/);
  });

  it('cerbos (kong): the Server field tagged cmd:"" gives CMD ["server"]', async () => {
    const r = await gen(cerbos('Server       serverCmd        `cmd:"" help:"Start Cerbos server (PDP)"`'));
    assert.equal(cmdOf(r), '["server"]', r.dockerfile);
  });

  it('cerbos (kong): a command named by its description only ("Pdp", "Start Cerbos server (PDP)"); field names in kebab case in the warning otherwise', async () => {
    const named = await gen(cerbos('Pdp          serverCmd        `cmd:"" help:"Start Cerbos server (PDP)"`'));
    assert.equal(cmdOf(named), '["pdp"]', named.dockerfile);
    const none = await gen(cerbos('Pdp          serverCmd        `cmd:"" help:"Policy decision point tools"`'));
    assert.equal(cmdOf(none), null, none.dockerfile);
    assert.match(noCmdWarning(none) ?? '', /subcommands \(compile, compile-store, pdp, healthcheck, run\)/);
  });

  it('temporal (urfave/cli): `start` in a []*cli.Command{{…}} list: CMD ["start"]; also when it is only described as starting the server', async () => {
    assert.equal(cmdOf(await gen(temporal('start'))), '["start"]');
    assert.equal(cmdOf(await gen(temporal('run-server'))), '["run-server"]');
  });

  // transfer.sh at c37bfd95797fd6da8a6da53fc13d191994b3f687 (MIT): cmd/cmd.go, `app := cli.NewApp()`,
  // `app.Commands = []*cli.Command{{Name: "version", …}}`, `app.Action = func(c *cli.Context) error {…}`.
  it('negative: transfer.sh\'s app has its own Action: no CMD and no subcommand warning', async () => {
    const action = (a: string) => workspace({
      'go.mod': 'module github.com/dutchcoders/transfer.sh\n\ngo 1.21\n\nrequire github.com/urfave/cli/v2 v2.25.7\n',
      'go.sum': 'github.com/urfave/cli/v2 v2.25.7 h1:x\n',
      'main.go': 'package main\n\nimport "github.com/dutchcoders/transfer.sh/cmd"\n\nfunc main() { cmd.New().Run() }\n',
      'cmd/cmd.go': `package cmd\n\nimport (\n\t"os"\n\n\t"github.com/urfave/cli/v2"\n)\n\ntype Cmd struct{ *cli.App }\n\nfunc New() *Cmd {\n\tapp := cli.NewApp()\n\tapp.Name = "transfer.sh"\n\tapp.Commands = []*cli.Command{\n\t\t{\n\t\t\tName:   "version",\n\t\t\tAction: func(c *cli.Context) error { return nil },\n\t\t},\n\t}\n${a}\treturn &Cmd{App: app}\n}\n\nfunc (c *Cmd) Run() { _ = c.App.Run(os.Args) }\n`,
    });
    const r = await gen(action('\tapp.Action = func(c *cli.Context) error {\n\t\treturn nil\n\t}\n'));
    assert.equal(cmdOf(r), null, r.dockerfile);
    assert.equal(noCmdWarning(r), undefined, r.warnings.join('\n'));
    // Without the app's Action, `version` is all there is: the warning stays.
    assert.match(noCmdWarning(await gen(action(''))) ?? '', /subcommands \(version\)/);
  });

  // charmbracelet/soft-serve at db5f041faf815581ebf1598e11427393959483bf (MIT): cmd/soft/serve and
  // cmd/soft/hook each declare `Command = &cobra.Command{…}`; hook's has children (pre-receive…),
  // serve's is added to the root as `serve.Command`. The root runs the TUI itself.
  it('soft-serve: two packages\' `Command` variables do not mix: CMD ["serve"]; "Run git server hooks" is not a server', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/charmbracelet/soft-serve\n\ngo 1.23\n\nrequire github.com/spf13/cobra v1.8.1\n',
      'go.sum': 'github.com/spf13/cobra v1.8.1 h1:x\n',
      'cmd/soft/main.go': 'package main\n\nimport (\n\t"github.com/charmbracelet/soft-serve/cmd/soft/hook"\n\t"github.com/charmbracelet/soft-serve/cmd/soft/serve"\n\t"github.com/spf13/cobra"\n)\n\nvar rootCmd = &cobra.Command{\n\tUse:   "soft",\n\tShort: "A self-hostable Git server for the command line",\n\tRunE: func(cmd *cobra.Command, args []string) error { return nil },\n}\n\nfunc main() {\n\trootCmd.AddCommand(serve.Command, hook.Command)\n\t_ = rootCmd.Execute()\n}\n',
      'cmd/soft/serve/serve.go': 'package serve\n\nimport "github.com/spf13/cobra"\n\nvar Command = &cobra.Command{\n\tUse:   "serve",\n\tShort: "Start the server",\n\tRunE: func(c *cobra.Command, _ []string) error { return nil },\n}\n',
      'cmd/soft/hook/hook.go': 'package hook\n\nimport "github.com/spf13/cobra"\n\nvar (\n\tCommand = &cobra.Command{\n\t\tUse:   "hook",\n\t\tShort: "Run git server hooks",\n\t}\n\tpreReceiveCmd = &cobra.Command{\n\t\tUse:   "pre-receive",\n\t\tShort: "Run git pre-receive hook",\n\t}\n)\n\nfunc init() {\n\tCommand.AddCommand(preReceiveCmd)\n}\n',
    });
    const r = await gen(dir);
    assert.equal(cmdOf(r), '["serve"]', r.dockerfile);
  });

  // kubescape/kubescape (Apache-2.0): a scanner CLI whose `mcpserver` subcommand is "Start the
  // Kubescape MCP server": a side server, not what the image is run for.
  it('negative: a CLI\'s side server ("Start the Kubescape MCP server") is not chosen', async () => {
    const dir = workspace({
      'go.mod': 'module github.com/kubescape/kubescape/v3\n\ngo 1.24\n\nrequire github.com/spf13/cobra v1.8.1\n',
      'go.sum': 'github.com/spf13/cobra v1.8.1 h1:x\n',
      'main.go': 'package main\n\nimport "github.com/spf13/cobra"\n\nfunc main() {\n\troot := &cobra.Command{Use: "kubescape"}\n\tscanCmd := &cobra.Command{\n\t\tUse:   "scan",\n\t\tShort: "Scan a Kubernetes cluster or YAML files",\n\t}\n\tmcpCmd := &cobra.Command{\n\t\tUse:   "mcpserver",\n\t\tShort: "Start the Kubescape MCP server",\n\t}\n\troot.AddCommand(scanCmd, mcpCmd)\n\t_ = root.Execute()\n}\n',
    });
    const r = await gen(dir);
    assert.equal(cmdOf(r), null, r.dockerfile);
    assert.match(noCmdWarning(r) ?? '', /subcommands \(scan, mcpserver\)/);
  });
});

// heroiclabs/nakama at 73ad9c15d64e75eba241a80211ba1adb94019010 (Apache-2.0): server/runtime_go.go
// imports "plugin" and loads the Go runtime modules with plugin.Open (their Dockerfile: CGO_ENABLED=1).
describe('2. the plugin package needs cgo', () => {
  const tree = (imp: string) => workspace({
    'go.mod': 'module github.com/heroiclabs/nakama/v3\n\ngo 1.24\n',
    'main.go': 'package main\n\nimport "github.com/heroiclabs/nakama/v3/server"\n\nfunc main() { server.Start() }\n',
    'server/runtime_go.go': `package server\n\nimport (\n\t"${imp}"\n)\n\nfunc Start() { _ = ${imp === 'plugin' ? 'plugin.Open' : 'strings.ToLower'}("x") }\n`,
  });

  it('nakama: import "plugin" gives a cgo build on glibc, and the reason says why', async () => {
    const r = await gen(tree('plugin'));
    assert.match(r.dockerfile, /CGO_ENABLED=1/);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/base-debian12/m);
    assert.ok(r.reasons.some((x) => x.includes('plugin needs cgo')), r.reasons.join('\n'));
  });

  it('negative: without it the build stays static', async () => {
    const r = await gen(tree('strings'));
    assert.match(r.dockerfile, /CGO_ENABLED=0/);
  });
});

// 0xERR0R/blocky at 6eb8f467bd8d61f23da0b09b4d0322d11fbd2c87 (Apache-2.0): a DNS proxy listening on
// port 53 (config default `Ports.DNS ":53"`), UDP first.
describe('3. DNS port', () => {
  const tree = (port: number) => workspace({
    'go.mod': 'module github.com/0xERR0R/blocky\n\ngo 1.23\n',
    'main.go': `package main\n\nimport "net"\n\nfunc main() {\n\t_, _ = net.ListenPacket("udp", ":${port}")\n\t_, _ = net.Listen("tcp", ":${port}")\n}\n`,
  });

  it('blocky: port 53 is exposed as UDP and TCP, and the docker run line publishes both', async () => {
    const r = await gen(tree(53));
    assert.match(r.dockerfile, /^EXPOSE 53\/udp 53$/m, r.dockerfile);
    assert.match(r.dockerfile, /docker run --rm -p 53:53\/udp -p 53:53 blocky/);
  });

  // Session 51: a port with a UDP listener is exposed as UDP whatever its number (goflow2's 2055).
  it('another port with a UDP and a TCP listener is exposed as both too', async () => {
    const r = await gen(tree(8053));
    assert.match(r.dockerfile, /^EXPOSE 8053\/udp 8053$/m, r.dockerfile);
  });

  it('negative: a port with a TCP listener only stays TCP only', async () => {
    const r = await gen(workspace({ 'go.mod': 'module github.com/0xERR0R/blocky\n\ngo 1.23\n', 'main.go': 'package main\n\nimport "net"\n\nfunc main() {\n\t_, _ = net.Listen("tcp", ":8053")\n}\n' }));
    assert.match(r.dockerfile, /^EXPOSE 8053$/m, r.dockerfile);
  });
});

describe('4. more CLI and configuration shapes', () => {
  // FerretDB/FerretDB at 977066050822ff5bb8e146d88a02c2ad0df9d178 (Apache-2.0): cmd/ferretdb/main.go,
  // kong, `Run struct{} \`cmd:"" default:"1" hidden:""\`` beside `Ping struct{} \`cmd:"" …\``.
  it('FerretDB: kong\'s default command runs without arguments: no CMD, no subcommand warning', async () => {
    const tree = (runTag: string) => workspace({
      'go.mod': 'module github.com/FerretDB/FerretDB/v2\n\ngo 1.24\n\nrequire github.com/alecthomas/kong v1.6.0\n',
      'go.sum': 'github.com/alecthomas/kong v1.6.0 h1:x\n',
      'cmd/ferretdb/main.go': `package main\n\nimport "github.com/alecthomas/kong"\n\ntype pingCmd struct{}\n\nvar cli struct {\n\tRun  pingCmd \`${runTag}\`\n\tPing pingCmd \`cmd:"" help:"Ping existing FerretDB instance."\`\n}\n\nfunc main() { _ = kong.Parse(&cli) }\n`,
    });
    const r = await gen(tree('cmd:"" default:"1" hidden:""'));
    assert.equal(cmdOf(r), null, r.dockerfile);
    assert.equal(noCmdWarning(r), undefined, r.warnings.join('\n'));
    // Without default:"1" the CLI needs a command: the warning names both.
    assert.match(noCmdWarning(await gen(tree('cmd:"" hidden:""'))) ?? '', /subcommands \(run, ping\)/);
  });

  // ergochat/ergo at 923b0ddbb2fec5299a61518e6554f1906e1a5cd1 (MIT): ergo.go, docopt usage text.
  it('ergo: docopt usage lines are subcommands; `run` with options only is the one that serves', async () => {
    const tree = (extra: string, run = 'run [--conf <filename>] [--quiet] [--smoke]', files: Record<string, string> = {}) => workspace({
      ...files,
      'go.mod': 'module github.com/ergochat/ergo\n\ngo 1.24\n\nrequire github.com/docopt/docopt-go v0.0.0-20180111231733-ee0de3bc6815\n',
      'go.sum': 'github.com/docopt/docopt-go v0.0.0-20180111231733-ee0de3bc6815 h1:x\n',
      'ergo.go': `package main\n\nimport "github.com/docopt/docopt-go"\n\nfunc main() {\n\tusage := \`ergo.\nUsage:\n\tergo initdb [--conf <filename>] [--quiet]\n\tergo genpasswd [--conf <filename>] [--quiet]\n\tergo ${run}\n${extra}\tergo -h | --help\n\tergo --version\nOptions:\n\t--conf <filename>  Configuration file to use [default: ircd.yaml].\n\`\n\t_, _ = docopt.ParseArgs(usage, nil, "1")\n}\n`,
    });
    const r = await gen(tree(''));
    assert.equal(cmdOf(r), '["run"]', r.dockerfile);
    assert.equal(noCmdWarning(r), undefined, r.warnings.join('\n'));
    // The default configuration file named in the options section is looked for at run time.
    assert.ok(r.warnings.some((w) => w.includes('reads ircd.yaml at run time (docopt option --conf [default: ircd.yaml])')), r.warnings.join('\n'));
    assert.match((await gen(tree('', undefined, { 'ircd.yaml': 'server: {}\n' }))).dockerfile, /^COPY ircd\.yaml \/app\/ircd\.yaml$/m);
    // `run <script>` runs something else: no CMD, the warning names the subcommands.
    const other = await gen(tree('', 'run <script> [--quiet]'));
    assert.equal(cmdOf(other), null, other.dockerfile);
    assert.match(noCmdWarning(other) ?? '', /subcommands \(initdb, genpasswd, run\)/, other.warnings.join('\n'));
    // A usage line without a command word: the program runs as it is.
    assert.equal(noCmdWarning(await gen(tree('\tergo [--conf <filename>]\n'))), undefined);
  });

  // lf-edge/ekuiper at 0014e7fab0dd420d79d4e8a9e00486ac688589ec (Apache-2.0): go.work uses . and
  // ./tools/kubernetes, a member whose main package is at its module root; the server is cmd/kuiperd.
  it('ekuiper: a go.work member\'s main package under tools/ is a helper, not the default program', async () => {
    const dir = workspace({
      'go.work': 'go 1.25.4\n\nuse (\n\t.\n\t./tools/kubernetes\n)\n',
      'go.mod': 'module github.com/lf-edge/ekuiper/v2\n\ngo 1.25.4\n',
      'cmd/kuiperd/main.go': 'package main\n\nfunc main() {}\n',
      'tools/kubernetes/go.mod': 'module github.com/lf-edge/ekuiper/tools/kubernetes\n\ngo 1.25.4\n',
      'tools/kubernetes/main.go': 'package main\n\nfunc main() {}\n',
    });
    const r = await gen(dir);
    assert.equal(r.target.dir, 'cmd/kuiperd');
    const member = r.candidates.find((c) => c.dir === 'tools/kubernetes');
    assert.equal(member?.tier, 2);
  });

  // zincsearch/zincsearch at 13d6c8c184b42d2e5c7e208589b1dc9615f159f7 (Apache-2.0): pkg/config/config.go,
  // sethvargo/go-envconfig tags: `ServerPort string \`env:"ZINC_SERVER_PORT,default=4080"\``.
  it('zincsearch: the default inside an env tag gives EXPOSE 4080; an env tag without default gives none', async () => {
    const tree = (tag: string) => workspace({
      'go.mod': 'module github.com/zincsearch/zincsearch\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/zincsearch/zincsearch/pkg/config"\n)\n\nfunc main() { _ = http.ListenAndServe(":"+config.Global.ServerPort, nil) }\n',
      'pkg/config/config.go': `package config\n\ntype config struct {\n\tServerAddress string \`env:"ZINC_SERVER_ADDRESS"\`\n\tServerPort    string \`${tag}\`\n}\n\nvar Global = &config{}\n`,
    });
    const r = await gen(tree('env:"ZINC_SERVER_PORT,default=4080"'));
    assert.match(r.dockerfile, /^EXPOSE 4080$/m, r.dockerfile);
    assert.ok(!/^EXPOSE/m.test((await gen(tree('env:"ZINC_SERVER_PORT"'))).dockerfile));
  });
});

// 0xERR0R/blocky at 6eb8f467bd8d61f23da0b09b4d0322d11fbd2c87 (Apache-2.0): web/index.go has
// `//go:embed index.html`, a committed html/template ({{range .Links}}) of a few hundred bytes.
describe('5. an embedded index.html', () => {
  const tree = (embed: string, files: Record<string, string>) => workspace({
    'go.mod': 'module github.com/0xERR0R/blocky\n\ngo 1.23\n',
    'main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/0xERR0R/blocky/web"\n)\n\nfunc main() { fmt.Print(web.IndexTmpl) }\n',
    'web/index.go': `package web\n\nimport _ "embed"\n\n//go:embed ${embed}\nvar IndexTmpl string\n`,
    ...files,
  });
  const placeholder = (r: GenerateResult) => r.warnings.find((w) => w.includes('a placeholder for a build output'));

  it('blocky: `//go:embed index.html` of a committed template is not called a placeholder', async () => {
    const r = await gen(tree('index.html', { 'web/index.html': '<html><body>{{range .Links}}<a href="{{.URL}}">{{.Title}}</a>{{end}}</body></html>\n' }));
    assert.equal(placeholder(r), undefined, r.warnings.join('\n'));
  });

  it('negative: a folder holding only a small index.html still is (the front-end build is missing)', async () => {
    const r = await gen(tree('dist', { 'web/dist/index.html': '<!doctype html><title>app</title>\n' }));
    assert.ok(placeholder(r), r.warnings.join('\n'));
  });
});
