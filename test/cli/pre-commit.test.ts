// The pre-commit hook (pre-commit/), run by Debian's pre-commit against a local hook repository:
// a commit with a broken spec is refused with the CLI's diagnostics, a clean one goes through, and
// the hook's environment holds the CLI and nothing else. Offline: the CLI comes from `npm pack` of
// this repository, given as the hook's additional_dependencies (as a config may pin a version),
// and npm runs with an empty cache in offline mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../helpers';
import { bundle, hasBundle } from './run';
import { offlineNpmEnv, packRepository } from './npm';

const PRE_COMMIT = ['/usr/bin/pre-commit', '/usr/local/bin/pre-commit'].find((path) => existsSync(path));
const hookFolder = resolve(repoRoot, 'pre-commit');
const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));

test('pre-commit/: node hooks that install the published CLI of this version and run its bin', () => {
  const hooks = readFileSync(join(hookFolder, '.pre-commit-hooks.yaml'), 'utf8');
  const entries = [...hooks.matchAll(/^- id: (\S+)\n(?: {2}\S.*\n)*/gm)].map((match) => match[0]);
  assert.deepEqual(
    entries.map((entry) => /^- id: (\S+)/.exec(entry)?.[1]),
    ['rst-specs', 'rst-specs-fix'],
  );
  for (const entry of entries) {
    assert.match(entry, /^ {2}language: node$/m);
    assert.match(entry, /^ {2}entry: rst-specs check( --fix)?$/m);
    assert.match(entry, /^ {2}types: \[rst\]$/m);
    assert.ok(entry.includes(`\n  additional_dependencies: ['rst-specs@${manifest.version}']\n`), entry);
  }
  const hookPackage = JSON.parse(readFileSync(join(hookFolder, 'package.json'), 'utf8'));
  assert.equal(hookPackage.version, manifest.version);
  assert.equal(hookPackage.dependencies, undefined);
  assert.equal(hookPackage.devDependencies, undefined);
  assert.equal(hookPackage.scripts, undefined);
  assert.ok(
    !existsSync(resolve(repoRoot, '.pre-commit-hooks.yaml')),
    'the hooks are in pre-commit/, not at the root (whose npm install is the whole tool chain)',
  );
});

test(
  'Debian pre-commit with the hook: a broken spec is refused with the diagnostics, a clean one is committed',
  {
    skip: !PRE_COMMIT ? 'no pre-commit (apt-get install pre-commit)' : !hasBundle ? 'run npm run build first' : undefined,
    timeout: 240_000,
  },
  () => {
    const work = mkdtempSync(join(tmpdir(), 'rst-specs-pre-commit-'));
    try {
      const env = offlineNpmEnv(join(work, 'npm-cache'), {
        PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
        GIT_AUTHOR_NAME: 'Spec Writer',
        GIT_AUTHOR_EMAIL: 'writer@example.org',
        GIT_COMMITTER_NAME: 'Spec Writer',
        GIT_COMMITTER_EMAIL: 'writer@example.org',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: join(work, 'home'),
      });
      mkdirSync(env.HOME!);
      const sh = (command: string, args: string[], cwd: string) => {
        const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
        return { status: result.status, output: `${result.stdout}${result.stderr}` };
      };
      const git = (cwd: string, ...args: string[]) => {
        const result = sh('git', args, cwd);
        assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.output}`);
        return result.output;
      };
      const { tarball } = packRepository(work, env);

      // The hook repository: pre-commit/ as it is published.
      const hooks = join(work, 'hooks');
      mkdirSync(hooks);
      for (const name of readdirSync(hookFolder)) copyFileSync(join(hookFolder, name), join(hooks, name));
      git(hooks, 'init', '-q', '-b', 'main');
      git(hooks, 'add', '.');
      git(hooks, 'commit', '-q', '-m', 'hooks');
      const rev = git(hooks, 'rev-parse', 'HEAD').trim();

      // A specs repository that uses it.
      const specs = join(work, 'specs-repo');
      mkdirSync(join(specs, 'specs'), { recursive: true });
      git(specs, 'init', '-q', '-b', 'main');
      writeFileSync(
        join(specs, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: rst-specs\n        additional_dependencies: ['${tarball}']\n`,
      );
      const installed = sh(PRE_COMMIT!, ['install'], specs);
      assert.equal(installed.status, 0, installed.output);
      git(specs, 'add', '.pre-commit-config.yaml');
      git(specs, 'commit', '-q', '-m', 'pre-commit');

      // A clean spec passes (the hook's environment is made on this first run).
      copyFileSync(resolve(repoRoot, 'examples', 'specs', 'node-health.rst'), join(specs, 'specs', 'node-health.rst'));
      git(specs, 'add', 'specs/node-health.rst');
      const clean = sh('git', ['commit', '-m', 'Add the node-health spec'], specs);
      assert.equal(clean.status, 0, clean.output);
      assert.match(clean.output, /^rst-specs\.+Passed$/m);

      // A broken one is refused, with what the CLI says about it.
      copyFileSync(resolve(repoRoot, 'examples', 'specs', 'cluster-tags.rst'), join(specs, 'specs', 'cluster-tags.rst'));
      git(specs, 'add', 'specs/cluster-tags.rst');
      const broken = sh('git', ['commit', '-m', 'Add the cluster-tags spec'], specs);
      assert.equal(broken.status, 1, broken.output);
      assert.match(broken.output, /^rst-specs\.+Failed$/m);
      assert.match(broken.output, /^- exit code: 1$/m);
      const expected = spawnSync(process.execPath, [bundle, 'check', 'specs/cluster-tags.rst'], {
        cwd: specs,
        env,
        encoding: 'utf8',
      }).stdout;
      const diagnostics = expected.split('\n').filter((line) => /^specs\/cluster-tags\.rst:\d+:\d+: /.test(line));
      assert.ok(diagnostics.length >= 2, expected);
      for (const line of diagnostics)
        assert.ok(broken.output.includes(`${line}\n`), `missing from the hook's output: ${line}\n${broken.output}`);
      assert.equal(git(specs, 'log', '--format=%s').trim(), 'Add the node-health spec\npre-commit');

      // What the hook installed: the empty hook package and the CLI, which brought nothing along.
      const home = env.PRE_COMMIT_HOME!;
      const repoDir = readdirSync(home).find(
        (name) => name.startsWith('repo') && readdirSync(join(home, name)).some((entry) => entry.startsWith('node_env-')),
      );
      assert.ok(repoDir, `no node_env in ${readdirSync(home).join(', ')}`);
      const envDir = readdirSync(join(home, repoDir)).find((name) => name.startsWith('node_env-'))!;
      const modules = join(home, repoDir, envDir, 'lib', 'node_modules');
      assert.deepEqual(
        readdirSync(modules)
          .filter((name) => !name.startsWith('.'))
          .sort(),
        ['rst-specs', 'rst-specs-pre-commit'],
      );
      assert.ok(!existsSync(join(modules, 'rst-specs', 'node_modules')));
      assert.ok(!existsSync(join(home, repoDir, 'node_modules')));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
