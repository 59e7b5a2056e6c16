// Preloaded into a `rst-specs check` process by the CLI bench (node --require out/spec-timings.js
// server/out/cli.js ...): records each spec's check time from the CLI's diagnostics channel and
// writes them, as JSON, to the file named by RST_SPECS_BENCH_TIMINGS when the process exits.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { SPEC_CHECKED_CHANNEL, type SpecChecked } from '../../server/src/cli/channels';

const file = process.env.RST_SPECS_BENCH_TIMINGS;
if (file) {
  const timings: SpecChecked[] = [];
  subscribe(SPEC_CHECKED_CHANNEL, (message) => timings.push(message as SpecChecked));
  process.on('exit', () => writeFileSync(file, JSON.stringify(timings)));
}
