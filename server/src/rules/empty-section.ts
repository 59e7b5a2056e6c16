import type { Section, SpecDocument } from '../rst/types';
import type { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  description: 'A section with no text and no subsections: the template asks for "None".',
  fixes: [{ title: 'Write "None" under the title' }],
  check({ doc }) {
    const leaves = doc.sections.filter((section) => section.children.length === 0);
    if (leaves.length === 0) return [];
    const commentLines = new Set<number>();
    for (const block of doc.blocks) {
      if (block.kind !== 'comment') continue;
      for (let line = block.startLine; line < block.endLine; line++) commentLines.add(line);
    }
    return leaves
      .filter((section) => !hasText(doc, section, commentLines))
      .map((section) => ({
        range: section.titleRange,
        message: `Section '${section.title}' is empty: if there is nothing to say, write "None".`,
        data: { title: section.title, insertLine: section.underlineLine + 1 },
      }));
  },
};

function hasText(doc: SpecDocument, section: Section, commentLines: ReadonlySet<number>): boolean {
  for (let line = section.underlineLine + 1; line < section.endLine; line++) {
    if (doc.lines[line].text.trim() !== '' && !commentLines.has(line)) return true;
  }
  return false;
}
