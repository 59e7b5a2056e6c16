// The docs-gate rules where files come through the client (the web build, virtual workspaces): the
// spec's doc/source/conf.py is listed and read through `rst-specs/readDirectory` and
// `rst-specs/readFile`, so its extensions and rst_prolog count as on disk; a conf.py that can't be
// read makes every directive, role and substitution possible (nothing reported unknown).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from './client';

let root: string;
const SPEC = ['=====', 'Title', '=====', '', '.. custom-thing::', '', '   body', '', 'Uses |nova| and |other|.', ''].join('\n');

before(() => {
  root = mkdtempSync(join(tmpdir(), 'rst-specs-docs-client-'));
  mkdirSync(join(root, 'doc', 'source'), { recursive: true });
  mkdirSync(join(root, 'specs', 'xena'), { recursive: true });
  writeFileSync(join(root, 'specs', 'xena', 'spec.rst'), SPEC);
});
after(() => rmSync(root, { recursive: true, force: true }));

async function docsGate(conf: string | null): Promise<{ messages: string[]; asked: string[] }> {
  const confPath = join(root, 'doc', 'source', 'conf.py');
  if (conf === null) rmSync(confPath, { force: true });
  else writeFileSync(confPath, conf);
  const client = new TestClient();
  const asked: string[] = [];
  const pathOf = (uri: string) => decodeURIComponent(new URL(uri).pathname);
  client.connection.onRequest('rst-specs/readDirectory', ({ uri }: { uri: string }) => {
    try {
      return readdirSync(pathOf(uri));
    } catch {
      return null;
    }
  });
  client.connection.onRequest('rst-specs/readFile', ({ uri }: { uri: string }) => {
    asked.push(pathOf(uri).slice(root.length));
    // a conf.py the client can't give (it can list it)
    if (conf === 'unreadable' && pathOf(uri).endsWith('conf.py')) return null;
    try {
      return statSync(pathOf(uri)).isFile() ? { text: readFileSync(pathOf(uri), 'utf8') } : null;
    } catch {
      return null;
    }
  });
  try {
    await client.initialize(root, { initializationOptions: { fileAccess: true } });
    const uri = `vscode-test-web://mount${join(root, 'specs', 'xena', 'spec.rst')}`;
    const published = client.nextDiagnostics(uri);
    await client.open(uri, SPEC);
    const messages = (await published).diagnostics
      .filter((d) => /^rst-(directive|reference)$/.test(String(d.code)))
      .map((d) => `${d.code}: ${d.message}`);
    return { messages, asked };
  } finally {
    await client.shutdown();
  }
}

test('through the client: conf.py in doc/source is read (its extensions, its rst_prolog)', async () => {
  const strict = await docsGate("extensions = ['sphinx.ext.todo']\nrst_prolog = '''\n.. |nova| replace:: Nova\n'''\n");
  assert.ok(strict.asked.includes('/doc/source/conf.py'), strict.asked.join('\n'));
  assert.deepEqual(strict.messages, [
    'rst-directive: Unknown directive type "custom-thing".',
    'rst-reference: Undefined substitution referenced: "other".',
  ]);
  // an extension the table doesn't know may define the directive
  const custom = await docsGate("extensions = ['ext.custom']\nrst_prolog = '.. |nova| replace:: Nova'\n");
  assert.deepEqual(custom.messages, ['rst-reference: Undefined substitution referenced: "other".']);
});

test('through the client: a conf.py that cannot be read reports nothing unknown; no conf.py is no docs tree', async () => {
  assert.deepEqual((await docsGate('unreadable')).messages, []);
  // no conf.py anywhere: the common extensions, and the spec's own substitutions (as the CLI does)
  assert.deepEqual((await docsGate(null)).messages, [
    'rst-directive: Unknown directive type "custom-thing".',
    'rst-reference: Undefined substitution referenced: "nova".',
    'rst-reference: Undefined substitution referenced: "other".',
  ]);
});
