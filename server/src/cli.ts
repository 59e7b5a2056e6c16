import { readFileSync, writeFileSync } from 'node:fs';
import { SpecChecker } from './cli/checker';
import { runCli } from './cli/cli';
import { runWorker, WORKER_ARGUMENT, type WorkerData } from './cli/parallel';
import { tuneV8ForManySpecs } from './cli/v8-tuning';

const workerData =
  process.argv[2] === WORKER_ARGUMENT ? ((require('node:worker_threads') as typeof import('node:worker_threads')).workerData as WorkerData | null) : undefined;

if (workerData?.rstSpecsWorker) {
  // A worker thread of a run that checks many specs (see cli/parallel.ts).
  runWorker(workerData, (options, io) => new SpecChecker(options, io));
} else {
  // RST_SPECS_TIMINGS=FILE: write each spec's check time to FILE as JSON (for npm run bench).
  const timingsFile = process.env.RST_SPECS_TIMINGS;
  const timings: { file: string; ms: number; bytes: number }[] = [];
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: () => readFileSync(0),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    workerScript: __filename,
    beforeManySpecs: tuneV8ForManySpecs,
    onChecked: timingsFile ? (file, ms, bytes) => timings.push({ file, ms, bytes }) : undefined,
  });
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify(timings));
}
