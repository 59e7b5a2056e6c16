import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanSpec, replaceLine } from '../helpers';
import { applyQuickFix } from './fix-helpers';

test('trailing whitespace: removed, spaces and tabs alike', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. \t ');
  const { title, result } = applyQuickFix(text, 'trailing-whitespace');
  assert.equal(title, 'Remove trailing whitespace');
  assert.equal(result, cleanSpec());
});

test('tab: spaces up to the next tab stop of 8, as docutils expands it', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit\ttests\t\tdone.');
  const first = applyQuickFix(text, 'tab');
  assert.equal(first.title, 'Replace the tab with spaces');
  assert.equal(first.result, replaceLine(cleanSpec(), 'Unit tests.', 'Unit    tests\t\tdone.'));
  const second = applyQuickFix(text, 'tab', { index: 1 });
  assert.equal(second.result, replaceLine(cleanSpec(), 'Unit tests.', 'Unit\ttests           done.'));
  assert.equal('Unit    tests           done.'.indexOf('done'), 24);
});

test('carriage return: every line ending becomes LF in one fix', () => {
  const text = cleanSpec().replace(/\n/g, '\r\n').replace('Unit tests.\r\n', 'Unit tests.\r');
  const { title, result } = applyQuickFix(text, 'carriage-return');
  assert.equal(title, 'Use LF line endings');
  assert.equal(result, cleanSpec());
});

test('zero-width space: removed', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit\u200b tests.\u200b');
  const first = applyQuickFix(text, 'zero-width-space', { index: 1 });
  assert.equal(first.title, 'Remove the zero-width space');
  assert.equal(first.result, replaceLine(cleanSpec(), 'Unit tests.', 'Unit\u200b tests.'));
});

test('empty section: "None" under the title, or after a comment', () => {
  const text = cleanSpec().replace('Dependencies\n============\n\nNone\n', 'Dependencies\n============\n');
  const { title, result } = applyQuickFix(text, 'empty-section');
  assert.equal(title, 'Write "None" under \'Dependencies\'');
  assert.equal(result, cleanSpec());
  const commented = cleanSpec().replace('Dependencies\n============\n\nNone\n', 'Dependencies\n============\n\n.. TODO\n');
  assert.equal(
    applyQuickFix(commented, 'empty-section').result,
    cleanSpec().replace('Dependencies\n============\n\nNone\n', 'Dependencies\n============\n\n.. TODO\n\nNone\n'),
  );
  const last = cleanSpec().replace(/References\n==========\n\nNone\n$/, 'References\n==========\n');
  assert.equal(applyQuickFix(last, 'empty-section').result, cleanSpec());
  assert.equal(applyQuickFix(last.replace(/\n$/, ''), 'empty-section').result, cleanSpec());
});
