// The CLI benchmark (chained into npm run bench): rst-specs over the whole corpus in one process,
// side by side with the specs repos' own check (test/bench/peer_check.py, docutils), and one
// `rst-specs check` of a single spec from process start to exit. Timed as a user runs it: the
// files the npm package installs (no V8 code cache: the build makes one only in a clone, for its
// Node), `node BIN check ...` with nothing preloaded; each spec's time comes from a run of its own.
// Run: npm run bench (test/bench/run.mjs bundles and runs it after bench.ts).
// Exits 1 if a target is missed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sphinxComparison } from './sphinx-bench';

const repoRoot = resolve(__dirname, '..', '..');
const corpus = resolve(repoRoot, '..', 'shared', 'corpus');
/** The clone's build, with the code cache the build made for this Node. */
const builtCli = resolve(repoRoot, 'server', 'out', 'cli.js');
/** The bin as npm installs it (installedCli()); set in main(). */
let cli = builtCli;
const peerScript = resolve(__dirname, 'peer_check.py');
/** Preloaded: writes each spec's check time (spec-timings.ts, bundled beside this bench). */
const specTimings = resolve(__dirname, 'out', 'spec-timings.js');
const python = '/usr/bin/python3';
const ROUNDS = 3;
const SINGLE_RUNS = 21;
const SPEEDUP_TARGET = 20;
const SINGLE_TARGET_MS = 150;

interface Timing {
  readonly file: string;
  readonly ms: number;
  readonly bytes: number;
}

function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1))];
}
const median = (samples: readonly number[]) => percentile(samples, 0.5);

/** A copy of what the npm package installs for the CLI (package.json `files`): its bin, the bundle, the bundled template. */
function installedCli(folder: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
  for (const file of ['server/out/cli.js', 'server/out/cli-main.js', 'server/templates/']) {
    if (!manifest.files.includes(file)) throw new Error(`cli-bench: package.json files no longer lists ${file}`);
    cpSync(join(repoRoot, file), join(folder, file), { recursive: true });
  }
  return join(folder, 'server', 'out', 'cli.js');
}

/**
 * Runs a command `runs` times, each a fresh process; returns the wall times (ms, spawn to exit)
 * and the per-file timings that the last run wrote to the file named by `withTimings`.
 */
