/**
 * The generator on real repositories of rounds 37-38 (judge G, engineer H53). Each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * 1. A program run through an unexported string field of the package's own struct type, which
 *    every literal of the type sets to one program's name, is a program the binary runs:
 *    openfaas/faas-cli runs git for `faas-cli template pull` through `exec.Command(v.cmd, …)`
 *    (versioncontrol/core.go:45-51), every vcsCmd literal of versioncontrol/git.go setting
 *    `cmd: "git"`; the generated distroless image had no git, and no Check said so (judge37/G G4:
 *    `exec: "git": executable file not found in $PATH`). Now the runtime is debian-slim with git
 *    installed, as for a program that names git in the call (gopass).
 * 2. A program that mounts through a mount library (the root reason of engineer J52) has the mount
 *    tools in its image: kubernetes-csi/csi-driver-host-path's hostpathplugin mounts through
 *    k8s.io/utils/mount, whose Mounter runs mount and umount, and lists the mounts with
 *    `exec.LookPath("findmnt")` (pkg/hostpath/healthcheck.go:81); the generated distroless image had
 *    none of them (judge37/G G1 "no mount/findmnt"; note52). Now debian-slim, whose base holds the
 *    mount package and util-linux (mount, umount, findmnt: nothing to install); alpine installs
 *    findmnt (busybox has mount and umount).
 * 3. A flag a mitchellh/cli command's method defines belongs to the command its factory makes:
 *    hashicorp/nomad's `-oidc-callback-addr` (default localhost:4649) is defined in
 *    `func (l *LoginCommand) Run` (command/login.go:99), and the factory map says `"login"` makes a
 *    LoginCommand (command/commands.go:569); the generated image runs `server` and passed it
 *    `--oidc-callback-addr :4649` with EXPOSE 4649 (engineer H52, note52): `nomad server` has no
 *    such flag, and the port is a login helper's, not a server's.
 * 4. Build tags without which the program does not compile are passed: navidrome/navidrome's main.go
 *    uses buildtags.NETGO and buildtags.SQLITE_FTS5, which only conf/buildtags/netgo.go
 *    (`//go:build netgo`) and sqlite_fts5.go (`//go:build sqlite_fts5`) declare, so that a build
 *    without the project's `-tags netgo,sqlite_fts5` (Makefile:5, release/build-tags.sh) stops with
 *    "undefined: buildtags.NETGO". The generated build passed `-tags fts5` and did not compile
 *    (engineer G52's comparison, note52).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge37-h53');

// openfaas/faas-cli at ee4db09a978f9f207c0379283ce4df13529674fb (tag 0.17.6, MIT): go.mod (2,317
// bytes) `module github.com/openfaas/faas-cli`, `go 1.23.0`, spf13/cobra among its requires;
// main.go (406 bytes) calls commands.Execute; versioncontrol/core.go (2,234 bytes) lines 13-24
// `type vcsCmd struct { name string; cmd string; cmds []string; scheme []string }`, :43-51
// `func (v *vcsCmd) run(…)` with `exec.LookPath(v.cmd)` and `cmd := exec.Command(v.cmd, args...)`;
// versioncontrol/git.go (3,502 bytes) lines 9-70: GitClone, GitCloneDefault, GitCheckout,
// GitCheckRefName, GitInitRepo2_28_0, GitInitRepoClassic, each `&vcsCmd{name: "Git", cmd: "git", …}`;
// commands/fetch_templates.go (4,945 bytes) lines 39-47 `cmd := versioncontrol.GitCloneDefault` …
// `cmd.Invoke(".", args)`. Its Dockerfile:66 (stage release) `apk --no-cache add ca-certificates git`.
const core = (run: string) => `// Package versioncontrol is a simplified/stripped down version of go/internal/get/vcs.\npackage versioncontrol\n\nimport (\n\t"bytes"\n\t"fmt"\n\t"os"\n\t"os/exec"\n\t"strings"\n)\n\ntype vcsCmd struct {\n\tname string\n\n\t// name of binary to invoke command\n\tcmd string\n\n\t// commands to execute with the binary\n\tcmds []string\n\n\t// uri schemes the command can apply to\n\tscheme []string\n}\n\n// Invoke executes the vcsCmd.\nfunc (v *vcsCmd) Invoke(dir string, args map[string]string) error {\n\tfor _, cmd := range v.cmds {\n\t\tif _, err := v.run(dir, cmd, args, true); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n\treturn nil\n}\n\n${run}`;
const run = (program: string) => `// run is the generalized implementation of executing our commands.\nfunc (v *vcsCmd) run(dir string, cmdline string, keyval map[string]string, verbose bool) ([]byte, error) {\n\targs := strings.Fields(cmdline)\n\n\t// run external command\n\t_, err := exec.LookPath(${program})\n\tif err != nil {\n\t\tfmt.Fprintf(os.Stderr, "missing %s command", v.name)\n\t\treturn nil, err\n\t}\n\n\tcmd := exec.Command(${program}, args...)\n\tcmd.Dir = dir\n\n\tvar buf bytes.Buffer\n\tcmd.Stdout = &buf\n\terr = cmd.Run()\n\treturn buf.Bytes(), err\n}\n`;
const literal = (name: string, cmd: string, cmds: string) => `// ${name} defines a git command\nvar ${name} = &vcsCmd{\n\tname:   "Git",\n\tcmd:    ${cmd},\n\tcmds:   []string{${cmds}},\n\tscheme: []string{"git", "https", "http", "git+ssh", "ssh"},\n}\n`;
const gitGo = (cmd = '"git"', extra = '') => `package versioncontrol\n\n${literal('GitClone', cmd, '"clone {repo} {dir} --depth=1 --config core.autocrlf=false -b {refname}"')}\n${literal('GitCloneDefault', '"git"', '"clone {repo} {dir} --depth=1 --config core.autocrlf=false"')}\n${literal('GitCheckRefName', '"git"', '"check-ref-format --allow-onelevel {refname}"')}${extra}`;
const faasCli: Record<string, string | null> = {
  'go.mod': 'module github.com/openfaas/faas-cli\n\ngo 1.23.0\n\ntoolchain go1.23.3\n\nrequire github.com/spf13/cobra v1.8.1\n',
  'go.sum': 'github.com/spf13/cobra v1.8.1 h1:x=\ngithub.com/spf13/cobra v1.8.1/go.mod h1:y=\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/openfaas/faas-cli/commands"\n)\n\nfunc main() {\n\tif len(os.Args) < 1 {\n\t\tfmt.Fprintln(os.Stderr, "no args")\n\t\tos.Exit(1)\n\t}\n\tcommands.Execute(os.Args[1:])\n}\n',
  'commands/faas.go': 'package commands\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nvar faasCmd = &cobra.Command{Use: "faas-cli"}\n\nfunc Execute(customArgs []string) {\n\tfaasCmd.SetArgs(customArgs)\n\t_ = faasCmd.Execute()\n}\n',
  'commands/fetch_templates.go': 'package commands\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/openfaas/faas-cli/versioncontrol"\n)\n\nfunc fetchTemplates(templateURL, refName string) error {\n\tif len(templateURL) == 0 {\n\t\treturn fmt.Errorf("pass valid templateURL")\n\t}\n\tdir, err := os.MkdirTemp("", "openfaas-templates-*")\n\tif err != nil {\n\t\treturn err\n\t}\n\targs := map[string]string{"dir": dir, "repo": templateURL}\n\tcmd := versioncontrol.GitCloneDefault\n\tif refName != "" {\n\t\targs["refname"] = refName\n\t\tcmd = versioncontrol.GitClone\n\t}\n\treturn cmd.Invoke(".", args)\n}\n',
  'versioncontrol/core.go': core(run('v.cmd')),
  'versioncontrol/git.go': gitGo(),
};

describe('1. a program run through a field every literal of its type sets (faas-cli: git)', () => {
  it('faas-cli (exec.Command(v.cmd), vcsCmd{cmd: "git"}): debian-slim with git installed, the reason names the call and the literals', async () => {
    const r = await gen(tree(faasCli, {}));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git\b/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('the program runs git at run time (exec.Command(v.cmd), every vcsCmd literal setting cmd: "git" (git.go), in versioncontrol/core.go)')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => /runs git .*no programs but the binary|has no git/.test(w)), r.warnings.join('\n'));
  });

  it('with --runtime distroless: a Check that the image has no git', async () => {
    const r = await gen(tree(faasCli, {}), { runtime: 'distroless' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs git (exec.Command(v.cmd), every vcsCmd literal setting cmd: "git" (git.go), in versioncontrol/core.go) at run time') && w.includes('no programs but the binary')), r.warnings.join('\n'));
  });

  it('negative: one literal sets the field from a variable (the program is the data\'s): distroless, no git', async () => {
    const r = await gen(tree(faasCli, { 'versioncontrol/git.go': gitGo('gitPath') + '\nvar gitPath = os.Getenv("GIT")\n' }));
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /apt-get install[^\n]*\bgit\b/, r.dockerfile);
  });

  it('negative: a T made another way (new(vcsCmd), a zero value, a slice literal) or an exported field: not counted', async () => {
    const variants: Record<string, string | null>[] = [
      { 'versioncontrol/git.go': gitGo('"git"', '\nfunc Custom() *vcsCmd {\n\treturn new(vcsCmd)\n}\n') },
      { 'versioncontrol/git.go': gitGo('"git"', '\nvar empty vcsCmd\n') },
      { 'versioncontrol/git.go': gitGo('"git"', '\nvar all = []vcsCmd{{name: "x"}}\n') },
      { 'versioncontrol/core.go': core(run('v.Cmd')).replace('\tcmd string\n', '\tCmd string\n'), 'versioncontrol/git.go': gitGo().replace(/\tcmd: /g, '\tCmd: ') },
    ];
    for (const v of variants) {
      const r = await gen(tree(faasCli, v));
      assert.doesNotMatch(r.dockerfile, /apt-get install[^\n]*\bgit\b/, `${JSON.stringify(v).slice(0, 200)}\n${r.dockerfile}`);
    }
  });

  it('a field assigned a program\'s name (v.cmd = "hg") adds that program; a function returning *vcsCmd is no literal', async () => {
    const r = await gen(tree(faasCli, { 'versioncontrol/git.go': gitGo('"git"', '\nfunc Mercurial() *vcsCmd {\n\tc := &vcsCmd{name: "Hg", cmd: "git"}\n\tc.cmd = "hg"\n\treturn c\n}\n') }));
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git mercurial\b/, r.dockerfile);
  });
});

// kubernetes-csi/csi-driver-host-path at fd04e6e0ba610170ec488864ded0df919986ebdf (tag v1.16.1,
// Apache-2.0): go.mod (4,112 bytes) `module github.com/kubernetes-csi/csi-driver-host-path`, `go
// 1.23.1`, k8s.io/utils among its requires; cmd/hostpathplugin/main.go (6,047 bytes) imports
// pkg/hostpath; pkg/hostpath/nodeserver.go (18,228 bytes) line 32 `"k8s.io/utils/mount"`, :67
// `mounter := mount.New("")`, :144 `mounter.Mount(loopDevice, targetPath, "", options)`;
// pkg/hostpath/healthcheck.go (4,913 bytes) lines 17-27 imports os/exec, :80-86
// `cmdPath, err := exec.LookPath("findmnt")`, `return false, fmt.Errorf("findmnt not found: %w", err)`,
// `exec.Command(cmdPath, "--json")`. Its Dockerfile:15-21 `FROM alpine`, `apk add util-linux coreutils socat tar`.
const nodeserver = (body: string) => `package hostpath\n\nimport (\n\t"k8s.io/utils/mount"\n)\n\nfunc NodePublish(targetPath, path string, options []string) error {\n\tmounter := mount.New("")\n${body}\treturn nil\n}\n`;
const healthcheck = 'package hostpath\n\nimport (\n\t"fmt"\n\t"os/exec"\n)\n\nfunc checkMountPointExist(volumePath string) (bool, error) {\n\tcmdPath, err := exec.LookPath("findmnt")\n\tif err != nil {\n\t\treturn false, fmt.Errorf("findmnt not found: %w", err)\n\t}\n\n\tout, err := exec.Command(cmdPath, "--json").CombinedOutput()\n\tif err != nil {\n\t\treturn false, err\n\t}\n\treturn len(out) > 0, nil\n}\n';
const hostpath: Record<string, string | null> = {
  'go.mod': 'module github.com/kubernetes-csi/csi-driver-host-path\n\ngo 1.23.1\n\nrequire k8s.io/utils v0.0.0-20241210054802-24370beab758\n',
  'go.sum': 'k8s.io/utils v0.0.0-20241210054802-24370beab758 h1:x=\nk8s.io/utils v0.0.0-20241210054802-24370beab758/go.mod h1:y=\n',
  'cmd/hostpathplugin/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n\n\t"github.com/kubernetes-csi/csi-driver-host-path/pkg/hostpath"\n)\n\nvar endpoint = flag.String("endpoint", "unix://tmp/csi.sock", "CSI endpoint")\n\nfunc main() {\n\tflag.Parse()\n\tif err := hostpath.NodePublish(*endpoint, "/csi-data-dir", nil); err != nil {\n\t\tfmt.Fprintln(os.Stderr, err)\n\t\tos.Exit(1)\n\t}\n}\n',
  'pkg/hostpath/nodeserver.go': nodeserver('\tif err := mounter.Mount(path, targetPath, "", options); err != nil {\n\t\treturn err\n\t}\n'),
  'pkg/hostpath/healthcheck.go': healthcheck,
};

describe('2. a program that mounts has the mount tools in its image (hostpathplugin: mount, umount, findmnt)', () => {
  it('hostpathplugin: debian-slim as root, nothing installed, no Check about missing programs', async () => {
    const r = await gen(tree(hostpath, {}), { package: 'cmd/hostpathplugin' });
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.match(r.dockerfile, /^USER 0:0$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /apt-get/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('debian:bookworm-slim runtime (chosen because the program runs findmnt (exec.LookPath("findmnt"), its error returned in pkg/hostpath/healthcheck.go), mount (k8s.io/utils/mount') && x.includes('debian-slim has findmnt, mount, umount without installing anything')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => /The program runs (findmnt|mount|umount)/.test(w)), r.warnings.join('\n'));
  });

  it('without findmnt: the library\'s mount and umount alone choose debian-slim', async () => {
    const r = await gen(tree(hostpath, { 'pkg/hostpath/healthcheck.go': null }), { package: 'cmd/hostpathplugin' });
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.ok(!r.warnings.some((w) => /The program runs (mount|umount)/.test(w)), r.warnings.join('\n'));
  });

  it('--runtime alpine installs findmnt (busybox has mount and umount); --runtime distroless keeps the Check', async () => {
    const alpine = await gen(tree(hostpath, {}), { package: 'cmd/hostpathplugin', runtime: 'alpine' });
    assert.match(alpine.dockerfile, /apk add --no-cache[^\n]*\bfindmnt\b/, alpine.dockerfile);
    const distroless = await gen(tree(hostpath, {}), { package: 'cmd/hostpathplugin', runtime: 'distroless' });
    assert.match(distroless.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, distroless.dockerfile);
    assert.ok(distroless.warnings.some((w) => w.startsWith('The program runs findmnt (') && w.includes('no programs but the binary')), distroless.warnings.join('\n'));
  });

  it('negative: the mount library only read (IsLikelyNotMountPoint): distroless, the Check stays', async () => {
    const r = await gen(tree(hostpath, { 'pkg/hostpath/healthcheck.go': null, 'pkg/hostpath/nodeserver.go': nodeserver('\tif _, err := mounter.IsLikelyNotMountPoint(targetPath); err != nil {\n\t\treturn err\n\t}\n') }), { package: 'cmd/hostpathplugin' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs mount (k8s.io/utils/mount')), r.warnings.join('\n'));
  });

  // umputun/tg-spam (regression set) app/main.go:645 `output, err := exec.Command("mount").Output()`.
  it('negative: a mount tool run by name without a mount library (tg-spam lists the mounts): distroless', async () => {
    const r = await gen(tree(hostpath, {
      'go.mod': 'module github.com/kubernetes-csi/csi-driver-host-path\n\ngo 1.23.1\n',
      'go.sum': null,
      'pkg/hostpath/healthcheck.go': null,
      'pkg/hostpath/nodeserver.go': 'package hostpath\n\nimport (\n\t"os/exec"\n\t"strings"\n)\n\nfunc NodePublish(targetPath, path string, options []string) error {\n\toutput, err := exec.Command("mount").Output()\n\tif err != nil || !strings.Contains(string(output), path) {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    }), { package: 'cmd/hostpathplugin' });
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
  });
});

// hashicorp/nomad at aa026cc99cfb74a77e519a1c1f0c78ba1b452705 (BUSL-1.1): go.mod (18,654 bytes)
// `module github.com/hashicorp/nomad`, `go 1.26.5`, `github.com/hashicorp/cli v1.1.7`; main.go (4,134
// bytes) runs `cli.CLI{Commands: command.Commands(…)}`; command/commands.go (32,413 bytes) line 68
// `func Commands(metaPtr *Meta, agentUi cli.Ui) map[string]cli.CommandFactory`, :569 `"login": func()
// (cli.Command, error) { return &LoginCommand{Meta: meta}, nil }`, :1079 `"server": …&ServerCommand{…}`,
// :1084 `"server join": …`; command/login.go (8,862 bytes) lines 92-99 `func (l *LoginCommand) Run(args
// []string) int {`, `flags := l.Meta.FlagSet(l.Name(), FlagSetClient)`, `flags.StringVar(&l.callbackAddr,
// "oidc-callback-addr", "localhost:4649", "")`; command/server.go (962 bytes) `type ServerCommand struct`.
// Here `server` is made a command that runs (its usage takes no <subcommand>): the real one only
// prints its help, and is no CMD (test/unit/generate-judge38-g54.test.ts 1); these tests are about
// whose flag -oidc-callback-addr is.
const nomadMain = 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/hashicorp/cli"\n\t"github.com/hashicorp/nomad/command"\n)\n\nfunc main() {\n\tc := &cli.CLI{Name: "nomad", Args: os.Args[1:], Commands: command.Commands(nil, nil)}\n\texitCode, err := c.Run()\n\tif err != nil {\n\t\tfmt.Fprintf(os.Stderr, "Error executing CLI: %s\\n", err.Error())\n\t}\n\tos.Exit(exitCode)\n}\n';
const factory = (word: string, type: string) => `\t\t"${word}": func() (cli.Command, error) {\n\t\t\treturn &${type}{\n\t\t\t\tMeta: meta,\n\t\t\t}, nil\n\t\t},\n`;
const nomadCommands = (entries: string) => `package command\n\nimport (\n\t"github.com/hashicorp/cli"\n)\n\ntype Meta struct{ Ui cli.Ui }\n\nfunc Commands(metaPtr *Meta, agentUi cli.Ui) map[string]cli.CommandFactory {\n\tif metaPtr == nil {\n\t\tmetaPtr = new(Meta)\n\t}\n\n\tmeta := *metaPtr\n\tall := map[string]cli.CommandFactory{\n${entries}\t}\n\treturn all\n}\n`;
const loginRun = (type: string) => `func (l *${type}) Run(args []string) int {\n\n\tflags := flag.NewFlagSet("login", flag.ContinueOnError)\n\tflags.StringVar(&l.authMethodName, "method", "", "")\n\tflags.StringVar(&l.callbackAddr, "oidc-callback-addr", "localhost:4649", "")\n\tif err := flags.Parse(args); err != nil {\n\t\treturn 1\n\t}\n\treturn 0\n}\n`;
const nomad: Record<string, string | null> = {
  'go.mod': 'module github.com/hashicorp/nomad\n\ngo 1.26.5\n\nrequire github.com/hashicorp/cli v1.1.7\n',
  'go.sum': 'github.com/hashicorp/cli v1.1.7 h1:x=\ngithub.com/hashicorp/cli v1.1.7/go.mod h1:y=\n',
  'main.go': nomadMain,
  'command/commands.go': nomadCommands(factory('login', 'LoginCommand') + factory('server', 'ServerCommand') + factory('server join', 'ServerJoinCommand')),
  'command/login.go': `package command\n\nimport (\n\t"flag"\n)\n\ntype LoginCommand struct {\n\tMeta\n\n\tauthMethodName string\n\tcallbackAddr   string\n}\n\nfunc (l *LoginCommand) Help() string { return "Usage: nomad login [options]" }\n\nfunc (l *LoginCommand) Synopsis() string { return "Login to Nomad using an auth method" }\n\n// Name returns the name of this command.\nfunc (l *LoginCommand) Name() string { return "login" }\n\n// Run satisfies the cli.Command Run function.\n${loginRun('LoginCommand')}`,
  'command/server.go': 'package command\n\ntype ServerCommand struct {\n\tMeta\n}\n\nfunc (f *ServerCommand) Help() string { return "Usage: nomad server [options]" }\n\nfunc (f *ServerCommand) Synopsis() string { return "Interact with servers" }\n\nfunc (f *ServerCommand) Name() string { return "server" }\n\nfunc (f *ServerCommand) Run(args []string) int { return 0 }\n\ntype ServerJoinCommand struct {\n\tMeta\n}\n\nfunc (c *ServerJoinCommand) Help() string { return "" }\n\nfunc (c *ServerJoinCommand) Synopsis() string { return "Join server nodes together" }\n\nfunc (c *ServerJoinCommand) Run(args []string) int { return 0 }\n',
};

describe('3. a flag of a mitchellh/cli command belongs to the command its factory makes (nomad: login\'s -oidc-callback-addr)', () => {
  it('nomad: CMD ["server"] without the login command\'s flag, no EXPOSE 4649, and a reason naming the login subcommand', async () => {
    const r = await gen(tree(nomad, {}));
    assert.match(r.dockerfile, /^CMD \["server"\]$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /oidc-callback-addr|EXPOSE 4649/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Not used for the server subcommand the image runs: flag -oidc-callback-addr default "localhost:4649" of the login subcommand (command/login.go)')), r.reasons.join('\n'));
  });

  it('negative: the same flag in the method of the command the image runs (ServerCommand) is its own: passed and exposed', async () => {
    const r = await gen(tree(nomad, {
      'command/login.go': null,
      'command/commands.go': nomadCommands(factory('server', 'ServerCommand') + factory('server join', 'ServerJoinCommand')),
      'command/server.go': nomad['command/server.go']!.replace('func (f *ServerCommand) Run(args []string) int { return 0 }\n', '') .replace('type ServerCommand struct {\n\tMeta\n}\n', 'import (\n\t"flag"\n)\n\ntype ServerCommand struct {\n\tMeta\n\n\tauthMethodName string\n\tcallbackAddr   string\n}\n\n' + loginRun('ServerCommand')),
    }));
    assert.match(r.dockerfile, /^EXPOSE 4649$/m, r.dockerfile);
    assert.match(r.dockerfile, /^CMD \["server", "--oidc-callback-addr", ":4649"\]$/m, r.dockerfile);
  });

  it('negative: two command words whose factories make types of one name: the flag is nobody\'s, as before', async () => {
    const r = await gen(tree(nomad, {
      'command/commands.go': nomadCommands(factory('login', 'LoginCommand') + factory('logout', 'LoginCommand') + factory('server', 'ServerCommand') + factory('server join', 'ServerJoinCommand')),
    }));
    assert.match(r.dockerfile, /^EXPOSE 4649$/m, r.dockerfile);
  });
});

// navidrome/navidrome at 295886cb9a432d375afa796ed8a32db0775464af (GPL-3.0): go.mod (6,235 bytes)
// `module github.com/navidrome/navidrome`, `go 1.26`, github.com/mattn/go-sqlite3 v1.14.50 among its
// requires; main.go (597 bytes) imports cmd and conf/buildtags, lines 16-17 `_ = buildtags.NETGO`,
// `_ = buildtags.SQLITE_FTS5`; conf/buildtags/doc.go (353 bytes) `package buildtags`,
// conf/buildtags/netgo.go (168 bytes) `//go:build netgo` … `var NETGO = true`,
// conf/buildtags/sqlite_fts5.go (235 bytes) `//go:build sqlite_fts5` … `var SQLITE_FTS5 = true`;
// Makefile (13,805 bytes) line 5 `GO_BUILD_TAGS=netgo,sqlite_fts5$(if $(EXTRA_BUILD_TAGS),$(comma)$(EXTRA_BUILD_TAGS))`.
const naviMain = (uses: string) => `package main\n\nimport (\n\t_ "net/http/pprof" //nolint:gosec\n\n\t"github.com/navidrome/navidrome/cmd"\n\t"github.com/navidrome/navidrome/conf/buildtags"\n)\n\n//goland:noinspection GoBoolExpressions\nfunc main() {\n\t// These references force the inclusion of build tags when compiling the project.\n\t// If you get compilation errors like "undefined: buildtags.NETGO", this means you forgot to specify\n\t// the required build tags when compiling the project.\n${uses}\n\tcmd.Execute()\n}\n`;
const navidrome: Record<string, string | null> = {
  'go.mod': 'module github.com/navidrome/navidrome\n\ngo 1.26\n',
  'main.go': naviMain('\t_ = buildtags.NETGO\n\t_ = buildtags.SQLITE_FTS5\n'),
  'cmd/root.go': 'package cmd\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc Execute() {\n\tfmt.Println("navidrome")\n\t_ = http.ListenAndServe(":4533", nil)\n}\n',
  'conf/buildtags/doc.go': '// Package buildtags provides compile-time enforcement of required build tags.\n//\n// Each file in this package is guarded by a build constraint and exports a variable\n// that main.go references.\npackage buildtags\n',
  'conf/buildtags/netgo.go': '//go:build netgo\n\npackage buildtags\n\n// The `netgo` tag is required when compiling the project. See https://github.com/navidrome/navidrome/issues/700\n\nvar NETGO = true\n',
  'conf/buildtags/sqlite_fts5.go': '//go:build sqlite_fts5\n\npackage buildtags\n\n// FTS5 is required for full-text search. Without this tag, the SQLite driver\n// won\'t include FTS5 support, causing runtime failures on migrations and search queries.\n\nvar SQLITE_FTS5 = true\n',
  'Makefile': 'comma:=,\nGO_BUILD_TAGS=netgo,sqlite_fts5$(if $(EXTRA_BUILD_TAGS),$(comma)$(EXTRA_BUILD_TAGS))\n\nbuild:\n\tgo build -ldflags="-X github.com/navidrome/navidrome/consts.gitSha=$(GIT_SHA)" -tags=$(GO_BUILD_TAGS)\n',
};

describe('4. build tags without which the program does not compile (navidrome: netgo, sqlite_fts5)', () => {
  it('navidrome: -tags netgo,sqlite_fts5, the reason names the uses and the files that declare them', async () => {
    const r = await gen(tree(navidrome, {}));
    assert.match(r.dockerfile, /go build -trimpath -tags netgo,sqlite_fts5 /, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('-tags netgo,sqlite_fts5: the program does not compile without them: main.go uses buildtags.NETGO, which only conf/buildtags/netgo.go (//go:build netgo) declares; main.go uses buildtags.SQLITE_FTS5, which only conf/buildtags/sqlite_fts5.go (//go:build sqlite_fts5) declares') && x.endsWith('stops with "undefined: buildtags.NETGO".')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('conf/buildtags/')), r.warnings.join('\n'));
  });

  it('only the tag whose name is used: -tags netgo, and a Check for the file still left out', async () => {
    const r = await gen(tree(navidrome, { 'main.go': naviMain('\t_ = buildtags.NETGO\n') }));
    assert.match(r.dockerfile, /go build -trimpath -tags netgo /, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith('Files of the program also build with tags the generated build does not pass (sqlite_fts5): conf/buildtags/sqlite_fts5.go')), r.warnings.join('\n'));
  });

  it('negative: a `//go:build !netgo` twin declares the name (a plain build compiles): no -tags netgo', async () => {
    const r = await gen(tree(navidrome, { 'main.go': naviMain('\t_ = buildtags.NETGO\n'), 'conf/buildtags/plain.go': '//go:build !netgo\n\npackage buildtags\n\nvar NETGO = false\n' }));
    assert.doesNotMatch(r.dockerfile, /-tags [^\n]*netgo/, r.dockerfile);
  });

  // syncthing/syncthing (regression set) lib/api/auto/doc.go:7 `//go:generate go run
  // ../../../script/genassets.go -o gui.files.go ../../../gui` writes the file that declares Assets;
  // lib/api/auto/noassets.go (`//go:build noassets`) is a stand-in without the GUI, and
  // lib/api/api_statics.go uses auto.Assets: -tags noassets would ship a binary without its GUI.
  it('negative: the package generates a file (//go:generate), which may declare the name: no -tags', async () => {
    const r = await gen(tree(navidrome, { 'main.go': naviMain('\t_ = buildtags.NETGO\n'), 'conf/buildtags/sqlite_fts5.go': null, 'conf/buildtags/doc.go': '//go:generate go run ../../script/genassets.go -o gui.files.go ../../gui\n\npackage buildtags\n' }));
    assert.doesNotMatch(r.dockerfile, /-tags [^\n]*netgo/, r.dockerfile);
  });

  it('negative: no file the plain build compiles uses the names (only a gated file does): no tags', async () => {
    const r = await gen(tree(navidrome, { 'main.go': naviMain('').replace('\t"github.com/navidrome/navidrome/conf/buildtags"\n', ''), 'tags.go': '//go:build netgo\n\npackage main\n\nimport "github.com/navidrome/navidrome/conf/buildtags"\n\nvar _ = buildtags.NETGO\n' }));
    assert.doesNotMatch(r.dockerfile, /-tags /, r.dockerfile);
  });
});
