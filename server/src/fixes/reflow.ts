// line-length: "Reflow paragraph". Rewraps the paragraph (a list item's included) that holds the
// long line at the maximum width: same indentation, same list marker, words and inline markup
// (``literals``, *emphasis*, `links <...>`_, :roles:`...`, |substitutions|) never split. Literal
// blocks, tables, titles, directives and comments are never touched. When the result would still
// have a long line that the check flags (a word too long to fit), there is no fix.
import { editorLineBreak } from '../rst/lines';
import type { Block, SourceLine, SpecDocument } from '../rst/types';
import { isTooLong, longLines } from '../rules/line-length';
import { codePointLength } from '../text/code-points';
import { rangeOf } from '../edit/text-edit';
import type { Fix } from './fix';

export const reflowParagraph: Fix = ({ doc, options }, diagnostic) => {
  const line = diagnostic.range.start.line;
  const block = paragraphAt(doc, line);
  if (!block) return [];
  const max = options.maxLineLength;
  const lines = reflowLines(doc, block, max);
  if (!lines) return [];
  const old = doc.lines.slice(block.startLine, block.endLine).map((source) => source.text);
  if (lines.join('\n') === old.join('\n')) return [];
  if (!keepsOtherLinesAsTheyAre(doc, block, lines, max)) return [];
  const eol = editorLineBreak(doc.lines[block.startLine].eol) || '\n';
  const last = block.endLine - 1;
  return [{ range: rangeOf(block.startLine, 0, last, doc.lines[last].text.length), newText: lines.join(eol) }];
};

const PROSE = new Set(['paragraph']);
const NEVER = new Set(['literal', 'directive', 'comment', 'table']);

/** The innermost paragraph holding `line`, unless the line is in a literal block, table, title, directive or comment. */
function paragraphAt(doc: SpecDocument, line: number): Block | undefined {
  if (doc.literalLines.has(line)) return undefined;
  const isTitle = doc.sections.some(
    (section) => section.titleLine === line || section.underlineLine === line || section.overlineLine === line,
  );
  if (isTitle) return undefined;
  const holding = doc.blocks.filter((block) => block.startLine <= line && line < block.endLine);
  if (holding.some((block) => NEVER.has(block.kind))) return undefined;
  const innermost = holding
    .filter((block) => PROSE.has(block.kind))
    .sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine) || b.indent - a.indent)[0];
  return innermost;
}

/** The paragraph's lines rewrapped, or undefined when its shape isn't one this can rewrap safely. */
function reflowLines(doc: SpecDocument, block: Block, max: number): string[] | undefined {
  const source = doc.lines.slice(block.startLine, block.endLine);
  if (source.some((line) => line.text.includes('\t'))) return undefined;
  const indent = block.indent;
  const first = source[0].text;
  // The first line's prefix: its indentation, and the list or field marker when the paragraph starts an item.
  const prefix = first.slice(0, indent);
  if (first.length <= indent || /\s/.test(first[indent]) || !isPrefix(prefix)) return undefined;
  const continuation = ' '.repeat(indent);
  const contents = [first.slice(indent)];
  for (const line of source.slice(1)) {
    if (!line.text.startsWith(continuation) || /\s/.test(line.text[indent] ?? ' ')) return undefined;
    contents.push(line.text.slice(indent));
  }
  const tokens = glueAdornmentLike(tokenize(contents.map((content) => content.trim()).join(' ')));
  if (tokens.length === 0) return undefined;
  const lines: string[] = [];
  let current = prefix + tokens[0];
  for (const token of tokens.slice(1)) {
    const candidate = `${current} ${token}`;
    if (codePointLength(candidate) <= max) current = candidate;
    else {
      lines.push(current);
      current = continuation + token;
    }
  }
  lines.push(current);
  if (lines.some((line) => isTooLong(line, max))) return undefined;
  return lines;
}

/** Spaces, or spaces then a list marker, field marker or similar and spaces. */
function isPrefix(prefix: string): boolean {
  // /^ *$/ or /^ *\S.* +$/, without the backtracking of `.* +$` (quadratic on long runs of spaces).
  const body = prefix.replace(/^ +/, '');
  return body === '' || (/^\S/.test(body) && body.endsWith(' ') && !/[\n\r\u2028\u2029]/.test(body));
}

