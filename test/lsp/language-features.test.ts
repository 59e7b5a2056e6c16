import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hoverAt } from '../../server/src/features/hover';
import { range } from '../helpers';
import { nodeHealth, specFrom, withLine } from '../features/spec';
import { TestClient } from './client';

let workspace: string;
const uriOf = (...parts: string[]) => pathToFileURL(join(workspace, ...parts)).toString();
const CLUSTER_LOCKS = '=============\nCluster locks\n=============\n\nProposed change\n===============\n\nNone\n';
const FULL_CAPABILITIES = {
  completion: { completionItem: { snippetSupport: true } },
  documentSymbol: { hierarchicalDocumentSymbolSupport: true },
};

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-features-'));
  mkdirSync(join(workspace, 'specs', 'zed'), { recursive: true });
  mkdirSync(join(workspace, 'notes'));
  writeFileSync(join(workspace, 'specs', 'zed', 'cluster-locks.rst'), CLUSTER_LOCKS);
  writeFileSync(join(workspace, 'specs', 'zed', 'node-health.rst'), 'the version on disk is not read while the file is open\n');
});
after(() => rmSync(workspace, { recursive: true, force: true }));

async function withClient(capabilities: Record<string, unknown>, run: (client: TestClient) => Promise<void>) {
  const client = new TestClient();
  try {
    await client.initialize(workspace, { textDocument: capabilities });
    await run(client);
    assert.deepEqual(
      client.logs.filter((log) => log.startsWith('rst-specs ')),
      [],
      'no feature failed',
    );
  } finally {
    await client.shutdown();
  }
}

/** Opens a document and waits until the server has checked it. */
async function open(client: TestClient, uri: string, text: string) {
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  await published;
}

test('capabilities: hover, completion, document and workspace symbols, folding, links', async () => {
  const client = new TestClient();
  try {
    const result = (await client.initialize(workspace)) as { capabilities: Record<string, unknown> };
    const {
      hoverProvider,
      completionProvider,
      documentSymbolProvider,
      foldingRangeProvider,
      documentLinkProvider,
      workspaceSymbolProvider,
    } = result.capabilities;
    assert.deepEqual(
      { hoverProvider, completionProvider, documentSymbolProvider, foldingRangeProvider, documentLinkProvider, workspaceSymbolProvider },
      {
        hoverProvider: true,
        // `:` and `,` for the rule ids in `.. rst-specs:` comments (the rest: adornment characters).
        completionProvider: { triggerCharacters: ['=', '-', '~', '^', '"', "'", '+', '*', '#', '`', ':', ','], resolveProvider: false },
        documentSymbolProvider: { label: 'rst-specs' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
      },
    );
  } finally {
    await client.shutdown();
  }
});

test('hover over stdio: template guidance on a title, the template rule on a method-block item', async () => {
  await withClient(FULL_CAPABILITIES, async (client) => {
    const uri = uriOf('specs', 'zed', 'node-health.rst');
    await open(client, uri, nodeHealth());
    const { doc, spec, diagnostics } = specFrom(nodeHealth());
    const title = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 45, character: 3 } });
    assert.deepEqual(title, {
      contents: { kind: 'markdown', value: hoverAt(doc, spec, { line: 45, character: 3 }, diagnostics)!.contents },
      range: range(45, 0, 45, 15),
    });
    assert.match(
      (title as { contents: { value: string } }).contents.value,
      /^\*\*Proposed change › REST API impact\*\*, section 3 of 9 in the template\n\n> For each API/,
    );
    assert.deepEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 50, character: 18 } }), {
      contents: {
        kind: 'markdown',
        value:
          "The template's rule for the method type (**Proposed change › REST API impact**)\n\n> - Method type (POST/PUT/PATCH/GET/DELETE)",
      },
      range: range(50, 17, 50, 20),
    });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 21, character: 3 } }), null);
  });
});

