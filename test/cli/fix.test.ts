import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSafely } from '../../server/src/cli/fix';
import { cliFixtures, run, scratch } from './run';

const fixture = (name: string) => readFileSync(join(cliFixtures, 'specs', name), 'utf8');

const FIXED_PROBLEMS = fixture('problems.rst')
  .replace('healthy. \n', 'healthy.\n')
  .replace('Use Cases\n-------\n', 'Use Cases\n---------\n');

// The missing section stays missing: inserting sections is no fix-all fix (it adds content).
const REMAINING = `problems.rst:17:80: error line-length Line is 89 characters long; the maximum is 79.
problems.rst:19:1: error missing-section Missing section 'Alternatives': the template puts it first in 'Proposed change'.

warnings.rst:17:80: error line-length Line is 84 characters long; the maximum is 79.

`;

test('--fix: applies the safe fixes in place, then reports what remains', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const cleanBefore = statSync(join(dir, 'clean.rst')).mtimeMs;
    assert.deepEqual(run(['check', '--fix', '.'], { cwd: dir }), {
      code: 1,
      stdout: `${REMAINING}Fixed 3 problems in 2 files.
3 errors, 0 warnings in 2 files (3 checked)
`,
      stderr: '',
    });
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), FIXED_PROBLEMS);
    assert.equal(readFileSync(join(dir, 'warnings.rst'), 'utf8'), fixture('warnings.rst').replace('healthy. \n', 'healthy.\n'));
    assert.equal(statSync(join(dir, 'clean.rst')).mtimeMs, cleanBefore);
    // Nothing left to fix: nothing written, no "Fixed" line.
    const writes: string[] = [];
    assert.deepEqual(run(['check', '--fix', '.'], { cwd: dir, writeFile: (file) => writes.push(file) }), {
      code: 1,
      stdout: `${REMAINING}3 errors, 0 warnings in 2 files (3 checked)
`,
      stderr: '',
    });
    assert.deepEqual(writes, []);
    const json = JSON.parse(run(['check', '--fix', '--format', 'json', 'warnings.rst'], { cwd: dir }).stdout);
    assert.deepEqual(json.summary, { errors: 1, warnings: 0, filesWithProblems: 1, checked: 1, fixed: 0 });
    assert.equal(json.files[0].fixed, 0);
  } finally {
    cleanup();
  }
});

test('--fix never writes a file without a change: clean specs, unfixable problems, rules turned off', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const writes: string[] = [];
    const writeFile = (file: string) => writes.push(file);
    run(['check', '--fix', 'clean.rst'], { cwd: dir, writeFile });
    run(['check', '--fix', '--rule', 'trailing-whitespace=off', 'warnings.rst'], { cwd: dir, writeFile });
    run(
      [
        'check',
        '--fix',
        '--rule',
        'title-underline=off',
        '--rule',
        'missing-section=off',
        '--rule',
        'trailing-whitespace=off',
        'problems.rst',
      ],
      { cwd: dir, writeFile },
    );
    assert.deepEqual(writes, []);
  } finally {
    cleanup();
  }
});

test('--fix: a file that cannot be written is left untouched, and the run says so and exits 2', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const writeFile = (file: string, text: string) => {
      if (file.endsWith('problems.rst')) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      writeFileSync(file, text);
    };
    const result = run(['check', '--fix', 'problems.rst', 'warnings.rst'], { cwd: dir, writeFile });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'rst-specs: problems.rst: the fixes could not be written (read-only file system); the file is unchanged\n');
    // The report is of the file as it is, unfixed.
    assert.equal(result.stdout.split('\n').filter((line) => line.startsWith('problems.rst')).length, 4);
    assert.match(result.stdout, /^Fixed 1 problem in 1 file\.$/m);
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), fixture('problems.rst'));
    assert.notEqual(readFileSync(join(dir, 'warnings.rst'), 'utf8'), fixture('warnings.rst'));

    // A real read-only file (refused even to root), through the default writer.
    chmodSync(join(dir, 'problems.rst'), 0o444);
    const readOnly = run(['check', '--fix', 'problems.rst'], { cwd: dir });
    assert.equal(readOnly.code, 2);
    assert.equal(readOnly.stderr, 'rst-specs: problems.rst: the fixes could not be written (permission denied); the file is unchanged\n');
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), fixture('problems.rst'));
  } finally {
    cleanup();
  }
});

