import type { Range, Section, SpecDocument } from '../rst/types';
import { parseSpec } from '../rst/parse';
import { structuralSections } from './structure';
import { controlComments } from '../control/parse';
import { Memo } from '../once';

export interface TemplateSection {
  readonly title: string;
  /** 1 for the template's top-level sections (the children of its document title), 2 for theirs. */
  readonly depth: number;
  /** Position in the template, counting every section in document order. */
  readonly index: number;
  readonly parent: TemplateSection | undefined;
  readonly children: readonly TemplateSection[];
  /** What the template writes under the title, up to its first subsection. */
  readonly guidance: string;
  /** The lines of `guidance` in the template; empty (start = end) when there is none. */
  readonly guidanceRange: Range;
  readonly style: string;
  readonly section: Section;
  /** Marked optional by the template itself: `.. rst-specs: optional` under its title. */
  readonly optional: boolean;
}

export interface Template {
  /** A file path, or `bundled` for the default template. */
  readonly source: string;
  readonly doc: SpecDocument;
  /** The overlined title of the template ("Example Spec - ..."), when it has one. */
  readonly title: Section | undefined;
  /** Every section below the title, in template order. */
  readonly sections: readonly TemplateSection[];
  readonly topLevel: readonly TemplateSection[];
  /** The adornment style for each depth (index 0 = depth 1), as the template writes them. */
  readonly styleByDepth: readonly string[];
  /** The example blueprint URL, e.g. https://blueprints.launchpad.net/senlin/+spec/example. */
  readonly exampleBlueprintUrl: string | undefined;
  /** Guidance paragraphs, whitespace-normalised, for spotting template text left in a spec. */
  readonly guidanceParagraphs: ReadonlySet<string>;
  /**
   * The guidance paragraphs by their first line (trimmed), each as its trimmed lines: a cheap test
   * before normalising, and a match without normalising for guidance left as the template wrote it.
   */
  readonly guidanceLines: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The opening sentences of guidance paragraphs (five words or more), normalised: guidance cut short. */
  readonly guidanceOpenings: ReadonlySet<string>;
  /** What rules and features derive from the template (its REST API model, ...), kept with it: a template is loaded once and read by many analyses. */
  readonly memo?: Memo;
}

export class TemplateError extends Error {}

const BLUEPRINT_URL = /https?:\/\/blueprints\.launchpad\.net\/[\w.-]+\/\+spec\/[\w.-]+/;

export function normaliseParagraph(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Builds the template model; throws TemplateError when the text has no section a spec could follow. */
export function buildTemplate(text: string, source: string): Template {
  if (text.includes('\u0000')) throw new TemplateError(`the template ${source} is a binary file, not reStructuredText`);
  const doc = parseSpec(text);
  const { title, topLevel: topSections } = structuralSections(doc);
  if (topSections.length === 0) throw new TemplateError(`the template ${source} has no sections`);

  const sections: TemplateSection[] = [];
  const styleByDepth: string[] = [];
  const optionalMarkers = controlComments(doc).filter((comment) => comment.command === 'optional');
  const build = (section: Section, depth: number, parent: TemplateSection | undefined): TemplateSection => {
    styleByDepth[depth - 1] ??= section.style;
    const guidanceEnd = section.children[0] ? startLineOf(section.children[0]) : section.endLine;
    const markers = optionalMarkers.filter((marker) => marker.line > section.underlineLine && marker.line < guidanceEnd);
    // The marker is about the template, not guidance for the spec: it is left out of the guidance.
    let guidanceStart = section.underlineLine + 1;
    for (const marker of markers) {
      if (doc.lines.slice(guidanceStart, marker.line).every((line) => line.text.trim() === '')) guidanceStart = marker.endLine;
    }
    const guidanceLines = trimBlankLines(doc, guidanceStart, guidanceEnd);
    const children: TemplateSection[] = [];
    const node: TemplateSection = {
      title: section.title,
      depth,
      index: sections.length,
      parent,
      children,
      guidance: guidanceLines.text,
      guidanceRange: guidanceLines.range,
      style: section.style,
      section,
      optional: markers.length > 0,
    };
    sections.push(node);
    if (depth < 2) for (const child of section.children) children.push(build(child, depth + 1, node));
    return node;
  };
  const topLevel = topSections.map((section) => build(section, 1, undefined));

  const guidanceParagraphs = new Set<string>();
  const guidanceLines = new Map<string, string[][]>();
  const guidanceOpenings = new Set<string>();
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    const lines = doc.lines.slice(block.startLine, block.endLine).map((line) => line.text.trim());
    const paragraph = normaliseParagraph(lines.join(' '));
    if (paragraph.length < 40 || paragraph.split(' ').length < 5) continue;
    guidanceParagraphs.add(paragraph);
    for (const end of paragraph.matchAll(/[.?!](?= )/g)) {
      const opening = paragraph.slice(0, end.index! + 1);
      if (opening.split(' ').length >= 5) guidanceOpenings.add(opening);
    }
    const sameFirstLine = guidanceLines.get(lines[0]);
    if (sameFirstLine) sameFirstLine.push(lines);
    else guidanceLines.set(lines[0], [lines]);
  }

  return {
    source,
    doc,
    title,
    sections,
    topLevel,
    styleByDepth,
    exampleBlueprintUrl: BLUEPRINT_URL.exec(text)?.[0],
    guidanceParagraphs,
    guidanceLines,
    guidanceOpenings,
    memo: new Memo(),
  };
}

/** The titles a spec may leave out: those given (the settings) and those the template marks optional. */
export function optionalTitles(template: Template, given: readonly string[]): Set<string> {
  const titles = new Set(given);
  for (const section of template.sections) if (section.optional) titles.add(section.title);
  return titles;
}

export function startLineOf(section: Section): number {
  return section.overlineLine >= 0 ? section.overlineLine : section.titleLine;
}

function trimBlankLines(doc: SpecDocument, start: number, end: number): { text: string; range: Range } {
  while (start < end && doc.lines[start].text.trim() === '') start++;
  while (end > start && doc.lines[end - 1].text.trim() === '') end--;
  const text = doc.lines
    .slice(start, end)
    .map((line) => line.text)
    .join('\n');
  const endCharacter = end > start ? doc.lines[end - 1].text.length : 0;
  const endLine = end > start ? end - 1 : start;
  return { text, range: { start: { line: start, character: 0 }, end: { line: endLine, character: endCharacter } } };
}
