// GD201's "Replace with a generated multi-stage Dockerfile…" action: a command for clients that
// say they implement goDockerfile.generate (our VS Code client), absent for other editors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { LspClient } from './client.mjs';
import { EditorDocument, PINNED_OPTIONS, tempProject, writeModule } from './helpers.mjs';

const SINGLE_STAGE = 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';

let project;
before(() => {
  project = tempProject();
  writeModule(project);
});
after(() => project?.dispose());

async function actionsFor(initializationOptions) {
  const client = await LspClient.start({ rootDir: project.dir, initializationOptions });
  try {
    const uri = project.write(`Dockerfile.${Object.keys(initializationOptions).length}`, SINGLE_STAGE);
    const doc = await EditorDocument.open(client, uri, SINGLE_STAGE);
    const [gd201] = doc.ours('GD201');
    assert.ok(gd201, 'GD201 reported');
    return { uri, ...(await doc.quickFixesFor(gd201)) };
  } finally {
    await client.stop();
  }
}

describe('GD201 generate action', () => {
  test('offered as a goDockerfile.generate command to a client that implements it', async () => {
    const { uri, all } = await actionsFor({ ...PINNED_OPTIONS, commands: ['goDockerfile.generate'] });
    const action = all.find((a) => a.command?.command === 'goDockerfile.generate');
    assert.ok(action, JSON.stringify(all.map((a) => a.title)));
    assert.match(action.title, /generated multi-stage Dockerfile/);
    assert.deepEqual(action.command.arguments, [{ folderUri: pathToFileURL(project.dir).href, dockerfileUri: uri }]);
    assert.equal(action.edit, undefined, 'the command writes nothing itself');
  });

  test('absent for a client that does not', async () => {
    const { all } = await actionsFor(PINNED_OPTIONS);
    assert.ok(all.length > 0);
    assert.ok(!all.some((a) => a.command), JSON.stringify(all.map((a) => a.title)));
  });
});
