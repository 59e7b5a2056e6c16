/** LSP-compatible position: 0-based line, UTF-16 code unit offset. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** What docutils (Python's str.splitlines) ends a line at besides \n, \r\n and \r; editors and LSP don't. */
export type LineSeparator = '\x1c' | '\x1d' | '\x1e' | '\x85' | '\u2028' | '\u2029';

export type LineEnding = '' | '\n' | '\r\n' | '\r' | LineSeparator;

export interface SourceLine {
  /** The line's text without its line ending (and without a leading BOM), lines split as docutils splits them. */
  readonly text: string;
  /** Offset of the line's first character in `SpecDocument.text`. */
  readonly offset: number;
  readonly eol: LineEnding;
}

export interface Section {
  /** The title as docutils reads it: tabs expanded, surrounding whitespace removed. */
  readonly title: string;
  /** 1 = outermost. The overlined document title, when there is one, is level 1. */
  readonly level: number;
  /** The adornment character; doubled (e.g. `==`) for overline+underline. */
  readonly style: string;
  readonly titleLine: number;
  /** -1 when the title has no overline. */
  readonly overlineLine: number;
  readonly underlineLine: number;
  /** The title text on `titleLine` (without surrounding whitespace). */
  readonly titleRange: Range;
  /** Length of the underline (and overline) in characters, trailing whitespace removed. */
  readonly underlineLength: number;
  readonly overlineLength: number;
  /** Exclusive: the first line of the next section at the same or a higher level, or the line count. */
  readonly endLine: number;
  readonly children: readonly Section[];
  readonly parent: Section | undefined;
}

export type BlockKind =
  | 'paragraph'
  | 'literal'
  | 'directive'
  | 'comment'
  | 'bullet-list'
  | 'enumerated-list'
  | 'list-item'
  | 'field-list'
  | 'block-quote'
  | 'table';

export interface Block {
  readonly kind: BlockKind;
  readonly startLine: number;
  /** Exclusive, trailing blank lines not included. */
  readonly endLine: number;
  /** Indentation of the block's first line, in columns (tabs expanded). */
  readonly indent: number;
  /** Directive name (`code-block`, `list-table`, `note`, ...), for directives only. */
  readonly name?: string;
  /** Directive argument (e.g. the language of a code-block), for directives only. */
  readonly argument?: string;
}

/** A docutils-style system message: 2 = warning, 3 = error, 4 = severe. */
export interface ParseMessage {
  readonly line: number;
  readonly level: 2 | 3 | 4;
  readonly text: string;
  /**
   * docutils' own level, when it differs from `level`: 1 (INFO) for the informational messages
   * kept because they point at a likely mistake ("Possible title underline, too short for the
   * title.", "Possible incomplete section title.", ...), which are given level 2 here.
   */
  readonly docutilsLevel?: 1;
  /**
   * The line (0-based) of the mistake itself, where docutils reports the line of the construct
   * around it (the bad row of a table, the `::` that announces a missing literal block, ...).
   */
  readonly at?: number;
  /**
   * Printed by docutils (so in Sphinx's log) but not kept in the document: the messages of a title
   * docutils went on to reject ("Title underline too short." under an inconsistent-level title).
   */
  readonly detached?: true;
}

/** A text that docutils parses for inline markup: a paragraph, a title, a term, a line block's line. */
export interface InlineText {
  /** 0-based line where docutils reports this text's inline messages (its first line). */
  readonly line: number;
  /** Where docutils reports its inline markup problems, when not `line` (a table cell's: one line below). */
  readonly messageLine?: number;
  /** docutils' text: the lines (tabs expanded, indentation cut) joined with `\n`. */
  readonly text: string;
  /** Per line of the text: its 0-based line, the expanded column it starts at, and its offset in `text`. */
  readonly lines: readonly number[];
  readonly cols: readonly number[];
  readonly offsets: readonly number[];
}

export interface ExplicitMarkup {
  readonly kind: 'target' | 'anonymous' | 'footnote' | 'citation' | 'substitution';
  /** As written: a label, a target or substitution name; '' for an anonymous target. */
  readonly name: string;
  readonly uri: string | null;
  /** An indirect target's reference name (`.. _a: b_`), as written. */
  readonly refname?: string;
  readonly line: number;
}

export interface DirectiveUse {
  /** As written. */
  readonly name: string;
  readonly line: number;
  /** Expanded column of the name. */
  readonly col: number;
  readonly argument: string;
  readonly options: readonly string[];
  readonly hasContent: boolean;
  /** docutils' own error for the block ('' if none), for the directives docutils knows. */
  readonly error: string;
  readonly known: boolean;
}

/** What the inline-markup and reference checks need, from the parts of the document docutils keeps. */
export interface Markup {
  readonly texts: readonly InlineText[];
  readonly explicit: readonly ExplicitMarkup[];
  readonly directives: readonly DirectiveUse[];
  /**
   * The same, of the cells of grid and simple tables (docutils parses each cell as a document of
   * its own), in the document's lines; apart, for readers that parse the cells themselves (the preview).
   */
  readonly cells?: {
    readonly texts: readonly InlineText[];
    readonly explicit: readonly ExplicitMarkup[];
    readonly directives: readonly DirectiveUse[];
  };
}

export interface SpecDocument {
  /** The text without a leading BOM. */
  readonly text: string;
  readonly hasBom: boolean;
  readonly lines: readonly SourceLine[];
  /** Every section in document order. */
  readonly sections: readonly Section[];
  /** The outermost sections. */
  readonly roots: readonly Section[];
  /** Every block in document order, nested ones included (a literal block inside a list item, ...). */
  readonly blocks: readonly Block[];
  /** Lines inside literal blocks and code-block/code/sourcecode directive bodies. */
  readonly literalLines: ReadonlySet<number>;
  readonly messages: readonly ParseMessage[];
  readonly markup: Markup;
}
