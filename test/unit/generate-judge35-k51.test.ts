/**
 * A go line out of support is raised to the oldest supported Go (engineer H51, 43fce55); the
 * module's requirements may pin versions that break with that newer Go. For those known from
 * their maintainers' history (server/src/generate/oldDependencies.ts), the Dockerfile says so in
 * a comment and a Check names the requirement, the fixing version and the `go get` that takes it:
 *
 * - github.com/modern-go/reflect2 before v1.0.2: reflect.mapiterinit changed in Go 1.18
 *   (modern-go/reflect2 issue #24, PR #25); json-iterator crashes encoding a map (issue #26).
 * - go4.org/unsafe/assume-no-moving-gc before e7c30c7 (2023-05-25, "For Go 1.21+, ask the Go
 *   runtime about its GC"): its init() panics on a Go newer than the ones it lists (Go 1.20 last).
 *
 * quic-go's qtls-go1-NN (one Go release each) is left out: which quic-go release builds with
 * Go 1.26 was not certain.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';
import { oldDependencies } from '../../server/src/generate/oldDependencies';
import { parseGoMod } from '../../server/src/workspace/gomod';

const { gen, tree } = generatorTrees('judge35-k51');

// statping-ng/statping-ng at ad39c6523da055360f71f879a6b8824743484d92 (GPL-3.0): go.mod (6,726
// bytes) `go 1.19`, line 81 `github.com/json-iterator/go v1.1.9 // indirect`, line 97
// `github.com/modern-go/reflect2 v1.0.1 // indirect` (go 1.17+ go.mod: the selected versions);
// cmd/main.go (4,063 bytes).
const statping: Record<string, string | null> = {
  'go.mod': 'module github.com/statping-ng/statping-ng\n\ngo 1.19\n\nrequire (\n\tgithub.com/json-iterator/go v1.1.9 // indirect\n\tgithub.com/modern-go/reflect2 v1.0.1 // indirect\n)\n',
  'go.sum': 'github.com/json-iterator/go v1.1.9 h1:x=\ngithub.com/modern-go/reflect2 v1.0.1 h1:x=\n',
  'cmd/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\tjsoniter "github.com/json-iterator/go"\n)\n\nfunc main() {\n\tb, _ := jsoniter.Marshal(map[string]int{"a": 1})\n\tfmt.Println(string(b))\n}\n',
};

const reflect2Check = /^go\.mod:7 requires github\.com\/modern-go\/reflect2 v1\.0\.1: with Go 1\.18 or newer \(the builder has Go 1\.26, not 1\.19; Go 1\.17, the newest it works with, is out of support\) the program crashes when json-iterator .*, and so it will until the module is upgraded; v1\.0\.2 fixed it\. Make sure the build uses v1\.0\.2 or newer: go get github\.com\/modern-go\/reflect2@v1\.0\.2$/;

describe('a raised builder names requirements known to break with its Go', () => {
  it('statping-ng (go 1.19, reflect2 v1.0.1): a comment above FROM and a Check with the fix', async () => {
    const r = await gen(tree(statping, {}));
    assert.equal(r.images.builder, 'golang:1.26-bookworm');
    assert.match(r.dockerfile, /\n# Go 1\.26, not 1\.19 \(out of support\): a newer Go builds the module as its go line says\.\n# github\.com\/modern-go\/reflect2 v1\.0\.1 breaks with Go 1\.18\+ \(fixed in v1\.0\.2\): go get github\.com\/modern-go\/reflect2@v1\.0\.2 \(see Check\)\.\n/);
    assert.equal(r.warnings.filter((w) => reflect2Check.test(w)).length, 1, r.warnings.join('\n'));
  });

  it('reflect2 v1.0.2, a replaced reflect2, or a go line in support: no such comment or Check', async () => {
    const fixed = await gen(tree(statping, { 'go.mod': statping['go.mod']!.replace('reflect2 v1.0.1', 'reflect2 v1.0.2') }));
    const replaced = await gen(tree(statping, { 'go.mod': `${statping['go.mod']!}\nreplace github.com/modern-go/reflect2 => github.com/modern-go/reflect2 v1.0.2\n` }));
    const supported = await gen(tree(statping, { 'go.mod': statping['go.mod']!.replace('go 1.19', 'go 1.26') }));
    for (const r of [fixed, replaced, supported]) {
      assert.doesNotMatch(r.dockerfile, /reflect2/);
      assert.ok(!r.warnings.some((w) => w.includes('reflect2')), r.warnings.join('\n'));
    }
    assert.equal(supported.images.builder, 'golang:1.26-bookworm');
  });

  it('fnproject/fn (go 1.13, reflect2 at a 2018 pseudo-version): the Check names go.mod\'s line', async () => {
    // fnproject/fn at 0052528924278f360a2defd81568602fddc93a33 (Apache-2.0): go.mod line 29
    // `github.com/modern-go/reflect2 v0.0.0-20180701023420-4b7aa43c6742 // indirect`, line 47 `go 1.13`.
    const fn: Record<string, string | null> = {
      'go.mod': 'module github.com/fnproject/fn\n\nrequire (\n\tgithub.com/json-iterator/go v1.1.5 // indirect\n\tgithub.com/modern-go/reflect2 v0.0.0-20180701023420-4b7aa43c6742 // indirect\n)\n\ngo 1.13\n',
      'go.sum': 'github.com/json-iterator/go v1.1.5 h1:x=\n',
      'cmd/fnserver/main.go': 'package main\n\nimport (\n\t"fmt"\n\n\tjsoniter "github.com/json-iterator/go"\n)\n\nfunc main() { fmt.Println(jsoniter.ConfigCompatibleWithStandardLibrary != nil) }\n',
    };
    const r = await gen(tree(fn, {}));
    assert.ok(r.warnings.some((w) => w.startsWith('go.mod:5 requires github.com/modern-go/reflect2 v0.0.0-20180701023420-4b7aa43c6742: with Go 1.18 or newer (the builder has Go 1.26, not 1.13; Go 1.17, the newest it works with, is out of support)')), r.warnings.join('\n'));
  });

  it('assume-no-moving-gc: before 2023-05-25 from Go 1.21; the fixed pseudo-version and later are silent', () => {
    // kerberos-io/agent machinery/go.mod (Apache-2.0 with the Commons Clause; a later version than
    // 3b81a74, whose commit was not resolved — 3b81a74 itself has no such line): `go 1.18`,
    // `go4.org/unsafe/assume-no-moving-gc v0.0.0-20220617031537-928513b29760 // indirect` (via
    // go4.org/intern and inet.af/netaddr of gopkg.in/DataDog/dd-trace-go.v1 v1.46.0).
    const goMod = (v: string) => {
      const f = parseGoMod(`module github.com/kerberos-io/agent/machinery\n\ngo 1.18\n\nrequire (\n\tgo4.org/intern v0.0.0-20211027215823-ae77deb06f29 // indirect\n\tgo4.org/unsafe/assume-no-moving-gc ${v} // indirect\n)\n`);
      return { requirements: f.requires, replaces: f.replaces };
    };
    const old = oldDependencies(goMod('v0.0.0-20220617031537-928513b29760'), '1.26');
    assert.deepEqual(old.map((d) => [d.module, d.version, d.line, d.fixed]), [['go4.org/unsafe/assume-no-moving-gc', 'v0.0.0-20220617031537-928513b29760', 7, 'v0.0.0-20230525183740-e7c30c78aeb2']]);
    assert.deepEqual(oldDependencies(goMod('v0.0.0-20230525183740-e7c30c78aeb2'), '1.26'), []);
    assert.deepEqual(oldDependencies(goMod('v0.0.0-20231121144256-b99613f794b6'), '1.26'), []);
    // A builder before Go 1.21 is not hit.
    assert.deepEqual(oldDependencies(goMod('v0.0.0-20220617031537-928513b29760'), '1.20'), []);
  });
});
