// package.json as the Marketplace and VS Code read it: what the editor tests cannot see from inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers';

const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));

test('Marketplace fields: preview while 0.x, categories Linters and Snippets', () => {
  assert.equal(manifest.preview, manifest.version.startsWith('0.') ? true : undefined);
  assert.deepEqual(manifest.categories, ['Linters', 'Snippets']);
  assert.ok(manifest.activationEvents.includes('onUri'), 'the rule pages open through the URI handler');
});

test('New Spec from Template is offered in the Explorer on folders named specs and below them only', () => {
  const [entry] = manifest.contributes.menus['explorer/context'];
  assert.equal(entry.command, 'rst-specs.newSpec');
  const match = /^explorerResourceIsFolder && resourcePath =~ \/(.+)\/$/.exec(entry.when);
  assert.ok(match, entry.when);
  const pattern = new RegExp(match[1]);
  for (const path of ['/repo/specs', '/repo/specs/pike', '/repo/specs/2025.1/approved', 'C:\\repo\\specs\\pike'])
    assert.ok(pattern.test(path), path);
  for (const path of ['/repo', '/repo/doc/source', '/repo/myspecs', '/repo/specs-old', '/repo/doc/specsheet'])
    assert.ok(!pattern.test(path), path);
});

test('the walkthrough: three steps, each with media that the package ships', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.deepEqual(
    walkthrough.steps.map((step: { title: string }) => step.title),
    ['Open a Spec', 'Fix a Problem', 'Add the Check to CI'],
  );
  const ignore = readFileSync(resolve(repoRoot, '.vscodeignore'), 'utf8');
  for (const step of walkthrough.steps) {
    const media = step.media.image ?? step.media.markdown;
    assert.ok(existsSync(resolve(repoRoot, media)), media);
    assert.ok(
      ignore.includes(`!${media}\n`) || ignore.includes(`!${media.replace(/[^/]+$/, '**')}\n`),
      `${media} is left out of the .vsix`,
    );
    // Walkthrough descriptions render links but not code spans.
    assert.doesNotMatch(step.description, /`/);
    assert.ok(step.completionEvents.length > 0);
  }
});

test('settings: an order for each, Markdown descriptions where they hold code', () => {
  for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties) as [string, Record<string, unknown>][]) {
    assert.equal(typeof setting.order, 'number', `${name} has no order`);
    if (typeof setting.description === 'string') assert.doesNotMatch(setting.description, /`/, `${name}: use markdownDescription`);
  }
});
