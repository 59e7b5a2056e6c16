// Random rST documents full of inline markup, references, directives and roles, right and wrong:
// the input of the differential test against Sphinx (the idea of ../shared/rst-fixtures/tools/
// random_docs.py, aimed at the inline layer). Block structure is kept simple and valid, so that
// both sides read the same paragraphs.
import { random } from '../robustness/config';

const WORDS = ['alpha', 'beta', 'gamma', 'node', 'cluster', 'policy', 'API', 'spec', 'x', 'foo_bar', 'a-b'];
const NAMES = ['alpha', 'beta', 'node list', 'Policy'];
const INLINE = [
  '*w*',
  '**w**',
  '``w``',
  '`w`',
  '`w`_',
  'w_',
  'w__',
  '`w <http://example.org/w>`_',
  '`w <http://example.org/v>`_',
  '`w <n_>`_',
  '`w`__',
  '|s|',
  '|s|_',
  '_`w`',
  '[1]_',
  '[#]_',
  '[#n]_',
  '[*]_',
  '[CIT]_',
  ':ref:`w`',
  ':func:`w`',
  ':rolx:`w`',
  ':code:`w`',
  '`w`:emphasis:',
  ':emphasis:`w`_',
  ':sup:`w`:sub:',
  '*',
  '**',
  '`',
  '``',
  '|',
  '_`',
  '"*"',
  "'`'",
  '(*)',
  '*w',
  'w*',
  '**w',
  '``w',
  '`w',
  '|w',
  '_`w',
  '\\*w*',
  '*w\\*',
  'a*b*c',
  '2 * 3',
  '*w*x',
  '*w*.',
  '(*w*)',
  '"*w*"',
  '«*w*»',
  '*w *',
  '` w`',
  '``w ``',
  '|w |',
  ':w:`',
  'w:`x`',
  '`w`__x',
  '<*w*>',
  '*\n*',
];
const DIRECTIVES = [
  ['.. note:: w', '   w'],
  ['.. note::'],
  ['.. nte:: w'],
  ['.. warning::', '   :class: c', '', '   w'],
  ['.. todo:: w'],
  ['.. todo::'],
  ['.. code-block:: json', '   :linenos:', '', '   {}'],
  ['.. code-block:: json', '   :bogus:', '', '   {}'],
  ['.. image::'],
  ['.. image:: a.png', '   :bogus: 1'],
  ['.. versionadded::'],
  ['.. seealso:: w'],
  ['.. toctree::', '   :maxdepth: 1'],
  ['.. figure:: a.png', '', '   caption'],
  ['.. topic:: T', '', '   w'],
  ['.. graphviz::', '', '   digraph {}'],
  ['.. only:: html', '', '   w'],
  ['.. rubric::'],
  ['.. unknown-thing::', '', '   *w'],
  ['.. code:: python', '', '   x = 1'],
  ['.. centered:: w'],
  ['.. hlist::', '', '   * w'],
  // option values docutils's converters reject, or Sphinx's code-block
  ['.. image:: a.png', '   :width: w'],
  ['.. image:: a.png', '   :scale: 50 %', '   :align: middle', '   :width: 10 %'],
  ['.. figure:: a.png', '   :align: top', '', '   caption'],
  ['.. code-block:: python', '   :emphasize-lines: 2-', '', '   x = 1'],
  ['.. code-block:: python', '   :emphasize-lines: 3', '', '   x = 1'],
  ['.. code-block:: json', '   :lineno-start: one', '', '   {...}'],
  ['.. note::', '   :class:', '', '   w'],
  ['.. image:: a.png', '   :height: 10%', '   :height: 1'],
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function phrase(r: () => number): string {
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 9);
  for (let i = 0; i < n; i++) {
    const token = r() < 0.35 ? pick(r, INLINE) : pick(r, WORDS);
    parts.push(
      token
        .replace(/\bw\b/g, () => pick(r, WORDS))
        .replace(/\bs\b/, () => pick(r, ['s', 'version', 'S', 'sub']))
        .replace('n_', `${pick(r, NAMES)}_`),
    );
  }
  // sometimes no space between tokens, as in real typing mistakes
  return parts.reduce((text, part) => text + (r() < 0.15 ? '' : ' ') + part);
}

