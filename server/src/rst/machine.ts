// A port of docutils' line-oriented state machine (docutils/statemachine.py: StateMachine,
// StateMachineWS, StringList), over "views" of the document instead of copied line lists.
//
// docutils parses a nested construct (a list item, a block quote, a directive body) by running a
// new state machine over the construct's lines with their indentation removed. Here such a block
// is a View: a contiguous range of physical lines plus the column each line is cut at (the first
// line may be cut elsewhere, after a list marker for instance). Nothing is copied.
//
// Two kinds of nesting: a state machine whose result the caller needs (a section body, the
// second and later items of a list, a quoted literal block) runs at once, as in docutils, and
// that nesting is shallow (sections: at most one level per title style). The body of a list item,
// block quote, field, definition or directive cannot change how its surroundings parse, so it is
// queued as a Job and parsed later from a flat loop: 10,000 nested lists need no deep recursion.
import { ALL, T_TEXT } from './patterns';
import { BlockRec, Doc, MarkRec, MessageRec, NodeInfo, View, trimLeadingBlank, viewText } from './doc';
import type { BlockKind } from './types';
import { isPyWhitespace } from './lines';

export * from './doc';

export type StateName =
  | 'Body'
  | 'BulletList'
  | 'EnumeratedList'
  | 'FieldList'
  | 'OptionList'
  | 'LineBlock'
  | 'Explicit'
  | 'DefinitionList'
  | 'Definition'
  | 'Text'
  | 'Line'
  | 'QuotedLiteralBlock';

/** docutils' EOFError, also used to end a nested state machine. A plain object: no stack trace. */
export const EOF = { eof: true } as const;
export class TransitionCorrection {
  constructor(readonly transition: number) {}
}
export class StateCorrection {
  constructor(
    readonly state: StateName,
    readonly transition: number,
  ) {}
}
export type Correction = TransitionCorrection | StateCorrection;
/** docutils raises these; here they are returned (a thrown exception costs microseconds). */
export const RETRY_AS_TEXT = new TransitionCorrection(T_TEXT);
export const BODY_AS_TEXT = new StateCorrection('Body', T_TEXT);

export interface StateDef {
  /**
   * Match the current line against the state's transitions and run the matching one; null
   * stands for docutils' EOFError raised by the transition (end this state machine).
   */
  check(sm: Machine, only: number): StateName | Correction | null;
  eof(sm: Machine): Correction | void;
}

/** Filled in by body.ts, lists.ts, explicit.ts and text.ts (parse.ts imports them all). */
export const STATES = {} as Record<StateName, StateDef>;

const NO_CONTEXT: string[] = [];
const NO_MESSAGES: MessageRec[] = [];

export interface Indented {
  view: View;
  indent: number;
  blankFinish: boolean;
}

export class Machine {
  lineOffset = -1;
  line: string | null = null;
  context: string[] = NO_CONTEXT;
  // Attributes docutils keeps on the state objects of one state machine:
  blankFinish = true;
  bullet = '';
  enumType = '';
  enumFormat = 0;
  enumAuto = false;
  lastOrdinal = 0;
  eofcheck = true;
  list: BlockRec | null = null;
  quote = -1;
  quotedLine = 0;
  quotedMessages: MessageRec[] = NO_MESSAGES;
  readonly length: number;

  constructor(
    readonly doc: Doc,
    readonly view: View,
    readonly matchTitles: boolean,
    readonly sink: MessageRec[] | null,
    readonly depth: number,
    readonly node: NodeInfo | null = null,
    /** This state machine's node is a sidebar (docutils: `isinstance(state_machine.node, sidebar)`). */
    readonly sidebar = false,
  ) {
    this.length = view.end - view.start;
  }

  /** A node appended to this state machine's parent node (see NodeInfo). */
  child(kind: string): void {
    const node = this.node;
    if (!node) return;
    if (++node.count === 1) node.first = kind;
    node.last = kind;
  }

  get start(): number {
    return this.view.start;
  }

  colOf(rel: number): number {
    return rel === 0 ? this.view.firstCol : this.view.col;
  }

  textAt(rel: number): string {
    if (rel < 0) rel += this.length;
    return viewText(this.doc, this.view, rel);
  }

  /** Column of the first non-space character of a line, in the whole (expanded) line. */
  physCol(rel: number): number {
    if (rel < 0) rel += this.length;
    return this.colOf(rel) + (this.blankAt(rel) ? 0 : this.leadAt(rel));
  }

  /** Is the line blank as this state machine sees it? */
  blankAt(rel: number): boolean {
    return this.doc.exp[this.view.start + rel].length <= this.colOf(rel);
  }

  /** Leading whitespace of a non-blank line as this state machine sees it. */
  private leadAt(rel: number): number {
    const p = this.view.start + rel;
    const c = this.colOf(rel);
    const lead = this.doc.lead[p];
    if (lead >= c) return lead - c;
    const s = this.doc.exp[p];
    let k = c;
    while (k < s.length && isPyWhitespace(s.charCodeAt(k))) k++;
    return k - c;
  }

