import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, ready } from '../helpers';
import { KUBE_BATCH, MODULES_TXT } from './kit/kubeBatch';
import { find, tempWorkspace } from './kit/realworld';

/**
 * GD219 module-breaks-with-builder-go. The real-world case: kubernetes-sigs/kube-batch 86b2ba2
 * (Apache-2.0, archived 2021), judge 42 Y G1. Its go.mod says `go 1.13` and lists no reflect2; its
 * vendor/modules.txt:93,103 vendors github.com/json-iterator/go v1.1.7 and github.com/modern-go/reflect2
 * v1.0.1, which k8s.io/apimachinery's JSON serializer (vendor/k8s.io/apimachinery/pkg/runtime/
 * serializer/json/json.go) imports. Built with Go ≥ 1.18 the program dies with SIGSEGV in
 * reflect.mapiterinit under reflect2.(*UnsafeMapType).UnsafeIterate (reproduced offline with Go
 * 1.19: /work/coord/judge42/Y/repro/kube-batch-reflect2). The Dockerfile is the one the generator
 * wrote for ./cmd/kube-batch (golang:1.26-bookworm, -mod=vendor). Skeleton: the lines named, the
 * import blocks of the files on the chain (the real one runs from cmd/kube-batch/app through
 * k8s.io/client-go; here one package stands for it).
 */
before(() => ready);

/** The generator's Dockerfile for kube-batch's ./cmd/kube-batch (b01cd4b4), with the builder image as a parameter. */
const dockerfile = (image = 'golang:1.26-bookworm', before: string[] = []): string => df([
  ...before,
  `FROM --platform=$BUILDPLATFORM ${image} AS build`,
  'WORKDIR /src',
  'COPY . .',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  'RUN --mount=type=cache,target=/root/.cache/go-build \\',
  '    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\',
  '    go build -trimpath -mod=vendor -ldflags="-s -w" -o /out/kube-batch ./cmd/kube-batch',
  '',
  'FROM gcr.io/distroless/static-debian12:nonroot',
  'COPY --from=build /out/kube-batch /usr/local/bin/kube-batch',
  'USER 65532:65532',
  'ENTRYPOINT ["/usr/local/bin/kube-batch"]',
]);

