// Templates and settings in the editor: the spec's release template (found beside its release
// folder), "rst-specs: Show template for this spec", and editor settings over .rst-specs.json only
// where the user set them (the client sends the keys `inspect()` finds set: `$userSet`).
// Fixture: fixtures/workspace/multi-template (a nova-specs layout). Skipped when not built.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, teardown, test } from 'mocha';
import { fixtureWorkspace, ours, skipUnlessBuilt, waitFor, waitForDiagnostics } from './helpers';

const folder = join(fixtureWorkspace, 'multi-template');
const specUri = vscode.Uri.file(join(folder, 'specs', 'queens', 'approved', 'queens-approved.rst'));
const templatePath = join(folder, 'specs', 'queens-template.rst');
const codes = (diagnostics: readonly vscode.Diagnostic[]) =>
  ours(diagnostics).map((d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code));

suite('rst-specs templates and settings', () => {
  suiteSetup(function () {
    skipUnlessBuilt(this);
  });

  teardown(async () => {
    await vscode.workspace.getConfiguration('rstSpecs').update('maxLineLength', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the release template applies, with the optional sections of .rst-specs.json; Show template opens it', async () => {
    const document = await vscode.workspace.openTextDocument(specUri);
    await vscode.window.showTextDocument(document);
    // The spec has no Upgrade impact, optional in queens by the config file: no diagnostic at all.
    await waitFor('the server to check the spec', async () =>
      (await vscode.commands.executeCommand<{ isSpec?: boolean }>('rst-specs.showTemplate', specUri))?.isSpec ? true : undefined,
    );
    assert.deepEqual(codes(vscode.languages.getDiagnostics(specUri)), []);
    const info = await vscode.commands.executeCommand<Record<string, unknown>>('rst-specs.showTemplate', specUri);
    assert.equal(info.origin, 'found');
    assert.equal(info.label, 'multi-template/specs/queens-template.rst');
    assert.equal(info.configPath, join(folder, '.rst-specs.json'));
    const opened = await waitFor('the template to open', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === templatePath ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(opened.document.languageId, 'restructuredtext');
    // The template itself is not a spec.
    assert.deepEqual(codes(vscode.languages.getDiagnostics(opened.document.uri)), []);
  });

  test('a setting the user set overrides the config file, even at its default value; cleared, the config file applies', async () => {
    // long-lines.rst: an 89-character line (too long for 79, not for the config's 100), and another
    // after `.. rst-specs: disable-next-line=line-length`. Nothing is edited (the web workbench saves edits).
    const uri = vscode.Uri.file(join(folder, 'specs', 'queens', 'approved', 'long-lines.rst'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the server to check the spec', async () =>
      (await vscode.commands.executeCommand<{ isSpec?: boolean }>('rst-specs.showTemplate', uri))?.isSpec ? true : undefined,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.deepEqual(codes(await waitForDiagnostics(uri, (all) => codes(all).length === 0)), []);
    // 79 is the default, so workspace/configuration alone could not tell it was set: the client says so.
    await vscode.workspace.getConfiguration('rstSpecs').update('maxLineLength', 79, vscode.ConfigurationTarget.Global);
    const diagnostics = await waitForDiagnostics(uri, (all) => codes(all).includes('line-length'));
    assert.deepEqual(
      ours(diagnostics).map((d) => [typeof d.code === 'object' && d.code !== null ? d.code.value : d.code, d.range.start.line]),
      [['line-length', 20]],
    );
    await vscode.workspace.getConfiguration('rstSpecs').update('maxLineLength', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, (all) => codes(all).length === 0);
  });
});
