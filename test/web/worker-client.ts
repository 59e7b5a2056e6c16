// The web build's language server (server/out/web-server.js) in a Node worker thread, inside a vm
// context that holds only what a browser's web worker offers (no require, process, Buffer, fs):
// the fallback for testing the web bundle where a web extension host cannot be driven (see
// test/web/README.md). The test side plays the client, answering rst-specs/readDirectory and
// rst-specs/readFile from a folder on disk, as the extension does through `workspace.fs`.
import { Worker } from 'node:worker_threads';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { repoRoot } from '../helpers';

export const WEB_SERVER_BUNDLE = resolve(repoRoot, 'server', 'out', 'web-server.js');

/** Runs in the worker thread: a web-worker-like global scope, then the bundle. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { readFileSync } = require('node:fs');
const self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: () => {},
  set onmessage(handler) { parentPort.on('message', (data) => handler({ data })); },
};
// What a dedicated web worker's global scope offers that the bundle may use; nothing of Node.
const context = vm.createContext({
  self, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask,
  TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, performance, structuredClone,
});
try {
  vm.runInContext(readFileSync(workerData.bundle, 'utf8'), context, { filename: 'web-server.js' });
} catch (error) {
  parentPort.postMessage({ workerError: String(error && error.stack || error) });
}
`;

class WorkerReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  constructor(worker: Worker, onWorkerError: (error: string) => void) {
    super();
    worker.on('message', (data: Message & { workerError?: string }) => {
      if (data && typeof data === 'object' && 'workerError' in data) onWorkerError(String(data.workerError));
      else this.callback?.(data);
    });
    worker.on('error', (error) => this.fireError(error));
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }
  end(): void {}
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string; message: string; range: unknown; codeDescription?: { href: string } }[];
}

/** The client side: the folder that `base` URIs map to, and the requests the server made of it. */
export class WebServerClient {
  readonly worker: Worker;
  readonly connection: MessageConnection;
  readonly asked: string[] = [];
  readonly workerErrors: string[] = [];
  /** The edits the server asked this client to apply (workspace/applyEdit), answered as applied. */
  readonly appliedEdits: { label?: string; edit: unknown }[] = [];
  configuration: unknown = {};
  private waiters: { predicate: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

  constructor(private readonly base: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle: WEB_SERVER_BUNDLE } });
    this.connection = createMessageConnection(
      new WorkerReader(this.worker, (error) => this.workerErrors.push(error)),
      new WorkerWriter(this.worker),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: unknown }) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onRequest('rst-specs/readDirectory', ({ uri }: { uri: string }) => {
      const path = this.pathOf(uri);
      this.asked.push(`readDirectory ${path}`);
      try {
        return readdirSync(path);
      } catch {
        return null;
      }
    });
    this.connection.onRequest('rst-specs/readFile', ({ uri }: { uri: string }) => {
      const path = this.pathOf(uri);
      this.asked.push(`readFile ${path}`);
      try {
        return statSync(path).isFile() ? { text: readFileSync(path, 'utf8') } : null;
      } catch {
        return null;
      }
    });
    this.connection.listen();
  }

  /** The URI of a path on disk, in the scheme the client uses. */
  uriOf(path: string): string {
    return `${this.base}${path.split('/').map(encodeURIComponent).join('/')}`;
  }

  private pathOf(uri: string): string {
    if (!uri.startsWith(this.base)) throw new Error(`unexpected URI ${uri}`);
    return decodeURIComponent(uri.slice(this.base.length));
  }

  async initialize(folder: string) {
    const result = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: this.uriOf(folder),
      workspaceFolders: [{ uri: this.uriOf(folder), name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: { fileAccess: true },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  nextDiagnostics(uri: string, predicate: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10_000) {
    return new Promise<PublishedDiagnostics>((resolvePromise, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no diagnostics for ${uri} within ${timeoutMs} ms${this.workerErrors.length ? `: ${this.workerErrors.join('\n')}` : ''}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        predicate: (p) => p.uri === uri && predicate(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  async open(uri: string, text: string) {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'restructuredtext', version: 1, text },
    });
    return published;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async shutdown() {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
    await this.worker.terminate();
  }
}
