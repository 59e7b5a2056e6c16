// Fix-all (source.fixAll.rst-specs, for editor.codeActionsOnSave, and the CLI's --fix): every fix
// that cannot add, remove or change the writer's content, in one edit: whitespace, line endings,
// underline length, tabs, an overline evened with its underline, the blank line docutils wants
// where a list (quote, literal block, ...) ends. Inserting sections, writing None, renaming titles, changing levels,
// moving sections and reflowing stay explicit (quick fixes and commands): on save they would bring
// back a section the writer had just removed. Fixes run in rounds (check, fix, check again) until
// nothing is left to fix, so applying the result twice changes nothing.
import { type EngineOptions, type SpecDiagnostic, validateDocument } from '../engine';
import { parseSpec } from '../rst/parse';
import type { SpecDocument } from '../rst/types';
import type { Template } from '../template/model';
import { diffEdits } from './diff';
import { applyEdits, mergeEdits, type TextEdit } from '../edit/text-edit';
import { type FixContext, type FixOptions, fixContext } from './fix';
import { FIXES } from './index';
import { allRules } from '../rules';
import type { FixAllScope, Rule } from '../rules/rule';

const SCOPES: readonly FixAllScope[] = ['lines', 'characters', 'line-endings'];

/** The scope of a rule's fix-all fix, from the registry; undefined when fix-all leaves its findings alone. */
function fixAllScope(rule: Rule): FixAllScope | undefined {
  return rule.fixes?.find((fix) => fix.fixAll)?.fixAll;
}

/** The rules fix-all repairs (those whose fix the registry marks `fixAll`), in the order their edits win when two touch the same text. */
export const SAFE_FIX_CODES: readonly string[] = SCOPES.flatMap((scope) =>
  allRules.filter((rule) => fixAllScope(rule) === scope).map((rule) => rule.id),
);

/** Fixes that change characters within a line or the line endings, never which sections the spec has. */
const LOCAL_FIX_CODES: ReadonlySet<string> = new Set(
  allRules.filter((rule) => fixAllScope(rule) !== undefined && fixAllScope(rule) !== 'lines').map((rule) => rule.id),
);

/** Rules whose one fix repairs every finding in the file (line endings): fixed once. */
const ONCE_FIX_CODES: ReadonlySet<string> = new Set(allRules.filter((rule) => fixAllScope(rule) === 'line-endings').map((rule) => rule.id));

const MAX_ROUNDS = 8;

export interface FixAllOptions extends FixOptions {
  /** Severity per rule (a rule that is off is not fixed) and the spec's file name, as the checks use them. */
  readonly engine?: EngineOptions;
}

/** One round: the safe fixes of these diagnostics, merged without overlaps. */
export function safeFixEdits(spec: FixContext, diagnostics: readonly SpecDiagnostic[]): TextEdit[] {
  const byCode = new Map<string, SpecDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    const found = byCode.get(diagnostic.code);
    if (found)
      found.push(diagnostic); // not a copy per diagnostic: quadratic on a file of thousands
    else byCode.set(diagnostic.code, [diagnostic]);
  }
  const groups: TextEdit[][] = [];
  for (const code of SAFE_FIX_CODES) {
    const found = byCode.get(code);
    if (!found) continue;
    if (ONCE_FIX_CODES.has(code)) {
      groups.push(FIXES[code].fix(spec, found[0]));
      continue;
    }
    for (const diagnostic of found) groups.push(FIXES[code].fix(spec, diagnostic));
  }
  return mergeEdits(groups.filter((group) => group.length > 0));
}

/**
 * The text with every safe fix applied (the BOM, if any, left off), after as many rounds as it
 * takes. When the fixes undo each other (a cycle, or no end in MAX_ROUNDS, as on some
 * broken titles), only the local ones are applied, or none: so that fix-all is idempotent.
 */
export function fixAllText(doc: SpecDocument, template: Template, options: FixAllOptions): string {
  return finish(fixAllSteps(doc, template, options));
}

/**
 * fixAllText for the language server: `pause` is awaited between the long steps (each check, each
 * round's edits and parse), so that the server answers other messages meanwhile, and may throw to
 * stop (a cancelled request).
 */
export async function fixAllTextPausing(
  doc: SpecDocument,
  template: Template,
  options: FixAllOptions,
  pause: () => Promise<void>,
): Promise<string> {
  const steps = fixAllSteps(doc, template, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/** Fix-all as edits of `doc`: only the lines that change. */
export function fixAllEdits(doc: SpecDocument, template: Template, options: FixAllOptions): TextEdit[] {
  return diffEdits(doc.text, fixAllText(doc, template, options));
}

/** The work of fixAllText, yielding between its long steps. */
function* fixAllSteps(doc: SpecDocument, template: Template, options: FixAllOptions): Generator<void, string> {
  return (yield* fixedPoint(doc, template, options)) ?? (yield* fixedPoint(doc, template, options, LOCAL_FIX_CODES)) ?? doc.text;
}

function finish<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The rounds of fixes up to the text they leave alone; undefined when there is no such text. */
function* fixedPoint(
  doc: SpecDocument,
  template: Template,
  options: FixAllOptions,
  only?: ReadonlySet<string>,
): Generator<void, string | undefined> {
  const seen = new Set<string>([doc.text]);
  let current = doc;
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const all = validateDocument(current, template, { ...options.engine, optionalSections: options.optionalSections });
    yield;
    const diagnostics = only ? all.filter((diagnostic) => only.has(diagnostic.code)) : all;
    const edits = safeFixEdits(fixContext({ doc: current, template }, options), diagnostics);
    if (edits.length === 0) return current.text;
    if (round === MAX_ROUNDS) return undefined;
    const text = applyEdits(current.text, edits);
    if (seen.has(text)) return undefined;
    seen.add(text);
    yield;
    current = parseSpec(text);
    yield;
  }
  return undefined;
}
