import type { Rule } from './rule';

export const unknownSection: Rule = {
  id: 'unknown-section',
  defaultSeverity: 'error',
  description: "A top-level section that the template doesn't have.",
  check({ outline, template }) {
    return outline.matches
      .filter((match) => match.kind === 'unknown')
      .map(({ section }) => {
        const templateSection = template.topLevel.find((top) => top.title === section.title);
        const first = templateSection && outline.found.get(templateSection);
        const message = first
          ? `Duplicate section '${section.title}': the spec already has it at line ${first.titleLine + 1}.`
          : `Unknown section '${section.title}': make it a subsection of a template section.`;
        return { range: section.titleRange, message, data: { title: section.title } };
      });
  },
};
