/**
 * Every snippet, inserted into an empty Dockerfile of a Go module, yields no finding from our
 * rules (with the workspace loaded, so the workspace rules run too).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadWorkspace } from '../../server/src/workspace/load';
import { lint, ready } from './helpers';

const repo = path.resolve(__dirname, '../..');
const snippets = JSON.parse(fs.readFileSync(path.join(repo, 'snippets', 'dockerfile.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;

/** What VS Code inserts when every tab stop keeps its default. */
export function expandSnippet(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\\$/g, '$');
}

let dir: string;
before(async () => {
  await ready;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-snippets-'));
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/app\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n');
  fs.writeFileSync(path.join(dir, 'go.sum'), 'github.com/google/uuid v1.6.0 h1:x\ngithub.com/google/uuid v1.6.0/go.mod h1:y\n');
  fs.writeFileSync(path.join(dir, '.dockerignore'), '.git\n*.test\n');
  fs.mkdirSync(path.join(dir, 'cmd', 'app'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cmd', 'app', 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\tfmt.Println("hi")\n\t_ = http.ListenAndServe(":8080", nil)\n}\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('snippets', () => {
  it('are well-formed: a prefix, a description, a body', () => {
    assert.ok(Object.keys(snippets).length >= 6);
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.prefix, /^go-[a-z-]+$/, name);
      assert.ok(s.description.length > 10 && s.body.length > 0, name);
    }
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`"${s.prefix}" inserted into an empty Dockerfile has no finding`, () => {
      const text = expandSnippet(s.body);
      const ws = loadWorkspace(dir);
      const findings = lint(text, { workspace: ws.model, files: ws });
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], `${name}:\n${text}`);
    });
  }

  it('the expansion helper resolves defaults, empties bare tab stops and unescapes $', () => {
    assert.equal(expandSnippet(['FROM golang:${1:1.22} AS \\$X${2}', '${3|a,b|}$0']), 'FROM golang:1.22 AS $X\na');
  });
});
