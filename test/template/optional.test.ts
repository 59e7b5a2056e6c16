// Optional sections: lists by release or template file (settings and .rst-specs.json), and the
// sections a template marks optional itself with `.. rst-specs: optional`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../server/src/analyze';
import { engineOptions, findConfigFor, mergeOptions } from '../../server/src/config';
import { insertAllMissingSections } from '../../server/src/fixes/insert-sections';
import { newSpecText } from '../../server/src/fixes/new-spec';
import { parseSpec } from '../../server/src/rst/parse';
import { buildTemplate } from '../../server/src/template/model';
import { resolveOptionalSections } from '../../server/src/template/optional';
import { check, repoRoot } from '../helpers';
import { fixContext } from '../../server/src/fixes/fix';

const repos = join(repoRoot, 'test', 'fixtures', 'repos');

test('resolveOptionalSections: a list applies everywhere; in an object the template file, then the release, then *', () => {
  assert.deepEqual(resolveOptionalSections(undefined), ['History']);
  assert.deepEqual(resolveOptionalSections(['A'], { release: 'queens' }), ['A']);
  const byPlace = { '*': ['History', 'Feature Liaison'], queens: ['History', 'Upgrade impact'], 'spec-lite-template.rst': [] };
  assert.deepEqual(resolveOptionalSections(byPlace, { release: 'pike' }), ['History', 'Feature Liaison']);
  assert.deepEqual(resolveOptionalSections(byPlace, { release: 'queens', templatePath: '/r/specs/queens-template.rst' }), [
    'History',
    'Upgrade impact',
  ]);
  assert.deepEqual(resolveOptionalSections(byPlace, { release: 'queens', templatePath: '/r/specs/spec-lite-template.rst' }), []);
  assert.deepEqual(resolveOptionalSections({ queens: ['X'] }, { release: 'pike' }), ['History']);
});

/** Checks a nova fixture spec as the CLI does: its config file, its release. */
function novaCodes(spec: string): string[] {
  const root = join(repos, 'nova-specs');
  const filePath = join(root, spec);
  const config = findConfigFor(filePath, root);
  assert.deepEqual(config?.problems, []);
  const options = engineOptions(mergeOptions(config?.config, config?.folder));
  const analysis = new Analyzer().analyze({ text: readFileSync(filePath, 'utf8'), filePath, workspaceFolder: root, options });
  return analysis.diagnostics.map((d) => `${d.code}: ${d.message}`);
}

test('nova: .rst-specs.json makes Feature Liaison optional except in queens, where Upgrade impact is', () => {
  assert.deepEqual(novaCodes('specs/queens/approved/queens-approved.rst'), []); // no Upgrade impact
  assert.deepEqual(novaCodes('specs/2023.1/approved/antelope-approved.rst'), []); // no Feature Liaison
  assert.deepEqual(novaCodes('specs/pike/implemented/pike-implemented.rst'), []); // no History
  assert.deepEqual(novaCodes('specs/queens/implemented/queens-no-liaison.rst'), [
    "missing-section: Missing section 'Feature Liaison': the template puts it after 'Work Items'.",
  ]);
});

const TEMPLATE = [
  '=====',
  'Title',
  '=====',
  '',
  'Problem description',
  '===================',
  '',
  'Say what the problem is, in a few sentences at least.',
  '',
  'References',
  '==========',
  '',
  '.. rst-specs: optional',
  '',
  'Links to the documents this spec builds on, and to the discussions.',
  '',
  'History',
  '=======',
  '',
  'Releases and what changed in each of them.',
  '',
].join('\n');

test('a template marks a section optional with `.. rst-specs: optional` under its title', () => {
  const template = buildTemplate(TEMPLATE, '/t/template.rst');
  assert.deepEqual(
    template.sections.map((s) => [s.title, s.optional]),
    [
      ['Problem description', false],
      ['References', true],
      ['History', false],
    ],
  );
  // The mark is not guidance for the spec.
  assert.equal(template.sections[1].guidance, 'Links to the documents this spec builds on, and to the discussions.');
  const spec = '=====\nSpec\n=====\n\nProblem description\n===================\n\nThe problem.\n';
  // References may go (the template says so), History too (the default setting).
  assert.deepEqual(
    check(spec, {}, template).map((d) => d.code),
    [],
  );
  // The settings add to the template's marks; they do not replace them.
  assert.deepEqual(
    check(spec, { optionalSections: [] }, template).map((d) => d.message),
    ["Missing section 'History': the template puts it after 'Problem description'."],
  );
  // "Insert all missing sections" leaves it out too, and "New spec from template" drops the mark.
  assert.deepEqual(
    insertAllMissingSections(
      fixContext({ doc: parseSpec(spec), template }, { maxLineLength: 79, optionalSections: [], insertedSectionBody: 'none' }),
    ).map((e) => e.newText),
    ['\nHistory\n=======\n\nNone\n'],
  );
  const fresh = newSpecText(template, 'my-spec');
  assert.ok(!fresh.includes('rst-specs: optional'), fresh);
  assert.match(fresh, /References\n==========\n\nLinks to the documents/);
});