function oneLine(r: () => number): string {
  return phrase(r).replace(/\n/g, ' ');
}

/** Where docutils reads inline markup, and where it does not. */
const CONTEXTS: ((text: string) => string[])[] = [
  (t) => ['.. note::', '', `   ${t}`],
  (t) => [`:field: ${t}`],
  (t) => [`| ${t}`, `| ${t}`],
  (t) => ['Literal::', '', `    ${t}`],
  (t) => [`.. comment ${t}`],
  (t) => ['.. unknown-thing::', '', `   ${t}`],
  (t) => [`.. todo:: ${t}`],
  (t) => ['.. versionadded:: 1.0', '', `   ${t}`],
  (t) => ['.. seealso::', '', `   ${t}`],
  (t) => [`.. admonition:: ${t}`, '', '   Body.'],
  (t) => [`-a  ${t}`],
  // a block quote after a paragraph (after explicit markup it would become the markup's content)
  (t) => ['Quoted:', '', `   ${t}`],
  (t) => [`#. ${t}`],
  (t) => ['.. code-block:: text', '', `   ${t}`],
  (t) => [`.. [2] ${t}`],
  (t) => ['.. |d| replace:: x', '', `${t} |d|`],
  (t) => [`Title ${t.slice(0, 20)}`.trimEnd(), '='.repeat(30)],
  // table cells: each is parsed as a document of its own
  (t) => {
    const w = Math.max(3, t.length);
    return [`+-----+${'-'.repeat(w + 2)}+`, `| a   | ${t.padEnd(w)} |`, `+-----+${'-'.repeat(w + 2)}+`];
  },
  (t) => ['===  ======', 'a    b', '===  ======', `c    ${t}`, '===  ======'],
  // a csv-table's cells (a quoted field, its quotes doubled)
  (t) => ['.. csv-table::', '', `   a, "${t.replace(/"/g, '""')}"`],
];

export function generateDocument(seed: number): string {
  const r = random(seed).next;
  const lines = ['=====', 'Title', '=====', ''];
  const blocks = 4 + Math.floor(r() * 10);
  for (let b = 0; b < blocks; b++) {
    const k = r();
    if (k < 0.45)
      lines.push(
        ...phrase(r)
          .split('\n')
          .map((l) => l.trim() || 'x'),
      );
    else if (k < 0.55) lines.push(`${pick(r, NAMES)}`, '-'.repeat(20));
    else if (k < 0.63) lines.push(`.. _${pick(r, NAMES)}: ${r() < 0.5 ? 'http://example.org/' + pick(r, WORDS) : ''}`.trimEnd());
    else if (k < 0.65) lines.push(`__ http://example.org/${pick(r, WORDS)}`);
    // indirect targets: chains, cycles, and ones to nothing
    else if (k < 0.67) lines.push(`.. _${pick(r, NAMES)}: \`${pick(r, [...NAMES, 'nowhere'])}\`_`);
    else if (k < 0.71) lines.push(`.. |${pick(r, ['s', 'sub', 'S'])}| replace:: ${pick(r, WORDS)}`);
    else if (k < 0.75) lines.push(`.. [${pick(r, ['1', '#', '#n', '*', 'CIT'])}] ${pick(r, WORDS)}`);
    else if (k < 0.88) lines.push(...pick(r, DIRECTIVES));
    else if (k < 0.9) lines.push(`* ${oneLine(r)}`, `* ${pick(r, WORDS)}`);
    else if (k < 0.92) lines.push(`${pick(r, WORDS)}`, `   ${oneLine(r)}`);
    else lines.push(...pick(r, CONTEXTS)(oneLine(r)));
    lines.push('');
  }
  return lines.join('\n');
}
