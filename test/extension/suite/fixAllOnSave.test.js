// "editor.codeActionsOnSave": { "source.fixAll.go-dockerfile": "explicit" } fixes the file on save.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { closeAll, openDockerfile, readOnDisk, setWorkspaceSetting, waitForDiagnostic } = require('./helpers');

const FILE = 'Dockerfile.apk'; // RUN apk add git (GD301)

suite('fix-all on save', () => {
  teardown(async () => {
    await setWorkspaceSetting('editor', 'codeActionsOnSave', undefined, 'dockerfile');
    await closeAll();
  });

  test('source.fixAll.go-dockerfile on save adds --no-cache to apk add', async () => {
    await setWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.go-dockerfile': 'explicit' }, 'dockerfile');
    const { doc, editor } = await openDockerfile(FILE);
    await waitForDiagnostic(doc.uri, 'GD301');
    assert.match(readOnDisk(FILE), /^RUN apk add git$/m);

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited by the extension-host test\n')), 'the edit was refused');
    assert.ok(doc.isDirty);
    assert.ok(await doc.save(), 'save failed');

    const saved = readOnDisk(FILE);
    assert.match(saved, /^# edited by the extension-host test$/m, `the edit is not on disk:\n${saved}`);
    assert.match(saved, /^RUN apk add --no-cache git$/m, `fix-all did not run on save:\n${saved}`);
  });
});
