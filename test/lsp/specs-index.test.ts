// The specs explorer's index over a real server: a temporary copy of ../shared/repos/nova-specs
// (each spec once, though doc/source/specs links to the same files), and a small repo whose files change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareReleasesNewestFirst, explorerTree } from '../../server/src/repo/explorer';
import { sharedRoot } from '../helpers';
import { TestClient } from './client';

const novaSpecs = join(sharedRoot, 'repos', 'nova-specs');

interface Tree {
  releases: {
    release: string;
    problems: number;
    specCount: number;
    states: { state: string; problems: number; specs: { uri: string; title: string; problems: number; errors: number }[] }[];
  }[];
  indexing: boolean;
  specs: number;
}

/** The tree once the index is complete. */
async function indexedTree(client: TestClient, onlyProblems = false): Promise<Tree> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const tree = await client.request<Tree>('rst-specs/specsTree', { onlyProblems });
    if (!tree.indexing) return tree;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the index did not finish');
}

test('explorer model: releases newest first, then backlog and abandoned; states approved, implemented', () => {
  assert.deepEqual(['backlog', 'zed', '2023.1', 'abandoned', 'yoga', '2024.2'].sort(compareReleasesNewestFirst), [
    '2024.2',
    '2023.1',
    'zed',
    'yoga',
    'backlog',
    'abandoned',
  ]);
  const spec = (release: string, state: string, title: string, problems: number) => ({
    file: `/r/specs/${release}/${state}/${title}.rst`,
    specsFolder: '/r/specs',
    release,
    state,
    title,
    errors: 0,
    problems,
  });
  const tree = explorerTree([spec('zed', 'implemented', 'B', 0), spec('zed', 'approved', 'C', 2), spec('2023.1', 'approved', 'A', 0)]);
  assert.deepEqual(
    tree.map((release) => [release.release, release.specCount, release.problems, release.states.map((state) => state.state)]),
    [
      ['2023.1', 1, 0, ['approved']],
      ['zed', 2, 2, ['approved', 'implemented']],
    ],
  );
  assert.deepEqual(
    explorerTree([spec('zed', 'implemented', 'B', 0), spec('zed', 'approved', 'C', 2)], true).map((release) => release.specCount),
    [1],
  );
});

test(
  'nova-specs: every spec once, releases newest first, titles from the specs',
  { skip: !existsSync(novaSpecs) && 'no ../shared/repos/nova-specs' },
  async () => {
    const root = mkdtempSync(join(tmpdir(), 'rst-specs-index-'));
    const client = new TestClient();
    try {
      const copy = join(root, 'nova-specs');
      cpSync(novaSpecs, copy, { recursive: true });
      // As in a git checkout with links: doc/source/specs/<release>/approved links to specs/<release>/approved.
      rmSync(join(copy, 'doc/source/specs/2024.1/approved'));
      symlinkSync('../../../../specs/2024.1/approved', join(copy, 'doc/source/specs/2024.1/approved'));
      await client.initialize(copy);
      const tree = await indexedTree(client);
      const specs = tree.releases.flatMap((release) => release.states.flatMap((state) => state.specs));
      const uris = specs.map((spec) => spec.uri);
      assert.equal(new Set(uris).size, uris.length, 'each spec once');
      const inFolders = readdirSync(join(copy, 'specs'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap(({ name: release }) => ['approved', 'implemented', ''].map((state) => join(copy, 'specs', release, state)))
        .filter((folder) => existsSync(folder))
        .flatMap((folder) =>
          readdirSync(folder).filter((name) => name.endsWith('.rst') && name !== 'index.rst' && !name.endsWith('-template.rst')),
        );
      assert.equal(specs.length, inFolders.length);
      assert.equal(tree.specs, specs.length);
      assert.ok(
        uris.every((uri) => uri.startsWith(pathToFileURL(join(copy, 'specs')).toString())),
        'no path through doc/source',
      );
      const names = tree.releases.map((release) => release.release);
      assert.deepEqual(names.slice(0, 3), ['2026.2', '2026.1', '2025.2'], '2027.1 has no spec yet');
      assert.deepEqual(names.slice(-2), ['backlog', 'abandoned']);
      assert.ok(names.indexOf('zed') < names.indexOf('juno'));
      const shards = specs.find((spec) => spec.uri.endsWith('/specs/2024.1/implemented/ironic-shards.rst'));
      assert.equal(shards?.title, 'Ironic Shards');
      const withProblems = await indexedTree(client, true);
      const count = withProblems.releases.reduce((total, release) => total + release.specCount, 0);
      assert.equal(count, specs.filter((spec) => spec.problems > 0).length);
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  },
);

test('a spec saved, changed or deleted on disk: the index follows the file events', async () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-index-'));
  const client = new TestClient();
  try {
    mkdirSync(join(root, 'specs/pike/approved'), { recursive: true });
    writeFileSync(join(root, 'tox.ini'), '');
    writeFileSync(join(root, 'specs/pike/approved/a.rst'), 'Alpha\n=====\n\nText.\n');
    await client.initialize(root);
    let tree = await indexedTree(client);
    assert.deepEqual(
      tree.releases.map((release) => [
        release.release,
        release.states.map((state) => [state.state, state.specs.map((spec) => spec.title)]),
      ]),
      [['pike', [['approved', ['Alpha']]]]],
    );
    writeFileSync(join(root, 'specs/pike/b.rst'), 'Beta\n====\n\nText.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(root, 'specs/pike/b.rst')).toString(), type: 1 }],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    tree = await indexedTree(client);
    const beta = tree.releases[0].states.find((state) => state.state === '')?.specs[0];
    assert.equal(beta?.title, 'Beta');
    assert.ok((beta?.errors ?? 0) >= 1, 'spec-location');
    // An open spec counts as the editor holds it, once typing pauses.
    const uri = pathToFileURL(join(root, 'specs/pike/approved/a.rst')).toString();
    await client.open(uri, 'Alpha\n=====\n\nText.\n');
    await client.change(uri, 2, [{ range: { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } }, text: '   ' }]);
    const problemsOfAlpha = async () =>
      (await indexedTree(client)).releases[0].states.find((state) => state.state === 'approved')?.specs[0].problems;
    const before = (await indexedTree(client)).releases[0].states.find((state) => state.state === 'approved')!.specs[0].problems;
    for (let attempt = 0; attempt < 50 && (await problemsOfAlpha()) === before; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await problemsOfAlpha(), before + 1, 'the trailing spaces typed count');
    rmSync(join(root, 'specs/pike/b.rst'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(root, 'specs/pike/b.rst')).toString(), type: 3 }],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    tree = await indexedTree(client);
    assert.equal(tree.specs, 1);
  } finally {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  }
});
