/**
 * The generator on real repositories of round 37 (judge G, engineer J52). Each case is a small
 * skeleton of the real repository (the files that matter, with their sizes in the repository,
 * go.mod and the import blocks), with its repository, commit and licence above it, plus variants
 * that keep the old behaviour where it is right.
 *
 * 1. A file the program writes, or a git file of the repository, is not copied into the image as a
 *    file the program reads: openfaas/faas-cli reads AND writes the .gitignore of the folder it
 *    runs in (commands/update_gitignore.go:38); the generated `COPY .gitignore /app/.gitignore`
 *    shipped faas-cli's own development .gitignore, root-owned, and `faas-cli new` failed as user
 *    65532 with "open .gitignore: permission denied" (judge37/G G3).
 * 2. A program that mounts through a mount library runs as root (the fact GD204 reads,
 *    facts/rootNeeds.ts MOUNT_LIBRARY, with a Mount/Unmount call), with a Check that root needs
 *    --privileged to mount: kubernetes-csi/csi-driver-host-path's hostpathplugin was generated with
 *    USER 65532 and stopped at `mkdir /csi-data-dir: permission denied` (judge37/G G1).
 * 3. A client of a CSI driver's unix socket (kubernetes-csi's csi-lib-utils/connection: the
 *    livenessprobe, node-driver-registrar and csi-attacher sidecars): a driver that runs as root
 *    leaves its socket writable by root only, and as uid 65532 the sidecars kept "Still
 *    connecting" (judge37/G G2). Round 37 kept USER 65532 with a Check; since round 38 (judge38/G
 *    G4, external-health-monitor, whose image runs as root like the other sidecars') the image
 *    runs as root and says why (generate-judge38-k53.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge37-j52');

// openfaas/faas-cli at ee4db09a978f9f207c0379283ce4df13529674fb (tag 0.17.6, MIT): go.mod (2,317
// bytes) `module github.com/openfaas/faas-cli`, `go 1.23.0`, spf13/cobra among its requires;
// main.go (406 bytes) calls commands.Execute; .gitignore (257 bytes, faas-cli's own: faas-cli-darwin,
// faas-cli.exe, template, build …); commands/update_gitignore.go (1,120 bytes) lines 35-58:
// `os.OpenFile(".gitignore", os.O_RDWR|os.O_CREATE, 0644)`, `os.ReadFile(".gitignore")`, then
// f.WriteString (called from commands/new_function.go:206 and local_run.go:166).
const updateGitignore = (open: string) => `package commands\n\nimport (\n\t"os"\n\t"strings"\n)\n\nfunc updateContent(content string) string {\n\tlines := strings.Split(content, "\\n")\n\tlines = append(lines, "template", "build", ".secrets")\n\treturn strings.Trim(strings.Join(lines, "\\n"), "\\n")\n}\n\nfunc updateGitignore() (err error) {\n\t// update .gitignore file if it already present otherwise creates it\n\n\tf, err := ${open}\n\tif err != nil {\n\t\treturn err\n\t}\n\n\tdefer f.Close()\n\n\tcontent, err := os.ReadFile(".gitignore")\n\tif err != nil {\n\t\treturn err\n\t}\n\n\t_, err = f.WriteString(updateContent(string(content)) + "\\n")\n\treturn err\n}\n`;
const faasCli: Record<string, string | null> = {
  'go.mod': 'module github.com/openfaas/faas-cli\n\ngo 1.23.0\n\ntoolchain go1.23.3\n\nrequire github.com/spf13/cobra v1.8.1\n',
  'go.sum': 'github.com/spf13/cobra v1.8.1 h1:x=\ngithub.com/spf13/cobra v1.8.1/go.mod h1:y=\n',
  '.gitignore': '**/node_modules/\nbuild\n!contrib/bash/faas-cli\nfaas-cli\nfaas-cli-darwin\nfaas-cli.exe\n\ntemplate\n\n.secrets\n',
  'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/openfaas/faas-cli/commands"\n)\n\nfunc main() {\n\tif len(os.Args) < 1 {\n\t\tfmt.Fprintln(os.Stderr, "no args")\n\t\tos.Exit(1)\n\t}\n\tcommands.Execute(os.Args[1:])\n}\n',
  'commands/faas.go': 'package commands\n\nimport (\n\t"github.com/spf13/cobra"\n)\n\nvar faasCmd = &cobra.Command{Use: "faas-cli"}\n\nfunc Execute(customArgs []string) {\n\tfaasCmd.SetArgs(customArgs)\n\t_ = faasCmd.Execute()\n}\n',
  'commands/new_function.go': 'package commands\n\nimport (\n\t"fmt"\n)\n\nfunc runNewFunction() error {\n\tif err := updateGitignore(); err != nil {\n\t\treturn fmt.Errorf("got unexpected error while updating .gitignore file: %s", err)\n\t}\n\treturn nil\n}\n',
  'commands/update_gitignore.go': updateGitignore('os.OpenFile(".gitignore", os.O_RDWR|os.O_CREATE, 0644)'),
};

