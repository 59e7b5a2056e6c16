// The extension in a web extension host (vscode.dev, github.dev, code-server's browser host): the
// language server runs in a web worker (server/out/web-server.js) and reads templates and config
// files through this client (file-access.ts).
import { type ExtensionContext, Uri } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { registerCommands } from './commands';
import { clientOptions, registerClientParts } from './client-options';

/** The worker constructor of the web extension host (no DOM types in this project's compile). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'server', 'out', 'web-server.js');
  const worker = new Worker(serverMain.toString(true), { name: 'rst-specs language server' });
  client = new LanguageClient('rstSpecs', 'rst-specs', clientOptions(), worker);
  registerClientParts(context, client);
  await client.start();
  registerCommands(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
