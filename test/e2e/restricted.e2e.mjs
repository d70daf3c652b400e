// Restricted Mode in a real editor: with workspace trust on and the folder not trusted, the
// extension still lints (the GD104 row in Problems), and says that nothing is executed: the
// status bar item shows a shield, its tooltip says Restricted Mode, and clicking it shows the
// output channel with the same line. Runs in code-server with dist/go-dockerfile.vsix installed.

import { test } from 'node:test';

import {
  LONG_TIMEOUT,
  copyFixture,
  openFileFromExplorer,
  openProblems,
  openSession,
  problemRows,
  readProblems,
  removeFixtureCopy,
} from './lib/codeserver.mjs';

const SAYS_SO = 'Dockerfiles are linted, but nothing is executed';

test('Restricted Mode: lints, and says nothing is executed', { timeout: 300_000 }, async () => {
  const workspace = copyFixture('gd104');
  const session = await openSession({
    workspace,
    name: 'restricted',
    readyFile: 'Dockerfile',
    workspaceTrust: true,
    settings: {
      'security.workspace.trust.enabled': true,
      // No trust dialog at startup: the folder simply opens untrusted.
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
    },
  });
  const { page } = session;
  let failed = true;
  try {
    // The workbench's own indicator: the folder is open in Restricted Mode.
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: LONG_TIMEOUT });

    await openFileFromExplorer(page, 'Dockerfile', 'FROM golang:1.22');
    await openProblems(page);
    await problemRows(page, 'GD104').first().waitFor({ timeout: LONG_TIMEOUT });
    console.log(`[e2e] Problems in Restricted Mode: ${JSON.stringify(await readProblems(page))}`);

    // Our status bar item: a shield while restricted; its tooltip says what that means.
    const item = page.locator('.statusbar-item', { hasText: 'Go Dockerfile', has: page.locator('.codicon-shield') }).first();
    await item.waitFor({ timeout: LONG_TIMEOUT });
    await item.hover();
    await page.locator('.workbench-hover, .monaco-hover', { hasText: SAYS_SO }).first().waitFor({ timeout: 30_000 });
    await session.shot('restricted-status');

    // Clicking it shows the output channel, which logged the same at activation.
    await page.mouse.move(0, 0);
    await item.click();
    await page.locator('.part.panel .monaco-editor .view-lines', { hasText: `Restricted Mode: ${SAYS_SO}` }).first().waitFor({ timeout: 30_000 });
    await session.shot('restricted-output');
    failed = false;
  } finally {
    await session.close({ failed });
    removeFixtureCopy(workspace);
  }
});
