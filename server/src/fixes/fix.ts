// What every fix takes: the parsed spec, its template, one diagnostic, and the options.
import type { Range, SpecDocument } from '../rst/types';
import type { FindingData } from '../rules/rule';
import type { Template } from '../template/model';
import type { TextEdit } from './edit';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS, OPTIONS } from '../options';

export interface FixOptions {
  /** Longest allowed line, in characters (the width a paragraph is reflowed to). */
  readonly maxLineLength: number;
  /** Template titles a spec may leave out: never inserted. */
  readonly optionalSections: readonly string[];
  /** What an inserted section holds: "None", or the template's guidance. */
  readonly insertedSectionBody: 'none' | 'guidance';
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

/** A pure repair: the edits (against `doc`) that remove the diagnostic, or none when there is no safe one. */
export type Fix = (doc: SpecDocument, template: Template, diagnostic: FixDiagnostic, options: FixOptions) => TextEdit[];
