// Cancellation, deterministically, over stdio against the real server bundle. The client holds
// its answer to workspace/configuration, so that each request waits in the server for its settings
// while the client cancels it; once answered, the request must end with RequestCancelled (-32800),
// and the same request, not cancelled, must answer as before. A pull of diagnostics for a document
// that changes while the request waits ends with ServerCancelled (-32802) and `retriggerRequest`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { cleanSpec, lineOf, removeLines } from '../helpers';
import { TestClient } from '../lsp/client';
import { hasBundle } from './config';

const skip = !hasBundle && 'npm run build first';
const REQUEST_CANCELLED = -32800;
const SERVER_CANCELLED = -32802;

let workspace: string;
let specUri: string;
before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-cancel-'));
  mkdirSync(join(workspace, 'specs'));
  specUri = pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
});
after(() => rmSync(workspace, { recursive: true, force: true }));

/** A spec with a missing section and trailing whitespace: quick fixes and fix-all have work to do. */
const SPEC = removeLines(cleanSpec(), 'Dependencies', 'Testing').replace('Unit tests.', 'Unit tests.  ');

type Outcome = { result: unknown } | { code: number; data: unknown };

async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { result: await promise };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a JSON-RPC error: ${error}`);
    return { code: error.code, data: error.data };
  }
}

/** Every request that waits for the document's state or settings: [name, method, params]. */
function longRequests(diagnostics: unknown[]): [string, string, unknown][] {
  const textDocument = { uri: specUri };
  const titleLine = lineOf(SPEC, 'Problem description');
  const range = { start: { line: titleLine, character: 0 }, end: { line: titleLine, character: 0 } };
  return [
    ['pull diagnostics', 'textDocument/diagnostic', { textDocument }],
    ['hover', 'textDocument/hover', { textDocument, position: { line: titleLine, character: 3 } }],
    ['completion', 'textDocument/completion', { textDocument, position: { line: titleLine + 1, character: 3 } }],
    ['document symbols', 'textDocument/documentSymbol', { textDocument }],
    ['folding', 'textDocument/foldingRange', { textDocument }],
    ['links', 'textDocument/documentLink', { textDocument }],
    ['quick fixes', 'textDocument/codeAction', { textDocument, range, context: { diagnostics, only: ['quickfix'] } }],
    ['fix-all', 'textDocument/codeAction', { textDocument, range, context: { diagnostics: [], only: ['source.fixAll.rst-specs'] } }],
    [
      'resolve fix-all',
      'codeAction/resolve',
      { title: 'Fix all', kind: 'source.fixAll.rst-specs', data: { uri: specUri, version: 1, kind: 'source.fixAll.rst-specs' } },
    ],
    ['workspace symbols', 'workspace/symbol', { query: 'Problem' }],
    ['template for', 'rst-specs/templateFor', { uri: specUri }],
    ['check files', 'workspace/executeCommand', { command: 'rst-specs.server.checkFiles', arguments: [{ uris: [specUri] }] }],
    [
      'insert missing sections',
      'workspace/executeCommand',
      { command: 'rst-specs.server.insertMissingSections', arguments: [{ uri: specUri, version: 1 }] },
    ],
  ];
}

async function pullSession(run: (client: TestClient) => Promise<void>) {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { pull: true, configuration: true });
    await client.open(specUri, SPEC);
    await run(client);
  } finally {
    await client.shutdown();
  }
  assert.equal(client.process.exitCode, 0);
  assert.deepEqual(
    client.logs.filter((log) => /failed|Error/.test(log)),
    [],
    'failures logged',
  );
  assert.equal(client.stderr.join(''), '');
}

test(
  'a request cancelled while it waits for its settings answers RequestCancelled; the next one answers as before',
  { skip, timeout: 60_000 },
  async () => {
    await pullSession(async (client) => {
      const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', {
        textDocument: { uri: specUri },
      });
      assert.deepEqual(
        report.items.map((item) => item.code),
        ['missing-section', 'trailing-whitespace'],
      );
      const requests = longRequests(report.items);
      // What each answers when nothing is cancelled (the quick fix and fix-all answers must not be empty).
      const expected = new Map<string, unknown>();
      for (const [name, method, params] of requests) expected.set(name, await client.request(method, params));
      assert.deepEqual((expected.get('quick fixes') as { title: string }[]).map((action) => action.title).slice(0, 2), [
        "Insert missing section 'Dependencies'",
        'Remove trailing whitespace',
      ]);
      assert.deepEqual(
        (expected.get('fix-all') as { title: string }[]).map((action) => action.title),
        ['Fix all auto-fixable rst-specs problems'],
      );

      for (const [name, method, params] of requests) {
        const held = client.holdConfiguration();
        // The settings change: the server asks for them again, and the request waits for the answer.
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        const source = new CancellationTokenSource();
        const answer = outcome(client.connection.sendRequest(method, params, source.token));
        await held.asked;
        source.cancel();
        held.release();
        assert.deepEqual(await answer, { code: REQUEST_CANCELLED, data: undefined }, name);
        assert.deepEqual(await outcome(client.request(method, params)), { result: expected.get(name) }, `${name}, not cancelled`);
      }
    });
  },
);

test(
  'a pull of diagnostics whose document changes while it waits answers ServerCancelled with retriggerRequest',
  { skip, timeout: 60_000 },
  async () => {
    await pullSession(async (client) => {
      const held = client.holdConfiguration();
      const answer = outcome(client.request('textDocument/diagnostic', { textDocument: { uri: specUri } }));
      await held.asked;
      const line = lineOf(SPEC, 'Problem description') + 3;
      const at = { line, character: 0 };
      await client.change(specUri, 2, [{ range: { start: at, end: at }, text: '\t' }]);
      held.release();
      assert.deepEqual(await answer, { code: SERVER_CANCELLED, data: { retriggerRequest: true } });
      // Asked again (as the client does), it answers for the text as it is now.
      const report = await client.request<{ kind: string; items: { code: string; range: unknown }[] }>('textDocument/diagnostic', {
        textDocument: { uri: specUri },
      });
      assert.equal(report.kind, 'full');
      assert.deepEqual(
        report.items.filter((item) => item.code === 'tab').map((item) => item.range),
        [{ start: at, end: { line, character: 1 } }],
      );
    });
  },
);
