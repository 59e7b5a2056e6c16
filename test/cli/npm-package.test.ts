// The npm package (`npm install -g rst-specs`, `npx rst-specs check specs/`): what `npm pack` puts
// in it, and that the tarball installed into an empty folder with no network runs the same checks
// as the repository's CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../helpers';
import { bundle, hasBundle } from './run';
import { npm, npx, offlineNpmEnv, packRepository } from './npm';

const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8'));
/**
 * The tarball's budget: 154 KB packed with jsonc-parser (the config reader), the csv-table and
 * Python-lexing checks, the rst-footnote rule and their rule pages (137 KB before them); about
 * 10 % above that, so growth is noticed. (165 KB with the JavaScript, Bash and XML lexers, Pygments'
 * lexer names, the option converters and csv-table cells: 154.2 KB before them.)
 */
const BUDGET_BYTES = 170 * 1024;

test('package.json: a public CLI package with no runtime dependencies and a files allow-list', () => {
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.name, 'rst-specs');
  assert.equal(manifest.dependencies, undefined, 'runtime libraries are bundled by esbuild: list them under devDependencies');
  assert.deepEqual(manifest.bin, { 'rst-specs': './server/out/cli.js' });
  assert.deepEqual(manifest.files, [
    'server/out/cli.js',
    'server/out/cli-main.js',
    'server/templates/',
    'schemas/',
    'docs/rules/',
    'NOTICE',
  ]);
  assert.equal(manifest.engines.node, '>=20');
  assert.ok(Number(process.versions.node.split('.')[0]) >= 20);
});

test(
  'npm pack, install the tarball offline into an empty folder, npx rst-specs check = the repository CLI',
  { skip: hasBundle ? undefined : 'run npm run build first' },
  () => {
    const work = mkdtempSync(join(tmpdir(), 'rst-specs-npm-'));
    try {
      const env = offlineNpmEnv(join(work, 'cache'));
      const { tarball, size, files } = packRepository(work, env);
      const rules = files.filter((file) => file.startsWith('docs/rules/'));
      assert.deepEqual(
        files.filter((file) => !file.startsWith('docs/rules/')),
        [
          'LICENSE',
          'NOTICE',
          'README.md',
          'package.json',
          'schemas/rst-specs.schema.json',
          'server/out/cli-main.js',
          'server/out/cli.js',
          'server/templates/senlin-spec-template.rst',
        ],
      );
      assert.ok(
        rules.includes('docs/rules/line-length.md') && rules.every((file) => /^docs\/rules\/[\w-]+\.md$/.test(file)),
        rules.join(' '),
      );
      assert.ok(size < BUDGET_BYTES, `the tarball is ${size} bytes, over ${BUDGET_BYTES}`);

      // An empty project folder, a spec in it; the package installed from the tarball alone.
      const project = join(work, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), '{"name": "specs-repo", "version": "1.0.0", "private": true}\n');
      cpSync(resolve(repoRoot, 'examples', 'specs'), join(project, 'specs'), { recursive: true });
      const installed = spawnSync(npm, ['install', '--offline', tarball], { cwd: project, env, encoding: 'utf8' });
      assert.equal(installed.status, 0, installed.stderr);
      assert.match(installed.stdout, /added 1 package/);

      // npm install --global, into a prefix of its own: the rst-specs command on the PATH.
      const prefix = join(work, 'global');
      const global = spawnSync(npm, ['install', '--global', '--offline', '--prefix', prefix, tarball], {
        cwd: work,
        env,
        encoding: 'utf8',
      });
      assert.equal(global.status, 0, global.stderr);
      const command = spawnSync(join(prefix, 'bin', 'rst-specs'), ['check', 'specs/'], { cwd: project, env, encoding: 'utf8' });
      assert.equal(
        command.stdout,
        spawnSync(process.execPath, [bundle, 'check', 'specs/'], { cwd: project, env, encoding: 'utf8' }).stdout,
      );
      assert.equal(command.status, 1);

      for (const args of [['check', 'specs/'], ['check', '--format', 'sarif', 'specs/cluster-tags.rst'], ['--version']]) {
        const viaNpx = spawnSync(npx, ['--offline', 'rst-specs', ...args], { cwd: project, env, encoding: 'utf8' });
        const viaRepo = spawnSync(process.execPath, [bundle, ...args], { cwd: project, env, encoding: 'utf8' });
        assert.equal(viaNpx.stdout, viaRepo.stdout, args.join(' '));
        assert.equal(viaNpx.status, viaRepo.status, args.join(' '));
        if (args[0] === 'check' && args[1] === 'specs/') {
          assert.equal(viaNpx.status, 1); // cluster-tags.rst has errors on purpose
          assert.match(viaNpx.stdout, /^specs\/cluster-tags\.rst:\d+:\d+: error /m);
          assert.match(viaNpx.stdout, /in 1 file \(2 checked\)\n$/);
        }
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
