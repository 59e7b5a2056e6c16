// Fidelity: every corpus spec rendered by the preview has the block structure docutils' own HTML5
// writer gives it (test/preview/docutils_html.py): the same tree of block elements and classes,
// normalised as docs/preview.md says. Needs python3 with docutils and ../shared; skipped without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { corpusRoot, docutilsAvailable, hasCorpus, repoRoot } from '../helpers';
import { renderPreview } from '../../server/src/preview/render';
import { blockTokens, firstDifference, rejectedDirectiveLines } from './blocks';

function rstFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...rstFiles(path));
    else if (name.endsWith('.rst')) out.push(path);
  }
  return out;
}

test('preview: block structure of every corpus spec as docutils HTML5 writes it', (t) => {
  if (!hasCorpus) return t.skip('no ../shared/corpus');
  if (!docutilsAvailable()) return t.skip('python3 with docutils is not available (apt-get install python3-docutils)');
  const files = rstFiles(corpusRoot);
  const script = resolve(repoRoot, 'test', 'preview', 'docutils_html.py');
  const expected = JSON.parse(execFileSync('python3', [script, ...files], { maxBuffer: 1 << 30, encoding: 'utf8' })) as Record<string, string>;
  const failures: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const ours = blockTokens(renderPreview(text).html, { dropLines: rejectedDirectiveLines(text) });
    const theirs = blockTokens(expected[file]);
    const diff = firstDifference(ours, theirs);
    if (diff) failures.push(`${relative(corpusRoot, file)}: ${diff}`);
  }
  const agreement = (files.length - failures.length) / files.length;
  t.diagnostic(`block structure agrees on ${files.length - failures.length} of ${files.length} corpus specs (${(agreement * 100).toFixed(1)}%)`);
  for (const f of failures) t.diagnostic(f);
  assert.deepEqual(failures, []);
});
