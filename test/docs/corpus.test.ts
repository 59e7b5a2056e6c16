// No diagnostic of the docs-gate inline and name rules where Sphinx has none: every spec of the
// public corpus (Sphinx builds all of them without such a warning; the three Senlin specs it
// warns on have block-structure problems only) and every spec of nova-specs (all pass its docs
// job), checked as the CLI and the editor check them: nova-specs' own doc/source/conf.py is found
// above each spec and read. With RST_SPECS_SPHINX_CORPUS=1, the corpus is also built with Sphinx
// and compared message by message (about two minutes on two cores).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyzer } from '../../server/src/analyze';
import { corpusRoot, hasCorpus, rstFiles, sharedRoot } from '../helpers';
import { readManifest } from '../corpus/manifest';
import { compare, findingEntry, runGate, sphinxEntry, sphinxMissing } from './sphinx';

const RULES = new Set(['rst-inline', 'rst-reference', 'rst-directive', 'rst-role']);
const NOVA = resolve(sharedRoot, 'repos', 'nova-specs');

function findings(analyzer: Analyzer, file: string, workspaceFolder?: string): string[] {
  const text = readFileSync(file, 'utf8');
  return analyzer
    .analyze({ text, filePath: file, workspaceFolder })
    .diagnostics.filter((d) => RULES.has(d.code))
    .map((d) => `${file}:${d.range.start.line + 1} ${d.code} ${d.message}`);
}

test('docs gate (inline, names): nothing on the public corpus', { skip: !hasCorpus && 'no corpus' }, () => {
  const analyzer = new Analyzer();
  const found = readManifest().flatMap((row) => findings(analyzer, resolve(corpusRoot, row.repo, row.path)));
  assert.deepEqual(found, []);
});

test(
  'docs gate (inline, names): nothing on the 813 specs of nova-specs, with its conf.py',
  { skip: !existsSync(NOVA) && 'no nova-specs' },
  () => {
    const analyzer = new Analyzer();
    const files = rstFiles(join(NOVA, 'specs')).filter((f) => !f.endsWith('template.rst') && !f.endsWith('index.rst'));
    assert.ok(files.length >= 813, `${files.length} specs`);
    assert.deepEqual(
      files.flatMap((file) => findings(analyzer, file, NOVA)),
      [],
    );
    // the conf.py was found and read: a directive its extensions lack is reported
    const spec = join(NOVA, 'specs', 'xena', 'approved', 'new.rst');
    const diagnostics = analyzer.analyze({ text: 'T\n=\n\n.. graphviz::\n\n   a\n', filePath: spec, workspaceFolder: NOVA }).diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'rst-directive').map((d) => d.message),
      ['Unknown directive type "graphviz".'],
    );
  },
);

const fullRun = process.env.RST_SPECS_SPHINX_CORPUS === '1';
test(
  'docs gate (inline, names): the corpus against Sphinx, message by message',
  { skip: !fullRun ? 'set RST_SPECS_SPHINX_CORPUS=1' : sphinxMissing() || (!hasCorpus && 'no corpus') || undefined },
  () => {
    const analyzer = new Analyzer();
    const rows = readManifest();
    const mismatches: string[] = [];
    for (const repo of new Set(rows.map((r) => r.repo))) {
      const files = rows.filter((r) => r.repo === repo).map((r) => resolve(corpusRoot, r.repo, r.path));
      for (const result of runGate(files, repo)) {
        const expected = result.warnings.map(sphinxEntry).filter((e) => e !== null);
        const text = readFileSync(result.path, 'utf8');
        const ours = analyzer
          .analyze({ text, filePath: result.path })
          .diagnostics.filter((d) => RULES.has(d.code))
          .map(findingEntry);
        const { missing, extra } = compare(expected, ours);
        if (missing.length || extra.length)
          mismatches.push(`${result.path}: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
      }
    }
    assert.deepEqual(mismatches, []);
  },
);
