// One rule for severities: error = a specs repo's CI rejects the spec, warning = a reviewer would
// ask for a change, information = a hint. Each rule's default follows it, and its doc page and
// the rules table say it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allRules } from '../../server/src/rules';
import { repoRoot } from '../helpers';

const docs = resolve(repoRoot, 'docs', 'rules');

test("severities: the CI gates' rules are errors, reviewer advice warnings, hints information", () => {
  const defaults = Object.fromEntries(allRules.map((rule) => [rule.id, rule.defaultSeverity]));
  assert.deepEqual(defaults, {
    // tests/test_titles.py: sections, titles, levels, line length, trailing spaces, U+200B.
    'missing-section': 'error',
    'unknown-section': 'error',
    'title-mismatch': 'error',
    'section-level': 'error',
    'line-length': 'error',
    'trailing-whitespace': 'error',
    'zero-width-space': 'error',
    // tests/test_directories.py: specs only in specs/<release>/approved/ or implemented/.
    'spec-location': 'error',
    // The docs gate (sphinx-build -W): docutils warns on a short underline; Sphinx on an unresolved :ref:/:doc:.
    'title-underline': 'error',
    'rst-cross-reference': 'error',
    // The docs gate: docutils' and Sphinx's messages about titles, structure, tables, code blocks.
    'rst-title': 'error',
    'rst-structure': 'error',
    'rst-table': 'error',
    'rst-code-lexing': 'error',
    // ... and on inline markup, references, directives and roles it cannot resolve.
    'rst-inline': 'error',
    'rst-reference': 'error',
    'rst-footnote': 'error',
    'rst-directive': 'error',
    'rst-role': 'error',
    // A reviewer's requests. Carriage returns never reach the Python 3 check (universal newlines).
    'section-order': 'warning',
    'empty-section': 'warning',
    'template-text': 'warning',
    'blueprint-url': 'warning',
    tab: 'warning',
    'carriage-return': 'warning',
    'line-separator': 'warning',
    'rest-method': 'warning',
    'rest-url': 'warning',
    'rest-status-code': 'warning',
    'rest-json': 'warning',
    'rest-field-case': 'warning',
    'control-comment': 'warning',
    'rest-incomplete': 'information',
  });
});

test("severities: each rule's page and the rules table give its default", () => {
  const table = readFileSync(resolve(docs, 'README.md'), 'utf8');
  assert.match(table, /^## Severities$/m);
  for (const rule of allRules) {
    const page = readFileSync(resolve(docs, `${rule.id}.md`), 'utf8');
    assert.equal(/^\*\*Default severity:\*\* (\w+) /m.exec(page)?.[1], rule.defaultSeverity, `${rule.id}.md`);
    assert.match(page, /\(\[severities\]\(README\.md#severities\)\)/, `${rule.id}.md links the severity rule`);
    assert.ok(table.includes(`| [${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} |`), `README.md row of ${rule.id}`);
  }
});
