// The robustness part of `npm run bench` (docs/performance.md): pathological inputs through the
// engine; over stdio, bursts of edits, start-up, memory with 50 specs open and after 10,000 edits,
// and the other requests on a 5,000-line spec.
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Analyzer } from '../../server/src/analyze';
import { cleanSpec } from '../helpers';
import { TestClient } from '../lsp/client';
import { CODE_CACHE_DIR_ARGUMENT, CODE_CACHE_NOTIFICATION } from '../../server/src/runtime/code-cache';
import { SERVER_ENVIRONMENT } from '../../server/src/runtime/node-options';
import { storeCodeCache } from '../../client/src/code-cache-store';
import { PATHOLOGICAL, largeSpec } from '../robustness/pathological';
import { random } from '../robustness/config';

export type Row = [name: string, size: string, result: string, target: string];

export function stats(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] };
}

const ms = (samples: readonly number[]) => {
  const { median, p95 } = stats(samples);
  return `${median.toFixed(median < 10 ? 3 : 1)} / ${p95.toFixed(p95 < 10 ? 3 : 1)}`;
};

/** The server's resident memory (Linux), in MB. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Each pathological input checked as the server does (Analyzer: parse, template, rules), 3 times. */
export function pathologicalRows(): Row[] {
  const analyzer = new Analyzer();
  return PATHOLOGICAL.map((input) => {
    const text = input.make();
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      analyzer.analyze({ text });
      samples.push(performance.now() - started);
    }
    return [
      `pathological: ${input.name}`,
      `${(text.length / (1 << 20)).toFixed(2)} MB`,
      ms(samples),
      'bounded (test: whole round < limit)',
    ];
  });
}

async function withServer<T>(
  run: (client: TestClient, workspace: string) => Promise<T>,
  capabilities: Parameters<TestClient['initialize']>[1] = {},
): Promise<T> {
  const workspace = mkdtempSync(join(tmpdir(), 'rst-specs-bench-'));
  mkdirSync(join(workspace, 'specs'));
  const client = new TestClient();
  try {
    await client.initialize(workspace, capabilities);
    return await run(client, workspace);
  } finally {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** A spec of about `lines` lines (the Senlin template, its prose repeated). */
export function specOfLines(lines: number): string {
  let text = largeSpec(0);
  for (let bytes = 16_000; text.split('\n').length < lines; bytes *= 1.5) text = largeSpec(bytes);
  return text.split('\n').slice(0, lines).join('\n');
}

/**
 * Bursts on a 1,000-line spec: 100 edits in 1 s (one every 10 ms), and 100 edits at once. The
 * server checks a document once the changes it has received are applied: it publishes at most one
 * check per turn of the event loop, and never works through a backlog of stale versions.
 */
export async function burstRows(): Promise<Row[]> {
  return withServer(async (client, workspace) => {
    const uri = pathToFileURL(join(workspace, 'specs', 'burst.rst')).toString();
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, specOfLines(1000));
    await opened;
    const rows: Row[] = [];
    let version = 1;
    const edit = () => ({ range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } }, text: 'x' });
    for (const [name, spacing] of [
      ['100 edits in 1 s (one per 10 ms)', 10],
      ['100 edits at once', 0],
    ] as const) {
      const before = client.published.length;
      const first = version + 1;
      const last = version + 100;
      const done = client.nextDiagnostics(uri, (p) => p.version === last, 30_000);
      let lastSent = 0;
      for (; version < last;) {
        version++;
        void client.change(uri, version, [edit()]);
        lastSent = performance.now();
        if (spacing) await sleep(spacing);
      }
      await done;
      const lag = performance.now() - lastSent;
      const published = client.published.slice(before).filter((p) => p.uri === uri && (p.version ?? 0) >= first);
      const stale = published.filter((p, index) => index > 0 && (p.version ?? 0) <= (published[index - 1].version ?? 0)).length;
      rows.push([
        `burst: ${name}`,
        '1000 lines',
        `${published.length} checks published, last ${lag.toFixed(0)} ms after the last edit, ${stale} out of order`,
        'at most one check queued per document',
      ]);
    }
    return rows;
  });
}

