import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIG_KEYS,
  findConfigFor,
  forgetConfig,
  isExcludedFile,
  isIncludedSpec,
  loadConfigFile,
  mergeOptions,
  optionsForSpec,
  overridesFromSettings,
  parseConfig,
  SEVERITY_SETTINGS,
} from '../../server/src/config';
import { NON_RULE_CODES } from '../../server/src/diagnostic-codes';
import { ruleById } from '../../server/src/rules';
import { repoRoot } from '../helpers';
import { scratch } from './run';
import { SCHEMA_PATH, schemaText } from './schema';

const at = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

test('parseConfig: every key, with comments and trailing commas, and the template resolved from the file', () => {
  const text = [
    '{',
    '  // line comment',
    '  "$schema": "./schemas/rst-specs.schema.json",',
    '  /* block',
    '     comment */ "template": "../templates/spec.rst",',
    '  "include": ["specs/**/*.rst",],',
    '  "exclude": ["**/index.rst"],',
    '  "maxLineLength": 99,',
    '  "rules": { "line-length": "off", "tab": "error", },',
    '  "optionalSections": ["History", "Upgrade impact"],',
    '}',
  ].join('\n');
  assert.deepEqual(parseConfig(text, '/repo/specs/.rst-specs.json'), {
    config: {
      template: '/repo/templates/spec.rst',
      include: ['specs/**/*.rst'],
      exclude: ['**/index.rst'],
      maxLineLength: 99,
      rules: { 'line-length': 'off', tab: 'error' },
      optionalSections: ['History', 'Upgrade impact'],
    },
    problems: [],
  });
  assert.deepEqual(parseConfig('\uFEFF{"template": "/abs/t.rst"}', '/repo/.rst-specs.json').config, { template: '/abs/t.rst' });
  assert.deepEqual(parseConfig('{}', '/r/.rst-specs.json'), { config: {}, problems: [] });
  assert.deepEqual(parseConfig('{"optionalSections": {"*": ["History"], "queens-template.rst": []}}', '/r/.rst-specs.json'), {
    config: { optionalSections: { '*': ['History'], 'queens-template.rst': [] } },
    problems: [],
  });
});

test('parseConfig: a syntax error gives an empty config and one problem where it is', () => {
  assert.deepEqual(parseConfig('{\n  "maxLineLength": 80\n  "rules": {}\n}', '/r/.rst-specs.json'), {
    config: {},
    problems: [{ message: `not valid JSON: expected ',' or '}' after the value of "maxLineLength", found '"'`, range: at(2, 2, 2, 3) }],
  });
  const cases: [string, string][] = [
    ['', 'not valid JSON: expected a value, found the end of the file'],
    ['{"a": tru}', "not valid JSON: expected a value, found 'tru'"],
    ["{'a': 1}", "not valid JSON: expected a property name in double quotes or '}', found '''"],
    ['{"a": 1} x', "not valid JSON: unexpected 'x' after the end of the value"],
    ['{"a": "b\n"}', 'not valid JSON: a string is never closed on its line'],
    ['{"a": 1 /* open', 'not valid JSON: a /* comment is never closed'],
    ['[1, 2', "not valid JSON: expected ',' or ']' in a list, found the end of the file"],
    ['{"a": "\\x"}', "not valid JSON: '\\x' is not a valid escape in a string"],
  ];
  for (const [text, message] of cases) {
    const { config, problems } = parseConfig(text, '/r/.rst-specs.json');
    assert.deepEqual(config, {}, text);
    assert.deepEqual(
      problems.map((p) => p.message),
      [message],
      text,
    );
  }
});

