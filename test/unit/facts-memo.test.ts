/**
 * Facts are kept in one place (server/src/facts/memo.ts): once per workspace model or parsed
 * Dockerfile, named by what they hold; rules and facts keep no caches of their own.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { dockerfileFact, workspaceFact } from '../../server/src/facts/memo';
import type { WorkspaceModel } from '../../server/src/workspace/model';
import { ready } from './helpers';

const SRC = path.resolve(__dirname, '../../server/src');

describe('facts memo', () => {
  it('computes a fact once per model, again for a new model, and keeps facts of different names apart', async () => {
    await ready;
    const a = { root: '/a' } as WorkspaceModel;
    const b = { root: '/b' } as WorkspaceModel;
    let runs = 0;
    const count = (ws: WorkspaceModel, name: string) => workspaceFact(ws, name, () => ++runs);
    assert.equal(count(a, 'vendorGitIgnored:'), 1);
    assert.equal(count(a, 'vendorGitIgnored:'), 1);
    assert.equal(count(a, 'vendorGitIgnored:backend'), 2);
    assert.equal(count(b, 'vendorGitIgnored:'), 3);
    const text = 'FROM golang:1.22\nRUN go build ./...\n';
    const m1 = parseDockerfile(text);
    const m2 = parseDockerfile(text + '\n');
    let parsed = 0;
    assert.equal(dockerfileFact(m1, 'x', () => ++parsed), 1);
    assert.equal(dockerfileFact(m1, 'x', () => ++parsed), 1);
    assert.equal(dockerfileFact(m2, 'x', () => ++parsed), 2);
  });

  it('rules/ and facts/ hold no module-level Map or WeakMap besides the memo', () => {
    const offenders: string[] = [];
    for (const dir of ['rules', 'facts']) {
      for (const f of fs.readdirSync(path.join(SRC, dir))) {
        if (!f.endsWith('.ts') || (dir === 'facts' && f === 'memo.ts')) continue;
        const text = fs.readFileSync(path.join(SRC, dir, f), 'utf8');
        if (/^(const|let|var) \w+(: [^=]+)? = new (Weak)?Map\b/m.test(text)) offenders.push(`${dir}/${f}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
