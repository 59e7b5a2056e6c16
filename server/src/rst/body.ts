// docutils' Body state: the first line of every block (states.py, class Body), and the block
// quote.
import { isPyBlank, pyLeadingSpace, pyStrip } from './lines';
import { Correction, Machine, RETRY_AS_TEXT, STATES, StateName, View, viewText } from './machine';
import { skipBlankRun } from './specialized';
import {
  T_ANONYMOUS,
  T_BLANK,
  T_BULLET,
  T_DOCTEST,
  T_ENUMERATOR,
  T_EXPLICIT_MARKUP,
  T_FIELD_MARKER,
  T_GRID_TABLE_TOP,
  T_INDENT,
  T_LINE,
  T_LINE_BLOCK,
  T_OPTION_MARKER,
  T_SIMPLE_TABLE_TOP,
  T_TEXT,
  matchBody,
} from './patterns';
import { bullet, enumerator, fieldMarker, lineBlock, optionMarker } from './lists';
import { gridTableTop, simpleTableTop } from './tables';
import { anonymous, explicitMarkup } from './explicit';

STATES.Body = {
  check(sm, only) {
    switch (matchBody(sm.line!, only)) {
      case T_BLANK:
        skipBlankRun(sm);
        return 'Body';
      case T_INDENT:
        return indent(sm);
      case T_BULLET:
        return bullet(sm);
      case T_ENUMERATOR:
        return enumerator(sm);
      case T_FIELD_MARKER:
        return fieldMarker(sm);
      case T_OPTION_MARKER:
        return optionMarker(sm);
      case T_DOCTEST: {
        const start = sm.absLineOffset();
        const col = sm.physCol(sm.lineOffset);
        sm.getTextBlock(false);
        sm.mark('doctest', start, sm.absLineOffset() + 1, col);
        sm.child('doctest');
        sm.context = [];
        return 'Body';
      }
      case T_LINE_BLOCK:
        return lineBlock(sm);
      case T_GRID_TABLE_TOP:
        return gridTableTop(sm);
      case T_SIMPLE_TABLE_TOP:
        return simpleTableTop(sm);
      case T_EXPLICIT_MARKUP:
        return explicitMarkup(sm);
      case T_ANONYMOUS:
        return anonymous(sm);
      case T_LINE:
        return line(sm);
      case T_TEXT:
      default:
        sm.context = [sm.line!];
        return 'Text';
    }
  },
  eof() {},
};

/** Body.indent: a block quote. */
function indent(sm: Machine): StateName {
  const r = sm.getIndented();
  blockQuote(sm, r.view);
  if (!r.blankFinish) sm.unindentWarning('Block quote');
  return 'Body';
}

/** Body.line: a section title overline or a transition. */
function line(sm: Machine): StateName | Correction {
  const text = sm.line!;
  if (sm.matchTitles) {
    sm.context = [text];
    return 'Line';
  }
  const marker = pyStrip(text);
  if (marker === '::') return RETRY_AS_TEXT;
  if (marker.length < 4) {
    sm.message(1, 'Unexpected possible title overline or transition.', sm.absLineNumber());
    return RETRY_AS_TEXT;
  }
  sm.message(4, 'Unexpected section title or transition.', sm.absLineNumber());
  sm.context = [];
  return 'Body';
}

function leadingSpaces(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

/** Body.block_quote: the quote, split where an attribution ends it. */
export function blockQuote(sm: Machine, view: View): void {
  const doc = sm.doc;
  let v: View | null = view;
  while (v && v.end > v.start) {
    const split = splitAttribution(sm, v);
    const quoteEnd = split ? split.quoteEnd : v.end;
    const first = viewText(doc, v, 0);
    sm.addBlock('block-quote', v.start, split ? split.attributionEnd : v.end, v.firstCol + leadingSpaces(first));
    // the attribution, for the preview (inside the quote's lines, after its body)
    if (split)
      sm.mark('attribution', split.quoteEnd, split.attributionEnd, v.col, {
        start: split.quoteEnd,
        end: split.attributionEnd,
        firstCol: v.col,
        col: v.col,
      });
    sm.nestedParse({ start: v.start, end: quoteEnd, firstCol: v.firstCol, col: v.col });
    v = split ? split.rest : null;
    while (v && v.end > v.start && viewText(doc, v, 0) === '') {
      v = { start: v.start + 1, end: v.end, firstCol: v.col, col: v.col };
    }
  }
}

/** `(---?(?!-)|\u2014) *(?=[^ \n])` */
function isAttribution(line: string): boolean {
  let p: number;
  if (line.startsWith('---') && line.charCodeAt(3) !== 45) p = 3;
  else if (line.startsWith('--') && line.charCodeAt(2) !== 45) p = 2;
  else if (line.charCodeAt(0) === 0x2014) p = 1;
  else return false;
  while (line.charCodeAt(p) === 32) p++;
  return p < line.length;
}

/** Body.split_attribution: a "-- Author" paragraph after a blank line ends the quote. */
function splitAttribution(sm: Machine, v: View): { quoteEnd: number; attributionEnd: number; rest: View } | null {
  const doc = sm.doc;
  const length = v.end - v.start;
  let blank = -2;
  let nonblankSeen = false;
  for (let i = 0; i < length; i++) {
    const text = viewText(doc, v, i);
    if (text === '') {
      blank = i;
      if (i > 0) blank = i = Math.min(doc.nextNonBlank[v.start + i], v.end) - v.start - 1;
      continue;
    }
    if (nonblankSeen && blank === i - 1 && isAttribution(text)) {
      const end = checkAttribution(sm, v, i);
      if (end !== null) {
        const stop = Math.min(v.start + end, v.end);
        return { quoteEnd: v.start + i, attributionEnd: stop, rest: { start: stop, end: v.end, firstCol: v.col, col: v.col } };
      }
    }
    nonblankSeen = true;
  }
  return null;
}

/** Body.check_attribution: the index after the attribution, or null for a bad shape. */
function checkAttribution(sm: Machine, v: View, start: number): number | null {
  const length = v.end - v.start;
  let indent: number | null = null;
  for (let j = start + 1; j < length; j++) {
    const text = viewText(sm.doc, v, j);
    if (isPyBlank(text)) return j;
    const ls = pyLeadingSpace(text);
    if (indent === null) indent = ls;
    else if (ls !== indent) return null;
  }
  // Python's for-else: one past the last index (start + 2 when the loop never ran)
  return length > start + 1 ? length : start + 2;
}