/**
 * Starts the server once as the extension starts it, naming its code-cache folder, and stores the
 * cache the server offers with the client's own code (server/src/runtime/code-cache.ts); returns the
 * argument that names the folder, for the starts that follow. `workspace` has a specs folder.
 */
async function storedCodeCache(workspace: string): Promise<string> {
  const folder = join(workspace, 'code-cache');
  const argument = `${CODE_CACHE_DIR_ARGUMENT}${folder}`;
  const client = new TestClient([argument]);
  try {
    const offered = new Promise<unknown>((resolve) => client.connection.onNotification(CODE_CACHE_NOTIFICATION, resolve));
    await client.initialize(workspace);
    await client.open(pathToFileURL(join(workspace, 'specs', 'first-start.rst')).toString(), cleanSpec());
    storeCodeCache(folder, await offered);
  } finally {
    await client.shutdown();
  }
  return argument;
}

/** Throws unless the server said it started from its code cache (it says so when a document opens). */
function assertStartedFromCache(client: TestClient): void {
  if (!client.logs.some((log) => log.startsWith('Started from the code cache'))) {
    throw new Error(`the server did not start from its code cache: ${client.logs.join(' | ')}`);
  }
}

/**
 * From spawning the server to the first diagnostics of an open spec, as the extension starts it
 * from the second start on: from the code cache stored at the first. Starts without a cache (the
 * first start, or a client that keeps none) in turn with those, for comparison.
 */
