// The language server in a web worker (the extension's `browser` entry, for vscode.dev, github.dev
// and code-server's browser extension host). No file system: templates and config files are read
// through the client (lsp/files.ts), and the bundled template is embedded. Built by
// scripts/web-build.mjs with node:fs, node:path and node:url replaced by ./shims.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import bundledTemplate from '../../templates/senlin-spec-template.rst';
import { startServer } from '../lsp/server';
import { languageFeatures } from '../lsp/language-features';
import { codeActionsFeature } from '../lsp/code-actions';
import { templateInfoFeature } from '../lsp/template-info';
import { previewFeature } from '../lsp/preview';
import { shutdownGuard } from '../lsp/shutdown';

/** The worker's global scope (`self`): what the message reader and writer use of it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), shutdownGuard());
startServer(connection, [languageFeatures, codeActionsFeature, templateInfoFeature, previewFeature], {
  fileSystem: 'client',
  bundledText: () => bundledTemplate,
});
