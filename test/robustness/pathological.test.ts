// Pathological inputs (pathological.ts): each is checked (through the Analyzer, as the server does,
// and by the engine directly), fixed (quick fixes, fix-all to a fixed point) and asked for every
// feature, with the invariants of invariants.ts, within a generous time limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/analyze';
import { bundledTemplate } from '../helpers';
import { LONG } from './config';
import { checkText } from './invariants';
import { PATHOLOGICAL } from './pathological';

const analyzer = new Analyzer();

for (const input of PATHOLOGICAL) {
  test(`pathological: ${input.name}`, { timeout: input.limit * 3_000, skip: input.longOnly && !LONG && 'RST_SPECS_LONG=1' }, (t) => {
    const text = input.make();
    const started = performance.now();
    // As the server checks it (a file with NUL bytes is reported, not checked)...
    const analysis = analyzer.analyze({ text });
    const checkedIn = performance.now() - started;
    assert.ok(Array.isArray(analysis.diagnostics));
    // ...and everything else, on the text as if it were checked anyway.
    const diagnostics = checkText(text, bundledTemplate(), {
      // The property tests check fix-all's fixed point and the fixes' results; here, in the default
      // mode, that would double the time.
      fixedPoint: LONG,
      // Each fix is applied to the whole text: all of them on 100,000 diagnostics would be the test's own quadratic.
      quickFixes: LONG ? 200 : 5,
      revalidateFixes: LONG ? 3 : 0,
      positions: [
        { line: 0, character: 0 },
        { line: 1, character: 5 },
        { line: analysis.doc.lines.length >> 1, character: 3 },
        { line: analysis.doc.lines.length - 1, character: 1 << 20 },
      ],
    });
    const seconds = (performance.now() - started) / 1000;
    assert.ok(seconds < input.limit, `${input.name}: ${seconds.toFixed(1)} s (limit ${input.limit} s)`);
    // Shown with --test-reporter=spec: how far each input is from its limit.
    t.diagnostic(`${input.name}: check ${checkedIn.toFixed(0)} ms, all ${seconds.toFixed(2)} s, ${diagnostics.length} diagnostics`);
  });
}
