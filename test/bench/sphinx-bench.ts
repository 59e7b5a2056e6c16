// The docs job side by side (part of the CLI benchmark, test/bench/cli-bench.ts): `sphinx-build`
// of the corpus specs in one Sphinx project, against `rst-specs check` of the same specs, each run
// a fresh process, alternating. One project for all of them: Sphinx starts once, as a docs job
// does, which is the comparison most in Sphinx's favour (one project per spec would start Sphinx
// 294 times). The extensions are those of the repos' conf.py that come with Sphinx; the others
// (openstackdocstheme, yasfb, redirect, oslo's) are not installed here and only add time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SPHINX_BUILD = 'sphinx-build';
const ROUNDS = 2;
export const SPHINX_TARGET = 50;

/** The Sphinx version, or undefined when sphinx-build cannot be run. */
function sphinxVersion(): string | undefined {
  const result = spawnSync(SPHINX_BUILD, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A Sphinx project holding the specs at their paths in their repos, listed by index.rst's toctree. */
function writeProject(folder: string, corpus: string, specs: readonly (readonly [string, string])[]): string {
  const source = join(folder, 'source');
  mkdirSync(source, { recursive: true });
  const docnames: string[] = [];
  for (const [repo, path] of specs) {
    const target = join(source, repo, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(corpus, repo, path), target);
    docnames.push(`${repo}/${path.replace(/\.rst$/, '')}`);
  }
  writeFileSync(
    join(source, 'conf.py'),
    [
      "extensions = ['sphinx.ext.todo', 'sphinx.ext.graphviz', 'sphinx.ext.autodoc']",
      "project = 'specs'",
      "master_doc = 'index'",
      "html_theme = 'basic'",
      'todo_include_todos = True',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(source, 'index.rst'),
    `=====\nSpecs\n=====\n\n.. toctree::\n   :maxdepth: 1\n\n${docnames.map((name) => `   ${name}\n`).join('')}`,
  );
  return source;
}

/** Wall time (ms) of one `sphinx-build -b html` of the project into a fresh output folder, and its warnings. */
function buildOnce(source: string, output: string): { ms: number; warnings: number } {
  rmSync(output, { recursive: true, force: true });
  const start = performance.now();
  // As the docs job runs it, less -W: three Senlin specs warn, and a build that stops early would time less.
  const result = spawnSync(SPHINX_BUILD, ['-b', 'html', '-q', '--keep-going', source, output], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`sphinx-build exited ${result.status}: ${result.stderr.slice(-2000)}`);
  return { ms, warnings: (result.stderr.match(/WARNING|ERROR|SEVERE|CRITICAL/g) ?? []).length };
}

/**
 * `rst-specs check` (`runCli`: one run, its wall time in ms) against sphinx-build of the same
 * specs, alternating; prints the row and returns whether the target is met (true when skipped).
 */
export function sphinxComparison(corpus: string, specs: readonly (readonly [string, string])[], runCli: () => number): boolean {
  const version = sphinxVersion();
  if (!version) {
    console.log(`\nsphinx-build: not found (apt-get install python3-sphinx), the side-by-side Sphinx build skipped`);
    return true;
  }
  const folder = mkdtempSync(join(tmpdir(), 'rst-specs-sphinx-bench-'));
  try {
    const source = writeProject(folder, corpus, specs);
    const ours: number[] = [runCli()];
    const sphinx: { ms: number; warnings: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      sphinx.push(buildOnce(source, join(folder, 'html')));
      ours.push(runCli());
    }
    // The lower median: of two Sphinx builds, the faster.
    const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
    const ourMedian = median(ours);
    const sphinxMedian = median(sphinx.map((run) => run.ms));
    const ratio = sphinxMedian / ourMedian;
    console.log(
      `\n${version} -b html of the same ${specs.length} specs in one project (${sphinx[0].warnings} warnings): ` +
        `${(sphinxMedian / 1000).toFixed(1)} s (runs: ${sphinx.map((run) => (run.ms / 1000).toFixed(1)).join(', ')}); ` +
        `rst-specs check ${ourMedian.toFixed(0)} ms (runs: ${ours.map((ms) => ms.toFixed(0)).join(', ')}), alternating: ` +
        `${ratio.toFixed(0)}x faster (target: >= ${SPHINX_TARGET}x); load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(' ')}`,
    );
    return ratio >= SPHINX_TARGET;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
