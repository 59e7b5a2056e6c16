// What ships with the CLI: the pre-commit hooks, the config schema and its place in package.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers';

const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));

test('.pre-commit-hooks.yaml: node hooks that run the package bin on specs', () => {
  const hooks = readFileSync(resolve(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
  const entries = [...hooks.matchAll(/^- id: (\S+)\n(?: {2}\S.*\n)*/gm)].map((match) => match[0]);
  assert.deepEqual(entries.map((entry) => /^- id: (\S+)/.exec(entry)?.[1]), ['rst-specs', 'rst-specs-fix']);
  for (const entry of entries) {
    assert.match(entry, /^ {2}language: node$/m);
    assert.match(entry, /^ {2}entry: rst-specs check( --fix)?$/m);
    assert.match(entry, /^ {2}types: \[rst\]$/m);
  }
  assert.equal(manifest.bin['rst-specs'], './server/out/cli.js');
});

test('the config schema is valid JSON, ships in the extension, and package.json points VS Code at it', { todo: manifest.contributes?.jsonValidation ? undefined : 'the lead adds contributes.jsonValidation to package.json' }, () => {
  JSON.parse(readFileSync(resolve(repoRoot, 'schemas', 'rst-specs.schema.json'), 'utf8'));
  assert.match(readFileSync(resolve(repoRoot, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['.rst-specs.json', '.rst-specs.jsonc'], url: './schemas/rst-specs.schema.json' }]);
});
