// Completion: the template sections a spec is missing (those that belong at the cursor first),
// adornment lines to the title's width, the REST API method block and the History revision row.
import type { Position, Range, Section, SpecDocument } from '../rst/types';
import type { Template, TemplateSection } from '../template/model';
import { startLineOf } from '../template/model';
import { titleKey } from '../template/similarity';
import { docutilsLine } from '../rst/lines';
import { columnWidth } from '../text/width';
import { adornedTitle, documentStyle } from '../edit/sections';
import { quote } from './markdown';
import { fieldLabel, restApiTemplate, type RestApiTemplate } from './rest-api';
import { eolOf } from '../edit/text-edit';
import { guidanceMarkdown, outlineOf, specSectionFor, type SpecContext, templatePlace } from './template-guide';
import { memoised } from '../once';

export interface CompletionEntry {
  readonly label: string;
  /** `keyword` and `rule`: in `.. rst-specs:` control comments (control-completion.ts). */
  readonly kind: 'section' | 'adornment' | 'snippet' | 'keyword' | 'rule';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  readonly filterText?: string;
  readonly preselect?: boolean;
  readonly range: Range;
  /** The text to insert, as plain text. */
  readonly newText: string;
  /** The same text as an LSP snippet with tab stops, for clients that take snippets. */
  readonly snippet?: string;
  /** Edits elsewhere than `range` (which stays on the cursor's line, as editors ask): the rest of a replaced block. */
  readonly additionalEdits?: readonly { readonly range: Range; readonly newText: string }[];
}

const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/;
const indentOf = (text: string) => text.length - text.trimStart().length;
const isBlank = (doc: SpecDocument, line: number) => line < 0 || line >= doc.lines.length || doc.lines[line].text.trim() === '';

/** The completions at `position`; `spec` is set for specs (template completions). */
export function completionsAt(doc: SpecDocument, spec: SpecContext | undefined, position: Position): CompletionEntry[] {
  const line = position.line;
  if (line < 0 || line >= doc.lines.length) return [];
  const text = doc.lines[line].text;
  const before = text.slice(0, position.character);
  // In the template's method-block guidance left in the spec: the block, in its place.
  const replacing = spec && guidanceMethodBlock(spec, position);
  if (replacing) return [replacing];
  if (text.slice(position.character).trim() !== '' || inLiteral(doc, line, before)) return [];
  const adornment = adornmentCompletion(doc, line);
  if (adornment || !spec) return adornment ? [adornment] : [];
  const row = historyRow(spec, line, before);
  if (row) return [row];
  const atLineStart = before === '' || /^[\p{L}\p{N}]/u.test(before);
  if (!atLineStart || doc.sections.some((section) => section.titleLine === line || section.underlineLine === line)) return [];
  const entries: CompletionEntry[] = [];
  const block = methodBlock(spec, line, before);
  if (block) entries.push(block);
  // On a line after a blank one, or straight after a paragraph (the title then brings its blank line).
  if ((isBlank(doc, line - 1) || afterParagraph(doc, line)) && !ADORNMENT.test(doc.lines[line + 1]?.text.trim() ?? '')) {
    entries.push(...sectionCompletions(spec, line));
  }
  return entries;
}

/** Whether the line above is a paragraph's last line (not a title, its adornment or a literal block). */
function afterParagraph(doc: SpecDocument, line: number): boolean {
  const above = line - 1;
  if (doc.literalLines.has(above) || doc.sections.some((section) => section.titleLine === above || section.underlineLine === above))
    return false;
  return doc.blocks.some((block) => block.kind === 'paragraph' && block.indent === 0 && above >= block.startLine && above < block.endLine);
}

/** Inside a literal block, or indented on a blank line just after one (the block goes on). */
function inLiteral(doc: SpecDocument, line: number, before: string): boolean {
  if (doc.literalLines.has(line)) return true;
  if (before.trim() !== '' || before === '') return false;
  let previous = line - 1;
  while (previous >= 0 && doc.lines[previous].text.trim() === '') previous--;
  return previous >= 0 && doc.literalLines.has(previous);
}

