// Section helpers shared by the structural fixes and the features (completion, folding, the
// template guide): finding a diagnostic's section, the document's adornment style for a depth,
// and writing a title with its adornment.
import type { Section, SpecDocument } from '../rst/types';
import { columnWidth, expandTabs } from '../text/width';
import type { Template, TemplateSection } from '../template/model';
import type { Outline } from '../template/outline';
import { isBlank } from './text-edit';

/** Match kinds that put a spec section in its template place (its title may still be misspelt). */
export const IN_PLACE: ReadonlySet<string> = new Set(['exact', 'near', 'renamed']);

/** The section whose title is on `line`. */
export function sectionWithTitleOn(doc: SpecDocument, line: number): Section | undefined {
  return doc.sections.find((section) => section.titleLine === line);
}

/** The section whose underline is on `line`. */
export function sectionWithUnderlineOn(doc: SpecDocument, line: number): Section | undefined {
  return doc.sections.find((section) => section.underlineLine === line);
}

/** The spec section that stands for a template section in its template place, if any. */
export function placedSection(outline: Outline, templateSection: TemplateSection): Section | undefined {
  const section = outline.found.get(templateSection);
  if (!section) return undefined;
  const match = outline.matchOf(section);
  return match && IN_PLACE.has(match.kind) ? section : undefined;
}

/** Fallback adornment characters, in the order the Python docs suggest them. */
const SPARE_STYLES = ['=', '-', '~', '^', '"', "'", '+', '*', '#', ':', '.', '_', '`'];

/**
 * The adornment style the document uses for a structural depth (1 = top-level sections, 2 =
 * their subsections): that of the first section placed at that depth (`except` left out), else
 * of any section at that depth, else the template's, else a character the document doesn't use.
 * A style that the document already uses at another depth is never chosen.
 */
export function documentStyle(doc: SpecDocument, outline: Outline, template: Template, depth: 1 | 2, except?: Section): string {
  const own = styleAtDepth(outline, depth, except);
  if (own) return own;
  const otherDepth = depth === 1 ? 2 : 1;
  const taken = new Set(doc.sections.filter((section) => section !== except).map((section) => section.style));
  const other = styleAtDepth(outline, otherDepth, except);
  if (other) taken.add(other);
  const wanted = template.styleByDepth[depth - 1];
  if (wanted && !taken.has(wanted)) return wanted;
  return SPARE_STYLES.find((style) => !taken.has(style)) ?? '=';
}

function styleAtDepth(outline: Outline, depth: 1 | 2, except?: Section): string | undefined {
  const sections = depth === 1 ? outline.topLevel : outline.topLevel.flatMap((section) => section.children);
  const candidates = sections.filter((section) => section !== except);
  const placed = candidates.find((section) => {
    const match = outline.matchOf(section);
    return match?.template && IN_PLACE.has(match.kind);
  });
  return (placed ?? candidates[0])?.style;
}

/** A title with its adornment lines, each as long as the title is wide. */
export function adornedTitle(title: string, style: string, length = columnWidth(title)): string[] {
  const line = style[0].repeat(Math.max(1, length));
  return style.length > 1 ? [line, title, line] : [title, line];
}

/** How many blank lines come right before `line`. */
export function blankLinesBefore(doc: SpecDocument, line: number): number {
  let count = 0;
  for (let index = Math.min(line, doc.lines.length) - 1; index >= 0 && isBlank(doc.lines[index].text); index--) count++;
  return count;
}

/** The line after a section's last non-blank line (its subsections included). */
export function contentEnd(doc: SpecDocument, section: Section): number {
  let end = Math.min(section.endLine, doc.lines.length);
  while (end > section.underlineLine + 1 && isBlank(doc.lines[end - 1].text)) end--;
  return end;
}

/** The width docutils compares a title's adornment with: the title line, inset kept when overlined. */
export function titleWidth(doc: SpecDocument, section: Section): number {
  const text = doc.lines[section.titleLine].text.trimEnd(); // not /\s+$/: quadratic on long runs of spaces
  return columnWidth(section.overlineLine >= 0 ? expandTabs(text) : text.trimStart());
}
