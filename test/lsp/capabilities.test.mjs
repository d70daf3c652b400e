// initialize -> capabilities, with the general Dockerfile features on and off (hover on a base
// image stays: its facts are ours); shutdown/exit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LspClient } from './client.mjs';
import { EditorDocument, FIX_ALL_KIND, SOURCE, tempProject, writeModule } from './helpers.mjs';

const TEXT = 'FROM golang:1.22\nWORKDIR /src\nFROMM nothing\nCOPY . .\nRUN go build -o /bin/app .\n';

function assertCoreCapabilities(caps) {
  // Incremental sync, as a number or as TextDocumentSyncOptions.
  const sync = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change;
  assert.equal(sync, 2, 'textDocumentSync is Incremental');
  if (typeof caps.textDocumentSync === 'object') assert.equal(caps.textDocumentSync.openClose, true);
  const kinds = caps.codeActionProvider?.codeActionKinds;
  assert.ok(Array.isArray(kinds), 'codeActionProvider lists its kinds');
  assert.ok(kinds.includes('quickfix'), 'quickfix kind');
  assert.ok(kinds.includes(FIX_ALL_KIND), `${FIX_ALL_KIND} kind`);
}

describe('initialize', () => {
  let project;
  before(() => {
    project = tempProject();
    writeModule(project);
  });
  after(() => project.dispose());

  test('languageFeatures on: incremental sync, code action kinds, completion and the other general features', async () => {
    const c = await LspClient.start({ rootDir: project.dir, initializationOptions: { languageFeatures: 'on' } });
    try {
      const caps = c.capabilities;
      assertCoreCapabilities(caps);
      assert.equal(c.initializeResult.serverInfo?.name, 'go-dockerfile');
      assert.ok(caps.completionProvider, 'completionProvider');
      assert.ok(caps.hoverProvider, 'hoverProvider');
      assert.ok(caps.documentFormattingProvider, 'documentFormattingProvider');
      assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
      assert.ok(caps.foldingRangeProvider, 'foldingRangeProvider');
      assert.ok(caps.semanticTokensProvider?.legend?.tokenTypes?.length > 0, 'semanticTokensProvider with a legend');

      // The syntax diagnostics of dockerfile-language-service follow ours (the check waits for a
      // pause in typing), in a publish of the same version that keeps our findings.
      const doc = await EditorDocument.open(c, project.write('Dockerfile', TEXT), TEXT);
      assert.ok(doc.ours().length > 0, 'our own findings first');
      const withSyntax = await c.diagnosticsWhere(doc.uri, (ds) => ds.some((d) => d.source !== SOURCE));
      assert.ok(withSyntax.some((d) => d.source !== SOURCE && d.range.start.line === 2), 'a syntax diagnostic for FROMM');
      // (The workspace may have been read meanwhile and changed some of ours: they are there.)
      assert.ok(withSyntax.some((d) => d.source === SOURCE), 'our own findings kept');
      assert.equal(c.published.get(doc.uri).at(-1).version, 1);
    } finally {
      assert.equal(await c.stop(), 0, 'shutdown + exit ends the process with code 0');
    }
  });

  test('no initializationOptions: the general features default to on', async () => {
    const c = await LspClient.start({ rootDir: project.dir, initializationOptions: undefined });
    try {
      assertCoreCapabilities(c.capabilities);
      assert.ok(c.capabilities.completionProvider, 'completionProvider');
    } finally {
      await c.stop();
    }
  });

  test('languageFeatures off: no completion/formatting/..., only our hover (base images), no foreign diagnostics, lint and code actions still on', async () => {
    const c = await LspClient.start({ rootDir: project.dir, initializationOptions: { languageFeatures: 'off' } });
    try {
      const caps = c.capabilities;
      assertCoreCapabilities(caps);
      for (const p of ['completionProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'semanticTokensProvider']) {
        assert.equal(caps[p], undefined, `${p} is not announced`);
      }
      // Hover stays for the base images' facts (ours), and answers nothing elsewhere.
      assert.equal(caps.hoverProvider, true);
      const doc = await EditorDocument.open(c, project.write('Dockerfile', TEXT), TEXT);
      assert.deepEqual(doc.diagnostics.filter((d) => d.source !== SOURCE), [], 'only go-dockerfile diagnostics');
      assert.ok(doc.ours('GD104').length === 1, 'GD104 still reported');
      const actions = await doc.codeActions({ diagnostics: doc.ours('GD104'), only: ['quickfix'] });
      assert.ok(actions.length >= 1, 'quick fixes still offered');
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 1, character: 2 } }), null, 'no general hover on WORKDIR');
      assert.match((await c.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 0, character: 8 } })).contents.value, /\| C library \| glibc \|/);
      // An editor that asks anyway gets a MethodNotFound error, not a hang.
      await assert.rejects(
        c.request('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: 5, character: 0 } }),
        (e) => e.code === -32601,
      );
    } finally {
      assert.equal(await c.stop(), 0);
    }
  });
});
