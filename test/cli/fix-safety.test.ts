// --fix never damages a file: bytes that are not UTF-8, an edit made while it runs, the file's
// mode, hard links and owner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, cliFixtures, hasBundle, run, scratch } from './run';

const fixture = (name: string) => readFileSync(join(cliFixtures, 'specs', name), 'utf8');
const LATIN1 = Buffer.concat([Buffer.from(fixture('problems.rst')), Buffer.from('caf\xe9 au lait.\n', 'latin1')]);

test('--fix does not write a file that is not valid UTF-8: one encoding error, exit 2, the bytes kept', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const file = join(dir, 'problems.rst');
    writeFileSync(file, LATIN1);
    const result = run(['check', '--fix', 'problems.rst'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'rst-specs: problems.rst: not valid UTF-8 (line 28, column 4), so the fixes were not made: save it as UTF-8 first\n',
    );
    assert.deepEqual(readFileSync(file), LATIN1);
    const lines = result.stdout.split('\n');
    assert.equal(
      lines[0],
      "problems.rst:28:4: error encoding This file is not valid UTF-8 (byte 0xE9 here): docutils and the specs repos' tests read specs as UTF-8 and fail on it. Save it as UTF-8; it was checked with such bytes read as U+FFFD.",
    );
    assert.equal(lines.filter((line) => line.includes(' encoding ')).length, 1);
    // --fix-dry-run prints no diff that would write U+FFFD either.
    const dry = run(['check', '--fix-dry-run', 'problems.rst'], { cwd: dir });
    assert.equal(dry.code, 2);
    assert.ok(!dry.stdout.includes('--- a/'));
    // Standard input is read as bytes too.
    const stdin = run(['check', '--fix-dry-run', '-', '--stdin-filename', 'problems.rst'], { cwd: dir, readStdin: () => LATIN1 });
    assert.equal(stdin.code, 2);
    assert.equal(
      stdin.stderr,
      'rst-specs: problems.rst: not valid UTF-8 (line 28, column 4), so the fixes were not made: save it as UTF-8 first\n',
    );
    assert.match(stdin.stdout, /^problems\.rst:28:4: error encoding /);
    // Without --fix: exit 1 (the encoding error), and the severity can be set like a rule's.
    assert.equal(run(['check', 'problems.rst'], { cwd: dir }).code, 1);
    const off = run(['check', '--rule', 'encoding=off', '--format', 'json', 'problems.rst'], { cwd: dir });
    assert.ok(!JSON.parse(off.stdout).files[0].diagnostics.some((d: { code: string }) => d.code === 'encoding'));
  } finally {
    cleanup();
  }
});

test('--fix leaves a file that was edited while it was checked, and exits 2 (renamed or written in place)', () => {
  for (const hardLink of [false, true]) {
    const { dir, cleanup } = scratch('specs');
    try {
      const file = join(dir, 'problems.rst');
      if (hardLink) linkSync(file, join(dir, 'other-name.rst.bak'));
      const edited = fixture('problems.rst').replace('healthy.', 'really healthy.');
      // The editor saves right after the check read the file.
      const readFile = (path: string) => {
        const bytes = readFileSync(path);
        writeFileSync(path, edited);
        return bytes;
      };
      const result = run(['check', '--fix', 'problems.rst'], { cwd: dir, readFile });
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        'rst-specs: problems.rst: changed while it was checked, so the fixes were not written: run rst-specs again\n',
      );
      assert.equal(readFileSync(file, 'utf8'), edited);
      assert.deepEqual(
        readdirSync(dir).filter((name) => name.endsWith('.tmp')),
        [],
      );
    } finally {
      cleanup();
    }
  }
});

test('--fix keeps the mode (under umask 022 too), set-group-id and hard links', () => {
  const { dir, cleanup } = scratch('specs');
  const umask = process.umask(0o022);
  try {
    const file = join(dir, 'problems.rst');
    chmodSync(file, 0o664);
    chmodSync(join(dir, 'warnings.rst'), 0o2775);
    linkSync(join(dir, 'warnings.rst'), join(dir, 'linked.txt'));
    run(['check', '--fix', 'problems.rst', 'warnings.rst'], { cwd: dir });
    assert.notEqual(readFileSync(file, 'utf8'), fixture('problems.rst'));
    assert.equal(statSync(file).mode & 0o7777, 0o664);
    const warnings = statSync(join(dir, 'warnings.rst'));
    assert.equal(warnings.mode & 0o7777, 0o2775);
    assert.equal(warnings.nlink, 2);
    assert.equal(statSync(join(dir, 'linked.txt')).ino, warnings.ino);
    assert.equal(readFileSync(join(dir, 'linked.txt'), 'utf8'), fixture('warnings.rst').replace('healthy. \n', 'healthy.\n'));
  } finally {
    process.umask(umask);
    cleanup();
  }
});

// Another user's file in a folder anyone may write, writable by the user running --fix: a new
// file renamed over it would be the runner's. Needs root to set it up (skipped otherwise).
const asNobody = process.getuid?.() === 0 && hasBundle && spawnSync('setpriv', ['--version']).status === 0;

test('--fix keeps the owner of a file it may write but not own', { skip: !asNobody && 'needs root, setpriv and the built CLI' }, () => {
  const { dir, root, cleanup } = scratch('specs');
  try {
    chmodSync(root, 0o777);
    chmodSync(dir, 0o777);
    const file = join(dir, 'problems.rst');
    chownSync(file, 0, 0);
    chmodSync(file, 0o666);
    const result = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bundle, 'check', '--fix', 'problems.rst'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    assert.equal(result.stderr, '');
    // The underline and the trailing space; the missing section stays (fix-all inserts none).
    assert.match(result.stdout, /^Fixed 2 problems in 1 file\.$/m);
    const stat = statSync(file);
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [0, 0, 0o666]);
    assert.notEqual(readFileSync(file, 'utf8'), fixture('problems.rst'));
  } finally {
    cleanup();
  }
});

test('a template that is not valid UTF-8 is refused (exit 2), so that no fix writes its U+FFFD into a spec', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const template = readFileSync(join(dir, 'template.rst'), 'utf8');
    writeFileSync(join(dir, 'template.rst'), Buffer.from(template.replace('Use Cases', 'Use Cas\u00e9s'), 'latin1'));
    const line = template.split('\n').indexOf('Use Cases') + 1;
    const result = run(['check', '--fix', 'problems.rst'], { cwd: dir });
    assert.deepEqual(result, {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
      stderr: `rst-specs: the template ${join(dir, 'template.rst')} is not valid UTF-8 (line ${line}, column 8) (needed by problems.rst)\n`,
    });
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), fixture('problems.rst'));
  } finally {
    cleanup();
  }
});
