import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { setFlagsFromString } from 'node:v8';
import { CHECK_STARTED_CHANNEL, type CheckStarted } from '../cli/channels';

/**
 * For a run over many specs: V8's optimizing compiler without inlining, loop peeling, escape
 * analysis and load elimination. A CLI run is short, and the engine's hot functions are many
 * and small: optimized code that is cheaper to make arrives sooner, and on a 2-core machine the
 * compiler's threads take less from the checking. Measured over the 294 corpus specs: 22 % less
 * wall time; for 20 specs no gain, for one spec a few percent lost (docs/performance.md).
 */
export const MANY_SPECS_V8_FLAGS: readonly string[] = [
  '--no-turbo-inlining',
  '--no-turbo-loop-peeling',
  '--no-turbo-escape',
  '--no-turbo-load-elimination',
];

/** From this many specs on, a run is long enough for the tuning to pay. */
export const MANY_SPECS = 48;

/**
 * Sets MANY_SPECS_V8_FLAGS when a check run of MANY_SPECS or more starts (the CLI says so on
 * CHECK_STARTED_CHANNEL); returns the function that stops listening.
 */
export function tuneV8ForLongRuns(setFlags: (flag: string) => void = setFlagsFromString): () => void {
  const listener = (message: unknown) => {
    if ((message as CheckStarted).specs >= MANY_SPECS) for (const flag of MANY_SPECS_V8_FLAGS) setFlags(flag);
  };
  subscribe(CHECK_STARTED_CHANNEL, listener);
  return () => unsubscribe(CHECK_STARTED_CHANNEL, listener);
}