  private load(): string {
    let i = this.lineOffset;
    if (i < 0) i += this.length; // Python's negative indexing
    if (i < 0 || i >= this.length) {
      this.line = null;
      throw EOF;
    }
    return (this.line = this.textAt(i));
  }

  nextLine(n = 1): string {
    this.lineOffset += n;
    return this.load();
  }

  previousLine(n = 1): string | null {
    this.lineOffset -= n;
    this.line = this.lineOffset < 0 || this.lineOffset >= this.length ? null : this.textAt(this.lineOffset);
    return this.line;
  }

  gotoLine(abs: number): string {
    this.lineOffset = abs - this.view.start;
    return this.load();
  }

  /** RSTState.goto_line: jump, ignoring jumps past the end. */
  gotoLineSafe(abs: number): void {
    // gotoLine with its EOFError caught, without throwing (jumps past the end are common).
    this.lineOffset = abs - this.view.start;
    let i = this.lineOffset;
    if (i < 0) i += this.length; // Python's negative indexing
    this.line = i < 0 || i >= this.length ? null : this.textAt(i);
  }

  isNextLineBlank(): boolean {
    let i = this.lineOffset + 1;
    if (i < 0) i += this.length;
    if (i < 0 || i >= this.length) return true;
    return this.blankAt(i);
  }

  atEof(): boolean {
    return this.lineOffset >= this.length - 1;
  }

  absLineOffset(): number {
    return this.view.start + this.lineOffset;
  }

  /** 1-based, like docutils' abs_line_number(). */
  absLineNumber(): number {
    return this.view.start + this.lineOffset + 1;
  }

  /** The lines from `rel` (relative) to the end, as a view. */
  suffix(rel: number): View {
    const v = this.view;
    const start = Math.min(v.start + Math.max(rel, 0), v.end);
    return { start, end: v.end, firstCol: rel <= 0 ? v.firstCol : v.col, col: v.col };
  }

  // ---- StringList.get_text_block / get_indented, on this machine's lines ----

  /** Length of the text block at `start`; `indentedAt` is the offending line with flush_left. */
  textBlock(start: number, flushLeft: boolean): { count: number; indentedAt: number } {
    let end = start;
    const exp = this.doc.exp;
    while (end < this.length) {
      const c = this.colOf(end);
      const line = exp[this.view.start + end];
      if (line.length <= c) break;
      if (flushLeft && line.charCodeAt(c) === 32) return { count: end - start, indentedAt: end };
      end++;
    }
    return { count: end - start, indentedAt: -1 };
  }

  indented(
    start: number,
    untilBlank: boolean,
    stripIndent: boolean,
    blockIndent: number | null,
    firstIndent: number | null,
  ): Indented & { count: number } {
    const doc = this.doc;
    let indent = blockIndent;
    let end = start;
    if (blockIndent !== null && firstIndent === null) firstIndent = blockIndent;
    if (firstIndent !== null) end++;
    const last = this.length;
    let blankFinish = true;
    const exp = doc.exp;
    const vstart = this.view.start;
    while (end < last) {
      const c = this.colOf(end);
      const line = exp[vstart + end];
      if (line.length > c) {
        if (line.charCodeAt(c) !== 32 || (blockIndent !== null && this.leadAt(end) < blockIndent)) {
          blankFinish = end > start && this.blankAt(end - 1);
          break;
        }
        if (blockIndent === null) {
          const ls = this.leadAt(end);
          if (indent === null || ls < indent) indent = ls;
        }
        end++;
      } else if (untilBlank) {
        blankFinish = true;
        break;
      } else if (end > 0) {
        // a run of blank lines (lines after the first are blank in the view iff blank on disk)
        end = Math.min(doc.nextNonBlank[vstart + end], this.view.end) - vstart;
      } else {
        end++;
      }
    }
    const strip = stripIndent && indent ? indent : 0;
    const view: View = {
      start: this.view.start + start,
      end: this.view.start + end,
      firstCol: this.colOf(start) + (firstIndent !== null ? firstIndent : strip),
      col: this.view.col + strip,
    };
    return { view, indent: indent ?? 0, blankFinish, count: end - start };
  }

  // ---- StateMachineWS ----

  getTextBlock(flushLeft: boolean): { count: number; indentedAt: number } {
    const r = this.textBlock(this.lineOffset, flushLeft);
    this.nextLine(r.count - 1);
    return r;
  }

  getIndented(untilBlank = false, stripIndent = true): Indented {
    const r = this.indented(this.lineOffset, untilBlank, stripIndent, null, null);
    if (r.count) this.nextLine(r.count - 1);
    return { view: trimLeadingBlank(this.doc, r.view), indent: r.indent, blankFinish: r.blankFinish };
  }

  getKnownIndented(indent: number, untilBlank = false, stripIndent = true): Indented {
    const r = this.indented(this.lineOffset, untilBlank, stripIndent, indent, null);
    this.nextLine(r.count - 1);
    return { view: trimLeadingBlank(this.doc, r.view), indent, blankFinish: r.blankFinish };
  }

