import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, type TextEdit } from '../../server/src/edit/text-edit';
import { cleanSpec, lineOf, removeLines, replaceLine } from '../helpers';
import { type PublishedDiagnostics, TestClient } from './client';

let workspace: string;
const specUri = (name = 'clean-spec.rst') => pathToFileURL(join(workspace, 'specs', name)).toString();

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-actions-'));
  mkdirSync(join(workspace, 'specs'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

type Diagnostic = PublishedDiagnostics['diagnostics'][number];
interface CodeAction {
  title: string;
  kind: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: {
    documentChanges?: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
    changes?: Record<string, TextEdit[]>;
  };
  command?: { command: string; arguments: unknown[] };
  data?: unknown;
}

const WORKSPACE_EDITS = { workspaceEdit: { documentChanges: true } };

async function openSpec(client: TestClient, text: string, name?: string) {
  const uri = specUri(name);
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  return { uri, diagnostics: (await published).diagnostics };
}

function codeActions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

/** The repairs, without "Disable <rule> for this line/file" (test/lsp/inline-control.test.ts covers those). */
const withoutDisable = (actions: CodeAction[]) => actions.filter((action) => !action.title.startsWith('Disable '));

test('quick fix: insert a missing section, as a versioned WorkspaceEdit with its diagnostic', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: WORKSPACE_EDITS });
    const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
    const { uri, diagnostics } = await openSpec(client, text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['missing-section'],
    );
    const actions = withoutDisable(await codeActions(client, uri, diagnostics, ['quickfix']));
    const line = lineOf(text, 'Testing');
    assert.deepEqual(actions, [
      {
        title: "Insert missing section 'Dependencies'",
        kind: 'quickfix',
        diagnostics,
        isPreferred: true,
        edit: {
          documentChanges: [
            {
              textDocument: { uri, version: 1 },
              edits: [
                {
                  range: { start: { line, character: 0 }, end: { line, character: 0 } },
                  newText: 'Dependencies\n============\n\nNone\n\n\n',
                },
              ],
            },
          ],
        },
      },
    ]);
    assert.equal(applyEdits(text, actions[0].edit!.documentChanges![0].edits), cleanSpec());
  } finally {
    await client.shutdown();
  }
});

test('insert all: a quick fix when more than one is missing, a source action, and the command', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: WORKSPACE_EDITS });
    const text = removeLines(removeLines(cleanSpec(), 'Dependencies', 'Testing'), 'Alternatives', 'Data model impact');
    const { uri, diagnostics } = await openSpec(client, text);
    assert.equal(diagnostics.length, 2);
    const quickFixes = withoutDisable(await codeActions(client, uri, [diagnostics[0]], ['quickfix']));
    assert.deepEqual(
      quickFixes.map((a) => a.title),
      ["Insert missing section 'Alternatives'", 'Insert all missing sections'],
    );
    assert.deepEqual(quickFixes[1].diagnostics, diagnostics);
    const expectedEdit = {
      documentChanges: [
        {
          textDocument: { uri, version: 1 },
          edits: [
            {
              range: {
                start: { line: lineOf(text, 'Data model impact'), character: 0 },
                end: { line: lineOf(text, 'Data model impact'), character: 0 },
              },
              newText: 'Alternatives\n------------\n\nNone\n\n',
            },
            {
              range: { start: { line: lineOf(text, 'Testing'), character: 0 }, end: { line: lineOf(text, 'Testing'), character: 0 } },
              newText: 'Dependencies\n============\n\nNone\n\n\n',
            },
          ],
        },
      ],
    };
    assert.deepEqual(quickFixes[1].edit, expectedEdit);

    const sources = await codeActions(client, uri, [], ['source.insertMissingSections.rst-specs']);
    assert.deepEqual(
      sources.map((a) => [a.title, a.kind]),
      [['Insert all missing sections', 'source.insertMissingSections.rst-specs']],
    );
    assert.deepEqual(sources[0].edit, expectedEdit);

    const result = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.insertMissingSections',
      arguments: [{ uri, version: 1 }],
    });
    // The first inserted title (Alternatives, here), for the editor to select.
    const first = lineOf(cleanSpec(), 'Alternatives');
    assert.deepEqual(result, {
      inserted: 2,
      applied: true,
      first: { start: { line: first, character: 0 }, end: { line: first, character: 12 } },
    });
    assert.deepEqual(client.appliedEdits, [{ label: 'Insert all missing sections', edit: expectedEdit }]);
    assert.equal(applyEdits(text, expectedEdit.documentChanges[0].edits), cleanSpec());

    // A request for an older version is refused rather than applied to the wrong text.
    const stale = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.insertMissingSections',
      arguments: [{ uri, version: 0 }],
    });
    assert.deepEqual(stale, { inserted: 0, reason: 'not-a-spec-or-stale' });
  } finally {
    await client.shutdown();
  }
});

