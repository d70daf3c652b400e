/**
 * Generator defect of judging round 41 (judge G, G2), session 56: a version variable of another
 * package of the program's module that the project's own build stamps with `-X` is stamped by the
 * generated build too, when the main package has none (judge: butane's `--version` printed
 * "Butane was not built properly"). Skeletons of the real repositories, with their repository,
 * commit and licence; plus the variants that keep the old behaviour.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge41-lead56');

// coreos/butane at d119ca23d47d3d56127fac418cc13ce5db371e97 (Apache-2.0): go.mod `module
// github.com/coreos/butane`, `go 1.23.0`; internal/main.go imports internal/version;
// internal/version/version.go (710 bytes) `var ( Raw = "was not built properly"; String = …)`;
// build (392 bytes):9 and build_for_container (397 bytes):9
// `LDFLAGS="-w -X github.com/coreos/butane/internal/version.Raw=$version"` (version from `git describe`).
const butaneBuild = (ldflags: string) => `#!/usr/bin/env bash\n\nset -eu\n\nexport GO111MODULE=on\nexport GOFLAGS=-mod=vendor\nexport CGO_ENABLED=0\nversion=$(git describe --dirty --always)\nLDFLAGS="${ldflags}"\n\nNAME=butane\n\ngo build -o \${BIN_PATH}/\${NAME} -ldflags "$LDFLAGS" internal/main.go\n`;
const butane = (ldflags = '-w -X github.com/coreos/butane/internal/version.Raw=$version'): Record<string, string | null> => ({
  'go.mod': 'module github.com/coreos/butane\n\ngo 1.23.0\n',
  'internal/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\t"os"\n\n\t"github.com/coreos/butane/internal/version"\n)\n\nfunc main() {\n\thelpVersion := flag.Bool("version", false, "print the version and exit")\n\tflag.Parse()\n\tif *helpVersion {\n\t\tfmt.Println(version.String)\n\t\tos.Exit(0)\n\t}\n}\n',
  'internal/version/version.go': 'package version\n\nimport (\n\t"fmt"\n)\n\nvar (\n\t// Raw version, set at build time\n\tRaw = "was not built properly"\n\n\t// String is the version in a human-readable form\n\tString = fmt.Sprintf("Butane %s", Raw)\n)\n',
  build: butaneBuild(ldflags),
  build_for_container: butaneBuild(ldflags),
});

// containers/gvisor-tap-vsock at 855ccda6ee305c429b152ded4ce34054270a7864 (Apache-2.0): Makefile
// (3,232 bytes):2 `GIT_VERSION ?= $(shell git describe --always --dirty)`, :11
// `VERSION_LDFLAGS=-X github.com/containers/gvisor-tap-vsock/pkg/types.gitVersion=$(GIT_VERSION)`;
// pkg/types/version.go (1,843 bytes) `var ( gitVersion = ""; gitArchiveVersion = "$Format:%(describe)$" )`;
// `gvproxy --version` printed "gvproxy version " (judge 41 G G2).
const gvisor: Record<string, string | null> = {
  'go.mod': 'module github.com/containers/gvisor-tap-vsock\n\ngo 1.23.0\n',
  'cmd/gvproxy/main.go': 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n\n\t"github.com/containers/gvisor-tap-vsock/pkg/types"\n)\n\nfunc main() {\n\tflag.Parse()\n\tfmt.Println(types.NewVersion("gvproxy").String())\n}\n',
  'pkg/types/version.go': 'package types\n\nimport "fmt"\n\nvar (\n\t// set using the \'-X github.com/containers/gvisor-tap-vsock/pkg/types.gitVersion\' linker flag\n\tgitVersion = ""\n\t// set through .gitattributes when `git archive` is used\n\tgitArchiveVersion = "$Format:%(describe)$"\n)\n\ntype version struct{ binaryName string }\n\nfunc NewVersion(binaryName string) *version { return &version{binaryName: binaryName} }\n\nfunc (v *version) String() string { return fmt.Sprintf("%s version %s%s", v.binaryName, gitVersion, gitArchiveVersion) }\n',
  Makefile: 'GIT_VERSION ?= $(shell git describe --always --dirty)\n\nVERSION_LDFLAGS=-X github.com/containers/gvisor-tap-vsock/pkg/types.gitVersion=$(GIT_VERSION)\nLDFLAGS = -s -w $(VERSION_LDFLAGS)\n\n.PHONY: gvproxy\ngvproxy:\n\tgo build -ldflags "$(LDFLAGS)" -o bin/gvproxy ./cmd/gvproxy\n',
};

describe('judge 41 G2: the version variable of another package of the module, stamped as the project stamps it', () => {
  it('butane: -X github.com/coreos/butane/internal/version.Raw=${VERSION}, from its build script', async () => {
    const r = await gen(tree(butane(), {}), { package: './internal' });
    assert.match(r.dockerfile, /ARG VERSION=dev\n/, r.dockerfile);
    assert.match(r.dockerfile, /-ldflags="-s -w -X github\.com\/coreos\/butane\/internal\/version\.Raw=\$\{VERSION\}"/, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('internal/version/version.go declares `var Raw`, which the project\'s build stamps (build:9)')), r.reasons.join('\n'));
  });

  it('gvisor-tap-vsock: -X …/pkg/types.gitVersion=${VERSION}, from its Makefile', async () => {
    const r = await gen(tree(gvisor, {}), { package: './cmd/gvproxy' });
    assert.match(r.dockerfile, /-X github\.com\/containers\/gvisor-tap-vsock\/pkg\/types\.gitVersion=\$\{VERSION\}/, r.dockerfile);
  });

  it('negative: a literal value, a package of another module, a variable the package does not declare, two version-named settings: no stamp', async () => {
    for (const [what, ldflags] of [
      ['a literal', '-w -X github.com/coreos/butane/internal/version.Raw=v0.25.1'],
      ['another module', '-w -X github.com/other/lib/version.Raw=$version'],
      ['not declared', '-w -X github.com/coreos/butane/internal/version.Nope=$version'],
      ['a commit hash', '-w -X github.com/coreos/butane/internal/version.GitHash=$version'],
      ['two versions', '-w -X github.com/coreos/butane/internal/version.Version=$version -X github.com/coreos/butane/internal/build.Version=$version'],
    ]) {
      const r = await gen(tree(butane(ldflags), {}), { package: './internal' });
      assert.doesNotMatch(r.dockerfile, /ARG VERSION|-X /, `${what}\n${r.dockerfile}`);
    }
  });
});
