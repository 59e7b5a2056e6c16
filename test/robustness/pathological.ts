// Pathological inputs, shared by the test (a generous time limit each) and `npm run bench`.
import { FILLER_LINES } from '../bench/synthetic';
import { readFileSync } from 'node:fs';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';
import { LONG, random } from './config';

export interface Pathological {
  readonly name: string;
  /** Only with RST_SPECS_LONG=1 (the test; the benchmark runs them all). */
  readonly longOnly?: boolean;
  make(): string;
  /** Seconds the whole round (check, fixes, features) may take in the test: generous, for slow CI machines. */
  readonly limit: number;
}

const MB = 1 << 20;
/** The inputs the issue names are full size in both modes; the others are smaller by default. */
const scale = LONG ? 1 : 0.25;
const count = (n: number) => Math.round(n * scale);

/** Random bytes as an editor decodes a binary file opened as UTF-8 (NULs and U+FFFD among them). */
function binary(size: number, withNul: boolean): string {
  const rng = random(size);
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index++) bytes[index] = rng.int(256) || (withNul ? 0 : 1);
  return new TextDecoder('utf-8').decode(bytes);
}

/** A spec of about `bytes` bytes: the Senlin template with its prose repeated in its sections. */
export function largeSpec(bytes: number): string {
  const template = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8');
  const filler = FILLER_LINES.join('\n');
  const at = template.indexOf('\nTesting\n');
  const extra = filler.repeat(Math.max(0, Math.ceil((bytes - template.length) / filler.length)));
  return template.slice(0, at) + '\n' + extra + template.slice(at);
}

export const PATHOLOGICAL: readonly Pathological[] = [
  { name: 'a 1 MB single line of words', make: () => 'word '.repeat(MB / 5), limit: 20 },
  { name: 'a 1 MB single line of one character', make: () => 'a'.repeat(MB), limit: 20 },
  {
    name: '100,000 lines',
    make: () =>
      Array.from({ length: 100_000 }, (_, i) => (i % 7 === 6 ? '' : `Line ${i} of a long spec, with some words on it.`)).join('\n'),
    limit: 30,
  },
  { name: '10,000 nested list levels (one line)', make: () => '* '.repeat(10_000) + 'item\n', limit: 20 },
  { name: '10,000 nested enumerated list levels (one line)', make: () => '1. '.repeat(10_000) + 'item\n', limit: 20 },
  {
    name: `${count(1_000)} nested list levels (indented)`,
    make: () => Array.from({ length: count(1_000) }, (_, i) => ' '.repeat(2 * i) + '* item').join('\n\n'),
    limit: 20,
  },
  {
    name: `${count(1_000)} nested block quotes`,
    make: () => Array.from({ length: count(1_000) }, (_, i) => ' '.repeat(i) + 'quote').join('\n\n'),
    limit: 20,
  },
  { name: 'a 5 MB spec', make: () => largeSpec(5 * MB), limit: 60 },
  { name: 'a 1 MB binary file renamed .rst', make: () => binary(MB, true), limit: 30 },
  { name: 'a 1 MB binary file without NUL bytes', make: () => binary(MB, false), limit: 30, longOnly: true },
  {
    name: 'only adornment characters (20,000 lines)',
    make: () => Array.from({ length: 20_000 }, (_, i) => '=-~^"\'+*#`:._'[i % 13].repeat(1 + (i % 60))).join('\n'),
    limit: 30,
  },
  { name: 'only adornment characters (one 1 MB line)', make: () => '='.repeat(MB), limit: 20 },
  {
    name: '10,000 sections',
    make: () => Array.from({ length: 10_000 }, (_, i) => `Section ${i}\n${'=-~'[i % 3].repeat(16)}\n\nText.\n`).join('\n'),
    limit: 30,
  },
  {
    name: `the Senlin template ${count(100)} times`,
    make: () => Array.from({ length: count(100) }, () => largeSpec(0)).join('\n'),
    limit: 30,
    longOnly: true,
  },
  {
    name: `a title with ${count(200_000)} inner spaces`,
    make: () => 'Title\n=====\n\nA' + ' '.repeat(count(200_000)) + 'B \n----\n\ntext\n',
    limit: 20,
  },
  { name: `a line of ${count(100_000)} tabs between words`, make: () => 'a\t'.repeat(count(100_000)) + '\n', limit: 20 },
  { name: `${count(80_000)} CRLF lines with trailing spaces`, make: () => 'line \r\n'.repeat(count(80_000)), limit: 30 },
  { name: `${count(100_000)} zero-width spaces`, make: () => 'a\u200b'.repeat(count(100_000)) + '\n', limit: 20 },
  { name: 'huge indentation (1 MB of spaces)', make: () => ' '.repeat(MB) + 'x\n' + ' '.repeat(MB / 2) + '* y\n', limit: 20 },
  {
    name: 'lone surrogates and NUL-free control characters',
    make: () => '\ud800\udc00\ud800x\udc00\v\f\u0085\u2028'.repeat(count(50_000)),
    limit: 20,
  },
  { name: 'a 1 MB backtick and spaces line', make: () => ' `' + ' '.repeat(MB) + '\n', limit: 20 },
  {
    name: `a ${count(100_000)}-line grid table`,
    make: () => '+---+---+\n' + '| a | b |\n+---+---+\n'.repeat(count(50_000)),
    limit: 30,
    longOnly: true,
  },
];
