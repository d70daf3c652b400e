/**
 * Real-world skeletons (test/fixtures/realworld/<owner>__<name>, each with SOURCE.md citing the
 * repository, commit and licence): the Dockerfile linted in a reduced copy of its real build
 * context, for the patterns of issue 11 that came from these repositories.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AnalyzeOptions } from '../../server/src/rules/analyze';
import { loadWorkspace } from '../../server/src/workspace/load';
import { lint, ready } from './helpers';

before(() => ready);

const ROOT = path.join(__dirname, '../fixtures/realworld');
function skeleton(name: string, dockerfile: string): { text: string; opts: AnalyzeOptions } {
  const dir = path.join(ROOT, name);
  assert.match(fs.readFileSync(path.join(dir, 'SOURCE.md'), 'utf8'), /Commit: [0-9a-f]{40}/);
  const ws = loadWorkspace(dir);
  return { text: fs.readFileSync(path.join(dir, dockerfile), 'utf8'), opts: { workspace: ws.model, files: ws } };
}
const codesOf = (s: { text: string; opts: AnalyzeOptions }) => lint(s.text, s.opts).map((f) => f.code);

describe('real-world skeletons', () => {
  it('umputun/remark42: a vendored module in backend/ (ADD backend /build/backend): no GD104, GD107 asks only for the build cache', () => {
    const s = skeleton('umputun__remark42', 'Dockerfile');
    assert.ok(!codesOf(s).includes('GD104'));
    for (const f of lint(s.text, s.opts).filter((x) => x.code === 'GD107')) assert.doesNotMatch(f.message, /module cache/);
  });

  it('goreleaser/goreleaser: a tool image on golang that copies and installs its own .apk: no GD201, no GD309', () => {
    const codes = codesOf(skeleton('goreleaser__goreleaser', 'Dockerfile'));
    assert.ok(!codes.includes('GD201'), codes.join());
    assert.ok(!codes.includes('GD309'), codes.join());
  });

  it('juanfont/headscale: a Delve build (-gcflags="all=-N -l", dlv exec) gets no GD108 or GD110', () => {
    const codes = codesOf(skeleton('juanfont__headscale', 'Dockerfile.integration'));
    assert.ok(!codes.includes('GD108'), codes.join());
    assert.ok(!codes.includes('GD110'), codes.join());
  });
});
