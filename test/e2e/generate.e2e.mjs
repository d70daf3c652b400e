// "Go Dockerfile: Generate Optimized Dockerfile" in a real editor: from the command palette, the
// runtime quick pick (distroless first), a preview of the generated file, and a modal dialog.
// "Write" writes Dockerfile and .dockerignore, and the result is lint-clean; with an existing
// Dockerfile the command shows a diff and asks to "Replace", and Escape or Cancel leave the file
// alone. Runs in code-server (VS Code's workbench) with dist/go-dockerfile.vsix installed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  LONG_TIMEOUT,
  copyFixture,
  openSession,
  readNotifications,
  removeFixtureCopy,
  waitUntil,
} from './lib/codeserver.mjs';
import {
  assertLintClean,
  dialogButtons,
  quickPickRows,
  startCommand,
  waitForDialog,
  waitForQuickPick,
} from './lib/ui.mjs';

const COMMAND = 'Go Dockerfile: Generate Optimized Dockerfile';
const RUNTIME_TITLE = 'Runtime image for the Go binary';

/** Runs the command and accepts the first runtime (distroless); returns the quick pick's rows. */
async function generateWithDistroless(page) {
  await startCommand(page, COMMAND);
  const pick = await waitForQuickPick(page, RUNTIME_TITLE);
  const rows = await quickPickRows(pick);
  console.log(`[e2e] runtime quick pick: ${JSON.stringify(rows)}`);
  assert.match(rows[0] ?? '', /^distroless( —|$)/, 'distroless is the first runtime');
  await pick.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'distroless' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  return rows;
}

test('generate: preview, Write, Dockerfile and .dockerignore on disk, lint-clean', { timeout: 300_000 }, async () => {
  const workspace = copyFixture('generate');
  const dockerfile = path.join(workspace, 'Dockerfile');
  const dockerignore = path.join(workspace, '.dockerignore');
  assert.ok(!fs.existsSync(dockerfile) && !fs.existsSync(dockerignore), 'the fixture has no Dockerfile or .dockerignore');
  const session = await openSession({ workspace, name: 'generate-write', readyFile: 'main.go' });
  const { page } = session;
  let failed = true;
  const t0 = Date.now();
  const step = (what) => console.log(`[e2e] +${Date.now() - t0} ms: ${what}`);
  try {
    step('run the command');
    await generateWithDistroless(page);

    // The preview (not on disk yet) behind a modal dialog.
    step('preview and dialog');
    await page
      .locator('.editor-instance .monaco-editor .view-lines', { hasText: 'FROM gcr.io/distroless/static-debian12:nonroot' })
      .first()
      .waitFor({ timeout: LONG_TIMEOUT });
    const dialog = await waitForDialog(page, 'Write the generated Dockerfile?');
    const buttons = await dialogButtons(dialog);
    console.log(`[e2e] dialog buttons: ${JSON.stringify(buttons)}`);
    assert.ok(buttons.includes('Write'), 'the dialog offers "Write"');
    assert.match(await dialog.innerText(), /\.dockerignore for Go is written too/);
    assert.ok(!fs.existsSync(dockerfile), 'nothing is written before the answer');
    await session.shot('generate-preview-dialog');

    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Write$/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    step('files on disk');
    const text = await waitUntil(() => fs.existsSync(dockerfile) && fs.readFileSync(dockerfile, 'utf8'), {
      timeout: 30_000,
      message: 'the Dockerfile on disk',
    });
    await waitUntil(() => fs.existsSync(dockerignore), { timeout: 30_000, message: 'the .dockerignore on disk' });
    console.log(`[e2e] generated Dockerfile:\n${text}`);
    console.log(`[e2e] generated .dockerignore: ${JSON.stringify(fs.readFileSync(dockerignore, 'utf8'))}`);
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    assert.ok(lines.includes('FROM gcr.io/distroless/static-debian12:nonroot'), 'distroless nonroot runtime');
    assert.ok(lines.includes('EXPOSE 8080'), 'EXPOSE 8080 from http.ListenAndServe(":8080")');
    assert.ok(/^FROM .*golang:1\.22\S* AS build$/m.test(text), 'a golang:1.22 build stage');

    // The written file opens in the editor, and a notification says what was written.
    await page.locator('.tabs-container .tab.active[aria-label^="Dockerfile"]').first().waitFor({ timeout: 30_000 });
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Wrote Dockerfile and .dockerignore' }).first().waitFor({ timeout: 30_000 });
    console.log(`[e2e] notifications: ${JSON.stringify(await readNotifications(page))}`);

    // Lint-clean once the analysis (with the Go workspace read) has settled.
    step('settle the diagnostics');
    await assertLintClean(page, 'the generated Dockerfile');
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), text, 'the canary was removed: the file on disk is the generated text');
    await session.shot('generate-written-clean');
    step('done');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});

