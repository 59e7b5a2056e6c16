// Broken templates, over stdio: a template that is missing, empty, binary, without sections, a
// folder, or that changes to another file while specs are open. Each time: one clear `template`
// diagnostic, the bundled template used for the rest, and no crash.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';
import { cleanSpec } from '../helpers';
import { type PublishedDiagnostics, TestClient } from '../lsp/client';
import { hasBundle } from './config';

const skip = !hasBundle && 'npm run build first';
let workspace: string;
const bundled = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8');

before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'rst-specs-templates-'));
  mkdirSync(join(workspace, 'specs'));
  mkdirSync(join(workspace, 'folder-template.rst'));
  writeFileSync(join(workspace, 'empty-template.rst'), '');
  writeFileSync(join(workspace, 'binary-template.rst'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0xff, 0xfe, 0, 10]));
  writeFileSync(join(workspace, 'plain-template.rst'), 'Just a paragraph, and no section at all.\n');
  writeFileSync(join(workspace, 'adornments-template.rst'), '=====\n-----\n=====\n~~~~~\n');
});
after(() => rmSync(workspace, { recursive: true, force: true }));

const codes = (published: PublishedDiagnostics) => published.diagnostics.map((diagnostic) => diagnostic.code);

/** Opens the clean spec (its blueprint URL names its file) in a folder of its own under specs/. */
async function openSpec(client: TestClient, folder: string, text = cleanSpec()): Promise<{ uri: string; published: PublishedDiagnostics }> {
  mkdirSync(join(workspace, 'specs', folder), { recursive: true });
  const uri = pathToFileURL(join(workspace, 'specs', folder, 'clean-spec.rst')).toString();
  const published = client.nextDiagnostics(uri, () => true, 10_000);
  await client.open(uri, text);
  return { uri, published: await published };
}

for (const [what, file, reason] of [
  ['missing', 'no-such-template.rst', /does not exist/],
  ['empty', 'empty-template.rst', /no sections/],
  ['binary', 'binary-template.rst', /binary/],
  ['without sections', 'plain-template.rst', /no sections/],
  ['made of adornments only', 'adornments-template.rst', /no sections/],
  ['a folder', 'folder-template.rst', /not a file/],
] as const) {
  test(`a template that is ${what}: one clear diagnostic, the bundled template used`, { skip }, async () => {
    const client = new TestClient();
    try {
      client.configuration = { templatePath: file };
      await client.initialize(workspace);
      const { published } = await openSpec(client, file);
      // The clean spec follows the bundled template: the template problem is all there is.
      assert.deepEqual(codes(published), ['template']);
      const [diagnostic] = published.diagnostics;
      assert.match(diagnostic.message, /^Using the bundled Senlin template: /);
      assert.ok(diagnostic.message.includes(file), diagnostic.message);
      assert.match(diagnostic.message, reason);
      assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    } finally {
      await client.shutdown();
    }
    assert.equal(client.stderr.join(''), '');
  });
}

test('a template found beside the specs that is broken: one diagnostic, the bundled template used', { skip }, async () => {
  const folder = join(workspace, 'found', 'specs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'template.rst'), '\u0000\u0000');
  const client = new TestClient();
  try {
    await client.initialize(join(workspace, 'found'));
    const uri = pathToFileURL(join(folder, 'clean-spec.rst')).toString();
    const published = client.nextDiagnostics(uri, () => true, 10_000);
    await client.open(uri, cleanSpec());
    assert.deepEqual(codes(await published), ['template']);
  } finally {
    await client.shutdown();
  }
});

test('the template changes to another file, is rewritten, then deleted, while specs are open', { skip, timeout: 60_000 }, async () => {
  const first = join(workspace, 'first-template.rst');
  const second = join(workspace, 'second-template.rst');
  writeFileSync(first, bundled.replace('\nTesting\n=======\n', '\nTests\n=====\n'));
  writeFileSync(second, bundled);
  const client = new TestClient();
  try {
    client.configuration = { templatePath: first };
    await client.initialize(workspace);
    const specs = await Promise.all(['one', 'two'].map((name) => openSpec(client, name)));
    for (const { published } of specs) assert.ok(codes(published).includes('title-mismatch'), `first: ${codes(published)}`);

    // Another template in the settings.
    client.configuration = { templatePath: second };
    let next = specs.map(({ uri }) => client.nextDiagnostics(uri, () => true, 10_000));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (const published of await Promise.all(next)) assert.deepEqual(codes(published), []);

    // The template rewritten on disk: a section gone, so the specs' one is unknown.
    writeFileSync(second, bundled.replace('\nTesting\n=======\n', '\n'));
    next = specs.map(({ uri }) => client.nextDiagnostics(uri, () => true, 10_000));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(second).toString(), type: 2 }],
    });
    for (const published of await Promise.all(next))
      assert.ok(codes(published).includes('unknown-section'), `rewritten: ${codes(published)}`);

    // Deleted: one diagnostic, and the bundled template again.
    unlinkSync(second);
    next = specs.map(({ uri }) => client.nextDiagnostics(uri, () => true, 10_000));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(second).toString(), type: 3 }],
    });
    for (const published of await Promise.all(next)) assert.deepEqual(codes(published), ['template']);

    // And back.
    writeFileSync(second, bundled);
    next = specs.map(({ uri }) => client.nextDiagnostics(uri, () => true, 10_000));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(second).toString(), type: 1 }],
    });
    for (const published of await Promise.all(next)) assert.deepEqual(codes(published), []);
  } finally {
    await client.shutdown();
  }
  assert.equal(client.stderr.join(''), '');
});
