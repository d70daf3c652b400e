/**
 * The generator on real repositories of round 17 (helper "gen36"): each case is a small skeleton
 * of a real repository (the files, go.mod and the few Go, YAML or script lines that matter), with
 * its repository, commit and licence above it, plus the variants that keep the old behaviour where
 * it is right.
 *
 * 1. Programs that must run as root (facts/rootNeeds.ts, GD204's fact): the project's Kubernetes
 *    manifests run it with host access (kube-bench's job*.yaml), a pod spec its own sources build
 *    runs it privileged (longhorn-manager's CSI DaemonSet), or it is a container runtime client.
 *    The image runs as root, says why, and stays lint-clean.
 * 2. Build tags every build of the package passes (kine's scripts/build and scripts/buildx:
 *    `-tags nats`): the generated build passes them; builds that disagree get a Check.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { goHostWorkloads } from '../../server/src/facts/rootNeeds';

const { workspace, gen, genClean } = generatorTrees('judge17');


// aquasecurity/kube-bench at a73ce378418c71c5861e6963753f50dec3badadf (Apache-2.0): the main
// package at the root (main.go, cmd/ with `exec.Command("/bin/ps", …)`), and job.yaml, a Job
// whose container runs `command: ["kube-bench"]` with `hostPID: true` and hostPath volumes of
// /var/lib/etcd, /var/lib/kubelet, /etc/kubernetes … (read-only), no securityContext.
const KUBE_BENCH_JOB = (extra = '') => `---
apiVersion: batch/v1
kind: Job
metadata:
  name: kube-bench
spec:
  template:
    spec:
      containers:
        - command: ["kube-bench"]
          image: docker.io/aquasec/kube-bench:v0.15.6
          name: kube-bench
${extra}          volumeMounts:
            - mountPath: /var/lib/etcd
              name: var-lib-etcd
              readOnly: true
            - mountPath: /etc/kubernetes
              name: etc-kubernetes
              readOnly: true
      hostPID: true
      restartPolicy: Never
      volumes:
        - name: var-lib-etcd
          hostPath:
            path: "/var/lib/etcd"
        - name: etc-kubernetes
          hostPath:
            path: "/etc/kubernetes"
`;
function kubeBench(job: string | null = KUBE_BENCH_JOB()): string {
  return workspace({
    'go.mod': 'module github.com/aquasecurity/kube-bench\n\ngo 1.26\n\nrequire github.com/spf13/cobra v1.9.1\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport "github.com/aquasecurity/kube-bench/cmd"\n\nfunc main() {\n\tcmd.Execute()\n}\n',
    'cmd/root.go': 'package cmd\n\nimport (\n\t"os/exec"\n\n\t"github.com/spf13/cobra"\n)\n\nvar RootCmd = &cobra.Command{\n\tUse: "kube-bench",\n\tRun: func(cmd *cobra.Command, args []string) {\n\t\t_ = exec.Command("/bin/ps", "-C", "kubelet").Run()\n\t},\n}\n\nfunc Execute() {\n\t_ = RootCmd.Execute()\n}\n',
    ...(job !== null ? { 'job.yaml': job } : {}),
  });
}

// longhorn/longhorn-manager at 5ddaa369fa7e3b0da9ee9fd42dbec24e25f793f6 (Apache-2.0): main.go
// runs app's urfave/cli commands; csi/deployment.go `NewPluginDeployment` builds a DaemonSet whose
// container `Image: managerImage` has `SecurityContext: &corev1.SecurityContext{Privileged:
// ptr.To(true), …}` and `Args: []string{"longhorn-manager", "-d", "csi", …}` (no Command), with
// /dev, /proc, /sys of the host mounted; app/get_proc_arg.go's detection pod runs `/bin/bash` of
// the same image with `HostPID: true` and `Privileged: &privileged` (`privileged := true`).
const LONGHORN_CSI = (security: string, run: string) => `package csi

import (
\t"fmt"

\tcorev1 "k8s.io/api/core/v1"
\t"k8s.io/utils/ptr"
)

func NewPluginDeployment(managerImage, registrarImage string) *corev1.PodSpec {
\treturn &corev1.PodSpec{
\t\tContainers: []corev1.Container{
\t\t\t{
\t\t\t\tName:  "node-driver-registrar",
\t\t\t\tImage: registrarImage,
\t\t\t\tLifecycle: &corev1.Lifecycle{
\t\t\t\t\tPreStop: &corev1.LifecycleHandler{
\t\t\t\t\t\tExec: &corev1.ExecAction{
\t\t\t\t\t\t\tCommand: []string{"/bin/sh", "-c", fmt.Sprintf("rm -rf %s/*", "/csi")},
\t\t\t\t\t\t},
\t\t\t\t\t},
\t\t\t\t},
\t\t\t\tSecurityContext: &corev1.SecurityContext{
\t\t\t\t\tPrivileged: ptr.To(true),
\t\t\t\t},
\t\t\t\tArgs: []string{"--v=2", "--csi-address=$(ADDRESS)"},
\t\t\t},
\t\t\t{
\t\t\t\tName: "longhorn-csi-plugin",
\t\t\t\tSecurityContext: &corev1.SecurityContext{
${security}\t\t\t\t},
\t\t\t\tImage: managerImage,
${run}\t\t\t},
\t\t},
\t}
}
`;
const CSI_ARGS = '\t\t\t\tArgs: []string{\n\t\t\t\t\t"longhorn-manager",\n\t\t\t\t\t"-d",\n\t\t\t\t\t"csi",\n\t\t\t\t\t"--nodeid=$(NODE_ID)",\n\t\t\t\t},\n';
const PRIVILEGED = '\t\t\t\t\tPrivileged: ptr.To(true),\n\t\t\t\t\tCapabilities: &corev1.Capabilities{Add: []corev1.Capability{"SYS_ADMIN"}},\n';
const DETECTION = 'package app\n\nimport corev1 "k8s.io/api/core/v1"\n\nconst script = `\n    find_kubelet_cmdline() {\n      for proc in $(find /proc -maxdepth 1 -type d); do\n        echo "{"\n      done\n    }\n`\n\nfunc detectionPod(managerImage string) *corev1.Pod {\n\tprivileged := true\n\treturn &corev1.Pod{\n\t\tSpec: corev1.PodSpec{\n\t\t\tContainers: []corev1.Container{\n\t\t\t\t{\n\t\t\t\t\tName:    "discover-proc-kubelet-cmdline",\n\t\t\t\t\tImage:   managerImage,\n\t\t\t\t\tCommand: []string{"/bin/bash"},\n\t\t\t\t\tArgs:    []string{"-c", script},\n\t\t\t\t\tSecurityContext: &corev1.SecurityContext{\n\t\t\t\t\t\tPrivileged: &privileged,\n\t\t\t\t\t},\n\t\t\t\t},\n\t\t\t},\n\t\t\tHostPID: true,\n\t\t},\n\t}\n}\n';
function longhorn(csi: string = LONGHORN_CSI(PRIVILEGED, CSI_ARGS)): string {
  return workspace({
    'go.mod': 'module github.com/longhorn/longhorn-manager\n\ngo 1.26\n\nrequire (\n\tgithub.com/urfave/cli/v3 v3.3.8\n\tk8s.io/api v0.33.0\n\tk8s.io/utils v0.0.0-20250604170112-4c0f3b243397\n)\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/longhorn/longhorn-manager/app"\n\t"github.com/urfave/cli/v3"\n)\n\nfunc main() {\n\ta := &cli.Command{Name: "longhorn-manager", Commands: []*cli.Command{app.DaemonCmd(), app.CSICommand()}}\n\t_ = a.Run(context.Background(), os.Args)\n}\n',
    'app/daemon.go': 'package app\n\nimport (\n\t"context"\n\n\t"github.com/urfave/cli/v3"\n)\n\nfunc DaemonCmd() *cli.Command {\n\treturn &cli.Command{\n\t\tName: "daemon",\n\t\tAction: func(ctx context.Context, c *cli.Command) error {\n\t\t\t_ = detectionPod("longhornio/longhorn-manager")\n\t\t\treturn nil\n\t\t},\n\t}\n}\n',
    'app/csi.go': 'package app\n\nimport (\n\t"context"\n\n\t"github.com/longhorn/longhorn-manager/csi"\n\t"github.com/urfave/cli/v3"\n)\n\nfunc CSICommand() *cli.Command {\n\treturn &cli.Command{\n\t\tName: "csi",\n\t\tAction: func(ctx context.Context, c *cli.Command) error {\n\t\t\t_ = csi.NewPluginDeployment("longhornio/longhorn-manager", "registrar")\n\t\t\treturn nil\n\t\t},\n\t}\n}\n',
    'app/get_proc_arg.go': DETECTION,
    'csi/deployment.go': csi,
  });
}

describe('1. programs that must run as root', () => {
  it('kube-bench: job.yaml runs kube-bench with hostPID and host folders → USER 0:0, the manifest cited, lint-clean', async () => {
    const r = await genClean(kubeBench());
    assert.match(r.dockerfile, /^# It runs as root: job\.yaml:10 runs kube-bench with hostPID, hostPath \/var\/lib\/etcd, hostPath \/etc\/kubernetes and no non-root securityContext/m, r.dockerfile);
    assert.match(r.dockerfile, /^# Root: the program needs it \(see the header\)\.\nUSER 0:0$/m, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /65532|ENV HOME/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('Runs as root (USER 0:0, with the reason in a comment above it): job.yaml:10 runs kube-bench')), r.reasons.join('\n'));
    assert.ok(!r.reasons.some((x) => x.startsWith('Non-root')), r.reasons.join('\n'));
  });

  it('negative: no manifest, a manifest with runAsNonRoot, or one running another program → non-root as before', async () => {
    for (const job of [null, KUBE_BENCH_JOB('          securityContext:\n            runAsNonRoot: true\n            runAsUser: 1000\n'), KUBE_BENCH_JOB().replace('["kube-bench"]', '["etcd-check"]')]) {
      const r = await genClean(kubeBench(job));
      assert.match(r.dockerfile, /^USER 65532:65532$/m, r.dockerfile);
      assert.doesNotMatch(r.dockerfile, /runs as root/, r.dockerfile);
    }
  });

  it('longhorn-manager: its own CSI DaemonSet runs `longhorn-manager -d csi` privileged → USER 0:0, and a Check about args with no command', async () => {
    const r = await genClean(longhorn());
    assert.match(r.dockerfile, /^# It runs as root: csi\/deployment\.go:\d+ runs longhorn-manager \(args longhorn-manager -d csi …\) with privileged and no non-root securityContext/m, r.dockerfile);
    assert.match(r.dockerfile, /^USER 0:0$/m, r.dockerfile);
    assert.ok(r.warnings.some((w) => /^csi\/deployment\.go:\d+ deploys a container that runs `longhorn-manager -d csi --nodeid=\$\(NODE_ID\)` as its args, with no command: .*ENTRYPOINT \["\/usr\/local\/bin\/longhorn-manager"\]/.test(w)), r.warnings.join('\n'));
  });

  it('longhorn-manager: the detection pod (/bin/bash, hostPID) and the registrar (its own args) are not this program', () => {
    const files = [{ dir: 'app', files: [{ file: 'get_proc_arg.go', text: DETECTION }] }, { dir: 'csi', files: [{ file: 'deployment.go', text: LONGHORN_CSI(PRIVILEGED, CSI_ARGS) }] }];
    const found = goHostWorkloads(files).map((w) => `${w.file} ${w.command} ${w.access.join('+')}${w.argsOnly ? ' args-only' : ''}`);
    assert.deepEqual(found, ['app/get_proc_arg.go /bin/bash privileged+hostPID', 'csi/deployment.go --v=2 privileged args-only', 'csi/deployment.go longhorn-manager privileged args-only']);
  });

  it('negative: the CSI container without Privileged, or with runAsNonRoot → non-root', async () => {
    for (const security of ['\t\t\t\t\tAllowPrivilegeEscalation: ptr.To(false),\n', PRIVILEGED + '\t\t\t\t\tRunAsNonRoot: ptr.To(true),\n']) {
      const r = await genClean(longhorn(LONGHORN_CSI(security, CSI_ARGS)));
      assert.match(r.dockerfile, /^USER 65532:65532$/m, r.dockerfile);
    }
  });

  it('a container runtime client (k8s.io/cri-api runtime v1) → root on distroless (USER 0:0 over the :nonroot tag)', async () => {
    const dir = workspace({
      'go.mod': 'module example.com/nodeagent\n\ngo 1.26\n\nrequire k8s.io/cri-api v0.33.0\n',
      'go.sum': '',
      'main.go': 'package main\n\nimport runtimeapi "k8s.io/cri-api/pkg/apis/runtime/v1"\n\nfunc main() {\n\tvar c runtimeapi.RuntimeServiceClient\n\t_ = c\n}\n',
    });
    const r = await genClean(dir);
    assert.match(r.dockerfile, /^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m, r.dockerfile);
    assert.match(r.dockerfile, /^# It runs as root: \. imports k8s\.io\/cri-api\/pkg\/apis\/runtime\/v1, a client of the node's container runtime/m, r.dockerfile);
    assert.match(r.dockerfile, /^USER 0:0$/m, r.dockerfile);
  });
});

// k3s-io/kine at caf32704a06bacda37aec4db49ec432eda567241 (Apache-2.0): main.go at the root;
// pkg/drivers/nats/server/server.go `//go:build nats` (the embedded NATS server) beside
// no_server.go `//go:build !nats`; scripts/build `cd $(dirname $0)/..` then `CGO_ENABLED=${CGO_ENABLED:-1}
// CGO_CFLAGS="-DSQLITE_USE_ALLOCA=1" go build -ldflags "$LINKFLAGS $OTHER_LINKFLAGS" -tags nats -o
// bin/kine${NOCGO}`; scripts/buildx the same with xx-go; scripts/test-helpers `go test -c -tags nats`;
// the Makefile builds through `docker build` only.
const KINE_BUILD = (tags: string) => `#!/bin/bash\n# Builds kine for the HOST architecture and OS\nset -ex\n\nsource $(dirname $0)/version\n\ncd $(dirname $0)/..\n\nmkdir -p bin\n\nif [ "$(uname)" = "Linux" ]; then\n    OTHER_LINKFLAGS="-extldflags -static -s"\nfi\n\nLINKFLAGS="-X github.com/k3s-io/kine/pkg/version.Version=$VERSION"\n\necho Building Kine\nCGO_ENABLED=\${CGO_ENABLED:-1} CGO_CFLAGS="-DSQLITE_USE_ALLOCA=1" go build -ldflags "$LINKFLAGS $OTHER_LINKFLAGS" ${tags}-o bin/kine\${NOCGO}\n`;
function kine(files: Record<string, string> = {}): string {
  return workspace({
    'go.mod': 'module github.com/k3s-io/kine\n\ngo 1.25.1\n\nrequire github.com/nats-io/nats-server/v2 v2.14.0\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport "github.com/k3s-io/kine/pkg/drivers/nats/server"\n\nfunc main() {\n\tserver.New()\n}\n',
    'pkg/drivers/nats/server/server.go': '//go:build nats\n\npackage server\n\nimport natsserver "github.com/nats-io/nats-server/v2/server"\n\nfunc New() { _ = natsserver.Options{} }\n',
    'pkg/drivers/nats/server/no_server.go': '//go:build !nats\n\npackage server\n\nfunc New() {}\n',
    'scripts/build': KINE_BUILD('-tags nats '),
    'scripts/buildx': KINE_BUILD('-tags nats ').replace(' go build ', ' xx-go build '),
    'scripts/test-helpers': '#!/bin/bash\ngo test -c -o bin/ -tags nats ./pkg/storage/etcd3/...\n',
    'scripts/version': '#!/bin/bash\nVERSION=dev\n',
    Makefile: 'build:\n\tDOCKER_BUILDKIT=1 docker build -f Dockerfile --target=binary --output=. .\n',
    ...files,
  });
}
/** The 1-based line of kine's go build in scripts/build. */
const KINE_LINE = KINE_BUILD('').split('\n').findIndex((l) => l.includes(' go build ')) + 1;
const goBuildLine = (df: string) => df.split('\n').find((l) => /^\s*go build /.test(l)) ?? '';

