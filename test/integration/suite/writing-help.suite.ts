// Writing help in the editor, through VS Code's own provider commands: the hover that quotes the
// template's guidance, completion (the missing sections, the REST API method block, and the
// snippets of snippets/rst-specs.code-snippets), and folding ranges. Read-only: the fixture specs
// specs/node-health.rst (a copy of test/fixtures/features/node-health.rst, whose unit tests give
// the same answers) and specs/missing-dependencies.rst. Skipped when not built.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, teardown, test } from 'mocha';
import { openSpec, ours, repoRoot, revertAndCloseAllEditors, skipUnlessBuilt, waitForDiagnostics } from './helpers';

/** Expected answers shared with the unit tests (test/fixtures/features/), without the file's final line break. */
const expected = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'features', name), 'utf8').trimEnd();
const rangeOf = (range: vscode.Range) => [range.start.line, range.start.character, range.end.line, range.end.character];
const valueOf = (content: vscode.MarkdownString | vscode.MarkedString) =>
  typeof content === 'string' ? content : 'value' in content ? content.value : '';

/** Opens a fixture spec and waits for its first diagnostics: then the language client runs. */
async function openChecked(name: string): Promise<vscode.TextDocument> {
  const document = await openSpec(name);
  await waitForDiagnostics(document.uri, (all) => ours(all).length > 0);
  return document;
}

async function hover(document: vscode.TextDocument, line: number, character: number) {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    new vscode.Position(line, character),
  );
  return hovers.map((h) => ({ contents: h.contents.map(valueOf), range: h.range && rangeOf(h.range) }));
}

async function completions(document: vscode.TextDocument, line: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    new vscode.Position(line, 0),
  );
  return list.items;
}

/** The language server's items: plain labels, not the editor's word suggestions (kind Text). */
function serverItems(items: readonly vscode.CompletionItem[]) {
  return items
    .filter((item) => typeof item.label === 'string' && item.kind !== vscode.CompletionItemKind.Text)
    .map((item) => ({
      label: item.label,
      kind: item.kind === undefined ? undefined : vscode.CompletionItemKind[item.kind],
      detail: item.detail,
      sortText: item.sortText,
      preselect: item.preselect,
      insertText: typeof item.insertText === 'string' ? item.insertText : item.insertText?.value,
      range: item.range instanceof vscode.Range ? rangeOf(item.range) : item.range,
      documentation: typeof item.documentation === 'string' ? item.documentation : item.documentation?.value,
    }));
}

const dependenciesGuidance = [
  '> - Include specific references to specs and/or blueprints, or in other',
  '>   projects, that this one either depends on or is related to.',
  '> - If this requires functionality of another project that is not currently',
  '>   used by senlin, document that fact.',
  '> - Does this feature require any new library dependencies or code otherwise',
  '>   not included in OpenStack? Or does it depend on a specific version of',
  '>   library?',
].join('\n');

