// What every fix takes: the spec as analysed (parsed document, template, outline), the options,
// and one diagnostic.
import type { Range, SpecDocument } from '../rst/types';
import type { FindingData } from '../rules/rule';
import type { Template } from '../template/model';
import { buildOutline, type Outline } from '../template/outline';
import type { TextEdit } from '../edit/text-edit';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS, OPTIONS, type OptionValues } from '../options';

/** The options a fix reads (`options.ts`), optional sections resolved for the spec: never inserted. */
export interface FixOptions extends Pick<OptionValues, 'maxLineLength' | 'insertedSectionBody'> {
  readonly optionalSections: readonly string[];
}

export const DEFAULT_FIX_OPTIONS: FixOptions = {
  maxLineLength: DEFAULT_MAX_LINE_LENGTH,
  optionalSections: DEFAULT_OPTIONAL_SECTIONS,
  insertedSectionBody: OPTIONS.insertedSectionBody.default,
};

/** The part of a diagnostic a fix reads: which rule, where, and the rule's `data`. */
export interface FixDiagnostic {
  readonly code: string;
  readonly range: Range;
  readonly message?: string;
  readonly data?: FindingData;
}

/** One version of a spec as the fixes read it; what they derive from it is computed once, when first asked. */
export interface FixContext {
  readonly doc: SpecDocument;
  readonly template: Template;
  readonly options: FixOptions;
  /** The spec's sections matched against the template's, the optional sections applied. */
  readonly outline: Outline;
  /** Where the tab fix last counted columns (fixes/whitespace.ts): the tabs of one long line then cost linear time. */
  lastColumn?: { readonly line: number; readonly index: number; readonly column: number };
}

class SpecToFix implements FixContext {
  private outlineOnce?: Outline;
  lastColumn?: FixContext['lastColumn'];

  constructor(
    readonly doc: SpecDocument,
    readonly template: Template,
    readonly options: FixOptions,
  ) {}

  get outline(): Outline {
    return (this.outlineOnce ??= buildOutline(this.doc, this.template, this.options.optionalSections));
  }
}

/** The fix context of an analysed spec (an `Analysis`, or any parsed document and its template). */
export function fixContext(
  spec: { readonly doc: SpecDocument; readonly template: Template },
  options: FixOptions = DEFAULT_FIX_OPTIONS,
): FixContext {
  return new SpecToFix(spec.doc, spec.template, options);
}

/** A pure repair: the edits (against `spec.doc`) that remove the diagnostic, or none when there is no safe one. */
export type Fix = (spec: FixContext, diagnostic: FixDiagnostic) => TextEdit[];
