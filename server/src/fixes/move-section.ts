// section-order: move the whole section (title, body and subsections) to its template place, after
// the sibling the rule names (after that sibling's subsections) or before it. Nothing else changes
// but the blank lines that separate the moved section from its new neighbours.
import type { Section, SpecDocument } from '../rst/types';
import { startLineOf } from '../template/model';
import { eolOf, isAtEnd, isBlank, rangeOf, type TextEdit } from '../edit/text-edit';
import type { Fix, FixDiagnostic } from './fix';
import { blankLinesBefore, contentEnd, sectionWithTitleOn } from '../edit/sections';

export const moveSection: Fix = ({ doc }, diagnostic) => {
  const move = plannedMove(doc, diagnostic);
  return move ? moveEdits(doc, move.section, move.line) : [];
};

/** "Move 'X' after 'Y'" or "Move 'X' before 'Y'", as the rule's data says. */
export function moveTitle(diagnostic: FixDiagnostic): string | undefined {
  const { title, afterTitle, beforeTitle } = diagnostic.data ?? {};
  if (typeof afterTitle === 'string') return `Move '${title}' after '${afterTitle}'`;
  if (typeof beforeTitle === 'string') return `Move '${title}' before '${beforeTitle}'`;
  return undefined;
}

function plannedMove(doc: SpecDocument, diagnostic: FixDiagnostic): { section: Section; line: number } | undefined {
  const section = sectionWithTitleOn(doc, diagnostic.range.start.line);
  const { afterTitle, beforeTitle } = diagnostic.data ?? {};
  if (!section) return undefined;
  const siblings = section.parent ? section.parent.children : doc.roots;
  if (typeof afterTitle === 'string') {
    const anchor = siblings.find((other) => other !== section && other.title === afterTitle);
    return anchor && { section, line: anchor.endLine };
  }
  if (typeof beforeTitle === 'string') {
    const anchor = siblings.find((other) => other !== section && other.title === beforeTitle);
    return anchor && { section, line: startLineOf(anchor) };
  }
  return undefined;
}

/** Moves the lines of `section` (its subsections included) to the start of `line`. */
export function moveEdits(doc: SpecDocument, section: Section, line: number): TextEdit[] {
  const eol = eolOf(doc);
  const start = startLineOf(section);
  const end = Math.min(section.endLine, doc.lines.length);
  const last = isAtEnd(doc, end);
  if (line >= start && line <= end) return [];
  const coreEnd = contentEnd(doc, section);
  const core =
    doc.lines
      .slice(start, coreEnd)
      .map((source) => source.text)
      .join(eol) + eol;
  const edits: TextEdit[] = [];

  // Take the section out: with the blank lines after it, or (when it is last) the ones before it.
  if (!last) edits.push({ range: rangeOf(start, 0, end, 0), newText: '' });
  else {
    let from = start;
    while (from > 0 && isBlank(doc.lines[from - 1].text)) from--;
    const final = doc.lines.length - 1;
    edits.push({ range: rangeOf(from, 0, final, doc.lines[final].text.length), newText: '' });
  }

  // Put it in: separated from what follows as the sections there already are.
  if (!isAtEnd(doc, line)) {
    const before = blankLinesBefore(doc, line);
    const gap = Math.max(1, before);
    edits.push({ range: rangeOf(line, 0, line, 0), newText: (before === 0 ? eol : '') + core + eol.repeat(gap) });
  } else {
    const final = doc.lines.length - 1;
    const finalText = doc.lines[final].text;
    let complete = finalText === '' ? final - 1 : final;
    let trailing = 0;
    while (complete >= 0 && isBlank(doc.lines[complete].text)) {
      trailing++;
      complete--;
    }
    const gap = Math.max(1, blankLinesBefore(doc, start));
    const prefix = (finalText === '' ? '' : eol) + eol.repeat(Math.max(0, gap - trailing));
    edits.push({ range: rangeOf(final, finalText.length, final, finalText.length), newText: prefix + core });
  }
  return edits;
}
