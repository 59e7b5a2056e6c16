// parseSpec: blocks, literal lines, positions (CRLF, BOM, tabs, wide and astral characters), the
// section tree, and inputs that must not break it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpec } from '../../server/src/rst/parse';
import type { Section } from '../../server/src/rst/types';

const lines = (...l: string[]) => l.join('\n') + '\n';

test('blocks: every kind, nested ones included, in document order', () => {
  const doc = parseSpec(
    lines(
      'Title',
      '=====',
      '',
      'A paragraph',
      'on two lines::',
      '',
      '    literal',
      '',
      '    more',
      '',
      '- item one',
      '- item two',
      '',
      '  nested para',
      '',
      '1. first',
      '2. second',
      '',
      ':Field: value',
      ':Other: x',
      '',
      'Para',
      '',
      '  quoted text',
      '',
      '.. note:: Note text',
      '',
      '   Body.',
      '',
      '.. code-block:: python',
      '   :linenos:',
      '',
      '   print(1)',
      '',
      '   print(2)',
      '',
      '.. a comment',
      '   continued',
      '',
      '+---+---+',
      '| a | b |',
      '+---+---+',
      '',
      '===  ===',
      'a    b',
      '===  ===',
      '',
      'Expanded ::',
      '',
      '  lit',
      '',
      '::',
      '',
      '> quoted',
      '> literal',
    ),
  );
  assert.deepEqual(doc.blocks, [
    { kind: 'paragraph', startLine: 3, endLine: 5, indent: 0 },
    { kind: 'literal', startLine: 6, endLine: 9, indent: 4 },
    { kind: 'bullet-list', startLine: 10, endLine: 14, indent: 0 },
    { kind: 'list-item', startLine: 10, endLine: 11, indent: 0 },
    { kind: 'paragraph', startLine: 10, endLine: 11, indent: 2 },
    { kind: 'list-item', startLine: 11, endLine: 14, indent: 0 },
    { kind: 'paragraph', startLine: 11, endLine: 12, indent: 2 },
    { kind: 'paragraph', startLine: 13, endLine: 14, indent: 2 },
    { kind: 'enumerated-list', startLine: 15, endLine: 17, indent: 0 },
    { kind: 'list-item', startLine: 15, endLine: 16, indent: 0 },
    { kind: 'paragraph', startLine: 15, endLine: 16, indent: 3 },
    { kind: 'list-item', startLine: 16, endLine: 17, indent: 0 },
    { kind: 'paragraph', startLine: 16, endLine: 17, indent: 3 },
    { kind: 'field-list', startLine: 18, endLine: 20, indent: 0 },
    { kind: 'paragraph', startLine: 18, endLine: 19, indent: 8 },
    { kind: 'paragraph', startLine: 19, endLine: 20, indent: 8 },
    { kind: 'paragraph', startLine: 21, endLine: 22, indent: 0 },
    { kind: 'block-quote', startLine: 23, endLine: 24, indent: 2 },
    { kind: 'paragraph', startLine: 23, endLine: 24, indent: 2 },
    { kind: 'directive', startLine: 25, endLine: 28, indent: 0, name: 'note', argument: '' },
    { kind: 'paragraph', startLine: 25, endLine: 26, indent: 10 },
    { kind: 'paragraph', startLine: 27, endLine: 28, indent: 3 },
    { kind: 'directive', startLine: 29, endLine: 35, indent: 0, name: 'code-block', argument: 'python' },
    { kind: 'comment', startLine: 36, endLine: 38, indent: 0 },
    { kind: 'table', startLine: 39, endLine: 42, indent: 0 },
    { kind: 'table', startLine: 43, endLine: 46, indent: 0 },
    { kind: 'paragraph', startLine: 47, endLine: 48, indent: 0 },
    { kind: 'literal', startLine: 49, endLine: 50, indent: 2 },
    { kind: 'literal', startLine: 53, endLine: 55, indent: 0 },
  ]);
  // the literal blocks and the code-block's content (not its options)
  assert.deepEqual(
    [...doc.literalLines].sort((a, b) => a - b),
    [6, 7, 8, 32, 33, 34, 49, 53, 54],
  );
  assert.deepEqual(doc.messages, []);
});