test('disable fixes: one action per rule and line, for every diagnostic it silences', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: WORKSPACE_EDITS });
    // Security and Notifications impact both missing: two diagnostics at the title they would follow.
    const text = removeLines(cleanSpec(), 'Security impact', 'Other end user impact');
    const { uri, diagnostics } = await openSpec(client, text);
    const line = lineOf(text, 'REST API impact');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, (d.range as { start: { line: number } }).start.line]),
      [
        ['missing-section', line],
        ['missing-section', line],
      ],
    );
    const disables = (await codeActions(client, uri, diagnostics, ['quickfix'])).filter((action) => action.title.startsWith('Disable '));
    assert.deepEqual(
      disables.map((action) => [action.title, action.diagnostics]),
      [
        ['Disable missing-section for this line', diagnostics],
        ['Disable missing-section for this file', diagnostics],
      ],
    );
  } finally {
    await client.shutdown();
  }
});

test('fix-all: a source action for codeActionsOnSave, also resolved lazily for a generic request', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, {
      workspace: WORKSPACE_EDITS,
      textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
    });
    let text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. ');
    text = text.replace('Use Cases\n---------\n', 'Use Cases\n-----\n');
    const { uri, diagnostics } = await openSpec(client, text);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['title-underline', 'trailing-whitespace']);
    const [fixAll] = await codeActions(client, uri, [], ['source.fixAll']);
    assert.equal(fixAll.title, 'Fix all auto-fixable rst-specs problems');
    assert.equal(fixAll.kind, 'source.fixAll.rst-specs');
    assert.equal(applyEdits(text, fixAll.edit!.documentChanges![0].edits), cleanSpec());

    const generic = await codeActions(client, uri, [diagnostics[0]]);
    const lazy = generic.find((a) => a.kind === 'source.fixAll.rst-specs')!;
    assert.equal(lazy.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
    assert.deepEqual(resolved.edit, fixAll.edit);
  } finally {
    await client.shutdown();
  }
});

test('quick fixes: without documentChanges support, plain changes; CRLF line endings and their client command', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const text = cleanSpec().replace(/\n/g, '\r\n');
    const { uri, diagnostics } = await openSpec(client, text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['carriage-return'],
    );
    const [action] = await codeActions(client, uri, diagnostics, ['quickfix']);
    assert.equal(action.title, 'Use LF line endings');
    assert.deepEqual(action.command, { title: 'Use LF line endings', command: 'rst-specs.useLfLineEndings', arguments: [uri] });
    assert.equal(applyEdits(text, action.edit!.changes![uri]), cleanSpec());
  } finally {
    await client.shutdown();
  }
});

test('commands: the text of a new spec, and a check of spec files that are not open', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const created = await client.request<{ text: string; uri: string; titleRange: unknown }>('workspace/executeCommand', {
      command: 'rst-specs.server.newSpecText',
      arguments: [{ folderUri: pathToFileURL(join(workspace, 'specs')).toString(), name: 'cluster-health' }],
    });
    assert.equal(created.uri, specUri('cluster-health.rst'));
    assert.ok(
      created.text.includes(
        '\n==============\nCluster health\n==============\n\nInclude the URL of your launchpad blueprint:\n\nhttps://blueprints.launchpad.net/senlin/+spec/cluster-health\n',
      ),
    );
    // Where the editor puts the cursor: the title.
    assert.deepEqual(created.titleRange, { start: { line: 7, character: 0 }, end: { line: 7, character: 14 } });

    writeFileSync(join(workspace, 'specs', 'on-disk.rst'), replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. '));
    writeFileSync(join(workspace, 'specs', 'index.rst'), 'Index\n=====\n');
    const published = client.nextDiagnostics(specUri('on-disk.rst'));
    const result = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.checkFiles',
      arguments: [{ uris: [specUri('on-disk.rst'), specUri('index.rst')] }],
    });
    // The problems by rule too, for the summary ("1 blueprint-url, 1 trailing-whitespace").
    assert.deepEqual(result, {
      checked: 2,
      specs: 1,
      problems: 2,
      byRule: { 'blueprint-url': { count: 1, severity: 'warning' }, 'trailing-whitespace': { count: 1, severity: 'error' } },
      unreadable: [],
    });
    assert.deepEqual((await published).diagnostics.map((d) => d.code).sort(), ['blueprint-url', 'trailing-whitespace']);
  } finally {
    await client.shutdown();
  }
});
