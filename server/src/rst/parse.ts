// parseSpec: text → SpecDocument (lines, sections, blocks, literal lines, messages), finding
// the structure exactly as docutils 0.19 does. The parse is a port of docutils' own state machine
// (machine.ts and the state modules), run once over the text; see machine.ts for how nesting is
// handled without deep recursion.
//
// Line numbers are 0-based everywhere, `ParseMessage.line` included (docutils' number minus one).
import type { Block, DirectiveUse, ExplicitMarkup, InlineText, Markup, ParseMessage, Range, Section, SpecDocument } from './types';
import { docutilsLines, splitSource, trimmedSpan } from './lines';
import { BlockRec, ContentCheck, Doc, Machine, MessageRec, newNode } from './machine';
import type { DirectiveRec, ExplicitRec, InlineRec, MarkRec } from './doc';
import { transitionMessages } from './transitions';
import './body';
import './text';

/** A block or a preview mark (see MarkRec), in document order: what the preview renders. */
export type PreviewNode = (BlockRec & { bodyLine?: undefined; bodyCol?: undefined }) | MarkRec;

export function parseSpec(input: string): SpecDocument {
  return parse(input).spec;
}

/** parseSpec, and the blocks and marks in one document order (outer nodes first on a line). */
export function parseWithNodes(input: string): { spec: SpecDocument; nodes: PreviewNode[] } {
  const { spec, doc } = parse(input);
  // Sorted only for the preview: a check never reads the nodes.
  const nodes: PreviewNode[] = [...doc.blocks, ...doc.marks];
  nodes.sort((a, b) => a.startLine - b.startLine || a.depth - b.depth || a.seq - b.seq);
  return { spec, nodes };
}

function parse(input: string): { spec: SpecDocument; doc: Doc } {
  const source = splitSource(input);
  const n = source.docutilsLineCount;
  const exp = docutilsLines(source.text, source.lines, n);
  const doc = new Doc(exp);
  run(doc, new Machine(doc, { start: 0, end: n, firstCol: 0, col: 0 }, true, doc.messages, 0, newNode(null, true)));
  for (let i = 0; i < doc.jobs.length; i++) {
    const job = doc.jobs[i];
    run(doc, new Machine(doc, job.view, false, job.sink, job.depth, job.node, job.sidebar));
  }
  for (let i = doc.checks.length - 1; i >= 0; i--) settle(doc, doc.checks[i]);
  transitionMessages(doc);
  const lineCount = source.lines.length;
  const { sections, roots } = buildSections(doc, source.lines, lineCount);
  const literalLines = new Set<number>();
  for (let i = 0; i < n; i++) if (doc.literal[i]) literalLines.add(i);
  const spec: SpecDocument = {
    text: source.text,
    hasBom: source.hasBom,
    lines: source.lines,
    sections,
    roots,
    blocks: toBlocks(doc.blocks),
    literalLines,
    messages: toMessages(doc.messages),
    markup: toMarkup(doc),
  };
  return { spec, doc };
}

// toMarkup and its helpers are plain loops over records of one shape each: V8 compiled the
// former filter/map/sort chains into large code, and threw it away each time a record of another
// shape came (eight compilations in a corpus run).

/** A directive as the markup keeps it: the record without the parse's own bookkeeping. */
function directiveOf(d: DirectiveRec): DirectiveUse {
  return {
    name: d.name,
    line: d.line,
    col: d.col,
    argument: d.argument,
    options: d.options,
    hasContent: d.hasContent,
    error: d.error,
    known: d.known,
  };
}

function explicitOf(e: ExplicitRec): ExplicitMarkup {
  const { kind, name, uri, refname, line } = e;
  return refname === undefined ? { kind, name, uri, line } : { kind, name, uri, refname, line };
}

function liveDirectives(doc: Doc, records: DirectiveRec[]): DirectiveUse[] {
  const out: DirectiveUse[] = [];
  for (let i = 0; i < records.length; i++) if (doc.live(records[i].sink)) out.push(directiveOf(records[i]));
  return out;
}

function liveExplicit(doc: Doc, records: ExplicitRec[]): ExplicitMarkup[] {
  const out: ExplicitMarkup[] = [];
  for (let i = 0; i < records.length; i++) if (doc.live(records[i].sink)) out.push(explicitOf(records[i]));
  return out;
}

