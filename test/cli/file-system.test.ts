// What the CLI reads: only regular files up to 20 MB, config files and templates inside the
// repository (real paths), each real file once; every file-system problem is one line naming the
// path and the reason, exit 2, and the other files are still checked and reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forgetConfig } from '../../server/src/config';
import { bundle, hasBundle, run, scratch } from './run';

const checked = (stdout: string) => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((file) => file.path);
const summary = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

/** A scratch repository (with .git) holding a copy of the fixture specs in specs/. */
function repository(): { root: string; specs: string; cleanup: () => void } {
  const { dir, root, cleanup } = scratch('specs');
  forgetConfig();
  return { root, specs: dir, cleanup };
}

test('a link in a loop is one line and exit 2; the other specs are still checked and reported', () => {
  const { root, specs, cleanup } = repository();
  try {
    symlinkSync('self.rst', join(specs, 'self.rst'));
    const result = run(['check', '--format', 'json', 'specs'], { cwd: root });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'rst-specs: specs/self.rst: cannot be read: a loop of symbolic links\n');
    assert.deepEqual(checked(result.stdout), ['specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst']);
    const named = run(['check', 'specs/self.rst', 'specs/clean.rst'], { cwd: root });
    assert.deepEqual(named, {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (1 checked)\n',
      stderr: 'rst-specs: specs/self.rst: cannot be read: a loop of symbolic links\n',
    });
  } finally {
    cleanup();
  }
});

test('a link to a folder above it is walked once, by a glob and by a folder', () => {
  const { root, specs, cleanup } = repository();
  try {
    symlinkSync('.', join(specs, 'again'));
    for (const input of ['specs/**/*.rst', 'specs']) {
      const result = run(['check', '--format', 'json', input], { cwd: root });
      assert.equal(result.stderr, '', input);
      assert.deepEqual(checked(result.stdout), ['specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst'], input);
    }
  } finally {
    cleanup();
  }
});

test('only regular files up to 20 MB are read: a link to /dev/zero, named or matched, and a 21 MB spec are one line each', () => {
  const { root, specs, cleanup } = repository();
  try {
    symlinkSync('/dev/zero', join(specs, 'zero.rst'));
    writeFileSync(join(specs, 'big.rst'), '');
    truncateSync(join(specs, 'big.rst'), 21 * 1024 * 1024);
    const device = 'not a regular file (a device, pipe or socket), so it was not read';
    assert.deepEqual(run(['check', 'specs/zero.rst', 'specs/big.rst', 'specs/clean.rst'], { cwd: root }), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (1 checked)\n',
      stderr: `rst-specs: specs/zero.rst: cannot be read: ${device}\nrst-specs: specs/big.rst: cannot be read: larger than 20 MB (21.0 MB), so it was not read\n`,
    });
    const globbed = run(['check', '--format', 'json', 'specs/*.rst'], { cwd: root });
    assert.equal(globbed.code, 2);
    assert.equal(
      globbed.stderr,
      `rst-specs: specs/zero.rst: cannot be read: ${device}\nrst-specs: specs/big.rst: cannot be read: larger than 20 MB (21.0 MB), so it was not read\n`,
    );
    assert.deepEqual(checked(globbed.stdout), ['specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst']);
  } finally {
    cleanup();
  }
});

test('globs as picomatch reads them: braces with wildcards, character classes, and slashless globs by file name only', () => {
  const { root, specs, cleanup } = repository();
  try {
    mkdirSync(join(specs, 'newton', 'approved'), { recursive: true });
    mkdirSync(join(specs, 'pike', 'approved'), { recursive: true });
    const spec = readFileSync(join(specs, 'clean.rst'), 'utf8');
    for (const file of ['newton/approved/n.rst', 'pike/approved/p.rst', 'x.rst', 'xa.rst', 'a-draft.rst'])
      writeFileSync(join(specs, file), spec);
    const files = (...args: string[]) => checked(run(['check', '--format', 'json', ...args], { cwd: root }).stdout);
    assert.deepEqual(files('specs/**/{*,y}.rst'), [
      'specs/a-draft.rst',
      'specs/clean.rst',
      'specs/newton/approved/n.rst',
      'specs/pike/approved/p.rst',
      'specs/problems.rst',
      'specs/warnings.rst',
      'specs/x.rst',
      'specs/xa.rst',
    ]);
    assert.deepEqual(files('specs/{x?,y}.rst'), ['specs/xa.rst']);
    assert.deepEqual(files('specs/[mn]*/approved/*.rst'), ['specs/newton/approved/n.rst']);
    writeFileSync(join(root, '.rst-specs.json'), '{ "exclude": ["**/{index,*-draft}.rst", "x.rst", "newton/*.rst"] }');
    // `x.rst` has no slash: any file of that name; `newton/*.rst` has one: only from the config's folder.
    assert.deepEqual(files('specs'), [
      'specs/clean.rst',
      'specs/newton/approved/n.rst',
      'specs/pike/approved/p.rst',
      'specs/problems.rst',
      'specs/warnings.rst',
      'specs/xa.rst',
    ]);
  } finally {
    cleanup();
  }
});

