import type { Range } from '../rst/types';
import type { Finding, Rule } from './rule';
import { swallowedTitles } from '../template/swallowed';

const TOP_OF_DOCUMENT: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const missingSection: Rule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A section of the template is missing from the spec.',
  fixes: [{ title: 'Insert the missing section (or the blank line that makes a glued title one)' }],
  check({ doc, outline }) {
    const swallowed = swallowedTitles(doc, outline);
    return outline.missing.map(({ template, after, parent }): Finding => {
      const line = swallowed.get(template.index);
      if (line !== undefined) {
        // One root cause, one diagnostic: the title is there, but the paragraph above reads it as text.
        const start = doc.lines[line].text.indexOf(template.title);
        return {
          range: { start: { line, character: start }, end: { line, character: start + template.title.length } },
          message: `'${template.title}' needs a blank line before it to be a title.`,
          data: { title: template.title, templateIndex: template.index, swallowedLine: line },
        };
      }
      const anchor = after ?? parent ?? outline.title;
      const where = after
        ? `after '${after.title}'`
        : parent && parent !== outline.title
          ? `first in '${parent.title}'`
          : outline.title
            ? 'first, after the title'
            : 'first in the spec';
      const subsections = template.children.length;
      const including = subsections > 0 ? ` (with its ${subsections} subsection${subsections > 1 ? 's' : ''})` : '';
      return {
        range: anchor ? anchor.titleRange : TOP_OF_DOCUMENT,
        message: `Missing section '${template.title}'${including}: the template puts it ${where}.`,
        data: { title: template.title, templateIndex: template.index },
      };
    });
  },
};
