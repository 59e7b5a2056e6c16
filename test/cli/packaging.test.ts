// What ships with the CLI: the config schema and its place in package.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers';

const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));

test(
  'the config schema is valid JSON, ships in the extension, and package.json points VS Code at it',
  { todo: manifest.contributes?.jsonValidation ? undefined : 'the lead adds contributes.jsonValidation to package.json' },
  () => {
    JSON.parse(readFileSync(resolve(repoRoot, 'schemas', 'rst-specs.schema.json'), 'utf8'));
    assert.match(readFileSync(resolve(repoRoot, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: ['.rst-specs.json', '.rst-specs.jsonc'], url: './schemas/rst-specs.schema.json' },
    ]);
  },
);
