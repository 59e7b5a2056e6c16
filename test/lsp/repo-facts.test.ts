// The language server reads a spec's repository as the CLI does: the optional sections of its
// tests/test_titles.py (as text), and, in the background, the API names its other specs use
// (rest-url), with the quick fix that lists a name in the config file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { repoRoot } from '../helpers';
import { spec } from '../rules/rest/helpers';
import { TestClient, type PublishedDiagnostics } from './client';

const NOVA_CHECK = `import collections

OPTIONAL_SECTIONS = ("History",)
OPTIONAL_SUBSECTIONS = collections.defaultdict(lambda: ('Feature Liaison',))
OPTIONAL_SUBSECTIONS['queens'] = ('Upgrade impact',)
`;
const messages = (p: PublishedDiagnostics) => p.diagnostics.map((d) => `${d.code}: ${d.message}`);

test("language server: the optional sections of the repo's tests/test_titles.py, and where they came from", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rst-specs-repo-facts-'));
  const client = new TestClient();
  try {
    cpSync(join(repoRoot, 'test', 'fixtures', 'repos', 'nova-specs', 'specs'), join(dir, 'specs'), { recursive: true });
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'test_titles.py'), NOVA_CHECK);
    await client.initialize(dir);
    const open = async (path: string) => {
      const uri = pathToFileURL(join(dir, path)).toString();
      const published = client.nextDiagnostics(uri);
      await client.open(uri, readFileSync(join(dir, path), 'utf8'));
      return { uri, diagnostics: messages(await published) };
    };
    assert.deepEqual((await open('specs/queens/approved/queens-approved.rst')).diagnostics, []);
    assert.deepEqual((await open('specs/queens/implemented/queens-no-liaison.rst')).diagnostics, [
      "missing-section: Missing section 'Feature Liaison': the template puts it after 'Work Items'.",
    ]);
    const { uri, diagnostics } = await open('specs/2023.1/approved/antelope-approved.rst');
    assert.deepEqual(diagnostics, []);
    const info = await client.request<Record<string, unknown>>('rst-specs/templateFor', { uri });
    assert.deepEqual([info.optionalSections, info.optionalSectionsSource], [['History', 'Feature Liaison'], 'tests/test_titles.py']);
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('language server: rest-url learns the names of the other specs in the background, and offers to list a new one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rst-specs-repo-facts-'));
  const client = new TestClient();
  try {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'specs', 'rocky', 'implemented'), { recursive: true });
    mkdirSync(join(dir, 'specs', 'stein', 'approved'), { recursive: true });
    writeFileSync(join(dir, 'specs', 'rocky', 'implemented', 'audit-templates.rst'), spec('\n* `GET /v1/audit_templates/{uuid}`\n'));
    const text = spec('\n* `PATCH /v1/audit_templates/{uuid}`\n* `POST /v1/goal_groups`\n');
    const path = join(dir, 'specs', 'stein', 'approved', 'goal-groups.rst');
    writeFileSync(path, text);
    await client.initialize(dir, { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
    const uri = pathToFileURL(path).toString();
    const hasRestUrl = (p: PublishedDiagnostics) => p.diagnostics.some((d) => d.code === 'rest-url');
    const published = client.nextDiagnostics(uri, hasRestUrl, 10_000);
    await client.open(uri, text);
    const withNames = await published;
    assert.deepEqual(
      withNames.diagnostics.filter((d) => d.code === 'rest-url').map((d) => d.message),
      ["URL '/v1/goal_groups' has an underscore in 'goal_groups': the template asks for hyphens in URLs, not underscores."],
    );
    const diagnostic = withNames.diagnostics.find((d) => d.code === 'rest-url') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const configUri = pathToFileURL(join(dir, '.rst-specs.json')).toString();
    const treat = actions.find((action) => action.title === "Treat 'goal_groups' as an existing API name in this repository");
    assert.deepEqual(treat?.edit?.documentChanges?.[0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    // The name listed in the config file: the warning goes.
    writeFileSync(join(dir, '.rst-specs.json'), '{ "rest": { "existingNames": ["goal_groups"] } }\n');
    const cleared = client.nextDiagnostics(uri, (p) => !hasRestUrl(p), 10_000);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    assert.deepEqual(
      messages(await cleared).filter((m) => m.startsWith('rest-url')),
      [],
    );
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
