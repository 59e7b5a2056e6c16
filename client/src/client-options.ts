// What the desktop (Node) and web entries of the extension share: the client options and the parts
// registered once the client runs.
import { type ExtensionContext, workspace } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerFileAccess } from './file-access';
import { registerRuleDocs } from './rule-docs';
import { registerServerCommands } from './server-commands';
import { configurationMiddleware } from './settings-middleware';
import { registerTemplateStatus } from './template-status';

/** Specs on disk, in virtual workspaces (github.dev, vscode.dev) and in remote ones. */
const SCHEMES = ['file', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

export function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: SCHEMES.map((scheme) => ({ scheme, language: 'restructuredtext' })),
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{*.rst,.rst-specs.json,.rst-specs.jsonc,test_titles.py}') },
    // The server may ask for templates and config files through rst-specs/readFile (file-access.ts).
    initializationOptions: { fileAccess: true },
    middleware: { workspace: configurationMiddleware },
  };
}

export function registerClientParts(context: ExtensionContext, client: BaseLanguageClient): void {
  registerFileAccess(client);
  registerTemplateStatus(context, client);
  registerRuleDocs(context);
  registerServerCommands(context, client);
}
