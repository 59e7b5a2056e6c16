// What the server reads from disk, through the real bundle: workspace folders written with a
// trailing slash, links out of the workspace, links in a loop, devices and pipes, files over the
// size limit, config files that are links or nested too deep, and a URI that is not a file's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanSpec, replaceLine } from '../helpers';
import { TestClient } from './client';

let root: string;
let outside: string;
const uri = (filePath: string) => pathToFileURL(filePath).toString();
const OUTSIDE_TEMPLATE = 'Outside Title\n=============\n\nSecret Section\n--------------\n\nText.\n';

before(() => {
  root = mkdtempSync(join(tmpdir(), 'rst-specs-fs-'));
  outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'template.rst'), OUTSIDE_TEMPLATE);
  writeFileSync(join(outside, 'secret.rst'), OUTSIDE_TEMPLATE);
  writeFileSync(join(outside, 'secret.json'), 'SECRET_TOKEN=abcdefghijklmnopqrstuvwxyz\n');
});

after(() => rmSync(root, { recursive: true, force: true }));

/** A workspace folder below `root` with `files` (path → text, or a link target with `link:`). */
function workspace(name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    const target = join(folder, file);
    mkdirSync(join(target, '..'), { recursive: true });
    if (content.startsWith('link:')) symlinkSync(content.slice(5), target);
    else writeFileSync(target, content);
  }
  return folder;
}

test('a workspace folder URI with a trailing slash still confines templates, and "Check all specs" finds its specs', async () => {
  const folder = workspace('slash', { 'specs/on-disk.rst': cleanSpec() });
  const client = new TestClient();
  try {
    await client.initialize(folder, { folderUri: `${uri(folder)}/` });
    const specUri = uri(join(folder, 'specs', 'open.rst'));
    const published = client.nextDiagnostics(specUri);
    await client.open(specUri, `.. rst-specs: template=${join(outside, 'template.rst')}\n\n${cleanSpec()}`);
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'template').map((d) => d.message),
      [
        `Using the bundled Senlin template: the template ${join(outside, 'template.rst')} is outside the workspace folder, so it was not read.`,
      ],
    );
    assert.equal(diagnostics.filter((d) => /Secret Section|Outside Title/.test(d.message)).length, 0);
    const result = await client.request('workspace/executeCommand', {
      command: 'rst-specs.server.checkFiles',
      arguments: [{ uris: [uri(join(folder, 'specs', 'on-disk.rst'))] }],
    });
    assert.deepEqual(result, {
      checked: 1,
      specs: 1,
      problems: 1,
      byRule: { 'blueprint-url': { count: 1, severity: 'warning' } },
      unreadable: [],
    });
  } finally {
    await client.shutdown();
  }
});

test(
  '"Check all specs": each real file once at its real path; links out, devices, pipes and loops are not read; a bad URI skips alone',
  { timeout: 30_000 },
  async () => {
    const approved = join('specs', '2023.1', 'approved');
    const folder = workspace('links', {
      [join(approved, 'real.rst')]: replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. '),
      [join('doc', 'source', 'specs', '2023.1', 'approved')]: 'link:../../../../specs/2023.1/approved',
      [join(approved, 'leak.rst')]: `link:${join(outside, 'secret.rst')}`,
      [join(approved, 'random.rst')]: 'link:/dev/urandom',
      [join(approved, 'self.rst')]: 'link:self.rst',
    });
    const fifo = join(folder, approved, 'pipe.rst');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const client = new TestClient();
    try {
      await client.initialize(folder);
      const realUri = uri(join(folder, approved, 'real.rst'));
      const published = client.nextDiagnostics(realUri);
      const uris = [
        uri(join(folder, 'doc', 'source', approved, 'real.rst')),
        realUri,
        uri(join(folder, approved, 'leak.rst')),
        uri(join(folder, approved, 'random.rst')),
        uri(fifo),
        uri(join(folder, approved, 'self.rst')),
        'file://elsewhere/specs/x.rst',
        'file:///%E0%A4%A.rst',
        'untitled:Untitled-1',
      ];
      const result = await client.request('workspace/executeCommand', { command: 'rst-specs.server.checkFiles', arguments: [{ uris }] });
      assert.deepEqual(result, {
        checked: 9,
        specs: 1,
        problems: 2,
        byRule: { 'blueprint-url': { count: 1, severity: 'warning' }, 'trailing-whitespace': { count: 1, severity: 'error' } },
        unreadable: [
          `${fifo}: not a regular file (a device, pipe or socket), so it was not read`,
          `${join(folder, approved, 'self.rst')}: a loop of symbolic links`,
        ],
      });
      assert.deepEqual((await published).diagnostics.map((d) => d.code).sort(), ['blueprint-url', 'trailing-whitespace']);
      assert.deepEqual(
        client.published.map((p) => p.uri),
        [realUri],
      );
    } finally {
      await client.shutdown();
    }
  },
);

test('config files that are links out or in a loop, or nested too deep, and a template over 20 MB: one problem each, the specs still checked', async () => {
  const cases = [
    {
      name: 'config-out',
      config: `link:${join(outside, 'secret.json')}`,
      message: (folder: string) => `cannot be read: it is a link to a file outside ${folder}, so it was not read`,
    },
    { name: 'config-loop', config: 'link:.rst-specs.json', message: () => 'cannot be read: a loop of symbolic links' },
    {
      name: 'config-deep',
      config: `{ "include": ${'['.repeat(5000)}`,
      message: () => 'not valid JSON: values are nested more than 64 levels deep',
    },
  ];
  const folders = cases.map((entry) => workspace(entry.name, { '.rst-specs.json': entry.config, 'specs/x.rst': cleanSpec() }));
  const big = workspace('big-template', { 'specs/x.rst': cleanSpec(), 'specs/template.rst': '' });
  truncateSync(join(big, 'specs', 'template.rst'), 21 * 1024 * 1024);
  const client = new TestClient();
  try {
    await client.initialize(folders[0], { moreFolders: [...folders.slice(1), big] });
    for (const [index, entry] of cases.entries()) {
      const folder = folders[index];
      const configProblems = client.nextDiagnostics(uri(join(folder, '.rst-specs.json')));
      const spec = client.nextDiagnostics(uri(join(folder, 'specs', 'x.rst')));
      await client.open(uri(join(folder, 'specs', 'x.rst')), cleanSpec());
      assert.deepEqual(
        (await configProblems).diagnostics.map((d) => d.message),
        [entry.message(folder)],
        entry.name,
      );
      assert.deepEqual(
        (await spec).diagnostics.map((d) => d.code),
        ['blueprint-url'],
        entry.name,
      );
    }
    const spec = client.nextDiagnostics(uri(join(big, 'specs', 'x.rst')));
    await client.open(uri(join(big, 'specs', 'x.rst')), cleanSpec());
    const template = join(big, 'specs', 'template.rst');
    assert.deepEqual(
      (await spec).diagnostics.filter((d) => d.code === 'template').map((d) => d.message),
      [`Using the bundled Senlin template: the template ${template} cannot be read (larger than 20 MB (21.0 MB), so it was not read).`],
    );
    assert.equal(client.stderr.join(''), '');
  } finally {
    await client.shutdown();
  }
});
