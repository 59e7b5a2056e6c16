// The repo commands over a real server: the spec-location quick fix (a file rename) and
// rst-specs.server.moveSpec, each one WorkspaceEdit sent with workspace/applyEdit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client';

let workspace: string;
const uriOf = (file: string) => pathToFileURL(join(workspace, file)).toString();
const SPEC = 'Title\n=====\n\nText.\n';
const CAPABILITIES = { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } };

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-repo-'));
  const files: Record<string, string> = {
    'tox.ini': '',
    'specs/pike/approved/a.rst': SPEC,
    'specs/pike/redirects': 'approved/old.rst ../implemented/old.rst\n',
    'specs/pike/new.rst': SPEC,
    'specs/queens/approved/b.rst': SPEC,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(workspace, file, '..'), { recursive: true });
    writeFileSync(join(workspace, file), text);
  }
});
after(() => rmSync(workspace, { recursive: true, force: true }));

test('spec-location: the diagnostic and its quick fix, a rename into approved/', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: CAPABILITIES });
    const uri = uriOf('specs/pike/new.rst');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, SPEC);
    const diagnostics = (await published).diagnostics.filter((d) => d.code === 'spec-location');
    assert.deepEqual(
      diagnostics.map((d) => [d.message, d.range, d.severity]),
      [
        [
          "Found unexpected file in 'specs/pike', specs should be submitted to 'specs/pike/approved'",
          { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
          1,
        ],
      ],
    );
    const actions = await client.request<{ title: string; isPreferred?: boolean; edit: unknown }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['quickfix'] },
    });
    const move = actions.find((action) => action.title === 'Move new.rst to pike/approved');
    assert.deepEqual(move?.edit, {
      documentChanges: [
        { kind: 'rename', oldUri: uri, newUri: uriOf('specs/pike/approved/new.rst'), options: { overwrite: false, ignoreIfExists: false } },
      ],
    });
    assert.equal(move?.isPreferred, true);
  } finally {
    await client.shutdown();
  }
});

test('move to implemented, abandon, releases: one WorkspaceEdit each, with the redirect line', async () => {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { workspace: CAPABILITIES });
    const uri = uriOf('specs/pike/approved/a.rst');
    const releases = await client.request('workspace/executeCommand', { command: 'rst-specs.server.releases', arguments: [{ uri }] });
    assert.deepEqual(releases, { releases: ['queens', 'pike'] });
    const result = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.moveSpec',
      arguments: [{ uri, action: 'implemented' }],
    });
    assert.deepEqual(result, { applied: true, uri: uriOf('specs/pike/implemented/a.rst'), label: 'Move a.rst to implemented' });
    assert.deepEqual(client.appliedEdits.at(-1), {
      label: 'Move a.rst to implemented',
      edit: {
        documentChanges: [
          {
            kind: 'rename',
            oldUri: uri,
            newUri: uriOf('specs/pike/implemented/a.rst'),
            options: { overwrite: false, ignoreIfExists: false },
          },
          {
            textDocument: { uri: uriOf('specs/pike/redirects'), version: null },
            edits: [
              {
                range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
                newText: 'approved/a.rst ../implemented/a.rst\n',
              },
            ],
          },
        ],
      },
    });
    const abandoned = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.moveSpec',
      arguments: [{ uri: uriOf('specs/queens/approved/b.rst'), action: 'abandon' }],
    });
    assert.deepEqual(abandoned, { applied: true, uri: uriOf('specs/abandoned/b.rst'), label: 'Abandon b.rst' });
    assert.deepEqual((client.appliedEdits.at(-1)!.edit as { documentChanges: unknown[] }).documentChanges.slice(1), [
      { kind: 'create', uri: uriOf('specs/queens/redirects'), options: { overwrite: false, ignoreIfExists: false } },
      {
        textDocument: { uri: uriOf('specs/queens/redirects'), version: null },
        edits: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: 'approved/b.rst ../../abandoned/b.rst\n',
          },
        ],
      },
    ]);
    const refused = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.moveSpec',
      arguments: [{ uri: uriOf('specs/pike/new.rst'), action: 'implemented' }],
    });
    assert.deepEqual(refused, {
      applied: false,
      problem: 'only a spec in specs/<release>/approved/ moves to implemented/ (this one is in specs/pike)',
    });
  } finally {
    await client.shutdown();
  }
});