test('blocks: a literal block after a list item, a list inside a block quote, a directive argument', () => {
  const doc = parseSpec(lines('* item::', '', '    code', '', '  - inner', '', '.. image:: foo.png', '   :alt: x'));
  assert.deepEqual(doc.blocks, [
    { kind: 'bullet-list', startLine: 0, endLine: 5, indent: 0 },
    { kind: 'list-item', startLine: 0, endLine: 5, indent: 0 },
    { kind: 'paragraph', startLine: 0, endLine: 1, indent: 2 },
    { kind: 'literal', startLine: 2, endLine: 3, indent: 4 },
    { kind: 'bullet-list', startLine: 4, endLine: 5, indent: 2 },
    { kind: 'list-item', startLine: 4, endLine: 5, indent: 2 },
    { kind: 'paragraph', startLine: 4, endLine: 5, indent: 4 },
    { kind: 'directive', startLine: 6, endLine: 8, indent: 0, name: 'image', argument: 'foo.png' },
  ]);
  assert.deepEqual([...doc.literalLines], [2]);
});

test('lines: CRLF, lone CR and LF, offsets into the text without its BOM', () => {
  const doc = parseSpec('\uFEFFa\r\nb\rc\nd');
  assert.equal(doc.hasBom, true);
  assert.equal(doc.text, 'a\r\nb\rc\nd');
  assert.deepEqual(doc.lines, [
    { text: 'a', offset: 0, eol: '\r\n' },
    { text: 'b', offset: 3, eol: '\r' },
    { text: 'c', offset: 5, eol: '\n' },
    { text: 'd', offset: 7, eol: '' },
  ]);
});

function summary(s: Section) {
  return {
    title: s.title,
    level: s.level,
    style: s.style,
    lines: [s.overlineLine, s.titleLine, s.underlineLine, s.endLine],
    range: [s.titleRange.start.line, s.titleRange.start.character, s.titleRange.end.line, s.titleRange.end.character],
    lengths: [s.overlineLength, s.underlineLength],
  };
}

test('positions: BOM, CRLF, tabs, wide and astral characters', () => {
  const text = [
    '\uFEFF日本語',
    '======',
    '',
    '  T\ttab  ',
    '  ==========',
    '  T\ttab',
    '  ==========',
    '',
    '𝒳 astral',
    '~~~~~~~~',
    '',
    'Title   ',
    '-----   \t',
    '',
  ].join('\r\n');
  const doc = parseSpec(text);
  assert.equal(doc.hasBom, true);
  assert.ok(doc.lines.slice(0, -1).every((l) => l.eol === '\r\n'));
  assert.deepEqual(doc.sections.map(summary), [
    // 日本語 is 6 columns wide: a 6-character underline is long enough
    { title: '日本語', level: 1, style: '=', lines: [-1, 0, 1, 14], range: [0, 0, 0, 3], lengths: [0, 6] },
    // surrogate pairs: 9 UTF-16 code units, 8 characters, 8 columns
    { title: '𝒳 astral', level: 2, style: '~', lines: [-1, 8, 9, 14], range: [8, 0, 8, 9], lengths: [0, 8] },
    // trailing spaces and tabs are not part of the title or the underline
    { title: 'Title', level: 3, style: '-', lines: [-1, 11, 12, 14], range: [11, 0, 11, 5], lengths: [0, 5] },
  ]);
  // Indented, "T<tab>tab" is a block quote, where a title is unexpected. The tab is expanded at
  // its column in the whole line (T at column 2, so 6 columns), the indentation removed after:
  // "T     tab" is 9 columns, so the 10-character underline is long enough.
  assert.deepEqual(doc.messages, [
    { line: 4, level: 4, text: 'Unexpected section title.' },
    { line: 6, level: 4, text: 'Unexpected section title.' },
  ]);
});

