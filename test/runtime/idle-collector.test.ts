import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ServerContext } from '../../server/src/lsp/context';
import { IdleCollector, idleCollectionFeature } from '../../server/src/runtime/idle-collector';

test('collects twice once the documents have been quiet for the whole spell, not while they change', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let collections = 0;
  const collector = new IdleCollector(() => collections++, 1_000);
  for (let edit = 0; edit < 5; edit++) {
    collector.touched();
    t.mock.timers.tick(999);
  }
  assert.equal(collections, 0);
  t.mock.timers.tick(1);
  assert.equal(collections, 2);
  t.mock.timers.tick(5_000);
  assert.equal(collections, 2);
  collector.touched();
  collector.dispose();
  t.mock.timers.tick(5_000);
  assert.equal(collections, 2);
});

test('drops the second collection when a message handled after the first touches a document, and collects twice after the next quiet spell', async () => {
  // Real timers: a message read while the first collection ran is handled before the second is due.
  const times: number[] = [];
  const collector = new IdleCollector(() => {
    times.push(performance.now());
    if (times.length === 1) setImmediate(() => collector.touched());
  }, 20);
  collector.touched();
  await new Promise((resolve) => setTimeout(resolve, 500));
  collector.dispose();
  assert.equal(times.length, 3);
  assert.ok(times[1] - times[0] >= 19, `the next collection came ${times[1] - times[0]} ms after the first`);
});

test('the server feature counts an open, a change, a close and background allocation as touches', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const listeners: (() => void)[] = [];
  const on = (listener: () => void) => listeners.push(listener);
  const documents = { onDidOpen: on, onDidChangeContent: on, onDidClose: on };
  let collections = 0;
  idleCollectionFeature(() => collections++).register({ documents, onAllocated: on } as unknown as ServerContext);
  assert.equal(listeners.length, 4);
  for (const listener of listeners) {
    listener();
    t.mock.timers.tick(999);
  }
  assert.equal(collections, 0);
  t.mock.timers.tick(1);
  assert.equal(collections, 2);
});