function inlineText(doc: Doc, r: InlineRec): InlineText {
  const lines: number[] = [];
  const cols: number[] = [];
  const offsets: number[] = [];
  let text = '';
  for (let i = r.start; i < r.end; i++) {
    const col = i === r.start ? r.firstCol : r.col;
    if (i > r.start) text += '\n';
    lines.push(i);
    cols.push(col);
    offsets.push(text.length);
    text += doc.exp[i].slice(col);
  }
  if (r.cut) text = text.slice(0, Math.max(0, text.length - r.cut));
  return { line: r.lineno - 1, text, lines, cols, offsets };
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
// docutils reads nested content where it stands; the parse queues it: back to document order
const byStart = (a: InlineText, b: InlineText) => a.lines[0] - b.lines[0] || a.cols[0] - b.cols[0];

function toMarkup(doc: Doc): Markup {
  const texts: InlineText[] = [];
  for (let i = 0; i < doc.inlines.length; i++) if (doc.live(doc.inlines[i].sink)) texts.push(inlineText(doc, doc.inlines[i]));
  texts.sort(byStart);
  const explicit = liveExplicit(doc, doc.explicit).sort(byLine);
  const directives = liveDirectives(doc, doc.directives).sort(byLine);
  const cellTexts: InlineText[] = [];
  for (const c of doc.cellTexts) if (doc.live(c.sink)) cellTexts.push(c.text);
  if (cellTexts.length === 0 && doc.cellExplicit.length === 0 && doc.cellDirectives.length === 0) return { texts, explicit, directives };
  const cells = { texts: cellTexts, explicit: liveExplicit(doc, doc.cellExplicit), directives: liveDirectives(doc, doc.cellDirectives) };
  return { texts, explicit, directives, cells };
}

/**
 * A document of its own (a table cell): the machine and the jobs it queues, then the directives'
 * content checks. Returns the messages of `machine`'s sink.
 */
export function parseNested(doc: Doc, machine: Machine): MessageRec[] {
  run(doc, machine);
  for (let i = 0; i < doc.jobs.length; i++) {
    const job = doc.jobs[i];
    run(doc, new Machine(doc, job.view, false, job.sink, job.depth, job.node, job.sidebar));
  }
  for (let i = doc.checks.length - 1; i >= 0; i--) settle(doc, doc.checks[i]);
  return machine.sink ?? [];
}

/** A parse must never throw: an internal error becomes a message, and the parse goes on. */
function run(doc: Doc, machine: Machine): void {
  try {
    machine.run('Body');
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    doc.messages.push({ line: 0, level: 4, text: `Internal parser error: ${detail}` });
  }
}

/**
 * list-table and table parse their content, then keep it only if it has the expected shape;
 * otherwise the content's messages go too, replaced by one error (ListTable.check_list_content,
 * RSTTable.run). Checks nested in a table's content were settled first (they came later).
 */
function settle(doc: Doc, check: ContentCheck): void {
  const error = contentError(check);
  if (error) doc.dropped.add(check.sink);
  else doc.parents.set(check.sink, check.parentSink);
  if (error) check.parentSink?.push({ line: check.lineno - 1, level: 3, text: error });
  else check.parentSink?.push(...check.sink);
}

function contentError({ directive, node }: ContentCheck): string {
  const prefix = `Error parsing content block for the "${directive}" directive: `;
  if (directive === 'table') return node.count === 1 && node.first === 'table' ? '' : `${prefix}exactly one table expected.`;
  if (node.count !== 1 || node.first !== 'bullet-list' || !node.list) return `${prefix}exactly one bullet list expected.`;
  const rows = node.list.items;
  let columns = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.count !== 1 || row.first !== 'bullet-list' || !row.list) {
      return `${prefix}two-level bullet list expected, but row ${i + 1} does not contain a second-level bullet list.`;
    }
    if (i === 0) columns = row.list.items.length;
    else if (row.list.items.length !== columns) {
      return (
        `${prefix}uniform two-level bullet list expected, but row ${i + 1} does not contain the same number ` +
        `of items as row 1 (${row.list.items.length} vs ${columns}).`
      );
    }
  }
  return '';
}

type MutableSection = { -readonly [K in keyof Section]: Section[K] };

function buildSections(doc: Doc, lines: readonly { text: string }[], lineCount: number): { sections: Section[]; roots: Section[] } {
  const sections: MutableSection[] = [];
  const roots: MutableSection[] = [];
  const stack: MutableSection[] = [];
  for (const r of doc.sections) {
    const first = r.overlineLine >= 0 ? r.overlineLine : r.titleLine;
    while (stack.length > 0 && stack[stack.length - 1].level >= r.level) stack.pop()!.endLine = first;
    const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
    const [start, end] = trimmedSpan(lines[r.titleLine].text);
    const titleRange: Range = {
      start: { line: r.titleLine, character: start },
      end: { line: r.titleLine, character: end },
    };
    const section: MutableSection = {
      title: r.title,
      level: r.level,
      style: r.style,
      titleLine: r.titleLine,
      overlineLine: r.overlineLine,
      underlineLine: r.underlineLine,
      titleRange,
      underlineLength: doc.exp[r.underlineLine].length,
      overlineLength: r.overlineLine >= 0 ? doc.exp[r.overlineLine].length : 0,
      endLine: lineCount,
      children: [],
      parent,
    };
    if (parent) (parent.children as Section[]).push(section);
    else roots.push(section);
    sections.push(section);
    stack.push(section);
  }
  return { sections, roots };
}

function toBlocks(records: BlockRec[]): Block[] {
  const sorted = records.slice().sort((a, b) => a.startLine - b.startLine || a.depth - b.depth || a.seq - b.seq);
  return sorted.map((r): Block =>
    r.kind === 'directive'
      ? { kind: r.kind, startLine: r.startLine, endLine: r.endLine, indent: r.indent, name: r.name ?? '', argument: r.argument ?? '' }
      : { kind: r.kind, startLine: r.startLine, endLine: r.endLine, indent: r.indent },
  );
}

function toMessages(records: MessageRec[]): ParseMessage[] {
  const sorted = records.slice().sort((a, b) => a.line - b.line);
  return sorted.map((m): ParseMessage => {
    const message: ParseMessage =
      m.level === 1 ? { line: m.line, level: 2, text: m.text, docutilsLevel: 1 } : { line: m.line, level: m.level, text: m.text };
    if (m.detached) return { ...message, ...(m.at === undefined ? {} : { at: m.at }), detached: true };
    return m.at === undefined ? message : { ...message, at: m.at };
  });
}
