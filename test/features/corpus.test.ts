// The features over the public corpus (../shared/corpus): the outline of every spec is its section
// list, and no request throws anywhere in any spec. Times are recorded and reported, not asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { completionsAt } from '../../server/src/features/completion';
import { foldingRanges } from '../../server/src/features/folding';
import { hoverAt } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { documentSymbols, type SectionSymbol, UNKNOWN_SECTION_DETAIL } from '../../server/src/features/symbols';
import { WorkspaceSymbolIndex } from '../../server/src/features/workspace-symbols';
import { nodeWorkspaceFiles } from '../../server/src/lsp/language-features';
import { parseSpec } from '../../server/src/rst/parse';
import { validateDocument } from '../../server/src/engine';
import type { SpecDocument } from '../../server/src/rst/types';
import type { SpecContext } from '../../server/src/features/template-guide';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../../server/src/spec-files';
import { BUNDLED_TEMPLATE_PATH } from '../../server/src/bundled-template';
import { bundledTemplate, corpusRoot, hasCorpus } from '../helpers';
import { corpusTemplate, peerOptionalSections, readManifest } from '../corpus/manifest';
import { FILLER_LINES } from '../bench/synthetic';

type Kind = 'hover' | 'completion' | 'documentSymbol' | 'foldingRange' | 'documentLink' | 'workspaceSymbol';

class Timings {
  private readonly samples = new Map<Kind, number[]>();
  private readonly max = new Map<Kind, { ms: number; where: string }>();
  run<T>(kind: Kind, where: string, request: () => T): T {
    const start = performance.now();
    const result = request();
    const ms = performance.now() - start;
    if (ms > (this.max.get(kind)?.ms ?? -1)) this.max.set(kind, { ms, where });
    let samples = this.samples.get(kind);
    if (!samples) this.samples.set(kind, (samples = []));
    samples.push(ms);
    return result;
  }
  report(): string {
    return [...this.samples]
      .map(([kind, samples]) => {
        const sorted = [...samples].sort((a, b) => a - b);
        const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))].toFixed(2);
        const { ms, where } = this.max.get(kind)!;
        return `${kind}: ${samples.length} requests, median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${ms.toFixed(2)} ms (${where})`;
      })
      .join('\n');
  }
}

function flatten(symbols: readonly SectionSymbol[], depth = 1): [number, string, number, boolean][] {
  return symbols.flatMap((symbol) => [
    [depth, symbol.name, symbol.selectionRange.start.line, symbol.detail === UNKNOWN_SECTION_DETAIL] as [number, string, number, boolean],
    ...flatten(symbol.children, depth + 1),
  ]);
}

/** Every request kind at every line (hover on each title and at each line's first word; completion at each line's start and end). */
function exercise(doc: SpecDocument, spec: SpecContext, diagnostics: Parameters<typeof hoverAt>[3], timings: Timings, where: string) {
  timings.run('documentSymbol', where, () => documentSymbols(doc, spec));
  timings.run('foldingRange', where, () => foldingRanges(doc));
  timings.run('documentLink', where, () => documentLinks(doc));
  doc.lines.forEach(({ text }, line) => {
    const first = text.length - text.trimStart().length;
    timings.run('hover', `${where}:${line + 1}`, () => hoverAt(doc, spec, { line, character: first }, diagnostics));
    timings.run('completion', `${where}:${line + 1}`, () => completionsAt(doc, spec, { line, character: 0 }));
    timings.run('completion', `${where}:${line + 1}`, () => completionsAt(doc, spec, { line, character: text.length }));
  });
}

test(
  "corpus: every spec's outline is its section list, and no request throws",
  { skip: !hasCorpus && '../shared/corpus is absent' },
  async (t) => {
    const timings = new Timings();
    const problems: string[] = [];
    for (const entry of readManifest()) {
      const where = `${entry.repo}/${entry.path}`;
      const doc = parseSpec(readFileSync(entry.file, 'utf8'));
      const template = corpusTemplate(entry.templateFile);
      const spec = { doc, template };
      const diagnostics = validateDocument(doc, template, { optionalSections: peerOptionalSections(entry.release) });
      const symbols = flatten(documentSymbols(doc, spec));
      const levels = new Map(doc.sections.map((section) => [section, section.level]));
      assert.deepEqual(
        symbols.map(([depth, name, line]) => [depth, name, line]),
        doc.sections.map((section) => [levels.get(section), section.title, section.titleLine]),
        where,
      );
      // The peer check finds no extra top-level section in the specs that pass it: none is marked unknown.
      const topLevel = doc.roots.length === 1 ? 2 : 1;
      const unknownTop = symbols.filter(([depth, , , unknown]) => depth === topLevel && unknown).map(([, name]) => name);
      if (entry.peerPass && unknownTop.length > 0) problems.push(`${where}: ${unknownTop.join(', ')} marked unknown`);
      try {
        exercise(doc, spec, diagnostics, timings, where);
      } catch (error) {
        problems.push(`${where}: ${(error as Error).stack}`);
      }
    }
    const index = new WorkspaceSymbolIndex(nodeWorkspaceFiles);
    const scope = { folder: corpusRoot, include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE };
    const start = performance.now();
    const cold = await index.query('', [scope]);
    const coldMs = performance.now() - start;
    for (const query of ['', 'rest api', 'problem description', 'zzzz'])
      timings.run('workspaceSymbol', `cached, '${query}'`, () => index.search(query, [scope]));
    assert.ok(cold.length >= readManifest().length, `${cold.length} workspace symbols`);
    assert.deepEqual(problems, []);
    t.diagnostic(`${timings.report()}\nworkspaceSymbol first query (walk + parse ${cold.length} symbols): ${coldMs.toFixed(0)} ms`);
  },
);

