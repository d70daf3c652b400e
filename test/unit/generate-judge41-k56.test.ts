/**
 * Generator defects of judging round 41 (judge G, every generated Dockerfile built with buildah),
 * session 56: each case a small skeleton of a real repository (the files that matter, with their
 * sizes in the repository, go.mod and the few relevant lines), with its repository, commit and
 * licence above it, plus the variants that keep the old behaviour where it is right.
 *
 * 2. openshift/source-to-image: the dubious-ownership Check offers what works for a local
 *    `git clone` (the system git config), not the environment form git drops (G7).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatorTrees } from './generateTrees';

const { gen, tree } = generatorTrees('judge41-k56');

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
