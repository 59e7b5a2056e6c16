// Move Spec to Implemented / Move Spec to Release... / Abandon Spec / Re-propose Spec to Release...:
// the server builds each as one WorkspaceEdit and applies it (so Undo reverts it); these pick the
// spec (the explorer's, the specs view's or the active editor's) and the release.
import { commands, type ExtensionContext, Uri, window } from 'vscode';
import { type BaseLanguageClient as LanguageClient, ExecuteCommandRequest } from 'vscode-languageclient';
import { SERVER_COMMANDS } from '../../server/src/protocol';

export const REPO_COMMANDS = {
  moveToImplemented: 'rst-specs.moveSpecToImplemented',
  moveToRelease: 'rst-specs.moveSpecToRelease',
  abandon: 'rst-specs.abandonSpec',
  repropose: 'rst-specs.reproposeSpec',
} as const;

/** server/src/lsp/repo-commands.ts */
const SERVER = { moveSpec: SERVER_COMMANDS.moveSpec, releases: SERVER_COMMANDS.releases } as const;

interface MoveResult {
  readonly applied: boolean;
  readonly uri?: string;
  readonly label?: string;
  readonly problem?: string;
}

export function registerRepoCommands(context: ExtensionContext, client: LanguageClient): void {
  const run = <T>(command: string, args: unknown) =>
    client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }) as Promise<T>;

  /** The spec a command acts on: the one it was given (explorer, specs view), else the active editor's. */
  const specOf = (target: unknown): Uri | undefined => {
    if (target instanceof Uri) return target;
    const fromItem = (target as { resourceUri?: unknown } | undefined)?.resourceUri;
    if (fromItem instanceof Uri) return fromItem;
    const active = window.activeTextEditor?.document;
    return active && active.languageId === 'restructuredtext' ? active.uri : undefined;
  };

  const pickRelease = async (uri: string, title: string, filter: (name: string) => boolean) => {
    const { releases } = await run<{ releases: string[] }>(SERVER.releases, { uri });
    const choices = releases.filter(filter);
    if (choices.length === 0) {
      void window.showErrorMessage('rst-specs: this spec is not in a specs/<release>/ folder of a specs repo.');
      return undefined;
    }
    return window.showQuickPick(choices, { title, placeHolder: 'Release' });
  };

  const move = async (target: unknown, action: string, release?: (uri: string) => Promise<string | undefined>) => {
    const spec = specOf(target);
    if (!spec) {
      void window.showInformationMessage('rst-specs: open a spec, or choose one in the Explorer or the Specs view.');
      return;
    }
    const uri = client.code2ProtocolConverter.asUri(spec);
    const chosen = release ? await release(uri) : undefined;
    if (release && !chosen) return;
    const result = await run<MoveResult>(SERVER.moveSpec, { uri, action, release: chosen });
    if (!result.applied) {
      void window.showErrorMessage(`rst-specs: ${result.problem ?? 'the editor did not apply the change'}.`);
      return;
    }
    if (action === 'repropose' && result.uri) await window.showTextDocument(client.protocol2CodeConverter.asUri(result.uri));
    window.setStatusBarMessage(`rst-specs: ${result.label}`, 5000);
  };

  context.subscriptions.push(
    commands.registerCommand(REPO_COMMANDS.moveToImplemented, (target?: unknown) => move(target, 'implemented')),
    // `release`: given by a keybinding or a script (executeCommand), else picked.
    commands.registerCommand(REPO_COMMANDS.moveToRelease, (target?: unknown, release?: unknown) =>
      move(target, 'release', (uri) =>
        typeof release === 'string'
          ? Promise.resolve(release)
          : pickRelease(uri, 'rst-specs: Move Spec to Release', (name) => name !== 'abandoned'),
      ),
    ),
    commands.registerCommand(REPO_COMMANDS.abandon, (target?: unknown) => move(target, 'abandon')),
    commands.registerCommand(REPO_COMMANDS.repropose, (target?: unknown, release?: unknown) =>
      move(target, 'repropose', (uri) =>
        typeof release === 'string'
          ? Promise.resolve(release)
          : pickRelease(uri, 'rst-specs: Re-propose Spec to Release', (name) => name !== 'abandoned' && name !== 'backlog'),
      ),
    ),
  );
}
