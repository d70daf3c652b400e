// A file with more findings than an editor shows: the server publishes what VS Code would show
// (1,000 per file, errors first, the marker included) and says how many it left out, and the
// CLI, which has no such limit, finds exactly the published findings plus the ones left out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { LspClient, SERVER_JS } from './client.mjs';
import { EditorDocument, SOURCE, onlyRules, tempProject } from './helpers.mjs';

const CLI_JS = path.join(path.dirname(SERVER_JS), 'cli.js');
const APK_RUNS = 700;
const SCRATCH_RUNS = 400;
// GD301 (information) on every `apk add` without --no-cache; GD206 (error) on every shell-form
// RUN of the scratch stage, which has no shell. The errors come after the information findings.
const DOCKERFILE = [
  'FROM alpine:3.20 AS tools',
  ...Array.from({ length: APK_RUNS }, (_, i) => `RUN apk add git${i}`),
  'FROM scratch',
  ...Array.from({ length: SCRATCH_RUNS }, (_, i) => `RUN echo ${i}`),
  '',
].join('\n');

describe('publishing at most what an editor shows', () => {
  let project;
  let client;
  let cliFindings;
  before(async () => {
    project = tempProject();
    // The repository's settings, read by the server and the CLI alike.
    project.write('.go-dockerfile.json', JSON.stringify(onlyRules(['GD206', 'GD301'])));
    project.write('Dockerfile', DOCKERFILE);
    const cli = spawnSync(process.execPath, [CLI_JS, 'lint', '--format', 'json', path.join(project.dir, 'Dockerfile')], { encoding: 'utf8', env: { ...process.env, GO_DOCKERFILE_CODE_CACHE: '0' } });
    // Exit 1: errors remain (GD206).
    assert.equal(cli.status, 1, cli.stderr);
    cliFindings = JSON.parse(cli.stdout);
    client = await LspClient.start({ rootDir: project.dir, initializationOptions: { languageFeatures: 'off' } });
  });
  after(async () => {
    await client?.stop();
    project?.dispose();
  });

  test('1,000 diagnostics: every error, the first information findings, and a marker for the rest', async () => {
    const uri = project.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const counts = (code) => cliFindings.filter((f) => f.code === code).length;
    // What the CLI finds: more than fit.
    assert.equal(counts('GD206'), SCRATCH_RUNS);
    assert.equal(counts('GD301'), APK_RUNS);
    assert.equal(cliFindings.length, APK_RUNS + SCRATCH_RUNS);

    assert.equal(doc.diagnostics.length, 1000);
    const [marker, ...more] = doc.diagnostics.filter((d) => d.source === SOURCE && d.code === undefined);
    assert.equal(more.length, 0);
    const omitted = cliFindings.length - 999;
    assert.match(marker.message, new RegExp(`^Not showing ${omitted} further findings here`));
    assert.equal(marker.severity, 3, 'information');

    // Every error is shown, and information findings in order until the limit.
    const shown = doc.diagnostics.filter((d) => d.code !== undefined);
    assert.equal(shown.filter((d) => d.code === 'GD206').length, SCRATCH_RUNS);
    const infoLines = shown.filter((d) => d.code === 'GD301').map((d) => d.range.start.line);
    assert.deepEqual(infoLines, Array.from({ length: 999 - SCRATCH_RUNS }, (_, i) => i + 1));
    // The marker sits on the first finding left out; the CLI lists it there.
    const firstLeftOut = 999 - SCRATCH_RUNS + 1;
    assert.equal(marker.range.start.line, firstLeftOut);
    assert.ok(cliFindings.some((f) => f.code === 'GD301' && f.line === firstLeftOut + 1), 'the CLI reports the first finding left out');
    // Each shown finding is one the CLI reports at the same place.
    for (const d of shown) assert.ok(cliFindings.some((f) => f.code === d.code && f.line === d.range.start.line + 1 && f.column === d.range.start.character + 1), JSON.stringify(d));

    // A shown finding's quick fix is offered as usual.
    const { fix } = await doc.quickFixesFor(shown.find((d) => d.code === 'GD301'));
    assert.ok(fix, 'the GD301 quick fix');
    client.close(uri);
  });

  test('once the findings fit again, all of them and no marker', async () => {
    const uri = project.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    assert.equal(doc.diagnostics.length, 1000);
    // Remove 200 of the scratch stage's RUN lines: 900 findings.
    const lines = DOCKERFILE.split('\n');
    const firstScratchRun = APK_RUNS + 2;
    await doc.replace({ start: { line: firstScratchRun, character: 0 }, end: { line: firstScratchRun + 200, character: 0 } }, '');
    assert.equal(lines.length - 200, doc.text.split('\n').length);
    assert.equal(doc.diagnostics.length, APK_RUNS + SCRATCH_RUNS - 200);
    assert.ok(doc.diagnostics.every((d) => d.code !== undefined), 'no marker');
    client.close(uri);
  });
});
