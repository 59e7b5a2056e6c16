// rst-footnote: the footnotes Sphinx reports as not referenced, exactly; checked against Sphinx
// itself (Debian's Sphinx 5.3 through ../shared/rst-fixtures/tools/sphinx_gate.py) when it is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { checkRule, fixture, range, repoRoot } from '../../helpers';
import { runGate, sphinxMissing } from '../../docs/sphinx';

const FIXTURES = ['rules/footnote-unreferenced.rst', 'rules/footnote-referenced.rst', 'rules/footnote-literal.rst'];

const finding = (line: number, start: number, end: number, label: string) => ({
  code: 'rst-footnote',
  severity: 'error',
  message: `Footnote [${label}] is not referenced.`,
  range: range(line, start, line, end),
  data: { docutilsLine: line + 1 },
});

test('rst-footnote: a numbered footnote without its reference; auto-numbered ones when no auto-numbered reference is left; symbol ones never', () => {
  assert.deepEqual(checkRule('rst-footnote', fixture(FIXTURES[0])), [finding(6, 3, 6, '1'), finding(8, 3, 10, '#'), finding(9, 3, 6, '#')]);
});

test('rst-footnote: any auto-numbered reference counts for every auto-numbered footnote; a reference in a directive counts; a nested footnote is checked', () => {
  assert.deepEqual(checkRule('rst-footnote', fixture(FIXTURES[1])), [finding(15, 6, 9, '5')]);
});

test('rst-footnote: references in literal blocks and comments are no references; a number defined twice is left to rst-reference', () => {
  const text = fixture(FIXTURES[2]);
  assert.deepEqual(checkRule('rst-footnote', text), [finding(10, 3, 6, '1')]);
  assert.deepEqual(checkRule('rst-footnote', text.replace('::\n\n   [1]_', 'See [1]_.')), []);
});

test('rst-footnote: the same findings as Sphinx\'s "is not referenced" warnings', { skip: sphinxMissing() || false }, () => {
  const files = FIXTURES.map((name) => resolve(repoRoot, 'test', 'fixtures', name));
  const gate = runGate(files, 'nova-specs');
  for (const [index, name] of FIXTURES.entries()) {
    const sphinx = gate
      .find((file) => file.path === files[index])!
      .warnings.filter((w) => / is not referenced\.$/.test(w.message))
      .map((w) => `${w.line} ${w.message}`);
    const ours = checkRule('rst-footnote', fixture(name)).map((d) => `${d.data?.docutilsLine} ${d.message}`);
    assert.deepEqual(ours, sphinx, name);
  }
});
