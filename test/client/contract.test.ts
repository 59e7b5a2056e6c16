import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers';
import { SERVER_COMMANDS } from '../../server/src/protocol';
import { SERVER_COMMANDS as CODE_ACTION_COMMANDS } from '../../server/src/lsp/code-actions';
import { REPO_COMMANDS } from '../../server/src/lsp/repo-commands';

test('the client imports the server only through the contract (server/src/protocol.ts)', () => {
  const folder = resolve(repoRoot, 'client', 'src');
  const imports: string[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.ts'))) {
    for (const match of readFileSync(resolve(folder, name), 'utf8').matchAll(/\bfrom\s+'([^']*server\/src[^']*)'/g))
      imports.push(`${name}: ${match[1]}`);
  }
  assert.ok(imports.length > 0);
  assert.deepEqual(
    imports.filter((line) => !line.endsWith(': ../../server/src/protocol')),
    [],
  );
});

test("the commands the server executes are the contract's", () => {
  assert.deepEqual(
    new Set([...Object.values(CODE_ACTION_COMMANDS), ...Object.values(REPO_COMMANDS)]),
    new Set(Object.values(SERVER_COMMANDS)),
  );
});
