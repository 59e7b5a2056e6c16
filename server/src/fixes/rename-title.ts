// title-mismatch: rename the title to the template's spelling and resize its adornment to fit.
import type { Section, SpecDocument } from '../rst/types';
import { rangeOf, type TextEdit } from '../edit/text-edit';
import type { Fix } from './fix';
import { sectionWithTitleOn } from '../edit/sections';
import { columnWidth } from '../text/width';

export const renameTitle: Fix = (doc, _template, diagnostic) => {
  const expected = diagnostic.data?.expected;
  const section = sectionWithTitleOn(doc, diagnostic.range.start.line);
  if (typeof expected !== 'string' || !section || section.title === expected) return [];
  return retitle(doc, section, expected);
};

/** Edits that give a section a new title, with adornment lines as long as the new title is wide. */
export function retitle(doc: SpecDocument, section: Section, title: string): TextEdit[] {
  const { start, end } = section.titleRange;
  const line = doc.lines[section.titleLine].text;
  const edits: TextEdit[] = [{ range: rangeOf(section.titleLine, start.character, end.line, end.character), newText: title }];
  // Overlined titles may be inset: the adornment spans the title line as written, inset included.
  const newLine = line.slice(0, start.character) + title;
  const width = section.overlineLine >= 0 ? columnWidth(expandLeading(newLine)) : columnWidth(title);
  const character = section.style[0];
  for (const adornment of [section.overlineLine, section.underlineLine]) {
    if (adornment < 0) continue;
    const current = doc.lines[adornment].text.trimEnd();
    if (current.length === width && current === character.repeat(width)) continue;
    edits.push({ range: rangeOf(adornment, 0, adornment, current.length), newText: character.repeat(width) });
  }
  return edits;
}

function expandLeading(text: string): string {
  const indent = /^[ \t]*/.exec(text)![0];
  let columns = 0;
  for (const character of indent) columns = character === '\t' ? columns + 8 - (columns % 8) : columns + 1;
  return ' '.repeat(columns) + text.slice(indent.length);
}
