// Python's csv module as docutils' csv-table reads its data with it: the reader's state machine,
// enough to count each record's fields and to raise the same csv.Error on the same line.

export interface Dialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape?: string;
  readonly doubleQuote: boolean;
  readonly skipSpace: boolean;
}

/** A field's text and, for each of its UTF-16 units, its line (index in the lines read) and index there. */
export interface CsvField {
  text: string;
  readonly at: [line: number, index: number][];
}

/**
 * Python's csv.reader (Modules/_csv.c, strict, QUOTE_MINIMAL) over `line + '\n'` for each line:
 * the number of fields of each record, or the csv.Error and the line it was raised on; the
 * records' fields in `records` when given.
 */
export function readCsv(
  lines: readonly string[],
  d: Dialect,
  records?: CsvField[][],
): { rows: number[] } | { error: string; line: number } {
  const enum S {
    StartRecord,
    StartField,
    Escaped,
    InField,
    InQuoted,
    EscapeInQuoted,
    QuoteInQuoted,
    EatCrnl,
    AfterEscapedCrnl,
  }
  const rows: number[] = [];
  let state: S = S.StartRecord;
  let fields = 0;
  let fieldLength = 0;
  let quoteLine = 0;
  let field: CsvField = { text: '', at: [] };
  let record: CsvField[] = [];
  let n = 0;
  let index = 0;
  const save = () => {
    fields++;
    fieldLength = 0;
    record.push(field);
    field = { text: '', at: [] };
  };
  /** The character `c` (at `index` of line `n`) into the field. */
  const add = (c: string) => {
    fieldLength++;
    field.text += c;
    for (let k = 0; k < c.length; k++) field.at.push([n, index + k]);
  };
  const EOL = '';
  for (n = 0; n < lines.length; n++) {
    const chars = [...(lines[n] + '\n'), EOL];
    index = 0;
    for (const c of chars) {
      const newline = c === '\n' || c === '\r';
      switch (state) {
        case S.StartRecord:
          if (c === EOL) break;
          if (newline) {
            state = S.EatCrnl;
            break;
          }
          state = S.StartField;
        // falls through
        case S.StartField:
          if (newline || c === EOL) {
            save();
            state = c === EOL ? S.StartRecord : S.EatCrnl;
          } else if (c === d.quote) {
            state = S.InQuoted;
            quoteLine = n;
          } else if (c === d.escape) state = S.Escaped;
          else if (c === d.delimiter) save();
          else if (c === ' ' && d.skipSpace) {
            // skipinitialspace
          } else {
            add(c);
            state = S.InField;
          }
          break;
        case S.Escaped:
          add(c);
          state = newline ? S.AfterEscapedCrnl : S.InField;
          break;
        case S.AfterEscapedCrnl:
          if (c === EOL) break;
        // falls through
        case S.InField:
          if (newline || c === EOL) {
            save();
            state = c === EOL ? S.StartRecord : S.EatCrnl;
          } else if (c === d.escape) state = S.Escaped;
          else if (c === d.delimiter) {
            save();
            state = S.StartField;
          } else add(c);
          break;
        case S.InQuoted:
          if (c === EOL) {
            // a quoted field goes on over the line's end
          } else if (c === d.escape) state = S.EscapeInQuoted;
          else if (c === d.quote) state = d.doubleQuote ? S.QuoteInQuoted : S.InField;
          else add(c);
          break;
        case S.EscapeInQuoted:
          add(c);
          state = S.InQuoted;
          break;
        case S.QuoteInQuoted:
          if (c === d.quote) {
            add(c);
            state = S.InQuoted;
          } else if (c === d.delimiter) {
            save();
            state = S.StartField;
          } else if (newline || c === EOL) {
            save();
            state = c === EOL ? S.StartRecord : S.EatCrnl;
          } else return { error: `'${d.delimiter}' expected after '${d.quote}'`, line: n };
          break;
        case S.EatCrnl:
          if (c === EOL) state = S.StartRecord;
          else if (!newline)
            return { error: "new-line character seen in unquoted field - do you need to open the file with newline=''?", line: n };
          break;
      }
      index += c.length;
    }
    if (state === S.StartRecord) {
      rows.push(fields);
      fields = 0;
      records?.push(record);
      record = [];
    }
  }
  // the field still open: at the quote that opened it
  const open = (state as S) === S.InQuoted;
  if (fieldLength !== 0 || open) return { error: 'unexpected end of data', line: open ? quoteLine : lines.length - 1 };
  return { rows };
}
