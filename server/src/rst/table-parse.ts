// The checks of docutils' table parsers (docutils/parsers/rst/tableparser.py: GridTableParser,
// SimpleTableParser) on an isolated table: why a table whose outline looked right is still
// "Malformed table." (a cell that does not close, text in a column margin, ...). Only the
// verdict is kept; the cells themselves are not built.
import { isCombining, isWide } from '../text/east-asian-width';
import { pyRstrip } from './lines';

export interface TableError {
  /** docutils' reason, the second line of its "Malformed table." message. */
  readonly detail: string;
  /** The table line (0-based, from the top border) docutils reports the message on. */
  readonly offset: number;
}

/** A cell's text as docutils parses it: `offset` is its first line's index in the table. */
export interface TableCell {
  readonly offset: number;
  readonly lines: string[];
  /** The column (in the table's padded lines) where the cell's lines start. */
  readonly col: number;
  /** The cell's box in the table (the preview's rows and spans): [top, left, bottom, right]. */
  readonly box: readonly [number, number, number, number];
}

/** `sep`: the line of the head/body separator, null when the table has no head. */
export type TableResult =
  { readonly error: TableError } | { readonly error: null; readonly cells: TableCell[]; readonly sep: number | null };

const PAD = '\x00';

/** StringList.get_2D_block: the lines' columns left..right, trailing spaces and common indent removed. */
function block2D(lines: readonly string[], top: number, left: number, bottom: number, right: number): { lines: string[]; col: number } {
  const out: string[] = [];
  let indent = right;
  for (let i = top; i < bottom; i++) {
    const line = pyRstrip(lines[i].slice(left, right));
    if (line) indent = Math.min(indent, line.length - line.trimStart().length);
    out.push(line);
  }
  const cut = indent > 0 && indent < right;
  const stripped = cut ? out.map((line) => line.slice(indent)) : out;
  return { lines: stripped.map((line) => (line.indexOf(PAD) >= 0 ? line.split(PAD).join('') : line)), col: left + (cut ? indent : 0) };
}

/** docutils' StringList.pad_double_width: a pad character after each wide character. */
export function padDoubleWidth(line: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const cp = line.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isWide(cp)) {
      out += line.slice(run, i + size) + PAD;
      run = i + size;
    }
    if (size === 2) i++;
  }
  return run === 0 ? line : out + line.slice(run);
}

/** Code points, as Python indexes a string (a surrogate pair is one character). */
function chars(line: string): string[] {
  return /[\ud800-\udfff]/.test(line) ? Array.from(line) : line.split('');
}

function findHeadBodySep(block: string[][], pattern: RegExp): TableError | number | null {
  let sep: number | null = null;
  let i = 0;
  for (; i < block.length; i++) {
    if (!pattern.test(block[i].join(''))) continue;
    if (sep) {
      return {
        detail: `Multiple head/body row separators (table lines ${sep + 1} and ${i + 1}); only one allowed.`,
        offset: i,
      };
    }
    sep = i;
    block[i] = block[i].map((c) => (c === '=' ? '-' : c));
  }
  if (sep === 0 || sep === block.length - 1) {
    return { detail: 'The head/body row separator may not be the first or last line of the table.', offset: i };
  }
  return sep;
}

