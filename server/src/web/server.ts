// The language server in a web worker (the extension's `browser` entry, for vscode.dev, github.dev
// and code-server's browser extension host). No file system: templates, config files and the
// folders a move looks at are read through the client (lsp/files.ts), and the bundled template is
// embedded. What it lacks of the Node server, and why: docs/specs-repo.md#in-the-web-build. Built by
// scripts/web-build.mjs with node:fs, node:path and node:url replaced by ./shims.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import bundledTemplate from '../../templates/senlin-spec-template.rst';
import { startServer } from '../lsp/server';
import { languageFeatures } from '../lsp/language-features';
import { createCodeActionsFeature } from '../lsp/code-actions';
import { navigationFeature } from '../lsp/navigation';
import { repoActions } from '../lsp/repo-commands';
import { clientIndexFiles, createSpecsIndexFeature } from '../lsp/specs-index';
import { templateInfoFeature } from '../lsp/template-info';
import { previewFeature } from '../lsp/preview';
import { shutdownGuard } from '../lsp/shutdown';

/** The worker's global scope (`self`): what the message reader and writer use of it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), shutdownGuard());
// The repo commands (moves) and the Specs view's index read the folders and specs through the
// client; navigation has the spec's own names (the docs tree across files is read from disk only: docs/load.ts).
startServer(
  connection,
  [
    languageFeatures,
    createCodeActionsFeature(repoActions),
    templateInfoFeature,
    navigationFeature,
    createSpecsIndexFeature(clientIndexFiles),
    previewFeature,
  ],
  {
    fileSystem: 'client',
    bundledText: () => bundledTemplate,
  },
);
