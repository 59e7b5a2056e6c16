// A client that does not answer workspace/configuration, over stdio against the real server
// bundle (its timeout shortened by the internal initialization option `configurationTimeoutMs`). Never answered: the
// document is checked with the default settings after the timeout, with one warning. Answered
// late: the late settings apply and the document is checked again with them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanSpec, lineOf } from '../helpers';
import { TestClient } from '../lsp/client';
import { hasBundle } from './config';

const skip = !hasBundle && 'npm run build first';
const TIMEOUT_MS = 300;

let workspace: string;
let specUri: string;
before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-config-timeout-'));
  mkdirSync(join(workspace, 'specs'));
  specUri = pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
});
after(() => rmSync(workspace, { recursive: true, force: true }));

/** The clean spec with one line of 100 characters: too long by default (79), fine at 120. */
const LONG_LINE = `${'word '.repeat(19)}words`;
const SPEC = cleanSpec().replace('Unit tests.', LONG_LINE);
const LONG_LINE_AT = lineOf(SPEC, LONG_LINE);
const DEFAULT_DIAGNOSTICS = [
  { code: 'line-length', range: { start: { line: LONG_LINE_AT, character: 79 }, end: { line: LONG_LINE_AT, character: 100 } } },
];
const WARNING = `rst-specs: the client did not answer workspace/configuration for ${'URI'} within ${TIMEOUT_MS} ms (the timeout); the default settings are used until it does.`;

const summary = (diagnostics: { code: string; range: unknown }[]) => diagnostics.map(({ code, range }) => ({ code, range }));
const timeoutWarnings = (client: TestClient) => client.logs.filter((log) => log.includes('did not answer workspace/configuration'));

async function session(pull: boolean, run: (client: TestClient) => Promise<void>) {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { pull, configuration: true, initializationOptions: { configurationTimeoutMs: TIMEOUT_MS } });
    client.configuration = { maxLineLength: 120 };
    await run(client);
  } finally {
    await client.shutdown();
  }
  assert.equal(client.process.exitCode, 0);
  assert.equal(client.stderr.join(''), '');
}

test(
  'workspace/configuration never answered: diagnostics with the default settings after the timeout, one warning',
  { skip, timeout: 30_000 },
  async () => {
    assert.equal(LONG_LINE.length, 100);
    await session(false, async (client) => {
      client.holdConfiguration(); // never released
      const started = performance.now();
      const published = client.nextDiagnostics(specUri);
      await client.open(specUri, SPEC);
      assert.deepEqual(summary((await published).diagnostics), DEFAULT_DIAGNOSTICS);
      assert.ok(performance.now() - started >= TIMEOUT_MS - 10, `diagnostics after ${performance.now() - started} ms, before the timeout`);
      // The other features go on with the defaults, without waiting again or warning again.
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: specUri } });
      assert.equal(symbols[0].name, 'Clean spec for the test suite');
      const titleLine = lineOf(SPEC, 'Problem description');
      const hover = await client.request<{ range: unknown } | null>('textDocument/hover', {
        textDocument: { uri: specUri },
        position: { line: titleLine, character: 3 },
      });
      assert.deepEqual(hover?.range, { start: { line: titleLine, character: 0 }, end: { line: titleLine, character: 19 } });
      assert.deepEqual(timeoutWarnings(client), [WARNING.replace('URI', specUri)]);
    });
  },
);

test(
  'workspace/configuration answered late (pushed diagnostics): the document is checked again with the late settings',
  { skip, timeout: 30_000 },
  async () => {
    await session(false, async (client) => {
      const held = client.holdConfiguration();
      const first = client.nextDiagnostics(specUri);
      await client.open(specUri, SPEC);
      assert.deepEqual(summary((await first).diagnostics), DEFAULT_DIAGNOSTICS);
      const second = client.nextDiagnostics(specUri);
      held.release();
      assert.deepEqual(await second, { uri: specUri, version: 1, diagnostics: [] });
      assert.deepEqual(timeoutWarnings(client), [WARNING.replace('URI', specUri)]);
    });
  },
);

test(
  'workspace/configuration answered late (pulled diagnostics): a refresh, then the late settings',
  { skip, timeout: 30_000 },
  async () => {
    await session(true, async (client) => {
      let refreshed!: () => void;
      const refresh = new Promise<void>((resolve) => (refreshed = resolve));
      client.connection.onRequest('workspace/diagnostic/refresh', () => {
        refreshed();
        return null;
      });
      const held = client.holdConfiguration();
      await client.open(specUri, SPEC);
      const pull = () =>
        client.request<{ kind: string; items: { code: string; range: unknown }[] }>('textDocument/diagnostic', {
          textDocument: { uri: specUri },
        });
      const early = await pull();
      assert.deepEqual({ kind: early.kind, items: summary(early.items) }, { kind: 'full', items: DEFAULT_DIAGNOSTICS });
      held.release();
      await refresh;
      assert.deepEqual(await pull(), { kind: 'full', items: [] });
    });
  },
);
