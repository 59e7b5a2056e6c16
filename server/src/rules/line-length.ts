import { editorLineBreak } from '../rst/lines';
import type { SpecDocument } from '../rst/types';
import type { Finding, Rule } from './rule';

const NO_INTERNAL_WHITESPACE = /^\s*\S+$/;

/**
 * Whether a line is exempt whatever its length, as the specs repos' check has it: it holds a URL,
 * has no internal whitespace, or is an image or figure directive (`..` then `image::` or
 * `figure::`: its path can't be wrapped). The code block after a `::` line is exempt too (below).
 */
export function isExemptLine(text: string): boolean {
  return text.includes('http://') || text.includes('https://') || NO_INTERNAL_WHITESPACE.test(text)
    || (text.startsWith('..') && (text.includes('image::') || text.includes('figure::')));
}

/**
 * Line wrapping exactly as the specs repos' tests check it: a line may be as long as it likes if it
 * holds a URL, has no internal whitespace, is an image or figure directive, or is inside a "code
 * block" (the lines after any line containing `::`, while they are empty or start with a space).
 */
export const lineLength: Rule = {
  id: 'line-length',
  defaultSeverity: 'error',
  description: 'A line longer than the maximum (79 columns), outside the exemptions the specs repos allow.',
  fixes: [{ title: 'Reflow the paragraph' }],
  check({ doc, options }) {
    const max = options.maxLineLength;
    const findings: Finding[] = [];
    let inCodeBlock = false;
    const { lines } = doc;
    for (let line = 0; line < lines.length; line++) {
      // The tests split at \n alone: the engine's lines joined by a separator (rst/lines.ts) are one line to them.
      const first = line;
      let text = lines[line].text;
      while (line + 1 < lines.length && lines[line].eol !== '' && editorLineBreak(lines[line].eol) === '') {
        text += lines[line].eol + lines[line + 1].text;
        line++;
      }
      if (inCodeBlock) {
        if (text === '' || text.startsWith(' ')) continue;
        inCodeBlock = false;
      }
      if (text.includes('::')) inCodeBlock = true;
      if (text.length <= max) continue;
      const length = codePointLength(text);
      if (length <= max || isExemptLine(text)) continue;
      findings.push({
        range: { start: positionIn(doc, first, utf16Offset(text, max)), end: { line, character: lines[line].text.length } },
        message: `Line is ${length} characters long; the maximum is ${max}.`,
        data: { length, max },
      });
    }
    return findings;
  },
};

function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) index++;
    length++;
  }
  return length;
}

function utf16Offset(text: string, codePoints: number): number {
  let index = 0;
  for (let count = 0; count < codePoints && index < text.length; count++) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}

/** The engine's position of the character `offset` units after the start of line `first`. */
function positionIn(doc: SpecDocument, first: number, offset: number): { line: number; character: number } {
  const target = doc.lines[first].offset + offset;
  let line = first;
  while (line + 1 < doc.lines.length && doc.lines[line + 1].offset <= target) line++;
  return { line, character: target - doc.lines[line].offset };
}
