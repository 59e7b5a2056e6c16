import type { Section, SpecDocument } from '../rst/types';
import type { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  description: 'A section with no text and no subsections: the template asks for "None".',
  check({ doc }) {
    return doc.sections
      .filter((section) => section.children.length === 0 && !hasText(doc, section))
      .map((section) => ({
        range: section.titleRange,
        message: `Section '${section.title}' is empty: if there is nothing to say, write "None".`,
        data: { title: section.title, insertLine: section.underlineLine + 1 },
      }));
  },
};

function hasText(doc: SpecDocument, section: Section): boolean {
  const end = section.endLine;
  const commentLines = new Set<number>();
  for (const block of doc.blocks) {
    if (block.kind !== 'comment' || block.startLine <= section.underlineLine || block.startLine >= end) continue;
    for (let line = block.startLine; line < block.endLine; line++) commentLines.add(line);
  }
  for (let line = section.underlineLine + 1; line < end; line++) {
    if (doc.lines[line].text.trim() !== '' && !commentLines.has(line)) return true;
  }
  return false;
}
