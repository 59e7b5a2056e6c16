// The fixes of template-text's guidance findings: replace a section's guidance with None, delete
// it, or the same for every section at once. Never part of fix-all: they remove the writer's text.
import type { Range, SpecDocument } from '../rst/types';
import { mergeEdits, rangeOf, type TextEdit } from '../edit/text-edit';
import type { FixDiagnostic } from './fix';
import type { QuickFix } from './index';

export const REPLACE_WITH_NONE = 'Replace the guidance with None';
export const DELETE_GUIDANCE = 'Delete the guidance';
export const REPLACE_ALL_WITH_NONE = 'Replace all guidance with None';
export const DELETE_ALL_GUIDANCE = 'Delete all guidance';

/** The faded text of a section finding (`data.guidance`), or the paragraph of a paragraph finding. */
export function guidanceRange(diagnostic: FixDiagnostic): Range | undefined {
  if (diagnostic.code !== 'template-text') return undefined;
  const kind = diagnostic.data?.kind;
  if (kind === 'guidance') return diagnostic.range;
  const numbers = diagnostic.data?.guidance;
  if ((kind !== 'section' && kind !== 'introduction') || !Array.isArray(numbers) || numbers.length !== 4) return undefined;
  const [startLine, startCharacter, endLine, endCharacter] = numbers as readonly number[];
  return rangeOf(startLine, startCharacter, endLine, endCharacter);
}

/** A section's guidance replaced by None (not the introduction's: a spec needs one). */
export function replaceWithNone(doc: SpecDocument, diagnostic: FixDiagnostic): TextEdit[] {
  const range = guidanceRange(diagnostic);
  if (!range || diagnostic.data?.kind !== 'section' || !stillThere(doc, range)) return [];
  return [{ range: rangeOf(range.start.line, 0, range.end.line, doc.lines[range.end.line].text.length), newText: 'None' }];
}

/** The guidance's lines removed with the blank lines before them, so the spacing after them stays. */
export function deleteGuidance(doc: SpecDocument, diagnostic: FixDiagnostic): TextEdit[] {
  const range = guidanceRange(diagnostic);
  if (!range || !stillThere(doc, range)) return [];
  const end = doc.lines[range.end.line].text.length;
  let previous = range.start.line - 1;
  while (previous >= 0 && doc.lines[previous].text.trim() === '') previous--;
  if (previous >= 0) return [{ range: rangeOf(previous, doc.lines[previous].text.length, range.end.line, end), newText: '' }];
  let next = range.end.line + 1;
  while (next < doc.lines.length && doc.lines[next].text.trim() === '') next++;
  return [{ range: next < doc.lines.length ? rangeOf(0, 0, next, 0) : rangeOf(0, 0, range.end.line, end), newText: '' }];
}

/** The quick fixes of one template-text diagnostic, then those for all of them, given every diagnostic of the spec. */
export function guidanceFixes(doc: SpecDocument, diagnostic: FixDiagnostic, all: readonly FixDiagnostic[]): QuickFix[] {
  if (guidanceRange(diagnostic) === undefined) return [];
  const fixes: QuickFix[] = [];
  const none = replaceWithNone(doc, diagnostic);
  if (none.length > 0) fixes.push({ title: REPLACE_WITH_NONE, edits: none, isPreferred: false });
  const deleted = deleteGuidance(doc, diagnostic);
  if (deleted.length > 0) fixes.push({ title: DELETE_GUIDANCE, edits: deleted, isPreferred: false });
  const others = all.filter((other) => guidanceRange(other) !== undefined);
  if (others.length > 1) {
    const allNone = mergeEdits(others.map((other) => replaceWithNone(doc, other)));
    if (allNone.length > 1) fixes.push({ title: REPLACE_ALL_WITH_NONE, edits: allNone, isPreferred: false });
    const allDeleted = mergeEdits(others.map((other) => deleteGuidance(doc, other)));
    if (allDeleted.length > 1) fixes.push({ title: DELETE_ALL_GUIDANCE, edits: allDeleted, isPreferred: false });
  }
  return fixes;
}

/** Whether the range still holds text (a stale diagnostic on a shorter document gets no fix). */
function stillThere(doc: SpecDocument, range: Range): boolean {
  return range.end.line < doc.lines.length && range.start.line <= range.end.line;
}
