// Checking many specs on several threads, synchronously: the main thread and the workers take the
// next spec from a shared counter, each worker posts each result as it has it, and the main thread
// collects the results with receiveMessageOnPort, sleeping on Atomics.wait between them. A worker
// that dies or stalls is not waited for: the main thread checks whatever it left.
import type { MessagePort } from 'node:worker_threads';
import { type CliOptions, parseArguments } from './args';
import type { CheckerIo, SpecChecker, TargetResult } from './checker';
import type { Target } from './inputs';

/** The argument a worker's script gets, so that it knows it is one without loading worker_threads first. */
export const WORKER_ARGUMENT = '--rst-specs-worker';

// node:os and node:worker_threads are loaded only for a run that needs them: a few milliseconds
// saved on every check of a single spec.
const threads = () => require('node:worker_threads') as typeof import('node:worker_threads');
const cores = () => (require('node:os') as typeof import('node:os')).availableParallelism();

/** Below this many specs, one thread is faster: a worker takes tens of milliseconds to start. */
export const PARALLEL_THRESHOLD = 48;
const MAX_THREADS = 4;
/** How long the main thread waits without any result before it checks the rest itself. */
const STALL_MS = 10_000;

export interface WorkerData {
  readonly rstSpecsWorker: true;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly targets: readonly Target[];
  /** [next target to take, results posted so far] */
  readonly shared: SharedArrayBuffer;
  readonly port: MessagePort;
}

type WorkerMessage = { readonly index: number; readonly result?: TargetResult; readonly crash?: string };

/**
 * How many threads to use: --jobs when given; else, for many specs, one per core but one (up to 4),
 * since V8 compiles and collects garbage on threads of its own: on 2 cores a second checking thread
 * was measured slower than one.
 */
export function threadCount(options: CliOptions, targets: number, canSpawn: boolean): number {
  if (!canSpawn || targets < 2) return 1;
  if (options.jobs !== undefined) return Math.min(options.jobs, targets);
  return targets >= PARALLEL_THRESHOLD ? Math.max(1, Math.min(MAX_THREADS, cores() - 1)) : 1;
}

/** Checks every target, on `count` threads (this one included); results in target order. */
export function checkAll(
  checker: SpecChecker,
  targets: readonly Target[],
  count: number,
  workerScript: string | undefined,
  args: readonly string[],
  cwd: string,
): TargetResult[] {
  if (count <= 1 || !workerScript) return targets.map((target) => checker.check(target));
  const { MessageChannel, receiveMessageOnPort, Worker } = threads();
  const results: (TargetResult | undefined)[] = new Array<TargetResult | undefined>(targets.length).fill(undefined);
  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  const ports: MessagePort[] = [];
  const workers: InstanceType<typeof Worker>[] = [];
  // Standard input can only be read here: it is never handed to a worker.
  const stdinIndex = targets.findIndex((target) => target.absolute === undefined);
  for (let index = 1; index < count; index++) {
    const { port1, port2 } = new MessageChannel();
    const data: WorkerData = { rstSpecsWorker: true, args, cwd, targets, shared, port: port2 };
    workers.push(new Worker(workerScript, { argv: [WORKER_ARGUMENT], workerData: data, transferList: [port2] }));
    ports.push(port1);
  }
  if (stdinIndex >= 0) results[stdinIndex] = checker.check(targets[stdinIndex]);
  for (let index = Atomics.add(counters, 0, 1); index < targets.length; index = Atomics.add(counters, 0, 1)) {
    if (index !== stdinIndex) results[index] = checker.check(targets[index]);
  }
  const missing = () => results.some((result) => result === undefined);
  let lastProgress = Date.now();
  while (missing()) {
    let received = false;
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const { index, result } = message.message as WorkerMessage;
        // A spec whose check threw in a worker is checked again here, so the error surfaces as it would alone.
        results[index] = result ?? checker.check(targets[index]);
        received = true;
      }
    }
    if (received) lastProgress = Date.now();
    if (!missing()) break;
    if (Date.now() - lastProgress > STALL_MS) {
      for (let index = 0; index < targets.length; index++) results[index] ??= checker.check(targets[index]);
      break;
    }
    Atomics.wait(counters, 1, Atomics.load(counters, 1), 200);
  }
  for (const worker of workers) {
    worker.unref();
    void worker.terminate();
  }
  for (const port of ports) port.close();
  return results as TargetResult[];
}

/** A worker's life: check the targets it takes from the shared counter, posting each result. */
export function runWorker(data: WorkerData, makeChecker: (options: CliOptions, io: CheckerIo) => SpecChecker): void {
  const counters = new Int32Array(data.shared);
  const parsed = parseArguments(data.args);
  const post = (message: WorkerMessage) => {
    data.port.postMessage(message);
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  };
  if (parsed.kind !== 'check') return;
  const checker = makeChecker(parsed.options, { cwd: data.cwd });
  for (let index = Atomics.add(counters, 0, 1); index < data.targets.length; index = Atomics.add(counters, 0, 1)) {
    const target = data.targets[index];
    if (target.absolute === undefined) continue;
    try {
      post({ index, result: checker.check(target) });
    } catch (error) {
      post({ index, crash: String((error as Error).stack ?? error) });
    }
  }
  data.port.close();
}
