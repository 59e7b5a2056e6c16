// rst-structure, rst-title, rst-table, rst-code-lexing: exact messages, ranges and data on small
// specs (the bundled template's other rules aside), and their fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../server/src/edit/text-edit';
import { fixAllEdits } from '../../../server/src/fixes/fix-all';
import { parseSpec } from '../../../server/src/rst/parse';
import { jsonErrorOffset } from '../../../server/src/rules/docs/json-lex';
import { quickFixFor } from '../../../server/src/fixes/index';
import { buildTemplate } from '../../../server/src/template/model';
import { bundledTemplate, check, checkRule, cleanSpec, range } from '../../helpers';
import { run, scratch } from '../../cli/run';
import { applyQuickFix, noQuickFix, options } from '../../fixes/fix-helpers';
import { fixContext } from '../../../server/src/fixes/fix';

const doc = (...lines: string[]) => ['=====', 'Title', '=====', '', ...lines, ''].join('\n');
const error = (code: string, message: string, r: ReturnType<typeof range>, data: Record<string, unknown>) => ({
  code,
  severity: 'error',
  message,
  range: r,
  data,
});

test('rst-structure: a list, quote or directive that ends without a blank line, on the unindented line', () => {
  const text = doc('- one', '- two', 'Back to text.', '', '  A quote.', 'Unindented.', '', '.. note:: Read this.', 'After.');
  assert.deepEqual(checkRule('rst-structure', text), [
    error('rst-structure', 'Bullet list ends without a blank line; unexpected unindent.', range(6, 0, 6, 13), {
      docutilsLine: 7,
      blankLineBefore: 6,
    }),
    error('rst-structure', 'Block quote ends without a blank line; unexpected unindent.', range(9, 0, 9, 11), {
      docutilsLine: 10,
      blankLineBefore: 9,
    }),
    error('rst-structure', 'Explicit markup ends without a blank line; unexpected unindent.', range(12, 0, 12, 6), {
      docutilsLine: 13,
      blankLineBefore: 12,
    }),
  ]);
});

test('rst-structure: definition, field, option and enumerated lists and literal blocks too', () => {
  const text = doc(
    'term',
    '   definition',
    'x',
    '',
    ':a: b',
    'y',
    '',
    '-v  verbose',
    'z',
    '',
    '#. one',
    '   more',
    'w',
    '',
    'Code::',
    '',
    '  c',
    'v',
  );
  assert.deepEqual(
    checkRule('rst-structure', text).map((d) => [d.message, d.range.start.line]),
    [
      ['Definition list ends without a blank line; unexpected unindent.', 6],
      ['Field list ends without a blank line; unexpected unindent.', 9],
      ['Option list ends without a blank line; unexpected unindent.', 12],
      ['Enumerated list ends without a blank line; unexpected unindent.', 16],
      ['Literal block ends without a blank line; unexpected unindent.', 21],
    ],
  );
});

test('rst-structure: unexpected indentation, on the indented text', () => {
  const text = doc('A paragraph', 'that goes on', '    and is indented.');
  assert.deepEqual(checkRule('rst-structure', text), [
    error('rst-structure', 'Unexpected indentation.', range(6, 4, 6, 20), { docutilsLine: 7 }),
  ]);
});

test('rst-structure: "::" with no literal block, on the "::" (docutils names the next line)', () => {
  const text = doc('The request::', '', 'Nothing follows.', '', 'Detached ::', '', 'Again.');
  assert.deepEqual(checkRule('rst-structure', text), [
    error('rst-structure', 'Literal block expected; none found.', range(4, 11, 4, 13), { docutilsLine: 7, replacement: ':' }),
    error('rst-structure', 'Literal block expected; none found.', range(8, 8, 8, 11), { docutilsLine: 11, replacement: '' }),
  ]);
  assert.equal(applyQuickFix(text, 'rst-structure').result, text.replace('The request::', 'The request:'));
  const detached = applyQuickFix(text, 'rst-structure', { index: 1 });
  assert.equal(detached.title, "Remove the ' ::' (no literal block follows)");
  assert.equal(detached.result, text.replace('Detached ::', 'Detached'));
});

test('rst-structure: transitions at the start of a section, next to each other, at the end of the document', () => {
  const text = doc('----', '', 'Text.', '', '----', '', '----', '', 'More.', '', '-----');
  assert.deepEqual(
    checkRule('rst-structure', text).map((d) => [d.message, d.range]),
    [
      ['Document or section may not begin with a transition.', range(4, 0, 4, 4)],
      ['At least one body element must separate transitions; adjacent transitions are not allowed.', range(10, 0, 10, 4)],
      ['Document may not end with a transition.', range(14, 0, 14, 5)],
    ],
  );
  // a transition at the end of a section that is not the last one is moved after it: no message
  const moved = doc('Text.', '', '----', '', 'Next', '====', '', 'Body.');
  assert.deepEqual(checkRule('rst-structure', moved), []);
});

