// goDockerfile/layers over a real stdio LSP session: the LayerModel of an open Dockerfile (its
// unsaved text), of one only on disk, the rebuild prediction for changed files (URIs, absolute
// paths, paths relative to the workspace folder) and for change categories, and errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { LspClient } from './client.mjs';
import { PINNED_OPTIONS, tempProject } from './helpers.mjs';

const LAYERS = 'goDockerfile/layers';

const GO_MOD = 'module example.com/layers\n\ngo 1.22\n';
const MAIN_GO = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("layers") }\n';
const DOCKERFILE = [
  'FROM golang:1.22 AS build', // 1
  'WORKDIR /src', // 2
  'COPY go.mod ./', // 3
  'RUN go mod download', // 4
  'COPY . .', // 5
  'RUN CGO_ENABLED=0 go build -o /out/app .', // 6
  '', // 7
  'FROM build AS test', // 8
  'RUN go test ./...', // 9
  '', // 10
  'FROM gcr.io/distroless/static-debian12:nonroot', // 11
  'COPY --from=build /out/app /app', // 12
  'ENTRYPOINT ["/app"]', // 13
  '',
].join('\n');

/** `stage: line instruction` of every step that re-runs. */
const rebuilt = (m) => m.stages.flatMap((s) => s.layers.filter((l) => l.rebuilt).map((l) => `${s.name ?? s.index}:${l.line} ${l.instruction}`));

