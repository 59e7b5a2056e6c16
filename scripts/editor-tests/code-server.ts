// A local code-server with the packaged extension installed: shared by the screenshot
// test (test/integration/screenshots.ts) and `npm run try` (scripts/try.ts).
// code-server is the one scripts/editor-tests/setup.sh caches outside the repository.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const repoRoot = resolve(__dirname, '..', '..');
export const codeServerVersion = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const cacheRoot = process.env.RST_SPECS_CACHE ?? join(homedir(), '.cache', 'rst-specs');
export const codeServerBin =
  process.env.CODE_SERVER_BIN ??
  join(cacheRoot, `code-server-${codeServerVersion}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, for the editor tests: no background connections (the machine's
 * network is closed and Chromium would try many at every start), and no signal handlers of
 * Playwright's (the callers' own stop code-server too; Playwright's would exit before they ran).
 */
export function launchChromium(
  profileDir: string,
  options: { viewport?: { width: number; height: number }; timeout?: number } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** The user settings of a fresh profile: no welcome page, prompts, telemetry or updates. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface Profile {
  userDataDir: string;
  extensionsDir: string;
  xdgConfig: string;
  xdgData: string;
}

/** Makes the folders of a code-server profile under `root` and writes its user settings. */
export function makeProfile(root: string, settings: Record<string, unknown> = {}): Profile {
  const profile: Profile = {
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
  };
  for (const dir of Object.values(profile)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  return profile;
}

function profileEnv(profile: Profile): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: profile.xdgConfig,
    XDG_DATA_HOME: profile.xdgData,
    EXTENSIONS_GALLERY: '{}', // no marketplace: nothing is looked up online
  };
}

/**
 * Installs a .vsix into the profile with code-server's own `--install-extension`, as a user
 * would, and returns the folder it was unpacked into.
 */
export function installVsix(vsix: string, profile: Profile): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const result = spawnSync(
    process.execPath,
    [
      codeServerBin,
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      resolve(vsix),
      '--force',
    ],
    { env: profileEnv(profile), encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const folder = readdirSync(profile.extensionsDir).find((name) => name.toLowerCase().startsWith(`${id.toLowerCase()}-`));
  if (result.status !== 0 || !folder) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
  }
  return join(profile.extensionsDir, folder);
}

export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === 'EADDRINUSE') freePort(0).then(resolvePort, reject);
      else reject(error);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface StartOptions {
  port: number;
  folder: string;
  profile: Profile;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts code-server on 127.0.0.1 only, without authentication (so it must stay local), in
 * its own process group (stopCodeServer ends it with its extension host and language server).
 */
export function startCodeServer({ port, folder, profile, logFile, env }: StartOptions): ChildProcess {
  const logFd = openSync(logFile, 'w');
  return spawn(
    process.execPath,
    [
      codeServerBin,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      folder,
    ],
    {
      cwd: folder,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...profileEnv(profile), ...env },
    },
  );
}

export interface LaunchOptions extends Omit<StartOptions, 'port'> {
  /** The port to try first; when it is taken or not given, any free port. */
  preferredPort?: number;
}

/**
 * Starts code-server (startCodeServer) and waits, a minute at most, until it answers. `onSpawn`
 * gets the process before the wait, so that a stop meanwhile (Ctrl+C, SIGTERM) can end it.
 */
export async function launchCodeServer(
  { preferredPort, ...options }: LaunchOptions,
  onSpawn: (codeServer: ChildProcess) => void,
): Promise<{ codeServer: ChildProcess; port: number }> {
  const port = await freePort(preferredPort);
  const codeServer = startCodeServer({ ...options, port });
  onSpawn(codeServer);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, codeServer, 60_000);
  return { codeServer, port };
}

export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/** Ends code-server's process group: SIGTERM, then SIGKILL for what is left after `graceMs`. */
export async function stopCodeServer(child: ChildProcess | undefined, graceMs = 5_000): Promise<void> {
  if (!child?.pid) return;
  const group = -child.pid;
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(group, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!signalGroup(0)) return; // signal 0: is anyone left?
    await new Promise((r) => setTimeout(r, 100));
  }
  signalGroup('SIGKILL');
}

/**
 * Whether something a runner needs is missing: prints which (with how to get it) for the first
 * one, so that the runner exits 2 with one clear line instead of failing midway.
 */
export function missingPrerequisite(tag: string, needs: readonly (readonly [what: string, path: string])[]): boolean {
  const missing = needs.find(([, path]) => !existsSync(path));
  if (missing) console.error(`[${tag}] missing ${missing[0]}: ${missing[1]}`);
  return missing !== undefined;
}

/** The workbench URL that opens `folder` and, optionally, `file` in it. */
export function workbenchUrl(port: number, folder: string, file?: string): string {
  const origin = `http://127.0.0.1:${port}`;
  const query = [`folder=${encodeURIComponent(folder)}`];
  if (file) {
    query.push(`payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${file}`]]))}`);
  }
  return `${origin}/?${query.join('&')}`;
}

/** The last `lines` lines of a file, or a note that it does not exist. */
export function tail(path: string, lines: number): string {
  if (!existsSync(path)) return '(no file)';
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Files under `dir` (recursively) whose path matches `pattern`. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => pattern.test(path));
}

/** The .vsix named by --vsix on the command line, else the one `npm run package` makes. */
export function vsixPath(): string {
  return resolve(commandLineOption('--vsix') ?? join(repoRoot, 'rst-specs.vsix'));
}

/** A closed stdout or stderr (`| head`) must not end the run before it has stopped code-server. */
export function ignoreClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

/** The value after `name` on this process's command line (`--port 8080`), if given. */
export function commandLineOption(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}