test('rst-structure: the blank-line fix, as a quick fix and in fix-all; the "::" fix is not in fix-all', () => {
  const text = doc('- one', 'Back to text.', '', 'Sample::', '', 'None here.');
  const run = applyQuickFix(text, 'rst-structure');
  assert.equal(run.title, 'Insert the missing blank line');
  assert.equal(run.result, text.replace('- one\nBack', '- one\n\nBack'));
  const engine = { rules: { 'missing-section': 'off' as const } };
  const all = applyEdits(text, fixAllEdits(parseSpec(text), bundledTemplate(), { ...options(), engine }));
  assert.equal(all, run.result);
  assert.deepEqual(
    checkRule('rst-structure', all).map((d) => d.message),
    ['Literal block expected; none found.'],
  );
  // with CRLF line endings, the inserted line is CRLF too
  const crlf = text.replace(/\n/g, '\r\n');
  assert.equal(applyQuickFix(crlf, 'rst-structure').result, run.result.replace(/\n/g, '\r\n'));
  noQuickFix(doc('A paragraph', 'goes on', '  indented.'), 'rst-structure');
});

test('rst-title: a mismatched overline, the title docutils drops; the fix evens the adornments', () => {
  const text = ['=====', 'Title', '=======', '', 'Body.', ''].join('\n');
  assert.deepEqual(checkRule('rst-title', text), [
    error('rst-title', 'Title overline & underline mismatch.', range(0, 0, 0, 5), { docutilsLine: 1, adornment: '=======' }),
  ]);
  const [diagnostic] = check(text).filter((d) => d.code === 'rst-title');
  const fix = quickFixFor(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, options()), diagnostic);
  assert.equal(fix?.title, 'Make the overline and underline the same length');
  const result = applyEdits(text, fix!.edits);
  assert.equal(result, text.replace('=====\nTitle', '=======\nTitle'));
  assert.deepEqual(
    parseSpec(result).sections.map((s) => s.title),
    ['Title'],
  );
  assert.deepEqual(checkRule('rst-title', result), []);
  // two characters: nothing says which one was meant
  noQuickFix(['=====', 'Title', '-----', '', 'Body.', ''].join('\n'), 'rst-title');
});

test('rst-title: titles in a list or a quote, inconsistent levels, incomplete titles, once each', () => {
  const text = doc(
    '- item',
    '',
    '  Inner',
    '  ----',
    '',
    'Sub',
    '---',
    '',
    'Deep',
    '~~~~',
    '',
    'Up',
    '==',
    '',
    'Sub2',
    '----',
    '',
    'Bad',
    '^^^',
    '',
    '====',
    'Lone',
  );
  assert.deepEqual(
    checkRule('rst-title', text).map((d) => [d.message, d.range]),
    [
      ['Unexpected section title.', range(6, 2, 7, 6)],
      ['Title level inconsistent:', range(21, 0, 21, 3)],
      ['Incomplete section title.', range(24, 0, 24, 4)],
    ],
  );
  // the short underline under "Inner" is the same mistake: title-underline does not report it either
  assert.deepEqual(checkRule('title-underline', text), []);
});

test("rst-table: malformed grid and simple tables with docutils' reason, on the wrong row", () => {
  const text = doc(
    '+-----+-----+',
    '| a   | b   |',
    '+-----+----+',
    '',
    '=====  =====',
    'a      b',
    '=====  =====',
    'c    xd  e',
    '=====  =====',
  );
  assert.deepEqual(checkRule('rst-table', text), [
    error('rst-table', 'Malformed table.', range(6, 0, 6, 12), { docutilsLine: 5 }),
    error('rst-table', 'Malformed table. Text in column margin in table line 4.', range(11, 0, 11, 10), { docutilsLine: 12 }),
  ]);
});

test('rst-table: a list-table whose rows differ', () => {
  const text = doc('.. list-table::', '', '   * - a', '     - b', '   * - c');
  assert.deepEqual(checkRule('rst-table', text), [
    error(
      'rst-table',
      'Error parsing content block for the "list-table" directive: uniform two-level bullet list expected, but row 2 does not contain the same number of items as row 1 (1 vs 2).',
      range(4, 0, 4, 15),
      { docutilsLine: 5 },
    ),
  ]);
});

