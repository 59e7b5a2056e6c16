import type { Section, SpecDocument } from '../rst/types';

/**
 * The sections that the template's structure speaks of. Like docutils' DocTitle transform (which
 * the specs repos' own checks rely on), a lone outermost section is the document title and its
 * children are the top-level sections; otherwise the outermost sections are.
 */
export function structuralSections(doc: SpecDocument): { title: Section | undefined; topLevel: readonly Section[] } {
  if (doc.roots.length === 1) {
    return { title: doc.roots[0], topLevel: doc.roots[0].children };
  }
  return { title: undefined, topLevel: doc.roots };
}
