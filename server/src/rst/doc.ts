// The document being built by one parse: the lines in docutils' view, the records of blocks,
// sections and messages, the queue of nested blocks still to parse (see machine.ts), and views:
// contiguous ranges of lines, each cut at a column (the first line possibly at another one).
import type { BlockKind, InlineText } from './types';
import { isPyBlank, isPyWhitespace } from './lines';

export interface View {
  readonly start: number;
  readonly end: number;
  readonly firstCol: number;
  readonly col: number;
}

export interface BlockRec {
  kind: BlockKind;
  startLine: number;
  endLine: number;
  indent: number;
  name?: string;
  argument?: string;
  depth: number;
  seq: number;
}

/**
 * A node the preview needs that is not a Block: a definition list item (from its term), a field,
 * an option list item, a line of a line block, a transition, a doctest block. Recorded with the
 * blocks' depth and seq so both sort into one document order.
 */
export interface MarkRec {
  kind:
    | 'definition-item'
    | 'field'
    | 'option-item'
    | 'line'
    | 'transition'
    | 'doctest'
    | 'footnote'
    | 'citation'
    | 'target'
    | 'malformed-table'
    | 'attribution'
    | 'list-start';
  startLine: number;
  /** Exclusive, trailing blank lines not included. */
  endLine: number;
  indent: number;
  /** Where the item's body starts (line, column): a definition, a field body, an option's description. */
  bodyLine: number;
  bodyCol: number;
  depth: number;
  seq: number;
}

export interface SectionRec {
  title: string;
  level: number;
  style: string;
  overlineLine: number;
  titleLine: number;
  underlineLine: number;
}

/**
 * A text docutils parses for inline markup (a paragraph, a title, a term, a line of a line block):
 * lines start..end-1 cut at firstCol/col, less `cut` characters at the end (a paragraph's `::`).
 * `lineno` is docutils' 1-based line for its messages; `sink` says where they would go.
 */
export interface InlineRec extends View {
  lineno: number;
  cut: number;
  sink: MessageRec[];
}

/** Explicit markup that names something: a target, footnote, citation or substitution definition. */
export interface ExplicitRec {
  kind: 'target' | 'anonymous' | 'footnote' | 'citation' | 'substitution';
  /** As written (a label, a target or substitution name); '' for anonymous targets. */
  name: string;
  /** A target's URI (null: internal or indirect). */
  uri: string | null;
  /** An indirect target's reference name (`.. _a: b_`), as written; always present (undefined: none), one shape for all. */
  refname: string | undefined;
  line: number;
  sink: MessageRec[];
}

/** A directive as written: where its name is and what it was given (for the name and option checks). */
export interface DirectiveRec {
  name: string;
  line: number;
  /** Column of the name in docutils' (expanded) line. */
  col: number;
  argument: string;
  options: string[];
  /** Lines of content (the argument block included, for a directive without arguments). */
  hasContent: boolean;
  /** The error docutils' own parse of the block gives, for the directives docutils knows. */
  error: string;
  known: boolean;
  sink: MessageRec[] | null;
}

export interface MessageRec {
  line: number;
  level: 1 | 2 | 3 | 4;
  text: string;
  /** 0-based line of the exact mistake, where docutils reports another line (see ParseMessage). */
  at?: number;
  /** See ParseMessage.detached. */
  detached?: boolean;
}

/**
 * The children docutils appends to one node, counted only where a directive checks them
 * (list-table: exactly one bullet list whose items each hold exactly one bullet list; table:
 * exactly one table). `list` is the node of the first child when that is a bullet list.
 */
export interface NodeInfo {
  count: number;
  first: string;
  list: NodeInfo | null;
  items: NodeInfo[];
  /** The kind of the last child (for transitions: is the one before a transition one too?). */
  last: string;
  /** For the document and sections: the parent section's node and this node's index in it. */
  up: NodeInfo | null;
  index: number;
  /** The document's or a section's node: its lists' shapes are never checked (no NodeInfo for them). */
  section: boolean;
}

export function newNode(up: NodeInfo | null = null, section = false): NodeInfo {
  return { count: 0, first: '', list: null, items: [], last: '', up, index: up ? up.count : 0, section };
}

/** A transition docutils put in a section (or the document), for its Transitions transform. */
export interface TransitionRec {
  /** 0-based line of the marker. */
  line: number;
  node: NodeInfo;
  index: number;
  previous: string;
}

/** A directive whose content docutils discards, messages included, unless it has the right shape. */
export interface ContentCheck {
  directive: 'list-table' | 'table';
  lineno: number;
  node: NodeInfo;
  sink: MessageRec[];
  parentSink: MessageRec[] | null;
}

