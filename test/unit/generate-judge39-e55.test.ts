/**
 * The generator on real repositories of round 39 (judges G, X and Y; engineer e55). Each case is a
 * small skeleton of the real repository (the files that matter, with their sizes in the
 * repository, go.mod and the import blocks), with its repository, commit and licence above it,
 * plus variants that keep the old behaviour where it is right.
 *
 * 1. A main package in a folder whose name usually says where the code is (cmd/src) is named as
 *    the project's goreleaser build names its binary (sourcegraph/src-cli: `src`, judge 39 Y G7).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge39-e55');

// sourcegraph/src-cli at 2027d7855e51c4c85df85b4a459d93a58cbacdc5 (Apache-2.0): go.mod (10,399
// bytes) `module github.com/sourcegraph/src-cli`, go 1.26.5; cmd/src/main.go (12,741 bytes), the only
// main package; .goreleaser.yml (1,526 bytes) lines 13-16 `builds:`, `-`, `  main: ./cmd/src/`,
// `  binary: src` (the brew formula installs "src", :44-46); Dockerfile:14 `RUN go build ./cmd/src`,
// :22-23 `COPY --from=builder /src/src /usr/bin/`, `ENTRYPOINT ["/usr/bin/src"]`.
const srcCli: Record<string, string | null> = {
  'go.mod': 'module github.com/sourcegraph/src-cli\n\ngo 1.26.5\n',
  'cmd/src/main.go': 'package main\n\nimport (\n\t"flag"\n\t"os"\n)\n\nconst usageText = `src is a tool that provides access to Sourcegraph instances.`\n\nfunc main() {\n\tflag.Parse()\n\tos.Exit(0)\n}\n',
  '.goreleaser.yml': 'dist: release\nenv:\n  - GO111MODULE=on\n  - CGO_ENABLED=0\nbefore:\n  hooks:\n    - go mod download\nbuilds:\n-\n  main: ./cmd/src/\n  binary: src\n  ldflags:\n    - -X github.com/sourcegraph/src-cli/internal/version.BuildTag={{.Version}}\n  goos:\n    - linux\narchives:\n- id: tarball\n  format: tar.gz\n',
};

describe('1. src-cli: the binary of cmd/src is named as the project\'s goreleaser build names it', () => {
  it('builds /out/src, ENTRYPOINT /usr/local/bin/src, and the reason names the goreleaser entry', async () => {
    const r = await gen(tree(srcCli, {}));
    assert.equal(r.target.binary, 'src');
    assert.match(r.dockerfile, /-o \/out\/src \.\/cmd\/src$/m, r.dockerfile);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/src"\]$/m, r.dockerfile);
    assert.ok(r.reasons.some((x) => x.includes('named `src`, as the project\'s release build names it (.goreleaser.yml: main: ./cmd/src/, binary: src)')), r.reasons.join('\n'));
  });

  it('negative: without a goreleaser config, or an entry without binary: or with a template, cmd/src is still named after the module', async () => {
    for (const g of [null, srcCli['.goreleaser.yml']!.replace('  binary: src\n', ''), srcCli['.goreleaser.yml']!.replace('binary: src', 'binary: src_{{ .Os }}')]) {
      const r = await gen(tree(srcCli, { '.goreleaser.yml': g }));
      assert.equal(r.target.binary, 'src-cli', String(g));
    }
  });

  it('negative: a goreleaser binary for a folder with a name of its own (cmd/srv) does not rename it', async () => {
    const r = await gen(tree(srcCli, { 'cmd/src/main.go': null, 'cmd/srv/main.go': srcCli['cmd/src/main.go']!, '.goreleaser.yml': srcCli['.goreleaser.yml']!.replace('./cmd/src/', './cmd/srv/') }));
    assert.equal(r.target.binary, 'srv');
  });
});

