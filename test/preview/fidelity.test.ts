// Fidelity: every corpus spec rendered by the preview has the block structure docutils' own HTML5
// writer gives it (test/preview/docutils_html.py): the same tree of block elements and classes,
// normalised as docs/preview.md says. Needs python3 with docutils and ../shared; skipped without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { corpusRoot, docutilsAvailable, hasCorpus, repoRoot, rstFiles } from '../helpers';
import { renderPreview } from '../../server/src/preview/render';
import { blockTokens, firstDifference, inlineTokens, rejectedDirectiveLines, withoutDropped } from './blocks';

test('preview: block structure of every corpus spec as docutils HTML5 writes it', (t) => {
  if (!hasCorpus) return t.skip('no ../shared/corpus');
  if (!docutilsAvailable()) return t.skip('python3 with docutils is not available (apt-get install python3-docutils)');
  const files = rstFiles(corpusRoot);
  const script = resolve(repoRoot, 'test', 'preview', 'docutils_html.py');
  const expected = JSON.parse(execFileSync('python3', [script, ...files], { maxBuffer: 1 << 30, encoding: 'utf8' })) as Record<
    string,
    string
  >;
  const failures: string[] = [];
  const inlineFailures: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const html = renderPreview(text).html;
    const dropLines = rejectedDirectiveLines(text);
    const diff = firstDifference(blockTokens(html, { dropLines }), blockTokens(expected[file]));
    if (diff) failures.push(`${relative(corpusRoot, file)}: ${diff}`);
    const inlineDiff = firstDifference(inlineTokens(withoutDropped(html, { dropLines })), inlineTokens(expected[file]));
    if (inlineDiff) inlineFailures.push(`${relative(corpusRoot, file)} (inline): ${inlineDiff}`);
  }
  const rate = (bad: string[]) =>
    `${files.length - bad.length} of ${files.length} corpus specs (${(((files.length - bad.length) / files.length) * 100).toFixed(1)}%)`;
  t.diagnostic(`block structure agrees on ${rate(failures)}; inline markup and links on ${rate(inlineFailures)}`);
  for (const f of [...failures, ...inlineFailures]) t.diagnostic(f);
  assert.deepEqual(failures, []);
  assert.deepEqual(inlineFailures, []);
});
