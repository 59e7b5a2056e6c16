// "Disable <rule> for this line" and "… for this file": the control comment that turns a diagnostic
// off (see control/). A comment may not split a paragraph, a list or a literal block without
// changing how the document renders, so when the diagnostic is not on the first line of its
// top-level block, the block is wrapped in `disable=` … `enable=` instead.
import type { Section, SpecDocument } from '../rst/types';
import { controlComments, nextLineOf } from '../control';
import { eolOf, isAtEnd, isBlank, rangeOf, type TextEdit } from '../edit/text-edit';
import type { FixDiagnostic } from './fix';

export interface DisableFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** Codes whose diagnostics cannot be turned off by a comment in the document. */
const NOT_BY_COMMENT = new Set(['binary-file', 'encoding', 'too-many-problems']);

export function disableRuleFixes(doc: SpecDocument, diagnostic: FixDiagnostic): DisableFix[] {
  if (NOT_BY_COMMENT.has(diagnostic.code) || doc.lines.length === 0) return [];
  const fixes: DisableFix[] = [];
  const line = disableLineFix(doc, diagnostic.code, Math.min(diagnostic.range.start.line, doc.lines.length - 1));
  if (line) fixes.push(line);
  fixes.push({ title: `Disable ${diagnostic.code} for this file`, edits: [disableFileEdit(doc, diagnostic.code)] });
  return fixes;
}

function disableLineFix(doc: SpecDocument, code: string, line: number): DisableFix | undefined {
  const eol = eolOf(doc);
  const unit = unitOf(doc, line);
  const indent = /^\s*/.exec(doc.lines[unit.start].text)![0];
  if (unit.start === line || unit.title) {
    const existing = controlComments(doc).find(
      (comment) =>
        comment.command === 'disable-next-line' && comment.ids.length > 0 && nextLineOf(doc, comment.endLine).includes(unit.start),
    );
    if (existing) {
      if (existing.ids.some((id) => id.id === code)) return undefined;
      const last = existing.ids[existing.ids.length - 1].range.end;
      return { title: `Disable ${code} for this line`, edits: [{ range: { start: last, end: last }, newText: `,${code}` }] };
    }
    return {
      title: `Disable ${code} for this line`,
      edits: [insertBefore(doc, unit.start, `${indent}.. rst-specs: disable-next-line=${code}${eol}${eol}`)],
    };
  }
  const opening = insertBefore(doc, unit.start, `${indent}.. rst-specs: disable=${code}${eol}${eol}`);
  const closingText = `${indent}.. rst-specs: enable=${code}${eol}`;
  const closing: TextEdit = isAtEnd(doc, unit.end)
    ? appendAtEnd(doc, `${eol}${closingText}`)
    : { range: rangeOf(unit.end, 0, unit.end, 0), newText: `${eol}${closingText}${isBlank(doc.lines[unit.end].text) ? '' : eol}` };
  return { title: `Disable ${code} for this block (lines ${unit.start + 1}–${unit.end})`, edits: [opening, closing] };
}

/** `.. rst-specs: disable-file=<code>` before the first title (after a license comment), or added to the one there is. */
function disableFileEdit(doc: SpecDocument, code: string): TextEdit {
  const existing = controlComments(doc).find((comment) => comment.command === 'disable-file' && comment.ids.length > 0);
  if (existing) {
    const last = existing.ids[existing.ids.length - 1].range.end;
    return { range: { start: last, end: last }, newText: `,${code}` };
  }
  const first = doc.sections[0];
  const line = first ? titleStart(first) : 0;
  return insertBefore(doc, line, `.. rst-specs: disable-file=${code}${eolOf(doc)}${eolOf(doc)}`);
}

/** Inserts whole lines before `line`, after a blank line when the line above has text. */
function insertBefore(doc: SpecDocument, line: number, text: string): TextEdit {
  const separate = line > 0 && !isBlank(doc.lines[line - 1].text);
  return { range: rangeOf(line, 0, line, 0), newText: `${separate ? eolOf(doc) : ''}${text}` };
}

function appendAtEnd(doc: SpecDocument, text: string): TextEdit {
  const lastLine = doc.lines.length - 1;
  const last = doc.lines[lastLine];
  // The document ends with a line break: its last "line" is empty, and the text goes there.
  if (last.text === '' && lastLine > 0) return { range: rangeOf(lastLine, 0, lastLine, 0), newText: text };
  return { range: rangeOf(lastLine, last.text.length, lastLine, last.text.length), newText: `${eolOf(doc)}${text}` };
}

/**
 * The lines a comment must go around to speak of `line`: the section title it belongs to; else the
 * outermost block holding it (a literal block with the paragraph that introduces it); else the line.
 */
function unitOf(doc: SpecDocument, line: number): { start: number; end: number; title: boolean } {
  const section = doc.sections.find((candidate) => line >= titleStart(candidate) && line <= candidate.underlineLine);
  if (section) return { start: titleStart(section), end: section.underlineLine + 1, title: true };
  let block = outermostBlockAt(doc, line);
  if (!block) return { start: line, end: line + 1, title: false };
  let start = block.startLine;
  if (block.kind === 'literal') {
    let previous = start - 1;
    while (previous >= 0 && isBlank(doc.lines[previous].text)) previous--;
    if (previous >= 0 && doc.lines[previous].text.trimEnd().endsWith('::')) {
      const introducing = outermostBlockAt(doc, previous);
      start = introducing ? introducing.startLine : previous;
      if (introducing) block = { ...block, startLine: start };
    }
  }
  return { start, end: block.endLine, title: false };
}

function outermostBlockAt(doc: SpecDocument, line: number) {
  let found: SpecDocument['blocks'][number] | undefined;
  for (const block of doc.blocks) {
    if (block.startLine > line) break;
    if (line < block.endLine && (!found || block.startLine < found.startLine || block.endLine > found.endLine)) found = block;
  }
  return found;
}

function titleStart(section: Section): number {
  return section.overlineLine >= 0 ? section.overlineLine : section.titleLine;
}
