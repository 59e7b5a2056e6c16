// The server side of the repo commands (move to implemented / to a release, abandon, re-propose):
// the engine (repo/moves.ts) builds the edit from the repo's files, this sends it to the editor
// as one WorkspaceEdit (workspace/applyEdit), so that the editor's Undo and the SCM view see it.
import { type MoveAction, SERVER_COMMANDS } from '../protocol';
import type { CancellationToken, WorkspaceEdit } from 'vscode-languageserver/node';
import {
  abandonSpec,
  type FileChange,
  moveIntoApproved,
  MoveError,
  moveToImplemented,
  moveToRelease,
  releasesOf,
  type RepoEdit,
  type RepoFiles,
  reproposeSpec,
} from '../repo/moves';
import { specPlace } from '../repo/layout';
import { locateTemplate } from '../template/locate';
import type { ServerContext } from './context';
import { siblingUri } from './file-links';
import { throwIfCancelled } from './cancellation';

/** `[{ uri, action: MoveAction, release? }]` and `[{ uri }]` (protocol.ts). */
export const REPO_COMMANDS = { moveSpec: SERVER_COMMANDS.moveSpec, releases: SERVER_COMMANDS.releases } as const;

export type { MoveAction };

/** The repo edit as an LSP WorkspaceEdit: renames, creations and text edits in order (`versions`: of the open documents). */
export function toWorkspaceEdit(
  edit: RepoEdit,
  uriOf: (filePath: string) => string,
  versionOf: (uri: string) => number | null,
): WorkspaceEdit {
  const created = new Set<string>();
  return {
    documentChanges: edit.changes.map((change: FileChange) => {
      switch (change.kind) {
        case 'rename':
          return {
            kind: 'rename',
            oldUri: uriOf(change.from),
            newUri: uriOf(change.to),
            options: { overwrite: false, ignoreIfExists: false },
          };
        case 'create':
          created.add(change.path);
          return { kind: 'create', uri: uriOf(change.path), options: { overwrite: false, ignoreIfExists: false } };
        case 'edit': {
          const uri = uriOf(change.path);
          const version = created.has(change.path) ? null : versionOf(uri);
          return { textDocument: { uri, version }, edits: change.edits.map((text) => ({ range: text.range, newText: text.newText })) };
        }
      }
    }),
  };
}

/** The spec-location quick fix as a WorkspaceEdit: the file renamed into `approved/`. */
export function moveIntoApprovedEdit(uri: string, filePath: string, target: string): { title: string; edit: WorkspaceEdit } {
  const edit = moveIntoApproved(filePath, target);
  return {
    title: edit.label,
    edit: toWorkspaceEdit(
      edit,
      (file) => siblingUri(uri, file),
      () => null,
    ),
  };
}

export async function runRepoCommand(
  context: ServerContext,
  command: string,
  options: Record<string, unknown>,
  token: CancellationToken,
): Promise<unknown> {
  const uri = String(options.uri ?? '');
  const filePath = context.environment.filePathOf(uri);
  const workspaceFolder = filePath && context.workspaceFolderOf(filePath);
  if (!filePath || !workspaceFolder) throw new Error('rst-specs: the spec must be a file of an open workspace folder');
  const settings = await context.settingsFor(uri, token);
  const setup = await context.environment.setup(uri, '', settings, (file) => context.workspaceFolderOf(file));
  throwIfCancelled(token);
  const access = context.environment.accessOf(uri);
  const place = specPlace(filePath, access.files, workspaceFolder);
  if (place) {
    // Through the client (web, virtual workspaces), the folders the edit looks at are listed first.
    const releases = access.files.list(place.specsFolder);
    await access.prefetchFolders([place.specsFolder, ...releases.map((name) => `${place.specsFolder}/${name}`)]);
  }
  const files: RepoFiles = {
    list: (folder) => access.files.list(folder),
    read: (file) => {
      const open = context.documents.get(siblingUri(uri, file));
      if (open) return open.getText();
      try {
        return access.reader.read(file);
      } catch {
        return undefined;
      }
    },
  };
  if (command === REPO_COMMANDS.releases) {
    return { releases: place ? releasesOf(place.specsFolder, files) : [] };
  }
  const release = typeof options.release === 'string' ? options.release : '';
  let edit: RepoEdit;
  try {
    switch (options.action as MoveAction) {
      case 'implemented':
        edit = moveToImplemented(filePath, files, workspaceFolder);
        break;
      case 'release':
        edit = moveToRelease(filePath, release, files, workspaceFolder);
        break;
      case 'abandon':
        edit = abandonSpec(filePath, files, workspaceFolder);
        break;
      case 'repropose': {
        const text = files.read(filePath);
        if (text === undefined) throw new MoveError(`${filePath} cannot be read`);
        const target = place ? `${place.specsFolder}/${release}/approved/${place.fileName}` : filePath;
        const template = locateTemplate(target, workspaceFolder, setup.templatePath, access.files);
        if (template.kind !== 'bundled') await access.prefetchFile(template.path);
        edit = reproposeSpec(
          filePath,
          text,
          release,
          files,
          template.kind === 'bundled' ? undefined : files.read(template.path),
          workspaceFolder,
        );
        break;
      }
      default:
        throw new MoveError(`unknown action ${String(options.action)}`);
    }
  } catch (error) {
    if (error instanceof MoveError) return { applied: false, problem: error.message };
    throw error;
  }
  const workspaceEdit = toWorkspaceEdit(
    edit,
    (file) => siblingUri(uri, file),
    (other) => context.documents.get(other)?.version ?? null,
  );
  const applied = await context.connection.workspace.applyEdit({ label: edit.label, edit: workspaceEdit });
  return {
    applied: applied.applied,
    uri: siblingUri(uri, edit.result),
    label: edit.label,
    problem: applied.applied ? undefined : applied.failureReason,
  };
}

/** What the code actions feature takes to offer the spec-location fix and run the repo commands. */
export interface RepoActions {
  readonly commands: readonly string[];
  moveIntoApprovedEdit(uri: string, filePath: string, target: string): { title: string; edit: WorkspaceEdit };
  run(context: ServerContext, command: string, options: Record<string, unknown>, token: CancellationToken): Promise<unknown>;
}

export const repoActions: RepoActions = {
  commands: Object.values(REPO_COMMANDS),
  moveIntoApprovedEdit,
  run: runRepoCommand,
};