/** `===` typed under a title: the adornment at the title's width. */
function adornmentCompletion(doc: SpecDocument, line: number): CompletionEntry | undefined {
  const typed = doc.lines[line].text;
  if (!ADORNMENT.test(typed) || line === 0) return undefined;
  const titleText = docutilsLine(doc.lines[line - 1].text);
  const overline = line >= 2 ? doc.lines[line - 2].text.trimEnd() : '';
  const hasOverline = ADORNMENT.test(overline) && overline[0] === typed[0];
  if (titleText === '' || ADORNMENT.test(titleText) || doc.literalLines.has(line - 1)) return undefined;
  // Only an overlined title may be inset.
  if (!hasOverline && (indentOf(titleText) > 0 || !isBlank(doc, line - 2))) return undefined;
  const width = Math.max(columnWidth(titleText), hasOverline ? overline.length : 0);
  if (typed.length >= width) return undefined;
  const adornment = typed[0].repeat(width);
  return {
    label: adornment,
    kind: 'adornment',
    detail: `Underline of '${titleText.trim()}' (${width} columns)`,
    sortText: '0',
    filterText: typed,
    preselect: true,
    range: lineRange(doc, line),
    newText: adornment,
  };
}

function lineRange(doc: SpecDocument, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: doc.lines[line].text.length } };
}

/** The template sections the spec doesn't have; those that belong at `line` first. */
function sectionCompletions(spec: SpecContext, line: number): CompletionEntry[] {
  const { doc, template } = spec;
  const outline = outlineOf(spec);
  const present = new Set(doc.sections.map((section) => titleKey(section.title)));
  const eol = eolOf(doc);
  // The title, its underline, a blank line, the cursor, and a blank line before what follows; a
  // blank line first when the line above is text (else the paragraph would swallow the title).
  const before = isBlank(doc, line - 1) ? '' : eol;
  const after = isBlank(doc, line + 1) ? '' : eol;
  const missing = template.sections.filter((section) => !outline.found.has(section) && !present.has(titleKey(section.title)));
  const offers = missing.map((section) => ({ section, fits: fitsAt(spec, section, line) }));
  const firstFit = offers.find((offer) => offer.fits);
  return offers.map(({ section, fits }) => {
    const style = documentStyle(doc, outline, template, section.depth === 1 ? 1 : 2);
    const titleLines = adornedTitle(section.title, style);
    const guidance = guidanceMarkdown(template, section);
    return {
      label: section.title,
      kind: 'section' as const,
      detail: `Template section: ${templatePlace(template, section).replace(/\*\*/g, '')}`,
      ...(guidance ? { documentation: quote(guidance) } : {}),
      sortText: `${fits ? 0 : 1}-${String(section.index).padStart(4, '0')}`,
      filterText: section.title,
      ...(firstFit?.section === section ? { preselect: true } : {}),
      range: lineRange(doc, line),
      newText: before + titleLines.join(eol) + eol + eol + after,
      snippet: escapeSnippet(before + titleLines.join(eol) + eol + eol) + '$0' + after,
    };
  });
}

