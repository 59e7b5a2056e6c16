// A writer's first minutes with a spec, in the editor (issue 23): the template's guidance as one
// finding per section, faded, with its fixes; a section title completed with the cursor between
// blank lines; a title glued to the paragraph above; the one REST API method block; the hover on
// a missing section; the blueprint-url rename; no word-based suggestions. Edits are reverted and
// the files a test makes are removed; auto save is off meanwhile.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import {
  codeOf,
  openSpec,
  ours,
  repoRoot,
  restoreFiles,
  revertAndCloseAllEditors,
  skipUnlessBuilt,
  snapshotFiles,
  specUri,
  turnAutoSaveOff,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const codeActions = (uri: vscode.Uri, range: vscode.Range, kind = vscode.CodeActionKind.QuickFix.value) =>
  vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);

const completions = async (uri: vscode.Uri, position: vscode.Position) =>
  (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position)).items;

const at = (range: vscode.Range) => [range.start.line, range.start.character, range.end.line, range.end.character];

suite("rst-specs: a writer's first minutes", () => {
  const edited = ['missing-dependencies.rst', 'node-health.rst'].map(specUri);
  const made: vscode.Uri[] = [];
  let snapshot = new Map<string, string>();
  let restoreAutoSave: (() => Promise<void>) | undefined;

  suiteSetup(async function () {
    skipUnlessBuilt(this);
    snapshot = snapshotFiles(edited);
    restoreAutoSave = await turnAutoSaveOff();
  });

  teardown(async () => {
    await revertAndCloseAllEditors();
    for (const uri of made.splice(0)) rmSync(uri.fsPath, { force: true });
    assert.deepEqual(restoreFiles(snapshot), [], 'a test saved a fixture spec (written back)');
  });

  suiteTeardown(async () => {
    await restoreAutoSave?.();
  });

  /** A spec file made for one test (removed after it). */
  function makeSpec(name: string, text: string): vscode.Uri {
    const uri = specUri(name);
    writeFileSync(uri.fsPath, text);
    made.push(uri);
    return uri;
  }

  test("the template's guidance: one warning per section, on its title, its text faded; Replace all guidance with None", async () => {
    const template = readFileSync(join(repoRoot, 'server', 'templates', 'senlin-spec-template.rst'), 'utf8');
    const uri = makeSpec('node-groups.rst', template);
    const document = await openSpec('node-groups.rst');
    const lines = document.getText().split('\n');
    const all = await waitForDiagnostics(uri, (found) => ours(found).length > 0);
    const guidance = ours(all).filter((d) => codeOf(d) === 'template-text' && d.severity === vscode.DiagnosticSeverity.Warning);
    const security = lines.indexOf('Security impact');
    const onSecurity = guidance.filter((d) => d.range.start.line === security);
    assert.deepEqual(
      onSecurity.map((d) => [d.message, at(d.range)]),
      [["'Security impact' still holds the template's guidance.", [security, 0, security, 15]]],
    );
    // The introduction and the 19 sections that hold guidance: one each, not one per paragraph.
    assert.equal(guidance.filter((d) => d.message.endsWith("still holds the template's guidance.")).length, 20);
    // Its guidance, faded as unused code is: a hint tagged Unnecessary (not listed in Problems).
    const faded = ours(all).filter(
      (d) => d.tags?.includes(vscode.DiagnosticTag.Unnecessary) && d.range.start.line > security && d.range.start.line < security + 5,
    );
    assert.deepEqual(
      faded.map((d) => [vscode.DiagnosticSeverity[d.severity], d.range.start.line, d.message]),
      [['Hint', security + 3, "'Security impact' still holds the template's guidance."]],
    );

    const titles = (actions: vscode.CodeAction[]) => actions.map((action) => action.title).filter((title) => !title.startsWith('Disable'));
    const expected = ['Replace the guidance with None', 'Delete the guidance', 'Replace all guidance with None', 'Delete all guidance'];
    assert.deepEqual(titles(await codeActions(uri, new vscode.Range(security, 2, security, 2))), expected);
    // Ctrl+. on the faded text offers the same.
    assert.deepEqual(titles(await codeActions(uri, new vscode.Range(security + 4, 2, security + 4, 2))), expected);

    const replaceAll = (await codeActions(uri, new vscode.Range(security, 2, security, 2))).find(
      (action) => action.title === 'Replace all guidance with None',
    )!;
    assert.equal(await vscode.workspace.applyEdit(replaceAll.edit!), true);
    const after = document.getText().split('\n');
    const securityAfter = after.indexOf('Security impact');
    assert.deepEqual(after.slice(securityAfter, securityAfter + 5), ['Security impact', '---------------', '', 'None', '']);
    const left = await waitForDiagnostics(uri, (found) => !ours(found).some((d) => d.message.startsWith("'Security impact'")));
    assert.deepEqual(
      ours(left)
        .filter((d) => codeOf(d) === 'template-text' && d.severity === vscode.DiagnosticSeverity.Warning)
        .map((d) => d.message),
      [
        "The template's placeholder title 'Example Spec - The title of your blueprint' is still here: write the spec's title.",
        // On the title too: the introduction is the title's text.
        "The introduction still holds the template's guidance.",
        "The template's example blueprint URL is still here: use this spec's blueprint URL.",
      ],
    );
  });

  test('completing a missing section title: title, underline, blank line, the cursor, blank line; also right after a paragraph', async () => {
    const document = await openSpec('missing-dependencies.rst');
    await waitForDiagnostics(document.uri, (found) => ours(found).length > 0);
    const editor = vscode.window.activeTextEditor!;
    const lines = document.getText().split('\n');
    const testing = lines.indexOf('Testing');
    // Accepting a completion item inserts its snippet, as here.
    const accept = async (line: number) => {
      const item = (await completions(document.uri, new vscode.Position(line, 0))).find((candidate) => candidate.label === 'Dependencies')!;
      assert.ok(item, `no Dependencies item at line ${line}`);
      const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
      assert.equal(await editor.insertSnippet(item.insertText as vscode.SnippetString, range), true);
    };
    await accept(testing - 1);
    const after = document.getText().split('\n');
    assert.deepEqual(after.slice(testing - 1, testing + 5), ['Dependencies', '============', '', '', '', 'Testing']);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [testing + 2, 0]);
    await vscode.commands.executeCommand('undo');

    // Straight after a paragraph line (Work Items' body): the blank line the title needs comes first.
    const workItemsBody = lines.indexOf('Work Items') + 3;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(workItemsBody + 1, 0), '\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await accept(workItemsBody + 1);
    const glued = document.getText().split('\n');
    assert.deepEqual(glued.slice(workItemsBody, workItemsBody + 6), [lines[workItemsBody], '', 'Dependencies', '============', '', '']);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [workItemsBody + 5, 0]);
  });

  test('a title glued to the paragraph above: one error that says so, fixed by a blank line', async () => {
    const document = await openSpec('missing-dependencies.rst');
    await waitForDiagnostics(document.uri, (found) => ours(found).length > 0);
    const lines = document.getText().split('\n');
    const alternatives = lines.indexOf('Alternatives');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, new vscode.Range(alternatives - 1, 0, alternatives, 0)); // the blank line before it
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const glued = alternatives - 1;
    const found = await waitForDiagnostics(document.uri, (all) => ours(all).some((d) => d.range.start.line === glued));
    assert.deepEqual(
      ours(found)
        .filter((d) => codeOf(d) === 'missing-section')
        .map((d) => [vscode.DiagnosticSeverity[d.severity], d.message, at(d.range)]),
      [
        ['Error', "'Alternatives' needs a blank line before it to be a title.", [glued, 0, glued, 12]],
        [
          'Error',
          "Missing section 'Dependencies': the template puts it after 'Implementation'.",
          [lines.indexOf('Implementation') - 1, 0, lines.indexOf('Implementation') - 1, 14],
        ],
      ],
    );
    const [fix] = await codeActions(document.uri, new vscode.Range(glued, 2, glued, 2));
    assert.equal(fix.title, "Insert a blank line before 'Alternatives'");
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    await waitForDiagnostics(document.uri, (all) => !ours(all).some((d) => d.message.startsWith("'Alternatives'")));
    assert.equal(document.getText(), snapshot.get(document.uri.fsPath));
  });

  test('REST API impact: "rest-me" gets one item, the block from the spec\'s own template', async () => {
    const document = await openSpec('missing-dependencies.rst');
    await waitForDiagnostics(document.uri, (found) => ours(found).length > 0);
    const line = document.getText().split('\n').indexOf('REST API impact') + 2;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line, 0), 'rest-me\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const items = await completions(document.uri, new vscode.Position(line, 7));
    const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    assert.deepEqual(
      items.map(label).filter((name) => /rest/i.test(name)),
      ['REST API method block'],
    );
    const block = items.find((item) => label(item) === 'REST API method block')!;
    const snippet = (block.insertText as vscode.SnippetString).value;
    assert.match(snippet, /Method type: \$\{2\|POST,PUT,PATCH,GET,DELETE\|\}/);
    assert.match(snippet, /\* 400: \$\{4:the request body does not match the schema\.\}/);
  });

  test("REST API impact of a new spec: the block replaces the template's method bullet the cursor is in", async () => {
    const template = readFileSync(join(repoRoot, 'server', 'templates', 'senlin-spec-template.rst'), 'utf8');
    const uri = makeSpec('node-groups.rst', template);
    const document = await openSpec('node-groups.rst');
    await waitForDiagnostics(uri, (found) => ours(found).length > 0);
    const editor = vscode.window.activeTextEditor!;
    const lines = document.getText().split('\n');
    const bullet = lines.indexOf('* Method Specification');
    const methodType = lines.indexOf('  - Method type (POST/PUT/PATCH/GET/DELETE)');
    const items = await completions(uri, new vscode.Position(methodType, 3));
    const block = items.find((item) => item.label === 'REST API method block')!;
    assert.equal(block.detail, "In place of the template's 'Method Specification'");
    assert.equal(block.additionalTextEdits?.length, 2);
    // Accepting it: the snippet on the cursor's line, the rest of the bullet removed.
    const range = block.range instanceof vscode.Range ? block.range : block.range!.replacing;
    const rest = new vscode.WorkspaceEdit();
    rest.set(uri, block.additionalTextEdits!);
    assert.equal(await vscode.workspace.applyEdit(rest), true);
    const line = range.start.line - (methodType - bullet); // the lines above it in the bullet are gone
    assert.equal(
      await editor.insertSnippet(block.insertText as vscode.SnippetString, new vscode.Range(line, 0, line, range.end.character)),
      true,
    );
    const after = document.getText().split('\n');
    assert.ok(!after.includes('* Method Specification'));
    assert.deepEqual(after.slice(bullet, bullet + 3), ['* Description of what the method does', '', '  - Method type: POST']);
    assert.deepEqual(after.slice(bullet + 6, bullet + 12), [
      '  - Expected error http response code(s):',
      '',
      '    * 400: the request body does not match the schema.',
      '',
      '    * 404: the resource does not exist.',
      '',
    ]);
    await waitForDiagnostics(uri, (found) => !ours(found).some((d) => String(codeOf(d)).startsWith('rest-')) && ours(found).length > 0);
  });

  test("hover on a missing-section squiggle: the missing section's place and guidance", async () => {
    const document = await openSpec('missing-dependencies.rst');
    await waitForDiagnostics(document.uri, (found) => ours(found).length > 0);
    const implementation = document.getText().split('\n').indexOf('Implementation');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(implementation, 3),
    );
    const contents = hovers.flatMap((hover) =>
      hover.contents.map((part) => (typeof part === 'string' ? part : (part as vscode.MarkdownString).value)),
    );
    assert.equal(contents.length, 1);
    assert.ok(
      contents[0].startsWith('Missing: **Dependencies**, section 4 of 8 in the template\n\n> - Include specific references'),
      contents[0],
    );
  });

  test('blueprint-url: Rename file to <blueprint>.rst renames it', async () => {
    const clean = readFileSync(specUri('clean-spec.rst').fsPath, 'utf8');
    const uri = makeSpec('wrong-name.rst', clean.replace('+spec/clean-spec', '+spec/renamed-spec'));
    const renamed = specUri('renamed-spec.rst');
    made.push(renamed);
    const document = await openSpec('wrong-name.rst');
    const [problem] = ours(await waitForDiagnostics(uri, (found) => ours(found).length > 0));
    assert.equal(
      problem.message,
      "The file name 'wrong-name.rst' doesn't match the blueprint 'renamed-spec': name the file 'renamed-spec.rst'.",
    );
    const rename = (await codeActions(uri, problem.range)).find((action) => action.title === 'Rename file to renamed-spec.rst');
    assert.ok(rename, 'no rename action');
    assert.equal(await vscode.workspace.applyEdit(rename.edit!), true);
    await waitFor('the renamed file', () => (existsSync(renamed.fsPath) && !existsSync(uri.fsPath) ? true : undefined));
    assert.equal(readFileSync(renamed.fsPath, 'utf8'), document.getText());
  });

  test("the `spec` snippet: its introduction placeholder is flagged like the template's", async () => {
    const snippets = JSON.parse(readFileSync(join(repoRoot, 'snippets', 'rst-specs.code-snippets'), 'utf8')) as Record<
      string,
      { body: string[] }
    >;
    // The snippet as inserted, its placeholders at their defaults.
    const text = `${snippets['New spec'].body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1')}\n`;
    assert.ok(text.includes('\nIntroduction paragraph -- why are we doing anything?\n'));
    const uri = makeSpec('from-snippet.rst', text);
    await openSpec('from-snippet.rst');
    const found = ours(await waitForDiagnostics(uri, (all) => ours(all).length > 0));
    const title = text.split('\n').indexOf('title');
    assert.deepEqual(
      found.filter((d) => codeOf(d) === 'template-text').map((d) => [vscode.DiagnosticSeverity[d.severity], d.message, d.range.start.line]),
      [
        ['Warning', "The introduction still holds the template's guidance.", title],
        ['Hint', "The introduction still holds the template's guidance.", title + 5], // the placeholder, faded
      ],
    );
  });

  test('no word-based suggestions in reStructuredText (configurationDefaults)', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'restructuredtext' });
    assert.equal(editor.get('wordBasedSuggestions'), 'off');
  });
});
