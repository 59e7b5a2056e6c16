// Applying a quick fix the way the editor does, and checking what every fix must guarantee.
import assert from 'node:assert/strict';
import type { EngineOptions, SpecDiagnostic } from '../../server/src/engine';
import { validateText } from '../../server/src/engine';
import { applyEdits, type TextEdit } from '../../server/src/edit/text-edit';
import { DEFAULT_FIX_OPTIONS, type FixOptions } from '../../server/src/fixes/fix';
import { quickFixFor } from '../../server/src/fixes/index';
import { parseSpec } from '../../server/src/rst/parse';
import type { Template } from '../../server/src/template/model';
import { bundledTemplate } from '../helpers';
import { fixContext } from '../../server/src/fixes/fix';

export interface FixRun {
  readonly diagnostic: SpecDiagnostic;
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly result: string;
}

export function options(overrides: Partial<FixOptions> = {}): FixOptions {
  return { ...DEFAULT_FIX_OPTIONS, ...overrides };
}

// The carriage-return diagnostic counts lines: a fix that adds lines changes its message, not the problem.
const key = (diagnostic: SpecDiagnostic) =>
  diagnostic.code === 'carriage-return' ? diagnostic.code : `${diagnostic.code}: ${diagnostic.message}`;

/**
 * Applies the quick fix of the `index`-th diagnostic of `code` and checks the guarantees: the
 * diagnostic is gone, no new one appeared, and the same fix run again on the result changes nothing.
 */
export function applyQuickFix(
  text: string,
  code: string,
  {
    index = 0,
    fix = options(),
    engine = {},
    template = bundledTemplate(),
  }: {
    index?: number;
    fix?: FixOptions;
    engine?: EngineOptions;
    template?: Template;
  } = {},
): FixRun {
  const engineOptions = { maxLineLength: fix.maxLineLength, optionalSections: fix.optionalSections, ...engine };
  const before = validateText(text, template, engineOptions);
  const diagnostic = before.filter((d) => d.code === code)[index];
  assert.ok(diagnostic, `no ${code} diagnostic #${index}; got ${JSON.stringify(before.map(key))}`);
  const quickFix = quickFixFor(fixContext({ doc: parseSpec(text), template }, fix), diagnostic);
  assert.ok(quickFix, `no quick fix for ${key(diagnostic)}`);
  const result = applyEdits(text, quickFix.edits);
  const after = validateText(result, template, engineOptions);
  const count = (list: readonly SpecDiagnostic[]) => list.filter((d) => key(d) === key(diagnostic)).length;
  assert.ok(count(after) < count(before), `still there: ${key(diagnostic)}`);
  assertNoNewDiagnostics(before, after, diagnostic);
  // Run again on the result: either nothing to do, or nothing changes.
  const again = after.filter((d) => d.code === code);
  const same = (a: SpecDiagnostic) => key(a) === key(diagnostic) && JSON.stringify(a.range) === JSON.stringify(diagnostic.range);
  for (const next of again) {
    if (!same(next)) continue;
    const second = quickFixFor(fixContext({ doc: parseSpec(result), template }, fix), next);
    if (second) assert.equal(applyEdits(result, second.edits), result, 'a second run changed the text');
  }
  return { diagnostic, title: quickFix.title, edits: quickFix.edits, result };
}

/** No diagnostic after that wasn't there before (counted by code and message), the fixed one aside. */
export function assertNoNewDiagnostics(before: readonly SpecDiagnostic[], after: readonly SpecDiagnostic[], fixed?: SpecDiagnostic): void {
  const counts = new Map<string, number>();
  for (const d of before) if (d !== fixed) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  const fresh: string[] = [];
  for (const d of after) {
    const left = counts.get(key(d)) ?? 0;
    if (left === 0) fresh.push(`${key(d)} (line ${d.range.start.line + 1})`);
    else counts.set(key(d), left - 1);
  }
  assert.deepEqual(fresh, [], 'new diagnostics');
}

/** No fix is offered for the `index`-th diagnostic of `code`. */
export function noQuickFix(text: string, code: string, fix = options(), index = 0): SpecDiagnostic {
  const diagnostics = validateText(text, bundledTemplate(), { maxLineLength: fix.maxLineLength, optionalSections: fix.optionalSections });
  const diagnostic = diagnostics.filter((d) => d.code === code)[index];
  assert.ok(diagnostic, `no ${code} diagnostic`);
  assert.equal(quickFixFor(fixContext({ doc: parseSpec(text), template: bundledTemplate() }, fix), diagnostic), undefined);
  return diagnostic;
}

/** The lines of `original` appear in `result` in the same order (only insertions happened). */
export function assertLinesKept(original: string, result: string): void {
  const lines = result.split(/\r\n|\n|\r/);
  let at = 0;
  for (const line of original.split(/\r\n|\n|\r/)) {
    while (at < lines.length && lines[at] !== line) at++;
    assert.ok(at < lines.length, `line lost or moved: ${JSON.stringify(line)}`);
    at++;
  }
}
