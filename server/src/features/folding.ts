// Folding ranges: every section, literal block, directive body, comment block and table.
import type { SpecDocument } from '../rst/types';
import { startLineOf } from '../template/model';
import { contentEnd } from '../edit/sections';

export interface Fold {
  readonly startLine: number;
  /** Inclusive. */
  readonly endLine: number;
  readonly kind?: 'comment';
}

/** The folds of any rST document, sorted by start line, one per start line (the outermost). */
export function foldingRanges(doc: SpecDocument): Fold[] {
  const folds: Fold[] = [];
  for (const section of doc.sections) {
    const end = contentEnd(doc, section) - 1;
    if (end > section.underlineLine) folds.push({ startLine: startLineOf(section), endLine: end });
  }
  for (const block of doc.blocks) {
    if (block.kind !== 'literal' && block.kind !== 'directive' && block.kind !== 'comment' && block.kind !== 'table') continue;
    let start = block.startLine;
    if (block.kind === 'literal') {
      // Fold from the paragraph line that opens the block with `::`, so that the body hides.
      let previous = start - 1;
      while (previous >= 0 && doc.lines[previous].text.trim() === '') previous--;
      if (previous >= 0 && doc.lines[previous].text.trimEnd().endsWith('::')) start = previous;
    }
    const end = block.endLine - 1;
    if (end > start) folds.push({ startLine: start, endLine: end, ...(block.kind === 'comment' ? { kind: 'comment' as const } : {}) });
  }
  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return folds.filter((fold, index) => index === 0 || folds[index - 1].startLine !== fold.startLine);
}