test('generate over an existing Dockerfile: diff, "Replace"; Escape and Cancel change nothing', { timeout: 300_000 }, async () => {
  const workspace = copyFixture('generate');
  const dockerfile = path.join(workspace, 'Dockerfile');
  const dockerignore = path.join(workspace, '.dockerignore');
  const existing = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
  fs.writeFileSync(dockerfile, existing);
  const mtime = fs.statSync(dockerfile).mtimeMs;
  const session = await openSession({ workspace, name: 'generate-replace', readyFile: 'Dockerfile' });
  const { page } = session;
  let failed = true;
  const t0 = Date.now();
  const step = (what) => console.log(`[e2e] +${Date.now() - t0} ms: ${what}`);
  try {
    for (const dismiss of ['Escape', 'Cancel']) {
      step(`run the command (then ${dismiss})`);
      await generateWithDistroless(page);

      // A diff editor: the file on disk on the left, the generated text on the right.
      const diff = page.locator('.monaco-diff-editor').first();
      await diff.waitFor({ timeout: LONG_TIMEOUT });
      await page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile ↔ generated' }).first().waitFor({ timeout: LONG_TIMEOUT });
      await diff.locator('.editor.modified .view-lines', { hasText: 'FROM gcr.io/distroless/static-debian12:nonroot' }).first().waitFor({ timeout: LONG_TIMEOUT });
      await diff.locator('.editor.original .view-lines', { hasText: 'CMD ["/app"]' }).first().waitFor({ timeout: LONG_TIMEOUT });

      const dialog = await waitForDialog(page, 'Replace the existing Dockerfile with the generated one?');
      const buttons = await dialogButtons(dialog);
      console.log(`[e2e] dialog buttons: ${JSON.stringify(buttons)}`);
      assert.ok(buttons.includes('Replace'), 'the dialog offers "Replace"');
      assert.ok(buttons.includes('Cancel'), 'the dialog offers "Cancel"');
      await session.shot(`generate-diff-dialog-${dismiss.toLowerCase()}`);

      if (dismiss === 'Escape') await page.keyboard.press('Escape');
      else await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Cancel$/ }).click();
      await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: 30_000 });

      assert.equal(fs.readFileSync(dockerfile, 'utf8'), existing, `the Dockerfile is unchanged after ${dismiss}`);
      assert.equal(fs.statSync(dockerfile).mtimeMs, mtime, `the Dockerfile was not rewritten after ${dismiss}`);
      assert.ok(!fs.existsSync(dockerignore), `no .dockerignore written after ${dismiss}`);
      // Close the diff so the next round opens a fresh one.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab', { hasText: 'Dockerfile ↔ generated' }).waitFor({ state: 'detached', timeout: 30_000 });
    }
    // Still nothing written once both rounds are over (a late write would show here).
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), existing);
    assert.ok(!fs.existsSync(dockerignore));
    await session.shot('generate-unchanged');
    step('done');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});
