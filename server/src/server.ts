import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { languageFeatures } from './lsp/language-features';
import { codeActionsFeature } from './lsp/code-actions';
import { templateInfoFeature } from './lsp/template-info';

// `gc` is there when the server runs with SERVER_NODE_OPTIONS (--expose-gc), as the extension starts it.
const { gc } = globalThis as { gc?: () => void };
startServer(
  createConnection(ProposedFeatures.all),
  [languageFeatures, codeActionsFeature, templateInfoFeature],
  undefined,
  gc && (() => gc()),
);
