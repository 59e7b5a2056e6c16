// The specs repos' own check read as data: what `tests/test_titles.py` makes optional, from its
// literal assignments (never run), and where a spec's repo keeps it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTestTitles, repoRootOf, testTitlesCandidates } from '../../server/src/template/test-titles';
import { sharedRoot } from '../helpers';

const novaCheck = resolve(sharedRoot, 'repos', 'nova-specs', 'tests', 'test_titles.py');

test(
  "nova-specs' own test_titles.py: History, and Feature Liaison except in queens, which has Upgrade impact",
  { skip: !existsSync(novaCheck) && 'nova-specs is absent' },
  () => {
    assert.deepEqual(parseTestTitles(readFileSync(novaCheck, 'utf8')), {
      '*': ['History', 'Feature Liaison'],
      queens: ['History', 'Upgrade impact'],
    });
  },
);

test('the variants: lists or tuples, either quotes, comments, spread over lines, a dict of releases', () => {
  assert.deepEqual(parseTestTitles('OPTIONAL_SECTIONS = ("History",)\n'), ['History']);
  assert.deepEqual(parseTestTitles('OPTIONAL_SECTIONS = [\'History\', "Footnotes"]\n'), ['History', 'Footnotes']);
  assert.deepEqual(parseTestTitles('OPTIONAL_SECTIONS = ()\n'), []);
  assert.deepEqual(parseTestTitles('OPTIONAL_SECTIONS = (\n    "History",  # since Liberty\n    # "Usage",\n    \'References\',\n)\n'), [
    'History',
    'References',
  ]);
  assert.deepEqual(
    parseTestTitles("OPTIONAL_SUBSECTIONS = defaultdict(lambda: ())\nOPTIONAL_SUBSECTIONS['rocky'] = ('Upgrade impact',)\n"),
    {
      '*': [],
      rocky: ['Upgrade impact'],
    },
  );
  assert.deepEqual(parseTestTitles("OPTIONAL_SECTIONS = ('History',)\nOPTIONAL_SUBSECTIONS = {'queens': ('A', 'B'), \"rocky\": []}\n"), {
    '*': ['History'],
    queens: ['History', 'A', 'B'],
    rocky: ['History'],
  });
  // Subsections alone, for every release.
  assert.deepEqual(parseTestTitles("OPTIONAL_SUBSECTIONS = ('Feature Liaison',)\r\n"), ['Feature Liaison']);
  // The last assignment wins, as in Python.
  assert.deepEqual(parseTestTitles("OPTIONAL_SECTIONS = ('A',)\nOPTIONAL_SECTIONS = ('History',)\n"), ['History']);
});

test('a file that does not say, or not in literals: undefined, so the defaults apply', () => {
  assert.equal(parseTestTitles(''), undefined);
  assert.equal(parseTestTitles('import docutils\n\nclass TestTitles:\n    pass\n'), undefined);
  assert.equal(parseTestTitles('OPTIONAL_SECTIONS = load_optional()\n'), undefined);
  assert.equal(parseTestTitles('OPTIONAL_SECTIONS = ("History" + "x",)\n'), undefined);
  assert.equal(parseTestTitles('OPTIONAL_SECTIONS = ("History",\n'), undefined);
  assert.equal(
    parseTestTitles("OPTIONAL_SECTIONS = ('History',)\nOPTIONAL_SUBSECTIONS[release] = ('x',)\nOPTIONAL_SUBSECTIONS = make()\n"),
    undefined,
  );
  // Only assignments at the start of a line count (not a use inside the test's code).
  assert.equal(parseTestTitles('    if x not in OPTIONAL_SECTIONS = ("A",)\n'), undefined);
});

test('where the check is: tests/test_titles.py beside each specs folder above the spec, nearest first', () => {
  assert.deepEqual(testTitlesCandidates('/r/specs/queens/approved/x.rst', '/r'), ['/r/tests/test_titles.py']);
  assert.deepEqual(testTitlesCandidates('/r/doc/specs/x.rst'), ['/r/doc/tests/test_titles.py']);
  assert.deepEqual(testTitlesCandidates('/a/specs/b/specs/x.rst'), ['/a/specs/b/tests/test_titles.py', '/a/tests/test_titles.py']);
  // Not above the workspace folder.
  assert.deepEqual(testTitlesCandidates('/w/specs/x.rst', '/w/specs'), []);
  assert.deepEqual(testTitlesCandidates('/r/notes/x.rst', '/r'), []);
});

test('the repository root: the nearest folder with .git, else the folder that holds specs/', () => {
  const tree: Record<string, string[]> = { '/r': ['.git', 'specs'], '/r/specs': ['pike'], '/c': ['specs'] };
  const list = (folder: string) => tree[folder] ?? [];
  assert.equal(repoRootOf('/r/specs/pike/approved/x.rst', list), '/r');
  assert.equal(repoRootOf('/c/specs/pike/x.rst', list), '/c');
  assert.equal(repoRootOf('/c/notes/x.rst', list), undefined);
  assert.equal(repoRootOf('/c/specs/pike/x.rst', list, '/c/specs'), undefined);
});
