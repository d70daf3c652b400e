/**
 * Generator defects of judging round 41 (judge G, every generated Dockerfile built with buildah),
 * session 56: each case a small skeleton of a real repository (the files that matter, with their
 * sizes in the repository, go.mod and the few relevant lines), with its repository, commit and
 * licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 1. coreos/butane, containers/gvisor-tap-vsock: the binary takes the project's name for it: a
 *    main package in `internal/` is named after the module (G1), and one the root Makefile builds
 *    with `go build -o bin/<name> ./<pkg>` under one name takes that name (G5's gvforwarder).
 * 2. openshift/source-to-image: the dubious-ownership Check offers what works for a local
 *    `git clone` (the system git config), not the environment form git drops (G7).
 * 3. containers/gvisor-tap-vsock: a port flag the program only puts on 127.0.0.1 gives no EXPOSE,
 *    and a Check that the listener is unreachable from outside (G4).
 * 4. openshift/source-to-image: a program run only through a function called under a flag that is
 *    true only on windows (cygpath) is no need of the image: no Check to install it (G6).
 * 5. NVIDIA/nvidia-container-toolkit: the project's image runs the program with an explicit USER
 *    0:0: a Check says so and how to run it as root (G9).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge41-k56');

// coreos/butane at d119ca23d47d3d56127fac418cc13ce5db371e97 (Apache-2.0): go.mod `module
// github.com/coreos/butane`, `go 1.23.0`; internal/main.go (package main) and internal/doc/main.go
// (a docs generator, package main). build:11 `NAME=butane`, :17 `go build -o ${BIN_PATH}/${NAME}
// -ldflags "$LDFLAGS" internal/main.go`; Dockerfile:6 `RUN ./build_for_container` (the same
// build into bin/container), :9-10 `COPY --from=builder /butane/bin/container/butane
// /usr/local/bin/butane`, `ENTRYPOINT ["/usr/local/bin/butane"]`. The generated image named it
// `internal` (judge 41 G G1: `Usage: /usr/local/bin/internal [options] [input-file]`).
const butane: Record<string, string | null> = {
  'go.mod': 'module github.com/coreos/butane\n\ngo 1.23.0\n',
  'internal/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tpretty := flag.Bool("pretty", false, "indent the output")\n\tflag.Parse()\n\tfmt.Fprintln(os.Stdout, *pretty)\n}\n',
  'internal/doc/main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("docs")\n}\n',
  'build': '#!/usr/bin/env bash\n\nset -eu\n\nNAME=butane\n\ngo build -o ${BIN_PATH}/${NAME} -ldflags "$LDFLAGS" internal/main.go\n',
  'Dockerfile': 'FROM quay.io/fedora/fedora:43 AS builder\nRUN dnf install -y golang git-core\nRUN mkdir /butane\nCOPY . /butane\nWORKDIR /butane\nRUN ./build_for_container\n\nFROM quay.io/fedora/fedora-minimal:43\nCOPY --from=builder /butane/bin/container/butane /usr/local/bin/butane\nENTRYPOINT ["/usr/local/bin/butane"]\n',
};

// containers/gvisor-tap-vsock at 855ccda6ee305c429b152ded4ce34054270a7864 (Apache-2.0): go.mod
// `module github.com/containers/gvisor-tap-vsock`, `go 1.23.0`; five main packages under cmd/
// (gvproxy, qemu-wrapper, ssh-over-vsock, test-companion, vm, plus win-sshproxy for windows).
// Makefile (3,232 bytes):17-18 `gvproxy:` `go build -ldflags "$(LDFLAGS)" -o bin/gvproxy
// ./cmd/gvproxy`, :22-24 `vm:` `GOOS=linux CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o
// bin/gvforwarder ./cmd/vm`; images/Dockerfile ships `bin/gvforwarder`, ENTRYPOINT
// ["/gvforwarder"]. The generated image named ./cmd/vm `vm` (judge 41 G G5).
const gvisor: Record<string, string | null> = {
  'go.mod': 'module github.com/containers/gvisor-tap-vsock\n\ngo 1.23.0\n',
  'cmd/gvproxy/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n)\n\nfunc main() {\n\tflag.Parse()\n\tfmt.Println("waiting for clients...")\n}\n',
  'cmd/vm/main_linux.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n)\n\nfunc main() {\n\tflag.Parse()\n\tfmt.Println("vm")\n}\n',
  'Makefile': '.PHONY: build\nbuild: gvproxy vm\n\nLDFLAGS = -s -w\n\n.PHONY: gvproxy\ngvproxy:\n\tgo build -ldflags "$(LDFLAGS)" -o bin/gvproxy ./cmd/gvproxy\n\n.PHONY: vm\nvm:\n\tGOOS=linux CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o bin/gvforwarder ./cmd/vm\n',
};

describe('judge 41: the binary takes the project\'s name for it', () => {
  it('butane: internal/main.go is named after the module (butane), not `internal`', async () => {
    const r = await gen(tree(butane, {}), { package: './internal' });
    assert.match(r.dockerfile, /-o \/out\/butane \.\/internal\b/, r.dockerfile);
    assert.match(r.dockerfile, /ENTRYPOINT \["\/usr\/local\/bin\/butane"\]/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('The binary is named `butane` after the module (github.com/coreos/butane), not `internal`')), r.reasons.join('\n'));
  });

  it('butane: the other main package keeps its own folder name (internal/doc: doc)', async () => {
    const r = await gen(tree(butane, {}), { package: './internal/doc' });
    assert.match(r.dockerfile, /-o \/out\/doc \.\/internal\/doc\b/, r.dockerfile);
  });

  it('gvisor-tap-vsock: ./cmd/vm is built as gvforwarder, as Makefile:24 names it', async () => {
    const r = await gen(tree(gvisor, {}), { package: './cmd/vm' });
    assert.match(r.dockerfile, /-o \/out\/gvforwarder \.\/cmd\/vm\b/, r.dockerfile);
    assert.match(r.dockerfile, /ENTRYPOINT \["\/usr\/local\/bin\/gvforwarder"\]/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes("The binary is named `gvforwarder`, as the project's Makefile names it (Makefile:12 go build -o bin/gvforwarder ./cmd/vm), not `vm` after its folder.")), r.reasons.join('\n'));
  });

  it('gvisor-tap-vsock: ./cmd/gvproxy, named gvproxy by its folder and the Makefile alike: no reason about the name', async () => {
    const r = await gen(tree(gvisor, {}), { package: './cmd/gvproxy' });
    assert.match(r.dockerfile, /-o \/out\/gvproxy \.\/cmd\/gvproxy\b/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.startsWith('The binary is named')), r.reasons.join('\n'));
  });

  it('negative: two names for the package, or only an output per platform, or /dev/null: the folder\'s name', async () => {
    for (const recipe of [
      '\tgo build -o bin/gvforwarder ./cmd/vm\n\tgo build -o bin/forwarder ./cmd/vm\n',
      '\tGOOS=linux GOARCH=arm64 go build -o bin/gvforwarder-linux-arm64 ./cmd/vm\n',
      '\tGOOS=windows go build -o bin/gvforwarder.exe ./cmd/vm\n',
      '\tgo build -o /dev/null ./cmd/vm\n',
      // sqlc-dev/sqlc Makefile:27 `go build -o ~/bin/sqlc-dev ./cmd/sqlc/`: a developer's copy.
      '\tgo build -o ~/bin/vm-dev ./cmd/vm/\n',
    ]) {
      const r = await gen(tree(gvisor, { Makefile: `vm:\n${recipe}` }), { package: './cmd/vm' });
      assert.match(r.dockerfile, /-o \/out\/vm \.\/cmd\/vm\b/, `${recipe}\n${r.dockerfile}`);
    }
  });

  // casdoor/casdoor (Apache-2.0): go.mod `module github.com/casdoor/casdoor`, main.go at the root;
  // Makefile:63 `go build -o bin/manager main.go` (a kubebuilder template's target), while its
  // Dockerfile ships `./server`: a binary named after the module keeps that name.
  it('negative: a main package named after the module keeps it whatever the Makefile calls it (casdoor\'s `-o bin/manager main.go`)', async () => {
    const r = await gen(tree({
      'go.mod': 'module github.com/casdoor/casdoor\n\ngo 1.23\n',
      'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("casdoor")\n}\n',
      'Makefile': 'build:\n\tgo build -o bin/manager main.go\n',
    }, {}));
    assert.match(r.dockerfile, /-o \/out\/casdoor \.\n|-o \/out\/casdoor \./, r.dockerfile);
  });
});

// openshift/source-to-image at 45635f9ec80d10c4b50ed781d2e2e5c0e41dd2b4 (Apache-2.0): go.mod
// `module github.com/openshift/source-to-image`, `go 1.23.3`; cmd/s2i/s2i.go (main) runs the cli;
// pkg/scm/git/git.go (8,341 bytes):163-182 Clone runs `git clone <source> <target>` (through
// pkg/util/cmd), :294-297 GetInfo `command := exec.Command("git", arg...)`, `command.Dir = repo`.
// A mounted repository owned by the host user: `fatal: detected dubious ownership`, `Clone failed`;
// the Check's `-e GIT_CONFIG_COUNT=1 -e GIT_CONFIG_KEY_0=safe.directory -e GIT_CONFIG_VALUE_0='*'`
// fails the same way (judge 41 G G7, built and run: git leaves GIT_CONFIG_* out of the environment
// of the upload-pack a local clone starts); a system or global config file works (checked with git
// 2.39.5: `GIT_CONFIG_GLOBAL=<file with safe.directory=*> git clone repo c` clones, the env form
// does not).
const s2i: Record<string, string | null> = {
  'go.mod': 'module github.com/openshift/source-to-image\n\ngo 1.23.3\n',
  'cmd/s2i/s2i.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/openshift/source-to-image/pkg/scm/git"\n)\n\nfunc main() {\n\tif err := git.New().Clone(os.Args[1], os.Args[2]); err != nil {\n\t\tfmt.Println(fmt.Sprintf("S2I encountered the following error: %v", err))\n\t\tos.Exit(1)\n\t}\n}\n',
  'pkg/scm/git/git.go': 'package git\n\nimport (\n\t"os/exec"\n\t"strings"\n)\n\ntype stiGit struct{}\n\nfunc New() *stiGit { return &stiGit{} }\n\n// Clone clones a git repository to a specific target directory.\nfunc (h *stiGit) Clone(source, target string) error {\n\tcloneArgs := append([]string{"clone"}, source, target)\n\treturn exec.Command("git", cloneArgs...).Run()\n}\n\n// GetInfo retrieves the information about the source code and commit\nfunc (h *stiGit) GetInfo(repo string) string {\n\tcommand := exec.Command("git", "rev-parse", "HEAD")\n\tcommand.Dir = repo\n\tout, _ := command.CombinedOutput()\n\treturn strings.TrimSpace(string(out))\n}\n',
};

describe('judge 41: the dubious-ownership Check offers a remedy that reaches a local clone (openshift/source-to-image 45635f9 pkg/scm/git/git.go:163,297)', () => {
  it('the Check offers --user and the system git config, and says the environment form does not work', async () => {
    const r = await gen(tree(s2i, {}));
    const check = r.warnings.find((x) => x.startsWith('The program runs git inside repositories'));
    assert.ok(check, r.warnings.join('\n'));
    assert.match(check!, /detected dubious ownership/);
    assert.match(check!, /docker run --user "\$\(id -u\):\$\(id -g\)"/);
    assert.match(check!, /RUN git config --system --add safe\.directory '\*' in the runtime stage, before USER/);
    assert.doesNotMatch(check!, /-e GIT_CONFIG_COUNT/);
  });
});

// containers/gvisor-tap-vsock at 855ccda6ee305c429b152ded4ce34054270a7864 (Apache-2.0):
// cmd/gvproxy/main.go (16,161 bytes):69 `flag.IntVar(&sshPort, "ssh-port", 2222, "Port to access the
// guest virtual machine. …")`, :259 `Forwards: getForwardsMap(sshPort, sshHostPort)`, :293-298
// `func getForwardsMap(sshPort int, sshHostPort string) map[string]string { … fmt.Sprintf("127.0.0.1:%d",
// sshPort): sshHostPort`: a forward bound to loopback (ss: `127.0.0.1:2222 … gvproxy`); the
// generated image had EXPOSE 2222 (judge 41 G G4). Its API listens on -listen, no default.
const GVPROXY_MAIN = `package main

import (
	"flag"
	"fmt"
)

const (
	sshHostPort = "192.168.127.2:22"
)

var (
	endpoints arrayFlags
	sshPort   int
)

type arrayFlags []string

func (i *arrayFlags) String() string { return "" }

func (i *arrayFlags) Set(value string) error {
	*i = append(*i, value)
	return nil
}

func main() {
	flag.Var(&endpoints, "listen", "control endpoint")
	flag.IntVar(&sshPort, "ssh-port", 2222, "Port to access the guest virtual machine. Must be between 1024 and 65535")
	flag.Parse()
	if sshPort != -1 && sshPort < 1024 || sshPort > 65535 {
		return
	}
	fmt.Println(getForwardsMap(sshPort, sshHostPort))
}

func getForwardsMap(sshPort int, sshHostPort string) map[string]string {
	if sshPort == -1 {
		return map[string]string{}
	}
	return map[string]string{
		fmt.Sprintf("127.0.0.1:%d", sshPort): sshHostPort,
	}
}
`;

describe('judge 41: a port flag bound to loopback gives no EXPOSE (containers/gvisor-tap-vsock 855ccda cmd/gvproxy/main.go:69,298)', () => {
  it('gvproxy: no EXPOSE 2222; a Check that 127.0.0.1:2222 is unreachable from outside', async () => {
    const r = await gen(tree(gvisor, { 'cmd/gvproxy/main.go': GVPROXY_MAIN }), { package: './cmd/gvproxy' });
    assert.doesNotMatch(r.dockerfile, /EXPOSE/, r.dockerfile);
    assert.ok(r.warnings.some((x) => x.includes('listens on 127.0.0.1:2222 (flag -ssh-port default 2222, bound as fmt.Sprintf("127.0.0.1:%d", sshPort))')), r.warnings.join('\n'));
    assert.ok(!r.reasons.some((x) => /^EXPOSE/.test(x)), r.reasons.join('\n'));
    // cmd/gvproxy/main.go:36 `sshHostPort = "192.168.127.2:22"` (the VM's address) is no guess beside it.
    assert.ok(!r.warnings.some((x) => x.startsWith('No EXPOSE')), r.warnings.join('\n'));
  });

  it('negative: the same flag also put on every interface (Sprintf(":%d", sshPort)), or only there: EXPOSE 2222', async () => {
    for (const extra of [
      'func serve() string {\n\treturn fmt.Sprintf(":%d", sshPort)\n}\n',
      'func serve() string {\n\treturn fmt.Sprintf("%s:%d", host, sshPort)\n}\n\nvar host = "0.0.0.0"\n',
    ]) {
      const r = await gen(tree(gvisor, { 'cmd/gvproxy/main.go': `${GVPROXY_MAIN}\n${extra}` }), { package: './cmd/gvproxy' });
      assert.match(r.dockerfile, /EXPOSE 2222/, `${extra}\n${r.dockerfile}`);
    }
    const plain = GVPROXY_MAIN.replace('fmt.Sprintf("127.0.0.1:%d", sshPort)', 'fmt.Sprintf(":%d", sshPort)');
    const r = await gen(tree(gvisor, { 'cmd/gvproxy/main.go': plain }), { package: './cmd/gvproxy' });
    assert.match(r.dockerfile, /EXPOSE 2222/, r.dockerfile);
  });
});

// openshift/source-to-image at 45635f9ec80d10c4b50ed781d2e2e5c0e41dd2b4 (Apache-2.0):
// pkg/util/cygpath/cygpath.go (1,150 bytes):13 `var UsingCygwinGit = isUsingCygwinGit()`, :15-31
// `func isUsingCygwinGit() bool { if runtime.GOOS == "windows" { … return true … } return false }`,
// :36-40 `func ToSlashCygwin(path string) (string, error) { cmd := exec.Command("cygpath", path) …`;
// pkg/scm/git/git.go:168 `if cygpath.UsingCygwinGit { … cygpath.ToSlashCygwin(…) }` (its only
// callers). The generated Dockerfile's Check said to install cygpath (judge 41 G G6).
const CYGPATH = `package cygpath

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// UsingCygwinGit indicates whether we believe the host's git utility is from Cygwin.
var UsingCygwinGit = isUsingCygwinGit()

func isUsingCygwinGit() bool {
	if runtime.GOOS == "windows" {
		cygpath, err := exec.LookPath("cygpath")
		if err != nil {
			return false
		}
		var git string
		git, err = exec.LookPath("git")
		if err == nil && filepath.Dir(cygpath) == filepath.Dir(git) {
			return true
		}
	}
	return false
}

// ToSlashCygwin converts a path to a format suitable for sending to a Cygwin binary.
func ToSlashCygwin(path string) (string, error) {
	cmd := exec.Command("cygpath", path)
	out, err := cmd.Output()
	return strings.TrimRight(string(out), "\\n"), err
}
`;
const S2I_GIT_CYG = s2i['pkg/scm/git/git.go']!
  .replace('import (\n\t"os/exec"\n\t"strings"\n)', 'import (\n\t"os/exec"\n\t"strings"\n\n\t"github.com/openshift/source-to-image/pkg/util/cygpath"\n)')
  .replace('\tcloneArgs := append', '\tvar err error\n\tif cygpath.UsingCygwinGit {\n\t\ttarget, err = cygpath.ToSlashCygwin(target)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n\tcloneArgs := append');

describe('judge 41: a program run only on windows is no need of the image (openshift/source-to-image 45635f9 pkg/util/cygpath/cygpath.go:13,37, pkg/scm/git/git.go:168)', () => {
  it('s2i: no Check to install cygpath; git is still installed', async () => {
    const r = await gen(tree(s2i, { 'pkg/scm/git/git.go': S2I_GIT_CYG, 'pkg/util/cygpath/cygpath.go': CYGPATH }));
    assert.match(r.dockerfile, /apt-get install -y --no-install-recommends git/, r.dockerfile);
    assert.ok(!r.warnings.some((x) => x.includes('cygpath')), r.warnings.join('\n'));
  });

  it('negative: a caller outside the flag, a flag true on linux too, or the function handed on as a value: the Check stays', async () => {
    const variants: Record<string, string>[] = [
      { 'pkg/scm/git/git.go': S2I_GIT_CYG.replace('\treturn exec.Command("git", cloneArgs...).Run()', '\t_, _ = cygpath.ToSlashCygwin(source)\n\treturn exec.Command("git", cloneArgs...).Run()') },
      { 'pkg/util/cygpath/cygpath.go': CYGPATH.replace('\treturn false\n}\n\n// ToSlash', '\treturn true\n}\n\n// ToSlash') },
      { 'pkg/scm/git/git.go': S2I_GIT_CYG.replace('\tcloneArgs := append', '\tconvert := cygpath.ToSlashCygwin\n\t_, _ = convert(source)\n\tcloneArgs := append') },
    ];
    for (const v of variants) {
      const r = await gen(tree({ ...s2i, 'pkg/scm/git/git.go': S2I_GIT_CYG, 'pkg/util/cygpath/cygpath.go': CYGPATH }, v));
      assert.ok(r.warnings.some((x) => x.includes('The program runs') && x.includes('cygpath')), `${JSON.stringify(v).slice(0, 200)}\n${r.warnings.join('\n')}`);
    }
  });
});

// NVIDIA/nvidia-container-toolkit at d8c9ff923dd70c151b7098f657a9e83bb7fe726f (Apache-2.0): go.mod
// `module github.com/NVIDIA/nvidia-container-toolkit`, `go 1.23.2`; cmd/nvidia-ctk-installer/main.go
// (9,707 bytes):24-25 `toolkitPidFilename = "toolkit.pid"`, `defaultPidFile = "/run/nvidia/toolkit/"
// + toolkitPidFilename`; deployments/container/Dockerfile (5,501 bytes):145-173, the application
// stage: `FROM nvcr.io/nvidia/distroless/go:v3.1.11-dev AS application`, `USER 0:0`, ENV NVIDIA_*,
// `ENTRYPOINT ["/work/nvidia-ctk-installer"]`. As 65532 the generated image stopped with
// "unable to create folder for pidfile: mkdir /run/nvidia: permission denied" (judge 41 G G9).
const NVIDIA_DOCKERFILE = (user: string) => `FROM golang:1.23 AS build
WORKDIR /build
COPY . .
RUN go build -o /artifacts/bin/ ./cmd/...

FROM nvcr.io/nvidia/distroless/go:v3.1.11-dev AS application
${user}SHELL ["/busybox/sh", "-c"]
RUN ln -s /busybox/sh /bin/sh

ENV NVIDIA_DISABLE_REQUIRE="true"
ENV NVIDIA_VISIBLE_DEVICES=void
ENV NVIDIA_DRIVER_CAPABILITIES=utility

COPY --from=build /artifacts/bin /work

WORKDIR /work
ENV PATH=/work:$PATH

ENTRYPOINT ["/work/nvidia-ctk-installer"]
`;
const nvidia: Record<string, string | null> = {
  'go.mod': 'module github.com/NVIDIA/nvidia-container-toolkit\n\ngo 1.23.2\n',
  'cmd/nvidia-ctk-installer/main.go': 'package main\n\nimport (\n\t"os"\n\t"path/filepath"\n)\n\nconst (\n\ttoolkitPidFilename = "toolkit.pid"\n\tdefaultPidFile     = "/run/nvidia/toolkit/" + toolkitPidFilename\n)\n\nfunc main() {\n\tif err := os.MkdirAll(filepath.Dir(defaultPidFile), 0755); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
  'cmd/nvidia-ctk/main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("nvidia-ctk")\n}\n',
  'deployments/container/Dockerfile': NVIDIA_DOCKERFILE('USER 0:0\n'),
};

describe('judge 41: the project\'s image runs the program as root (NVIDIA/nvidia-container-toolkit d8c9ff9 deployments/container/Dockerfile:147)', () => {
  it('nvidia-ctk-installer: a Check names the USER 0:0 of the project\'s image; the image stays non-root', async () => {
    const r = await gen(tree(nvidia, {}), { package: './cmd/nvidia-ctk-installer' });
    assert.match(r.dockerfile, /^USER 65532:65532$/m, r.dockerfile);
    assert.ok(r.warnings.some((x) => x.startsWith("The project's image runs nvidia-ctk-installer as root (deployments/container/Dockerfile:7 USER 0:0), and this image runs it as USER 65532:65532.") && x.includes('docker run --user 0:0')), r.warnings.join('\n'));
  });

  it('a root check in another package keeps its own Check beside it', async () => {
    const r = await gen(tree(nvidia, {
      'cmd/nvidia-ctk-installer/main.go': nvidia['cmd/nvidia-ctk-installer/main.go']!.replace('import (\n', 'import (\n\t"github.com/NVIDIA/nvidia-container-toolkit/internal/system"\n').replace('func main() {\n', 'func main() {\n\t_ = system.Check()\n'),
      'internal/system/root.go': 'package system\n\nimport (\n\t"errors"\n\t"os"\n)\n\nfunc Check() error {\n\tif os.Geteuid() != 0 {\n\t\treturn errors.New("must be run as root")\n\t}\n\treturn nil\n}\n',
    }), { package: './cmd/nvidia-ctk-installer' });
    assert.ok(r.warnings.some((x) => x.startsWith("The project's image runs nvidia-ctk-installer as root")), r.warnings.join('\n'));
    assert.ok(r.warnings.some((x) => x.includes('stops unless the program runs as root')), r.warnings.join('\n'));
  });

  it('negative: no USER (the base image\'s default), a non-root USER, a root USER then another, or an image that starts another program: no Check', async () => {
    const cases: [Record<string, string | null>, string][] = [
      [{ 'deployments/container/Dockerfile': NVIDIA_DOCKERFILE('') }, './cmd/nvidia-ctk-installer'],
      [{ 'deployments/container/Dockerfile': NVIDIA_DOCKERFILE('USER 65532:65532\n') }, './cmd/nvidia-ctk-installer'],
      [{ 'deployments/container/Dockerfile': NVIDIA_DOCKERFILE('USER root\n').replace('WORKDIR /work\n', 'WORKDIR /work\nUSER 1001\n') }, './cmd/nvidia-ctk-installer'],
      [{}, './cmd/nvidia-ctk'],
    ];
    for (const [files, pkg] of cases) {
      const r = await gen(tree(nvidia, files), { package: pkg });
      assert.ok(!r.warnings.some((x) => x.startsWith("The project's image runs")), `${pkg} ${JSON.stringify(files).slice(0, 160)}\n${r.warnings.join('\n')}`);
    }
  });
});
