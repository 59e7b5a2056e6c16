// The edits that turn one text into another, line by line (Myers' diff on the lines' text, line
// breaks compared apart): fix-all computes its result in rounds, then hands back only what changed.
import { splitSource } from '../rst/lines';
import type { Position } from '../rst/types';
import type { TextEdit } from './edit';

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
  const pairs = matchLines(a.map((line) => line.text), b.map((line) => line.text));
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
      replace(startOf(i), startOf(matchA), b.slice(j, matchB).map((line) => line.text + line.eol).join(''));
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

/** Index pairs of a longest common subsequence of two string lists (Myers, O((N+M)·D)). */
export function matchLines(a: readonly string[], b: readonly string[]): [number, number][] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
    suffix++;
  }
  const pairs: [number, number][] = [];
  for (let index = 0; index < prefix; index++) pairs.push([index, index]);
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  for (const [x, y] of middle) pairs.push([x + prefix, y + prefix]);
  for (let index = suffix; index > 0; index--) pairs.push([a.length - index, b.length - index]);
  return pairs;
}

const MAX_EDIT_DISTANCE = 4000;

function myers(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]) ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, offset);
    }
  }
  return []; // Too different: one replacement of the whole middle.
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, offset: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[k - 1 + offset] < v[k + 1 + offset]) ? k + 1 : k - 1;
    const previousX = v[previousK + offset];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      pairs.push([x - 1, y - 1]);
      x--;
      y--;
    }
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    pairs.push([x - 1, y - 1]);
    x--;
    y--;
  }
  return pairs.reverse();
}
