import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { workspaceForDockerfile } from '../../../../server/src/driver/ignoreFile';
import { analysisOptions } from '../../../../server/src/driver/inputs';
import { loadWorkspace } from '../../../../server/src/workspace/load';
import { df, lint, writeTree } from '../../helpers';

/** Helpers of the rules-realworld.test.ts suites, shared with the one-rule files in test/unit/rules/. */
export const find = (text: string, code: string, opts: AnalyzeOptions = {}) => lint(text, opts).filter((f) => f.code === code);

export const has = (text: string, code: string, opts: AnalyzeOptions = {}) => find(text, code, opts).length > 0;

export const temps: string[] = [];

after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** `dockerfile`: the Dockerfile's context-relative path, for its own `<Dockerfile>.dockerignore` (driver/ignoreFile.ts). */
export function tempWorkspace(files: Record<string, string>, dockerfile?: string): AnalyzeOptions {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-rw-'));
  temps.push(root);
  writeTree(root, files);
  const ws = loadWorkspace(root);
  const view = workspaceForDockerfile(ws, dockerfile ? path.join(root, dockerfile) : undefined);
  // With the Dockerfile's path, as the driver gives it (RuleContext.dockerfile).
  const rel = dockerfile ? analysisOptions({ workspace: ws, dockerfilePath: path.join(root, dockerfile) }).dockerfile : undefined;
  return { workspace: view.model, files: view.files, ...(rel ? { dockerfile: rel } : {}) };
}

export const GO_MOD = 'module example.com/app\n\ngo 1.22\n\nrequire github.com/pkg/errors v0.9.1\n';

// Imports the module go.mod requires: a build of it has modules to download (a main that imports
// only the standard library downloads nothing, and GD104 stays silent for it).
export const MAIN = 'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/pkg/errors"\n)\n\nfunc main() { fmt.Println(errors.New("hi")) }\n';

/**
 * kserve/kserve aaac4e2 (Apache-2.0) docs/samples/graph/bgtest/Dockerfile, built from
 * docs/samples/graph (its README: `cd bgtest; go mod vendor; cd -; docker build .`), with the
 * builder image as a parameter (the repository's is golang:1.21). GD101 and GD202 read it.
 */
export const KSERVE_BGTEST_DOCKERFILE = (image = 'golang:1.21'): string => df([
  `FROM ${image} AS build`,
  'WORKDIR /',
  'COPY bgtest /project/bgtest/',
  'RUN cd /project/bgtest && go build -mod vendor -o bgtest -ldflags \'-linkmode "external" -extldflags "-static"\'',
  '',
  'FROM scratch AS final',
  'COPY --from=build /project/bgtest/bgtest .',
  'CMD ["./bgtest"]',
]);
