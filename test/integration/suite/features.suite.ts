// Language features through VS Code's own commands: the Outline's symbols and the
// "Insert missing section" quick fix. Skipped when client/out or server/out is not built.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, teardown, test } from 'mocha';
import { describeDiagnostic, openSpec, ours, skipUnlessBuilt, type SymbolTree, tree, waitFor, waitForDiagnostics } from './helpers';

const section = (name: string, children?: string[]): SymbolTree =>
  children ? { name, kind: 'String', children: children.map((child) => section(child)) } : { name, kind: 'String' };

suite('rst-specs language features', () => {
  suiteSetup(function () {
    skipUnlessBuilt(this);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('document symbols: the title holds the section tree', async () => {
    const document = await openSpec('missing-dependencies.rst');
    // The provider registers when the language client is ready; no event says so, so poll.
    const symbols = await waitFor('document symbols', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      return result && result.length > 0 ? result : undefined;
    });
    assert.deepEqual(symbols.map(tree), [
      {
        name: 'Node tags',
        kind: 'File',
        children: [
          section('Problem description', ['Use Cases']),
          section('Proposed change', [
            'Alternatives',
            'Data model impact',
            'REST API impact',
            'Security impact',
            'Notifications impact',
            'Other end user impact',
            'Performance Impact',
            'Other deployer impact',
            'Developer impact',
          ]),
          section('Implementation', ['Assignee(s)', 'Work Items']),
          section('Testing'),
          section('Documentation Impact'),
          section('References'),
          section('History'),
        ],
      },
    ]);

    // Ranges: the title symbol spans overline to the last line; a section, its title to its last text.
    const lines = document.getText().split('\n');
    const implementation = symbols[0].children.find((s) => s.name === 'Implementation')!;
    const start = lines.indexOf('Implementation');
    const testing = lines.indexOf('Testing');
    let last = testing - 1;
    while (lines[last].trim() === '') last--;
    assert.deepEqual(
      [implementation.selectionRange, implementation.range].map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]),
      [
        [start, 0, start, 'Implementation'.length],
        [start, 0, last, lines[last].length],
      ],
    );
    assert.deepEqual(
      [symbols[0].range.start.line, symbols[0].selectionRange.start.line],
      [lines.indexOf('Node tags') - 1, lines.indexOf('Node tags')],
    );
  });

  test("quick fix: Insert missing section 'Dependencies' puts it after Implementation", async () => {
    const document = await openSpec('missing-dependencies.rst');
    const original = document.getText();
    const diagnostics = ours(
      await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => describeDiagnostic(d).code === 'missing-section')),
    );
    const missing = diagnostics.find((d) => describeDiagnostic(d).code === 'missing-section')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      missing.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const insert = actions.find((action) => action.title === "Insert missing section 'Dependencies'");
    assert.ok(insert, `no such quick fix among: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(insert.kind?.value, 'quickfix');
    assert.equal(insert.isPreferred, true);
    assert.ok(insert.edit, 'the quick fix carries no edit');
    assert.equal(await vscode.workspace.applyEdit(insert.edit), true);

    assert.equal(
      document.getText(),
      original.replace('\nTesting\n=======\n', '\nDependencies\n============\n\nNone\n\n\nTesting\n=======\n'),
    );
    const after = ours(
      await waitForDiagnostics(
        document.uri,
        (all) => ours(all).length > 0 && !ours(all).some((d) => describeDiagnostic(d).code === 'missing-section'),
      ),
    );
    assert.deepEqual(
      after.map((d) => describeDiagnostic(d).code),
      ['line-length'],
    );
  });
});
