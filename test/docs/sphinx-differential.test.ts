// The docs-gate inline and name rules against Debian's Sphinx 5.3 (docutils 0.19): generated
// documents full of inline markup, references, directives and roles, built one by one the way a
// specs repo's docs job builds a spec; rst-specs must report exactly Sphinx's messages of these
// kinds, on the same lines (docutils' line: a paragraph's first line). Skipped without Sphinx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../helpers';
import { generateDocument } from './generate';
import { compare, findingEntry, runGate, sphinxEntry, sphinxMissing } from './sphinx';

const RULES = new Set(['rst-inline', 'rst-reference', 'rst-directive', 'rst-role']);
// nova-specs' conf.py extensions: what sphinx_gate.py loads for --profile nova-specs
const NOVA = { extensions: ['redirect', 'sphinx.ext.todo', 'openstackdocstheme', 'yasfb'] };
const COUNT = 120;

test('docs gate: generated documents, message by message and line by line, as Sphinx', { skip: sphinxMissing() || undefined }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rst-specs-inline-'));
  try {
    const files: string[] = [];
    const texts = new Map<string, string>();
    for (let i = 0; i < COUNT; i++) {
      const file = join(dir, `doc${i}.rst`);
      const text = generateDocument(1000 + i);
      writeFileSync(file, text);
      files.push(file);
      texts.set(file, text);
    }
    let compared = 0;
    const mismatches: string[] = [];
    for (const result of runGate(files, 'nova-specs')) {
      const expected = result.warnings.map(sphinxEntry).filter((e) => e !== null);
      const ours = check(texts.get(result.path)!, { docs: NOVA })
        .filter((d) => RULES.has(d.code))
        .map(findingEntry);
      compared += expected.length;
      const { missing, extra } = compare(expected, ours);
      if (missing.length || extra.length)
        mismatches.push(`${result.path}: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
    }
    assert.deepEqual(mismatches, []);
    assert.ok(compared > COUNT, `only ${compared} Sphinx messages of these kinds: the generator lost its mistakes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
