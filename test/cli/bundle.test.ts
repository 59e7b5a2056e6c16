// The built bundle (server/out/cli.js) as a user runs it: a process, its streams and exit status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE } from '../../server/src/cli/args';
import { SPEC_CHECKED_CHANNEL, type SpecChecked } from '../../server/src/cli/channels';
import { cliVersion } from '../../server/src/cli/version';
import { sealCodeCache } from '../../server/src/runtime/bundle-loader';
import { bundle, cliFixtures, hasBundle, runBundle, scratch } from './run';

const skip = hasBundle ? false : 'server/out/cli.js is not built (npm run build)';

test('bundle: exit 0, 1 and 2 with the same output as in process', { skip }, () => {
  assert.deepEqual(runBundle(['check', 'specs/clean.rst']), {
    code: 0,
    stdout: '0 errors, 0 warnings in 0 files (1 checked)\n',
    stderr: '',
  });
  const problems = runBundle(['check', 'specs']);
  assert.equal(problems.code, 1);
  assert.equal(problems.stdout.split('\n').at(-2), '6 errors, 0 warnings in 2 files (3 checked)');
  assert.doesNotMatch(problems.stdout, /\u001b/, 'no colour on a pipe');
  assert.deepEqual(runBundle(['check', '--format', 'yaml']), {
    code: 2,
    stdout: '',
    stderr: "rst-specs: --format must be one of text, json, sarif, github, junit, not 'yaml'\nRun rst-specs --help for the options.\n",
  });
  assert.equal(runBundle(['check', 'missing.rst']).code, 2);
  assert.deepEqual(runBundle(['--version']), { code: 0, stdout: `${cliVersion()}\n`, stderr: '' });
  assert.deepEqual(runBundle(['--help']), { code: 0, stdout: `${USAGE}\n`, stderr: '' });
  assert.match(readFileSync(bundle, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('bundle: a spec on standard input, and per-file timings for the benchmark', { skip }, () => {
  const spec = readFileSync(join(cliFixtures, 'specs', 'warnings.rst'), 'utf8');
  const result = runBundle(['check', '--format', 'github', '-', '--stdin-filename', 'specs/warnings.rst'], { input: spec });
  assert.deepEqual(result, {
    code: 1,
    stdout:
      '::error file=specs/warnings.rst,line=12,col=47,title=trailing-whitespace::Trailing whitespace.\n' +
      '::error file=specs/warnings.rst,line=17,col=80,title=line-length::Line is 84 characters long; the maximum is 79.\n' +
      '2 errors, 0 warnings in 1 file (1 checked)\n',
    stderr: '',
  });
  // What the bench records (test/bench/spec-timings.ts): the CLI's diagnostics channel, from outside.
  const folder = mkdtempSync(join(tmpdir(), 'rst-specs-timings-'));
  const timings = join(folder, 'timings.json');
  const preload = join(folder, 'preload.cjs');
  writeFileSync(
    preload,
    `const timings = []; require('node:diagnostics_channel').subscribe(${JSON.stringify(SPEC_CHECKED_CHANNEL)}, (m) => timings.push(m));
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(timings)}, JSON.stringify(timings)));`,
  );
  runBundle(['check', 'specs'], { env: { NODE_OPTIONS: `--require ${preload}` } });
  const recorded = JSON.parse(readFileSync(timings, 'utf8')) as SpecChecked[];
  rmSync(folder, { recursive: true, force: true });
  assert.deepEqual(
    recorded.map((timing) => timing.file),
    ['specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst'],
  );
  assert.ok(recorded.every((timing) => timing.ms > 0 && timing.bytes > 0));
});

test('bundle: colour by default on FORCE_COLOR, none under NO_COLOR', { skip }, () => {
  assert.match(runBundle(['check', 'specs/problems.rst'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31m/);
  assert.doesNotMatch(runBundle(['check', 'specs/problems.rst'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b/);
});

test('bundle: --jobs 2 (worker threads) gives the same report, messages and fixes as one thread', { skip }, () => {
  for (const args of [
    ['specs', 'configured'],
    ['--format', 'sarif', '.'],
    ['--format', 'junit', 'specs/*.rst', 'missing.rst'],
  ]) {
    const one = runBundle(['check', '--jobs', '1', ...args]);
    const two = runBundle(['check', '--jobs', '2', ...args]);
    assert.deepEqual(two, one, args.join(' '));
  }
  const spec = readFileSync(join(cliFixtures, 'specs', 'warnings.rst'), 'utf8');
  const withStdin = ['check', '--jobs', '3', 'specs', '-', '--stdin-filename', 'specs/stdin.rst', 'configured'];
  assert.deepEqual(
    runBundle(withStdin, { input: spec }),
    runBundle([...withStdin.slice(0, 1), '--jobs', '1', ...withStdin.slice(3)], { input: spec }),
  );
  const { dir, cleanup } = scratch('specs');
  try {
    const fixed = runBundle(['check', '--jobs', '2', '--fix', '.'], { cwd: dir });
    // The missing section stays (fix-all inserts none): exit 1.
    assert.equal(fixed.code, 1);
    assert.match(fixed.stdout, /^Fixed 3 problems in 2 files\.$/m);
    assert.doesNotMatch(readFileSync(join(dir, 'problems.rst'), 'utf8'), / \n/);
  } finally {
    cleanup();
  }
});

/** Runs the CLI through the loader's runCliMain with a given cache file; prints what became of the cache. */
function runWithCache(cacheFile: string, args: readonly string[]): { code: number | null; stdout: string; cache: string } {
  const script = `const { runCliMain, CLI_MAIN } = require(${JSON.stringify(bundle)});
process.argv = [process.execPath, CLI_MAIN, ...${JSON.stringify(args)}];
runCliMain(CLI_MAIN, ${JSON.stringify(cacheFile)}, undefined, (_script, cache) => process.on('exit', () => process.stderr.write(cache)));`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: cliFixtures,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, cache: result.stderr };
}

test(
  'bundle: runs with the code cache the build made for this Node, and the same without it or with a damaged or foreign one',
  { skip },
  () => {
    const args = ['check', 'specs/problems.rst'];
    const expected = runBundle(args);
    assert.equal(expected.code, 1);
    const real = join(bundle, '..', 'cli-main.cache');
    assert.deepEqual(runWithCache(real, args), { code: 1, stdout: expected.stdout, cache: 'accepted' });
    const folder = mkdtempSync(join(tmpdir(), 'rst-specs-cache-'));
    try {
      // One byte changed in the middle: V8 itself would not notice, and stop the process.
      const flipped = readFileSync(real);
      flipped[flipped.length >> 1] ^= 0xff;
      writeFileSync(join(folder, 'flipped.cache'), flipped);
      assert.deepEqual(runWithCache(join(folder, 'flipped.cache'), args), { code: 1, stdout: expected.stdout, cache: 'damaged' });
      writeFileSync(join(folder, 'text.cache'), 'not a V8 code cache');
      assert.deepEqual(runWithCache(join(folder, 'text.cache'), args), { code: 1, stdout: expected.stdout, cache: 'damaged' });
      // Sealed, but not V8's (as a cache from another V8 version looks to this one).
      writeFileSync(join(folder, 'foreign.cache'), sealCodeCache(Buffer.from('not a V8 code cache, with a good checksum')));
      assert.deepEqual(runWithCache(join(folder, 'foreign.cache'), args), { code: 1, stdout: expected.stdout, cache: 'rejected' });
      assert.deepEqual(runWithCache(join(folder, 'missing.cache'), args), { code: 1, stdout: expected.stdout, cache: 'none' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);
