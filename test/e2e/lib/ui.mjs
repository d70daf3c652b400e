// More workbench helpers for the real-editor tests (on top of codeserver.mjs): the layer
// panel's webview, the cursor position in the status bar, quick picks that follow each other,
// modal dialogs, and waiting for the language server's diagnostics to settle.
// Everything waits on selectors or conditions with timeouts; nothing sleeps a fixed time.

import assert from 'node:assert/strict';

import { LONG_TIMEOUT, openProblems, problemRows, readProblems, waitUntil } from './codeserver.mjs';

/** The layer panel's document: the webview's outer iframe, then its active inner frame. */
export function layersWebview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * Runs a command palette command by its full title without waiting for the palette to close:
 * for commands that open their own quick pick right away (the widget is reused, so "hidden"
 * may never be observed). Reopens the palette until the command is listed: right after the
 * workbench loads, the palette may be built before the extension host has registered the
 * extension's commands, and an open palette does not refresh its list.
 */
export async function startCommand(page, title, { timeout = LONG_TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 30_000 });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: Math.min(5_000, Math.max(1_000, deadline - Date.now())) });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`the command palette never listed "${title}" (${attempt} attempts): ${e.message}`);
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
    }
  }
  await page.keyboard.press('Enter');
}

/** Waits for a quick pick whose title contains `title`; returns the widget's locator. */
export async function waitForQuickPick(page, title, { timeout = LONG_TIMEOUT } = {}) {
  const widget = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: title }) }).first();
  await widget.waitFor({ state: 'visible', timeout });
  return widget;
}

/** A visible quick pick's rows as "label — description", in order. */
export async function quickPickRows(widget) {
  return widget.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => {
      const label = r.querySelector('.label-name')?.textContent?.trim() ?? '';
      const description = r.querySelector('.label-description')?.textContent?.trim() ?? '';
      return description ? `${label} — ${description}` : label;
    }),
  );
}

/** The modal dialog (`.monaco-dialog-box`) whose text contains `text`, once visible. */
export async function waitForDialog(page, text, { timeout = LONG_TIMEOUT } = {}) {
  const box = page.locator('.monaco-dialog-box', { hasText: text }).first();
  await box.waitFor({ state: 'visible', timeout });
  return box;
}

/** A dialog's buttons' labels. */
export async function dialogButtons(box) {
  return (await box.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** The cursor of the active editor as the status bar shows it: { line, col } or null. */
export async function cursorPosition(page) {
  const texts = await page.locator('.statusbar-item').allInnerTexts();
  for (const t of texts) {
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    if (m) return { line: Number(m[1]), col: Number(m[2]) };
  }
  return null;
}

/** Waits until the status bar shows the cursor on `line` (1-based); returns the position. */
export async function waitForCursorLine(page, line, { timeout = 30_000 } = {}) {
  let last = null;
  try {
    return await waitUntil(
      async () => {
        last = await cursorPosition(page);
        return last && last.line === line ? last : null;
      },
      { timeout, message: `the cursor on line ${line}` },
    );
  } catch (e) {
    throw new Error(`${e.message} (status bar shows ${last ? `Ln ${last.line}, Col ${last.col}` : 'no cursor position'})`);
  }
}

/**
 * The line (1-based) of the primary cursor in the editor area's text editor, from its line
 * numbers (`.active-line-number`): it holds whether or not that editor is the active one.
 */
export async function editorCursorLine(page) {
  const text = await page.locator('.editor-instance .monaco-editor .line-numbers.active-line-number').first().innerText({ timeout: 1_000 });
  return Number(text.trim());
}

/** Waits until the text editor's cursor is on `line` (see editorCursorLine). */
export async function waitForEditorCursorLine(page, line, { timeout = 30_000 } = {}) {
  let last;
  try {
    await waitUntil(async () => (last = await editorCursorLine(page)) === line, { timeout, message: `the editor's cursor on line ${line}` });
  } catch (e) {
    throw new Error(`${e.message} (it is on line ${last ?? 'unknown'})`);
  }
}

/** Problems rows that come from this extension (their source is `go-dockerfile`). */
export function goDockerfileRows(page) {
  return problemRows(page, 'go-dockerfile');
}

/**
 * Waits until the language server's diagnostics for the active editor are final, with the Go
 * workspace loaded: inserts a `canary` line at the end of the document, waits for the finding
 * `code` it causes (a workspace-dependent rule, so it proves the workspace was read), deletes
 * the canary line again in one edit, saves (the text is the saved text again), and waits for
 * every finding on the canary's line to go away. Diagnostics are published per document
 * version in order, so what Problems shows afterwards is the analysis of the unmodified text.
 * The document must be saved (not dirty) before, and ends up so.
 *
 * The canary is deleted, not undone: undo has no fixed number of steps (typed text is split at
 * word boundaries), and on a slow machine one Control+Z too many went on to undo the edit under
 * test (a snippet's insertion), leaving Problems with the findings of an older text.
 */
export async function settleDiagnostics(page, { canary = 'COPY .git /canary-gd306', code = 'GD306', timeout = LONG_TIMEOUT } = {}) {
  await openProblems(page);
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout });
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(`\n${canary}`);
  // The canary's line: every finding on it (or after it) must be gone at the end.
  const canaryLine = (
    await waitUntil(
      async () => {
        const pos = await cursorPosition(page);
        return pos && pos.col === canary.length + 1 ? pos : null;
      },
      { timeout: 30_000, message: 'the cursor at the end of the canary line' },
    )
  ).line;
  const row = problemRows(page, code).first();
  try {
    await row.waitFor({ timeout });
  } catch (e) {
    throw new Error(`the canary \`${canary}\` did not produce ${code} in Problems (${JSON.stringify(await readProblems(page))}): ${e.message}`);
  }
  // Select from the end of the line above to the end of the document ("\n" + canary) and
  // delete it: one edit, back to the saved text. Then save, so the editor is not dirty.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Backspace');
  await waitUntil(
    async () => {
      const pos = await cursorPosition(page);
      return pos && pos.line === canaryLine - 1 ? pos : null;
    },
    { timeout: 30_000, message: `the cursor back on line ${canaryLine - 1} once the canary is deleted` },
  );
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout });
  await row.waitFor({ state: 'detached', timeout });
  // Versions in between (the canary being typed) may have published other findings there.
  await waitUntil(
    async () => {
      const texts = await readProblems(page);
      return !texts.some((t) => {
        const m = /\[Ln (\d+), Col \d+\]/.exec(t);
        return m && Number(m[1]) >= canaryLine;
      });
    },
    { timeout, message: `no finding left on the canary's line ${canaryLine}` },
  );
}

/**
 * The active Dockerfile is lint-clean once the analysis has settled (settleDiagnostics): no row
 * in Problems (ours or a syntax one) and no squiggle in the editor. `what` names the file in
 * the assertion messages.
 */
export async function assertLintClean(page, what) {
  await settleDiagnostics(page);
  await openProblems(page);
  const problems = await readProblems(page);
  console.log(`[e2e] Problems: ${JSON.stringify(problems)}`);
  assert.equal(await goDockerfileRows(page).count(), 0, `no go-dockerfile finding in ${what}: ${JSON.stringify(problems)}`);
  assert.deepEqual(problems, [], `no finding at all (not even a syntax one) in ${what}`);
  assert.equal(
    await page.locator('.editor-instance .monaco-editor').first().locator('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint').count(),
    0,
    `no squiggle in ${what}`,
  );
}
