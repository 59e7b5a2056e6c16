// The client's storing of the server's code cache (client/src/code-cache-store.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeCodeCache } from '../../client/src/code-cache-store';

const offer = (fileName: string, bytes: string) => ({ fileName, data: Buffer.from(bytes).toString('base64') });

test('storeCodeCache: writes the offer under its name, creating the folder, and removes the caches of other builds only', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-store-'));
  try {
    const folder = join(root, 'globalStorage', 'code-cache');
    storeCodeCache(folder, offer('server-100-1.cache', 'first build'));
    assert.deepEqual(readdirSync(folder), ['server-100-1.cache']);
    writeFileSync(join(folder, 'notes.txt'), 'not a cache');
    storeCodeCache(folder, offer('server-200-2.cache', 'second build'));
    assert.deepEqual(readdirSync(folder).sort(), ['notes.txt', 'server-200-2.cache']);
    assert.equal(readFileSync(join(folder, 'server-200-2.cache'), 'utf8'), 'second build');
    storeCodeCache(folder, offer('server-200-2.cache', 'same build, again'));
    assert.deepEqual(readdirSync(folder).sort(), ['notes.txt', 'server-200-2.cache']);
    assert.equal(readFileSync(join(folder, 'server-200-2.cache'), 'utf8'), 'same build, again');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('storeCodeCache: refuses a name outside the pattern or empty data, and writes nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-store-'));
  try {
    const folder = join(root, 'code-cache');
    const message = 'the server offered a code cache without a valid file name or data';
    for (const bad of [
      offer('../server-1-1.cache', 'x'),
      offer('server-1-1.cache/../../escape.cache', 'x'),
      offer('server.js', 'x'),
      { fileName: 'server-1-1.cache', data: '' },
      { fileName: 'server-1-1.cache' },
      null,
    ]) {
      assert.throws(() => storeCodeCache(folder, bad), { message });
    }
    assert.deepEqual(readdirSync(root), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
