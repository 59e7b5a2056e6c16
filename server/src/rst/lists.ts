// Bullet, enumerated, field and option lists and line blocks: Body's transitions for their first
// item and the specialized states (BulletList, EnumeratedList, ...) for the items after it.
import { isPyWhitespace } from './lines';
import { BlockRec, Correction, EOF, Machine, NodeInfo, RETRY_AS_TEXT, STATES, StateName, newNode } from './machine';
import { M, T_BULLET, T_ENUMERATOR, T_FIELD_MARKER, T_LINE_BLOCK, T_OPTION_MARKER, makeEnumerator, parseEnumerator } from './patterns';
import { Handler, invalidInput, specializedCheck } from './specialized';

/** Body.list_item: the item's lines are the ones indented past the marker. */
function listItem(sm: Machine, indent: number, list: BlockRec, info: NodeInfo | null = null): boolean {
  const markerLine = sm.absLineOffset();
  const col = sm.physCol(sm.lineOffset);
  const r = sm.line!.length > indent ? sm.getKnownIndented(indent) : sm.getFirstKnownIndented(indent);
  const item = sm.addBlock('list-item', markerLine, sm.absLineOffset() + 1, col);
  if (item.endLine > list.endLine) list.endLine = item.endLine;
  let node: NodeInfo | null = null;
  if (info) info.items.push((node = newNode()));
  sm.nestedParse(r.view, sm.sink, node);
  return r.blankFinish;
}

export function bullet(sm: Machine): StateName {
  const end = M.end;
  const list = sm.addBlock('bullet-list', sm.absLineOffset(), sm.absLineOffset() + 1, sm.physCol(sm.lineOffset));
  const char = sm.line![0];
  const info = sm.node && !sm.node.section ? newNode() : null;
  if (info && sm.node!.count === 1) sm.node!.list = info;
  const blankFinish = listItem(sm, end, list, info);
  const r = sm.nestedListParse(
    'BulletList',
    blankFinish,
    (m) => {
      m.bullet = char;
      m.list = list;
    },
    info,
  );
  sm.gotoLineSafe(r.offset);
  if (!r.blankFinish) sm.unindentWarning('Bullet list');
  return 'Body';
}

const BULLETLIST_HANDLERS: Partial<Record<number, Handler>> = {
  [T_BULLET]: (sm) => {
    if (sm.line![0] !== sm.bullet) return invalidInput(sm);
    sm.blankFinish = listItem(sm, M.end, sm.list!, sm.node);
    return 'BulletList';
  },
};

STATES.BulletList = {
  check: (sm, only) => specializedCheck(sm, only, 'BulletList', BULLETLIST_HANDLERS),
  eof() {},
};

/** Body.is_enumerated_list_item: the next line must be blank, indented or the next item. */
function isEnumeratedListItem(sm: Machine, ordinal: number | null, sequence: string, format: number): boolean {
  if (ordinal === null) return false;
  let next: string;
  try {
    next = sm.nextLine();
  } catch (e) {
    if (e !== EOF) throw e;
    sm.previousLine();
    return true;
  }
  sm.previousLine();
  if (next === '' || isPyWhitespace(next.charCodeAt(0))) return true;
  const r = makeEnumerator(ordinal + 1, sequence, format);
  return r !== null && (next.startsWith(r[0]) || next.startsWith(r[1]));
}

export function enumerator(sm: Machine): StateName | Correction {
  const end = M.end;
  const e = parseEnumerator(null);
  if (!isEnumeratedListItem(sm, e.ordinal, e.sequence, e.format)) return RETRY_AS_TEXT;
  const list = sm.addBlock('enumerated-list', sm.absLineOffset(), sm.absLineOffset() + 1, sm.physCol(sm.lineOffset));
  if (e.ordinal !== 1) sm.child('message'); // docutils' INFO "Enumerated list start value not ordinal-1"
  const enumType = e.sequence === '#' ? 'arabic' : e.sequence;
  const blankFinish = listItem(sm, end, list);
  const r = sm.nestedListParse('EnumeratedList', blankFinish, (m) => {
    m.lastOrdinal = e.ordinal!;
    m.enumFormat = e.format;
    m.enumAuto = e.sequence === '#';
    m.enumType = enumType;
    m.list = list;
  });
  sm.gotoLineSafe(r.offset);
  if (!r.blankFinish) sm.unindentWarning('Enumerated list');
  return 'Body';
}

const ENUMERATEDLIST_HANDLERS: Partial<Record<number, Handler>> = {
  [T_ENUMERATOR]: (sm) => {
    const end = M.end;
    const e = parseEnumerator(sm.enumType);
    if (
      e.format !== sm.enumFormat ||
      (e.sequence !== '#' && (e.sequence !== sm.enumType || sm.enumAuto || e.ordinal !== sm.lastOrdinal + 1)) ||
      !isEnumeratedListItem(sm, e.ordinal, e.sequence, e.format)
    ) {
      return invalidInput(sm);
    }
    if (e.sequence === '#') sm.enumAuto = true;
    sm.blankFinish = listItem(sm, end, sm.list!);
    sm.lastOrdinal = e.ordinal!;
    return 'EnumeratedList';
  },
};

