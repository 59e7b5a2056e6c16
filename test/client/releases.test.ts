import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCount, newestFirst, rulesSummary } from '../../client/src/releases';

test('release folders newest first: numbered, then named backwards through the alphabet, then the others', () => {
  assert.deepEqual(newestFirst(['juno', '2023.1', 'backlog', 'zed', '2027.1', 'abandoned', '2026.2', 'queens', '2026.10']), [
    '2027.1',
    '2026.10',
    '2026.2',
    '2023.1',
    'zed',
    'queens',
    'juno',
    'abandoned',
    'backlog',
  ]);
});

test('the summary of a workspace check: errors first, then by count; the rest counted', () => {
  const byRule = {
    'rest-json': { count: 37, severity: 'warning' as const },
    'missing-section': { count: 12, severity: 'error' as const },
    'line-length': { count: 3, severity: 'warning' as const },
    'title-underline': { count: 2, severity: 'error' as const },
  };
  assert.equal(rulesSummary(byRule), '12 missing-section, 2 title-underline, 37 rest-json, 3 line-length');
  assert.equal(rulesSummary(byRule, 2), '12 missing-section, 2 title-underline and 2 more rules');
  assert.equal(errorCount(byRule), 14);
});
