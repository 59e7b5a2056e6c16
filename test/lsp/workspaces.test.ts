// The language server in real workspaces: multi-root (each folder its own config and templates),
// the config file under the editor settings, the template request, inline control through the
// protocol (quick fixes, completion), and files read through the client (virtual workspaces).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot, replaceLine } from '../helpers';
import { TestClient, type PublishedDiagnostics } from './client';

const repos = join(repoRoot, 'test', 'fixtures', 'repos');
let scratch: string;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rst-specs-workspaces-'));
  cpSync(repos, scratch, { recursive: true });
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const uriOf = (...parts: string[]) => pathToFileURL(join(scratch, ...parts)).toString();
const messages = (p: PublishedDiagnostics) => p.diagnostics.map((d) => `${d.code}: ${d.message}`);

async function openFile(client: TestClient, uri: string, text = readFileSync(fileURLToPath(uri), 'utf8')) {
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  return published;
}

test('multi-root: each folder uses its own config file and templates', async () => {
  const client = new TestClient();
  try {
    await client.initialize(join(scratch, 'nova-specs'), { moreFolders: [join(scratch, 'senlin'), join(scratch, 'heat-specs')] });
    // nova's .rst-specs.json: Upgrade impact optional in queens, Feature Liaison elsewhere.
    assert.deepEqual(messages(await openFile(client, uriOf('nova-specs/specs/queens/approved/queens-approved.rst'))), []);
    assert.deepEqual(messages(await openFile(client, uriOf('nova-specs/specs/queens/implemented/queens-no-liaison.rst'))), [
      "missing-section: Missing section 'Feature Liaison': the template puts it after 'Work Items'.",
    ]);
    assert.deepEqual(messages(await openFile(client, uriOf('nova-specs/specs/2023.1/approved/antelope-approved.rst'))), []);
    // Senlin has no config file: the template's own `.. rst-specs: optional` makes References optional.
    assert.deepEqual(messages(await openFile(client, uriOf('senlin/doc/specs/approved/senlin-approved.rst'))), []);
    assert.deepEqual(messages(await openFile(client, uriOf('heat-specs/specs/ocata/implemented/ocata-done.rst'))), []);

    const templateFor = (uri: string) => client.request<Record<string, unknown>>('rst-specs/templateFor', { uri });
    assert.deepEqual(await templateFor(uriOf('nova-specs/specs/2023.1/approved/antelope-approved.rst')), {
      isSpec: true,
      origin: 'found',
      path: join(scratch, 'nova-specs/specs/2023.1-antelope-template.rst'),
      uri: uriOf('nova-specs/specs/2023.1-antelope-template.rst'),
      label: 'specs/2023.1-antelope-template.rst',
      configPath: join(scratch, 'nova-specs/.rst-specs.json'),
      optionalSections: ['History', 'Feature Liaison'],
      optionalSectionsSource: '.rst-specs.json',
    });
    assert.equal(
      (await templateFor(uriOf('heat-specs/specs/ocata/implemented/ocata-done.rst'))).label,
      'specs/templates/ocata-template.rst',
    );
    const lite = await templateFor(uriOf('senlin/doc/specs/approved/senlin-approved.rst'));
    assert.equal(lite.label, 'doc/specs/template.rst');
    assert.deepEqual(await templateFor(uriOf('senlin/doc/specs/template.rst')), { isSpec: false });
  } finally {
    await client.shutdown();
  }
});

test('a template file is never checked as a spec, and a spec can name its template in a comment', async () => {
  const client = new TestClient();
  try {
    await client.initialize(join(scratch, 'senlin'), { configuration: true });
    client.configuration = { include: ['**/*.rst'] };
    assert.deepEqual(messages(await openFile(client, uriOf('senlin/doc/specs/template.rst'))), []);
    assert.deepEqual(messages(await openFile(client, uriOf('senlin/doc/specs/spec-lite-template.rst'))), []);
    const uri = uriOf('senlin/doc/specs/approved/senlin-lite.rst');
    assert.deepEqual(messages(await openFile(client, uri)), []);
    const info = await client.request<Record<string, unknown>>('rst-specs/templateFor', { uri });
    assert.equal(info.origin, 'spec');
    assert.equal(info.label, 'doc/specs/spec-lite-template.rst');
  } finally {
    await client.shutdown();
  }
});

