// Smoke tests of the editor itself: they hold whether or not the extension is
// built, and show that the harness (code-server + remote extension host) works.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { fixtureWorkspace, repoRoot, specUri } from './helpers';

suite('editor smoke', () => {
  test('the workspace is the fixture folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0].uri.scheme, 'file');
    assert.equal(folders[0].uri.fsPath, fixtureWorkspace);
  });

  test('a .rst file opens as reStructuredText (built-in language)', async () => {
    const document = await vscode.workspace.openTextDocument(specUri('clean-spec.rst'));
    assert.equal(document.languageId, 'restructuredtext');
    assert.equal(document.lineAt(6).text, '=====================');
    assert.equal(document.lineAt(7).text, 'Cluster health report');
  });

  test('the extension under development is loaded from the repository', () => {
    const extension = vscode.extensions.getExtension('rst-specs.rst-specs');
    assert.ok(extension, 'rst-specs.rst-specs is not among the extensions');
    assert.equal(extension.extensionPath, repoRoot);
    assert.equal(extension.packageJSON.main, './client/out/extension.js');
  });
});
