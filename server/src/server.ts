import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { languageFeatures } from './lsp/language-features';
import { codeActionsFeature } from './lsp/code-actions';
import { templateInfoFeature } from './lsp/template-info';

startServer(createConnection(ProposedFeatures.all), [languageFeatures, codeActionsFeature, templateInfoFeature]);