test('settings over the config file: only where the user set them', async () => {
  const folder = join(scratch, 'precedence');
  cpSync(join(scratch, 'senlin'), folder, { recursive: true });
  writeFileSync(join(folder, '.rst-specs.json'), '{ "maxLineLength": 100, "rules": { "tab": "off" } }\n');
  const long = `${'word '.repeat(17)}end.`; // 89 characters
  const text = replaceLine(readFileSync(join(folder, 'doc/specs/senlin-draft.rst'), 'utf8'), 'Written for this spec.', `${long}\n\tTab.`);
  const uri = pathToFileURL(join(folder, 'doc/specs/senlin-draft.rst')).toString();
  const client = new TestClient();
  try {
    await client.initialize(folder);
    const codes = async (configuration: unknown) => {
      client.configuration = configuration;
      const published = client.nextDiagnostics(uri, () => true);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return (await published).diagnostics.map((d) => d.code);
    };
    assert.deepEqual(
      (await openFile(client, uri, text)).diagnostics.map((d) => d.code),
      [],
    );
    // A client that sends every setting with its default (no $userSet): the defaults do not override.
    assert.deepEqual(await codes({ maxLineLength: 79, rules: {}, optionalSections: ['History'] }), []);
    // The rst-specs extension says which settings the user set: 79, set on purpose, wins.
    assert.deepEqual(await codes({ maxLineLength: 79, rules: {}, $userSet: ['maxLineLength'] }), ['line-length']);
    // Without $userSet, a value other than the default counts as set; rules merge id by id.
    assert.deepEqual(await codes({ maxLineLength: 80, rules: { tab: 'error' } }), ['line-length', 'tab']);
    assert.deepEqual(await codes({ rules: { 'trailing-whitespace': 'off' } }), []);
  } finally {
    await client.shutdown();
  }
});

test('a config file created or changed is read again (didChangeWatchedFiles)', async () => {
  const folder = join(scratch, 'watched');
  cpSync(join(scratch, 'senlin'), folder, { recursive: true });
  const uri = pathToFileURL(join(folder, 'doc/specs/senlin-draft.rst')).toString();
  const client = new TestClient();
  try {
    await client.initialize(folder);
    const text = readFileSync(fileURLToPath(uri), 'utf8').replace('Written for this spec.', 'Tab\there.');
    assert.deepEqual(
      (await openFile(client, uri, text)).diagnostics.map((d) => d.code),
      ['tab'],
    );
    const config = join(folder, '.rst-specs.json');
    const configUri = pathToFileURL(config).toString();
    const changed = () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    writeFileSync(config, '{ "rules": { "tab": "off" },\n  "maxLineLenght": 100 }');
    let next = client.nextDiagnostics(uri, () => true);
    const problems = client.nextDiagnostics(configUri, () => true);
    await changed();
    // The valid parts apply; the problems are shown on the config file itself.
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      [],
    );
    assert.deepEqual(
      (await problems).diagnostics.map((d) => [d.message, (d.range as { start: { line: number } }).start.line]),
      [
        [
          'unknown setting "maxLineLenght"; did you mean "maxLineLength"? (known: template, include, exclude, maxLineLength, rules, optionalSections, rest, directives, roles)',
          1,
        ],
      ],
    );
    writeFileSync(config, '{ "rules": { "tab": "off" } }');
    next = client.nextDiagnostics(uri, () => true);
    const cleared = client.nextDiagnostics(configUri, () => true);
    await changed();
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      [],
    );
    assert.deepEqual((await cleared).diagnostics, []);
  } finally {
    await client.shutdown();
  }
});

