// The Specs view and a repo command in the editor, on a temporary copy of a specs repo
// (run-in-code-server.ts --folder-copy ../shared/repos/nova-specs). Registered only then.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { waitFor } from './helpers';

const repo = process.env.RST_SPECS_TEST_FOLDER_COPY;
const handshake = process.env.RST_SPECS_SCREENSHOT_DIR;

interface Item {
  label?: string | vscode.TreeItemLabel;
  description?: string | boolean;
}
interface Tree {
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): Item;
}

if (repo)
  suite('specs explorer', () => {
    const tree = async (): Promise<Tree> => {
      const extension = vscode.extensions.getExtension<{ specsTree: Tree }>('rst-specs.rst-specs')!;
      return (await extension.activate()).specsTree;
    };
    const label = (item: Item) => (typeof item.label === 'string' ? item.label : item.label?.label);

    test('the Specs view: releases newest first, counts, each spec once, titles from the specs', async () => {
      await vscode.commands.executeCommand('rstSpecs.specs.focus');
      const specs = await tree();
      // The index is built in slices: wait until every spec of specs/<release>/ is in.
      const expected = readdirSync(join(repo, 'specs'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap(({ name }) => ['approved', 'implemented', ''].map((state) => join(repo, 'specs', name, state)))
        .filter((folder) => existsSync(folder))
        .flatMap((folder) =>
          readdirSync(folder).filter((file) => file.endsWith('.rst') && file !== 'index.rst' && !file.endsWith('-template.rst')),
        ).length;
      const releases = await waitFor(
        'the index of every spec',
        async () => {
          const nodes = await specs.getChildren();
          const count = nodes.reduce<number>(
            (total, node) => total + Number(/^(\d+) spec/.exec(String(specs.getTreeItem(node).description))?.[1] ?? 0),
            0,
          );
          return count === expected ? nodes : undefined;
        },
        120_000,
        500,
      );
      const names = releases.map((node) => label(specs.getTreeItem(node)));
      assert.deepEqual(names.slice(0, 2), ['2026.2', '2026.1']);
      assert.deepEqual(names.slice(-2), ['backlog', 'abandoned']);
      const caracal = releases[names.indexOf('2024.1')];
      const states = await specs.getChildren(caracal);
      assert.deepEqual(
        states.map((node) => label(specs.getTreeItem(node))),
        ['approved', 'implemented'],
      );
      const implemented = await specs.getChildren(states[1]);
      assert.ok(implemented.map((node) => label(specs.getTreeItem(node))).includes('Ironic Shards'));
      if (handshake) {
        // The scene: a spec with problems beside the view, the other Explorer panes out of the way.
        const problem = join(repo, 'specs', '2024.2', 'approved', readdirSync(join(repo, 'specs', '2024.2', 'approved')).sort()[0]);
        await vscode.workspace.getConfiguration('explorer').update('autoReveal', false, vscode.ConfigurationTarget.Global);
        await vscode.window.showTextDocument(vscode.Uri.file(problem));
        await vscode.commands.executeCommand('workbench.view.explorer');
        for (const pane of ['workbench.explorer.fileView', 'outline', 'timeline']) {
          await Promise.resolve(vscode.commands.executeCommand(`${pane}.toggleVisibility`)).catch(() => undefined);
        }
        await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders').then(undefined, () => undefined);
        await vscode.commands.executeCommand('rstSpecs.specs.focus');
        writeFileSync(join(handshake, 'ready'), JSON.stringify(['[id="rstSpecs.specs"] .monaco-list-row']));
        await waitFor('the runner to take the screenshot', () => (existsSync(join(handshake, 'done')) ? true : undefined), 30_000);
      }
    });

    test('Move Spec to Implemented from the palette: the file moves and the redirect line is appended', async () => {
      const folder = join(repo, 'specs', '2024.2', 'approved');
      const name = readdirSync(folder).find((file) => file.endsWith('.rst') && !file.endsWith('-template.rst'))!;
      const redirects = join(repo, 'specs', '2024.2', 'redirects');
      const before = readFileSync(redirects, 'utf8');
      await vscode.window.showTextDocument(vscode.Uri.file(join(folder, name)));
      await vscode.commands.executeCommand('rst-specs.moveSpecToImplemented');
      const moved = join(repo, 'specs', '2024.2', 'implemented', name);
      await waitFor('the spec in implemented/', () => (existsSync(moved) ? true : undefined), 30_000);
      assert.equal(existsSync(join(folder, name)), false);
      // The redirects file is edited in the editor: saved with it, or still dirty.
      const document = vscode.workspace.textDocuments.find((open) => open.uri.fsPath === redirects);
      const text = document ? document.getText() : readFileSync(redirects, 'utf8');
      assert.equal(text, `${before}approved/${name} ../implemented/${name}\n`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, moved);
    });

    test('Re-propose Spec to Release: the copy opens with its History row, checked against the new release template', async () => {
      const folder = join(repo, 'specs', '2026.1', 'approved');
      const name = readdirSync(folder).find((file) => file.endsWith('.rst') && !file.endsWith('-template.rst'))!;
      await vscode.commands.executeCommand('rst-specs.reproposeSpec', vscode.Uri.file(join(folder, name)), '2026.2');
      const copy = join(repo, 'specs', '2026.2', 'approved', name);
      const editor = await waitFor(
        'the copy open',
        () => (vscode.window.activeTextEditor?.document.uri.fsPath === copy ? vscode.window.activeTextEditor : undefined),
        30_000,
      );
      assert.match(editor.document.getText(), /\n {3}\* - 2026\.2 Hibiscus\n {5}- Re-proposed\n/);
      assert.equal(existsSync(join(folder, name)), true, 'the original stays');
      // The copy is checked against 2026.2's template: "Show template for this spec" opens that one.
      await vscode.commands.executeCommand('rst-specs.showTemplate');
      await waitFor(
        "2026.2's template open",
        () => (vscode.window.activeTextEditor?.document.uri.fsPath === join(repo, 'specs', '2026.2-template.rst') ? true : undefined),
        30_000,
      );
    });
  });
