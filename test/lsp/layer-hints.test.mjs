// Layer sizes in the editor, over a real stdio LSP session: inlay hints after each layer-making
// instruction (size, labelled estimated or measured, and what re-runs it), a stage summary after
// each FROM, hover on a base image with the image table's facts, and a measurement sent by the
// client (`goDockerfile/measurement`) shown beside the estimates and marked stale once the text
// changes. The server only receives measurements: it never runs a builder.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { LspClient } from './client.mjs';
import { PINNED_OPTIONS, tempProject } from './helpers.mjs';

const DOCKERFILE = [
  'FROM golang:1.22 AS build', // 0
  'WORKDIR /src', // 1
  'COPY go.mod ./', // 2
  'RUN go mod download', // 3
  'COPY . .', // 4
  'RUN CGO_ENABLED=0 go build -o /out/app .', // 5
  '', // 6
  'FROM gcr.io/distroless/static-debian12:nonroot', // 7
  'COPY --from=build /out/app /app', // 8
  'ENTRYPOINT ["/app"]', // 9
  '',
].join('\n');

const lineEnd = (text, line) => text.split('\n')[line].length;

describe('layer hints, image hover and measurements over LSP', () => {
  let project;
  let client;
  let uri;
  const hints = async () => client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
  const byLine = (hs) => Object.fromEntries(hs.map((h) => [h.position.line, h]));

  before(async () => {
    project = tempProject('go-dockerfile-hints-');
    project.write('go.mod', 'module example.com/hints\n\ngo 1.22\n');
    project.write('main.go', 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hints") }\n');
    uri = project.write('Dockerfile', DOCKERFILE);
    client = await LspClient.start({ rootDir: project.dir, initializationOptions: PINNED_OPTIONS });
    client.open(uri, DOCKERFILE);
    await client.diagnostics(uri, 1);
  });
  after(async () => {
    await client?.stop();
    project?.dispose();
  });

  test('a hint after every layer-making instruction and every FROM, none on metadata lines', async () => {
    assert.ok(client.capabilities.inlayHintProvider, 'inlayHintProvider is announced');
    // The workspace is read on the next tick after the first diagnostics: ask until the hints know it.
    let hs;
    for (let i = 0; i < 50; i++) {
      hs = await hints();
      if (byLine(hs)[4]?.label.includes('.go edits')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const at = byLine(hs);
    assert.deepEqual(Object.keys(at).map(Number).sort((a, b) => a - b), [0, 2, 3, 4, 5, 7, 8], 'FROM and RUN/COPY lines only');
    for (const h of hs) assert.equal(h.position.character, lineEnd(DOCKERFILE, h.position.line), `line ${h.position.line}: at the end of the instruction`);
    assert.match(at[2].label, /^\+\d+ B est\. · re-runs on go\.mod edits$/);
    assert.match(at[3].label, /^\+0 B est\. · re-runs on go\.mod edits$/);
    assert.match(at[4].label, /^\+\d+ B est\. · re-runs on \.go edits$/);
    assert.match(at[5].label, /^\+\d+(\.\d)? MB est\. · re-runs on \.go edits$/);
    assert.match(at[5].tooltip, /^Estimated .*: binary: a Go program \(~1\.8 MB\) \+ the Go build cache/);
    assert.match(at[8].label, /^\+1\.8 MB est\. · re-runs on \.go edits$/);
    assert.match(at[0].label, /^build: 4 layers \+\d+ MB est\. · base 830 MB$/);
    assert.match(at[7].label, /^image ~3\.8 MB est\. · 1 layer \+1\.8 MB$/);
    // VS Code cuts hints at 43 characters by default: the labels fit.
    for (const h of hs) assert.ok(h.label.length <= 43, `"${h.label}" fits`);
    // Only the asked range.
    const part = await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } } });
    assert.deepEqual(part.map((h) => h.position.line), [4, 5]);
  });

  test('hover on a FROM image: the image table\'s facts; elsewhere the general hover', async () => {
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    const md = h.contents.value;
    assert.match(md, /^\*\*golang:1\\\.22\*\* — golang \(debian\)/);
    for (const row of [/\| Size \| ~830 MB uncompressed, ~290 MB compressed \|/, /\| C library \| glibc \|/, /\| Shell \| \/bin\/sh \|/, /\| CA certificates \| yes \|/, /\| tzdata \(zoneinfo\) \| yes \|/, /\| Default user \| root \|/]) {
      assert.match(md, row);
    }
    assert.deepEqual(h.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 16 } });
    const distroless = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 20 } });
    assert.match(distroless.contents.value, /\| Default user \| 65532 \|/);
    assert.match(distroless.contents.value, /\| Shell \| none \|/);
    // On WORKDIR: dockerfile-language-service's documentation, not ours.
    const other = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.doesNotMatch(JSON.stringify(other?.contents ?? ''), /image table/);
  });

  test('a measurement from the client: measured sizes beside the estimates, the steps that ran, stale after an edit', async () => {
    const measurement = {
      dockerfile: '/x/Dockerfile',
      textHash: createHash('sha256').update(DOCKERFILE).digest('hex'),
      builder: 'buildah',
      command: ['buildah', 'bud', '--layers', '-f', '/x/Dockerfile', '/x'],
      target: null,
      at: '2026-12-02T15:00:00.000Z',
      steps: [
        { stage: 0, step: 1, instruction: 'FROM golang:1.22 AS build', ran: false, bytes: 0 },
        { stage: 0, step: 2, instruction: 'WORKDIR /src', ran: false, bytes: 0 },
        { stage: 0, step: 3, instruction: 'COPY go.mod ./', ran: false, bytes: 3584 },
        { stage: 0, step: 4, instruction: 'RUN go mod download', ran: false, bytes: 2560 },
        { stage: 0, step: 5, instruction: 'COPY . .', ran: true, bytes: 6656 },
        { stage: 0, step: 6, instruction: 'RUN ...', ran: true, bytes: 24004608 },
        { stage: 1, step: 1, instruction: 'FROM ...', ran: false, bytes: 0 },
        { stage: 1, step: 2, instruction: 'COPY --from=build /out/app /app', ran: true, bytes: 1816576 },
        { stage: 1, step: 3, instruction: 'ENTRYPOINT ["/app"]', ran: true, bytes: 0 },
      ],
      finalBytes: 4 * 1024 * 1024,
      finalLayers: 2,
    };
    // Malformed data is ignored (logged), never a crash.
    client.notify('goDockerfile/measurement', { uri, measurement: { steps: 'no' } });
    client.notify('goDockerfile/measurement', { uri, measurement });
    let at;
    for (let i = 0; i < 50; i++) {
      at = byLine(await hints());
      if (at[5]?.label.includes('measured')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(at[5].label, /^\+23 MB measured · re-runs on \.go edits$/);
    assert.match(at[5].tooltip, /^Estimated \d+(\.\d)? MB: binary/);
    assert.match(at[5].tooltip, /Measured 23 MB by buildah; this step ran in that build/);
    assert.match(at[8].label, /^\+1\.7 MB measured · re-runs on \.go edits$/);
    assert.match(at[7].label, /^image 4\.0 MB measured · 1 layer \+1\.7 MB$/);
    const m = await client.request('goDockerfile/layers', { uri });
    assert.deepEqual(m.stages[0].layers.map((l) => l.measuredBytes), [0, 0, 3584, 2560, 6656, 24004608]);
    assert.deepEqual(m.stages[0].layers.map((l) => l.measuredRan), [null, false, false, false, true, true]);
    assert.equal(m.finalImage.measuredBytes, 4 * 1024 * 1024);
    assert.deepEqual({ ...m.measurement, order: undefined }, {
      builder: 'buildah', command: 'buildah bud --layers -f /x/Dockerfile /x', target: null, at: measurement.at, stale: false,
      ran: ['0:5', '0:6', '1:2', '1:3'], order: undefined, finalBytes: 4 * 1024 * 1024, finalLayers: 2,
    });

    // An edit: the measurement is of an older text now.
    const edited = DOCKERFILE.replace('COPY . .', 'COPY . ./');
    client.change(uri, [{ text: edited }]);
    const stale = await client.request('goDockerfile/layers', { uri });
    assert.equal(stale.measurement.stale, true);
    const after = byLine(await hints());
    assert.match(after[5].label, /^\+23 MB measured, stale/);
    client.change(uri, [{ text: DOCKERFILE }]);
    assert.equal((await client.request('goDockerfile/layers', { uri })).measurement.stale, false, 'the same text again: not stale');
  });

  test('goDockerfile.layerHints off: no hints', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { goDockerfile: { layerHints: false } } });
    let hs = await hints();
    for (let i = 0; i < 20 && hs.length; i++) hs = await hints();
    assert.deepEqual(hs, []);
    client.notify('workspace/didChangeConfiguration', { settings: { goDockerfile: { layerHints: true } } });
    assert.ok((await hints()).length > 0);
  });

  test('asked right after an edit, the hints come after the findings of the edited version (a whole-file pass never goes first)', async () => {
    const edited = DOCKERFILE.replace('WORKDIR /src', 'WORKDIR /src2');
    const v = client.change(uri, [{ text: edited }]);
    const hs = await hints();
    assert.ok(client.published.get(uri).some((p) => p.version >= v), 'the edited version\'s diagnostics arrived before the hints');
    assert.ok(hs.length > 0);
    await client.diagnostics(uri, client.change(uri, [{ text: DOCKERFILE }]));
  });
});
