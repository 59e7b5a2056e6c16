// The commands the manifest adds for users (Title Case, under the rst-specs category) and the
// server commands: Restart Server brings the server back, checking as before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { openSpec, ours, skipUnlessBuilt, waitForDiagnostics } from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

suite('commands', () => {
  suiteSetup(function () {
    skipUnlessBuilt(this);
  });

  test('every contributed command is registered, in Title Case under the rst-specs category', async () => {
    const document = await openSpec('clean-spec.rst'); // activates the extension
    await waitForDiagnostics(document.uri, () => true);
    const manifest = vscode.extensions.getExtension('rst-specs.rst-specs')!.packageJSON as {
      contributes: { commands: ContributedCommand[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const small = new Set(['a', 'an', 'the', 'for', 'from', 'in', 'of', 'to', 'on', 'with']);
    for (const { command, title, category } of manifest.contributes.commands) {
      assert.equal(category, 'rst-specs', command);
      assert.ok(registered.has(command), `${command} is not registered`);
      const words = title.split(' ');
      assert.ok(
        words.every((word, i) => /^[A-Z]/.test(word) || (i > 0 && small.has(word))),
        `'${title}' is not in Title Case`,
      );
    }
    assert.deepEqual(manifest.contributes.commands.map((c) => c.title).slice(0, 7), [
      'Insert Missing Sections',
      'New Spec from Template',
      'Check All Specs in the Workspace',
      'Show Template for This Spec',
      'Open Configuration File',
      'Show Output',
      'Restart Server',
    ]);
  });

  test('Restart Server: the server stops, starts again and checks an edit', async () => {
    // The stopped client clears its diagnostics, the new server publishes them again.
    const broken = await openSpec('missing-dependencies.rst');
    await waitForDiagnostics(broken.uri, (all) => ours(all).length === 2);
    const counts: number[] = [];
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === broken.uri.toString()))
        counts.push(ours(vscode.languages.getDiagnostics(broken.uri)).length);
    });
    try {
      await vscode.commands.executeCommand('rst-specs.restartServer');
      await waitForDiagnostics(broken.uri, () => counts.includes(0) && counts[counts.length - 1] === 2);
    } finally {
      listener.dispose();
    }
    assert.equal(counts[0], 0, `diagnostic counts during the restart: ${counts.join(', ')}`);

    const document = await openSpec('clean-spec.rst');
    await waitForDiagnostics(document.uri, (all) => ours(all).length === 0);
    const editor = vscode.window.activeTextEditor!;
    const line = document.getText().split('\n').indexOf('Problem description') + 3;
    assert.equal(document.lineAt(line).text, 'None');
    await editor.edit((edit) => edit.replace(document.lineAt(line).range, 'None\tat all.'));
    try {
      const after = await waitForDiagnostics(document.uri, (all) => ours(all).length > 0);
      assert.deepEqual(
        ours(after).map((d) => [
          typeof d.code === 'object' ? d.code.value : d.code,
          d.message,
          d.range.start.line,
          d.range.start.character,
        ]),
        [['tab', 'Tab character: use spaces.', line, 4]],
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForDiagnostics(document.uri, (all) => ours(all).length === 0);
  });
});