test('parseConfig: values of the wrong type are left out, each with a problem at the value', () => {
  const text = [
    '{',
    '  "template": 3,',
    '  "include": "specs/*.rst",',
    '  "exclude": [""],',
    '  "maxLineLength": 0,',
    '  "rules": { "line-lenght": "off", "tab": "loud", "title-mismatch": "warning", "template": "off" },',
    '  "optionalSections": { "queens": "History" },',
    '  "maxLineLenght": 80,',
    '  "maxLineLength": 72',
    '}',
  ].join('\n');
  const { config, problems } = parseConfig(text, '/r/.rst-specs.json');
  assert.deepEqual(config, { rules: { 'title-mismatch': 'warning', template: 'off' }, maxLineLength: 72 });
  assert.deepEqual(
    problems.map((p) => [p.range.start.line + 1, p.range.start.character + 1, p.message]),
    [
      [2, 15, '"template" must be a path to the template, as a string'],
      [3, 14, '"include" must be a list of globs (non-empty strings)'],
      [4, 14, '"exclude" must be a list of globs (non-empty strings)'],
      [5, 20, '"maxLineLength" must be a positive whole number'],
      [6, 14, 'unknown rule "line-lenght"; did you mean "line-length"?'],
      [6, 43, 'the severity of "tab" must be one of error, warning, information, hint, off'],
      [
        7,
        23,
        '"optionalSections" must be a list of section titles, or an object of such lists by release or template file name, like { "*": ["History"], "queens": ["History", "Upgrade impact"] }',
      ],
      [8, 3, `unknown setting "maxLineLenght"; did you mean "maxLineLength"? (known: ${CONFIG_KEYS.join(', ')})`],
      [9, 3, '"maxLineLength" is given twice; the last one applies'],
    ],
  );
  assert.deepEqual(
    parseConfig('[]', '/r/.rst-specs.json').problems.map((p) => p.message),
    ['the file must hold an object, like { "maxLineLength": 79 }'],
  );
  assert.deepEqual(
    parseConfig('{"a": 1, "a": 2}', '/r/x.json')
      .problems.map((p) => p.message)
      .slice(0, 1),
    ['unknown setting "a" (known: template, include, exclude, maxLineLength, rules, optionalSections, rest, directives, roles)'],
  );
  assert.deepEqual(parseConfig('{"maxLineLength": 80, "maxLineLength": 90}', '/r/x.json'), {
    config: { maxLineLength: 90 },
    problems: [{ message: '"maxLineLength" is given twice; the last one applies', range: at(0, 22, 0, 37) }],
  });
});

test('the JSON schema is the one built from the rule registry, and names the keys the parser reads', () => {
  // After adding a rule: npm run docs:rules
  assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), schemaText(), 'schemas/rst-specs.schema.json is out of date');
  const schema = JSON.parse(schemaText());
  assert.deepEqual(
    Object.keys(schema.properties).filter((key) => key !== '$schema'),
    [...CONFIG_KEYS],
  );
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...ruleById.keys(), ...NON_RULE_CODES].sort());
  assert.deepEqual(schema.definitions.severity.enum, [...SEVERITY_SETTINGS]);
  // The defaults the schema shows are the ones the code applies.
  const defaults = mergeOptions(undefined, undefined);
  assert.deepEqual(schema.properties.include.default, defaults.include);
  assert.deepEqual(schema.properties.exclude.default, defaults.exclude);
  assert.equal(schema.properties.maxLineLength.default, defaults.maxLineLength);
  assert.deepEqual(schema.properties.optionalSections.default, defaults.optionalSections);
});

