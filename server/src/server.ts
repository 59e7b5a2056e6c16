import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { languageFeatures } from './lsp/language-features';
import { codeActionsFeature } from './lsp/code-actions';

startServer(createConnection(ProposedFeatures.all), [languageFeatures, codeActionsFeature]);
