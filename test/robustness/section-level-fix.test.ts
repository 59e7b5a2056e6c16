// The section-level quick fix is idempotent: applied, then asked again on its result, it changes
// nothing. The case that oscillated: a template subsection written above the header comment and
// the document title. Overlining it (the subsection style) makes it the document title; the fix
// then took the overline off again, and so on. Fix-all stops such cycles by itself
// (linear-rewrites.test.ts); the quick fix, applied on its own, now offers nothing there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDocument } from '../../server/src/engine';
import { changeSectionLevel } from '../../server/src/fixes/adornment';
import { applyEdits } from '../../server/src/edit/text-edit';
import { DEFAULT_FIX_OPTIONS } from '../../server/src/fixes/fix';
import { quickFixFor } from '../../server/src/fixes/index';
import { parseSpec } from '../../server/src/rst/parse';
import { bundledTemplate, cleanSpec } from '../helpers';
import { fixContext } from '../../server/src/fixes/fix';

const template = bundledTemplate();

/** The quick fix of the first section-level diagnostic, applied to `text`: the new text, or undefined when none is offered. */
function applySectionLevelFix(text: string): { title: string; text: string } | undefined {
  const doc = parseSpec(text);
  const diagnostic = validateDocument(doc, template).find((candidate) => candidate.code === 'section-level');
  if (!diagnostic) return undefined;
  const fix = quickFixFor(fixContext({ doc, template }, DEFAULT_FIX_OPTIONS), diagnostic);
  return fix && { title: fix.title, text: applyEdits(text, fix.edits) };
}

test('section-level quick fix: no fix for a subsection above the document title, where it oscillated', () => {
  const text = ['alternativess', '====', ...cleanSpec().split('\n').slice(1)].join('\n');
  const doc = parseSpec(text);
  const diagnostics = validateDocument(doc, template).filter((diagnostic) => diagnostic.code === 'section-level');
  assert.deepEqual(
    diagnostics.map(({ range, data }) => ({ range, data })),
    [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } },
        data: { title: 'alternativess', expectedDepth: 2, depth: 1, parent: 'Proposed change' },
      },
    ],
  );
  // The adornment change alone (what fix-all tries, and stops) overlines it, and on its result
  // the same diagnostic comes back on the title, now on line 1, at the same depth.
  const overlined = applyEdits(text, changeSectionLevel(fixContext({ doc, template }, DEFAULT_FIX_OPTIONS), diagnostics[0]));
  assert.equal(overlined, ['=============', 'alternativess', '=============', ...cleanSpec().split('\n').slice(1)].join('\n'));
  const again = validateDocument(parseSpec(overlined), template).filter((diagnostic) => diagnostic.code === 'section-level');
  assert.deepEqual(
    again.map(({ range, data }) => ({ line: range.start.line, data })),
    [{ line: 1, data: diagnostics[0].data }],
  );
  // The quick fix is offered on neither text, so it never flips between them.
  assert.equal(quickFixFor(fixContext({ doc, template }, DEFAULT_FIX_OPTIONS), diagnostics[0]), undefined);
  assert.equal(applySectionLevelFix(overlined), undefined);
});

test('section-level quick fix: applied twice, the second time changes nothing', () => {
  const cases = [
    { text: cleanSpec().replace('Use Cases\n---------\n', 'Use Cases\n=========\n'), title: "Make 'Use Cases' a subsection" },
    {
      text: cleanSpec().replace('Dependencies\n============\n', 'Dependencies\n------------\n'),
      title: "Make 'Dependencies' a top-level section",
    },
  ];
  for (const { text, title } of cases) {
    const once = applySectionLevelFix(text);
    assert.deepEqual(once, { title, text: cleanSpec() });
    assert.equal(applySectionLevelFix(once!.text), undefined, title);
  }
});
