// What the server does to the machine, recorded by a preload (spy.cjs) in the real server bundle
// through a session that uses every feature on a workspace that tries to lure it out: the server
// reads templates, config files and specs inside the workspace folder (and the bundled template)
// only; it writes no file (its edits go to the client as WorkspaceEdits); it opens no network
// connection and looks up no host; it starts no process or worker and loads no module, from the
// workspace or elsewhere. It compiles its own bundle only, and outside the workspace reads only
// its own files and the code cache in the folder the client named (server/src/runtime/code-cache.ts).
//
// A template named by the workspace's own files (a spec's `.. rst-specs: template=` comment, a
// config file) or found by lookup is read only inside the workspace folder, symbolic links
// resolved: one outside gets the `template` diagnostic and the bundled template. The editor
// setting `rstSpecs.templatePath` is the user's own choice and may name a template anywhere
// (package.json marks it a restricted setting, so that an untrusted workspace cannot set it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';
import { cleanSpec, repoRoot } from '../helpers';
import { TestClient } from '../lsp/client';
import { hasBundle, SERVER_BUNDLE } from './config';
import { CODE_CACHE_DIR_ARGUMENT } from '../../server/src/runtime/code-cache';

const skip = !hasBundle && 'npm run build first';
const SPY = resolve(__dirname, 'spy.cjs');
let root: string;
let workspace: string;
let outside: string;
/** The client's folder for the server's code cache, as the extension names it (in its global storage). */
let codeCacheFolder: string;
const SERVER_MAIN = join(dirname(SERVER_BUNDLE), 'server-main.js');
const bundledTemplate = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8');

interface Record {
  kind: 'read' | 'write' | 'network' | 'process' | 'code' | 'module';
  op: string;
  path: string;
  from: string;
}

before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'rst-specs-files-')));
  workspace = join(root, 'workspace');
  outside = join(root, 'outside');
  codeCacheFolder = join(root, 'global-storage', 'code-cache');
  for (const folder of [
    'specs/pike/approved',
    'specs/lured',
    'specs/linked',
    'specs/configured',
    'node_modules/evil',
    '.vscode',
    'doc/source',
  ]) {
    mkdirSync(join(workspace, folder), { recursive: true });
  }
  mkdirSync(outside);
  // Outside the workspace: a secret that parses as a template, and one more.
  writeFileSync(join(outside, 'secret-template.rst'), bundledTemplate.replace('Problem description', 'SECRET TITLE'));
  writeFileSync(join(outside, 'user-template.rst'), bundledTemplate);
  writeFileSync(join(outside, '.rst-specs.json'), '{ "maxLineLength": 3 }');
  // Inside: a release template, a symbolic link to the secret, a config file pointing outside, lures.
  writeFileSync(join(workspace, 'specs', 'pike-template.rst'), bundledTemplate);
  symlinkSync(join(outside, 'secret-template.rst'), join(workspace, 'specs', 'linked', 'template.rst'));
  writeFileSync(
    join(workspace, 'specs', 'configured', '.rst-specs.json'),
    JSON.stringify({ template: join(outside, 'secret-template.rst') }),
  );
  writeFileSync(join(workspace, 'node_modules', 'evil', 'index.js'), "require('fs').writeFileSync('/tmp/pwned', 'x')");
  writeFileSync(join(workspace, 'package.json'), '{ "name": "lure", "scripts": { "postinstall": "node node_modules/evil" } }');
  writeFileSync(join(workspace, 'doc', 'source', 'conf.py'), "open('/tmp/pwned', 'w')");
  writeFileSync(join(workspace, '.vscode', 'settings.json'), '{ "rstSpecs.templatePath": "/etc/passwd" }');
  writeFileSync(join(workspace, 'specs', 'pike', 'approved', 'on-disk.rst'), cleanSpec());
});
after(() => {
  if (!process.env.RB_KEEP) rmSync(root, { recursive: true, force: true });
});

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

