// Which documents the server checks, and with what, in the editor: a workspace template edited and
// saved (the open spec's diagnostics and hovers follow), an untitled reStructuredText document,
// and .rst files that are not specs (doc/overview.rst outside specs/, specs/README.rst excluded by
// default). Fixtures: fixtures/workspace/live-template, doc/, specs/README.rst. The template is
// written back after each test and auto save is off meanwhile. Skipped when not built.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import {
  codeOf,
  describeDiagnostic,
  fixtureUri,
  openSpec,
  ours,
  restoreFiles,
  revertAndCloseAllEditors,
  skipUnlessBuilt,
  snapshotFiles,
  specUri,
  tree,
  turnAutoSaveOff,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const liveSpec = fixtureUri('live-template', 'specs', 'live-spec.rst');
const liveTemplate = fixtureUri('live-template', 'specs', 'template.rst');

async function hoverText(uri: vscode.Uri, line: number, character: number): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    new vscode.Position(line, character),
  );
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')));
}

/** The server answers document symbols for every .rst file it is given; poll until it has. */
function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor(`document symbols of ${uri.fsPath}`, async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    return symbols && symbols.length > 0 ? symbols : undefined;
  });
}

/**
 * A spec opened after `uri` gets its diagnostics: the server has answered for `uri` by then, so
 * diagnostics that `uri` lacks are not merely late.
 */
async function afterARealSpec(): Promise<void> {
  const spec = await openSpec('missing-dependencies.rst');
  await waitForDiagnostics(spec.uri, (all) => ours(all).length === 2);
}

