// The extension activates on a Dockerfile and registers its commands.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, closeAll, openDockerfile, waitFor } = require('./helpers');

suite('activation', () => {
  teardown(closeAll);

  test('is active after a Dockerfile is opened, with its commands registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the extensions`);
    await openDockerfile('Dockerfile.gd104');
    await waitFor(() => ext.isActive, { message: `${EXTENSION_ID} to be active` });

    const commands = await vscode.commands.getCommands(true);
    for (const id of ['goDockerfile.showLayers', 'goDockerfile.generate', 'goDockerfile.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
