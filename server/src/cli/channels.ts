// What a check run tells whoever listens, through Node's diagnostics_channel (nothing is sent when
// no one listens): the runtime tunes V8 for long runs by it, the benchmark times each spec by it.
// A module of its own, without imports, so that a listener need not load the CLI.

/** `{ specs: number }`, once the inputs are expanded, before any is checked. */
export const CHECK_STARTED_CHANNEL = 'rst-specs:check-started';

/** `{ file: string, ms: number, bytes: number }` after each spec: its read, parse, check and fix time, and its size. */
export const SPEC_CHECKED_CHANNEL = 'rst-specs:spec-checked';

export interface CheckStarted {
  readonly specs: number;
}

export interface SpecChecked {
  readonly file: string;
  readonly ms: number;
  readonly bytes: number;
}
