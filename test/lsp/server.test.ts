import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanSpec, lineOf, removeLines } from '../helpers';
import { TestClient } from './client';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';

let workspace: string;
const specUri = () => pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
const codes = (p: { diagnostics: { code: string }[] }) => p.diagnostics.map((d) => d.code);

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-lsp-'));
  mkdirSync(join(workspace, 'specs'));
  mkdirSync(join(workspace, 'notes'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

test('push diagnostics: open, incremental edit, close', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const uri = specUri();
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, cleanSpec());
    assert.deepEqual((await opened).diagnostics, []);

    const text = cleanSpec();
    const line = lineOf(text, 'Dependencies');
    const edited = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line: line + 5, character: 0 } }, text: '' }]);
    const published = await edited;
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.code, 'missing-section');
    assert.equal(diagnostic.source, 'rst-specs');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.message, "Missing section 'Dependencies': the template puts it after 'Implementation'.");
    assert.match(diagnostic.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/missing-section\.md$/);

    const closed = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await closed).diagnostics, []);
  } finally {
    await client.shutdown();
  }
});

test('a file outside the include globs gets no diagnostics', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const uri = pathToFileURL(join(workspace, 'notes', 'todo.rst')).toString();
    const published = client.nextDiagnostics(uri);
    await client.open(uri, 'Notes\n=====\n\ntrailing \n');
    assert.deepEqual((await published).diagnostics, []);
  } finally {
    await client.shutdown();
  }
});

test('settings: a rule turned off, then on again after didChangeConfiguration', async () => {
  const client = new TestClient();
  try {
    client.configuration = { rules: { 'trailing-whitespace': 'off' } };
    await client.initialize(workspace);
    const uri = specUri();
    const text = cleanSpec().replace('Unit tests.', 'Unit tests. ');
    const first = client.nextDiagnostics(uri);
    await client.open(uri, text);
    assert.deepEqual(codes(await first), []);
    client.configuration = { rules: { 'trailing-whitespace': 'error' }, maxLineLength: 'wide' };
    const second = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const published = await second;
    assert.deepEqual(codes(published), ['trailing-whitespace']);
    assert.equal(published.diagnostics[0].severity, 1);
    assert.ok(client.logs.includes('rstSpecs.maxLineLength must be a positive whole number; using the default'));
  } finally {
    await client.shutdown();
  }
});

test('the workspace template wins, and a change on disk re-validates open specs', async () => {
  const templatePath = join(workspace, 'specs', 'template.rst');
  writeFileSync(templatePath, readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8'));
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const uri = specUri();
    const first = client.nextDiagnostics(uri);
    await client.open(uri, cleanSpec());
    assert.deepEqual(codes(await first), []);
    writeFileSync(templatePath, readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8').replace('Testing\n=======', 'Tests\n====='));
    const second = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(templatePath).toString(), type: 2 }],
    });
    assert.deepEqual(
      (await second).diagnostics.map((d) => d.message),
      ["Section 'Testing' stands where the template has 'Tests', which this spec lacks: rename it to 'Tests'."],
    );
    writeFileSync(templatePath, '\u0000\u0001 not a template');
    const third = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'template'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(templatePath).toString(), type: 2 }],
    });
    assert.deepEqual(
      (await third).diagnostics.map((d) => d.message),
      [`Using the bundled Senlin template: the template ${templatePath} is a binary file, not reStructuredText.`],
    );
  } finally {
    await client.shutdown();
    rmSync(templatePath);
  }
});

test('pull diagnostics when the client supports them', async () => {
  const client = new TestClient();
  try {
    const result = (await client.initialize(workspace, { pull: true })) as { capabilities: { diagnosticProvider?: unknown } };
    assert.deepEqual(result.capabilities.diagnosticProvider, {
      identifier: 'rst-specs',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const uri = specUri();
    await client.open(uri, removeLines(cleanSpec(), 'Testing', 'Documentation Impact'));
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      items: { code: string }[];
    };
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      report.items.map((d) => d.code),
      ['missing-section'],
    );
    assert.deepEqual(client.published, []);
  } finally {
    await client.shutdown();
  }
});

test('a document whose analysis was dropped for newer ones answers the same when asked again', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const uris = Array.from({ length: 12 }, (_, index) => pathToFileURL(join(workspace, 'specs', `kept-${index}.rst`)).toString());
    const symbolsOf = (uri: string) => client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
    const first = client.nextDiagnostics(uris[0]);
    await client.open(uris[0], text);
    assert.deepEqual(codes(await first), ['blueprint-url', 'missing-section']);
    const symbols = await symbolsOf(uris[0]);
    for (const uri of uris.slice(1)) {
      const opened = client.nextDiagnostics(uri);
      await client.open(uri, cleanSpec());
      await opened;
      await symbolsOf(uri);
    }
    assert.deepEqual(await symbolsOf(uris[0]), symbols);
  } finally {
    await client.shutdown();
  }
});
