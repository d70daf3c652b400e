// Fixes that touch files other than the Dockerfile, over LSP: GD305 creates .dockerignore
// (a CreateFile plus its content), GD114 and GD106 edit an existing .dockerignore (a
// TextDocumentEdit with version null: GD114 appends a line, GD106 removes one). The workspace is read after the first diagnostics of a document are out,
// so the workspace rules arrive in a later publish of the same version.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { LspClient } from './client.mjs';
import { EditorDocument, applyTextEdits, assertDiagnosticsFit, onlyRules, tempProject, writeModule, DOCKERFILE } from './helpers.mjs';

const CODES = ['GD106', 'GD114', 'GD305'];
/** Only the rules under test: every other code off. */
const OPTIONS = {
  languageFeatures: 'on',
  rules: onlyRules(CODES),
};

const has = (code) => (diagnostics) => diagnostics.some((d) => d.code === code);

describe('fixes that create or edit .dockerignore, over LSP', () => {
  let client;
  const projects = [];
  before(async () => {
    client = await LspClient.start({ initializationOptions: OPTIONS });
  });
  after(async () => {
    await client?.stop();
    for (const p of projects) p.dispose();
  });

  function project() {
    const p = tempProject('go-dockerfile-lsp-ws-');
    projects.push(p);
    writeModule(p);
    return p;
  }

  test('GD305: the quick fix is a CreateFile of .dockerignore plus its Go-aware content', async () => {
    const p = project();
    const uri = p.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const diagnostics = await client.diagnosticsWhere(uri, has('GD305'));
    assertDiagnosticsFit(DOCKERFILE, diagnostics);
    const d = diagnostics.find((x) => x.code === 'GD305');
    assert.equal(d.severity, 2);
    assert.match(d.message, /no \.dockerignore/);
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 'COPY . .'.length } });
    doc.diagnostics = diagnostics;

    const { fix, ignore } = await doc.quickFixesFor(d);
    assert.ok(fix, 'a fix');
    assert.ok(ignore, 'and an Ignore action');
    assert.equal(fix.title, 'Create a Go-aware .dockerignore');
    const target = pathToFileURL(path.join(p.dir, '.dockerignore')).href;
    const changes = fix.edit.documentChanges;
    const create = changes.find((c) => c.kind === 'create');
    assert.deepEqual(create, { kind: 'create', uri: target, options: { ignoreIfExists: true } });
    const content = changes.filter((c) => !('kind' in c) && c.textDocument.uri === target);
    assert.equal(content.length, 1);
    assert.equal(content[0].textDocument.version, null);
    assert.equal(changes.indexOf(create) < changes.indexOf(content[0]), true, 'created before it is written');
    const text = applyTextEdits('', content[0].edits);
    const patterns = text.split('\n').filter((l) => l && !l.startsWith('#'));
    for (const p of ['.git', '.env', 'bin/', '**/*.test', '**/node_modules/']) assert.ok(patterns.includes(p), `${p} in\n${text}`);
    for (const p of ['go.mod', 'go.sum', '*.go', 'vendor/']) assert.ok(!patterns.includes(p), `${p} must not be excluded`);
    // Nothing else changes: the Dockerfile edit (if any) is empty.
    assert.ok(changes.filter((c) => !('kind' in c) && c.textDocument.uri === uri).every((c) => c.edits.length === 0));

    // The editor creates the file and reports it: the finding goes away.
    const before = client.publishCount(uri);
    fs.writeFileSync(path.join(p.dir, '.dockerignore'), text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 1 }] });
    await client.diagnosticsWhere(uri, (ds) => !ds.some((x) => x.code === 'GD305'), { skip: before });
    client.close(uri);
  });

  test('GD114: the quick fix edits the existing .dockerignore (TextDocumentEdit, version null), CRLF kept', async () => {
    const p = project();
    p.write('.git/HEAD', 'ref: refs/heads/main\n');
    p.write('.dockerignore', 'bin/\r\n*.test\r\n');
    const uri = p.write('build/Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const diagnostics = await client.diagnosticsWhere(uri, has('GD114'));
    assertDiagnosticsFit(DOCKERFILE, diagnostics);
    assert.ok(!diagnostics.some((x) => x.code === 'GD305'), 'a .dockerignore exists');
    const d = diagnostics.find((x) => x.code === 'GD114');
    assert.equal(d.range.start.line, 4, 'on COPY . .');
    doc.diagnostics = diagnostics;

    const { fix } = await doc.quickFixesFor(d);
    assert.equal(fix.title, 'Add .git to .dockerignore');
    const target = pathToFileURL(path.join(p.dir, '.dockerignore')).href;
    const changes = fix.edit.documentChanges;
    assert.ok(!changes.some((c) => c.kind === 'create'), 'no CreateFile: the file exists');
    const edits = changes.filter((c) => !('kind' in c) && c.textDocument.uri === target);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].textDocument.version, null);
    assert.deepEqual(edits[0].edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '.git\r\n' }]);
    const onDisk = fs.readFileSync(path.join(p.dir, '.dockerignore'), 'utf8');
    const next = applyTextEdits(onDisk, edits[0].edits);
    assert.equal(next, 'bin/\r\n*.test\r\n.git\r\n');

    const before = client.publishCount(uri);
    fs.writeFileSync(path.join(p.dir, '.dockerignore'), next);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 2 }] });
    await client.diagnosticsWhere(uri, (ds) => !ds.some((x) => x.code === 'GD114'), { skip: before });
    client.close(uri);
  });

  test('each Dockerfile gets its own <Dockerfile>.dockerignore (GD114 names it and its fix edits it); another Dockerfile\'s does not apply', async () => {
    const p = project();
    p.write('.git/HEAD', 'ref: refs/heads/main\n');
    p.write('build/Foo.Dockerfile.dockerignore', 'bin/\n');
    const foo = p.write('build/Foo.Dockerfile', DOCKERFILE);
    const root = p.write('Dockerfile', DOCKERFILE);
    // ./Dockerfile: no .dockerignore applies (Foo's is not its own).
    await EditorDocument.open(client, root, DOCKERFILE);
    await client.diagnosticsWhere(root, (ds) => has('GD305')(ds) && has('GD114')(ds));
    client.close(root);

    const doc = await EditorDocument.open(client, foo, DOCKERFILE);
    const diagnostics = await client.diagnosticsWhere(foo, has('GD114'));
    assert.ok(!diagnostics.some((x) => x.code === 'GD305'), 'Foo.Dockerfile has its own ignore file');
    const d = diagnostics.find((x) => x.code === 'GD114');
    assert.match(d.message, /not excluded by build\/Foo\.Dockerfile\.dockerignore/);
    doc.diagnostics = diagnostics;
    const { fix } = await doc.quickFixesFor(d);
    assert.equal(fix.title, 'Add .git to build/Foo.Dockerfile.dockerignore');
    const target = p.uri('build/Foo.Dockerfile.dockerignore');
    const edits = fix.edit.documentChanges.filter((c) => !('kind' in c) && c.textDocument.uri === target);
    assert.equal(edits.length, 1);
    const next = applyTextEdits('bin/\n', edits[0].edits);
    assert.equal(next, 'bin/\n.git\n');
    // The file changes on disk: the document is checked against the new text.
    const before = client.publishCount(foo);
    fs.writeFileSync(path.join(p.dir, 'build/Foo.Dockerfile.dockerignore'), next);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 2 }] });
    await client.diagnosticsWhere(foo, (ds) => !ds.some((x) => x.code === 'GD114'), { skip: before });
    client.close(foo);
  });

  test('GD106: the quick fix removes the line of the existing .dockerignore that excludes vendor/', async () => {
    const p = project();
    p.write('vendor/modules.txt', '# github.com/google/uuid v1.6.0\n## explicit\ngithub.com/google/uuid\n');
    p.write('.dockerignore', 'bin/\r\nvendor/\r\n*.test\r\n');
    const uri = p.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    const excludes = (ds) => ds.some((x) => x.code === 'GD106' && /\.dockerignore line 2/.test(x.message));
    const diagnostics = await client.diagnosticsWhere(uri, excludes);
    assertDiagnosticsFit(DOCKERFILE, diagnostics);
    const d = diagnostics.find((x) => x.code === 'GD106');
    doc.diagnostics = diagnostics;

    const { fix } = await doc.quickFixesFor(d);
    assert.equal(fix.title, 'Remove `vendor/` from .dockerignore');
    const target = pathToFileURL(path.join(p.dir, '.dockerignore')).href;
    const edits = fix.edit.documentChanges.filter((c) => !('kind' in c) && c.textDocument.uri === target);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].textDocument.version, null);
    assert.deepEqual(edits[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }]);
    const next = applyTextEdits(fs.readFileSync(path.join(p.dir, '.dockerignore'), 'utf8'), edits[0].edits);
    assert.equal(next, 'bin/\r\n*.test\r\n');

    // Once the build sees vendor/, what is left is the download it does not need.
    const before = client.publishCount(uri);
    fs.writeFileSync(path.join(p.dir, '.dockerignore'), next);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 2 }] });
    const afterFix = await client.diagnosticsWhere(uri, (ds) => !excludes(ds) && ds.some((x) => x.code === 'GD106'), { skip: before });
    assert.match(afterFix.find((x) => x.code === 'GD106').message, /`go mod download` fetches modules the build never reads/);
    client.close(uri);
  });

  test('fix-all leaves .dockerignore alone (no source.fixAll edit for these findings)', async () => {
    const p = project();
    p.write('.git/HEAD', 'ref: refs/heads/main\n');
    const uri = p.write('Dockerfile', DOCKERFILE);
    const doc = await EditorDocument.open(client, uri, DOCKERFILE);
    await client.diagnosticsWhere(uri, (ds) => has('GD114')(ds) && has('GD305')(ds));
    const actions = await doc.codeActions({ only: ['source.fixAll.go-dockerfile'] });
    assert.deepEqual(actions, [], 'nothing for fix-all to do');
    client.close(uri);
  });
});
