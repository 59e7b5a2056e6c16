import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkRule, cleanSpec, lineOf, range, removeLines, replaceLine, titleRange } from '../helpers';

test('the clean fixture spec has no diagnostics', () => {
  assert.deepEqual(check(cleanSpec(), { fileName: 'clean-spec.rst' }), []);
});

test('missing-section: a missing top-level section is reported after its predecessor', () => {
  const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
  assert.deepEqual(checkRule('missing-section', text), [
    {
      code: 'missing-section',
      severity: 'error',
      message: "Missing section 'Dependencies': the template puts it after 'Implementation'.",
      range: titleRange(text, 'Implementation'),
      data: { title: 'Dependencies', templateIndex: 15 },
    },
  ]);
});

test('missing-section: a missing first subsection is reported on its parent', () => {
  const text = removeLines(cleanSpec(), 'Alternatives', 'Data model impact');
  assert.deepEqual(checkRule('missing-section', text), [
    {
      code: 'missing-section',
      severity: 'error',
      message: "Missing section 'Alternatives': the template puts it first in 'Proposed change'.",
      range: titleRange(text, 'Proposed change'),
      data: { title: 'Alternatives', templateIndex: 3 },
    },
  ]);
});

test('missing-section: a missing parent is one diagnostic, not one per subsection', () => {
  const text = removeLines(cleanSpec(), 'Problem description', 'Proposed change');
  const docTitle = 'Clean spec for the test suite';
  const line = lineOf(text, docTitle);
  assert.deepEqual(checkRule('missing-section', text), [
    {
      code: 'missing-section',
      severity: 'error',
      message: "Missing section 'Problem description' (with its 1 subsection): the template puts it first, after the title.",
      range: range(line, 0, line, docTitle.length),
      data: { title: 'Problem description', templateIndex: 0 },
    },
  ]);
});

test('missing-section: History is optional by default, and optionalSections can change that', () => {
  const text = cleanSpec();
  assert.deepEqual(checkRule('missing-section', text), []);
  assert.equal(checkRule('missing-section', text, { optionalSections: [] }).length, 1);
  const withoutTesting = removeLines(text, 'Testing', 'Documentation Impact');
  assert.deepEqual(checkRule('missing-section', withoutTesting, { optionalSections: ['Testing', 'History'] }), []);
});

test('unknown-section: an extra top-level section, but not an extra subsection', () => {
  const text = `${cleanSpec()}\nGlossary\n========\n\nSpec: a design document.\n`;
  const diagnostics = checkRule('unknown-section', text);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].range.start.line, lineOf(text, 'Glossary'));
  assert.match(diagnostics[0].message, /^Unknown section 'Glossary': make it a subsection of a template section\.$/);
  const withSubsection = cleanSpec().replace('Work Items\n----------\n', 'Milestones\n----------\n\nTwo.\n\nWork Items\n----------\n');
  assert.deepEqual(check(withSubsection), []);
});

test('title-mismatch: case, plural and (s) differences name the template title once', () => {
  let text = replaceLine(cleanSpec(), 'Proposed change', 'Proposed Changes');
  text = text.replace('Proposed Changes\n===============\n', 'Proposed Changes\n================\n');
  text = replaceLine(text, 'Data model impact', 'Data Model Impact');
  assert.deepEqual(checkRule('title-mismatch', text), [
    {
      code: 'title-mismatch',
      severity: 'error',
      message: "Section title 'Proposed Changes' should be 'Proposed change', as the template spells it.",
      range: titleRange(text, 'Proposed Changes'),
      data: { title: 'Proposed Changes', expected: 'Proposed change' },
    },
    {
      code: 'title-mismatch',
      severity: 'error',
      message: "Section title 'Data Model Impact' should be 'Data model impact', as the template spells it.",
      range: titleRange(text, 'Data Model Impact'),
      data: { title: 'Data Model Impact', expected: 'Data model impact' },
    },
  ]);
  assert.deepEqual(checkRule('missing-section', text), []);
  assert.deepEqual(checkRule('unknown-section', text), []);
});

test('title-mismatch: a renamed section that holds the template subsections', () => {
  let text = replaceLine(cleanSpec(), 'Proposed change', 'Proposed workflow');
  text = text.replace('Proposed workflow\n===============\n', 'Proposed workflow\n=================\n');
  const diagnostics = checkRule('title-mismatch', text);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    ["Section 'Proposed workflow' holds the subsections of 'Proposed change': the template calls it 'Proposed change'."],
  );
  assert.deepEqual(checkRule('missing-section', text), []);
});

test('section-level: a template subsection promoted to the top level', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n=========\n');
  assert.deepEqual(checkRule('section-level', text), [
    {
      code: 'section-level',
      severity: 'error',
      message: "Section 'Use Cases' is a subsection of 'Problem description' in the template, not a top-level section.",
      range: titleRange(text, 'Use Cases'),
      data: { title: 'Use Cases', expectedDepth: 2, depth: 1, parent: 'Problem description' },
    },
  ]);
  assert.deepEqual(checkRule('missing-section', text), []);
  assert.deepEqual(checkRule('unknown-section', text), []);
});

test('section-order: one section out of order is reported with where it belongs', () => {
  const original = cleanSpec();
  const testing = original.slice(original.indexOf('Testing\n=======\n'), original.indexOf('Documentation Impact\n'));
  const text = original.replace(testing, '').replace('Dependencies\n============\n', `${testing}Dependencies\n============\n`);
  assert.deepEqual(checkRule('section-order', text), [
    {
      code: 'section-order',
      severity: 'warning',
      message: "Section 'Testing' is out of template order: it belongs after 'Dependencies'.",
      range: titleRange(text, 'Testing'),
      data: { title: 'Testing', afterTitle: 'Dependencies', beforeTitle: null },
    },
  ]);
});

test('title-underline: short underline, short overline and mismatched overline', () => {
  const short = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-------\n');
  const line = lineOf(short, '-------');
  assert.deepEqual(checkRule('title-underline', short), [
    {
      code: 'title-underline',
      severity: 'error',
      message: "Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.",
      range: range(line, 0, line, 7),
      data: { title: 'Use Cases', width: 9 },
    },
  ]);
  const wide = cleanSpec().replace('Use Cases\n---------\n', '用例 Use Cases\n------------\n');
  assert.deepEqual(
    checkRule('title-underline', wide).map((d) => d.message),
    ["Underline of '用例 Use Cases' too short: 12 characters for a title 14 columns wide."],
  );
});

test('title-mismatch: an unknown title alone where a template section is missing is one rename, not two errors', () => {
  const text = cleanSpec().replace('Testing\n=======\n', 'Test plan\n=========\n');
  assert.deepEqual(checkRule('title-mismatch', text), [
    {
      code: 'title-mismatch',
      severity: 'error',
      message: "Section 'Test plan' stands where the template has 'Testing', which this spec lacks: rename it to 'Testing'.",
      range: titleRange(text, 'Test plan'),
      data: { title: 'Test plan', expected: 'Testing' },
    },
  ]);
  assert.deepEqual(checkRule('missing-section', text), []);
  assert.deepEqual(checkRule('unknown-section', text), []);
});

test('unknown-section: a duplicated top-level section says where the first one is', () => {
  const text = `${cleanSpec()}\nTesting\n=======\n\nMore tests.\n`;
  assert.deepEqual(
    checkRule('unknown-section', text).map((d) => [d.range.start.line, d.message]),
    [[lineOf(text, 'More tests.') - 3, `Duplicate section 'Testing': the spec already has it at line ${lineOf(text, 'Testing') + 1}.`]],
  );
});