async function spiedSession(run: (client: TestClient) => Promise<void>, configuration: unknown = {}): Promise<Record[]> {
  const log = join(root, `spy-${Date.now()}.jsonl`);
  writeFileSync(log, '');
  const client = new TestClient([`${CODE_CACHE_DIR_ARGUMENT}${codeCacheFolder}`], {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${SPY}`.trim(),
    RST_SPECS_SPY_LOG: log,
  });
  try {
    client.configuration = configuration;
    await client.initialize(workspace, {
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { resolveSupport: { properties: ['edit'] } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
      workspace: { workspaceEdit: { documentChanges: true } },
    });
    await run(client);
  } finally {
    await client.shutdown();
  }
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record);
}

function specUri(...parts: string[]) {
  return pathToFileURL(join(workspace, 'specs', ...parts)).toString();
}

async function useEverything(client: TestClient, uri: string, text: string) {
  const published = client.nextDiagnostics(uri, () => true, 10_000);
  await client.open(uri, text);
  const diagnostics = (await published).diagnostics;
  const textDocument = { uri };
  const position = { line: 12, character: 0 };
  const range = { start: position, end: position };
  await client.request('textDocument/hover', { textDocument, position });
  await client.request('textDocument/completion', { textDocument, position });
  await client.request('textDocument/documentSymbol', { textDocument });
  await client.request('textDocument/foldingRange', { textDocument });
  await client.request('textDocument/documentLink', { textDocument });
  await client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics } });
  for (const only of ['source.fixAll.rst-specs', 'source.insertMissingSections.rst-specs']) {
    await client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics, only: [only] } });
  }
  await client.request('workspace/executeCommand', { command: 'rst-specs.server.insertMissingSections', arguments: [{ uri }] });
  await client.change(uri, 2, [{ range, text: 'Edited.\n\n' }]);
  await client.request('textDocument/hover', { textDocument, position });
  return diagnostics;
}

test(
  'the server reads only inside the workspace (and its bundled template), writes nothing, connects nowhere, runs nothing',
  { skip, timeout: 60_000 },
  async () => {
    let lured: { code: string; message: string }[] = [];
    let linked: { code: string; message: string }[] = [];
    let configured: { code: string; message: string }[] = [];
    const records = await spiedSession(async (client) => {
      // Without its Dependencies section: "Insert missing sections" has an edit to ask the client for.
      await useEverything(
        client,
        specUri('pike', 'approved', 'clean-spec.rst'),
        cleanSpec().replace('Dependencies\n============\n\nNone\n\n', ''),
      );
      lured = await useEverything(
        client,
        specUri('lured', 'clean-spec.rst'),
        cleanSpec().replace('\n=====', `\n.. rst-specs: template=${join(outside, 'secret-template.rst')}\n\n=====`),
      );
      linked = await useEverything(client, specUri('linked', 'clean-spec.rst'), cleanSpec());
      configured = await useEverything(client, specUri('configured', 'clean-spec.rst'), cleanSpec());
      await client.request('workspace/symbol', { query: '' });
      await client.request('workspace/executeCommand', {
        command: 'rst-specs.server.checkFiles',
        arguments: [
          {
            uris: [
              specUri('pike', 'approved', 'on-disk.rst'),
              pathToFileURL(join(outside, 'secret-template.rst')).toString(),
              'file:///etc/passwd',
            ],
          },
        ],
      });
      await client.request('workspace/executeCommand', {
        command: 'rst-specs.server.newSpecText',
        arguments: [{ folderUri: pathToFileURL(join(workspace, 'specs', 'pike', 'approved')).toString(), name: 'new-spec' }],
      });
      // The edits the server asked for went to the client, as WorkspaceEdits.
      assert.ok(client.appliedEdits.length > 0);
    });

    // Nothing of the secret reached the client: the templates outside were refused.
    for (const diagnostics of [lured, linked, configured]) {
      assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'template').length, 1, JSON.stringify(diagnostics));
      assert.ok(!JSON.stringify(diagnostics).includes('SECRET'), 'the secret template was used');
    }

    const serverFiles = [dirname(SERVER_BUNDLE), dirname(BUNDLED_TEMPLATE_PATH), resolve(repoRoot, 'docs')];
    const allowed = (path: string) =>
      inside(resolve(path), workspace) ||
      inside(resolve(path), codeCacheFolder) ||
      serverFiles.some((folder) => inside(resolve(path), folder));
    const reads = records.filter((record) => record.kind === 'read' && !allowed(record.path));
    // Looking for a config file goes up to the workspace folder, no further: not even a stat outside.
    assert.deepEqual(reads, [], 'reads outside the workspace');
    assert.deepEqual(
      records.filter((record) => record.kind === 'write'),
      [],
      'file writes',
    );
    assert.deepEqual(
      records.filter((record) => record.kind === 'network'),
      [],
      'network use',
    );
    assert.deepEqual(
      records.filter((record) => record.kind === 'process' || (record.kind === 'code' && record.path !== SERVER_MAIN)),
      [],
      'processes, workers or code run',
    );
    assert.deepEqual(
      records.filter((record) => record.kind === 'code').map((record) => record.op),
      ['Script'],
      'the server bundle, compiled by its entry',
    );
    assert.deepEqual(
      records.filter((record) => record.kind === 'module' && resolve(record.path) !== SERVER_BUNDLE),
      [],
      'modules loaded',
    );
    assert.ok(
      records.some((record) => record.kind === 'read' && inside(record.path, workspace)),
      'the spy saw no read at all',
    );
    assert.ok(
      records.some((record) => record.kind === 'read' && inside(record.path, codeCacheFolder)),
      'the entry looked for no code cache',
    );
    assert.ok(!existsSync('/tmp/pwned') || readFileSync('/tmp/pwned', 'utf8') !== 'x');
  },
);

test('a template in the editor settings is the user’s choice: read wherever it is', { skip, timeout: 60_000 }, async () => {
  const userTemplate = join(outside, 'user-template.rst');
  let diagnostics: { code: string }[] = [];
  const records = await spiedSession(
    async (client) => {
      diagnostics = await useEverything(client, specUri('pike', 'approved', 'clean-spec.rst'), cleanSpec());
    },
    { templatePath: userTemplate },
  );
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.code),
    [],
  );
  assert.ok(records.some((record) => record.kind === 'read' && record.path === userTemplate));
  assert.deepEqual(
    records.filter(
      (record) =>
        record.kind === 'read' &&
        !inside(record.path, workspace) &&
        record.path !== userTemplate &&
        !inside(record.path, codeCacheFolder) &&
        !inside(record.path, dirname(SERVER_BUNDLE)) &&
        !inside(record.path, dirname(BUNDLED_TEMPLATE_PATH)),
    ),
    [],
  );
});

test('package.json: the template setting is restricted in untrusted workspaces', () => {
  const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.ok(untrusted.restrictedConfigurations.includes('rstSpecs.templatePath'));
});
