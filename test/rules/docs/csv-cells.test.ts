// The cells of a csv-table parsed as docutils parses them (each field a document of its own):
// their inline markup problems at the exact character, on the line Sphinx names (the content's
// first line, for every row); their references on the cell's own line, as docutils gives them.
// Lines checked against Sphinx 5.3 (sphinx_gate.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule } from '../../helpers';

const doc = (...lines: string[]) => ['=====', 'Title', '=====', '', ...lines, ''].join('\n');
const brief = (
  found: { message: string; range: { start: { line: number; character: number }; end: { character: number } }; data?: object }[],
) => found.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message} ${JSON.stringify(d.data)}`);

test('csv-table cells: inline markup left open, in the header option, quoted, doubled quotes, over two lines', () => {
  const text = doc(
    '.. csv-table::',
    '   :header: "x", "y *z"',
    '   :widths: 1, 2',
    '',
    '   "a ""q"" *b", c',
    '   d, "multi',
    '   line *e"',
    '   "- item ``f", "g"',
    '',
    '   h, `i',
    '',
    '.. csv-table::',
    '   :delim: ;',
    '',
    '   a *b; c',
  );
  assert.deepEqual(brief(checkRule('rst-inline', text)), [
    '5:20-21 Inline emphasis start-string without end-string. {"docutilsLine":9}',
    '8:12-13 Inline emphasis start-string without end-string. {"docutilsLine":9}',
    '10:8-9 Inline emphasis start-string without end-string. {"docutilsLine":9}',
    '11:11-13 Inline literal start-string without end-string. {"docutilsLine":9}',
    '13:6-7 Inline interpreted text or phrase reference start-string without end-string. {"docutilsLine":9}',
    '18:5-6 Inline emphasis start-string without end-string. {"docutilsLine":19}',
  ]);
});

test('csv-table cells: references and roles; a table docutils does not build is not parsed', () => {
  const text = doc('Text.', '', '.. csv-table::', '', '   a, b', '   "x", "y :foo:`z` |sub| w_"');
  assert.deepEqual(brief(checkRule('rst-reference', text)), [
    '9:20-25 Undefined substitution referenced: "sub". {"name":"sub","docutilsLine":1}',
    '9:26-28 Unknown target name: "w". {"name":"w","docutilsLine":1}',
  ]);
  assert.deepEqual(brief(checkRule('rst-role', text)), ['9:12-15 Unknown interpreted text role "foo". {"docutilsLine":9,"name":"foo"}']);
  // three header rows of one row: the directive fails (rst-table's), and its cells are not read
  assert.deepEqual(checkRule('rst-inline', doc('.. csv-table::', '   :header-rows: 3', '', '   "a *b", c')), []);
  // a grid table cell's unknown role: where docutils reports it, a line below the cell's
  const grid = doc(
    '+-------------+-----+',
    '| a           | b   |',
    '+-------------+-----+',
    '| :foo:`x` y  | c   |',
    '+-------------+-----+',
  );
  assert.deepEqual(brief(checkRule('rst-role', grid)), ['7:3-6 Unknown interpreted text role "foo". {"docutilsLine":9,"name":"foo"}']);
});