test('positions: a tab in a title is expanded in the title, not in the range', () => {
  const doc = parseSpec(lines('A\tB', '===========', '', '  ====', '  In', '  ====', ''));
  assert.deepEqual(doc.sections.map(summary), [
    { title: 'A       B', level: 1, style: '=', lines: [-1, 0, 1, 8], range: [0, 0, 0, 3], lengths: [0, 11] },
  ]);
  // too short for the 9-column expanded title
  const short = parseSpec(lines('A\tB', '========'));
  assert.deepEqual(short.messages, [{ line: 1, level: 2, text: 'Title underline too short.' }]);
});

test('sections: levels, endLine, children and parent; inset overline titles', () => {
  const text = lines('=====', ' Doc', '=====', 'intro', '', 'A', '-', '', 'A.1', '~~~', '', 'B', '-', '', 'text');
  const doc = parseSpec(text);
  assert.equal(doc.lines.length, 16);
  assert.deepEqual(doc.sections.map(summary), [
    { title: 'Doc', level: 1, style: '==', lines: [0, 1, 2, 16], range: [1, 1, 1, 4], lengths: [5, 5] },
    { title: 'A', level: 2, style: '-', lines: [-1, 5, 6, 11], range: [5, 0, 5, 1], lengths: [0, 1] },
    { title: 'A.1', level: 3, style: '~', lines: [-1, 8, 9, 11], range: [8, 0, 8, 3], lengths: [0, 3] },
    { title: 'B', level: 2, style: '-', lines: [-1, 11, 12, 16], range: [11, 0, 11, 1], lengths: [0, 1] },
  ]);
  const [top, a, a1, b] = doc.sections;
  assert.deepEqual(doc.roots, [top]);
  assert.deepEqual(top.children, [a, b]);
  assert.deepEqual(a.children, [a1]);
  assert.equal(top.parent, undefined);
  assert.equal(a.parent, top);
  assert.equal(a1.parent, a);
  assert.equal(b.parent, top);
});

test('sections: the next title of a higher level ends every open section', () => {
  const doc = parseSpec(lines('A', '=', '', 'B', '-', '', 'C', '~', '', 'D', '=', ''));
  assert.deepEqual(
    doc.sections.map((s) => [s.title, s.level, s.endLine]),
    [
      ['A', 1, 9],
      ['B', 2, 9],
      ['C', 3, 9],
      ['D', 1, 13],
    ],
  );
  assert.deepEqual(
    doc.roots.map((s) => s.title),
    ['A', 'D'],
  );
});

test('messages: 0-based lines; INFO messages kept at level 2 with docutilsLevel 1', () => {
  const doc = parseSpec(lines('A', '=', '', 'B', '-', '', 'C', '=', '', 'D', '^', '', 'Long title', '---'));
  assert.deepEqual(doc.messages, [
    { line: 9, level: 4, text: 'Title level inconsistent:' },
    { line: 13, level: 2, text: 'Possible title underline, too short for the title.', docutilsLevel: 1 },
  ]);
});

test('empty document', () => {
  const doc = parseSpec('');
  assert.deepEqual(
    { ...doc, literalLines: [...doc.literalLines] },
    {
      text: '',
      hasBom: false,
      lines: [{ text: '', offset: 0, eol: '' }],
      sections: [],
      roots: [],
      blocks: [],
      literalLines: [],
      messages: [],
      markup: { texts: [], explicit: [], directives: [] },
    },
  );
});

test('a title at the end of a file without a final newline', () => {
  const doc = parseSpec('Top\n===\n\nSub\n---');
  assert.equal(doc.lines.length, 5);
  assert.deepEqual(
    doc.sections.map((s) => [s.title, s.level, s.titleLine, s.underlineLine, s.endLine]),
    [
      ['Top', 1, 0, 1, 5],
      ['Sub', 2, 3, 4, 5],
    ],
  );
});

