import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEdits } from '../../server/src/fixes/diff';
import { applyEdits, mergeEdits, type TextEdit } from '../../server/src/edit/text-edit';
import { fixAllEdits } from '../../server/src/fixes/fix-all';
import { parseSpec } from '../../server/src/rst/parse';
import { bundledTemplate, check, cleanSpec, removeLines, replaceLine } from '../helpers';
import { options } from './fix-helpers';

const LONG = 'This sentence is deliberately long so that it runs past the seventy-nine column limit.';

const fixAll = (text: string, engine = {}) =>
  applyEdits(text, fixAllEdits(parseSpec(text.replace(/^\ufeff/, '')), bundledTemplate(), { ...options(), engine }));

function broken(): string {
  let text = cleanSpec()
    .replace('Proposed change\n===============\n', 'Proposed Changes\n================\n')
    .replace('Use Cases\n---------\n', 'Use Cases\n-------\n')
    .replace('Dependencies\n============\n', 'Dependencies\n------------\n')
    .replace('Testing\n=======\n\nUnit tests.\n', 'Testing\n=======\n');
  text = removeLines(text, 'Alternatives', 'Data model impact');
  text = replaceLine(text, 'None', 'None  ');
  text = replaceLine(text, 'Add a health field to the node resource.', 'Add\ta health\u200b field to the node resource.');
  text = replaceLine(text, 'The API reference.', LONG);
  return text;
}

test("fix-all: only the fixes that keep the writer's content, in one edit; a second run changes nothing", () => {
  const text = broken();
  assert.deepEqual([...new Set(check(text).map((d) => d.code))].sort(), [
    'empty-section',
    'line-length',
    'missing-section',
    'section-level',
    'tab',
    'title-mismatch',
    'title-underline',
    'trailing-whitespace',
    'zero-width-space',
  ]);
  const result = fixAll(text);
  // Whitespace, tabs, the zero-width space and the underline; not the title's spelling, its level,
  // the missing section, None under the empty one, nor the long line: those stay explicit.
  const expected = removeLines(cleanSpec(), 'Alternatives', 'Data model impact')
    .replace('Proposed change\n===============\n', 'Proposed Changes\n================\n')
    .replace('Dependencies\n============\n', 'Dependencies\n------------\n')
    .replace('Testing\n=======\n\nUnit tests.\n', 'Testing\n=======\n')
    .replace('Add a health field to the node resource.', 'Add     a health field to the node resource.')
    .replace('The API reference.', LONG);
  assert.equal(result, expected);
  assert.deepEqual([...new Set(check(result).map((d) => d.code))].sort(), [
    'empty-section',
    'line-length',
    'missing-section',
    'section-level',
    'title-mismatch',
  ]);
  assert.deepEqual(fixAllEdits(parseSpec(result), bundledTemplate(), options()), []);
});

test('fix-all: section order is not fixed', () => {
  const original = cleanSpec();
  const testing = original.slice(original.indexOf('Testing\n=======\n'), original.indexOf('Documentation Impact\n'));
  const text = original.replace(testing, '').replace('Dependencies\n============\n', `${testing}Dependencies\n============\n`);
  assert.equal(fixAll(text), text);
});

test('fix-all: CRLF becomes LF when carriage-return is on; otherwise CRLF stays, fixed lines included; a BOM stays', () => {
  const short = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-----\n');
  const text = `\ufeff${short.replace(/\n/g, '\r\n')}`;
  assert.equal(fixAll(text), `\ufeff${cleanSpec()}`);
  assert.equal(fixAll(text, { rules: { 'carriage-return': 'off' } }), `\ufeff${cleanSpec().replace(/\n/g, '\r\n')}`);
});

test('fix-all: a missing section is not inserted (on save, it would bring back a section just removed)', () => {
  const text = removeLines(cleanSpec(), 'Dependencies', 'Testing');
  assert.equal(fixAll(text), text);
});

test('fix-all: a rule turned off is not fixed', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', 'Unit tests. ');
  assert.equal(fixAll(text, { rules: { 'trailing-whitespace': 'off' } }), text);
  assert.equal(fixAll(text), cleanSpec());
});

test('edits: overlapping groups are left out whole; inserts at one point keep their order', () => {
  const at = (line: number, start: number, end: number, newText: string): TextEdit => ({
    range: { start: { line, character: start }, end: { line, character: end } },
    newText,
  });
  const merged = mergeEdits([
    [at(0, 0, 3, 'X')],
    [at(0, 2, 4, 'Y'), at(1, 0, 0, 'no')],
    [at(0, 3, 3, '+')],
    [at(0, 3, 3, '!')],
    [at(0, 0, 3, 'X')],
  ]);
  assert.equal(applyEdits('abcdef\nghi', merged), 'X+!def\nghi');
  assert.throws(() => applyEdits('abc', [at(0, 0, 2, ''), at(0, 1, 3, '')]), /overlapping/);
  assert.equal(
    applyEdits('\ufeffab\r\ncd', [
      at(0, 1, 2, '-'),
      { range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } }, newText: '\n' },
    ]),
    '\ufeffa-\ncd',
  );
});

test('diff: only the lines that changed, line breaks on their own', () => {
  const before = 'a\nb\nc\r\nd\ne';
  const after = 'a\nB\nc\nd\nx\ne\n';
  const edits = diffEdits(before, after);
  assert.equal(applyEdits(before, edits), after);
  assert.deepEqual(
    edits.map((edit) => [edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character, edit.newText]),
    [
      [1, 0, 2, 0, 'B\n'],
      [2, 1, 3, 0, '\n'],
      [4, 0, 4, 0, 'x\n'],
      [4, 1, 4, 1, '\n'],
    ],
  );
  assert.deepEqual(diffEdits(before, before), []);
});
