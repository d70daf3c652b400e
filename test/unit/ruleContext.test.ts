/**
 * A stage-scoped rule gets the context a file-scoped rule gets (rules/analyze.ts makes one per
 * stage): the release source too, which GD202 and GD204 read through facts/releaseBuilds.ts
 * programSource. Without it a stage-scoped rule would lint a goreleaser image as if its programs
 * were unknown.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { analyzeReusing } from '../../server/src/rules/analyze';
import type { Rule, RuleContext } from '../../server/src/rules/types';
import type { ReleaseSource } from '../../server/src/workspace/types';
import { ready } from './helpers';

before(() => ready);

function probe(scope: 'file' | 'stage', seen: RuleContext[]): Rule {
  return {
    code: 'GD999', name: 'probe', summary: 'probe', severity: 'hint', needsWorkspace: false, fix: 'none', facts: [], scope,
    check(ctx) {
      seen.push(ctx);
      return [];
    },
  };
}

describe('rule context', () => {
  it('file- and stage-scoped rules see the same inputs, the release source included', () => {
    const model = parseDockerfile('FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n');
    const release = { workspace: { packages: [] }, files: undefined, dockerfile: 'Dockerfile.scratch' } as unknown as ReleaseSource;
    for (const scope of ['file', 'stage'] as const) {
      const seen: RuleContext[] = [];
      analyzeReusing(model, { only: [probe(scope, seen)], release, contextGiven: true, dockerfile: 'Dockerfile' });
      assert.ok(seen.length > 0, scope);
      for (const ctx of seen) {
        assert.equal(ctx.release, release, scope);
        assert.equal(ctx.dockerfile, 'Dockerfile', scope);
        assert.equal(ctx.contextGiven, true, scope);
      }
    }
  });
});
