/**
 * passedBuildArgs (facts/passedBuildArgs.ts) scans a build file for `--build-arg` words and bake's
 * `--set target.args.NAME=` only when the text holds `--build-arg` / `.args.` (what each pattern
 * spells out): most YAML manifests and scripts of a repository pass none. Same answers on the
 * forms each pattern reads.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passedBuildArgs } from '../../server/src/facts/passedBuildArgs';
import type { WorkspaceFiles } from '../../server/src/workspace/types';

function filesOf(texts: Record<string, string>): WorkspaceFiles {
  const all: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n', ...texts };
  return {
    fileExists: (p) => p in all,
    dirExists: (p) => Object.keys(all).some((f) => f.startsWith(`${p}/`)),
    isIgnored: () => false,
    fileSize: (p) => all[p]?.length,
    bytesUnder: () => ({ files: 0, bytes: 0, sentFiles: 0, sentBytes: 0 }),
    listFiles: () => Object.keys(all).map((path) => ({ path, size: all[path].length, symlink: false, ignored: false })),
    dockerignore: null,
    readFile: (p) => all[p] ?? null,
    gitignores: () => [],
  };
}

describe('passedBuildArgs reads the texts that can hold each form', () => {
  it('command-line, bake --set and block forms, beside files that hold none', () => {
    const got = passedBuildArgs(undefined, filesOf({
      'Makefile': 'image:\n\tdocker build --build-arg=VERSION=1.2 --build-arg "$$EXTRA" \\\n\t  --build-arg\tBUILD_OS=debian-plus .\n',
      'hack/bake.sh': 'docker buildx bake --set app.args.COMMIT=abc\n',
      'deploy/manifest.yaml': 'kind: Deployment\nspec:\n  containers:\n    - name: x\n      args: ["--port=80"]\n',
      'ci.yml': 'with:\n  build-args: |\n    GIT_SHA=abc\n    ${{ steps.meta.outputs.args }}\n',
      'scripts/none.sh': 'echo no build here\n',
      'docs/ARGS.yaml': 'ARGS: 1\n',
    }));
    assert.deepEqual([...got.names].sort(), ['BUILD_OS', 'COMMIT', 'GIT_SHA', 'VERSION'], 'names');
    assert.equal(got.any, true, '"$EXTRA" and an expression: any name may be passed');
    assert.deepEqual([...got.values].map(([k, v]) => [k, [...v]]), [['VERSION', ['1.2']], ['BUILD_OS', ['debian-plus']]], 'literal values');
  });
  it('a text with none of the words adds nothing', () => {
    const got = passedBuildArgs(undefined, filesOf({ 'deploy/a.yaml': 'kind: Service\n', 'run.sh': 'go build ./...\n' }));
    assert.deepEqual([got.inView, got.names.size, got.any, got.values.size], [true, 0, false, 0], 'nothing passed');
  });
});
