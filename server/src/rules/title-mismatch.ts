import type { Rule } from './rule';

export const titleMismatch: Rule = {
  id: 'title-mismatch',
  defaultSeverity: 'error',
  description: "A section title that differs from the template's spelling.",
  fixes: [{ title: "Rename the title to the template's" }],
  check({ outline }) {
    return outline.matches.flatMap(({ section, kind, template }) => {
      if (!template || (kind !== 'near' && kind !== 'renamed' && kind !== 'replaced')) return [];
      const message =
        kind === 'near'
          ? `Section title '${section.title}' should be '${template.title}', as the template spells it.`
          : kind === 'renamed'
            ? `Section '${section.title}' holds the subsections of '${template.title}': the template calls it '${template.title}'.`
            : `Section '${section.title}' stands where the template has '${template.title}', which this spec lacks: rename it to '${template.title}'.`;
      return [{ range: section.titleRange, message, data: { title: section.title, expected: template.title } }];
    });
  },
};
