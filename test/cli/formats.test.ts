import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ruleById } from '../../server/src/rules';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { escapeXml } from '../../server/src/cli/formats/junit';
import { pathToUri } from '../../server/src/cli/formats/sarif';
import { cliVersion } from '../../server/src/cli/version';
import { fixture, repoRoot } from '../helpers';
import { run } from './run';
import { parseXml, validateSarif } from './validate';

// specs/ holds clean.rst, problems.rst and warnings.rst (and index.rst and template.rst, never checked).
const TEXT = `specs/problems.rst:12:47: error trailing-whitespace Trailing whitespace.
specs/problems.rst:15:1: error title-underline Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.
specs/problems.rst:17:80: error line-length Line is 89 characters long; the maximum is 79.
specs/problems.rst:19:1: error missing-section Missing section 'Alternatives': the template puts it first in 'Proposed change'.

specs/warnings.rst:12:47: error trailing-whitespace Trailing whitespace.
specs/warnings.rst:17:80: error line-length Line is 84 characters long; the maximum is 79.

6 errors, 0 warnings in 2 files (3 checked)
`;

/** warnings.rst's problems (trailing whitespace, a long line: CI errors) set back to warnings, for the tests of warnings. */
const AS_WARNINGS = ['--rule', 'trailing-whitespace=warning', '--rule', 'line-length=warning'];

test('text: path:line:col: severity rule-id message, grouped per file, then the summary; exit 1 on errors', () => {
  assert.deepEqual(run(['check', 'specs']), { code: 1, stdout: TEXT, stderr: '' });
  assert.deepEqual(run(['check', 'specs/clean.rst']), { code: 0, stdout: '0 errors, 0 warnings in 0 files (1 checked)\n', stderr: '' });
  assert.deepEqual(
    run(['check', ...AS_WARNINGS, 'specs/warnings.rst'])
      .stdout.split('\n')
      .slice(-2),
    ['0 errors, 2 warnings in 1 file (1 checked)', ''],
  );
  assert.equal(run(['check', ...AS_WARNINGS, 'specs/warnings.rst']).code, 0, 'warnings alone do not fail the run');
});

