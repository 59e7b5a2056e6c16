import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArguments, USAGE } from '../../server/src/cli/args';
import { cliVersion } from '../../server/src/cli/version';
import { NON_RULE_CODES } from '../../server/src/diagnostic-codes';
import { ruleById } from '../../server/src/rules';
import { run } from './run';

const usageError = (message: string) => ({ code: 2, stdout: '', stderr: `rst-specs: ${message}\nRun rst-specs --help for the options.\n` });

test('--help and --version print to stdout and exit 0, with or without the command', () => {
  assert.deepEqual(run(['--help']), { code: 0, stdout: `${USAGE}\n`, stderr: '' });
  assert.deepEqual(run(['check', '-h']), { code: 0, stdout: `${USAGE}\n`, stderr: '' });
  assert.match(cliVersion(), /^\d+\.\d+\.\d+/);
  assert.deepEqual(run(['--version']), { code: 0, stdout: `${cliVersion()}\n`, stderr: '' });
  assert.deepEqual(run(['check', '-v']), { code: 0, stdout: `${cliVersion()}\n`, stderr: '' });
  for (const option of [
    '--template',
    '--config',
    '--format',
    '--max-line-length',
    '--rule',
    '--max-warnings',
    '--fix',
    '--fix-dry-run',
    '--quiet',
    '--color',
    '--no-color',
    '--stdin-filename',
    '--version',
    '--help',
  ]) {
    assert.ok(USAGE.includes(option), option);
  }
});

test('bad usage: a message saying what is wrong, and exit 2', () => {
  const cases: [string[], string][] = [
    [[], 'no command given (did you mean rst-specs check?)'],
    [['lint', 'specs'], "unknown command 'lint'"],
    [['--fix', 'specs'], 'the command comes first: rst-specs check --fix specs'],
    [['check', '--frobnicate'], "unknown option '--frobnicate'"],
    [['check', '--format'], '--format needs a value'],
    [['check', '--format', 'xml'], "--format must be one of text, json, sarif, github, junit, not 'xml'"],
    [['check', '--template', '--quiet'], '--template needs a value'],
    [['check', '--max-line-length', '0'], "--max-line-length must be a positive whole number, not '0'"],
    [['check', '--max-line-length=wide'], "--max-line-length must be a positive whole number, not 'wide'"],
    [['check', '--jobs', '0'], "--jobs must be a positive whole number, not '0'"],
    [['check', '--max-warnings', '-1'], "--max-warnings must be a whole number (0 or more), not '-1'"],
    [['check', '--rule', 'line-length'], "--rule takes ID=SEVERITY, like --rule line-length=off, not 'line-length'"],
    [
      ['check', '--rule', 'line-length=loud'],
      "--rule line-length: the severity must be error, warning, information, hint or off, not 'loud'",
    ],
    [['check', '--quiet=yes'], '--quiet takes no value'],
    [['check', '--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together'],
    [['check', '--fix-dry-run', '--format', 'json'], '--fix-dry-run prints a diff, which a json report cannot hold: use --format text'],
    [['check', '-', '-'], "'-' (standard input) can be given once"],
    [['check', '--fix', '-'], '--fix cannot write to standard input: use --fix-dry-run to see the fixes'],
    [['check', '--stdin-filename', 'x.rst', 'specs'], "--stdin-filename needs '-' among the paths"],
  ];
  for (const [args, message] of cases) assert.deepEqual(run(args), usageError(message), args.join(' '));
  const unknownRule = run(['check', '--rule', 'no-such-rule=off']);
  assert.equal(unknownRule.code, 2);
  assert.equal(
    unknownRule.stderr,
    `rst-specs: --rule: unknown rule 'no-such-rule' (rules: ${[...ruleById.keys(), ...NON_RULE_CODES].join(', ')})\nRun rst-specs --help for the options.\n`,
  );
});

test('options: values inline or after the flag, repeatable rules, -- ends the options', () => {
  assert.deepEqual(
    parseArguments([
      'check',
      '--format=sarif',
      '--rule',
      'tab=off',
      '--rule=tab=error',
      '--rule',
      'line-length=hint',
      '-q',
      '--no-color',
      '--max-warnings',
      '3',
      '--',
      '--odd-name.rst',
      '-',
    ]),
    {
      kind: 'check',
      options: {
        paths: ['--odd-name.rst', '-'],
        template: undefined,
        config: undefined,
        format: 'sarif',
        maxLineLength: undefined,
        rules: { tab: 'error', 'line-length': 'hint' },
        maxWarnings: 3,
        fix: false,
        fixDryRun: false,
        quiet: true,
        color: false,
        stdinFilename: undefined,
        jobs: undefined,
      },
    },
  );
  assert.equal(parseArguments(['check', '-f', 'junit']).kind, 'check');
});

test('after --, -h, -v and --help are file names, not options', () => {
  for (const name of ['-h', '--help', '-v', '--version']) {
    const parsed = parseArguments(['check', '--', name]);
    assert.equal(parsed.kind, 'check', name);
    assert.deepEqual(parsed.kind === 'check' && parsed.options.paths, [name]);
  }
  assert.deepEqual(run(['check', '--', '-h']), {
    code: 2,
    stdout: '0 errors, 0 warnings in 0 files (0 checked)\n',
    stderr: 'rst-specs: -h: no such file or folder\n',
  });
  assert.deepEqual(parseArguments(['check', '-h', '--', 'x.rst']), { kind: 'help' });
  assert.deepEqual(parseArguments(['check', '--toString']), { kind: 'error', message: "unknown option '--toString'" });
});

test('--max-line-length and --rule change what is reported', () => {
  assert.equal(
    run(['check', '--max-line-length', '90', 'specs/warnings.rst']).stdout,
    'specs/warnings.rst:12:47: error trailing-whitespace Trailing whitespace.\n\n1 error, 0 warnings in 1 file (1 checked)\n',
  );
  assert.deepEqual(run(['check', '--rule', 'trailing-whitespace=warning', '--rule', 'line-length=off', 'specs/warnings.rst']), {
    code: 0,
    stdout: 'specs/warnings.rst:12:47: warning trailing-whitespace Trailing whitespace.\n\n0 errors, 1 warning in 1 file (1 checked)\n',
    stderr: '',
  });
});
