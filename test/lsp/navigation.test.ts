// Go to definition, find references, rename and file links over a real server, in a repo laid out
// like nova-specs (doc/source with conf.py, specs linked into it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client';

let root: string;
const uriOf = (file: string) => pathToFileURL(join(root, file)).toString();
const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const SPEC = [
  'Spec',
  '====',
  '',
  'See :ref:`liaisons`, :ref:`below <local-label>`, local-label_, [#note]_, [CIT]_,',
  '|name| and :doc:`/other`.',
  '',
  '.. _local-label:',
  '',
  'Section',
  '-------',
  '',
  '.. [#note] A note.',
  '.. [CIT] A citation.',
  '.. |name| replace:: Name',
  '.. image:: pic.png',
  '',
  'Again [#Note]_, [cit]_ and [1]_.', // line 16
  '',
  '.. [1] Numbered.',
  '',
].join('\n');
const OTHER = 'Other\n=====\n\n.. _liaisons:\n\nLiaisons\n--------\n\nSee :ref:`liaisons`.\n';

before(() => {
  root = mkdtempSync(join(tmpdir(), 'rst-specs-nav-'));
  const files: Record<string, string> = {
    'tox.ini': '',
    'doc/source/conf.py': 'extensions = []\n',
    'doc/source/index.rst': 'Index\n=====\n',
    'doc/source/other.rst': OTHER,
    'specs/pike/approved/spec.rst': SPEC,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  mkdirSync(join(root, 'doc/source/specs/pike'), { recursive: true });
  symlinkSync('../../../../specs/pike/approved', join(root, 'doc/source/specs/pike/approved'));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function withSpec(run: (client: TestClient, uri: string) => Promise<void>) {
  const client = new TestClient();
  try {
    await client.initialize(root);
    const uri = uriOf('specs/pike/approved/spec.rst');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, SPEC);
    await published;
    await run(client, uri);
  } finally {
    await client.shutdown();
  }
}

test('go to definition: in the spec, and across the docs tree for :ref: and :doc:', () =>
  withSpec(async (client, uri) => {
    const definition = (line: number, character: number) =>
      client.request('textDocument/definition', { textDocument: { uri }, position: { line, character } });
    assert.deepEqual(await definition(3, 12), [{ uri: uriOf('doc/source/other.rst'), range: at(3, 4, 12) }], ':ref:`liaisons`');
    assert.deepEqual(await definition(3, 36), [{ uri, range: at(6, 4, 15) }], ':ref:`below <local-label>`');
    assert.deepEqual(await definition(3, 50), [{ uri, range: at(6, 4, 15) }], 'local-label_');
    assert.deepEqual(await definition(3, 64), [{ uri, range: at(11, 4, 9) }], '[#note]_');
    assert.deepEqual(await definition(3, 74), [{ uri, range: at(12, 4, 7) }], '[CIT]_');
    assert.deepEqual(await definition(4, 2), [{ uri, range: at(13, 4, 8) }], '|name|');
    assert.deepEqual(await definition(4, 20), [{ uri: uriOf('doc/source/other.rst'), range: at(0, 0, 0) }], ':doc:`/other`');
    assert.equal(await definition(0, 1), null);
  }));

test('find references of a label: the spec and the other documents of the tree', () =>
  withSpec(async (client, uri) => {
    const references = await client.request('textDocument/references', {
      textDocument: { uri },
      position: { line: 3, character: 12 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(references, [
      { uri, range: at(3, 10, 18) },
      { uri: uriOf('doc/source/other.rst'), range: at(3, 4, 12) },
      { uri: uriOf('doc/source/other.rst'), range: at(8, 10, 18) },
    ]);
    const local = await client.request('textDocument/references', {
      textDocument: { uri },
      position: { line: 6, character: 6 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(local, [
      { uri, range: at(3, 34, 45) },
      { uri, range: at(3, 49, 60) },
    ]);
  }));

test('rename a label: its definition and every reference, in every file', () =>
  withSpec(async (client, uri) => {
    const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 3, character: 12 } });
    assert.deepEqual(prepared, { range: at(3, 10, 18), placeholder: 'liaisons' });
    const edit = await client.request('textDocument/rename', {
      textDocument: { uri },
      position: { line: 3, character: 12 },
      newName: 'feature-liaisons',
    });
    assert.deepEqual(edit, {
      changes: {
        [uri]: [{ range: at(3, 10, 18), newText: 'feature-liaisons' }],
        [uriOf('doc/source/other.rst')]: [
          { range: at(3, 4, 12), newText: 'feature-liaisons' },
          { range: at(8, 10, 18), newText: 'feature-liaisons' },
        ],
      },
    });
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: { line: 3, character: 12 }, newName: 'two words' }),
      /is not a plain name/,
    );
  }));

test('rename a footnote label and a citation: the definition and every reference, as docutils matches them (case aside)', () =>
  withSpec(async (client, uri) => {
    const prepare = (line: number, character: number) =>
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line, character } });
    const rename = (line: number, character: number, newName: string) =>
      client.request('textDocument/rename', { textDocument: { uri }, position: { line, character }, newName });
    // The label without its '#': `[#note]` becomes `[#remark]`.
    assert.deepEqual(await prepare(3, 66), { range: at(3, 65, 69), placeholder: 'note' });
    assert.deepEqual(await prepare(16, 9), { range: at(16, 8, 12), placeholder: 'Note' });
    assert.deepEqual(await rename(11, 6, 'remark'), {
      changes: {
        [uri]: [
          { range: at(3, 65, 69), newText: 'remark' },
          { range: at(11, 5, 9), newText: 'remark' },
          { range: at(16, 8, 12), newText: 'remark' },
        ],
      },
    });
    assert.deepEqual(await prepare(16, 18), { range: at(16, 17, 20), placeholder: 'cit' });
    assert.deepEqual(await rename(16, 18, 'Ref-2'), {
      changes: {
        [uri]: [
          { range: at(3, 74, 77), newText: 'Ref-2' },
          { range: at(12, 4, 7), newText: 'Ref-2' },
          { range: at(16, 17, 20), newText: 'Ref-2' },
        ],
      },
    });
    // A numbered footnote has no label to rename.
    assert.equal(await prepare(16, 28), null);
    assert.equal(await prepare(18, 4), null);
    // Targets, footnote labels and citations are one namespace in docutils ("Duplicate explicit target name").
    await assert.rejects(rename(3, 66, 'Local-Label'), /'Local-Label' already names a target of this spec \(line 7\)/);
    await assert.rejects(rename(12, 5, 'note'), /'note' already names a footnote of this spec \(line 12\)/);
    await assert.rejects(rename(6, 6, 'liaisons'), /'liaisons' is already a label of the docs tree/);
    // The same name in another case is the same name: allowed.
    assert.deepEqual(await rename(11, 6, 'NOTE'), {
      changes: {
        [uri]: [
          { range: at(3, 65, 69), newText: 'NOTE' },
          { range: at(11, 5, 9), newText: 'NOTE' },
          { range: at(16, 8, 12), newText: 'NOTE' },
        ],
      },
    });
  }));

test('document links: :doc: to its file, images beside the spec', () =>
  withSpec(async (client, uri) => {
    const links = await client.request<{ range: unknown; target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map(({ range, target }) => ({ range, target })),
      [
        { range: at(4, 17, 23), target: uriOf('doc/source/other.rst') },
        { range: at(14, 11, 18), target: uriOf('specs/pike/approved/pic.png') },
      ],
    );
  }));