  getFirstKnownIndented(indent: number, untilBlank = false, stripIndent = true, stripTop = true): Indented {
    const r = this.indented(this.lineOffset, untilBlank, stripIndent, null, indent);
    this.nextLine(r.count - 1);
    const view = stripTop ? trimLeadingBlank(this.doc, r.view) : r.view;
    return { view, indent: r.indent, blankFinish: r.blankFinish };
  }

  // ---- StateMachine.run ----

  run(initial: StateName): number {
    this.lineOffset = -1;
    this.line = null;
    this.context = NO_CONTEXT;
    let state = initial;
    let transitions = ALL;
    for (;;) {
      let result: StateName | Correction | null = null;
      try {
        if (this.lineOffset >= -1 && this.lineOffset + 1 >= this.length) {
          this.lineOffset++; // next_line() at the end: EOFError
          this.line = null;
        } else {
          try {
            this.nextLine();
            result = STATES[state].check(this, transitions);
          } catch (e) {
            if (e !== EOF) throw e;
          }
        }
        if (result === null) {
          const corrected = STATES[state].eof(this);
          if (!corrected) break;
          result = corrected;
        }
      } catch (e) {
        if (!(e instanceof TransitionCorrection || e instanceof StateCorrection)) throw e;
        result = e;
      }
      if (typeof result === 'string') {
        state = result;
        transitions = ALL;
        continue;
      }
      this.previousLine(); // back up for another try
      if (result instanceof StateCorrection) state = result.state;
      transitions = result.transition;
    }
    return this.view.start + this.lineOffset;
  }

  /** RSTState.nested_list_parse: run at once, on the lines after the current one. */
  nestedListParse(
    initial: StateName,
    blankFinish: boolean,
    setup?: (m: Machine) => void,
    node: NodeInfo | null = null,
    sameNode = false,
  ): { offset: number; blankFinish: boolean } {
    // `sameNode`: explicit_list, whose state machine appends to the same node (and keeps match_titles)
    const view = this.suffix(this.lineOffset + 1);
    const m = sameNode
      ? new Machine(this.doc, view, this.matchTitles, this.sink, this.depth, this.node, this.sidebar)
      : new Machine(this.doc, view, false, this.sink, this.depth, node);
    m.blankFinish = blankFinish;
    setup?.(m);
    const offset = m.run(initial);
    return { offset, blankFinish: m.blankFinish };
  }

  /** RSTState.nested_parse of an indented block: queued (see the header). */
  nestedParse(view: View, sink = this.sink, node: NodeInfo | null = null, sidebar = false): void {
    if (view.end > view.start) this.doc.jobs.push({ view, depth: this.depth + 1, sink, node, sidebar });
  }

  // ---- recording ----

  /** A system message; `line` is docutils' 1-based line number. */
  message(level: 1 | 2 | 3 | 4, text: string, line: number): void {
    this.sink?.push({ line: line - 1, level, text });
    this.child('message');
  }

  unindentWarning(nodeName: string): void {
    this.message(2, `${nodeName} ends without a blank line; unexpected unindent.`, this.absLineNumber() + 1);
  }

  /** A message docutils attaches below this state machine's node (it is not one of its children). */
  report(level: 1 | 2 | 3 | 4, text: string, line: number): void {
    this.sink?.push({ line: line - 1, level, text });
  }

  /** Text docutils parses for inline markup: `count` lines from `rel`, from column `skip` of the first. */
  inline(rel: number, count: number, lineno: number, cut = 0, skip = 0): void {
    if (!this.sink || count <= 0) return;
    const v = this.view;
    this.doc.inlines.push({
      start: v.start + rel,
      end: v.start + rel + count,
      firstCol: this.colOf(rel) + skip,
      col: v.col,
      lineno,
      cut,
      sink: this.sink,
    });
  }

  /** The lines of a view as inline text (a line of a line block). */
  inlineView(view: View, lineno: number): void {
    // the same shape as inline()'s records (a spread would make another, and its readers polymorphic)
    if (this.sink && view.end > view.start) {
      this.doc.inlines.push({ start: view.start, end: view.end, firstCol: view.firstCol, col: view.col, lineno, cut: 0, sink: this.sink });
    }
  }

  /** A node for the preview only (see MarkRec); body: where its content starts. */
  mark(kind: MarkRec['kind'], start: number, end: number, indent: number, body?: View): void {
    const bodyLine = body && body.end > body.start ? body.start : -1;
    this.doc.marks.push({
      kind,
      startLine: start,
      endLine: this.doc.trimEnd(start, end),
      indent,
      bodyLine,
      bodyCol: body ? body.firstCol : 0,
      depth: this.depth,
      seq: this.doc.seq++,
    });
  }

  addBlock(kind: BlockKind, start: number, end: number, indent: number, node: string | null = kind): BlockRec {
    const rec: BlockRec = {
      kind,
      startLine: start,
      endLine: this.doc.trimEnd(start, end),
      indent,
      depth: this.depth,
      seq: this.doc.seq++,
    };
    this.doc.blocks.push(rec);
    if (node !== null && kind !== 'list-item') this.child(node);
    return rec;
  }
}
