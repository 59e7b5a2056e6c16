// Bundles the in-editor test suite (test/integration/suite/*.ts) to CommonJS in
// test/integration/out/suite/, one file per entry: index.js (mocha runner,
// loaded by the extension host through --extensionTestsPath) and one
// *.suite.js per test file (loaded by mocha). `vscode` is given by the
// extension host and `mocha` is loaded from the repository's node_modules at
// run time, so that the runner and the test files share one mocha instance.
//
//   node test/integration/build-suite.mjs
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const suiteDir = join(here, 'suite');
const outDir = join(here, 'out');

const entryPoints = readdirSync(suiteDir)
  .filter((name) => name === 'index.ts' || name.endsWith('.suite.ts'))
  .sort()
  .map((name) => join(suiteDir, name));

rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
await build({
  entryPoints,
  outbase: here,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.log(`built ${entryPoints.length} suite files into ${outDir} in ${Date.now() - started} ms`);
