// The docs gate's later additions: circular indirect targets, substitutions of conf.py's
// rst_prolog/rst_epilog, csv-table and list-table structure, inline markup in table cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../../server/src/analyze';
import { readConfPy } from '../../../server/src/rules/docs/names';
import { checkRule } from '../../helpers';

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
  assert.deepEqual(brief(checkRule('rst-reference', chain)), ['10:0-10 Indirect hyperlink target "y" (id="y") refers to target "zz", which does not exist.']);
});

test('conf.py read as text: the substitutions of rst_prolog and rst_epilog, and nothing guessed', () => {
  const prolog = 'rst_prolog = """\n.. |Nova| replace:: OpenStack Compute\n.. |x  y| image:: a.png\n   not |here| replace:: z\n"""\n';
  assert.deepEqual(readConfPy(`extensions = []\n${prolog}rst_epilog = '.. |ep| replace:: e'  # last\n`), { extensions: [], substitutions: ['Nova', 'x y', 'ep'] });
  assert.deepEqual(readConfPy("rst_prolog = (\n    '.. |a| replace:: A\\n'  # one\n    r'.. |b| replace:: B'\n)\n").substitutions, null);
  assert.deepEqual(readConfPy("rst_prolog = (\n    '''.. |a| replace:: A\n'''  # one\n    r'''.. |b| replace:: B'''\n)\n").substitutions, ['a', 'b']);
  assert.deepEqual(readConfPy('rst_epilog = """\n.. |a| replace:: A\n""" % version\n').substitutions, null);
  assert.deepEqual(readConfPy('rst_epilog = PROLOG\n').substitutions, null);
  assert.deepEqual(readConfPy("rst_prolog = ''\nrst_prolog += '.. |a| replace:: A'\n").substitutions, null);
  assert.deepEqual(readConfPy('html_theme = "x"\n'), { extensions: null });
});

test('rst-reference: a substitution of rst_prolog is defined; an unreadable prolog may define any', () => {
  const text = doc('|Nova| and |nova| and |other|.');
  const messages = (docs?: { extensions: string[]; substitutions: string[] | null }) => checkRule('rst-reference', text, docs ? { docs } : {}).map((d) => d.message);
  assert.deepEqual(messages(), ['Undefined substitution referenced: "Nova".', 'Undefined substitution referenced: "nova".', 'Undefined substitution referenced: "other".']);
  assert.deepEqual(messages({ extensions: [], substitutions: ['Nova'] }), ['Undefined substitution referenced: "other".']);
  assert.deepEqual(messages({ extensions: [], substitutions: null }), []);
  // through the analyzer: the conf.py above the spec is read
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-prolog-'));
  try {
    mkdirSync(join(root, 'doc', 'source'), { recursive: true });
    mkdirSync(join(root, 'specs', 'xena'), { recursive: true });
    writeFileSync(join(root, 'doc', 'source', 'conf.py'), "extensions = []\nrst_epilog = '''\n.. |nova| replace:: Nova\n'''\n");
    const diagnostics = new Analyzer().analyze({ text, filePath: join(root, 'specs', 'xena', 'a.rst'), workspaceFolder: root }).diagnostics;
    assert.deepEqual(diagnostics.filter((d) => d.code === 'rst-reference').map((d) => d.message), ['Undefined substitution referenced: "other".']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
