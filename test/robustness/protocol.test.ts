// The protocol edges, over stdio against the real server bundle: unknown methods, documents never
// opened, out-of-range positions, malformed params, cancelled requests, a client that goes away.
// The server answers each request (a result, or a JSON-RPC error with a proper code), stays up,
// exits when its client is gone, and writes nothing to stdout but protocol messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { cleanSpec } from '../helpers';
import { TestClient } from '../lsp/client';
import { hasBundle, SERVER_BUNDLE } from './config';
import { largeSpec } from './pathological';

const skip = !hasBundle && 'npm run build first';
let workspace: string;
let specUri: string;
before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-protocol-'));
  mkdirSync(join(workspace, 'specs'));
  specUri = pathToFileURL(join(workspace, 'specs', 'spec.rst')).toString();
});
after(() => rmSync(workspace, { recursive: true, force: true }));

/** JSON-RPC and LSP error codes a server may answer with. */
const PROPER_CODES = new Set([-32700, -32600, -32601, -32602, -32603, -32002, -32800, -32801, -32802, -32803]);

/** The request's outcome: its result, or its error code (failing on anything but a proper JSON-RPC error). */
async function outcome(promise: Promise<unknown>): Promise<{ result?: unknown; code?: number }> {
  try {
    return { result: await promise };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a JSON-RPC error: ${error}`);
    assert.ok(PROPER_CODES.has(error.code), `error code ${error.code}: ${error.message}`);
    return { code: error.code };
  }
}

async function withClient(run: (client: TestClient) => Promise<void>, options: Parameters<TestClient['initialize']>[1] = {}) {
  const client = new TestClient();
  try {
    await client.initialize(workspace, options);
    await run(client);
    // Still up and answering.
    assert.equal(client.process.exitCode, null, 'the server exited');
    assert.deepEqual(await client.request('rst-specs/documentState', { uri: 'file:///nowhere.rst' }), null);
  } finally {
    await client.shutdown();
  }
  assert.equal(client.process.exitCode, 0);
  assert.doesNotMatch(client.stderr.join(''), /Error|at /, 'stack traces on stderr');
}

test('unknown methods: MethodNotFound for requests, nothing for notifications', { skip }, async () => {
  await withClient(async (client) => {
    for (const method of ['rst-specs/noSuchMethod', 'textDocument/noSuchRequest', 'workspace/executeCommandX']) {
      assert.equal((await outcome(client.request(method, {}))).code, -32601, method);
    }
    await client.connection.sendNotification('rst-specs/noSuchNotification', { x: 1 });
    await client.connection.sendNotification('$/noSuchNotification', null);
  });
});

const POSITION_REQUESTS = ['textDocument/hover', 'textDocument/completion'];
const DOCUMENT_REQUESTS = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink'];

test('documents never opened: every request answers', { skip }, async () => {
  await withClient(async (client) => {
    const textDocument = { uri: pathToFileURL(join(workspace, 'specs', 'never-opened.rst')).toString() };
    const position = { line: 0, character: 0 };
    for (const method of POSITION_REQUESTS)
      assert.equal((await outcome(client.request(method, { textDocument, position }))).code, undefined, method);
    for (const method of DOCUMENT_REQUESTS) assert.equal((await outcome(client.request(method, { textDocument }))).code, undefined, method);
    const range = { start: position, end: position };
    assert.deepEqual(
      (await outcome(client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }))).result,
      [],
    );
    await outcome(
      client.request('codeAction/resolve', {
        title: 'Fix all',
        data: { uri: textDocument.uri, version: 3, kind: 'source.fixAll.rst-specs' },
      }),
    );
    await outcome(
      client.request('workspace/executeCommand', {
        command: 'rst-specs.server.insertMissingSections',
        arguments: [{ uri: textDocument.uri }],
      }),
    );
    await outcome(client.request('workspace/symbol', { query: 'x' }));
    // Changes and closes of documents never opened are ignored.
    await client.change(textDocument.uri, 2, [{ range: { start: position, end: position }, text: 'x' }]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument });
  });
});

test('out-of-range positions and ranges: every request answers', { skip }, async () => {
  await withClient(async (client) => {
    const opened = client.nextDiagnostics(specUri);
    await client.open(specUri, cleanSpec());
    await opened;
    const textDocument = { uri: specUri };
    const positions = [
      { line: -1, character: 0 },
      { line: 0, character: -5 },
      { line: 1_000_000_000, character: 0 },
      { line: 3, character: 1_000_000_000 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 1.5, character: 0.5 },
    ];
    for (const position of positions) {
      for (const method of POSITION_REQUESTS) {
        const { code } = await outcome(client.request(method, { textDocument, position }));
        assert.ok(code === undefined || code === -32602, `${method} at ${JSON.stringify(position)}: ${code}`);
      }
      for (const range of [
        { start: position, end: position },
        { start: { line: 40, character: 0 }, end: position },
      ]) {
        const { code } = await outcome(
          client.request('textDocument/codeAction', {
            textDocument,
            range,
            context: { diagnostics: [{ range, message: 'x', code: 'tab', source: 'rst-specs' }] },
          }),
        );
        assert.ok(code === undefined || code === -32602, `codeAction at ${JSON.stringify(range)}: ${code}`);
      }
    }
  });
});

test('malformed params: a proper error or a result, and the server stays up', { skip }, async () => {
  await withClient(async (client) => {
    const opened = client.nextDiagnostics(specUri);
    await client.open(specUri, cleanSpec());
    await opened;
    const bad: unknown[] = [
      null,
      'text',
      42,
      [],
      {},
      { textDocument: {} },
      { textDocument: { uri: 42 }, position: 'x' },
      { textDocument: { uri: 'not a uri' }, position: { line: 0, character: 0 } },
      { textDocument: { uri: specUri }, position: { line: 'a', character: {} } },
    ];
    const methods = [
      ...POSITION_REQUESTS,
      ...DOCUMENT_REQUESTS,
      'textDocument/codeAction',
      'codeAction/resolve',
      'workspace/executeCommand',
      'workspace/symbol',
      'textDocument/diagnostic',
      'rst-specs/documentState',
    ];
    for (const method of methods) for (const params of bad) await outcome(client.request(method, params));
    // Malformed notifications: ignored or logged, never fatal.
    const notifications: [string, unknown][] = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: { uri: specUri.replace('spec.rst', 'other.rst'), text: 42 } }],
      ['textDocument/didChange', { textDocument: { uri: specUri, version: 2 }, contentChanges: 'x' }],
      ['textDocument/didChange', { textDocument: { uri: specUri, version: 3 }, contentChanges: [{ range: 'bad', text: 1 }] }],
      ['textDocument/didChange', { textDocument: { uri: specUri }, contentChanges: [null] }],
      ['textDocument/didClose', { textDocument: null }],
      ['workspace/didChangeConfiguration', { settings: 'x' }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42 }, null] }],
      ['workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'not a uri' }], removed: 'x' } }],
    ];
    for (const [method, params] of notifications) await client.connection.sendNotification(method, params);
    client.configuration = { maxLineLength: 'wide', rules: 'none', include: 5, templatePath: ['x'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // The spec is still checked, with the default settings for the broken ones.
    const state = await client.request<{ text: string } | null>('rst-specs/documentState', { uri: specUri });
    assert.ok(state, 'the spec was dropped');
    const checked = client.nextDiagnostics(specUri, () => true, 10_000);
    await client.change(specUri, 100, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.ok(Array.isArray((await checked).diagnostics));
  });
});

test(
  'cancelled requests on a 5 MB spec: answered (a result or RequestCancelled), and the server goes on',
  { skip, timeout: 120_000 },
  async () => {
    await withClient(async (client) => {
      const opened = client.nextDiagnostics(specUri, () => true, 60_000);
      await client.open(specUri, largeSpec(5 << 20));
      await opened;
      const textDocument = { uri: specUri };
      const position = { line: 100, character: 2 };
      const pending: Promise<{ result?: unknown; code?: number }>[] = [];
      for (const [method, params] of [
        [
          'textDocument/codeAction',
          { textDocument, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.rst-specs'] } },
        ],
        ['textDocument/documentSymbol', { textDocument }],
        ['textDocument/foldingRange', { textDocument }],
        ['textDocument/hover', { textDocument, position }],
        ['workspace/symbol', { query: 'impact' }],
      ] as const) {
        const source = new CancellationTokenSource();
        pending.push(outcome(client.connection.sendRequest(method, params, source.token)));
        source.cancel();
      }
      for (const { code } of await Promise.all(pending)) assert.ok(code === undefined || code === -32800, `code ${code}`);
      const started = performance.now();
      await client.request('textDocument/hover', { textDocument, position });
      assert.ok(performance.now() - started < 10_000, 'the server is still busy');
    });
  },
);

/** The server's exit: code and time, after `act`. */
async function exitAfter(
  act: (client: TestClient) => Promise<void> | void,
  processId = process.pid,
): Promise<{ code: number | null; ms: number; stderr: string }> {
  const client = new TestClient();
  await client.connection.sendRequest('initialize', { processId, rootUri: pathToFileURL(workspace).toString(), capabilities: {} });
  await client.connection.sendNotification('initialized', {});
  const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
  const started = performance.now();
  await act(client);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)))]);
  clearTimeout(timer);
  if (code === 'timeout') {
    client.process.kill();
    assert.fail('the server did not exit within 10 s');
  }
  client.connection.dispose();
  return { code, ms: performance.now() - started, stderr: client.stderr.join('') };
}

test('a client that goes away: the server exits, promptly and cleanly', { skip, timeout: 60_000 }, async () => {
  // stdin closed without shutdown (the editor crashed): exit code 1, as LSP says for exit without shutdown.
  const closed = await exitAfter((client) => {
    client.process.stdin!.end();
  });
  assert.equal(closed.code, 1);
  assert.ok(closed.ms < 2_000, `${closed.ms} ms`);
  assert.equal(closed.stderr, '');

  // The parent process named in initialize dies: the server notices within its 3 s watchdog.
  const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  const orphaned = await exitAfter(() => {
    parent.kill('SIGKILL');
  }, parent.pid);
  assert.equal(orphaned.code, 1);
  assert.ok(orphaned.ms < 7_000, `${orphaned.ms} ms`);

  // exit without shutdown: 1; shutdown then exit: 0.
  const rude = await exitAfter((client) => client.connection.sendNotification('exit'));
  assert.equal(rude.code, 1);
  const polite = await exitAfter(async (client) => {
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
  });
  assert.equal(polite.code, 0);
});

/** Splits a byte stream into LSP messages; fails on anything that is not one. */
function parseFrames(bytes: Buffer): unknown[] {
  const messages: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    assert.ok(headerEnd > at, `not a message header at byte ${at}: ${JSON.stringify(bytes.subarray(at, at + 60).toString())}`);
    const headers = bytes.subarray(at, headerEnd).toString('ascii').split('\r\n');
    let length = -1;
    for (const header of headers) {
      const match = /^(Content-Length|Content-Type): (.+)$/i.exec(header);
      assert.ok(match, `not an LSP header: ${JSON.stringify(header)}`);
      if (/^content-length$/i.test(match[1])) length = Number(match[2]);
    }
    assert.ok(Number.isInteger(length) && length >= 0, 'no Content-Length');
    const body = bytes.subarray(headerEnd + 4, headerEnd + 4 + length);
    assert.equal(body.length, length, 'truncated message');
    const message = JSON.parse(body.toString('utf8')) as { jsonrpc?: string };
    assert.equal(message.jsonrpc, '2.0');
    messages.push(message);
    at = headerEnd + 4 + length;
  }
  return messages;
}

test(
  'stdout carries protocol messages only, through errors, bad settings and a crash-prone session',
  { skip, timeout: 60_000 },
  async () => {
    const server = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    server.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    server.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let id = 0;
    const send = (message: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      server.stdin.write(body);
    };
    const request = (method: string, params: unknown) => send({ id: ++id, method, params });
    const notify = (method: string, params: unknown) => send({ method, params });
    const root = pathToFileURL(workspace).toString();
    request('initialize', { processId: null, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }], capabilities: {} });
    notify('initialized', {});
    const text = cleanSpec().replace('Unit tests.', 'Unit tests.\t \u0000\u200b');
    notify('textDocument/didOpen', { textDocument: { uri: specUri, languageId: 'restructuredtext', version: 1, text } });
    notify('textDocument/didOpen', {
      textDocument: { uri: specUri.replace('spec', 'binary'), languageId: 'restructuredtext', version: 1, text: '\u0000\u0001\u0002' },
    });
    request('textDocument/hover', { textDocument: { uri: specUri }, position: { line: 1e9, character: -1 } });
    request('rst-specs/noSuchMethod', {});
    request('textDocument/codeAction', null);
    notify('textDocument/didChange', { textDocument: { uri: specUri, version: 2 }, contentChanges: [{ range: 'bad' }] });
    server.stdin.write('Content-Length: 5\r\n\r\n{bad}'); // not JSON: the server reports it, on stderr or as a log message
    request('shutdown', null);
    notify('exit', null);
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    assert.equal(code, 0);
    const messages = parseFrames(Buffer.concat(out)) as { id?: number; method?: string }[];
    // Every request was answered.
    const answered = new Set(
      messages.filter((message) => message.id !== undefined && message.method === undefined).map((message) => message.id),
    );
    for (let each = 1; each <= id; each++) assert.ok(answered.has(each), `request ${each} unanswered`);
    void err;
  },
);