test('findConfigFor: the nearest file upwards, .json before .jsonc, up to stopAt; reloaded when it changes', () => {
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(join(dir, 'specs', 'pike'), { recursive: true });
    const spec = join(dir, 'specs', 'pike', 'x.rst');
    assert.equal(findConfigFor(spec, dir), undefined);
    writeFileSync(join(dir, '.rst-specs.jsonc'), '{ "maxLineLength": 100, // wide\n}');
    const top = findConfigFor(spec, dir);
    assert.deepEqual(top && { path: top.path, folder: top.folder, config: top.config, problems: top.problems }, {
      path: join(dir, '.rst-specs.jsonc'),
      folder: dir,
      config: { maxLineLength: 100 },
      problems: [],
    });
    assert.equal(findConfigFor(spec, join(dir, 'specs')), undefined, 'stops at stopAt');
    assert.strictEqual(findConfigFor(spec, dir), top, 'cached while unchanged');

    writeFileSync(join(dir, 'specs', '.rst-specs.jsonc'), '{"maxLineLength": 90}');
    writeFileSync(join(dir, 'specs', '.rst-specs.json'), '{"maxLineLength": 80}');
    assert.equal(findConfigFor(spec)?.path, join(dir, 'specs', '.rst-specs.json'));

    const file = join(dir, 'specs', '.rst-specs.json');
    writeFileSync(file, '{"maxLineLength": 81}');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(findConfigFor(spec)?.config.maxLineLength, 81, 'reloaded after a change');
    rmSync(file);
    assert.equal(findConfigFor(spec)?.config.maxLineLength, 90, 'a deleted file is no longer found');
    forgetConfig();
  } finally {
    cleanup();
  }
});

test('loadConfigFile: a missing or unreadable file is one problem, not an exception', () => {
  const loaded = loadConfigFile('/nonexistent/.rst-specs.json');
  assert.deepEqual(loaded.config, {});
  assert.deepEqual(
    loaded.problems.map((p) => p.message),
    ['cannot be read: no such file'],
  );
  assert.deepEqual(
    loadConfigFile(repoRoot).problems.map((p) => p.message),
    ['cannot be read: it is a folder'],
  );
});

test('mergeOptions: defaults, then the config, then overrides (rules merged id by id)', () => {
  const config = parseConfig(
    '{"maxLineLength": 100, "rules": {"tab": "off", "line-length": "error"}, "include": ["a/*.rst"], "template": "t.rst"}',
    '/p/.rst-specs.json',
  ).config;
  assert.deepEqual(mergeOptions(config, '/p', { maxLineLength: 72, rules: { tab: 'warning' } }), {
    templatePath: '/p/t.rst',
    include: ['a/*.rst'],
    exclude: ['**/index.rst', '**/README.rst'],
    globBase: '/p',
    maxLineLength: 72,
    optionalSections: ['History'],
    optionalSectionsFrom: 'default',
    rules: { tab: 'warning', 'line-length': 'error' },
    restExistingNames: [],
  });
  assert.deepEqual(mergeOptions(undefined, undefined), {
    templatePath: undefined,
    include: ['**/specs/**/*.rst'],
    exclude: ['**/index.rst', '**/README.rst'],
    globBase: undefined,
    maxLineLength: 79,
    optionalSections: ['History'],
    optionalSectionsFrom: 'default',
    rules: {},
    restExistingNames: [],
  });
  // The repo's own check (tests/test_titles.py) over the default; the config file over both.
  const nova = { '*': ['History', 'Feature Liaison'], queens: ['History', 'Upgrade impact'] };
  const fromRepo = mergeOptions(undefined, undefined, {}, nova);
  assert.deepEqual([fromRepo.optionalSections, fromRepo.optionalSectionsFrom], [nova, 'repo']);
  const withConfig = parseConfig(
    '{"optionalSections": ["History"], "rest": {"existingNames": ["audit_template"]}}',
    '/p/.rst-specs.json',
  ).config;
  const fromConfig = mergeOptions(withConfig, '/p', {}, nova);
  assert.deepEqual(
    [fromConfig.optionalSections, fromConfig.optionalSectionsFrom, fromConfig.restExistingNames],
    [['History'], 'config', ['audit_template']],
  );
  const fromSetting = mergeOptions(withConfig, '/p', { optionalSections: [] }, nova);
  assert.deepEqual([fromSetting.optionalSections, fromSetting.optionalSectionsFrom], [[], 'setting']);
});

