// Source text → lines, and the helpers that reproduce how docutils (and Python) see a line.
//
// Two views of every line are kept:
// - the ORIGINAL text, split where docutils splits it (Python's str.splitlines: `\r\n`, `\n`, a lone
//   `\r`, and the separators U+001C-U+001E, NEL, U+2028, U+2029), which every position (0-based
//   line, UTF-16 character) of the engine refers to. Editors and LSP end lines only at `\r\n`,
//   `\n` and `\r`: where a document has a separator, positions are converted at the edges
//   (editor-positions.ts);
// - docutils' view, used only to detect structure: U+FEFF removed, `\v` and `\f` turned into
//   spaces, tabs expanded to 8-column stops (Python's str.expandtabs, one column per code
//   point) and trailing whitespace stripped (Python's str.rstrip), as docutils' string2lines().
import type { LineEnding, LineSeparator, SourceLine } from './types';

export interface SplitSource {
  /** The text without a leading BOM. */
  readonly text: string;
  readonly hasBom: boolean;
  readonly lines: SourceLine[];
  /** How many lines docutils sees: a final line break does not start another line for it. */
  readonly docutilsLineCount: number;
}

export function splitSource(input: string): SplitSource {
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const text = hasBom ? input.slice(1) : input;
  const lines: SourceLine[] = [];
  const n = text.length;
  let start = 0;
  if (!OTHER_BREAK.test(text)) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ text: text.slice(start, i), offset: start, eol: '\n' });
      start = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) {
        if (isLineSeparator(c)) {
          lines.push({ text: text.slice(start, i), offset: start, eol: text[i] as LineSeparator });
          start = i + 1;
        }
        continue;
      }
      let eol: LineEnding = c === 10 ? '\n' : '\r';
      let next = i + 1;
      if (c === 13 && text.charCodeAt(next) === 10) {
        eol = '\r\n';
        next++;
      }
      lines.push({ text: text.slice(start, i), offset: start, eol });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ text: text.slice(start), offset: start, eol: '' });
  const last = text.charCodeAt(n - 1);
  const endsWithBreak = n > 0 && (last === 10 || last === 13 || isLineSeparator(last));
  const docutilsLineCount = n === 0 ? 0 : endsWithBreak ? lines.length - 1 : lines.length;
  return { text, hasBom, lines, docutilsLineCount };
}

/** Any line break but \n: a document without one is split at \n alone (the fast way). */
const OTHER_BREAK = /[\r\x1c-\x1e\x85\u2028\u2029]/;

/** A line separator of docutils' that editors don't break lines at (LineSeparator). */
export function isLineSeparator(c: number): boolean {
  return (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** A line's ending as editors count it: '' for a LineSeparator (editors see the line go on). */
export function editorLineBreak(eol: LineEnding): '' | '\n' | '\r\n' | '\r' {
  return eol === '\n' || eol === '\r\n' || eol === '\r' ? eol : '';
}

/** Python's str.isspace() for one UTF-16 code unit (all Python whitespace is in the BMP). */
export function isPyWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python's str.rstrip(). */
export function pyRstrip(s: string): string {
  let e = s.length;
  while (e > 0 && isPyWhitespace(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** How many leading characters Python's str.lstrip() removes. */
export function pyLeadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isPyWhitespace(s.charCodeAt(i))) i++;
  return i;
}

/** Python's str.lstrip(). */
export function pyLstrip(s: string): string {
  const i = pyLeadingSpace(s);
  return i === 0 ? s : s.slice(i);
}

/** Python's str.strip(). */
export function pyStrip(s: string): string {
  return pyLstrip(pyRstrip(s));
}

/** `not s.strip()` in Python. */
export function isPyBlank(s: string): boolean {
  return pyLeadingSpace(s) === s.length;
}

/** Whether the text has characters that need more than an rstrip to reach docutils' view: tab, \v, \f, U+FEFF. */
function needsConversion(text: string): boolean {
  return text.indexOf('\t') >= 0 || text.indexOf('\v') >= 0 || text.indexOf('\f') >= 0 || text.indexOf('\ufeff') >= 0;
}

/**
 * docutils' view of the first `count` lines. Most documents have no tab, \v, \f or U+FEFF at
 * all: then only trailing whitespace goes.
 */
export function docutilsLines(text: string, lines: readonly SourceLine[], count: number): string[] {
  const out: string[] = new Array(count);
  if (needsConversion(text)) for (let i = 0; i < count; i++) out[i] = docutilsLine(lines[i].text);
  else for (let i = 0; i < count; i++) out[i] = pyRstrip(lines[i].text);
  return out;
}

/** One line as docutils' string2lines() returns it (see the header). */
export function docutilsLine(raw: string): string {
  if (!needsConversion(raw)) return pyRstrip(raw);
  let out = '';
  let column = 0;
  let runStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 9) {
      out += raw.slice(runStart, i);
      const spaces = 8 - (column % 8);
      out += ' '.repeat(spaces);
      column += spaces;
      runStart = i + 1;
    } else if (c === 11 || c === 12) {
      out += raw.slice(runStart, i) + ' ';
      column++;
      runStart = i + 1;
    } else if (c === 0xfeff) {
      out += raw.slice(runStart, i);
      runStart = i + 1;
    } else if (c < 0xd800 || c > 0xdbff || i + 1 >= raw.length) {
      column++;
    } else {
      const d = raw.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // a surrogate pair is one code point, one column
      column++;
    }
  }
  out += raw.slice(runStart);
  return pyRstrip(out);
}

/** The title text's range on its original line: without surrounding whitespace (or BOMs). */
export function trimmedSpan(text: string): [number, number] {
  let start = 0;
  let end = text.length;
  const skip = (c: number) => isPyWhitespace(c) || c === 0xfeff;
  while (start < end && skip(text.charCodeAt(start))) start++;
  while (end > start && skip(text.charCodeAt(end - 1))) end--;
  return [start, end];
}
