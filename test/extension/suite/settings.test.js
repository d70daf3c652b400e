// Changing goDockerfile.rules re-lints open Dockerfiles.
'use strict';

const vscode = require('vscode');
const { closeAll, openDockerfile, setWorkspaceSetting, waitForDiagnostic, waitForNoDiagnostic } = require('./helpers');

const FILE = 'Dockerfile.rules'; // RUN apk add git (GD301)

suite('settings', () => {
  teardown(async () => {
    await setWorkspaceSetting('goDockerfile', 'rules', undefined);
    await closeAll();
  });

  test('goDockerfile.rules { GD301: "off" } removes GD301; setting it back brings it back', async () => {
    const { doc } = await openDockerfile(FILE);
    await waitForDiagnostic(doc.uri, 'GD301');

    await setWorkspaceSetting('goDockerfile', 'rules', { GD301: 'off' });
    await waitForNoDiagnostic(doc.uri, 'GD301');
    await waitForDiagnostic(doc.uri, 'GD107'); // the file is still linted

    await setWorkspaceSetting('goDockerfile', 'rules', undefined);
    const back = await waitForDiagnostic(doc.uri, 'GD301');
    // The file's `apk add` is in a builder stage: the rule's own severity there is a hint.
    if (back.severity !== vscode.DiagnosticSeverity.Hint) throw new Error(`GD301 came back as severity ${back.severity}`);
  });
});
