import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANY_SPECS } from '../../server/src/cli/cli';
import { cliFixtures, run, scratch } from './run';

/** A folder of `count` copies of the clean fixture spec, and how often runCli called beforeManySpecs. */
function tuningCalls(count: number): number {
  const { dir, cleanup } = scratch('specs');
  try {
    for (let index = 0; index < count; index++) copyFileSync(join(cliFixtures, 'specs', 'clean.rst'), join(dir, `clean-${index}.rst`));
    let calls = 0;
    const paths = Array.from({ length: count }, (_, index) => `clean-${index}.rst`);
    const result = run(['check', ...paths], { cwd: dir, beforeManySpecs: () => calls++ });
    // Each copy warns that its file name is not the blueprint's (blueprint-url).
    assert.equal(result.stdout.split('\n').at(-2), `0 errors, ${count} warnings in ${count} files (${count} checked)`);
    return calls;
  } finally {
    cleanup();
  }
}

test(`V8 is tuned for the run once from ${MANY_SPECS} specs on, not below`, () => {
  assert.equal(MANY_SPECS, 48);
  assert.equal(tuningCalls(MANY_SPECS - 1), 0);
  assert.equal(tuningCalls(MANY_SPECS), 1);
});
