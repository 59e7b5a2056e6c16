// docutils' Text, Line, Definition and QuotedLiteralBlock states (states.py): the second line of
// a text block decides between paragraph, definition list and section title; an adornment line
// starts an overlined title or a transition. Sections themselves: RSTState.check_subsection and
// new_subsection.
import { pyLstrip, pyRstrip, pyStrip } from './lines';
import { columnWidth } from '../text/width';
import {
  EOF,
  Machine,
  MessageRec,
  STATES,
  BODY_AS_TEXT,
  Correction,
  RETRY_AS_TEXT,
  StateName,
  newNode,
  trimTrailingBlank,
} from './machine';
import { T_BLANK, T_INDENT, T_LINE, T_TEXT, isAdornment, isNonAlphaNum7Bit, matchText } from './patterns';
import { specializedCheck } from './specialized';

STATES.Text = {
  check(sm, only) {
    switch (matchText(sm.line!, only)) {
      case T_BLANK:
        return blank(sm);
      case T_INDENT:
        return definitionList(sm);
      case T_LINE:
        return underline(sm);
      default:
        return text(sm);
    }
  },
  eof(sm) {
    if (sm.context.length) blank(sm);
  },
};

/** `(?<!\\)(\\\\)*::$`: a paragraph ending in an unescaped `::` announces a literal block. */
function endsWithLiteralMarker(data: string): boolean {
  const n = data.length;
  if (n < 2 || data.charCodeAt(n - 1) !== 58 || data.charCodeAt(n - 2) !== 58) return false;
  let k = n - 2;
  while (k > 0 && data.charCodeAt(k - 1) === 92) k--;
  return (n - 2 - k) % 2 === 0;
}

/** RSTState.paragraph: records the paragraph; true when a literal block follows. */
function paragraph(sm: Machine, lineno: number, count: number, last: string): boolean {
  const data = pyRstrip(last);
  const literalNext = endsWithLiteralMarker(data);
  if (literalNext && count === 1 && data.length === 2) return true;
  const start = lineno - 1;
  sm.addBlock('paragraph', start, start + count, sm.physCol(start - sm.start));
  if (!literalNext) sm.inline(start - sm.start, count, lineno);
  else if (count > 1 && data.length === 2) sm.inline(start - sm.start, count - 1, lineno);
  else {
    // RSTState.paragraph: `text::` keeps one colon, `text ::` none
    const spaced = data.length > 2 && data.charCodeAt(data.length - 3) === 32;
    sm.inline(start - sm.start, count, lineno, spaced ? data.length - pyRstrip(data.slice(0, -3)).length : 1);
  }
  return literalNext;
}

/** Text.blank: the end of a one-line paragraph. */
function blank(sm: Machine): StateName {
  if (paragraph(sm, sm.absLineNumber() - 1, 1, sm.context[0])) literalBlock(sm);
  sm.context = [];
  return 'Body';
}

/** Text.text: a paragraph of two or more lines. */
function text(sm: Machine): StateName {
  const startline = sm.absLineNumber() - 1;
  const r = sm.getTextBlock(true);
  if (r.indentedAt >= 0) sm.message(3, 'Unexpected indentation.', sm.start + r.indentedAt + 1);
  const count = 1 + r.count;
  const last = r.count > 0 ? sm.line! : sm.context[0];
  if (paragraph(sm, startline, count, last)) {
    try {
      sm.nextLine();
    } catch (e) {
      if (e !== EOF) throw e;
    }
    literalBlock(sm);
  }
  sm.context = [];
  return 'Body';
}

/** Text.literal_block: the indented (or quoted) lines after a `::` paragraph. */
function literalBlock(sm: Machine): void {
  const r = sm.getIndented();
  const v = trimTrailingBlank(sm.doc, r.view);
  if (v.end <= v.start) {
    quotedLiteralBlock(sm);
    return;
  }
  const first = sm.doc.exp[v.start];
  let col = v.firstCol;
  while (first.charCodeAt(col) === 32) col++;
  sm.addBlock('literal', v.start, v.end, col);
  sm.doc.markLiteral(v.start, v.end);
  if (!r.blankFinish) sm.unindentWarning('Literal block');
}

function quotedLiteralBlock(sm: Machine): void {
  const m = new Machine(sm.doc, sm.suffix(sm.lineOffset), false, sm.sink, sm.depth, sm.node);
  sm.gotoLineSafe(m.run('QuotedLiteralBlock'));
}

