// Why the project has its own scanner: the npm package `restructured` (a PEG parser) against
// parseSpec, on agreement with docutils and on speed.
//
//   node --import tsx test/bench/restructured-compare.ts
//
// Agreement: the (title, level) list of each of the 41 files of ../shared/rst-fixtures, against
// the docutils 0.19 results in its expected.jsonl. Speed: median parse time on the Senlin
// template and on a 5,000-line spec made of corpus text (../shared/corpus).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSpec } from '../../server/src/rst/parse';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package has no type declarations
const restructured: { parse(source: string): unknown } = require('restructured').default;

const shared = resolve(__dirname, '..', '..', '..', 'shared');
const fixtures = join(shared, 'rst-fixtures');

type Titles = [title: string, level: number][];

interface RstNode {
  type: string;
  depth?: number;
  value?: string;
  children?: RstNode[];
}

function text(node: RstNode): string {
  return node.value ?? (node.children ?? []).map(text).join('');
}

function restructuredTitles(source: string): Titles | Error {
  let tree: RstNode;
  try {
    tree = restructured.parse(source) as RstNode;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  const titles: Titles = [];
  const walk = (node: RstNode) => {
    if (node.type === 'section') {
      const title = node.children?.find((c) => c.type === 'title');
      titles.push([title ? text(title).trim() : '', node.depth ?? 0]);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return titles;
}

function ownTitles(source: string): Titles {
  return parseSpec(source).sections.map((s) => [s.title, s.level]);
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Median time of one parse, in ms: warm up (JIT) for half a second, then time about a second. */
function time(parse: (s: string) => unknown, source: string): number | string {
  try {
    const warm = performance.now() + 500;
    for (let i = 0; i < 3 || (i < 1000 && performance.now() < warm); i++) parse(source);
  } catch (e) {
    return `throws (${(e instanceof Error ? e.message : String(e)).slice(0, 30)})`;
  }
  const times: number[] = [];
  const until = performance.now() + 1000;
  while (times.length < 2000 && (times.length < 5 || performance.now() < until)) {
    const start = performance.now();
    parse(source);
    times.push(performance.now() - start);
  }
  return median(times);
}

const expected = readFileSync(join(fixtures, 'expected.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { file: string; sections: { title: string; level: number }[] });

let ownAgree = 0;
let theirAgree = 0;
let theirThrows = 0;
const theirMisses: string[] = [];
for (const { file, sections } of expected) {
  const source = readFileSync(join(fixtures, file), 'utf8');
  const want = JSON.stringify(sections.map((s) => [s.title, s.level]));
  if (JSON.stringify(ownTitles(source)) === want) ownAgree++;
  const theirs = restructuredTitles(source);
  if (theirs instanceof Error) theirThrows++;
  else if (JSON.stringify(theirs) === want) theirAgree++;
  else theirMisses.push(file);
}

const senlin = readFileSync(join(fixtures, 'spec_senlin.rst'), 'utf8');
const senlinSections = (titles: Titles | Error) => (titles instanceof Error ? 'throws' : String(titles.length));

const corpus = join(shared, 'corpus');
const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
let big: string[] = [];
for (const row of manifest) {
  const [repo, path] = row.split('\t');
  big = big.concat(readFileSync(join(corpus, repo, path), 'utf8').split('\n'));
  if (big.length >= 5000) break;
}
const spec5000 = big.slice(0, 5000).join('\n') + '\n';

const format = (v: number | string) => (typeof v === 'number' ? `${v.toFixed(3)} ms` : v);
const rows: [string, string, string][] = [
  ['', 'restructured 0.0.11', 'parseSpec'],
  [
    `fixtures agreeing with docutils (of ${expected.length})`,
    `${theirAgree}${theirThrows ? ` (${theirThrows} throw)` : ''}`,
    String(ownAgree),
  ],
  [
    'sections found in spec_senlin.rst (docutils: 21)',
    senlinSections(restructuredTitles(senlin)),
    String(parseSpec(senlin).sections.length),
  ],
];
// parseSpec first: restructured leaves a large heap behind that slows the next measurement
const own = [time(parseSpec, senlin), time(parseSpec, spec5000)];
const theirs = [time((s) => restructured.parse(s), senlin), time((s) => restructured.parse(s), spec5000)];
rows.push(['median parse, Senlin template (337 lines)', format(theirs[0]), format(own[0])]);
rows.push(['median parse, 5,000-line spec (corpus text)', format(theirs[1]), format(own[1])]);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(' | '));
console.log(`\nrestructured disagrees with docutils on: ${theirMisses.join(', ') || 'none'}`);
if (readdirSync(fixtures).filter((f) => f.endsWith('.rst')).length !== expected.length) console.log('(fixture count mismatch)');
