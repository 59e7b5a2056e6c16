// The LSP side of issue 23: the faded guidance (only for clients that fade), the quick fixes at a
// section that holds guidance and on its faded text, the short underline's fix at its title, the
// blueprint-url rename (only for clients that rename files), Insert missing sections' first title.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanSpec, lineOf, removeLines, replaceLine } from '../helpers';
import { type PublishedDiagnostics, TestClient } from './client';

let workspace: string;
const specUri = (name: string) => pathToFileURL(join(workspace, 'specs', name)).toString();

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-first-minutes-'));
  mkdirSync(join(workspace, 'specs'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

type Diagnostic = Omit<PublishedDiagnostics['diagnostics'][number], 'range'> & { range: { start: { line: number } }; tags?: number[] };
interface CodeAction {
  title: string;
  edit?: { documentChanges?: unknown[] };
}

const GUIDANCE = 'What use cases does this address?\nWhat are the impacts on actors (developer, end user, deployer etc.)?';
const FADES = { publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } } };
const EDITS = { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } };

async function open(client: TestClient, name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = specUri(name);
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  return { uri, diagnostics: (await published).diagnostics as Diagnostic[] };
}

const actionsAt = (client: TestClient, uri: string, line: number, character: number, diagnostics: Diagnostic[]) =>
  client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character }, end: { line, character } },
    context: { diagnostics, only: ['quickfix'] },
  });

const repairs = (actions: CodeAction[]) => actions.map((action) => action.title).filter((title) => !title.startsWith('Disable '));

test('a section that holds guidance: the finding on its title, its guidance faded for a client that fades; the fixes on both', async () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', GUIDANCE);
  const line = lineOf(text, 'What use cases does this address?');
  const testing = lineOf(text, 'Testing');
  const plain = new TestClient();
  try {
    await plain.initialize(workspace);
    const { diagnostics } = await open(plain, 'clean-spec.rst', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.tags]),
      [['template-text', 2, testing, undefined]],
    );
  } finally {
    await plain.shutdown();
  }
  const client = new TestClient();
  try {
    await client.initialize(workspace, { textDocument: FADES, workspace: EDITS });
    const { uri, diagnostics } = await open(client, 'clean-spec.rst', text);
    const message = "'Testing' still holds the template's guidance.";
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message, d.range, d.tags]),
      [
        ['template-text', 2, message, { start: { line: testing, character: 0 }, end: { line: testing, character: 7 } }, undefined],
        ['template-text', 4, message, { start: { line, character: 0 }, end: { line: line + 1, character: 68 } }, [1]],
      ],
    );
    const fixes = ['Replace the guidance with None', 'Delete the guidance'];
    assert.deepEqual(repairs(await actionsAt(client, uri, testing, 2, [diagnostics[0]])), fixes);
    assert.deepEqual(repairs(await actionsAt(client, uri, line, 2, [diagnostics[1]])), fixes);
  } finally {
    await client.shutdown();
  }
});

test('a short underline: Make the underline match the title, at the title too, then fix-all in the lightbulb; the rename of a misnamed file', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: EDITS });
    const text = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-----\n');
    const { uri } = await open(client, 'clean-spec.rst', text);
    const title = lineOf(text, 'Use Cases');
    assert.deepEqual(repairs(await actionsAt(client, uri, title, 3, [])), [
      'Make the underline match the title',
      'Fix all auto-fixable rst-specs problems',
    ]);

    const { uri: misnamed, diagnostics } = await open(client, 'misnamed.rst', cleanSpec());
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['blueprint-url'],
    );
    const rename = (await actionsAt(client, misnamed, 10, 5, diagnostics)).find(
      (action) => action.title === 'Rename file to clean-spec.rst',
    );
    assert.deepEqual(rename?.edit, {
      documentChanges: [
        { kind: 'rename', oldUri: misnamed, newUri: specUri('clean-spec.rst'), options: { overwrite: false, ignoreIfExists: false } },
      ],
    });
  } finally {
    await client.shutdown();
  }
  // A client that cannot rename files gets no rename.
  const plain = new TestClient();
  try {
    await plain.initialize(workspace, { workspace: { workspaceEdit: { documentChanges: true } } });
    const { uri, diagnostics } = await open(plain, 'misnamed.rst', cleanSpec());
    assert.ok(!repairs(await actionsAt(plain, uri, 10, 5, diagnostics)).some((title) => title.startsWith('Rename file')));
  } finally {
    await plain.shutdown();
  }
});

test('Insert missing sections: the range of the first inserted title, for the editor to select', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: EDITS });
    const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
    const { uri } = await open(client, 'clean-spec.rst', text);
    const result = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.insertMissingSections',
      arguments: [{ uri, version: 1 }],
    });
    const line = lineOf(text, 'Testing');
    assert.deepEqual(result, { inserted: 1, applied: true, first: { start: { line, character: 0 }, end: { line, character: 12 } } });
  } finally {
    await client.shutdown();
  }
});
