/**
 * Judge 42 Y G1: kubernetes-sigs/kube-batch 86b2ba2 (Apache-2.0) ./cmd/kube-batch. go.mod says
 * `go 1.13` and lists no reflect2; vendor/modules.txt:93,103 vendors json-iterator v1.1.7 with
 * modern-go/reflect2 v1.0.1, which k8s.io/apimachinery's JSON serializer imports. The generator raised
 * the builder to golang:1.26 and said nothing, and the image crashes (SIGSEGV in reflect.mapiterinit,
 * reproduced with Go 1.19: /work/coord/judge42/Y/repro/kube-batch-reflect2). The newest Go reflect2
 * v1.0.1 works with (1.17) is long out of support, so the builder stays and a Check says the program
 * crashes until the module is upgraded (facts/knownBreaks.ts, the table GD219 reads).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
// The skeleton: test/unit/rules/kit/kubeBatch.ts, shared with the GD219 test.
import { KUBE_BATCH, MODULES_TXT } from './rules/kit/kubeBatch';

const { gen, tree } = generatorTrees('judge42-f57');

describe('judge 42 Y G1: a vendored reflect2 v1.0.1 the program compiles, under a raised builder (kubernetes-sigs/kube-batch 86b2ba2)', () => {
  const check = 'vendor/modules.txt vendors github.com/modern-go/reflect2 v1.0.1: with Go 1.18 or newer (the builder has Go 1.26, not 1.13; Go 1.17, the newest it works with, is out of support) the program crashes when json-iterator';
  it('keeps the supported builder and says the program crashes until reflect2 is upgraded', async () => {
    const r = await gen(tree(KUBE_BATCH, {}));
    assert.match(r.dockerfile, /^FROM --platform=\$BUILDPLATFORM golang:1\.26-bookworm AS build$/m, r.dockerfile);
    assert.match(r.dockerfile, /^# github\.com\/modern-go\/reflect2 v1\.0\.1 breaks with Go 1\.18\+ \(fixed in v1\.0\.2\)/m, r.dockerfile);
    const w = r.warnings.find((x) => x.startsWith(check));
    assert.ok(w, r.warnings.join('\n'));
    assert.match(w, /and so it will until the module is upgraded; v1\.0\.2 fixed it\. Make sure the build uses v1\.0\.2 or newer: go get github\.com\/modern-go\/reflect2@v1\.0\.2 && go mod vendor$/);
  });
  it('negative: reflect2 v1.0.2 vendored, or reached only through a file a custom build tag selects (bmc-toolbox/dora)', async () => {
    const fixed = await gen(tree(KUBE_BATCH, { 'vendor/modules.txt': MODULES_TXT.replace('reflect2 v1.0.1', 'reflect2 v1.0.2') }));
    assert.ok(!fixed.warnings.some((x) => x.includes('reflect2')), fixed.warnings.join('\n'));
    const tagged = await gen(tree(KUBE_BATCH, {
      'vendor/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go': 'package json\n\nimport "encoding/json"\n',
      'vendor/k8s.io/apimachinery/pkg/runtime/serializer/json/jsoniter.go': '//go:build jsoniter\n\npackage json\n\nimport jsoniter "github.com/json-iterator/go"\n',
    }));
    assert.ok(!tagged.warnings.some((x) => x.includes('reflect2')), tagged.warnings.join('\n'));
  });
});
