// Not a test: the scene for the README's screenshot. Runs only when the runner
// was given --screenshot (it sets RST_SPECS_SCREENSHOT_DIR): opens the spec with
// problems and the Problems panel, waits for the diagnostics, then hands over to
// the runner through two files (ready → the runner takes the picture → done),
// because once the suite ends the extension host stops and its diagnostics go.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { openSpec, waitFor, waitForDiagnostics } from './helpers';

const handshake = process.env.RST_SPECS_SCREENSHOT_DIR;

// Registered only for --screenshot, so that normal runs list no skipped test.
if (handshake)
  suite('screenshot scene', () => {
    test('missing-dependencies.rst with its problems', async () => {
      const document = await openSpec('missing-dependencies.rst');
      await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'rst-specs'));
      const editor = vscode.window.activeTextEditor!;
      const line = document.getText().split('\n').indexOf('Implementation');
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line - 12, 0, line + 6, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      writeFileSync(join(handshake!, 'ready'), '');
      await waitFor('the runner to take the screenshot', () => (existsSync(join(handshake!, 'done')) ? true : undefined), 30_000);
    });
  });
