// The extension's web build in a real browser: code-server's web workbench in headless Chromium,
// with the extension under development run in the *web worker* extension host (payload
// `extensionDevelopmentKind: web`), so it loads the `browser` entry (client/out/browser.js), which
// starts server/out/web-server.js in a web worker. The checks (test/web/suite/index.ts) run in that
// host. The shared harness (test/integration/run-in-code-server.ts) cannot do this: see
// test/web/README.md. Exit code: the checks' (0 = all passed), 124 on timeout, 2 if it cannot start.
//
//   npm run build && node --import tsx test/web/run-web-in-code-server.ts
import type { BrowserContext, Page } from 'playwright-core';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { build } from 'esbuild';
import {
  chromiumPath,
  codeServerBin,
  launchChromium,
  launchCodeServer,
  makeProfile,
  missingPrerequisite,
  repoRoot,
  stopCodeServer,
} from '../../scripts/editor-tests/code-server';

const workspace = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
const suiteOut = join(repoRoot, 'test', 'web', 'out', 'index.js');
const timeoutMs = Number(process.env.RST_SPECS_EDITOR_TIMEOUT_MS ?? 180_000);
const say = (text: string) => console.log(`[web-tests] ${text}`);

/** The first <h1> of the preview's webview (its inner frame has <main id="content">), when it shows one within 30 s. */
async function previewTitle(page: Page): Promise<string | undefined> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(200)) {
    for (const frame of page.frames()) {
      try {
        const heading = frame.locator('main#content h1').first();
        if ((await heading.count()) > 0) return (await heading.innerText()).trim();
      } catch {
        // a frame that went away meanwhile
      }
    }
  }
  return undefined;
}

async function main(): Promise<number> {
  if (
    missingPrerequisite('web-tests', [
      ['code-server (bash scripts/editor-tests/setup.sh)', codeServerBin],
      ['chromium', chromiumPath],
      ['the web bundles (npm run build)', join(repoRoot, 'server', 'out', 'web-server.js')],
    ])
  )
    return 2;
  await build({
    entryPoints: [join(repoRoot, 'test', 'web', 'suite', 'index.ts')],
    outfile: suiteOut,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-web-'));
  const profile = makeProfile(tmp, {
    'files.autoSave': 'off', // the web workbench's default saves edits after a delay
    // Run rst-specs in the web worker extension host although a remote (Node) one is there: the
    // workbench does not read `extensionDevelopmentKind` from the payload (its environment service
    // names it extensionDevelopmentLocationKind), so the payload's kind alone does not do it.
    'remote.extensionKind': { 'rst-specs.rst-specs': ['web'] },
  });
  const logPath = join(tmp, 'code-server.log');
  let codeServer: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const launched = await launchCodeServer({ folder: workspace, profile, logFile: logPath }, (child) => (codeServer = child));
    const port = launched.port;
    const origin = `http://127.0.0.1:${port}`;
    context = await launchChromium(join(tmp, 'chromium'));
    const page = context.pages()[0] ?? (await context.newPage());
    let settle!: (code: number) => void;
    const exited = new Promise<number>((r) => (settle = r));
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = Array.isArray(message) ? format(...message) : String(message);
      if (/rst-specs|web-tests|✔|✖|passing|failing|Error/.test(text)) process.stdout.write(`${text}\n`);
      void level;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(typeof code === 'number' ? code : 1));
    const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionDevelopmentKind', 'web'],
      ['extensionTestsPath', remote(suiteOut)],
    ];
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const result = await Promise.race([exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    if (result === 'timeout') {
      say(`TIMEOUT after ${timeoutMs} ms`);
      return 124;
    }
    if (result === 0) {
      // The suite's last check left the preview open: its webview must show the spec rendered.
      const title = await previewTitle(page);
      if (title !== 'Queens approved') {
        say(`the preview shows no rendered spec (title: ${JSON.stringify(title)})`);
        return 1;
      }
      say('the preview shows the spec rendered (its title as <h1>)');
    }
    say(result === 0 ? 'the web checks passed' : `the web checks failed (exit ${result})`);
    if (result !== 0) console.log(readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n'));
    return result;
  } catch (error) {
    say(`harness error: ${(error as Error).stack ?? error}`);
    return 2;
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    await stopCodeServer(codeServer);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
