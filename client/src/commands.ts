// The extension's commands. The work is done by the language server (workspace/executeCommand);
// these ask the user what is needed, show progress and open what was made.
import {
  type CancellationToken,
  commands,
  EndOfLine,
  type ExtensionContext,
  FileType,
  ProgressLocation,
  Uri,
  window,
  workspace,
} from 'vscode';
import { type BaseLanguageClient as LanguageClient, ExecuteCommandRequest } from 'vscode-languageclient';

/** The server's commands (server/src/lsp/code-actions.ts, SERVER_COMMANDS): other names than the extension's own. */
const SERVER = {
  insertMissingSections: 'rst-specs.server.insertMissingSections',
  newSpecText: 'rst-specs.server.newSpecText',
  checkFiles: 'rst-specs.server.checkFiles',
} as const;

export const COMMANDS = {
  insertMissingSections: 'rst-specs.insertMissingSections',
  newSpec: 'rst-specs.newSpec',
  checkWorkspace: 'rst-specs.checkWorkspace',
  /** Run with the carriage-return quick fix: VS Code keeps a document's line endings through text edits. */
  useLfLineEndings: 'rst-specs.useLfLineEndings',
} as const;

const BLUEPRINT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BATCH = 20;

export function registerCommands(context: ExtensionContext, client: LanguageClient): void {
  const run = <T>(command: string, args: unknown, token?: CancellationToken) =>
    client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }, token) as Promise<T>;

  context.subscriptions.push(
    commands.registerCommand(COMMANDS.insertMissingSections, async () => {
      const editor = window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'restructuredtext') {
        void window.showInformationMessage('rst-specs: open a spec (.rst) to insert its missing sections.');
        return;
      }
      const document = editor.document;
      const result = await run<{ inserted: number; applied?: boolean; reason?: string }>(SERVER.insertMissingSections, {
        uri: client.code2ProtocolConverter.asUri(document.uri),
        version: document.version,
      });
      if (result?.reason) void window.showInformationMessage('rst-specs: this file is not checked as a spec.');
      else if (!result?.inserted) void window.showInformationMessage('rst-specs: no section is missing.');
    }),

    commands.registerCommand(COMMANDS.newSpec, async (target?: Uri) => {
      const folder = await chooseFolder(target);
      if (!folder) return;
      const name = await window.showInputBox({
        title: 'rst-specs: New spec from template',
        prompt: `Blueprint name (the spec is written to ${workspace.asRelativePath(folder)}/<name>.rst)`,
        placeHolder: 'cluster-health-check',
        validateInput: async (value) => {
          if (!BLUEPRINT_NAME.test(value)) return 'Use lowercase letters, digits and hyphens, e.g. cluster-health-check.';
          return (await exists(Uri.joinPath(folder, `${value}.rst`))) ? `${value}.rst already exists in this folder.` : undefined;
        },
      });
      if (!name) return;
      const file = Uri.joinPath(folder, `${name}.rst`);
      if (await exists(file)) {
        void window.showErrorMessage(`rst-specs: ${workspace.asRelativePath(file)} already exists; it was not overwritten.`);
        return;
      }
      const result = await run<{ text: string; problem?: string }>(SERVER.newSpecText, {
        folderUri: client.code2ProtocolConverter.asUri(folder),
        name,
      });
      if (result.problem) void window.showWarningMessage(`rst-specs: using the bundled template: ${result.problem}.`);
      await workspace.fs.writeFile(file, new TextEncoder().encode(result.text));
      await window.showTextDocument(file);
    }),

    commands.registerCommand(COMMANDS.checkWorkspace, () =>
      window.withProgress(
        { location: ProgressLocation.Notification, title: 'rst-specs: Checking specs', cancellable: true },
        async (progress, token) => {
          const files = await workspace.findFiles('**/*.rst', '{**/node_modules/**,**/.git/**,**/.tox/**}', undefined, token);
          let specs = 0;
          let problems = 0;
          const unreadable: string[] = [];
          for (let start = 0; start < files.length; start += BATCH) {
            if (token.isCancellationRequested) break;
            const batch = files.slice(start, start + BATCH);
            const result = await run<{ specs: number; problems: number; unreadable?: string[] }>(
              SERVER.checkFiles,
              { uris: batch.map((file) => client.code2ProtocolConverter.asUri(file)) },
              token,
            ).catch(() => undefined);
            if (!result) break;
            specs += result.specs;
            problems += result.problems;
            unreadable.push(...(result.unreadable ?? []));
            progress.report({
              increment: (100 * batch.length) / files.length,
              message: `${Math.min(start + BATCH, files.length)} of ${files.length} files`,
            });
          }
          const summary = `${specs} spec${specs === 1 ? '' : 's'} checked, ${problems} problem${problems === 1 ? '' : 's'}`;
          if (unreadable.length > 0) {
            // Each file that could not be read, with why (a link in a loop, a pipe, over 20 MB), once.
            void window.showWarningMessage(
              `rst-specs: ${unreadable.length} file${unreadable.length === 1 ? '' : 's'} could not be read: ${unreadable.slice(0, 3).join('; ')}${unreadable.length > 3 ? '; …' : ''}`,
            );
          }
          void window.showInformationMessage(
            token.isCancellationRequested ? `rst-specs: cancelled; ${summary} so far.` : `rst-specs: ${summary}.`,
          );
        },
      ),
    ),

    commands.registerCommand(COMMANDS.useLfLineEndings, async (uri?: string) => {
      const document = uri
        ? workspace.textDocuments.find((open) => client.code2ProtocolConverter.asUri(open.uri) === uri)
        : window.activeTextEditor?.document;
      if (!document || document.eol === EndOfLine.LF) return;
      const editor = await window.showTextDocument(document, { preserveFocus: true, preview: false });
      await editor.edit((builder) => builder.setEndOfLine(EndOfLine.LF));
    }),
  );
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder the explorer was right-clicked on (or a file's folder), else one the user picks. */
async function chooseFolder(target: Uri | undefined): Promise<Uri | undefined> {
  if (target instanceof Uri) {
    try {
      const stat = await workspace.fs.stat(target);
      return stat.type & FileType.Directory ? target : Uri.joinPath(target, '..');
    } catch {
      // Fall through to asking.
    }
  }
  const active = window.activeTextEditor?.document.uri;
  const near = active && active.scheme === 'file' ? Uri.joinPath(active, '..') : workspace.workspaceFolders?.[0]?.uri;
  const picked = await window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: near,
    openLabel: 'Write the spec here',
    title: 'rst-specs: folder for the new spec',
  });
  return picked?.[0];
}