export async function startUpRows(runs = 15): Promise<Row[]> {
  const withCache: number[] = [];
  const withoutCache: number[] = [];
  const workspace = mkdtempSync(join(tmpdir(), 'rst-specs-bench-'));
  mkdirSync(join(workspace, 'specs'));
  const uri = pathToFileURL(join(workspace, 'specs', 'clean-spec.rst')).toString();
  const start = async (serverArguments: string[], samples: number[]) => {
    const started = performance.now();
    const client = new TestClient(serverArguments);
    await client.initialize(workspace);
    const published = client.nextDiagnostics(uri, () => true, 10_000);
    await client.open(uri, cleanSpec());
    await published;
    samples.push(performance.now() - started);
    if (serverArguments.length > 0) assertStartedFromCache(client);
    await client.shutdown();
  };
  try {
    const cacheArgument = await storedCodeCache(workspace);
    for (let run = 0; run < runs; run++) {
      await start([cacheArgument], withCache);
      await start([], withoutCache);
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  // What Node itself takes to start and stop, on this machine and in the server's environment: a
  // floor under the server's start-up.
  const node: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await new Promise((resolve) =>
      spawn(process.execPath, ['-e', '0'], { env: { ...process.env, ...SERVER_ENVIRONMENT } }).once('exit', resolve),
    );
    node.push(performance.now() - started);
  }
  return [
    ['start-up: spawn to first diagnostics', 'clean spec, code cache stored', ms(withCache), '< 150 ms'],
    ['start-up: the same without a code cache', 'first start, or a client that keeps none', ms(withoutCache), ''],
    ['start-up: node -e 0 in the same environment (for comparison)', '', ms(node), ''],
  ];
}

/**
 * The server's live heap after a full garbage collection, in MB: the server runs with a preload
 * (heap-probe.cjs) that collects and reports on SIGUSR2.
 */
async function liveHeapOf(pid: number, probe: string): Promise<number> {
  rmSync(probe, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 5_000; waited += 20) {
    await sleep(20);
    try {
      return JSON.parse(readFileSync(probe, 'utf8')).heapUsed / (1 << 20);
    } catch {
      // not written yet
    }
  }
  throw new Error('no answer from the heap probe');
}

/** A test client whose server runs with the heap probe. */
function probedClient(probe: string, serverArguments: string[]): TestClient {
  const options = `${process.env.NODE_OPTIONS ?? ''} --expose-gc --require ${join(__dirname, 'heap-probe.cjs')}`.trim();
  return new TestClient(serverArguments, { NODE_OPTIONS: options, RST_SPECS_HEAP_PROBE: probe });
}

/**
 * Memory with 50 specs open, and after 10,000 edits on them: resident memory as the system sees
 * it, and the live heap after a full collection (what a leak would make grow).
 */
export async function memoryRows(edits = 10_000): Promise<Row[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'rst-specs-bench-'));
  mkdirSync(join(workspace, 'specs'));
  const probe = join(workspace, 'heap.json');
  // As the extension runs it, from the second start on.
  const client = probedClient(probe, [await storedCodeCache(workspace)]);
  try {
    await client.initialize(workspace);
    const pid = client.process.pid!;
    const base = rssOf(pid);
    const baseHeap = await liveHeapOf(pid, probe);
    const texts = [cleanSpec(), specOfLines(1000), specOfLines(300)];
    const uris: string[] = [];
    const versions = new Map<string, number>();
    for (let index = 0; index < 50; index++) {
      const uri = pathToFileURL(join(workspace, 'specs', `spec-${index}.rst`)).toString();
      const opened = client.nextDiagnostics(uri, () => true, 30_000);
      await client.open(uri, texts[index % texts.length]);
      await opened;
      uris.push(uri);
      versions.set(uri, 1);
    }
    assertStartedFromCache(client);
    // A pause, as after opening files: the server collects garbage once documents are quiet for 1 s.
    await sleep(2_000);
    const open = rssOf(pid);
    const openHeap = await liveHeapOf(pid, probe);
    const rng = random(7);
    const samples: number[] = [];
    for (let done = 0; done < edits; done += 100) {
      const waits: Promise<unknown>[] = [];
      for (let index = 0; index < 100; index++) {
        const uri = rng.pick(uris);
        const version = versions.get(uri)! + 1;
        versions.set(uri, version);
        const line = 10 + rng.int(40);
        // Typing and deleting: the documents stay the same size on average.
        const change =
          index % 2 === 0
            ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'word ' }
            : { range: { start: { line, character: 0 }, end: { line, character: 5 } }, text: '' };
        void client.change(uri, version, [change]);
      }
      for (const uri of uris) waits.push(client.request('rst-specs/documentState', { uri }));
      await Promise.all(waits);
      if (done % 2_000 === 0) samples.push(rssOf(pid));
    }
    await sleep(2_000);
    const after = rssOf(pid);
    const afterHeap = await liveHeapOf(pid, probe);
    const change = (now: number, then: number) => `${now >= then ? '+' : ''}${(((now - then) / then) * 100).toFixed(1)} %`;
    return [
      ['memory: server idle, nothing open (resident / live heap)', '', `${base.toFixed(1)} MB / ${baseHeap.toFixed(1)} MB`, ''],
      [
        'memory: 50 specs open, 2 s later (resident / live heap)',
        '50 specs',
        `${open.toFixed(1)} MB / ${openHeap.toFixed(1)} MB`,
        '< 60 MB',
      ],
      [
        `memory: after ${edits} edits on them, 2 s later (resident / live heap)`,
        '50 specs',
        `${after.toFixed(1)} MB (${change(after, open)}) / ${afterHeap.toFixed(1)} MB (${change(afterHeap, openHeap)}); resident during: ${samples.map((value) => value.toFixed(0)).join(', ')} MB`,
        'within 10 % of open',
      ],
    ];
  } finally {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** Hover, completion, symbols, folding, links and code actions on a 5,000-line spec, over stdio. */
export async function requestRows(iterations = 60): Promise<Row[]> {
  return withServer(
    async (client, workspace) => {
      const uri = pathToFileURL(join(workspace, 'specs', 'large.rst')).toString();
      const text = specOfLines(5000);
      const opened = client.nextDiagnostics(uri, () => true, 30_000);
      await client.open(uri, text);
      const { diagnostics } = await opened;
      const lines = text.split('\n');
      const titleLine = lines.findIndex((line) => line === 'Proposed change');
      const textDocument = { uri };
      const at = { line: titleLine, character: 3 };
      const near = diagnostics.find((diagnostic) => diagnostic.code !== 'template');
      const requests: [string, string, unknown][] = [
        ['hover', 'textDocument/hover', { textDocument, position: at }],
        ['completion', 'textDocument/completion', { textDocument, position: { line: lines.length - 1, character: 0 } }],
        ['symbols', 'textDocument/documentSymbol', { textDocument }],
        ['folding', 'textDocument/foldingRange', { textDocument }],
        ['links', 'textDocument/documentLink', { textDocument }],
        [
          'code actions (quick fixes at a diagnostic)',
          'textDocument/codeAction',
          { textDocument, range: near?.range ?? { start: at, end: at }, context: { diagnostics: near ? [near] : [] } },
        ],
        [
          'code actions (all kinds, lazy edits)',
          'textDocument/codeAction',
          { textDocument, range: { start: at, end: at }, context: { diagnostics: [] } },
        ],
      ];
      const rows: Row[] = [];
      for (const [name, method, params] of requests) {
        for (let warm = 0; warm < 5; warm++) await client.request(method, params);
        const samples: number[] = [];
        for (let run = 0; run < iterations; run++) {
          const started = performance.now();
          await client.request(method, params);
          samples.push(performance.now() - started);
        }
        rows.push([`request over stdio: ${name}`, `${lines.length} lines`, ms(samples), '< 10 ms']);
      }
      return rows;
    },
    {
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { resolveSupport: { properties: ['edit'] } },
      },
    },
  );
}

