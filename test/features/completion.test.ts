import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, type CompletionEntry } from '../../server/src/features/completion';
import { applyEdits } from '../../server/src/edit/text-edit';
import { newSpecText } from '../../server/src/fixes/new-spec';
import { parseSpec } from '../../server/src/rst/parse';
import { validateText } from '../../server/src/engine';
import { bundledTemplate, fixture, range } from '../helpers';
import { nodeHealth, specFrom, withLine } from './spec';

const complete = (text: string, line: number, character: number, asSpec = true) => {
  const { doc, spec } = specFrom(text);
  return completionsAt(doc, asSpec ? spec : undefined, { line, character });
};

/** What a test compares of a section item: the rest (detail, documentation) has its own test. */
const brief = ({ label, sortText, preselect, range: where, newText }: CompletionEntry) => ({
  label,
  sortText,
  ...(preselect ? { preselect } : {}),
  range: where,
  newText,
});

const MISSING = [
  'Notifications impact',
  'Other end user impact',
  'Other deployer impact',
  'Developer impact',
  'Dependencies',
  'Documentation Impact',
  'References',
];

test('at the start of a line that can hold a title: the missing sections, those that belong there first', () => {
  // A blank line after the body of 'Security impact' (Notifications impact and Other end user impact
  // go here), right above 'Performance Impact' (so a blank line follows the inserted title).
  const text = withLine(nodeHealth(), 68, '');
  const items = complete(text, 69, 0);
  assert.deepEqual(
    items.map((item) => item.label),
    MISSING,
  );
  assert.deepEqual(items.slice(0, 3).map(brief), [
    {
      label: 'Notifications impact',
      sortText: '0-0007',
      preselect: true,
      range: range(69, 0, 69, 0),
      newText: 'Notifications impact\n--------------------\n\n\n',
    },
    {
      label: 'Other end user impact',
      sortText: '0-0008',
      range: range(69, 0, 69, 0),
      newText: 'Other end user impact\n---------------------\n\n\n',
    },
    {
      label: 'Other deployer impact',
      sortText: '1-0010',
      range: range(69, 0, 69, 0),
      newText: 'Other deployer impact\n---------------------\n\n\n',
    },
  ]);
  assert.deepEqual(brief(items[4]), {
    label: 'Dependencies',
    sortText: '1-0015',
    range: range(69, 0, 69, 0),
    newText: 'Dependencies\n============\n\n\n',
  });
  assert.deepEqual(
    { ...items[0], documentation: items[0].documentation?.split('\n') },
    {
      label: 'Notifications impact',
      kind: 'section',
      detail: 'Template section: Proposed change › Notifications impact, section 5 of 9',
      documentation: [
        '> Please specify any changes to notifications, including:',
        '>',
        '> - adding new notification,',
        '> - changing an existing notification, or',
        '> - removing a notification.',
      ],
      sortText: '0-0007',
      filterText: 'Notifications impact',
      preselect: true,
      range: range(69, 0, 69, 0),
      // The title, its underline, a blank line, the cursor, a blank line before 'Performance Impact'.
      newText: 'Notifications impact\n--------------------\n\n\n',
      snippet: 'Notifications impact\n--------------------\n\n$0\n',
    },
  );
});

test('a top-level place: after the last subsection, at the end, nowhere between two neighbours', () => {
  const fits = (text: string, line: number, character = 0) =>
    complete(text, line, character)
      .filter((item) => item.sortText.startsWith('0-'))
      .map((item) => item.label);
  assert.deepEqual(fits(withLine(nodeHealth(), 92, '\nDep'), 93, 3), ['Dependencies']);
  assert.deepEqual(fits(withLine(nodeHealth(), 78, '\n'), 79), [], 'after the unknown section, before Implementation');
  assert.deepEqual(fits(withLine(nodeHealth(), 97, '\n'), 98), ['Documentation Impact', 'References']);
  // Between 'Alternatives' and 'Data model impact': nothing is missing there.
  assert.deepEqual(fits(withLine(nodeHealth(), 38, '\n'), 39), []);
});

test('a typed title prefix is replaced, and a blank line is kept before the next paragraph', () => {
  const text = withLine(nodeHealth(), 92, '\nDep\nSome text.');
  const [dependencies] = complete(text, 93, 3).filter((item) => item.label === 'Dependencies');
  assert.deepEqual(brief(dependencies), {
    label: 'Dependencies',
    sortText: '0-0015',
    preselect: true,
    range: range(93, 0, 93, 3),
    newText: 'Dependencies\n============\n\n\n',
  });
  assert.equal(dependencies.snippet, 'Dependencies\n============\n\n$0\n');
  const crlf = complete(text.replace(/\n/g, '\r\n'), 93, 3).find((item) => item.label === 'Dependencies');
  assert.equal(crlf?.newText, 'Dependencies\r\n============\r\n\r\n\r\n');
});

test('no section the spec already has, none in a literal block, none off a spec', () => {
  const text = nodeHealth();
  const labels = complete(withLine(text, 68, ''), 69, 0).map((item) => item.label);
  for (const present of ['Security impact', 'Problem description', 'History', 'Alternatives', 'Testing']) {
    assert.ok(!labels.includes(present), present);
  }
  assert.deepEqual(complete(text, 33, 4), [], 'inside the literal block');
  assert.deepEqual(complete(withLine(text, 34, '    '), 34, 4), [], 'indented after the literal block');
  assert.deepEqual(complete(text, 21, 10), [], 'in the middle of a paragraph');
  assert.deepEqual(complete(withLine(text, 68, ''), 69, 0, false), [], 'not a spec');
});

