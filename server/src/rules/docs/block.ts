// The docs gate's block layer: the system messages docutils reports at WARNING or above about
// body structure (rst-structure), section titles (rst-title) and tables (rst-table), which the
// parser records while it reads the spec (ParseMessage). Each becomes one finding at the exact
// mistake, with docutils' words; `data.docutilsLine` keeps the (1-based) line docutils reports,
// which is the line of the CI log.
import type { Block, ParseMessage, Range, SpecDocument } from '../../rst/types';
import type { Finding, FindingData, Rule } from '../rule';
import { tableDirectiveProblems } from './table-directives';

type Family = 'rst-structure' | 'rst-title' | 'rst-table';

/** How a message is placed and repaired; the first key matching the message's start wins. */
type Shape = 'line' | 'unindent' | 'literal' | 'title' | 'overline';

const KINDS: [prefix: string, family: Family, shape: Shape][] = [
  ['Unexpected indentation.', 'rst-structure', 'line'],
  ['Literal block expected; none found.', 'rst-structure', 'literal'],
  ['Inconsistent literal block quoting.', 'rst-structure', 'line'],
  ['Line block ends without a blank line.', 'rst-structure', 'line'],
  ['Document may not end with a transition.', 'rst-structure', 'line'],
  ['Document or section may not begin with a transition.', 'rst-structure', 'line'],
  ['At least one body element must separate transitions;', 'rst-structure', 'line'],
  ['Title overline & underline mismatch.', 'rst-title', 'overline'],
  ['Title level inconsistent:', 'rst-title', 'title'],
  ['Incomplete section title.', 'rst-title', 'line'],
  ['Missing matching underline for section title overline.', 'rst-title', 'line'],
  ['Unexpected section title or transition.', 'rst-title', 'line'],
  ['Unexpected section title.', 'rst-title', 'title'],
  ['Invalid section title or transition marker.', 'rst-title', 'line'],
  ['Malformed table.', 'rst-table', 'line'],
  ['Blank line required after table.', 'rst-table', 'line'],
  ['Error parsing content block for the "list-table" directive:', 'rst-table', 'line'],
  ['Error parsing content block for the "table" directive:', 'rst-table', 'line'],
  ['The "list-table" directive is empty; content required.', 'rst-table', 'line'],
  ['Content block expected for the "table" directive; none found.', 'rst-table', 'line'],
];
const UNINDENT = ' ends without a blank line; unexpected unindent.';
const TOO_SHORT: [Family, Shape] = ['rst-title', 'line'];

export function kindOf(text: string): [Family, Shape] | undefined {
  if (text.endsWith(UNINDENT)) return ['rst-structure', 'unindent'];
  for (const [prefix, family, shape] of KINDS) if (text.startsWith(prefix)) return [family, shape];
  return undefined;
}

/** The parse's messages sorted into the three rules, computed once per document. */
const cache = new WeakMap<SpecDocument, Record<Family, Finding[]>>();

function findingsOf(doc: SpecDocument, family: Family): Finding[] {
  let all = cache.get(doc);
  if (!all) {
    all = { 'rst-structure': [], 'rst-title': [], 'rst-table': [] };
    // the tables, once: a message per line of a long spec must not scan every block again
    const tables = doc.blocks.filter((block) => block.kind === 'table');
    for (const message of doc.messages) {
      if (message.docutilsLevel !== undefined) continue; // INFO in docutils: not a docs-gate failure
      // a short adornment is title-underline's, unless docutils rejected the title (no section)
      const kind = message.detached && /^Title (under|over)line too short\.$/.test(message.text) ? TOO_SHORT : kindOf(message.text);
      if (kind) all[kind[0]].push(toFinding(doc, tables, message, kind[1]));
    }
    cache.set(doc, all);
  }
  return all[family];
}

/**
 * The line Sphinx prints: docutils' own, except that a line number below 1 (docutils computes
 * one for a malformed table at the very top, after backing up) indexes Python's list of lines
 * from its end.
 */
function reportedLine(doc: SpecDocument, line: number): number {
  if (line >= 1) return line;
  const lines = doc.lines;
  const count =
    lines.length > 0 && lines[lines.length - 1].text === '' && lines[lines.length - 1].eol === '' ? lines.length - 1 : lines.length;
  return count + line;
}

function lineRange(doc: SpecDocument, line: number): Range {
  const text = doc.lines[line]?.text ?? '';
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { start: { line, character: Math.min(start, end) }, end: { line, character: end } };
}

