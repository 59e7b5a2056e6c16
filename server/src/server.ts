// The language server bundle (server/out/server-main.js), started by its entry
// (runtime/server-loader.ts), which may add features of its own (the code cache, idle collection).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import type { ServerFeature } from './lsp/context';
import { languageFeatures } from './lsp/language-features';
import { createCodeActionsFeature } from './lsp/code-actions';
import { repoActions } from './lsp/repo-commands';
import { templateInfoFeature } from './lsp/template-info';
import { navigationFeature } from './lsp/navigation';
import { specsIndexFeature } from './lsp/specs-index';
import { DocsTrees } from './docs/load';
import { shutdownGuard } from './lsp/shutdown';
import { previewFeature } from './lsp/preview';

export interface ServerMain {
  main(features: readonly ServerFeature[]): void;
}

export function main(features: readonly ServerFeature[] = []): void {
  startServer(
    createConnection(ProposedFeatures.all, shutdownGuard()),
    [
      languageFeatures,
      createCodeActionsFeature(repoActions),
      templateInfoFeature,
      navigationFeature,
      specsIndexFeature,
      previewFeature,
      ...features,
    ],
    { fileSystem: 'disk', docsTrees: () => new DocsTrees() },
  );
}
