// Hover: on a section title, the template's guidance for that section (or, for a title the
// template doesn't know, the nearest template title); in the REST API section, the template's
// rule for a method-block item. Nothing that a diagnostic at the same spot already says.
import type { Position, Range, Section, SpecDocument } from '../rst/types';
import { ruleOptions, type SpecDiagnostic } from '../engine';
import { extractRest } from '../rules/rest/extract';
import { quote, rstToMarkdown } from './markdown';
import { KIND_NAMES, methodItemAt, restApiTemplate } from './rest-api';
import {
  contains,
  guidanceMarkdown,
  nearestTemplateSection,
  outlineOf,
  specSectionFor,
  type SpecContext,
  templatePath,
  templatePlace,
  titleGuidanceMarkdown,
} from './template-guide';

export interface HoverResult {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

/** Diagnostics that speak of a section title's place or spelling in the template. */
const PLACEMENT_CODES = new Set(['title-mismatch', 'section-level', 'section-order', 'unknown-section']);

/**
 * The hover at `position`. `spec` is set for specs (template hovers); `diagnostics` are the
 * document's current diagnostics, whose messages the hover doesn't repeat.
 */
export function hoverAt(
  doc: SpecDocument,
  spec: SpecContext | undefined,
  position: Position,
  diagnostics: readonly SpecDiagnostic[] = [],
): HoverResult | undefined {
  if (!spec || position.line >= doc.lines.length) return undefined;
  const here = diagnostics.filter((diagnostic) => contains(diagnostic.range, position));
  // A missing-section squiggle sits on a neighbour's title: the hover is about the missing section.
  const missing = here.filter((diagnostic) => diagnostic.code === 'missing-section');
  if (missing.length > 0) return missingHover(spec, missing);
  const section = doc.sections.find((candidate) => candidate.titleLine === position.line);
  if (section) {
    return contains(section.titleRange, position) ? { contents: titleHover(spec, section, here), range: section.titleRange } : undefined;
  }
  // A REST API diagnostic already brings the template's rule for what it flags.
  return here.some((diagnostic) => diagnostic.code.startsWith('rest-')) ? undefined : methodItemHover(spec, position);
}

function titleHover(spec: SpecContext, section: Section, diagnostics: readonly SpecDiagnostic[]): string {
  const { template } = spec;
  const outline = outlineOf(spec);
  const placementSaid = diagnostics.some((diagnostic) => PLACEMENT_CODES.has(diagnostic.code));
  if (section === outline.title) {
    const guidance = titleGuidanceMarkdown(template);
    return join('**The title of the spec**', guidance && quote(guidance));
  }
  const match = outline.matchOf(section);
  if (!match || match.kind === 'unknown' || !match.template) {
    const nearest = nearestTemplateSection(template, section.title);
    const where = nearest ? `The nearest template section is ${templatePlace(template, nearest)}.` : '';
    if (placementSaid) return where || 'No template section is near this title.';
    return join(`**Not a template section.**${where ? ` ${where}` : ''}`);
  }
  const guidance = guidanceMarkdown(template, match.template);
  const children = match.template.children.map((child) => child.title);
  const body = guidance
    ? quote(guidance)
    : children.length > 0
      ? `The template writes no guidance here, only its subsections: ${children.join(', ')}.`
      : 'The template writes no guidance here.';
  return join(placementSaid ? '**Template guidance**' : `${templatePlace(template, match.template)} in the template`, body);
}

/** The missing sections' places and guidance, as the template writes them. */
function missingHover(spec: SpecContext, missing: readonly SpecDiagnostic[]): HoverResult | undefined {
  const parts: string[] = [];
  for (const diagnostic of missing) {
    const index = diagnostic.data?.templateIndex;
    const section = typeof index === 'number' ? spec.template.sections[index] : undefined;
    if (!section) continue;
    const guidance = guidanceMarkdown(spec.template, section);
    parts.push(
      join(
        `Missing: ${templatePlace(spec.template, section)} in the template`,
        guidance ? quote(guidance) : 'The template writes no guidance here.',
      ),
    );
  }
  return parts.length > 0 ? { contents: parts.join('\n\n---\n\n'), range: missing[0].range } : undefined;
}

function methodItemHover(spec: SpecContext, position: Position): HoverResult | undefined {
  const rest = restApiTemplate(spec.template);
  const section = rest && specSectionFor(spec, rest.section);
  if (!rest || !section || position.line <= section.underlineLine || position.line >= section.endLine) return undefined;
  const extract = spec.rest
    ? spec.rest()
    : extractRest({ doc: spec.doc, template: spec.template, options: ruleOptions({}), outline: outlineOf(spec) });
  const found = extract && methodItemAt(rest, extract, spec.doc, position.line, position.character);
  const item = found && rest.items.get(found.kind);
  if (!found || !item) return undefined;
  return {
    contents: join(
      `The template's rule for ${KIND_NAMES[found.kind]} (**${templatePath(rest.section)}**)`,
      quote(rstToMarkdown(item.lines)),
    ),
    range: found.range,
  };
}

function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n\n');
}
