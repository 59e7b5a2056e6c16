// The csv-table and list-table directives as docutils 0.19 runs them (directives/tables.py): what
// they reject once their content has the right shape. rst-table reports the table's own problems
// (header rows or stub columns the data doesn't have, widths that don't match the columns, CSV
// data Python's csv module rejects, no content); rst-directive reports option values docutils
// cannot convert ("Error in ... directive: invalid option value"). Both are errors: the docs job
// fails. Tables this can't follow (a tab in them, an option value with markup, CSV data from a
// file) give nothing.
import type { DirectiveUse, InlineText, Range, SpecDocument } from '../../rst/types';
import type { Finding } from '../rule';
import { DIRECTIVE_SPECS } from '../../rst/directive-specs';
import { MARKUP, PLAIN, type OptionField, nameRange as directiveNameRange, pyInt, pyRepr, readDirective } from './option-values';
import { type CsvField, readCsv } from './csv-reader';
import { csvCellTexts } from './csv-cells';

type Option = OptionField;

interface Table {
  readonly use: DirectiveUse;
  readonly name: 'csv-table' | 'list-table';
  readonly options: ReadonlyMap<string, Option>;
  /** The content, dedented, and the 0-based line of each. */
  readonly content: readonly string[];
  readonly lines: readonly number[];
  readonly nameRange: Range;
}

export interface TableProblems {
  /** Option values docutils can't convert: rst-directive's. */
  readonly options: Finding[];
  /** The table's own problems: rst-table's. */
  readonly tables: Finding[];
  /** The inline texts of the cells of the csv-tables docutils builds (csv-cells.ts). */
  readonly cells: InlineText[];
}

const cache = new WeakMap<SpecDocument, TableProblems>();

export function tableDirectiveProblems(doc: SpecDocument): TableProblems {
  let found = cache.get(doc);
  if (!found) {
    found = { options: [], tables: [], cells: [] };
    for (const use of doc.markup.directives) {
      const name = use.name.toLowerCase();
      if ((name !== 'csv-table' && name !== 'list-table') || use.error || !use.known) continue;
      // an unknown option: docutils stops there (rst-directive's)
      const known = DIRECTIVE_SPECS[name]?.[3]?.split(' ') ?? [];
      if (use.options.some((o) => !known.includes(o.toLowerCase()))) continue;
      const table = readTable(doc, use, name);
      if (table) check(doc, table, found);
    }
    cache.set(doc, found);
  }
  return found;
}

/** The messages of this module, as Sphinx prints their first line (for the differential tests). */
export const TABLE_DIRECTIVE_MESSAGE =
  /^(\d+ header row\(s\) specified but|Insufficient data supplied|\d+ stub column\(s\) specified|"(csv|list)-table" widths do not match|Error with CSV data in|The "csv-table" directive requires content|No table data detected in CSV file|"csv-table" directive may not both)/;

function readTable(doc: SpecDocument, use: DirectiveUse, name: 'csv-table' | 'list-table'): Table | undefined {
  const text = readDirective(doc, use);
  if (!text) return undefined;
  const { texts, head: i, indent } = text;
  const nameRange = directiveNameRange(doc, use);
  const options = new Map<string, Option>(text.fields.map((field) => [field.name, field]));
  const content: string[] = [];
  const lines: number[] = [];
  for (let k = i; k < texts.length; k++) {
    if (content.length === 0 && texts[k].trim() === '') continue;
    content.push(texts[k].slice(indent));
    lines.push(use.line + k);
  }
  while (content.length && content[content.length - 1].trim() === '') {
    content.pop();
    lines.pop();
  }
  return { use, name, options, content, lines, nameRange };
}

type Converted = { value: unknown } | { error: string } | null;

