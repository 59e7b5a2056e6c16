import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/edit/text-edit';
import { guidanceFixes } from '../../server/src/fixes/guidance';
import { newSpecText } from '../../server/src/fixes/new-spec';
import { parseSpec } from '../../server/src/rst/parse';
import { bundledTemplate, check, cleanSpec, replaceLine } from '../helpers';

const GUIDANCE = 'What use cases does this address?\nWhat are the impacts on actors (developer, end user, deployer etc.)?';

function fixesOf(text: string, index = 0) {
  const all = check(text).filter((d) => d.code === 'template-text');
  return guidanceFixes(parseSpec(text), all[index], check(text));
}

test('guidance fixes: a section holding guidance: Replace with None, Delete; each applied once removes the finding', () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', GUIDANCE);
  const fixes = fixesOf(text);
  assert.deepEqual(
    fixes.map((fix) => fix.title),
    ['Replace the guidance with None', 'Delete the guidance'],
  );
  const none = applyEdits(text, fixes[0].edits);
  assert.equal(none, replaceLine(cleanSpec(), 'Unit tests.', 'None'));
  assert.deepEqual(check(none), []);
  const deleted = applyEdits(text, fixes[1].edits);
  assert.equal(deleted, cleanSpec().replace('Testing\n=======\n\nUnit tests.\n', 'Testing\n=======\n'));
  assert.deepEqual(
    check(deleted).map((d) => d.code),
    ['empty-section'],
  );
});

test("guidance fixes: a paragraph among the spec's text can only be deleted", () => {
  const text = replaceLine(cleanSpec(), 'Unit tests.', `Unit tests.\n\n${GUIDANCE}`);
  const fixes = fixesOf(text);
  assert.deepEqual(
    fixes.map((fix) => fix.title),
    ['Delete the guidance'],
  );
  assert.equal(applyEdits(text, fixes[0].edits), cleanSpec());
});

test('guidance fixes: on a new spec, Replace all guidance with None leaves only the introduction', () => {
  const text = newSpecText(bundledTemplate(), 'node-groups');
  const guidance = check(text).filter((d) => d.code === 'template-text');
  assert.equal(guidance.length, 22);
  const fixes = guidanceFixes(parseSpec(text), guidance[1], check(text));
  assert.deepEqual(
    fixes.map((fix) => fix.title),
    ['Replace the guidance with None', 'Delete the guidance', 'Replace all guidance with None', 'Delete all guidance'],
  );
  const all = applyEdits(text, fixes[2].edits);
  assert.deepEqual(
    check(all).map((d) => [d.code, d.message]),
    [['template-text', "The introduction still holds the template's guidance."]],
  );
  // Applied again: nothing more to replace.
  const again = check(all).filter((d) => d.code === 'template-text');
  assert.deepEqual(
    guidanceFixes(parseSpec(all), again[0], check(all)).map((fix) => fix.title),
    ['Delete the guidance'],
  );
});
