// "Go Dockerfile: Generate Optimized Dockerfile" in a real editor, asked the way `docker init`
// asks: QuickPicks with the detected answer first — the main package (ranked: cmd/shop before
// examples/demo), the runtime (distroless first, each with what it means), the port (8090 from
// the -addr flag default), version stamping (main.version found). Esc at the second step ends
// the command with nothing written and no preview. The preview is an editor (a diff over an
// existing Dockerfile) with the reasons beside it, and a notification offers Write/Replace and
// Cancel. Runs in code-server (VS Code's workbench) with dist/go-dockerfile.vsix installed.

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
import { assertLintClean, quickPickRows, startCommand, waitForQuickPick } from './lib/ui.mjs';

const COMMAND = 'Go Dockerfile: Generate Optimized Dockerfile';

/** Waits for the quick pick of a step, checks its first row, and accepts it (or the row matching `choose`). */
async function step(page, title, { first, choose } = {}) {
  const pick = await waitForQuickPick(page, title);
  const rows = await quickPickRows(pick);
  console.log(`[e2e] ${title}: ${JSON.stringify(rows)}`);
  if (first) assert.match(rows[0] ?? '', first, `${title}: the detected answer comes first`);
  if (choose) {
    await pick.locator('.quick-input-list .monaco-list-row', { hasText: choose }).first().click();
  } else {
    await pick.locator('.quick-input-list .monaco-list-row.focused').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
  }
  return rows;
}

/** The notification with the Write/Replace question; returns its toast. */
async function question(page, text) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: LONG_TIMEOUT });
  return toast;
}

/** The Write/Cancel actions in the editor title (they stay when the notification hides). */
function titleAction(page, label) {
  return page.locator(`.editor-actions .action-label[aria-label^="${label}"]`).first();
}

async function toastButtons(toast) {
  return (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

test('guided generate: package, runtime, port, version; Esc at the second step writes nothing; then Write', { timeout: 360_000 }, async () => {
  const workspace = copyFixture('generate-guided');
  const dockerfile = path.join(workspace, 'Dockerfile');
  const dockerignore = path.join(workspace, '.dockerignore');
  const session = await openSession({ workspace, name: 'generate-guided', readyFile: 'go.mod' });
  const { page } = session;
  let failed = true;
  const t0 = Date.now();
  const log = (what) => console.log(`[e2e] +${Date.now() - t0} ms: ${what}`);
  try {
    log('run the command, Esc at the second step');
    await startCommand(page, COMMAND);
    const packages = await step(page, 'Which main package should the image run?', { first: /^cmd\/shop — binary shop · detected$/ });
    assert.ok(packages.some((r) => r.startsWith('examples/demo')), 'the example is listed, after cmd/shop');
    const runtimePick = await waitForQuickPick(page, 'Runtime image for the Go binary');
    await session.shot('generate-guided-runtime');
    await page.keyboard.press('Escape');
    await runtimePick.waitFor({ state: 'hidden', timeout: 30_000 });
    // Nothing was written and nothing opened: no preview, no question.
    await page.waitForTimeout(1_500);
    assert.ok(!fs.existsSync(dockerfile) && !fs.existsSync(dockerignore), 'nothing written after Esc');
    assert.equal(await page.locator('.tabs-container .tab', { hasText: 'Dockerfile' }).count(), 0, 'no preview opened after Esc');
    assert.equal(await page.locator('.notifications-toasts .notification-toast', { hasText: 'Write the generated Dockerfile?' }).count(), 0);

    log('run it again and answer every step');
    await startCommand(page, COMMAND);
    await step(page, 'Which main package should the image run?', { first: /^cmd\/shop/ });
    const runtimes = await step(page, 'Runtime image for the Go binary', { first: /^distroless — .*· default$/ });
    assert.deepEqual(runtimes.map((r) => r.split(' — ')[0]), ['distroless', 'scratch', 'alpine', 'debian']);
    await step(page, 'Which port does the program listen on?', { first: /^8090 — detected · cmd\/shop\/main\.go$/ });
    await step(page, 'Stamp a version into the binary?', { first: /^Stamp a version — -X main\.version=\$\{VERSION\}$/ });

    log('preview, reasons beside it, Write');
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'FROM gcr.io/distroless/static-debian12:nonroot' }).first().waitFor({ timeout: LONG_TIMEOUT });
    await page.locator('.tabs-container .tab', { hasText: 'Why the generated Dockerfile looks this way' }).first().waitFor({ timeout: LONG_TIMEOUT });
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'EXPOSE 8090: the program listens on flag -addr default' }).first().waitFor({ timeout: LONG_TIMEOUT });
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no modal dialog covers the preview');
    const toast = await question(page, 'Write the generated Dockerfile?');
    const buttons = await toastButtons(toast);
    console.log(`[e2e] question buttons: ${JSON.stringify(buttons)}`);
    assert.deepEqual(buttons, ['Write', 'Cancel']);
    await titleAction(page, 'Write the Generated Dockerfile').waitFor({ timeout: 30_000 });
    await titleAction(page, 'Cancel the Generated Dockerfile').waitFor({ timeout: 30_000 });
    assert.ok(!fs.existsSync(dockerfile), 'nothing is written before the answer');
    await session.shot('generate-guided-preview');
    await toast.locator('.monaco-button', { hasText: /^Write$/ }).click();

    const text = await waitUntil(() => fs.existsSync(dockerfile) && fs.readFileSync(dockerfile, 'utf8'), { timeout: 30_000, message: 'the Dockerfile on disk' });
    await waitUntil(() => fs.existsSync(dockerignore), { timeout: 30_000, message: 'the .dockerignore on disk' });
    console.log(`[e2e] generated Dockerfile:\n${text}`);
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    assert.ok(lines.includes('FROM gcr.io/distroless/static-debian12:nonroot'));
    assert.ok(lines.includes('EXPOSE 8090'));
    assert.ok(lines.includes('ARG VERSION=dev'));
    assert.ok(text.includes('-o /out/shop ./cmd/shop'));
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Wrote Dockerfile and .dockerignore' }).first().waitFor({ timeout: 30_000 });
    console.log(`[e2e] notifications: ${JSON.stringify(await readNotifications(page))}`);
    await page.locator('.tabs-container .tab.active[aria-label^="Dockerfile"]').first().waitFor({ timeout: 30_000 });
    log('settle the diagnostics');
    await assertLintClean(page, 'the generated Dockerfile');
    await session.shot('generate-guided-written');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});

