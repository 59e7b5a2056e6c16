import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRule, range } from '../helpers';
import { scanInline } from '../../server/src/rst/inline/scan';
import { readConfPy } from '../../server/src/rules/docs/names';
import { parseConfig } from '../../server/src/config/parse';

const NOVA = { docs: { extensions: ['redirect', 'sphinx.ext.todo', 'openstackdocstheme', 'yasfb'] } };
const doc = (...lines: string[]) => ['=====', 'Title', '=====', '', ...lines, ''].join('\n');

test('rst-inline: each unclosed start-string at its own characters, with docutils words and line', () => {
  const text = doc('Some *emphasis and **strong and ``lit and `interp and', '|sub and _`tgt here.');
  assert.deepEqual(checkRule('rst-inline', text), [
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline emphasis start-string without end-string.',
      range: range(4, 5, 4, 6),
      data: { docutilsLine: 5, escape: true },
    },
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline strong start-string without end-string.',
      range: range(4, 19, 4, 21),
      data: { docutilsLine: 5 },
    },
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline literal start-string without end-string.',
      range: range(4, 32, 4, 34),
      data: { docutilsLine: 5 },
    },
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline interpreted text or phrase reference start-string without end-string.',
      range: range(4, 42, 4, 43),
      data: { docutilsLine: 5, escape: true },
    },
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline substitution_reference start-string without end-string.',
      range: range(5, 0, 5, 1),
      data: { docutilsLine: 5 },
    },
    {
      code: 'rst-inline',
      severity: 'error',
      message: 'Inline target start-string without end-string.',
      range: range(5, 9, 5, 11),
      data: { docutilsLine: 5 },
    },
  ]);
});

test('rst-inline: what docutils does not take for markup is not reported', () => {
  const fine = [
    'a * b, 2*3, "*", (*), \'`\', \\*args, *a*, **b**, ``c``, `d`, |e|_ and the like:',
    '*emphasis*. (*quoted*) "*x*" foo_bar a*b*c',
    '',
    '::',
    '',
    '    *literal block',
    '',
    '.. code-block:: python',
    '',
    '   *args',
    '',
    '.. a comment with *stars',
    '',
    '.. |e| replace:: e',
    '.. _e: http://example.org',
  ];
  assert.deepEqual(checkRule('rst-inline', doc(...fine)), []);
});

test('rst-inline: titles, list items, definition terms, line blocks and field names are read; tabs map back to characters', () => {
  const text = [
    'Title *one',
    '==========',
    '',
    '* item *two',
    '',
    'term *three',
    '   definition',
    '',
    '| line *four',
    '',
    '\tquoted *five',
    '',
    ':Field *six: body',
    '',
  ].join('\n');
  const found = checkRule('rst-inline', text).map((d) => [d.range.start.line, d.range.start.character, d.data?.docutilsLine]);
  assert.deepEqual(found, [
    [0, 6, 1],
    [3, 7, 4],
    [5, 5, 6],
    [8, 7, 9],
    [10, 8, 11],
    [12, 7, 13],
  ]);
});

test('rst-inline: the title argument of admonition, topic, rubric and tables is inline text', () => {
  const text = doc(
    '.. admonition:: A *title',
    '',
    '   Body.',
    '',
    '.. list-table:: *Cap',
    '',
    '   * - a',
    '',
    '.. rubric:: |x',
    '',
    '.. image:: *not-text.png',
  );
  assert.deepEqual(
    checkRule('rst-inline', text).map((d) => [d.range.start.line, d.range.start.character, d.message]),
    [
      [4, 18, 'Inline emphasis start-string without end-string.'],
      [8, 16, 'Inline emphasis start-string without end-string.'],
      [12, 12, 'Inline substitution_reference start-string without end-string.'],
    ],
  );
});

