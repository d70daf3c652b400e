// Diagnostics with codes and rule-page links; quick fixes through the code action provider.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { SOURCE, closeAll, log, openDockerfile, waitForDiagnostic, waitForNoDiagnostic } = require('./helpers');

const FILE = 'Dockerfile.gd104'; // `COPY . .` before `go mod download`

suite('diagnostics and quick fixes', () => {
  teardown(closeAll);

  test('GD104 is reported with its code and a link to docs/rules/GD104.md', async () => {
    const { doc } = await openDockerfile(FILE);
    const d = await waitForDiagnostic(doc.uri, 'GD104');

    assert.strictEqual(d.source, SOURCE);
    assert.ok(d.code && typeof d.code === 'object', `code is ${JSON.stringify(d.code)}, not { value, target }`);
    assert.strictEqual(d.code.value, 'GD104');
    assert.ok(d.code.target instanceof vscode.Uri, 'code.target is not a Uri');
    assert.ok(d.code.target.path.endsWith('docs/rules/GD104.md'), `code.target is ${d.code.target.toString()}`);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(doc.lineAt(d.range.start.line).text, 'COPY . .');
  });

  test('executeCodeActionProvider offers the GD104 fix and "Ignore GD104"; the fix edits the file', async () => {
    const { doc } = await openDockerfile(FILE);
    const d = await waitForDiagnostic(doc.uri, 'GD104');

    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // (the command's results carry no `diagnostics`: the range is what ties them to GD104)
    const ours = actions.filter((a) => typeof a.command !== 'string'); // CodeActions, not bare Commands
    log(`      code actions at the GD104 range: ${JSON.stringify(ours.map((a) => `${a.kind?.value}: ${a.title}`))}`);
    const isQuickFix = (a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind);
    const fix = ours.find((a) => isQuickFix(a) && /go mod download/i.test(a.title));
    assert.ok(fix, 'no GD104 quick fix titled /go mod download/');
    assert.ok(fix.edit, 'the GD104 quick fix has no edit');
    assert.ok(
      ours.some((a) => isQuickFix(a) && a.title === 'Ignore GD104 for this instruction'),
      'no "Ignore GD104 for this instruction" action',
    );

    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit refused the fix');
    const lines = doc.getText().split(/\r?\n/);
    const at = (re) => lines.findIndex((l) => re.test(l));
    const copyMod = at(/^COPY go\.mod go\.sum \.\/$/);
    const download = at(/^RUN .*go mod download$/);
    const copyAll = at(/^COPY \. \.$/);
    assert.ok(copyMod >= 0 && download >= 0 && copyAll >= 0, `unexpected text after the fix:\n${doc.getText()}`);
    assert.ok(copyMod < download && download < copyAll, `wrong order after the fix:\n${doc.getText()}`);

    await waitForNoDiagnostic(doc.uri, 'GD104');
  });
});