function timeProcess(
  command: string,
  withTimings: (timingsFile: string) => { args: string[]; env?: NodeJS.ProcessEnv },
  runs: number,
): { walls: number[]; timings: Timing[]; stdout: string } {
  const folder = mkdtempSync(join(tmpdir(), 'rst-specs-cli-bench-'));
  const timingsFile = join(folder, 'timings.json');
  const { args, env } = withTimings(timingsFile);
  const walls: number[] = [];
  let stdout = '';
  try {
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
      walls.push(performance.now() - start);
      if (result.error) throw result.error;
      if (result.status !== 0 && result.status !== 1) {
        throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      }
      stdout = result.stdout;
    }
    const timings = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as Timing[]) : [];
    return { walls, timings, stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A table row: wall time per run, throughput from it, and the per-file times of every run. */
function line(name: string, walls: readonly number[], rounds: readonly (readonly Timing[])[]): number {
  const wall = median(walls);
  const files = rounds[0].length;
  const bytes = rounds[0].reduce((sum, timing) => sum + timing.bytes, 0);
  const perFile = rounds.flatMap((round) => round.map((timing) => timing.ms));
  console.log(
    `| ${name} | ${files} | ${wall.toFixed(0)} | ${(files / (wall / 1000)).toFixed(0)} | ` +
      `${(bytes / 1e6 / (wall / 1000)).toFixed(2)} | ${median(perFile).toFixed(2)} / ${percentile(perFile, 0.95).toFixed(2)} |`,
  );
  return wall;
}

function hasDocutils(): boolean {
  if (!existsSync(python)) return false;
  return spawnSync(python, ['-c', 'import docutils'], { stdio: 'ignore' }).status === 0;
}

function corpusComparison(): boolean {
  const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n').slice(1);
  const peerAvailable = hasDocutils();
  // The optional sections of the specs repos' own check, by release, as a config file.
  const folder = mkdtempSync(join(tmpdir(), 'rst-specs-cli-bench-config-'));
  const config = join(folder, '.rst-specs.json');
  writeFileSync(
    config,
    JSON.stringify({ optionalSections: { '*': ['History', 'Feature Liaison'], queens: ['History', 'Upgrade impact'] } }),
  );
  const checkArgs = (jobs: string | undefined) => [
    'check',
    '--config',
    config,
    ...(jobs ? ['--jobs', jobs] : []),
    '--format',
    'json',
    corpus,
  ];
  // Timed as users run it (nothing preloaded); `timed` false: an untimed run that records each spec's time.
  const ours = (jobs: string | undefined, bin = cli) => timeProcess(process.execPath, () => ({ args: [bin, ...checkArgs(jobs)] }), 1);
  const perSpec = (jobs: string | undefined) =>
    timeProcess(
      process.execPath,
      (timingsFile) => ({ args: ['--require', specTimings, cli, ...checkArgs(jobs)], env: { RST_SPECS_BENCH_TIMINGS: timingsFile } }),
      1,
    );
  const peer = () => timeProcess(python, (timingsFile) => ({ args: [peerScript, corpus, '--timings', timingsFile] }), 1);
  // Rounds that alternate the checkers, so that a machine busy with other work slows all alike.
  const runs: Record<'auto' | 'one' | 'two' | 'built' | 'peer', ReturnType<typeof ours>[]> = {
    auto: [],
    one: [],
    two: [],
    built: [],
    peer: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    runs.auto.push(ours(undefined));
    runs.one.push(ours('1'));
    runs.two.push(ours('2'));
    runs.built.push(ours(undefined, builtCli));
    if (peerAvailable) runs.peer.push(peer());
  }
  const specTimes = { auto: perSpec(undefined).timings, one: perSpec('1').timings, two: perSpec('2').timings };
  const checked = (JSON.parse(runs.auto[0].stdout) as { summary: { checked: number } }).summary.checked;
  if (checked !== manifest.length) {
    console.log(`rst-specs checked ${checked} files; MANIFEST.tsv lists ${manifest.length}`);
    rmSync(folder, { recursive: true, force: true });
    return false;
  }
  const walls = (list: ReturnType<typeof ours>[]) => list.map((run) => run.walls[0]);
  const timings = (list: ReturnType<typeof ours>[]) => list.map((run) => run.timings);
  console.log(
    `\nWhole corpus (${manifest.length} specs in ../shared/corpus), each run one process, ${ROUNDS} rounds alternating the checkers:\n`,
  );
  console.log('| checker | files | wall ms (median) | files/s | MB/s | ms per file (median / p95) |\n|---|---|---|---|---|---|');
  const autoWall = line(`rst-specs check (default threads, ${availableParallelism()} cores)`, walls(runs.auto), [specTimes.auto]);
  const oneWall = line('rst-specs check --jobs 1', walls(runs.one), [specTimes.one]);
  line('rst-specs check --jobs 2', walls(runs.two), [specTimes.two]);
  line("the clone's build (server/out/cli.js, with its code cache), default threads", walls(runs.built), [specTimes.auto]);
  let ok = true;
  if (!peerAvailable) {
    console.log(`\npeer check: ${python} with docutils not found (apt-get install python3-docutils), skipped`);
  } else {
    const peerWall = line('peer_check.py (docutils)', walls(runs.peer), timings(runs.peer));
    console.log(`\n${runs.peer[0].stdout.trim()}`);
    console.log(
      `rst-specs is ${(peerWall / autoWall).toFixed(1)}x faster than the peer check over the corpus, process start included ` +
        `(${(peerWall / oneWall).toFixed(1)}x on one thread; target: >= ${SPEEDUP_TARGET}x); load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(' ')}`,
    );
    ok = peerWall / autoWall >= SPEEDUP_TARGET;
  }
  const specs = manifest.map((row) => row.split('\t')).map(([repo, path]) => [repo, path] as const);
  if (process.argv.includes('--quick'))
    console.log('\nsphinx-build side by side: skipped by --quick (two builds take minutes); npm run bench runs it');
  else ok = sphinxComparison(corpus, specs, () => ours(undefined).walls[0]) && ok;
  rmSync(folder, { recursive: true, force: true });
  return ok;
}

function singleSpec(): boolean {
  const manifest = existsSync(join(corpus, 'MANIFEST.tsv'))
    ? readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((row) => row.split('\t'))
    : [];
  // A spec of median size from the corpus, else an example shipped in the repository.
  const sized = manifest.map(([repo, path]) => join(corpus, repo, path)).map((file) => ({ file, size: readFileSync(file).length }));
  sized.sort((a, b) => a.size - b.size);
  const spec = sized.length > 0 ? sized[Math.floor(sized.length / 2)].file : resolve(repoRoot, 'examples', 'specs', 'node-health.rst');
  const runs = timeProcess(process.execPath, () => ({ args: [cli, 'check', spec] }), SINGLE_RUNS);
  const ms = median(runs.walls.slice(1));
  const built = median(timeProcess(process.execPath, () => ({ args: [builtCli, 'check', spec] }), SINGLE_RUNS).walls.slice(1));
  console.log(
    `\nOne spec (${spec.replace(`${resolve(repoRoot, '..')}/`, '')}, ${readFileSync(spec).length} bytes), \`rst-specs check\` from process start to exit: ` +
      `${ms.toFixed(0)} ms median, ${percentile(runs.walls.slice(1), 0.95).toFixed(0)} ms p95 of ${SINGLE_RUNS - 1} runs (target: < ${SINGLE_TARGET_MS} ms); ` +
      `the clone's build with its code cache ${built.toFixed(0)} ms median; node alone: ${median(timeProcess(process.execPath, () => ({ args: ['-e', ''] }), 11).walls).toFixed(0)} ms`,
  );
  return ms < SINGLE_TARGET_MS;
}

function main(): number {
  if (!existsSync(builtCli)) {
    console.error('cli-bench: server/out/cli.js is missing: run npm run build first');
    return 1;
  }
  const installed = mkdtempSync(join(tmpdir(), 'rst-specs-cli-bench-installed-'));
  try {
    cli = installedCli(installed);
    let ok = true;
    if (existsSync(join(corpus, 'MANIFEST.tsv'))) ok = corpusComparison() && ok;
    else console.log('corpus: ../shared/corpus not found, skipped');
    ok = singleSpec() && ok;
    if (!ok) console.log('\ncli-bench: a target was missed');
    return ok ? 0 : 1;
  } finally {
    rmSync(installed, { recursive: true, force: true });
  }
}

process.exitCode = main();
