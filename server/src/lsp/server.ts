import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { SafeTextDocument } from './text-document';
import { parseSpec } from '../rst/parse';
import type { DocumentState, ServerContext, ServerFeature } from './context';
import type { SpecDiagnostic } from '../engine';
import { isTemplateFile } from '../template/locate';
import type { Settings } from './settings';
import { ClientSettings } from './client-settings';
import { cancellable, isCancellation, throwIfCancelled } from './cancellation';
import { type ClientPositions, clientPositions, SAME_POSITIONS } from './client-positions';
import { type EnvironmentOptions, SpecEnvironment } from './spec-setup';
import { withoutTrailingSlashes } from './files';
import { CONFIG_FILE_NAMES } from '../config/parse';
import { RecentlyUsed } from './recently-used';
import { innermostFolder } from '../paths';
import { fadeDiagnostic } from './more-actions';
import { SETTINGS_SECTION } from '../protocol';
import { AFTER_SHUTDOWN_METHOD, refuseAfterShutdown } from './shutdown';
import { capDiagnostics } from './diagnostics-cap';

const SEVERITY: Record<SpecDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Open documents whose analysis is kept: more than a user has in view at once (memory: docs/performance.md). */
const KEPT_ANALYSES = 8;
/** How long a changed open document that is not checked yet holds background work back (lsp/specs-index.ts). */
const UNCHECKED_WAIT_MS = 2_000;

const DOCS_FOLDER = join(__dirname, '..', '..', 'docs', 'rules');

/**
 * `{ uri }` → `{ version, text }` of an open document as the server holds it, or null: for the
 * incremental-sync tests and for bug reports (the client already has the text: nothing leaks).
 */
export const DOCUMENT_STATE_REQUEST = 'rst-specs/documentState';

/** Where the rule pages are, when the client says (the web build has no file path of its own). */
let ruleDocsBase: string | undefined;
/**
 * Each rule's page, by code: every diagnostic of every check carries one, and pathToFileURL took
 * about 0.3 ms of each keystroke's check of a 1,000-line spec with 100 problems (docs/performance.md).
 */
const ruleDocUris = new Map<string, string>();

export function ruleDocUri(code: string): string {
  let uri = ruleDocUris.get(code);
  if (uri === undefined) {
    uri = ruleDocsBase ? `${withoutTrailingSlashes(ruleDocsBase)}/${code}.md` : pathToFileURL(join(DOCS_FOLDER, `${code}.md`)).toString();
    ruleDocUris.set(code, uri);
  }
  return uri;
}

export function toLspDiagnostic(diagnostic: SpecDiagnostic): Diagnostic {
  return toClientDiagnostic(diagnostic, SAME_POSITIONS);
}

