/**
 * The generator on real repositories of round 32 (judges X and Y, generator sections): each case a
 * small skeleton of a real repository (the files that matter, with their sizes in the repository,
 * go.mod and the few relevant lines), with its repository, commit and licence above it, plus the
 * variants that keep the old behaviour where it is right.
 *
 * 1. (Y) teamhanko/hanko: `//go:generate sh -c "git describe … | sed … > version.txt"` feeds a
 *    `//go:embed version.txt`: the build stage runs go generate (the golang image has sh, git and
 *    sed), and says that without .git the version is empty.
 * 2. (X) ricoberger/script_exporter: it runs the programs its configuration names, and its
 *    scripts.yaml names shell scripts the repository holds: a runtime with a shell (debian-slim).
 * 3. (X) txn2/kubefwd: it edits /etc/hosts through txeh (facts/rootNeeds.ts HOSTS_FILE_EDITOR, the
 *    fact GD204 reads): USER 0:0, not 65532.
 * 4. (X) utkuozdemir/nvidia_gpu_exporter: it runs nvidia-smi, which the NVIDIA container runtime
 *    mounts from the host, a glibc program: distroless/base, not static.
 * 5. (X) ceph/ceph-csi: go-ceph's librados, librbd and libcephfs: the Check names their Debian
 *    development packages and says that bookworm's Ceph is older than go-ceph expects.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GenerateError } from '../../server/src/generate';
import { generatorTrees } from './generateTrees';

const { gen, genClean, tree } = generatorTrees('judge32-engg49');

const runtimeOf = (dockerfile: string): string => dockerfile.slice(dockerfile.lastIndexOf('\nFROM ') + 1);
const builderOf = (dockerfile: string): string => dockerfile.slice(0, dockerfile.lastIndexOf('\nFROM '));

// teamhanko/hanko at f742d49 (AGPL-3.0 outside frontend/elements and frontend/frontend-sdk), its
// backend/ module: go.mod (9,168 bytes) `module github.com/teamhanko/hanko/backend/v3`, `go 1.26.1`;
// main.go (159 bytes) imports backend/v3/cmd; cmd/version/version.go prints build_info.GetVersion();
// build_info/build_info.go (761 bytes) holds
// `//go:generate sh -c "git describe --tags --always --match backend/* | sed -e s#^backend/## > version.txt"`
// right above `//go:embed version.txt`, and the tree has no version.txt (a fresh clone lacks it).
// The project's Dockerfile runs `go generate ./...`.
const hankoDirective = '//go:generate sh -c "git describe --tags --always --match backend/* | sed -e s#^backend/## > version.txt"';
const hanko = (directive: string): Record<string, string | null> => ({
  'go.mod': 'module github.com/teamhanko/hanko/backend/v3\n\ngo 1.26.1\n',
  'main.go': 'package main\n\nimport (\n\t"github.com/teamhanko/hanko/backend/v3/cmd"\n)\n\nfunc main() {\n\tcmd.Execute()\n}\n',
  'cmd/root.go': 'package cmd\n\nimport (\n\t"fmt"\n\n\t"github.com/teamhanko/hanko/backend/v3/build_info"\n)\n\nfunc Execute() {\n\tfmt.Println(build_info.GetVersion())\n}\n',
  'build_info/build_info.go': `package build_info\n\nimport (\n\t_ "embed"\n\t"strings"\n)\n\n${directive}\n//go:embed version.txt\nvar version string\n\nfunc GetVersion() string {\n\treturn strings.TrimSpace(version)\n}\n`,
});

describe('1. hanko: a go:generate shell script of git and sed makes what go:embed needs', () => {
  it('go generate ./build_info runs before go build, with a comment and a Check that git has no .git there', async () => {
    const r = await genClean(tree(hanko(hankoDirective), {}));
    assert.match(builderOf(r.dockerfile), /COPY \. \.\n# go generate makes what \/\/go:embed needs \(build_info\/version\.txt\)[^\n]*\n# build_info\/build_info\.go:8 runs git, and the build context has no \.git[^\n]*\nRUN [^\n]*\n[^\n]*\n\s*go generate \.\/build_info\n[\s\S]*go build/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('(its script writes it)') && x.includes('go generate ./build_info')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((w) => w.includes('build_info/build_info.go:8) runs git') && w.includes('an empty version')), r.warnings.join('\n'));
  });

  it('negative: git as the last command (its status is the script\'s): no go generate, and the error names the directive and why', async () => {
    const e = await gen(tree(hanko('//go:generate sh -c "git describe --tags --always > version.txt"'), {})).then(() => null, (x: unknown) => x);
    assert.ok(e instanceof GenerateError && e.code === 'embed-missing', String(e));
    assert.match(e.message, /build_info\/build_info\.go:8\) produces it \(its script writes it\)/);
    assert.match(e.message, /runs git, which needs the repository's \.git, and the build context leaves \.git out/);
  });

  it('negative: a script of a program the golang image lacks (jq) is not run', async () => {
    const e = await gen(tree(hanko('//go:generate sh -c "jq -r .version package.json > version.txt"'), { 'build_info/package.json': '{"version": "1.0.0"}\n' })).then(() => null, (x: unknown) => x);
    assert.ok(e instanceof GenerateError && e.code === 'embed-missing', String(e));
    assert.match(e.message, /runs jq in its script, which the golang image does not have/);
  });

  it('a script without git (date, echo): go generate, and no Check about .git', async () => {
    const r = await gen(tree(hanko('//go:generate sh -c "date -u +%Y%m%d | tee version.txt"'), {}));
    assert.match(builderOf(r.dockerfile), /go generate \.\/build_info/, r.dockerfile);
    assert.ok(!r.warnings.some((w) => w.includes('.git')), r.warnings.join('\n'));
    assert.doesNotMatch(r.dockerfile, /runs git/, r.dockerfile);
  });
});

// txn2/kubefwd at c64c46e (Apache-2.0): go.mod (5,779 bytes) `module github.com/txn2/kubefwd`,
// `go 1.26.0`, requires github.com/txn2/txeh v1.8.1; cmd/kubefwd/kubefwd.go (5,824 bytes) imports
// cmd/kubefwd/services (23,622 bytes), which imports pkg/fwdhost (2,302 bytes) and txeh
// (`txeh.NewHosts(&txeh.HostsConfig{…})` in setupHostsFile); pkg/utils/root.go checks `id -u`.
const kubefwd: Record<string, string | null> = {
  'go.mod': 'module github.com/txn2/kubefwd\n\ngo 1.26.0\n\nrequire github.com/txn2/txeh v1.8.1\n',
  'cmd/kubefwd/kubefwd.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/txn2/kubefwd/cmd/kubefwd/services"\n)\n\nfunc main() {\n\tif err := services.Run(); err != nil {\n\t\tfmt.Println(err)\n\t\tos.Exit(1)\n\t}\n}\n',
  'cmd/kubefwd/services/services.go': 'package services\n\nimport (\n\t"github.com/txn2/kubefwd/pkg/fwdhost"\n\t"github.com/txn2/txeh"\n)\n\nfunc Run() error {\n\thostFile, err := txeh.NewHosts(&txeh.HostsConfig{})\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn fwdhost.BackupHostFile(hostFile)\n}\n',
  'pkg/fwdhost/fwdhost.go': 'package fwdhost\n\nimport (\n\t"github.com/txn2/txeh"\n)\n\nfunc BackupHostFile(h *txeh.Hosts) error { return nil }\n',
};

describe('3. kubefwd: a hosts-file editor runs as root', () => {
  it('USER 0:0 with the reason in the header (txeh), no non-root USER', async () => {
    const r = await genClean(tree(kubefwd, {}));
    const runtime = runtimeOf(r.dockerfile);
    assert.match(runtime, /\nUSER 0:0\n/, r.dockerfile);
    assert.doesNotMatch(runtime, /USER 65532/, r.dockerfile);
    assert.match(r.dockerfile, /# It runs as root: cmd\/kubefwd imports github\.com\/txn2\/txeh, which edits the hosts file/, r.dockerfile);
  });

  it('negative: without txeh, non-root as before', async () => {
    const r = await gen(tree(kubefwd, {
      'cmd/kubefwd/services/services.go': 'package services\n\nfunc Run() error { return nil }\n',
      'pkg/fwdhost/fwdhost.go': null,
    }));
    assert.match(runtimeOf(r.dockerfile), /\nUSER 65532:65532\n/, r.dockerfile);
  });
});

// ricoberger/script_exporter at 27ae195 (MIT): go.mod (1,765 bytes) `module
// github.com/ricoberger/script_exporter`, `go 1.26.2`; cmd/main.go (9,570 bytes) imports
// config, discovery and prober; prober/handler.go (14,257 bytes) runs
// `exec.CommandContext(ctx, args[0], args[1:]...)` with args from config.Script.Command
// (config/config.go, 4,571 bytes: `Command []string \`yaml:"command"\``); scripts.yaml (775 bytes)
// `command: [./prober/scripts/output.sh]`, and prober/scripts/output.sh (`#!/usr/bin/env bash`).
// The project's image is alpine with bash.
const scriptExporter: Record<string, string | null> = {
  'go.mod': 'module github.com/ricoberger/script_exporter\n\ngo 1.26.2\n',
  'cmd/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/ricoberger/script_exporter/prober"\n)\n\nfunc main() {\n\thttp.HandleFunc("/probe", prober.Handler)\n\t_ = http.ListenAndServe(":9469", nil)\n}\n',
  'config/config.go': 'package config\n\ntype Script struct {\n\tName    string   `yaml:"name"`\n\tCommand []string `yaml:"command"`\n}\n',
  'prober/handler.go': 'package prober\n\nimport (\n\t"context"\n\t"net/http"\n\t"os/exec"\n\n\t"github.com/ricoberger/script_exporter/config"\n)\n\nfunc Handler(w http.ResponseWriter, r *http.Request) {\n\tscript := &config.Script{}\n\t_, _ = runScript(context.Background(), script.Command)\n}\n\nfunc runScript(ctx context.Context, args []string) (string, error) {\n\tcmd := exec.CommandContext(ctx, args[0], args[1:]...)\n\tout, err := cmd.Output()\n\treturn string(out), err\n}\n',
  'scripts.yaml': 'scripts:\n  - name: output\n    command:\n      - ./prober/scripts/output.sh\n',
  'prober/scripts/output.sh': '#!/usr/bin/env bash\n\necho \'# HELP test_first_test\'\n',
};

describe('2. script_exporter: the shell scripts its configuration names need a shell', () => {
  it('debian-slim, not distroless, with the reason (scripts.yaml names ./prober/scripts/output.sh)', async () => {
    const r = await genClean(tree(scriptExporter, {}));
    assert.match(runtimeOf(r.dockerfile), /^FROM debian:bookworm-slim\n/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('exec.CommandContext(args[0]) in prober/handler.go') && x.includes('scripts.yaml names the shell script ./prober/scripts/output.sh')), r.reasons.join('\n'));
  });

  it('--runtime distroless (asked for) keeps distroless, with a Check', async () => {
    const r = await gen(tree(scriptExporter, {}), { runtime: 'distroless' });
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/static/, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.includes('names the shell script ./prober/scripts/output.sh') && w.includes('has no shell')), r.warnings.join('\n'));
  });

  it('negative: a configured script the repository does not hold (a path in the image) is no evidence: distroless', async () => {
    const r = await gen(tree(scriptExporter, { 'prober/scripts/output.sh': null }));
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/static/, r.dockerfile);
  });

  it('negative: a script named under a key that runs nothing (a file to read) is no evidence: distroless', async () => {
    const r = await gen(tree(scriptExporter, { 'scripts.yaml': 'scripts:\n  - name: output\n    template: ./prober/scripts/output.sh\n' }));
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/static/, r.dockerfile);
  });

  it('negative: a script only a compose file names (another container\'s start) is no evidence: distroless', async () => {
    const r = await gen(tree(scriptExporter, { 'scripts.yaml': null, 'docker-compose.yaml': 'services:\n  app:\n    entrypoint: ./prober/scripts/output.sh\n' }));
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/static/, r.dockerfile);
  });

  // loft-sh/vcluster 4876675 (Apache-2.0): pkg/helm/helm.go runs `exec.CommandContext(ctx,
  // c.helmPath, …)`, the helm it also runs by name, and devspace.yaml's `terminal: command:
  // "./devspace_start.sh"` (a dev container's shell) names a script the repository holds.
  it('negative: a data-named call that is the path of a program it runs by name (helmPath), and a devspace.yaml script: distroless', async () => {
    const helm = 'package helm\n\nimport (\n\t"context"\n\t"os/exec"\n)\n\ntype client struct{ helmPath string }\n\nfunc (c *client) Run(ctx context.Context) error {\n\tif _, err := exec.LookPath("helm"); err != nil {\n\t\treturn err\n\t}\n\t_ = exec.Command("helm", "version")\n\treturn exec.CommandContext(ctx, c.helmPath, "upgrade").Run()\n}\n';
    const r = await gen(tree(scriptExporter, {
      'scripts.yaml': null,
      'devspace.yaml': 'dev:\n  vcluster:\n    terminal:\n      command: "./devspace_start.sh"\n',
      'devspace_start.sh': '#!/bin/bash\n',
      'prober/handler.go': 'package prober\n\nimport (\n\t"context"\n\t"net/http"\n\n\t"github.com/ricoberger/script_exporter/prober/helm"\n)\n\nfunc Handler(w http.ResponseWriter, r *http.Request) {\n\t_ = (&helm.Client{}).Run(context.Background())\n}\n',
      'prober/helm/helm.go': helm.replace(/client/g, 'Client'),
    }));
    assert.doesNotMatch(runtimeOf(r.dockerfile), /^FROM debian/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('shell script')), r.reasons.join('\n'));
  });

  it('a program that runs sh by name gets a shell too', async () => {
    const r = await gen(tree(scriptExporter, {
      'scripts.yaml': null,
      'prober/handler.go': 'package prober\n\nimport (\n\t"net/http"\n\t"os/exec"\n)\n\nfunc Handler(w http.ResponseWriter, r *http.Request) {\n\t_, _ = exec.Command("sh", "-c", r.URL.Query().Get("script")).Output()\n}\n',
    }));
    assert.match(runtimeOf(r.dockerfile), /^FROM debian:bookworm-slim\n/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('chosen because the program runs sh (')), r.reasons.join('\n'));
  });
});

// utkuozdemir/nvidia_gpu_exporter at e656cd8 (MIT): go.mod (1,648 bytes) `module
// github.com/utkuozdemir/nvidia_gpu_exporter`; cmd/nvidia_gpu_exporter/main.go (1,212 bytes) imports
// internal/app, which reaches internal/nvidiasmi; internal/nvidiasmi/query.go (2,448 bytes):
// `const DefaultCommand = "nvidia-smi"` and `exec.CommandContext(ctx, cmdAndArgs[0], cmdAndArgs[1:]...)`
// with the command a flag gives. The project's image is distroless/base-nossl ("the NVIDIA container
// runtime injects nvidia-smi from the host, and that binary needs a libc and its loader").
const nvidiaQuery = (name: string) => `package nvidiasmi\n\nimport (\n\t"context"\n\t"os/exec"\n\t"strings"\n)\n\n// DefaultCommand is the default command used to reach nvidia-smi.\nconst DefaultCommand = "${name}"\n\nfunc Query(ctx context.Context, command string) ([]byte, error) {\n\tcmdAndArgs := strings.Fields(command)\n\tcmd := exec.CommandContext(ctx, cmdAndArgs[0], cmdAndArgs[1:]...)\n\treturn cmd.Output()\n}\n`;
const nvidiaExporter: Record<string, string | null> = {
  'go.mod': 'module github.com/utkuozdemir/nvidia_gpu_exporter\n\ngo 1.25\n',
  'cmd/nvidia_gpu_exporter/main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/utkuozdemir/nvidia_gpu_exporter/internal/app"\n)\n\nfunc main() {\n\tif err := app.Run(context.Background()); err != nil {\n\t\tos.Exit(1)\n\t}\n}\n',
  'internal/app/app.go': 'package app\n\nimport (\n\t"context"\n\n\t"github.com/utkuozdemir/nvidia_gpu_exporter/internal/nvidiasmi"\n)\n\nfunc Run(ctx context.Context) error {\n\t_, err := nvidiasmi.Query(ctx, nvidiasmi.DefaultCommand)\n\treturn err\n}\n',
  'internal/nvidiasmi/query.go': nvidiaQuery('nvidia-smi'),
};

describe('4. nvidia_gpu_exporter: nvidia-smi from the host needs glibc', () => {
  it('distroless/base (glibc), CGO_ENABLED=0 still, with the reason', async () => {
    const r = await genClean(tree(nvidiaExporter, {}));
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/base-debian12:nonroot\n/, r.dockerfile);
    assert.match(r.dockerfile, /CGO_ENABLED=0/, r.dockerfile);
    assert.match(r.dockerfile, /# Runtime: glibc for nvidia-smi, which the NVIDIA container runtime mounts from the host/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('the program runs nvidia-smi (named in internal/nvidiasmi/query.go)')), r.reasons.join('\n'));
  });

  it('--runtime alpine: a Check that nvidia-smi cannot start on musl', async () => {
    const r = await gen(tree(nvidiaExporter, {}), { runtime: 'alpine' });
    assert.ok(r.warnings.some((w) => w.includes('nvidia-smi') && w.includes('alpine has musl, not glibc')), r.warnings.join('\n'));
  });

  it('negative: another program by the same call (a name of its own): static as before', async () => {
    const r = await gen(tree(nvidiaExporter, { 'internal/nvidiasmi/query.go': nvidiaQuery('rocm-smi') }));
    assert.match(runtimeOf(r.dockerfile), /^FROM gcr\.io\/distroless\/static-debian12:nonroot\n/, r.dockerfile);
  });
});

// ceph/ceph-csi at 52fcb7b (Apache-2.0): go.mod (11,816 bytes) `module github.com/ceph/ceph-csi`,
// `go 1.22.5`, requires github.com/ceph/go-ceph v0.30.0, vendored (vendor/modules.txt, 76,126
// bytes); cmd/cephcsi.go (10,359 bytes) imports
// internal/rbd/driver, which reaches go-ceph's rados and rbd (`#cgo LDFLAGS: -lrados`, `-lrbd` in
// vendor/github.com/ceph/go-ceph/rados/*.go, rbd/*.go). Its Makefile builds with
// `-tags=$(CEPH_VERSION),ceph_preview` (build.env: CEPH_VERSION=squid) on the Ceph image.
const cephCsi: Record<string, string | null> = {
  'go.mod': 'module github.com/ceph/ceph-csi\n\ngo 1.22.5\n\nrequire github.com/ceph/go-ceph v0.30.0\n',
  'vendor/modules.txt': '# github.com/ceph/go-ceph v0.30.0\n## explicit; go 1.19\ngithub.com/ceph/go-ceph/rados\ngithub.com/ceph/go-ceph/rbd\n',
  'vendor/github.com/ceph/go-ceph/rados/rados.go': 'package rados\n\n// #cgo LDFLAGS: -lrados\n// #include <rados/librados.h>\nimport "C"\n\nfunc Version() int { return 0 }\n',
  'vendor/github.com/ceph/go-ceph/rbd/rbd.go': 'package rbd\n\n// #cgo LDFLAGS: -lrbd\n// #include <rbd/librbd.h>\nimport "C"\n\nimport _ "github.com/ceph/go-ceph/rados"\n\nfunc Version() int { return 0 }\n',
  'cmd/cephcsi.go': 'package main\n\nimport (\n\t"fmt"\n\n\trbddriver "github.com/ceph/ceph-csi/internal/rbd/driver"\n)\n\nfunc main() {\n\tfmt.Println(rbddriver.Run())\n}\n',
  'internal/rbd/driver/driver.go': 'package driver\n\nimport (\n\t"github.com/ceph/go-ceph/rados"\n\t"github.com/ceph/go-ceph/rbd"\n)\n\nfunc Run() int { return rados.Version() + rbd.Version() }\n',
};

describe('5. ceph-csi: go-ceph needs Ceph\'s libraries of the right release', () => {
  it('a Check names librados-dev librbd-dev libcephfs-dev and says bookworm\'s Ceph (16) is older than go-ceph expects', async () => {
    const r = await gen(tree(cephCsi, {}));
    const w = r.warnings.find((x) => x.startsWith('github.com/ceph/go-ceph/'));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /binds librados, librbd and libcephfs \(Ceph\)/);
    assert.match(w, /apt-get install -y --no-install-recommends librados-dev librbd-dev libcephfs-dev/);
    assert.match(w, /Debian bookworm's Ceph packages are release 16 \(pacific\)/);
    assert.match(r.dockerfile, /CGO_ENABLED=1/, r.dockerfile);
  });
});
