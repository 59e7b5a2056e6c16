// A title swallowed by the paragraph above it: `Data model impact` and its underline written
// straight after a paragraph line, with no blank line between. docutils reads the three lines as
// one paragraph (no warning), so the specs repos' test_titles.py reports the section missing.
import type { SpecDocument } from '../rst/types';
import { docutilsLine } from '../rst/lines';
import { columnWidth } from '../text/width';
import type { Outline } from './outline';

const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/;

/** The line of each missing template section's title that a paragraph swallowed, by template index. */
export function swallowedTitles(doc: SpecDocument, outline: Outline): ReadonlyMap<number, number> {
  const found = new Map<number, number>();
  if (outline.missing.length === 0) return found;
  const candidates = new Map<string, number>();
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' || block.indent > 0) continue;
    for (let line = block.startLine + 1; line + 1 < block.endLine; line++) {
      const text = docutilsLine(doc.lines[line].text);
      const underline = doc.lines[line + 1].text.trimEnd();
      if (text.trim() === '' || /^\s/.test(text) || !ADORNMENT.test(underline)) continue;
      const title = text.trim();
      if (underline.length >= columnWidth(title) && !candidates.has(title)) candidates.set(title, line);
    }
  }
  for (const { template } of outline.missing) {
    const line = candidates.get(template.title);
    if (line !== undefined) found.set(template.index, line);
  }
  return found;
}