STATES.QuotedLiteralBlock = {
  check(sm, only) {
    const line = sm.line!;
    const c = line.charCodeAt(0);
    if (only !== T_TEXT) {
      if (sm.quote >= 0 && c === sm.quote) {
        sm.context.push(line);
        return 'QuotedLiteralBlock';
      }
      if (line === '') {
        if (sm.context.length) return null;
        return 'QuotedLiteralBlock';
      }
      if (c === 32) {
        sm.quotedMessages = [...sm.quotedMessages, pending(3, 'Unexpected indentation.', sm.absLineNumber())];
        sm.previousLine();
        return null;
      }
      if (sm.quote < 0 && isNonAlphaNum7Bit(c)) {
        sm.quote = c;
        sm.quotedLine = sm.absLineNumber();
        sm.context = [line];
        return 'QuotedLiteralBlock';
      }
    }
    if (sm.context.length) {
      sm.quotedMessages = [...sm.quotedMessages, pending(3, 'Inconsistent literal block quoting.', sm.absLineNumber())];
      sm.previousLine();
    }
    return null;
  },
  eof(sm) {
    if (sm.context.length) {
      const start = sm.quotedLine - 1;
      sm.addBlock('literal', start, start + sm.context.length, sm.physCol(start - sm.start));
      sm.doc.markLiteral(start, start + sm.context.length);
    } else {
      sm.message(2, 'Literal block expected; none found.', sm.absLineNumber());
      sm.previousLine();
    }
    commit(sm, sm.quotedMessages);
  },
};

// ---- definition lists ----

function definitionListItem(sm: Machine): boolean {
  const term = sm.context[0];
  sm.inline(sm.lineOffset - 1, 1, sm.absLineNumber() - 1);
  const termLine = sm.absLineOffset() - 1;
  const termCol = sm.physCol(sm.lineOffset - 1);
  const r = sm.getIndented();
  sm.mark('definition-item', termLine, sm.absLineOffset() + 1, termCol, r.view);
  if (term.endsWith('::')) {
    const text = 'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.';
    sm.report(1, text, sm.absLineNumber());
  }
  sm.nestedParse(r.view);
  return r.blankFinish;
}

/** Text.indent: a definition list. */
function definitionList(sm: Machine): StateName {
  // where a new list starts (the preview groups the items that follow it)
  const termLine = sm.absLineOffset() - 1;
  sm.mark('list-start', termLine, termLine + 1, sm.physCol(sm.lineOffset - 1));
  const blankFinish = definitionListItem(sm);
  sm.child('definition-list');
  const r = sm.nestedListParse('DefinitionList', blankFinish);
  sm.gotoLineSafe(r.offset);
  if (!r.blankFinish) sm.unindentWarning('Definition list');
  sm.context = [];
  return 'Body';
}

const DEFINITION_LIST_HANDLERS = {
  [T_TEXT]: (sm: Machine): StateName => {
    sm.context = [sm.line!];
    return 'Definition';
  },
};

STATES.DefinitionList = {
  check: (sm, only) => specializedCheck(sm, only, 'DefinitionList', DEFINITION_LIST_HANDLERS),
  eof() {},
};

STATES.Definition = {
  check(sm, only) {
    if (matchText(sm.line!, only) !== T_INDENT) return null;
    sm.blankFinish = definitionListItem(sm);
    sm.context = [];
    return 'DefinitionList';
  },
  eof(sm) {
    sm.previousLine(2);
  },
};

// ---- section titles ----

function pyLeadingSpaceAt(s: string): number {
  return s.length - pyLstrip(s).length;
}

function pending(level: 1 | 2 | 3 | 4, text: string, line: number): MessageRec {
  return { line: line - 1, level, text };
}

function commit(sm: Machine, messages: MessageRec[]): void {
  for (const m of messages) {
    sm.sink?.push(m);
    sm.child('message');
  }
}

/**
 * The title's messages when docutils then rejects the title: its reporter printed them when it
 * made them (Sphinx's log has them), but they are not in the document.
 */
function detach(sm: Machine, messages: MessageRec[]): void {
  for (const m of messages) sm.sink?.push({ ...m, detached: true });
}

/** Text.underline: the current line underlines the previous one. */
function underline(sm: Machine): StateName | Correction | null {
  const lineno = sm.absLineNumber();
  const title = pyRstrip(sm.context[0]);
  const adornment = pyRstrip(sm.line!);
  const messages: MessageRec[] = [];
  if (columnWidth(title) > adornment.length) {
    if (adornment.length < 4) {
      if (sm.matchTitles) sm.message(1, 'Possible title underline, too short for the title.', lineno);
      return RETRY_AS_TEXT;
    }
    messages.push(pending(2, 'Title underline too short.', lineno));
  }
  sm.context = [];
  if (!sm.matchTitles) {
    commit(sm, messages);
    sm.message(4, 'Unexpected section title.', lineno);
    return 'Body';
  }
  const line = sm.absLineOffset();
  return section(sm, title, adornment[0], lineno - 1, messages, -1, line - 1, line) ? null : 'Body';
}

