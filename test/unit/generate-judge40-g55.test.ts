/**
 * The generated runtime and the programs the binary runs, on real repositories of round 40
 * (judge G's and judge Y's generator sections), session 55: each case a small skeleton of a real
 * repository (the files that matter, with their sizes in the repository, go.mod and the few
 * relevant lines), with its repository, commit and licence above it, plus the variants that keep
 * the old behaviour where it is right.
 *
 * 1. miguelmota/streamhut, ouqiang/gocron: a program that runs /bin/bash on a debian-slim runtime
 *    gets no Check that bash is missing: bash is Essential in Debian (bookworm-slim has it); on
 *    alpine (busybox ash only) the Check stays.
 * 2. digitalocean/doctl: a static binary on debian-slim as uid 65532, which has no passwd entry
 *    there: os/user's Current stops every command and ssh refuses the uid. The debian runtime
 *    creates the user (nonroot, home /app) as distroless has it; distroless stays as it is.
 * 3. direnv/direnv: `exec.LookPath("bash")` in an if statement's init whose block returns an error
 *    (a named result) is a program the binary needs: debian-slim (bash), not distroless.
 * 4. sorenisanerd/gotty: vendor/modules.txt vendors github.com/creack/pty v1.1.7 (through the
 *    kr/pty v1.1.8 shim), whose pty.Start sets Ctty to the parent's descriptor: Go 1.15 and later
 *    refuse it, and the builder is raised from go 1.13 to a supported Go: a Check names v1.1.10.
 * 5. ouqiang/gocron: goutil.WorkDir() (the executable's folder) with os.Mkdir in the same package:
 *    the binary goes in /app, which the runtime user owns, after the folder is made.
 * 6. cloudfoundry/bosh-cli: programs run through cloudfoundry/bosh-utils' system package
 *    (`boshsys.Command{Name: "ssh"}`, `runner.RunCommand("git", …)`) are programs the binary runs:
 *    debian-slim with git and openssh-client, bash already there, a Check for ruby.
 * 7. sorenisanerd/gotty: the program runs the command it is given, and the project's image starts
 *    it with bash (`CMD ["gotty", "-w", "bash"]`): debian-slim (a shell), not distroless.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge40-g55');

// miguelmota/streamhut at 7f1d8821de4c0bf4e9e219783c085e8f13bff7b5 (Apache-2.0): go.mod (639 bytes)
// `module github.com/streamhut/streamhut`, go 1.14; cmd/streamhut/main.go imports
// github.com/streamhut/streamhut/pkg/cli, which imports pkg/open; pkg/open/open.go (946 bytes):24
// `exec.Command("/bin/bash", "-c", fmt.Sprintf("%s %s %s", "command", "-v", cmd)).Output()`.
// The frozen CLI (59d3445) chose debian:bookworm-slim because of it and then said "The program runs
// /bin/bash … which debian:bookworm-slim does not include: install it" (judge 40 G G9, Y G6).
const streamhut: Record<string, string | null> = {
  'go.mod': 'module github.com/streamhut/streamhut\n\ngo 1.14\n',
  'cmd/streamhut/main.go': `package main

import "github.com/streamhut/streamhut/pkg/open"

func main() {
	if open.CommandExists() {
		open.URL("http://localhost:8080")
	}
}
`,
  'pkg/open/open.go': `package open

import (
	"fmt"
	"os/exec"
	"strings"
)

var openCmd string
var possibleCmds = []string{
	"xdg-open", // generic linux
}

func init() {
	for _, cmd := range possibleCmds {
		out, err := exec.Command("/bin/bash", "-c", fmt.Sprintf("%s %s %s", "command", "-v", cmd)).Output()
		if err != nil {
			continue
		}
		bin := strings.TrimSpace(string(out))
		if bin != "" {
			openCmd = bin
			break
		}
	}
}

// URL open url
func URL(s string) error {
	if openCmd != "" {
		exec.Command(openCmd, s).Output()
	}
	return nil
}

// CommandExists returns true if an 'open' command exists
func CommandExists() bool {
	return openCmd != ""
}
`,
};

describe('judge 40: bash on debian-slim (miguelmota/streamhut 7f1d882 pkg/open/open.go:24)', () => {
  it('debian-slim is chosen for /bin/bash and no Check says it lacks bash', async () => {
    const r = await genClean(tree(streamhut, {}));
    // No packages: the runtime user's own RUN (judge 40 G G3, below).
    assert.match(r.dockerfile, /^RUN groupadd --gid 65532 nonroot \\\n {4}&& useradd --no-log-init --uid 65532 --gid 65532 --home-dir \/app --no-create-home --shell \/usr\/sbin\/nologin nonroot$/m, r.dockerfile);
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('/bin/bash') && w.includes('does not include')), r.warnings.join('\n'));
    assert.ok(!/install[^\n]*bash/.test(r.dockerfile), r.dockerfile);
  });
  it('alpine (busybox ash only) keeps the Check', async () => {
    const r = await gen(tree(streamhut, {}), { runtime: 'alpine' });
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs /bin/bash (exec.Command("/bin/bash") in pkg/open/open.go) at run time, which alpine')), r.warnings.join('\n'));
  });
});

// digitalocean/doctl at 4687923244e1c0ecc838b6e262b5e58ce2ce5efc (Apache-2.0): go.mod (5,943 bytes)
// `module github.com/digitalocean/doctl`, go 1.22; cmd/doctl/main.go (721 bytes) calls
// commands.Execute(); commands/ssh.go (5,005 bytes):36-37 `usr, err := user.Current()` /
// `checkErr(err)` while the command tree is built; pkg/ssh/ssh.go (2,097 bytes):72
// `cmd := exec.Command("ssh", args...)`. The frozen CLI wrote debian:bookworm-slim with
// openssh-client, ENV HOME=/app and USER 65532:65532 and no user: `doctl version` exits
// "user: Current requires cgo or $USER set in environment", ssh "No user exists for uid 65532"
// (judge 40 G G3). The project's Dockerfile:34-35 `RUN adduser -D user`, `USER user:user`.
const doctl: Record<string, string | null> = {
  'go.mod': 'module github.com/digitalocean/doctl\n\ngo 1.22\n',
  'cmd/doctl/main.go': `package main

import (
	"log"

	"github.com/digitalocean/doctl/commands"
)

func main() {
	log.SetPrefix("doctl: ")
	commands.Execute()
}
`,
  'commands/ssh.go': `package commands

import (
	"fmt"
	"os/user"
	"path/filepath"

	"github.com/digitalocean/doctl/pkg/ssh"
)

// SSH creates the ssh commands hierarchy
func SSH() error {
	usr, err := user.Current()
	if err != nil {
		return err
	}
	path := filepath.Join(usr.HomeDir, ".ssh", "id_rsa")
	r := &ssh.Runner{KeyPath: path}
	fmt.Println(path)
	return r.Run()
}

// Execute runs the command tree.
func Execute() {
	if err := SSH(); err != nil {
		fmt.Println(err)
	}
}
`,
  'pkg/ssh/ssh.go': `package ssh

import (
	"os"
	"os/exec"
)

// Runner runs ssh.
type Runner struct {
	KeyPath string
}

// Run ssh.
func (r *Runner) Run() error {
	args := []string{}
	if r.KeyPath != "" {
		args = append(args, "-i", r.KeyPath)
	}
	cmd := exec.Command("ssh", args...)
	cmd.Stderr = os.Stderr
	return cmd.Run()
}
`,
};

describe('judge 40: the runtime user has a passwd entry (digitalocean/doctl 4687923 commands/ssh.go:36)', () => {
  it('debian-slim (for ssh) creates nonroot 65532 with home /app before USER 65532:65532', async () => {
    const r = await genClean(tree(doctl, {}));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ {4}&& rm -rf \/var\/lib\/apt\/lists\/\* \\\n {4}&& groupadd --gid 65532 nonroot \\\n {4}&& useradd --no-log-init --uid 65532 --gid 65532 --home-dir \/app --no-create-home --shell \/usr\/sbin\/nologin nonroot$/m, r.dockerfile);
    const lines = r.dockerfile.split('\n');
    const add = lines.findIndex((l) => l.includes('groupadd'));
    const from = lines.findIndex((l) => l.startsWith('FROM debian'));
    const user = lines.indexOf('USER 65532:65532');
    assert.ok(from < add && add < user, r.dockerfile);
    assert.ok(r.reasons.some((w) => w.includes('A passwd entry for 65532 (nonroot, home /app; groupadd and useradd)')), r.reasons.join('\n'));
  });
  it('distroless (its nonroot has the entry) and a root image get no user', async () => {
    const r = await gen(tree(doctl, {}), { runtime: 'distroless' });
    assert.ok(!r.dockerfile.includes('useradd'), r.dockerfile);
    const a = await gen(tree(doctl, {}), { runtime: 'alpine' });
    assert.ok(!a.dockerfile.includes('useradd'), a.dockerfile);
  });
});

// direnv/direnv at 99fd8df2d544adc7addd7004a5b9973460d2ceaa (MIT): go.mod (214 bytes) `module
// github.com/direnv/direnv`, go 1.12; main.go (417 bytes) runs CommandsDispatch, which calls
// LoadConfig (commands.go:20); config.go (5,666 bytes):62 `func LoadConfig(env Env) (config *Config,
// err error)`, :146-153 `} else if config.BashPath, err = exec.LookPath("bash"); err != nil {` /
// `err = fmt.Errorf("can't find bash: %q", err)` / `return`. The frozen CLI wrote distroless static:
// everything but `direnv version` stops "can't find bash" (judge 40 G G6).
const direnv: Record<string, string | null> = {
  'go.mod': 'module github.com/direnv/direnv\n\ngo 1.12\n',
  'main.go': `package main

import (
	"os"
)

// Configured at compile time
var bashPath string

func main() {
	_ = os.Unsetenv("PWD")
	config, err := LoadConfig(map[string]string{})
	if err != nil {
		os.Exit(1)
	}
	_ = config
}
`,
  'config.go': `package main

import (
	"fmt"
	"os/exec"
)

// Config represents the direnv configuration and state.
type Config struct {
	BashPath string
}

// LoadConfig opens up the direnv configuration from the Env.
func LoadConfig(env map[string]string) (config *Config, err error) {
	config = &Config{}
	if config.BashPath == "" {
		if env["DIRENV_BASH"] != "" {
			config.BashPath = env["DIRENV_BASH"]
		} else if bashPath != "" {
			config.BashPath = bashPath
		} else if config.BashPath, err = exec.LookPath("bash"); err != nil {
			err = fmt.Errorf("can't find bash: %q", err)
			return
		}
	}
	return
}
`,
};

describe('judge 40: a LookPath whose error stops the program (direnv/direnv 99fd8df config.go:150)', () => {
  it('bash found with exec.LookPath: debian-slim, no Check', async () => {
    const r = await genClean(tree(direnv, {}));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('chosen because the program runs bash (exec.LookPath("bash"), its error returned in config.go), which debian-slim has (sh and bash) and distroless does not')), r.reasons.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('bash')), r.warnings.join('\n'));
  });
  it('negative: a LookPath whose block goes on without it (an optional tool): distroless', async () => {
    const r = await gen(tree(direnv, {
      'config.go': (direnv['config.go'] as string).replace('err = fmt.Errorf("can\'t find bash: %q", err)\n\t\t\treturn', 'err = nil'),
    }));
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static/m, r.dockerfile);
  });
});

// sorenisanerd/gotty at 8e172986940b645406254240d1b16088a251d8d6 (MIT): go.mod (471 bytes)
// `module github.com/yudai/gotty`, go 1.13, `github.com/kr/pty v1.1.8`; vendor/modules.txt (1,121
// bytes):5 `# github.com/creack/pty v1.1.7`, :17 `# github.com/kr/pty v1.1.8`; vendor/github.com/kr/pty/
// shim.go (2,561 bytes) wraps github.com/creack/pty; vendor/github.com/creack/pty/run.go (1,194
// bytes):48-50 `c.SysProcAttr.Setctty = true` … `c.SysProcAttr.Ctty = int(tty.Fd())`;
// backend/localcommand/local_command.go (2,403 bytes):10 imports github.com/kr/pty, :34 `pty, err :=
// pty.Start(cmd)`. Built with Go 1.23: `fork/exec …: Setctty set but Ctty not valid in child`
// (judge 40 G G2). creack/pty b6e1bdd (v1.1.5) added the Ctty line, f272787 (v1.1.10) removed it.
const gottyPty: Record<string, string | null> = {
  'go.mod': 'module github.com/yudai/gotty\n\ngo 1.13\n\nrequire (\n\tgithub.com/kr/pty v1.1.8\n\tgithub.com/pkg/errors v0.9.1\n)\n',
  'vendor/modules.txt': '# github.com/creack/pty v1.1.7\ngithub.com/creack/pty\n# github.com/kr/pty v1.1.8\ngithub.com/kr/pty\n# github.com/pkg/errors v0.9.1\ngithub.com/pkg/errors\n',
  'vendor/github.com/kr/pty/shim.go': 'package pty\n\nimport (\n\t"os"\n\t"os/exec"\n\n\tnewpty "github.com/creack/pty"\n)\n\nfunc Start(c *exec.Cmd) (*os.File, error) {\n\treturn newpty.Start(c)\n}\n',
  'vendor/github.com/creack/pty/run.go': 'package pty\n\nimport (\n\t"os"\n\t"os/exec"\n)\n\nfunc Start(c *exec.Cmd) (*os.File, error) {\n\treturn nil, nil\n}\n',
  'vendor/github.com/pkg/errors/errors.go': 'package errors\n\nfunc Wrapf(err error, format string, args ...interface{}) error { return err }\n',
  'main.go': `package main

import (
	"os"

	"github.com/yudai/gotty/backend/localcommand"
)

func main() {
	args := os.Args[1:]
	if _, err := localcommand.New(args[0], args[1:]); err != nil {
		os.Exit(3)
	}
}
`,
  'backend/localcommand/local_command.go': `package localcommand

import (
	"os"
	"os/exec"

	"github.com/kr/pty"
	"github.com/pkg/errors"
)

type LocalCommand struct {
	command string
	pty     *os.File
}

func New(command string, argv []string) (*LocalCommand, error) {
	cmd := exec.Command(command, argv...)

	pty, err := pty.Start(cmd)
	if err != nil {
		return nil, errors.Wrapf(err, "failed to start command \`%s\`", command)
	}
	return &LocalCommand{command: command, pty: pty}, nil
}
`,
};

describe('judge 40: a vendored creack/pty that Go 1.15+ breaks (sorenisanerd/gotty 8e17298 vendor/modules.txt:5)', () => {
  const check = 'vendor/modules.txt vendors github.com/creack/pty v1.1.7: with Go 1.15 or newer (the builder has Go 1.26, not 1.13; Go 1.14, the newest it works with, is out of support) pty.Start cannot start a command';
  it('a Check names the vendored version and v1.1.10', async () => {
    const r = await gen(tree(gottyPty, {}));
    assert.ok(r.warnings.some((w) => w.startsWith(check) && w.endsWith('go get github.com/creack/pty@v1.1.10 && go mod vendor')), r.warnings.join('\n'));
    assert.match(r.dockerfile, /^# github\.com\/creack\/pty v1\.1\.7 breaks with Go 1\.15\+ \(fixed in v1\.1\.10\)/m, r.dockerfile);
  });
  it('negative: v1.1.10 vendored, v1.1.4 (before the Ctty line), or a go line of 1.26 (no raised builder): no Check', async () => {
    for (const v of ['v1.1.10', 'v1.1.4']) {
      const r = await gen(tree(gottyPty, { 'vendor/modules.txt': (gottyPty['vendor/modules.txt'] as string).replace('v1.1.7', v) }));
      assert.ok(!r.warnings.some((w) => w.includes('creack/pty')), `${v}: ${r.warnings.join('\n')}`);
    }
    const r = await gen(tree(gottyPty, {
      'go.mod': (gottyPty['go.mod'] as string).replace('go 1.13', 'go 1.26'),
      'vendor/modules.txt': (gottyPty['vendor/modules.txt'] as string).replace(/(# github\.com\/(?:kr\/pty|pkg\/errors) v[0-9.]+\n)/g, '$1## explicit\n'),
    }));
    assert.ok(!r.warnings.some((w) => w.includes('inconsistent vendoring')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('creack/pty')), r.warnings.join('\n'));
  });
  // bmc-toolbox/dora 4a56adb (Apache-2.0): vendor/modules.txt:137 `# github.com/modern-go/reflect2
  // v1.0.1`, vendored for json-iterator, which only gin's `jsoniter`-tagged internal/json imports;
  // go.mod (go 1.13) does not list reflect2. The program does not link it: no Check.
  it('negative: a vendored module of the other known breaks (reflect2) that go.mod does not require: no Check', async () => {
    const r = await gen(tree(gottyPty, { 'vendor/modules.txt': `${gottyPty['vendor/modules.txt']}# github.com/modern-go/reflect2 v1.0.1\ngithub.com/modern-go/reflect2\n` }));
    assert.ok(!r.warnings.some((w) => w.includes('reflect2')), r.warnings.join('\n'));
  });
  it('negative: the module vendors creack/pty but no package of the program imports it: no Check', async () => {
    const r = await gen(tree(gottyPty, {
      'backend/localcommand/local_command.go': 'package localcommand\n\nimport "os"\n\ntype LocalCommand struct{ pty *os.File }\n\nfunc New(command string, argv []string) (*LocalCommand, error) {\n\treturn &LocalCommand{}, nil\n}\n',
    }));
    assert.ok(!r.warnings.some((w) => w.includes('creack/pty')), r.warnings.join('\n'));
  });
});

// ouqiang/gocron at 960fc988b11ab32a121e4448f600c5ea089962b4 (MIT): go.mod (1,685 bytes) `module
// github.com/ouqiang/gocron`, go 1.12, `github.com/ouqiang/goutil v1.1.1`; cmd/gocron/gocron.go
// (3,926 bytes):76 `app.InitEnv(AppVersion)`; internal/modules/app/app.go (2,896 bytes):41-49
// `AppDir, err = goutil.WorkDir()` … `ConfDir = filepath.Join(AppDir, "/conf")` …
// `createDirIfNotExists(ConfDir, LogDir)`, :122-130 `err := os.Mkdir(value, 0755)` then
// logger.Fatal. goutil v1.1.1 util.go:128-139 WorkDir: `filepath.Dir(os.Executable())`, its parent
// when named bin. With the binary in /usr/local/bin as 65532: `mkdir /usr/local/conf: permission
// denied` (judge 40 Y G6). The project's Dockerfile: `WORKDIR /app`, `COPY … gocron .`, `USER app`.
const gocron: Record<string, string | null> = {
  'go.mod': 'module github.com/ouqiang/gocron\n\ngo 1.12\n\nrequire github.com/ouqiang/goutil v1.1.1\n',
  'go.sum': '',
  'cmd/gocron/gocron.go': `package main

import (
	"github.com/ouqiang/gocron/internal/modules/app"
)

var AppVersion = "1.5"

func main() {
	app.InitEnv(AppVersion)
}
`,
  'internal/modules/app/app.go': `package app

import (
	"os"
	"path/filepath"

	"fmt"

	"github.com/ouqiang/goutil"
)

var (
	// AppDir 应用根目录
	AppDir string
	// ConfDir 配置文件目录
	ConfDir string
	// LogDir 日志目录
	LogDir string
)

// InitEnv 初始化
func InitEnv(versionString string) {
	var err error
	AppDir, err = goutil.WorkDir()
	if err != nil {
		panic(err)
	}
	ConfDir = filepath.Join(AppDir, "/conf")
	LogDir = filepath.Join(AppDir, "/log")
	createDirIfNotExists(ConfDir, LogDir)
}

// 检测目录是否存在
func createDirIfNotExists(path ...string) {
	for _, value := range path {
		err := os.Mkdir(value, 0755)
		if err != nil {
			panic(fmt.Sprintf("创建目录失败:%s", err.Error()))
		}
	}
}
`,
};

describe('judge 40: folders next to the executable (ouqiang/gocron 960fc98 internal/modules/app/app.go:41)', () => {
  it('the binary goes in /app, copied after the runtime user\'s folder is made', async () => {
    const r = await genClean(tree(gocron, {}));
    assert.match(r.dockerfile, /^COPY --from=build --chown=65532:65532 \/app \/app\nWORKDIR \/app\nCOPY --from=build \/out\/gocron \/app\/gocron\n/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/app\/gocron"\]$/m, r.dockerfile);
    assert.ok(!r.dockerfile.includes('/usr/local/bin/gocron'), r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('The binary is at /app/gocron, in the working directory the runtime user owns, not /usr/local/bin: the program creates its folders where its executable is (goutil.WorkDir() in internal/modules/app/app.go')), r.reasons.join('\n'));
  });
  it('negative: WorkDir without a folder created in that package, or no WorkDir: /usr/local/bin', async () => {
    for (const files of [
      { 'internal/modules/app/app.go': (gocron['internal/modules/app/app.go'] as string).replace('err := os.Mkdir(value, 0755)', 'var err error\n\t\t_ = value') },
      { 'internal/modules/app/app.go': (gocron['internal/modules/app/app.go'] as string).replace('AppDir, err = goutil.WorkDir()', 'AppDir, err = os.Getwd()').replace('\n\t"github.com/ouqiang/goutil"\n', '\n') },
    ]) {
      const r = await gen(tree(gocron, files));
      assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/gocron"\]$/m, r.dockerfile);
    }
  });
});

// cloudfoundry/bosh-cli at 89a5a0e0467af8767b2d4e8b27bd38cf2b916560 (Apache-2.0): go.mod (5,250
// bytes) `module github.com/cloudfoundry/bosh-cli/v7`, go 1.23.0; main.go (3,667 bytes) imports
// boshsys "github.com/cloudfoundry/bosh-utils/system"; ssh/interactive.go (1,032 bytes):30-31
// `return boshsys.Command{` / `Name: "ssh",`; releasedir/git_repo.go (2,534 bytes):23
// `r.runner.RunCommand("git", "init", r.dirPath)`; installation/pkg/compiler.go (5,444 bytes):97-98
// `cmd := boshsys.Command{` / `Name: "bash",`; templatescompiler/erbrenderer/erb_renderer.go
// (2,315 bytes):65-66 `command := boshsys.Command{` / `Name: "ruby",`. bosh-utils' exec_cmd_runner.go
// runs them with `exec.Command(name, args...)`. The frozen CLI wrote distroless: `create-release`
// stopped `exec: "tar": executable file not found in $PATH` (judge 40 G G4).
const boshSkeleton = (runner: string): Record<string, string | null> => ({
  'go.mod': 'module github.com/cloudfoundry/bosh-cli/v7\n\ngo 1.23.0\n\nrequire github.com/cloudfoundry/bosh-utils v0.0.500\n',
  'go.sum': '',
  'main.go': `package main

import (
	"os"

	boshsys "github.com/cloudfoundry/bosh-utils/system"

	"github.com/cloudfoundry/bosh-cli/v7/installation/pkg"
	"github.com/cloudfoundry/bosh-cli/v7/releasedir"
	"github.com/cloudfoundry/bosh-cli/v7/ssh"
	"github.com/cloudfoundry/bosh-cli/v7/templatescompiler/erbrenderer"
)

func main() {
	var runner boshsys.CmdRunner
	_ = releasedir.NewFSGitRepo(".", runner).Init()
	_ = ssh.InteractiveRunner{}.Run(os.Args[1:])
	_ = pkg.Compile(runner)
	_ = erbrenderer.Render(runner)
}
`,
  'ssh/interactive.go': `package ssh

import (
	"os"

	${runner} "github.com/cloudfoundry/bosh-utils/system"
)

type InteractiveRunner struct{}

func (r InteractiveRunner) Run(rawCmd []string) error {
	cmdFactory := func(host string) ${runner}.Command {
		return ${runner}.Command{
			Name: "ssh",
			Args: append([]string{host}, rawCmd...),

			Stdin:  os.Stdin,
			Stdout: os.Stdout,
		}
	}
	_ = cmdFactory
	return nil
}
`,
  'releasedir/git_repo.go': `package releasedir

import (
	${runner} "github.com/cloudfoundry/bosh-utils/system"
)

type FSGitRepo struct {
	dirPath string
	runner  ${runner}.CmdRunner
}

func NewFSGitRepo(dirPath string, runner ${runner}.CmdRunner) FSGitRepo {
	return FSGitRepo{dirPath: dirPath, runner: runner}
}

func (r FSGitRepo) Init() error {
	_, _, _, err := r.runner.RunCommand("git", "init", r.dirPath)
	return err
}
`,
  'installation/pkg/compiler.go': `package pkg

import (
	${runner} "github.com/cloudfoundry/bosh-utils/system"
)

func Compile(runner ${runner}.CmdRunner) error {
	cmd := ${runner}.Command{
		Name: "bash",
		Args: []string{"-x", "packaging"},
		Env: map[string]string{
			"BOSH_COMPILE_TARGET": "/tmp",
		},
	}
	_, _, _, err := runner.RunComplexCommand(cmd)
	return err
}
`,
  'templatescompiler/erbrenderer/erb_renderer.go': `package erbrenderer

import (
	${runner} "github.com/cloudfoundry/bosh-utils/system"
)

func Render(runner ${runner}.CmdRunner) error {
	command := ${runner}.Command{
		Name: "ruby",
		Args: []string{"renderer.rb"},
	}
	_, _, _, err := runner.RunComplexCommand(command)
	return err
}
`,
});

describe('judge 40: programs run through bosh-utils\' system package (cloudfoundry/bosh-cli 89a5a0e ssh/interactive.go:30)', () => {
  it('git, ssh: debian-slim with git and openssh-client; bash needs nothing; ruby is a Check', async () => {
    const r = await genClean(tree(boshSkeleton('boshsys'), {}));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.match(r.dockerfile, /&& apt-get install -y --no-install-recommends git openssh-client \\$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('ssh (boshsys.Command{Name: "ssh"} (github.com/cloudfoundry/bosh-utils/system runs it by name) in ssh/interactive.go)')), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => x.includes('git (RunCommand("git") (github.com/cloudfoundry/bosh-utils/system runs it by name) in releasedir/git_repo.go)')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((w) => w.startsWith('The program runs ruby (boshsys.Command{Name: "ruby"} (github.com/cloudfoundry/bosh-utils/system runs it by name) in templatescompiler/erbrenderer/erb_renderer.go) at run time, which debian:bookworm-slim does not include')), r.warnings.join('\n'));
    assert.ok(!r.warnings.some((w) => w.includes('runs bash')), r.warnings.join('\n'));
  });
  it('the package under its own name (system.Command) too; a Command literal of another package is not read', async () => {
    const r = await gen(tree(boshSkeleton('system'), {}));
    assert.match(r.dockerfile, /&& apt-get install -y --no-install-recommends git openssh-client \\$/m, r.dockerfile);
    const other = await gen(tree(boshSkeleton('boshsys'), Object.fromEntries(Object.entries(boshSkeleton('boshsys')).filter(([k]) => k.endsWith('.go') && k !== 'main.go').map(([k, v]) => [k, (v as string).replace('"github.com/cloudfoundry/bosh-utils/system"', '"example.com/other/system"')]))));
    assert.match(other.dockerfile, /^FROM gcr\.io\/distroless\/static/m, other.dockerfile);
  });
});

// sorenisanerd/gotty (above): Dockerfile (275 bytes):1-15, `FROM alpine:latest`, `apk add bash`,
// `CMD ["gotty",  "-w", "bash"]`; main.go:77-78 `args := c.Args()`, `localcommand.NewFactory(args[0],
// args[1:], …)`; backend/localcommand/local_command.go:32 `cmd := exec.Command(command, argv...)`.
// The frozen CLI wrote distroless: `failed to start command \`bash\`: exec: "bash": executable file
// not found in $PATH` (judge 40 G G1).
const gottyDockerfile = 'FROM golang:1.13.1\n\nWORKDIR /gotty\nCOPY . /gotty\nRUN CGO_ENABLED=0 make\n\nFROM alpine:latest\n\nRUN apk update && \\\n    apk upgrade && \\\n    apk --no-cache add ca-certificates && \\\n    apk add bash\nWORKDIR /root\nCOPY --from=0 /gotty/gotty /usr/bin/\nCMD ["gotty",  "-w", "bash"]\n';

describe('judge 40: the project\'s image gives the program a shell to run (sorenisanerd/gotty 8e17298 Dockerfile:15)', () => {
  it('debian-slim, the reason names the call and the project\'s CMD', async () => {
    const r = await gen(tree(gottyPty, { Dockerfile: gottyDockerfile }));
    assert.match(r.dockerfile, /^FROM debian:bookworm-slim$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('chosen because the program runs the command it is given (exec.Command(command) in backend/localcommand/local_command.go), and the project\'s image starts it with bash (Dockerfile:15 CMD ["gotty","-w","bash"]), which debian-slim has (sh and bash) and distroless does not')), r.reasons.join('\n'));
  });
  it('negative: no project Dockerfile, or one that starts it with a program (not a shell): distroless', async () => {
    for (const files of [{}, { Dockerfile: gottyDockerfile.replace('"bash"]', '"top"]') }] as Record<string, string | null>[]) {
      const r = await gen(tree(gottyPty, files));
      assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static/m, r.dockerfile);
    }
  });
});
