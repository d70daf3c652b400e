// What the packaged extension ships (dist/go-dockerfile.vsix, made by `npm run package`): exactly
// the bundles, rule pages, snippets, icons, README, CHANGELOG, LICENSE and manifest; no tests,
// fixtures, TypeScript sources, source maps, the CLI bundle or anything from node_modules.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { zipEntries } from './zip.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(REPO, 'dist', 'go-dockerfile.vsix');

describe('dist/go-dockerfile.vsix', () => {
  it('exists (npm run build && npm run package)', () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing`);
  });

  const entries = fs.existsSync(VSIX) ? zipEntries(VSIX) : [];
  const names = entries.map((e) => e.name).sort();

  it('holds exactly the files an installed extension uses', () => {
    const ruleDocs = fs.readdirSync(path.join(REPO, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    assert.ok(ruleDocs.length > 30, 'docs/rules has the rule pages and their index');
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      ...['extension.js', 'server.js', 'server-main.js', 'syntax-worker.js', 'measure.js', 'webview.js', 'webview.css', 'tree-sitter.wasm', 'tree-sitter-bash.wasm', 'package.json'].map((f) => `extension/dist/${f}`),
      'extension/docs/generate.md',
      ...ruleDocs.map((f) => `extension/docs/rules/${f}`),
      'extension/snippets/dockerfile.json',
      'extension/images/icon.png',
      'extension/images/layers.svg',
    ].sort();
    const extra = names.filter((n) => !expected.includes(n));
    const missing = expected.filter((n) => !names.includes(n));
    assert.deepEqual({ extra, missing }, { extra: [], missing: [] });
  });

  it('ships nothing a user does not run: no tests, fixtures, sources, maps or node_modules', () => {
    const unwanted = names.filter((n) => /(^|\/)(test|tests|fixtures|node_modules|server|client|scripts|bench|samples)\/|\.(ts|map|mjs)$|\.d\.ts$/.test(n));
    assert.deepEqual(unwanted, []);
    assert.ok(entries.every((e) => e.size > 0), 'no empty file');
  });

  it('names its licence in the manifest, and its package.json entry points exist in it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(manifest.license, 'MIT');
    assert.match(fs.readFileSync(path.join(REPO, 'LICENSE'), 'utf8'), /^MIT License\n/);
    assert.ok(names.includes(`extension/${path.posix.normalize(manifest.main)}`), manifest.main);
    assert.ok(names.includes(`extension/${path.posix.normalize(manifest.icon)}`), manifest.icon);
    for (const s of manifest.contributes.snippets) assert.ok(names.includes(`extension/${path.posix.normalize(s.path)}`), s.path);
  });
});
