import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '../../server/src/engine';
import { applyEdits } from '../../server/src/edit/text-edit';
import { insertAllMissingSections } from '../../server/src/fixes/insert-sections';
import { parseSpec } from '../../server/src/rst/parse';
import { bundledTemplate, check, cleanSpec, removeLines } from '../helpers';
import { applyQuickFix, assertLinesKept, options } from './fix-helpers';
import { fixContext } from '../../server/src/fixes/fix';

const insertAll = (text: string, fix = options()) => {
  const edits = insertAllMissingSections(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, fix));
  return applyEdits(text, edits);
};

test('insert: a missing top-level section goes back after its predecessor, separated like its neighbours', () => {
  const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
  const { title, result, edits } = applyQuickFix(text, 'missing-section');
  assert.equal(title, "Insert missing section 'Dependencies'");
  assert.equal(result, cleanSpec());
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0].range.start, edits[0].range.end, 'an insertion only');
});

test('insert: a missing first subsection goes before the next one', () => {
  const text = removeLines(cleanSpec(), 'Alternatives', 'Data model impact');
  assert.equal(applyQuickFix(text, 'missing-section').result, cleanSpec());
});

test('insert: a missing last subsection goes after its predecessor, before the next top-level section', () => {
  const text = removeLines(cleanSpec(), 'Work Items', 'Dependencies');
  const { result } = applyQuickFix(text, 'missing-section');
  assert.equal(result, text.replace('  jdoe\n\nDependencies\n', '  jdoe\n\nWork Items\n----------\n\nNone\n\nDependencies\n'));
});

test('insert: a missing parent comes with its subsections, first after the title', () => {
  const text = removeLines(cleanSpec(), 'Problem description', 'Proposed change');
  const { title, result } = applyQuickFix(text, 'missing-section');
  assert.equal(title, "Insert missing section 'Problem description'");
  assert.equal(
    result,
    text.replace(
      'thing and see one diagnostic.\n\nProposed change\n',
      'thing and see one diagnostic.\n\nProblem description\n===================\n\nUse Cases\n---------\n\nNone\n\nProposed change\n',
    ),
  );
});

test('insert: a missing parent leaves out a subsection the spec already has elsewhere', () => {
  let text = removeLines(cleanSpec(), 'Problem description', 'Proposed change');
  text = text.replace('Work Items\n----------\n', 'Use Cases\n---------\n\nOne.\n\nWork Items\n----------\n');
  const missing = check(text).filter((d) => d.code === 'missing-section');
  assert.equal(missing.length, 1);
  const result = applyEdits(text, insertAllMissingSections(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, options())));
  assert.equal(
    result,
    text.replace(
      'diagnostic.\n\nProposed change\n',
      'diagnostic.\n\nProblem description\n===================\n\nNone\n\nProposed change\n',
    ),
  );
  assert.deepEqual(
    check(result).filter((d) => d.code === 'missing-section'),
    [],
  );
});

test('insert: at the end of the document, with or without a final line break', () => {
  const text = cleanSpec().replace('\nReferences\n==========\n\nNone\n', '');
  assert.ok(text.endsWith('The API reference.\n'));
  // Separated from the last section as that one is from the section before it (two blank lines here).
  const expected = `${text}\n\nReferences\n==========\n\nNone\n`;
  assert.equal(applyQuickFix(text, 'missing-section').result, expected);
  assert.equal(applyQuickFix(text.replace(/\n$/, ''), 'missing-section').result, expected);
  assert.equal(applyQuickFix(`${text}\n\n`, 'missing-section').result, expected);
});

test('insert: an optional section is inserted only when the settings make it required', () => {
  const text = cleanSpec();
  assert.equal(insertAll(text), text);
  const fix = options({ optionalSections: [] });
  const { result } = applyQuickFix(text, 'missing-section', { fix });
  assert.equal(result, `${text}\nHistory\n=======\n\nNone\n`);
});

test('insert: the guidance setting writes the template text under the title', () => {
  const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
  const fix = options({ insertedSectionBody: 'guidance' });
  const result = insertAll(text, fix);
  assert.equal(
    result,
    text.replace(
      '\n\n\nTesting\n',
      '\n\n\nDependencies\n============\n\n' +
        '* Include specific references to specs and/or blueprints, or in other\n' +
        '  projects, that this one either depends on or is related to.\n\n' +
        '* If this requires functionality of another project that is not currently\n' +
        '  used by senlin, document that fact.\n\n' +
        '* Does this feature require any new library dependencies or code otherwise\n' +
        '  not included in OpenStack? Or does it depend on a specific version of\n' +
        '  library?\n\n\nTesting\n',
    ),
  );
  assert.deepEqual(
    check(result).filter((d) => d.code === 'missing-section'),
    [],
  );
});

