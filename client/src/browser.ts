// The extension in a web extension host (vscode.dev, github.dev, code-server's browser host): the
// language server runs in a web worker (server/out/web-server.js) and reads templates and config
// files through this client (file-access.ts).
import { type ExtensionContext, Uri, workspace } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { registerCommands } from './commands';
import { registerRepoCommands } from './repo-commands';
import { registerSpecsView } from './specs-view';
import { clientOptions, registerClientParts } from './client-options';
import { ruleDocsBase } from './rule-docs';
import { registerPreview } from './preview/preview';

/** What the web extension host offers (no DOM types in this project's compile). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/**
 * A URL the worker can be started from. The web extension host refuses `vscode-remote:` (and
 * `file:`) worker URLs — an extension installed on a remote, as in code-server's browser host — so
 * the script is read through the file system API and started from a blob: URL; an https: URL (an
 * extension served by vscode.dev) is used as it is.
 */
async function workerUrl(script: Uri): Promise<string> {
  if (script.scheme === 'http' || script.scheme === 'https') return script.toString(true);
  const bytes = await workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'server', 'out', 'web-server.js');
  const worker = new Worker(await workerUrl(serverMain), { name: 'rst-specs language server' });
  const options = clientOptions();
  // The rule pages that the diagnostics' codes link to, opened by this extension (rule-docs.ts).
  options.initializationOptions = { ...options.initializationOptions, ruleDocsBase: ruleDocsBase(context) };
  client = new LanguageClient('rstSpecs', 'rst-specs', options, worker);
  registerClientParts(context, client);
  await client.start();
  registerCommands(context, client);
  registerPreview(context, client);
  // The moves: the server reads the folders through this client and sends one WorkspaceEdit.
  registerRepoCommands(context, client);
  registerSpecsView(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