STATES.EnumeratedList = {
  check: (sm, only) => specializedCheck(sm, only, 'EnumeratedList', ENUMERATEDLIST_HANDLERS),
  eof() {},
};

/** Body.field: the field body is the text after the marker and the lines indented below it. */
function field(sm: Machine, list: BlockRec): boolean {
  const start = sm.absLineOffset();
  // the field name (between the marker's colons) is inline text: parse_field_marker, inline_text
  const line = sm.line!;
  const name = line.slice(1, line.slice(0, M.end).trimEnd().length - 1);
  sm.inline(sm.lineOffset, 1, start + 1, line.length - 1 - name.length, 1);
  const r = sm.getFirstKnownIndented(M.end);
  const end = sm.doc.trimEnd(start, sm.absLineOffset() + 1);
  if (end > list.endLine) list.endLine = end;
  sm.mark('field', start, end, list.indent, r.view);
  sm.nestedParse(r.view);
  return r.blankFinish;
}

export function fieldMarker(sm: Machine): StateName {
  const list = sm.addBlock('field-list', sm.absLineOffset(), sm.absLineOffset() + 1, sm.physCol(sm.lineOffset));
  const blankFinish = field(sm, list);
  const r = sm.nestedListParse('FieldList', blankFinish, (m) => {
    m.list = list;
  });
  sm.gotoLineSafe(r.offset);
  if (!r.blankFinish) sm.unindentWarning('Field list');
  return 'Body';
}

const FIELDLIST_HANDLERS: Partial<Record<number, Handler>> = {
  [T_FIELD_MARKER]: (sm) => {
    sm.blankFinish = field(sm, sm.list!);
    return 'FieldList';
  },
};

STATES.FieldList = {
  check: (sm, only) => specializedCheck(sm, only, 'FieldList', FIELDLIST_HANDLERS),
  eof() {},
};

/** Body.option_list_item: an option without a description is ordinary text. */
function optionListItem(sm: Machine): boolean | Correction {
  const offset = sm.absLineOffset();
  const r = sm.getFirstKnownIndented(M.end);
  if (r.view.end <= r.view.start) {
    sm.gotoLineSafe(offset);
    return RETRY_AS_TEXT;
  }
  sm.mark('option-item', offset, sm.absLineOffset() + 1, sm.physCol(offset - sm.start), r.view);
  sm.nestedParse(r.view);
  return r.blankFinish;
}

export function optionMarker(sm: Machine): StateName | Correction {
  const blankFinish = optionListItem(sm);
  if (typeof blankFinish !== 'boolean') return blankFinish;
  sm.child('option-list');
  const r = sm.nestedListParse('OptionList', blankFinish);
  sm.gotoLineSafe(r.offset);
  if (!r.blankFinish) sm.unindentWarning('Option list');
  return 'Body';
}

const OPTIONLIST_HANDLERS: Partial<Record<number, Handler>> = {
  [T_OPTION_MARKER]: (sm) => {
    const blankFinish = optionListItem(sm);
    if (typeof blankFinish !== 'boolean') return blankFinish;
    sm.blankFinish = blankFinish;
    return 'OptionList';
  },
};

STATES.OptionList = {
  check: (sm, only) => specializedCheck(sm, only, 'OptionList', OPTIONLIST_HANDLERS),
  eof() {},
};

export function lineBlock(sm: Machine): StateName {
  const lineno = sm.absLineNumber();
  sm.child('line-block');
  const col = sm.physCol(sm.lineOffset);
  const first = sm.getFirstKnownIndented(M.end, true);
  sm.mark('line', lineno - 1, sm.absLineOffset() + 1, col, first.view);
  sm.inlineView(first.view, lineno);
  let blankFinish = first.blankFinish;
  if (!blankFinish) {
    const r = sm.nestedListParse('LineBlock', false);
    sm.gotoLineSafe(r.offset);
    blankFinish = r.blankFinish;
  }
  if (!blankFinish) sm.message(2, 'Line block ends without a blank line.', lineno + 1);
  return 'Body';
}

const LINEBLOCK_HANDLERS: Partial<Record<number, Handler>> = {
  [T_LINE_BLOCK]: (sm) => {
    const lineno = sm.absLineNumber();
    const col = sm.physCol(sm.lineOffset);
    const r = sm.getFirstKnownIndented(M.end, true);
    sm.mark('line', lineno - 1, sm.absLineOffset() + 1, col, r.view);
    sm.inlineView(r.view, lineno);
    sm.blankFinish = r.blankFinish;
    return 'LineBlock';
  },
};

STATES.LineBlock = {
  check: (sm, only) => specializedCheck(sm, only, 'LineBlock', LINEBLOCK_HANDLERS, true),
  eof() {},
};
