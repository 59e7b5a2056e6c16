// The web build of the language server (the extension's `browser` entry runs it in a web worker),
// run in a worker thread with only a web worker's globals (worker-client.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanSpec, repoRoot } from '../helpers';
import { WEB_SERVER_BUNDLE, WebServerClient } from './worker-client';
import { TestClient } from '../lsp/client';
import { pathToFileURL } from 'node:url';

const repos = join(repoRoot, 'test', 'fixtures', 'repos');
const built = existsSync(WEB_SERVER_BUNDLE);
const skip = !built && 'server/out/web-server.js is not built (npm run build)';

test('the web bundle uses nothing of Node: no require, no node: module, no process', { skip }, () => {
  const bundle = readFileSync(WEB_SERVER_BUNDLE, 'utf8');
  assert.doesNotMatch(bundle, /\brequire\(/);
  assert.doesNotMatch(bundle, /["']node:/);
  // picomatch and paths.ts ask for the platform only behind `typeof process` (undefined in a worker).
  const unguarded = bundle.replace(/typeof process<"u"&&process\.platform(?:\?process\.platform)?==="win32"/g, '');
  assert.doesNotMatch(unguarded, /process\.(env|cwd|platform)/);
  const client = readFileSync(join(repoRoot, 'client', 'out', 'browser.js'), 'utf8');
  assert.doesNotMatch(client, /require\("(?!vscode")/);
});

for (const base of ['vscode-test-web://mount', 'file://']) {
  test(`in a worker, over ${base} URIs: templates, config files and the bundled template through the client`, { skip }, async () => {
    const client = new WebServerClient(base);
    try {
      const root = join(repos, 'nova-specs');
      const init = await client.initialize(root);
      assert.ok(init.capabilities.completionProvider && init.capabilities.codeActionProvider);
      const spec = join(root, 'specs/queens/implemented/queens-no-liaison.rst');
      const published = await client.open(client.uriOf(spec), readFileSync(spec, 'utf8'));
      assert.deepEqual(client.workerErrors, []);
      assert.deepEqual(
        published.diagnostics.map((d) => `${d.code}: ${d.message}`),
        ["missing-section: Missing section 'Feature Liaison': the template puts it after 'Work Items'."],
      );
      assert.ok(client.asked.includes(`readFile ${root}/.rst-specs.json`), client.asked.join('\n'));
      assert.ok(client.asked.includes(`readFile ${root}/specs/queens-template.rst`), client.asked.join('\n'));
      const info = await client.request<Record<string, unknown>>('rst-specs/templateFor', { uri: client.uriOf(spec) });
      assert.equal(info.label, 'specs/queens-template.rst');
      assert.equal(info.uri, client.uriOf(join(root, 'specs/queens-template.rst')));

      // No template anywhere: the embedded Senlin template.
      const lone = join(repos, 'elsewhere', 'specs', 'clean-spec.rst');
      const loneDiagnostics = await client.open(client.uriOf(lone), cleanSpec());
      assert.deepEqual(loneDiagnostics.diagnostics, []);
      assert.equal((await client.request<Record<string, unknown>>('rst-specs/templateFor', { uri: client.uriOf(lone) })).origin, 'bundled');

      // Inline control, its quick fix and its completion work the same.
      const text = cleanSpec().replace('Unit tests.', 'Unit tests. ');
      const edited = await client.open(client.uriOf(join(repos, 'elsewhere', 'specs', 'edited', 'clean-spec.rst')), text);
      assert.deepEqual(
        edited.diagnostics.map((d) => d.code),
        ['trailing-whitespace'],
      );
      const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
        textDocument: { uri: client.uriOf(join(repos, 'elsewhere', 'specs', 'edited', 'clean-spec.rst')) },
        range: edited.diagnostics[0].range,
        context: { diagnostics: edited.diagnostics, only: ['quickfix'] },
      });
      assert.deepEqual(
        actions.map((a) => a.title),
        [
          'Remove trailing whitespace',
          'Disable trailing-whitespace for this line',
          'Disable trailing-whitespace for this file',
          'Fix all auto-fixable rst-specs problems',
        ],
      );
    } finally {
      await client.shutdown();
    }
  });
}

test(
  'in a worker: a move command reads the repo through the client and sends one WorkspaceEdit; navigation in the spec',
  { skip },
  async () => {
    const client = new WebServerClient('vscode-test-web://mount');
    try {
      const root = join(repos, 'nova-specs');
      await client.initialize(root);
      const spec = join(root, 'specs/queens/approved/queens-approved.rst');
      const result = await client.request('workspace/executeCommand', {
        command: 'rst-specs.server.moveSpec',
        arguments: [{ uri: client.uriOf(spec), action: 'implemented' }],
      });
      const moved = client.uriOf(join(root, 'specs/queens/implemented/queens-approved.rst'));
      const redirects = client.uriOf(join(root, 'specs/queens/redirects'));
      const label = 'Move queens-approved.rst to implemented';
      // As JSON, as the client gets it (the worker passes objects by structured clone, which keeps `undefined`).
      assert.deepEqual(JSON.parse(JSON.stringify(result)), { applied: true, uri: moved, label });
      const options = { overwrite: false, ignoreIfExists: false };
      assert.deepEqual(client.appliedEdits, [
        {
          label,
          edit: {
            documentChanges: [
              { kind: 'rename', oldUri: client.uriOf(spec), newUri: moved, options },
              // The repo has redirects folders elsewhere (specs/pike/redirects/): this release gets its file.
              { kind: 'create', uri: redirects, options },
              {
                textDocument: { uri: redirects, version: null },
                edits: [
                  {
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    newText: 'approved/queens-approved.rst ../implemented/queens-approved.rst\n',
                  },
                ],
              },
            ],
          },
        },
      ]);
      assert.ok(client.asked.includes(`readDirectory ${root}/specs/queens`), client.asked.join('\n'));

      // Go to definition and rename within the spec (the docs tree across files is read from disk only).
      const note = client.uriOf(join(repos, 'elsewhere', 'specs', 'note.rst'));
      await client.open(note, 'Note\n====\n\nSee [#note]_.\n\n.. [#note] A note.\n');
      assert.deepEqual(
        await client.request('textDocument/definition', { textDocument: { uri: note }, position: { line: 3, character: 7 } }),
        [{ uri: note, range: { start: { line: 5, character: 4 }, end: { line: 5, character: 9 } } }],
      );
      assert.deepEqual(
        await client.request('textDocument/rename', {
          textDocument: { uri: note },
          position: { line: 5, character: 6 },
          newName: 'remark',
        }),
        {
          changes: {
            [note]: [
              { range: { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } }, newText: 'remark' },
              { range: { start: { line: 5, character: 5 }, end: { line: 5, character: 9 } }, newText: 'remark' },
            ],
          },
        },
      );
      assert.deepEqual(client.workerErrors, []);
    } finally {
      await client.shutdown();
    }
  },
);