test('completion over stdio: snippets when the client takes them, plain text otherwise', async () => {
  // A blank line right under the REST API impact underline, and one after the body of Security impact.
  const text = withLine(withLine(nodeHealth(), 68, ''), 47, '');
  type Item = { label: string; kind: number; insertTextFormat: number; preselect?: boolean; textEdit: { range: unknown; newText: string } };
  await withClient(FULL_CAPABILITIES, async (client) => {
    const uri = uriOf('specs', 'zed', 'node-health.rst');
    await open(client, uri, text);
    const [block, ...rest] = (await client.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: 47, character: 0 },
    })) as Item[];
    assert.deepEqual(rest, []);
    assert.deepEqual([block.label, block.kind, block.insertTextFormat], ['REST API method block', 15, 2]);
    assert.deepEqual(block.textEdit.range, range(47, 0, 47, 0));
    assert.match(
      block.textEdit.newText,
      /^\* \$\{1:Description of what the method does\}\n\n {2}- Method type: \$\{2\|POST,PUT,PATCH,GET,DELETE\|\}\n/,
    );
    const sections = (await client.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: 70, character: 0 },
    })) as Item[];
    assert.deepEqual(
      sections.map((item) => [item.label, item.kind, item.insertTextFormat, item.preselect ?? false]),
      [
        ['Notifications impact', 9, 2, true],
        ['Other end user impact', 9, 2, false],
        ['Other deployer impact', 9, 2, false],
        ['Developer impact', 9, 2, false],
        ['Dependencies', 9, 2, false],
        ['Documentation Impact', 9, 2, false],
        ['References', 9, 2, false],
      ],
    );
    // A snippet: the cursor ($0) between the blank line under the title and the one before what follows.
    assert.deepEqual(sections[0].textEdit, { range: range(70, 0, 70, 0), newText: 'Notifications impact\n--------------------\n\n$0\n' });
    assert.deepEqual(
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 34, character: 6 } }),
      [],
      'in a literal block',
    );
  });
  await withClient({}, async (client) => {
    const uri = uriOf('specs', 'zed', 'node-health.rst');
    await open(client, uri, text);
    const [block] = (await client.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: 47, character: 0 },
    })) as Item[];
    assert.equal(block.insertTextFormat, 1);
    assert.match(block.textEdit.newText, /^\* Description of what the method does\n\n {2}- Method type: POST\n/);
  });
});

test('document symbols, folding and links over stdio, on a spec and on any rST document', async () => {
  await withClient(FULL_CAPABILITIES, async (client) => {
    const uri = uriOf('specs', 'zed', 'node-health.rst');
    await open(client, uri, nodeHealth());
    const [title] = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as {
      name: string;
      kind: number;
      range: unknown;
      selectionRange: unknown;
      children: { name: string; detail?: string; kind: number }[];
    }[];
    assert.deepEqual(
      { ...title, children: undefined },
      {
        name: 'Node health reporting',
        kind: 1,
        range: range(6, 0, 107, 17),
        selectionRange: range(7, 0, 7, 21),
        children: undefined,
      },
    );
    assert.deepEqual(
      title.children.map((child) => [child.name, child.detail, child.kind]),
      [
        ['Problem description', undefined, 15],
        ['Proposed change', undefined, 15],
        ['Rollout plan', 'not in the template', 15],
        ['Implementation', undefined, 15],
        ['Testing', undefined, 15],
        ['History', undefined, 15],
      ],
    );
    const folds = (await client.request('textDocument/foldingRange', { textDocument: { uri } })) as unknown[];
    assert.deepEqual(folds.slice(0, 3), [
      { startLine: 0, endLine: 4, kind: 'comment' },
      { startLine: 6, endLine: 107 },
      { startLine: 18, endLine: 26 },
    ]);
    assert.equal(folds.length, 19);
    const links = (await client.request('textDocument/documentLink', { textDocument: { uri } })) as unknown[];
    assert.deepEqual(links[1], {
      range: range(10, 0, 10, 57),
      target: 'https://blueprints.launchpad.net/senlin/+spec/node-health',
      tooltip: 'Open the blueprint',
    });
    assert.equal(links.length, 6);

    const notes = uriOf('notes', 'todo.rst');
    await open(client, notes, 'Notes\n=====\n\nSee https://example.org.\n\nLater\n-\n');
    // 'Later' over a one-character underline is a paragraph until the underline is long enough.
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: notes } }), [
      { name: 'Notes', kind: 1, range: range(0, 0, 6, 1), selectionRange: range(0, 0, 0, 5), children: [] },
    ]);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: notes } }), [{ startLine: 0, endLine: 6 }]);
    assert.deepEqual(await client.request('textDocument/documentLink', { textDocument: { uri: notes } }), [
      { range: range(3, 4, 3, 23), target: 'https://example.org' },
    ]);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: notes }, position: { line: 0, character: 1 } }), null);
    const underline = (await client.request('textDocument/completion', {
      textDocument: { uri: notes },
      position: { line: 6, character: 1 },
    })) as {
      textEdit: unknown;
    }[];
    assert.deepEqual(
      underline.map((item) => item.textEdit),
      [{ range: range(6, 0, 6, 1), newText: '-----' }],
    );
  });
});

