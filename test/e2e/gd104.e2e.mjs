// GD104 in a real editor: `COPY . .` before `go mod download` is reported in the Problems panel,
// and the quick fix "Copy go.mod and go.sum and run go mod download before the sources" fixes the
// file on disk. Runs in code-server (VS Code's workbench) with dist/go-dockerfile.vsix installed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  LONG_TIMEOUT,
  applyQuickFix,
  copyFixture,
  focusEditor,
  goToLine,
  openFileFromExplorer,
  openProblems,
  openSession,
  problemRows,
  readProblems,
  removeFixtureCopy,
  waitUntil,
} from './lib/codeserver.mjs';

/** Index of the first line whose trimmed text equals `text`, or -1. */
function lineIndex(lines, text) {
  return lines.findIndex((l) => l.trim() === text);
}

test('GD104: reported in Problems, fixed by its quick fix', { timeout: 300_000 }, async () => {
  const workspace = copyFixture('gd104');
  const dockerfile = path.join(workspace, 'Dockerfile');
  const original = fs.readFileSync(dockerfile, 'utf8');
  const session = await openSession({ workspace, name: 'gd104', readyFile: 'Dockerfile' });
  const { page } = session;
  let failed = true;
  try {
    await openFileFromExplorer(page, 'Dockerfile', 'FROM golang:1.22');

    // The finding, in the Problems panel and as a squiggle.
    await openProblems(page);
    const gd104 = problemRows(page, 'GD104').first();
    await gd104.waitFor({ timeout: LONG_TIMEOUT });
    console.log(`[e2e] Problems: ${JSON.stringify(await readProblems(page))}`);
    await page
      .locator('.editor-instance .monaco-editor')
      .locator('.squiggly-warning, .squiggly-error, .squiggly-info')
      .first()
      .waitFor({ timeout: LONG_TIMEOUT });
    await session.shot('gd104-finding');

    // The quick fix at `COPY . .` (line 3).
    await focusEditor(page);
    await goToLine(page, 3, 1);
    const picked = await applyQuickFix(page, /go mod download/i);
    console.log(`[e2e] applied quick fix: ${picked}`);

    await page.keyboard.press('Control+S');
    const saved = await waitUntil(
      () => {
        const text = fs.readFileSync(dockerfile, 'utf8');
        return text !== original && text;
      },
      { timeout: 30_000, message: 'the Dockerfile to be saved with the fix' },
    );
    console.log(`[e2e] Dockerfile after the fix:\n${saved}`);

    const lines = saved.split(/\r?\n/);
    const copyAll = lineIndex(lines, 'COPY . .');
    const copyMod = lineIndex(lines, 'COPY go.mod go.sum ./');
    const download = lineIndex(lines, 'RUN go mod download');
    assert.notEqual(copyAll, -1, '`COPY . .` is still there');
    assert.notEqual(copyMod, -1, '`COPY go.mod go.sum ./` was added');
    assert.notEqual(download, -1, '`RUN go mod download` is there');
    assert.ok(copyMod < copyAll, '`COPY go.mod go.sum ./` comes before `COPY . .`');
    assert.ok(download < copyAll, '`RUN go mod download` comes before `COPY . .`');
    assert.ok(copyMod < download, '`COPY go.mod go.sum ./` comes before `RUN go mod download`');

    // The finding goes away.
    await gd104.waitFor({ state: 'detached', timeout: LONG_TIMEOUT });
    console.log(`[e2e] Problems after the fix: ${JSON.stringify(await readProblems(page))}`);
    await session.shot('gd104-fixed');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});