/** The diagnostic as the client gets it: its range counted on the client's text (`positions`). */
export function toClientDiagnostic(diagnostic: SpecDiagnostic, positions: ClientPositions): Diagnostic {
  return {
    range: positions.toClientRange(diagnostic.range),
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
  // A repository's API names were read (in the background): rest-url can now tell old names from new.
  environment.repo.onReady = () => revalidateAll();
  const states = new RecentlyUsed<string, DocumentState>(KEPT_ANALYSES);
  const pendingPushes = new Set<string>();
  /**
   * Open documents changed and not checked since, with when they changed: background work waits
   * for their checks (pushed, or pulled by the client). One the client never pulls stops counting
   * after UNCHECKED_WAIT_MS.
   */
  const unchecked = new Map<string, number>();
  let workspaceFolders: string[] = [];
  let pullDiagnostics = false;
  let folderChanges = false;
  /** Whether the client fades text tagged Unnecessary: the guidance template-text finds. */
  let fadesGuidance = false;
  const clientSettings = new ClientSettings(
    (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
    connection.console,
    (uri) => {
      // The settings came after the defaults were used: check the document again with them.
      states.delete(uri);
      if (pullDiagnostics) void connection.languages.diagnostics.refresh();
      else schedulePush(uri);
    },
  );

  /** Each workspace folder's URI by its path (the web build reads folders through the client by URI). */
  const folderUris = new Map<string, string>();
  const keepFolderUri = (uri: string): string | undefined => {
    const folder = filePathOf(uri);
    if (folder) folderUris.set(folder, uri);
    return folder;
  };

  // Folders and files are in one form (paths.ts: no trailing slash, one drive-letter case), so the test is exact.
  const folderOf = (filePath: string) => innermostFolder(filePath, workspaceFolders);

  const filePathOf = (uri: string) => environment.filePathOf(uri);

  /** The settings of a document (or folder); a cancelled request stops when they come. */
  async function settingsFor(uri: string, token?: CancellationToken): Promise<Settings> {
    const settings = await clientSettings.get(uri);
    throwIfCancelled(token);
    return settings;
  }

  /**
   * The open document's current version, parsed and (for specs) checked once per version; undefined
   * when it is not open. A cancelled request stops after each wait.
   */
  async function stateOf(uri: string, token?: CancellationToken): Promise<DocumentState | undefined> {
    const settings = await settingsFor(uri, token);
    // Read after the wait: the document may have changed, or closed, meanwhile.
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = states.get(uri);
    if (cached && cached.version === document.version) return cached;
    // Read now: the setup may wait for the client (web), and the document may change meanwhile.
    const version = document.version;
    const text = document.getText();
    const setup = await environment.setup(uri, text, settings, folderOf);
    throwIfCancelled(token);
    const spec = setup.isSpec ? environment.analyze(setup, text) : undefined;
    const state = { version, doc: spec?.doc ?? parseSpec(text), spec, setup };
    if (documents.get(uri)?.version === version) {
      states.set(uri, state);
      unchecked.delete(uri);
    }
    return state;
  }

  /** The diagnostics of an open document and the version they are for; undefined when it is not open. */
  async function diagnosticsOf(
    uri: string,
    token?: CancellationToken,
  ): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
    try {
      const state = await stateOf(uri, token);
      if (!state?.spec) return state && { version: state.version, diagnostics: [] };
      const positions = clientPositions(state.doc);
      const shown = capDiagnostics(state.spec.diagnostics);
      const diagnostics = shown.flatMap((diagnostic) => {
        const client = toClientDiagnostic(diagnostic, positions);
        const fade = fadesGuidance ? fadeDiagnostic(diagnostic, client, positions) : undefined;
        return fade ? [client, fade] : [client];
      });
      return { version: state.version, diagnostics };
    } catch (error) {
      if (isCancellation(error)) throw error;
      connection.console.error(`rst-specs failed on ${uri}: ${(error as Error).stack ?? error}`);
      const version = documents.get(uri)?.version;
      return version === undefined ? undefined : { version, diagnostics: [] };
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
        const checked = await diagnosticsOf(uri);
        if (checked && documents.get(uri)?.version === checked.version) {
          await connection.sendDiagnostics({ uri, version: checked.version, diagnostics: checked.diagnostics });
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
    fadesGuidance = !!params.capabilities.textDocument?.publishDiagnostics?.tagSupport?.valueSet.includes(DiagnosticTag.Unnecessary);
    const initializationOptions = params.initializationOptions as
      { fileAccess?: unknown; ruleDocsBase?: unknown; configurationTimeoutMs?: unknown } | undefined;
    environment.clientFileAccess = initializationOptions?.fileAccess === true;
    if (typeof initializationOptions?.ruleDocsBase === 'string') {
      ruleDocsBase = initializationOptions.ruleDocsBase;
      ruleDocUris.clear();
    }
    environment.onConfigProblems = (uri, problems) =>
      void connection.sendDiagnostics({
        uri,
        diagnostics: problems.map((problem) => ({
          range: problem.range,
          severity: DiagnosticSeverity.Warning,
          source: 'rst-specs',
          message: problem.message,
        })),
      });
    clientSettings.enabled = !!params.capabilities.workspace?.configuration;
    // Internal, for the tests: a shorter wait for workspace/configuration than the default 2 s.
    const timeout = initializationOptions?.configurationTimeoutMs;
    if (typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0) clientSettings.timeoutMs = timeout;
    folderChanges = !!params.capabilities.workspace?.workspaceFolders;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => keepFolderUri(folder.uri))
      .filter((folder): folder is string => !!folder);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = keepFolderUri(params.rootUri);
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
    if (clientSettings.enabled) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    // Only a client with the capability sends the changes (the library throws otherwise).
    if (!folderChanges) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
      workspaceFolders = workspaceFolders.filter((folder) => !removed.has(folder));
      for (const folder of event.added) {
        const added = keepFolderUri(folder.uri);
        if (added) workspaceFolders.push(added);
      }
      revalidateAll();
    });
  });

  connection.onDidChangeConfiguration(() => {
    clientSettings.clear();
    revalidateAll();
  });

  /** Told when background work allocated much (the runtime's idle collection listens: runtime/idle-collector.ts). */
  const allocationListeners: (() => void)[] = [];
  const watchedFileListeners: ((uris: readonly string[]) => void)[] = [];
  connection.onDidChangeWatchedFiles((params) => {
    for (const listener of watchedFileListeners) listener(params.changes.map((change) => change.uri));
    // Labels and documents of the docs tree (rst-cross-reference) come from the files on disk.
    if (params.changes.some((change) => /\.rst$|\/conf\.py$/.test(change.uri))) environment.forgetDocs();
    // Another spec's REST API names may let a name pass (rest-url), or stop to.
    const uris = (Array.isArray(params?.changes) ? params.changes : [])
      .map((change) => change?.uri)
      .filter((uri): uri is string => typeof uri === 'string');
    void Promise.all(uris.map((uri) => environment.specChanged(uri)))
      .then((changed) => {
        if (changed.some(Boolean)) revalidateAll();
      })
      .catch((error) => connection.console.error(`rst-specs: reading a changed spec failed: ${(error as Error).stack ?? error}`));
    const templatesChanged = params.changes.some((change) => {
      const filePath = filePathOf(change.uri);
      // A new or deleted file may change what template lookup finds where files come through the client.
      return (
        filePath !== undefined &&
        (isTemplateFile(filePath) ||
          CONFIG_FILE_NAMES.some((name) => filePath.endsWith(`/${name}`)) ||
          filePath.endsWith('/tests/test_titles.py') ||
          !change.uri.startsWith('file:') ||
          environment.readsThroughClient)
      );
    });
    if (!templatesChanged) return;
    environment.forget();
    revalidateAll();
  });

  connection.languages.diagnostics.on(
    cancellable(async (params, token) => {
      const uri = params.textDocument.uri;
      const asked = documents.get(uri)?.version;
      const checked = asked === undefined ? undefined : await diagnosticsOf(uri, token);
      const current = documents.get(uri)?.version;
      if (checked && current !== undefined && (current !== asked || checked.version !== current)) {
        // LSP 3.17: the client asks again, for the text as it is now.
        const data: DiagnosticServerCancellationData = { retriggerRequest: true };
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was checked.', data);
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: current === undefined ? [] : (checked?.diagnostics ?? []) };
    }),
  );

  // Requests after `shutdown` come here (the connection's shutdownGuard, lsp/shutdown.ts).
  connection.onRequest(AFTER_SHUTDOWN_METHOD, refuseAfterShutdown);

  connection.onRequest(DOCUMENT_STATE_REQUEST, (params: { uri?: unknown } | null) => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    return document ? { version: document.version, text: document.getText() } : null;
  });

  documents.onDidOpen((event) => {
    schedulePush(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    unchecked.set(event.document.uri, performance.now());
    schedulePush(event.document.uri);
  });
  documents.onDidClose((event) => {
    states.delete(event.document.uri);
    unchecked.delete(event.document.uri);
    clientSettings.forget(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const context: ServerContext = {
    connection,
    documents,
    stateOf,
    settingsFor,
    workspaceFolders: () => workspaceFolders,
    environment,
    workspaceFolderOf: folderOf,
    workspaceFolderUri: (folder) => folderUris.get(folder),
    onWatchedFilesChanged: (listener) => watchedFileListeners.push(listener),
    checksPending: () =>
      pendingPushes.size > 0 || [...unchecked.values()].some((changed) => performance.now() - changed < UNCHECKED_WAIT_MS),
    allocated: () => {
      for (const listener of allocationListeners) listener();
    },
    onAllocated: (listener) => allocationListeners.push(listener),
  };
  for (const feature of features) feature.register(context);

  documents.listen(connection);
  connection.listen();
}
