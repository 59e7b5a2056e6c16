// The `rst-specs` command (server/out/cli.js): runs the CLI bundle (server/out/cli-main.js) with
// the V8 code cache that `npm run build` made for it by checking the examples (cli-main.cache).
// Without the cache, V8 compiles the bundle on every run and each function on its first call:
// about a tenth of a one-spec run, a few percent of a long one (docs/cli.md, Speed). V8 accepts the cache
// only from the same V8 version and flags; else, or when it is missing or damaged, it compiles
// as usual. Nothing here writes a file: the build writes the cache (scripts/build.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

export const CLI_MAIN = join(__dirname, 'cli-main.js');
export const CLI_CODE_CACHE = join(__dirname, 'cli-main.cache');

/** Runs the bundle as Node runs a CommonJS module; returns its script, for the build to make the cache from. */
export function runCliMain(mainFile = CLI_MAIN, cacheFile = CLI_CODE_CACHE): Script {
  const source = readFileSync(mainFile, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compiled as usual
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: mainFile, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, mainFile, join(mainFile, '..'));
  return script;
}

if (require.main === module) runCliMain();
