// What the features share about a spec and its template: the section matching (kept by the
// analysis), a template section's place and guidance as Markdown, the nearest template title.
import type { Position, Range, Section, SpecDocument } from '../rst/types';
import type { Template, TemplateSection } from '../template/model';
import { startLineOf } from '../template/model';
import { buildOutline, type Outline } from '../template/outline';
import { titleKey } from '../template/similarity';
import { editDistance } from '../text/edit-distance';
import { contentEnd, placedSection } from '../edit/sections';
import { rstToMarkdown } from './markdown';
import type { RestExtract } from '../rules/rest/extract';
import { memoised } from '../once';

/**
 * A spec: the parsed document and the template it follows; as an analysis (analyze.ts), also what
 * it derived, built once per document version when first asked.
 */
export interface SpecContext {
  readonly doc: SpecDocument;
  readonly template: Template;
  readonly featureOutline?: () => Outline;
  readonly rest?: () => RestExtract | undefined;
}

/** The spec's sections matched to the template's (no section counted optional: features list them all). */
export function outlineOf(spec: SpecContext): Outline {
  return spec.featureOutline ? spec.featureOutline() : buildOutline(spec.doc, spec.template, []);
}

/** "Proposed change › REST API impact". */
export function templatePath(section: TemplateSection): string {
  return section.parent ? `${section.parent.title} › ${section.title}` : section.title;
}

/** "Proposed change › REST API impact, section 3 of 9" in Markdown. */
export function templatePlace(template: Template, section: TemplateSection): string {
  const siblings = section.parent ? section.parent.children : template.topLevel;
  return `**${templatePath(section)}**, section ${siblings.indexOf(section) + 1} of ${siblings.length}`;
}

/** The lines of the template's guidance for a section (none when it has none). */
export function guidanceLines(template: Template, section: TemplateSection): string[] {
  const { start, end } = section.guidanceRange;
  if (start.line === end.line && start.character === end.character) return [];
  return template.doc.lines.slice(start.line, end.line + 1).map((line) => line.text);
}

/** The template's guidance for a section, as Markdown (empty when the template has none; kept in the template's memo). */
export function guidanceMarkdown(template: Template, section: TemplateSection): string {
  return memoised(template, section, () => rstToMarkdown(guidanceLines(template, section)));
}

/** The template's text between its title and its first section, as Markdown. */
export function titleGuidanceMarkdown(template: Template): string {
  const title = template.title;
  const first = template.topLevel[0];
  if (!title || !first) return '';
  const lines = template.doc.lines.slice(title.underlineLine + 1, startLineOf(first.section)).map((line) => line.text);
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return rstToMarkdown(lines);
}

/** The template section whose title is closest to `title`: shared words first, then spelling. */
export function nearestTemplateSection(template: Template, title: string): TemplateSection | undefined {
  const key = titleKey(title);
  const words = new Set(key.split(' ').filter(Boolean));
  let best: TemplateSection | undefined;
  let bestScore = -Infinity;
  for (const candidate of template.sections) {
    const candidateKey = titleKey(candidate.title);
    const candidateWords = candidateKey.split(' ').filter(Boolean);
    const shared = candidateWords.filter((word) => words.has(word)).length;
    const dice = (2 * shared) / Math.max(1, words.size + candidateWords.length);
    const longer = Math.max(key.length, candidateKey.length, 1);
    const spelling = 1 - editDistance(key, candidateKey) / longer;
    const score = dice * 2 + spelling;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** The whole section: from its overline (or title) to its last non-blank line. */
export function sectionRange(doc: SpecDocument, section: Section): Range {
  const last = contentEnd(doc, section) - 1;
  return { start: { line: startLineOf(section), character: 0 }, end: { line: last, character: doc.lines[last].text.length } };
}

export function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The spec section that stands for a template section in its template place, if any. */
export function specSectionFor(spec: SpecContext, templateSection: TemplateSection): Section | undefined {
  return placedSection(outlineOf(spec), templateSection);
}
