// The specs explorer's index (server/src/lsp/specs-index.ts) on a copy of ../shared/repos/nova-specs:
// how long it takes, the typing latency while it runs (didChange -> diagnostics on a 1,000-line
// spec, the typing bench's measure), and the server's memory before and after it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedRoot } from '../helpers';
import { TestClient } from '../lsp/client';
import { type Row, specOfLines, stats, typingSamples } from './robustness-bench';

const novaSpecs = join(sharedRoot, 'repos', 'nova-specs');

/** The typing latency without the index, then with it running (the same workspace, a new server each). */
export async function specsIndexRows(): Promise<Row[]> {
  if (!existsSync(novaSpecs)) return [['specs index (nova-specs)', '-', 'skipped: no ../shared/repos/nova-specs', '']];
  const without = await run(false);
  const withIndex = await run(true);
  const cpu = (typing: Typing) => `${typing.thread.toFixed(2)} / ${typing.all.toFixed(2)}`;
  return [
    ...without.rows,
    ...withIndex.rows,
    [
      "the server's CPU time per edit while typing, its thread / all its threads (GC, compilers): without / with the index",
      '1000',
      `${cpu(without)} / ${cpu(withIndex)} ms`,
      '',
    ],
  ];
}

/** Resident set size of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * CPU time a process has used, in ms (Linux): its main thread's (`/proc/<pid>/task/<pid>/schedstat`,
 * in ns) and all its threads' (`/proc/<pid>/stat`, in clock ticks of 10 ms). Less sensitive to the
 * machine's load than latency: on a busy machine the waits grow, not the work.
 */
export function cpuMs(pid: number): { thread: number; all: number } {
  const thread = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { thread, all: (Number(fields[11]) + Number(fields[12])) * 10 };
}

interface Typing {
  readonly rows: Row[];
  /** CPU ms per edit. */
  readonly thread: number;
  readonly all: number;
}

async function run(withIndex: boolean): Promise<Typing> {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-bench-index-'));
  const workspace = join(root, 'nova-specs');
  cpSync(novaSpecs, workspace, { recursive: true });
  const client = new TestClient();
  try {
    await client.initialize(workspace);
    const pid = client.process.pid!;
    const uri = pathToFileURL(join(workspace, 'specs', 'bench.rst')).toString();
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, specOfLines(1000));
    await opened;
    const before = rssMb(pid);
    const started = performance.now();
    let tree = withIndex
      ? await client.request<{ indexing: boolean; specs: number }>('rst-specs/specsTree', {})
      : { indexing: false, specs: 0 };
    // A writer typing while the index runs: 200 edits, 40 ms apart (the index waits while they come).
    const cpuBefore = cpuMs(pid);
    const samples = await typingSamples(client, uri, 40);
    const cpuAfter = cpuMs(pid);
    const thread = (cpuAfter.thread - cpuBefore.thread) / samples.length;
    const all = (cpuAfter.all - cpuBefore.all) / samples.length;
    const typed = (performance.now() - started) / 1000;
    while (tree.indexing) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      tree = await client.request<{ indexing: boolean; specs: number }>('rst-specs/specsTree', {});
    }
    const seconds = (performance.now() - started) / 1000;
    const after = rssMb(pid);
    // The server collects garbage after a second without documents changing or indexing (lsp/idle-collector.ts).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const settled = rssMb(pid);
    const { median, p95 } = stats(samples);
    const typing = `${median.toFixed(3)} / ${p95.toFixed(3)}`;
    const edits = `1000 (${samples.length} edits, 40 ms apart)`;
    if (!withIndex) {
      return {
        rows: [["didChange -> diagnostics, the same typing without the index (this machine's baseline)", edits, typing, '']],
        thread,
        all,
      };
    }
    const rows: Row[] = [
      [
        `specs index: ${tree.specs} specs of nova-specs`,
        '-',
        `${seconds.toFixed(1)} s (${typed.toFixed(1)} s of it typing)`,
        'off the typing path',
      ],
      ['didChange -> diagnostics while the index runs', edits, typing, '< 20 ms p95'],
      [
        'server memory (RSS) before the index / when it is done / 1.5 s later',
        '-',
        `${before.toFixed(1)} / ${after.toFixed(1)} / ${settled.toFixed(1)} MB`,
        '',
      ],
    ];
    return { rows, thread, all };
  } finally {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  }
}
