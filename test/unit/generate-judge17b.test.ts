/**
 * The generator on real repositories of round 17, second pass (helper "gen36b"): each case is a
 * small skeleton of a real repository (the files, go.mod and the few lines that matter), with its
 * repository, commit and licence above it, plus the variants that keep the old behaviour where it
 * is right. Every generated Dockerfile is linted against its workspace: expected clean.
 *
 * 1. A module's own vendor/ (`go mod vendor`) under a go.work: built alone (GOWORK=off) from
 *    vendor/; a workspace's vendor/ (`go work vendor`, `## workspace`) stays a workspace build.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { selfCheck } from '../../server/src/driver/selfCheck';
import { loadWorkspace } from '../../server/src/workspace/load';
import { modulesTxtIsForWorkspace } from '../../server/src/workspace/vendor';

const { workspace, gen } = generatorTrees('judge17b');

/** Generates and lints the result against the workspace with the generated .dockerignore: expected clean. */
async function genClean(dir: string, options = {}) {
  const r = await gen(dir, options);
  assert.deepEqual(await selfCheck(r, loadWorkspace(dir)), [], r.dockerfile);
  return r;
}
const goBuildRun = (df: string) => /^RUN [^\n]*(?:\\\n[^\n]*)*go build [^\n]*$/m.exec(df)?.[0] ?? '';

// kubeedge/kubeedge at 16cd8548eedb81af293b94f27844144c080eaa89 (Apache-2.0): go.work (`go
// 1.23.12`, `use . ./staging/src/github.com/kubeedge/{api,beehive,mapper-framework}`), the root
// module requires api and beehive v0.0.0 with `replace … => ./staging/src/github.com/kubeedge/…`,
// vendor/ checked in, written by `go mod vendor` (modules.txt: `# github.com/kubeedge/api v0.0.0
// => ./staging/…`, `## explicit; go 1.23`, no `## workspace`; vendor/github.com/kubeedge/* are
// links into staging/), hack/make-rules/build.sh `export GOWORK=off`; cloud/cmd/cloudcore is a
// main package; staging beehive's test/cmd is one too.
const STAGING = 'staging/src/github.com/kubeedge';
const MODULE_VENDOR = `# github.com/kubeedge/api v0.0.0 => ./${STAGING}/api\n## explicit; go 1.23\ngithub.com/kubeedge/api/apis/componentconfig/cloudcore/v1alpha1\n# github.com/kubeedge/beehive v0.0.0 => ./${STAGING}/beehive\n## explicit; go 1.23\ngithub.com/kubeedge/beehive/pkg/core\n# k8s.io/klog/v2 v2.130.1\n## explicit; go 1.21\nk8s.io/klog/v2\n`;
/** What `go work vendor` writes: `## workspace` first, then each workspace module marked `## workspace`. */
const WORKSPACE_VENDOR = `## workspace\n# k8s.io/klog/v2 v2.130.1\n## explicit; go 1.21\nk8s.io/klog/v2\n# github.com/kubeedge/kubeedge\n## workspace\n# github.com/kubeedge/api => ./${STAGING}/api\n## workspace\n# github.com/kubeedge/beehive => ./${STAGING}/beehive\n## workspace\n`;
function kubeedge(modulesTxt: string, files: Record<string, string> = {}): string {
  return workspace({
    'go.work': `go 1.23.12\n\nuse (\n\t.\n\t./${STAGING}/api\n\t./${STAGING}/beehive\n)\n`,
    'go.mod': `module github.com/kubeedge/kubeedge\n\ngo 1.23.12\n\nrequire (\n\tgithub.com/kubeedge/api v0.0.0\n\tgithub.com/kubeedge/beehive v0.0.0\n\tk8s.io/klog/v2 v2.130.1\n)\n\nreplace (\n\tgithub.com/kubeedge/api => ./${STAGING}/api\n\tgithub.com/kubeedge/beehive => ./${STAGING}/beehive\n)\n`,
    'go.sum': '',
    'vendor/modules.txt': modulesTxt,
    'vendor/k8s.io/klog/v2/klog.go': 'package klog\n\nfunc Info(args ...any) {}\n',
    'cloud/cmd/cloudcore/cloudcore.go': 'package main\n\nimport (\n\t"github.com/kubeedge/api/apis/componentconfig/cloudcore/v1alpha1"\n\t"github.com/kubeedge/beehive/pkg/core"\n\t"k8s.io/klog/v2"\n)\n\nfunc main() {\n\tklog.Info(v1alpha1.GroupName)\n\tcore.Run()\n}\n',
    [`${STAGING}/api/go.mod`]: 'module github.com/kubeedge/api\n\ngo 1.23\n',
    [`${STAGING}/api/go.sum`]: '',
    [`${STAGING}/api/apis/componentconfig/cloudcore/v1alpha1/types.go`]: 'package v1alpha1\n\nconst GroupName = "cloudcore"\n',
    [`${STAGING}/beehive/go.mod`]: 'module github.com/kubeedge/beehive\n\ngo 1.23\n\nrequire k8s.io/klog/v2 v2.130.1\n',
    [`${STAGING}/beehive/go.sum`]: '',
    [`${STAGING}/beehive/pkg/core/core.go`]: 'package core\n\nimport "k8s.io/klog/v2"\n\nfunc Run() { klog.Info("run") }\n',
    [`${STAGING}/beehive/test/cmd/main.go`]: 'package main\n\nimport "github.com/kubeedge/beehive/pkg/core"\n\nfunc main() { core.Run() }\n',
    'hack/make-rules/build.sh': '#!/usr/bin/env bash\nset -o errexit\n\nKUBEEDGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"\nsource "${KUBEEDGE_ROOT}/hack/lib/init.sh"\n\nkubeedge::golang::setup_env\nexport GOWORK=off\nkubeedge::golang::build_binaries "$@"\n',
    ...files,
  });
}

