import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectedRulesSetting, MANIFEST_PATH } from './settings-manifest';

const settings = () => JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')).contributes.configuration.properties;

test('rstSpecs.rules: one property per rule id with the severities, so the Settings UI and settings.json offer rule ids (npm run docs:rules rewrites it)', () => {
  assert.deepEqual(settings()['rstSpecs.rules'], expectedRulesSetting());
  const properties = (expectedRulesSetting() as { properties: Record<string, { enum: string[] }> }).properties;
  assert.deepEqual(properties['missing-section'].enum, ['error', 'warning', 'information', 'hint', 'off']);
  assert.ok('template' in properties && 'binary-file' in properties);
});

test('rstSpecs.optionalSections: a list of strings, which the Settings UI edits in place', () => {
  const setting = settings()['rstSpecs.optionalSections'];
  assert.equal(setting.type, 'array');
  assert.deepEqual(setting.items, { type: 'string' });
  assert.deepEqual(setting.default, ['History']);
});

test('no word-based suggestions in reStructuredText (docs/writing.md says why)', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  assert.deepEqual(manifest.contributes.configurationDefaults, { '[restructuredtext]': { 'editor.wordBasedSuggestions': 'off' } });
});
