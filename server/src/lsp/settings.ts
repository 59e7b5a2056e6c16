import type { SeveritySetting } from '../rules/rule';
import { ruleById } from '../rules';
import type { EditorSettings } from '../config';
import { NON_RULE_CODES } from '../diagnostic-codes';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS } from '../engine';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../spec-files';
import { isOptionalSectionsSetting } from '../template/optional';

export interface Settings extends EditorSettings {
  readonly enable: boolean;
  /** What "Insert missing section" writes under the title: None, or the template's guidance. */
  readonly insertedSectionBody: 'none' | 'guidance';
  /**
   * The keys the user set (in any settings scope), when the client says (the rst-specs extension
   * sends `$userSet`, from `WorkspaceConfiguration.inspect`): only those override a `.rst-specs.json`.
   * Undefined: the client does not say, and the values that differ from the defaults override it.
   */
  readonly userSet?: ReadonlySet<string>;
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
      optionalSections: pick(
        'optionalSections',
        isOptionalSectionsSetting,
        DEFAULT_OPTIONAL_SECTIONS,
        'a list of section titles, or an object of such lists by release or template file',
      ),
      rules,
      insertedSectionBody: pick('insertedSectionBody', isBodyChoice, 'none', "'none' or 'guidance'"),
      ...(isStringArray(value.$userSet) ? { userSet: new Set(value.$userSet) } : {}),
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

/** The settings keys that may override a `.rst-specs.json` (config key names in brackets where they differ). */
export const CONFIG_SETTING_KEYS = ['templatePath', 'include', 'exclude', 'maxLineLength', 'optionalSections', 'rules'] as const;

/**
 * Which of `settings` override the config file: those the user set when the client says which
 * (`userSet`), else those that differ from the defaults (a client that fills in the defaults, as
 * `workspace/configuration` does, cannot tell "set to the default" from "not set").
 */
export function userOverrides(settings: Settings): Set<(typeof CONFIG_SETTING_KEYS)[number]> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const defaults: Record<string, unknown> = { ...DEFAULT_SETTINGS, templatePath: undefined, rules: {} };
  return new Set(
    CONFIG_SETTING_KEYS.filter((key) =>
      settings.userSet ? settings.userSet.has(key) && settings[key] !== undefined : !same(settings[key], defaults[key]),
    ),
  );
}
