// The CI recipes of docs/cli.md: the text format is what Zuul's tox role turns into inline review
// comments. Its parser (zuul-jobs roles/tox/library/tox_parse_output.py) tries, on each line of
// tox's output that does not start with a space, the flake8 pattern and then the Sphinx one, and
// keeps a match whose path is a file (relative to the repository root).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../helpers';
import { cliFixtures, run } from './run';

const PEP8 = /^(.*):(\d+):(\d+): (.*)$/;
const SPHINX = /^([^:]*):([\d]+):(.+)$/;

/** What the tox role would post: { file: [{ line, message }] }. */
function fileComments(output: string, envlist: string, cwd: string): Record<string, { line: number; message: string }[]> {
  const comments: Record<string, { line: number; message: string }[]> = {};
  for (const line of output.split('\n')) {
    if (!line || /^\s/.test(line)) continue;
    const pep8 = PEP8.exec(line);
    const sphinx = pep8 ? undefined : SPHINX.exec(line);
    const [path, start, message] = pep8 ? [pep8[1], pep8[2], pep8[4]] : sphinx ? [sphinx[1], sphinx[2], sphinx[3]] : [];
    if (!path || !existsSync(resolve(cwd, path))) continue;
    (comments[path.replace(/^\.\//, '')] ??= []).push({ line: Number(start), message: `${envlist}: ${message}` });
  }
  return comments;
}

test("the text format becomes Zuul's inline comments: one per problem, on its line, the summary none", () => {
  const { code, stdout } = run(['check', 'specs']);
  assert.equal(code, 1);
  const comments = fileComments(stdout, 'rst-specs', cliFixtures);
  assert.ok(
    comments['specs/problems.rst'].some(
      (comment) =>
        comment.line === 15 &&
        comment.message === "rst-specs: error title-underline Underline of 'Use Cases' too short: 7 characters for a title 9 columns wide.",
    ),
  );
  // Every diagnostic line, and nothing else, becomes a comment on its file and line.
  const expected: Record<string, { line: number; message: string }[]> = {};
  for (const line of stdout.split('\n')) {
    const match = /^(specs\/\S+\.rst):(\d+):\d+: (.*)$/.exec(line);
    if (match) (expected[match[1]] ??= []).push({ line: Number(match[2]), message: `rst-specs: ${match[3]}` });
  }
  assert.deepEqual(comments, expected);
  assert.ok(Object.keys(expected).length >= 2);
  assert.match(stdout, /\n\n\d+ errors?, \d+ warnings? in \d+ files? \(\d+ checked\)\n$/);
});

test('docs/cli.md: the tox environment, the Zuul job and the pre-commit config', () => {
  const doc = readFileSync(resolve(repoRoot, 'docs', 'cli.md'), 'utf8');
  assert.ok(
    doc.includes(
      '[testenv:rst-specs]\ndescription = Check the specs against their template\nskip_install = true\nallowlist_externals = npx\ncommands = npx --yes rst-specs@0.1 check specs/\n',
    ),
  );
  assert.ok(doc.includes('    vars:\n      tox_envlist: rst-specs\n'));
  const version = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')).version as string;
  assert.ok(doc.includes(`rst-specs@${version.split('.').slice(0, 2).join('.')} check`), 'the recipes pin this minor version');
});
