// The extension in the editor: the client starts the server (node IPC), and the
// server's diagnostics reach VS Code's Problems with the exact messages, ranges,
// severities and rule links. Skipped when client/out or server/out is not built.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, teardown, test } from 'mocha';
import { describeDiagnostic, openSpec, ours, repoRoot, skipUnlessBuilt, waitFor, waitForDiagnostics } from './helpers';

suite('rst-specs diagnostics', () => {
  suiteSetup(function () {
    skipUnlessBuilt(this);
  });

  teardown(async () => {
    // Leave no dirty or open editor behind: each test starts from the files on disk.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a spec without Dependencies and with a long line gets exactly two diagnostics', async () => {
    const document = await openSpec('missing-dependencies.rst');
    const diagnostics = ours(await waitForDiagnostics(document.uri, (all) => ours(all).length > 0));

    const lines = document.getText().split('\n');
    const longLine = lines.findIndex((line) => line.startsWith('This line is deliberately far too long'));
    const implementation = lines.indexOf('Implementation');
    assert.deepEqual(diagnostics.map(describeDiagnostic), [
      {
        source: 'rst-specs',
        severity: 'Error',
        code: 'line-length',
        message: 'Line is 95 characters long; the maximum is 79.',
        range: [longLine, 79, longLine, 95],
      },
      {
        source: 'rst-specs',
        severity: 'Error',
        code: 'missing-section',
        message: "Missing section 'Dependencies': the template puts it after 'Implementation'.",
        range: [implementation, 0, implementation, 'Implementation'.length],
      },
    ]);

    // The code links to the rule's page: { value, target }.
    const missing = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'missing-section');
    assert.ok(missing && typeof missing.code === 'object', 'missing-section has no { value, target } code');
    const target = missing.code.target;
    // A URI that this extension handles (client/src/rule-docs.ts): the editor's scheme, the extension's id.
    assert.equal(target.toString(), `${vscode.env.uriScheme}://rst-specs.rst-specs/rules/missing-section.md`);
    assert.ok(existsSync(join(repoRoot, 'docs', 'rules', 'missing-section.md')));
  });

  test("a diagnostic's code link opens the rule's page rendered, in the Markdown preview", async () => {
    const document = await openSpec('missing-dependencies.rst');
    const diagnostics = await waitForDiagnostics(document.uri, (all) =>
      ours(all).some((d) => typeof d.code === 'object' && d.code.value === 'line-length'),
    );
    const lineLength = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'line-length');
    assert.ok(lineLength && typeof lineLength.code === 'object');
    // What the editor does when the link is clicked (the Problems panel, a hover): open it.
    await vscode.commands.executeCommand('vscode.open', lineLength.code.target);
    const preview = await waitFor('the Markdown preview of line-length.md', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find(
          (tab) =>
            tab.input instanceof vscode.TabInputWebview &&
            /markdown\.preview/.test(tab.input.viewType) &&
            tab.label === 'Preview line-length.md',
        ),
    );
    assert.ok(preview.isActive);
    // Not opened as text: no editor holds the page's source.
    assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document.uri.path.endsWith('/docs/rules/line-length.md')));
    await vscode.window.tabGroups.close(preview);
  });

  test('diagnostics follow edits: a long line appears and goes again; the clean spec has none', async () => {
    const document = await openSpec('clean-spec.rst');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);
    const line = document.getText().split('\n').indexOf('Problem description') + 3; // the body "None"
    assert.equal(document.lineAt(line).text, 'None');

    const long = 'None, but this line has been made much longer than the template allows, on purpose.';
    await editor.edit((edit) => edit.replace(document.lineAt(line).range, long));
    const afterEdit = ours(await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => d.range.start.line === line)));
    assert.deepEqual(afterEdit.map(describeDiagnostic), [
      {
        source: 'rst-specs',
        severity: 'Error',
        code: 'line-length',
        message: `Line is ${long.length} characters long; the maximum is 79.`,
        range: [line, 79, line, long.length],
      },
    ]);

    await editor.edit((edit) => edit.replace(document.lineAt(line).range, 'None'));
    const afterUndo = ours(await waitForDiagnostics(document.uri, (all) => ours(all).length === 0));
    assert.deepEqual(afterUndo, []);
  });
});
