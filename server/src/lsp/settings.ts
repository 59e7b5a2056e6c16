import type { SeveritySetting } from '../rules/rule';
import { ruleById } from '../rules';
import { NON_RULE_CODES } from '../analyze';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS } from '../engine';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../spec-files';

export interface Settings {
  readonly enable: boolean;
  readonly templatePath: string | undefined;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxLineLength: number;
  readonly optionalSections: readonly string[];
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** What "Insert missing section" writes under the title: None, or the template's guidance. */
  readonly insertedSectionBody: 'none' | 'guidance';
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  templatePath: undefined,
  include: DEFAULT_INCLUDE,
  exclude: DEFAULT_EXCLUDE,
  maxLineLength: DEFAULT_MAX_LINE_LENGTH,
  optionalSections: DEFAULT_OPTIONAL_SECTIONS,
  rules: {},
  insertedSectionBody: 'none',
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Reads the `rstSpecs` settings object leniently: a value of the wrong type is ignored (with a
 * problem reported) and the default used, so a broken setting never stops the checks.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const value = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) problems.push('rstSpecs settings must be an object');
  const pick = <T>(key: string, valid: (v: unknown) => v is T, fallback: T, expected: string): T => {
    const v = value[key];
    if (v === undefined || v === null) return fallback;
    if (valid(v)) return v;
    problems.push(`rstSpecs.${key} must be ${expected}; using the default`);
    return fallback;
  };
  const rules: Record<string, SeveritySetting> = {};
  const rawRules = pick('rules', isObject, {}, 'an object of rule ids to severities');
  for (const [id, severity] of Object.entries(rawRules)) {
    if (!ruleById.has(id) && !NON_RULE_CODES.has(id)) problems.push(`rstSpecs.rules: unknown rule '${id}'`);
    else if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      problems.push(`rstSpecs.rules.${id} must be one of error, warning, information, hint, off`);
    } else rules[id] = severity as SeveritySetting;
  }
  const templatePath = pick('templatePath', isString, '', 'a path');
  const maxLineLength = pick('maxLineLength', isPositiveInteger, DEFAULT_MAX_LINE_LENGTH, 'a positive whole number');
  return {
    settings: {
      enable: pick('enable', isBoolean, true, 'true or false'),
      templatePath: templatePath.trim() === '' ? undefined : templatePath.trim(),
      include: pick('include', isStringArray, DEFAULT_INCLUDE, 'a list of globs'),
      exclude: pick('exclude', isStringArray, DEFAULT_EXCLUDE, 'a list of globs'),
      maxLineLength,
      optionalSections: pick('optionalSections', isStringArray, DEFAULT_OPTIONAL_SECTIONS, 'a list of section titles'),
      rules,
      insertedSectionBody: pick('insertedSectionBody', isBodyChoice, 'none', "'none' or 'guidance'"),
    },
    problems,
  };
}

function isBodyChoice(v: unknown): v is 'none' | 'guidance' {
  return v === 'none' || v === 'guidance';
}
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v: unknown): v is string {
  return typeof v === 'string';
}
function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}
function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}
