import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerSpecsView, type SpecsTree } from './specs-view';
import { registerRepoCommands } from './repo-commands';
import { clientOptions, registerClientParts } from './client-options';
import { ruleDocsBase } from './rule-docs';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/protocol';
import { codeCacheArgument, registerCodeCacheStorage } from './code-cache';
import { registerPreview } from './preview/preview';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and the editor tests): the Specs view's tree. */
export interface RstSpecsApi {
  readonly specsTree: SpecsTree;
}

export async function activate(context: ExtensionContext): Promise<RstSpecsApi> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: {
      module,
      args: [codeCacheArgument(context)],
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_OPTIONS], env: SERVER_ENVIRONMENT },
    },
    // No code cache when debugging: V8 would reject one made with other flags, and replace the run's.
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'], env: SERVER_ENVIRONMENT },
    },
  };
  const options = clientOptions();
  // The rule pages that the diagnostics' codes link to, opened rendered by this extension (rule-docs.ts).
  options.initializationOptions = { ...options.initializationOptions, ruleDocsBase: ruleDocsBase(context) };
  client = new LanguageClient('rstSpecs', 'rst-specs', serverOptions, options);
  registerClientParts(context, client);
  registerCodeCacheStorage(context, client);
  await client.start();
  registerCommands(context, client);
  registerPreview(context, client);
  // Desktop only: the web build has no file moves and no Specs view (they read the repo from disk).
  registerRepoCommands(context, client);
  return { specsTree: registerSpecsView(context, client) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
