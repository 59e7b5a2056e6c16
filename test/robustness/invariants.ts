// What must hold for any text, however broken: the parse keeps every character, validation
// returns, every range lies inside the document, every quick fix applies cleanly, fix-all reaches
// a fixed point, and every feature (hover, completion, symbols, folding, links) answers.
import assert from 'node:assert/strict';
import { parseSpec } from '../../server/src/rst/parse';
import type { Range, SpecDocument } from '../../server/src/rst/types';
import { type EngineOptions, type SpecDiagnostic, validateDocument } from '../../server/src/engine';
import type { Template } from '../../server/src/template/model';
import { applyEdits, type TextEdit } from '../../server/src/edit/text-edit';
import { DEFAULT_FIX_OPTIONS, type FixOptions } from '../../server/src/fixes/fix';
import { quickFixFor } from '../../server/src/fixes/index';
import { diffEdits } from '../../server/src/fixes/diff';
import { fixAllEdits, fixAllText } from '../../server/src/fixes/fix-all';
import { insertAllMissingSections } from '../../server/src/fixes/insert-sections';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { documentSymbols, type SectionSymbol } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { documentLinks } from '../../server/src/features/links';
import { fixContext } from '../../server/src/fixes/fix';

export function assertRangeInside(doc: SpecDocument, range: Range, what: string): void {
  const { start, end } = range;
  const where = `${what} ${JSON.stringify(range)}`;
  assert.ok(Number.isInteger(start.line) && Number.isInteger(start.character), `${where}: not whole numbers`);
  assert.ok(Number.isInteger(end.line) && Number.isInteger(end.character), `${where}: not whole numbers`);
  assert.ok(start.line >= 0 && start.character >= 0, `${where}: negative`);
  assert.ok(end.line < doc.lines.length, `${where}: past the last line (${doc.lines.length} lines)`);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${where}: ends before it starts`);
  assert.ok(start.character <= doc.lines[start.line].text.length, `${where}: starts past the end of its line`);
  assert.ok(end.character <= doc.lines[end.line].text.length, `${where}: ends past the end of its line`);
}

/** The parse keeps the text: its lines (and their breaks) are the text, character for character. */
export function assertLossless(text: string, doc: SpecDocument): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  assert.equal(doc.text, body, 'the parsed text differs from the input');
  assert.equal(doc.hasBom, body !== text);
  let offset = 0;
  for (const line of doc.lines) {
    assert.equal(line.offset, offset, 'a line offset is wrong');
    offset += line.text.length + line.eol.length;
  }
  assert.equal(doc.lines.map((line) => line.text + line.eol).join(''), body, 'the lines do not make the text');
}

function assertEditsApply(doc: SpecDocument, edits: readonly TextEdit[], what: string): string {
  for (const edit of edits) assertRangeInside(doc, edit.range, `${what} edit`);
  return applyEdits(doc.text, edits); // throws on overlapping edits
}

export interface CheckOptions {
  readonly engine?: EngineOptions;
  readonly fix?: FixOptions;
  /** Re-validate the result of at most this many quick fixes (each costs a parse and a check). */
  readonly revalidateFixes?: number;
  /** Run fix-all again on its result, to check that it has nothing left to do (default: true). */
  readonly fixedPoint?: boolean;
  /** Compute the quick fixes of at most this many diagnostics (default: all). */
  readonly quickFixes?: number;
  /** Positions to ask hover and completion about (random ones from the property). */
  readonly positions?: readonly { line: number; character: number }[];
}

/** Runs everything on a text and checks the invariants; returns the diagnostics. */
export function checkText(text: string, template: Template, options: CheckOptions = {}): SpecDiagnostic[] {
  const fix = options.fix ?? DEFAULT_FIX_OPTIONS;
  const engine: EngineOptions = { maxLineLength: fix.maxLineLength, optionalSections: fix.optionalSections, ...options.engine };
  const doc = parseSpec(text);
  assertLossless(text, doc);
  for (const section of doc.sections) assertRangeInside(doc, section.titleRange, `section '${section.title}'`);
  for (const block of doc.blocks) {
    assert.ok(
      block.startLine >= 0 && block.startLine <= block.endLine && block.endLine <= doc.lines.length,
      `block ${JSON.stringify(block)}`,
    );
  }

  const diagnostics = validateDocument(doc, template, engine);
  for (const diagnostic of diagnostics) {
    assertRangeInside(doc, diagnostic.range, `${diagnostic.code} diagnostic`);
    assert.ok(diagnostic.message.length > 0, `${diagnostic.code}: empty message`);
  }

  // Quick fixes: each applies cleanly; a few results are checked again.
  let revalidate = options.revalidateFixes ?? 3;
  for (const diagnostic of diagnostics.slice(0, options.quickFixes ?? diagnostics.length)) {
    const quickFix = quickFixFor(fixContext({ doc, template }, fix), diagnostic);
    if (!quickFix) continue;
    assert.ok(quickFix.edits.length > 0 && quickFix.title.length > 0);
    const fixed = assertEditsApply(doc, quickFix.edits, `${diagnostic.code} quick fix`);
    if (revalidate-- > 0) validateDocument(parseSpec(fixed), template, engine);
  }
  assertEditsApply(doc, insertAllMissingSections(fixContext({ doc, template }, fix)), 'insert all missing sections');

  // Fix-all: its edits (those fixAllEdits hands out) give its text, and a second fix-all has nothing left to do.
  const fixAll = { ...fix, engine };
  const fixed = fixAllText(doc, template, fixAll);
  const edits = diffEdits(doc.text, fixed);
  const once = assertEditsApply(doc, edits, 'fix-all');
  assert.equal(once, fixed, 'fix-all edits do not give the fix-all text');
  if (edits.length > 0 && options.fixedPoint !== false) {
    const again = fixAllEdits(parseSpec(once), template, fixAll);
    assert.deepEqual(again, [], `fix-all is not at a fixed point: a second run still edits ${JSON.stringify(again.slice(0, 3))}`);
  }

  // Features.
  const spec = { doc, template };
  const visit = (symbol: SectionSymbol) => {
    assertRangeInside(doc, symbol.range, 'symbol');
    assertRangeInside(doc, symbol.selectionRange, 'symbol selection');
    symbol.children.forEach(visit);
  };
  documentSymbols(doc, spec).forEach(visit);
  documentSymbols(doc).forEach(visit);
  for (const fold of foldingRanges(doc)) {
    assert.ok(fold.startLine >= 0 && fold.startLine < fold.endLine && fold.endLine < doc.lines.length, `fold ${JSON.stringify(fold)}`);
  }
  for (const link of documentLinks(doc)) assertRangeInside(doc, link.range, 'link');
  const positions = options.positions ?? [];
  for (const position of [...positions, ...doc.sections.slice(0, 5).map((section) => section.titleRange.start)]) {
    const hover = hoverAt(doc, spec, position, diagnostics);
    if (hover) assertRangeInside(doc, hover.range, 'hover');
    for (const entry of completionsAt(doc, spec, position)) assertRangeInside(doc, entry.range, `completion '${entry.label}'`);
  }
  return diagnostics;
}
