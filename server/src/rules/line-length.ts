import { editorLineBreak } from '../rst/lines';
import type { SpecDocument } from '../rst/types';
import { codePointLength, utf16Offset } from '../text/code-points';
import type { Finding, Rule } from './rule';

const NO_INTERNAL_WHITESPACE = /^\s*\S+$/;

/**
 * Whether a line is exempt whatever its length, as the specs repos' check has it: it holds a URL,
 * has no internal whitespace, or is an image or figure directive (`..` then `image::` or
 * `figure::`: its path can't be wrapped). The code block after a `::` line is exempt too (below).
 */
export function isExemptLine(text: string): boolean {
  return (
    text.includes('http://') ||
    text.includes('https://') ||
    NO_INTERNAL_WHITESPACE.test(text) ||
    (text.startsWith('..') && (text.includes('image::') || text.includes('figure::')))
  );
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
    return longLines(doc, options.maxLineLength);
  },
};

/** Whether the check flags this line on its own: longer than `max` code points and not exempt. */
export function isTooLong(text: string, max: number): boolean {
  return text.length > max && codePointLength(text) > max && !isExemptLine(text);
}

/** The lines the check flags, with the code blocks after `::` lines left out. */
export function longLines(doc: Pick<SpecDocument, 'lines'>, max: number): Finding[] {
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
    if (!isTooLong(text, max)) continue;
    const length = codePointLength(text);
    findings.push({
      range: { start: positionIn(doc, first, utf16Offset(text, max)), end: { line, character: lines[line].text.length } },
      message: `Line is ${length} characters long; the maximum is ${max}.`,
      data: { length, max },
    });
  }
  return findings;
}

/** The engine's position of the character `offset` units after the start of line `first`. */
function positionIn(doc: Pick<SpecDocument, 'lines'>, first: number, offset: number): { line: number; character: number } {
  const target = doc.lines[first].offset + offset;
  let line = first;
  while (line + 1 < doc.lines.length && doc.lines[line + 1].offset <= target) line++;
  return { line, character: target - doc.lines[line].offset };
}