test('--fix keeps the BOM and CRLF line endings (CRLF becomes LF only through the carriage-return fix)', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const crlf = '\uFEFF' + fixture('problems.rst').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'problems.rst'), crlf);
    run(['check', '--fix', '--rule', 'carriage-return=off', 'problems.rst'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), '\uFEFF' + FIXED_PROBLEMS.replace(/\n/g, '\r\n'));

    writeFileSync(join(dir, 'problems.rst'), crlf);
    const result = run(['check', '--fix', 'problems.rst'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), '\uFEFF' + FIXED_PROBLEMS);
    assert.match(result.stdout, /^Fixed 3 problems in 1 file\.$/m);
  } finally {
    cleanup();
  }
});

test('--fix-dry-run: a unified diff that patch applies, then the report of what would remain; no file written', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const writes: string[] = [];
    const result = run(['check', '--fix-dry-run', '.'], { cwd: dir, writeFile: (file) => writes.push(file) });
    assert.deepEqual(writes, []);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      `--- a/problems.rst
+++ b/problems.rst
@@ -9,10 +9,10 @@
 Problem description
 ===================
 
-Operators cannot tell which nodes are healthy. 
+Operators cannot tell which nodes are healthy.
 
 Use Cases
--------
+---------
 
 An operator lists the nodes of a cluster with their health, filtered by "state" & <role>.
 
--- a/warnings.rst
+++ b/warnings.rst
@@ -9,7 +9,7 @@
 Problem description
 ===================
 
-Operators cannot tell which nodes are healthy. 
+Operators cannot tell which nodes are healthy.
 
 Use Cases
 ---------
${REMAINING}3 errors, 0 warnings in 2 files (3 checked)
Would fix 3 problems in 2 files.
`,
    );
    assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), fixture('problems.rst'));
    const diff = result.stdout.slice(0, result.stdout.indexOf(REMAINING));
    const patched = spawnSync('patch', ['-p1', '--no-backup-if-mismatch', '-s'], { cwd: dir, input: diff, encoding: 'utf8' });
    if (!patched.error) {
      assert.equal(patched.status, 0, patched.stderr + patched.stdout);
      assert.equal(readFileSync(join(dir, 'problems.rst'), 'utf8'), FIXED_PROBLEMS);
    }
    // Standard input: the diff names the --stdin-filename.
    const stdin = run(['check', '--fix-dry-run', '-', '--stdin-filename', 'warnings.rst'], { cwd: dir, stdin: fixture('warnings.rst') });
    assert.match(stdin.stdout, /^--- a\/warnings.rst\n\+\+\+ b\/warnings.rst\n@@ -9,7 \+9,7 @@\n/);
  } finally {
    cleanup();
  }
});

test('writeFileSafely: keeps the mode, writes through a symbolic link, refuses a read-only file', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const file = join(dir, 'clean.rst');
    chmodSync(file, 0o640);
    writeFileSafely(file, 'new text\n');
    assert.equal(readFileSync(file, 'utf8'), 'new text\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    symlinkSync('clean.rst', join(dir, 'link.rst'));
    writeFileSafely(join(dir, 'link.rst'), 'through the link\n');
    assert.ok(lstatSync(join(dir, 'link.rst')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'link.rst')), 'clean.rst');
    assert.equal(readFileSync(file, 'utf8'), 'through the link\n');
    chmodSync(file, 0o444);
    assert.throws(() => writeFileSafely(file, 'no\n'), { code: 'EACCES' });
    assert.equal(readFileSync(file, 'utf8'), 'through the link\n');
  } finally {
    cleanup();
  }
});
