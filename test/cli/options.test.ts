import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIG_KEYS, CONFIG_SETTING_KEYS, OPTIONS, type OptionName, settingsManifest } from '../../server/src/options';
import { mergeOptions, overridesFromSettings, parseConfig } from '../../server/src/config';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';
import { parseArguments, USAGE } from '../../server/src/cli/args';
import { ruleOptions } from '../../server/src/engine';

const names = Object.keys(OPTIONS) as OptionName[];

test('options.ts: each default passes its own setting validator, and is what every reader applies', () => {
  for (const name of names) {
    const setting = OPTIONS[name].setting;
    // An unset template path is written '' in package.json.
    if (setting) assert.ok(setting.valid(settingsManifest()[`rstSpecs.${setting.key}`]?.default ?? OPTIONS[name].default), name);
  }
  const merged = mergeOptions(undefined, undefined);
  assert.deepEqual(
    [merged.maxLineLength, merged.include, merged.exclude, merged.optionalSections],
    [79, OPTIONS.include.default, OPTIONS.exclude.default, ['History']],
  );
  assert.deepEqual({ ...ruleOptions({}) }.maxLineLength, 79);
  assert.deepEqual(readSettings({}), { settings: DEFAULT_SETTINGS, problems: [] });
  assert.equal(DEFAULT_SETTINGS.maxLineLength, 79);
  assert.deepEqual(CONFIG_KEYS, [
    'template',
    'include',
    'exclude',
    'maxLineLength',
    'rules',
    'optionalSections',
    'rest',
    'directives',
    'roles',
  ]);
  assert.deepEqual(CONFIG_SETTING_KEYS, ['templatePath', 'include', 'exclude', 'maxLineLength', 'rules', 'optionalSections']);
});

test('options.ts: a bad value gets the same words in the settings, the config file and the CLI', () => {
  assert.deepEqual(readSettings({ maxLineLength: 0, enable: 'yes', templatePath: '  t.rst ' }), {
    settings: { ...DEFAULT_SETTINGS, templatePath: 't.rst' },
    problems: [
      'rstSpecs.enable must be true or false; using the default',
      'rstSpecs.maxLineLength must be a positive whole number; using the default',
    ],
  });
  assert.deepEqual(
    parseConfig('{"maxLineLength": 0}', '/r/.rst-specs.json').problems.map((p) => p.message),
    ['"maxLineLength" must be a positive whole number'],
  );
  assert.deepEqual(parseArguments(['check', '--max-line-length', '0']), {
    kind: 'error',
    message: "--max-line-length must be a positive whole number, not '0'",
  });
  for (const name of names) {
    const flag = OPTIONS[name].flag;
    if (flag) assert.ok(USAGE.includes(`--${flag} `), flag);
  }
});

test('options.ts: the settings the user set override the config file, key by key', () => {
  const settings = readSettings({ maxLineLength: 100, optionalSections: [], $userSet: ['maxLineLength', 'optionalSections'] }).settings;
  const overrides = overridesFromSettings(settings, settings.userSet);
  assert.deepEqual(overrides, { maxLineLength: 100, optionalSections: [] });
  const config = parseConfig('{"maxLineLength": 90, "exclude": ["old/*.rst"]}', '/p/.rst-specs.json').config;
  const merged = mergeOptions(config, '/p', overrides);
  assert.deepEqual(
    [merged.maxLineLength, merged.exclude, merged.optionalSections, merged.optionalSectionsFrom],
    [100, ['old/*.rst'], [], 'setting'],
  );
});
