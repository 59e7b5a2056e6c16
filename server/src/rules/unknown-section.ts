import type { Rule } from './rule';

export const unknownSection: Rule = {
  id: 'unknown-section',
  defaultSeverity: 'error',
  description: "A top-level section that the template doesn't have.",
  check({ outline, template }) {
    const known = template.topLevel.map((section) => `'${section.title}'`).join(', ');
    return outline.matches
      .filter((match) => match.kind === 'unknown')
      .map(({ section }) => ({
        range: section.titleRange,
        message: `Unknown section '${section.title}': the template's top-level sections are ${known}. Put it under one of them as a subsection.`,
        data: { title: section.title },
      }));
  },
};