/** docutils' conversion of the options checked here; null: not one of them, or not followed. */
function convert(name: string, option: Option, table: Table): Converted {
  const value = option.value;
  const aligns = '"left", "center", or "right"';
  if (value === null) {
    if (name === 'header-rows' || name === 'stub-columns')
      return { error: "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'" };
    if (name === 'align') return { error: `must supply an argument; choose from ${aligns}` };
    return null;
  }
  if (!PLAIN.test(value) || MARKUP.test(value)) return null;
  if (name === 'header-rows' || name === 'stub-columns') {
    const n = pyInt(value);
    if (typeof n === 'string') return { error: n };
    return n < 0 ? { error: 'negative value; must be positive or zero' } : { value: n };
  }
  if (name === 'align') {
    // directives.choice: compared lower-cased and stripped
    return ['left', 'center', 'right'].includes(value.toLowerCase().trim())
      ? { value }
      : { error: `"${value}" unknown; choose from ${aligns}` };
  }
  if (name === 'widths') {
    if (value === 'auto') return { value };
    const entries = value.includes(',') ? value.split(',') : value.split(/[ \n]+/).filter((e) => e !== '');
    const widths: number[] = [];
    for (const entry of entries) {
      const n = pyInt(entry);
      if (typeof n === 'string') return { error: n };
      if (n < 1) return { error: 'negative or zero value; must be positive' };
      widths.push(n);
    }
    return { value: widths };
  }
  if (table.name === 'csv-table' && (name === 'delim' || name === 'quote' || name === 'escape')) {
    if (name === 'delim' && value === 'tab') return { value: '\t' };
    if (name === 'delim' && value === 'space') return { value: ' ' };
    // unicode_code: decimal, hexadecimal or an XML character reference (not followed: skip)
    if (/^\d+$/.test(value) || /^(?:0x|x|\\x|U\+|u|\\u|&#x)[0-9a-f]+;?$/i.test(value)) return null;
    return [...value].length === 1 ? { value } : { error: `${pyRepr(value)} invalid; must be a single character or a Unicode code` };
  }
  return null;
}

function check(doc: SpecDocument, table: Table, out: TableProblems): void {
  const { use, name } = table;
  const line = use.line + 1;
  const converted = new Map<string, unknown>();
  for (const [option, o] of table.options) {
    const result = convert(option, o, table);
    if (result === null) {
      // an option whose value this doesn't follow: what the table needs of it is unknown
      if (['header-rows', 'stub-columns', 'widths', 'delim', 'quote', 'escape'].includes(option)) return;
      continue;
    }
    if ('error' in result) {
      const value = o.value === null ? 'None' : pyRepr(o.value);
      const message = `Error in "${use.name}" directive: invalid option value: (option: "${option}"; value: ${value}) ${result.error}.`;
      out.options.push({ range: o.range, message, data: { docutilsLine: line } });
      return; // the directive doesn't run
    }
    converted.set(option, result.value);
  }
  const headerRows = (converted.get('header-rows') as number | undefined) ?? 0;
  const stubColumns = (converted.get('stub-columns') as number | undefined) ?? 0;
  const widths = converted.get('widths');
  const report = (message: string, range = table.nameRange): void => {
    out.tables.push({ range, message, data: { docutilsLine: line } });
  };
  const optionRange = (option: string) => table.options.get(option)?.range ?? table.nameRange;

  let rows: number[];
  let maxCols: number;
  const headerRecords: CsvField[][] = [];
  const records: CsvField[][] = [];
  if (name === 'list-table') {
    // the parser reported a list of the wrong shape (and docutils stops there)
    if (
      table.content.length === 0 ||
      doc.messages.some((m) => m.line === use.line && m.text.startsWith(`Error parsing content block for the "list-table"`))
    )
      return;
    const shape = listShape(table.content);
    if (!shape) return;
    rows = shape.rows;
    maxCols = shape.columns;
    // check_list_content: the widths first
    if (Array.isArray(widths) && widths.length !== maxCols)
      return report(`"${use.name}" widths do not match the number of columns in table (${maxCols}).`, optionRange('widths'));
  } else {
    if (table.options.has('file') || table.options.has('url')) {
      if (table.content.length) report(`"${use.name}" directive may not both specify an external file and have content.`);
      return;
    }
    if (table.content.length === 0) return report(`The "${use.name}" directive requires content; none supplied.`);
    const header = table.options.get('header');
    let headerCols = 0;
    if (header?.value) {
      const parsed = readCsv(
        header.value.split('\n'),
        { delimiter: ',', quote: '"', escape: '\\', doubleQuote: false, skipSpace: true },
        headerRecords,
      );
      if ('error' in parsed) return report(`Error with CSV data in "${use.name}" directive: ${parsed.error}`, header.range);
      headerCols = Math.max(0, ...parsed.rows);
    }
    const dialect = {
      delimiter: (converted.get('delim') as string | undefined) ?? ',',
      quote: (converted.get('quote') as string | undefined) ?? '"',
      escape: converted.get('escape') as string | undefined,
      doubleQuote: !converted.has('escape'),
      skipSpace: !table.options.has('keepspace'),
    };
    const parsed = readCsv(table.content, dialect, records);
    if ('error' in parsed) {
      const at = table.lines[Math.min(parsed.line, table.lines.length - 1)];
      const text = doc.lines[at].text;
      const indent = text.length - text.trimStart().length;
      return report(`Error with CSV data in "${use.name}" directive: ${parsed.error}`, {
        start: { line: at, character: indent },
        end: { line: at, character: text.trimEnd().length },
      });
    }
    rows = parsed.rows;
    maxCols = Math.max(0, ...rows, headerCols);
  }
  // check_table_dimensions
  if (rows.length < headerRows) {
    return report(
      `${headerRows} header row(s) specified but only ${rows.length} row(s) of data supplied ("${use.name}" directive).`,
      optionRange('header-rows'),
    );
  }
  if (rows.length === headerRows && headerRows > 0) {
    return report(
      `Insufficient data supplied (${rows.length} row(s)); no data remaining for table body, required by "${use.name}" directive.`,
      optionRange('header-rows'),
    );
  }
  for (const columns of rows) {
    if (columns < stubColumns) {
      return report(
        `${stubColumns} stub column(s) specified but only ${columns} columns(s) of data supplied ("${use.name}" directive).`,
        optionRange('stub-columns'),
      );
    }
    if (columns === stubColumns && stubColumns > 0) {
      return report(
        `Insufficient data supplied (${columns} columns(s)); no data remaining for table body, required by "${use.name}" directive.`,
        optionRange('stub-columns'),
      );
    }
  }
  if (name === 'csv-table') {
    if (Array.isArray(widths) && widths.length !== maxCols)
      return report(`"${use.name}" widths do not match the number of columns in table (${maxCols}).`, optionRange('widths'));
    if (!Array.isArray(widths) && maxCols === 0) return report('No table data detected in CSV file.');
    // the table is built: its cells parsed (the header's where its value stands on the option's line)
    const content = table.lines[0];
    const header = table.options.get('header');
    if (header?.value && !header.value.includes('\n')) {
      out.cells.push(
        ...csvCellTexts(headerRecords, (_, index) => [header.range.start.line, header.range.start.character + index], content),
      );
    }
    out.cells.push(
      ...csvCellTexts(
        records,
        (line, index) => [table.lines[line], doc.lines[table.lines[line]].text.length - table.content[line].length + index],
        content,
      ),
    );
  }
}

/**
 * The rows of a list-table whose shape docutils accepted (a uniform two-level bullet list): how
 * many items each row's list has. Undefined when the text is not plainly that (then nothing is said).
 */
function listShape(content: readonly string[]): { rows: number[]; columns: number } | undefined {
  const first = /^([*+\-•‣⁃])( +)/.exec(content[0]);
  if (!first) return undefined;
  const bullet = first[1];
  const rows: number[] = [];
  let inner = -1;
  let innerBullet = '';
  for (const text of content) {
    if (text.startsWith(bullet + ' ') || text === bullet) {
      const rest = text.slice(1);
      const column = 1 + rest.length - rest.trimStart().length;
      const item = /^([*+\-•‣⁃])( +|$)/.exec(text.slice(column));
      if (!item) return undefined;
      if (inner < 0) {
        inner = column;
        innerBullet = item[1];
      } else if (column !== inner || item[1] !== innerBullet) return undefined;
      rows.push(1);
    } else if (text.trim() !== '' && text.length - text.trimStart().length === inner && text.slice(inner).startsWith(innerBullet)) {
      if (!/^[*+\-•‣⁃]( +|$)/.test(text.slice(inner))) return undefined;
      rows[rows.length - 1]++;
    } else if (text.trim() !== '' && text.length - text.trimStart().length < inner && !/^\s/.test(text)) return undefined;
  }
  return rows.length ? { rows, columns: rows[0] } : undefined;
}
