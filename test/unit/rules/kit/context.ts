import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { workspaceForDockerfile } from '../../../../server/src/driver/ignoreFile';
import type { AnalyzeOptions } from '../../../../server/src/rules/analyze';
import { RULES_BY_CODE } from '../../../../server/src/rules/registry';
import type { Finding } from '../../../../server/src/rules/types';
import { loadWorkspace, type Workspace } from '../../../../server/src/workspace/load';
import { df, lint } from '../../helpers';

/** Helpers of the rules-workspace-context.test.ts suites, shared with the one-rule files in test/unit/rules/. */
export const FIX = path.join(__dirname, '../../../fixtures/workspaces');

export const CODES = ['GD114', 'GD202', 'GD203', 'GD305', 'GD306', 'GD307'];

export const ONLY = CODES.map((c) => RULES_BY_CODE.get(c)!);

export const temps: string[] = [];

after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** A temporary copy of a fixture workspace (tests that add files or .dockerignore lines). */
export function tmpCopy(name: string | null): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-ctx-'));
  temps.push(d);
  if (name) fs.cpSync(path.join(FIX, name), d, { recursive: true });
  return d;
}

export function write(root: string, rel: string, text: string | Buffer): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

export function load(root: string): Workspace {
  return loadWorkspace(root.includes(path.sep) ? root : path.join(FIX, root));
}

export function opts(ws: Workspace, extra: AnalyzeOptions = {}): AnalyzeOptions {
  return { workspace: ws.model, files: ws, only: ONLY, ...extra };
}

/**
 * The options for the Dockerfile at `dockerfile` (context-relative) as the CLI and the editor
 * give them (driver/ignoreFile.ts): its own `<Dockerfile>.dockerignore` first, else .dockerignore.
 */
export function optsAt(ws: Workspace, dockerfile: string, extra: AnalyzeOptions = {}): AnalyzeOptions {
  const { model, files } = workspaceForDockerfile(ws, path.join(ws.root, dockerfile));
  return { workspace: model, files, only: ONLY, ...extra };
}

export function find(text: string, o: AnalyzeOptions, code: string): Finding[] {
  return lint(text, o).filter((f) => f.code === code);
}

/** A standard two-stage build of the module root. */
export function build(pkg = '.', final = 'scratch', extra: string[] = []): string {
  return df([
    'FROM golang:1.22 AS build',
    'WORKDIR /src',
    'COPY go.mod ./',
    'RUN go mod download',
    'COPY . .',
    `RUN CGO_ENABLED=0 go build -trimpath -o /out/app ${pkg}`,
    '',
    `FROM ${final}`,
    ...extra,
    'COPY --from=build /out/app /app',
    'USER 65532:65532',
    'ENTRYPOINT ["/app"]',
  ]);
}

export const MB = 1024 * 1024;
