import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanSpec, replaceLine } from '../helpers';
import { applyQuickFix } from './fix-helpers';

test("rename: a near title takes the template's spelling and an underline as long as it", () => {
  const text = cleanSpec().replace('Proposed change\n===============\n', 'Proposed Changes\n================\n');
  const { title, result, edits } = applyQuickFix(text, 'title-mismatch');
  assert.equal(title, "Rename to 'Proposed change'");
  assert.equal(result, cleanSpec());
  assert.equal(edits.length, 2);
});

test('rename: a renamed section holding the template subsections', () => {
  const text = replaceLine(cleanSpec(), 'Proposed change', 'Proposed workflow').replace(
    'Proposed workflow\n===============\n',
    'Proposed workflow\n=================\n',
  );
  assert.equal(applyQuickFix(text, 'title-mismatch').result, cleanSpec());
});

test('rename: a subsection, underline already long enough is still fitted to the new title', () => {
  const text = cleanSpec().replace('Data model impact\n-----------------\n', 'Data Model Impacts\n--------------------\n');
  assert.equal(applyQuickFix(text, 'title-mismatch').result, cleanSpec());
});

test('rename: an overlined title keeps its overline and inset', async () => {
  const { buildTemplate } = await import('../../server/src/template/model');
  const template = buildTemplate('=====\nTitle\n=====\n\n---------\nOne thing\n---------\n\nText.\n', 'overlined');
  const text = '=====\nSpec\n=====\n\n------------\n One things\n------------\n\nMine.\n';
  const { result } = applyQuickFix(text, 'title-mismatch', { template });
  assert.equal(result, '=====\nSpec\n=====\n\n----------\n One thing\n----------\n\nMine.\n');
});
