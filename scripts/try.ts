// `npm run try`: see the extension working without installing VS Code. After `npm run package`
// (build + .vsix), this installs rst-specs.vsix into a fresh profile of the code-server that
// scripts/editor-tests/setup.sh caches (running setup.sh first when it is missing), and serves
// a scratch copy of examples/ at http://127.0.0.1:PORT until Ctrl+C.
//
//   npm run try
//   npm run try -- --port 9000            # default 8080, or the next free port
//   npm run try -- --folder ~/src/nova-specs   # your own folder instead of the examples
//
// code-server listens on 127.0.0.1 only and without a password: it is for this machine.
// Ctrl+C (SIGINT) or SIGTERM stops code-server with everything it started (its process group)
// and removes the profile and the scratch copy.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  codeServerBin,
  commandLineOption,
  codeServerVersion,
  ignoreClosedOutput,
  installVsix,
  launchCodeServer,
  makeProfile,
  repoRoot,
  stopCodeServer,
  tail,
  vsixPath,
  workbenchUrl,
} from './editor-tests/code-server';

const say = (message: string): void => console.log(`[try] ${message}`);
ignoreClosedOutput();

async function main(): Promise<void> {
  const vsix = vsixPath();
  if (!existsSync(vsix)) {
    console.error(`[try] missing ${vsix}: run npm run package (npm run try does)`);
    process.exit(2);
  }
  if (!existsSync(codeServerBin)) {
    say(`code-server ${codeServerVersion} is not installed yet: running scripts/editor-tests/setup.sh (a few minutes, once)`);
    const setup = spawnSync('bash', [join(repoRoot, 'scripts', 'editor-tests', 'setup.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (setup.status !== 0 || !existsSync(codeServerBin)) {
      console.error(`[try] setup.sh failed (exit ${setup.status})`);
      process.exit(2);
    }
  }

  const tmp = mkdtempSync(join(tmpdir(), 'rst-specs-try-'));
  let codeServer: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number): Promise<void> =>
    (stopping ??= (async () => {
      await stopCodeServer(codeServer);
      rmSync(tmp, { recursive: true, force: true });
      process.exit(code);
    })());
  process.once('SIGINT', () => {
    say('stopping (Ctrl+C)');
    void stop(0);
  });
  process.once('SIGTERM', () => {
    say('stopping (SIGTERM)');
    void stop(0);
  });
  // Only one signal handler each: a second Ctrl+C while stopping is ignored rather than fatal.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);

  try {
    const profile = makeProfile(tmp);
    const ownFolder = commandLineOption('--folder');
    const folder = ownFolder ? resolve(ownFolder) : join(tmp, 'examples');
    if (!ownFolder) cpSync(join(repoRoot, 'examples'), folder, { recursive: true });
    const installed = installVsix(vsix, profile);
    say(`installed ${vsix} into a fresh code-server ${codeServerVersion} profile (${installed})`);

    const log = join(tmp, 'code-server.log');
    const preferredPort = Number(commandLineOption('--port') ?? process.env.RST_SPECS_TRY_PORT ?? 8080);
    const { codeServer: running, port } = await launchCodeServer(
      { folder, profile, logFile: log, preferredPort },
      (spawned) => (codeServer = spawned),
    );
    const spec = join(folder, 'specs', 'cluster-tags.rst');
    console.log('');
    say(`rst-specs in code-server: http://127.0.0.1:${port}/`);
    if (!ownFolder) {
      say(`  straight to a spec with problems: ${workbenchUrl(port, folder, spec)}`);
      say('  open specs/cluster-tags.rst (8 problems) and specs/node-health.rst (clean); Ctrl+Shift+M: Problems');
      say(`  the folder is a scratch copy of examples/ (${folder}): edits go away on exit`);
    } else {
      say(`  folder: ${folder}`);
    }
    say('Ctrl+C stops it.');
    running.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[try] code-server stopped by itself (code ${code}, signal ${signal}); its log:\n${tail(log, 40)}`);
      void stop(1);
    });
  } catch (error) {
    console.error(`[try] ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
