import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges } from '../../server/src/features/folding';
import { nodeHealth, specFrom } from './spec';

test('folding: every section, literal block (from its ::), directive body, comment and list-table of a spec', () => {
  const { doc } = specFrom(nodeHealth());
  assert.deepEqual(foldingRanges(doc), [
    { startLine: 0, endLine: 4, kind: 'comment' },
    { startLine: 6, endLine: 107 },
    { startLine: 18, endLine: 26 },
    { startLine: 23, endLine: 26 },
    { startLine: 28, endLine: 72 },
    { startLine: 31, endLine: 33 },
    { startLine: 35, endLine: 38 },
    { startLine: 40, endLine: 43 },
    { startLine: 45, endLine: 62 },
    { startLine: 58, endLine: 62 },
    { startLine: 64, endLine: 67 },
    { startLine: 69, endLine: 72 },
    { startLine: 74, endLine: 77 },
    { startLine: 79, endLine: 91 },
    { startLine: 82, endLine: 86 },
    { startLine: 88, endLine: 91 },
    { startLine: 93, endLine: 96 },
    { startLine: 98, endLine: 107 },
    { startLine: 101, endLine: 107 },
  ]);
});

test('folding: code-block directive, grid table, two-line comment, literal blocks', () => {
  const text = [
    'First',
    '=====',
    '',
    '.. code-block:: python',
    '',
    '   x = 1',
    '   y = 2',
    '',
    '+---+---+',
    '| a | b |',
    '+---+---+',
    '',
    '.. a comment',
    '   on two lines',
    '',
    'Second',
    '======',
    '',
    'Sub',
    '---',
    '',
    'Text::',
    '',
    '  literal',
    '  more',
    '',
    'One line::',
    '',
    '  alone',
    '',
  ].join('\n');
  assert.deepEqual(foldingRanges(specFrom(text).doc), [
    { startLine: 0, endLine: 13 },
    { startLine: 3, endLine: 6 },
    { startLine: 8, endLine: 10 },
    { startLine: 12, endLine: 13, kind: 'comment' },
    { startLine: 15, endLine: 28 },
    { startLine: 18, endLine: 28 },
    { startLine: 21, endLine: 24 },
    { startLine: 26, endLine: 28 },
  ]);
  assert.deepEqual(foldingRanges(specFrom('Title\n=====\n').doc), [], 'a section of one title has nothing to fold');
});
