// rst-directive: option values docutils' converters reject ("Error in "image" directive: invalid
// option value: ..."), Image's vertical alignment outside a substitution, and Sphinx's code-block
// :emphasize-lines: checks, at the option. Every expectation here is Sphinx 5.3's message on the
// directive's line (sphinx_gate.py); the line-number warning "out of range" has no line there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule } from '../../helpers';

const doc = (...lines: string[]) => ['=====', 'Title', '=====', '', ...lines].join('\n');
const brief = (
  found: { message: string; range: { start: { line: number; character: number }; end: { character: number } }; data?: object }[],
) => found.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message} ${JSON.stringify(d.data)}`);

test("option values: the first one docutils rejects, with its converter's words, at the value", () => {
  const text = doc(
    '.. image:: foo.png',
    '   :width: abc',
    '   :scale: x',
    '',
    '.. image:: foo.png',
    '   :scale: 50 %',
    '   :width: 10 %',
    '   :height: 10%',
    '',
    '.. figure:: foo.png',
    '   :align: top',
    '',
    '   Caption.',
    '',
    '.. image:: foo.png',
    '   :align: Top',
    '   :class: 123 ok',
    '   :target:',
    '',
    '.. code-block:: python',
    '   :emphasize-lines: 9',
    '',
    '   a = 1',
    '',
    '.. code-block:: python',
    '   :emphasize-lines: 1,',
    '',
    '   a = 1',
    '',
    '.. code-block:: python',
    '   :linenos: x',
    '',
    '   a = 1',
    '',
    '.. code-block:: json',
    '   :lineno-start: x',
    '',
    '   {...}',
    '',
    '.. contents::',
    '   :depth: -1',
    '',
    '.. contents::',
    '   :backlinks: up',
    '',
    '.. note::',
    '   :class:',
    '',
    '   Text.',
    '',
    '.. highlight:: python',
    '   :linenothreshold: 0',
    '',
    '.. image:: foo.png',
    '   :width: 10',
    '   :width: 20',
    '',
    '.. image:: a.png',
    '   :alt: x',
    '   :height:',
    '',
    '.. toctree::',
    '   :maxdepth: two',
    '',
    '.. code-block:: python',
    '   :emphasize-lines: 3-1',
    '   :caption: x',
    '',
    '   a = 1',
    '',
  );
  assert.deepEqual(brief(checkRule('rst-directive', text)), [
    '5:11-14 Error in "image" directive: invalid option value: (option: "width"; value: \'abc\') not a positive measure of one of the following units: "em" "ex" "px" "in" "cm" "mm" "pt" "pc" "%". {"docutilsLine":5}',
    '11:12-15 Error in "image" directive: invalid option value: (option: "height"; value: \'10%\') not a positive measure of one of the following units: "em" "ex" "px" "in" "cm" "mm" "pt" "pc" "". {"docutilsLine":9}',
    '14:11-14 Error in "figure" directive: invalid option value: (option: "align"; value: \'top\') "top" unknown; choose from "left", "center", or "right". {"docutilsLine":14}',
    '20:11-17 Error in "image" directive: invalid option value: (option: "class"; value: \'123 ok\') cannot make "123" into a class name. {"docutilsLine":19}',
    '24:21-22 line number spec is out of range(1-1): \'9\' {"docutilsLine":24}',
    '29:21-23 invalid line number spec: \'1,\' {"docutilsLine":29}',
    '34:13-14 Error in "code-block" directive: invalid option value: (option: "linenos"; value: \'x\') no argument is allowed; "x" supplied. {"docutilsLine":34}',
    '39:18-19 Error in "code-block" directive: invalid option value: (option: "lineno-start"; value: \'x\') invalid literal for int() with base 10: \'x\'. {"docutilsLine":39}',
    '44:11-13 Error in "contents" directive: invalid option value: (option: "depth"; value: \'-1\') negative value; must be positive or zero. {"docutilsLine":44}',
    '47:15-17 Error in "contents" directive: invalid option value: (option: "backlinks"; value: \'up\') "up" unknown; choose from "top", "entry", or "none". {"docutilsLine":47}',
    '50:3-10 Error in "note" directive: invalid option value: (option: "class"; value: None) argument required but none supplied. {"docutilsLine":50}',
    '55:21-22 Error in "highlight" directive: invalid option value: (option: "linenothreshold"; value: \'0\') negative or zero value; must be positive. {"docutilsLine":55}',
    '59:11-13 Error in "image" directive: invalid option data: duplicate option "width". {"docutilsLine":58}',
    '63:3-11 Error in "image" directive: invalid option value: (option: "height"; value: None) expected string or bytes-like object, got \'NoneType\'. {"docutilsLine":62}',
    '66:14-17 Error in "toctree" directive: invalid option value: (option: "maxdepth"; value: \'two\') invalid literal for int() with base 10: \'two\'. {"docutilsLine":66}',
    '69:21-24 invalid line number spec: \'3-1\' {"docutilsLine":69}',
  ]);
  // a directive that fails highlights nothing: no lexing problem for the json block with a bad option
  assert.deepEqual(brief(checkRule('rst-code-lexing', text)), []);
});

test('an image aligned "middle" outside a substitution; the options not followed say nothing', () => {
  const text = doc('.. |x| image:: a.png', '   :align: middle', '', '.. image:: a.png', '   :align: Middle', '', 'Text |x|.', '');
  assert.deepEqual(brief(checkRule('rst-directive', text)), [
    '8:11-17 Error in "image" directive: "middle" is not a valid value for the "align" option.  Valid values for "align" are: "left", "center", "right". {"docutilsLine":8}',
  ]);
  // markup in a value is text to docutils
  assert.deepEqual(brief(checkRule('rst-directive', doc('.. image:: a.png', '   :width: *x*', ''))), [
    '5:11-14 Error in "image" directive: invalid option value: (option: "width"; value: \'*x*\') not a positive measure of one of the following units: "em" "ex" "px" "in" "cm" "mm" "pt" "pc" "%". {"docutilsLine":5}',
  ]);
  // a list-table's :width: (not followed here), a valid line number spec
  const fine = doc(
    '.. list-table::',
    '   :width: 50 %',
    '',
    '   * - a',
    '',
    '.. code-block:: python',
    '   :emphasize-lines: 1,-2,2-',
    '',
    '   a = 1',
    '   b = 2',
    '',
  );
  assert.deepEqual(brief(checkRule('rst-directive', fine)), []);
});