const METHOD_BLOCK = [
  '* Update the health of node number N',
  '',
  '  - Method type: PATCH',
  '',
  '  - Normal http response code(s): 200',
  '',
  '  - Expected error http response code(s): 404 when the node is gone',
  '',
  '  - URL for the resource: /v1/nodes/{node_id}/health',
  '',
  '  - Request body definition in JSON schema::',
  '',
  '      {"health": "OK", "reason": "see https://docs.openstack.org/senlin/"}',
  '',
];
/** The bench's filler (test/bench/synthetic.ts), with a `text <url>`_ link in its first paragraph. */
const FILLER = [
  'The engine keeps a parsed document per version, and each rule is a small',
  'function over it (see `the guide <https://docs.openstack.org/senlin/latest/>`_),',
  'so the cost of a keystroke stays proportional to the size of the spec.',
  ...FILLER_LINES.slice(FILLER_LINES.indexOf('')),
];

/**
 * About `lines` lines from the bundled template: like `npm run bench`'s spec (filler before Testing),
 * with `methods` REST API method blocks in REST API impact.
 */
function syntheticSpec(lines: number, methods: number): string {
  const out = readFileSync(BUNDLED_TEMPLATE_PATH, 'utf8').split('\n');
  const blocks = Array.from({ length: methods }, (_, n) => METHOD_BLOCK.map((line) => line.replace(/\bN\b/, String(n)))).flat();
  out.splice(out.indexOf('Security impact') - 1, 0, ...blocks);
  const extra: string[] = [];
  while (out.length + extra.length < lines) extra.push(...FILLER);
  out.splice(out.indexOf('Testing') - 1, 0, ...extra.slice(0, Math.max(0, lines - out.length)));
  return out.join('\n');
}

type Request = (doc: SpecDocument, spec: SpecContext, diagnostics: Parameters<typeof hoverAt>[3]) => unknown;

/**
 * Each request's time: the first on a new version of `text` (median of 5 versions; it also matches
 * the sections and reads REST API impact), then 21 more on the same version. Warmed up first.
 */
function timeRequests(text: string): string[] {
  const template = bundledTemplate();
  const lines = text.split('\n');
  const last = (content: string) => lines.lastIndexOf(content);
  const requests: [string, Request][] = [
    ['hover, last title', (doc, spec, d) => hoverAt(doc, spec, { line: last('References'), character: 2 }, d)],
    [
      'hover, REST API status code',
      (doc, spec, d) => hoverAt(doc, spec, { line: last('  - Normal http response code(s): 200'), character: 35 }, d),
    ],
    [
      'hover, REST API prose',
      (doc, spec, d) => hoverAt(doc, spec, { line: last('* Update the health of node number 1'), character: 3 }, d),
    ],
    ['completion, end of REST API impact', (doc, spec) => completionsAt(doc, spec, { line: last('Security impact') - 1, character: 0 })],
    ['completion, after the filler', (doc, spec) => completionsAt(doc, spec, { line: last('Testing') - 1, character: 0 })],
    ['documentSymbol', (doc, spec) => documentSymbols(doc, spec)],
    ['foldingRange', (doc) => foldingRanges(doc)],
    ['documentLink', (doc) => documentLinks(doc)],
  ];
  for (let run = 0; run < 3; run++) {
    const warm = parseSpec(text);
    for (const [, request] of requests) request(warm, { doc: warm, template }, []);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  return requests.map(([name, request]) => {
    let doc = parseSpec(text);
    let spec = { doc, template };
    let diagnostics = validateDocument(doc, template);
    const firsts: number[] = [];
    for (let version = 0; version < 5; version++) {
      doc = parseSpec(text);
      spec = { doc, template };
      diagnostics = validateDocument(doc, template);
      const first = performance.now();
      request(doc, spec, diagnostics);
      firsts.push(performance.now() - first);
    }
    const firstMs = median(firsts);
    const samples: number[] = [];
    for (let run = 0; run < 21; run++) {
      const start = performance.now();
      request(doc, spec, diagnostics);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return `${name}: first on a version ${firstMs.toFixed(2)} ms, then median ${samples[10].toFixed(2)} ms, max ${samples[20].toFixed(2)} ms`;
  });
}

test('timing on a 5,000-line spec, per request kind (reported, not asserted)', (t) => {
  const text = syntheticSpec(5000, 4);
  const doc = parseSpec(text);
  t.diagnostic(
    [`${doc.lines.length} lines, ${doc.sections.length} sections, ${doc.blocks.length} blocks`, ...timeRequests(text)].join('\n'),
  );
  const rest = syntheticSpec(5000, 330);
  t.diagnostic(['The same with 330 method blocks (4,600 lines of REST API impact):', ...timeRequests(rest)].join('\n'));
});