describe('goDockerfile/layers over LSP', () => {
  let project;
  let client;
  let uri;
  before(async () => {
    project = tempProject('go-dockerfile-layers-');
    project.write('go.mod', GO_MOD);
    project.write('main.go', MAIN_GO);
    project.write('README.md', '# not sent\n');
    project.write('.dockerignore', 'Dockerfile\n*.md\n');
    uri = project.write('Dockerfile', DOCKERFILE);
    // A nested module with its own Dockerfile: its build context is services/api.
    project.write('services/api/go.mod', 'module example.com/api\n\ngo 1.22\n');
    project.write('services/api/main.go', MAIN_GO);
    project.write('services/api/Dockerfile', 'FROM golang:1.22\nWORKDIR /src\nCOPY *.go go.mod ./\nRUN go build -o /app .\n');
    client = await LspClient.start({ rootDir: project.dir, initializationOptions: PINNED_OPTIONS });
    client.open(uri, DOCKERFILE);
    await client.diagnostics(uri, 1);
  });
  after(async () => {
    await client?.stop();
    project?.dispose();
  });

  test('the LayerModel: stages, the unused one, steps with 1-based lines, context files, final image, cache efficiency', async () => {
    const m = await client.request(LAYERS, { uri });
    assert.deepEqual(m.stages.map((s) => [s.index, s.name, s.line, s.final, s.reachesFinal]), [
      [0, 'build', 1, false, true],
      [1, 'test', 8, false, false],
      [2, null, 11, true, true],
    ]);
    assert.deepEqual(m.stages[0].layers.map((l) => [l.step, l.line, l.kind, l.createsLayer]), [
      [1, 1, 'base', false],
      [2, 2, 'metadata', false],
      [3, 3, 'context-copy', true],
      [4, 4, 'module-download', true],
      [5, 5, 'context-copy', true],
      [6, 6, 'go-build', true],
    ]);
    assert.deepEqual(m.stages[0].layers[4].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } });
    // The build context is the project (go.mod); .dockerignore keeps the Dockerfile and *.md out.
    assert.equal(m.context.root, project.dir);
    const copyAll = m.stages[0].layers[4];
    const sent = ['.dockerignore', 'go.mod', 'main.go', 'services/api/Dockerfile', 'services/api/go.mod', 'services/api/main.go'];
    assert.equal(copyAll.contextFiles, sent.length);
    assert.equal(copyAll.contextBytes, sent.reduce((n, f) => n + fs.statSync(path.join(project.dir, f)).size, 0));
    assert.ok(copyAll.contextTop.every((f) => sent.includes(f.path)));
    assert.equal(m.finalImage.layers, 1);
    assert.equal(m.finalImage.baseImage, 'gcr.io/distroless/static-debian12:nonroot');
    // The binary is an estimate (fmt only, no modules: ~1.8 MB) with its basis; the base from the image table.
    const copyBin = m.stages[2].layers[1];
    assert.match(copyBin.estimateBasis, /^the binary built on line 6 \(a Go program \(~1\.8 MB\)\)$/);
    assert.equal(m.stages[2].layers[0].estimatedBytes, 2 * 1024 * 1024);
    assert.match(m.stages[2].layers[0].estimateBasis, /^distroless-static from the image table: ~2\.0 MB uncompressed, ~819 KB compressed$/);
    assert.equal(m.finalImage.estimatedBytes, 2 * 1024 * 1024 + copyBin.estimatedBytes);
    assert.equal(m.finalImage.knownBytes, m.finalImage.estimatedBytes);
    assert.equal(m.cacheEfficiency, 2 / 5);
    assert.equal(m.change, null);
    assert.deepEqual(rebuilt(m), []);
  });

  test('change categories: a .go file, go.mod, a Dockerfile line', async () => {
    const go = await client.request(LAYERS, { uri, change: 'go' });
    assert.deepEqual(rebuilt(go), [
      'build:5 COPY . .',
      'build:6 RUN CGO_ENABLED=0 go build -o /out/app .',
      '2:12 COPY --from=build /out/app /app',
      '2:13 ENTRYPOINT ["/app"]',
    ]);
    assert.deepEqual(go.change.files, ['main.go']);
    const mod = await client.request(LAYERS, { uri, change: 'gomod' });
    assert.equal(rebuilt(mod)[0], 'build:3 COPY go.mod ./');
    assert.equal(mod.change.rebuiltSteps, 6);
    const line = await client.request(LAYERS, { uri, change: 'dockerfile:4' });
    assert.equal(rebuilt(line)[0], 'build:4 RUN go mod download');
    assert.deepEqual(line.stages[0].layers[3].rebuildReason, { kind: 'dockerfile', line: 4 });
  });

  test('changedFiles as file: URIs, absolute paths and workspace-relative paths; ignored files change nothing', async () => {
    for (const f of [project.uri('main.go'), path.join(project.dir, 'main.go'), 'main.go']) {
      const m = await client.request(LAYERS, { uri, changedFiles: [f] });
      assert.deepEqual(m.change.files, ['main.go'], f);
      assert.equal(m.change.rebuiltSteps, 4);
    }
    const ignored = await client.request(LAYERS, { uri, changedFiles: ['README.md'] });
    assert.deepEqual(rebuilt(ignored), []);
    assert.deepEqual(ignored.change.ignored, ['README.md']);
    // A nested module: paths relative to the workspace folder map into its own build context.
    const api = await client.request(LAYERS, { uri: project.uri('services/api/Dockerfile'), changedFiles: ['services/api/main.go', 'main.go'] });
    assert.equal(api.context.root, path.join(project.dir, 'services', 'api'));
    assert.deepEqual(api.change.files, ['main.go']);
    assert.equal(api.change.ignored.length, 1, 'the root module\'s main.go is outside this context');
    assert.deepEqual(rebuilt(api).map((r) => r.split(' ')[0]), ['0:3', '0:4']);
  });

  test('an open document is read as the editor holds it (unsaved edits); a closed one from disk', async () => {
    const other = project.write('Dockerfile.slow', DOCKERFILE.replace('COPY go.mod ./\nRUN go mod download\nCOPY . .', 'COPY . .\nRUN go mod download'));
    const fromDisk = await client.request(LAYERS, { uri: other });
    assert.equal(fromDisk.cacheEfficiency, 0, 'COPY . . before go mod download: nothing is reused');
    // Edit the open document (not saved): the model follows the editor's text.
    const text = DOCKERFILE.replace('WORKDIR /src', 'WORKDIR /src\nENV GOFLAGS=-mod=mod');
    client.change(uri, [{ text }]);
    await client.diagnostics(uri, 2);
    const edited = await client.request(LAYERS, { uri });
    assert.equal(edited.stages[0].layers[2].instruction, 'ENV GOFLAGS=-mod=mod');
    assert.equal(edited.stages[0].layers.length, 7);
    assert.equal(fs.readFileSync(path.join(project.dir, 'Dockerfile'), 'utf8'), DOCKERFILE, 'nothing written');
  });

  test('errors: bad params and a missing file are request errors; the server stays up', async () => {
    await assert.rejects(client.request(LAYERS, {}), /expected \{uri/);
    await assert.rejects(client.request(LAYERS, { uri, changedFiles: 'main.go' }), /expected \{uri/);
    await assert.rejects(client.request(LAYERS, { uri: project.uri('nope/Dockerfile') }), /ENOENT|no such file/);
    const m = await client.request(LAYERS, { uri, change: 'weather' });
    assert.ok(m.warnings.some((w) => w.includes('unknown change "weather"')));
  });
});