describe('1. a module vendor/ under a go.work', () => {
  it('modules.txt tells `go work vendor` from `go mod vendor`', () => {
    assert.equal(modulesTxtIsForWorkspace(WORKSPACE_VENDOR), true);
    assert.equal(modulesTxtIsForWorkspace(WORKSPACE_VENDOR.replace(/\n/g, '\r\n')), true);
    assert.equal(modulesTxtIsForWorkspace(MODULE_VENDOR), false);
    assert.equal(modulesTxtIsForWorkspace(''), false);
  });

  it('kubeedge: the root module vendored by `go mod vendor` → GOWORK=off with -mod=vendor, citing the project\'s GOWORK=off; lint-clean', async () => {
    const r = await genClean(kubeedge(MODULE_VENDOR), { package: 'cloud/cmd/cloudcore' });
    const run = goBuildRun(r.dockerfile);
    assert.match(run, /GOWORK=off/, r.dockerfile);
    assert.match(run, /go build -trimpath -mod=vendor .* \.\/cloud\/cmd\/cloudcore$/, r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /go mod download/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('GOWORK=off: vendor/modules.txt was written by `go mod vendor` for github.com/kubeedge/kubeedge alone') && x.includes('GOWORK=off in hack/make-rules/build.sh:8')), r.reasons.join('\n'));
    // The builder follows the module's go line (the workspace is not in effect).
    assert.ok(r.reasons.some((x) => x.includes("go.mod's go line says 1.23.12")), r.reasons.join('\n'));
  });

  it('without a build file that says GOWORK=off, the vendor/ alone decides', async () => {
    const r = await genClean(kubeedge(MODULE_VENDOR, { 'hack/make-rules/build.sh': '#!/bin/sh\nmake all\n' }), { package: 'cloud/cmd/cloudcore' });
    assert.match(goBuildRun(r.dockerfile), /GOWORK=off[^\n]*\n[^\n]*-mod=vendor/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('GOWORK=off: vendor/modules.txt') && !x.includes('as the project builds it')), r.reasons.join('\n'));
  });

  it('negative: a workspace vendor/ (`go work vendor`, `## workspace`) → a workspace build with -mod=vendor, no GOWORK=off', async () => {
    const r = await genClean(kubeedge(WORKSPACE_VENDOR), { package: 'cloud/cmd/cloudcore' });
    const run = goBuildRun(r.dockerfile);
    assert.doesNotMatch(r.dockerfile, /GOWORK=off/, r.dockerfile);
    assert.match(run, /-mod=vendor/, r.dockerfile);
  });

  it('another member of the workspace, with the root module\'s vendor/ at the go.work folder → a workspace build that downloads (the vendor/ is not read)', async () => {
    // Not linted: GD106 takes a vendor/ at the go.work folder for the workspace's (left for GD106).
    const r = await gen(kubeedge(MODULE_VENDOR), { package: `${STAGING}/beehive/test/cmd` });
    assert.doesNotMatch(r.dockerfile, /GOWORK=off|-mod=vendor/, r.dockerfile);
    assert.match(r.dockerfile, /go mod download/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.startsWith('vendor/ is not read: vendor/modules.txt was written by `go mod vendor` for one module')), r.reasons.join('\n'));
  });
});
