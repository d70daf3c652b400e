// The `target` setting (goDockerfile.target): the named stage is checked as the image, from
// initializationOptions and after workspace/didChangeConfiguration; empty goes back to the last stage.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LspClient } from './client.mjs';
import { onlyRules, tempProject, writeModule } from './helpers.mjs';

const DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build -o /out/app .',
  'FROM alpine:3.20 AS prod',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
  'FROM build AS dev',
  'CMD ["/out/app", "--dev"]',
  '',
].join('\n');

describe('goDockerfile.target over LSP', () => {
  let project;
  let client;
  const rules = onlyRules(['GD201', 'GD204']);
  before(async () => {
    project = tempProject();
    writeModule(project);
    client = await LspClient.start({ rootDir: project.dir, initializationOptions: { languageFeatures: 'off', rules, target: 'prod' } });
  });
  after(async () => {
    await client?.stop();
    project?.dispose();
  });

  const codes = (d) => d.filter((x) => x.source === 'go-dockerfile').map((x) => x.code).sort();

  test('the target stage is the image; a configuration change moves it back to the last stage', async () => {
    const uri = project.write('Dockerfile', DOCKERFILE);
    client.open(uri, DOCKERFILE);
    assert.deepEqual(codes(await client.diagnostics(uri, 1)), ['GD204']);
    client.notify('workspace/didChangeConfiguration', { settings: { goDockerfile: { rules, target: '' } } });
    const version = client.change(uri, [{ text: DOCKERFILE }]);
    assert.deepEqual(codes(await client.diagnostics(uri, version)), ['GD201', 'GD204']);
  });
});
