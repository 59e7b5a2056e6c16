import type { Section, SpecDocument } from '../rst/types';
import { optionalTitles, type Template, type TemplateSection } from './model';
import { isNearTitle } from './similarity';
import { structuralSections } from './structure';

/**
 * How a spec section relates to the template:
 * - `exact`: same title, right place;
 * - `near`: the title differs by case, plural or a small edit (title-mismatch);
 * - `renamed`: another title, but it holds the template section's subsections (title-mismatch);
 * - `replaced`: another title, alone where the template has a section the spec lacks (title-mismatch);
 * - `wrong-level`: a template title at another depth (section-level);
 * - `misplaced`: a template subsection under another template section than its own;
 * - `unknown`: a top-level title the template doesn't have (unknown-section).
 */
export type MatchKind = 'exact' | 'near' | 'renamed' | 'replaced' | 'wrong-level' | 'misplaced' | 'unknown';

export interface SectionMatch {
  readonly section: Section;
  /** 1 for top-level spec sections, 2 for their children. */
  readonly depth: number;
  readonly kind: MatchKind;
  readonly template: TemplateSection | undefined;
}

export interface MissingSection {
  readonly template: TemplateSection;
  /** The spec section it belongs after (its preceding template sibling that the spec has). */
  readonly after: Section | undefined;
  /** The spec section it belongs in, for a missing subsection. */
  readonly parent: Section | undefined;
}

export interface Outline {
  readonly title: Section | undefined;
  readonly topLevel: readonly Section[];
  readonly matches: readonly SectionMatch[];
  readonly missing: readonly MissingSection[];
  /** Spec section for each template section the spec has (in any of the match kinds but unknown). */
  readonly found: ReadonlyMap<TemplateSection, Section>;
  matchOf(section: Section): SectionMatch | undefined;
}

export function buildOutline(doc: SpecDocument, template: Template, optionalSections: readonly string[]): Outline {
  const { title, topLevel } = structuralSections(doc);
  const matchBySection = new Map<Section, SectionMatch>();
  const found = new Map<TemplateSection, Section>();
  const record = (section: Section, depth: number, kind: MatchKind, templateSection?: TemplateSection) => {
    matchBySection.set(section, { section, depth, kind, template: templateSection });
    if (templateSection && kind !== 'unknown') found.set(templateSection, section);
  };

  const optional = optionalTitles(template, optionalSections);
  matchSiblings(topLevel, template.topLevel, 1, record, found, optional);
  const templateChildren = template.sections.filter((section) => section.depth === 2);
  for (const section of topLevel) {
    const match = matchBySection.get(section);
    if (match?.kind === 'wrong-level' || match?.kind === 'unknown' || !match?.template) continue;
    for (const child of section.children) {
      const exactOwn = match.template.children.find((own) => own.title === child.title && !found.has(own));
      if (exactOwn) record(child, 2, 'exact', exactOwn);
    }
    for (const child of section.children) {
      if (matchBySection.has(child)) continue;
      const nearOwn = match.template.children.find((own) => !found.has(own) && isNearTitle(own.title, child.title));
      const tooDeep = template.topLevel.find((top) => !found.has(top) && isNearTitle(top.title, child.title));
      const elsewhere = templateChildren.find((other) => !found.has(other) && other.title === child.title);
      if (nearOwn) record(child, 2, 'near', nearOwn);
      else if (tooDeep) record(child, 2, 'wrong-level', tooDeep);
      else if (elsewhere) record(child, 2, 'misplaced', elsewhere);
    }
  }
  for (const section of topLevel) {
    if (matchBySection.get(section)?.kind !== 'unknown') continue;
    const tooHigh = templateChildren.find((child) => !found.has(child) && isNearTitle(child.title, section.title));
    if (tooHigh) record(section, 1, 'wrong-level', tooHigh);
  }

  const missing: MissingSection[] = [];
  const collectMissing = (siblings: readonly TemplateSection[], parent: Section | undefined) => {
    let after: Section | undefined;
    for (const templateSection of siblings) {
      const present = found.get(templateSection);
      if (present) {
        const presentMatch = matchBySection.get(present);
        if (presentMatch && presentMatch.kind !== 'wrong-level' && presentMatch.kind !== 'misplaced') {
          after = present;
          collectMissing(templateSection.children, present);
        }
      } else if (!optional.has(templateSection.title)) {
        missing.push({ template: templateSection, after, parent });
      }
    }
  };
  collectMissing(template.topLevel, title);

  const matches = [...matchBySection.values()].sort((a, b) => a.section.titleLine - b.section.titleLine);
  return { title, topLevel, matches, missing, found, matchOf: (section) => matchBySection.get(section) };
}

