// Grid and simple tables: how many lines docutils takes for a table (Body.isolate_grid_table,
// Body.isolate_simple_table), and whether its parser accepts it (table-parse.ts). The cells'
// contents are not parsed.
import { isPyBlank, pyStrip } from './lines';
import { paddedLength } from '../text/width';
import { Machine, StateName } from './machine';
import { isGridTableTop, isSimpleTableBorder } from './patterns';
import { Doc } from './doc';
import { parseNested } from './parse';
import { TableCell, TableError, checkGridTable, checkSimpleTable, padDoubleWidth } from './table-parse';

interface Isolated {
  /** First and last (inclusive) line of the table, relative to the state machine; null if malformed. */
  block: [number, number] | null;
  blankFinish: boolean;
  /** The table parser's objection to an isolated table. */
  error?: TableError | null;
  cells?: TableCell[];
}

/** `at`: the line (relative to the state machine) that is wrong, when docutils names another. */
function malformed(sm: Machine, blockLength: number, detail = '', offset = 0, at = -1): void {
  const line = sm.absLineNumber() - blockLength + 1 + offset;
  // the preview shows the table's lines as they are (docutils' message quotes them)
  const first = sm.absLineNumber() - blockLength;
  sm.mark('malformed-table', first, first + blockLength, sm.physCol(first - sm.start));
  sm.message(3, detail ? `Malformed table.\n${detail}` : 'Malformed table.', line);
  // the message just recorded: point at the offending line
  const last = sm.sink && sm.sink[sm.sink.length - 1];
  if (last && at >= 0) last.at = sm.start + at;
}

function tableTop(sm: Machine, isolate: (sm: Machine) => Isolated): StateName {
  const { block, blankFinish, error, cells } = isolate(sm);
  // a table the parser rejects is still a table to the other rules (its lines stay a table's)
  if (block) sm.addBlock('table', sm.start + block[0], sm.start + block[1] + 1, sm.physCol(block[0]), error ? null : 'table');
  if (block && error) malformed(sm, block[1] - block[0] + 1, error.detail, error.offset);
  if (block && cells) {
    // the cells' inline markup and names are the document's, where the columns map back plainly
    const plain = sm.doc.exp.slice(sm.start + block[0], sm.start + block[1] + 1).every((line) => PLAIN_LINE.test(line));
    for (const cell of cells) parseCell(sm, cell, sm.start + block[0], plain ? sm.physCol(block[0]) : -1);
  }
  if (!blankFinish) sm.message(2, 'Blank line required after table.', sm.absLineNumber() + 1);
  sm.context = [];
  return 'Body';
}

/**
 * Body.build_table_row: each cell is parsed as a document of its own (no titles). docutils
 * reports most of its messages one line below the cell's line (its input_offset counts the
 * table's first line twice); those it places by the line's own source position are right.
 * `at` keeps the true line.
 */
/** Messages docutils places with get_source_and_line() (the line's own position). */
const TRUE_LINE = new Set(['Unexpected indentation.', 'Unexpected section title.']);

/** Table lines whose columns are the editor's characters once tabs are expanded (no wide or combining characters). */
const PLAIN_LINE = /^[\x20-\x7e\u00a0-\u02ff]*$/;

/** `tableCol`: the expanded column of the table's first character; -1: don't map the cell's markup back. */
function parseCell(sm: Machine, cell: TableCell, top: number, tableCol: number): void {
  if (!sm.sink || cell.lines.join('') === '') return;
  const doc = new Doc(cell.lines);
  // the cell's own document: what reaches its messages is what docutils keeps of the cell
  const sink = parseNested(doc, new Machine(doc, { start: 0, end: cell.lines.length, firstCol: 0, col: 0 }, false, doc.messages, 0));
  const base = top + cell.offset;
  for (const m of sink) {
    const shift = TRUE_LINE.has(m.text) ? 0 : 1;
    sm.sink.push({ line: base + m.line + shift, level: m.level, text: m.text, at: base + (m.at ?? m.line) });
  }
  if (tableCol < 0) return;
  const col = tableCol + cell.col;
  for (const r of doc.inlines) {
    if (!doc.live(r.sink)) continue;
    const lines: number[] = [];
    const cols: number[] = [];
    const offsets: number[] = [];
    let text = '';
    for (let i = r.start; i < r.end; i++) {
      if (i > r.start) text += '\n';
      lines.push(base + i);
      cols.push(col + (i === r.start ? r.firstCol : r.col));
      offsets.push(text.length);
      text += doc.exp[i].slice(i === r.start ? r.firstCol : r.col);
    }
    if (r.cut) text = text.slice(0, Math.max(0, text.length - r.cut));
    // docutils reports the inline messages of a cell a line low (as the cell's block messages)
    sm.doc.cellTexts.push({ text: { line: base + r.lineno - 1, messageLine: base + r.lineno, text, lines, cols, offsets }, sink: sm.sink });
  }
  // records of the document's own shapes (spreads would make others: see toMarkup)
  for (const e of doc.explicit) {
    if (!doc.live(e.sink)) continue;
    const { kind, name, uri, refname } = e;
    sm.doc.cellExplicit.push({ kind, name, uri, refname, line: base + e.line, sink: sm.sink });
  }
  for (const d of doc.directives) {
    if (!doc.live(d.sink)) continue;
    const { name, argument, options, hasContent, error, known } = d;
    sm.doc.cellDirectives.push({ name, line: base + d.line, col: col + d.col, argument, options, hasContent, error, known, sink: sm.sink });
  }
}

