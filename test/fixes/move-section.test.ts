import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, cleanSpec } from '../helpers';
import { applyQuickFix } from './fix-helpers';

const sectionText = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

test('move: a top-level section goes back after the one it follows in the template', () => {
  const original = cleanSpec();
  const testing = sectionText(original, 'Testing\n=======\n', 'Documentation Impact\n');
  const text = original.replace(testing, '').replace('Dependencies\n============\n', `${testing}Dependencies\n============\n`);
  const { title, result } = applyQuickFix(text, 'section-order');
  assert.equal(title, "Move 'Testing' after 'Dependencies'");
  assert.equal(result, original);
});

test('move: the last section, with its subsections, to before the section it precedes in the template', () => {
  const original = cleanSpec();
  const problem = sectionText(original, 'Problem description\n', 'Proposed change\n');
  const text = `${original.replace(problem, '')}\n${problem.trimEnd()}\n`;
  const found = check(text).filter((d) => d.code === 'section-order');
  assert.deepEqual(
    found.map((d) => d.message),
    ["Section 'Problem description' is out of template order: it belongs before 'Proposed change'."],
  );
  const { title, result } = applyQuickFix(text, 'section-order');
  assert.equal(title, "Move 'Problem description' before 'Proposed change'");
  assert.equal(result, original);
});

test('move: the last section, to the middle; a subsection within its parent', () => {
  const original = cleanSpec();
  const references = sectionText(original, 'References\n', '\u0000') || original.slice(original.indexOf('References\n'));
  const text = original.replace(references, '').replace(/\n+$/, '\n').replace('Testing\n=======\n', `${references}\n\nTesting\n=======\n`);
  const { result } = applyQuickFix(text, 'section-order');
  assert.equal(result, original.replace('The API reference.\n\nReferences', 'The API reference.\n\n\nReferences'));

  const alternatives = sectionText(original, 'Alternatives\n', 'Data model impact\n');
  const swapped = original.replace(alternatives, '').replace('Security impact\n', `${alternatives}Security impact\n`);
  const moved = applyQuickFix(swapped, 'section-order');
  assert.equal(moved.title, "Move 'Alternatives' before 'Data model impact'");
  assert.equal(moved.result, original);
});
