// Text edits, as LSP spells them (0-based line, UTF-16 character), and the helpers every fix uses.
// Positions refer to the document's text without its BOM, like `SpecDocument.lines`.
import { editorLineBreak, isLineSeparator } from '../rst/lines';
import type { LineEnding, Position, Range, SpecDocument } from '../rst/types';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Line starts of a text, split like `SpecDocument.lines` (`\r\n`, `\n` and a lone `\r`). */
/** Where each line starts, lines split as the engine splits them (at docutils' separators too: rst/lines.ts). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13 || isLineSeparator(code)) starts.push(index + 1);
  }
  return starts;
}

function offsetIn(text: string, starts: readonly number[], position: Position): number {
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // A character past the line's text points at its end (before the line break), as LSP asks.
  return Math.min(start + Math.max(0, position.character), lineTextEnd(text, start, next));
}

function lineTextEnd(text: string, start: number, next: number): number {
  let end = next;
  if (end > start && isLineSeparator(text.charCodeAt(end - 1))) return end - 1;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Edits sorted by start then end, ties kept in their given order (so inserts at one point stay in order). */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort(
      (a, b) =>
        comparePositions(a.edit.range.start, b.edit.range.start) ||
        comparePositions(a.edit.range.end, b.edit.range.end) ||
        a.index - b.index,
    )
    .map(({ edit }) => edit);
}

/**
 * Merges groups of edits into one non-overlapping list. Groups are taken whole or not at all, in
 * the order given: a group with an edit that overlaps an edit already taken is left out. Identical
 * edits (same range, same text) are kept once. Edits that only touch (one ends where the next
 * starts) do not overlap.
 */
export function mergeEdits(groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  const taken: TextEdit[] = [];
  // The taken edits in order, to check a group against its neighbours only (sorting everything
  // taken again for each group was quadratic on a file with thousands of fixes).
  let ordered: TextEdit[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const unseen = group.filter((edit) => !seen.has(keyOf(edit)));
    const fresh = unseen.length === 1 ? unseen : sortEdits(unseen);
    if (fresh.length === 0 || hasOverlap(fresh)) continue;
    const at = fresh.map((edit) => insertionIndex(ordered, edit));
    const overlaps = fresh.some(
      (edit, index) =>
        (at[index] > 0 && comparePositions(ordered[at[index] - 1].range.end, edit.range.start) > 0) ||
        (at[index] < ordered.length && comparePositions(edit.range.end, ordered[at[index]].range.start) > 0),
    );
    if (overlaps) continue;
    for (const edit of fresh) seen.add(keyOf(edit));
    if (fresh.length === 1) ordered.splice(at[0], 0, fresh[0]);
    else ordered = mergeSorted(ordered, fresh, at);
    for (const edit of unseen) taken.push(edit); // not push(...): a group may hold more edits than a call takes arguments
  }
  return sortEdits(taken);
}

/** The sorted edits with `fresh` (sorted) inserted at the indices `at` (one per fresh edit, not decreasing). */
function mergeSorted(sorted: readonly TextEdit[], fresh: readonly TextEdit[], at: readonly number[]): TextEdit[] {
  const merged: TextEdit[] = [];
  let next = 0;
  for (let index = 0; index < fresh.length; index++) {
    while (next < at[index]) merged.push(sorted[next++]);
    merged.push(fresh[index]);
  }
  while (next < sorted.length) merged.push(sorted[next++]);
  return merged;
}

/** Where an edit goes among sorted edits: after those that start (and end) before or with it. */
function insertionIndex(sorted: readonly TextEdit[], edit: TextEdit): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = sorted[middle].range;
    const order = comparePositions(other.start, edit.range.start) || comparePositions(other.end, edit.range.end);
    if (order <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function keyOf(edit: TextEdit): string {
  const { start, end } = edit.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}=${edit.newText}`;
}

/** Whether sorted edits overlap. Two inserts at one point, or an insert where a replacement starts or ends, do not. */
function hasOverlap(sorted: readonly TextEdit[]): boolean {
  for (let index = 1; index < sorted.length; index++) {
    if (comparePositions(sorted[index - 1].range.end, sorted[index].range.start) > 0) return true;
  }
  return false;
}

/**
 * Applies non-overlapping edits to a text (with or without a BOM: positions ignore it and it
 * stays). Throws on overlapping edits.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const starts = lineStarts(body);
  const sorted = sortEdits(edits);
  if (hasOverlap(sorted)) throw new Error('overlapping edits');
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = offsetIn(body, starts, edit.range.start);
    const end = offsetIn(body, starts, edit.range.end);
    result += body.slice(cursor, start) + edit.newText;
    cursor = Math.max(cursor, end);
  }
  return bom + result + body.slice(cursor);
}

const eols = new WeakMap<SpecDocument, LineEnding>();

/** The document's line ending: the first line's, or LF for a one-line document. */
export function eolOf(doc: SpecDocument): LineEnding {
  // Not a separator that editors don't break at (rst/lines.ts): inserted text would not show its
  // lines. Kept per document: fixes ask once per diagnostic, and the search may cross every line.
  let found = eols.get(doc);
  if (found === undefined) {
    found = '\n';
    for (const line of doc.lines) {
      const eol = editorLineBreak(line.eol);
      if (eol) {
        found = eol;
        break;
      }
    }
    eols.set(doc, found);
  }
  return found;
}

export function rangeOf(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Whether `line` is past the last line of text: the empty line after a final line break, or
 * beyond. Inserting "at the start of" such a line appends to the document.
 */
export function isAtEnd(doc: SpecDocument, line: number): boolean {
  return line >= doc.lines.length || (line === doc.lines.length - 1 && doc.lines[line].text === '');
}
