// The `go-multistage` snippet in a real editor: typed into an empty Dockerfile of a Go module,
// accepted from the suggest widget, saved; the file on disk holds the expansion, and once the
// analysis has settled there is no go-dockerfile finding. Runs in code-server (VS Code's
// workbench) with dist/go-dockerfile.vsix installed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  LONG_TIMEOUT,
  REPO_ROOT,
  copyFixture,
  focusEditor,
  openFileFromExplorer,
  openSession,
  removeFixtureCopy,
  waitUntil,
} from './lib/codeserver.mjs';
import { assertLintClean } from './lib/ui.mjs';

const PREFIX = 'go-multistage';

/** What VS Code inserts when every tab stop keeps its default (as test/unit/snippets.test.ts). */
function expandSnippet(body) {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\\\$/g, '$');
}

test(`snippet ${PREFIX}: suggested, inserted, saved, lint-clean`, { timeout: 300_000 }, async () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'dockerfile.json'), 'utf8'));
  const snippet = Object.values(snippets).find((s) => s.prefix === PREFIX);
  assert.ok(snippet, `a snippet with the prefix ${PREFIX}`);
  const expected = expandSnippet(snippet.body);

  const workspace = copyFixture('snippets');
  const dockerfile = path.join(workspace, 'Dockerfile');
  fs.writeFileSync(dockerfile, ''); // the empty Dockerfile the user starts from
  const session = await openSession({ workspace, name: 'snippets', readyFile: 'Dockerfile' });
  const { page } = session;
  let failed = true;
  const t0 = Date.now();
  const step = (what) => console.log(`[e2e] +${Date.now() - t0} ms: ${what}`);
  try {
    await openFileFromExplorer(page, 'Dockerfile');
    await focusEditor(page);

    step('type the prefix');
    await page.keyboard.type(PREFIX);
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    const ours = widget.locator('.monaco-list-row', { hasText: PREFIX }).first();
    // The widget opens as you type (quick suggestions); ask for it if it did not (Control+Space).
    try {
      await ours.waitFor({ timeout: 10_000 });
    } catch {
      step('no suggestion while typing: Control+Space');
      await page.keyboard.press('Control+Space');
      await ours.waitFor({ timeout: LONG_TIMEOUT });
    }
    const rows = (await widget.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    step(`suggestions: ${JSON.stringify(rows)}`);
    await widget.locator('.monaco-list-row.focused', { hasText: PREFIX }).first().waitFor({ timeout: 30_000 });
    await session.shot('snippets-suggest');
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 30_000 });

    // The expansion is in the editor, with the cursor in the first tab stop (the Go version).
    await page
      .locator('.editor-instance .monaco-editor .view-lines', { hasText: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build' })
      .first()
      .waitFor({ timeout: 30_000 });
    // Leave snippet mode keeping every default, then save.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    step('saved');
    const saved = await waitUntil(
      () => {
        const text = fs.readFileSync(dockerfile, 'utf8');
        return text.length > 0 && text;
      },
      { timeout: 30_000, message: 'the Dockerfile to be saved' },
    );
    console.log(`[e2e] Dockerfile on disk:\n${saved}`);
    assert.ok(saved.startsWith('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n'), 'the build stage line');
    assert.ok(saved.includes('\nFROM gcr.io/distroless/static-debian12:nonroot\n'), 'the distroless runtime stage');
    assert.equal(saved, expected, 'the file holds the snippet with its defaults');

    // No finding once the analysis (with the Go workspace read) has settled.
    step('settle the diagnostics');
    await assertLintClean(page, 'the inserted snippet');
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), saved, 'the canary was removed: the file on disk is the snippet');
    await session.shot('snippets-inserted-clean');
    step('done');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});