test('text: --color colours severities, locations and the summary; --no-color and NO_COLOR do not', () => {
  const coloured = run(['check', '--color', 'specs/problems.rst']).stdout;
  assert.equal(
    coloured.split('\n')[1],
    "\u001b[1mspecs/problems.rst:15:1:\u001b[22m \u001b[31m\u001b[1merror\u001b[22m\u001b[39m \u001b[2mtitle-underline\u001b[22m Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.",
  );
  assert.equal(coloured.split('\n').at(-2), '\u001b[31m\u001b[1m4 errors, 0 warnings in 1 file (1 checked)\u001b[22m\u001b[39m');
  assert.equal(
    run(['check', 'specs/clean.rst'], { isTTY: true }).stdout,
    '\u001b[32m0 errors, 0 warnings in 0 files (1 checked)\u001b[39m\n',
  );
  assert.equal(
    run(['check', ...AS_WARNINGS, 'specs/warnings.rst'], { isTTY: true })
      .stdout.split('\n')
      .at(-2),
    '\u001b[33m0 errors, 2 warnings in 1 file (1 checked)\u001b[39m',
  );
  assert.doesNotMatch(run(['check', 'specs'], { isTTY: true, env: { NO_COLOR: '1' } }).stdout, /\u001b/);
  assert.doesNotMatch(run(['check', '--no-color', 'specs'], { isTTY: true }).stdout, /\u001b/);
  assert.doesNotMatch(run(['check', 'specs'], { isTTY: false }).stdout, /\u001b/);
  assert.match(run(['check', 'specs'], { isTTY: false, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31m/);
});

test('--quiet: errors only, and no summary when there are none', () => {
  assert.deepEqual(run(['check', '--quiet', ...AS_WARNINGS, 'specs']), {
    code: 1,
    stdout: `specs/problems.rst:15:1: error title-underline Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.
specs/problems.rst:19:1: error missing-section Missing section 'Alternatives': the template puts it first in 'Proposed change'.

2 errors in 1 file (3 checked)
`,
    stderr: '',
  });
  assert.deepEqual(run(['check', '-q', ...AS_WARNINGS, 'specs/warnings.rst', '--max-warnings', '0']), { code: 0, stdout: '', stderr: '' });
});

test('--max-warnings: exit 1 when there are more warnings than N', () => {
  assert.equal(run(['check', '--max-warnings', '2', ...AS_WARNINGS, 'specs/warnings.rst']).code, 0);
  assert.deepEqual(run(['check', '--max-warnings', '1', ...AS_WARNINGS, 'specs/warnings.rst']), {
    code: 1,
    stdout: `specs/warnings.rst:12:47: warning trailing-whitespace Trailing whitespace.
specs/warnings.rst:17:80: warning line-length Line is 84 characters long; the maximum is 79.

0 errors, 2 warnings in 1 file (1 checked)
`,
    stderr: 'rst-specs: 2 warnings, more than --max-warnings 1\n',
  });
  assert.equal(run(['check', '--max-warnings=0', 'specs/clean.rst']).code, 0);
});

test('github: workflow commands with escaped properties and messages, then the summary', () => {
  assert.deepEqual(run(['check', '--format', 'github', 'specs']), {
    code: 1,
    stdout: `::error file=specs/problems.rst,line=12,col=47,title=trailing-whitespace::Trailing whitespace.
::error file=specs/problems.rst,line=15,col=1,title=title-underline::Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.
::error file=specs/problems.rst,line=17,col=80,title=line-length::Line is 89 characters long; the maximum is 79.
::error file=specs/problems.rst,line=19,col=1,title=missing-section::Missing section 'Alternatives': the template puts it first in 'Proposed change'.
::error file=specs/warnings.rst,line=12,col=47,title=trailing-whitespace::Trailing whitespace.
::error file=specs/warnings.rst,line=17,col=80,title=line-length::Line is 84 characters long; the maximum is 79.
6 errors, 0 warnings in 2 files (3 checked)
`,
    stderr: '',
  });
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('specs/a,b:c%.rst'), 'specs/a%2Cb%3Ac%25.rst');
  assert.match(
    run(['check', '--format=github', '--rule', 'line-length=information', 'specs/warnings.rst']).stdout,
    /^::notice file=specs\/warnings.rst,line=17,col=80,title=line-length::Line is 84/m,
  );
});

test('json: every checked file with its diagnostics (0-based ranges), its template and optional sections, and the counts', () => {
  const { code, stdout } = run(['check', '--format', 'json', 'specs/clean.rst', 'specs/warnings.rst']);
  assert.equal(code, 1);
  const optionalSections = { titles: ['History'], from: 'default' };
  assert.deepEqual(JSON.parse(stdout), {
    files: [
      { path: 'specs/clean.rst', template: 'specs/template.rst', optionalSections, diagnostics: [] },
      {
        path: 'specs/warnings.rst',
        template: 'specs/template.rst',
        optionalSections,
        diagnostics: [
          {
            code: 'trailing-whitespace',
            severity: 'error',
            message: 'Trailing whitespace.',
            range: { start: { line: 11, character: 46 }, end: { line: 11, character: 47 } },
          },
          {
            code: 'line-length',
            severity: 'error',
            message: 'Line is 84 characters long; the maximum is 79.',
            range: { start: { line: 16, character: 79 }, end: { line: 16, character: 84 } },
          },
        ],
      },
    ],
    summary: { errors: 2, warnings: 0, filesWithProblems: 1, checked: 2 },
  });
  // The bundled template, and a config file's optional sections, by name.
  const bundled = JSON.parse(run(['check', '--format', 'json', '-'], { stdin: fixture('cli/specs/clean.rst') }).stdout);
  assert.equal(bundled.files[0].template, 'bundled');
});

test('sarif: SARIF 2.1.0 with every rule, its help page, and a region per result', () => {
  const { code, stdout } = run(['check', '--format', 'sarif', 'specs']);
  assert.equal(code, 1);
  const log = JSON.parse(stdout);
  assert.deepEqual(validateSarif(log), []);
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.tool.driver.name, 'rst-specs');
  assert.equal(sarifRun.tool.driver.version, cliVersion());
  assert.deepEqual(
    sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id),
    [...ruleById.keys(), 'template', 'binary-file', 'encoding'],
  );
  const page = readFileSync(resolve(repoRoot, 'docs', 'rules', 'missing-section.md'), 'utf8');
  const [first] = sarifRun.tool.driver.rules;
  assert.deepEqual(Object.keys(first), ['id', 'name', 'shortDescription', 'fullDescription', 'help', 'defaultConfiguration']);
  assert.deepEqual(first.shortDescription, { text: 'A section of the template is missing from the spec.' });
  assert.deepEqual(first.defaultConfiguration, { level: 'error' });
  assert.equal(first.help.markdown, page);
  for (const rule of sarifRun.tool.driver.rules) {
    // The page's first paragraph under "What it reports"; no relative helpUri (there is no public address).
    const reports = readFileSync(resolve(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8')
      .split('## What it reports\n\n')[1]
      .split('\n\n')[0];
    assert.equal(rule.fullDescription.text, reports.replace(/\n/g, ' '), rule.id);
    assert.equal(rule.helpUri, undefined);
    assert.doesNotMatch(rule.help.text, /^#|\*\*|```/m, rule.id);
  }
  assert.deepEqual(
    sarifRun.artifacts,
    ['specs/clean.rst', 'specs/problems.rst', 'specs/warnings.rst'].map((uri) => ({ location: { uri } })),
  );
  assert.equal(sarifRun.results.length, 6);
  assert.deepEqual(sarifRun.results[1], {
    ruleId: 'title-underline',
    ruleIndex: [...ruleById.keys()].indexOf('title-underline'),
    level: 'error',
    message: { text: "Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide." },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'specs/problems.rst' },
          region: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 8 },
        },
      },
    ],
  });
  assert.deepEqual(
    sarifRun.results.map((r: { ruleId: string; level: string; ruleIndex: number }) => [
      r.ruleId,
      r.level,
      sarifRun.tool.driver.rules[r.ruleIndex].id,
    ]),
    [
      ['trailing-whitespace', 'error', 'trailing-whitespace'],
      ['title-underline', 'error', 'title-underline'],
      ['line-length', 'error', 'line-length'],
      ['missing-section', 'error', 'missing-section'],
      ['trailing-whitespace', 'error', 'trailing-whitespace'],
      ['line-length', 'error', 'line-length'],
    ],
  );
  assert.equal(pathToUri('specs/my spec#1.rst'), 'specs/my%20spec%231.rst');
  assert.equal(pathToUri('/abs/dir/a b.rst'), 'file:///abs/dir/a%20b.rst');
  assert.deepEqual(validateSarif(JSON.parse(run(['check', '--format', 'sarif', 'specs/clean.rst']).stdout)), []);
});