type Recorder = (section: Section, depth: number, kind: MatchKind, template?: TemplateSection) => void;

function matchSiblings(
  sections: readonly Section[],
  templateSections: readonly TemplateSection[],
  depth: number,
  record: Recorder,
  found: ReadonlyMap<TemplateSection, Section>,
  optional: ReadonlySet<string>,
): void {
  const matched = new Set<Section>();
  const claim = (section: Section, kind: MatchKind, templateSection: TemplateSection) => {
    record(section, depth, kind, templateSection);
    matched.add(section);
  };
  for (const section of sections) {
    const exact = templateSections.find((candidate) => !found.has(candidate) && candidate.title === section.title);
    if (exact) claim(section, 'exact', exact);
  }
  for (const section of sections) {
    if (matched.has(section)) continue;
    const near = templateSections.find((candidate) => !found.has(candidate) && isNearTitle(candidate.title, section.title));
    if (near) claim(section, 'near', near);
  }
  for (const section of sections) {
    if (matched.has(section)) continue;
    const renamed = templateSections.find((candidate) => !found.has(candidate) && holdsMostChildrenOf(section, candidate));
    if (renamed) claim(section, 'renamed', renamed);
  }
  const known = new Set(templateSections.map((templateSection) => templateSection.title));
  const candidates = sections.filter((section) => !known.has(section.title));
  const replaceable = templateSections.filter((templateSection) => !optional.has(templateSection.title));
  for (const [section, templateSection] of loneReplacements(sections, candidates, replaceable, matched, found)) {
    claim(section, 'replaced', templateSection);
  }
  for (const section of sections) if (!matched.has(section)) record(section, depth, 'unknown');
}

/**
 * A section the template doesn't know, standing alone where the template has a section the spec
 * lacks (between the same matched neighbours), is taken for that section renamed: one root cause,
 * one diagnostic, rather than an unknown section and a missing one.
 */
function loneReplacements(
  sections: readonly Section[],
  candidates: readonly Section[],
  templateSections: readonly TemplateSection[],
  matched: ReadonlySet<Section>,
  found: ReadonlyMap<TemplateSection, Section>,
): [Section, TemplateSection][] {
  const templateIndexOf = new Map<Section, number>();
  for (const [templateSection, section] of found) templateIndexOf.set(section, templateSection.index);
  const pairs: [Section, TemplateSection][] = [];
  let lowerBound = -1;
  let gap: Section[] = [];
  const closeGap = (upperBound: number) => {
    const missing = templateSections.filter(
      (candidate) => !found.has(candidate) && candidate.index > lowerBound && candidate.index < upperBound,
    );
    if (gap.length === 1 && missing.length === 1 && candidates.includes(gap[0])) pairs.push([gap[0], missing[0]]);
    gap = [];
  };
  for (const section of sections) {
    const index = matched.has(section) ? templateIndexOf.get(section) : undefined;
    if (index === undefined) {
      gap.push(section);
      continue;
    }
    closeGap(index);
    lowerBound = Math.max(lowerBound, index);
  }
  closeGap(Infinity);
  return pairs;
}

function holdsMostChildrenOf(section: Section, templateSection: TemplateSection): boolean {
  if (templateSection.children.length === 0 || section.children.length === 0) return false;
  const titles = new Set(templateSection.children.map((child) => child.title));
  const shared = section.children.filter((child) => titles.has(child.title)).length;
  return shared * 2 >= section.children.length && shared * 2 >= templateSection.children.length;
}
