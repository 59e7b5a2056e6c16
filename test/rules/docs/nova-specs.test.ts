// The block layer of the docs gate on a whole repo that passes its docs job: nova-specs, 813
// specs, none of which may get a diagnostic of rst-structure, rst-title, rst-table,
// rst-code-lexing (or title-underline). No Sphinx needed: its answer is known to be "clean".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../../server/src/engine';
import { blockRules } from '../../../server/src/rules/docs/block-rules';
import { bundledTemplate, sharedRoot } from '../../helpers';

const NOVA = join(sharedRoot, 'repos', 'nova-specs', 'specs');
const OURS = new Set([...blockRules.map((rule) => rule.id), 'title-underline']);

test(
  'nova-specs: no block-layer diagnostic on any of its 813 specs (they all pass its docs job)',
  { skip: !existsSync(NOVA) && '../shared/repos is missing' },
  () => {
    const found: string[] = [];
    let count = 0;
    for (const release of readdirSync(NOVA, { withFileTypes: true })) {
      if (!release.isDirectory()) continue;
      for (const folder of readdirSync(join(NOVA, release.name), { withFileTypes: true })) {
        if (!folder.isDirectory()) continue;
        for (const name of readdirSync(join(NOVA, release.name, folder.name))) {
          if (!name.endsWith('.rst')) continue;
          count++;
          const text = readFileSync(join(NOVA, release.name, folder.name, name), 'utf8');
          for (const d of validateText(text, bundledTemplate())) {
            if (OURS.has(d.code)) found.push(`${release.name}/${folder.name}/${name}:${d.range.start.line + 1}: ${d.code} ${d.message}`);
          }
        }
      }
    }
    assert.equal(count, 813);
    assert.deepEqual(found, []);
  },
);
