// Runs the in-editor mocha suite (test/integration/out/suite/index.js, built by
// test/integration/build-suite.mjs) inside a real VS Code: code-server (the
// VS Code server + web workbench) driven by headless Debian Chromium through
// playwright-core. Offline: nothing is downloaded.
//
//   node --import tsx test/integration/run-in-code-server.ts [--grep <text>] [--screenshot <png>]
//
// The workbench is opened with a `payload` holding extensionDevelopmentPath (the
// repository) and extensionTestsPath (the suite), both as vscode-remote URIs, so
// the extension and its tests run in code-server's Node extension host, as they
// would for a user of code-server or of VS Code Remote. The workbench reports
// the suite's end through window.codeAutomationExit(code) and its log lines
// through window.codeAutomationLog(level, message), which we expose before
// navigating. Exit code: the suite's (0 = all passed), 124 on the overall
// timeout, 2 when the harness itself cannot start.
//
// Environment:
//   CODE_SERVER_BIN               code-server's out/node/entry.js (default: the one
//                                 scripts/editor-tests/setup.sh installs)
//   RST_SPECS_CACHE               cache root used by setup.sh (default ~/.cache/rst-specs)
//   CODE_SERVER_VERSION           default 4.100.3
//   CHROMIUM_PATH                 default /usr/bin/chromium
//   RST_SPECS_EDITOR_TIMEOUT_MS   hard limit of the whole run (default 300000)
//   RST_SPECS_TEST_GREP           only the tests whose full title contains this
//   RST_SPECS_KEEP_TMP=1          keep the temporary folder (user data, logs)
import { type BrowserContext, type Page } from 'playwright-core';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import {
  chromiumPath,
  launchChromium,
  codeServerBin,
  commandLineOption,
  codeServerVersion,
  findFiles,
  freePort,
  repoRoot,
  startCodeServer,
  tail,
  waitForHttp,
  missingPrerequisite,
} from '../../scripts/editor-tests/code-server';
import { cleanupOnce, screenshotPage, tearDown } from './harness';

const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
const suiteIndex = join(repoRoot, 'test', 'integration', 'out', 'suite', 'index.js');
const artifactsDir = join(repoRoot, 'test-results', 'editor-tests');

const overallTimeoutMs = Number(process.env.RST_SPECS_EDITOR_TIMEOUT_MS ?? 300_000);

const screenshotPath = commandLineOption('--screenshot');
// --folder-copy DIR: the workbench opens a temporary copy of DIR (e.g. ../shared/repos/nova-specs)
// instead of the fixture workspace; suites that need a specs repo (specs-explorer.suite.ts) run then.
const folderCopy = commandLineOption('--folder-copy');
// --screenshot runs only the screenshot scene (test/integration/suite/screenshot.suite.ts) unless --grep says otherwise.
const grep = commandLineOption('--grep') ?? process.env.RST_SPECS_TEST_GREP ?? (screenshotPath ? 'screenshot scene' : undefined);

const started = Date.now();
let interrupted = false;
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (message: string): void => console.log(`[code-server-tests ${elapsed()}] ${message}`);

/** Workbench log lines that say nothing about the tests. */
const noise = [/^Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/];

interface AutomationLogFile {
  relativePath: string;
  contents: string;
}

interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: string; durationMs?: number; error?: string }[];
}

/** The copy made writable (the shared repos are read-only), so that the tests may move its specs. */
function writable(folder: string): void {
  chmodSync(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) writable(join(folder, entry.name));
    else if (entry.isFile()) chmodSync(join(folder, entry.name), 0o644);
  }
}