test('right under a paragraph line: the title comes with the blank line before it that it needs', () => {
  const text = withLine(nodeHealth(), 68, '');
  const [first] = complete(text, 68, 0);
  assert.deepEqual(
    { label: first.label, range: first.range, newText: first.newText, snippet: first.snippet },
    {
      label: 'Notifications impact',
      range: range(68, 0, 68, 0),
      // The line below is blank: the blank line after the cursor is already there.
      newText: '\nNotifications impact\n--------------------\n\n',
      snippet: '\nNotifications impact\n--------------------\n\n$0',
    },
  );
});

test('an adornment line typed under a title completes to the title width (any rST document)', () => {
  const text = 'Intro.\n\nNew title\n===\n\nText.\n';
  const expected = {
    label: '=========',
    kind: 'adornment',
    detail: "Underline of 'New title' (9 columns)",
    sortText: '0',
    filterText: '===',
    preselect: true,
    range: range(3, 0, 3, 3),
    newText: '=========',
  };
  assert.deepEqual(complete(text, 3, 3), [expected]);
  assert.deepEqual(complete(text, 3, 3, false), [expected]);
  assert.deepEqual(
    complete('見出し\n--\n', 1, 2).map((item) => item.newText),
    ['------'],
    'wide characters count two columns',
  );
  assert.deepEqual(
    complete('~~~~~~~~~~~\n Title\n~~\n', 2, 2).map((item) => item.newText),
    ['~~~~~~~~~~~'],
    'as long as the overline',
  );
  assert.deepEqual(complete('Title\n=====\n', 1, 5), [], 'already long enough');
  assert.deepEqual(complete('A paragraph\nline\n---\n', 2, 3), [], 'not after a one-line paragraph');
});

test('REST API impact: the method block, built from the template', () => {
  const text = withLine(nodeHealth(), 47, '');
  const [block] = complete(text, 47, 0);
  const lines = [
    ['* ', 'Description of what the method does'],
    [''],
    ['  - Method type: ', 'POST'],
    [''],
    ['  - Normal http response code(s): ', '200'],
    [''],
    ['  - Expected error http response code(s):'],
    [''],
    ['    * 400: ', 'the request body does not match the schema.'],
    [''],
    ['    * 404: ', 'the resource does not exist.'],
    [''],
    ['  - URL for the resource: ', '/v1/resources/{resource_id}'],
    [''],
    ['  - Parameters which can be passed via the URL: ', 'None'],
    [''],
    ['  - Request body definition in JSON schema::'],
    [''],
    ['      ', '{}'],
    [''],
    ['  - Response body definition in JSON schema::'],
    [''],
    ['      ', '{}'],
  ];
  assert.deepEqual(block, {
    label: 'REST API method block',
    kind: 'snippet',
    detail: "From the template's 'Method Specification'",
    documentation: '```rst\n' + lines.map((parts) => parts.join('')).join('\n') + '\n```',
    sortText: '0-0000',
    filterText: 'REST API method block',
    range: range(47, 0, 47, 0),
    newText: lines.map((parts) => parts.join('')).join('\n'),
    snippet: fixture('features/rest-method-block.snippet').trimEnd(),
  });
  assert.ok(!complete(withLine(nodeHealth(), 97, '\n'), 98, 0).some((item) => item.label === 'REST API method block'));
});

test('History: a revision row inside the list-table, with the template columns', () => {
  const row = (line: number, before: string) => ({
    label: 'History revision row',
    kind: 'snippet',
    detail: 'A row of the list-table: Release Name | Description',
    sortText: '0-0000',
    filterText: `${before}History revision row`,
    preselect: true,
    range: range(line, 0, line, before.length),
    newText: '   * - Release Name\n     - Description',
    snippet: '   * - ${1:Release Name}\n     - ${2:Description}',
  });
  const text = nodeHealth();
  assert.deepEqual(complete(withLine(text, 108, '     '), 108, 5), [row(108, '     ')]);
  assert.deepEqual(complete(text, 108, 0), [row(108, '')]);
  assert.deepEqual(complete(withLine(text, 104, '   * '), 104, 5), [row(104, '   * ')]);
  assert.deepEqual(complete(text, 102, 17), [], 'on the options');
  assert.deepEqual(complete(text.replace('History\n=======', 'Changes\n======='), 108, 0), [], 'not in History');
});

test("REST API impact of a new spec: in the template's method bullet, one item replaces it; its defaults pass the REST rules", () => {
  const template = bundledTemplate();
  const text = newSpecText(template, 'node-groups');
  const doc = parseSpec(text);
  const start = doc.lines.findIndex((line) => line.text === '* Method Specification');
  const line = start + 4; // '  - Method type (POST/PUT/PATCH/GET/DELETE)'
  const items = completionsAt(doc, { doc, template }, { line, character: 3 });
  assert.deepEqual(
    items.map((item) => [item.label, item.detail]),
    [['REST API method block', "In place of the template's 'Method Specification'"]],
  );
  const [item] = items;
  assert.deepEqual(item.range, range(line, 0, line, 43));
  const end = doc.blocks.find((block) => block.kind === 'list-item' && block.startLine === start)!.endLine;
  assert.deepEqual(item.additionalEdits, [
    { range: range(start, 0, line, 0), newText: '' },
    { range: range(line, 43, end - 1, doc.lines[end - 1].text.length), newText: '' },
  ]);
  assert.match(item.snippet!, /Method type: \$\{2\|POST,PUT,PATCH,GET,DELETE\|\}/);
  const result = applyEdits(text, [{ range: item.range, newText: item.newText }, ...item.additionalEdits!]);
  assert.ok(!result.includes('* Method Specification'));
  assert.deepEqual(
    validateText(result, template).filter((d) => d.code.startsWith('rest-')),
    [],
  );
});
