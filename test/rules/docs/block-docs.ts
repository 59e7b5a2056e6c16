// Random rST documents full of the block-level mistakes the docs gate rejects (the idea of
// ../shared/rst-fixtures/tools/random_docs.py, for the block layer): lists, quotes, definition,
// field and option lists, explicit markup and literal blocks followed by an unindented line with
// or without a blank line, `::` with nothing after it, grid and simple tables right and wrong,
// list-tables of uneven rows, JSON code blocks Pygments can or cannot lex, transitions anywhere,
// titles with mismatched overlines, short underlines, inconsistent levels or inside a list.
// Deterministic for a seed.
import { random as seeded } from '../../robustness/config';
import { lexerSnippets } from './lexer-snippets';

const WORDS = 'alpha beta gamma delta cluster policy node senlin spec change impact API'.split(' ');
const STYLES = '=-~^"\'`#*+';
const GOOD_JSON = [['{', '  "name": "x",', '  "size": 1,', '  "ok": true', '}'], ['[1, 2.5, null, {"a": []},]'], ['{', '    "a": [[', '}']];
const BAD_JSON = [
  ['{', '  "name": "x",', '  ...', '}'],
  ['{', '  "id": <uuid>', '}'],
  ['{', '  # a comment', '  "a": 1', '}'],
  ["{'a': 1}"],
  ['{', '  name: "x"', '}'],
  ['{"enabled": True, "x": None}'],
  ['{"a": "unclosed', '}'],
  ['{"a": 1} / 2'],
  ['{"a": 1} /* open comment'],
];

const GOOD_PYTHON = [
  ['def f(a, b):', '    return a != b  # $? `x`'],
  ['s = "$ nova list"', "t = '''", '$ ?', "'''"],
  ['@decorator', 'def g(*args, **kw) -> None: ...'],
  ['x = 0x1F + 1e5 + 1_000j  # ok'],
  ['>>> x = 1', '>>> x', '1'],
];
const BAD_PYTHON = [
  ['$ nova boot --flavor 1 vm'],
  ['x = `ls`'],
  ['a = b ? c : d'],
  ['print(“x”)'],
  ['s = "unclosed', 'then $ here'],
  ['if x! = 1:', '    pass'],
  ['size = 2²'],
];

