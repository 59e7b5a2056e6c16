import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/run';

test("rst-specs check: the docs-gate findings, with the extensions of the repo's doc/source/conf.py; exit 1", () => {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-docs-cli-'));
  try {
    mkdirSync(join(root, 'doc', 'source'), { recursive: true });
    writeFileSync(join(root, 'doc', 'source', 'conf.py'), "extensions = [\n    'sphinx.ext.todo',\n]\n");
    mkdirSync(join(root, 'specs', 'xena', 'approved'), { recursive: true });
    const spec = [
      '=====',
      'Title',
      '=====',
      '',
      'Pass *args here.',
      '',
      '.. todo:: Later.',
      '',
      '.. graphviz::',
      '',
      '   digraph {}',
      '',
    ].join('\n');
    writeFileSync(join(root, 'specs', 'xena', 'approved', 'x.rst'), spec);
    const result = run(['check', '--format', 'json', '--rule', 'missing-section=off', 'specs'], { cwd: root });
    assert.equal(result.code, 1);
    const files = JSON.parse(result.stdout).files as {
      diagnostics: { code: string; message: string; range: { start: { line: number } } }[];
    }[];
    const found = files[0].diagnostics
      .filter((d) => d.code.startsWith('rst-'))
      .map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`);
    assert.deepEqual(found, [
      '5 rst-inline Inline emphasis start-string without end-string.',
      '9 rst-directive Unknown directive type "graphviz".',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
