// goDockerfile/status: the server says when it starts and finishes reading a Go workspace
// (the VS Code client shows it in the status bar), after the first diagnostics are out.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';

import { LspClient } from './client.mjs';
import { PINNED_OPTIONS, tempProject, writeModule } from './helpers.mjs';

let project;
before(() => {
  project = tempProject();
  writeModule(project);
});
after(() => project?.dispose());

test('reading, then ready with the package count, for the build context of an opened Dockerfile', async () => {
  const client = await LspClient.start({ rootDir: project.dir, initializationOptions: PINNED_OPTIONS });
  try {
    const text = 'FROM scratch\nCOPY app /app\nUSER 65532\nENTRYPOINT ["/app"]\n';
    const uri = project.write('Dockerfile', text);
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    const deadline = Date.now() + 10000;
    while (!client.statuses.some((s) => s.state === 'ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const root = fs.realpathSync(project.dir);
    const states = client.statuses.map((s) => `${fs.realpathSync(s.root) === root ? 'root' : s.root}:${s.state}`);
    assert.deepEqual(states, ['root:reading', 'root:ready']);
    const ready = client.statuses[1];
    assert.equal(ready.packages, 1);
    assert.ok(ready.ms >= 0 && ready.files >= 3, JSON.stringify(ready));
  } finally {
    await client.stop();
  }
});
