import { lstatSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describeFsError, isReallyWithin, readRegularFile } from '../node-files';
import { type EffectiveOptions, isIncludedSpec, mergeOptions, type OptionOverrides } from './options';
import { CONFIG_FILE_NAMES, type ConfigProblem, parseConfig, type SpecsConfig } from './parse';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly path: string;
  /** Its folder: the base of its include and exclude globs. */
  readonly folder: string;
  readonly config: SpecsConfig;
  /** Empty when the file is valid. A file that cannot be read has one problem and an empty config. */
  readonly problems: readonly ConfigProblem[];
}

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const cache = new Map<string, { stamp: string; loaded: LoadedConfig }>();

/**
 * The config that applies to a spec: the nearest `.rst-specs.json` (else `.rst-specs.jsonc`) in the
 * spec's folder or above, up to `stopAt` (included) or the file system's root. Each file is parsed
 * once and parsed again only when its modification time or size changes; the lookup itself is a few
 * `stat` calls, so a config file created or deleted later is seen on the next call.
 */
export function findConfigFor(specPath: string, stopAt?: string): LoadedConfig | undefined {
  const file = findConfigPath(path.dirname(path.resolve(specPath)), stopAt);
  return file ? loadConfigFile(file, stopAt) : undefined;
}

/**
 * For the language server: what a spec is checked with. The nearest config file up to the
 * workspace folder, under the overrides (the editor settings the user set: see
 * `overridesFromSettings`). `config` is there to report its problems (its valid parts still apply).
 */
export function optionsForSpec(
  specPath: string,
  workspaceFolder: string | undefined,
  overrides: OptionOverrides = {},
): { options: EffectiveOptions; config?: LoadedConfig } {
  const config = findConfigFor(specPath, workspaceFolder);
  return { options: mergeOptions(config?.config, config?.folder, overrides), config };
}

/**
 * "Is this file on disk a spec?" for many files of one workspace folder (a walk): the same answer
 * as a check gives (`isIncludedSpec` under the nearest config file and the overrides), each
 * folder's config file looked up once per predicate.
 */
export function specPredicate(workspaceFolder: string | undefined, overrides: OptionOverrides = {}): (filePath: string) => boolean {
  const byFolder = new Map<string, EffectiveOptions>();
  return (filePath) => {
    const folder = path.dirname(path.resolve(filePath));
    let options = byFolder.get(folder);
    if (!options) {
      options = optionsForSpec(filePath, workspaceFolder, overrides).options;
      byFolder.set(folder, options);
    }
    return isIncludedSpec(filePath, options, workspaceFolder);
  };
}

/**
 * The path of the config file that governs `folder`, without reading it. Whatever stands under a
 * config file's name counts (a link, a loop, a folder): loadConfigFile then says why it cannot be used.
 */
export function findConfigPath(folder: string, stopAt?: string): string | undefined {
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (exists(candidate)) return candidate;
    }
    if (current === stop || path.dirname(current) === current) return undefined;
    if (stop !== undefined && !current.startsWith(stop + path.sep) && current !== stop) return undefined;
  }
}

function exists(filePath: string): boolean {
  try {
    lstatSync(filePath);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads and parses one config file, through the same cache. With `root` (the workspace folder, or
 * the CLI's repository), the file's real path must be inside it: a config file that is a link to
 * /etc/passwd is not read. Only a regular file is read (at most MAX_FILE_BYTES).
 */
export function loadConfigFile(filePath: string, root?: string): LoadedConfig {
  const absolute = path.resolve(filePath);
  const folder = path.dirname(absolute);
  let stamp: string;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return unreadable(absolute, stat.isDirectory() ? 'it is a folder' : 'it is not a regular file');
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch (error) {
    return unreadable(absolute, describeFsError(error));
  }
  if (root !== undefined && !isReallyWithin(absolute, root)) {
    return unreadable(absolute, `it is a link to a file outside ${root}, so it was not read`);
  }
  const cached = cache.get(absolute);
  if (cached?.stamp === stamp) return cached.loaded;
  let text: string;
  try {
    text = readRegularFile(absolute).toString('utf8');
  } catch (error) {
    return unreadable(absolute, describeFsError(error));
  }
  const { config, problems } = parseConfig(text, absolute);
  const loaded: LoadedConfig = { path: absolute, folder, config, problems };
  cache.set(absolute, { stamp, loaded });
  return loaded;
}

/** Forgets cached config files (all, or one), e.g. when the language server is told a file changed. */
export function forgetConfig(filePath?: string): void {
  if (filePath === undefined) cache.clear();
  else cache.delete(path.resolve(filePath));
}

function unreadable(filePath: string, why: string): LoadedConfig {
  return { path: filePath, folder: path.dirname(filePath), config: {}, problems: [{ message: `cannot be read: ${why}`, range: NO_RANGE }] };
}
