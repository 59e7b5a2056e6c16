// Shared settings of the robustness tests: the default (CI) mode and the longer mode behind
// RST_SPECS_LONG=1, and the seed of the random inputs (RST_SPECS_SEED=<n> replays a failure).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers';

/** RST_SPECS_LONG=1: many more runs, bigger inputs, longer LSP sessions. */
export const LONG = process.env.RST_SPECS_LONG === '1';

/** The seed of every random run in this process: RST_SPECS_SEED, else a fresh one (printed on failure). */
export const SEED = process.env.RST_SPECS_SEED !== undefined ? Number(process.env.RST_SPECS_SEED) : Date.now() % 2 ** 31;

/** `short` in the default mode, `long` with RST_SPECS_LONG=1. */
export const runs = (short: number, long: number): number => (LONG ? long : short);

export const SERVER_BUNDLE = resolve(repoRoot, 'server', 'out', 'server.js');
export const hasBundle = existsSync(SERVER_BUNDLE);

/** How to replay a failing random run. */
export function replayHint(seed = SEED): string {
  return `seed ${seed}: replay with RST_SPECS_SEED=${seed}${LONG ? ' RST_SPECS_LONG=1' : ''} node scripts/run-tests.mjs <file>`;
}

/** A small seeded generator (mulberry32) for the tests that drive random edits by hand. */
export function random(seed: number): { next(): number; int(max: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)] };
}
