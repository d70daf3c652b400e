/**
 * The generator on real repositories of rounds 14 and 15 (helper "gen35"): each case is a small
 * skeleton of a real repository (the files, go.mod and the few Go lines that matter), with its
 * repository, commit and licence above it, plus the variants that keep the old behaviour where it
 * is right.
 *
 * 1. Listen addresses built from a port the program sets plainly (ente's museum: `port := 8080` …
 *    `server.Run(fmt.Sprintf(":%d", port))`), and urfave/cli v1's `Name: "addr,port"` (fathom).
 * 2. A program run through a name held in a variable, whose default a constant names in another
 *    package (helmfile: `exec.Command(cmd, …)`, `DefaultHelmBinary = "helm"`): a Check says so.
 * 3. A program run only in the else of `if !common.IsWindows() {` (nps's tasklist) is not counted.
 * 4. nps: the client's conf/npc.conf is not copied for the server, and files found beside the
 *    executable (`filepath.Dir(os.Args[0])` then `filepath.Join(common.GetRunPath(), "conf",
 *    "nps.conf")`) get a Check; fathom's packr boxes get a Check.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { fileExecs } from '../../server/src/workspace/programsRun';
import { listenAddresses } from '../../server/src/generate';

const { workspace, gen } = generatorTrees('judge15');

// ente-io/ente at a621d733154a834f23754e7e874de769be532d9d (AGPL-3.0), server/cmd/museum/main.go:
// `go http.ListenAndServe(":2112", nil)` (metrics), then gin's `server.Run(fmt.Sprintf(":%d",
// port))` after `port := 8080` (overridden by viper's http.port when set).
function museum(run: string, decl = '\t\tport := 8080\n\t\tif viper.IsSet("http.port") {\n\t\t\tport = viper.GetInt("http.port")\n\t\t}\n'): string {
  return workspace({
    'go.mod': 'module github.com/ente/museum\n\ngo 1.26\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n\tgithub.com/spf13/viper v1.19.0\n)\n',
    'go.sum': '',
    'cmd/museum/main.go': `package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\n\t"github.com/gin-gonic/gin"\n\t"github.com/spf13/viper"\n)\n\nfunc main() {\n\tserver := gin.New()\n\tgo http.ListenAndServe(":2112", nil)\n\trunServer(server)\n}\n\nfunc runServer(server *gin.Engine) {\n\tif viper.GetBool("http.use-tls") {\n\t\tserver.RunTLS(":443", "c", "k")\n\t} else {\n${decl}\t\t${run}\n\t}\n}\n`,
  });
}

describe('1. listen addresses built from a port the program sets', () => {
  it('ente museum: `port := 8080` and server.Run(fmt.Sprintf(":%d", port)) → EXPOSE 2112 8080', async () => {
    const r = await gen(museum('server.Run(fmt.Sprintf(":%d", port))'));
    assert.match(r.dockerfile, /^EXPOSE 2112 8080$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('.Run(fmt.Sprintf(":%d", port) with port = 8080) in cmd/museum/main.go')), r.reasons.join('\n'));
  });

  it('":" + strconv.Itoa(port), a constant of the package, and an address variable', () => {
    const gin = ['github.com/gin-gonic/gin'];
    const consts = new Map([['defaultPort', '9000']]);
    assert.deepEqual(listenAddresses('m.go', 'func f() {\n\tr.Run(":" + strconv.Itoa(defaultPort))\n}\n', gin, consts).map((a) => a.port), [9000]);
    assert.deepEqual(listenAddresses('m.go', 'func f() {\n\taddr := ":7000"\n\thttp.ListenAndServe(addr, nil)\n}\n', []).map((a) => a.port), [7000]);
    assert.deepEqual(listenAddresses('m.go', 'func f() {\n\tsrv := &http.Server{Addr: fmt.Sprintf(":%d", port)}\n}\nconst port = 8088\n', [], new Map([['port', '8088']])).map((a) => a.port), [8088]);
  });

  it('negative: a port from configuration, a host and port pair, or a call with more arguments stays unread', async () => {
    const r = await gen(museum('server.Run(fmt.Sprintf(":%d", port))', '\t\tport := viper.GetInt("http.port")\n'));
    assert.match(r.dockerfile, /^EXPOSE 2112$/m, r.dockerfile);
    assert.deepEqual(listenAddresses('m.go', 'func f() {\n\thost := "db"\n\tport := 5432\n\thttp.ListenAndServe(fmt.Sprintf("%s:%d", host, port), nil)\n}\n', []), []);
    assert.deepEqual(listenAddresses('m.go', 'func f() {\n\tport := 8080\n\tcmd.Run(ctx, fmt.Sprintf(":%d", port))\n}\n', ['github.com/gin-gonic/gin']), []);
    // A variable assigned in another function is not this one's.
    assert.deepEqual(listenAddresses('m.go', 'func g() {\n\taddr := ":7000"\n}\nfunc f() {\n\thttp.ListenAndServe(addr, nil)\n}\n', []), []);
  });

  // usefathom/fathom at 2d895d8299d31c9957c806aa24720271668f3f09 (MIT), pkg/cli/server.go:
  // urfave/cli v1 `cli.StringFlag{EnvVar: "FATHOM_SERVER_ADDR,PORT", Name: "addr,port", Value: ":8080"}`.
  const fathom = (name: string) => workspace({
    'go.mod': 'module github.com/usefathom/fathom\n\ngo 1.19\n\nrequire github.com/urfave/cli v1.22.10\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport "github.com/usefathom/fathom/pkg/cli"\n\nfunc main() {\n\tcli.Run()\n}\n',
    'pkg/cli/cli.go': 'package cli\n\nimport (\n\t"os"\n\n\t"github.com/urfave/cli"\n)\n\nfunc Run() {\n\tapp := cli.NewApp()\n\tapp.Commands = []cli.Command{serverCmd}\n\tapp.Run(os.Args)\n}\n',
    'pkg/cli/server.go': `package cli\n\nimport "github.com/urfave/cli"\n\nvar serverCmd = cli.Command{\n\tName:   "server",\n\tUsage:  "start the fathom web server",\n\tAction: server,\n\tFlags: []cli.Flag{\n\t\tcli.StringFlag{\n\t\t\tEnvVar: "FATHOM_SERVER_ADDR,PORT",\n\t\t\tName:   "${name}",\n\t\t\tUsage:  "server address",\n\t\t\tValue:  ":8080",\n\t\t},\n\t},\n}\n\nfunc server(c *cli.Context) error { return nil }\n`,
  });

  it('fathom: urfave/cli v1 `Name: "addr,port"` (a flag and its alias) → EXPOSE 8080', async () => {
    const r = await gen(fathom('addr,port'));
    assert.match(r.dockerfile, /^EXPOSE 8080$/m, r.dockerfile);
    assert.match(r.dockerfile, /^CMD \["server"\]$/m);
  });

  it('negative: a comma form naming another endpoint (`db-addr,db`) is not the server', async () => {
    const r = await gen(fathom('db-addr,database'));
    assert.doesNotMatch(r.dockerfile, /^EXPOSE/m, r.dockerfile);
  });
});

// helmfile/helmfile at ecf604d529666c75f3ca9ef0aeafe3597c1dbe65 (MIT): pkg/helmexec/runner.go
// `preparedCmd := exec.Command(cmd, args...)`; pkg/state/create.go `DefaultHelmBinary = "helm"`,
// `DefaultKustomizeBinary = "kustomize"` (the configuration's defaults).
function helmfile(opts: { constant?: string; exec?: string } = {}): string {
  return workspace({
    'go.mod': 'module github.com/helmfile/helmfile\n\ngo 1.26.2\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"github.com/helmfile/helmfile/pkg/helmexec"\n\t"github.com/helmfile/helmfile/pkg/state"\n)\n\nfunc main() {\n\thelmexec.ShellRunner{}.Execute(state.DefaultHelmBinary, nil)\n}\n',
    'pkg/helmexec/runner.go': `package helmexec\n\nimport "os/exec"\n\ntype ShellRunner struct{}\n\nfunc (shell ShellRunner) Execute(cmd string, args []string) ([]byte, error) {\n\tpreparedCmd := ${opts.exec ?? 'exec.Command(cmd, args...)'}\n\treturn preparedCmd.Output()\n}\n`,
    'pkg/state/create.go': `package state\n\nconst (\n${opts.constant ?? '\tDefaultHelmBinary       = "helm"\n\tDefaultKustomizeBinary  = "kustomize"\n'}\tDefaultHCLFileExtension = ".hcl"\n)\n`,
  });
}

describe('2. a program run through a name the configuration gives (helmfile)', () => {
  it('helmfile: exec.Command(cmd, …) and DefaultHelmBinary = "helm" → a Check names helm and kustomize', async () => {
    const r = await gen(helmfile());
    const w = r.warnings.find((x) => x.includes('names at run time'));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('exec.Command(cmd, …) in pkg/helmexec/runner.go') && w.includes('DefaultHelmBinary = "helm" in pkg/state/create.go') && w.includes('kustomize') && w.includes('has no programs but the binary'), w);
  });

  it('negative: no binary-named constant (or one naming no program: `BINARY = "binary"`) → no Check', async () => {
    for (const constant of ['', '\tBINARY = "binary"\n', '\tDefaultConfigFile = "helmfile.yaml"\n']) {
      const r = await gen(helmfile({ constant }));
      assert.ok(!r.warnings.some((x) => x.includes('names at run time')), `${constant}: ${r.warnings.join('\n')}`);
    }
  });

  it('negative: the constant without a call through a variable → no Check', async () => {
    const r = await gen(helmfile({ exec: 'exec.Command("true", args...)' }));
    assert.ok(!r.warnings.some((x) => x.includes('names at run time')), r.warnings.join('\n'));
  });
});

// ehang-io/nps at ab648d6f0c618c690a7a79948a7ebd686e1cdafc (GPL-3.0), lib/daemon/daemon.go:
// `if !common.IsWindows() { cmd = exec.Command("/bin/sh", …) } else { cmd = exec.Command("tasklist") }`,
// and `if common.IsWindows() { c = exec.Command("taskkill", …) }`.
describe('3. a program run only on Windows through a helper (nps)', () => {
  it('the else of `if !common.IsWindows()` and the block of `if common.IsWindows()` are not counted', () => {
    const src = 'package daemon\n\nimport "os/exec"\n\nfunc status() {\n\tvar cmd *exec.Cmd\n\tif !common.IsWindows() {\n\t\tcmd = exec.Command("sh", "-c", "ps")\n\t} else {\n\t\tcmd = exec.Command("tasklist")\n\t}\n\tcmd.Output()\n}\n\nfunc stop() {\n\tif common.IsWindows() {\n\t\texec.Command("taskkill", "/F").Run()\n\t} else {\n\t\texec.Command("kill").Run()\n\t}\n}\n\nfunc other() {\n\tif runtime.GOOS != "windows" {\n\t\texec.Command("ps").Run()\n\t} else {\n\t\texec.Command("wmic").Run()\n\t}\n}\n';
    assert.deepEqual(fileExecs(src).calls.map((c) => c.name), ['sh', 'kill', 'ps']);
  });

  it('negative: the else of a test that is not about the system, or of `if IsWindows()`, still counts', () => {
    const src = 'package daemon\n\nimport "os/exec"\n\nfunc f() {\n\tif !verbose {\n\t\texec.Command("a").Run()\n\t} else {\n\t\texec.Command("b").Run()\n\t}\n\tif isWindows {\n\t\texec.Command("c").Run()\n\t} else {\n\t\texec.Command("d").Run()\n\t}\n}\n';
    assert.deepEqual(fileExecs(src).calls.map((c) => c.name), ['a', 'b', 'd']);
  });
});

// ehang-io/nps at ab648d6f0c618c690a7a79948a7ebd686e1cdafc (GPL-3.0): cmd/nps (server) and cmd/npc
// (client); lib/common/run.go `GetAppPath()` is `filepath.Dir(os.Args[0])`, `GetConfigPath()`
// returns "conf/npc.conf" (only npc calls it); cmd/nps/nps.go reads
// `filepath.Join(common.GetRunPath(), "conf", "nps.conf")`; conf/ holds both files.
function nps(opts: { exeDir?: boolean } = {}): string {
  const exeDir = opts.exeDir ?? true;
  return workspace({
    'go.mod': 'module ehang.io/nps\n\ngo 1.15\n',
    'go.sum': '',
    'conf/nps.conf': 'appname = nps\n',
    'conf/npc.conf': '[common]\n',
    'web/views/index.html': '<html></html>\n',
    'cmd/nps/nps.go': 'package main\n\nimport (\n\t"path/filepath"\n\n\t"ehang.io/nps/lib/common"\n)\n\nfunc main() {\n\tload(filepath.Join(common.GetRunPath(), "conf", "nps.conf"))\n\tload(filepath.Join(common.GetRunPath(), "web", "views"))\n}\n\nfunc load(string) {}\n',
    'cmd/npc/npc.go': 'package main\n\nimport "ehang.io/nps/lib/common"\n\nfunc main() {\n\t_ = common.GetConfigPath()\n}\n',
    'lib/common/run.go': `package common\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nfunc GetRunPath() string {\n\tif _, err := os.Stat("/etc/nps"); err == nil {\n\t\treturn "/etc/nps"\n\t}\n\treturn GetAppPath()\n}\n\nfunc GetAppPath() string {\n\t${exeDir ? 'path, _ := filepath.Abs(filepath.Dir(os.Args[0]))' : 'path, _ := os.Getwd()'}\n\treturn path\n}\n\nfunc GetConfigPath() string {\n\treturn "conf/npc.conf"\n}\n`,
  });
}

describe('4. configuration of another program, files beside the executable, packr boxes', () => {
  it('nps: conf/npc.conf (named after npc) is not copied for nps, with a reason', async () => {
    const r = await gen(nps(), { package: 'cmd/nps' });
    assert.doesNotMatch(r.dockerfile, /npc\.conf/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('conf/npc.conf is not copied') && x.includes('named after npc, another program')), r.reasons.join('\n'));
  });

  it('negative: built as npc, conf/npc.conf is its own and is copied', async () => {
    const r = await gen(nps(), { package: 'cmd/npc' });
    assert.match(r.dockerfile, /^COPY conf\/npc\.conf \/app\/conf\/npc\.conf$/m, r.dockerfile);
  });

  it('nps: files joined to a folder found from the executable → a Check names them', async () => {
    const r = await gen(nps(), { package: 'cmd/nps' });
    const w = r.warnings.find((x) => x.includes("relative to its executable's folder"));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('filepath.Dir(os.Args[0]) in lib/common/run.go') && w.includes('conf/nps.conf (filepath.Join(common.GetRunPath(), "conf", "nps.conf") in cmd/nps/nps.go)') && w.includes('web/views'), w);
  });

  it('negative: without the executable\'s folder, no Check about it', async () => {
    const r = await gen(nps({ exeDir: false }), { package: 'cmd/nps' });
    assert.ok(!r.warnings.some((x) => x.includes("relative to its executable's folder")), r.warnings.join('\n'));
  });

  // usefathom/fathom at 2d895d8299d31c9957c806aa24720271668f3f09 (MIT): pkg/api/routes.go
  // `packr.NewBox("./../../assets/build")` (git-ignored, made by gulp), pkg/datastore/sqlstore
  // `packr.NewBox("./migrations")`; the Makefile's docker target runs `packr2 build`.
  const packr = (imported: boolean) => workspace({
    'go.mod': 'module github.com/usefathom/fathom\n\ngo 1.19\n\nrequire github.com/gobuffalo/packr/v2 v2.8.3\n',
    'go.sum': '',
    '.gitignore': 'assets/build\n',
    'main.go': 'package main\n\nimport (\n\t"github.com/usefathom/fathom/pkg/api"\n\t"github.com/usefathom/fathom/pkg/datastore/sqlstore"\n)\n\nfunc main() {\n\tapi.Routes()\n\tsqlstore.Migrate()\n}\n',
    'pkg/api/routes.go': `package api\n\n${imported ? 'import "github.com/gobuffalo/packr/v2"\n\nfunc Routes() {\n\t_ = packr.NewBox("./../../assets/build")\n}\n' : 'func Routes() {}\n'}`,
    'pkg/datastore/sqlstore/sqlstore.go': `package sqlstore\n\n${imported ? 'import "github.com/gobuffalo/packr/v2"\n\nfunc Migrate() {\n\t_ = packr.NewBox("./migrations")\n}\n' : 'func Migrate() {}\n'}`,
    'pkg/datastore/sqlstore/migrations/1.sql': 'CREATE TABLE x (id int);\n',
  });

  it('fathom: packr boxes → a Check names them and the missing assets/build', async () => {
    const r = await gen(packr(true));
    const w = r.warnings.find((x) => x.includes('packr boxes'));
    assert.ok(w, r.warnings.join('\n'));
    assert.ok(w.includes('packr.NewBox("./../../assets/build") in pkg/api/routes.go') && w.includes('packr.NewBox("./migrations") in pkg/datastore/sqlstore/sqlstore.go') && w.includes('assets/build does not exist'), w);
  });

  it('negative: no packr import → no Check', async () => {
    const r = await gen(packr(false));
    assert.ok(!r.warnings.some((x) => x.includes('packr')), r.warnings.join('\n'));
  });
});