async function main(): Promise<number> {
  let workspaceFolder = fixtureWorkspace;
  if (
    missingPrerequisite('code-server-tests', [
      ['code-server (run scripts/editor-tests/setup.sh)', codeServerBin],
      ['chromium (apt-get install chromium)', chromiumPath],
      ['the compiled suite (run node test/integration/build-suite.mjs)', suiteIndex],
    ])
  )
    return 2;

  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-code-server-'));
  const paths = {
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    xdgConfig: join(tmp, 'xdg-config'),
    xdgData: join(tmp, 'xdg-data'),
    chromeProfile: join(tmp, 'chromium-profile'),
    report: join(tmp, 'report.json'),
    screenshotHandshake: join(tmp, 'screenshot'),
    codeServerLog: join(artifactsDir, 'code-server.log'),
  };
  if (folderCopy) {
    workspaceFolder = join(tmp, basename(resolve(folderCopy)));
    cpSync(resolve(folderCopy), workspaceFolder, { recursive: true });
    writable(workspaceFolder);
  }
  for (const dir of [paths.userData, paths.extensions, paths.xdgConfig, paths.xdgData, paths.chromeProfile, paths.screenshotHandshake]) {
    mkdirSync(dir, { recursive: true });
  }
  // Default settings: no welcome page, no telemetry prompt, no auto-updates.
  mkdirSync(join(paths.userData, 'User'), { recursive: true });
  writeFileSync(
    join(paths.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'editor.stickyScroll.enabled': false,
      },
      null,
      2,
    ),
  );

  let codeServer: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let cleanedUp = false;
  const cleanup = cleanupOnce(
    () => {
      cleanedUp = true;
      return tearDown({ context, codeServer, userDataDir: paths.userData, logsCopy: join(artifactsDir, 'server-logs'), tmp }, say);
    },
    say,
    () => (interrupted = true),
  );

  let hardTimer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => {
    hardTimer = setTimeout(() => r('timeout'), overallTimeoutMs);
  });

  const saveScreenshot = (name: string): Promise<string | undefined> =>
    screenshotPage(page, name.includes('/') ? resolve(name) : join(artifactsDir, name), say);

  /** The screenshot scene's handshake: it writes `ready`, we take the picture and write `done`. */
  const takeSceneScreenshot = async (target: string): Promise<void> => {
    const ready = join(paths.screenshotHandshake, 'ready');
    while (!existsSync(ready)) {
      if (cleanedUp) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Let the editor paint what the scene shows: by default the squiggles and the Problems panel's
    // rows; a scene may name its own selectors in the ready file (a JSON list).
    const named = readFileSync(ready, 'utf8').trim();
    const selectors: string[] = named ? (JSON.parse(named) as string[]) : ['.squiggly-error', '.markers-panel .monaco-list-row'];
    for (const selector of selectors) {
      await page?.waitForSelector(selector, { timeout: 10_000 }).catch(() => say(`nothing showed for ${selector}`));
    }
    const shot = await saveScreenshot(target);
    if (shot) say(`screenshot: ${shot}`);
    writeFileSync(join(paths.screenshotHandshake, 'done'), '');
  };

  const printFailure = (): void => {
    if (existsSync(paths.report)) {
      const report = JSON.parse(readFileSync(paths.report, 'utf8')) as SuiteReport;
      for (const test of report.tests.filter((t) => t.state === 'failed')) {
        console.log(`\n✗ ${test.title}\n${test.error ?? ''}`);
      }
    } else {
      console.log('(the suite wrote no report: it did not load or did not start)');
    }
    for (const path of findFiles(join(paths.userData, 'logs'), /remoteexthost\.log$/)) {
      console.log(`\n--- last lines of the extension host log (${path}) ---`);
      console.log(tail(path, 40));
    }
    console.log(`\n--- last lines of ${paths.codeServerLog} ---`);
    console.log(tail(paths.codeServerLog, 60));
  };

  try {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    say(`starting code-server ${codeServerVersion} on ${origin}`);
    codeServer = startCodeServer({
      port,
      folder: workspaceFolder,
      profile: { userDataDir: paths.userData, extensionsDir: paths.extensions, xdgConfig: paths.xdgConfig, xdgData: paths.xdgData },
      logFile: paths.codeServerLog,
      env: {
        RST_SPECS_TEST_REPORT: paths.report,
        ...(grep ? { RST_SPECS_TEST_GREP: grep } : {}),
        ...(screenshotPath ? { RST_SPECS_SCREENSHOT_DIR: paths.screenshotHandshake } : {}),
        ...(folderCopy ? { RST_SPECS_TEST_FOLDER_COPY: workspaceFolder } : {}),
      },
    });
    await Promise.race([
      waitForHttp(`${origin}/healthz`, codeServer, 60_000),
      timedOut.then(() => Promise.reject(new Error('overall timeout while starting code-server'))),
    ]);
    say('code-server is up; launching chromium');

    context = await launchChromium(paths.chromeProfile, { viewport: { width: 1280, height: 800 }, timeout: 60_000 });
    page = context.pages()[0] ?? (await context.newPage());

    let settle!: (result: { code: number; logs: AutomationLogFile[] }) => void;
    const exited = new Promise<{ code: number; logs: AutomationLogFile[] }>((r) => (settle = r));
    // Both must exist before the workbench loads: it looks them up once.
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      // The workbench passes console-style arguments: [format, ...values].
      const text = Array.isArray(message) ? format(...message) : String(message);
      if (noise.some((pattern) => pattern.test(text))) return;
      process.stdout.write(level === 'info' ? `${text}\n` : `[${level}] ${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: AutomationLogFile[]) => {
      settle({ code: typeof code === 'number' ? code : 1, logs: Array.isArray(logs) ? logs : [] });
    });
    page.on('pageerror', (error) => say(`page error: ${error.message}`));
    page.on('crash', () => say('the page crashed'));

    const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(suiteIndex)],
    ];
    const url = `${origin}/?folder=${encodeURIComponent(workspaceFolder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    say(`opening the workbench: ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    if (screenshotPath) void takeSceneScreenshot(screenshotPath);
    const result = await Promise.race([exited, timedOut]);
    if (result === 'timeout') {
      say(`TIMEOUT: the suite did not finish within ${overallTimeoutMs} ms`);
      const shot = await saveScreenshot('timeout.png');
      if (shot) say(`screenshot: ${shot}`);
      printFailure();
      return 124;
    }
    for (const file of result.logs) {
      const target = join(artifactsDir, 'vscode-logs', file.relativePath);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    if (result.code !== 0) {
      say(`the suite failed (exit code ${result.code})`);
      const shot = await saveScreenshot('failure.png');
      if (shot) say(`screenshot: ${shot}`);
      printFailure();
      if (existsSync(paths.report)) {
        const report = JSON.parse(readFileSync(paths.report, 'utf8')) as SuiteReport;
        console.log(`editor-tests: ${report.passed} passed, ${report.failed} failed, ${report.pending} skipped`);
      }
      return result.code;
    }
    const report = existsSync(paths.report) ? (JSON.parse(readFileSync(paths.report, 'utf8')) as SuiteReport) : undefined;
    // The client's part of the server's code cache (client/src/code-cache.ts), in a real editor:
    // the server offered its cache once a spec was checked, and the extension stored it.
    const storedCaches = findFiles(join(paths.userData, 'User', 'globalStorage'), /\/code-cache\/server-\d+-\d+\.cache$/);
    if (storedCaches.length !== 1) {
      say(`expected the extension to store one code cache for the server in its global storage; found: ${JSON.stringify(storedCaches)}`);
      return 1;
    }
    say(`the server's code cache was stored: ${storedCaches[0].slice(paths.userData.length + 1)}`);
    say('the suite passed');
    if (report) console.log(`editor-tests: ${report.passed} passed, ${report.failed} failed, ${report.pending} skipped`);
    return 0;
  } catch (error) {
    if (interrupted) return 130;
    say(`harness error: ${(error as Error).stack ?? error}`);
    const shot = await saveScreenshot('harness-error.png');
    if (shot) say(`screenshot: ${shot}`);
    printFailure();
    return 2;
  } finally {
    clearTimeout(hardTimer);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
