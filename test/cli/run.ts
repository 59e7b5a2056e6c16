// Runs the CLI in this process (runCli) or as the built bundle, and captures what it prints.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { type CliIo, runCli } from '../../server/src/cli/cli';
import { repoRoot } from '../helpers';

export const cliFixtures = resolve(repoRoot, 'test', 'fixtures', 'cli');
export const bundle = resolve(repoRoot, 'server', 'out', 'cli.js');
export const hasBundle = existsSync(bundle);

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(args: readonly string[], io: Partial<Omit<CliIo, 'stdout' | 'stderr'>> & { stdin?: string } = {}): Run {
  let stdout = '';
  let stderr = '';
  const { stdin, ...rest } = io;
  const code = runCli(args, {
    cwd: cliFixtures,
    env: {},
    isTTY: false,
    ...(stdin === undefined ? {} : { readStdin: () => stdin }),
    ...rest,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

/** Runs the built bundle as a process (the test is skipped by the caller when it is not built). */
export function runBundle(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? cliFixtures,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A temporary folder with a .git (so template lookup stops there), holding a copy of a fixture
 * folder under its own name: `dir` is that copy (e.g. <tmp>/specs), or the folder itself.
 */
export function scratch(fixture?: string): { dir: string; root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'rst-specs-cli-'));
  mkdirSync(join(root, '.git'));
  const dir = fixture ? join(root, basename(fixture)) : root;
  if (fixture) cpSync(resolve(cliFixtures, fixture), dir, { recursive: true });
  return { dir, root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
