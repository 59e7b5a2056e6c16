// The docs gate's later additions: circular indirect targets, substitutions of conf.py's
// rst_prolog/rst_epilog, csv-table and list-table structure, inline markup in table cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../../server/src/analyze';
import { readConfPy } from '../../../server/src/rules/docs/names';
import { checkRule, range } from '../../helpers';

const doc = (...lines: string[]) => ['=====', 'Title', '=====', '', ...lines, ''].join('\n');
const brief = (found: { message: string; range: { start: { line: number; character: number }; end: { character: number } } }[]) =>
  found.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);

test('rst-reference: indirect targets that come back to themselves, as docutils reports them (once per cycle)', () => {
  const text = doc('See a_, b_, c_, d_ and e_.', '', '.. _a: b_', '.. _b: a_', '.. _c: c_', '.. _d: `e`_', '.. _e: f_', '.. _f: e_');
  assert.deepEqual(brief(checkRule('rst-reference', text)), [
    '6:0-9 Indirect hyperlink target "a" (id="a") refers to target "b", forming a circular reference.',
    '8:0-9 Indirect hyperlink target "c" (id="c") refers to target "c", forming a circular reference.',
    // d → e → f → e: the cycle is entered at e, which is the one reported
    '10:0-9 Indirect hyperlink target "e" (id="e") refers to target "f", forming a circular reference.',
  ]);
  assert.deepEqual(checkRule('rst-reference', text)[0].data, { name: 'a', docutilsLine: 7 });
  // a chain that ends at a real target, and one that ends nowhere (reported at its last link only)
  const chain = doc('See a_ and x_.', '', '.. _a: b_', '.. _b: `The end`_', '.. _the end: http://example.org', '.. _x: y_', '.. _y: zz_');
  assert.deepEqual(brief(checkRule('rst-reference', chain)), [
    '10:0-10 Indirect hyperlink target "y" (id="y") refers to target "zz", which does not exist.',
  ]);
});

test('conf.py read as text: the substitutions of rst_prolog and rst_epilog, and nothing guessed', () => {
  const prolog = 'rst_prolog = """\n.. |Nova| replace:: OpenStack Compute\n.. |x  y| image:: a.png\n   not |here| replace:: z\n"""\n';
  assert.deepEqual(readConfPy(`extensions = []\n${prolog}rst_epilog = '.. |ep| replace:: e'  # last\n`), {
    extensions: [],
    substitutions: ['Nova', 'x y', 'ep'],
  });
  assert.deepEqual(readConfPy("rst_prolog = (\n    '.. |a| replace:: A\\n'  # one\n    r'.. |b| replace:: B'\n)\n").substitutions, null);
  assert.deepEqual(readConfPy("rst_prolog = (\n    '''.. |a| replace:: A\n'''  # one\n    r'''.. |b| replace:: B'''\n)\n").substitutions, [
    'a',
    'b',
  ]);
  assert.deepEqual(readConfPy('rst_epilog = """\n.. |a| replace:: A\n""" % version\n').substitutions, null);
  assert.deepEqual(readConfPy('rst_epilog = PROLOG\n').substitutions, null);
  assert.deepEqual(readConfPy("rst_prolog = ''\nrst_prolog += '.. |a| replace:: A'\n").substitutions, null);
  assert.deepEqual(readConfPy('html_theme = "x"\n'), { extensions: null });
});

