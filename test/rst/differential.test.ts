// Differential test: random rST documents (../shared/rst-fixtures/tools/random_docs.py: off-length
// and mismatched adornments, lists with literal blocks, directives, comments, field lists, tabs,
// indented titles, some CRLF) parsed by docutils (docutils_sections.py) and by parseSpec. The
// sections must be the same for every document, and so must the title-related messages.
// Needs python3 with docutils (Debian: python3-docutils); skipped without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { docutilsAvailable } from '../helpers';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseSpec } from '../../server/src/rst/parse';

const repoRoot = resolve(__dirname, '..', '..');
const tools = join(resolve(repoRoot, '..', 'shared'), 'rst-fixtures', 'tools');

/** [seed, count, probability of a blank line between blocks] */
const RUNS: [number, number, number][] = [
  [1, 300, 0.85],
  [2, 150, 0.4],
];

/** docutils' messages about titles and adornment lines, which parseSpec reproduces. */
const TITLE_MESSAGES = [
  'Title underline too short.',
  'Title overline too short.',
  'Title overline & underline mismatch.',
  'Title level inconsistent:',
  'Possible title underline, too short for the title',
  'Possible incomplete section title.',
  'Incomplete section title.',
  'Missing matching underline for section title overline.',
  'Invalid section title or transition marker.',
  'Unexpected section title.',
  'Unexpected section title or transition.',
  'Unexpected possible title overline or transition.',
];
const LEVEL_NAMES = ['', 'INFO', 'WARNING', 'ERROR', 'SEVERE'];

function titleMessages(messages: [number, number, string][]): string[] {
  return messages
    .map(([, , text]) => text)
    .filter((text) => TITLE_MESSAGES.some((m) => text.replace(/^<string>:\d+: \(\w+\/\d\) /, '').startsWith(m)))
    .sort();
}

interface Expected {
  file: string;
  sections: { line: number; level: number; title: string; style: string }[];
  messages: [number, number, string][];
}

for (const [seed, count, blank] of RUNS) {
  test(`random documents (seed ${seed}, ${count} documents, blank line probability ${blank}): same as docutils`, (t) => {
    if (!existsSync(join(tools, 'random_docs.py'))) return t.skip(`no ${tools} (../shared is missing)`);
    if (!docutilsAvailable()) return t.skip('python3 with docutils is not available (apt-get install python3-docutils)');
    const dir = mkdtempSync(join(tmpdir(), 'rst-specs-differential-'));
    try {
      execFileSync('python3', [join(tools, 'random_docs.py'), String(seed), String(count), String(blank), dir]);
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.rst'))
        .sort();
      assert.equal(files.length, count);
      const output = execFileSync('python3', [join(tools, 'docutils_sections.py'), ...files.map((f) => join(dir, f))], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      const expected: Expected[] = output
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.equal(expected.length, count);
      for (const want of expected) {
        const file = want.file;
        const doc = parseSpec(readFileSync(file, 'utf8'));
        const where = `seed ${seed}, ${file.split('/').pop()} (random_docs.py ${seed} ${count} ${blank} DIR)`;
        const sections = doc.sections.map((s) => ({ line: s.titleLine + 1, level: s.level, title: s.title, style: s.style }));
        assert.deepEqual(sections, want.sections, `sections differ: ${where}`);
        // (messages docutils printed for a title it then rejected are not in its document)
        const messages = doc.messages
          .filter((m) => !m.detached)
          .map((m): [number, number, string] => {
            const level = m.docutilsLevel ?? m.level;
            return [level, m.line + 1, `<string>:${m.line + 1}: (${LEVEL_NAMES[level]}/${level}) ${m.text}`.slice(0, 70)];
          });
        assert.deepEqual(titleMessages(messages), titleMessages(want.messages), `title messages differ: ${where}`);
        assert.ok(!doc.messages.some((m) => m.text.startsWith('Internal')), `internal error: ${where}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
