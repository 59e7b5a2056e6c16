// Engine positions and editor positions. The engine splits lines as docutils does (lines.ts), at
// the separators U+001C-U+001E, NEL, U+2028 and U+2029 too; editors and LSP don't: for them the
// line goes on through the separator. In a document with such a separator, every position that
// leaves the engine (diagnostics, edits, symbols; the CLI's line:column) is converted to the
// editor's lines, and every position that comes in, back. Without one, they are the same.
import type { Position, Range, SourceLine } from './types';
import { editorLineBreak } from './lines';

export interface PositionMap {
  toEditor(position: Position): Position;
  toEditorRange(range: Range): Range;
  fromEditor(position: Position): Position;
}

export const SAME: PositionMap = {
  toEditor: (position) => position,
  toEditorRange: (range) => range,
  fromEditor: (position) => position,
};

const maps = new WeakMap<readonly SourceLine[], PositionMap>();

/** The map for a document's lines (SAME when no line ends at a separator); kept per document. */
export function editorPositions(doc: { readonly lines: readonly SourceLine[] }): PositionMap {
  let map = maps.get(doc.lines);
  if (!map) {
    map = doc.lines.some((line) => line.eol !== '' && editorLineBreak(line.eol) === '') ? separatorMap(doc.lines) : SAME;
    maps.set(doc.lines, map);
  }
  return map;
}

function separatorMap(lines: readonly SourceLine[]): PositionMap {
  // For each engine line: the editor line it is on, and the editor column where it starts.
  const editorLine = new Int32Array(lines.length);
  const column = new Int32Array(lines.length);
  // For each editor line: its first engine line.
  const firstOf: number[] = [];
  let line = 0;
  let start = 0;
  lines.forEach((source, index) => {
    if (index === 0 || editorLineBreak(lines[index - 1].eol) !== '') {
      if (index > 0) line++;
      start = source.offset;
      firstOf.push(index);
    }
    editorLine[index] = line;
    column[index] = source.offset - start;
  });
  const toEditor = (position: Position): Position => {
    if (position.line < 0 || position.line >= lines.length) return position;
    return { line: editorLine[position.line], character: column[position.line] + position.character };
  };
  return {
    toEditor,
    toEditorRange: (range) => ({ start: toEditor(range.start), end: toEditor(range.end) }),
    fromEditor(position) {
      if (typeof position?.line !== 'number' || position.line < 0 || position.line >= firstOf.length) return position;
      // The last engine line of that editor line that starts at or before the column (binary search:
      // one editor line may hold thousands of engine lines).
      let low = firstOf[position.line];
      let high = position.line + 1 < firstOf.length ? firstOf[position.line + 1] - 1 : lines.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (column[middle] <= position.character) low = middle;
        else high = middle - 1;
      }
      return { line: low, character: position.character - column[low] };
    },
  };
}
