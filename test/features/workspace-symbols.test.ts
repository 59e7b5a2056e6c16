import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../server/src/rst/parse';
import { type DirectoryEntry, matchesQuery, WorkspaceSymbolIndex, type WorkspaceFiles } from '../../server/src/features/workspace-symbols';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../server/src/spec-files';
import { range } from '../helpers';

const SPEC_A = '===========\nNode health\n===========\n\nProblem description\n===================\n\nNone\n';
const SPEC_B = '=============\nCluster locks\n=============\n\nProposed change\n===============\n\nAlternatives\n------------\n\nNone\n';

/** An in-memory tree: paths to file contents; counts what the index reads. */
class MemoryFiles implements WorkspaceFiles {
  readonly reads: string[] = [];
  listings = 0;
  constructor(readonly files: Map<string, { text: string; stamp: string }>) {}
  async list(folder: string): Promise<DirectoryEntry[]> {
    this.listings++;
    const names = new Map<string, boolean>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(folder + '/')) continue;
      const [name, ...rest] = file.slice(folder.length + 1).split('/');
      names.set(name, rest.length > 0 || names.get(name) === true);
    }
    return [...names].map(([name, isDirectory]) => ({ name, isDirectory, isFile: !isDirectory }));
  }
  async stamp(file: string) {
    return this.files.get(file)?.stamp;
  }
  async read(file: string) {
    this.reads.push(file);
    return this.files.get(file)?.text;
  }
}

const scope = { folder: '/ws', include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE };

function workspace() {
  return new MemoryFiles(
    new Map([
      ['/ws/specs/zed/approved/node-health.rst', { text: SPEC_A, stamp: '1' }],
      ['/ws/specs/zed/approved/cluster-locks.rst', { text: SPEC_B, stamp: '1' }],
      ['/ws/specs/zed-template.rst', { text: SPEC_A, stamp: '1' }],
      ['/ws/specs/index.rst', { text: SPEC_A, stamp: '1' }],
      ['/ws/doc/notes.rst', { text: SPEC_A, stamp: '1' }],
      ['/ws/node_modules/pkg/specs/x.rst', { text: SPEC_A, stamp: '1' }],
      ['/ws/.git/specs/y.rst', { text: SPEC_A, stamp: '1' }],
    ]),
  );
}

test('workspace symbols: the section titles of the spec files only (templates, index, node_modules, .git left out)', async () => {
  const index = new WorkspaceSymbolIndex(workspace());
  assert.deepEqual(await index.query('', [scope]), [
    { name: 'Cluster locks', kind: 'title', file: '/ws/specs/zed/approved/cluster-locks.rst', range: range(1, 0, 1, 13) },
    {
      name: 'Proposed change',
      kind: 'section',
      containerName: 'Cluster locks',
      file: '/ws/specs/zed/approved/cluster-locks.rst',
      range: range(4, 0, 4, 15),
    },
    {
      name: 'Alternatives',
      kind: 'section',
      containerName: 'Proposed change',
      file: '/ws/specs/zed/approved/cluster-locks.rst',
      range: range(7, 0, 7, 12),
    },
    { name: 'Node health', kind: 'title', file: '/ws/specs/zed/approved/node-health.rst', range: range(1, 0, 1, 11) },
    {
      name: 'Problem description',
      kind: 'section',
      containerName: 'Node health',
      file: '/ws/specs/zed/approved/node-health.rst',
      range: range(4, 0, 4, 19),
    },
  ]);
  assert.deepEqual(
    (await index.query('nhealth', [scope])).map((entry) => entry.name),
    ['Node health'],
  );
  assert.deepEqual(
    (await index.query('CHANGE', [scope])).map((entry) => entry.name),
    ['Proposed change'],
  );
});

