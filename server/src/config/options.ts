import type { SeveritySetting } from '../rules/rule';
import { DEFAULT_MAX_LINE_LENGTH, DEFAULT_OPTIONAL_SECTIONS, type EngineOptions } from '../engine';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, isSpecFile, matchesAnyGlob } from '../spec-files';
import type { OptionalSectionsSetting } from '../template/optional';
import type { SpecsConfig } from './parse';

/** What one spec is checked with, after defaults, the config file and overrides are combined. */
export interface EffectiveOptions {
  /** Absolute, or relative to the caller's workspace folder; undefined: locate the template. */
  readonly templatePath: string | undefined;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** The folder the include and exclude globs are relative to (the config file's), if any. */
  readonly globBase: string | undefined;
  readonly maxLineLength: number;
  /** One list, or lists by release or template file name: the engine picks the spec's (template/optional.ts). */
  readonly optionalSections: OptionalSectionsSetting;
  /** Where `optionalSections` came from: the overrides, the config file, the repo's own check (`tests/test_titles.py`), or the default. */
  readonly optionalSectionsFrom: OptionalSectionsOrigin;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** API path names with underscores that the repository already has (the config file's `rest.existingNames`). */
  readonly restExistingNames: readonly string[];
  /** Extra directive and role names (the config file's `directives` and `roles`). */
  readonly directives?: readonly string[];
  readonly roles?: readonly string[];
}

export type OptionalSectionsOrigin = 'setting' | 'config' | 'repo' | 'default';

/** Values that win over the config file: command-line options, or the editor settings the user set. */
export interface OptionOverrides {
  readonly templatePath?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly maxLineLength?: number;
  readonly optionalSections?: OptionalSectionsSetting;
  /** Merged over the config file's rules, id by id. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
}

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
  const optionalSectionsFrom: OptionalSectionsOrigin = overrides.optionalSections ? 'setting'
    : config?.optionalSections ? 'config'
    : repoOptional ? 'repo'
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
  const docs = options.directives || options.roles ? { docs: { extensions: null, directives: options.directives, roles: options.roles } } : {};
  return {
    maxLineLength: options.maxLineLength,
    optionalSections: options.optionalSections,
    rules: options.rules,
    restExistingNames: options.restExistingNames,
    ...docs,
  };
}

/** The editor settings that mirror config keys (the language server's `Settings` extends them). */
export interface EditorSettings {
  readonly templatePath: string | undefined;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxLineLength: number;
  /** One list, or lists by release or template file name (`*` for the others). */
  readonly optionalSections: OptionalSectionsSetting;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

/**
 * The editor settings that should win over a config file: those named in `userSet` when the client
 * can tell (e.g. from `WorkspaceConfiguration.inspect`), else those that differ from the defaults,
 * since `workspace/configuration` answers with the defaults filled in.
 */
export function overridesFromSettings(settings: EditorSettings, userSet?: ReadonlySet<string>): OptionOverrides {
  const set = (key: keyof EditorSettings, isDefault: boolean) => (userSet ? userSet.has(key) : !isDefault);
  const sameList = (a: OptionalSectionsSetting, b: readonly string[]) => JSON.stringify(a) === JSON.stringify(b);
  return {
    ...(settings.templatePath !== undefined && set('templatePath', false) ? { templatePath: settings.templatePath } : {}),
    ...(set('include', sameList(settings.include, DEFAULT_INCLUDE)) ? { include: settings.include } : {}),
    ...(set('exclude', sameList(settings.exclude, DEFAULT_EXCLUDE)) ? { exclude: settings.exclude } : {}),
    ...(set('maxLineLength', settings.maxLineLength === DEFAULT_MAX_LINE_LENGTH) ? { maxLineLength: settings.maxLineLength } : {}),
    ...(set('optionalSections', sameList(settings.optionalSections, DEFAULT_OPTIONAL_SECTIONS))
      ? { optionalSections: settings.optionalSections }
      : {}),
    ...(Object.keys(settings.rules).length > 0 ? { rules: settings.rules } : {}),
  };
}

/**
 * Whether `filePath` is a spec under these options: not a template, matched by an include glob and
 * by no exclude glob, relative to `globBase` (else `fallbackBase`; a file outside it: its whole path).
 */
export function isIncludedSpec(filePath: string, options: Pick<EffectiveOptions, 'include' | 'exclude' | 'globBase'>, fallbackBase?: string): boolean {
  return isSpecFile(filePath, options.globBase ?? fallbackBase, options.include, options.exclude);
}

/** Whether an exclude glob matches the file (for files named on the command line, which skip include). */
export function isExcludedFile(filePath: string, options: Pick<EffectiveOptions, 'exclude' | 'globBase'>, fallbackBase?: string): boolean {
  return matchesAnyGlob(options.exclude, filePath, options.globBase ?? fallbackBase);
}
