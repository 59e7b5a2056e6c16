import { channel } from 'node:diagnostics_channel';
import { CHECK_STARTED_CHANNEL, type CheckStarted, SPEC_CHECKED_CHANNEL, type SpecChecked } from './channels';
import { type CliOptions, parseArguments, USAGE } from './args';
import { type CheckerIo, SpecChecker } from './checker';
import { defaultColor, palette } from './color';
import { escapeMessage } from './escape';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatJunit } from './formats/junit';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { expandInputs } from './inputs';
import { checkAll, threadCount } from './parallel';
import { buildReport, type FileReport, type Report } from './report';
import { cliVersion } from './version';
import { runRepoCommand } from './move';

export { USAGE } from './args';

export interface CliIo extends CheckerIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The script a worker thread runs (the CLI's entry); without it, every spec is checked on this thread. */
  readonly workerScript?: string;
}

const checkStarted = channel(CHECK_STARTED_CHANNEL);
const specChecked = channel(SPEC_CHECKED_CHANNEL);

/** Runs `rst-specs` with these arguments; returns the exit status (0, 1 or 2). */
export function runCli(args: readonly string[], io: CliIo): number {
  if (args[0] === 'move' || args[0] === 'repropose') {
    return runRepoCommand(args[0], args.slice(1), io, (paths) => runCli(['check', ...paths], io));
  }
  const parsed = parseArguments(args);
  if (parsed.kind === 'error') {
    io.stderr(`rst-specs: ${escapeMessage(parsed.message)}\nRun rst-specs --help for the options.\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${cliVersion()}\n`);
    return 0;
  }
  return check(parsed.options, args, io);
}

function check(options: CliOptions, args: readonly string[], io: CliIo): number {
  let failed = false;
  const fail = (message: string) => {
    io.stderr(`rst-specs: ${escapeMessage(message)}\n`);
    failed = true;
  };
  const checker = new SpecChecker(options, io);
  const configProblem = checker.forcedConfigProblem();
  if (configProblem) {
    fail(configProblem);
    return 2;
  }
  const expansion = expandInputs(options.paths, io.cwd, (file, origin) => checker.select(file, origin), options.stdinFilename ?? '<stdin>');
  for (const problem of expansion.problems) fail(problem);
  if (!options.quiet) for (const note of expansion.skipped) io.stderr(`rst-specs: ${escapeMessage(note)}\n`);

  if (checkStarted.hasSubscribers) checkStarted.publish({ specs: expansion.targets.length } satisfies CheckStarted);
  const threads = threadCount(options, expansion.targets.length, io.workerScript !== undefined);
  const results = checkAll(checker, expansion.targets, threads, io.workerScript, args, io.cwd);
  const reported = new Set<string>();
  const files: FileReport[] = [];
  const diffs: string[] = [];
  results.forEach((result, index) => {
    for (const problem of result.problems) {
      if (reported.has(problem.key)) continue;
      reported.add(problem.key);
      fail(problem.text);
    }
    if (!result.report) return;
    files.push(result.report);
    if (result.diff) diffs.push(result.diff);
    if (specChecked.hasSubscribers) {
      specChecked.publish({ file: expansion.targets[index].display, ms: result.ms, bytes: result.bytes } satisfies SpecChecked);
    }
  });

  const report = buildReport(files, options.quiet, options.fix || options.fixDryRun, options.fixDryRun);
  if (options.fixDryRun) io.stdout(diffs.join(''));
  io.stdout(format(report, options, io));
  if (failed) return 2;
  if (report.errors > 0) return 1;
  if (options.maxWarnings !== undefined && report.warnings > options.maxWarnings) {
    io.stderr(`rst-specs: ${report.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function format(report: Report, options: CliOptions, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, cliVersion());
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
    default:
      return formatText(report, palette(options.color ?? defaultColor(io.isTTY ?? false, io.env ?? {})), options.verbose);
  }
}
