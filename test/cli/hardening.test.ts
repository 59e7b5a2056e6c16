// What the CLI prints and ships holds no surprises: control characters from specs are shown, not
// sent; an empty option value is refused; diffs name any file so that patch applies them; stack
// traces do not carry the build machine's path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArguments } from '../../server/src/cli/args';
import { diffName } from '../../server/src/cli/diff';
import { bundle, cliFixtures, hasBundle, run, scratch } from './run';
import { repoRoot } from '../helpers';

const fixture = (name: string) => readFileSync(join(cliFixtures, 'specs', name), 'utf8');

test('text output and stderr show control characters from titles and file names escaped', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    const text = fixture('warnings.rst').replace('Use Cases\n---------\n', 'Use \u001b[2JCases\n---------\n');
    const name = 'evil\r\n::error::x\u202e.rst';
    writeFileSync(join(dir, name), text);
    const result = run(['check', '--rule', 'blueprint-url=off', '--rule', 'line-length=off', name], { cwd: dir });
    assert.equal(result.stdout.split('\n')[0], 'evil\\r\\n::error::x\\u202e.rst:12:47: error trailing-whitespace Trailing whitespace.');
    assert.match(result.stdout, /^evil\\r\\n::error::x\\u202e\.rst:\d+:\d+: \w+ \S+ .*'Use \\x1b\[2JCases'/m);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u202e]/.test(result.stdout + result.stderr), JSON.stringify(result.stdout));
    // stderr: the same for a file name in a message (a multi-line message keeps its indented lines).
    const missing = run(['check', 'gone\u001b]0;title\u0007.rst'], { cwd: dir });
    assert.equal(missing.stderr, 'rst-specs: gone\\x1b]0;title\\x07.rst: no such file or folder\n');
    // The github format escapes them too (after its own %0A for line breaks).
    const github = run(['check', '--format', 'github', '--rule', 'blueprint-url=off', '--rule', 'line-length=off', name], { cwd: dir });
    assert.ok(!/[\u0000-\u001f\u202e]/.test(github.stdout.replace(/\n/g, '')), JSON.stringify(github.stdout));
  } finally {
    cleanup();
  }
});

test('an option given an empty value (--template=) says it needs a value', () => {
  for (const args of [['--template='], ['--config='], ['--stdin-filename=', '-'], ['--template', ''], ['--format=']]) {
    const flag = args[0].replace(/=$/, '');
    assert.deepEqual(parseArguments(['check', ...args, 'specs']), { kind: 'error', message: `${flag} needs a value` });
  }
  assert.deepEqual(run(['check', '--template=', 'specs']), {
    code: 2,
    stdout: '',
    stderr: 'rst-specs: --template needs a value\nRun rst-specs --help for the options.\n',
  });
});

test('--fix-dry-run names files as git does (a tab after a name with a space, C quotes for the rest): patch -p1 applies it', () => {
  assert.equal(diffName('a/', 'specs/my spec.rst'), 'a/specs/my spec.rst\t');
  assert.equal(diffName('b/', 'specs/plain.rst'), 'b/specs/plain.rst');
  assert.equal(diffName('a/', 'q"\\\t\u00e9.rst'), '"a/q\\"\\\\\\t\\303\\251.rst"');
  const { dir, cleanup } = scratch('specs');
  try {
    const names = ['my spec.rst', 'q"uo\\te \u00e9.rst'];
    for (const name of names) writeFileSync(join(dir, name), fixture('warnings.rst'));
    const result = run(['check', '--fix-dry-run', '--rule', 'line-length=off', '--rule', 'blueprint-url=off', ...names], { cwd: dir });
    const diff = result.stdout.slice(0, result.stdout.indexOf('Fixed '));
    assert.equal(
      diff
        .split('\n')
        .filter((line) => /^(---|\+\+\+) /.test(line))
        .join('\n'),
      ['--- a/my spec.rst\t', '+++ b/my spec.rst\t', '--- "a/q\\"uo\\\\te \\303\\251.rst"', '+++ "b/q\\"uo\\\\te \\303\\251.rst"'].join(
        '\n',
      ),
    );
    const patched = spawnSync('patch', ['-p1', '--no-backup-if-mismatch', '-s'], { cwd: dir, input: diff, encoding: 'utf8' });
    if (!patched.error) {
      assert.equal(patched.status, 0, patched.stderr + patched.stdout);
      for (const name of names)
        assert.equal(readFileSync(join(dir, name), 'utf8'), fixture('warnings.rst').replace('healthy. \n', 'healthy.\n'));
    }
  } finally {
    cleanup();
  }
});

test(
  'the shipped CLI code cache holds no path of the build machine, and stack traces of a copy show none',
  { skip: !hasBundle && 'not built' },
  () => {
    const out = dirname(bundle);
    assert.ok(!readFileSync(join(out, 'cli-main.cache')).includes(Buffer.from(repoRoot)));
    const copy = mkdtempSync(join(tmpdir(), 'rst-specs-installed-'));
    try {
      cpSync(out, join(copy, 'out'), { recursive: true });
      // A stack taken inside the bundle (its JSON report), as an unexpected error would print it.
      const preload = join(copy, 'stack.cjs');
      writeFileSync(
        preload,
        `const stringify = JSON.stringify; let shown = false;
JSON.stringify = function (...args) { if (!shown) { shown = true; process.stderr.write(new Error('probe').stack); } return stringify.apply(this, args); };`,
      );
      const result = spawnSync(
        process.execPath,
        ['--require', preload, join(copy, 'out', 'cli.js'), 'check', '--format', 'json', 'specs/clean.rst'],
        {
          cwd: cliFixtures,
          encoding: 'utf8',
        },
      );
      assert.match(result.stderr, /\n {4}at \S+ \(cli-main\.js:\d+:\d+\)/);
      assert.ok(!result.stderr.includes(repoRoot), result.stderr);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  },
);
