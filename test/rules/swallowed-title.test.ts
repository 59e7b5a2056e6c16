// A title written straight after a paragraph line: docutils reads it as text (no warning), so the
// specs repos' test_titles.py reports the section missing. One diagnostic says why, with its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/edit/text-edit';
import { quickFixFor } from '../../server/src/fixes/index';
import { insertAllMissingSections } from '../../server/src/fixes/insert-sections';
import { parseSpec } from '../../server/src/rst/parse';
import { options } from '../fixes/fix-helpers';
import { bundledTemplate, check, cleanSpec, lineOf, range, sharedRoot } from '../helpers';
import { fixContext } from '../../server/src/fixes/fix';

const glued = () =>
  cleanSpec().replace(
    'An operator lists the nodes of a cluster with their health.\n\n',
    'An operator lists the nodes of a cluster with their health.\n',
  );

test('missing-section: a title swallowed by the paragraph above is one error saying so, not a missing section (nor its subsections misplaced)', () => {
  const text = glued();
  const line = lineOf(text, 'Proposed change');
  assert.deepEqual(check(text), [
    {
      code: 'missing-section',
      severity: 'error',
      message: "'Proposed change' needs a blank line before it to be a title.",
      range: range(line, 0, line, 15),
      data: { title: 'Proposed change', templateIndex: 2, swallowedLine: line },
    },
  ]);
});

test('missing-section: the fix of a swallowed title inserts the blank line, alone and in Insert all missing sections', () => {
  const text = glued();
  const [diagnostic] = check(text);
  const fix = quickFixFor(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, options()), diagnostic);
  assert.equal(fix?.title, "Insert a blank line before 'Proposed change'");
  assert.equal(applyEdits(text, fix!.edits), cleanSpec());
  assert.equal(
    applyEdits(text, insertAllMissingSections(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, options()))),
    cleanSpec(),
  );
});

test('missing-section: docutils agrees that the glued title is no section, and that the blank line makes it one', (t) => {
  const tool = join(sharedRoot, 'rst-fixtures', 'tools', 'docutils_sections.py');
  let run: (text: string) => string[];
  try {
    execFileSync('python3', ['-c', 'import docutils'], { stdio: 'ignore' });
    const dir = mkdtempSync(join(tmpdir(), 'rst-specs-swallowed-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    run = (text) => {
      const file = join(dir, 'spec.rst');
      writeFileSync(file, text);
      const [result] = execFileSync('python3', [tool, file], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((out) => JSON.parse(out));
      return result.sections.map((section: { title: string }) => section.title);
    };
  } catch {
    return t.skip('python3 with docutils is not available (apt-get install python3-docutils)');
  }
  assert.equal(run(glued()).includes('Proposed change'), false);
  assert.equal(run(cleanSpec()).includes('Proposed change'), true);
  assert.equal(
    parseSpec(glued()).sections.some((section) => section.title === 'Proposed change'),
    false,
  );
});