test('generate over an existing Dockerfile: a diff with the reasons beside it; Cancel in the editor title changes nothing', { timeout: 300_000 }, async () => {
  const workspace = copyFixture('generate');
  const dockerfile = path.join(workspace, 'Dockerfile');
  const dockerignore = path.join(workspace, '.dockerignore');
  const existing = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
  fs.writeFileSync(dockerfile, existing);
  const mtime = fs.statSync(dockerfile).mtimeMs;
  const session = await openSession({ workspace, name: 'generate-replace', readyFile: 'Dockerfile' });
  const { page } = session;
  let failed = true;
  try {
    await startCommand(page, COMMAND);
    // One main package: the first question is the runtime.
    await step(page, 'Runtime image for the Go binary', { first: /^distroless/ });
    await step(page, 'Which port does the program listen on?', { first: /^8080 — detected · main\.go$/ });
    await step(page, 'Stamp a version into the binary?', { first: /^No version stamping/ });

    const diff = page.locator('.monaco-diff-editor').first();
    await diff.waitFor({ timeout: LONG_TIMEOUT });
    await diff.locator('.editor.modified .view-lines', { hasText: 'FROM gcr.io/distroless/static-debian12:nonroot' }).first().waitFor({ timeout: LONG_TIMEOUT });
    await diff.locator('.editor.original .view-lines', { hasText: 'CMD ["/app"]' }).first().waitFor({ timeout: LONG_TIMEOUT });
    await page.locator('.tabs-container .tab', { hasText: 'Why the generated Dockerfile looks this way' }).first().waitFor({ timeout: LONG_TIMEOUT });
    // The question's notification may already have hidden itself: the editor title keeps Replace and Cancel.
    const write = titleAction(page, 'Write the Generated Dockerfile');
    const cancel = titleAction(page, 'Cancel the Generated Dockerfile');
    await write.waitFor({ timeout: LONG_TIMEOUT });
    await session.shot('generate-diff-question');
    await cancel.click();
    await write.waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(fs.readFileSync(dockerfile, 'utf8'), existing, 'the Dockerfile is unchanged after Cancel');
    assert.equal(fs.statSync(dockerfile).mtimeMs, mtime, 'the Dockerfile was not rewritten');
    assert.ok(!fs.existsSync(dockerignore), 'no .dockerignore written after Cancel');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});
