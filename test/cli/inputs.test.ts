import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forgetConfig } from '../../server/src/config';
import { cliFixtures, run, scratch } from './run';

const clean = readFileSync(join(cliFixtures, 'specs', 'clean.rst'), 'utf8');
const summary = (stdout: string) => stdout.trimEnd().split('\n').at(-1);
const checked = (stdout: string) => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((file) => file.path);

test('no path: the current folder, recursing into the specs the include globs select', () => {
  const { stdout, code } = run(['check', '--format', 'json']);
  assert.equal(code, 1);
  // index.rst (excluded), template.rst and docs/spec-template.rst (templates) are left out; drafts/ is
  // selected by configured/.rst-specs.jsonc, whose globs are relative to its folder.
  assert.deepEqual(checked(stdout), [
    'configured/drafts/draft.rst',
    'configured/specs/wide.rst',
    'specs/clean.rst',
    'specs/problems.rst',
    'specs/warnings.rst',
  ]);
  assert.deepEqual(checked(run(['check', '--format', 'json'], { cwd: join(cliFixtures, 'specs') }).stdout), [
    'clean.rst',
    'problems.rst',
    'warnings.rst',
  ]);
});

test('globs, files and folders together, each file once, in the order given', () => {
  const { stdout } = run([
    'check',
    '--format',
    'json',
    'specs/w*.rst',
    './specs/clean.rst',
    'specs',
    '{configured/specs,configured/drafts}/*.rst',
  ]);
  // A glob's matches come in path order, like a folder's.
  assert.deepEqual(checked(stdout), [
    'specs/warnings.rst',
    'specs/clean.rst',
    'specs/problems.rst',
    'configured/drafts/draft.rst',
    'configured/specs/wide.rst',
  ]);
  assert.deepEqual(checked(run(['check', '--format', 'json', '**/*.rst']).stdout), [
    'configured/drafts/draft.rst',
    'configured/specs/wide.rst',
    'specs/clean.rst',
    'specs/problems.rst',
    'specs/warnings.rst',
  ]);
  assert.deepEqual(checked(run(['check', '--format', 'json', `${cliFixtures}/specs/c*.rst`]).stdout), ['specs/clean.rst']);
});

test('a named template or excluded file is skipped with a note (not with --quiet); a named non-spec is checked', () => {
  assert.deepEqual(run(['check', 'specs/template.rst', 'specs/index.rst', 'specs/clean.rst']), {
    code: 0,
    stdout: '0 errors, 0 warnings in 0 files (1 checked)\n',
    stderr:
      'rst-specs: specs/template.rst: skipped: it is a template, not a spec\nrst-specs: specs/index.rst: skipped: an exclude glob matches it\n',
  });
  assert.equal(run(['check', '-q', 'specs/index.rst']).stderr, '');
  // Folders use the include globs, named files do not: configured/drafts is a spec only by its config.
  assert.equal(
    summary(run(['check', 'configured/drafts/draft.rst', '--config', 'specs/../configured/.rst-specs.jsonc']).stdout),
    '1 error, 0 warnings in 1 file (1 checked)',
  );
});

test('standard input: - with --stdin-filename for the template and config lookup, else the bundled template', () => {
  const spec = readFileSync(join(cliFixtures, 'specs', 'warnings.rst'), 'utf8');
  assert.deepEqual(run(['check', '-', '--stdin-filename', 'specs/warnings.rst'], { stdin: spec }), {
    code: 1,
    stdout:
      'specs/warnings.rst:12:47: error trailing-whitespace Trailing whitespace.\nspecs/warnings.rst:17:80: error line-length Line is 84 characters long; the maximum is 79.\n\n2 errors, 0 warnings in 1 file (1 checked)\n',
    stderr: '',
  });
  // Under configured/, its config applies: lines up to 100 and no trailing-whitespace rule.
  assert.equal(
    run(['check', '-', '--stdin-filename', 'configured/specs/warnings.rst'], { stdin: spec }).stdout,
    '0 errors, 0 warnings in 0 files (1 checked)\n',
  );
  const bundled = run(['check', '-'], { stdin: clean });
  assert.equal(bundled.code, 1);
  assert.match(bundled.stdout, /^<stdin>:\d+:1: error missing-section Missing section 'Data model impact'/m);
  assert.equal(
    run(['check', '-', '--template', 'specs/template.rst'], { stdin: clean }).stdout,
    '0 errors, 0 warnings in 0 files (1 checked)\n',
  );
});