test('workspace symbols: the walk and the parsed files are cached; a changed stamp re-reads a file after the TTL', async () => {
  const files = workspace();
  let now = 0;
  const index = new WorkspaceSymbolIndex(files, { maxDepth: 12, maxEntries: 1000, ttlMs: 5000, maxResults: 100 }, () => now);
  await index.query('', [scope]);
  const listings = files.listings;
  assert.equal(files.reads.length, 2);
  now = 4000;
  files.files.set('/ws/specs/zed/approved/node-health.rst', { text: SPEC_A.replace(/Node health/, 'Node status'), stamp: '2' });
  assert.deepEqual(
    (await index.query('node', [scope])).map((entry) => entry.name),
    ['Node health'],
    'within the TTL: cached',
  );
  assert.equal(files.listings, listings);
  now = 6000;
  assert.deepEqual(
    (await index.query('node', [scope])).map((entry) => entry.name),
    ['Node status'],
  );
  assert.deepEqual(files.reads, [
    '/ws/specs/zed/approved/cluster-locks.rst',
    '/ws/specs/zed/approved/node-health.rst',
    '/ws/specs/zed/approved/node-health.rst',
  ]);
  files.files.delete('/ws/specs/zed/approved/cluster-locks.rst');
  now = 12000;
  assert.deepEqual(
    (await index.query('', [scope])).map((entry) => entry.name),
    ['Node status', 'Problem description'],
  );
});

test('workspace symbols: open documents as the editor has them; bounded walk; matching', async () => {
  const index = new WorkspaceSymbolIndex(workspace());
  const open = [{ file: '/ws/specs/zed/approved/node-health.rst', doc: parseSpec('=========\nEdited it\n=========\n') }];
  assert.deepEqual(
    (await index.query('', [scope], open)).map((entry) => entry.name),
    ['Edited it', 'Cluster locks', 'Proposed change', 'Alternatives'],
  );
  const shallow = new WorkspaceSymbolIndex(workspace(), { maxDepth: 1, maxEntries: 1000, ttlMs: 0, maxResults: 100 });
  assert.deepEqual(await shallow.query('', [scope]), [], 'specs/zed/approved is deeper than the walk goes');
  const few = new WorkspaceSymbolIndex(workspace(), { maxDepth: 12, maxEntries: 4, ttlMs: 0, maxResults: 100 });
  assert.deepEqual(
    (await few.query('', [scope])).map((entry) => entry.name),
    ['Node health', 'Problem description'],
    'the walk stops after 4 entries',
  );
  const capped = new WorkspaceSymbolIndex(workspace(), { maxDepth: 12, maxEntries: 1000, ttlMs: 0, maxResults: 2 });
  assert.equal((await capped.query('', [scope])).length, 2);
  assert.ok(matchesQuery('Proposed change', 'prch'));
  assert.ok(!matchesQuery('Proposed change', 'chp'));
});

test('workspace symbols: a cold index reads in slices between other work, and a cancelled refresh stops between slices', async () => {
  const tree = new Map<string, { text: string; stamp: string }>();
  for (let index = 0; index < 200; index++) tree.set(`/ws/specs/zed/approved/spec-${index}.rst`, { text: SPEC_A, stamp: '1' });
  // Answers come back on a later turn of the event loop, as the disk's do.
  class DiskLikeFiles extends MemoryFiles {
    override async read(file: string) {
      await new Promise((resolve) => setImmediate(resolve));
      return super.read(file);
    }
  }
  const files = new DiskLikeFiles(tree);
  const index = new WorkspaceSymbolIndex(files);
  let readsBeforeOtherWork = -1;
  setImmediate(() => (readsBeforeOtherWork = files.reads.length));
  const result = await index.query('', [scope]);
  assert.equal(result.length, 400);
  assert.equal(readsBeforeOtherWork, 0, 'other work ran before the first slice was read');
  const cancelledIndex = new WorkspaceSymbolIndex(new DiskLikeFiles(tree));
  let slices = 0;
  // Two slices of 16 files read, then cancelled: their 2 titles each.
  assert.equal((await cancelledIndex.query('', [scope], [], () => slices++ >= 2)).length, 2 * 16 * 2);
});
