// Adornment fixes. title-underline: make the underline (and overline) as long as the title is wide.
// section-level: give the section the adornment the document uses for the depth the template puts it at.
import { parseSpec } from '../rst/parse';
import type { Section, SpecDocument } from '../rst/types';
import { buildOutline } from '../template/outline';
import { editorLineBreak } from '../rst/lines';
import { applyEdits, eolOf, rangeOf, type TextEdit } from '../edit/text-edit';
import type { Fix } from './fix';
import { documentStyle, sectionWithUnderlineOn, sectionWithTitleOn, titleWidth } from '../edit/sections';

export const resizeAdornment: Fix = (doc, _template, diagnostic) => {
  const section = sectionWithUnderlineOn(doc, diagnostic.range.start.line);
  if (!section) return [];
  const width = typeof diagnostic.data?.width === 'number' ? diagnostic.data.width : titleWidth(doc, section);
  // Never shorter than the title; when overline and underline differ, both take the longer.
  const length = Math.max(width, section.underlineLength, section.overlineLine >= 0 ? section.overlineLength : 0);
  return adornmentEdits(doc, section, section.style, length);
};

export const changeSectionLevel: Fix = (doc, template, diagnostic, options) => {
  const depth = diagnostic.data?.expectedDepth;
  const current = diagnostic.data?.depth;
  const section = sectionWithTitleOn(doc, diagnostic.range.start.line);
  if (!section || (depth !== 1 && depth !== 2) || depth === current) return [];
  const outline = buildOutline(doc, template, options.optionalSections);
  const style = documentStyle(doc, outline, template, depth, section);
  if (style === section.style) return [];
  const length = Math.max(titleWidth(doc, section), section.underlineLength);
  return adornmentEdits(doc, section, style, length);
};

/**
 * The section-level fix offered as a quick fix: only when, once applied, the section is at the
 * depth the template wants. Not so for a section above the document title: overlining it makes it
 * the document title, and the fix then takes the overline off again, each application undoing the
 * one before. (Fix-all checks its result round by round and stops such cycles on its own.)
 */
export const changeSectionLevelOnce: Fix = (doc, template, diagnostic, options) => {
  const edits = changeSectionLevel(doc, template, diagnostic, options);
  if (edits.length === 0) return edits;
  const fixed = parseSpec(applyEdits(doc.text, edits));
  const titleLine = diagnostic.range.start.line + linesAddedBefore(edits, diagnostic.range.start.line);
  const section = sectionWithTitleOn(fixed, titleLine);
  const match = section && buildOutline(fixed, template, options.optionalSections).matchOf(section);
  return match?.depth === diagnostic.data?.expectedDepth ? edits : [];
};

/** How many lines the edits add (or, negative, remove) before `line`. */
function linesAddedBefore(edits: readonly TextEdit[], line: number): number {
  let added = 0;
  for (const { range, newText } of edits) {
    if (range.end.line > line || (range.end.line === line && range.end.character > 0)) continue;
    added += newText.split(/\r\n|\r|\n/).length - 1 - (range.end.line - range.start.line);
  }
  return added;
}

/** Rewrites a section's adornment lines in `style`: adding or removing the overline as needed. */
export function adornmentEdits(doc: SpecDocument, section: Section, style: string, length: number): TextEdit[] {
  const line = style[0].repeat(length);
  const edits: TextEdit[] = [];
  const replace = (at: number) => {
    const current = doc.lines[at].text.trimEnd();
    if (current !== line) edits.push({ range: rangeOf(at, 0, at, current.length), newText: line });
  };
  const overlined = style.length > 1;
  if (section.overlineLine >= 0 && overlined) replace(section.overlineLine);
  else if (section.overlineLine >= 0) {
    edits.push({ range: rangeOf(section.overlineLine, 0, section.overlineLine + 1, 0), newText: '' });
  } else if (overlined) {
    const eol = editorLineBreak(doc.lines[section.titleLine].eol) || eolOf(doc);
    edits.push({ range: rangeOf(section.titleLine, 0, section.titleLine, 0), newText: line + eol });
  }
  replace(section.underlineLine);
  return edits;
}
