import type { SeveritySetting } from '../rules/rule';
import { ruleById } from '../rules';
import { NON_RULE_CODES } from '../diagnostic-codes';
import { USER_SET_KEY } from '../protocol';
import { type EditorSettings, OPTIONS, type OptionName, type OptionValues, SEVERITY_NAMES } from '../options';

export interface Settings extends EditorSettings, Pick<OptionValues, 'enable' | 'insertedSectionBody'> {
  /**
   * The keys the user set (in any settings scope), when the client says (the rst-specs extension
   * sends `$userSet`, from `WorkspaceConfiguration.inspect`): only those override a `.rst-specs.json`.
   * Undefined: the client does not say, and the values that differ from the defaults override it.
   */
  readonly userSet?: ReadonlySet<string>;
}

/** The options that are editor settings (options.ts), read alike. */
const SETTING_NAMES = (Object.keys(OPTIONS) as OptionName[]).filter((name) => OPTIONS[name].setting) as (keyof Omit<Settings, 'userSet'>)[];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, OPTIONS[name].default]),
) as unknown as Settings;

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_NAMES);

/**
 * Reads the `rstSpecs` settings object leniently: a value of the wrong type is ignored (with a
 * problem reported) and the default used, so a broken setting never stops the checks.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const value = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) problems.push('rstSpecs settings must be an object');
  const settings: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const { default: fallback, setting } = OPTIONS[name];
    const given = value[setting!.key];
    if (given === undefined || given === null) settings[name] = fallback;
    else if (setting!.valid(given)) settings[name] = given;
    else {
      problems.push(`rstSpecs.${setting!.key} must be ${setting!.expected}; using the default`);
      settings[name] = fallback;
    }
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(settings.rules as Record<string, unknown>)) {
    if (!ruleById.has(id) && !NON_RULE_CODES.has(id)) problems.push(`rstSpecs.rules: unknown rule '${id}'`);
    else if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      problems.push(`rstSpecs.rules.${id} must be one of error, warning, information, hint, off`);
    } else rules[id] = severity as SeveritySetting;
  }
  const userSet = value[USER_SET_KEY];
  const templatePath = (settings.templatePath as string | undefined)?.trim();
  return {
    settings: {
      ...(settings as unknown as Settings),
      templatePath: templatePath === '' ? undefined : templatePath,
      rules,
      ...(isStringArray(userSet) ? { userSet: new Set(userSet) } : {}),
    },
    problems,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((item) => typeof item === 'string');
}