/** Line.eof: an adornment line at the end of a section or the document is a transition. */
STATES.Line = {
  check(sm, only) {
    switch (matchText(sm.line!, only)) {
      case T_BLANK:
        if (pyStrip(sm.context[0]).length < 4) return stateCorrection(sm, 1);
        addTransition(sm, sm.absLineOffset() - 1);
        sm.context = [];
        return 'Body';
      case T_LINE:
        return lineUnderline(sm);
      default:
        return overlinedTitle(sm);
    }
  },
  eof(sm) {
    const marker = pyStrip(sm.context[0]);
    if (sm.doc.bubbleKludge) sm.doc.bubbleKludge = false;
    else if (marker.length < 4) return stateCorrection(sm, 1);
    if (sm.eofcheck) addTransition(sm, sm.start + sm.length - 1);
    sm.eofcheck = true;
    return undefined;
  },
};

function addTransition(sm: Machine, line: number): void {
  const node = sm.node;
  if (node) sm.doc.transitions.push({ line, node, index: node.count, previous: node.last });
  sm.mark('transition', line, line + 1, sm.physCol(line - sm.start));
  sm.child('transition');
}

function stateCorrection(sm: Machine, lines: number): Correction {
  sm.previousLine(lines);
  sm.context = [];
  return BODY_AS_TEXT;
}

function shortOverline(sm: Machine, lineno: number, lines: number): Correction {
  sm.message(1, 'Possible incomplete section title.', lineno);
  return stateCorrection(sm, lines);
}

/** Line.text (and Line.indent): the line after an overline, a title if an underline follows. */
function overlinedTitle(sm: Machine): StateName | Correction | null {
  const lineno = sm.absLineNumber() - 1;
  let overline = sm.context[0];
  let title = sm.line!;
  let under: string;
  try {
    under = sm.nextLine();
  } catch (e) {
    if (e !== EOF) throw e;
    if (pyRstrip(overline).length < 4) return shortOverline(sm, lineno, 2);
    sm.message(4, 'Incomplete section title.', lineno);
    sm.context = [];
    return 'Body';
  }
  overline = pyRstrip(overline);
  under = pyRstrip(under);
  let problem = '';
  if (!isAdornment(under)) problem = 'Missing matching underline for section title overline.';
  else if (overline !== under) problem = 'Title overline & underline mismatch.';
  if (problem) {
    if (overline.length < 4) return shortOverline(sm, lineno, 2);
    sm.message(4, problem, lineno);
    sm.context = [];
    return 'Body';
  }
  title = pyRstrip(title);
  const messages: MessageRec[] = [];
  if (columnWidth(title) > overline.length) {
    if (overline.length < 4) return shortOverline(sm, lineno, 2);
    messages.push(pending(2, 'Title overline too short.', lineno));
  }
  sm.eofcheck = false;
  const line = sm.absLineOffset();
  if (section(sm, pyLstrip(title), overline[0] + under[0], lineno + 1, messages, line - 2, line - 1, line)) return null;
  sm.eofcheck = true;
  sm.context = [];
  return 'Body';
}

/** Line.underline: two adornment lines in a row. */
function lineUnderline(sm: Machine): StateName | Correction {
  const overline = sm.context[0];
  const lineno = sm.absLineNumber() - 1;
  if (pyRstrip(overline).length < 4) return shortOverline(sm, lineno, 1);
  sm.message(3, 'Invalid section title or transition marker.', lineno);
  sm.context = [];
  return 'Body';
}

/** RSTState.section: check_subsection, then new_subsection. True: EOFError (end this machine). */
function section(
  sm: Machine,
  title: string,
  style: string,
  lineno: number,
  messages: MessageRec[],
  overlineLine: number,
  titleLine: number,
  underlineLine: number,
): boolean {
  const doc = sm.doc;
  const mylevel = doc.sectionLevel;
  const index = doc.titleStyles.indexOf(style);
  if (index < 0) {
    if (doc.titleStyles.length !== mylevel) {
      sm.message(4, 'Title level inconsistent:', lineno);
      detach(sm, messages);
      return false;
    }
    doc.titleStyles.push(style);
  } else {
    const level = index + 1;
    if (level <= mylevel) {
      // a sibling or a parent section: let the parent section's state machine re-read the title
      doc.sectionLevel = level;
      if (style.length === 2) doc.bubbleKludge = true;
      sm.previousLine(style.length + 1);
      return true;
    }
    if (level !== mylevel + 1) {
      sm.message(4, 'Title level inconsistent:', lineno);
      detach(sm, messages);
      return false;
    }
  }
  // new_subsection
  const rel = titleLine - sm.start;
  sm.inline(rel, 1, lineno, 0, pyLeadingSpaceAt(sm.textAt(rel)));
  doc.sectionLevel++;
  doc.sections.push({ title, level: mylevel + 1, style, overlineLine, titleLine, underlineLine });
  // the section node joins its parent; the title's messages are the section's first children
  const node = sm.node ? newNode(sm.node, true) : null;
  sm.child('section');
  const child = new Machine(doc, sm.suffix(sm.lineOffset + 1), true, sm.sink, sm.depth, node);
  commit(child, messages);
  sm.gotoLineSafe(child.run('Body'));
  if (doc.sectionLevel <= mylevel) return true;
  doc.sectionLevel = mylevel;
  return false;
}
