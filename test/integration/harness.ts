// What the runs of code-server driven by Chromium (run-in-code-server.ts, screenshots.ts) share:
// screenshots of the page and the teardown.
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { stopCodeServer } from '../../scripts/editor-tests/code-server';

/** Saves a screenshot of the page, while it is open, to `path`; returns the path, or undefined when there is none. */
export async function screenshotPage(page: Page | undefined, path: string, say: (message: string) => void): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  mkdirSync(dirname(path), { recursive: true });
  try {
    await page.screenshot({ path, timeout: 10_000 });
    return path;
  } catch (error) {
    say(`could not take a screenshot: ${(error as Error).message}`);
    return undefined;
  }
}

export interface RunToTearDown {
  context: BrowserContext | undefined;
  codeServer: ChildProcess | undefined;
  /** code-server's --user-data-dir: its logs/ folder is copied to `logsCopy`. */
  userDataDir: string;
  logsCopy: string;
  /** The run's temporary folder: removed, or kept with RST_SPECS_KEEP_TMP=1. */
  tmp: string;
}

/** Closes the browser, ends code-server's process group, keeps code-server's logs and removes the temporary folder. */
export async function tearDown(
  { context, codeServer, userDataDir, logsCopy, tmp }: RunToTearDown,
  say: (message: string) => void,
): Promise<void> {
  await context?.close().catch(() => undefined);
  await stopCodeServer(codeServer);
  // The server side's logs (remote extension host, remote agent) next to the run's other artifacts.
  const serverLogs = join(userDataDir, 'logs');
  if (existsSync(serverLogs)) cpSync(serverLogs, logsCopy, { recursive: true });
  if (process.env.RST_SPECS_KEEP_TMP === '1') say(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

/**
 * A cleanup that runs `tearDownRun` once however often it is called (a signal and main's `finally`
 * both await the one run). SIGINT and SIGTERM call `onSignal`, then the cleanup, then exit with 130.
 */
export function cleanupOnce(tearDownRun: () => Promise<void>, say: (message: string) => void, onSignal?: () => void): () => Promise<void> {
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => (cleaning ??= tearDownRun());
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    say(`${signal}: stopping`);
    onSignal?.();
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  return cleanup;
}