test('junit: one test case per file, failures for errors and warnings, parsable XML', () => {
  const { code, stdout } = run(['check', '--format', 'junit', 'specs']);
  assert.equal(code, 1);
  assert.equal(
    stdout,
    `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="rst-specs" tests="3" failures="2" errors="0">
  <testsuite name="rst-specs" tests="3" failures="2" errors="0" skipped="0">
    <testcase classname="rst-specs" name="specs/clean.rst" file="specs/clean.rst"/>
    <testcase classname="rst-specs" name="specs/problems.rst" file="specs/problems.rst">
      <failure message="4 errors, 0 warnings" type="rst-specs">specs/problems.rst:12:47: error trailing-whitespace Trailing whitespace.
specs/problems.rst:15:1: error title-underline Underline of &apos;Use Cases&apos; too short: 7 characters for a title 9 columns wide.
specs/problems.rst:17:80: error line-length Line is 89 characters long; the maximum is 79.
specs/problems.rst:19:1: error missing-section Missing section &apos;Alternatives&apos;: the template puts it first in &apos;Proposed change&apos;.</failure>
    </testcase>
    <testcase classname="rst-specs" name="specs/warnings.rst" file="specs/warnings.rst">
      <failure message="2 errors, 0 warnings" type="rst-specs">specs/warnings.rst:12:47: error trailing-whitespace Trailing whitespace.
specs/warnings.rst:17:80: error line-length Line is 84 characters long; the maximum is 79.</failure>
    </testcase>
  </testsuite>
</testsuites>
`,
  );
  const root = parseXml(stdout);
  assert.equal(root.name, 'testsuites');
  const cases = root.children[0].children;
  assert.deepEqual(
    cases.map((c) => [c.attributes.name, c.children.map((child) => child.name)]),
    [
      ['specs/clean.rst', []],
      ['specs/problems.rst', ['failure']],
      ['specs/warnings.rst', ['failure']],
    ],
  );
  assert.equal(
    cases[1].children[0].text.split('\n')[1],
    "specs/problems.rst:15:1: error title-underline Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.",
  );
  const hints = run([
    'check',
    '--format',
    'junit',
    '--rule',
    'line-length=hint',
    '--rule',
    'trailing-whitespace=off',
    'specs/warnings.rst',
  ]);
  assert.equal(hints.code, 0);
  assert.deepEqual(
    parseXml(hints.stdout).children[0].children[0].children.map((c) => [c.name, c.text]),
    [['system-out', 'specs/warnings.rst:17:80: hint line-length Line is 84 characters long; the maximum is 79.']],
  );
  assert.equal(escapeXml(`a<b>&"c"'\u0000\uD800`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;\uFFFD\uFFFD');
  // And a real XML parser agrees, where Python is installed.
  if (existsSync('/usr/bin/python3')) {
    const parsed = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.buffer.read()); print(len(r.iter("testcase").__next__().attrib), len(list(r.iter("failure"))))',
      ],
      { input: stdout, encoding: 'utf8' },
    );
    assert.equal(parsed.stdout, '3 2\n', parsed.stderr);
  }
});
