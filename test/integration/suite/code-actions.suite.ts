// Code actions and the "Insert missing sections" command in the editor: the quick fixes offered
// at a diagnostic (the repair first, then "Disable <rule> for this line/file"), the source actions
// (Insert all missing sections, Fix all), and the command run twice. Edits are applied for real and
// reverted; auto save (on by default in the web workbench) is off meanwhile, and the fixture files
// are written back if anything saved them. Skipped when not built.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import {
  codeOf,
  openSpec,
  ours,
  restoreFiles,
  revertAndCloseAllEditors,
  skipUnlessBuilt,
  snapshotFiles,
  specUri,
  turnAutoSaveOff,
  waitForDiagnostics,
} from './helpers';

const codes = (diagnostics: readonly vscode.Diagnostic[]) => ours(diagnostics).map(codeOf);

function describeAction(action: vscode.CodeAction) {
  return {
    title: action.title,
    kind: action.kind?.value,
    ...(action.isPreferred ? { preferred: true } : {}),
    edit: action.edit !== undefined,
  };
}

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

async function openChecked(name: string): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const document = await openSpec(name);
  const diagnostics = ours(await waitForDiagnostics(document.uri, (all) => ours(all).length > 0));
  return { document, diagnostics };
}

suite('rst-specs code actions and commands', () => {
  const edited = ['missing-dependencies.rst', 'node-health.rst', 'several-missing.rst'].map(specUri);
  let snapshot = new Map<string, string>();
  let restoreAutoSave: (() => Promise<void>) | undefined;

  suiteSetup(async function () {
    skipUnlessBuilt(this);
    snapshot = snapshotFiles(edited);
    restoreAutoSave = await turnAutoSaveOff();
  });

  teardown(async () => {
    await revertAndCloseAllEditors();
    const restored = restoreFiles(snapshot);
    assert.deepEqual(restored, [], 'a test saved a fixture spec (written back)');
  });

  suiteTeardown(async () => {
    await restoreAutoSave?.();
  });

  test('at a long line: Reflow paragraph, then Disable line-length for this line / this file; disabling it for the line works', async () => {
    const { document, diagnostics } = await openChecked('missing-dependencies.rst');
    const long = diagnostics.find((d) => codeOf(d) === 'line-length')!;
    assert.equal(long.range.start.line, 17);
    const actions = await codeActions(document.uri, long.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map(describeAction), [
      { title: 'Reflow paragraph', kind: 'quickfix', edit: true },
      { title: 'Disable line-length for this line', kind: 'quickfix', edit: true },
      { title: 'Disable line-length for this file', kind: 'quickfix', edit: true },
    ]);

    const original = document.getText();
    const disable = actions.find((action) => action.title === 'Disable line-length for this line')!;
    assert.equal(await vscode.workspace.applyEdit(disable.edit!), true);
    const lines = original.split('\n');
    assert.equal(
      document.getText(),
      [...lines.slice(0, 17), '.. rst-specs: disable-next-line=line-length', '', ...lines.slice(17)].join('\n'),
    );
    const after = await waitForDiagnostics(document.uri, (all) => !codes(all).includes('line-length'));
    assert.deepEqual(
      ours(after).map((d) => [codeOf(d), d.range.start.line]),
      [['missing-section', 77]],
    );
  });

  test('at a missing section while others are missing too: its fix, Insert all, the disable actions, then the source actions', async () => {
    const { document, diagnostics } = await openChecked('node-health.rst');
    const implementation = document.getText().split('\n').indexOf('Implementation');
    const here = diagnostics.filter((d) => d.range.start.line === implementation);
    assert.deepEqual(
      here.map((d) => d.message),
      ["Missing section 'Dependencies': the template puts it after 'Implementation'."],
    );
    // No kind asked (as the light bulb asks): the source actions come too, their edits computed when chosen.
    const actions = await codeActions(document.uri, here[0].range);
    assert.deepEqual(actions.map(describeAction), [
      { title: "Insert missing section 'Dependencies'", kind: 'quickfix', preferred: true, edit: true },
      { title: 'Insert all missing sections', kind: 'quickfix', edit: true },
      { title: 'Disable missing-section for this line', kind: 'quickfix', edit: true },
      { title: 'Disable missing-section for this file', kind: 'quickfix', edit: true },
      { title: 'Insert all missing sections', kind: 'source.insertMissingSections.rst-specs', edit: false },
    ]);

    // Where two sections are missing at one title, each has its own preferred fix.
    const security = document.getText().split('\n').indexOf('Security impact');
    const atSecurity = await codeActions(document.uri, new vscode.Range(security, 0, security, 15), vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(atSecurity.filter((action) => action.title.startsWith('Insert')).map(describeAction), [
      { title: "Insert missing section 'Notifications impact'", kind: 'quickfix', preferred: true, edit: true },
      { title: "Insert missing section 'Other end user impact'", kind: 'quickfix', preferred: true, edit: true },
      { title: 'Insert all missing sections', kind: 'quickfix', edit: true },
    ]);
  });

  test("fix-all (on save, in the lightbulb): only the fixes that keep the writer's content; the missing section stays missing", async () => {
    const { document } = await openChecked('missing-dependencies.rst');
    const original = document.getText();
    // A short underline and trailing spaces, typed in the editor.
    const lines = original.split('\n');
    const useCases = lines.indexOf('Use Cases');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(useCases + 1, 0, useCases + 1, 9), '-----');
    edit.insert(document.uri, new vscode.Position(useCases + 3, lines[useCases + 3].length), '  ');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(document.uri, (all) => codes(all).includes('title-underline') && codes(all).includes('trailing-whitespace'));

    const actions = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.Source.value);
    assert.deepEqual(actions.map(describeAction), [
      { title: 'Insert all missing sections', kind: 'source.insertMissingSections.rst-specs', edit: true },
      { title: 'Fix all auto-fixable rst-specs problems', kind: 'source.fixAll.rst-specs', edit: true },
    ]);
    // In the lightbulb menu too, at a problem it fixes (as ESLint's "Fix all auto-fixable problems").
    const atTitle = await codeActions(document.uri, new vscode.Range(useCases, 3, useCases, 3), vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(atTitle.filter((action) => !action.title.startsWith('Disable')).map(describeAction), [
      { title: 'Make the underline match the title', kind: 'quickfix', preferred: true, edit: true },
      { title: 'Fix all auto-fixable rst-specs problems', kind: 'quickfix', edit: true },
    ]);
    // The kind editor.codeActionsOnSave asks for: only fix-all.
    const fixAll = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
    assert.deepEqual(
      fixAll.map((action) => action.title),
      ['Fix all auto-fixable rst-specs problems'],
    );

    assert.equal(await vscode.workspace.applyEdit(fixAll[0].edit!), true);
    // The underline and the spaces fixed; Dependencies not inserted (a section the writer may
    // just have removed), the long line not reflowed.
    assert.equal(document.getText(), original);
    const after = await waitForDiagnostics(
      document.uri,
      (all) => !codes(all).includes('title-underline') && !codes(all).includes('trailing-whitespace'),
    );
    assert.deepEqual(codes(after), ['line-length', 'missing-section']);
    const again = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
    assert.deepEqual(
      again.map((action) => action.title),
      [],
      'nothing left for fix-all',
    );
  });

  test('the Insert missing sections command inserts each at its template place in one edit; run again, nothing changes', async () => {
    const { document, diagnostics } = await openChecked('several-missing.rst');
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [
        "Missing section 'Use Cases': the template puts it first in 'Problem description'.",
        "Missing section 'Dependencies': the template puts it after 'Implementation'.",
        "Missing section 'Documentation Impact': the template puts it after 'Testing'.",
      ],
    );
    const original = document.getText();
    const version = document.version;
    const editor = vscode.window.activeTextEditor!;
    await vscode.commands.executeCommand('rst-specs.insertMissingSections');
    // The first inserted title is selected (and shown).
    const useCases = document.getText().split('\n').indexOf('Use Cases');
    assert.deepEqual(
      [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
      [useCases, 0, useCases, 9],
    );
    // History is missing too, but optional (rstSpecs.optionalSections): it is not inserted.
    const expected = original
      .replace(
        'Node groups cannot be tagged.\n\nProposed change\n',
        'Node groups cannot be tagged.\n\nUse Cases\n---------\n\nNone\n\nProposed change\n',
      )
      .replace(
        'Work Items\n----------\n\nNone\n\nTesting\n',
        'Work Items\n----------\n\nNone\n\nDependencies\n============\n\nNone\n\nTesting\n',
      )
      .replace(
        'Testing\n=======\n\nNone\n\nReferences\n',
        'Testing\n=======\n\nNone\n\nDocumentation Impact\n====================\n\nNone\n\nReferences\n',
      );
    assert.notEqual(expected, original);
    assert.equal(document.getText(), expected);
    assert.equal(document.version, version + 1, 'one edit');
    assert.deepEqual(ours(await waitForDiagnostics(document.uri, (all) => ours(all).length === 0)), []);

    await vscode.commands.executeCommand('rst-specs.insertMissingSections');
    assert.equal(document.getText(), expected);
    assert.equal(document.version, version + 1, 'the second run made no edit');

    // One edit is one undo step.
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });
});
