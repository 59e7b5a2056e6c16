// The `.rst-specs.json` config file, read alike by the CLI and the language server.
// parse.ts and options.ts are pure (no file system); load.ts finds and caches files on disk.
export {
  CONFIG_FILE_NAMES,
  CONFIG_KEYS,
  type ConfigProblem,
  formatConfigProblem,
  parseConfig,
  SEVERITY_SETTINGS,
  type SpecsConfig,
} from './parse';
export { findConfigFor, findConfigPath, forgetConfig, type LoadedConfig, loadConfigFile, optionsForSpec, specPredicate } from './load';
export {
  type EditorSettings,
  type EffectiveOptions,
  engineOptions,
  isExcludedFile,
  isIncludedSpec,
  mergeOptions,
  type OptionOverrides,
  overridesFromSettings,
} from './options';
