// npm run bench [-- --quick]: bundles the benchmarks (build-bench.mjs), then runs the engine and
// robustness bench and the CLI bench, each with this script's arguments. Exits 1 if either did.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './build-bench.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), 'out');
let failed = false;
for (const bench of ['bench.js', 'cli-bench.js']) {
  const result = spawnSync(process.execPath, [join(out, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
