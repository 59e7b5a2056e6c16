// The environment the extension gives the server (server/src/runtime/node-options.ts), as the tests and
// benchmarks start it too (client.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from './client';

test("NODE_EXTRA_CA_CERTS in the editor's environment: the server's Node reads no certificates at start", async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'rst-specs-environment-'));
  const missing = join(workspace, 'no-such-ca.pem');
  // What Node does with the variable: it reads the file before running any code, and says so when it cannot.
  const plainNode = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: missing }, encoding: 'utf8' });
  assert.match(plainNode.stderr, /Ignoring extra certs from `.*no-such-ca\.pem`/);

  const client = new TestClient([], { NODE_EXTRA_CA_CERTS: missing });
  try {
    await client.initialize(workspace);
    await client.shutdown();
    assert.equal(client.stderr.join(''), '');
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
