// The inline markup of a whole spec, read once per parse and shared by the docs-gate rules:
// every text docutils parses (SpecDocument.markup.texts) scanned by the Inliner port, with the
// positions turned back into the editor's (tabs expanded by docutils, UTF-16 in the editor).
import type { InlineText, Markup, Range, SourceLine, SpecDocument } from '../../rst/types';
import { type InlineEvent, scanInline } from '../../rst/inline/scan';
import { tableDirectiveProblems } from './table-directives';

export interface Located<E> {
  readonly event: E;
  readonly range: Range;
  /** docutils' line for it (0-based): the text's first line. */
  readonly docLine: number;
  /** docutils' line for a problem in it (0-based), where that is not `docLine` (a table cell's). */
  readonly messageLine?: number;
}

export interface DocMarkup {
  readonly events: readonly Located<InlineEvent>[];
}

const merged = new WeakMap<SpecDocument, Markup>();

/** The spec's markup with its table cells' (texts, explicit markup, directives; csv-tables' texts), in document order. */
export function gateMarkup(doc: SpecDocument): Markup {
  const cells = doc.markup.cells;
  const csv = tableDirectiveProblems(doc).cells;
  if (!cells && !csv.length) return doc.markup;
  let m = merged.get(doc);
  if (!m) {
    const byLine = <T extends { line: number }>(a: T, b: T) => a.line - b.line;
    m = {
      texts: [...doc.markup.texts, ...(cells?.texts ?? []), ...csv].sort((a, b) => a.lines[0] - b.lines[0] || a.cols[0] - b.cols[0]),
      explicit: [...doc.markup.explicit, ...(cells?.explicit ?? [])].sort(byLine),
      directives: [...doc.markup.directives, ...(cells?.directives ?? [])].sort(byLine),
    };
    merged.set(doc, m);
  }
  return m;
}

const scanned = new WeakMap<SpecDocument, DocMarkup>();

export function docMarkup(doc: SpecDocument): DocMarkup {
  let found = scanned.get(doc);
  if (!found) {
    found = { events: scanAll(doc) };
    scanned.set(doc, found);
  }
  return found;
}

function scanAll(doc: SpecDocument): Located<InlineEvent>[] {
  const out: Located<InlineEvent>[] = [];
  for (const text of gateMarkup(doc).texts) {
    const { events } = scanInline(text.text);
    for (const event of events) {
      const range = { start: position(doc.lines, text, event.start), end: position(doc.lines, text, event.end) };
      out.push(
        text.messageLine === undefined
          ? { event, range, docLine: text.line }
          : { event, range, docLine: text.line, messageLine: text.messageLine },
      );
    }
  }
  return out;
}

/** The editor position of an offset in an inline text. */
function position(lines: readonly SourceLine[], text: InlineText, offset: number): { line: number; character: number } {
  let k = 0;
  while (k + 1 < text.offsets.length && text.offsets[k + 1] <= offset) k++;
  const line = text.lines[k];
  const col = text.cols[k] + offset - text.offsets[k];
  return { line, character: characterAt(lines[line]?.text ?? '', col) };
}

/** The UTF-16 index in a raw line of a column of docutils' line (tabs expanded to 8, \v \f one space, BOMs gone). */
export function characterAt(raw: string, col: number): number {
  if (!/[\t\ufeff]/.test(raw)) return Math.min(col, raw.length);
  let column = 0;
  for (let i = 0; i < raw.length; i++) {
    if (column >= col) return i;
    const c = raw.charCodeAt(i);
    if (c === 9) column += 8 - (column % 8);
    else if (c !== 0xfeff) column++;
  }
  return raw.length;
}
