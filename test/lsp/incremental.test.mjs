// Typing fast: random edits sent back to back (as an editor does at 30 ms a key, without waiting
// for answers) end with the same diagnostics for the last version as a fresh open of the final
// text; older versions may be skipped, but never answered after a newer one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LspClient } from './client.mjs';
import { SOURCE, positionAt, tempProject, writeModule, rng } from './helpers.mjs';

const START = [
  'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .',
  'RUN CGO_ENABLED=0 go build -o /out/app .', 'FROM alpine:3.20', 'RUN apk add tzdata', 'RUN apk add ca-certificates',
  'COPY --from=build /out/app /app', 'ENTRYPOINT /app', '',
].join('\n');
const SNIPPETS = [' ', '\n', 'x', '\\\n', ' -trimpath', '\nRUN go build .', '\nUSER 65532', ' --mount=type=cache,target=/go/pkg/mod', '"', '$(', '\nFROMM x'];

const ourDiagnostics = (ds) => ds.filter((d) => d.source === SOURCE).map(({ code, range, message, severity }) => ({ code, range, message, severity }));

describe('edits sent back to back', () => {
  let project;
  let client;
  before(async () => {
    project = tempProject();
    writeModule(project);
    client = await LspClient.start({ rootDir: project.dir, timeoutMs: 30000 });
    // The workspace read first: its findings then come with every version alike.
    const warm = project.write('Dockerfile', START);
    client.open(warm, START);
    const deadline = Date.now() + 30000;
    while (!client.statuses.some((s) => s.state === 'ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(client.statuses.some((s) => s.state === 'ready'), 'the workspace was read');
  });
  after(async () => {
    await client?.stop();
    project.dispose();
  });

  for (const seed of [7, 8]) {
    test(`seed ${seed}: 120 random edits, then the last version's findings equal a fresh open's`, async () => {
      const uri = project.write(`typed-${seed}.Dockerfile`, START);
      client.open(uri, START);
      let text = START;
      const next = rng(seed);
      let version = 1;
      for (let k = 0; k < 120; k++) {
        const at = Math.floor(next() * (text.length + 1));
        const start = positionAt(text, at);
        let change;
        if (next() < 0.6) {
          const insert = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
          change = { range: { start, end: start }, text: insert };
          text = text.slice(0, at) + insert + text.slice(at);
        } else {
          const to = Math.min(text.length, at + 1 + Math.floor(next() * 8));
          change = { range: { start, end: positionAt(text, to) }, text: '' };
          text = text.slice(0, at) + text.slice(to);
        }
        version = client.change(uri, [change]);
        // Some keys come in bursts, some after a moment.
        if (k % 10 === 0) await new Promise((r) => setTimeout(r, 15));
      }
      const last = await client.diagnostics(uri, version);
      const versions = client.published.get(uri).map((p) => p.version);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions are answered in order');

      const freshUri = project.write(`fresh-${seed}.Dockerfile`, text);
      client.open(freshUri, text);
      const fresh = await client.diagnostics(freshUri, 1);
      assert.deepEqual(ourDiagnostics(last), ourDiagnostics(fresh), `final text:\n${text}`);
    });
  }

  test('a burst of edits that arrives at once is answered for its last version, not version by version', async () => {
    // A file long enough that its analysis takes a while: the burst waits in the pipe meanwhile.
    const big = Array.from({ length: 40 }, () => START).join('');
    const uri = project.write('burst.Dockerfile', big);
    client.open(uri, big);
    await client.diagnostics(uri, 1);
    const before = client.publishCount(uri);
    let version = 1;
    // Sent in one turn: the server reads them together and should analyse only the last.
    for (let k = 0; k < 40; k++) version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }]);
    await client.diagnostics(uri, version);
    const answered = client.published.get(uri).slice(before).map((p) => p.version);
    assert.ok(answered.length <= 3, `versions answered: ${answered.join(', ')}`);
    assert.equal(answered.at(-1), version);
  });
});

describe('the first analysis after opening', () => {
  test('a script only the grammar reads: the first diagnostics are those of a later analysis of the same text', async () => {
    // The server analyses a just-opened document before the shell grammar is loaded when its
    // scripts are plain; this one is not (`$(...)`, `if`), so it must wait for the grammar and
    // still report the `-a` inside it.
    const text = [
      'FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .',
      'RUN if [ -n "$(go env GOPATH)" ]; then CGO_ENABLED=0 go build -a -o /out/app .; fi',
      'FROM alpine:3.20', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]', '',
    ].join('\n');
    const project = tempProject();
    const client = await LspClient.start({ rootDir: project.dir, timeoutMs: 30000 });
    try {
      const uri = project.write('Dockerfile', text);
      client.open(uri, text);
      const first = ourDiagnostics(await client.diagnostics(uri, 1));
      assert.ok(first.some((d) => d.code === 'GD109'), JSON.stringify(first));
      const again = project.write('again.Dockerfile', text);
      client.open(again, text);
      assert.deepEqual(ourDiagnostics(await client.diagnostics(again, 1)), first);
    } finally {
      await client.stop();
      project.dispose();
    }
  });
});
