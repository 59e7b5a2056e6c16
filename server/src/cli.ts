import { readFileSync } from 'node:fs';
import { SpecChecker } from './cli/checker';
import { runCli } from './cli/cli';
import { runWorker, WORKER_ARGUMENT, type WorkerData } from './cli/parallel';
import { describeFsError } from './node-files';

const workerData =
  process.argv[2] === WORKER_ARGUMENT
    ? ((require('node:worker_threads') as typeof import('node:worker_threads')).workerData as WorkerData | null)
    : undefined;

if (workerData?.rstSpecsWorker) {
  // A worker thread of a run that checks many specs (see cli/parallel.ts).
  runWorker(workerData, (options, io) => new SpecChecker(options, io));
} else {
  // `rst-specs check | head`: the reader has gone, so there is no one to tell; stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  const status = runCliSafely(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: () => readFileSync(0),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    workerScript: __filename,
  });
  // Exit at once: left to end by itself, Node frees the whole heap page by page and joins V8's
  // threads first, 10 to 40 ms after a run over many specs. Only once all output is written (as
  // it is at once to files and, on Linux, pipes); else Node's own exit flushes it first.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(status);
  process.exitCode = status;
}

/** A file-system error not handled where it happened is still one line and exit 2, never a stack trace. */
function runCliSafely(args: string[], io: Parameters<typeof runCli>[1]): number {
  try {
    return runCli(args, io);
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    process.stderr.write(`rst-specs: ${path ? `${path}: ` : ''}${describeFsError(error)}\n`);
    return 2;
  }
}
