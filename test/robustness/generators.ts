// Random inputs for the property tests (fast-check arbitraries): rST-like documents built from the
// pieces specs are made of, and mutations of real specs from the corpus (lines deleted, duplicated,
// swapped, titles cut, adornments changed, tabs, CR, NUL, lone UTF-16 surrogates, huge indentation).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';
import { hasCorpus } from '../helpers';
import { readManifest, type CorpusSpec } from '../corpus/manifest';

const TEMPLATE_TITLES = (() => {
  const lines = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8').split('\n');
  return lines.filter((line, index) => /^([=\-~^"'])\1{2,}$/.test(lines[index + 1] ?? '') && line.trim() !== '' && !/^[=\-~]+$/.test(line));
})();

const ADORNMENT_CHARACTERS = ['=', '-', '~', '^', '"', "'", '+', '*', '#', '`', ':', '.', '_', '<', '>'];

/** Characters that have broken editors and parsers before. */
export const ODD_CHARACTERS = [
  '\t',
  '\r',
  '\u0000',
  '\ud800',
  '\udc00',
  '\udbff\udfff',
  '\u200b',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\u0301',
  '\u4e2d',
  '\ud83d\ude00',
  '\v',
  '\f',
  '\u0085',
  '\\',
  '`',
  '|',
  '*',
  '_',
  '<',
  '>',
];

const word = fc.constantFrom(
  'the',
  'cluster',
  'node',
  'policy',
  'API',
  'None',
  'POST',
  'GET',
  '/v1/clusters/{cluster_id}',
  '200',
  '404',
  'error',
  'response',
  'code(s)',
  '``literal``',
  '*emphasis*',
  '`link <https://example.com/a>`_',
  ':ref:`x`',
  'https://blueprints.launchpad.net/senlin/+spec/example',
  'https://review.openstack.org/#/c/1/',
  '{"a": 1}',
  '|sub|',
  '[1]_',
  'a_',
  '::',
  '..',
  '--',
  '\u4e2d\u6587',
  '\u00e9t\u00e9',
);

const words = fc.array(word, { minLength: 1, maxLength: 14 }).map((list) => list.join(' '));
const indent = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }).map((n) => ' '.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\t\t', ' \t', '\u3000') },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 4000 }).map((n) => ' '.repeat(n)) },
);
const adornment = fc
  .tuple(fc.constantFrom(...ADORNMENT_CHARACTERS), fc.integer({ min: 1, max: 90 }))
  .map(([character, length]) => character.repeat(length));
const title = fc.oneof(
  fc.constantFrom(...TEMPLATE_TITLES),
  fc.constantFrom(...TEMPLATE_TITLES).map((t) => t.toLowerCase() + 's'),
  words,
);

/** One line of an rST-like document. */
export const rstLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(indent, words).map(([i, w]) => i + w) },
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: title },
  { weight: 3, arbitrary: adornment },
  {
    weight: 2,
    arbitrary: fc
      .tuple(indent, fc.constantFrom('* ', '- ', '+ ', '1. ', '#. ', '(a) ', 'iv) ', '-o ', '--opt '), words)
      .map(([i, m, w]) => i + m + w),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        indent,
        fc.constantFrom(
          '.. code-block:: json',
          '.. note::',
          '.. list-table::',
          '.. _target: https://x.org/',
          '.. comment',
          '.. |sub| replace:: x',
          '.. [1] note',
          '::',
          ':field: value',
          ':header-rows: 1',
        ),
      )
      .map(([i, d]) => i + d),
  },
  { weight: 2, arbitrary: fc.constantFrom('+-----+-----+', '| a   | b   |', '+=====+=====+', '===== =====', 'a     b', '| x | y |') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'POST /v1/clusters/{cluster_id}/actions',
      'Normal response code: 200',
      'Error response codes: 400, 404',
      'Method type: PUT',
      '{',
      '  "name": "value",',
      '}',
      '  [1, 2',
      '* URL: /v1/nodes',
    ),
  },
  { weight: 2, arbitrary: fc.tuple(words, fc.constantFrom(...ODD_CHARACTERS), words).map(([a, odd, b]) => a + odd + b) },
  { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 20, max: 400 })).map(([w, n]) => Array(n).fill(w).join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

// Also the separators docutils ends lines at and editors don't (U+2028, NEL, ...: rst/lines.ts).
const eol = fc.oneof(
  { weight: 24, arbitrary: fc.constant('\n') },
  { weight: 2, arbitrary: fc.constantFrom('\r\n', '\r') },
  { weight: 1, arbitrary: fc.constantFrom('\u2028', '\u2029', '\u0085', '\x1c', '\x1e') },
);

/** A random rST-like document: lines of the pieces above, mostly LF, sometimes CRLF, CR or a line separator. */
export const rstDocument: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(rstLine, eol), { maxLength: 120 }), fc.boolean())
  .map(([bom, lines, finalBreak]) => {
    const text = lines.map(([line, end]) => line + end).join('');
    return (bom && text.length % 7 === 0 ? '\ufeff' : '') + (finalBreak ? text : text.replace(/(\r\n|\n|\r)$/, ''));
  });

