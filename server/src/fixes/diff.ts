// The edits that turn one text into another, line by line (Myers' diff on the lines' text, line
// breaks compared apart): fix-all computes its result in rounds, then hands back only what changed.
import { splitSource } from '../rst/lines';
import type { Position } from '../rst/types';
import { matchLines } from '../text/diff';
import type { TextEdit } from '../edit/text-edit';

/** Beyond this many changed lines, one replacement of the whole middle (Myers' cost grows with it). */
const MAX_EDIT_DISTANCE = 4000;

interface Line {
  readonly text: string;
  readonly eol: string;
  readonly offset: number;
}

function linesOf(text: string): Line[] {
  return splitSource(text).lines.map(({ text: lineText, eol, offset }) => ({ text: lineText, eol, offset }));
}

/** Minimal edits from `before` to `after` (texts without BOM); positions are in `before`. */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  const pairs = matchLines(
    a.map((line) => line.text),
    b.map((line) => line.text),
    MAX_EDIT_DISTANCE,
  );
  const positionOf = (offset: number): Position => {
    let low = 0;
    let high = a.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (a[middle].offset <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - a[low].offset };
  };
  const startOf = (index: number) => (index < a.length ? a[index].offset : before.length);
  const edits: TextEdit[] = [];
  const replace = (from: number, to: number, newText: string) => {
    if (from === to && newText === '') return;
    edits.push({ range: { start: positionOf(from), end: positionOf(to) }, newText });
  };
  let i = 0;
  let j = 0;
  for (const [matchA, matchB] of [...pairs, [a.length, b.length] as const]) {
    if (matchA > i || matchB > j) {
      replace(
        startOf(i),
        startOf(matchA),
        b
          .slice(j, matchB)
          .map((line) => line.text + line.eol)
          .join(''),
      );
    }
    if (matchA < a.length && a[matchA].eol !== b[matchB].eol) {
      const lineEnd = a[matchA].offset + a[matchA].text.length;
      replace(lineEnd, lineEnd + a[matchA].eol.length, b[matchB].eol);
    }
    i = matchA + 1;
    j = matchB + 1;
  }
  return edits;
}
