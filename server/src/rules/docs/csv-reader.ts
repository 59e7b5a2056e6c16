// Python's csv module as docutils' csv-table reads its data with it: the reader's state machine,
// enough to count each record's fields and to raise the same csv.Error on the same line.

export interface Dialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape?: string;
  readonly doubleQuote: boolean;
  readonly skipSpace: boolean;
}

/**
 * Python's csv.reader (Modules/_csv.c, strict, QUOTE_MINIMAL) over `line + '\n'` for each line:
 * the number of fields of each record, or the csv.Error and the line it was raised on.
 */
export function readCsv(lines: readonly string[], d: Dialect): { rows: number[] } | { error: string; line: number } {
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
  const save = () => {
    fields++;
    fieldLength = 0;
  };
  const EOL = '';
  for (let n = 0; n < lines.length; n++) {
    const chars = [...(lines[n] + '\n'), EOL];
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
            fieldLength++;
            state = S.InField;
          }
          break;
        case S.Escaped:
          fieldLength++;
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
          } else fieldLength++;
          break;
        case S.InQuoted:
          if (c === EOL) {
            // a quoted field goes on over the line's end
          } else if (c === d.escape) state = S.EscapeInQuoted;
          else if (c === d.quote) state = d.doubleQuote ? S.QuoteInQuoted : S.InField;
          else fieldLength++;
          break;
        case S.EscapeInQuoted:
          fieldLength++;
          state = S.InQuoted;
          break;
        case S.QuoteInQuoted:
          if (c === d.quote) {
            fieldLength++;
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
    }
    if (state === S.StartRecord) {
      rows.push(fields);
      fields = 0;
    }
  }
  // the field still open: at the quote that opened it
  const open = (state as S) === S.InQuoted;
  if (fieldLength !== 0 || open) return { error: 'unexpected end of data', line: open ? quoteLine : lines.length - 1 };
  return { rows };
}
