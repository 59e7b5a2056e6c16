import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAFE_FIX_CODES } from '../../server/src/fixes/fix-all';
import { cleanSpec, replaceLine } from '../helpers';
import { applyQuickFix, noQuickFix } from './fix-helpers';

const spec = (...lines: string[]) => replaceLine(cleanSpec(), 'Unit tests.', lines.join('\n'));

test('rst-inline: a lone * or backquote is escaped; other start-strings get no fix', () => {
  const star = applyQuickFix(spec('Pass *args to it.'), 'rst-inline');
  assert.equal(star.title, 'Escape the start-string with a backslash');
  assert.ok(star.result.includes('Pass \\*args to it.'));
  assert.ok(applyQuickFix(spec('A `quote here.'), 'rst-inline').result.includes('A \\`quote here.'));
  noQuickFix(spec('A **strong start.'), 'rst-inline');
});

test('rst-directive and rst-role: the near name replaces the unknown one', () => {
  const directive = applyQuickFix(spec('.. nte:: Hello.'), 'rst-directive');
  assert.equal(directive.title, "Change to 'note'");
  assert.ok(directive.result.includes('.. note:: Hello.'));
  const role = applyQuickFix(spec('See :reff:`label`.', '', '.. _label:', '', 'Text.'), 'rst-role');
  assert.equal(role.title, "Change to 'ref'");
  assert.ok(role.result.includes('See :ref:`label`.'));
  noQuickFix(spec('.. frobnicate:: x'), 'rst-directive');
});

test('rst-reference: a duplicate .. _name: target is renamed to a free name', () => {
  const run = applyQuickFix(spec('.. _dup:', '', 'One.', '', '.. _dup:', '', 'Two.', '', '.. _dup-2:', '', 'Three.'), 'rst-reference');
  assert.equal(run.title, "Rename this target 'dup'");
  assert.ok(run.result.includes('.. _dup-3:'));
  noQuickFix(spec('See foo_.'), 'rst-reference');
});

test('fix-all takes none of these fixes (each may change what the writer meant)', () => {
  for (const code of ['rst-inline', 'rst-reference', 'rst-directive', 'rst-role']) assert.ok(!SAFE_FIX_CODES.includes(code));
});