/**
 * The 5 MB spec with a problem on each of its lines (trailing spaces: about 169,000): a keystroke's
 * time to its diagnostics and their size; fix-all's time, and how long a hover sent with it waits.
 */
export async function manyProblemsRows(keystrokes = 5): Promise<Row[]> {
  return withServer(async (client, workspace) => {
    const uri = pathToFileURL(join(workspace, 'specs', 'many-problems.rst')).toString();
    const text = largeSpec(5 * (1 << 20)).replace(/\n/g, ' \n');
    const opened = client.nextDiagnostics(uri, () => true, 120_000);
    await client.open(uri, text);
    await opened;
    const samples: number[] = [];
    let bytes = 0;
    let count = 0;
    for (let version = 2; version < 2 + keystrokes; version++) {
      const published = client.nextDiagnostics(uri, (p) => p.version === version, 120_000);
      const started = performance.now();
      await client.change(uri, version, [{ range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } }, text: 'x' }]);
      const { diagnostics } = await published;
      samples.push(performance.now() - started);
      bytes = JSON.stringify(diagnostics).length;
      count = diagnostics.length;
    }
    const lines = text.split('\n').length;
    const fixAllParams = {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.rst-specs'] },
    };
    const started = performance.now();
    const fixAll = client.request('textDocument/codeAction', fixAllParams);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 2 } });
    const hoverMs = performance.now() - started;
    await fixAll;
    const fixAllMs = performance.now() - started;
    return [
      [
        `typing: a keystroke to its diagnostics (${count.toLocaleString('en-US')} published, ${(bytes / (1 << 20)).toFixed(2)} MB)`,
        `5 MB, ${lines.toLocaleString('en-US')} lines, one problem each`,
        ms(samples),
        'at most 1,001 diagnostics',
      ],
      [
        'fix-all: its answer / a hover sent with it',
        '5 MB, same',
        `${fixAllMs.toFixed(0)} / ${hoverMs.toFixed(0)}`,
        'the hover not behind the whole fix-all',
      ],
    ];
  });
}

/**
 * A writer typing: 200 edits to lines 20-59 of an open spec, each timed from didChange to its
 * diagnostics, with `pauseMs` between them.
 */
export async function typingSamples(client: TestClient, uri: string, pauseMs = 0): Promise<number[]> {
  const samples: number[] = [];
  for (let version = 2; version < 202; version++) {
    const line = 20 + (version % 40);
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    const start = performance.now();
    await client.change(uri, version, [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 2 ? 'x' : '' },
    ]);
    await published;
    samples.push(performance.now() - start);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return samples;
}
