// General Dockerfile features (dockerfile-language-service) and the document lifecycle:
// completion, hover, typing (incremental changes, versions), close.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LspClient } from './client.mjs';
import { EditorDocument, lineStarts, tempProject, writeModule, PINNED_OPTIONS } from './helpers.mjs';

const TEXT = 'FROM golang:1.22 AS build\nWORKDIR /src\n\nRUN go build -o /out/app .\n';

let project;
let client;
before(async () => {
  project = tempProject();
  writeModule(project);
  client = await LspClient.start({ rootDir: project.dir, initializationOptions: PINNED_OPTIONS });
});
after(async () => {
  await client?.stop();
  project?.dispose();
});

describe('language features', () => {
  test('completion at the start of an empty line offers instruction keywords', async () => {
    const doc = await EditorDocument.open(client, project.write('Dockerfile.completion', TEXT), TEXT);
    const result = await client.request('textDocument/completion', {
      textDocument: { uri: doc.uri },
      position: { line: 2, character: 0 },
      context: { triggerKind: 1 },
    });
    const items = Array.isArray(result) ? result : result?.items;
    assert.ok(Array.isArray(items) && items.length > 0, 'some items');
    const keywords = new Set(items.map((i) => i.label.split(/\s/)[0]));
    for (const k of ['RUN', 'COPY', 'CMD', 'ENTRYPOINT', 'USER']) assert.ok(keywords.has(k), `${k} among ${[...keywords]}`);
    // Edits stay on the line asked about.
    for (const i of items) if (i.textEdit?.range) assert.equal(i.textEdit.range.start.line, 2);
    // resolve works (resolveProvider: true).
    const resolved = await client.request('completionItem/resolve', items.find((i) => i.label.startsWith('RUN')));
    assert.ok(resolved.label.startsWith('RUN'));
  });

  test('hover over FROM returns documentation', async () => {
    const doc = await EditorDocument.open(client, project.write('Dockerfile.hover', TEXT), TEXT);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 0, character: 2 } });
    assert.ok(hover?.contents, 'hover contents');
    const md = typeof hover.contents === 'string' ? hover.contents : hover.contents.value ?? JSON.stringify(hover.contents);
    assert.match(md, /FROM/);
    assert.match(md, /image/i);
    const none = await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 2, character: 0 } });
    assert.equal(none, null, 'nothing on an empty line');
  });

  test('document symbols, folding, formatting and semantic tokens answer for the document', async () => {
    const doc = await EditorDocument.open(client, project.write('Dockerfile.misc', TEXT), TEXT);
    const td = { textDocument: { uri: doc.uri } };
    const symbols = await client.request('textDocument/documentSymbol', td);
    assert.ok(symbols.some((s) => s.name === 'FROM'), JSON.stringify(symbols));
    assert.ok(Array.isArray(await client.request('textDocument/foldingRange', td)));
    const formatting = await client.request('textDocument/formatting', { ...td, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(Array.isArray(formatting));
    const tokens = await client.request('textDocument/semanticTokens/full', td);
    assert.ok(Array.isArray(tokens.data) && tokens.data.length % 5 === 0 && tokens.data.length > 0);
  });
});

describe('document lifecycle', () => {
  test('typing: after several incremental changes in a row, diagnostics follow the latest version', async () => {
    const base = 'FROM alpine:3.20\nUSER 65532:65532\n';
    const doc = await EditorDocument.open(client, project.write('Dockerfile.typing', base), base);
    assert.deepEqual(doc.codes(), []);
    // Type "RUN apk add git" at the end, one character per didChange, without waiting.
    const typed = 'RUN apk add git';
    const starts = lineStarts(doc.text);
    const line = starts.length - 1;
    for (let i = 0; i < typed.length; i++) {
      doc.text += typed[i];
      doc.version = client.change(doc.uri, [{ range: { start: { line, character: i }, end: { line, character: i } }, text: typed[i] }]);
    }
    await doc.receive();
    assert.equal(doc.version, 1 + typed.length);
    assert.deepEqual(doc.codes(), ['GD301']);
    assert.deepEqual(doc.ours('GD301')[0].range, { start: { line: 2, character: 4 }, end: { line: 2, character: typed.length } });
    // Every publish carried a version we sent, newest last.
    const versions = client.published.get(doc.uri).map((p) => p.version);
    assert.ok(versions.every((v, i) => i === 0 || v > versions[i - 1]), `increasing versions ${versions}`);
    assert.equal(versions.at(-1), doc.version);

    // Delete a range spanning a line break, replace text in the middle of a line.
    await doc.replace({ start: { line: 1, character: 16 }, end: { line: 2, character: 0 } }, '\n# comment\n');
    assert.equal(doc.text, 'FROM alpine:3.20\nUSER 65532:65532\n# comment\nRUN apk add git');
    assert.equal(doc.ours('GD301')[0].range.start.line, 3);
    await doc.replace({ start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, 'add --no-cache');
    assert.deepEqual(doc.codes(), []);
  });

  test('didClose clears the diagnostics; reopening publishes again', async () => {
    const text = 'FROM scratch\nCMD /app\n';
    const uri = project.write('Dockerfile.close', text);
    const doc = await EditorDocument.open(client, uri, text);
    assert.ok(doc.ours().length > 0);
    const cleared = client.diagnostics(uri, undefined);
    client.close(uri);
    assert.deepEqual(await cleared, []);
    // Requests about a closed document answer, with nothing.
    assert.deepEqual(await doc.codeActions({ only: ['source.fixAll.go-dockerfile'] }), []);
    const again = await EditorDocument.open(client, uri, text);
    assert.deepEqual(again.codes(), doc.codes());
  });
});