test(
  'in a worker: the Specs view index reads the repo through the client, the same tree as the Node server reads from disk',
  { skip },
  async () => {
    const root = join(repos, 'nova-specs');
    interface Tree {
      indexing: boolean;
      specs: number;
      releases: { states: { specs: { uri: string }[] }[] }[];
    }
    const indexed = async (request: (method: string, params: unknown) => Promise<unknown>) => {
      for (let attempt = 0; attempt < 300; attempt++) {
        const tree = (await request('rst-specs/specsTree', {})) as Tree;
        if (!tree.indexing) return tree;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the index did not finish');
    };
    const web = new WebServerClient('vscode-test-web://mount');
    const node = new TestClient();
    try {
      await web.initialize(root);
      await node.initialize(root);
      const fromClient = await indexed((method, params) => web.request(method, params));
      const fromDisk = await indexed((method, params) => node.request(method, params));
      assert.deepEqual(web.workerErrors, []);
      assert.ok(fromDisk.specs >= 5, `${fromDisk.specs} specs`);
      assert.equal(JSON.stringify(fromClient), JSON.stringify(fromDisk).replaceAll(pathToFileURL(root).toString(), web.uriOf(root)));
      assert.ok(web.asked.includes(`readFile ${root}/specs/pike/approved/pike-approved.rst`), web.asked.join('\n'));
    } finally {
      await web.shutdown();
      await node.shutdown();
    }
  },
);