test('insert all: every missing section at its place, in template order, in one edit; a second run changes nothing', () => {
  let text = cleanSpec();
  for (const [from, to] of [
    ['Problem description', 'Proposed change'],
    ['Alternatives', 'Data model impact'],
    ['Security impact', 'Notifications impact'],
    ['Dependencies', 'Testing'],
    ['Documentation Impact', 'References'],
  ]) {
    text = removeLines(text, from, to);
  }
  const edits = insertAllMissingSections(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, options()));
  assert.equal(edits.length, 5);
  const result = applyEdits(text, edits);
  const expected = cleanSpec()
    .replace(
      'Problem description\n===================\n\nOperators cannot tell which nodes of a cluster are healthy.\n\n',
      'Problem description\n===================\n\n',
    )
    .replace('Use Cases\n---------\n\nAn operator lists the nodes of a cluster with their health.\n', 'Use Cases\n---------\n\nNone\n')
    .replace(
      'Testing\n=======\n\nUnit tests.\n\n\nDocumentation Impact\n====================\n\nThe API reference.\n\n',
      'Testing\n=======\n\nUnit tests.\n\n\nDocumentation Impact\n====================\n\nNone\n\n\n',
    );
  assert.equal(result, expected);
  assert.deepEqual(check(result), []);
  assertLinesKept(text, result);
  assert.deepEqual(insertAllMissingSections(fixContext({ doc: parseSpec(result), template: bundledTemplate() }, options())), []);
});

test('insert: CRLF stays CRLF, a BOM stays', () => {
  const text = `\ufeff${removeLines(cleanSpec(), 'Dependencies', 'Testing').replace(/\n/g, '\r\n')}`;
  const result = insertAll(text);
  assert.equal(result, `\ufeff${cleanSpec().replace(/\n/g, '\r\n')}`);
});

test("insert: the document's own adornment style for each depth", () => {
  const text = [
    '*****',
    'Title',
    '*****',
    '',
    'Problem description',
    '~~~~~~~~~~~~~~~~~~~',
    '',
    'Text.',
    '',
    'Use Cases',
    '^^^^^^^^^',
    '',
    'Uses.',
    '',
  ].join('\n');
  const result = insertAll(
    text,
    options({ optionalSections: ['History', 'References', 'Documentation Impact', 'Testing', 'Dependencies', 'Implementation'] }),
  );
  assert.equal(
    result,
    `${text}\nProposed change\n~~~~~~~~~~~~~~~\n\nAlternatives\n^^^^^^^^^^^^\n\nNone\n\nData model impact\n^^^^^^^^^^^^^^^^^\n\nNone\n\n` +
      'REST API impact\n^^^^^^^^^^^^^^^\n\nNone\n\nSecurity impact\n^^^^^^^^^^^^^^^\n\nNone\n\nNotifications impact\n^^^^^^^^^^^^^^^^^^^^\n\nNone\n\n' +
      'Other end user impact\n^^^^^^^^^^^^^^^^^^^^^\n\nNone\n\nPerformance Impact\n^^^^^^^^^^^^^^^^^^\n\nNone\n\n' +
      'Other deployer impact\n^^^^^^^^^^^^^^^^^^^^^\n\nNone\n\nDeveloper impact\n^^^^^^^^^^^^^^^^\n\nNone\n',
  );
  assert.deepEqual(
    validateText(result, bundledTemplate(), {
      optionalSections: ['History', 'References', 'Documentation Impact', 'Testing', 'Dependencies', 'Implementation'],
    }).filter((d) => d.code !== 'blueprint-url'),
    [],
  );
});

test("insert: a wide title's underline counts East Asian characters as two columns", async () => {
  const { buildTemplate } = await import('../../server/src/template/model');
  const template = buildTemplate('=====\nTitle\n=====\n\n概要\n====\n\nText.\n\n設計 Design\n===========\n\nText.\n', 'wide');
  const text = '=====\nSpec\n=====\n\n設計 Design\n===========\n\nMine.\n';
  const edits = insertAllMissingSections(fixContext({ doc: parseSpec(text), template }, options()));
  assert.equal(applyEdits(text, edits), '=====\nSpec\n=====\n\n概要\n====\n\nNone\n\n設計 Design\n===========\n\nMine.\n');
});
