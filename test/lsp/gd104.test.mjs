// GD104 end to end: diagnostic shape, quick fix applied as an editor does (incremental
// didChange), CRLF + escape directive, and the build context (nearest go.mod, go.sum or not).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { LspClient, SERVER_JS } from './client.mjs';
import { EditorDocument, SOURCE, tempProject, writeModule, PINNED_OPTIONS } from './helpers.mjs';

const DOCKERFILE = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app .',
  '',
  'FROM gcr.io/distroless/static-debian12:nonroot',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

describe('GD104 over LSP', () => {
  let project;
  let client;
  before(async () => {
    project = tempProject();
    writeModule(project); // go.mod + go.sum + main.go
    // A nested module without go.sum, with its Dockerfile one folder further down.
    writeModule(project, 'tools', { goSum: false });
    client = await LspClient.start({ rootDir: project.dir, initializationOptions: PINNED_OPTIONS });
  });
  after(async () => {
    await client?.stop();
    project?.dispose();
  });

  test('didOpen publishes GD104 with source, code, codeDescription and a 0-based range on the COPY line', async () => {
    const uri = project.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const gd104 = doc.ours('GD104');
    assert.equal(gd104.length, 1, JSON.stringify(doc.diagnostics));
    const d = gd104[0];
    assert.equal(d.source, SOURCE);
    assert.equal(d.code, 'GD104');
    assert.equal(d.severity, 2, 'warning');
    assert.match(d.codeDescription.href, /GD104\.md$/);
    // The rule pages beside the bundle (dist/../docs/rules), as the server looks for them.
    const localDocs = path.resolve(path.dirname(SERVER_JS), '..', 'docs', 'rules');
    if (fs.existsSync(path.join(localDocs, 'README.md'))) {
      assert.equal(d.codeDescription.href, pathToFileURL(path.join(localDocs, 'GD104.md')).href, 'the local rule page beside dist/');
    } else {
      assert.match(d.codeDescription.href, /^https:\/\//);
    }
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 'COPY . .'.length } });
    // data: the finding's offsets, no version (a kept diagnostic is the same from one version to the next).
    assert.deepEqual(d.data, { start: DOCKERFILE.indexOf('COPY . .'), end: DOCKERFILE.indexOf('COPY . .') + 'COPY . .'.length });
    // Nothing else in this (otherwise good) Dockerfile.
    assert.deepEqual(doc.codes(), ['GD104']);
    client.close(uri);
  });

  test('the quick fix, applied with an incremental didChange, removes GD104 and adds the module layer', async () => {
    const uri = project.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const [d] = doc.ours('GD104');
    const { fix, ignore, all } = await doc.quickFixesFor(d);
    assert.ok(fix, `a fix among ${JSON.stringify(all.map((a) => a.title))}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((x) => x.code), ['GD104'], 'the action names the diagnostic it fixes');
    assert.ok(ignore, 'an Ignore action too');

    await doc.applyAction(fix);
    assert.equal(doc.version, 2);
    assert.deepEqual(doc.ours('GD104'), [], 'no GD104 for version 2');
    assert.deepEqual(doc.codes(), [], 'and nothing else');
    const lines = doc.text.split('\n');
    const copyAll = lines.indexOf('COPY . .');
    assert.deepEqual(lines.slice(copyAll - 2, copyAll + 1), ['COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .']);
    assert.equal(doc.text, DOCKERFILE.replace('COPY . .\n', 'COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n'), 'nothing else changed');

    // The action was for version 1: asking again on version 2 offers nothing for GD104.
    const again = await doc.codeActions({ diagnostics: [d], only: ['quickfix'] });
    assert.deepEqual(again, [], 'a stale diagnostic gets no action');
    client.close(uri);
  });

  test('CRLF and an escape directive: the fix keeps \\r\\n everywhere and the directive untouched', async () => {
    const text = [
      '# escape=`',
      'FROM golang:1.22 AS build',
      'WORKDIR C:\\src',
      'COPY . .',
      'RUN go build `',
      '    -o /out/app .',
      '',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=build /out/app /app',
      'ENTRYPOINT ["/app"]',
      '',
    ].join('\r\n');
    const uri = project.write('Dockerfile.windows', text);
    const doc = await EditorDocument.open(client, uri, text);
    const [d] = doc.ours('GD104');
    assert.ok(d, JSON.stringify(doc.diagnostics));
    assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } });
    const { fix } = await doc.quickFixesFor(d);
    await doc.applyAction(fix);
    assert.deepEqual(doc.ours('GD104'), []);
    assert.doesNotMatch(doc.text, /(^|[^\r])\n/, 'no lone \\n');
    assert.doesNotMatch(doc.text, /\r(?!\n)/, 'no lone \\r');
    assert.ok(doc.text.startsWith('# escape=`\r\nFROM golang:1.22 AS build\r\n'), 'the directive line is untouched and still first');
    assert.ok(doc.text.includes('\r\nCOPY go.mod go.sum ./\r\nRUN go mod download\r\nCOPY . .\r\n'));
    assert.ok(doc.text.includes('RUN go build `\r\n    -o /out/app .\r\n'), 'the continuation is untouched');
    client.close(uri);
  });

  test('a build context without go.sum: the fix copies go.mod alone (nearest ancestor with go.mod)', async () => {
    // tools/ has go.mod and no go.sum; the project root above it has both. The Dockerfile
    // sits in tools/docker/, which has no go.mod: the context is tools/, not the root.
    const uri = project.write('tools/docker/Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const [d] = doc.ours('GD104');
    const { fix } = await doc.quickFixesFor(d);
    assert.match(fix.title, /go\.mod/);
    assert.doesNotMatch(fix.title, /go\.sum/);
    await doc.applyAction(fix);
    assert.deepEqual(doc.ours('GD104'), []);
    assert.ok(doc.text.includes('WORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\n'), doc.text);
    client.close(uri);
  });

  test('the same Dockerfile beside the root go.mod + go.sum copies both', async () => {
    const uri = project.write('docker/Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const { fix } = await doc.quickFixesFor(doc.ours('GD104')[0]);
    await doc.applyAction(fix);
    assert.ok(doc.text.includes('WORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n'), doc.text);
    client.close(uri);
  });
});