test('overridesFromSettings: editor settings win only where the user set them', () => {
  const defaults = {
    templatePath: undefined,
    include: ['**/specs/**/*.rst'],
    exclude: ['**/index.rst', '**/README.rst'],
    maxLineLength: 79,
    optionalSections: ['History'],
    rules: {},
  };
  assert.deepEqual(overridesFromSettings(defaults), {});
  assert.deepEqual(overridesFromSettings({ ...defaults, maxLineLength: 100, rules: { tab: 'off' }, templatePath: 't.rst' }), {
    templatePath: 't.rst',
    maxLineLength: 100,
    rules: { tab: 'off' },
  });
  // With what the client knows was set (inspect()), a value equal to the default still wins.
  assert.deepEqual(overridesFromSettings(defaults, new Set(['maxLineLength', 'include'])), {
    include: ['**/specs/**/*.rst'],
    maxLineLength: 79,
  });
  const config = parseConfig('{"maxLineLength": 100}', '/p/.rst-specs.json').config;
  assert.equal(mergeOptions(config, '/p', overridesFromSettings(defaults)).maxLineLength, 100);
});

test('isIncludedSpec: globs relative to the config folder, or anywhere for the defaults; never templates', () => {
  const defaults = mergeOptions(undefined, undefined);
  assert.equal(isIncludedSpec('/home/u/nova-specs/specs/pike/approved/x.rst', defaults, '/home/u/nova-specs/specs'), true);
  assert.equal(isIncludedSpec('/home/u/nova-specs/doc/x.rst', defaults, '/home/u/nova-specs'), false);
  assert.equal(isIncludedSpec('/home/u/nova-specs/specs/index.rst', defaults), false);
  assert.equal(isIncludedSpec('/home/u/nova-specs/specs/pike-template.rst', defaults), false);
  assert.equal(isIncludedSpec('/home/u/nova-specs/specs/x.txt', defaults), false);
  const configured = mergeOptions(
    parseConfig('{"include": ["drafts/*.rst"], "exclude": ["drafts/old-*.rst"]}', '/p/.rst-specs.json').config,
    '/p',
  );
  assert.equal(isIncludedSpec('/p/drafts/a.rst', configured, '/elsewhere'), true);
  assert.equal(isIncludedSpec('/p/drafts/old-a.rst', configured), false);
  assert.equal(isIncludedSpec('/p/drafts/deeper/a.rst', configured), false);
  assert.equal(isIncludedSpec('/p/specs/a.rst', configured), false);
  assert.equal(isExcludedFile('/p/drafts/old-a.rst', configured), true);
  assert.equal(isExcludedFile('/p/drafts/a.rst', configured), false);
  assert.equal(isExcludedFile('/x/specs/index.rst', defaults), true);
});

test('optionsForSpec: the nearest config up to the workspace folder, under the overrides', () => {
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(join(dir, 'specs'));
    writeFileSync(
      join(dir, '.rst-specs.json'),
      '{ "maxLineLength": 100, "rules": { "tab": "off" }, "include": ["specs/*.rst"], "bogus": 1 }',
    );
    const spec = join(dir, 'specs', 'x.rst');
    const { options, config } = optionsForSpec(spec, dir, { rules: { 'line-length': 'error' } });
    assert.equal(config?.path, join(dir, '.rst-specs.json'));
    assert.deepEqual(
      config?.problems.map((p) => p.message),
      ['unknown setting "bogus" (known: template, include, exclude, maxLineLength, rules, optionalSections, rest, directives, roles)'],
    );
    assert.deepEqual(
      { ...options },
      {
        templatePath: undefined,
        include: ['specs/*.rst'],
        exclude: ['**/index.rst', '**/README.rst'],
        globBase: dir,
        maxLineLength: 100,
        optionalSections: ['History'],
        optionalSectionsFrom: 'default',
        rules: { tab: 'off', 'line-length': 'error' },
        restExistingNames: [],
      },
    );
    assert.equal(isIncludedSpec(spec, options), true);
    assert.equal(optionsForSpec(spec, join(dir, 'specs')).config, undefined, 'not above the workspace folder');
  } finally {
    cleanup();
    forgetConfig();
  }
});
