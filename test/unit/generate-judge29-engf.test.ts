/**
 * The generator on real repositories of round 29 (judges X and Y, generator sections): each case is
 * a small skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 1. (X G6) A directory `replace` of a module no go.mod requires is never read by the go command:
 *    no refusal when it points at a folder without a module (harbor's src/go.mod `=> ../`).
 * 2. (Y G16) kingpin's command tree through the calls that hand a command on (kopia: `server` is a
 *    group, CMD ["server", "start"]; `repository connect server` is nested); a port flag beside a
 *    required host flag is a remote's (kopia's SFTP storage --port 22), not a listener.
 * 3. (Y G22) cobra: a Use given by a constant, a package-level command returned by a function, and
 *    a top-level group whose child serves (fabric's `peer node start`).
 * 4. (Y G15, G17) Pull linknames the standard library marks (reflect.unsafe_NewArray,
 *    reflect.typedslicecopy, crypto/tls.aeadAESGCMTLS13) link without -checklinkname=0.
 * 5. (Y G18) A fork of a cgo-only module (pgroll's github.com/xataio/pg_query_go/v6 beside
 *    github.com/pganalyze/pg_query_go/v6 in go.mod) needs cgo.
 * 6. (Y G10, X G7) Programs run by dependencies: go-iptables runs iptables (flannel), mount-utils
 *    runs mount and umount (secrets-store-csi-driver), and mounting needs root: a Check.
 * 7. (Y G2) A configuration path's struct-tag default (parca's `ConfigPath … default:"parca.yaml"`):
 *    the file is copied into the working directory.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree, workspace } = generatorTrees('judge29-engf');

// goharbor/harbor at c50c7dd (Apache-2.0): src/go.mod (11,079 bytes) `module
// github.com/goharbor/harbor/src`, `go 1.26.4`, requires no github.com/goharbor/harbor, and
// `replace ( … github.com/goharbor/harbor => ../ … )`; the repository root (../) has no go.mod.
// src/core/main.go (14,514 bytes) imports github.com/goharbor/harbor/src/common and others of the
// module. Harbor's make/photon/exporter/Dockerfile copies src/ alone and builds there.
const harborMod = (require: string) => `module github.com/goharbor/harbor/src\n\ngo 1.26.4\n\nrequire (\n\tgithub.com/beego/beego/v2 v2.3.10\n${require})\n\nreplace (\n\tgithub.com/gocraft/work => github.com/goharbor/work v0.5.1-patch\n\tgithub.com/goharbor/harbor => ../\n)\n`;
const harbor = (goMod: string) => workspace({
  'README.md': '# Harbor\n',
  'src/go.mod': goMod,
  'src/go.sum': 'github.com/beego/beego/v2 v2.3.10 h1:x\n',
  'src/core/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/beego/beego/v2/server/web"\n\n\t"github.com/goharbor/harbor/src/common"\n)\n\nfunc main() {\n\t_ = common.Version\n\tweb.Run()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
  'src/common/const.go': 'package common\n\nconst Version = "v2"\n',
});

describe('1. harbor: a replace of a module nothing requires', () => {
  it('generates from src/ (the folder ../ has no go.mod, and the go command never reads it)', async () => {
    const root = harbor(harborMod(''));
    const r = await gen(`${root}/src`, { package: 'core' });
    assert.match(r.dockerfile, /go build .*\.\/core/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('replace github.com/goharbor/harbor => ../ (in go.mod) points outside the build context, but no go.mod of the build requires github.com/goharbor/harbor')), r.reasons.join('\n'));
  });

  it('negative: when go.mod requires the replaced module, the refusal stays', async () => {
    const root = harbor(harborMod('\tgithub.com/goharbor/harbor v0.0.0\n'));
    await assert.rejects(gen(`${root}/src`, { package: 'core' }), /replaces a module with a folder that holds no module: github\.com\/goharbor\/harbor => \.\.\//);
  });

  it('negative: a go 1.16 module (unpruned graph: a dependency may require it) still refuses', async () => {
    const root = harbor(harborMod('').replace('go 1.26.4', 'go 1.16'));
    await assert.rejects(gen(`${root}/src`, { package: 'core' }), /replaces a module with a folder that holds no module/);
  });
});

// kopia/kopia at 4ebb2be (Apache-2.0): main.go (2,104 bytes) builds the kingpin app with
// cli.NewApp().Attach(app); cli/app.go (20,761 bytes) `c.server.setup(c, app)`,
// `c.repository.setup(c, app)`, `type commandParent interface { Command(name, help string)
// *kingpin.CmdClause }`; cli/command_server.go (3,171 bytes) `cmd := parent.Command("server",
// "Commands to control HTTP API server.")` then `c.start.setup(svc, cmd)` and more, and
// `cmd.Flag("address", "Server address").Default("http://127.0.0.1:51515")`;
// cli/command_server_start.go (15,008 bytes) `cmd := parent.Command("start", "Start Kopia server")`;
// cli/command_repository.go (1,111 bytes) `repository` with `c.connect.setup(svc, cmd)`;
// cli/command_repository_connect.go (5,578 bytes) `connect` with `c.server.setup(svc, cmd, &c.co)`;
// cli/command_repository_connect_server.go (2,458 bytes) `parent.Command("server", "Connect to a
// repository API Server.")`; cli/storage_sftp.go (3,811 bytes) `cmd.Flag("host", "SFTP/SSH server
// hostname").Required()…`, `cmd.Flag("port", "SFTP/SSH server port").Default("22").IntVar(…)`.
const kopiaServer = (children: string) => `package cli\n\nimport "github.com/alecthomas/kingpin/v2"\n\ntype commandServer struct {\n\tstart  commandServerStart\n\tstatus commandServerStatus\n}\n\nfunc (c *commandServer) setup(svc advancedAppServices, parent commandParent) {\n\tcmd := parent.Command("server", "Commands to control HTTP API server.")\n${children}}\n\nvar _ *kingpin.CmdClause\n`;
const kopia: Record<string, string | null> = {
  'go.mod': 'module github.com/kopia/kopia\n\ngo 1.25.8\n\nrequire github.com/alecthomas/kingpin/v2 v2.4.0\n',
  'go.sum': 'github.com/alecthomas/kingpin/v2 v2.4.0 h1:x\n',
  'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/alecthomas/kingpin/v2"\n\n\t"github.com/kopia/kopia/cli"\n)\n\nfunc main() {\n\tapp := kingpin.New("kopia", "Kopia - Fast And Secure Open-Source Backup").Author("http://kopia.github.io/")\n\tcli.NewApp().Attach(app)\n\tkingpin.MustParse(app.Parse(os.Args[1:]))\n}\n',
  'cli/app.go': 'package cli\n\nimport "github.com/alecthomas/kingpin/v2"\n\ntype advancedAppServices interface{}\n\ntype App struct {\n\tserver     commandServer\n\trepository commandRepository\n}\n\nfunc (c *App) setup(app *kingpin.Application) {\n\tc.server.setup(c, app)\n\tc.repository.setup(c, app)\n}\n\n// commandParent is implemented by app and commands that can have sub-commands.\ntype commandParent interface {\n\tCommand(name, help string) *kingpin.CmdClause\n}\n\nfunc NewApp() *App { return &App{} }\n\nfunc (c *App) Attach(app *kingpin.Application) { c.setup(app) }\n',
  'cli/command_server.go': kopiaServer('\n\tc.start.setup(svc, cmd)\n\tc.status.setup(svc, cmd)\n'),
  'cli/command_server_start.go': 'package cli\n\nimport "net/http"\n\ntype commandServerStart struct{ address string }\n\nfunc (c *commandServerStart) setup(svc advancedAppServices, parent commandParent) {\n\tcmd := parent.Command("start", "Start Kopia server")\n\tcmd.Flag("address", "Server address").Default("http://127.0.0.1:51515").StringVar(&c.address)\n\tcmd.Action(func(*kingpin.ParseContext) error { return http.ListenAndServe(c.address, nil) })\n}\n',
  'cli/command_server_status.go': 'package cli\n\ntype commandServerStatus struct{}\n\nfunc (c *commandServerStatus) setup(svc advancedAppServices, parent commandParent) {\n\tparent.Command("status", "Status of Kopia server")\n}\n',
  'cli/command_repository.go': 'package cli\n\ntype commandRepository struct {\n\tconnect commandRepositoryConnect\n}\n\nfunc (c *commandRepository) setup(svc advancedAppServices, parent commandParent) {\n\tcmd := parent.Command("repository", "Commands to manipulate repository.").Alias("repo")\n\n\tc.connect.setup(svc, cmd)\n}\n',
  'cli/command_repository_connect.go': 'package cli\n\ntype connectOptions struct{}\n\ntype commandRepositoryConnect struct {\n\tco connectOptions\n\n\tserver commandRepositoryConnectServer\n}\n\nfunc (c *commandRepositoryConnect) setup(svc advancedAppServices, parent commandParent) {\n\tcmd := parent.Command("connect", "Connect to a repository.")\n\n\tc.server.setup(svc, cmd, &c.co)\n}\n',
  'cli/command_repository_connect_server.go': 'package cli\n\ntype commandRepositoryConnectServer struct{ url string }\n\nfunc (c *commandRepositoryConnectServer) setup(svc advancedAppServices, parent commandParent, co *connectOptions) {\n\tcmd := parent.Command("server", "Connect to a repository API Server.")\n\tcmd.Flag("url", "Server URL").Required().StringVar(&c.url)\n}\n',
  'cli/storage_sftp.go': 'package cli\n\nimport "github.com/alecthomas/kingpin/v2"\n\ntype sftpOptions struct {\n\tHost string\n\tPort int\n}\n\ntype storageSFTPFlags struct{ options sftpOptions }\n\nfunc (c *storageSFTPFlags) Setup(cmd *kingpin.CmdClause) {\n\tcmd.Flag("host", "SFTP/SSH server hostname").Required().StringVar(&c.options.Host)\n\tcmd.Flag("port", "SFTP/SSH server port").Default("22").IntVar(&c.options.Port)\n}\n',
};

describe('2. kopia: kingpin commands handed on to methods', () => {
  it('CMD ["server", "start"]: `server` holds commands (kingpin needs one), `repository connect server` is nested', async () => {
    const r = await gen(tree(kopia, {}));
    assert.match(r.dockerfile, /^CMD \["server", "start"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('kingpin command "server" (cli/command_server.go) needs one of its commands; its command "start" ("Start Kopia server") in cli/command_server_start.go')), r.reasons.join('\n'));
  });

  it('the SFTP storage --port (beside a required --host) is the remote server\'s: no EXPOSE 22', async () => {
    const r = await gen(tree(kopia, {}));
    assert.doesNotMatch(r.dockerfile, /EXPOSE 22\b/, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('Port 22')), r.warnings.join('\n'));
  });

  it('negative: without a required host flag, a kingpin --port default is still a listener', async () => {
    const r = await gen(tree(kopia, { 'cli/storage_sftp.go': kopia['cli/storage_sftp.go']!.replace('.Required()', '') }));
    assert.match(r.dockerfile, /^EXPOSE 22$/m, r.dockerfile);
  });

  it('negative: a `server` with no commands made on it stays CMD ["server"]', async () => {
    const r = await gen(tree(kopia, { 'cli/command_server.go': kopiaServer('\tcmd.Action(nil)\n'), 'cli/command_server_start.go': null, 'cli/command_server_status.go': null }));
    assert.match(r.dockerfile, /^CMD \["server"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('parent.Command("server") in cli/command_server.go')), r.reasons.join('\n'));
  });
});

// hyperledger/fabric at 0c423ac (Apache-2.0): cmd/peer/main.go (1,776 bytes) `var mainCmd =
// &cobra.Command{Use: "peer"}`, `mainCmd.AddCommand(version.Cmd())`, `mainCmd.AddCommand(node.Cmd())`,
// `mainCmd.Execute()`; internal/peer/node/node.go (992 bytes) `const nodeFuncName = "node"`,
// `func Cmd() *cobra.Command { nodeCmd.AddCommand(startCmd()); …; return nodeCmd }`, `var nodeCmd =
// &cobra.Command{Use: nodeFuncName, Short: fmt.Sprint(nodeCmdDes), PersistentPreRun: …}`;
// internal/peer/node/start.go (51,672 bytes) `func startCmd() *cobra.Command { flags :=
// nodeStartCmd.Flags(); …; return nodeStartCmd }`, `var nodeStartCmd = &cobra.Command{Use: "start",
// Short: "Starts the node.", RunE: …}`; internal/peer/version/version.go `Use: "version"`.
const fabricNode = (use: string) => `package node\n\nimport (\n\t"fmt"\n\n\t"github.com/spf13/cobra"\n)\n\nconst (\n\tnodeFuncName = "node"\n\tnodeCmdDes   = "Operate a peer node: start|reset|rollback|pause|resume|rebuild-dbs|unjoin|upgrade-dbs."\n)\n\n// Cmd returns the cobra command for Node\nfunc Cmd() *cobra.Command {\n\tnodeCmd.AddCommand(startCmd())\n\tnodeCmd.AddCommand(resetCmd())\n\treturn nodeCmd\n}\n\nvar nodeCmd = &cobra.Command{\n\tUse:              ${use},\n\tShort:            fmt.Sprint(nodeCmdDes),\n\tLong:             fmt.Sprint(nodeCmdDes),\n\tPersistentPreRun: func(*cobra.Command, []string) {},\n}\n`;
const fabric: Record<string, string | null> = {
  'go.mod': 'module github.com/hyperledger/fabric\n\ngo 1.25.0\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'go.sum': 'github.com/spf13/cobra v1.9.1 h1:x\n',
  'cmd/peer/main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/hyperledger/fabric/internal/peer/node"\n\t"github.com/hyperledger/fabric/internal/peer/version"\n\t"github.com/spf13/cobra"\n)\n\nvar mainCmd = &cobra.Command{Use: "peer"}\n\nfunc main() {\n\tmainCmd.AddCommand(version.Cmd())\n\tmainCmd.AddCommand(node.Cmd())\n\tif mainCmd.Execute() != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
  'internal/peer/node/node.go': fabricNode('nodeFuncName'),
  'internal/peer/node/start.go': 'package node\n\nimport (\n\t"net"\n\n\t"github.com/spf13/cobra"\n)\n\nvar chaincodeDevMode bool\n\nfunc startCmd() *cobra.Command {\n\t// Set the flags on the node start command.\n\tflags := nodeStartCmd.Flags()\n\tflags.BoolVarP(&chaincodeDevMode, "peer-chaincodedev", "", false, "start peer in chaincode development mode")\n\treturn nodeStartCmd\n}\n\nvar nodeStartCmd = &cobra.Command{\n\tUse:   "start",\n\tShort: "Starts the node.",\n\tLong:  `Starts a node that interacts with the network.`,\n\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\t_, err := net.Listen("tcp", ":7051")\n\t\treturn err\n\t},\n}\n',
  'internal/peer/node/reset.go': 'package node\n\nimport "github.com/spf13/cobra"\n\nfunc resetCmd() *cobra.Command {\n\treturn nodeResetCmd\n}\n\nvar nodeResetCmd = &cobra.Command{\n\tUse:   "reset",\n\tShort: "Resets the node.",\n\tRunE:  func(cmd *cobra.Command, args []string) error { return nil },\n}\n',
  'internal/peer/version/version.go': 'package version\n\nimport "github.com/spf13/cobra"\n\nfunc Cmd() *cobra.Command {\n\treturn cobraCommand\n}\n\nvar cobraCommand = &cobra.Command{\n\tUse:   "version",\n\tShort: "Print fabric peer version.",\n\tRunE:  func(cmd *cobra.Command, args []string) error { return nil },\n}\n',
};

describe('3. fabric peer: cobra commands added through functions, a Use given by a constant', () => {
  it('CMD ["node", "start"], not ["start"] (`peer start` is an unknown command)', async () => {
    const r = await gen(tree(fabric, {}), { package: 'cmd/peer' });
    assert.match(r.dockerfile, /^CMD \["node", "start"\]$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /^CMD \["start"\]$/m);
    assert.ok(r.reasons.some((x) => x.includes('cobra Use: "node" (internal/peer/node/node.go) runs nothing itself; its subcommand Use: "start", Short: "Starts the node." in internal/peer/node/start.go')), r.reasons.join('\n'));
  });

  it('the same with the Use written as a literal', async () => {
    const r = await gen(tree(fabric, { 'internal/peer/node/node.go': fabricNode('"node"') }), { package: 'cmd/peer' });
    assert.match(r.dockerfile, /^CMD \["node", "start"\]$/m, r.dockerfile);
  });

  it('negative: `start` added to the root itself stays CMD ["start"]', async () => {
    const r = await gen(tree(fabric, {
      'cmd/peer/main.go': fabric['cmd/peer/main.go']!.replace('mainCmd.AddCommand(node.Cmd())', 'mainCmd.AddCommand(node.StartCmd())'),
      'internal/peer/node/node.go': 'package node\n\nimport "github.com/spf13/cobra"\n\nfunc StartCmd() *cobra.Command {\n\treturn startCmd()\n}\n',
      'internal/peer/node/reset.go': null,
    }), { package: 'cmd/peer' });
    assert.match(r.dockerfile, /^CMD \["start"\]$/m, r.dockerfile);
  });
});

// uptrace/uptrace at c186b0b (AGPL-3.0): pkg/msgp/reflect.go (566 bytes) `//go:linkname
// unsafe_NewArray reflect.unsafe_NewArray` and `//go:linkname typedslicecopy reflect.typedslicecopy`
// (the runtime marks both: "hall of shame" push linknames); go.mod `go 1.24.0`; the Makefile builds
// without -checklinkname=0. slackhq/nebula at 9c5d701 (MIT): noiseutil/fips140.go (6,767 bytes) `//go:linkname
// aeadAESGCMTLS13 crypto/tls.aeadAESGCMTLS13` (crypto/tls's badlinkname.go marks it).
describe('4. pull linknames the standard library marks', () => {
  const site = (reflectGo: string) => ({
    'go.mod': 'module github.com/uptrace/uptrace\n\ngo 1.24.0\n',
    'main.go': 'package main\n\nimport "github.com/uptrace/uptrace/pkg/msgp"\n\nfunc main() { msgp.Use() }\n',
    'pkg/msgp/reflect.go': reflectGo,
  });
  const marked = 'package msgp\n\nimport "unsafe"\n\n//go:linkname unsafe_NewArray reflect.unsafe_NewArray\nfunc unsafe_NewArray(rtype unsafe.Pointer, length int) unsafe.Pointer\n\n//go:linkname typedslicecopy reflect.typedslicecopy\n//go:noescape\nfunc typedslicecopy(elemType unsafe.Pointer, dst, src sliceHeader) int\n\ntype sliceHeader struct{}\n\nfunc Use() {}\n';

  it('uptrace: reflect.unsafe_NewArray and reflect.typedslicecopy link: no -checklinkname=0', async () => {
    const r = await gen(workspace(site(marked)));
    assert.doesNotMatch(r.dockerfile, /checklinkname/, r.dockerfile);
  });

  it('nebula: crypto/tls.aeadAESGCMTLS13 links too', async () => {
    const r = await gen(workspace(site('package msgp\n\nimport (\n\t"crypto/cipher"\n\t_ "crypto/tls"\n\t_ "unsafe"\n)\n\n//go:linkname aeadAESGCMTLS13 crypto/tls.aeadAESGCMTLS13\nfunc aeadAESGCMTLS13(key, noncePrefix []byte) cipher.AEAD\n\nfunc Use() {}\n')));
    assert.doesNotMatch(r.dockerfile, /checklinkname/, r.dockerfile);
  });

  it('negative: an unmarked symbol (time.unitMap) still gets the flag', async () => {
    const r = await gen(workspace(site(marked.replace('//go:linkname typedslicecopy reflect.typedslicecopy', '//go:linkname typedslicecopy time.unitMap'))));
    assert.match(r.dockerfile, /-checklinkname=0/, r.dockerfile);
  });
});

// xataio/pgroll at cdbe9b0 (Apache-2.0): go.mod (4,579 bytes) `go 1.26.3`, requires
// `github.com/xataio/pg_query_go/v6 v6.0.0-20250425105130-ed1845ee2d75` and `github.com/pganalyze/
// pg_query_go/v6 v6.1.0 // indirect`; main.go (176 bytes) calls cmd.Execute(); cmd/convert.go (1,734 bytes) imports
// github.com/xataio/pgroll/pkg/sql2pgroll, whose drop.go (2,020 bytes) imports `pgq
// "github.com/xataio/pg_query_go/v6"` (a fork of pganalyze's: libpg_query's C sources, cgo only).
describe('5. pgroll: a fork of a cgo-only module', () => {
  const pgroll = (indirect: string) => ({
    'go.mod': `module github.com/xataio/pgroll\n\ngo 1.26.3\n\nrequire (\n\tgithub.com/spf13/cobra v1.9.1\n\tgithub.com/xataio/pg_query_go/v6 v6.0.0-20250425105130-ed1845ee2d75\n)\n\nrequire (\n${indirect})\n`,
    'go.sum': 'github.com/spf13/cobra v1.9.1 h1:x\ngithub.com/xataio/pg_query_go/v6 v6.0.0-20250425105130-ed1845ee2d75 h1:x\n',
    'main.go': 'package main\n\nimport (\n\t"os"\n\n\t"github.com/xataio/pgroll/cmd"\n)\n\nfunc main() {\n\tif err := cmd.Execute(); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
    'cmd/root.go': 'package cmd\n\nimport (\n\t"github.com/spf13/cobra"\n\t"github.com/xataio/pgroll/pkg/sql2pgroll"\n)\n\nvar rootCmd = &cobra.Command{Use: "pgroll"}\n\nfunc Execute() error {\n\t_ = sql2pgroll.Convert\n\treturn rootCmd.Execute()\n}\n',
    'pkg/sql2pgroll/drop.go': 'package sql2pgroll\n\nimport (\n\t"strings"\n\n\tpgq "github.com/xataio/pg_query_go/v6"\n)\n\nfunc Convert(sql string) (*pgq.ParseResult, error) {\n\treturn pgq.Parse(strings.TrimSpace(sql))\n}\n',
  });

  it('CGO_ENABLED=1 and a glibc runtime, naming the upstream go.mod also requires', async () => {
    const r = await gen(workspace(pgroll('\tgithub.com/pganalyze/pg_query_go/v6 v6.1.0 // indirect\n')));
    assert.match(r.dockerfile, /CGO_ENABLED=1/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('imports github.com/xataio/pg_query_go/v6 (a fork of github.com/pganalyze/pg_query_go/v6, which go.mod also requires: cgo-only, it binds libpg_query)')), r.reasons.join('\n'));
  });

  it('negative: without the upstream in go.mod, nothing says it is a fork: CGO_ENABLED=0', async () => {
    const r = await gen(workspace(pgroll('\tgithub.com/spf13/pflag v1.0.6 // indirect\n')));
    assert.match(r.dockerfile, /CGO_ENABLED=0/, r.dockerfile);
  });
});

// flannel-io/flannel at cdf7605 (Apache-2.0): go.mod `github.com/coreos/go-iptables v0.8.0`;
// pkg/trafficmngr/iptables/iptables.go (23,216 bytes) `ipt, err := iptables.New()` (go-iptables
// runs the iptables command it finds with exec.LookPath). kubernetes-sigs/secrets-store-csi-driver
// at 0aad886 (Apache-2.0): pkg/secrets-store/secrets-store.go (2,951 bytes) `mount "k8s.io/mount-utils"`,
// `newNodeServer(…, mount.New(""), …)`; nodeserver.go (15,941 bytes) `ns.mounter.Mount("tmpfs", targetPath,
// "tmpfs", []string{})`; its docker/Dockerfile installs `mount` and runs as root.
describe('6. programs that dependencies run, and mounting as root', () => {
  it('flannel: go-iptables runs iptables → a debian runtime with iptables installed', async () => {
    const r = await gen(workspace({
      'go.mod': 'module github.com/flannel-io/flannel\n\ngo 1.25.9\n\nrequire github.com/coreos/go-iptables v0.8.0\n',
      'go.sum': 'github.com/coreos/go-iptables v0.8.0 h1:x\n',
      'main.go': 'package main\n\nimport "github.com/flannel-io/flannel/pkg/trafficmngr/iptables"\n\nfunc main() { iptables.Setup() }\n',
      'pkg/trafficmngr/iptables/iptables.go': 'package iptables\n\nimport (\n\t"github.com/coreos/go-iptables/iptables"\n)\n\nfunc Setup() {\n\tipt, err := iptables.New()\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t_ = ipt.AppendUnique("nat", "POSTROUTING", "-j", "MASQUERADE")\n}\n',
    }));
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends [^\n]*\biptables\b/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('iptables (github.com/coreos/go-iptables/iptables: go-iptables changes every rule by running the iptables')), r.reasons.join('\n'));
  });

  const csi = (nodeserver: string) => workspace({
    'go.mod': 'module sigs.k8s.io/secrets-store-csi-driver\n\ngo 1.25.0\n\nrequire k8s.io/mount-utils v0.33.0\n',
    'go.sum': 'k8s.io/mount-utils v0.33.0 h1:x\n',
    'cmd/secrets-store-csi-driver/main.go': 'package main\n\nimport secretsstore "sigs.k8s.io/secrets-store-csi-driver/pkg/secrets-store"\n\nfunc main() { secretsstore.Run() }\n',
    'pkg/secrets-store/secrets-store.go': 'package secretsstore\n\nimport (\n\tmount "k8s.io/mount-utils"\n)\n\nfunc Run() {\n\tns := newNodeServer(mount.New(""))\n\tns.publish("/var/lib/kubelet/pods/x/volumes/y")\n}\n',
    'pkg/secrets-store/nodeserver.go': nodeserver,
  });

  // Session 52 (judge37 G1): it runs as root (USER 0:0), as GD204 accepts for a mount library,
  // with a Check that root needs --privileged or CAP_SYS_ADMIN to mount.
  it('secrets-store-csi-driver: USER 0:0, and a Check that mounting needs --privileged', async () => {
    const r = await gen(csi('package secretsstore\n\nimport (\n\tmount "k8s.io/mount-utils"\n)\n\ntype nodeServer struct{ mounter mount.Interface }\n\nfunc newNodeServer(m mount.Interface) *nodeServer { return &nodeServer{mounter: m} }\n\nfunc (ns *nodeServer) publish(targetPath string) {\n\terr := ns.mounter.Mount("tmpfs", targetPath, "tmpfs", []string{})\n\t_ = err\n}\n'), { package: 'cmd/secrets-store-csi-driver' });
    assert.match(r.dockerfile, /^USER 0:0$/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.includes('mounts filesystems through k8s.io/mount-utils (Mount in pkg/secrets-store/nodeserver.go)') && w.includes('--privileged')), r.warnings.join('\n'));
    // Session 53 (judge37 G1, hostpathplugin): the image has the mount tools the library runs
    // (debian-slim's base), where it was distroless with a Check that they were missing.
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('mount (k8s.io/mount-utils')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => /runs mount \(k8s\.io\/mount-utils/.test(w)), r.warnings.join('\n'));
  });

  it('negative: only IsLikelyNotMountPoint (reading, no mount): no root Check', async () => {
    const r = await gen(csi('package secretsstore\n\nimport (\n\tmount "k8s.io/mount-utils"\n)\n\ntype nodeServer struct{ mounter mount.Interface }\n\nfunc newNodeServer(m mount.Interface) *nodeServer { return &nodeServer{mounter: m} }\n\nfunc (ns *nodeServer) publish(targetPath string) {\n\t_, _ = ns.mounter.IsLikelyNotMountPoint(targetPath)\n}\n'), { package: 'cmd/secrets-store-csi-driver' });
    assert.ok(!r.warnings.some((w) => w.includes('mounts filesystems')), r.warnings.join('\n'));
    assert.match(r.dockerfile, /^USER 65532:65532$/m, r.dockerfile);
  });
});

// parca-dev/parca at 3b5647c (Apache-2.0): go.mod `module github.com/parca-dev/parca`, `go 1.25.0`,
// `github.com/alecthomas/kong v0.9.0`; cmd/parca/main.go (1,895 bytes) `flags := &parca.Flags{}`,
// `kong.Parse(flags)`, `parca.Run(ctx, …, flags, …)`; pkg/parca/parca.go (36,940 bytes) `type Flags
// struct { ConfigPath string \`default:"parca.yaml" help:"Path to config file."\` … }` and
// `cfg, err := config.LoadFile(flags.ConfigPath)` returning the error; parca.yaml (1,343 bytes) at
// the root, which the project's Dockerfile copies beside the binary.
describe('7. parca: a configuration file named by a struct tag default', () => {
  const parca = (extra: Record<string, string | null>) => tree({
    'go.mod': 'module github.com/parca-dev/parca\n\ngo 1.25.0\n\nrequire github.com/alecthomas/kong v0.9.0\n',
    'go.sum': 'github.com/alecthomas/kong v0.9.0 h1:x\n',
    'cmd/parca/main.go': 'package main\n\nimport (\n\t"context"\n\n\t"github.com/alecthomas/kong"\n\n\t"github.com/parca-dev/parca/pkg/parca"\n)\n\nfunc main() {\n\tflags := &parca.Flags{}\n\tkong.Parse(flags)\n\t_ = parca.Run(context.Background(), flags)\n}\n',
    'pkg/parca/parca.go': 'package parca\n\nimport (\n\t"context"\n\t"net/http"\n\t"os"\n)\n\ntype Flags struct {\n\tConfigPath  string `default:"parca.yaml" help:"Path to config file."`\n\tHTTPAddress string `default:":7070" help:"Address to bind HTTP server to."`\n}\n\nfunc Run(ctx context.Context, flags *Flags) error {\n\tif _, err := os.ReadFile(flags.ConfigPath); err != nil {\n\t\treturn err\n\t}\n\treturn http.ListenAndServe(flags.HTTPAddress, nil)\n}\n',
    'parca.yaml': 'object_storage:\n  bucket:\n    type: "FILESYSTEM"\n',
  }, extra);

  it('parca.yaml is copied into the working directory', async () => {
    const r = await gen(parca({}));
    assert.match(r.dockerfile, /^COPY parca\.yaml \/app\/parca\.yaml$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('field ConfigPath default:"parca.yaml"')), r.reasons.join('\n'));
  });

  it('negative: without parca.yaml in the context, a Check instead of a COPY', async () => {
    const r = await gen(parca({ 'parca.yaml': null }));
    assert.doesNotMatch(r.dockerfile, /COPY parca\.yaml/);
    assert.ok(r.warnings.some((w) => w.includes('reads parca.yaml at run time (field ConfigPath default:"parca.yaml")')), r.warnings.join('\n'));
  });
});