test('a transition is not a title; a paragraph line right above an adornment line is not either', () => {
  const doc = parseSpec(lines('Title', '=====', '', 'para', '', '----------', '', 'Some paragraph', 'Next', '----', ''));
  assert.deepEqual(
    doc.sections.map((s) => s.title),
    ['Title'],
  );
  assert.deepEqual(doc.blocks, [
    { kind: 'paragraph', startLine: 3, endLine: 4, indent: 0 },
    { kind: 'paragraph', startLine: 7, endLine: 10, indent: 0 },
  ]);
});

test('binary-ish input with NUL bytes does not throw', () => {
  let text = '\u0000\u0000\n\nTitle\u0000\n======\n\u0000\r\n';
  for (let i = 0; i < 2000; i++) text += String.fromCharCode((i * 7919) % 256);
  const doc = parseSpec(text);
  assert.ok(doc.lines.length > 3);
  assert.deepEqual(
    doc.sections.map((s) => s.title),
    ['Title\u0000'],
  );
  assert.ok(!doc.messages.some((m) => m.text.startsWith('Internal')));
});

test('lone surrogates, form feeds and vertical tabs do not throw', () => {
  const doc = parseSpec('\ud800x\n\n\f\vTitle\udc00\n=========\n\n- \ud83d\n');
  // docutils turns \f and \v into spaces: the "title" is indented, a block quote, and the
  // adornment line after it a transition
  assert.deepEqual(doc.sections, []);
  assert.deepEqual(doc.blocks.slice(0, 2), [
    { kind: 'paragraph', startLine: 0, endLine: 1, indent: 0 },
    { kind: 'block-quote', startLine: 2, endLine: 3, indent: 2 },
  ]);
  assert.deepEqual(doc.messages, [{ line: 3, level: 2, text: 'Block quote ends without a blank line; unexpected unindent.' }]);
});

test('adversarial inputs parse in linear time, without deep recursion', () => {
  const inputs: [string, string][] = [
    ['100,000 spaces', ' '.repeat(100_000)],
    ['1 MB of =', '='.repeat(1 << 20)],
    ['a title with a 1 MB underline', 'Title\n' + '='.repeat(1 << 20) + 'x'],
    ['10,000 nested bullet lists on one line', '- '.repeat(10_000) + 'x'],
    ['10,000 nested enumerated lists on one line', '1. '.repeat(10_000) + 'x'],
    ['1 MB enumerator', '1'.repeat(1 << 20) + '. x'],
    ['1 MB field name', ':' + 'a'.repeat(1 << 20)],
    ['1 MB option list', '-a <' + 'x, -b <'.repeat(100_000)],
    ['1 MB directive name', '.. ' + 'a.'.repeat(300_000) + 'a'],
    ['1 MB hyperlink target', '.. _' + 'a'.repeat(1 << 20)],
    ['1 MB of backslashes before ::', '\\'.repeat(1 << 20) + '::'],
    ['100,000 one-character adornment lines', '=\n'.repeat(100_000)],
    ['a simple table without a bottom', '=== ===\n' + 'a b\n'.repeat(100_000)],
    ['a grid table without a bottom', '+-+-+\n' + '| | |\n'.repeat(100_000)],
    ['a 100,000-line quoted literal block', 'x::\n\n' + '> a\n'.repeat(100_000)],
    ['nested lists, 100,000 blank lines', '- '.repeat(50) + 'a\n' + '\n'.repeat(100_000) + ' '.repeat(120) + 'b'],
  ];
  for (const [name, text] of inputs) {
    const start = performance.now();
    const doc = parseSpec(text);
    const ms = performance.now() - start;
    // Generous, for a loaded CI machine (these take 0.3-0.9 s here); a quadratic scan takes minutes.
    assert.ok(ms < 15000, `${name}: ${ms.toFixed(0)} ms`);
    assert.ok(!doc.messages.some((m) => m.text.startsWith('Internal')), `${name}: internal error`);
  }
  const deep = parseSpec('- '.repeat(10_000) + 'x');
  assert.equal(deep.blocks.filter((b) => b.kind === 'bullet-list').length, 10_000);
  assert.deepEqual(deep.blocks.at(-1), { kind: 'paragraph', startLine: 0, endLine: 1, indent: 20_000 });
});
