// Tables for the preview, as docutils' HTML5 writer writes them: <table>, <thead> rows of
// <th class="head">, <tbody> rows of <td>, spans as colspan/rowspan. Grid and simple tables
// through the project's table parser (rst/table-parse.ts), each cell's text rendered as a
// document of its own (as docutils parses it); list-table from the parsed bullet lists;
// csv-table from its CSV content.
import { pyStrip } from '../rst/lines';
import { checkGridTable, checkSimpleTable, padDoubleWidth, type TableCell } from '../rst/table-parse';
import { attr, esc } from './html';
import type { DirectiveParts } from './directives';
import { dataLine, inline, renderChildren, renderNested, type Node, type RenderState } from './render';

interface Cell {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
  readonly html: string;
  readonly line: number;
}

function tableHtml(rows: Cell[][], headRows: number, state: RenderState, line: number, parts?: DirectiveParts): string {
  const stubs = Number(parts?.options.get('stub-columns') ?? 0) || 0;
  const title = parts && parts.argument ? `<caption>${inline(state, parts.argument)}</caption>\n` : '';
  const align = parts?.options.get('align');
  const cls = [...(parts?.options.get('class')?.split(/\s+/) ?? []), ...(align ? [`align-${align}`] : [])].join(' ') || undefined;
  let out = `<table${attr('class', cls)}${dataLine(state, line)}>\n${title}`;
  const section = (tag: 'thead' | 'tbody', from: number, to: number): void => {
    if (from >= to) return;
    out += `<${tag}>\n`;
    for (let r = from; r < to; r++) {
      const cells = rows[r] ?? [];
      out += `<tr${cells[0] ? dataLine(state, cells[0].line) : ''}>`;
      for (const c of cells) {
        const spans = (c.colspan > 1 ? attr('colspan', c.colspan) : '') + (c.rowspan > 1 ? attr('rowspan', c.rowspan) : '');
        const stub = c.col < stubs;
        if (tag === 'thead') out += `<th class="head${stub ? ' stub' : ''}"${spans}>${c.html}</th>\n`;
        else out += stub ? `<th class="stub"${spans}>${c.html}</th>\n` : `<td${spans}>${c.html}</td>\n`;
      }
      out += '</tr>\n';
    }
    out += `</${tag}>\n`;
  };
  section('thead', 0, headRows);
  section('tbody', headRows, rows.length);
  return `${out}</table>\n`;
}

/** A grid or simple table (a `table` block), `parts` when it stands in a `.. table::` directive. */
export function renderGridOrSimpleTable(node: Node, state: RenderState, parts?: DirectiveParts): string {
  // the table's lines from its column (the first may follow a list marker)
  const raw = state.lines.slice(node.start, node.end).map((l) => l.slice(node.indent));
  const grid = raw[0].startsWith('+');
  const result = grid ? checkGridTable(raw.map((l) => padDoubleWidth(pyStrip(l)))) : checkSimpleTable(raw.map(padDoubleWidth));
  if (result.error) {
    // docutils' "Malformed table." error shows the table's text as a literal block
    return `<pre class="literal-block malformed-table"${dataLine(state, node.start)}>${esc(raw.join('\n'))}</pre>\n`;
  }
  const { cells, sep } = result;
  const tops = [...new Set(cells.map((c) => c.box[0]))].sort((a, b) => a - b);
  const lefts = [...new Set(cells.map((c) => c.box[1]))].sort((a, b) => a - b);
  const rowOf = new Map(tops.map((t, i) => [t, i]));
  const colOf = new Map(lefts.map((l, i) => [l, i]));
  const count = (values: number[], from: number, to: number): number => Math.max(1, values.filter((v) => v >= from && v < to).length);
  const rows: Cell[][] = tops.map(() => []);
  for (const cell of cells) {
    const [top, left, bottom, right] = cell.box;
    const row = rowOf.get(top)!;
    rows[row].push({
      row,
      col: colOf.get(left)!,
      rowspan: count(tops, top, bottom),
      colspan: count(lefts, left, right),
      html: cellHtml(cell, state, node.start),
      line: node.start + top,
    });
  }
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  const headRows = sep === null ? 0 : tops.filter((t) => t < sep).length;
  return tableHtml(rows, headRows, state, node.start, parts);
}

function cellHtml(cell: TableCell, state: RenderState, tableStart: number): string {
  const text = cell.lines.join('\n');
  if (!text.trim()) return '';
  return renderNested(text, state, tableStart + cell.offset);
}

/** list-table: the parse's two-level bullet list, its items the cells. */
export function renderListTable(node: Node, parts: DirectiveParts, state: RenderState): string {
  const list = node.children.find((c) => c.kind === 'bullet-list');
  if (!list)
    return `<pre class="literal-block"${dataLine(state, node.start)}>${esc(state.lines.slice(node.start, node.end).join('\n'))}</pre>\n`;
  const rows: Cell[][] = list.children.map((item, r) => {
    const inner = item.children.find((c) => c.kind === 'bullet-list');
    return (inner?.children ?? []).map((cellItem, c) => ({
      row: r,
      col: c,
      rowspan: 1,
      colspan: 1,
      html: renderChildren(cellItem.children, state),
      line: cellItem.start,
    }));
  });
  const headRows = Math.min(rows.length, Number(parts.options.get('header-rows') ?? 0) || 0);
  return tableHtml(rows, headRows, state, node.start, parts);
}

/** Python's csv reader with docutils' defaults: comma, double quotes, quotes doubled inside. */
export function parseCsv(text: string, delim = ',', quote = '"'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === quote && text[i + 1] === quote) {
        field += quote;
        i++;
      } else if (c === quote) quoted = false;
      else field += c;
    } else if (c === quote && !field.trim()) {
      quoted = wasQuoted = true;
      field = '';
    } else if (c === delim) {
      row.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (c === '\n') {
      row.push(wasQuoted ? field : field.trim());
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else field += c;
  }
  if (field || row.length || wasQuoted) {
    row.push(wasQuoted ? field : field.trim());
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** csv-table: the content (or `:header:`) as CSV; each cell's text rendered as rST. */
export function renderCsvTable(node: Node, parts: DirectiveParts, state: RenderState): string {
  const delim = parts.options.get('delim') === 'tab' ? '\t' : parts.options.get('delim') || ',';
  const header = parts.options.has('header') ? parseCsv(parts.options.get('header')!, delim) : [];
  const content =
    parts.contentStart < 0
      ? []
      : parseCsv(
          state.lines
            .slice(parts.contentStart, parts.contentEnd)
            .map((l) => l.trim())
            .join('\n'),
          delim,
        );
  const all = [...header, ...content];
  const width = Math.max(0, ...all.map((r) => r.length));
  const rows: Cell[][] = all.map((r, i) =>
    Array.from({ length: width }, (_, c) => ({
      row: i,
      col: c,
      rowspan: 1,
      colspan: 1,
      html: (r[c] ?? '').trim() ? renderNested(r[c], state, parts.contentStart < 0 ? node.start : parts.contentStart) : '',
      line: parts.contentStart < 0 ? node.start : parts.contentStart,
    })),
  );
  const headRows = header.length + (Number(parts.options.get('header-rows') ?? 0) || 0);
  return tableHtml(rows, Math.min(headRows, rows.length), state, node.start, parts);
}
