import type { EngineOptions } from '../engine';
import {
  CONFIG_SETTING_KEYS,
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE,
  DEFAULT_MAX_LINE_LENGTH,
  DEFAULT_OPTIONAL_SECTIONS,
  type EditorSettings,
  OPTIONS,
  type OptionalSectionsSetting,
  type OptionOverrides,
  type OptionValues,
} from '../options';
import { isSpecFile, matchesAnyGlob } from '../spec-files';
import type { SpecsConfig } from './parse';

export type { EditorSettings, OptionOverrides } from '../options';

/**
 * What one spec is checked with, after defaults, the config file and overrides are combined
 * (options.ts declares each option). `templatePath`: absolute, or relative to the caller's
 * workspace folder; undefined: locate the template. `rules` in the overrides are merged over the
 * config file's, id by id.
 */
export interface EffectiveOptions
  extends
    Pick<OptionValues, 'templatePath' | 'include' | 'exclude' | 'maxLineLength' | 'optionalSections' | 'rules' | 'restExistingNames'>,
    Partial<Pick<OptionValues, 'directives' | 'roles'>> {
  /** The folder the include and exclude globs are relative to (the config file's), if any. */
  readonly globBase: string | undefined;
  /** Where `optionalSections` came from: the overrides, the config file, the repo's own check (`tests/test_titles.py`), or the default. */
  readonly optionalSectionsFrom: OptionalSectionsOrigin;
}

export type OptionalSectionsOrigin = 'setting' | 'config' | 'repo' | 'default';

/**
 * Defaults, then what the repo's own check makes optional (`repoOptional`, read from its
 * `tests/test_titles.py`), then the config file (found at `configFolder`), then the overrides.
 */
export function mergeOptions(
  config: SpecsConfig | undefined,
  configFolder: string | undefined,
  overrides: OptionOverrides = {},
  repoOptional?: OptionalSectionsSetting,
): EffectiveOptions {
  const optionalSectionsFrom: OptionalSectionsOrigin = overrides.optionalSections
    ? 'setting'
    : config?.optionalSections
      ? 'config'
      : repoOptional
        ? 'repo'
        : 'default';
  return {
    templatePath: overrides.templatePath ?? config?.template,
    include: overrides.include ?? config?.include ?? DEFAULT_INCLUDE,
    exclude: overrides.exclude ?? config?.exclude ?? DEFAULT_EXCLUDE,
    globBase: config?.include || config?.exclude ? configFolder : undefined,
    maxLineLength: overrides.maxLineLength ?? config?.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
    optionalSections: overrides.optionalSections ?? config?.optionalSections ?? repoOptional ?? DEFAULT_OPTIONAL_SECTIONS,
    optionalSectionsFrom,
    rules: { ...config?.rules, ...overrides.rules },
    restExistingNames: config?.rest?.existingNames ?? [],
    ...(config?.directives ? { directives: config.directives } : {}),
    ...(config?.roles ? { roles: config.roles } : {}),
  };
}

export function engineOptions(options: EffectiveOptions): EngineOptions {
  const docs =
    options.directives || options.roles ? { docs: { extensions: null, directives: options.directives, roles: options.roles } } : {};
  return {
    maxLineLength: options.maxLineLength,
    optionalSections: options.optionalSections,
    rules: options.rules,
    restExistingNames: options.restExistingNames,
    ...docs,
  };
}

/**
 * The editor settings that should win over a config file: those named in `userSet` when the client
 * can tell (e.g. from `WorkspaceConfiguration.inspect`), else those that differ from the defaults,
 * since `workspace/configuration` answers with the defaults filled in.
 */
export function overridesFromSettings(settings: EditorSettings, userSet?: ReadonlySet<string>): OptionOverrides {
  const overrides: { -readonly [K in keyof OptionOverrides]: OptionOverrides[K] } = {};
  for (const key of CONFIG_SETTING_KEYS) {
    const value = settings[key];
    if (value === undefined) continue;
    if (userSet ? userSet.has(key) : JSON.stringify(value) !== JSON.stringify(OPTIONS[key].default))
      Object.assign(overrides, { [key]: value });
  }
  return overrides;
}

/**
 * Whether `filePath` is a spec under these options: not a template, matched by an include glob and
 * by no exclude glob, relative to `globBase` (else `fallbackBase`; a file outside it: its whole path).
 */
export function isIncludedSpec(
  filePath: string,
  options: Pick<EffectiveOptions, 'include' | 'exclude' | 'globBase'>,
  fallbackBase?: string,
): boolean {
  return isSpecFile(filePath, options.globBase ?? fallbackBase, options.include, options.exclude);
}

/** Whether an exclude glob matches the file (for files named on the command line, which skip include). */
export function isExcludedFile(filePath: string, options: Pick<EffectiveOptions, 'exclude' | 'globBase'>, fallbackBase?: string): boolean {
  return matchesAnyGlob(options.exclude, filePath, options.globBase ?? fallbackBase);
}
