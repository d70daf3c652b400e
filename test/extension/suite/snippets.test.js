// The contributed snippets insert through editor.action.insertSnippet and lint clean.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { EXTENSION_ID, closeAll, describeDiagnostics, log, openDockerfile, ourDiagnostics, readOnDisk, watchDiagnostics, writeFile, waitFor } = require('./helpers');

function contributedSnippets() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const file = path.join(ext.extensionPath, 'snippets', 'dockerfile.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Inserts a contributed snippet by name at the cursor of the active editor; waits for the text. */
async function insertSnippet(doc, name) {
  const before = doc.version;
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'dockerfile', name });
  await waitFor(() => doc.version > before && doc.getText().trim() !== '', { timeout: 10_000, message: `snippet "${name}" to be inserted` });
  await vscode.commands.executeCommand('leaveSnippet');
}

function fileNameFor(prefix) {
  return `Dockerfile.snippet-${prefix}`;
}

suite('snippets', () => {
  teardown(closeAll);

  test('"Go: non-root user" inserts USER 65532:65532', async () => {
    await writeFile('Dockerfile.nonroot', '');
    const { doc } = await openDockerfile('Dockerfile.nonroot');
    await insertSnippet(doc, 'Go: non-root user');
    assert.strictEqual(doc.getText().trim(), 'USER 65532:65532');
  });

  test('every snippet, inserted into a new Dockerfile of the Go module and saved, has no go-dockerfile diagnostic', async function () {
    this.timeout(60_000);
    const snippets = contributedSnippets();
    assert.ok(Object.keys(snippets).length >= 6, 'fewer snippets than expected');
    const watch = watchDiagnostics();
    try {
      const inserted = [];
      for (const [name, s] of Object.entries(snippets)) {
        const file = fileNameFor(s.prefix);
        await writeFile(file, '');
        const { doc } = await openDockerfile(file);
        await watch.atLeast(doc.uri, 1); // the diagnostics of the empty file
        const before = watch.count(doc.uri);
        await insertSnippet(doc, name);
        assert.ok(await doc.save(), `saving ${file} failed`);
        assert.strictEqual(readOnDisk(file), doc.getText());
        inserted.push({ name, file, doc, before });
      }
      // The server publishes after each edit, and again for open files when it (re)loads the Go
      // workspace: wait until each file had a publish since its insertion and then 3 s of calm.
      await Promise.all(inserted.map(({ doc, before }) => watch.settled(doc.uri, { minEvents: before + 1, quietMs: 3_000 })));
      const dirty = inserted
        .map(({ name, file, doc }) => ({ name, file, text: doc.getText(), diags: ourDiagnostics(doc.uri) }))
        .filter((x) => x.diags.length > 0);
      for (const x of dirty) log(`      ${x.name} (${x.file}):\n${x.text}\n      -> ${describeDiagnostics(x.diags)}`);
      assert.deepStrictEqual(dirty.map((x) => `${x.name}: ${describeDiagnostics(x.diags)}`), []);
    } finally {
      watch.dispose();
    }
  });
});
