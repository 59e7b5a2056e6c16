import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTemplate } from '../../server/src/template/model';
import { cleanSpec } from '../helpers';
import { applyQuickFix } from './fix-helpers';

test('underline: a short underline is made as long as the title', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-------\n');
  const { title, result } = applyQuickFix(text, 'title-underline');
  assert.equal(title, 'Make the underline match the title');
  assert.equal(result, cleanSpec());
});

test('underline: East Asian wide characters count two columns', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', '用例 Use Cases\n------------\n');
  const { result } = applyQuickFix(text, 'title-underline');
  assert.equal(result, cleanSpec().replace('Use Cases\n---------\n', '用例 Use Cases\n--------------\n'));
});

test('underline: trailing spaces after the underline are left to their own fix', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n-------  \n');
  const { result } = applyQuickFix(text, 'title-underline');
  assert.equal(result, cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n---------  \n'));
});

test('underline: overline and underline both fitted', () => {
  const template = buildTemplate('=====\nTitle\n=====\n\nPart\n====\n\nText.\n', 'small');
  const short = '=====\nA long title\n=====\n\nPart\n====\n\nMine.\n';
  assert.equal(
    applyQuickFix(short, 'title-underline', { template }).result,
    '============\nA long title\n============\n\nPart\n====\n\nMine.\n',
  );
});

test('section level: a subsection written as a top-level section takes the subsection style', () => {
  const text = cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n=========\n');
  const { title, result } = applyQuickFix(text, 'section-level');
  assert.equal(title, "Make 'Use Cases' a subsection");
  assert.equal(result, cleanSpec());
});

test('section level: a top-level section written as a subsection takes the top-level style', () => {
  const text = cleanSpec().replace('Dependencies\n============\n', 'Dependencies\n------------\n');
  const { title, result } = applyQuickFix(text, 'section-level');
  assert.equal(title, "Make 'Dependencies' a top-level section");
  assert.equal(result, cleanSpec());
});

test("section level: the document's style, overline included, not the template's", () => {
  const template = buildTemplate('=====\nTitle\n=====\n\nPart\n====\n\nText.\n\nPiece\n-----\n\nText.\n\nOther\n=====\n\nText.\n', 'small');
  const text = '#####\nSpec\n#####\n\n****\nPart\n****\n\nMine.\n\nPiece\n~~~~~\n\nMine.\n\nOther\n~~~~~\n\nMine.\n';
  assert.equal(
    applyQuickFix(text, 'section-level', { template }).result,
    '#####\nSpec\n#####\n\n****\nPart\n****\n\nMine.\n\nPiece\n~~~~~\n\nMine.\n\n*****\nOther\n*****\n\nMine.\n',
  );
});
