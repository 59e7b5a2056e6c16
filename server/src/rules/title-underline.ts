import type { Section, SpecDocument } from '../rst/types';
import { columnWidth, expandTabs } from '../text/width';
import type { Finding, Rule } from './rule';

export const titleUnderline: Rule = {
  id: 'title-underline',
  defaultSeverity: 'error',
  description: 'A title underline or overline shorter than the title, or an overline that differs from the underline.',
  check({ doc }) {
    return doc.sections.flatMap((section) => checkSection(doc, section));
  },
};

function checkSection(doc: SpecDocument, section: Section): Finding[] {
  const titleText = expandTabs(doc.lines[section.titleLine].text).trimEnd();
  const width = columnWidth(section.overlineLine >= 0 ? titleText : titleText.trimStart());
  const data = { title: section.title, width };
  if (section.overlineLine >= 0 && section.overlineLength !== section.underlineLength) {
    return [
      {
        range: lineRange(doc, section.underlineLine),
        message: `The underline of '${section.title}' (${section.underlineLength} characters) differs from its overline (${section.overlineLength}).`,
        data,
      },
    ];
  }
  if (section.underlineLength >= width) return [];
  const which = section.overlineLine >= 0 ? 'Overline and underline' : 'Underline';
  return [
    {
      range: lineRange(doc, section.underlineLine),
      message: `${which} of '${section.title}' too short: ${section.underlineLength} characters for a title ${width} columns wide.`,
      data,
    },
  ];
}

function lineRange(doc: SpecDocument, line: number) {
  const text = doc.lines[line].text;
  return { start: { line, character: 0 }, end: { line, character: text.trimEnd().length } };
}
