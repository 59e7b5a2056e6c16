import * as path from 'node:path';
import { type ExtensionContext, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'restructuredtext' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.rst') },
  };
  client = new LanguageClient('rstSpecs', 'rst-specs', serverOptions, clientOptions);
  await client.start();
  registerCommands(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