export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'cut-title' | 'tab' | 'cr' | 'nul' | 'surrogate' | 'indent' | 'truncate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'adornment'; at: number; character: string; length: number }
  | { kind: 'insert'; at: number; line: string };

const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      'delete',
      'duplicate',
      'cut-title',
      'tab',
      'cr',
      'nul',
      'surrogate',
      'indent',
      'truncate',
    ) as fc.Arbitrary<'delete'>,
    at,
  }),
  fc.record({ kind: fc.constant('swap' as const), at, other: at }),
  fc.record({
    kind: fc.constant('adornment' as const),
    at,
    character: fc.constantFrom(...ADORNMENT_CHARACTERS),
    length: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at, line: rstLine }),
);

const isAdornment = (line: string) => /^([!-/:-@[-`{-~])\1+\s*$/.test(line);

/** Applies mutations to a text, line by line (its line breaks kept, LF for new lines). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const index = Math.min(lines.length - 1, Math.floor(m.at * lines.length));
    const line = lines[index] ?? '';
    const column = Math.floor(m.at * 997) % (line.length + 1);
    switch (m.kind) {
      case 'delete':
        lines.splice(index, 1);
        break;
      case 'duplicate':
        lines.splice(index, 0, line);
        break;
      case 'swap': {
        const other = Math.min(lines.length - 1, Math.floor(m.other * lines.length));
        [lines[index], lines[other]] = [lines[other], lines[index]];
        break;
      }
      case 'cut-title': {
        // Deletes the nearest adornment at or after the line, or the title above it.
        const found = lines.findIndex((candidate, i) => i >= index && isAdornment(candidate));
        if (found >= 0) lines.splice(found - (m.at < 0.5 ? 0 : 1), 1);
        break;
      }
      case 'adornment': {
        const found = lines.findIndex((candidate, i) => i >= index && isAdornment(candidate));
        if (found >= 0) lines[found] = m.character.repeat(m.length);
        break;
      }
      case 'tab':
        lines[index] = line.slice(0, column) + '\t' + line.slice(column);
        break;
      case 'cr':
        lines[index] = line.slice(0, column) + '\r' + line.slice(column);
        break;
      case 'nul':
        lines[index] = line.slice(0, column) + '\u0000' + line.slice(column);
        break;
      case 'surrogate':
        lines[index] = line.slice(0, column) + (m.at < 0.5 ? '\ud83d' : '\ude00') + line.slice(column);
        break;
      case 'indent':
        lines[index] = ' '.repeat(1 + Math.floor(m.at * 5000)) + line;
        break;
      case 'truncate':
        lines.length = Math.max(1, index);
        lines[lines.length - 1] = lines[lines.length - 1].slice(0, column);
        break;
      case 'insert':
        lines.splice(index, 0, m.line);
        break;
    }
    if (lines.length === 0) lines.push('');
  }
  return lines.join('\n');
}

let corpus: { spec: CorpusSpec; text: string }[] | undefined;
/** The corpus specs (empty without ../shared/corpus), read once. */
export function corpusSpecs(): { spec: CorpusSpec; text: string }[] {
  corpus ??= hasCorpus ? readManifest().map((spec) => ({ spec, text: readFileSync(spec.file, 'utf8') })) : [];
  return corpus;
}
