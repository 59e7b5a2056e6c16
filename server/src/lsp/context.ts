import type { CancellationToken, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analyze';
import type { SpecDocument } from '../rst/types';
import type { Settings } from './settings';
import type { SpecEnvironment, SpecSetup } from './spec-setup';

export interface DocumentState {
  readonly version: number;
  readonly doc: SpecDocument;
  /** The template check, when the document is a spec (per the include/exclude settings). */
  readonly spec: Analysis | undefined;
  /** What the document was checked with (config, options, template setting). */
  readonly setup?: SpecSetup;
}

/** What the LSP feature modules get from the server: documents, their analysis, settings. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /**
   * The parsed (and, for specs, checked) current version of an open document. With the request's
   * `token`: throws RequestCancelled after a wait if the request was cancelled meanwhile.
   */
  stateOf(uri: string, token?: CancellationToken): Promise<DocumentState | undefined>;
  settingsFor(uri: string, token?: CancellationToken): Promise<Settings>;
  workspaceFolders(): readonly string[];
  /** Config files, file access (disk or client) and analyzers. */
  readonly environment: SpecEnvironment;
  /** The workspace folder (path) a file is in, the innermost when folders nest. */
  workspaceFolderOf(filePath: string): string | undefined;
  /** A workspace folder's URI, as the client gave it. */
  workspaceFolderUri(folder: string): string | undefined;
  /** Told the URIs of the files the client reports created, changed or deleted (workspace/didChangeWatchedFiles). */
  onWatchedFilesChanged(listener: (uris: readonly string[]) => void): void;
  /** Whether an open document changed and waits for its check (background work goes after it). */
  checksPending(): boolean;
  /** Background work allocated much: garbage is collected after the next quiet spell (lsp/idle-collector.ts). */
  allocated(): void;
}

/** An LSP feature module: the capabilities it declares and the handlers it registers. */
export interface ServerFeature {
  capabilities(clientCapabilities: import('vscode-languageserver/node').ClientCapabilities): ServerCapabilities;
  register(context: ServerContext): void;
}
