import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectedRulesSetting, MANIFEST_PATH } from './settings-manifest';
import { OPTIONS, settingsManifest } from '../../server/src/options';

const settings = () => JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')).contributes.configuration.properties;

test('rstSpecs.rules: one property per rule id with the severities, so the Settings UI and settings.json offer rule ids (npm run docs:rules rewrites it)', () => {
  assert.deepEqual(settings()['rstSpecs.rules'], expectedRulesSetting());
  const properties = (expectedRulesSetting() as { properties: Record<string, { enum: string[] }> }).properties;
  assert.deepEqual(properties['missing-section'].enum, ['error', 'warning', 'information', 'hint', 'off']);
  assert.ok('template' in properties && 'binary-file' in properties);
});

test('the rstSpecs settings are the options declared in server/src/options.ts (node --import tsx test/client/settings-manifest.ts rewrites them)', () => {
  const declared = settingsManifest();
  for (const [key, entry] of Object.entries(declared)) assert.deepEqual(settings()[key], entry, key);
  // Every setting but the language client's own trace and the preview's (read by the extension
  // only: client/src/preview/) is an option, and each option with a setting is in package.json.
  const ownedByClient = ['rstSpecs.trace.server', 'rstSpecs.preview.remoteImages'];
  assert.deepEqual(
    Object.keys(settings())
      .filter((key) => !ownedByClient.includes(key))
      .sort(),
    [...Object.keys(declared), 'rstSpecs.rules'].sort(),
  );
  assert.equal(declared['rstSpecs.maxLineLength'].default, 79);
  assert.deepEqual(declared['rstSpecs.exclude'].default, OPTIONS.exclude.default);
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
