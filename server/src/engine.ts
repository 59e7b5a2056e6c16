import type { Range, SpecDocument } from './rst/types';
import { parseSpec } from './rst/parse';
import type { Template } from './template/model';
import { withTitlesRecovered } from './rules/docs/recover';
import { buildOutline } from './template/outline';
import type { FindingData, RuleOptions, Severity } from './rules/rule';
import { allRules } from './rules';
import { resolveOptionalSections } from './template/optional';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS, type OptionValues } from './options';
import { type InlineControl, readControl } from './control';
import type { ExistingApiNames } from './rules/rest/api-names';
import type { Misplacement } from './repo/layout';
import type { DocsPlace } from './docs/load';
import type { DocsSetup } from './rules/docs/names';

/** The options (options.ts) a check reads, and what the caller found out about the spec's place. */
export interface EngineOptions extends Partial<Pick<OptionValues, 'maxLineLength' | 'optionalSections' | 'rules' | 'restExistingNames'>> {
  /** The spec's release folder (`queens` for specs/queens/approved/x.rst), which picks its optionalSections. */
  readonly release?: string;
  readonly fileName?: string;
  /** The names the repository's other specs use in their REST API sections (rest-url). */
  readonly existingApiNames?: ExistingApiNames;
  /** Where the repo's directory test would reject the spec's file (found by the caller, which has the files). */
  readonly misplacement?: Misplacement;
  /** The spec's place in its Sphinx docs tree, looked up lazily (found by the caller, which has the files). */
  readonly docsPlace?: () => DocsPlace | undefined;
  /** The spec's docs tree: conf.py's extensions (read by the loaders) and extra directive/role names. */
  readonly docs?: DocsSetup;
}

export interface SpecDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly data?: FindingData;
}

export { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS } from './options';

export function ruleOptions(options: EngineOptions, template?: Template): RuleOptions {
  return {
    maxLineLength: options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
    optionalSections: resolveOptionalSections(options.optionalSections ?? DEFAULT_OPTIONAL_SECTIONS, {
      release: options.release,
      templatePath: template?.source,
    }),
    fileName: options.fileName,
    restExistingNames: options.restExistingNames,
    existingApiNames: options.existingApiNames,
    misplacement: options.misplacement,
    docsPlace: options.docsPlace,
    docs: options.docs,
  };
}

/** Codes that are not rules (analyze.ts reports them) but that control comments may still name. */
const NON_RULE_CODES = ['template', 'binary-file'];

/** Every code a `.. rst-specs: disable=…` comment may name. */
export const CONTROL_CODES: ReadonlySet<string> = new Set([...allRules.map((rule) => rule.id), ...NON_RULE_CODES]);

/** The spec's control comments (`.. rst-specs: …`): what they turn off, the template they name. */
export function inlineControl(doc: SpecDocument): InlineControl {
  return readControl(doc, CONTROL_CODES);
}

export function validateDocument(
  doc: SpecDocument,
  template: Template,
  options: EngineOptions = {},
  control: InlineControl = inlineControl(doc),
): SpecDiagnostic[] {
  const resolved = ruleOptions(options, template);
  // the outline as the writer meant it: one mistyped overline is one diagnostic (rules/docs/recover.ts)
  const outline = buildOutline(withTitlesRecovered(doc), template, resolved.optionalSections);
  const context = { doc, template, options: resolved, outline, control };
  const diagnostics: SpecDiagnostic[] = [];
  for (const rule of allRules) {
    const severity = options.rules?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) {
      if (control.isSuppressed(rule.id, finding.range.start.line)) continue;
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