suite('rst-specs writing help', () => {
  suiteSetup(function () {
    skipUnlessBuilt(this);
  });

  teardown(revertAndCloseAllEditors);

  test('hover on a section title quotes that section of the template, with its place', async () => {
    const document = await openChecked('node-health.rst');
    const lines = document.getText().split('\n');
    const rest = lines.indexOf('REST API impact');
    assert.equal(rest, 45);
    assert.deepEqual(await hover(document, rest, 5), [
      {
        range: [45, 0, 45, 15],
        contents: [expected('hover-rest-api-impact.md')],
      },
    ]);
    assert.deepEqual(await hover(document, lines.indexOf('Use Cases'), 8), [
      {
        range: [23, 0, 23, 9],
        contents: [
          '**Problem description › Use Cases**, section 1 of 1 in the template\n\n' +
            '> What use cases does this address?\n> What are the impacts on actors (developer, end user, deployer etc.)?',
        ],
      },
    ]);
    // A missing-section squiggle on the title: the hover is about the missing section (first-minutes.suite.ts).
    assert.deepEqual(await hover(document, lines.indexOf('Implementation'), 3), [
      {
        range: [79, 0, 79, 14],
        contents: [
          'Missing: **Dependencies**, section 4 of 8 in the template\n\n' +
            '> - Include specific references to specs and/or blueprints, or in other\n' +
            '>   projects, that this one either depends on or is related to.\n' +
            '> - If this requires functionality of another project that is not currently\n' +
            '>   used by senlin, document that fact.\n' +
            '> - Does this feature require any new library dependencies or code otherwise\n' +
            '>   not included in OpenStack? Or does it depend on a specific version of\n' +
            '>   library?',
        ],
      },
    ]);
  });

  test('hover: an unknown title names the nearest template section; a method-block item, its rule; body text, nothing', async () => {
    const document = await openChecked('node-health.rst');
    const lines = document.getText().split('\n');
    // unknown-section already says 'Rollout plan' is not in the template: the hover adds only the nearest title.
    assert.deepEqual(await hover(document, lines.indexOf('Rollout plan'), 0), [
      { range: [74, 0, 74, 12], contents: ['The nearest template section is **Proposed change**, section 2 of 8.'] },
    ]);
    const methodType = lines.indexOf('  - Method type: GET');
    assert.equal(methodType, 50);
    assert.deepEqual(await hover(document, methodType, 6), [
      {
        range: [50, 4, 50, 15],
        contents: [
          "The template's rule for the method type (**Proposed change › REST API impact**)\n\n> - Method type (POST/PUT/PATCH/GET/DELETE)",
        ],
      },
    ]);
    assert.deepEqual(await hover(document, lines.indexOf('Operators cannot tell which nodes of a cluster are healthy.'), 4), []);
  });

  test('completion: the missing section, preselected where the template puts it, with its guidance', async () => {
    const document = await openChecked('missing-dependencies.rst');
    const lines = document.getText().split('\n');
    // The second of the two blank lines between Work Items' body and Testing: Dependencies' place.
    const beforeTesting = lines.indexOf('Testing') - 1;
    assert.deepEqual([beforeTesting, lines[beforeTesting - 1], lines[beforeTesting]], [91, '', '']);
    const dependencies = {
      label: 'Dependencies',
      kind: 'Module',
      detail: 'Template section: Dependencies, section 4 of 8',
      // The title, its underline, a blank line, the cursor ($0), a blank line before 'Testing'.
      insertText: 'Dependencies\n============\n\n$0\n',
      documentation: dependenciesGuidance,
    };
    assert.deepEqual(serverItems(await completions(document, beforeTesting)), [
      { ...dependencies, sortText: '0-0015', preselect: true, range: [91, 0, 91, 0] },
    ]);
    // Before Implementation it is still offered, but sorted after those that fit and not preselected.
    const beforeImplementation = lines.indexOf('Implementation') - 1;
    assert.deepEqual(serverItems(await completions(document, beforeImplementation)), [
      { ...dependencies, sortText: '1-0015', preselect: undefined, range: [74, 0, 74, 0] },
    ]);
  });

  test("completion: the REST API method block, built from the template's bullets, in REST API impact", async () => {
    const document = await openChecked('missing-dependencies.rst');
    const lines = document.getText().split('\n');
    const underTitle = lines.indexOf('REST API impact') + 2; // the blank line under the underline
    assert.equal(underTitle, 41);
    const plain = [
      '* Description of what the method does',
      '',
      '  - Method type: POST',
      '',
      '  - Normal http response code(s): 200',
      '',
      '  - Expected error http response code(s):',
      '',
      '    * 400: the request body does not match the schema.',
      '',
      '    * 404: the resource does not exist.',
      '',
      '  - URL for the resource: /v1/resources/{resource_id}',
      '',
      '  - Parameters which can be passed via the URL: None',
      '',
      '  - Request body definition in JSON schema::',
      '',
      '      {}',
      '',
      '  - Response body definition in JSON schema::',
      '',
      '      {}',
    ];
    assert.deepEqual(serverItems(await completions(document, underTitle)), [
      {
        label: 'REST API method block',
        kind: 'Snippet',
        detail: "From the template's 'Method Specification'",
        sortText: '0-0000',
        preselect: undefined,
        // The next line is not blank: the block ends with a line break.
        insertText: `${expected('rest-method-block.snippet')}\n`,
        range: [41, 0, 41, 0],
        documentation: '```rst\n' + plain.join('\n') + '\n```',
      },
    ]);
  });

  test("completion: the extension's snippets are offered in a reStructuredText document, by each prefix", async () => {
    const document = await openChecked('missing-dependencies.rst');
    const items = await completions(document, document.getText().split('\n').indexOf('Testing') - 1);
    const snippets = items
      .filter((item) => typeof item.label === 'object')
      .map((item) => {
        const label = item.label as vscode.CompletionItemLabel;
        return { prefix: label.label, name: label.description, kind: vscode.CompletionItemKind[item.kind!], detail: item.detail };
      })
      .sort((a, b) => a.prefix.localeCompare(b.prefix));
    const assignee = 'The Primary assignee / Other contributors definition list of the Assignee(s) section. (rst-specs)';
    const history = 'A row for the Revisions list-table of the History section. (rst-specs)';
    const workItem = 'A bullet for the Work Items section. (rst-specs)';
    assert.deepEqual(snippets, [
      { prefix: 'assignee', name: 'Assignee block', kind: 'Snippet', detail: assignee },
      { prefix: 'assignees', name: 'Assignee block', kind: 'Snippet', detail: assignee },
      { prefix: 'history-row', name: 'History revision row', kind: 'Snippet', detail: history },
      { prefix: 'revision', name: 'History revision row', kind: 'Snippet', detail: history },
      {
        prefix: 'spec',
        name: 'New spec',
        kind: 'Snippet',
        detail:
          'A new design spec from the template: licence header, title, blueprint URL and every section of the template with the body None. (rst-specs)',
      },
      { prefix: 'wi', name: 'Work item', kind: 'Snippet', detail: workItem },
      { prefix: 'work-item', name: 'Work item', kind: 'Snippet', detail: workItem },
    ]);

    const bodyOf = (prefix: string) => {
      const item = items.find((candidate) => typeof candidate.label === 'object' && candidate.label.label === prefix);
      return item?.insertText instanceof vscode.SnippetString ? item.insertText.value : item?.insertText;
    };
    assert.equal(bodyOf('wi'), '* ${1:Describe one piece of work}$0');
    assert.equal(bodyOf('history-row'), '* - ${1:Release}\n  - ${2:Description}$0');
    assert.equal(bodyOf('assignee'), 'Primary assignee:\n  ${1:launchpad-id}\n\nOther contributors:\n  ${2:None}$0');
    // The long ones: as the extension's snippets file writes them.
    const file = JSON.parse(readFileSync(join(repoRoot, 'snippets', 'rst-specs.code-snippets'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    assert.equal(bodyOf('spec'), file['New spec'].body.join('\n'));
    const spec = bodyOf('spec') as string;
    assert.ok(spec.startsWith('..\n This work is licensed under a Creative Commons Attribution 3.0 Unported\n'), spec.slice(0, 80));
    assert.ok(spec.endsWith('\nReferences\n==========\n\nNone\n\nHistory\n=======\n\nNone'), spec.slice(-80));
  });

  test('folding ranges: every section, the licence comment, literal blocks and the list-table', async () => {
    const document = await openChecked('node-health.rst');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const comment = vscode.FoldingRangeKind.Comment;
    assert.deepEqual(
      ranges.map((range) => (range.kind === undefined ? [range.start, range.end] : [range.start, range.end, range.kind])),
      [
        [0, 4, comment], // the licence comment
        [6, 107], // the title: the whole spec
        [18, 26], // Problem description
        [23, 26], // Use Cases
        [28, 72], // Proposed change
        [31, 33], // "Add a health field to the node resource::" and its literal block
        [35, 38],
        [40, 43],
        [45, 62], // REST API impact
        [58, 62], // the JSON schema literal block
        [64, 67],
        [69, 72],
        [74, 77], // Rollout plan
        [79, 91], // Implementation
        [82, 86],
        [88, 91],
        [93, 96],
        [98, 107], // History
        [101, 107], // its list-table
      ],
    );
  });
});
