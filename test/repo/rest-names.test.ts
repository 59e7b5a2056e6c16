// rest-url in a repository: a path name with an underscore that the repository's other specs
// already use is an existing name (no warning); a new one is reported, with a quick fix that lists
// it in the config file's rest.existingNames, comments and formatting kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits } from 'jsonc-parser';
import type { Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpecDiagnostic } from '../../server/src/engine';
import { existingNameActions } from '../../server/src/lsp/api-name-action';
import type { ServerContext } from '../../server/src/lsp/context';
import type { SpecSetup } from '../../server/src/lsp/spec-setup';
import { run } from '../cli/run';
import { spec } from '../rules/rest/helpers';

const OLD = spec(`
* \`GET /v1/audit_templates/{uuid}\`
`);
const NEW = spec(`
* \`PATCH /v1/audit_templates/{uuid}\`
* \`POST /v1/goal_groups\`
`);
const NEW_THINGS = "URL '/v1/goal_groups' has an underscore in 'goal_groups': the template asks for hyphens in URLs, not underscores.";

function workspace(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rst-specs-rest-names-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'specs', 'rocky', 'implemented'), { recursive: true });
  mkdirSync(join(dir, 'specs', 'stein', 'approved'), { recursive: true });
  writeFileSync(join(dir, 'specs', 'rocky', 'implemented', 'audit-templates.rst'), OLD);
  writeFileSync(join(dir, 'specs', 'stein', 'approved', 'goal-groups.rst'), NEW);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function restUrl(stdout: string): { path: string; message: string }[] {
  const report = JSON.parse(stdout) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] };
  return report.files.flatMap((file) =>
    file.diagnostics.filter((d) => d.code === 'rest-url').map((d) => ({ path: file.path, message: d.message })),
  );
}

test('rest-url in a repo: a name older specs use is not reported, a new one is', () => {
  const { dir, cleanup } = workspace();
  try {
    const result = run(['check', '--format', 'json', 'specs'], { cwd: dir });
    assert.deepEqual(restUrl(result.stdout), [{ path: 'specs/stein/approved/goal-groups.rst', message: NEW_THINGS }]);
    // Checked alone, a spec still knows the names of the others.
    const alone = run(['check', '--format', 'json', 'specs/stein/approved/goal-groups.rst'], { cwd: dir });
    assert.deepEqual(restUrl(alone.stdout), [{ path: 'specs/stein/approved/goal-groups.rst', message: NEW_THINGS }]);
    // The spec that uses a name alone is reported: no other spec has it.
    writeFileSync(join(dir, 'specs', 'rocky', 'implemented', 'audit-templates.rst'), spec('\nNone\n'));
    const first = run(['check', '--format', 'json', 'specs'], { cwd: dir });
    assert.deepEqual(
      restUrl(first.stdout).map((d) => d.message),
      [
        "URL '/v1/audit_templates/{uuid}' has an underscore in 'audit_templates': the template asks for hyphens in URLs, not underscores.",
        NEW_THINGS,
      ],
    );
  } finally {
    cleanup();
  }
});

test("rest-url in a repo: the config file's rest.existingNames", () => {
  const { dir, cleanup } = workspace();
  try {
    writeFileSync(join(dir, '.rst-specs.jsonc'), '// names of our API\n{ "rest": { "existingNames": ["goal_groups"] } }\n');
    const result = run(['check', '--format', 'json', 'specs'], { cwd: dir });
    assert.equal(result.stderr, '');
    assert.deepEqual(restUrl(result.stdout), []);
    writeFileSync(join(dir, '.rst-specs.jsonc'), '{ "rest": { "existingNames": "goal_groups", "names": [] } }\n');
    const bad = run(['check', 'specs'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr,
      `rst-specs: the config file .rst-specs.jsonc cannot be used:
  .rst-specs.jsonc:1:30: "rest.existingNames" must be a list of API path names (non-empty strings without "/"), like ["audit_template"]
  .rst-specs.jsonc:1:45: unknown setting "rest.names" (known: existingNames)
`,
    );
  } finally {
    cleanup();
  }
});

/** What the quick fix of the rest-url diagnostic on `goal_groups` does to the config file (`before`: its text, or none). */
function quickFix(
  dir: string,
  configName: string | undefined,
  before: string | undefined,
  documentChanges = true,
): { title: string; edit: WorkspaceEdit }[] {
  const configPath = configName && join(dir, configName);
  if (configPath && before !== undefined) writeFileSync(configPath, before);
  const setup = {
    uri: pathToFileURL(join(dir, 'specs', 'stein', 'approved', 'goal-groups.rst')).toString(),
    workspaceFolder: dir,
    config: configPath ? { path: configPath, folder: dir, config: {}, problems: [] } : undefined,
  } as unknown as SpecSetup;
  const context = { documents: { get: () => undefined } } as unknown as ServerContext;
  const diagnostic: SpecDiagnostic = {
    code: 'rest-url',
    severity: 'warning',
    message: NEW_THINGS,
    range: { start: { line: 25, character: 9 }, end: { line: 25, character: 24 } },
    data: { replacement: '/v1/goal-groups', names: ['goal_groups'] },
  };
  const client = { ...diagnostic, severity: 2, source: 'rst-specs' } as unknown as Diagnostic;
  return existingNameActions(context, setup, diagnostic, client, documentChanges).map(({ title, edit }) => ({ title, edit: edit! }));
}

function applied(text: string, edit: WorkspaceEdit): string {
  const change = edit.documentChanges!.at(-1) as TextDocumentEdit;
  const doc = TextDocument.create('file:///c', 'jsonc', 1, text);
  return applyEdits(
    text,
    change.edits.map((e) => ({
      offset: doc.offsetAt(e.range.start),
      length: doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start),
      content: e.newText,
    })),
  );
}