function toFinding(doc: SpecDocument, tables: readonly Block[], message: ParseMessage, shape: Shape): Finding {
  // docutils words a malformed table's reason on a second line; one line here
  const text = message.text.replace(/\n/g, ' ');
  const last = doc.lines.length - 1;
  const line = Math.min(Math.max(message.at ?? message.line, 0), last);
  const data: Record<string, string | number | boolean> = { docutilsLine: reportedLine(doc, message.line + 1) };
  let range = lineRange(doc, line);
  if (shape === 'unindent') {
    // not in a table cell: a blank line there would break the table
    if (!tables.some((table) => table.startLine <= line && line < table.endLine)) data.blankLineBefore = line;
  } else if (shape === 'literal') {
    const marker = literalMarker(doc, message.line);
    if (marker) {
      range = marker.range;
      if (marker.replacement !== undefined) data.replacement = marker.replacement;
    }
  } else if (shape === 'title' && line > 0 && message.text.startsWith('Unexpected')) {
    // docutils names the underline; the title is the line above it
    const title = lineRange(doc, line - 1);
    range = { start: title.start, end: range.end };
  } else if (shape === 'overline') {
    Object.assign(data, overlineRepair(doc, line));
  }
  return { range, message: text, data: data as FindingData };
}

/**
 * The `::` that announced the literal block docutils did not find: at the end of the last
 * non-blank line before the line docutils reports. Its repair: `word::` becomes `word:` (which
 * is how docutils renders it anyway), and a detached ` ::` goes (docutils renders nothing for it).
 */
function literalMarker(doc: SpecDocument, reported: number): { range: Range; replacement?: string } | undefined {
  for (let line = Math.min(reported, doc.lines.length - 1); line >= 0 && line >= reported - 200; line--) {
    const text = doc.lines[line].text.trimEnd();
    if (text === '' || (line === reported && !text.endsWith('::'))) continue;
    if (!text.endsWith('::')) return undefined;
    const end = text.length;
    const before = text.slice(0, end - 2);
    if (before.trim() === '') return { range: { start: { line, character: end - 2 }, end: { line, character: end } } };
    if (/\s$/.test(before)) {
      const start = before.trimEnd().length;
      return { range: { start: { line, character: start }, end: { line, character: end } }, replacement: '' };
    }
    return { range: { start: { line, character: end - 2 }, end: { line, character: end } }, replacement: ':' };
  }
  return undefined;
}

/**
 * An overline and underline of the same character but different lengths: both become as long
 * as the longer of them (and at least as wide as the title). Of different characters, nothing
 * says which one the writer meant: no repair.
 */
export function overlineRepair(doc: SpecDocument, overline: number): Record<string, string | number> {
  const over = doc.lines[overline]?.text.trimEnd() ?? '';
  const under = doc.lines[overline + 2]?.text.trimEnd() ?? '';
  const title = doc.lines[overline + 1]?.text.trimEnd() ?? '';
  if (!over || !under || over[0] !== under[0] || !/^(.)\1*$/.test(over) || !/^(.)\1*$/.test(under)) return {};
  if (/\t/.test(title) || /[^\x20-\x7e]/.test(title)) {
    // the title's width in columns is not its length: keep to the adornments' lengths
    return { adornment: over[0].repeat(Math.max(over.length, under.length)) };
  }
  return { adornment: over[0].repeat(Math.max(over.length, under.length, title.length)) };
}

/**
 * rst-table's: the parse's table messages, and the csv-table and list-table checks; a list-table
 * whose option value docutils rejects never runs, so its shape is not reported.
 */
function tableFindings(doc: SpecDocument): Finding[] {
  const problems = tableDirectiveProblems(doc);
  const stopped = new Set(problems.options.map((f) => f.data?.docutilsLine));
  const own = (f: Finding) =>
    stopped.has(f.data?.docutilsLine) && /^(Error parsing content block for the "|The ")list-table"/.test(f.message);
  return [...findingsOf(doc, 'rst-table').filter((f) => !own(f)), ...problems.tables];
}

function rule(id: Family, description: string, fixes?: Rule['fixes']): Rule {
  // csv-table and list-table: what their directives reject once the parse accepted their shape
  const check =
    id === 'rst-table' ? ({ doc }: { doc: SpecDocument }) => tableFindings(doc) : ({ doc }: { doc: SpecDocument }) => findingsOf(doc, id);
  return { id, defaultSeverity: 'error', description, ...(fixes ? { fixes } : {}), check };
}

export const rstStructure = rule(
  'rst-structure',
  'docutils: unexpected indentation or unindent, a missing literal block, a misplaced transition (fails sphinx-build -W).',
  [
    { title: 'Insert the missing blank line', fixAll: 'lines' },
    { title: "Replace '::' with ':', or remove a detached ' ::' (no literal block follows)" },
  ],
);
export const rstTitle = rule(
  'rst-title',
  'docutils: a section title it rejects (overline & underline mismatch, inconsistent level, incomplete, in a body element).',
  [{ title: 'Make the overline and underline the same length', fixAll: 'lines' }],
);
export const rstTable = rule(
  'rst-table',
  'docutils: a malformed grid or simple table, a list-table or table directive of the wrong shape, a csv-table or list-table whose data does not fit its options.',
);