test('--template and --config override what would be found', () => {
  const withBundled = run(['check', '--template', '../../../server/templates/senlin-spec-template.rst', 'specs/clean.rst']);
  assert.equal(withBundled.code, 1);
  assert.match(withBundled.stdout, /missing-section Missing section 'Data model impact'/);
  assert.equal(summary(run(['check', 'configured/specs/wide.rst']).stdout), '0 errors, 0 warnings in 0 files (1 checked)');
  assert.equal(
    summary(run(['check', '--max-line-length', '79', 'configured/specs/wide.rst']).stdout),
    '1 error, 0 warnings in 1 file (1 checked)',
  );
  assert.equal(
    summary(run(['check', '--rule', 'trailing-whitespace=warning', 'configured/specs/wide.rst']).stdout),
    '0 errors, 1 warning in 1 file (1 checked)',
  );
  const { dir, cleanup } = scratch();
  try {
    writeFileSync(join(dir, 'strict.json'), '{ "maxLineLength": 40, "rules": { "line-length": "error" } }');
    const strict = run(['check', '--config', join(dir, 'strict.json'), '--rule', 'trailing-whitespace=off', 'configured/specs/wide.rst']);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /configured\/specs\/wide\.rst:1\d:41: error line-length Line is \d+ characters long; the maximum is 40\./);
    assert.doesNotMatch(strict.stdout, /trailing-whitespace/);
  } finally {
    cleanup();
  }
});

test('bad input: a binary file is one error diagnostic, and the other files are still checked', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    writeFileSync(join(dir, 'binary.rst'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    assert.deepEqual(run(['check', 'binary.rst', 'clean.rst'], { cwd: dir }), {
      code: 1,
      stdout:
        'binary.rst:1:1: error binary-file This file holds NUL bytes: a binary file, not checked.\n\n1 error, 0 warnings in 1 file (2 checked)\n',
      stderr: '',
    });
    // Its severity is a setting like a rule's.
    assert.equal(run(['check', '--rule', 'binary-file=warning', 'binary.rst'], { cwd: dir }).code, 0);
    assert.equal(
      run(['check', '--rule', 'binary-file=off', 'binary.rst'], { cwd: dir }).stdout,
      '0 errors, 0 warnings in 0 files (1 checked)\n',
    );
  } finally {
    cleanup();
  }
});

test('bad input: a missing path, a folder without specs, a glob matching nothing: a message each, exit 2, the rest checked', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'notes.txt'), 'not a spec');
    writeFileSync(join(dir, 'empty', 'index.rst'), 'Index\n=====\n');
    assert.deepEqual(run(['check', 'nope.rst', 'empty', '*.md', 'clean.rst'], { cwd: dir }), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (1 checked)\n',
      stderr:
        'rst-specs: nope.rst: no such file or folder\n' +
        'rst-specs: empty: no specs found (no .rst file below it is selected by the include globs, except templates and excluded files)\n' +
        'rst-specs: *.md: no file matches this pattern\n',
    });
    assert.deepEqual(run(['check'], { cwd: join(dir, 'empty') }), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
      stderr:
        'rst-specs: the current folder: no specs found (no .rst file below it is selected by the include globs, except templates and excluded files)\n',
    });
  } finally {
    cleanup();
  }
});

