// A move command and the editor's Undo, on a temporary copy of a small specs repo
// (run-in-code-server.ts --folder-copy test/integration/fixtures/specs-repo). Registered only then.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { waitFor } from './helpers';

const repo = process.env.RST_SPECS_TEST_FOLDER_COPY;

if (repo && basename(repo) === 'specs-repo')
  suite('specs undo', () => {
    test('Move Spec to Implemented, then Undo: the spec and the redirects file are back, byte for byte', async () => {
      const release = join(repo, 'specs', '2024.2');
      const spec = join(release, 'approved', 'cluster-health.rst');
      const moved = join(release, 'implemented', 'cluster-health.rst');
      const redirects = join(release, 'redirects');
      const specBytes = readFileSync(spec);
      const redirectsBytes = readFileSync(redirects);
      /** The redirects file as the editor holds it (open after the move), else as on disk. */
      const redirectsText = () =>
        vscode.workspace.textDocuments.find((open) => open.uri.fsPath === redirects)?.getText() ?? readFileSync(redirects, 'utf8');

      await vscode.window.showTextDocument(vscode.Uri.file(spec));
      await vscode.commands.executeCommand('rst-specs.moveSpecToImplemented');
      await waitFor('the spec in implemented/', () => (existsSync(moved) && !existsSync(spec) ? true : undefined), 30_000);
      assert.equal(redirectsText(), `${redirectsBytes.toString('utf8')}approved/cluster-health.rst ../implemented/cluster-health.rst\n`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, moved);

      // The move renamed the file on disk; the redirect line is an edit of the redirects file in the editor, not saved yet.
      const edited = vscode.workspace.textDocuments.find((open) => open.uri.fsPath === redirects);
      assert.equal(edited?.isDirty, true);
      assert.deepEqual(readFileSync(redirects), redirectsBytes);

      // Edit > Undo with the moved spec's editor in front.
      await vscode.commands.executeCommand('undo');
      await waitFor('the spec back in approved/', () => (existsSync(spec) && !existsSync(moved) ? true : undefined), 30_000);
      assert.deepEqual(readFileSync(spec), specBytes);
      await waitFor('the redirects line gone', () => (redirectsText() === redirectsBytes.toString('utf8') ? true : undefined), 30_000);
      // Nothing left to save: the file on disk is as it was, and no editor holds a changed copy of it.
      assert.equal(
        vscode.workspace.textDocuments.some((open) => open.uri.fsPath === redirects && open.isDirty),
        false,
      );
      assert.deepEqual(readFileSync(redirects), redirectsBytes);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, spec, 'the editor follows the file back');
    });
  });
