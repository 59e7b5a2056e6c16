import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SafeTextDocument } from './text-document';
import { parseSpec } from '../rst/parse';
import type { DocumentState, ServerContext, ServerFeature } from './context';
import type { SpecDiagnostic } from '../engine';
import { isTemplateFile } from '../template/locate';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { type EnvironmentOptions, SpecEnvironment } from './spec-setup';
import { withoutTrailingSlashes } from './files';
import { CONFIG_FILE_NAMES } from '../config/parse';

const SEVERITY: Record<SpecDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const DOCS_FOLDER = join(__dirname, '..', '..', 'docs', 'rules');

/**
 * `{ uri }` → `{ version, text }` of an open document as the server holds it, or null: for the
 * incremental-sync tests and for bug reports (the client already has the text: nothing leaks).
 */
export const DOCUMENT_STATE_REQUEST = 'rst-specs/documentState';

/** Where the rule pages are, when the client says (the web build has no file path of its own). */
let ruleDocsBase: string | undefined;

export function ruleDocUri(code: string): string {
  if (ruleDocsBase) return `${withoutTrailingSlashes(ruleDocsBase)}/${code}.md`;
  return pathToFileURL(join(DOCS_FOLDER, `${code}.md`)).toString();
}

export function toLspDiagnostic(diagnostic: SpecDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: ruleDocUri(diagnostic.code) },
    source: 'rst-specs',
    message: diagnostic.message,
    data: diagnostic.data,
  };
}

/** Wires the engine to an LSP connection: documents, settings, diagnostics, and the feature modules. */
export function startServer(
  connection: Connection,
  features: readonly ServerFeature[] = [],
  environmentOptions?: EnvironmentOptions,
): void {
  const documents = new TextDocuments(SafeTextDocument);
  const environment = new SpecEnvironment(connection, environmentOptions);
  const states = new Map<string, DocumentState>();
  const settingsByUri = new Map<string, Settings>();
  const pendingPushes = new Set<string>();
  let workspaceFolders: string[] = [];
  let pullDiagnostics = false;
  let configurationRequests = false;

  const folderOf = (filePath: string) =>
    workspaceFolders.filter((folder) => filePath.startsWith(folder + '/')).sort((a, b) => b.length - a.length)[0];

  const filePathOf = (uri: string) => environment.filePathOf(uri);

  async function settingsFor(uri: string): Promise<Settings> {
    const cached = settingsByUri.get(uri);
    if (cached) return cached;
    let settings = DEFAULT_SETTINGS;
    if (configurationRequests) {
      try {
        const raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'rstSpecs' });
        const read = readSettings(raw);
        settings = read.settings;
        for (const problem of read.problems) connection.console.warn(problem);
      } catch (error) {
        connection.console.error(`Cannot read the rstSpecs settings: ${error}`);
      }
    }
    settingsByUri.set(uri, settings);
    return settings;
  }

  /** The document's current version, parsed and (for specs) checked once per version. */
  async function stateOf(document: TextDocument): Promise<DocumentState> {
    const settings = await settingsFor(document.uri);
    const cached = states.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    // Read now: the setup may wait for the client (web), and the document may change meanwhile.
    const version = document.version;
    const text = document.getText();
    const setup = await environment.setup(document.uri, text, settings, folderOf);
    const spec = setup.isSpec ? environment.analyze(setup, text) : undefined;
    const state = { version, doc: spec?.doc ?? parseSpec(text), spec, setup };
    if (documents.get(document.uri)?.version === version) states.set(document.uri, state);
    return state;
  }

  async function diagnosticsOf(document: TextDocument): Promise<Diagnostic[]> {
    try {
      const { spec } = await stateOf(document);
      return spec ? spec.diagnostics.map(toLspDiagnostic) : [];
    } catch (error) {
      connection.console.error(`rst-specs failed on ${document.uri}: ${(error as Error).stack ?? error}`);
      return [];
    }
  }

  function schedulePush(uri: string): void {
    if (pullDiagnostics || pendingPushes.has(uri)) return;
    pendingPushes.add(uri);
    // The connection handles one message per turn of the event loop: checking at the next turn
    // would check every version of a burst of changes in turn, and fall behind the text. The check
    // waits for a turn without a change (changes already received go first), 100 turns at most.
    let seen = -1;
    let turns = 0;
    const settle = () =>
      setImmediate(async () => {
        const current = documents.get(uri);
        if (current && current.version !== seen && turns++ < 100) {
          seen = current.version;
          settle();
          return;
        }
        pendingPushes.delete(uri);
        const document = documents.get(uri);
        if (!document) return;
        const version = document.version;
        const diagnostics = await diagnosticsOf(document);
        if (documents.get(uri)?.version === version) {
          await connection.sendDiagnostics({ uri, version, diagnostics });
        }
      });
    settle();
  }

  function revalidateAll(): void {
    states.clear();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) schedulePush(document.uri);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    const initializationOptions = params.initializationOptions as { fileAccess?: unknown; ruleDocsBase?: unknown } | undefined;
    environment.clientFileAccess = initializationOptions?.fileAccess === true;
    if (typeof initializationOptions?.ruleDocsBase === 'string') ruleDocsBase = initializationOptions.ruleDocsBase;
    environment.onConfigProblems = (uri, problems) =>
      void connection.sendDiagnostics({
        uri,
        diagnostics: problems.map((problem) => ({ range: problem.range, severity: DiagnosticSeverity.Warning, source: 'rst-specs', message: problem.message })),
      });
    configurationRequests = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => filePathOf(folder.uri))
      .filter((folder): folder is string => !!folder);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = filePathOf(params.rootUri);
      if (root) workspaceFolders = [root];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: pullDiagnostics
          ? { identifier: 'rst-specs', interFileDependencies: false, workspaceDiagnostics: false }
          : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...Object.assign({}, ...features.map((feature) => feature.capabilities(params.capabilities))),
      },
      serverInfo: { name: 'rst-specs' },
    };
  });

  connection.onInitialized(() => {
    if (configurationRequests) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rstSpecs' });
    }
    connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
      const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
      workspaceFolders = workspaceFolders.filter((folder) => !removed.has(folder));
      for (const folder of event.added) {
        const added = filePathOf(folder.uri);
        if (added) workspaceFolders.push(added);
      }
      revalidateAll();
    });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const templatesChanged = params.changes.some((change) => {
      const filePath = filePathOf(change.uri);
      // A new or deleted file may change what template lookup finds where files come through the client.
      return filePath !== undefined && (isTemplateFile(filePath) || CONFIG_FILE_NAMES.some((name) => filePath.endsWith(`/${name}`)) || !change.uri.startsWith('file:') || environment.readsThroughClient);
    });
    if (!templatesChanged) return;
    environment.forget();
    revalidateAll();
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const items = document ? await diagnosticsOf(document) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onRequest(DOCUMENT_STATE_REQUEST, (params: { uri?: unknown } | null) => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    return document ? { version: document.version, text: document.getText() } : null;
  });

  documents.onDidOpen((event) => schedulePush(event.document.uri));
  documents.onDidChangeContent((event) => schedulePush(event.document.uri));
  documents.onDidClose((event) => {
    states.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const context: ServerContext = {
    connection,
    documents,
    async stateOf(uri) {
      const document = documents.get(uri);
      return document ? stateOf(document) : undefined;
    },
    settingsFor,
    workspaceFolders: () => workspaceFolders,
    environment,
    workspaceFolderOf: folderOf,
  };
  for (const feature of features) feature.register(context);

  documents.listen(connection);
  connection.listen();
}
