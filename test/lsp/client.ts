import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { repoRoot } from '../helpers';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/runtime/node-options';

export const SERVER_BUNDLE = resolve(repoRoot, 'server', 'out', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string; message: string; severity: number; range: unknown; source: string; codeDescription?: { href: string } }[];
}

/** workspace/configuration requests held by `holdConfiguration`, answered on `release`. */
export interface HeldConfiguration {
  /** Resolves when the server has asked (its request is held): the scope URIs it asked about. */
  readonly asked: Promise<string[]>;
  /** Answers every held request, and those to come, with `configuration`; ends the hold. */
  release(): void;
}

/** A minimal LSP client driving the real server bundle over stdio. */
export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  configuration: unknown = {};
  /** The edits the server asked the client to apply (workspace/applyEdit), answered as applied. */
  readonly appliedEdits: { label?: string; edit: unknown }[] = [];
  private waiters: { predicate: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  private held: { answers: (() => void)[]; onAsked: (scopes: string[]) => void } | undefined;

  /**
   * `serverArguments`: after `--stdio` (the extension passes `--code-cache-dir=`, server/src/runtime/code-cache.ts).
   * `editorEnvironment`: variables the editor's own environment has besides this process's.
   */
  constructor(serverArguments: readonly string[] = [], editorEnvironment: Readonly<Record<string, string>> = {}) {
    // Started as the extension starts it (client/src/extension.ts).
    this.process = spawn(process.execPath, [...SERVER_NODE_OPTIONS, SERVER_BUNDLE, '--stdio', ...serverArguments], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...editorEnvironment, ...SERVER_ENVIRONMENT },
    });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) => {
      const answer = () => params.items.map(() => this.configuration);
      const held = this.held;
      if (!held) return answer();
      return new Promise<unknown[]>((resolvePromise) => {
        held.answers.push(() => resolvePromise(answer()));
        held.onAsked(params.items.map((item) => item.scopeUri ?? ''));
      });
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: unknown }) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    this.connection.listen();
  }

  /**
   * Holds the answers to workspace/configuration from now on (the server waits for them) until
   * `release`; a hold never released leaves the server without an answer.
   */
  holdConfiguration(): HeldConfiguration {
    let onAsked!: (scopes: string[]) => void;
    const asked = new Promise<string[]>((resolvePromise) => (onAsked = resolvePromise));
    const held = { answers: [] as (() => void)[], onAsked };
    this.held = held;
    return {
      asked,
      release: () => {
        if (this.held === held) this.held = undefined;
        for (const answer of held.answers) answer();
      },
    };
  }

  /** `textDocument`: client capabilities added to the default ones (e.g. completion, documentSymbol). */
  async initialize(
    workspaceFolder: string,
    options: {
      pull?: boolean;
      configuration?: boolean;
      textDocument?: Record<string, unknown>;
      /** Workspace client capabilities added to the default ones (e.g. workspaceEdit). */
      workspace?: Record<string, unknown>;
      /** More workspace folders after `workspaceFolder` (a multi-root workspace). */
      moreFolders?: string[];
      initializationOptions?: unknown;
      /** The URI sent for `workspaceFolder` (rootUri and the first folder), as some clients write it (a trailing slash). */
      folderUri?: string;
    } = {},
  ) {
    const uriOf = (folder: string, index: number) => (index === 0 && options.folderUri) || pathToFileURL(folder).toString();
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(workspaceFolder, 0),
      workspaceFolders: [workspaceFolder, ...(options.moreFolders ?? [])].map((folder, index) => ({
        uri: uriOf(folder, index),
        name: index === 0 ? 'workspace' : `workspace ${index + 1}`,
      })),
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          ...options.workspace,
        },
        textDocument: {
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } }),
          ...options.textDocument,
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first diagnostics published (from now on) for which the predicate holds. */
  nextDiagnostics(uri: string, predicate: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 5000) {
    return new Promise<PublishedDiagnostics>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        predicate: (p) => p.uri === uri && predicate(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  open(uri: string, text: string, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'restructuredtext', version, text },
    });
  }

  /** Sends a request about a document position or a whole document (hover, completion, ...). */
  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  change(uri: string, version: number, contentChanges: unknown[]) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async shutdown() {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise<void>((resolvePromise) => {
      if (this.process.exitCode !== null) resolvePromise();
      else this.process.once('exit', () => resolvePromise());
    });
    this.connection.dispose();
  }
}