/** Replaces the first occurrence of `search` in the document through a WorkspaceEdit, then saves it. */
async function replaceAndSave(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `no '${search}' in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  assert.equal(await document.save(), true);
}

suite('rst-specs documents: templates edited, untitled and non-spec files', () => {
  let snapshot = new Map<string, string>();
  let restoreAutoSave: (() => Promise<void>) | undefined;

  suiteSetup(async function () {
    skipUnlessBuilt(this);
    snapshot = snapshotFiles([liveTemplate, liveSpec, specUri('missing-dependencies.rst')]);
    restoreAutoSave = await turnAutoSaveOff();
  });

  teardown(async () => {
    await revertAndCloseAllEditors();
    restoreFiles(snapshot); // the template test saves the template on purpose
  });

  suiteTeardown(async () => {
    await restoreAutoSave?.();
  });

  test("editing the workspace template: the open spec's diagnostics and hovers follow each save", async () => {
    const spec = await vscode.workspace.openTextDocument(liveSpec);
    // Visible: the language client pulls diagnostics again (after the server's refresh) for visible documents.
    await vscode.window.showTextDocument(spec, { preview: false });
    const testing = spec.getText().split('\n').indexOf('Testing');
    // No diagnostic to wait for: the hover says the server has checked it against live-template/specs/template.rst.
    const before = await waitFor('the spec to be checked', async () => {
      const hover = await hoverText(liveSpec, testing, 2);
      return hover.length > 0 ? hover : undefined;
    });
    assert.deepEqual(before, ['**Testing**, section 3 of 3 in the template\n\n> How is it tested?']);
    assert.deepEqual(ours(vscode.languages.getDiagnostics(liveSpec)), []);

    // A new template section, saved: the spec is missing it.
    const template = await vscode.workspace.openTextDocument(liveTemplate);
    await replaceAndSave(template, '\nTesting\n', '\nDependencies\n============\n\nWhat does it depend on?\n\nTesting\n');
    assert.equal(
      readFileSync(liveTemplate.fsPath, 'utf8'),
      snapshot.get(liveTemplate.fsPath)!.replace('\nTesting\n', '\nDependencies\n============\n\nWhat does it depend on?\n\nTesting\n'),
    );
    const missing = await waitForDiagnostics(liveSpec, (all) => ours(all).length === 1);
    assert.deepEqual(ours(missing).map(describeDiagnostic), [
      {
        source: 'rst-specs',
        severity: 'Error',
        code: 'missing-section',
        message: "Missing section 'Dependencies': the template puts it after 'Proposed change'.",
        range: [9, 0, 9, 15],
      },
    ]);
    assert.deepEqual(await hoverText(liveSpec, testing, 2), ['**Testing**, section 4 of 4 in the template\n\n> How is it tested?']);

    // A template title renamed, saved: the spec's title no longer matches.
    await replaceAndSave(template, '\nProposed change\n===============\n', '\nProposed changes\n================\n');
    const renamed = await waitForDiagnostics(liveSpec, (all) => ours(all).length === 2);
    assert.deepEqual(
      ours(renamed).map((d) => [codeOf(d), d.message, d.range.start.line]),
      [
        ['missing-section', "Missing section 'Dependencies': the template puts it after 'Proposed change'.", 9],
        ['title-mismatch', "Section title 'Proposed change' should be 'Proposed changes', as the template spells it.", 9],
      ],
    );
    assert.deepEqual(ours(vscode.languages.getDiagnostics(liveTemplate)), [], 'the template itself is not checked as a spec');
  });

  test('an untitled reStructuredText document is not sent to the server: no diagnostics, hover or symbols; the snippets remain', async () => {
    // The text of a spec with two problems (a long line, no Dependencies), in a buffer without a file.
    const text = readFileSync(specUri('missing-dependencies.rst').fsPath, 'utf8');
    const untitled = await vscode.workspace.openTextDocument({ language: 'restructuredtext', content: text });
    await vscode.window.showTextDocument(untitled, { preview: false });
    assert.equal(untitled.uri.scheme, 'untitled');
    const lines = text.split('\n');

    const info = await vscode.commands.executeCommand<{ isSpec: boolean }>('rst-specs.showTemplate', untitled.uri);
    assert.deepEqual(info, { isSpec: false });
    assert.deepEqual(await hoverText(untitled.uri, lines.indexOf('Implementation'), 3), []);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      untitled.uri,
    );
    assert.deepEqual(symbols ?? [], []);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      untitled.uri,
      new vscode.Position(lines.indexOf('Testing') - 1, 0),
    );
    assert.deepEqual(
      list.items.filter((item) => item.kind === vscode.CompletionItemKind.Module).map((item) => item.label),
      [],
      'no missing-section completion',
    );
    assert.ok(
      list.items.some((item) => typeof item.label === 'object' && item.label.label === 'spec'),
      'the New spec snippet is offered',
    );

    // The command asks the server, which does not know the document: nothing is inserted.
    const version = untitled.version;
    await vscode.commands.executeCommand('rst-specs.insertMissingSections');
    assert.equal(untitled.getText(), text);
    assert.equal(untitled.version, version);

    await afterARealSpec();
    assert.deepEqual(vscode.languages.getDiagnostics(untitled.uri).map(describeDiagnostic), []);
  });

  test('a .rst file outside specs/ is not a spec: no diagnostics and no template hover, but symbols and folding', async () => {
    const uri = fixtureUri('doc', 'overview.rst');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    // It would have problems as a spec: a line of 96 characters, no blueprint URL, missing sections.
    assert.equal(document.lineAt(4).text.length, 96);

    assert.deepEqual((await symbolsOf(uri)).map(tree), [
      {
        name: 'Overview',
        kind: 'File',
        children: [{ name: 'Problem description', kind: 'String', children: [{ name: 'Usage', kind: 'String' }] }],
      },
    ]);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.deepEqual(
      folds.map((fold) => [fold.start, fold.end, fold.kind]),
      [
        [0, 14, undefined],
        [6, 14, undefined],
        [11, 14, undefined],
      ],
    );
    assert.deepEqual(await hoverText(uri, 6, 3), [], 'no template guidance on a title');
    assert.deepEqual(await vscode.commands.executeCommand('rst-specs.showTemplate', uri), { isSpec: false });

    await afterARealSpec();
    assert.deepEqual(vscode.languages.getDiagnostics(uri).map(describeDiagnostic), []);
  });

  test('specs/README.rst is excluded by default (rstSpecs.exclude): not a spec', async () => {
    const uri = specUri('README.rst');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    assert.ok(document.lineAt(4).text.length > 79, 'the README has a long line');

    assert.deepEqual((await symbolsOf(uri)).map(tree), [{ name: 'Specs', kind: 'File', children: [{ name: 'Layout', kind: 'String' }] }]);
    assert.deepEqual(await vscode.commands.executeCommand('rst-specs.showTemplate', uri), { isSpec: false });

    await afterARealSpec();
    assert.deepEqual(vscode.languages.getDiagnostics(uri).map(describeDiagnostic), []);
  });
});