test('quick fix: "Treat \'goal_groups\' as an existing API name" adds it to the .rst-specs.jsonc in use, comments and formatting kept', () => {
  const { dir, cleanup } = workspace();
  try {
    const before = `// rst-specs settings for this repo
{
    "maxLineLength": 79, // as the repo's tests
    /* our API's old names */
    "rest": {
        "existingNames": [
            "audit_template" // v1
        ]
    }
}
`;
    const actions = quickFix(dir, '.rst-specs.jsonc', before);
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Treat 'goal_groups' as an existing API name in this repository"],
    );
    const uri = pathToFileURL(join(dir, '.rst-specs.jsonc')).toString();
    assert.equal((actions[0].edit.documentChanges![0] as TextDocumentEdit).textDocument.uri, uri);
    assert.equal(
      applied(before, actions[0].edit),
      `// rst-specs settings for this repo
{
    "maxLineLength": 79, // as the repo's tests
    /* our API's old names */
    "rest": {
        "existingNames": [
            "audit_template", // v1
            "goal_groups"
        ]
    }
}
`,
    );
    // A config without the key: it is added, in the file's indentation.
    const plain = '{\n  // strict\n  "rules": { "tab": "error" }\n}\n';
    assert.equal(
      applied(plain, quickFix(dir, '.rst-specs.jsonc', plain)[0].edit),
      '{\n  // strict\n  "rules": { "tab": "error" },\n  "rest": {\n    "existingNames": [\n      "goal_groups"\n    ]\n  }\n}\n',
    );
    // A `rest` without the list, tabs, a trailing comma: the list goes into it, in tabs.
    const tabs = '{\n\t"rest": {\n\t\t"$comment": "ours",\n\t},\n}\n';
    assert.equal(
      applied(tabs, quickFix(dir, '.rst-specs.jsonc', tabs)[0].edit),
      '{\n\t"rest": {\n\t\t"$comment": "ours",\n\t\t"existingNames": [\n\t\t\t"goal_groups"\n\t\t]\n\t},\n}\n',
    );
    // An empty file object: jsonc-parser writes the keys.
    assert.equal(
      applied('{}\n', quickFix(dir, '.rst-specs.jsonc', '{}\n')[0].edit),
      '{\n  "rest": {\n    "existingNames": [\n      "goal_groups"\n    ]\n  }\n}\n',
    );
    // `rest` of the wrong type: no fix (the config file's own problem says why).
    assert.deepEqual(quickFix(dir, '.rst-specs.jsonc', '{ "rest": [] }\n'), []);
  } finally {
    cleanup();
  }
});

test('quick fix: without a config file, .rst-specs.json is created at the workspace folder', () => {
  const { dir, cleanup } = workspace();
  try {
    const [action] = quickFix(dir, undefined, undefined);
    const uri = pathToFileURL(join(dir, '.rst-specs.json')).toString();
    assert.deepEqual(action.edit, {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri, version: null },
          edits: [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              newText: '{\n  "rest": {\n    "existingNames": [\n      "goal_groups"\n    ]\n  }\n}\n',
            },
          ],
        },
      ],
    });
    // A client that cannot create files is offered nothing.
    assert.deepEqual(quickFix(dir, undefined, undefined, false), []);
  } finally {
    cleanup();
  }
});