test('inline control through the protocol: the disable quick fixes and completion in the comment', async () => {
  const folder = join(scratch, 'inline');
  cpSync(join(scratch, 'senlin'), folder, { recursive: true });
  const uri = pathToFileURL(join(folder, 'doc/specs/senlin-draft.rst')).toString();
  const client = new TestClient();
  try {
    await client.initialize(folder, { workspace: { workspaceEdit: { documentChanges: true } } });
    const text = readFileSync(fileURLToPath(uri), 'utf8').replace('Written for this spec.', 'Trailing. ');
    const published = await openFile(client, uri, text);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['trailing-whitespace'],
    );
    const actions = await client.request<{ title: string; kind: string; edit: { documentChanges: { edits: { newText: string }[] }[] } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics, only: ['quickfix'] } },
    );
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Remove trailing whitespace',
        'Disable trailing-whitespace for this line',
        'Disable trailing-whitespace for this file',
        'Fix all auto-fixable rst-specs problems',
      ],
    );
    assert.deepEqual(
      actions[1].edit.documentChanges[0].edits.map((e) => e.newText),
      ['.. rst-specs: disable-next-line=trailing-whitespace\n\n'],
    );

    const line = text.split('\n').indexOf('Trailing. ');
    await client.change(uri, 2, [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '.. rst-specs: disable-next-line=trai\n\n' },
    ]);
    const items = await client.request<{ label: string; textEdit: { range: unknown } }[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 36 },
    });
    // Every code (the editor filters them by the word typed, which the edit's range covers).
    const item = items.find((candidate) => candidate.label === 'trailing-whitespace');
    assert.ok(item && items.some((candidate) => candidate.label === 'template'));
    assert.deepEqual(item.textEdit.range, { start: { line, character: 32 }, end: { line, character: 36 } });
  } finally {
    await client.shutdown();
  }
});

test('virtual workspaces: templates and the config file come through the client (rst-specs/readFile)', async () => {
  const client = new TestClient();
  const asked: string[] = [];
  const pathOf = (uri: string) => decodeURIComponent(new URL(uri).pathname);
  client.connection.onRequest('rst-specs/readDirectory', ({ uri }: { uri: string }) => {
    asked.push(`dir ${pathOf(uri).slice(scratch.length)}`);
    try {
      return readdirSync(pathOf(uri));
    } catch {
      return null;
    }
  });
  client.connection.onRequest('rst-specs/readFile', ({ uri }: { uri: string }) => {
    asked.push(`file ${pathOf(uri).slice(scratch.length)}`);
    try {
      return statSync(pathOf(uri)).isFile() ? { text: readFileSync(pathOf(uri), 'utf8') } : null;
    } catch {
      return null;
    }
  });
  try {
    const root = join(scratch, 'nova-specs');
    await client.initialize(root, { initializationOptions: { fileAccess: true } });
    const virtual = (file: string) => `vscode-test-web://mount${join(root, file)}`;
    const uri = virtual('specs/queens/implemented/queens-no-liaison.rst');
    const published = await openFile(client, uri, readFileSync(join(root, 'specs/queens/implemented/queens-no-liaison.rst'), 'utf8'));
    assert.deepEqual(messages(published), ["missing-section: Missing section 'Feature Liaison': the template puts it after 'Work Items'."]);
    assert.ok(asked.includes('file /nova-specs/.rst-specs.json'), asked.join('\n'));
    assert.ok(asked.includes('file /nova-specs/specs/queens-template.rst'), asked.join('\n'));
    const info = await client.request<Record<string, unknown>>('rst-specs/templateFor', { uri });
    assert.equal(info.uri, virtual('specs/queens-template.rst'));
  } finally {
    await client.shutdown();
  }
});

test('untrusted workspaces: declared supported (rst-specs runs no code of the workspace)', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  // Everything works; at most the template setting is one an untrusted workspace may not set.
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.ok(
    untrusted.supported === true ||
      (untrusted.supported === 'limited' && untrusted.restrictedConfigurations.every((key: string) => key === 'rstSpecs.templatePath')),
    JSON.stringify(untrusted),
  );
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
  assert.equal(manifest.browser, './client/out/browser.js');
  assert.ok(
    manifest.contributes.commands.some(
      (c: { command: string; title: string }) => c.command === 'rst-specs.showTemplate' && c.title === 'Show Template for This Spec',
    ),
  );
});
