import type { Range, SpecDocument } from './rst/types';
import { parseSpec } from './rst/parse';
import type { Template } from './template/model';
import { buildOutline } from './template/outline';
import type { FindingData, RuleOptions, Severity, SeveritySetting } from './rules/rule';
import { allRules } from './rules';

export interface EngineOptions {
  readonly maxLineLength?: number;
  readonly optionalSections?: readonly string[];
  /** Severity per rule id; `off` turns a rule off. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly fileName?: string;
}

export interface SpecDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: FindingData;
}

export const DEFAULT_MAX_LINE_LENGTH = 79;
export const DEFAULT_OPTIONAL_SECTIONS: readonly string[] = ['History'];

export function ruleOptions(options: EngineOptions): RuleOptions {
  return {
    maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
    optionalSections: options.optionalSections ?? DEFAULT_OPTIONAL_SECTIONS,
    fileName: options.fileName,
  };
}

export function validateDocument(doc: SpecDocument, template: Template, options: EngineOptions = {}): SpecDiagnostic[] {
  const resolved = ruleOptions(options);
  const context = { doc, template, options: resolved, outline: buildOutline(doc, template, resolved.optionalSections) };
  const diagnostics: SpecDiagnostic[] = [];
  for (const rule of allRules) {
    const severity = options.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) {
      diagnostics.push({ code: rule.id, severity, message: finding.message, range: finding.range, data: finding.data });
    }
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

export function validateText(text: string, template: Template, options: EngineOptions = {}): SpecDiagnostic[] {
  return validateDocument(parseSpec(text), template, options);
}