test('rst-code-lexing: a json block Pygments cannot lex, on the first bad character; what it lexes is fine', () => {
  const text = doc(
    '.. code-block:: json',
    '',
    '   {',
    '     "a": 1,',
    '     ...',
    '   }',
    '',
    '.. code:: JSON',
    '',
    '   {"a": [1, 2,],',
    '   }',
  );
  assert.deepEqual(checkRule('rst-code-lexing', text), [
    error('rst-code-lexing', 'Could not lex literal_block as "json". Highlighting skipped.', range(8, 5, 8, 6), { docutilsLine: 5 }),
  ]);
  const forced = doc('.. code-block:: json', '   :force:', '', '   {...}');
  assert.deepEqual(checkRule('rst-code-lexing', forced), []);
  const highlighted = doc('.. highlight:: json', '', 'Sample::', '', "   {'a': 1}");
  assert.deepEqual(
    checkRule('rst-code-lexing', highlighted).map((d) => d.range),
    [range(8, 4, 8, 5)],
  );
  const bare = doc('.. highlight:: json', '', '.. code-block::', '', "   {'a': 1}", '', '.. code::', '', '   {"a": 1}');
  assert.deepEqual(
    checkRule('rst-code-lexing', bare).map((d) => [d.range, d.data]),
    [[range(8, 4, 8, 5), { docutilsLine: 7 }]],
  );
});

test("json-lex: Pygments' JsonLexer verdicts", () => {
  const cases: [string, number][] = [
    ['{"a": 1, "b": [true, false, null], "c": -1.5e+3}\n', -1],
    ['{"a": 1,}\n', -1],
    ['[[[\n', -1],
    ['{"a": 1} // comment\n/* block */\n', -1],
    ['{"a": ...}\n', 6],
    ['{"a": <id>}\n', 6],
    ['# comment\n', 0],
    ["{'a': 1}\n", 1],
    ['{a: 1}\n', 1],
    ['{"a": True}\n', 6],
    ['{"a": None}\n', 6],
    ['{"a": nil}\n', 7],
    ['{"a": "open\n', 6],
    ['{"a": 1} /* open\n', 9],
    ['{"a": 1} / 2\n', 9],
    ['{"a": "\\u12G4"}\n', -1],
  ];
  for (const [text, offset] of cases) assert.equal(jsonErrorOffset(text), offset, JSON.stringify(text));
});

test('rst-title: a mismatched overline is one diagnostic; the template rules read the spec as meant', () => {
  const template = buildTemplate(
    ['=====', 'Top A', '=====', '', 'Sub A', '-----', '', '=====', 'Top B', '=====', '', 'Sub B', '-----', ''].join('\n'),
    'mini',
  );
  const text = [
    '=====',
    'Top A',
    '=====',
    '',
    'Sub A',
    '-----',
    '',
    'Text.',
    '',
    '========',
    'Top B',
    '=====',
    '',
    'Sub B',
    '-----',
    '',
    'Text.',
    '',
  ].join('\n');
  assert.deepEqual(
    check(text, {}, template).map((d) => [d.code, d.range.start.line]),
    [['rst-title', 9]],
  );
  // docutils itself (and so the parse) drops the title: Sub B is read under Top A
  assert.deepEqual(
    parseSpec(text).sections.map((s) => [s.title, s.level]),
    [
      ['Top A', 1],
      ['Sub A', 2],
      ['Sub B', 2],
    ],
  );
});

test('the CLI: a spec clean but for a docs-gate block error fails the check (exit 1), and passes with the rule off', () => {
  const { dir, cleanup } = scratch();
  try {
    const text = cleanSpec().replace('Unit tests.\n', 'Unit tests:\n\n- one\n- two\nThen more.\n');
    const file = join(dir, 'clean-spec.rst');
    writeFileSync(file, text);
    const line = text.split('\n').indexOf('Then more.') + 1;
    const failed = run(['check', file]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stdout,
      new RegExp(`clean-spec\\.rst:${line}:1: error rst-structure Bullet list ends without a blank line; unexpected unindent\\.`),
    );
    assert.equal(run(['check', '--rule', 'rst-structure=off', file]).code, 0);
  } finally {
    cleanup();
  }
});

test("rst-structure inside a table cell: on the cell's line (docutils reports the line below it), no blank-line fix", () => {
  const text = doc(
    '+--------+----------+',
    '| a      | - item   |',
    '|        | text     |',
    '+--------+----------+',
    '',
    '=====  ===========',
    'a      - item',
    '       text',
    '=====  ===========',
  );
  assert.deepEqual(checkRule('rst-structure', text), [
    error('rst-structure', 'Bullet list ends without a blank line; unexpected unindent.', range(6, 0, 6, 21), { docutilsLine: 8 }),
    error('rst-structure', 'Bullet list ends without a blank line; unexpected unindent.', range(11, 7, 11, 11), { docutilsLine: 13 }),
  ]);
  noQuickFix(text, 'rst-structure');
});
