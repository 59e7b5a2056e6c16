// Every regular expression the REST API impact rules run over spec text finishes quickly on
// 100,000-character adversarial strings, and so do the rules on a section made of such lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DECLARATION_PATTERNS } from '../../../server/src/rules/rest/declarations';
import { EXTRACT_PATTERNS } from '../../../server/src/rules/rest/extract';
import { INCOMPLETE_PATTERNS } from '../../../server/src/rules/rest/rest-incomplete';
import { STATUS_CODE_PATTERNS } from '../../../server/src/rules/rest/status-codes';
import { JSON_PATTERNS } from '../../../server/src/rules/rest/json-scan';
import { FIELD_CASE_PATTERNS } from '../../../server/src/rules/rest/rest-field-case';
import { URL_PATTERNS } from '../../../server/src/rules/rest/rest-url';
import { STATUS_CODE_RULE_PATTERNS } from '../../../server/src/rules/rest/rest-status-code';
import { restRules } from '../../../server/src/rules/rest';
import { parseSpec } from '../../../server/src/rst/parse';
import { buildOutline } from '../../../server/src/template/outline';
import { bundledTemplate } from '../../helpers';
import { spec } from './helpers';
import type { RuleContext } from '../../../server/src/rules/rule';
import { buildRestExtract } from '../../../server/src/rules/rest/extract';
import { once } from '../../../server/src/once';

const SIZE = 100_000;

/** Long runs of what each pattern's quantifiers eat, each ending in what makes it fail. */
const ADVERSARIAL: readonly string[] = [
  ' '.repeat(SIZE) + '!',
  '\t'.repeat(SIZE) + 'x',
  'a'.repeat(SIZE) + '!',
  'A'.repeat(SIZE) + '!',
  'aA'.repeat(SIZE / 2) + '!',
  '1'.repeat(SIZE) + 'x',
  '/'.repeat(SIZE) + ' ',
  '/a'.repeat(SIZE / 2) + ' ',
  '_'.repeat(SIZE) + '!',
  'a_'.repeat(SIZE / 2) + '!',
  '.'.repeat(SIZE) + '!',
  '{'.repeat(SIZE),
  '}'.repeat(SIZE),
  '['.repeat(SIZE),
  '"'.repeat(SIZE),
  "'".repeat(SIZE),
  '`'.repeat(SIZE) + 'x',
  '*'.repeat(SIZE) + 'x',
  ')'.repeat(SIZE) + 'x',
  ':'.repeat(SIZE) + 'x',
  '- '.repeat(SIZE / 2) + 'x',
  'error '.repeat(SIZE / 6) + 'x',
  'code '.repeat(SIZE / 5) + 'x',
  'response code '.repeat(SIZE / 14) + 'x',
  'HTTP 4'.repeat(SIZE / 6),
  '(404)'.repeat(SIZE / 5),
  'badRequest'.repeat(SIZE / 10) + '(40',
  'method type '.repeat(SIZE / 12) + ':',
  'url '.repeat(SIZE / 4) + ':',
  'v1.'.repeat(SIZE / 3) + '/',
  '{a}/'.repeat(SIZE / 4),
  '<'.repeat(SIZE) + '/',
  'https://'.repeat(SIZE / 8),
  '0-'.repeat(SIZE / 2) + 'g',
  'None '.repeat(SIZE / 5),
  'rest api '.repeat(SIZE / 9) + 'x',
  'policy'.repeat(SIZE / 6),
  ', '.repeat(SIZE / 2),
  '400,'.repeat(SIZE / 4),
  'GET /a '.repeat(SIZE / 7),
  'GET '.repeat(SIZE / 4),
];

const PATTERNS: readonly RegExp[] = [
  ...DECLARATION_PATTERNS,
  ...EXTRACT_PATTERNS,
  ...INCOMPLETE_PATTERNS,
  ...STATUS_CODE_PATTERNS,
  ...JSON_PATTERNS,
  ...FIELD_CASE_PATTERNS,
  ...URL_PATTERNS,
  ...STATUS_CODE_RULE_PATTERNS,
];

test('every rest-* pattern is linear on 100,000-character adversarial strings', { timeout: 60_000 }, () => {
  for (const pattern of PATTERNS) {
    for (const input of ADVERSARIAL) {
      const started = performance.now();
      const copy = new RegExp(pattern.source, pattern.flags);
      if (copy.global) {
        let count = 0;
        for (let match = copy.exec(input); match && count < SIZE; match = copy.exec(input)) {
          if (match[0] === '') copy.lastIndex++;
          count++;
        }
      } else copy.test(input);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 1_000, `${pattern} took ${Math.round(elapsed)} ms on ${JSON.stringify(input.slice(0, 12))}...`);
    }
  }
});

test('the rest-* rules stay fast on a REST API impact section of adversarial lines', { timeout: 120_000 }, () => {
  const template = bundledTemplate();
  const options = { maxLineLength: 79, optionalSections: ['History'] };
  for (const input of ADVERSARIAL) {
    const body = [
      input,
      `* Method type: ${input}`,
      `* Expected error http response code(s): ${input}`,
      `URL: ${input}`,
      `::\n\n  POST /v1/${input}\n  ${input}\n  {"a": [${input}]}`,
    ].join('\n\n');
    const doc = parseSpec(spec(`${body}\n`));
    // The extract built once for all the rules, as engine.ts keeps it on the context.
    const context: RuleContext = {
      doc,
      template,
      options,
      outline: buildOutline(doc, template, options.optionalSections),
      rest: once(() => buildRestExtract(context)),
    };
    const started = performance.now();
    for (const rule of restRules) rule.check(context);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2_000, `rules took ${Math.round(elapsed)} ms on ${JSON.stringify(input.slice(0, 12))}...`);
  }
});