test('document symbols as a flat list for clients without hierarchy', async () => {
  await withClient({}, async (client) => {
    const uri = uriOf('specs', 'zed', 'node-health.rst');
    await open(client, uri, nodeHealth());
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as {
      name: string;
      containerName?: string;
      location: { uri: string };
    }[];
    assert.equal(symbols.length, 15);
    assert.deepEqual(
      symbols.slice(0, 3).map((symbol) => [symbol.name, symbol.containerName, symbol.location.uri]),
      [
        ['Node health reporting', undefined, uri],
        ['Problem description', 'Node health reporting', uri],
        ['Use Cases', 'Problem description', uri],
      ],
    );
  });
});

test('workspace symbols over stdio: specs on disk and open specs as edited', async () => {
  await withClient(FULL_CAPABILITIES, async (client) => {
    const uri = uriOf('specs', 'zed', 'node-health.rst');
    await open(client, uri, nodeHealth());
    const found = (await client.request('workspace/symbol', { query: 'cluster locks' })) as unknown[];
    assert.deepEqual(found, [
      { name: 'Cluster locks', kind: 1, location: { uri: uriOf('specs', 'zed', 'cluster-locks.rst'), range: range(1, 0, 1, 13) } },
    ]);
    const open_ = (await client.request('workspace/symbol', { query: 'node health rep' })) as unknown[];
    assert.deepEqual(open_, [{ name: 'Node health reporting', kind: 1, location: { uri, range: range(7, 0, 7, 21) } }]);
    const all = (await client.request('workspace/symbol', { query: '' })) as { name: string }[];
    assert.equal(all.length, 17);
  });
});

test('workspace symbols take the specs a check takes: the include and exclude of .rst-specs.json', async () => {
  const configured = mkdtempSync(join(tmpdir(), 'rst-specs-symbols-config-'));
  try {
    mkdirSync(join(configured, 'specs', 'zed'), { recursive: true });
    mkdirSync(join(configured, 'drafts'));
    writeFileSync(join(configured, 'specs', 'zed', 'cluster-locks.rst'), CLUSTER_LOCKS);
    writeFileSync(join(configured, 'specs', 'zed', 'node-health.rst'), nodeHealth());
    writeFileSync(join(configured, 'drafts', 'quotas.rst'), '======\nQuotas\n======\n');
    writeFileSync(
      join(configured, '.rst-specs.json'),
      '{ "include": ["specs/**/*.rst", "drafts/*.rst"], "exclude": ["**/cluster-locks.rst"] }',
    );
    const client = new TestClient();
    try {
      await client.initialize(configured, { textDocument: FULL_CAPABILITIES });
      assert.deepEqual(await client.request('workspace/symbol', { query: 'cluster locks' }), []);
      assert.deepEqual(await client.request('workspace/symbol', { query: 'quotas' }), [
        {
          name: 'Quotas',
          kind: 1,
          location: { uri: pathToFileURL(join(configured, 'drafts', 'quotas.rst')).toString(), range: range(1, 0, 1, 6) },
        },
      ]);
      const titles = ((await client.request('workspace/symbol', { query: '' })) as { name: string; kind: number }[]).filter(
        (symbol) => symbol.kind === 1,
      );
      assert.deepEqual(titles.map((symbol) => symbol.name).sort(), ['Node health reporting', 'Quotas']);
    } finally {
      await client.shutdown();
    }
  } finally {
    rmSync(configured, { recursive: true, force: true });
  }
});
