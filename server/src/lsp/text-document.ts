// The documents' text as the server keeps it, with an incremental update that cannot drift from
// the client's. vscode-languageserver-textdocument 1.0.12 updates its line offsets wrongly after a
// change that joins a CR LF pair (a `\r` inserted before a `\n`, a `\n` after a `\r`, the text
// between them deleted) or whose range lies past the last line: every later position is then off,
// and diagnostics and fixes land on the wrong characters. Such changes rebuild the document from
// its text instead (linear in its size, as the check that follows is); the others stay incremental.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

type Change = TextDocumentContentChangeEvent;
type RangeChange = Extract<Change, { range: unknown }>;

export const SafeTextDocument = {
  create: TextDocument.create,
  update(document: TextDocument, changes: Change[], version: number): TextDocument {
    let current = document;
    for (const change of changes) {
      if (!('range' in change) || isSafe(current, change)) {
        current = TextDocument.update(current, [change], version);
      } else {
        const text = current.getText();
        const [start, end] = offsetsOf(current, change);
        current = TextDocument.create(current.uri, current.languageId, version, text.slice(0, start) + change.text + text.slice(end));
      }
    }
    return changes.length === 0 ? TextDocument.update(current, [], version) : current;
  },
};

function offsetsOf(document: TextDocument, change: RangeChange): [number, number] {
  const start = document.offsetAt(change.range.start);
  const end = document.offsetAt(change.range.end);
  return start <= end ? [start, end] : [end, start];
}

/** Whether the library's own incremental update keeps its line offsets right for this change. */
function isSafe(document: TextDocument, change: RangeChange): boolean {
  const { start, end } = change.range;
  const lines = document.lineCount;
  if (start.line < 0 || end.line < 0 || start.line >= lines || end.line >= lines) return false;
  if (change.text.includes('\r')) return false;
  const text = document.getText();
  const [from, to] = offsetsOf(document, change);
  return text.charCodeAt(from - 1) !== 13 && text.charCodeAt(to) !== 10;
}
