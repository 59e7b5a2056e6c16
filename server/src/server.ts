// The language server bundle (server/out/server-main.js), started by its entry (server-loader.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { languageFeatures } from './lsp/language-features';
import { createCodeActionsFeature } from './lsp/code-actions';
import { repoActions } from './lsp/repo-commands';
import { templateInfoFeature } from './lsp/template-info';
import { navigationFeature } from './lsp/navigation';
import { specsIndexFeature } from './lsp/specs-index';
import { DocsTrees } from './docs/load';
import { type CodeCacheHandle, codeCacheFeature } from './lsp/code-cache-offer';
import { shutdownGuard } from './lsp/shutdown';
import { previewFeature } from './lsp/preview';

export interface ServerMain {
  /** `codeCache`: when the client keeps the server's code cache (code-cache.ts). */
  main(codeCache: CodeCacheHandle | undefined): void;
}

export function main(codeCache: CodeCacheHandle | undefined): void {
  // `gc` is there when the server runs with SERVER_NODE_OPTIONS (--expose-gc), as the extension starts it.
  const { gc } = globalThis as { gc?: () => void };
  startServer(
    createConnection(ProposedFeatures.all, shutdownGuard()),
    [languageFeatures, createCodeActionsFeature(repoActions), templateInfoFeature, navigationFeature, specsIndexFeature, previewFeature, ...(codeCache ? [codeCacheFeature(codeCache)] : [])],
    { fileSystem: 'disk', docsTrees: () => new DocsTrees() },
    gc && (() => gc()),
  );
}