describe('2. build tags every build of the package passes', () => {
  it('kine: scripts/build and scripts/buildx pass -tags nats for the root package → -tags nats', async () => {
    const r = await genClean(kine());
    assert.match(goBuildLine(r.dockerfile), /^\s*go build -trimpath -tags nats -ldflags="-s -w" -o \/out\/kine \.$/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith(`-tags nats: the project builds with them (scripts/build:${KINE_LINE}; scripts/buildx:${KINE_LINE}: every build of the root package it states)`)), r.reasons.join('\n'));
  });

  it('kine: a Dockerfile at the root that builds the package without tags disagrees → no tags, a Check naming both', async () => {
    const r = await genClean(kine({ 'Dockerfile.alpine': 'FROM golang:1.25-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /kine .\n\nFROM alpine:3.22\nCOPY --from=build /kine /bin/kine\nENTRYPOINT ["/bin/kine"]\n' }));
    assert.doesNotMatch(goBuildLine(r.dockerfile), /-tags/, r.dockerfile);
    assert.ok(r.warnings.some((w) => w.startsWith(`The project's builds of the root package do not all pass the same build tags: -tags nats (scripts/build:${KINE_LINE}, scripts/buildx:${KINE_LINE}); no -tags (Dockerfile.alpine:4).`)), r.warnings.join('\n'));
  });

  it('kine: tags from a variable, or a script that cds where it cannot be followed → no tags', async () => {
    const variable = await genClean(kine({ 'scripts/build': KINE_BUILD('-tags "$TAGS" '), 'scripts/buildx': '#!/bin/sh\necho\n' }));
    assert.doesNotMatch(goBuildLine(variable.dockerfile), /-tags/, variable.dockerfile);
    assert.ok(variable.warnings.some((w) => w.includes(`pass build tags a variable holds: -tags "$TAGS" (a variable) (scripts/build:${KINE_LINE})`)), variable.warnings.join('\n'));
    const lost = await genClean(kine({ 'scripts/build': KINE_BUILD('-tags nats ').replace('cd $(dirname $0)/..', 'cd "$SRC_DIR"'), 'scripts/buildx': '#!/bin/sh\necho\n' }));
    assert.doesNotMatch(goBuildLine(lost.dockerfile), /-tags/, lost.dockerfile);
    assert.ok(!lost.warnings.some((w) => w.includes('build tags')), lost.warnings.join('\n'));
  });

  it('negative: tags only on go test lines, or a script that builds another package', async () => {
    const r = await genClean(kine({ 'scripts/build': '#!/bin/bash\ngo build -tags nats -o bin/tool ./cmd/tool\n', 'scripts/buildx': '#!/bin/sh\necho\n', 'cmd/tool/main.go': 'package main\n\nfunc main() {}\n' }), { package: '.' });
    assert.doesNotMatch(goBuildLine(r.dockerfile), /-tags/, r.dockerfile);
  });
});