/** Whether a title for `section` at `line` lands in its template place: right parent, between its neighbours. */
function fitsAt(spec: SpecContext, section: TemplateSection, line: number): boolean {
  const outline = outlineOf(spec);
  const container: Section | undefined = section.parent ? specSectionFor(spec, section.parent) : outline.title;
  if (section.parent && !container) return false;
  if (container && (line <= container.underlineLine || line >= container.endLine)) return false;
  const siblings = section.parent ? section.parent.children : spec.template.topLevel;
  const position = siblings.indexOf(section);
  const previous = siblings
    .slice(0, position)
    .map((sibling) => specSectionFor(spec, sibling))
    .filter(Boolean)
    .at(-1);
  const following = siblings
    .slice(position + 1)
    .map((sibling) => specSectionFor(spec, sibling))
    .find(Boolean);
  if (previous && (line <= previous.underlineLine || previous.children.some((child) => startLineOf(child) > line))) return false;
  return !following || line < startLineOf(following);
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/** Text with tab stops, kept as a snippet and as plain text side by side. */
class SnippetBuilder {
  plain = '';
  snippet = '';
  private stop = 0;
  text(text: string): this {
    this.plain += text;
    this.snippet += text.replace(/[$}\\]/g, '\\$&');
    return this;
  }
  placeholder(text: string): this {
    this.plain += text;
    this.snippet += `\${${++this.stop}:${text.replace(/[$}\\]/g, '\\$&')}}`;
    return this;
  }
  choice(options: readonly string[]): this {
    this.plain += options[0];
    this.snippet += `\${${++this.stop}|${options.map((option) => option.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
    return this;
  }
}

// Defaults that pass the REST rules: each error code with its reason, as rest-status-code asks.
const PLACEHOLDERS: Partial<Record<string, string>> = {
  'normal-codes': '200',
  url: '/v1/resources/{resource_id}',
  'url-parameters': 'None',
};
const ERROR_CODES: readonly (readonly [string, string])[] = [
  ['400', 'the request body does not match the schema.'],
  ['404', 'the resource does not exist.'],
];
const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'];

/**
 * The cursor in the spec's copy of the template's method-block bullet ("* Method Specification"
 * and its items): the built block replaces that bullet, its first lines and its last by
 * additional edits, as editors keep a completion's range on the cursor's line.
 */
function guidanceMethodBlock(spec: SpecContext, position: Position): CompletionEntry | undefined {
  const rest = restApiTemplate(spec.template);
  const section = rest?.block && specSectionFor(spec, rest.section);
  if (!rest?.block || !section) return undefined;
  const { doc } = spec;
  const first = rest.block.lines[0]?.trim();
  const item = doc.blocks.find(
    (block) =>
      block.kind === 'list-item' &&
      block.startLine > section.underlineLine &&
      block.startLine < section.endLine &&
      position.line >= block.startLine &&
      position.line < block.endLine &&
      doc.lines[block.startLine].text.trim() === first,
  );
  if (!item) return undefined;
  const eol = eolOf(doc);
  const built = buildMethodBlock(rest, eol);
  const line = position.line;
  const last = item.endLine - 1;
  const before = doc.lines[line].text.slice(0, position.character);
  const additionalEdits = [
    ...(line > item.startLine
      ? [{ range: { start: { line: item.startLine, character: 0 }, end: { line, character: 0 } }, newText: '' }]
      : []),
    ...(line < last
      ? [
          {
            range: { start: { line, character: doc.lines[line].text.length }, end: { line: last, character: doc.lines[last].text.length } },
            newText: '',
          },
        ]
      : []),
  ];
  return {
    label: 'REST API method block',
    kind: 'snippet',
    detail: `In place of the template's '${fieldLabel(rest.block.item.text)}'`,
    documentation: '```rst\n' + built.plain.split(eol).join('\n') + '\n```',
    sortText: '0-0000',
    filterText: `${before}REST API method block`,
    preselect: true,
    range: lineRange(doc, line),
    newText: built.plain,
    snippet: built.snippet,
    additionalEdits,
  };
}

/** The method block, built from the template's bullets, at the start of a line in REST API impact. */
function methodBlock(spec: SpecContext, line: number, before: string): CompletionEntry | undefined {
  const rest = restApiTemplate(spec.template);
  if (!rest?.block || before.startsWith(' ')) return undefined;
  const section = specSectionFor(spec, rest.section);
  if (!section || line <= section.underlineLine || line >= section.endLine) return undefined;
  if (!isBlank(spec.doc, line - 1) && line - 1 !== section.underlineLine) return undefined;
  const eol = eolOf(spec.doc);
  const built = buildMethodBlock(rest, eol);
  return {
    label: 'REST API method block',
    kind: 'snippet',
    detail: `From the template's '${fieldLabel(rest.block.item.text)}'`,
    documentation: '```rst\n' + built.plain.split(eol).join('\n') + '\n```',
    sortText: '0-0000',
    filterText: `${before}REST API method block`,
    range: lineRange(spec.doc, line),
    newText: built.plain + (isBlank(spec.doc, line + 1) ? '' : eol),
    snippet: built.snippet + (isBlank(spec.doc, line + 1) ? '' : eol),
  };
}

function buildMethodBlock(rest: RestApiTemplate, eol: string): SnippetBuilder {
  const top = rest.block!.item.marker;
  const items = rest.blockItems;
  const marker = items[0]?.item.marker ?? '-';
  const description = items.find((item) => item.kind === 'description');
  const summary = description ? fieldLabel(description.item.text).replace(/^(a|an|the)\s+/i, '') : 'what the method does';
  const out = new SnippetBuilder().text(`${top} `).placeholder(summary[0].toUpperCase() + summary.slice(1));
  const indent = ' '.repeat(top.length + 1);
  const content = indent + ' '.repeat(marker.length + 1);
  for (const item of items) {
    if (item === description) continue;
    const label = fieldLabel(item.item.text);
    out.text(`${eol}${eol}${indent}${marker} ${label}`);
    if (item.kind === 'method') {
      const choices = /\(([A-Z]+(?:\s*[/,]\s*[A-Z]+)+)\)/
        .exec(item.item.text)?.[1]
        .split(/[/,]/)
        .map((choice) => choice.trim());
      // Every method the REST rules know, the template's first and in its order (some leave PATCH out).
      out.text(': ').choice([...new Set([...(choices ?? []), ...METHODS])]);
    } else if (item.kind === 'error-codes') {
      out.text(':');
      for (const [code, reason] of ERROR_CODES) out.text(`${eol}${eol}${content}* ${code}: `).placeholder(reason);
    } else if (item.kind === 'request-schema' || item.kind === 'response-schema') {
      out.text(`::${eol}${eol}${content}  `).placeholder('{}');
    } else {
      out.text(': ').placeholder(PLACEHOLDERS[item.kind ?? ''] ?? 'None');
    }
  }
  return out;
}

