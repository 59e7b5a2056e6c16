// Document symbols: the section tree, for the Outline view, breadcrumbs and Go to Symbol.
import type { Range, Section, SpecDocument } from '../rst/types';
import { structuralSections } from '../template/structure';
import { outlineOf, sectionRange, type SpecContext } from './template-guide';

export interface SectionSymbol {
  readonly name: string;
  /** Set on specs for sections the template doesn't know. */
  readonly detail?: string;
  /** `title` for the document title, `section` for the others. */
  readonly kind: 'title' | 'section';
  /** The whole section, from its title (or overline) to its last non-blank line. */
  readonly range: Range;
  /** The title text. */
  readonly selectionRange: Range;
  readonly children: readonly SectionSymbol[];
}

export const UNKNOWN_SECTION_DETAIL = 'not in the template';

/** The sections of any rST document as a tree; on specs, sections the template doesn't know are marked. */
export function documentSymbols(doc: SpecDocument, spec?: SpecContext): SectionSymbol[] {
  const outline = spec ? outlineOf(spec) : undefined;
  const title = structuralSections(doc).title;
  const symbol = (section: Section): SectionSymbol => {
    const match = outline?.matchOf(section);
    const unknown = outline !== undefined && section !== title && (!match || match.kind === 'unknown');
    return {
      name: section.title,
      ...(unknown ? { detail: UNKNOWN_SECTION_DETAIL } : {}),
      kind: section === title ? 'title' : 'section',
      range: sectionRange(doc, section),
      selectionRange: section.titleRange,
      children: section.children.map(symbol),
    };
  };
  return doc.roots.map(symbol);
}