export function blockDocs(seed: number, count: number): string[] {
  const random = seeded(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const title = () => {
    const t = words(1 + Math.floor(random() * 3));
    return t[0].toUpperCase() + t.slice(1);
  };

  function block(styles: string[]): string[] {
    const r = random();
    const after = chance(0.5) ? [words(3)] : ['', words(3)];
    if (r < 0.06) return ['- ' + words(3), '- ' + words(2), ...after];
    if (r < 0.1) return ['1. ' + words(2), '2. ' + words(2), ...after];
    if (r < 0.14) return [words(1), '   ' + words(4), ...after];
    if (r < 0.17) return [':Field: ' + words(2), ':Other: ' + words(1), ...after];
    if (r < 0.2) return ['-a        ' + words(2), '--long    ' + words(2), ...after];
    if (r < 0.24) return ['   ' + words(4), '   ' + words(2), ...after];
    if (r < 0.28) return ['.. note:: ' + words(2), '   ' + words(3), ...after];
    if (r < 0.32) return [words(2) + '::', '', '    code ' + words(1), ...after];
    if (r < 0.36) return [words(3) + pick(['::', ' ::', ':']), '', words(2)];
    if (r < 0.4) return [words(3), pick(['  ', '    ']) + words(3), words(2)];
    if (r < 0.46) return gridTable();
    if (r < 0.52) return simpleTable();
    if (r < 0.54) return listTable();
    if (r < 0.58) return csvTable();
    if (r < 0.64) return codeBlock();
    if (r < 0.7) return [pick(['----', '--------', '=====', '***'])];
    if (r < 0.78) return section(styles);
    if (r < 0.82) return ['- ' + words(2), '', '  ' + title(), '  ' + '-'.repeat(12)];
    if (r < 0.85) return ['| ' + words(2), '| ' + words(2), ...after];
    return [words(5), words(4)];
  }

  function section(styles: string[]): string[] {
    const t = title();
    const overline = chance(0.25);
    const style = chance(0.7) && styles.length ? pick(styles) : pick(STYLES.split(''));
    if (!styles.includes(style)) styles.push(style);
    const length = t.length + pick([0, 0, 0, 2, -1, -2]);
    const adornment = style.repeat(Math.max(length, 1));
    if (!overline) return [t, adornment];
    const under = chance(0.7) ? adornment : style.repeat(Math.max(length + pick([1, -1, 3]), 1));
    return [adornment, t, under];
  }

  function gridTable(): string[] {
    const rows = ['+-------+--------+', '| a     | b      |', '+=======+========+', '| c     | d      |', '+-------+--------+'];
    const r = random();
    if (r < 0.3) return rows;
    if (r < 0.45) return [...rows.slice(0, 4), '+-------+-------+'];
    if (r < 0.6) return [...rows.slice(0, 3), '| c     | d        |', rows[4]];
    if (r < 0.75) return [...rows.slice(0, 4)];
    if (r < 0.82) return [...rows, words(2)];
    if (r < 0.9)
      return [
        rows[0],
        '| a     | - list |',
        '|       | text   |',
        '+-------+--------+',
        '| b     | x      |',
        '|       |   y    |',
        '|       | z      |',
        rows[4],
      ];
    return [rows[0], '| a       b      |', '+-------+--------+'];
  }

  function simpleTable(): string[] {
    const r = random();
    const border = '=====  ======';
    if (r < 0.3) return [border, 'a      b', border, 'c      d', border];
    if (r < 0.45) return [border, 'a      b', border, 'c    xd  e', border];
    if (r < 0.6) return [border, 'a      b', '=====  =======', 'c      d', border];
    if (r < 0.7) return [border, 'a      b', border, 'c      d'];
    if (r < 0.8) return [border, 'a      b', '------------', 'c      d', border];
    if (r < 0.85) return [border, 'a      b', border, 'c      d', border, words(2)];
    if (r < 0.9) return [border, 'a      - item', '       text', 'b      para', '         more', '       back', border];
    return [border, '=====  ======', 'a      b', border];
  }

  // header rows, stub columns and widths that the data may not have, and values docutils rejects
  const TABLE_OPTIONS = [
    ':header-rows: 1',
    ':header-rows: 2',
    ':header-rows: 3',
    ':header-rows: x',
    ':header-rows:',
    ':stub-columns: 1',
    ':stub-columns: 2',
    ':stub-columns: 3',
    ':widths: 1 2',
    ':widths: 1, 2, 3',
    ':widths: auto',
    ':widths: 1 0',
    ':widths: 3',
    ':align: center',
    ':align: middle',
    ':align:',
  ];

  function tableOptions(): string[] {
    const options: string[] = [];
    for (let n = Math.floor(random() * 3); n > 0; n--) {
      const option = '   ' + pick(TABLE_OPTIONS);
      if (!options.some((o) => o.split(':')[1] === option.split(':')[1])) options.push(option);
    }
    return options;
  }

  function listTable(): string[] {
    const r = random();
    const head = ['.. list-table::', ...tableOptions(), ''];
    if (r < 0.4) return [...head, '   * - a', '     - b', '   * - c', '     - d'];
    if (r < 0.55) return [...head, '   * - a', '     - b', '     - e', '   * - c', '     - d', '     - f'];
    if (r < 0.7) return [...head, '   * - a', '     - b', '   * - c'];
    if (r < 0.85) return [...head, '   * - a', '     - b', '   * - c and d'];
    return ['.. list-table::', '', '   Just a paragraph.'];
  }

  function csvTable(): string[] {
    const options = tableOptions();
    if (chance(0.2))
      options.push(pick(['   :header: "x", "y"', '   :header: "x", "y", "z"', '   :delim: ;', '   :delim: ab', '   :keepspace:']));
    const head = ['.. csv-table::' + (chance(0.3) ? ' Title' : ''), ...options, ''];
    const rows = pick([
      ['a, b', 'c, d'],
      ['a, b', 'c, d', 'e, f'],
      ['a, b, c', 'd'],
      ['"a, b", c', 'd, "e ""q"" f"'],
      ['"a, b', 'c, d'],
      ['"a" b, c'],
      ['a; b', 'c; d'],
      ['a'],
      ['"multi', 'line", b', 'c, d'],
    ]);
    if (chance(0.1)) return head.slice(0, -1);
    return [...head, ...rows.map((row) => '   ' + row)];
  }

  function codeBlock(): string[] {
    if (chance(0.3)) {
      // the ported lexers, on the differential test's snippets
      const language = pick(['javascript', 'bash', 'console', 'xml']);
      const body = lexerSnippets(language, Math.floor(random() * 1e9), 1)[0]
        .trimEnd()
        .split('\n');
      return [pick([`.. code-block:: ${language}`, `.. code:: ${language}`]), '', ...body.map((line) => '   ' + line)];
    }
    if (chance(0.35)) {
      const body = chance(0.5) ? pick(GOOD_PYTHON) : pick(BAD_PYTHON);
      const head = pick(['.. code-block:: python', '.. code:: py', '.. sourcecode:: python3', '.. code-block:: Python']);
      return [head, '', ...body.map((line) => '   ' + line)];
    }
    const body = chance(0.5) ? pick(GOOD_JSON) : pick(BAD_JSON);
    if (chance(0.15))
      return [
        pick(['.. highlight:: json', '.. highlight:: python']),
        '',
        pick(['.. code-block::', 'Sample::']),
        '',
        ...body.map((line) => '   ' + line),
      ];
    const head = pick([
      '.. code-block:: json',
      '.. code:: json',
      '.. sourcecode:: JSON',
      '.. code-block:: javascript',
      '.. code-block:: jsn',
    ]);
    const options = chance(0.2) ? ['   :linenos:'] : [];
    return [head, ...options, '', ...body.map((line) => '   ' + line)];
  }

  const docs: string[] = [];
  for (let k = 0; k < count; k++) {
    const styles: string[] = [];
    const lines: string[] = chance(0.5) ? ['=====', 'Title', '=====', ''] : [];
    if (lines.length) styles.push('==');
    const n = 4 + Math.floor(random() * 18);
    for (let i = 0; i < n; i++) {
      lines.push(...block(styles));
      if (chance(0.8)) lines.push('');
    }
    if (chance(0.15)) lines.push('', '-----');
    else if (chance(0.1)) lines.push('', 'Last', '----', '', 'Text.', '', '------');
    docs.push(lines.join('\n') + '\n');
  }
  return docs;
}
