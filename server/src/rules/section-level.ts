import type { Rule } from './rule';
import { swallowedTitles } from '../template/swallowed';

export const sectionLevel: Rule = {
  id: 'section-level',
  defaultSeverity: 'error',
  description: 'A template section at the wrong level or under the wrong parent.',
  fixes: [{ title: 'Move the section to the level the template gives it' }],
  check({ doc, outline }) {
    const swallowed = swallowedTitles(doc, outline);
    return outline.matches.flatMap(({ section, kind, template, depth }) => {
      if (!template || (kind !== 'wrong-level' && kind !== 'misplaced')) return [];
      // Under a parent whose title a paragraph swallowed: that title's blank line fixes this too.
      if (kind === 'misplaced' && template.parent && swallowed.has(template.parent.index)) return [];
      const parentTitle = template.parent?.title;
      const message =
        kind === 'misplaced'
          ? `Section '${section.title}' belongs under '${parentTitle}', not under '${section.parent?.title}'.`
          : template.depth === 1
            ? `Section '${section.title}' is a top-level section in the template, not a subsection.`
            : `Section '${section.title}' is a subsection of '${parentTitle}' in the template, not a top-level section.`;
      return [
        {
          range: section.titleRange,
          message,
          data: { title: section.title, expectedDepth: template.depth, depth, parent: parentTitle ?? null },
        },
      ];
    });
  },
};
