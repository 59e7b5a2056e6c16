import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateText } from '../../server/src/engine';
import { isBlueprintName, newSpecText, titleFromName } from '../../server/src/fixes/new-spec';
import { buildTemplate } from '../../server/src/template/model';
import { bundledTemplate, corpusRoot, hasCorpus } from '../helpers';

test('new spec: the title and the blueprint URL filled in, the rest of the template kept', () => {
  const template = bundledTemplate();
  const text = newSpecText(template, 'cluster-health');
  const original = template.doc.text;
  assert.equal(
    text,
    original
      .replace(
        '==========================================\nExample Spec - The title of your blueprint\n==========================================\n',
        '==============\nCluster health\n==============\n',
      )
      .replace('https://blueprints.launchpad.net/senlin/+spec/example\n', 'https://blueprints.launchpad.net/senlin/+spec/cluster-health\n'),
  );
  const codes = validateText(text, template, { fileName: 'cluster-health.rst' }).map((d) => d.code);
  assert.deepEqual([...new Set(codes)], ['template-text']);
  assert.equal(
    newSpecText(template, 'x', 'A title of my own').includes('\n=================\nA title of my own\n=================\n'),
    true,
  );
});

test('new spec: blueprint names and the title made from them', () => {
  assert.equal(titleFromName('cluster-health-check'), 'Cluster health check');
  for (const good of ['a', 'cluster-health', 'v2-api']) assert.ok(isBlueprintName(good), good);
  for (const bad of ['', 'Cluster', 'a_b', 'a--b', '-a', 'a-', 'a b', 'a.rst']) assert.ok(!isBlueprintName(bad), bad);
});

test(
  'new spec: from every corpus template, a spec with all sections and no placeholder title',
  { skip: !hasCorpus && '../shared/corpus is absent' },
  () => {
    const [, ...rows] = readFileSync(resolve(corpusRoot, 'TEMPLATES.tsv'), 'utf8').trimEnd().split('\n');
    for (const row of rows) {
      const file = resolve(corpusRoot, row.split('\t')[2]);
      const template = buildTemplate(readFileSync(file, 'utf8'), file);
      const text = newSpecText(template, 'my-feature');
      const codes = validateText(text, template, { fileName: 'my-feature.rst', optionalSections: [] }).map((d) => d.code);
      const structural = codes.filter((code) =>
        ['missing-section', 'unknown-section', 'title-mismatch', 'section-level', 'title-underline'].includes(code),
      );
      assert.deepEqual(structural, [], file);
      assert.ok(!validateText(text, template).some((d) => d.code === 'template-text' && d.data?.kind === 'title'), file);
    }
  },
);
