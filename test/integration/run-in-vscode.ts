// The in-editor mocha suite (test/integration/suite/) in a VS Code desktop, through
// @vscode/test-electron's runTests: the same suite that run-in-code-server.ts runs in
// code-server, for whoever has VS Code installed.
//
//   npm run test:vscode
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:vscode
//   RST_SPECS_TEST_GREP=diagnostics npm run test:vscode
//
// Never downloads VS Code: the executable (the Electron binary, not the `code` shell
// script) is $VSCODE_EXECUTABLE, else the first that exists of the usual install places
// below. With none, it stops at once, before building anything, and says so (exit 2).
// On Linux without a display, run it under xvfb-run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quietSettings } from '../../scripts/editor-tests/code-server';

const repoRoot = resolve(__dirname, '..', '..');
const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
const suiteIndex = join(repoRoot, 'test', 'integration', 'out', 'suite', 'index.js');

/** Where VS Code's installers put the executable. */
function usualPlaces(): string[] {
  switch (process.platform) {
    case 'linux':
      return [
        '/usr/share/code/code',
        '/usr/share/code-insiders/code-insiders',
        '/usr/lib/code/code',
        '/opt/visual-studio-code/code',
        '/snap/code/current/usr/share/code/code',
        '/var/lib/flatpak/app/com.visualstudio.code/current/active/files/extra/vscode/code',
      ];
    case 'darwin':
      return ['Visual Studio Code', 'Visual Studio Code - Insiders'].flatMap((app) =>
        ['/Applications', join(homedir(), 'Applications')].flatMap((dir) => [
          join(dir, `${app}.app`, 'Contents', 'MacOS', 'Code'),
          join(dir, `${app}.app`, 'Contents', 'MacOS', 'Electron'),
        ]),
      );
    case 'win32':
      return [
        join(process.env.LOCALAPPDATA ?? '', 'Programs', 'Microsoft VS Code', 'Code.exe'),
        join(process.env.ProgramFiles ?? 'C:\\Program Files', 'Microsoft VS Code', 'Code.exe'),
      ];
    default:
      return [];
  }
}

function findVsCode(): { path?: string; problem?: string } {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    try {
      accessSync(fromEnv, constants.X_OK);
      return { path: fromEnv };
    } catch {
      return { problem: `VSCODE_EXECUTABLE=${fromEnv} is not an executable file.` };
    }
  }
  const found = usualPlaces().find((path) => existsSync(path));
  if (found) return { path: found };
  return {
    problem: [
      'No VS Code desktop on this machine, and this script does not download one.',
      `  Looked for $VSCODE_EXECUTABLE, then: ${usualPlaces().join(', ') || '(no usual place on this platform)'}`,
      '  Set VSCODE_EXECUTABLE to the VS Code executable (the Electron binary, e.g.',
      '  /usr/share/code/code on Linux, .../Visual Studio Code.app/Contents/MacOS/Code on macOS),',
      '  or run the same suite in code-server instead: npm run test:editor',
    ].join('\n'),
  };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`[test:vscode] ${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: string; error?: string }[];
}

async function main(): Promise<number> {
  const vscode = findVsCode();
  if (!vscode.path) {
    console.error(`[test:vscode] ${vscode.problem}`);
    return 2;
  }
  console.log(`[test:vscode] VS Code: ${vscode.path}`);
  run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')]);
  run(process.execPath, [join(repoRoot, 'test', 'integration', 'build-suite.mjs')]);

  const { runTests } = await import('@vscode/test-electron');
  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-vscode-'));
  const userData = join(tmp, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  const reportPath = join(tmp, 'report.json');
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: vscode.path,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      launchArgs: [
        fixtureWorkspace,
        '--disable-extensions', // other installed extensions stay out; the one under test is loaded
        `--user-data-dir=${userData}`,
        `--extensions-dir=${join(tmp, 'extensions')}`,
      ],
      extensionTestsEnv: {
        RST_SPECS_TEST_REPORT: reportPath,
        ...(process.env.RST_SPECS_TEST_GREP ? { RST_SPECS_TEST_GREP: process.env.RST_SPECS_TEST_GREP } : {}),
      },
    });
  } catch (error) {
    console.error(`[test:vscode] ${(error as Error).message}`);
    code = 1;
  }
  if (existsSync(reportPath)) {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as SuiteReport;
    for (const test of report.tests.filter((t) => t.state === 'failed')) console.log(`\n✗ ${test.title}\n${test.error ?? ''}`);
    console.log(`test:vscode: ${report.passed} passed, ${report.failed} failed, ${report.pending} skipped`);
    if (report.failed > 0 || report.passed === 0) code = code || 1;
  } else {
    console.log('[test:vscode] the suite wrote no report: it did not load or did not start');
    code = code || 1;
  }
  rmSync(tmp, { recursive: true, force: true });
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
