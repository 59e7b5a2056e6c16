// The extension's commands. The work is done by the language server (workspace/executeCommand);
// these ask the user what is needed, show progress and open what was made.
import {
  type CancellationToken,
  commands,
  EndOfLine,
  type ExtensionContext,
  FileType,
  ProgressLocation,
  type QuickPickItem,
  Selection,
  TextEditorRevealType,
  Uri,
  window,
  workspace,
} from 'vscode';
import { type BaseLanguageClient as LanguageClient, ExecuteCommandRequest } from 'vscode-languageclient';
import { errorCount, newestFirst, rulesSummary, type Severity } from './releases';
import {
  type CheckFilesResult,
  type InsertMissingSectionsResult,
  type NewSpecTextResult,
  SERVER_COMMANDS,
  USE_LF_COMMAND,
} from '../../server/src/protocol';

/** The server's commands (the contract, server/src/protocol.ts): other names than the extension's own. */
const SERVER = SERVER_COMMANDS;

export const COMMANDS = {
  insertMissingSections: 'rst-specs.insertMissingSections',
  newSpec: 'rst-specs.newSpec',
  checkWorkspace: 'rst-specs.checkWorkspace',
  /** Run with the carriage-return quick fix: VS Code keeps a document's line endings through text edits. */
  useLfLineEndings: USE_LF_COMMAND,
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
      const result = await run<InsertMissingSectionsResult>(SERVER.insertMissingSections, {
        uri: client.code2ProtocolConverter.asUri(document.uri),
        version: document.version,
      });
      if (result?.reason) void window.showInformationMessage('rst-specs: this file is not checked as a spec.');
      else if (!result?.inserted) void window.showInformationMessage('rst-specs: no section is missing.');
      else {
        // Show what was done: the first inserted title, selected, and the count for a moment.
        if (result.first && window.activeTextEditor?.document === document) {
          const { start, end } = result.first;
          const title = new Selection(start.line, start.character, end.line, end.character);
          editor.selection = title;
          editor.revealRange(title, TextEditorRevealType.InCenterIfOutsideViewport);
        }
        window.setStatusBarMessage(`rst-specs: inserted ${result.inserted} missing section${result.inserted === 1 ? '' : 's'}`, 5000);
      }
    }),

    commands.registerCommand(COMMANDS.newSpec, async (target?: Uri) => {
      const folder = await chooseFolder(target);
      if (!folder) return;
      const name = await window.showInputBox({
        title: 'rst-specs: New Spec from Template',
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
      const result = await run<NewSpecTextResult>(SERVER.newSpecText, {
        folderUri: client.code2ProtocolConverter.asUri(folder),
        name,
      });
      if (result.problem) void window.showWarningMessage(`rst-specs: using the bundled template: ${result.problem}.`);
      await workspace.fs.writeFile(file, new TextEncoder().encode(result.text));
      // Pinned (not a preview the next file replaces), the cursor on the title.
      const title = result.titleRange;
      const selection = title ? new Selection(title.start.line, title.start.character, title.end.line, title.end.character) : undefined;
      await window.showTextDocument(file, { preview: false, ...(selection ? { selection } : {}) });
    }),

    commands.registerCommand(COMMANDS.checkWorkspace, async () => {
      const summed = await window.withProgress(
        { location: ProgressLocation.Notification, title: 'rst-specs: Checking specs', cancellable: true },
        async (progress, token) => {
          const files = await workspace.findFiles('**/*.rst', '{**/node_modules/**,**/.git/**,**/.tox/**}', undefined, token);
          let specs = 0;
          let problems = 0;
          const byRule: Record<string, { count: number; severity: Severity }> = {};
          const unreadable: string[] = [];
          for (let start = 0; start < files.length; start += BATCH) {
            if (token.isCancellationRequested) break;
            const batch = files.slice(start, start + BATCH);
            const result = await run<CheckFilesResult>(
              SERVER.checkFiles,
              { uris: batch.map((file) => client.code2ProtocolConverter.asUri(file)) },
              token,
            ).catch(() => undefined);
            if (!result) break;
            specs += result.specs;
            problems += result.problems;
            unreadable.push(...(result.unreadable ?? []));
            for (const [code, entry] of Object.entries(result.byRule ?? {})) {
              const sum = (byRule[code] ??= { count: 0, severity: entry.severity });
              sum.count += entry.count;
            }
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
          const rules = problems > 0 ? `: ${rulesSummary(byRule)}` : '';
          const message = token.isCancellationRequested
            ? `rst-specs: cancelled; ${summary} so far${rules}.`
            : `rst-specs: ${summary}${rules}.`;
          return { message, errors: errorCount(byRule) };
        },
      );
      // After the progress notification has gone. The Problems view lists every problem; the
      // button narrows it to the errors (what fails CI).
      const choice = await window.showInformationMessage(summed.message, ...(summed.errors > 0 ? [SHOW_ERRORS] : []));
      if (choice === SHOW_ERRORS) await showOnlyErrors(context);
    }),

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

const SHOW_ERRORS = 'Show only errors';
const PROBLEMS_VIEW = 'workbench.panel.markers.view';
const FILTERED_KEY = 'rstSpecs.problemsShowOnlyErrors';

/**
 * The Problems view with its "Show Warnings" and "Show Infos" filters turned off. VS Code has
 * only toggles for them, so that this extension turned them off is remembered with the workspace
 * (as VS Code remembers the view's filters); the view's filter menu turns them back on.
 */
async function showOnlyErrors(context: ExtensionContext): Promise<void> {
  await commands.executeCommand('workbench.actions.view.problems');
  if (context.workspaceState.get<boolean>(FILTERED_KEY)) return;
  await commands.executeCommand(`workbench.actions.${PROBLEMS_VIEW}.toggleWarnings`);
  await commands.executeCommand(`workbench.actions.${PROBLEMS_VIEW}.toggleInfos`);
  await context.workspaceState.update(FILTERED_KEY, true);
}

/** Whether a file or folder is there (through workspace.fs: also in virtual workspaces). */
export async function exists(uri: Uri): Promise<boolean> {
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
  // The newest release's approved/ first (one Enter takes it), then the others', then Browse...
  const folders = await approvedFolders();
  const browse: QuickPickItem & { uri?: Uri } = { label: 'Browse...', description: 'another folder' };
  const items: (QuickPickItem & { uri?: Uri })[] = folders.map((uri, index) => ({
    label: workspace.asRelativePath(uri, (workspace.workspaceFolders?.length ?? 0) > 1),
    ...(index === 0 ? { description: 'newest release' } : {}),
    uri,
  }));
  const picked =
    items.length > 0
      ? await window.showQuickPick([...items, browse], {
          title: 'rst-specs: New Spec from Template',
          placeHolder: 'Folder for the new spec',
        })
      : browse;
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: folders[0] ?? workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Write the spec here',
    title: 'rst-specs: folder for the new spec',
  });
  return chosen?.[0];
}

/** `specs/<release>/approved` of each workspace folder, newest release first. */
async function approvedFolders(): Promise<Uri[]> {
  const found: Uri[] = [];
  for (const folder of workspace.workspaceFolders ?? []) {
    const specs = Uri.joinPath(folder.uri, 'specs');
    let entries: [string, FileType][];
    try {
      entries = await workspace.fs.readDirectory(specs);
    } catch {
      continue;
    }
    const releases = entries.filter(([, type]) => type & FileType.Directory).map(([name]) => name);
    for (const release of newestFirst(releases)) {
      const approved = Uri.joinPath(specs, release, 'approved');
      if (await isFolder(approved)) found.push(approved);
    }
  }
  return found;
}

async function isFolder(uri: Uri): Promise<boolean> {
  try {
    return ((await workspace.fs.stat(uri)).type & FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
