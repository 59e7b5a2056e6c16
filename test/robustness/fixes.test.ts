// Regression tests for what the robustness work changed in the fixes: fix-all is idempotent even
// when structural fixes undo each other, and the linear-time rewrites of mergeEdits and of the
// tab fix give exactly what the quadratic versions gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSpec } from '../../server/src/rst/parse';
import { validateDocument } from '../../server/src/engine';
import { applyEdits, mergeEdits, sortEdits, type TextEdit } from '../../server/src/fixes/edit';
import { DEFAULT_FIX_OPTIONS } from '../../server/src/fixes/fix';
import { fixAllEdits, fixAllText, safeFixEdits } from '../../server/src/fixes/fix-all';
import { FIXES } from '../../server/src/fixes/index';
import { bundledTemplate, cleanSpec } from '../helpers';
import { SEED, replayHint } from './config';

test('fix-all is idempotent when structural fixes undo each other (a title added above the header comment)', () => {
  const template = bundledTemplate();
  const lines = cleanSpec().split('\n');
  lines.splice(0, 1, 'alternativess', '====');
  const text = lines.join('\n');
  // The rounds cycle: making the title a subsection overlines it, which makes it the document
  // title, which makes it a top-level section again.
  const seen = new Set([text]);
  let current = parseSpec(text);
  let cycled = false;
  for (let round = 0; round < 8 && !cycled; round++) {
    const edits = safeFixEdits(current, template, validateDocument(current, template), DEFAULT_FIX_OPTIONS);
    if (edits.length === 0) break;
    const next = applyEdits(current.text, edits);
    cycled = seen.has(next);
    seen.add(next);
    current = parseSpec(next);
  }
  assert.ok(cycled, 'the fixture no longer makes the rounds cycle: find another');
  const once = fixAllText(parseSpec(text), template, DEFAULT_FIX_OPTIONS);
  assert.deepEqual(fixAllEdits(parseSpec(once), template, DEFAULT_FIX_OPTIONS), []);
});

function mergeEditsBefore(groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  const overlaps = (sorted: readonly TextEdit[]) =>
    sorted.some((edit, index) => {
      if (index === 0) return false;
      const end = sorted[index - 1].range.end;
      return end.line > edit.range.start.line || (end.line === edit.range.start.line && end.character > edit.range.start.character);
    });
  const keyOf = (edit: TextEdit) => JSON.stringify(edit);
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const fresh = group.filter((edit) => !seen.has(keyOf(edit)));
    if (fresh.length === 0) continue;
    if (overlaps(sortEdits([...taken, ...fresh]))) continue;
    for (const edit of fresh) seen.add(keyOf(edit));
    taken.push(...fresh);
  }
  return sortEdits(taken);
}

test(`mergeEdits: the same edits as before, in linear time (seed ${SEED})`, () => {
  const position = fc.record({ line: fc.integer({ min: 0, max: 6 }), character: fc.integer({ min: 0, max: 4 }) });
  const edit = fc.tuple(position, position, fc.constantFrom('', 'a', 'bb')).map(([a, b, newText]): TextEdit => {
    const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
    return { range: { start, end }, newText };
  });
  const result = fc.check(
    fc.property(fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 12 }), (groups) => {
      assert.deepEqual(mergeEdits(groups), mergeEditsBefore(groups));
    }),
    { seed: SEED, numRuns: 3_000 },
  );
  assert.ok(!result.failed, `${replayHint()}: ${JSON.stringify(result.counterexample)} ${result.errorInstance}`);

  // 100,000 one-edit groups and one group of 150,000 edits (more than a call takes arguments).
  const many = Array.from({ length: 100_000 }, (_, line): TextEdit[] => [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: '' }]);
  const big = Array.from({ length: 150_000 }, (_, line): TextEdit => ({ range: { start: { line, character: 2 }, end: { line: line + 1, character: 0 } }, newText: '\n' }));
  const started = performance.now();
  assert.equal(mergeEdits([...many, big]).length, 250_000);
  assert.ok(performance.now() - started < 5_000, `took ${Math.round(performance.now() - started)} ms`);
});

test(`the tab fix: the same spaces as before, in linear time over a line of many tabs (seed ${SEED})`, () => {
  const columnsBefore = (text: string) => {
    let column = 0;
    for (const character of text) column = character === '\t' ? column + 8 - (column % 8) : column + 1;
    return column;
  };
  const template = bundledTemplate();
  const piece = fc.constantFrom('\t', '\t\t', 'a', 'ab', '\ud83d\ude00', '\ud800', '\udc00', '\u4e2d', ' ');
  const result = fc.check(
    fc.property(fc.array(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), { minLength: 1, maxLength: 4 }), (lines) => {
      const doc = parseSpec(lines.join('\n'));
      const diagnostics = validateDocument(doc, template).filter((diagnostic) => diagnostic.code === 'tab');
      // In document order (as fix-all asks), then in reverse (each on its own).
      for (const diagnostic of [...diagnostics, ...[...diagnostics].reverse()]) {
        const [edit] = FIXES.tab.fix(doc, template, diagnostic, DEFAULT_FIX_OPTIONS);
        const { line, character } = diagnostic.range.start;
        const text = doc.lines[line].text;
        let end = character;
        while (text[end] === '\t') end++;
        let column = columnsBefore(text.slice(0, character));
        const from = column;
        for (let index = character; index < end; index++) column += 8 - (column % 8);
        assert.deepEqual(edit, { range: { start: { line, character }, end: { line, character: end } }, newText: ' '.repeat(column - from) });
      }
    }),
    { seed: SEED, numRuns: 1_000 },
  );
  assert.ok(!result.failed, `${replayHint()}: ${JSON.stringify(result.counterexample)} ${result.errorInstance}`);

  const line = 'a\t'.repeat(100_000);
  const started = performance.now();
  const edits = fixAllEdits(parseSpec(`${line}\n`), template, DEFAULT_FIX_OPTIONS);
  assert.ok(edits.length > 0);
  assert.ok(performance.now() - started < 10_000, `fix-all took ${Math.round(performance.now() - started)} ms`);
});