export interface Job {
  view: View;
  depth: number;
  /** Where the job's messages go; null: nowhere (the body of a directive docutils doesn't know). */
  sink: MessageRec[] | null;
  node: NodeInfo | null;
  /** The content of a sidebar (where a topic is allowed). */
  sidebar: boolean;
}

/** Everything one parse shares: docutils' `memo` and the document being built. */
export class Doc {
  readonly n: number;
  /** For each line, the first non-blank line at or after it (n if none). */
  readonly nextNonBlank: Int32Array;
  /** For each line, the last non-blank line at or before it (-1 if none). */
  readonly prevNonBlank: Int32Array;
  /** For each line, how many leading (Python) whitespace characters it has. */
  readonly lead: Int32Array;
  readonly literal: Uint8Array;
  readonly messages: MessageRec[] = [];
  readonly blocks: BlockRec[] = [];
  readonly marks: MarkRec[] = [];
  readonly sections: SectionRec[] = [];
  readonly jobs: Job[] = [];
  readonly checks: ContentCheck[] = [];
  readonly inlines: InlineRec[] = [];
  readonly explicit: ExplicitRec[] = [];
  readonly directives: DirectiveRec[] = [];
  /** The inline texts of table cells (each cell is parsed as a document of its own: tables.ts). */
  readonly cellTexts: { text: InlineText; sink: MessageRec[] }[] = [];
  readonly cellExplicit: ExplicitRec[] = [];
  readonly cellDirectives: DirectiveRec[] = [];
  /** Sinks whose messages docutils drops (a list-table or table of the wrong shape). */
  readonly dropped = new Set<MessageRec[]>();
  /** A settled check's sink → the sink its messages went on to. */
  readonly parents = new Map<MessageRec[], MessageRec[] | null>();
  readonly transitions: TransitionRec[] = [];
  readonly titleStyles: string[] = [];
  sectionLevel = 0;
  bubbleKludge = false;
  seq = 0;

  constructor(readonly exp: string[]) {
    const n = (this.n = exp.length);
    this.nextNonBlank = new Int32Array(n + 1);
    this.prevNonBlank = new Int32Array(n + 1);
    this.literal = new Uint8Array(n);
    this.lead = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const line = exp[i];
      let k = 0;
      while (line.charCodeAt(k) === 32) k++;
      if (k < line.length && line.charCodeAt(k) > 32 && line.charCodeAt(k) < 0x85) {
        this.lead[i] = k;
        continue;
      }
      while (k < line.length && isPyWhitespace(line.charCodeAt(k))) k++;
      this.lead[i] = k;
    }
    let last = -1;
    for (let i = 0; i < n; i++) this.prevNonBlank[i] = last = exp[i] === '' ? last : i;
    let next = n;
    this.nextNonBlank[n] = n;
    for (let i = n - 1; i >= 0; i--) this.nextNonBlank[i] = next = exp[i] === '' ? next : i;
  }

  /** End (exclusive) of the lines start..end-1 without their trailing blank lines. */
  trimEnd(start: number, end: number): number {
    if (end <= start) return start + 1;
    const q = this.prevNonBlank[Math.min(end, this.n) - 1];
    return q >= start ? q + 1 : start + 1;
  }

  /** Whether messages put in `sink` reach the document (see InlineRec). */
  live(sink: MessageRec[] | null): boolean {
    for (let s = sink, depth = 0; s && depth < 1000; depth++) {
      if (s === this.messages) return true;
      if (this.dropped.has(s)) return false;
      s = this.parents.get(s) ?? null;
    }
    return false;
  }

  markLiteral(start: number, end: number): void {
    for (let i = start; i < end; i++) this.literal[i] = 1;
  }
}

export function viewText(doc: Doc, v: View, rel: number): string {
  const s = doc.exp[v.start + rel];
  const c = rel === 0 ? v.firstCol : v.col;
  return c === 0 ? s : s.slice(c);
}

/** `while indented and not indented[0].strip(): indented.trim_start()` */
export function trimLeadingBlank(doc: Doc, v: View): View {
  if (v.end <= v.start || !isPyBlank(viewText(doc, v, 0))) return v;
  const start = Math.min(doc.nextNonBlank[v.start + 1] ?? v.end, v.end);
  return { start, end: v.end, firstCol: v.col, col: v.col };
}

/** `while indented and not indented[-1].strip(): indented.trim_end()` */
export function trimTrailingBlank(doc: Doc, v: View): View {
  let end = v.end;
  if (end - v.start > 1) {
    const q = doc.prevNonBlank[end - 1];
    end = q >= v.start + 1 ? q + 1 : v.start + 1;
  }
  if (end - v.start === 1 && isPyBlank(viewText(doc, v, 0))) end = v.start;
  return end === v.end ? v : { start: v.start, end, firstCol: v.firstCol, col: v.col };
}
