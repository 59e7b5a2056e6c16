// Positions as the client holds the text. The engine reads a document without its BOM (as docutils
// does, and as the CLI reports), so when the client keeps the BOM (VS Code drops it; other clients
// do not) the engine's positions on line 0 are one UTF-16 unit short of the client's: LSP counts
// the U+FEFF as a character. Every position crossing the protocol goes through one of these maps.
import type { Position, Range } from 'vscode-languageserver/node';
import { editorPositions, SAME } from '../rst/editor-positions';
import type { SourceLine } from '../rst/types';

export interface ClientPositions {
  /** An engine position as the client counts it. */
  toClient(position: Position): Position;
  toClientRange(range: Range): Range;
  /** A client position as the engine counts it (before the BOM: the start of the text). */
  fromClient(position: Position): Position;
}

export const SAME_POSITIONS: ClientPositions = {
  toClient: (position) => position,
  toClientRange: (range) => range,
  fromClient: (position) => position,
};

const AFTER_BOM: ClientPositions = {
  toClient: (position) => (position.line === 0 ? { line: 0, character: position.character + 1 } : position),
  toClientRange: (range) =>
    range.start.line === 0 ? { start: AFTER_BOM.toClient(range.start), end: AFTER_BOM.toClient(range.end) } : range,
  fromClient: (position) =>
    position?.line === 0 && typeof position.character === 'number' ? { line: 0, character: Math.max(0, position.character - 1) } : position,
};

/**
 * The map for a document parsed with (`hasBom`) or without a leading BOM, whose lines may end at
 * separators that the client does not break lines at (rst/editor-positions.ts).
 */
export function clientPositions(doc: { readonly hasBom: boolean; readonly lines?: readonly SourceLine[] }): ClientPositions {
  const bom = doc.hasBom ? AFTER_BOM : SAME_POSITIONS;
  const editor = doc.lines ? editorPositions({ lines: doc.lines }) : SAME;
  if (editor === SAME) return bom;
  return {
    toClient: (position) => bom.toClient(editor.toEditor(position)),
    toClientRange: (range) => bom.toClientRange(editor.toEditorRange(range)),
    fromClient: (position) => editor.fromEditor(bom.fromClient(position)),
  };
}
