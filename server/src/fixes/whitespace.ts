// Character-level fixes: trailing whitespace, tabs, carriage returns, zero-width spaces; and
// empty-section, which writes "None" under the title.
import type { SpecDocument } from '../rst/types';
import { editorLineBreak } from '../rst/lines';
import { eolOf, isBlank, rangeOf, type TextEdit } from '../edit/text-edit';
import type { Fix } from './fix';
import { sectionWithTitleOn } from '../edit/sections';

export const removeTrailingWhitespace: Fix = (doc, _template, diagnostic) => {
  const line = diagnostic.range.start.line;
  const text = doc.lines[line]?.text;
  if (text === undefined) return [];
  // The lookbehind starts a match only where a run of blanks starts: linear, not quadratic, on long runs.
  const start = text.replace(/(?<![ \t])[ \t]+$/, '').length;
  return start < text.length ? [{ range: rangeOf(line, start, line, text.length), newText: '' }] : [];
};

/** Each tab becomes the spaces up to the next 8-column tab stop, as docutils expands it. */
export const expandTab: Fix = (doc, _template, diagnostic) => {
  const { line, character: start } = diagnostic.range.start;
  const text = doc.lines[line]?.text;
  if (text === undefined || text[start] !== '\t') return [];
  let end = start;
  while (text[end] === '\t') end++;
  let column = columnAt(doc, line, start);
  const from = column;
  for (let index = start; index < end; index++) column += 8 - (column % 8);
  return [{ range: rangeOf(line, start, line, end), newText: ' '.repeat(column - from) }];
};

/** The last column counted per document: fix-all asks for each tab of a line in turn. */
const lastColumn = new WeakMap<SpecDocument, { line: number; index: number; column: number }>();

/**
 * The column at `index` of a line as docutils counts them: code points, tabs to 8-column stops.
 * Counted on from the last one asked on that line, so that the tabs of one long line cost a
 * linear time, not a quadratic one.
 */
function columnAt(doc: SpecDocument, line: number, index: number): number {
  const text = doc.lines[line].text;
  const last = lastColumn.get(doc);
  const resume = last !== undefined && last.line === line && last.index <= index;
  let column = resume ? last.column : 0;
  for (let at = resume ? last.index : 0; at < index; at++) {
    const code = text.charCodeAt(at);
    if (code === 9) column += 8 - (column % 8);
    else {
      // A surrogate pair is one code point.
      if (code >= 0xd800 && code <= 0xdbff && at + 1 < index) {
        const low = text.charCodeAt(at + 1);
        if (low >= 0xdc00 && low <= 0xdfff) at++;
      }
      column++;
    }
  }
  lastColumn.set(doc, { line, index, column });
  return column;
}

/** Every CRLF or CR line break becomes LF (the one diagnostic stands for all of them). */
export const useLfLineEndings: Fix = (doc) => lfEdits(doc);

export function lfEdits(doc: SpecDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  doc.lines.forEach(({ text, eol }, line) => {
    if (eol === '\r\n' || eol === '\r') edits.push({ range: rangeOf(line, text.length, line + 1, 0), newText: '\n' });
  });
  return edits;
}

export const removeZeroWidthSpace: Fix = (doc, _template, diagnostic) => {
  const { line, character } = diagnostic.range.start;
  if (doc.lines[line]?.text[character] !== '\u200b') return [];
  return [{ range: rangeOf(line, character, line, character + 1), newText: '' }];
};

/**
 * A line separator (line-separator) becomes the document's line break, with the blanks before it
 * (docutils strips them; the repos' tests would then find them at a line's end): what docutils
 * reads stays the same, and editors now show the lines it sees.
 */
export const separatorToLineBreak: Fix = (doc, _template, diagnostic) => {
  const line = diagnostic.range.start.line;
  const source = doc.lines[line];
  if (!source || source.eol === '' || editorLineBreak(source.eol) !== '') return [];
  const start = source.text.replace(/(?<![ \t])[ \t]+$/, '').length;
  return [{ range: rangeOf(line, start, line + 1, 0), newText: eolOf(doc) }];
};

/** empty-section: "None" after the section's last line (a comment, or its title), set off by blank lines. */
export const writeNone: Fix = (doc, _template, diagnostic) => {
  const section = sectionWithTitleOn(doc, diagnostic.range.start.line);
  if (!section || section.children.length > 0) return [];
  const eol = editorLineBreak(doc.lines[section.underlineLine].eol) || eolOf(doc);
  const end = Math.min(section.endLine, doc.lines.length);
  let last = end;
  while (last > section.underlineLine + 1 && isBlank(doc.lines[last - 1].text)) last--;
  // `last` is the line after the section's last non-blank line.
  if (last >= doc.lines.length) {
    const final = doc.lines.length - 1;
    const finalText = doc.lines[final].text;
    return [{ range: rangeOf(final, finalText.length, final, finalText.length), newText: eol + eol + 'None' + eol }];
  }
  const followedByText = last < doc.lines.length && !isBlank(doc.lines[last].text) && !isFinalEmpty(doc, last);
  const atEnd = isFinalEmpty(doc, last);
  return [
    {
      range: rangeOf(last, 0, last, 0),
      newText: atEnd ? eol + 'None' + eol : eol + 'None' + eol + (followedByText ? eol : ''),
    },
  ];
};

function isFinalEmpty(doc: SpecDocument, line: number): boolean {
  return line === doc.lines.length - 1 && doc.lines[line].text === '';
}
