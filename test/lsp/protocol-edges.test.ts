// The protocol's edges: requests after shutdown, a workspace folder on another host, a file that
// is not UTF-8 checked from disk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanSpec, lineOf } from '../helpers';
import { TestClient } from './client';

let workspace: string;

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-edges-'));
  mkdirSync(join(workspace, 'specs'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

const INVALID_REQUEST = -32600;

test('requests after shutdown are answered InvalidRequest (a second shutdown too); exit ends the server', async () => {
  const client = new TestClient();
  await client.initialize(workspace);
  const uri = pathToFileURL(join(workspace, 'specs', 'spec.rst')).toString();
  const published = client.nextDiagnostics(uri);
  await client.open(uri, cleanSpec());
  await published;
  assert.equal(await client.request('shutdown', null), null);
  for (const [method, params] of [
    ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['shutdown', null],
  ] as const) {
    await assert.rejects(client.request(method, params), (error: { code: number; message: string }) => {
      assert.equal(error.code, INVALID_REQUEST, method);
      assert.equal(error.message, 'The server is shutting down: no requests are answered after shutdown.');
      return true;
    });
  }
  const exited = new Promise<number | null>((resolve) => client.process.once('exit', resolve));
  await client.connection.sendNotification('exit');
  assert.equal(await exited, 0);
  client.connection.dispose();
});

test('a workspace folder on another host (file://host/...) does not fail initialize; its documents read nothing', async () => {
  const client = new TestClient();
  try {
    const result = await client.connection.sendRequest<{ capabilities: object }>('initialize', {
      processId: process.pid,
      rootUri: 'file://fileserver/share/specs-repo',
      workspaceFolders: [
        { uri: 'file://fileserver/share/specs-repo', name: 'remote' },
        { uri: pathToFileURL(workspace).toString(), name: 'local' },
      ],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    assert.ok(result.capabilities);
    await client.connection.sendNotification('initialized', {});
    // The remote folder has no path here: its documents are not read as specs (like untitled ones);
    // the local folder after it works as usual.
    const uri = 'file://fileserver/share/specs-repo/specs/spec.rst';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, cleanSpec().replace('Unit tests.', 'Unit tests. '));
    assert.deepEqual((await published).diagnostics, []);
    const localUri = pathToFileURL(join(workspace, 'specs', 'local.rst')).toString();
    const local = client.nextDiagnostics(localUri);
    await client.open(localUri, cleanSpec().replace('Unit tests.', 'Unit tests. '));
    assert.deepEqual(
      (await local).diagnostics.map((d) => d.code),
      ['blueprint-url', 'trailing-whitespace'],
    );
    // Fix-all and symbols over the open documents answer too.
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(Array.isArray(actions));
    assert.ok(Array.isArray(await client.request('workspace/symbol', { query: '' })));
  } finally {
    await client.shutdown();
  }
});

test('checkFiles: a spec on disk that is not UTF-8 gets one encoding diagnostic at its first bad byte', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const file = join(workspace, 'specs', 'latin1.rst');
    const text = cleanSpec().replace('Unit tests.', 'Unit tests caf\u00e9 cr\u00e8me.');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const uri = pathToFileURL(file).toString();
    const published = client.nextDiagnostics(uri);
    await client.request('workspace/executeCommand', { command: 'rst-specs.server.checkFiles', arguments: [{ uris: [uri] }] });
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('caf\u00e9'));
    const encoding = (await published).diagnostics.filter((d) => d.code === 'encoding');
    assert.deepEqual(
      encoding.map((d) => [d.range, d.severity, d.message]),
      [
        [
          { start: { line, character: lines[line].indexOf('\u00e9') }, end: { line, character: lines[line].indexOf('\u00e9') + 1 } },
          1,
          "This file is not valid UTF-8 (byte 0xE9 here): docutils and the specs repos' tests read specs as UTF-8 and fail on it. Save it as UTF-8; it was checked with such bytes read as U+FFFD.",
        ],
      ],
    );
  } finally {
    await client.shutdown();
  }
});

test('a line separator: diagnostics, quick fix, fix-all and symbols on the lines as the editor counts them', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
    const clean = cleanSpec();
    const line = lineOf(clean, 'Use Cases');
    // Before the title too: the engine's lines after it are one more than the editor's.
    const text = clean.replace('Use Cases\n---------\n', 'Use Cases\u2028---------\n').replace('healthy.\n', 'healthy.\u2029More.\n');
    const uri = pathToFileURL(join(workspace, 'specs', 'separated.rst')).toString();
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const diagnostics = (await published).diagnostics.filter((d) => d.code !== 'blueprint-url');
    const healthy = lineOf(clean, 'Operators cannot tell which nodes of a cluster are healthy.');
    const column = 'Operators cannot tell which nodes of a cluster are healthy.'.length;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [
        ['line-separator', { start: { line: healthy, character: column }, end: { line: healthy, character: column + 1 } }],
        ['line-separator', { start: { line, character: 9 }, end: { line, character: 10 } }],
      ],
    );
    const [fix] = await client.request<{ title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: diagnostics[1].range,
        context: { diagnostics: [diagnostics[1]], only: ['quickfix'] },
      },
    );
    assert.equal(fix.title, 'Replace the line separator with a line break');
    const document = TextDocument.create(uri, 'restructuredtext', 1, text);
    const edited = TextDocument.applyEdits(document, fix.edit.changes[uri] as Parameters<typeof TextDocument.applyEdits>[1]);
    assert.equal(edited, text.replace('\u2028', '\n'));
    const [fixAll] = await client.request<{ edit: { changes: Record<string, Parameters<typeof TextDocument.applyEdits>[1]> } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      },
    );
    assert.equal(TextDocument.applyEdits(document, fixAll.edit.changes[uri]), clean.replace('healthy.\n', 'healthy.\nMore.\n'));
    // The section's symbol is where the editor shows its title.
    const symbols = await client.request<{ name: string; selectionRange: { start: unknown } }[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const flat = (list: { name: string; selectionRange: { start: unknown }; children?: unknown[] }[]): typeof list =>
      list.flatMap((symbol) => [symbol, ...flat((symbol.children ?? []) as typeof list)]);
    assert.deepEqual(flat(symbols).find((symbol) => symbol.name === 'Use Cases')?.selectionRange.start, { line, character: 0 });
  } finally {
    await client.shutdown();
  }
});
