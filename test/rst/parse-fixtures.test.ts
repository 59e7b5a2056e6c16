// Every fixture of ../shared/rst-fixtures (copied to test/fixtures/rst): the sections and the
// system messages docutils 0.19 reports (its expected.jsonl, copied there too), against
// parseSpec. Messages are compared as docutils prints them: "<string>:LINE: (LEVEL/n) text", first
// line, cut at 70 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec } from '../../server/src/rst/parse';

type Expected = [line: number, level: number, title: string, style: string];

/**
 * docutils messages the parser does not produce: INFO notes unrelated to titles (here, the
 * "No directive entry for ..." note that precedes "Unknown directive type").
 */
const NOT_PRODUCED = /^<string>:\d+: \(INFO\/1\) No directive entry for /;

/** docutils' answers for each fixture (a copy of ../shared/rst-fixtures/expected.jsonl). */
const FIXTURES: Record<string, { sections: Expected[]; messages: [number, number, string][] }> = Object.fromEntries(
  readFileSync(join(__dirname, '..', 'fixtures', 'rst', 'expected.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((row) => {
      const { file, sections, messages } = JSON.parse(row) as {
        file: string;
        sections: { line: number; level: number; title: string; style: string }[];
        messages: [number, number, string][];
      };
      return [file, { sections: sections.map((s): Expected => [s.line, s.level, s.title, s.style]), messages }];
    }),
);

const LEVEL_NAMES = ['', 'INFO', 'WARNING', 'ERROR', 'SEVERE'];

function docutilsStyle(line: number, level: number, text: string): string {
  return `<string>:${line}: (${LEVEL_NAMES[level]}/${level}) ${text}`.slice(0, 70);
}

const dir = join(__dirname, '..', 'fixtures', 'rst');

test('the fixture list covers every file in test/fixtures/rst', async () => {
  const { readdirSync } = await import('node:fs');
  assert.deepEqual(
    readdirSync(dir)
      .filter((f) => f.endsWith('.rst'))
      .sort(),
    Object.keys(FIXTURES).sort(),
  );
});

for (const [file, expected] of Object.entries(FIXTURES)) {
  test(`${file}: sections as docutils finds them`, () => {
    const doc = parseSpec(readFileSync(join(dir, file), 'utf8'));
    const got = doc.sections.map((s): Expected => [s.titleLine + 1, s.level, s.title, s.style]);
    assert.deepEqual(got, expected.sections);
  });

  test(`${file}: system messages as docutils reports them`, () => {
    const doc = parseSpec(readFileSync(join(dir, file), 'utf8'));
    const got = doc.messages
      .filter((m) => !m.detached)
      .map((m) => {
        const level = m.docutilsLevel ?? m.level;
        return [level, m.line + 1, docutilsStyle(m.line + 1, level, m.text)];
      });
    const want = expected.messages.filter(([, , text]) => !NOT_PRODUCED.test(text));
    const order = (a: (string | number)[], b: (string | number)[]) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
    assert.deepEqual(got.sort(order), want.slice().sort(order));
  });
}