test('rst-reference: a substitution of rst_prolog is defined; an unreadable prolog may define any', () => {
  const text = doc('|Nova| and |nova| and |other|.');
  const messages = (docs?: { extensions: string[]; substitutions: string[] | null }) =>
    checkRule('rst-reference', text, docs ? { docs } : {}).map((d) => d.message);
  assert.deepEqual(messages(), [
    'Undefined substitution referenced: "Nova".',
    'Undefined substitution referenced: "nova".',
    'Undefined substitution referenced: "other".',
  ]);
  assert.deepEqual(messages({ extensions: [], substitutions: ['Nova'] }), ['Undefined substitution referenced: "other".']);
  assert.deepEqual(messages({ extensions: [], substitutions: null }), []);
  // through the analyzer: the conf.py above the spec is read
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-prolog-'));
  try {
    mkdirSync(join(root, 'doc', 'source'), { recursive: true });
    mkdirSync(join(root, 'specs', 'xena'), { recursive: true });
    writeFileSync(join(root, 'doc', 'source', 'conf.py'), "extensions = []\nrst_epilog = '''\n.. |nova| replace:: Nova\n'''\n");
    const diagnostics = new Analyzer().analyze({ text, filePath: join(root, 'specs', 'xena', 'a.rst'), workspaceFolder: root }).diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'rst-reference').map((d) => d.message),
      ['Undefined substitution referenced: "other".'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('rst-table: csv-table and list-table data that does not fit their options, at the option, with docutils words', () => {
  const text = doc(
    '.. csv-table:: T',
    '   :header-rows: 3',
    '',
    '   a, b',
    '   c, d',
    '',
    '.. csv-table::',
    '   :stub-columns: 2',
    '',
    '   a, b',
    '   c, d, e',
    '',
    '.. csv-table::',
    '   :widths: 1, 2, 3',
    '',
    '   a, "b',
    '   c", d',
    '',
    '.. csv-table::',
    '',
    '   a, "b',
    '   c, d',
    '',
    '.. csv-table::',
    '',
    '   "a" b, c',
    '',
    '.. csv-table::',
    '',
    'Para.',
    '',
    '.. list-table::',
    '   :header-rows: 1',
    '',
    '   * - a',
    '     - b',
    '',
    '.. list-table::',
    '   :widths: 1 2 3',
    '',
    '   * - a',
    '     - b',
    '   * - c',
    '     - d',
  );
  assert.deepEqual(brief(checkRule('rst-table', text)), [
    '5:17-18 3 header row(s) specified but only 2 row(s) of data supplied ("csv-table" directive).',
    '11:18-19 Insufficient data supplied (2 columns(s)); no data remaining for table body, required by "csv-table" directive.',
    // (the third table is one row: a quoted field goes on over the line's end)
    '24:3-8 Error with CSV data in "csv-table" directive: unexpected end of data',
    `29:3-11 Error with CSV data in "csv-table" directive: ',' expected after '"'`,
    '31:3-12 The "csv-table" directive requires content; none supplied.',
    '36:17-18 Insufficient data supplied (1 row(s)); no data remaining for table body, required by "list-table" directive.',
    '42:12-17 "list-table" widths do not match the number of columns in table (2).',
  ]);
  assert.deepEqual(checkRule('rst-table', text)[0].data, { docutilsLine: 5 });
});

test('rst-directive: a csv-table or list-table option value docutils cannot convert, at the value; the table is then not checked', () => {
  const text = doc(
    '.. list-table::',
    '   :header-rows: x',
    '',
    '   * - a',
    '   * - b',
    '     - c',
    '',
    '.. csv-table::',
    '   :widths: 1, 0',
    '   :delim: ab',
    '',
    '   a, b',
    '',
    '.. csv-table::',
    '   :stub-columns:',
    '',
    '   a',
  );
  assert.deepEqual(brief(checkRule('rst-directive', text)), [
    `5:17-18 Error in "list-table" directive: invalid option value: (option: "header-rows"; value: 'x') invalid literal for int() with base 10: 'x'.`,
    `12:12-16 Error in "csv-table" directive: invalid option value: (option: "widths"; value: '1, 0') negative or zero value; must be positive.`,
    `18:3-17 Error in "csv-table" directive: invalid option value: (option: "stub-columns"; value: None) int() argument must be a string, a bytes-like object or a real number, not 'NoneType'.`,
  ]);
  assert.deepEqual(checkRule('rst-table', text), []);
});

test('rst-table: csv-table and list-table that docutils accepts are not reported', () => {
  const text = doc(
    '.. csv-table:: Flavors',
    '   :header: "Name", "RAM", "Disk"',
    '   :widths: 20, 10, 10',
    '   :stub-columns: 1',
    '',
    '   "m1.small", 2048, "20 ""GB"""',
    '   "m1.large, old", 8192',
    '   "multi',
    '   line", 1, 2',
    '',
    '.. csv-table::',
    '   :delim: ;',
    '   :header-rows: 1',
    '',
    '   a; b',
    '   c; d',
    '',
    '.. list-table::',
    '   :header-rows: 1',
    '   :stub-columns: 1',
    '   :widths: auto',
    '',
    '   * - a',
    '     - b',
    '   * - c',
    '     - - nested',
    '       - list',
  );
  assert.deepEqual(checkRule('rst-table', text), []);
  assert.deepEqual(checkRule('rst-directive', text), []);
});

test('rst-inline and rst-reference: grid and simple table cells are read as docutils reads them, each at its token', () => {
  const text = doc(
    '+------+------------+',
    '| a    | *open      |',
    '|      | ``lit``    |',
    '+------+------------+',
    '| see  | target_    |',
    '| x_   |            |',
    '+------+------------+',
    '',
    '=====  =====',
    'a      b',
    '=====  =====',
    'c      ``d',
    'e      |s|',
    '=====  =====',
    '',
    '.. _target: http://example.org',
  );
  assert.deepEqual(checkRule('rst-inline', text), [
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline emphasis start-string without end-string.',
      range: range(5, 9, 5, 10),
      data: { docutilsLine: 7 },
    },
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline literal start-string without end-string.',
      range: range(15, 7, 15, 9),
      data: { docutilsLine: 17 },
    },
  ]);
  // (no escape fix in a cell: the backslash would move the cell's border)
  assert.deepEqual(brief(checkRule('rst-reference', text)), [
    '9:2-4 Unknown target name: "x".',
    '16:7-10 Undefined substitution referenced: "s".',
  ]);
  // a target defined in a cell is a target of the document
  assert.deepEqual(
    checkRule(
      'rst-reference',
      doc('+----------------+', '| .. _cell: x_   |', '+----------------+', '', 'See cell_.', '', '.. _x: http://example.org'),
    ),
    [],
  );
});

test('rst-code-lexing: a Python block Pygments cannot lex, at the first character it rejects; what it lexes is not reported', () => {
  const text = doc(
    '.. code-block:: python',
    '',
    '   servers = nova.list()',
    '   $ nova boot vm',
    '',
    '.. code:: py3',
    '',
    '   print(“x”)',
    '',
    '.. code-block:: python',
    '',
    '   s = "unclosed',
    '   x = `ls`',
    '',
    '.. code-block:: python',
    '',
    '   def f(a, b):  # $? `x`',
    "       return a != b, \"$\", '''",
    '   ? ! `',
    "   '''",
    '',
    // Sphinx warns on these two as well: a console session (PythonConsoleLexer) and an f-string's
    // braces are not followed, so they are missed (never invented)
    '.. code-block:: python',
    '',
    '   >>> $ not python',
    '',
    '.. code-block:: python',
    '',
    '   x = f"{a$b}"',
  );
  assert.deepEqual(checkRule('rst-code-lexing', text), [
    {
      code: 'rst-code-lexing',
      severity: 'error',
      message: 'Could not lex literal_block as "python". Highlighting skipped.',
      range: range(7, 3, 7, 4),
      data: { docutilsLine: 5 },
    },
    {
      code: 'rst-code-lexing',
      severity: 'error',
      message: 'Could not lex literal_block as "py3". Highlighting skipped.',
      range: range(11, 9, 11, 10),
      data: { docutilsLine: 10 },
    },
    {
      code: 'rst-code-lexing',
      severity: 'error',
      message: 'Could not lex literal_block as "python". Highlighting skipped.',
      range: range(16, 7, 16, 8),
      data: { docutilsLine: 14 },
    },
  ]);
});