export function gridTableTop(sm: Machine): StateName {
  return tableTop(sm, isolateGridTable);
}

export function simpleTableTop(sm: Machine): StateName {
  return tableTop(sm, isolateSimpleTable);
}

function isolateGridTable(sm: Machine): Isolated {
  let blankFinish = true;
  const start = sm.lineOffset;
  const r = sm.getTextBlock(true);
  if (r.indentedAt >= 0) {
    sm.message(3, 'Unexpected indentation.', sm.start + r.indentedAt + 1);
    blankFinish = false;
  }
  let count = r.count;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(pyStrip(sm.textAt(start + i)));
  const width = paddedLength(lines[0]);
  for (let i = 0; i < count; i++) {
    const c = lines[i].charCodeAt(0);
    if (c !== 43 && c !== 124) {
      blankFinish = false;
      sm.previousLine(count - i);
      count = i;
      break;
    }
  }
  if (!isGridTableTop(lines[count - 1])) {
    blankFinish = false;
    let bottom = -1;
    for (let i = count - 2; i > 1; i--) {
      if (isGridTableTop(lines[i])) {
        bottom = i;
        break;
      }
    }
    if (bottom < 0) {
      malformed(sm, count);
      return { block: null, blankFinish };
    }
    sm.previousLine(count - bottom + 1);
    count = bottom + 1;
  }
  for (let i = 0; i < count; i++) {
    const c = lines[i].charCodeAt(lines[i].length - 1);
    if (paddedLength(lines[i]) !== width || (c !== 43 && c !== 124)) {
      malformed(sm, count, '', 0, start + i);
      return { block: null, blankFinish };
    }
  }
  const result = checkGridTable(lines.slice(0, count).map(padDoubleWidth));
  return { block: [start, start + count - 1], blankFinish, error: result.error, cells: result.error ? undefined : result.cells };
}

function isolateSimpleTable(sm: Machine): Isolated {
  const start = sm.lineOffset;
  const limit = sm.length - 1;
  const topLength = pyStrip(sm.textAt(start)).length;
  let found = 0;
  let foundAt = -1;
  let i = start + 1;
  for (; i <= limit; i++) {
    const line = sm.textAt(i);
    if (!isSimpleTableBorder(line)) continue;
    if (pyStrip(line).length !== topLength) {
      sm.nextLine(i - start);
      malformed(sm, i - start + 1, 'Bottom/header table border does not match top border.', 0, i);
      return { block: null, blankFinish: i === limit || isPyBlank(sm.textAt(i + 1)) };
    }
    found++;
    foundAt = i;
    if (found === 2 || i === limit || isPyBlank(sm.textAt(i + 1))) {
      sm.nextLine(i - start);
      const lines: string[] = [];
      for (let k = start; k <= i; k++) lines.push(padDoubleWidth(sm.textAt(k)));
      const result = checkSimpleTable(lines);
      const cells = result.error ? undefined : result.cells;
      return { block: [start, i], blankFinish: i === limit || isPyBlank(sm.textAt(i + 1)), error: result.error, cells };
    }
  }
  if (found) {
    sm.nextLine(foundAt - start);
    malformed(sm, foundAt - start + 1, 'No bottom table border found or no blank line after table bottom.');
    return { block: null, blankFinish: false };
  }
  sm.nextLine(i - start - 1);
  malformed(sm, i - start, 'No bottom table border found.');
  return { block: null, blankFinish: true };
}
