// The commands that every language-server extension has (as eslint and markdownlint do): restart
// the server, show its output, open (or create) the configuration file.
import { commands, type ExtensionContext, Uri, window, workspace, WorkspaceEdit, type WorkspaceFolder } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exists } from './commands';

export const SERVER_COMMANDS = {
  restartServer: 'rst-specs.restartServer',
  showOutput: 'rst-specs.showOutput',
  openConfigFile: 'rst-specs.openConfigFile',
} as const;

const CONFIG_NAMES = ['.rst-specs.json', '.rst-specs.jsonc'];

/**
 * The `$schema` of a new config file: the schema the npm package of this version ships, at its
 * public address. VS Code checks the file with the schema the extension contributes either way.
 */
export function schemaUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/rst-specs@${version}/schemas/rst-specs.schema.json`;
}

export function newConfigText(version: string): string {
  return `{\n  "$schema": "${schemaUrl(version)}"\n}\n`;
}

export function registerServerCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(SERVER_COMMANDS.restartServer, async () => {
      // stop + start (BaseLanguageClient, desktop and web alike); the client keeps its handlers.
      if (client.isRunning()) await client.stop();
      await client.start();
    }),
    commands.registerCommand(SERVER_COMMANDS.showOutput, () => client.outputChannel.show(true)),
    commands.registerCommand(SERVER_COMMANDS.openConfigFile, async () => {
      const folder = await chooseFolder();
      if (!folder) {
        void window.showInformationMessage('rst-specs: open a folder to give it a configuration file.');
        return undefined;
      }
      for (const name of CONFIG_NAMES) {
        const existing = Uri.joinPath(folder.uri, name);
        if (await exists(existing)) {
          await window.showTextDocument(existing);
          return existing;
        }
      }
      const created = Uri.joinPath(folder.uri, CONFIG_NAMES[0]);
      const version = String(context.extension.packageJSON.version ?? '0.1.0');
      // ignoreIfExists: a file made in the meantime is opened as it is, never overwritten.
      const edit = new WorkspaceEdit();
      edit.createFile(created, { ignoreIfExists: true, contents: new TextEncoder().encode(newConfigText(version)) });
      await workspace.applyEdit(edit);
      const editor = await window.showTextDocument(created);
      return editor.document.uri;
    }),
  );
}

/** The active file's workspace folder, else the only one, else the one the user picks. */
async function chooseFolder(): Promise<WorkspaceFolder | undefined> {
  const active = window.activeTextEditor?.document.uri;
  const ofActive = active && workspace.getWorkspaceFolder(active);
  if (ofActive) return ofActive;
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return window.showWorkspaceFolderPick({ placeHolder: 'rst-specs: the folder whose configuration file to open' });
}