describe('GD219 module-breaks-with-builder-go', () => {
  it('kube-batch 86b2ba2: vendored reflect2 v1.0.1, compiled through json-iterator, built with golang:1.26: reported on the builder FROM', () => {
    const text = dockerfile();
    const found = find(text, 'GD219', tempWorkspace(KUBE_BATCH));
    assert.equal(found.length, 1, JSON.stringify(found));
    const [f] = found;
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'golang:1.26-bookworm');
    assert.match(f.message, /^cmd\/kube-batch compiles github\.com\/modern-go\/reflect2 v1\.0\.1 \(vendor\/modules\.txt\), which breaks with Go 1\.18 and newer, and golang:1\.26-bookworm has Go 1\.26: the program crashes when json-iterator/);
    assert.match(f.message, /reflect2 issues #24 and #26, fixed by PR #25 in v1\.0\.2/);
    assert.match(f.message, /`go get github\.com\/modern-go\/reflect2@v1\.0\.2 && go mod vendor`\), or build with Go 1\.17 or older/);
    // Go 1.18 itself (its newest patch) breaks; an ARG default is the image's Go too.
    assert.equal(find(dockerfile('golang:1.18-alpine'), 'GD219', tempWorkspace(KUBE_BATCH)).length, 1);
    assert.equal(find(dockerfile('golang:${GO_VERSION}', ['ARG GO_VERSION=1.22.5']), 'GD219', tempWorkspace(KUBE_BATCH)).length, 1);
  });

  it('negative: reflect2 v1.0.2 vendored, a replaced reflect2, or vendor/ inconsistent with go.mod', () => {
    const fixed = { ...KUBE_BATCH, 'vendor/modules.txt': MODULES_TXT.replace('reflect2 v1.0.1', 'reflect2 v1.0.2') };
    assert.deepEqual(find(dockerfile(), 'GD219', tempWorkspace(fixed)), []);
    const replaced = { ...KUBE_BATCH, 'vendor/modules.txt': MODULES_TXT.replace('# github.com/modern-go/reflect2 v1.0.1', '# github.com/modern-go/reflect2 v1.0.1 => github.com/modern-go/reflect2 v1.0.2') };
    assert.deepEqual(find(dockerfile(), 'GD219', tempWorkspace(replaced)), []);
    // go.mod requires pflag v1.0.6, modules.txt vendors v1.0.5: not the build list go reads.
    const stale = { ...KUBE_BATCH, 'go.mod': KUBE_BATCH['go.mod'].replace('pflag v1.0.5', 'pflag v1.0.6') };
    assert.deepEqual(find(dockerfile(), 'GD219', tempWorkspace(stale)), []);
  });

  it('negative: a builder Go before 1.18, or one not known (golang:latest, golang:1, a tag a variable without a default names, not a golang image), or a GOTOOLCHAIN the Dockerfile sets', () => {
    const ws = tempWorkspace(KUBE_BATCH);
    for (const text of [
      dockerfile('golang:1.17-alpine'),
      dockerfile('golang:1.13'),
      dockerfile('golang:latest'),
      dockerfile('golang:1'),
      dockerfile('golang:${GO_VERSION}-alpine', ['ARG GO_VERSION']),
      dockerfile('example.com/builders/go:1.26'),
      dockerfile().replace('WORKDIR /src', 'ENV GOTOOLCHAIN=go1.17.13\nWORKDIR /src'),
      dockerfile().replace('WORKDIR /src', 'ARG GOTOOLCHAIN\nENV GOTOOLCHAIN=${GOTOOLCHAIN}\nWORKDIR /src'),
    ]) assert.deepEqual(find(text, 'GD219', ws), [], text);
    // GOTOOLCHAIN=local or auto keeps the image's Go (auto only moves to a newer one).
    assert.equal(find(dockerfile().replace('WORKDIR /src', 'ENV GOTOOLCHAIN=local\nWORKDIR /src'), 'GD219', ws).length, 1);
    assert.equal(find(dockerfile().replace('WORKDIR /src', 'ENV GOTOOLCHAIN auto\nWORKDIR /src'), 'GD219', ws).length, 1);
  });

  // bmc-toolbox/dora 4a56adb (Apache-2.0): vendor/modules.txt vendors reflect2 v1.0.1 for json-iterator,
  // which only gin's `jsoniter`-tagged internal/json imports: the program does not compile it.
  it('negative: reflect2 vendored but reached only through a file a custom build tag selects', () => {
    const tagged = {
      ...KUBE_BATCH,
      'vendor/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go': 'package json\n\nimport "encoding/json"\n',
      'vendor/k8s.io/apimachinery/pkg/runtime/serializer/json/jsoniter.go': '//go:build jsoniter\n// +build jsoniter\n\npackage json\n\nimport (\n\tjsoniter "github.com/json-iterator/go"\n)\n',
    };
    assert.deepEqual(find(dockerfile(), 'GD219', tempWorkspace(tagged)), []);
    // The same with the file compiled: reported.
    const plain = { ...tagged, 'vendor/k8s.io/apimachinery/pkg/runtime/serializer/json/jsoniter.go': 'package json\n\nimport (\n\tjsoniter "github.com/json-iterator/go"\n)\n' };
    assert.equal(find(dockerfile(), 'GD219', tempWorkspace(plain)).length, 1);
  });

  // Without vendor/: only a go.mod at go 1.17 or later lists every module of the build (module graph
  // pruning); a `go 1.16` go.mod may leave out the version that is selected.
  it('go.mod without vendor/: reported at go 1.17 when the program imports json-iterator; silent at go 1.16, or when it does not import it', () => {
    const goMod = (go: string) => `module github.com/kubernetes-sigs/kube-batch\n\ngo ${go}\n\nrequire (\n\tgithub.com/json-iterator/go v1.1.7\n\tgithub.com/modern-go/reflect2 v1.0.1 // indirect\n)\n`;
    const main = 'package main\n\nimport (\n\t"fmt"\n\n\tjsoniter "github.com/json-iterator/go"\n)\n\nfunc main() {\n\tb, _ := jsoniter.Marshal(map[string]string{"a": "b"})\n\tfmt.Println(string(b))\n}\n';
    const files = (go: string, program = main) => ({ 'go.mod': goMod(go), 'cmd/kube-batch/main.go': program });
    const text = dockerfile().replace(' -mod=vendor', '');
    const [f, ...rest] = find(text, 'GD219', tempWorkspace(files('1.17')));
    assert.equal(rest.length, 0);
    assert.match(f.message, /compiles github\.com\/modern-go\/reflect2 v1\.0\.1 \(go\.mod:7\)/);
    assert.match(f.message, /`go get github\.com\/modern-go\/reflect2@v1\.0\.2`\)/);
    assert.deepEqual(find(text, 'GD219', tempWorkspace(files('1.16'))), []);
    assert.deepEqual(find(text, 'GD219', tempWorkspace(files('1.17', 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n'))), []);
  });

  // openflagr/flagr (Apache-2.0): go.mod `go 1.26` lists go4.org/unsafe/assume-no-moving-gc
  // v0.0.0-20220617031537-928513b29760 // indirect, and its golang:1.26-alpine image works: no
  // package of the program links it. A program that imports inet.af/netaddr does.
  it('assume-no-moving-gc: silent when the program imports nothing that links it, or the Dockerfile sets the escape variable', () => {
    const goMod = 'module github.com/openflagr/flagr\n\ngo 1.26\n\nrequire (\n\tgo4.org/unsafe/assume-no-moving-gc v0.0.0-20220617031537-928513b29760 // indirect\n\tinet.af/netaddr v0.0.0-20220617031823-097006376321\n)\n';
    const plain = { 'go.mod': goMod, 'cmd/kube-batch/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("flagr") }\n' };
    const text = dockerfile().replace(' -mod=vendor', '');
    assert.deepEqual(find(text, 'GD219', tempWorkspace(plain)), []);
    const netaddr = { ...plain, 'cmd/kube-batch/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\t"inet.af/netaddr"\n)\n\nfunc main() { fmt.Println(netaddr.IPv4(127, 0, 0, 1)) }\n' };
    const [f] = find(text, 'GD219', tempWorkspace(netaddr));
    assert.ok(f, 'netaddr links assume-no-moving-gc');
    assert.match(f.message, /go4\.org\/unsafe\/assume-no-moving-gc v0\.0\.0-20220617031537-928513b29760 \(go\.mod:6\), which breaks with Go 1\.21 and newer/);
    assert.deepEqual(find(text.replace('USER 65532:65532', 'ENV ASSUME_NO_MOVING_GC_UNSAFE_RISK_IT_WITH=go1.26\nUSER 65532:65532'), 'GD219', tempWorkspace(netaddr)), []);
  });
});
