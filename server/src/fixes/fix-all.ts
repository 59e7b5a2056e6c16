// Fix-all (source.fixAll.rst-specs, for editor.codeActionsOnSave): every safe fix in one edit.
// Safe means the fix changes no more than what its diagnostic is about: not section-order (it moves
// whole sections) and not line-length (reflowing rewrites paragraphs). Fixes run in rounds (check,
// fix, check again) until nothing is left to fix, so applying the result twice changes nothing.
import { type EngineOptions, type SpecDiagnostic, validateDocument } from '../engine';
import { parseSpec } from '../rst/parse';
import type { SpecDocument } from '../rst/types';
import type { Template } from '../template/model';
import { diffEdits } from './diff';
import { applyEdits, mergeEdits, type TextEdit } from './edit';
import type { FixOptions } from './fix';
import { FIXES } from './index';
import { insertAllMissingSections } from './insert-sections';

/** The rules fix-all repairs, in the order their edits win when two touch the same text. */
export const SAFE_FIX_CODES: readonly string[] = [
  'title-mismatch',
  'section-level',
  'title-underline',
  'missing-section',
  'empty-section',
  'trailing-whitespace',
  'tab',
  'zero-width-space',
  'carriage-return',
];

/** Rules whose fixes change which sections the spec has, so that other fixes wait for the next round. */
const STRUCTURAL = new Set(['title-mismatch', 'section-level']);

const MAX_ROUNDS = 8;

export interface FixAllOptions extends FixOptions {
  /** Severity per rule (a rule that is off is not fixed) and the spec's file name, as the checks use them. */
  readonly engine?: EngineOptions;
}

/** One round: the safe fixes of these diagnostics, merged without overlaps. */
export function safeFixEdits(
  doc: SpecDocument,
  template: Template,
  diagnostics: readonly SpecDiagnostic[],
  options: FixOptions,
): TextEdit[] {
  const byCode = new Map<string, SpecDiagnostic[]>();
  for (const diagnostic of diagnostics) byCode.set(diagnostic.code, [...(byCode.get(diagnostic.code) ?? []), diagnostic]);
  const structural = diagnostics.some((diagnostic) => STRUCTURAL.has(diagnostic.code));
  const groups: TextEdit[][] = [];
  for (const code of SAFE_FIX_CODES) {
    const found = byCode.get(code);
    if (!found) continue;
    if (code === 'missing-section') {
      // Inserted against the structure as it will be once renames and levels are fixed.
      if (!structural) groups.push(insertAllMissingSections(doc, template, options));
      continue;
    }
    if (code === 'carriage-return') {
      groups.push(FIXES[code].fix(doc, template, found[0], options));
      continue;
    }
    for (const diagnostic of found) groups.push(FIXES[code].fix(doc, template, diagnostic, options));
  }
  return mergeEdits(groups.filter((group) => group.length > 0));
}

/** The text with every safe fix applied (the BOM, if any, left off), after as many rounds as it takes. */
export function fixAllText(doc: SpecDocument, template: Template, options: FixAllOptions): string {
  const seen = new Set<string>([doc.text]);
  let current = doc;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const diagnostics = validateDocument(current, template, { ...options.engine, optionalSections: options.optionalSections });
    const edits = safeFixEdits(current, template, diagnostics, options);
    if (edits.length === 0) break;
    const text = applyEdits(current.text, edits);
    if (seen.has(text)) break;
    seen.add(text);
    current = parseSpec(text);
  }
  return current.text;
}

/** Fix-all as edits of `doc`: only the lines that change. */
export function fixAllEdits(doc: SpecDocument, template: Template, options: FixAllOptions): TextEdit[] {
  return diffEdits(doc.text, fixAllText(doc, template, options));
}