/** GridTableParser.parse on docutils' block (stripped, padded lines): its error or its cells. */
export function checkGridTable(lines: readonly string[]): TableResult {
  const block = lines.map(chars);
  const sep = findHeadBodySep(block, /^\+=[=+]+=\+ *$/);
  if (sep !== null && typeof sep === 'object') return { error: sep };
  const text = block.map((line) => line.join(''));
  const cells: TableCell[] = [];
  const bottom = block.length - 1;
  const right = block[0].length - 1;
  const done = new Array<number>(block[0].length).fill(-1);
  const at = (r: number, c: number) => block[r][c] ?? '';
  const scanUp = (top: number, left: number, bot: number): boolean => {
    for (let i = bot - 1; i > top; i--) if (at(i, left) !== '+' && at(i, left) !== '|') return false;
    return true;
  };
  const scanLeft = (top: number, left: number, bot: number, r: number): boolean => {
    for (let i = r - 1; i > left; i--) if (at(bot, i) !== '+' && at(bot, i) !== '-') return false;
    return at(bot, left) === '+' && scanUp(top, left, bot);
  };
  const scanDown = (top: number, left: number, r: number): number => {
    for (let i = top + 1; i <= bottom; i++) {
      if (at(i, r) === '+') {
        if (scanLeft(top, left, i, r)) return i;
      } else if (at(i, r) !== '|') return -1;
    }
    return -1;
  };
  const scanRight = (top: number, left: number): [number, number] | null => {
    for (let i = left + 1; i <= right; i++) {
      const c = at(top, i);
      if (c === '+') {
        const bot = scanDown(top, left, i);
        if (bot >= 0) return [bot, i];
      } else if (c !== '-') return null;
    }
    return null;
  };
  const corners: [number, number][] = [[0, 0]];
  while (corners.length > 0) {
    const [top, left] = corners.shift()!;
    if (top === bottom || left === right || top <= done[left]) continue;
    const cell = scanRight(top, left);
    if (!cell) continue;
    const [bot, r] = cell;
    for (let col = left; col < r; col++) done[col] = bot - 1;
    cells.push({ offset: top + 1, ...block2D(text, top + 1, left + 1, bot, r), box: [top, left, bot, r] });
    corners.push([top, r], [bot, left]);
    corners.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
  for (let col = 0; col < right; col++) {
    if (done[col] !== bottom - 1) return { error: { detail: 'Malformed table; parse incomplete.', offset: 0 } };
  }
  return { error: null, cells, sep };
}

class Markup {
  constructor(readonly error: TableError) {}
}

/** SimpleTableParser.parse on docutils' block (padded lines): its error or its cells. */
export function checkSimpleTable(lines: readonly string[]): TableResult {
  const cells: TableCell[] = [];
  const block = lines.map(chars);
  block[0] = block[0].map((c) => (c === '=' ? '-' : c));
  block[block.length - 1] = block[block.length - 1].map((c) => (c === '=' ? '-' : c));
  const sep = findHeadBodySep(block, /^=[ =]*$/);
  if (sep !== null && typeof sep === 'object') return { error: sep };
  const text = block.map((l) => l.join(''));
  let columns: [number, number][] = [];
  let borderEnd = 0;
  const parseColumns = (line: string, offset: number): [number, number][] => {
    const cols: [number, number][] = [];
    let end = 0;
    for (;;) {
      const begin = line.indexOf('-', end);
      end = line.indexOf(' ', begin);
      if (begin < 0) break;
      if (end < 0) end = line.length;
      cols.push([begin, end]);
    }
    if (columns.length > 0) {
      if (cols[cols.length - 1][1] !== borderEnd) {
        throw new Markup({ detail: `Column span incomplete in table line ${offset + 1}.`, offset });
      }
      cols[cols.length - 1] = [cols[cols.length - 1][0], columns[columns.length - 1][1]];
    }
    return cols;
  };
  const checkColumns = (rows: string[], first: number, cols: [number, number][]): void => {
    // mutates `cols` as docutils does: the last column widens to text that overflows it
    const last = cols.length - 1;
    const stripped = rows.map((l) =>
      Array.from(l)
        .filter((c) => !isCombining(c.codePointAt(0)!))
        .join(''),
    );
    for (let i = 0; i < cols.length; i++) {
      const [start, end] = cols[i];
      const nextStart = i < last ? cols[i + 1][0] : Number.MAX_SAFE_INTEGER;
      for (let offset = 0; offset < stripped.length; offset++) {
        const line = stripped[offset];
        if (i === last && pyStripped(line.slice(end))) {
          const newEnd = start + pyRstrip(line.slice(start)).length;
          const main = columns[columns.length - 1];
          cols[i] = [start, Math.max(main[1], newEnd)];
          if (newEnd > main[1]) columns[columns.length - 1] = [main[0], newEnd];
        } else if (pyStripped(line.slice(end, nextStart))) {
          throw new Markup({ detail: `Text in column margin in table line ${first + offset + 1}.`, offset: first + offset });
        }
      }
    }
  };
  const initRow = (colspec: [number, number][], offset: number): void => {
    let i = 0;
    for (const [start, end] of colspec) {
      if (i >= columns.length || start !== columns[i][0]) throw alignment(offset);
      while (end !== columns[i][1]) {
        i++;
        if (i >= columns.length) throw alignment(offset);
      }
      i++;
    }
  };
  const parseRow = (rows: string[], start: number, spanline?: [string, number]): void => {
    if (rows.length === 0 && !spanline) return;
    const cols = spanline ? parseColumns(...spanline) : columns.slice();
    checkColumns(rows, start, cols);
    initRow(cols, start);
    for (const [left, right] of cols) {
      cells.push({ offset: start, ...block2D(rows, 0, left, rows.length, right), box: [start, left, start + rows.length, right] });
    }
  };
  try {
    columns = parseColumns(text[0], 0);
    borderEnd = columns[columns.length - 1][1];
    const [firstStart, firstEnd] = columns[0];
    let start = 1;
    let textFound = false;
    for (let offset = 1; offset < text.length; offset++) {
      const line = text[offset];
      if (/^-[ -]*$/.test(line)) {
        parseRow(text.slice(start, offset), start, [pyRstrip(line), offset]);
        start = offset + 1;
        textFound = false;
      } else if (pyStripped(line.slice(firstStart, firstEnd))) {
        if (textFound && offset !== start) parseRow(text.slice(start, offset), start);
        start = offset;
        textFound = true;
      } else if (!textFound) {
        start = offset + 1;
      }
    }
  } catch (e) {
    if (e instanceof Markup) return { error: e.error };
    throw e;
  }
  return { error: null, cells, sep };
}

function alignment(offset: number): Markup {
  return new Markup({ detail: `Column span alignment problem in table line ${offset + 2}.`, offset: offset + 1 });
}

/** Python's `s.strip()` is non-empty (the pad character is not whitespace). */
function pyStripped(s: string): boolean {
  return /[^\s]/.test(s);
}
