// "Insert missing section 'X'" and "Insert all missing sections": each missing template section
// goes at its template place, after the nearest preceding template sibling the spec has (after
// that sibling's subsections), else before the nearest following one, else at the end of its
// parent. A missing parent brings its missing subsections. The title takes the adornment the
// document uses for its depth; the body is "None" or the template's guidance.
import type { SpecDocument } from '../rst/types';
import type { Template, TemplateSection } from '../template/model';
import { optionalTitles, startLineOf } from '../template/model';
import { buildOutline, type Outline } from '../template/outline';
import { swallowedTitles } from '../template/swallowed';
import { eolOf, isAtEnd, isBlank, rangeOf, type TextEdit } from '../edit/text-edit';
import type { Fix, FixOptions } from './fix';
import { adornedTitle, blankLinesBefore, documentStyle, placedSection } from '../edit/sections';

/** The fix of one `missing-section` diagnostic: that section (and its missing subsections). */
export const insertMissingSection: Fix = (doc, template, diagnostic, options) => {
  const index = diagnostic.data?.templateIndex;
  const templateSection = typeof index === 'number' ? template.sections[index] : undefined;
  if (!templateSection || templateSection.title !== diagnostic.data?.title) return [];
  const outline = buildOutline(doc, template, options.optionalSections);
  if (!outline.missing.some((missing) => missing.template === templateSection)) return [];
  const swallowed = swallowedTitles(doc, outline).get(templateSection.index);
  if (swallowed !== undefined) return [blankLineBefore(doc, swallowed)];
  return insertionEdits(doc, template, outline, [templateSection], options);
};

/** The blank line that makes a swallowed title a title again. */
function blankLineBefore(doc: SpecDocument, line: number): TextEdit {
  return { range: rangeOf(line, 0, line, 0), newText: eolOf(doc) };
}

/** Every missing section in one edit, each at its place, in template order. */
export function insertAllMissingSections(doc: SpecDocument, template: Template, options: FixOptions): TextEdit[] {
  const outline = buildOutline(doc, template, options.optionalSections);
  const swallowed = swallowedTitles(doc, outline);
  const missing = outline.missing.map((entry) => entry.template).filter((section) => !swallowed.has(section.index));
  const blankLines = [...swallowed.values()].map((line) => blankLineBefore(doc, line));
  return [...blankLines, ...insertionEdits(doc, template, outline, missing, options)];
}

function insertionEdits(
  doc: SpecDocument,
  template: Template,
  outline: Outline,
  sections: readonly TemplateSection[],
  options: FixOptions,
): TextEdit[] {
  const byLine = new Map<number, TemplateSection[]>();
  for (const section of sections) {
    const line = insertionLine(doc, template, outline, section);
    const key = isAtEnd(doc, line) ? doc.lines.length : line;
    byLine.set(key, [...(byLine.get(key) ?? []), section]);
  }
  const styles = [documentStyle(doc, outline, template, 1), documentStyle(doc, outline, template, 2)];
  const optional = optionalTitles(template, options.optionalSections);
  const edits: TextEdit[] = [];
  for (const [line, group] of [...byLine].sort((a, b) => a[0] - b[0])) {
    group.sort((a, b) => a.index - b.index);
    const blocks = group.flatMap((section) => entryBlocks(section, outline, optional, styles, options));
    edits.push(insertBlocks(doc, line, blocks));
  }
  return edits;
}

/** The line at whose start the section goes (`doc.lines.length` or the final empty line: the end). */
function insertionLine(doc: SpecDocument, template: Template, outline: Outline, section: TemplateSection): number {
  const siblings = section.parent ? section.parent.children : template.topLevel;
  const position = siblings.indexOf(section);
  for (let index = position - 1; index >= 0; index--) {
    const present = placedSection(outline, siblings[index]);
    if (present) return present.endLine;
  }
  for (let index = position + 1; index < siblings.length; index++) {
    const present = placedSection(outline, siblings[index]);
    if (present) return startLineOf(present);
  }
  const parent = section.parent ? placedSection(outline, section.parent) : outline.title;
  return parent ? parent.endLine : doc.lines.length;
}

interface Block {
  readonly lines: readonly string[];
  /** A title with no text under it, directly followed by its first subsection. */
  readonly bare: boolean;
}

function entryBlocks(
  section: TemplateSection,
  outline: Outline,
  optional: ReadonlySet<string>,
  styles: readonly string[],
  options: FixOptions,
): Block[] {
  const children = section.children.filter((child) => !optional.has(child.title) && !outline.found.has(child));
  const guidance =
    options.insertedSectionBody === 'guidance' && section.guidance.trim() !== ''
      ? section.guidance.split('\n').map((line) => line.trimEnd())
      : undefined;
  const body = guidance ?? (children.length > 0 ? [] : ['None']);
  const title = adornedTitle(section.title, styles[section.depth - 1]);
  const own: Block = { lines: body.length > 0 ? [...title, '', ...body] : title, bare: body.length === 0 };
  return [own, ...children.flatMap((child) => entryBlocks(child, outline, optional, styles, options))];
}

/**
 * One edit inserting blocks at the start of `line`: separated like the sections already there
 * (as many blank lines as precede `line`, at least one), or appended at the end of the text.
 */
function insertBlocks(doc: SpecDocument, line: number, blocks: readonly Block[]): TextEdit {
  const eol = eolOf(doc);
  const render = (separation: number) =>
    blocks
      .map((block, index) => {
        const text = block.lines.join(eol) + eol;
        if (index === blocks.length - 1) return text;
        return text + eol.repeat(block.bare ? 1 : separation);
      })
      .join('');
  if (!isAtEnd(doc, line)) {
    const before = blankLinesBefore(doc, line);
    const separation = Math.max(1, before);
    const text = (before === 0 && line > 0 ? eol : '') + render(separation) + eol.repeat(separation);
    return { range: rangeOf(line, 0, line, 0), newText: text };
  }
  // At the end: complete the last line, then leave the document's usual gap before the sections.
  const last = doc.lines.length - 1;
  const lastText = doc.lines[last].text;
  const hasContent = doc.lines.some((source) => !isBlank(source.text));
  let prefix = lastText === '' ? '' : eol;
  let complete = lastText === '' ? last - 1 : last;
  let trailingBlanks = 0;
  while (complete >= 0 && isBlank(doc.lines[complete].text)) {
    trailingBlanks++;
    complete--;
  }
  const lastSection = doc.sections.at(-1);
  const separation = Math.max(1, lastSection ? blankLinesBefore(doc, startLineOf(lastSection)) : 1);
  if (hasContent) prefix += eol.repeat(Math.max(0, separation - trailingBlanks));
  return { range: rangeOf(last, lastText.length, last, lastText.length), newText: prefix + render(separation) };
}