/**
 * The line-length check looks at lines around the paragraph too (a line with `::` exempts the
 * indented lines after it): the other lines must be flagged exactly as before.
 */
function keepsOtherLinesAsTheyAre(doc: SpecDocument, block: Block, lines: readonly string[], max: number): boolean {
  const flagged = (sourceLines: readonly SourceLine[]) => longLines({ lines: sourceLines }, max).map((finding) => finding.range.start.line);
  const before = flagged(doc.lines).filter((line) => line < block.startLine || line >= block.endLine);
  const replaced: SourceLine[] = [
    ...doc.lines.slice(0, block.startLine),
    ...lines.map((text) => ({ text, offset: 0, eol: '\n' as const })),
    ...doc.lines.slice(block.endLine),
  ];
  const shift = lines.length - (block.endLine - block.startLine);
  const after = flagged(replaced)
    .filter((line) => line < block.startLine || line >= block.startLine + lines.length)
    .map((line) => (line >= block.startLine ? line - shift : line));
  return before.length === after.length && before.every((line, index) => line === after[index]);
}

// ---- words and inline markup ----

const OPENERS = new Set([...'\'"([{<-/:‘“’«¡¿']);

function isStartPosition(text: string, index: number): boolean {
  return index === 0 || /\s/.test(text[index - 1]) || OPENERS.has(text[index - 1]);
}

function isEndPosition(text: string, index: number): boolean {
  return index >= text.length || /[\s'")\]}>\-/:.,;!?\\’”»]/.test(text[index]);
}

/** Where the inline markup starting at `index` ends (exclusive), or -1 when none starts there. */
function markupEnd(text: string, index: number): number {
  if (!isStartPosition(text, index)) return -1;
  const rest = text.slice(index);
  const role = /^:[\w.+:-]+:`/.exec(rest);
  if (role) return closing(text, index + role[0].length, '`', true);
  if (rest.startsWith('``')) return closing(text, index + 2, '``', false);
  if (rest.startsWith('_`')) return closing(text, index + 2, '`', false);
  if (rest.startsWith('`')) return closing(text, index + 1, '`', true);
  if (rest.startsWith('**')) return closing(text, index + 2, '**', false);
  if (rest.startsWith('*')) return closing(text, index + 1, '*', false);
  if (rest.startsWith('|')) return closing(text, index + 1, '|', true);
  return -1;
}

/** The end of the markup whose content starts at `from` and closes with `end`, suffixes included. */
function closing(text: string, from: number, end: string, suffixes: boolean): number {
  if (from >= text.length || /\s/.test(text[from])) return -1;
  for (let at = text.indexOf(end, from); at >= 0; at = text.indexOf(end, at + 1)) {
    if (at === from && end !== '``') continue;
    if (/\s/.test(text[at - 1])) continue;
    if (end === '`' && text[at + 1] === '`') continue;
    let stop = at + end.length;
    if (suffixes) {
      const suffix = /^(__|_|:[\w.+:-]+:)/.exec(text.slice(stop));
      if (suffix) stop += suffix[0].length;
    }
    if (isEndPosition(text, stop)) return stop;
  }
  return -1;
}

/** Words, with inline markup kept whole (its inner spaces included). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let index = 0; index < text.length;) {
    const character = text[index];
    if (/\s/.test(character)) {
      if (current) tokens.push(current);
      current = '';
      index++;
      continue;
    }
    const end = markupEnd(text, index);
    if (end > index) {
      current += text.slice(index, end);
      index = end;
    } else {
      current += character;
      index++;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/** A line made of one repeated punctuation character could read as a title underline: keep such words on the line before. */
function glueAdornmentLike(tokens: string[]): string[] {
  const result: string[] = [];
  for (const token of tokens) {
    if (result.length > 0 && /^([!-/:-@[-`{-~])\1*$/.test(token)) result[result.length - 1] += ` ${token}`;
    else result.push(token);
  }
  return result;
}
