// The `rst-specs` command (server/out/cli.js): runs the CLI bundle (server/out/cli-main.js) with
// the V8 code cache that `npm run build` made for it by checking the examples (cli-main.cache).
// Without the cache, V8 compiles the bundle on every run and each function on its first call:
// about a tenth of a one-spec run, a few percent of a long one (docs/performance.md). Tunes V8 for
// runs over many specs (v8-tuning.ts). Nothing here writes a file: the build writes the cache
// (scripts/build.mjs).
import { join } from 'node:path';
import { type LoadedBundle, loadBundle } from './bundle-loader';
import { tuneV8ForLongRuns } from './v8-tuning';

export { sealCodeCache } from './bundle-loader';

export const CLI_MAIN = join(__dirname, 'cli-main.js');
export const CLI_CODE_CACHE = join(__dirname, 'cli-main.cache');

/**
 * Runs the CLI bundle. For the build to make the cache: `compiled` gets its script before it runs
 * (named `scriptName`; see loadBundle), since a check ends the process when it is done.
 */
export function runCliMain(
  mainFile = CLI_MAIN,
  cacheFile = CLI_CODE_CACHE,
  scriptName?: string,
  compiled?: Parameters<typeof loadBundle>[3],
): LoadedBundle {
  return loadBundle(mainFile, cacheFile, scriptName, compiled);
}

if (require.main === module) {
  tuneV8ForLongRuns();
  runCliMain();
}
