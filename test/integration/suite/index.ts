// Entry point of the in-editor test suite: the extension host loads this module
// (given as extensionTestsPath) and awaits run(). It runs mocha (tdd UI) over
// the *.suite.js files next to it and, when RST_SPECS_TEST_REPORT names a file,
// writes a JSON report there (the runner prints failures from it even when the
// extension host's console output does not reach it).
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ReportedTest {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  tests: ReportedTest[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.RST_SPECS_TEST_TIMEOUT_MS ?? 60_000),
    grep: process.env.RST_SPECS_TEST_GREP || undefined,
  });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.suite.js'))
    // The smoke tests first: when they fail, the harness is broken, not the extension.
    .sort((a, b) => Number(b === 'smoke.suite.js') - Number(a === 'smoke.suite.js') || a.localeCompare(b));
  for (const name of files) mocha.addFile(join(__dirname, name));

  const report: SuiteReport = { passed: 0, failed: 0, pending: 0, tests: [] };
  const reportPath = process.env.RST_SPECS_TEST_REPORT;
  const writeReport = (): void => {
    if (reportPath) writeFileSync(reportPath, JSON.stringify(report, null, 2));
  };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeReport();
        if (failures > 0) reject(new Error(`${failures} of ${report.tests.length} editor tests failed`));
        else if (report.passed === 0) reject(new Error('no editor test ran'));
        else resolve();
      });
      runner.on('pass', (test) => {
        report.passed++;
        report.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('fail', (test, error: Error) => {
        report.failed++;
        report.tests.push({
          title: test.fullTitle(),
          state: 'failed',
          error: String(error?.stack ?? error),
        });
        writeReport();
      });
      runner.on('pending', (test) => {
        report.pending++;
        report.tests.push({ title: test.fullTitle(), state: 'pending' });
      });
    } catch (error) {
      report.failed++;
      report.tests.push({ title: '(loading the suite)', state: 'failed', error: String((error as Error)?.stack ?? error) });
      writeReport();
      reject(error);
    }
  });
}
