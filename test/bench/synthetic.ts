import { readFileSync } from 'node:fs';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';

/** Prose, a list and a literal block: the text repeated to make large specs for benchmarks. */
export const FILLER_LINES: readonly string[] = [
  'The engine keeps a parsed document per version, and each rule is a small',
  'function over it, so the cost of a keystroke stays proportional to the',
  'size of the spec.',
  '',
  '* A bullet item that wraps onto a second line to look like real',
  '  prose in a specification.',
  '',
  'Example::',
  '',
  '    POST /v1/clusters/{cluster_id}/actions',
  '',
];

/**
 * A spec of about `lines` lines: `base` (by default the bundled template, every rule busy on it)
 * with the filler repeated before its Testing section.
 */
export function syntheticSpec(lines: number, base = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8')): string {
  const out = base.split('\n');
  const insertAt = out.indexOf('Testing') - 1;
  const extra: string[] = [];
  while (out.length + extra.length < lines) extra.push(...FILLER_LINES);
  out.splice(insertAt, 0, ...extra.slice(0, Math.max(0, lines - out.length)));
  return out.join('\n');
}