test(
  'bad input: an unreadable file is a message and exit 2; the others are checked',
  { skip: process.getuid?.() === 0 ? 'root reads any file' : false },
  () => {
    const { dir, cleanup } = scratch('specs');
    try {
      chmodSync(join(dir, 'warnings.rst'), 0o000);
      const result = run(['check', 'warnings.rst', 'clean.rst'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'rst-specs: warnings.rst: cannot be read: permission denied\n');
      assert.equal(result.stdout, '0 errors, 0 warnings in 0 files (1 checked)\n');
    } finally {
      cleanup();
    }
  },
);

test('bad input: a file that cannot be read (as the reader reports it) is a message and exit 2', () => {
  const readFile = (filePath: string) => {
    if (filePath.endsWith('warnings.rst')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    return readFileSync(filePath);
  };
  assert.deepEqual(run(['check', 'specs/warnings.rst', 'specs/clean.rst'], { readFile }), {
    code: 2,
    stdout: '0 errors, 0 warnings in 0 files (1 checked)\n',
    stderr: 'rst-specs: specs/warnings.rst: cannot be read: input/output error\n',
  });
});

test('a glob skips folders whose names end in .rst', () => {
  const { dir, cleanup } = scratch('specs');
  try {
    mkdirSync(join(dir, 'dir.rst'));
    assert.deepEqual(checked(run(['check', '--format', 'json', '*.rst'], { cwd: dir }).stdout), [
      'clean.rst',
      'problems.rst',
      'warnings.rst',
    ]);
  } finally {
    cleanup();
  }
});

test('an invalid config: each problem with its line and column, exit 2, and no file under it checked', () => {
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(join(dir, 'specs'));
    writeFileSync(join(dir, 'specs', 'clean.rst'), clean);
    writeFileSync(join(dir, 'specs', 'template.rst'), readFileSync(join(cliFixtures, 'specs', 'template.rst')));
    writeFileSync(join(dir, '.rst-specs.json'), '{\n  "maxLineLength": "wide",\n  "rulez": {}\n}\n');
    forgetConfig();
    assert.deepEqual(run(['check', 'specs'], { cwd: dir }), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
      stderr:
        'rst-specs: the config file .rst-specs.json cannot be used:\n' +
        '  .rst-specs.json:2:20: "maxLineLength" must be a positive whole number\n' +
        '  .rst-specs.json:3:3: unknown setting "rulez"; did you mean "rules"? (known: template, include, exclude, maxLineLength, rules, optionalSections, rest, directives, roles)\n',
    });
    writeFileSync(join(dir, 'broken.json'), '{ "rules": { "tab": "off" ');
    assert.deepEqual(run(['check', '--config', 'broken.json', 'specs'], { cwd: dir }), {
      code: 2,
      stdout: '',
      stderr:
        "rst-specs: the config file broken.json cannot be used:\n  broken.json:1:27: not valid JSON: expected ',' or '}' after the value of \"tab\", found the end of the file\n",
    });
    assert.deepEqual(run(['check', '--config', 'missing.json', 'specs'], { cwd: dir }), {
      code: 2,
      stdout: '',
      stderr: 'rst-specs: the config file missing.json cannot be used:\n  missing.json:1:1: cannot be read: no such file\n',
    });
  } finally {
    cleanup();
  }
});

test('a template that is not rST: which template and why, exit 2; specs with another template are still checked', () => {
  const { dir, cleanup } = scratch();
  try {
    mkdirSync(join(dir, 'specs', 'pike'), { recursive: true });
    mkdirSync(join(dir, 'specs', 'queens'), { recursive: true });
    writeFileSync(join(dir, 'specs', 'pike', 'a.rst'), clean);
    writeFileSync(join(dir, 'specs', 'pike', 'b.rst'), clean);
    writeFileSync(join(dir, 'specs', 'queens', 'c.rst'), clean);
    writeFileSync(join(dir, 'specs', 'pike-template.rst'), 'Just a line of prose, with no section at all.\n');
    writeFileSync(join(dir, 'specs', 'queens-template.rst'), readFileSync(join(cliFixtures, 'specs', 'template.rst')));
    const result = run(['check', 'specs'], { cwd: dir });
    assert.deepEqual(result, {
      code: 2,
      stdout:
        "specs/queens/c.rst:5:1: warning blueprint-url The file name 'c.rst' doesn't match the blueprint 'clean': name the file 'clean.rst'.\n\n0 errors, 1 warning in 1 file (1 checked)\n",
      stderr: `rst-specs: the template ${dir}/specs/pike-template.rst has no sections (needed by specs/pike/a.rst)\n`,
    });
    writeFileSync(join(dir, 'binary-template.rst'), Buffer.from([0x00, 0x01, 0x02]));
    assert.deepEqual(run(['check', '--template', 'binary-template.rst', 'specs/queens/c.rst'], { cwd: dir }), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
      stderr: `rst-specs: the template ${dir}/binary-template.rst is a binary file, not reStructuredText (needed by specs/queens/c.rst)\n`,
    });
    assert.deepEqual(
      run(['check', '--template', 'nope.rst', 'specs/queens/c.rst'], { cwd: dir }).stderr,
      `rst-specs: the template ${dir}/nope.rst does not exist or cannot be read (needed by specs/queens/c.rst)\n`,
    );
  } finally {
    cleanup();
  }
});
