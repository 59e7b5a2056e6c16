// Display width as docutils counts it (docutils.utils.column_width and pad_double_width), from
// Python's own East Asian Width tables (east-asian-width.ts): the one width of the engine, used by
// the parser, the title-underline rule and the fixes that write adornments.
import { isCombining, isWide } from './east-asian-width';

/** docutils.utils.column_width(): wide East Asian characters count 2, combining ones 0. */
export function columnWidth(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp < 0x300) width++;
    else if (isCombining(cp)) width += isWide(cp) ? 1 : 0;
    else width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** len(s) in Python after docutils' pad_double_width(): code points, wide ones counted twice. */
export function paddedLength(s: string): number {
  let length = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    length += isWide(cp) ? 2 : 1;
  }
  return length;
}

/** Tabs expanded to 8-column stops, one column per code point, as Python's str.expandtabs(). */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let result = '';
  let column = 0;
  for (const character of text) {
    if (character === '\t') {
      const spaces = 8 - (column % 8);
      result += ' '.repeat(spaces);
      column += spaces;
    } else {
      result += character;
      column++;
    }
  }
  return result;
}