test('rst-reference: unknown and duplicate targets, substitutions, footnotes, citations, anonymous references', () => {
  const text = doc(
    'See foo_ and `bar baz`_ and anon__ and |undefined| and [1]_ and [#]_ and [CIT]_.',
    '',
    '.. _dup:',
    '',
    '.. _dup:',
    '',
    'Title',
    '-----',
    '',
    '`Title`_ is two sections. `x <http://a>`_ `x <http://b>`_ `|version|`',
  );
  const found = checkRule('rst-reference', text).map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`,
  );
  assert.deepEqual(found, [
    '4:4-8 Unknown target name: "foo".',
    '4:13-23 Unknown target name: "bar baz".',
    '4:28-34 Anonymous hyperlink mismatch: 1 references but 0 targets.',
    '4:39-50 Undefined substitution referenced: "undefined".',
    '4:55-59 Unknown target name: "1".',
    '4:64-68 Too many autonumbered footnote references: only 0 corresponding footnotes available.',
    '4:73-79 citation not found: CIT',
    '8:0-8 Duplicate explicit target name: "dup".',
    '13:0-8 Duplicate target name, cannot be used as a unique reference: "title".',
    '13:42-57 Duplicate explicit target name: "x".',
  ]);
});

test('rst-reference: what resolves is not reported', () => {
  const text = doc(
    'See `Title`_, target_, `Other section`_, `alias <target_>`_, |sub|, |version|, [1]_, [#]_, [#n]_, [*]_, [CIT]_,',
    'anonymous__, _`inline` and inline_, `same <http://a>`_ and `same <http://a>`_, `named`_.',
    '',
    '__ http://example.org',
    '',
    '.. _target: http://example.org',
    '.. |sub| replace:: substituted',
    '.. [1] one',
    '.. [#] auto',
    '.. [#n] labelled',
    '.. [*] symbol',
    '.. [CIT] citation',
    '',
    '.. note:: named',
    '   :name: named',
    '',
    'Other *section*',
    '---------------',
  );
  assert.deepEqual(checkRule('rst-reference', text), []);
});

test('rst-directive: unknown names (with a suggestion), bad arguments and options, missing content', () => {
  const text = doc(
    '.. nte:: hello',
    '',
    '.. note::',
    '',
    '.. code-block:: json',
    '   :bogus:',
    '',
    '   {}',
    '',
    '.. image::',
    '',
    '.. versionadded::',
    '',
    '.. todo::',
    '',
    '.. graphviz::',
    '',
    '   digraph {}',
  );
  assert.deepEqual(checkRule('rst-directive', text, NOVA), [
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Unknown directive type "nte". Did you mean `note`?',
      range: range(4, 3, 4, 6),
      data: { name: 'nte', suggestion: 'note' },
    },
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Content block expected for the "note" directive; none found.',
      range: range(6, 3, 6, 7),
    },
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Error in "code-block" directive: unknown option: "bogus".',
      range: range(8, 3, 8, 13),
    },
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Error in "image" directive: 1 argument(s) required, 0 supplied.',
      range: range(13, 3, 13, 8),
    },
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Error in "versionadded" directive: 1 argument(s) required, 0 supplied.',
      range: range(15, 3, 15, 15),
    },
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Content block expected for the "todo" directive; none found.',
      range: range(17, 3, 17, 7),
    },
    {
      code: 'rst-directive',
      severity: 'error',
      message: 'Unknown directive type "graphviz".',
      range: range(19, 3, 19, 11),
      data: { name: 'graphviz' },
    },
  ]);
});

test('rst-directive and rst-role: the names of conf.py extensions, the common set without conf.py, extra names, unknown extensions', () => {
  const text = doc(
    '.. graphviz::',
    '',
    '   digraph {}',
    '',
    '.. blockdiag::',
    '',
    '   a -> b',
    '',
    'A :bug:`1` and :py:func:`f` and :rolx:`x`.',
  );
  const directives = (options: object) => checkRule('rst-directive', text, options).map((d) => d.message);
  const roles = (options: object) => checkRule('rst-role', text, options).map((d) => d.message);
  assert.deepEqual(directives({}), []);
  assert.deepEqual(roles({}), ['Unknown interpreted text role "bug".', 'Unknown interpreted text role "rolx".']);
  assert.deepEqual(directives({ docs: { extensions: ['sphinx.ext.graphviz'] } }), ['Unknown directive type "blockdiag".']);
  assert.deepEqual(directives({ docs: { extensions: ['sphinx.ext.graphviz'], directives: ['blockdiag'] } }), []);
  assert.deepEqual(roles({ docs: { extensions: [], roles: ['bug', 'rolx'] } }), []);
  assert.deepEqual(roles({ docs: { extensions: ['sphinx.ext.extlinks'], extlinks: ['bug'] } }), ['Unknown interpreted text role "rolx".']);
  // an extension we don't know may define anything: nothing is reported unknown
  assert.deepEqual(directives({ docs: { extensions: ['ext.resources'] } }), []);
  assert.deepEqual(roles({ docs: { extensions: ['ext.resources'] } }), []);
});

