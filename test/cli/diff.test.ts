import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unifiedDiff } from '../../server/src/cli/diff';

/** Applies a unified diff to `before`, checking every context and removed line. */
function applyUnified(before: string, diff: string): string {
  const old = before.split(/(?<=\n)/).filter((line) => line !== '');
  const lines = diff.split(/(?<=\n)/);
  assert.ok(lines[0].startsWith('--- a/') && lines[1].startsWith('+++ b/'));
  const out: string[] = [];
  let cursor = 0;
  let index = 2;
  while (index < lines.length) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(lines[index++]);
    assert.ok(header, `hunk header expected: ${lines[index - 1]}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const start = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    assert.ok(start >= cursor, 'hunks in order, not overlapping');
    out.push(...old.slice(cursor, start));
    cursor = start;
    let seenOld = 0;
    let seenNew = 0;
    while (index < lines.length && !lines[index].startsWith('@@')) {
      let line = lines[index++];
      const kind = line[0];
      line = line.slice(1);
      if (lines[index] === '\\ No newline at end of file\n') {
        line = line.slice(0, -1);
        index++;
      }
      if (kind === ' ' || kind === '-') {
        assert.equal(old[cursor], line, 'context and removed lines match the old text');
        cursor++;
        seenOld++;
      }
      if (kind === ' ' || kind === '+') {
        out.push(line);
        seenNew++;
      }
    }
    assert.equal(seenOld, oldCount, 'old line count in the header');
    assert.equal(seenNew, header[4] === undefined ? 1 : Number(header[4]), 'new line count in the header');
  }
  out.push(...old.slice(cursor));
  return out.join('');
}

test('unifiedDiff: the format of diff -u, with 3 lines of context and merged hunks', () => {
  const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', ''].join('\n');
  const after = before.replace('b\n', 'B\n').replace('l\n', '');
  assert.equal(
    unifiedDiff('x.rst', before, after),
    '--- a/x.rst\n+++ b/x.rst\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,5 +9,4 @@\n i\n j\n k\n-l\n m\n',
  );
  assert.equal(unifiedDiff('x.rst', 'same\n', 'same\n'), '');
  assert.equal(unifiedDiff('x.rst', '', 'new\n'), '--- a/x.rst\n+++ b/x.rst\n@@ -0,0 +1 @@\n+new\n');
  assert.equal(
    unifiedDiff('x.rst', 'a\nb', 'a\nb\n'),
    '--- a/x.rst\n+++ b/x.rst\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n',
  );
  assert.equal(unifiedDiff('x.rst', 'a \r\nb\r\n', 'a\r\nb\r\n'), '--- a/x.rst\n+++ b/x.rst\n@@ -1,2 +1,2 @@\n-a \r\n+a\r\n b\r\n');
});

test('unifiedDiff: applying the diff to the old text gives the new text (property)', () => {
  const text = fc
    .array(fc.constantFrom('a', 'b', 'c', '', 'None', 'x\r'), { maxLength: 30 })
    .chain((lines) =>
      fc.tuple(fc.constant(lines.join('\n')), fc.boolean()).map(([body, newline]) => body + (newline && body !== '' ? '\n' : '')),
    );
  fc.assert(
    fc.property(text, text, (before, after) => {
      const diff = unifiedDiff('s.rst', before, after);
      if (before === after) return diff === '';
      return applyUnified(before, diff) === after;
    }),
    { numRuns: 2000 },
  );
});
