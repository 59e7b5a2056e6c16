import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RecentlyUsed } from '../../server/src/lsp/recently-used';

test('keeps the most recently used entries up to its limit, a read counting as a use', () => {
  const kept = new RecentlyUsed<string, number>(2);
  kept.set('a', 1);
  kept.set('b', 2);
  assert.equal(kept.get('a'), 1);
  kept.set('c', 3);
  assert.equal(kept.get('b'), undefined);
  assert.equal(kept.get('a'), 1);
  assert.equal(kept.get('c'), 3);
});

test('a new value for a kept key replaces it without dropping another; delete and clear forget', () => {
  const kept = new RecentlyUsed<string, number>(2);
  kept.set('a', 1);
  kept.set('b', 2);
  kept.set('a', 10);
  assert.equal(kept.get('b'), 2);
  assert.equal(kept.get('a'), 10);
  kept.delete('a');
  assert.equal(kept.get('a'), undefined);
  assert.equal(kept.get('b'), 2);
  kept.clear();
  assert.equal(kept.get('b'), undefined);
});