interface TemplateTable {
  readonly section: TemplateSection;
  readonly header: readonly string[];
  /** Where a row's `*` and its later cells' `-` stand, relative to the directive. */
  readonly rowOffset: number;
  readonly cellOffset: number;
}

const TEMPLATE_TABLE = {};

/** The template's list-table (History's revisions): its section, header cells and indentation (kept in the template's memo). */
function templateTable(template: Template): TemplateTable | undefined {
  return memoised(template, TEMPLATE_TABLE, () => buildTemplateTable(template));
}

function buildTemplateTable(template: Template): TemplateTable | undefined {
  let found: TemplateTable | undefined;
  for (const block of template.doc.blocks) {
    if (block.kind !== 'directive' || block.name !== 'list-table') continue;
    const section = template.sections.find(
      (candidate) => block.startLine >= candidate.guidanceRange.start.line && block.startLine <= candidate.guidanceRange.end.line,
    );
    if (!section) continue;
    const rows = tableRows(template.doc, block.startLine + 1, block.endLine);
    if (rows.length === 0) continue;
    found = { section, header: rows[0].cells, rowOffset: rows[0].indent - block.indent, cellOffset: rows[0].cellIndent - block.indent };
    break;
  }
  return found;
}

function tableRows(doc: SpecDocument, start: number, end: number) {
  const rows: { indent: number; cellIndent: number; cells: string[] }[] = [];
  for (let line = start; line < end; line++) {
    const text = docutilsLine(doc.lines[line].text);
    const row = /^(\s*)\*(\s+)-\s+(.*)$/.exec(text);
    if (row) rows.push({ indent: row[1].length, cellIndent: row[1].length + 1 + row[2].length, cells: [row[3].trim()] });
    else if (rows.length > 0 && /^\s*-\s+/.test(text)) {
      const cell = /^(\s*)-\s+(.*)$/.exec(text)!;
      const current = rows.at(-1)!;
      if (current.cells.length === 1) current.cellIndent = cell[1].length;
      current.cells.push(cell[2].trim());
    }
  }
  return rows;
}

/** A new row of the spec's History list-table, with the template's columns. */
function historyRow(spec: SpecContext, line: number, before: string): CompletionEntry | undefined {
  if (!/^\s*(\*\s*(-\s*)?)?$/.test(before)) return undefined;
  const table = templateTable(spec.template);
  const section = table && specSectionFor(spec, table.section);
  if (!table || !section) return undefined;
  const { doc } = spec;
  const block = doc.blocks.find(
    (candidate) =>
      candidate.kind === 'directive' &&
      candidate.name === 'list-table' &&
      candidate.startLine > section.underlineLine &&
      candidate.startLine < section.endLine,
  );
  if (!block || line <= block.startLine) return undefined;
  let options = block.startLine + 1;
  while (options < block.endLine && /^\s+:[\w-]+:/.test(doc.lines[options].text)) options++;
  if (line < options) return undefined;
  let end = block.endLine;
  while (end < section.endLine && isBlank(doc, end)) end++;
  if (line > block.endLine && !(line < end && before.trim() === '' && before.length > 0)) return undefined;
  const rows = tableRows(doc, options, block.endLine);
  const indent = ' '.repeat(rows[0]?.indent ?? block.indent + table.rowOffset);
  const cellIndent = ' '.repeat(rows[0]?.cellIndent ?? block.indent + table.cellOffset);
  const eol = eolOf(doc);
  const row = new SnippetBuilder().text(`${indent}* - `).placeholder(table.header[0] ?? 'Release');
  for (const cell of table.header.slice(1)) row.text(`${eol}${cellIndent}- `).placeholder(cell);
  const label = `${table.section.title} revision row`;
  return {
    label,
    kind: 'snippet',
    detail: `A row of the list-table: ${table.header.join(' | ')}`,
    sortText: '0-0000',
    filterText: `${before}${label}`,
    preselect: true,
    range: lineRange(doc, line),
    newText: row.plain,
    snippet: row.snippet,
  };
}