test('rst-role: the range is the role name; a .. role:: directive defines one; a near name is suggested', () => {
  const text = doc('.. role:: custom(emphasis)', '', 'Use :custom:`x`, :reff:`y` and `z`:rolx:.');
  assert.deepEqual(checkRule('rst-role', text), [
    {
      code: 'rst-role',
      severity: 'error',
      message: 'Unknown interpreted text role "reff". Did you mean `ref`?',
      range: range(6, 18, 6, 22),
      data: { docutilsLine: 7, name: 'reff', suggestion: 'ref' },
    },
    {
      code: 'rst-role',
      severity: 'error',
      message: 'Unknown interpreted text role "rolx".',
      range: range(6, 35, 6, 39),
      data: { docutilsLine: 7, name: 'rolx' },
    },
  ]);
});

test('conf.py read as text: a plain extensions list, extlinks keys; anything else is not guessed', () => {
  assert.deepEqual(readConfPy('import os\nextensions = [\n    \'redirect\',  # ours\n    "sphinx.ext.todo",\n]\n'), {
    extensions: ['redirect', 'sphinx.ext.todo'],
  });
  assert.deepEqual(
    readConfPy("extensions = ['sphinx.ext.extlinks']\nextlinks = {'bug': ('https://b/%s', 'bug '), \"lp\": ('x', None)}\n"),
    {
      extensions: ['sphinx.ext.extlinks'],
      extlinks: ['bug', 'lp'],
    },
  );
  assert.deepEqual(readConfPy('extensions = base + ["a"]\n'), { extensions: null });
  assert.deepEqual(readConfPy("extensions = ['a']\nextensions.append('b')\n"), { extensions: null });
  assert.deepEqual(readConfPy('html_theme = "x"\n'), { extensions: null });
});

test('the Inliner port: docutils examples of start-string and end-string recognition', () => {
  const kinds = (s: string) =>
    scanInline(s).events.map((e) => (e.kind === 'problem' ? `! ${s.slice(e.start, e.end)}` : `${e.kind} ${s.slice(e.start, e.end)}`));
  assert.deepEqual(kinds('*emphasis* **strong** ``literal`` `title` _`target` 2*x a * b'), ['target _`target`']);
  assert.deepEqual(kinds('a **'), []); // a start-string at the very end is "quoted"
  assert.deepEqual(kinds('**'), ['! **']); // ... but not at the very start
  assert.deepEqual(kinds('a *b\\* c'), ['! *']); // an escaped end-string does not end it
  assert.deepEqual(kinds('`b`_ x__ |s|_ `b <http://x>`_'), [
    'reference `b`_',
    'reference x__',
    'substitution |s|_',
    'reference |s|_',
    'target `b <http://x>`_',
  ]);
  assert.deepEqual(kinds(':ref:`x` `y`:term:'), ['role ref', 'role term']);
  assert.deepEqual(kinds(':a:`x`:b:'), ['! :a:`x`:b:']);
  assert.deepEqual(kinds('[1]_ [#]_ [#n]_ [*]_ [CIT]_'), [
    'footnote [1]_',
    'footnote [#]_',
    'footnote [#n]_',
    'footnote [*]_',
    'footnote [CIT]_',
  ]);
  assert.equal(scanInline('Use *the* ``x`` `y <http://z>`_').plain, 'Use the x y');
});

test('.rst-specs.json: directives and roles are lists of names', () => {
  assert.deepEqual(parseConfig('{"directives": ["my-dir", "ns:thing"], "roles": ["bug"]}', '/r/.rst-specs.json'), {
    config: { directives: ['my-dir', 'ns:thing'], roles: ['bug'] },
    problems: [],
  });
  const bad = parseConfig('{"roles": ["two words"]}', '/r/.rst-specs.json');
  assert.deepEqual(bad.config, {});
  assert.deepEqual(
    bad.problems.map((p) => p.message),
    ['"roles" must be a list of role names, like ["bug"]'],
  );
});
