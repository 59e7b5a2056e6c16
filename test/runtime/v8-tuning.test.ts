// The runtime tunes V8 for long CLI runs by listening to the CLI (server/src/runtime/v8-tuning.ts),
// which does not know it: runCli only says on a diagnostics channel how many specs a run checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANY_SPECS, tuneV8ForLongRuns } from '../../server/src/runtime/v8-tuning';
import { cliFixtures, run, scratch } from '../cli/run';

/** The flags set while runCli checks a folder of `count` copies of the clean fixture spec. */
function flagsSet(count: number): string[] {
  const { dir, cleanup } = scratch('specs');
  const flags: string[] = [];
  const stop = tuneV8ForLongRuns((flag) => flags.push(flag));
  try {
    for (let index = 0; index < count; index++) copyFileSync(join(cliFixtures, 'specs', 'clean.rst'), join(dir, `clean-${index}.rst`));
    const paths = Array.from({ length: count }, (_, index) => `clean-${index}.rst`);
    const result = run(['check', ...paths], { cwd: dir });
    // Each copy warns that its file name is not the blueprint's (blueprint-url).
    assert.equal(result.stdout.split('\n').at(-2), `0 errors, ${count} warnings in ${count} files (${count} checked)`);
    return flags;
  } finally {
    stop();
    cleanup();
  }
}

test(`V8 is tuned for the run once from ${MANY_SPECS} specs on, not below`, () => {
  assert.equal(MANY_SPECS, 48);
  assert.deepEqual(flagsSet(MANY_SPECS - 1), []);
  assert.deepEqual(flagsSet(MANY_SPECS), [
    '--no-turbo-inlining',
    '--no-turbo-loop-peeling',
    '--no-turbo-escape',
    '--no-turbo-load-elimination',
  ]);
});
