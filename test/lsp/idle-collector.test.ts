import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { IdleCollector } from '../../server/src/lsp/idle-collector';

test('collects once the documents have been quiet for the whole spell, not while they change', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let collections = 0;
  const collector = new IdleCollector(() => collections++, 1_000);
  for (let edit = 0; edit < 5; edit++) {
    collector.touched();
    t.mock.timers.tick(999);
  }
  assert.equal(collections, 0);
  t.mock.timers.tick(1);
  assert.equal(collections, 1);
  t.mock.timers.tick(5_000);
  assert.equal(collections, 1);
  collector.touched();
  collector.dispose();
  t.mock.timers.tick(5_000);
  assert.equal(collections, 1);
});