describe('1. files the program writes, and git files, are not shipped as files it reads', () => {
  it('faas-cli (reads and writes ./.gitignore): no COPY .gitignore, no reason saying it is read at run time', async () => {
    const r = await gen(tree(faasCli, {}));
    assert.doesNotMatch(r.dockerfile, /\.gitignore/, r.dockerfile);
    assert.ok(!r.reasons.some((x) => x.includes('.gitignore is copied')), r.reasons.join('\n'));
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/faas-cli"\]$/m, r.dockerfile);
  });

  it('a .gitignore the program only reads is still no data of it (a git file of the repository)', async () => {
    const r = await gen(tree(faasCli, { 'commands/update_gitignore.go': updateGitignore('os.Open(".gitignore")') }));
    assert.doesNotMatch(r.dockerfile, /COPY .*\.gitignore/, r.dockerfile);
  });

  it('another file the program writes (os.WriteFile of the same name) is not copied either', async () => {
    const r = await gen(tree(faasCli, {
      'stack.yml': 'provider:\n  name: openfaas\n',
      'commands/stack.go': 'package commands\n\nimport (\n\t"os"\n)\n\nfunc saveStack(b []byte) error {\n\tif _, err := os.ReadFile("stack.yml"); err == nil {\n\t\treturn nil\n\t}\n\treturn os.WriteFile("stack.yml", b, 0600)\n}\n',
    }));
    assert.doesNotMatch(r.dockerfile, /COPY stack\.yml/, r.dockerfile);
  });

  it('negative: a file the program only reads (os.ReadFile, os.OpenFile with O_RDONLY) is still copied', async () => {
    const reads = (call: string) => ({
      'stack.yml': 'provider:\n  name: openfaas\n',
      'commands/stack.go': `package commands\n\nimport (\n\t"os"\n)\n\nfunc loadStack() ([]byte, error) {\n\tf, err := ${call}\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer f.Close()\n\treturn os.ReadFile("stack.yml")\n}\n\nfunc saveOther(b []byte) error {\n\treturn os.WriteFile("other.yml", b, 0600)\n}\n`,
    });
    for (const call of ['os.Open("stack.yml")', 'os.OpenFile("stack.yml", os.O_RDONLY, 0)']) {
      const r = await gen(tree(faasCli, reads(call)));
      assert.match(r.dockerfile, /^COPY stack\.yml \/app\/stack\.yml$/m, `${call}\n${r.dockerfile}`);
    }
  });
});

// kubernetes-csi/csi-driver-host-path at fd04e6e0ba610170ec488864ded0df919986ebdf (tag v1.16.1,
// Apache-2.0): go.mod (4,112 bytes) `module github.com/kubernetes-csi/csi-driver-host-path`, `go
// 1.23.1`, k8s.io/utils among its requires; cmd/hostpathplugin/main.go (6,047 bytes) imports
// pkg/hostpath; pkg/hostpath/nodeserver.go (18,228 bytes) line 32 `"k8s.io/utils/mount"`, :67
// `mounter := mount.New("")`, :144 `mounter.Mount(loopDevice, targetPath, "", options)`; its
// Dockerfile:15-21 runs it as root on alpine with util-linux.
const nodeserver = (body: string) => `package hostpath\n\nimport (\n\t"k8s.io/utils/mount"\n)\n\nfunc NodePublish(targetPath, path string, options []string) error {\n\tmounter := mount.New("")\n${body}\treturn nil\n}\n`;
const hostpath: Record<string, string | null> = {
  'go.mod': 'module github.com/kubernetes-csi/csi-driver-host-path\n\ngo 1.23.1\n\nrequire k8s.io/utils v0.0.0-20241210054802-24370beab758\n',
  'go.sum': 'k8s.io/utils v0.0.0-20241210054802-24370beab758 h1:x=\nk8s.io/utils v0.0.0-20241210054802-24370beab758/go.mod h1:y=\n',
  'cmd/hostpathplugin/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n\n\t"github.com/kubernetes-csi/csi-driver-host-path/pkg/hostpath"\n)\n\nvar endpoint = flag.String("endpoint", "unix://tmp/csi.sock", "CSI endpoint")\n\nfunc main() {\n\tflag.Parse()\n\tif err := hostpath.NodePublish(*endpoint, "/csi-data-dir", nil); err != nil {\n\t\tfmt.Fprintln(os.Stderr, err)\n\t\tos.Exit(1)\n\t}\n}\n',
  'pkg/hostpath/nodeserver.go': nodeserver('\tif err := mounter.Mount(path, targetPath, "", options); err != nil {\n\t\treturn err\n\t}\n'),
};

