// Bundles the benchmarks (bench.ts, cli-bench.ts, and the CLI bench's spec-timings.ts) with esbuild into test/bench/out/, the way the
// product's own code ships (scripts/build.mjs): timed under tsx, every cross-module reference goes
// through a getter of tsx's module wrapper and the engine measures slower than it runs in the
// server. `__dirname` keeps the value it has in each source file, for the paths the benches build.
//
//   node test/bench/build-bench.mjs
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const sourceDirname = {
  name: 'source-dirname',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replace(/\b__dirname\b/g, JSON.stringify(dirname(path))),
      loader: 'ts',
    }));
  },
};

await build({
  entryPoints: [join(here, 'bench.ts'), join(here, 'cli-bench.ts'), join(here, 'spec-timings.ts')],
  outdir: join(here, 'out'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  plugins: [sourceDirname],
  logLevel: 'warning',
});