test("config files: a link out of the repository, a link in a loop, 5,000 levels deep: one message each, never the file's text", () => {
  const outside = scratch();
  const { root, cleanup } = repository();
  try {
    writeFileSync(join(outside.root, 'secret.json'), 'SECRET_TOKEN=abcdefghijklmnopqrstuvwxyz\n');
    const config = join(root, '.rst-specs.json');
    const cases: [() => void, string][] = [
      [
        () => symlinkSync(join(outside.root, 'secret.json'), config),
        `.rst-specs.json:1:1: cannot be read: it is a link to a file outside ${root}, so it was not read`,
      ],
      [() => symlinkSync('.rst-specs.json', config), '.rst-specs.json:1:1: cannot be read: a loop of symbolic links'],
      [
        () => writeFileSync(config, `{ "include": ${'['.repeat(5000)}`),
        '.rst-specs.json:1:77: not valid JSON: values are nested more than 64 levels deep',
      ],
    ];
    for (const [make, message] of cases) {
      make();
      forgetConfig();
      assert.deepEqual(run(['check', 'specs/clean.rst'], { cwd: root }), {
        code: 2,
        stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
        stderr: `rst-specs: the config file .rst-specs.json cannot be used:\n  ${message}\n`,
      });
      spawnSync('rm', ['-f', config]);
    }
    // A file that is a config candidate but not JSON: the offending token only.
    writeFileSync(config, 'SECRET_TOKEN=abcdefghijklmnopqrstuvwxyz\n');
    forgetConfig();
    assert.equal(
      run(['check', 'specs/clean.rst'], { cwd: root }).stderr,
      "rst-specs: the config file .rst-specs.json cannot be used:\n  .rst-specs.json:1:1: not valid JSON: expected a value, found 'SECRET_TOKEN'\n",
    );
  } finally {
    cleanup();
    outside.cleanup();
  }
});

test('a template named by a config file must be inside the repository; one named by --template may be anywhere', () => {
  const outside = scratch('specs');
  const { root, cleanup } = repository();
  try {
    const template = join(outside.dir, 'template.rst');
    writeFileSync(join(root, '.rst-specs.json'), JSON.stringify({ template }));
    forgetConfig();
    assert.deepEqual(run(['check', 'specs/clean.rst'], { cwd: root }), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
      stderr: `rst-specs: the template ${template} is outside the repository (.), so it was not read (needed by specs/clean.rst)\n`,
    });
    assert.equal(
      summary(run(['check', '--template', template, 'specs/clean.rst'], { cwd: root }).stdout),
      '0 errors, 0 warnings in 0 files (1 checked)',
    );
    // A template.rst that lookup finds but that links out of the repository is not read either.
    writeFileSync(join(root, '.rst-specs.json'), '{}');
    spawnSync('rm', [join(root, 'specs', 'template.rst')]);
    symlinkSync(template, join(root, 'specs', 'template.rst'));
    forgetConfig();
    assert.equal(
      run(['check', 'specs/clean.rst'], { cwd: root }).stderr,
      `rst-specs: the template specs/template.rst is outside the repository (.), so it was not read (needed by specs/clean.rst)\n`,
    );
  } finally {
    cleanup();
    outside.cleanup();
  }
});

test('each real file once: specs reached through a linked folder (nova-specs doc/source/specs) count once, under specs/', () => {
  const { root, specs, cleanup } = repository();
  try {
    mkdirSync(join(specs, '2023.1', 'approved'), { recursive: true });
    writeFileSync(join(specs, '2023.1', 'approved', 'a.rst'), readFileSync(join(specs, 'clean.rst')));
    mkdirSync(join(root, 'doc', 'source', 'specs', '2023.1'), { recursive: true });
    symlinkSync('../../../../specs/2023.1/approved', join(root, 'doc', 'source', 'specs', '2023.1', 'approved'));
    const expected = ['specs/2023.1/approved/a.rst', 'specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst'];
    assert.deepEqual(checked(run(['check', '--format', 'json'], { cwd: root }).stdout), expected);
    assert.deepEqual(checked(run(['check', '--format', 'json', '**/*.rst'], { cwd: root }).stdout), expected);
    assert.deepEqual(
      checked(
        run(['check', '--format', 'json', 'doc/source/specs/2023.1/approved/a.rst', 'specs/2023.1/approved/a.rst'], { cwd: root }).stdout,
      ),
      ['specs/2023.1/approved/a.rst'],
    );
  } finally {
    cleanup();
  }
});

// Root reads any folder: as root, the CLI runs as nobody (setpriv), so CI, which runs as root, runs it too.
const isRoot = process.getuid?.() === 0;
const asNobody = isRoot && hasBundle && spawnSync('setpriv', ['--version']).status === 0;

test(
  'an unreadable folder is named, exit 2, and the rest is checked',
  { skip: isRoot && !asNobody && 'root reads any folder (and no setpriv or built CLI to run as nobody)' },
  () => {
    const { root, specs, cleanup } = repository();
    try {
      mkdirSync(join(specs, 'locked'));
      writeFileSync(join(specs, 'locked', 'a.rst'), readFileSync(join(specs, 'problems.rst')));
      chmodSync(join(specs, 'locked'), 0o000);
      let result: { code: number; stdout: string; stderr: string };
      if (asNobody) {
        chmodSync(root, 0o755);
        const spawned = spawnSync(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bundle, 'check', '--format', 'json', 'specs'],
          {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
          },
        );
        result = { code: spawned.status ?? -1, stdout: spawned.stdout, stderr: spawned.stderr };
      } else {
        result = run(['check', '--format', 'json', 'specs'], { cwd: root });
      }
      chmodSync(join(specs, 'locked'), 0o755);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'rst-specs: specs/locked: cannot be read: permission denied\n');
      assert.deepEqual(checked(result.stdout), ['specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst']);
    } finally {
      cleanup();
    }
  },
);

test('output into a pipe that closes early (| head -1): no stack trace', { skip: !hasBundle && 'npm run build first' }, () => {
  const { root, specs, cleanup } = repository();
  try {
    writeFileSync(join(specs, 'many.rst'), 'Title\n=====\n\n' + 'trailing \n'.repeat(20_000));
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bundle}" check specs/many.rst | head -1`], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^specs\/many\.rst:1:1: /);
  } finally {
    cleanup();
  }
});