describe('2. a program that mounts runs as root', () => {
  it('hostpathplugin (Mount on k8s.io/utils/mount): USER 0:0 with its reason, and a Check that it needs --privileged', async () => {
    const r = await gen(tree(hostpath, {}), { package: 'cmd/hostpathplugin' });
    assert.match(r.dockerfile, /\n# Root: the program needs it \(see the header\)\.\nUSER 0:0\n/, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /USER 65532/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Runs as root (USER 0:0') && x.includes('mounts filesystems through k8s.io/utils/mount (Mount in pkg/hostpath/nodeserver.go)')), r.reasons.join('\n'));
    assert.ok(r.warnings.some((w) => w.startsWith('USER 0:0 (root), not 65532: ') && w.includes('--privileged')), r.warnings.join('\n'));
  });

  // umputun/tg-spam (regression set) app/main.go:645 `output, err := exec.Command("mount").Output()`
  // lists the mounts to see whether a folder is a volume; its Dockerfile:44 runs it as USER app.
  it('negative: a mount tool run by name (tg-spam lists the mounts): USER 65532:65532, as before', async () => {
    const r = await gen(tree(hostpath, {
      'go.mod': 'module github.com/kubernetes-csi/csi-driver-host-path\n\ngo 1.23.1\n',
      'go.sum': null,
      'pkg/hostpath/nodeserver.go': 'package hostpath\n\nimport (\n\t"os/exec"\n\t"strings"\n)\n\nfunc NodePublish(targetPath, path string, options []string) error {\n\toutput, err := exec.Command("mount").Output()\n\tif err != nil || !strings.Contains(string(output), path) {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
    }), { package: 'cmd/hostpathplugin' });
    assert.match(r.dockerfile, /^USER 65532:65532$/m, r.dockerfile);
  });

  it('negative: the mount library only read (IsLikelyNotMountPoint), or no mount at all: USER 65532:65532', async () => {
    for (const body of ['\tif _, err := mounter.IsLikelyNotMountPoint(targetPath); err != nil {\n\t\treturn err\n\t}\n', '\t_ = mounter\n']) {
      const r = await gen(tree(hostpath, { 'pkg/hostpath/nodeserver.go': nodeserver(body) }), { package: 'cmd/hostpathplugin' });
      assert.match(r.dockerfile, /^USER 65532:65532$/m, `${body}\n${r.dockerfile}`);
      assert.ok(!r.warnings.some((w) => w.includes('mounts filesystems')), r.warnings.join('\n'));
    }
  });
});

// kubernetes-csi/livenessprobe at 5022ba7d587840cd84abd3706c610754ccdb3d4d (tag v2.15.0,
// Apache-2.0): go.mod (2,452 bytes) `module github.com/kubernetes-csi/livenessprobe`, `go 1.23.1`,
// `github.com/kubernetes-csi/csi-lib-utils v0.20.0`; cmd/livenessprobe/main.go (6,647 bytes) line 33
// `connlib "github.com/kubernetes-csi/csi-lib-utils/connection"`, :46 `flag.String("csi-address",
// "/run/csi/socket", …)`, :127 `connlib.Connect(ctx, *csiAddress, metricsManager, …)`.
const livenessMain = (imp: string, call: string) => `package main\n\nimport (\n\t"context"\n\t"flag"\n\t"net/http"\n\n${imp})\n\nvar (\n\tcsiAddress = flag.String("csi-address", "/run/csi/socket", "Address of the CSI driver socket.")\n\thealthzPort = flag.String("health-port", "9808", "TCP port for healthz requests")\n)\n\nfunc main() {\n\tflag.Parse()\n\tctx := context.Background()\n${call}\t_ = http.ListenAndServe(":"+*healthzPort, nil)\n}\n`;
const liveness: Record<string, string | null> = {
  'go.mod': 'module github.com/kubernetes-csi/livenessprobe\n\ngo 1.23.1\n\nrequire github.com/kubernetes-csi/csi-lib-utils v0.20.0\n',
  'go.sum': 'github.com/kubernetes-csi/csi-lib-utils v0.20.0 h1:x=\ngithub.com/kubernetes-csi/csi-lib-utils v0.20.0/go.mod h1:y=\n',
  'cmd/livenessprobe/main.go': livenessMain('\tconnlib "github.com/kubernetes-csi/csi-lib-utils/connection"\n', '\tcsiConn, err := connlib.Connect(ctx, *csiAddress, nil)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\t_ = csiConn\n'),
};

describe('3. a client of a CSI driver socket', () => {
  it('livenessprobe (csi-lib-utils/connection): root, with the root-owned socket as the reason', async () => {
    const r = await gen(tree(liveness, {}), { package: 'cmd/livenessprobe' });
    assert.ok(r.reasons.some((w) => w.startsWith('Runs as root (USER 0:0, with the reason in a comment above it): cmd/livenessprobe imports github.com/kubernetes-csi/csi-lib-utils/connection and connects to a CSI driver\'s unix socket')), r.reasons.join('\n'));
    assert.match(r.dockerfile, /^USER 0:0$/m, r.dockerfile);
  });

  it('negative: without the connection package (csi-lib-utils/rpc only): no such Check', async () => {
    const r = await gen(tree(liveness, { 'cmd/livenessprobe/main.go': livenessMain('\t"github.com/kubernetes-csi/csi-lib-utils/rpc"\n', '\t_ = rpc.GetDriverName\n\t_ = ctx\n\t_ = csiAddress\n') }), { package: 'cmd/livenessprobe' });
    assert.ok(!r.warnings.some((w) => w.includes('CSI driver')), r.warnings.join('\n'));
    assert.match(r.dockerfile, /^USER 65532:65532$/m, r.dockerfile);
  });
});
